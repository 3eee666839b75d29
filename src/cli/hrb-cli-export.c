/* hrb-cli-export.c: the export command (the committee workbook). */
#include "hrb-cli.h"
#include "hrb-export.h"
#include "hrb-i18n.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static gboolean
parse_sheets (const char *text, HrbExportSheets *out)
{
  static const struct { const char *code; HrbExportSheets sheet; } codes[] = {
    { "ranking", HRB_EXPORT_SHEET_RANKING },
    { "dossiers", HRB_EXPORT_SHEET_DOSSIERS },
    { "method", HRB_EXPORT_SHEET_METHOD },
    { "sources", HRB_EXPORT_SHEET_SOURCES },
    { "monitoring", HRB_EXPORT_SHEET_MONITORING },
  };
  g_auto(GStrv) parts = NULL;

  *out = 0;
  if (text == NULL)
    {
      *out = HRB_EXPORT_SHEET_ALL;
      return TRUE;
    }
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      gboolean found = FALSE;

      g_strstrip (parts[i]);
      for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
        if (g_strcmp0 (parts[i], codes[c].code) == 0)
          {
            *out |= codes[c].sheet;
            found = TRUE;
          }
      if (!found)
        {
          hrb_cli_error (_("unknown sheet “%s” (use ranking, dossiers, method, sources, monitoring)"),
                         parts[i]);
          return FALSE;
        }
    }
  return *out != 0;
}

/* libxlsxwriter reports some failures on stderr itself; the command prints
 * one line of its own instead. */
static int
silence_stderr (void)
{
  int saved = dup (STDERR_FILENO);
  int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);

  fflush (stderr);
  if (saved >= 0 && null_fd >= 0)
    dup2 (null_fd, STDERR_FILENO);
  if (null_fd >= 0)
    close (null_fd);
  return saved;
}

static void
restore_stderr (int saved)
{
  if (saved < 0)
    return;
  fflush (stderr);
  dup2 (saved, STDERR_FILENO);
  close (saved);
}

int
hrb_cli_export (HrbCliContext *ctx)
{
  g_autofree char *stream_text = NULL;
  g_autofree char *frozen = NULL;
  g_autofree char *method = NULL;
  g_autofree char *sheets_text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *company = NULL;
  gboolean internal = FALSE;
  GOptionEntry entries[] = {
    { "stream", 0, 0, G_OPTION_ARG_STRING, &stream_text,
      N_("Only this list: prospective or retrospective (default: both)"), N_("STREAM") },
    { "frozen", 0, 0, G_OPTION_ARG_STRING, &frozen,
      N_("Export a frozen list exactly as it was frozen"), N_("NAME") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      N_("Prioritisation method (default: Basis)"), N_("NAME") },
    { "internal", 0, 0, G_OPTION_ARG_NONE, &internal,
      N_("Internal export: includes confidential fields and notes (marked VERTROUWELIJK)"), NULL },
    { "sheets", 0, 0, G_OPTION_ARG_STRING, &sheets_text,
      N_("Sheets to write, comma separated: ranking, dossiers, method, sources, monitoring"),
      N_("LIST") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("Author in the document properties (default: the database's user)"), N_("NAME") },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company,
      N_("Organisation in the document properties"), N_("NAME") },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HrbExportOptions options;
  HrbStream stream = HRB_STREAM_ANY;
  HrbExportSheets sheets;
  int saved;
  gboolean ok;

  if (!hrb_cli_parse (ctx, entries, "OUT.xlsx",
                      _("Write the workbook for the committees and the triage table.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2)
    {
      hrb_cli_error (_("export needs exactly one output file (OUT.xlsx)"));
      return HRB_EXIT_USAGE;
    }
  if (!g_str_has_suffix (ctx->argv[1], ".xlsx") && !g_str_has_suffix (ctx->argv[1], ".XLSX"))
    {
      hrb_cli_error (_("%s: the workbook's name must end in .xlsx"), ctx->argv[1]);
      return HRB_EXIT_USAGE;
    }
  if (stream_text && !hrb_stream_from_code (stream_text, &stream))
    {
      hrb_cli_error (_("unknown stream “%s” (use prospective or retrospective)"), stream_text);
      return HRB_EXIT_USAGE;
    }
  if (stream_text && frozen)
    {
      hrb_cli_error (_("--stream and --frozen cannot be combined: a frozen list has its own stream"));
      return HRB_EXIT_USAGE;
    }
  if (frozen && method)
    {
      hrb_cli_error (_("--method and --frozen cannot be combined: a frozen list keeps its method"));
      return HRB_EXIT_USAGE;
    }
  if (!parse_sheets (sheets_text, &sheets))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;

  hrb_export_options_init (&options);
  options.path = ctx->argv[1];
  options.stream = stream;
  options.frozen_list = frozen;
  options.method = method;
  options.kind = internal ? HRB_EXPORT_INTERNAL : HRB_EXPORT_COMMITTEE;
  options.sheets = sheets;
  options.author = author;
  options.company = company;

  saved = silence_stderr ();
  ok = hrb_export_workbook (store, &options, NULL, NULL, NULL, &error);
  restore_stderr (saved);
  if (!ok)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  printf (_("%s: workbook written%s\n"), options.path,
          internal ? _(" (internal, confidential)") : "");
  return HRB_EXIT_OK;
}
