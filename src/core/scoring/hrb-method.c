/* hrb-method.c: scoring methods and their criteria; the built-in "Basis". */
#include "hrb-scoring-private.h"
#include "hrb-i18n.h"

#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (hrb-scoring-error-quark, hrb_scoring_error)

/* Codes ------------------------------------------------------------------- */

static const char *input_codes[HRB_N_INPUTS] = {
  "patients", "budget_impact", "relative_budget_impact", "cost_per_patient",
  "growth", "uncertainty", "market", "expert",
};

static const char *input_labels[HRB_N_INPUTS] = {
  N_("Patients"), N_("Budget impact"), N_("Relative budget impact"), N_("Cost per patient"),
  N_("Spending growth"), N_("Uncertainty"), N_("Market trigger"), N_("Expert score"),
};

static const char *transform_codes[HRB_N_TRANSFORMS] = { "log", "linear", "bands", "points" };

static const char *flag_codes[HRB_N_FLAGS] = {
  "conditional", "exceptional", "conditional_admission", "orphan", "accelerated", "atmp",
};

static const char *flag_labels[HRB_N_FLAGS] = {
  N_("conditional approval"), N_("exceptional circumstances"),
  N_("conditional admission (VT or ViO)"), N_("orphan"), N_("accelerated assessment"),
  N_("ATMP"),
};

static const char *tie_codes[HRB_N_TIE_KEYS] = { "budget_impact", "patients", "medicine", "item_id" };

static gboolean
lookup (const char * const *codes, int n, const char *code, int *out)
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

#define CODE_GETTERS(prefix, Type, codes, N)                              \
  const char *                                                            \
  prefix##_to_code (Type v)                                               \
  {                                                                       \
    return (int) v >= 0 && (int) v < (N) ? codes[v] : "";                 \
  }                                                                       \
  gboolean                                                                \
  prefix##_from_code (const char *code, Type *out)                        \
  {                                                                       \
    int i;                                                                \
    g_return_val_if_fail (out != NULL, FALSE);                            \
    if (!lookup (codes, (N), code, &i))                                   \
      return FALSE;                                                       \
    *out = (Type) i;                                                      \
    return TRUE;                                                          \
  }

CODE_GETTERS (hrb_input, HrbInput, input_codes, HRB_N_INPUTS)
CODE_GETTERS (hrb_transform, HrbTransform, transform_codes, HRB_N_TRANSFORMS)
CODE_GETTERS (hrb_flag, HrbFlag, flag_codes, HRB_N_FLAGS)
CODE_GETTERS (hrb_tie_key, HrbTieKey, tie_codes, HRB_N_TIE_KEYS)

const char *
hrb_input_label (HrbInput input)
{
  return (int) input >= 0 && input < HRB_N_INPUTS ? _(input_labels[input]) : "";
}

const char *
hrb_flag_label (HrbFlag flag)
{
  return (int) flag >= 0 && flag < HRB_N_FLAGS ? _(flag_labels[flag]) : "";
}

/* Criteria ----------------------------------------------------------------- */

HrbCriterion *
hrb_criterion_new (const char *id, HrbInput input, HrbTransform transform, double weight)
{
  HrbCriterion *c = g_new0 (HrbCriterion, 1);

  g_return_val_if_fail (id != NULL, NULL);
  c->id = g_strdup (id);
  c->enabled = TRUE;
  c->input = input;
  c->transform = transform;
  c->weight = weight;
  c->anchor_zero = 0;
  c->anchor_full = 100;
  c->reference = HRB_REFERENCE_LIST;
  /* The Basis points per flag are the defaults. */
  c->flag_points[HRB_FLAG_CONDITIONAL] = 40;
  c->flag_points[HRB_FLAG_EXCEPTIONAL] = 40;
  c->flag_points[HRB_FLAG_CONDITIONAL_ADMISSION] = 40;
  c->flag_points[HRB_FLAG_ORPHAN] = 20;
  c->flag_points[HRB_FLAG_ACCELERATED] = 20;
  c->flag_points[HRB_FLAG_ATMP] = 20;
  c->points_cap = 100;
  c->loe_years = 2;
  c->market_points = 100;
  return c;
}

HrbCriterion *
hrb_criterion_copy (const HrbCriterion *c)
{
  HrbCriterion *copy;

  g_return_val_if_fail (c != NULL, NULL);
  copy = g_new (HrbCriterion, 1);
  *copy = *c;
  copy->id = g_strdup (c->id);
  copy->label = g_strdup (c->label);
  return copy;
}

void
hrb_criterion_free (HrbCriterion *c)
{
  if (c == NULL)
    return;
  g_free (c->id);
  g_free (c->label);
  g_free (c);
}

const char *
hrb_criterion_label (const HrbCriterion *c)
{
  g_return_val_if_fail (c != NULL, "");
  if (c->label && *c->label)
    return c->label;
  return hrb_input_label (c->input);
}

double
hrb_criterion_transform (const HrbCriterion *c, double value)
{
  HrbTransformParams p;

  g_return_val_if_fail (c != NULL, 0.0);
  hrb_transform_params_init (&p, c);
  return hrb_transform_apply (&p, value);
}

/* Methods ------------------------------------------------------------------ */

HrbMethod *
hrb_method_new (const char *name)
{
  HrbMethod *m = g_new0 (HrbMethod, 1);

  m->name = g_strdup (name ? name : "");
  m->min_cost_per_patient = 10000;
  m->min_budget_impact = 1000000;
  m->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_criterion_free);
  m->tie_break[0] = HRB_TIE_BUDGET_IMPACT;
  m->tie_break[1] = HRB_TIE_MEDICINE;
  m->tie_break[2] = HRB_TIE_ITEM_ID;
  m->n_tie_break = 3;
  m->unstable_span = 5;
  return m;
}

HrbMethod *
hrb_method_new_basis (void)
{
  HrbMethod *m = hrb_method_new (HRB_METHOD_BASIS);
  HrbCriterion *c;

  m->builtin = TRUE;
  m->version = 1;
  m->description = g_strdup (_("The default method: patients and budget impact (log scale), "
                               "relative budget impact and uncertainty."));

  c = hrb_criterion_new ("patients", HRB_INPUT_PATIENTS, HRB_TRANSFORM_LOG, 35);
  c->anchor_zero = 10;
  c->anchor_full = 100000;
  g_ptr_array_add (m->criteria, c);

  c = hrb_criterion_new ("budget_impact", HRB_INPUT_BUDGET_IMPACT, HRB_TRANSFORM_LOG, 35);
  c->anchor_zero = 1000000;
  c->anchor_full = 500000000;
  g_ptr_array_add (m->criteria, c);

  c = hrb_criterion_new ("relative_budget_impact", HRB_INPUT_RELATIVE_BUDGET_IMPACT,
                         HRB_TRANSFORM_LINEAR, 15);
  c->anchor_zero = 0;
  c->anchor_full = 0.05;
  c->reference = HRB_REFERENCE_LIST;
  g_ptr_array_add (m->criteria, c);

  c = hrb_criterion_new ("uncertainty", HRB_INPUT_UNCERTAINTY, HRB_TRANSFORM_POINTS, 15);
  c->points_cap = 100;
  g_ptr_array_add (m->criteria, c);
  return m;
}

HrbMethod *
hrb_method_copy (const HrbMethod *m)
{
  HrbMethod *copy;

  g_return_val_if_fail (m != NULL, NULL);
  copy = g_new (HrbMethod, 1);
  *copy = *m;
  copy->name = g_strdup (m->name);
  copy->description = g_strdup (m->description);
  copy->created_at = g_strdup (m->created_at);
  copy->author = g_strdup (m->author);
  copy->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_criterion_free);
  for (guint i = 0; i < m->criteria->len; i++)
    g_ptr_array_add (copy->criteria, hrb_criterion_copy (g_ptr_array_index (m->criteria, i)));
  return copy;
}

HrbMethod *
hrb_method_duplicate (const HrbMethod *m, const char *new_name)
{
  HrbMethod *copy;

  g_return_val_if_fail (m != NULL && new_name != NULL, NULL);
  copy = hrb_method_copy (m);
  g_free (copy->name);
  copy->name = g_strdup (new_name);
  copy->builtin = FALSE;
  copy->id = 0;
  copy->version = 0;
  g_clear_pointer (&copy->created_at, g_free);
  g_clear_pointer (&copy->author, g_free);
  return copy;
}

void
hrb_method_free (HrbMethod *m)
{
  if (m == NULL)
    return;
  g_free (m->name);
  g_free (m->description);
  g_free (m->created_at);
  g_free (m->author);
  g_ptr_array_unref (m->criteria);
  g_free (m);
}

char **
hrb_method_active_ids (const HrbMethod *m)
{
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (m != NULL, NULL);
  for (guint i = 0; i < m->criteria->len; i++)
    {
      const HrbCriterion *c = g_ptr_array_index (m->criteria, i);
      if (c->enabled)
        g_ptr_array_add (ids, g_strdup (c->id));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

HrbCriterion *
hrb_method_find_criterion (const HrbMethod *m, const char *id)
{
  g_return_val_if_fail (m != NULL, NULL);
  for (guint i = 0; i < m->criteria->len; i++)
    {
      HrbCriterion *c = g_ptr_array_index (m->criteria, i);
      if (g_strcmp0 (c->id, id) == 0)
        return c;
    }
  return NULL;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError **error, const HrbCriterion *c, const char *field, const char *message)
{
  if (c)
    g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_INVALID,
                 _("criterion “%s”, %s: %s"), c->id ? c->id : "", field, message);
  else
    g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_INVALID, "%s: %s", field, message);
  return FALSE;
}

static gboolean
is_finite (double v)
{
  return isfinite (v);
}

static gboolean
blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
hrb_method_validate (const HrbMethod *m, GError **error)
{
  double total = 0;

  g_return_val_if_fail (m != NULL, FALSE);
  if (m->name == NULL || blank (m->name))
    return invalid (error, NULL, "name", _("a method needs a name"));
  if (!isnan (m->min_cost_per_patient) && !(m->min_cost_per_patient >= 0 && is_finite (m->min_cost_per_patient)))
    return invalid (error, NULL, "min_cost_per_patient", _("must be a number ≥ 0"));
  if (!isnan (m->min_budget_impact) && !(m->min_budget_impact >= 0 && is_finite (m->min_budget_impact)))
    return invalid (error, NULL, "min_budget_impact", _("must be a number ≥ 0"));
  if (m->n_tie_break > HRB_MAX_TIE_KEYS)
    return invalid (error, NULL, "tie_break", _("too many keys"));
  for (guint k = 0; k < m->n_tie_break; k++)
    if ((int) m->tie_break[k] < 0 || m->tie_break[k] >= HRB_N_TIE_KEYS)
      return invalid (error, NULL, "tie_break", _("unknown key"));

  for (guint i = 0; i < m->criteria->len; i++)
    {
      const HrbCriterion *c = g_ptr_array_index (m->criteria, i);

      if (!valid_id (c->id))
        return invalid (error, c, "id", _("use lower-case letters, digits and “_” only"));
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (((HrbCriterion *) g_ptr_array_index (m->criteria, j))->id, c->id) == 0)
          return invalid (error, c, "id", _("used twice"));
      if ((int) c->input < 0 || c->input >= HRB_N_INPUTS)
        return invalid (error, c, "input", _("unknown input"));
      if (!(c->weight >= 0 && is_finite (c->weight)))
        return invalid (error, c, "weight", _("must be a number ≥ 0"));
      switch (c->transform)
        {
        case HRB_TRANSFORM_LOG:
          if (!(c->anchor_zero > 0 && c->anchor_full > 0 && is_finite (c->anchor_zero) && is_finite (c->anchor_full)))
            return invalid (error, c, "anchors", _("a log scale needs anchors greater than 0"));
          if (c->anchor_zero == c->anchor_full)
            return invalid (error, c, "anchors", _("the two anchors must differ"));
          break;
        case HRB_TRANSFORM_LINEAR:
          if (!(is_finite (c->anchor_zero) && is_finite (c->anchor_full)))
            return invalid (error, c, "anchors", _("must be numbers"));
          if (c->anchor_zero == c->anchor_full)
            return invalid (error, c, "anchors", _("the two anchors must differ"));
          break;
        case HRB_TRANSFORM_BANDS:
          if (c->n_bands < 1 || c->n_bands > HRB_MAX_BANDS)
            return invalid (error, c, "bands", _("give 1 to 8 thresholds"));
          for (guint k = 0; k < c->n_bands; k++)
            {
              if (!is_finite (c->band_threshold[k]))
                return invalid (error, c, "bands", _("thresholds must be numbers"));
              if (k > 0 && !(c->band_threshold[k] > c->band_threshold[k - 1]))
                return invalid (error, c, "bands", _("thresholds must increase"));
              if (c->band_value[k] < 1 || c->band_value[k] > 9)
                return invalid (error, c, "bands", _("bands run from 1 to 9"));
              if (k > 0 && c->band_value[k] < c->band_value[k - 1])
                return invalid (error, c, "bands", _("bands must not decrease"));
            }
          break;
        case HRB_TRANSFORM_POINTS:
          break;
        case HRB_N_TRANSFORMS:
        default:
          return invalid (error, c, "transform", _("unknown transform"));
        }
      if (c->input == HRB_INPUT_UNCERTAINTY)
        {
          for (int f = 0; f < HRB_N_FLAGS; f++)
            if (!(c->flag_points[f] >= 0 && is_finite (c->flag_points[f])))
              return invalid (error, c, flag_codes[f], _("points must be a number ≥ 0"));
          if (!(c->points_cap >= 0 && is_finite (c->points_cap)))
            return invalid (error, c, "cap", _("must be a number ≥ 0"));
        }
      if (c->input == HRB_INPUT_MARKET)
        {
          if (!(c->loe_years >= 0 && is_finite (c->loe_years)))
            return invalid (error, c, "loe_years", _("must be a number ≥ 0"));
          if (!(c->market_points >= 0 && c->market_points <= 100))
            return invalid (error, c, "points", _("must be between 0 and 100"));
        }
      if (c->input == HRB_INPUT_RELATIVE_BUDGET_IMPACT &&
          c->reference != HRB_REFERENCE_LIST && c->reference != HRB_REFERENCE_DOMAIN)
        return invalid (error, c, "reference", _("use list or domain"));
      if (c->enabled)
        total += c->weight;
    }
  if (!(total > 0))
    return invalid (error, NULL, "weight", _("at least one enabled criterion needs a weight above 0"));
  return TRUE;
}

static gboolean
counts (const HrbMethod *m, HrbInput input)
{
  for (guint i = 0; i < m->criteria->len; i++)
    {
      const HrbCriterion *c = g_ptr_array_index (m->criteria, i);
      if (c->enabled && c->weight > 0 && c->input == input)
        return TRUE;
    }
  return FALSE;
}

gboolean
hrb_method_double_counting (const HrbMethod *m, char **warning)
{
  g_return_val_if_fail (m != NULL, FALSE);
  if (counts (m, HRB_INPUT_BUDGET_IMPACT) && counts (m, HRB_INPUT_PATIENTS) &&
      counts (m, HRB_INPUT_COST_PER_PATIENT))
    {
      if (warning)
        *warning = g_strdup (_("Budget impact is patients × cost per patient: with all three "
                               "active, the same thing is counted twice."));
      return TRUE;
    }
  if (warning)
    *warning = NULL;
  return FALSE;
}

static gboolean
same_double (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
criterion_equal (const HrbCriterion *a, const HrbCriterion *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->label, b->label) != 0 ||
      a->enabled != b->enabled || a->input != b->input || a->transform != b->transform ||
      !same_double (a->weight, b->weight))
    return FALSE;
  switch (a->transform)
    {
    case HRB_TRANSFORM_LOG:
    case HRB_TRANSFORM_LINEAR:
      if (!same_double (a->anchor_zero, b->anchor_zero) || !same_double (a->anchor_full, b->anchor_full))
        return FALSE;
      break;
    case HRB_TRANSFORM_BANDS:
      if (a->n_bands != b->n_bands)
        return FALSE;
      for (guint k = 0; k < a->n_bands; k++)
        if (!same_double (a->band_threshold[k], b->band_threshold[k]) || a->band_value[k] != b->band_value[k])
          return FALSE;
      break;
    case HRB_TRANSFORM_POINTS:
    case HRB_N_TRANSFORMS:
    default:
      break;
    }
  switch (a->input)
    {
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
      return a->reference == b->reference;
    case HRB_INPUT_UNCERTAINTY:
      for (int f = 0; f < HRB_N_FLAGS; f++)
        if (!same_double (a->flag_points[f], b->flag_points[f]))
          return FALSE;
      return same_double (a->points_cap, b->points_cap);
    case HRB_INPUT_MARKET:
      return same_double (a->loe_years, b->loe_years) && same_double (a->market_points, b->market_points);
    case HRB_INPUT_PATIENTS:
    case HRB_INPUT_BUDGET_IMPACT:
    case HRB_INPUT_COST_PER_PATIENT:
    case HRB_INPUT_GROWTH:
    case HRB_INPUT_EXPERT:
    case HRB_N_INPUTS:
    default:
      return TRUE;
    }
}

gboolean
hrb_method_equal_definition (const HrbMethod *a, const HrbMethod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  if (!same_double (a->min_cost_per_patient, b->min_cost_per_patient) ||
      !same_double (a->min_budget_impact, b->min_budget_impact) ||
      a->unstable_span != b->unstable_span || a->n_tie_break != b->n_tie_break ||
      a->criteria->len != b->criteria->len)
    return FALSE;
  for (guint k = 0; k < a->n_tie_break; k++)
    if (a->tie_break[k] != b->tie_break[k])
      return FALSE;
  for (guint i = 0; i < a->criteria->len; i++)
    if (!criterion_equal (g_ptr_array_index (a->criteria, i), g_ptr_array_index (b->criteria, i)))
      return FALSE;
  return TRUE;
}

/* Helpers ------------------------------------------------------------------ */

char *
hrb_scoring_format_euros (double euros)
{
  char buf[64];
  GString *out;
  gsize len;

  if (isnan (euros))
    return g_strdup ("?");
  if (euros >= 1e6 && fmod (euros, 1e5) == 0)
    {
      g_ascii_formatd (buf, sizeof buf, "%.1f", euros / 1e6);
      len = strlen (buf);
      if (len > 2 && strcmp (buf + len - 2, ".0") == 0)
        buf[len - 2] = '\0';
      /* TRANSLATORS: an amount in millions of euros, e.g. "1 million". */
      return g_strdup_printf (_("%s million"), buf);
    }
  g_snprintf (buf, sizeof buf, "%.0f", euros);
  out = g_string_new (NULL);
  len = strlen (buf);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && g_ascii_isdigit (buf[i - 1]))
        g_string_append_c (out, ',');
      g_string_append_c (out, buf[i]);
    }
  return g_string_free (out, FALSE);
}

gboolean
hrb_scoring_parse_date (const char *iso, GDate *out)
{
  int y = 0, mo = 1, d = 1;
  int n;

  if (iso == NULL)
    return FALSE;
  n = sscanf (iso, "%d-%d-%d", &y, &mo, &d);
  if (n < 1 || y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return FALSE;
  if (!g_date_valid_dmy (d, mo, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, mo, y);
  return TRUE;
}

char *
hrb_eligibility_reason (const HrbMethod *m, HrbEligibility e)
{
  g_autofree char *cost = NULL;
  g_autofree char *budget = NULL;

  g_return_val_if_fail (m != NULL, NULL);
  switch (e)
    {
    case HRB_ELIGIBLE:
      return NULL;
    case HRB_INELIGIBLE_INSUFFICIENT_DATA:
      return g_strdup (_("insufficient data"));
    case HRB_INELIGIBLE_UNKNOWN_COST:
      return g_strdup (_("cost per patient and budget impact unknown"));
    case HRB_INELIGIBLE_BELOW_THRESHOLDS:
    default:
      cost = hrb_scoring_format_euros (m->min_cost_per_patient);
      budget = hrb_scoring_format_euros (m->min_budget_impact);
      if (isnan (m->min_cost_per_patient))
        return g_strdup_printf (_("budget impact below EUR %s"), budget);
      if (isnan (m->min_budget_impact))
        return g_strdup_printf (_("cost per patient below EUR %s"), cost);
      return g_strdup_printf (_("cost per patient below EUR %s and budget impact below EUR %s"),
                              cost, budget);
    }
}
