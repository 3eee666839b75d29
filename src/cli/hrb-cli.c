/* hrb-cli.c: herbeoordeling-cli, the headless companion.
 *
 *   herbeoordeling-cli [--db PATH] COMMAND [options]
 */
#include "config.h"
#include "hrb-cli.h"
#include "hrb-i18n.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const HrbCliCommand commands[] = {
  { "init",      N_("Create or update the database; --demo loads the demo data"), hrb_cli_init },
  { "list",      N_("List the items with their latest figures"), hrb_cli_list },
  { "check",     N_("Check the database: integrity, schema version, counts"), hrb_cli_check },
  { "backup",    N_("Make a backup copy of the database"), hrb_cli_backup },
  { "backups",   N_("List the automatic backups"), hrb_cli_backups },
  { "restore",   N_("Restore the database from a backup"), hrb_cli_restore },
  { "add-item",  N_("Add an item with its figures"), hrb_cli_add_item },
  { "dossiers",  N_("List the dossiers: stage, who must act, since when, due date"), hrb_cli_dossiers },
  { "monitor",   N_("Dossier counts, outcomes, measures and lead times"), hrb_cli_monitor },
  { "dossier",   N_("Act on one dossier: start, move, park, drop, set, measure, note, show, history"), hrb_cli_dossier },
  { "import",    N_("Import a source file (horizonscan, gip-addon, ema, gip-top500, mapped)"), hrb_cli_import },
  { "medicines", N_("List the medicines with their EMA flags"), hrb_cli_medicines },
  { "changes",   N_("Show the change log of an import batch"), hrb_cli_changes },
  { "batches",   N_("List the import batches"), hrb_cli_batches },
  { "score",     N_("Rank the items by score per stream, with rank intervals and contributions"), hrb_cli_score },
  { "sluis",     N_("Count the items crossing the sluis thresholds (what-if)"), hrb_cli_sluis },
  { "expert",    N_("Set the manual expert score of an item, with its reason"), hrb_cli_expert },
  { "freeze",    N_("Freeze the ranking of a stream (lijst vaststellen)"), hrb_cli_freeze },
  { "frozen",    N_("List the frozen lists, or show one"), hrb_cli_frozen },
  { "compare",   N_("Compare two frozen lists"), hrb_cli_compare },
  { "method",    N_("Export or import a scoring method file"), hrb_cli_method },
  { "methods",   N_("List the scoring methods"), hrb_cli_methods },
  { "export",    N_("Write the Excel workbook for the committees and the triage table"), hrb_cli_export },
};

void
hrb_cli_error (const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line: newlines inside the message become "; ". */
  for (char *p = msg; *p; p++)
    if (*p == '\n')
      *p = ' ';
  fprintf (stderr, "herbeoordeling-cli: %s\n", g_strstrip (msg));
}

char *
hrb_cli_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "herbeoordeling", "herbeoordeling.db", NULL);
}

gboolean
hrb_cli_parse_format (const char *text, HrbOutputFormat *out)
{
  if (text == NULL || g_strcmp0 (text, "csv") == 0)
    *out = HRB_FORMAT_CSV;
  else if (g_strcmp0 (text, "json") == 0)
    *out = HRB_FORMAT_JSON;
  else
    {
      hrb_cli_error (_("unknown format “%s” (use csv or json)"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
hrb_cli_parse (HrbCliContext *ctx, GOptionEntry *entries, const char *params, const char *summary)
{
  g_autoptr(GOptionContext) oc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = g_strdup_printf ("%s %s", ctx->command, params ? params : "");

  oc = g_option_context_new (usage);
  g_option_context_set_summary (oc, summary);
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (oc, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (oc, &ctx->argc, &ctx->argv, &error))
    {
      hrb_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

HrbStore *
hrb_cli_open_store (HrbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  HrbStore *store;

  if (g_strcmp0 (ctx->command, "init") != 0 && g_strcmp0 (ctx->db_path, ":memory:") != 0 &&
      !g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
    {
      hrb_cli_error (_("%s: no such database (create it with “herbeoordeling-cli --db %s init”)"),
                     ctx->db_path, ctx->db_path);
      return NULL;
    }
  store = hrb_store_open (ctx->db_path, &error);
  if (store == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return NULL;
    }
  if (g_getenv ("HERBEOORDELING_AUTHOR"))
    hrb_store_set_author (store, g_getenv ("HERBEOORDELING_AUTHOR"));
  return store;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: herbeoordeling-cli [--db PATH] COMMAND [OPTIONS]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “herbeoordeling-cli COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 error, 2 wrong usage."));
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL;
  HrbCliContext ctx = { 0 };
  int i = 1;

  setlocale (LC_ALL, "");
  /* Machine output stays in the C convention whatever the locale. */
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + 5);
          i++;
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_usage (stdout);
          return HRB_EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          printf ("herbeoordeling-cli %s\n", PACKAGE_VERSION);
          return HRB_EXIT_OK;
        }
      else
        {
          hrb_cli_error (_("unknown option “%s”"), argv[i]);
          print_usage (stderr);
          return HRB_EXIT_USAGE;
        }
    }
  if (i >= argc)
    {
      print_usage (stderr);
      return HRB_EXIT_USAGE;
    }
  if (db_path == NULL)
    db_path = g_strdup (g_getenv ("HERBEOORDELING_DB"));
  if (db_path == NULL)
    db_path = hrb_cli_default_db_path ();

  ctx.db_path = db_path;
  ctx.command = argv[i];
  ctx.argc = argc - i;
  ctx.argv = argv + i;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (commands[c].name, ctx.command) == 0)
      return commands[c].run (&ctx);

  hrb_cli_error (_("unknown command “%s”"), ctx.command);
  print_usage (stderr);
  return HRB_EXIT_USAGE;
}
