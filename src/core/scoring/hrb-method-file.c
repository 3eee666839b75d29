/* hrb-method-file.c: reading and writing scoring methods as text files.
 *
 * The method file format (version 1)
 * ===================================
 * A UTF-8 text file in the "key file" syntax (like .desktop or .ini files):
 * lines "key=value", groups "[name]", comments starting with "#", blank
 * lines. Numbers use a decimal point and no thousands separator. Lists are
 * separated by ";". Booleans are "true" or "false". Unknown groups and keys
 * are errors (so that a typo does not silently change a method).
 *
 *   [method]
 *   format=1                       required, must be 1
 *   name=Basis kopie               required
 *   description=…                  optional
 *   min_cost_per_patient=10000     eligibility: cost per patient ≥ this, OR …
 *   min_budget_impact=1000000      … budget impact ≥ this (point values);
 *                                  "none" drops a clause
 *   tie_break=budget_impact;medicine;item_id
 *                                  after the score (descending): keys from
 *                                  budget_impact, patients (descending),
 *                                  medicine, item_id (ascending)
 *   unstable_span=5                unstable when rank_worst − rank_best > this
 *
 *   [criterion ID]                 one group per criterion, in order; ID is
 *                                  [a-z0-9_]+ and names the CSV column
 *                                  contrib_ID
 *   label=Patients                 optional
 *   enabled=true                   optional, default true
 *   input=patients                 patients, budget_impact,
 *                                  relative_budget_impact, cost_per_patient,
 *                                  growth, uncertainty, market, expert
 *   transform=log                  log, linear, bands, points
 *   weight=35                      ≥ 0; scores are Σ weight × score / Σ weight
 *   zero=10                        log and linear: the input value giving 0
 *   full=100000                    log and linear: the input value giving 100
 *   thresholds=1e6;1e7;1e8         bands: ascending thresholds (1 to 8)
 *   bands=3;6;9                    bands: the band (1..9) from each threshold
 *                                  up; below the first: 1. Score =
 *                                  (band − 1) × 100 / 8
 *   reference=list                 relative_budget_impact: list or domain
 *   points_conditional=40          uncertainty: points per flag
 *   points_exceptional=40            (conditional, exceptional,
 *   points_conditional_admission=40   conditional_admission, orphan,
 *   points_orphan=20                  accelerated, atmp)
 *   points_accelerated=20
 *   points_atmp=20
 *   cap=100                        uncertainty: the sum is capped here
 *   loe_years=2                    market: loss of exclusivity within N years
 *   points=100                     market: points when triggered
 *
 * Units: euros per year, patients per year, fractions for relative budget
 * impact and growth (0.05 = 5 %).
 *
 * Errors name the file and line: "team.method:7: [criterion patients]
 * weight: “3x” is not a number".
 */
#include "hrb-scoring-private.h"
#include "hrb-i18n.h"

#include <errno.h>
#include <string.h>

#define GROUP_METHOD "method"
#define CRITERION_PREFIX "criterion "

/* The shortest of %.15g and %.17g that reads back as the same number. */
static const char *
number_text (char *buf, gsize size, double v)
{
  g_ascii_formatd (buf, size, "%.15g", v);
  if (g_ascii_strtod (buf, NULL) != v)
    g_ascii_formatd (buf, size, "%.17g", v);
  return buf;
}

static void
set_number (GKeyFile *kf, const char *group, const char *key, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    g_key_file_set_string (kf, group, key, "none");
  else
    g_key_file_set_string (kf, group, key, number_text (buf, sizeof buf, v));
}

char *
hrb_method_to_data (const HrbMethod *m, gsize *length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GString) ties = g_string_new (NULL);

  g_return_val_if_fail (m != NULL, NULL);
  g_key_file_set_comment (kf, NULL, NULL,
                          " Herbeoordeling scoring method (format 1). Documented in\n"
                          " docs/method-file.md; money in euros per year, fractions for\n"
                          " relative budget impact and growth (0.05 = 5 %).", NULL);
  g_key_file_set_integer (kf, GROUP_METHOD, "format", 1);
  g_key_file_set_string (kf, GROUP_METHOD, "name", m->name);
  if (m->description)
    g_key_file_set_string (kf, GROUP_METHOD, "description", m->description);
  set_number (kf, GROUP_METHOD, "min_cost_per_patient", m->min_cost_per_patient);
  set_number (kf, GROUP_METHOD, "min_budget_impact", m->min_budget_impact);
  for (guint k = 0; k < m->n_tie_break; k++)
    g_string_append_printf (ties, "%s%s", k ? ";" : "", hrb_tie_key_to_code (m->tie_break[k]));
  g_key_file_set_string (kf, GROUP_METHOD, "tie_break", ties->str);
  g_key_file_set_integer (kf, GROUP_METHOD, "unstable_span", (int) m->unstable_span);

  for (guint i = 0; i < m->criteria->len; i++)
    {
      const HrbCriterion *c = g_ptr_array_index (m->criteria, i);
      g_autofree char *group = g_strconcat (CRITERION_PREFIX, c->id, NULL);

      if (c->label)
        g_key_file_set_string (kf, group, "label", c->label);
      g_key_file_set_boolean (kf, group, "enabled", c->enabled);
      g_key_file_set_string (kf, group, "input", hrb_input_to_code (c->input));
      g_key_file_set_string (kf, group, "transform", hrb_transform_to_code (c->transform));
      set_number (kf, group, "weight", c->weight);
      if (c->transform == HRB_TRANSFORM_LOG || c->transform == HRB_TRANSFORM_LINEAR)
        {
          set_number (kf, group, "zero", c->anchor_zero);
          set_number (kf, group, "full", c->anchor_full);
        }
      else if (c->transform == HRB_TRANSFORM_BANDS)
        {
          g_autoptr(GString) t = g_string_new (NULL);
          g_autoptr(GString) b = g_string_new (NULL);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          for (guint k = 0; k < c->n_bands; k++)
            {
              g_string_append_printf (t, "%s%s", k ? ";" : "",
                                      number_text (buf, sizeof buf, c->band_threshold[k]));
              g_string_append_printf (b, "%s%d", k ? ";" : "", c->band_value[k]);
            }
          g_key_file_set_string (kf, group, "thresholds", t->str);
          g_key_file_set_string (kf, group, "bands", b->str);
        }
      switch (c->input)
        {
        case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
          g_key_file_set_string (kf, group, "reference",
                                 c->reference == HRB_REFERENCE_DOMAIN ? "domain" : "list");
          break;
        case HRB_INPUT_UNCERTAINTY:
          for (int f = 0; f < HRB_N_FLAGS; f++)
            {
              g_autofree char *key = g_strconcat ("points_", hrb_flag_to_code (f), NULL);
              set_number (kf, group, key, c->flag_points[f]);
            }
          set_number (kf, group, "cap", c->points_cap);
          break;
        case HRB_INPUT_MARKET:
          set_number (kf, group, "loe_years", c->loe_years);
          set_number (kf, group, "points", c->market_points);
          break;
        case HRB_INPUT_PATIENTS:
        case HRB_INPUT_BUDGET_IMPACT:
        case HRB_INPUT_COST_PER_PATIENT:
        case HRB_INPUT_GROWTH:
        case HRB_INPUT_EXPERT:
        case HRB_N_INPUTS:
        default:
          break;
        }
    }
  return g_key_file_to_data (kf, length, NULL);
}

/* Reading ------------------------------------------------------------------ */

typedef struct {
  const char *file;
  GHashTable *lines;   /* "group\nkey" → line number (GINT_TO_POINTER) */
  GHashTable *group_lines;
  GKeyFile   *kf;
} Reader;

static int
key_line (Reader *r, const char *group, const char *key)
{
  g_autofree char *k = g_strconcat (group, "\n", key, NULL);

  return GPOINTER_TO_INT (g_hash_table_lookup (r->lines, k));
}

static gboolean
fail_at (Reader *r, GError **error, int line, const char *group, const char *key,
         const char *message)
{
  g_autofree char *where = line > 0 ? g_strdup_printf ("%s:%d", r->file, line) : g_strdup (r->file);

  if (group && key)
    g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_INVALID,
                 "%s: [%s] %s: %s", where, group, key, message);
  else if (group)
    g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_INVALID,
                 "%s: [%s]: %s", where, group, message);
  else
    g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_PARSE, "%s: %s", where, message);
  return FALSE;
}

static gboolean
fail_key (Reader *r, GError **error, const char *group, const char *key, const char *message)
{
  return fail_at (r, error, key ? key_line (r, group, key)
                                : GPOINTER_TO_INT (g_hash_table_lookup (r->group_lines, group)),
                  group, key, message);
}

/* A line-by-line scan that checks the syntax and records where each key is. */
static gboolean
scan_lines (Reader *r, const char *data, gsize length, GError **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = g_strndup (data, length);
  g_autofree char *group = NULL;

  if (!g_utf8_validate (data, length, NULL))
    return fail_at (r, error, 0, NULL, NULL, _("not UTF-8 text"));
  lines = g_strsplit (text, "\n", -1);
  for (int i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      int n = i + 1;
      char *eq;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          gsize len = strlen (line);
          if (len < 3 || line[len - 1] != ']')
            return fail_at (r, error, n, NULL, NULL, _("a group line looks like “[name]”"));
          g_free (group);
          group = g_strndup (line + 1, len - 2);
          if (g_hash_table_contains (r->group_lines, group))
            return fail_at (r, error, n, group, NULL, _("this group appears twice"));
          g_hash_table_insert (r->group_lines, g_strdup (group), GINT_TO_POINTER (n));
          continue;
        }
      eq = strchr (line, '=');
      if (eq == NULL)
        return fail_at (r, error, n, NULL, NULL, _("expected “key=value”, a “[group]” or a “#” comment"));
      if (group == NULL)
        return fail_at (r, error, n, NULL, NULL, _("a key before the first group (start with “[method]”)"));
      *eq = '\0';
      g_strstrip (line);
      if (*line == '\0')
        return fail_at (r, error, n, group, NULL, _("a line without a key"));
      {
        g_autofree char *k = g_strconcat (group, "\n", line, NULL);
        if (g_hash_table_contains (r->lines, k))
          return fail_at (r, error, n, group, line, _("this key appears twice in its group"));
        g_hash_table_insert (r->lines, g_steal_pointer (&k), GINT_TO_POINTER (n));
      }
    }
  return TRUE;
}

static gboolean
get_string (Reader *r, const char *group, const char *key, gboolean required, char **out,
            GError **error)
{
  *out = g_key_file_get_string (r->kf, group, key, NULL);
  if (*out != NULL)
    g_strstrip (*out);
  if (required && (*out == NULL || **out == '\0'))
    {
      g_clear_pointer (out, g_free);
      return fail_key (r, error, group, NULL == key ? NULL : key, _("missing (required)"));
    }
  return TRUE;
}

static gboolean
parse_number_text (const char *text, double *out)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;
  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* A number; absent keys keep *out. allow_none: "none" gives NAN. */
static gboolean
get_number (Reader *r, const char *group, const char *key, gboolean allow_none, double *out,
            GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *msg = NULL;

  if (!g_key_file_has_key (r->kf, group, key, NULL))
    return TRUE;
  get_string (r, group, key, FALSE, &text, NULL);
  if (allow_none && text && g_ascii_strcasecmp (text, "none") == 0)
    {
      *out = NAN;
      return TRUE;
    }
  if (parse_number_text (text, out))
    return TRUE;
  msg = g_strdup_printf (_("“%s” is not a number (use a decimal point, no thousands separator)"),
                         text ? text : "");
  return fail_key (r, error, group, key, msg);
}

static gboolean
check_keys (Reader *r, const char *group, const char * const *allowed, GError **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (r->kf, group, NULL, NULL);

  for (guint i = 0; keys && keys[i]; i++)
    if (!g_strv_contains (allowed, keys[i]))
      {
        g_autofree char *known = g_strjoinv (", ", (char **) allowed);
        g_autofree char *msg = g_strdup_printf (_("unknown key (known keys: %s)"), known);
        return fail_key (r, error, group, keys[i], msg);
      }
  return TRUE;
}

static const char *method_keys[] = {
  "format", "name", "description", "min_cost_per_patient", "min_budget_impact", "tie_break",
  "unstable_span", NULL
};

static const char *criterion_keys[] = {
  "label", "enabled", "input", "transform", "weight", "zero", "full", "thresholds", "bands",
  "reference", "points_conditional", "points_exceptional", "points_conditional_admission",
  "points_orphan", "points_accelerated", "points_atmp", "cap", "loe_years", "points", NULL
};

static gboolean
read_criterion (Reader *r, const char *group, HrbMethod *m, GError **error)
{
  const char *id = group + strlen (CRITERION_PREFIX);
  g_autofree char *input = NULL;
  g_autofree char *transform = NULL;
  g_autofree char *enabled = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(HrbCriterion) c = NULL;
  HrbInput in;
  HrbTransform tr;

  if (!check_keys (r, group, criterion_keys, error))
    return FALSE;
  if (!get_string (r, group, "input", TRUE, &input, error) ||
      !get_string (r, group, "transform", TRUE, &transform, error))
    return FALSE;
  if (!hrb_input_from_code (input, &in))
    return fail_key (r, error, group, "input",
                     _("unknown input (use patients, budget_impact, relative_budget_impact, "
                       "cost_per_patient, growth, uncertainty, market or expert)"));
  if (!hrb_transform_from_code (transform, &tr))
    return fail_key (r, error, group, "transform", _("unknown transform (use log, linear, bands or points)"));
  if (!g_key_file_has_key (r->kf, group, "weight", NULL))
    return fail_key (r, error, group, NULL, _("weight: missing (required)"));

  c = hrb_criterion_new (id, in, tr, 0);
  if (!get_number (r, group, "weight", FALSE, &c->weight, error))
    return FALSE;
  if (!(c->weight >= 0))
    return fail_key (r, error, group, "weight", _("must be 0 or more"));
  c->label = g_key_file_get_string (r->kf, group, "label", NULL);
  get_string (r, group, "enabled", FALSE, &enabled, NULL);
  if (enabled)
    {
      if (g_ascii_strcasecmp (enabled, "true") == 0)
        c->enabled = TRUE;
      else if (g_ascii_strcasecmp (enabled, "false") == 0)
        c->enabled = FALSE;
      else
        return fail_key (r, error, group, "enabled", _("use true or false"));
    }
  if (tr == HRB_TRANSFORM_LOG || tr == HRB_TRANSFORM_LINEAR)
    {
      if (!g_key_file_has_key (r->kf, group, "zero", NULL))
        return fail_key (r, error, group, NULL, _("zero: missing (required for log and linear)"));
      if (!g_key_file_has_key (r->kf, group, "full", NULL))
        return fail_key (r, error, group, NULL, _("full: missing (required for log and linear)"));
      if (!get_number (r, group, "zero", FALSE, &c->anchor_zero, error) ||
          !get_number (r, group, "full", FALSE, &c->anchor_full, error))
        return FALSE;
      if (c->anchor_zero == c->anchor_full)
        return fail_key (r, error, group, "full", _("must differ from zero"));
      if (tr == HRB_TRANSFORM_LOG && !(c->anchor_zero > 0))
        return fail_key (r, error, group, "zero", _("a log scale needs anchors greater than 0"));
      if (tr == HRB_TRANSFORM_LOG && !(c->anchor_full > 0))
        return fail_key (r, error, group, "full", _("a log scale needs anchors greater than 0"));
    }
  else if (tr == HRB_TRANSFORM_BANDS)
    {
      g_autofree char *t = NULL;
      g_autofree char *b = NULL;
      g_auto(GStrv) tv = NULL;
      g_auto(GStrv) bv = NULL;

      if (!get_string (r, group, "thresholds", TRUE, &t, error) ||
          !get_string (r, group, "bands", TRUE, &b, error))
        return FALSE;
      tv = g_strsplit (t, ";", -1);
      bv = g_strsplit (b, ";", -1);
      if (g_strv_length (tv) != g_strv_length (bv))
        return fail_key (r, error, group, "bands", _("give as many bands as thresholds"));
      if (g_strv_length (tv) < 1 || g_strv_length (tv) > HRB_MAX_BANDS)
        return fail_key (r, error, group, "thresholds", _("give 1 to 8 thresholds"));
      c->n_bands = g_strv_length (tv);
      for (guint k = 0; k < c->n_bands; k++)
        {
          double band;
          if (!parse_number_text (g_strstrip (tv[k]), &c->band_threshold[k]))
            return fail_key (r, error, group, "thresholds", _("not a list of numbers separated by “;”"));
          if (k > 0 && !(c->band_threshold[k] > c->band_threshold[k - 1]))
            return fail_key (r, error, group, "thresholds", _("thresholds must increase"));
          if (!parse_number_text (g_strstrip (bv[k]), &band) || band != floor (band) || band < 1 || band > 9)
            return fail_key (r, error, group, "bands", _("bands are whole numbers from 1 to 9"));
          c->band_value[k] = (int) band;
          if (k > 0 && c->band_value[k] < c->band_value[k - 1])
            return fail_key (r, error, group, "bands", _("bands must not decrease"));
        }
    }
  if (!get_string (r, group, "reference", FALSE, &reference, error))
    return FALSE;
  if (reference)
    {
      if (g_ascii_strcasecmp (reference, "list") == 0)
        c->reference = HRB_REFERENCE_LIST;
      else if (g_ascii_strcasecmp (reference, "domain") == 0)
        c->reference = HRB_REFERENCE_DOMAIN;
      else
        return fail_key (r, error, group, "reference", _("use list or domain"));
    }
  for (int f = 0; f < HRB_N_FLAGS; f++)
    {
      g_autofree char *key = g_strconcat ("points_", hrb_flag_to_code (f), NULL);
      if (!get_number (r, group, key, FALSE, &c->flag_points[f], error))
        return FALSE;
      if (!(c->flag_points[f] >= 0))
        return fail_key (r, error, group, key, _("must be 0 or more"));
    }
  if (!get_number (r, group, "cap", FALSE, &c->points_cap, error) ||
      !get_number (r, group, "loe_years", FALSE, &c->loe_years, error) ||
      !get_number (r, group, "points", FALSE, &c->market_points, error))
    return FALSE;
  if (!(c->points_cap >= 0))
    return fail_key (r, error, group, "cap", _("must be 0 or more"));
  if (!(c->loe_years >= 0))
    return fail_key (r, error, group, "loe_years", _("must be 0 or more"));
  if (!(c->market_points >= 0 && c->market_points <= 100))
    return fail_key (r, error, group, "points", _("must be between 0 and 100"));
  g_ptr_array_add (m->criteria, g_steal_pointer (&c));
  return TRUE;
}

HrbMethod *
hrb_method_from_data (const char *data, gsize length, const char *file_name, GError **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) group_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local = NULL;
  g_autoptr(HrbMethod) m = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *format = NULL;
  g_autofree char *ties = NULL;
  Reader r = { file_name ? file_name : "method", lines, group_lines, kf };
  double span = 5;

  g_return_val_if_fail (data != NULL, NULL);
  if (!scan_lines (&r, data, length, error))
    return NULL;
  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE, &local))
    {
      fail_at (&r, error, 0, NULL, NULL, local->message);
      return NULL;
    }
  if (!g_key_file_has_group (kf, GROUP_METHOD))
    {
      fail_at (&r, error, 0, NULL, NULL, _("no [method] group: is this a method file?"));
      return NULL;
    }
  if (!check_keys (&r, GROUP_METHOD, method_keys, error) ||
      !get_string (&r, GROUP_METHOD, "format", TRUE, &format, error))
    return NULL;
  if (g_strcmp0 (format, "1") != 0)
    {
      fail_key (&r, error, GROUP_METHOD, "format", _("unsupported format (this version reads format 1)"));
      return NULL;
    }
  m = hrb_method_new (NULL);
  g_clear_pointer (&m->name, g_free);
  if (!get_string (&r, GROUP_METHOD, "name", TRUE, &m->name, error))
    return NULL;
  m->description = g_key_file_get_string (kf, GROUP_METHOD, "description", NULL);
  if (!get_number (&r, GROUP_METHOD, "min_cost_per_patient", TRUE, &m->min_cost_per_patient, error) ||
      !get_number (&r, GROUP_METHOD, "min_budget_impact", TRUE, &m->min_budget_impact, error) ||
      !get_number (&r, GROUP_METHOD, "unstable_span", FALSE, &span, error))
    return NULL;
  if (!isnan (m->min_cost_per_patient) && m->min_cost_per_patient < 0)
    {
      fail_key (&r, error, GROUP_METHOD, "min_cost_per_patient", _("must be 0 or more"));
      return NULL;
    }
  if (!isnan (m->min_budget_impact) && m->min_budget_impact < 0)
    {
      fail_key (&r, error, GROUP_METHOD, "min_budget_impact", _("must be 0 or more"));
      return NULL;
    }
  if (span < 0 || span != floor (span) || span > 1e9)
    {
      fail_key (&r, error, GROUP_METHOD, "unstable_span", _("must be a whole number ≥ 0"));
      return NULL;
    }
  m->unstable_span = (guint) span;
  get_string (&r, GROUP_METHOD, "tie_break", FALSE, &ties, NULL);
  if (ties)
    {
      g_auto(GStrv) keys = g_strsplit (ties, ";", -1);
      m->n_tie_break = 0;
      for (guint k = 0; keys[k]; k++)
        {
          HrbTieKey key;
          g_strstrip (keys[k]);
          if (*keys[k] == '\0')
            continue;
          if (!hrb_tie_key_from_code (keys[k], &key))
            {
              fail_key (&r, error, GROUP_METHOD, "tie_break",
                        _("unknown key (use budget_impact, patients, medicine, item_id)"));
              return NULL;
            }
          if (m->n_tie_break == HRB_MAX_TIE_KEYS)
            {
              fail_key (&r, error, GROUP_METHOD, "tie_break", _("at most 4 keys"));
              return NULL;
            }
          m->tie_break[m->n_tie_break++] = key;
        }
    }

  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      if (strcmp (groups[i], GROUP_METHOD) == 0)
        continue;
      if (!g_str_has_prefix (groups[i], CRITERION_PREFIX))
        {
          fail_key (&r, error, groups[i], NULL,
                    _("unknown group (use [method] and [criterion ID])"));
          return NULL;
        }
      {
        const char *id = groups[i] + strlen (CRITERION_PREFIX);
        gboolean ok = *id != '\0';
        for (const char *p = id; *p; p++)
          if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
            ok = FALSE;
        if (!ok)
          {
            fail_key (&r, error, groups[i], NULL,
                      _("a criterion id uses lower-case letters, digits and “_” only"));
            return NULL;
          }
      }
      if (!read_criterion (&r, groups[i], m, error))
        return NULL;
    }
  if (m->criteria->len == 0)
    {
      fail_at (&r, error, 0, NULL, NULL, _("no criteria: add at least one [criterion ID] group"));
      return NULL;
    }
  if (!hrb_method_validate (m, &local))
    {
      fail_at (&r, error, 0, NULL, NULL, local->message);
      return NULL;
    }
  return g_steal_pointer (&m);
}

gboolean
hrb_method_save_file (const HrbMethod *m, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (m != NULL && path != NULL, FALSE);
  data = hrb_method_to_data (m, &len);
  return g_file_set_contents (path, data, len, error);
}

HrbMethod *
hrb_method_load_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return hrb_method_from_data (data, len, path, error);
}
