/* hrb-cli-import.c: the import, medicines, changes and batches commands. */
#include "hrb-cli.h"
#include "hrb-i18n.h"
#include "hrb-import.h"
#include "hrb-store-import.h"

#include <stdlib.h>

#define MAX_PRINTED_PROBLEMS 20

static void
print_problems (const char *file, GPtrArray *problems, GPtrArray *notes, FILE *out)
{
  guint n = problems->len;

  for (guint i = 0; i < n && i < MAX_PRINTED_PROBLEMS; i++)
    {
      HrbImportProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *msg = g_strdup (p->message);

      for (char *q = msg; *q; q++)
        if (*q == '\n')
          *q = ' ';
      fprintf (out, "%s:%u:%u: %s%s\n", file, p->row, p->column, problems == notes ? _("note: ") : "", msg);
    }
  if (n > MAX_PRINTED_PROBLEMS)
    fprintf (out, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem\n", "… and %u more problems\n",
                               n - MAX_PRINTED_PROBLEMS), n - MAX_PRINTED_PROBLEMS);
}

int
hrb_cli_import (HrbCliContext *ctx)
{
  g_autofree char *source_name = NULL;
  g_autofree char *vintage = NULL;
  g_autofree char *map_path = NULL;
  gboolean dry_run = FALSE, skip_invalid = FALSE;
  GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_name,
      N_("horizonscan, gip-addon, ema, gip-top500 or mapped"), "NAME" },
    { "vintage", 0, 0, G_OPTION_ARG_STRING, &vintage, N_("Reference date of the figures (default: today)"),
      "YYYY-MM-DD" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what would change; write nothing"), NULL },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid, N_("Import the valid rows, leave out the rest"),
      NULL },
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &map_path, N_("Mapping file (for --source mapped)"), "MAPFILE" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(HrbImportMap) map = NULL;
  g_autoptr(HrbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HrbImportOptions opts = { 0 };
  const char *file;
  gboolean ok;

  if (!hrb_cli_parse (ctx, entries, "FILE", _("Import a source file into the database.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2)
    {
      hrb_cli_error (_("import needs exactly one FILE"));
      return HRB_EXIT_USAGE;
    }
  file = ctx->argv[1];
  if (source_name == NULL || !hrb_import_source_from_name (source_name, &opts.source))
    {
      hrb_cli_error (_("--source must be one of horizonscan, gip-addon, ema, gip-top500, mapped"));
      return HRB_EXIT_USAGE;
    }
  if (opts.source == HRB_IMPORT_MAPPED)
    {
      if (map_path == NULL)
        {
          hrb_cli_error (_("--source mapped needs --map MAPFILE"));
          return HRB_EXIT_USAGE;
        }
      if ((map = hrb_import_map_load (map_path, &error)) == NULL)
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      opts.map = map;
    }
  else if (map_path != NULL)
    {
      hrb_cli_error (_("--map is for --source mapped only"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;

  opts.vintage = vintage;
  opts.dry_run = dry_run;
  opts.backup_keep = HRB_STORE_DEFAULT_KEEP;
  opts.skip_invalid = skip_invalid;
  ok = hrb_import_file (store, file, &opts, &result, &error);

  if (result->problems->len > 0 || result->notes->len > 0)
    {
      print_problems (file, result->problems, result->notes, stderr);
      print_problems (file, result->notes, result->notes, stderr);
    }
  if (!ok && error->domain == HRB_IMPORT_ERROR && error->code == HRB_IMPORT_ERROR_FILE &&
      result->problems->len > 0)
    return HRB_EXIT_ERROR;   /* already printed as FILE:ROW:COLUMN */
  if (!ok && !(error->domain == HRB_IMPORT_ERROR && error->code == HRB_IMPORT_ERROR_REJECTED))
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }

  printf ("%s%s: %s\n", dry_run ? _("dry run, nothing written: ") : "", file,
          hrb_import_source_to_name (opts.source));
  printf ("new: %u\nupdated: %u\nunchanged: %u\nrejected: %u\nskipped: %u\nremoved: %u\nnew_medicines: %u\n",
          result->n_new, result->n_updated, result->n_unchanged, result->n_rejected, result->n_skipped,
          result->n_removed, result->n_new_medicines);
  printf ("encoding: %s\ndelimiter: %s\nvintage: %s\n", hrb_csv_encoding_name (result->encoding),
          result->delimiter == '\t' ? "tab" : (result->delimiter == ';' ? ";" : ","), result->vintage);
  if (result->checksum)
    printf ("sha256: %s\n", result->checksum);
  if (result->batch_id)
    printf ("batch: %" G_GINT64_FORMAT "\n", result->batch_id);
  if (!ok)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  return HRB_EXIT_OK;
}

static const char *medicine_columns[] = {
  "medicine_id", "medicine", "inn", "atc", "holder", "orphan", "conditional", "exceptional",
  "accelerated", "biosimilar", "generic", "authorisation_date", "brand", "ema_status", "atmp", NULL
};
static const char *medicine_numeric[] = {
  "medicine_id", "orphan", "conditional", "exceptional", "accelerated", "biosimilar", "generic", "atmp", NULL
};

int
hrb_cli_medicines (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meds = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, "", _("List the medicines with their EMA flags.")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((meds = hrb_store_list_medicines (store, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  table = hrb_table_new (medicine_columns);
  hrb_table_set_numeric (table, medicine_numeric);
  for (guint i = 0; i < meds->len; i++)
    {
      HrbMedicine *m = g_ptr_array_index (meds, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
      const char *row[] = {
        id, hrb_medicine_display_name (m), m->inn, m->atc, m->holder,
        m->orphan ? "1" : "0", m->conditional ? "1" : "0", m->exceptional ? "1" : "0",
        m->accelerated ? "1" : "0", m->biosimilar ? "1" : "0", m->generic ? "1" : "0",
        m->authorisation_date, m->brand, m->ema_status, m->atmp ? "1" : "0",
      };
      hrb_table_add_row (table, row);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

static const char *change_columns[] = {
  "batch_id", "kind", "item_id", "medicine_id", "row", "column", "label", "field", "old_value",
  "new_value", NULL
};
static const char *change_numeric[] = { "batch_id", "item_id", "medicine_id", "row", "column", NULL };

int
hrb_cli_changes (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;
  gint64 batch_id = 0;

  if (!hrb_cli_parse (ctx, entries, "[BATCH_ID]", _("Show the change log of an import batch (default: the last).")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if (ctx->argc > 2)
    {
      hrb_cli_error (_("changes takes at most one BATCH_ID"));
      return HRB_EXIT_USAGE;
    }
  if (ctx->argc == 2)
    {
      char *end = NULL;
      batch_id = g_ascii_strtoll (ctx->argv[1], &end, 10);
      if (end == ctx->argv[1] || *end != '\0' || batch_id <= 0)
        {
          hrb_cli_error (_("“%s” is not a batch id"), ctx->argv[1]);
          return HRB_EXIT_USAGE;
        }
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (batch_id == 0)
    {
      g_autoptr(GPtrArray) batches = hrb_store_list_batches (store, &error);
      if (batches == NULL || batches->len == 0)
        {
          hrb_cli_error (_("no import batches yet"));
          return HRB_EXIT_ERROR;
        }
      batch_id = ((HrbBatch *) g_ptr_array_index (batches, batches->len - 1))->id;
    }
  else
    {
      g_autoptr(HrbBatch) b = hrb_store_get_batch (store, batch_id, &error);
      if (b == NULL)
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
    }
  if ((changes = hrb_store_list_import_changes (store, batch_id, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  table = hrb_table_new (change_columns);
  hrb_table_set_numeric (table, change_numeric);
  for (guint i = 0; i < changes->len; i++)
    {
      HrbImportChange *c = g_ptr_array_index (changes, i);
      g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, c->batch_id);
      g_autofree char *it = c->item_id ? g_strdup_printf ("%" G_GINT64_FORMAT, c->item_id) : NULL;
      g_autofree char *md = c->medicine_id ? g_strdup_printf ("%" G_GINT64_FORMAT, c->medicine_id) : NULL;
      g_autofree char *row = c->row ? g_strdup_printf ("%u", c->row) : NULL;
      g_autofree char *col = c->column ? g_strdup_printf ("%u", c->column) : NULL;
      const char *r[] = { b, c->kind, it, md, row, col, c->label, c->field, c->old_value, c->new_value };
      hrb_table_add_row (table, r);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

static const char *batch_columns[] = {
  "batch_id", "source", "file_name", "checksum", "vintage", "imported_at", "author", "new", "updated",
  "unchanged", "rejected", NULL
};
static const char *batch_numeric[] = { "batch_id", "new", "updated", "unchanged", "rejected", NULL };

int
hrb_cli_batches (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, "", _("List the import batches.")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((batches = hrb_store_list_batches (store, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  table = hrb_table_new (batch_columns);
  hrb_table_set_numeric (table, batch_numeric);
  for (guint i = 0; i < batches->len; i++)
    {
      HrbBatch *b = g_ptr_array_index (batches, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);
      g_autofree char *n1 = g_strdup_printf ("%d", b->n_new);
      g_autofree char *n2 = g_strdup_printf ("%d", b->n_updated);
      g_autofree char *n3 = g_strdup_printf ("%d", b->n_unchanged);
      g_autofree char *n4 = g_strdup_printf ("%d", b->n_rejected);
      const char *r[] = { id, b->source, b->file_name, b->checksum, b->vintage, b->imported_at, b->author,
                          n1, n2, n3, n4 };
      hrb_table_add_row (table, r);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}
