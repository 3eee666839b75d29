/* hrb-dossier.c: codes, labels and records of dossiers and their route. */
#include "hrb-dossier.h"
#include "hrb-i18n.h"

#include <stdio.h>
#include <string.h>

/* Codes and labels ------------------------------------------------------------ */

static const char *stage_codes[HRB_N_STAGES] = {
  "signalled", "prioritised", "question", "data_collection", "analysis", "reporting",
  "triage", "decision", "implementation", "monitoring", "closed", "parked", "dropped",
};

static const char *stage_labels[HRB_N_STAGES] = {
  N_("Signalled"), N_("Prioritised"), N_("Question formulated"), N_("Data collection"),
  N_("Analysis"), N_("Reporting"), N_("Triage table"), N_("Decision"), N_("Implementation"),
  N_("Monitoring"), N_("Closed"), N_("Parked"), N_("Dropped"),
};

static const char *party_codes[HRB_N_PARTIES] = {
  "project_team", "fms", "zn", "zin", "association", "holder", "triage_table", "vws",
};

static const char *party_labels[HRB_N_PARTIES] = {
  N_("Project team"), N_("FMS"), N_("ZN"), N_("ZIN / CieBAG"),
  N_("Scientific association / medicine committee"), N_("Marketing authorisation holder"),
  N_("Triage table"), N_("VWS"),
};

static const char *uncertainty_codes[HRB_N_UNCERTAINTIES] = {
  "effectiveness", "subgroup", "dose", "duration", "long_term", "cost_effectiveness",
  "appropriate_use",
};

static const char *uncertainty_labels[HRB_N_UNCERTAINTIES] = {
  N_("Effectiveness in practice"), N_("Subgroup"), N_("Dose"), N_("Treatment duration"),
  N_("Long-term effects"), N_("Cost-effectiveness"), N_("Appropriate use"),
};

static const char *measure_codes[HRB_N_MEASURE_KINDS] = {
  "restrict_indication", "place_in_therapy", "start_stop_criteria", "dose_optimisation",
  "price_arrangement", "pay_for_performance", "appropriate_use", "registry",
  "conditional_continuation", "removal", "no_change", "park",
};

static const char *measure_labels[HRB_N_MEASURE_KINDS] = {
  N_("Sharpen or restrict the indication"),
  N_("Reposition in the treatment sequence"),
  N_("Start and stop criteria"),
  N_("Dose or duration optimisation"),
  N_("Price agreement or financial arrangement"),
  N_("Pay for performance"),
  N_("Appropriate-use agreements"),
  N_("Registry or outcomes research"),
  N_("Conditional continuation (VT / ViO)"),
  N_("Removal from the package"),
  N_("No change"),
  N_("Park until information arrives"),
};

static const char *status_codes[HRB_N_MEASURE_STATUS] = {
  "proposed", "agreed", "implemented", "evaluated",
};

static const char *status_labels[HRB_N_MEASURE_STATUS] = {
  N_("Proposed"), N_("Agreed"), N_("Implemented"), N_("Evaluated"),
};

static gboolean
code_lookup (const char * const *codes, int n, const char *code, int *out)
{
  if (code == NULL)
    return FALSE;
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (codes[i], code) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hrb_stage_to_code (HrbStage s)
{
  g_return_val_if_fail (s >= 0 && s < HRB_N_STAGES, NULL);
  return stage_codes[s];
}

gboolean
hrb_stage_from_code (const char *code, HrbStage *out)
{
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!code_lookup (stage_codes, HRB_N_STAGES, code, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
hrb_stage_label (HrbStage s)
{
  g_return_val_if_fail (s >= 0 && s < HRB_N_STAGES, NULL);
  return _(stage_labels[s]);
}

gboolean
hrb_stage_is_final (HrbStage s)
{
  return s == HRB_STAGE_CLOSED || s == HRB_STAGE_DROPPED;
}

const char *
hrb_party_to_code (HrbParty p)
{
  if (p == HRB_PARTY_NONE)
    return "";
  g_return_val_if_fail (p >= 0 && p < HRB_N_PARTIES, NULL);
  return party_codes[p];
}

gboolean
hrb_party_from_code (const char *code, HrbParty *out)
{
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (code != NULL && code[0] == '\0')
    {
      *out = HRB_PARTY_NONE;
      return TRUE;
    }
  if (!code_lookup (party_codes, HRB_N_PARTIES, code, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
hrb_party_label (HrbParty p)
{
  if (p == HRB_PARTY_NONE)
    return "";
  g_return_val_if_fail (p >= 0 && p < HRB_N_PARTIES, NULL);
  return _(party_labels[p]);
}

static int
uncertainty_index (HrbUncertainty u)
{
  for (int i = 0; i < HRB_N_UNCERTAINTIES; i++)
    if ((guint) u == (1u << i))
      return i;
  return -1;
}

HrbUncertainty
hrb_uncertainty_nth (guint i)
{
  g_return_val_if_fail (i < HRB_N_UNCERTAINTIES, 0);
  return 1u << i;
}

const char *
hrb_uncertainty_to_code (HrbUncertainty u)
{
  int i = uncertainty_index (u);

  g_return_val_if_fail (i >= 0, NULL);
  return uncertainty_codes[i];
}

gboolean
hrb_uncertainty_from_code (const char *code, HrbUncertainty *out)
{
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!code_lookup (uncertainty_codes, HRB_N_UNCERTAINTIES, code, &i))
    return FALSE;
  *out = 1u << i;
  return TRUE;
}

const char *
hrb_uncertainty_label (HrbUncertainty u)
{
  int i = uncertainty_index (u);

  g_return_val_if_fail (i >= 0, NULL);
  return _(uncertainty_labels[i]);
}

const char *
hrb_measure_kind_to_code (HrbMeasureKind k)
{
  g_return_val_if_fail (k >= 0 && k < HRB_N_MEASURE_KINDS, NULL);
  return measure_codes[k];
}

gboolean
hrb_measure_kind_from_code (const char *code, HrbMeasureKind *out)
{
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!code_lookup (measure_codes, HRB_N_MEASURE_KINDS, code, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
hrb_measure_kind_label (HrbMeasureKind k)
{
  g_return_val_if_fail (k >= 0 && k < HRB_N_MEASURE_KINDS, NULL);
  return _(measure_labels[k]);
}

const char *
hrb_measure_status_to_code (HrbMeasureStatus s)
{
  g_return_val_if_fail (s >= 0 && s < HRB_N_MEASURE_STATUS, NULL);
  return status_codes[s];
}

gboolean
hrb_measure_status_from_code (const char *code, HrbMeasureStatus *out)
{
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!code_lookup (status_codes, HRB_N_MEASURE_STATUS, code, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
hrb_measure_status_label (HrbMeasureStatus s)
{
  g_return_val_if_fail (s >= 0 && s < HRB_N_MEASURE_STATUS, NULL);
  return _(status_labels[s]);
}

/* Dates ---------------------------------------------------------------------- */

static gboolean
parse_iso_date (const char *text, GDate *out)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

gboolean
hrb_is_iso_date (const char *text)
{
  GDate d;

  for (const char *p = text; p && *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return parse_iso_date (text, &d);
}

int
hrb_days_between (const char *a, const char *b)
{
  GDate da, db;

  if (!hrb_is_iso_date (a) || !hrb_is_iso_date (b))
    return G_MININT;
  parse_iso_date (a, &da);
  parse_iso_date (b, &db);
  return g_date_days_between (&da, &db);
}

/* Records -------------------------------------------------------------------- */

HrbTransition *
hrb_transition_new (void)
{
  HrbTransition *t = g_new0 (HrbTransition, 1);

  t->party = HRB_PARTY_NONE;
  return t;
}

HrbTransition *
hrb_transition_copy (const HrbTransition *t)
{
  HrbTransition *c;

  g_return_val_if_fail (t != NULL, NULL);
  c = g_new0 (HrbTransition, 1);
  *c = *t;
  c->date = g_strdup (t->date);
  c->due_date = g_strdup (t->due_date);
  c->look_again = g_strdup (t->look_again);
  c->remark = g_strdup (t->remark);
  c->author = g_strdup (t->author);
  c->recorded_at = g_strdup (t->recorded_at);
  return c;
}

void
hrb_transition_free (HrbTransition *t)
{
  if (t == NULL)
    return;
  g_free (t->date);
  g_free (t->due_date);
  g_free (t->look_again);
  g_free (t->remark);
  g_free (t->author);
  g_free (t->recorded_at);
  g_free (t);
}

HrbMeasure *
hrb_measure_new (void)
{
  return g_new0 (HrbMeasure, 1);
}

HrbMeasure *
hrb_measure_copy (const HrbMeasure *m)
{
  HrbMeasure *c;

  g_return_val_if_fail (m != NULL, NULL);
  c = g_new0 (HrbMeasure, 1);
  *c = *m;
  c->description = g_strdup (m->description);
  c->owner = g_strdup (m->owner);
  c->agreed_date = g_strdup (m->agreed_date);
  c->start_date = g_strdup (m->start_date);
  c->evaluation_date = g_strdup (m->evaluation_date);
  return c;
}

void
hrb_measure_free (HrbMeasure *m)
{
  if (m == NULL)
    return;
  g_free (m->description);
  g_free (m->owner);
  g_free (m->agreed_date);
  g_free (m->start_date);
  g_free (m->evaluation_date);
  g_free (m);
}

HrbNote *
hrb_note_new (void)
{
  return g_new0 (HrbNote, 1);
}

void
hrb_note_free (HrbNote *n)
{
  if (n == NULL)
    return;
  g_free (n->at);
  g_free (n->author);
  g_free (n->text);
  g_free (n);
}

HrbLink *
hrb_link_new (void)
{
  return g_new0 (HrbLink, 1);
}

void
hrb_link_free (HrbLink *l)
{
  if (l == NULL)
    return;
  g_free (l->title);
  g_free (l->target);
  g_free (l);
}

HrbDossier *
hrb_dossier_new (void)
{
  HrbDossier *d = g_new0 (HrbDossier, 1);

  d->price_net = NAN;
  d->party = HRB_PARTY_NONE;
  d->parked_from = HRB_STAGE_SIGNALLED;
  return d;
}

#define DOSSIER_STRINGS(X) \
  X (question) X (rationale) X (uncertainty_text) X (loe_date) X (market_text) \
  X (parties_text) X (advice_date) X (advice_text) X (follow_up_date) \
  X (price_arrangement) X (price_end_date) X (created_at) X (stage_since) X (due_date) \
  X (look_again) X (stage_remark) X (first_date) X (medicine) X (inn) X (indication) X (domain)

HrbDossier *
hrb_dossier_copy (const HrbDossier *d)
{
  HrbDossier *c;

  g_return_val_if_fail (d != NULL, NULL);
  c = g_new0 (HrbDossier, 1);
  *c = *d;
#define COPY_STRING(f) c->f = g_strdup (d->f);
  DOSSIER_STRINGS (COPY_STRING)
#undef COPY_STRING
  return c;
}

void
hrb_dossier_free (HrbDossier *d)
{
  if (d == NULL)
    return;
#define FREE_STRING(f) g_free (d->f);
  DOSSIER_STRINGS (FREE_STRING)
#undef FREE_STRING
  g_free (d);
}

static const char * const confidential_fields[] = {
  "price_arrangement", "price_net", "price_end_date", NULL
};

const char * const *
hrb_dossier_confidential_fields (void)
{
  return confidential_fields;
}

gboolean
hrb_dossier_field_is_confidential (const char *field)
{
  return field != NULL && g_strv_contains (confidential_fields, field);
}

void
hrb_dossier_update_derived (HrbDossier *d, const char *today)
{
  int days;

  g_return_if_fail (d != NULL);
  days = hrb_days_between (d->stage_since, today);
  d->days_in_stage = days == G_MININT ? 0 : MAX (days, 0);
  d->overdue = !hrb_stage_is_final (d->stage) && d->due_date != NULL &&
               hrb_days_between (d->due_date, today) > 0;
  d->look_again_due = d->stage == HRB_STAGE_PARKED && d->look_again != NULL &&
                      hrb_days_between (d->look_again, today) >= 0;
  d->active = !hrb_stage_is_final (d->stage) &&
              (d->stage != HRB_STAGE_PARKED || d->look_again_due);
}
