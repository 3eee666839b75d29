/* hrb-cli-basic.c: the init, list and check commands. */
#include "hrb-cli.h"
#include "hrb-demo.h"
#include "hrb-format.h"
#include "hrb-i18n.h"

int
hrb_cli_init (HrbCliContext *ctx)
{
  gboolean demo = FALSE;
  GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Load the demo data set (fictional figures)"), NULL },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (!hrb_cli_parse (ctx, entries, "", _("Create the database, or update it to this version.")))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (demo)
    {
      items = hrb_store_list_items (store, HRB_STREAM_ANY, &error);
      if (items == NULL)
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      if (items->len > 0)
        {
          hrb_cli_error (_("%s already holds %u items; the demo data goes into an empty database only"),
                         ctx->db_path, items->len);
          return HRB_EXIT_ERROR;
        }
      if (!hrb_demo_load (store, &error))
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
    }
  printf (_("%s: schema version %d%s\n"), ctx->db_path, hrb_store_get_version (store),
          demo ? _(", demo data loaded") : "");
  return HRB_EXIT_OK;
}

static const char *list_columns[] = {
  "item_id", "medicine", "inn", "atc", "indication", "domain", "setting", "stream",
  "package_status", "patients_low", "patients_high", "cost_per_patient_low",
  "cost_per_patient_high", "budget_impact_low", "budget_impact_high", "year", "source",
  "vintage", "orphan", "conditional", "exceptional", "accelerated", "atmp", "critical",
  "medicine_level", "batch_id", NULL
};

static const char *list_numeric[] = {
  "item_id", "patients_low", "patients_high", "cost_per_patient_low", "cost_per_patient_high",
  "budget_impact_low", "budget_impact_high", "year", "orphan", "conditional", "exceptional",
  "accelerated", "atmp", "critical", "medicine_level", "batch_id", NULL
};

static gboolean
parse_stream_option (const char *text, HrbStream *out)
{
  if (text == NULL)
    {
      *out = HRB_STREAM_ANY;
      return TRUE;
    }
  if (hrb_stream_from_code (text, out))
    return TRUE;
  hrb_cli_error (_("unknown stream “%s” (use prospective or retrospective)"), text);
  return FALSE;
}

int
hrb_cli_list (HrbCliContext *ctx)
{
  g_autofree char *stream_text = NULL;
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "stream", 0, 0, G_OPTION_ARG_STRING, &stream_text, N_("prospective or retrospective"), "STREAM" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;
  HrbStream stream;

  if (!hrb_cli_parse (ctx, entries, "", _("List the items with their latest figures.")) ||
      !parse_stream_option (stream_text, &stream) || !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((items = hrb_store_list_items (store, stream, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }

  table = hrb_table_new (list_columns);
  hrb_table_set_numeric (table, list_numeric);
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *it = g_ptr_array_index (items, i);
      const HrbFigure *f = &it->figure;
      HrbRange budget = hrb_figure_budget_impact (f);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, it->id);
      g_autofree char *pl = hrb_format_plain (f->patients.low, 2);
      g_autofree char *ph = hrb_format_plain (f->patients.high, 2);
      g_autofree char *cl = hrb_format_plain (f->cost.low, 2);
      g_autofree char *ch = hrb_format_plain (f->cost.high, 2);
      g_autofree char *bl = hrb_format_plain (budget.low, 2);
      g_autofree char *bh = hrb_format_plain (budget.high, 2);
      g_autofree char *year = f->year ? g_strdup_printf ("%d", f->year) : g_strdup ("");
      g_autofree char *batch = f->batch_id ? g_strdup_printf ("%" G_GINT64_FORMAT, f->batch_id) : g_strdup ("");
      const char *row[] = {
        id, hrb_medicine_display_name (&it->medicine), it->medicine.inn, it->medicine.atc,
        it->indication, it->domain, hrb_setting_to_code (it->setting),
        hrb_stream_to_code (hrb_item_stream (it)), hrb_status_to_code (it->status),
        pl, ph, cl, ch, bl, bh, year, f->source, f->vintage,
        it->medicine.orphan ? "1" : "0", it->medicine.conditional ? "1" : "0",
        it->medicine.exceptional ? "1" : "0", it->medicine.accelerated ? "1" : "0",
        it->medicine.atmp ? "1" : "0", it->medicine.critical ? "1" : "0",
        it->indication == NULL ? "1" : "0", batch,
      };
      hrb_table_add_row (table, row);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

int
hrb_cli_check (HrbCliContext *ctx)
{
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *backup = NULL;
  GOptionEntry entries[] = {
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &backup, N_("Verify this backup file instead"), "FILE" },
    { NULL }
  };
  gboolean ok;

  if (!hrb_cli_parse (ctx, entries, "", _("Check the database's integrity, schema version and counts.")))
    return HRB_EXIT_USAGE;
  if (backup != NULL)
    {
      ok = hrb_store_verify_file (backup, report, &error);
      fputs (report->str, stdout);
      if (!ok)
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      return HRB_EXIT_OK;
    }
  if (!g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
    {
      hrb_cli_error (_("%s: no such database"), ctx->db_path);
      return HRB_EXIT_ERROR;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  ok = hrb_store_check (store, report, &error);
  fputs (report->str, stdout);
  if (!ok)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  return HRB_EXIT_OK;
}
