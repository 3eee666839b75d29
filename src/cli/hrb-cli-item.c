/* hrb-cli-item.c: add an item with its figures from a script. */
#include "hrb-cli.h"
#include "hrb-i18n.h"
#include "hrb-parse.h"

static gboolean
parse_range_option (const char *name, const char *text, HrbRange *out)
{
  g_autoptr(GError) error = NULL;

  if (!hrb_parse_range (text, HRB_DECIMAL_AUTO, out, &error))
    {
      hrb_cli_error ("--%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

int
hrb_cli_add_item (HrbCliContext *ctx)
{
  g_autofree char *inn = NULL, *brand = NULL, *atc = NULL, *indication = NULL, *domain = NULL;
  g_autofree char *setting = NULL, *status = NULL, *patients = NULL, *cost = NULL, *budget = NULL;
  g_autofree char *source = NULL, *vintage = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "inn", 0, 0, G_OPTION_ARG_STRING, &inn, N_("Active substance (required)"), "INN" },
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand, N_("Brand name"), "NAME" },
    { "atc", 0, 0, G_OPTION_ARG_STRING, &atc, N_("ATC code"), "CODE" },
    { "indication", 0, 0, G_OPTION_ARG_STRING, &indication, N_("Indication (empty: all indications)"), "TEXT" },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain, N_("Disease domain"), "TEXT" },
    { "setting", 0, 0, G_OPTION_ARG_STRING, &setting, N_("intramural or extramural"), "SETTING" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("not_admitted, in_sluis, admitted, conditional or excluded"), "STATUS" },
    { "patients", 0, 0, G_OPTION_ARG_STRING, &patients, N_("Patients per year, e.g. 600-900"), "RANGE" },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &cost, N_("Cost per patient per year in euros"), "RANGE" },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget, N_("Budget impact per year in euros"), "RANGE" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the figures"), "YEAR" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Source of the figures (default: manual entry)"), "TEXT" },
    { "vintage", 0, 0, G_OPTION_ARG_STRING, &vintage, N_("Reference date of the figures (YYYY-MM-DD)"), "DATE" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(HrbFigure) figure = hrb_figure_new ();
  gint64 medicine_id, item_id;

  if (!hrb_cli_parse (ctx, entries, "", _("Add an item (medicine × indication) with its figures.")))
    return HRB_EXIT_USAGE;
  if (inn == NULL)
    {
      hrb_cli_error (_("--inn is required"));
      return HRB_EXIT_USAGE;
    }
  if (setting && !hrb_setting_from_code (setting, &item->setting))
    {
      hrb_cli_error (_("unknown setting “%s”"), setting);
      return HRB_EXIT_USAGE;
    }
  if (status && !hrb_status_from_code (status, &item->status))
    {
      hrb_cli_error (_("unknown package status “%s”"), status);
      return HRB_EXIT_USAGE;
    }
  if (!parse_range_option ("patients", patients, &figure->patients) ||
      !parse_range_option ("cost", cost, &figure->cost) ||
      !parse_range_option ("budget", budget, &figure->budget))
    return HRB_EXIT_ERROR;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;

  if (!hrb_store_begin (store, &error))
    goto fail;
  medicine_id = hrb_store_find_medicine (store, atc, inn, &error);
  if (medicine_id == 0 && error == NULL)
    {
      g_autoptr(HrbMedicine) m = hrb_medicine_new ();
      m->inn = g_strdup (inn);
      m->brand = g_strdup (brand);
      m->atc = g_strdup (atc);
      medicine_id = hrb_store_insert_medicine (store, m, &error);
    }
  if (medicine_id == 0)
    goto rollback;
  item->medicine_id = medicine_id;
  item->indication = g_strdup (indication);
  item->domain = g_strdup (domain);
  if ((item_id = hrb_store_insert_item (store, item, &error)) == 0)
    goto rollback;
  if (hrb_range_is_known (figure->patients) || hrb_range_is_known (figure->cost) ||
      hrb_range_is_known (figure->budget))
    {
      figure->item_id = item_id;
      figure->year = year;
      figure->source = g_strdup (source ? source : _("Manual entry"));
      figure->vintage = g_strdup (vintage);
      if (hrb_store_add_figure (store, figure, &error) == 0)
        goto rollback;
    }
  if (!hrb_store_commit (store, &error))
    goto fail;
  printf ("%" G_GINT64_FORMAT "\n", item_id);
  return HRB_EXIT_OK;

rollback:
  hrb_store_rollback (store);
fail:
  hrb_cli_error ("%s", error ? error->message : _("the item was not added"));
  return HRB_EXIT_ERROR;
}
