#!/usr/bin/python3
"""Checks herbeoordeling-cli's help against its manual page.

Usage: check-cli-help.py CLI MANPAGE [commands|options]

  commands  `CLI --help` and `CLI --version` exit 0; `CLI COMMAND --help`
            exits 0 for every command that --help lists; no command, an
            unknown command and an unknown option exit 2 (an unknown option
            with one error line, without creating the database); every listed command has a section in the
            manual page (and the manual page documents no command that is
            gone).
  options   every option of every command (from `CLI COMMAND --help`) is
            named in that command's section of the manual page.
"""

import os
import re
import subprocess
import sys
import tempfile


def run(cli, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    env.pop("HERBEOORDELING_DB", None)
    return subprocess.run([cli] + list(args), capture_output=True, text=True, env=env,
                          timeout=60)


def listed_commands(cli, problems):
    r = run(cli, "--help")
    if r.returncode != 0:
        problems.append("`--help` exited %d" % r.returncode)
    commands = []
    in_list = False
    for line in r.stdout.splitlines():
        if line.strip() == "Commands:":
            in_list = True
            continue
        if in_list:
            m = re.match(r"^  (\S+)\s{2,}\S", line)
            if m:
                commands.append(m.group(1))
            elif not line.strip():
                in_list = False
    if not commands:
        problems.append("`--help` lists no commands:\n" + r.stdout)
    return commands


def man_sections(manpage):
    """Maps each command to the text of its .SS section."""
    sections = {}
    current = None
    with open(manpage, encoding="utf-8") as f:
        for line in f:
            if line.startswith(".SH"):
                current = None
            elif line.startswith(".SS"):
                # A section per command, titled with the command's synopsis;
                # capitalised titles are group headings.
                title = line[3:].strip().strip('"')
                name = title.split()[0].replace("\\-", "-") if title else ""
                if re.fullmatch(r"[a-z][a-z0-9-]*", name):
                    current = name
                    sections[current] = title + "\n"
                else:
                    current = None
            elif current is not None:
                sections[current] += line
    return sections


def command_options(cli, db, command, problems):
    r = run(cli, "--db", db, *command.split(), "--help")
    if r.returncode != 0:
        problems.append("`%s --help` exited %d: %s" % (command, r.returncode, r.stderr.strip()))
        return []
    if "Usage:" not in r.stdout:
        problems.append("`%s --help` prints no usage line" % command)
    options = []
    for line in r.stdout.splitlines():
        m = re.match(r"^\s+(?:-\w, )?--([a-z0-9][a-z0-9-]*)", line)
        if m and not m.group(1).startswith("help"):
            options.append(m.group(1))
    return options


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    cli, manpage = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "commands"
    problems = []
    commands = listed_commands(cli, problems)
    sections = man_sections(manpage)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "help.db")
        if mode == "commands":
            for args, want in ((["--version"], 0), ([], 2), (["no-such-command"], 2)):
                r = run(cli, "--db", db, *args)
                if r.returncode != want:
                    problems.append("`%s` exited %d, expected %d" % (" ".join(args) or "(no command)",
                                                                      r.returncode, want))
            for command in commands:
                command_options(cli, db, command, problems)
                # Wrong usage: exit 2 with one error line, and no database made.
                r = run(cli, "--db", db, command, "--no-such-option")
                errors = [l for l in r.stderr.splitlines() if l.startswith("herbeoordeling-cli:")]
                if r.returncode != 2:
                    problems.append("`%s --no-such-option` exited %d, expected 2" % (command, r.returncode))
                if len(errors) != 1:
                    problems.append("`%s --no-such-option` printed %d error lines, expected 1"
                                    % (command, len(errors)))
                if os.path.exists(db):
                    problems.append("`%s --no-such-option` created the database" % command)
                    os.unlink(db)
                if command not in sections:
                    problems.append("the manual page has no section for `%s`" % command)
                print("command %-12s help ok, %s" % (command, "documented" if command in sections
                                                      else "NOT DOCUMENTED"))
            for command in sections:
                if command not in commands:
                    print("note: the manual page documents `%s`, which --help does not list yet"
                          % command)
        elif mode == "options":
            for command in commands:
                text = sections.get(command)
                if text is None:
                    problems.append("the manual page has no section for `%s`" % command)
                    continue
                options = command_options(cli, db, command, problems)
                # Commands with subcommands ("dossier start …") list them in
                # their help; check the options of each subcommand as well.
                r = run(cli, "--db", db, command, "--help")
                if "SUBCOMMAND" in r.stdout:
                    for line in r.stdout.splitlines():
                        m = re.match(r"^  ([a-z][a-z-]*) ", line)
                        if m:
                            options += command_options(cli, db, command + " " + m.group(1), problems)
                for option in sorted(set(options)):
                    if ("\\-\\-" + option.replace("-", "\\-")) not in text:
                        problems.append("the manual page does not describe `%s --%s`"
                                        % (command, option))
                    else:
                        print("option %s --%s documented" % (command, option))
        else:
            print(__doc__)
            return 2
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
