/* hrb-export-labels.c: the Dutch words of the workbook.
 *
 * The workbook is a Dutch document for Dutch committees, whatever the locale
 * of the person exporting it, so its labels are fixed Dutch texts (the terms
 * of ux.md's terminology table) rather than translations of the UI. */
#include "hrb-export-labels.h"

#include <math.h>
#include <string.h>

static const char *stage_nl[HRB_N_STAGES] = {
  "Gesignaleerd", "Geprioriteerd", "Vraag geformuleerd", "Dataverzameling", "Analyse",
  "Rapportage", "Triagetafel", "Besluit", "Implementatie", "Monitoring", "Afgesloten",
  "Geparkeerd", "Afgevoerd",
};

static const char *party_nl[HRB_N_PARTIES] = {
  "Projectteam", "FMS", "ZN", "ZIN / CieBAG",
  "Wetenschappelijke vereniging / geneesmiddelencommissie", "Registratiehouder",
  "Triagetafel", "VWS",
};

/* Short forms for the narrow "Aan zet" column of the ranking sheets. */
static const char *party_short_nl[HRB_N_PARTIES] = {
  "Projectteam", "FMS", "ZN", "ZIN", "Vereniging / commissie", "Registratiehouder",
  "Triagetafel", "VWS",
};

static const char *uncertainty_nl[HRB_N_UNCERTAINTIES] = {
  "effectiviteit in de praktijk", "subgroep", "dosering", "behandelduur",
  "langetermijneffecten", "kosteneffectiviteit", "gepast gebruik",
};

static const char *measure_nl[HRB_N_MEASURE_KINDS] = {
  "Indicatie aanscherpen of beperken",
  "Plaats in de behandelvolgorde herzien",
  "Start- en stopcriteria",
  "Dosis- of duuroptimalisatie (doelmatigheidsonderzoek)",
  "Prijsafspraak of financieel arrangement",
  "Pay for performance",
  "Afspraken over gepast gebruik",
  "Register of uitkomstenonderzoek",
  "Voorwaardelijke voortzetting (VT / ViO)",
  "Uit het pakket",
  "Geen wijziging",
  "Parkeren tot er informatie is",
};

static const char *status_nl[HRB_N_MEASURE_STATUS] = {
  "voorgesteld", "afgesproken", "geïmplementeerd", "geëvalueerd",
};

static const char *input_nl[HRB_N_INPUTS] = {
  "patiëntaantallen", "budgetimpact", "relatieve budgetimpact", "kosten per patiënt",
  "groei van de uitgaven", "onzekerheid", "markt (einde exclusiviteit)", "expertscore",
};

static const char *flag_nl[HRB_N_FLAGS] = {
  "voorwaardelijke handelsvergunning", "uitzonderlijke omstandigheden",
  "voorwaardelijke toelating (VT of ViO)", "weesgeneesmiddel", "versnelde beoordeling", "ATMP",
};

const char *
hrb_export_nl_stage (HrbStage s)
{
  return (s >= 0 && s < HRB_N_STAGES) ? stage_nl[s] : "";
}

const char *
hrb_export_nl_party (HrbParty p)
{
  return (p >= 0 && p < HRB_N_PARTIES) ? party_nl[p] : "";
}

const char *
hrb_export_nl_party_short (HrbParty p)
{
  return (p >= 0 && p < HRB_N_PARTIES) ? party_short_nl[p] : "";
}

const char *
hrb_export_nl_uncertainty (guint i)
{
  return i < HRB_N_UNCERTAINTIES ? uncertainty_nl[i] : "";
}

const char *
hrb_export_nl_measure (HrbMeasureKind k)
{
  return (k >= 0 && k < HRB_N_MEASURE_KINDS) ? measure_nl[k] : "";
}

const char *
hrb_export_nl_measure_status (HrbMeasureStatus s)
{
  return (s >= 0 && s < HRB_N_MEASURE_STATUS) ? status_nl[s] : "";
}

const char *
hrb_export_nl_input (HrbInput input)
{
  return (input >= 0 && input < HRB_N_INPUTS) ? input_nl[input] : "";
}

const char *
hrb_export_nl_flag (HrbFlag flag)
{
  return (flag >= 0 && flag < HRB_N_FLAGS) ? flag_nl[flag] : "";
}

const char *
hrb_export_nl_setting (HrbSetting s)
{
  switch (s)
    {
    case HRB_SETTING_INTRAMURAL:
      return "intramuraal";
    case HRB_SETTING_EXTRAMURAL:
      return "extramuraal";
    case HRB_SETTING_UNKNOWN:
    default:
      return "";
    }
}

const char *
hrb_export_nl_stream (HrbStream s)
{
  switch (s)
    {
    case HRB_STREAM_PROSPECTIVE:
      return "Prospectief";
    case HRB_STREAM_RETROSPECTIVE:
      return "Retrospectief";
    case HRB_STREAM_ANY:
    default:
      return "Prospectief en Retrospectief";
    }
}

const char *
hrb_export_nl_criterion (const HrbCriterion *c)
{
  if (c->label != NULL && c->label[0] != '\0')
    return c->label;
  return hrb_export_nl_input (c->input);
}

/* Dutch numbers in running text: "1.000.000", "2,5". */
char *
hrb_export_nl_number (double v, int decimals)
{
  g_autofree char *plain = g_strdup_printf ("%.*f", decimals, fabs (v));
  const char *dot = strchr (plain, '.');
  gsize int_len = dot ? (gsize) (dot - plain) : strlen (plain);
  GString *s = g_string_new (v < 0 ? "-" : "");

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (s, '.');
      g_string_append_c (s, plain[i]);
    }
  if (dot)
    {
      /* drop trailing zeros */
      g_autofree char *frac = g_strdup (dot + 1);
      gsize n = strlen (frac);

      while (n > 0 && frac[n - 1] == '0')
        frac[--n] = '\0';
      if (n > 0)
        g_string_append_printf (s, ",%s", frac);
    }
  return g_string_free (s, FALSE);
}


char *
hrb_export_nl_ineligible (const HrbMethod *m, HrbEligibility e)
{
  g_autofree char *cost = NULL;
  g_autofree char *budget = NULL;

  switch (e)
    {
    case HRB_ELIGIBLE:
      return NULL;
    case HRB_INELIGIBLE_INSUFFICIENT_DATA:
      return g_strdup ("onvoldoende gegevens: geen patiëntaantallen en geen budgetimpact");
    case HRB_INELIGIBLE_UNKNOWN_COST:
      return g_strdup ("alleen patiëntaantallen bekend: geen kosten per patiënt en geen "
                       "budgetimpact");
    case HRB_INELIGIBLE_BELOW_THRESHOLDS:
    default:
      cost = hrb_is_known (m->min_cost_per_patient) ? hrb_export_nl_number (m->min_cost_per_patient, 0) : NULL;
      budget = hrb_is_known (m->min_budget_impact) ? hrb_export_nl_number (m->min_budget_impact, 0) : NULL;
      if (cost && budget)
        return g_strdup_printf ("kosten per patiënt onder € %s en budgetimpact onder € %s", cost,
                                budget);
      if (cost)
        return g_strdup_printf ("kosten per patiënt onder € %s", cost);
      if (budget)
        return g_strdup_printf ("budgetimpact onder € %s", budget);
      return g_strdup ("onder de drempels van de methode");
    }
}
