/* hrb-score.c: the scoring engine on arrays.
 *
 * Steps per run: eligibility at the point values; reference totals of the
 * relative budget impact (eligible items of the stream, or of the stream and
 * domain); criterion scores at the low, point and high inputs, summed as
 * contributions; ranks per stream by a stable radix sort of the point scores
 * (runs of equal scores then ordered by the tie-break chain); rank intervals
 * by galloping searches in the sorted point scores, starting at each item's
 * own position (the interval is usually narrow, so this costs O(log span)).
 */
#include "hrb-scoring-private.h"
#include "hrb-score-private.h"
#include "hrb-i18n.h"

#include <string.h>

/* Input ------------------------------------------------------------------- */

HrbScoreInput *
hrb_score_input_new (guint n)
{
  HrbScoreInput *in = g_new0 (HrbScoreInput, 1);
  gsize count = MAX (n, 1);

  in->n = n;
  in->item_id = g_new0 (gint64, count);
  in->stream = g_new0 (guint8, count);
  in->name_order = g_new0 (guint32, count);
  in->domain = g_new0 (guint32, count);
  for (int s = 0; s < HRB_N_SCENARIOS; s++)
    {
      in->patients[s] = g_new (double, count);
      in->cost[s] = g_new (double, count);
      in->budget[s] = g_new (double, count);
    }
  in->growth = g_new (double, count);
  in->flags = g_new0 (guint32, count);
  in->years_to_loe = g_new (double, count);
  in->expert = g_new (double, count);
  for (guint i = 0; i < n; i++)
    {
      in->item_id[i] = i + 1;
      in->name_order[i] = i;
      for (int s = 0; s < HRB_N_SCENARIOS; s++)
        in->patients[s][i] = in->cost[s][i] = in->budget[s][i] = NAN;
      in->growth[i] = in->years_to_loe[i] = in->expert[i] = NAN;
    }
  return in;
}

void
hrb_score_input_free (HrbScoreInput *in)
{
  if (in == NULL)
    return;
  g_free (in->item_id);
  g_free (in->stream);
  g_free (in->name_order);
  g_free (in->domain);
  for (int s = 0; s < HRB_N_SCENARIOS; s++)
    {
      g_free (in->patients[s]);
      g_free (in->cost[s]);
      g_free (in->budget[s]);
    }
  g_free (in->growth);
  g_free (in->flags);
  g_free (in->years_to_loe);
  g_free (in->expert);
  g_clear_pointer (&in->items, g_ptr_array_unref);
  g_clear_pointer (&in->previous, g_ptr_array_unref);
  g_clear_pointer (&in->expert_reason, g_ptr_array_unref);
  g_free (in);
}

static inline double
point_of (double low, double high)
{
  if (!isnan (low) && !isnan (high))
    return (low + high) / 2.0;
  return isnan (low) ? high : low;
}

void
hrb_score_input_derive (HrbScoreInput *in)
{
  g_return_if_fail (in != NULL);
  for (guint i = 0; i < in->n; i++)
    {
      double *p[3] = { &in->patients[0][i], &in->patients[1][i], &in->patients[2][i] };
      double *c[3] = { &in->cost[0][i], &in->cost[1][i], &in->cost[2][i] };
      double *b[3] = { &in->budget[0][i], &in->budget[1][i], &in->budget[2][i] };

      *p[1] = point_of (*p[0], *p[2]);
      if (isnan (*p[0])) *p[0] = *p[1];
      if (isnan (*p[2])) *p[2] = *p[1];
      *c[1] = point_of (*c[0], *c[2]);
      if (isnan (*c[0])) *c[0] = *c[1];
      if (isnan (*c[2])) *c[2] = *c[1];

      if (!isnan (*b[0]) || !isnan (*b[2]))
        {
          /* The given total. */
          *b[1] = point_of (*b[0], *b[2]);
          if (isnan (*b[0])) *b[0] = *b[1];
          if (isnan (*b[2])) *b[2] = *b[1];
          /* A missing cost per patient follows from the total. */
          if (isnan (*c[1]) && *p[1] > 0)
            *c[0] = *c[1] = *c[2] = *b[1] / *p[1];
        }
      else if (!isnan (*p[1]) && !isnan (*c[1]))
        {
          for (int s = 0; s < 3; s++)
            *b[s] = *p[s] * *c[s];
        }
      else
        *b[0] = *b[1] = *b[2] = NAN;
    }
}

void
hrb_expert_score_free (HrbExpertScore *e)
{
  if (e == NULL)
    return;
  g_free (e->reason);
  g_free (e->set_at);
  g_free (e->author);
  g_free (e);
}

typedef struct {
  guint  index;
  char  *key;
} NameKey;

static int
name_key_cmp (gconstpointer a, gconstpointer b)
{
  const NameKey *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c ? c : (x->index > y->index) - (x->index < y->index);
}

static double
figure_budget_point (const HrbFigure *f)
{
  if (hrb_is_known (f->budget.low) || hrb_is_known (f->budget.high))
    return hrb_range_point (f->budget);
  return hrb_range_point (f->patients) * hrb_range_point (f->cost);
}

HrbScoreInput *
hrb_score_input_new_from_items (GPtrArray *items, GHashTable *previous, GHashTable *expert,
                                const char *today)
{
  HrbScoreInput *in;
  g_autoptr(GHashTable) domains = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree NameKey *keys = NULL;
  GDate now;
  gboolean have_now;

  g_return_val_if_fail (items != NULL, NULL);
  in = hrb_score_input_new (items->len);
  in->items = g_ptr_array_ref (items);
  in->previous = g_ptr_array_new_full (items->len, (GDestroyNotify) hrb_figure_free);
  in->expert_reason = g_ptr_array_new_full (items->len, g_free);

  if (today)
    have_now = hrb_scoring_parse_date (today, &now);
  else
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();
      g_date_clear (&now, 1);
      g_date_set_dmy (&now, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
      have_now = TRUE;
    }

  keys = g_new (NameKey, MAX (items->len, 1));
  for (guint i = 0; i < items->len; i++)
    {
      const HrbItem *it = g_ptr_array_index (items, i);
      const HrbFigure *f = &it->figure;
      const HrbFigure *prev = previous ? g_hash_table_lookup (previous, &it->id) : NULL;
      const HrbExpertScore *ex = expert ? g_hash_table_lookup (expert, &it->id) : NULL;
      GDate loe;

      in->item_id[i] = it->id;
      in->stream[i] = (guint8) hrb_item_stream (it);
      if (it->domain && *it->domain)
        {
          gpointer idx = g_hash_table_lookup (domains, it->domain);
          if (idx == NULL)
            {
              idx = GUINT_TO_POINTER (g_hash_table_size (domains) + 1);
              g_hash_table_insert (domains, it->domain, idx);
            }
          in->domain[i] = GPOINTER_TO_UINT (idx);
        }
      in->patients[HRB_LOW][i] = f->patients.low;
      in->patients[HRB_HIGH][i] = f->patients.high;
      in->cost[HRB_LOW][i] = f->cost.low;
      in->cost[HRB_HIGH][i] = f->cost.high;
      in->budget[HRB_LOW][i] = f->budget.low;
      in->budget[HRB_HIGH][i] = f->budget.high;

      in->flags[i] = (it->medicine.conditional ? 1u << HRB_FLAG_CONDITIONAL : 0) |
                     (it->medicine.exceptional ? 1u << HRB_FLAG_EXCEPTIONAL : 0) |
                     (it->status == HRB_STATUS_CONDITIONAL ? 1u << HRB_FLAG_CONDITIONAL_ADMISSION : 0) |
                     (it->medicine.orphan ? 1u << HRB_FLAG_ORPHAN : 0) |
                     (it->medicine.accelerated ? 1u << HRB_FLAG_ACCELERATED : 0) |
                     (it->medicine.atmp ? 1u << HRB_FLAG_ATMP : 0);
      if (have_now && hrb_scoring_parse_date (it->loe_date, &loe))
        in->years_to_loe[i] = g_date_days_between (&now, &loe) / 365.25;
      if (ex)
        in->expert[i] = ex->score;
      g_ptr_array_add (in->expert_reason, ex ? g_strdup (ex->reason) : NULL);
      g_ptr_array_add (in->previous, prev ? hrb_figure_copy (prev) : NULL);
      if (prev && f->id != 0)
        {
          double before = figure_budget_point (prev);
          double after = figure_budget_point (f);
          if (before > 0 && hrb_is_known (after))
            in->growth[i] = after / before - 1.0;
        }
      keys[i].index = i;
      keys[i].key = g_utf8_collate_key (hrb_medicine_display_name (&it->medicine), -1);
    }
  hrb_score_input_derive (in);

  qsort (keys, items->len, sizeof (NameKey), name_key_cmp);
  for (guint i = 0; i < items->len; i++)
    {
      in->name_order[keys[i].index] = i;
      g_free (keys[i].key);
    }
  return in;
}

/* Result ------------------------------------------------------------------ */

void
hrb_score_options_init (HrbScoreOptions *opts)
{
  g_return_if_fail (opts != NULL);
  opts->sluis_cost_per_patient = HRB_SLUIS_COST_PER_PATIENT;
  opts->sluis_budget_impact = HRB_SLUIS_BUDGET_IMPACT;
}

static void
priv_free (HrbScorePriv *p)
{
  if (p == NULL)
    return;
  g_free (p->keys_a);
  g_free (p->keys_b);
  g_free (p->idx_a);
  g_free (p->idx_b);
  g_free (p->sorted);
  g_free (p->domain_total);
  g_free (p);
}

void
hrb_score_result_free (HrbScoreResult *r)
{
  if (r == NULL)
    return;
  for (int s = 0; s < HRB_N_SCENARIOS; s++)
    g_free (r->score[s]);
  g_free (r->eligibility);
  g_free (r->rank);
  g_free (r->rank_best);
  g_free (r->rank_worst);
  g_free (r->unstable);
  g_free (r->sluis);
  g_free (r->relative);
  g_free (r->reference_total);
  g_free (r->contrib);
  g_free (r->order);
  priv_free (r->priv);
  g_free (r);
}

static HrbScoreResult *
result_new (guint n, guint k)
{
  HrbScoreResult *r = g_new0 (HrbScoreResult, 1);
  gsize count = MAX (n, 1);
  HrbScorePriv *p = g_new0 (HrbScorePriv, 1);

  r->n = n;
  r->n_criteria = k;
  for (int s = 0; s < HRB_N_SCENARIOS; s++)
    r->score[s] = g_new (double, count);
  r->eligibility = g_new (guint8, count);
  r->rank = g_new (guint32, count);
  r->rank_best = g_new (guint32, count);
  r->rank_worst = g_new (guint32, count);
  r->unstable = g_new (guint8, count);
  r->sluis = g_new (guint8, count);
  r->relative = g_new (double, count);
  r->reference_total = g_new (double, count);
  r->contrib = g_new (double, count * MAX (k, 1));
  r->order = g_new (guint32, count);
  p->keys_a = g_new (guint64, count);
  p->keys_b = g_new (guint64, count);
  p->idx_a = g_new (guint32, count);
  p->idx_b = g_new (guint32, count);
  p->sorted = g_new (double, count);
  r->priv = p;
  return r;
}

/* Reference totals ------------------------------------------------------------ */

static void
compute_totals (const HrbScoreInput *in, HrbScoreResult *r, HrbScorePriv *p, gboolean domains)
{
  const double *bp = in->budget[HRB_POINT];

  p->list_total[0] = p->list_total[1] = 0;
  for (guint i = 0; i < in->n; i++)
    if (r->eligibility[i] == HRB_ELIGIBLE && !isnan (bp[i]))
      p->list_total[in->stream[i] & 1] += bp[i];

  g_clear_pointer (&p->domain_total, g_free);
  p->n_domains = 0;
  if (!domains)
    return;
  for (guint i = 0; i < in->n; i++)
    p->n_domains = MAX (p->n_domains, in->domain[i] + 1);
  p->domain_total = g_new0 (double, 2 * (gsize) p->n_domains);
  for (guint i = 0; i < in->n; i++)
    if (r->eligibility[i] == HRB_ELIGIBLE && !isnan (bp[i]))
      p->domain_total[(in->stream[i] & 1) * p->n_domains + in->domain[i]] += bp[i];
}

double
hrb_score_reference_total (const HrbScoreInput *in, const HrbScoreResult *r, HrbReference ref,
                           guint i)
{
  const HrbScorePriv *p = r->priv;

  if (ref == HRB_REFERENCE_DOMAIN && p->domain_total)
    return p->domain_total[(in->stream[i] & 1) * p->n_domains + in->domain[i]];
  return p->list_total[in->stream[i] & 1];
}

/* Criterion values ------------------------------------------------------------ */

double
hrb_score_criterion_value (const HrbCriterion *c, const HrbScoreInput *in, const HrbScoreResult *r,
                           guint i, int s)
{
  double total;

  switch (c->input)
    {
    case HRB_INPUT_PATIENTS:
      return in->patients[s][i];
    case HRB_INPUT_BUDGET_IMPACT:
      return in->budget[s][i];
    case HRB_INPUT_COST_PER_PATIENT:
      return in->cost[s][i];
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
      total = hrb_score_reference_total (in, r, c->reference, i);
      return total > 0 ? in->budget[s][i] / total : NAN;
    case HRB_INPUT_GROWTH:
      return in->growth[i];
    case HRB_INPUT_UNCERTAINTY:
      return hrb_uncertainty_points (c, in->flags[i]);
    case HRB_INPUT_MARKET:
      return hrb_market_points (c, in->years_to_loe[i]);
    case HRB_INPUT_EXPERT:
      return in->expert[i];
    case HRB_N_INPUTS:
    default:
      return NAN;
    }
}

/* Adds one criterion's contributions to the three score arrays. */
static G_GNUC_NO_INLINE void
add_criterion (const HrbCriterion *c, guint ci, double factor, const HrbScoreInput *in,
               HrbScoreResult *r)
{
  HrbTransformParams tp;
  const guint n = in->n, k = r->n_criteria;
  double *contrib = r->contrib;

  hrb_transform_params_init (&tp, c);
  switch (c->input)
    {
    case HRB_INPUT_PATIENTS:
    case HRB_INPUT_BUDGET_IMPACT:
    case HRB_INPUT_COST_PER_PATIENT:
      {
        double * const *v = c->input == HRB_INPUT_PATIENTS ? in->patients
                          : c->input == HRB_INPUT_BUDGET_IMPACT ? in->budget : in->cost;
        const double *v0 = v[HRB_LOW], *v1 = v[HRB_POINT], *v2 = v[HRB_HIGH];
        double *s0 = r->score[HRB_LOW], *s1 = r->score[HRB_POINT], *s2 = r->score[HRB_HIGH];

        /* Ends equal to the point (no range) reuse its criterion score. */
        if (tp.transform == HRB_TRANSFORM_LOG)
          for (guint i = 0; i < n; i++)
            {
              double x1 = factor * hrb_transform_log (&tp, v1[i]);
              double x0 = v0[i] == v1[i] ? x1 : factor * hrb_transform_log (&tp, v0[i]);
              double x2 = v2[i] == v1[i] ? x1 : factor * hrb_transform_log (&tp, v2[i]);
              s0[i] += x0;
              s1[i] += x1;
              s2[i] += x2;
              contrib[(gsize) i * k + ci] = x1;
            }
        else
          for (guint i = 0; i < n; i++)
            {
              double x1 = factor * hrb_transform_apply (&tp, v1[i]);
              double x0 = v0[i] == v1[i] ? x1 : factor * hrb_transform_apply (&tp, v0[i]);
              double x2 = v2[i] == v1[i] ? x1 : factor * hrb_transform_apply (&tp, v2[i]);
              s0[i] += x0;
              s1[i] += x1;
              s2[i] += x2;
              contrib[(gsize) i * k + ci] = x1;
            }
        break;
      }
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
      for (guint i = 0; i < n; i++)
        {
          double total = hrb_score_reference_total (in, r, c->reference, i);
          for (int s = 0; s < HRB_N_SCENARIOS; s++)
            {
              double v = total > 0 ? in->budget[s][i] / total : NAN;
              double x = factor * hrb_transform_apply (&tp, v);
              r->score[s][i] += x;
              if (s == HRB_POINT)
                contrib[(gsize) i * k + ci] = x;
            }
        }
      break;
    case HRB_INPUT_GROWTH:
    case HRB_INPUT_UNCERTAINTY:
    case HRB_INPUT_MARKET:
    case HRB_INPUT_EXPERT:
    case HRB_N_INPUTS:
    default:
      /* The same value in the three scenarios. */
      for (guint i = 0; i < n; i++)
        {
          double x = factor * hrb_transform_apply (&tp, hrb_score_criterion_value (c, in, r, i, HRB_POINT));
          r->score[HRB_LOW][i] += x;
          r->score[HRB_POINT][i] += x;
          r->score[HRB_HIGH][i] += x;
          contrib[(gsize) i * k + ci] = x;
        }
      break;
    }
}

/* Sorting --------------------------------------------------------------------- */

/* Descending order of a score ≥ 0 as an ascending unsigned key. */
static inline guint64
descending_key (double score)
{
  guint64 bits;

  memcpy (&bits, &score, sizeof bits);
  return ~bits;
}

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)
#define RADIX_PASSES 6
#define RADIX_FIRST_PASS 3

/* Stable sort of (keys, idx) of length m by key; the result ends up in
 * *keys / *idx (pointers may be swapped with the scratch buffers).
 *
 * An LSD radix sort on the top 31 bits of the keys (three passes of 11 bits:
 * sign, exponent and 19 bits of the mantissa of a score, a resolution of
 * about 2 × 10⁻⁶ of its value) leaves only neighbours that differ in the
 * lowest bits out of order; a final insertion sort on the whole key puts
 * those right, stable and exact, in about one pass. */
static G_GNUC_NO_INLINE void
radix_sort (guint32 counts[RADIX_PASSES][RADIX_SIZE], guint64 **keys, guint32 **idx,
            guint64 **keys_tmp, guint32 **idx_tmp, guint m)
{
  guint64 *k = *keys, *kt = *keys_tmp;
  guint32 *x = *idx, *xt = *idx_tmp;

  memset (counts, 0, sizeof (guint32) * RADIX_PASSES * RADIX_SIZE);
  for (guint i = 0; i < m; i++)
    {
      guint64 v = k[i];
      for (int p = RADIX_FIRST_PASS; p < RADIX_PASSES; p++)
        counts[p][(v >> (p * RADIX_BITS)) & (RADIX_SIZE - 1)]++;
    }
  for (int p = RADIX_FIRST_PASS; p < RADIX_PASSES; p++)
    {
      guint32 sum = 0;
      gboolean trivial = FALSE;

      for (guint b = 0; b < RADIX_SIZE; b++)
        {
          guint32 c = counts[p][b];
          if (c == m)
            trivial = TRUE;
          counts[p][b] = sum;
          sum += c;
        }
      if (trivial)
        continue;
      for (guint i = 0; i < m; i++)
        {
          guint32 pos = counts[p][(k[i] >> (p * RADIX_BITS)) & (RADIX_SIZE - 1)]++;
          kt[pos] = k[i];
          xt[pos] = x[i];
        }
      { guint64 *t = k; k = kt; kt = t; }
      { guint32 *t = x; x = xt; xt = t; }
    }
  /* Insertion sort on the full key: stable, linear when nearly sorted. */
  for (guint i = 1; i < m; i++)
    {
      guint64 v = k[i];
      guint32 w;
      guint j;

      if (k[i - 1] <= v)
        continue;
      w = x[i];
      j = i;
      while (j > 0 && k[j - 1] > v)
        {
          k[j] = k[j - 1];
          x[j] = x[j - 1];
          j--;
        }
      k[j] = v;
      x[j] = w;
    }
  *keys = k;
  *keys_tmp = kt;
  *idx = x;
  *idx_tmp = xt;
}

typedef struct {
  const HrbMethod     *m;
  const HrbScoreInput *in;
} TieData;

static inline int
cmp_desc_nan_last (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a < b) - (a > b);
}

static int
tie_cmp (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const TieData *t = data;
  guint32 a = *(const guint32 *) pa, b = *(const guint32 *) pb;
  int c = 0;

  for (guint k = 0; k < t->m->n_tie_break && c == 0; k++)
    switch (t->m->tie_break[k])
      {
      case HRB_TIE_BUDGET_IMPACT:
        c = cmp_desc_nan_last (t->in->budget[HRB_POINT][a], t->in->budget[HRB_POINT][b]);
        break;
      case HRB_TIE_PATIENTS:
        c = cmp_desc_nan_last (t->in->patients[HRB_POINT][a], t->in->patients[HRB_POINT][b]);
        break;
      case HRB_TIE_MEDICINE:
        c = (t->in->name_order[a] > t->in->name_order[b]) - (t->in->name_order[a] < t->in->name_order[b]);
        break;
      case HRB_TIE_ITEM_ID:
      case HRB_N_TIE_KEYS:
      default:
        break;
      }
  if (c == 0)
    c = (t->in->item_id[a] > t->in->item_id[b]) - (t->in->item_id[a] < t->in->item_id[b]);
  if (c == 0)
    c = (a > b) - (a < b);
  return c;
}

static inline double
key_to_score (guint64 key)
{
  guint64 bits = ~key;
  double v;

  memcpy (&v, &bits, sizeof v);
  return v;
}

/* For every eligible item of the stream: the number of entries of P (the
 * sorted point scores, descending) greater than its score in scenario s (or
 * greater than or equal when ge), stored in out[i]. The queries are sorted
 * too, so one merge-like sweep answers them all. */
static void
count_above_all (HrbScoreResult *r, const HrbScoreInput *in, guint8 stream, const double *P,
                 guint m_el, int s, gboolean ge, guint32 *out)
{
  HrbScorePriv *p = r->priv;
  guint64 *keys = p->keys_a, *keys_tmp = p->keys_b;
  guint32 *idx = p->idx_a, *idx_tmp = p->idx_b;
  const double *sc = r->score[s], *sp = r->score[HRB_POINT];
  guint m = 0, q = 0;

  /* Items whose score here equals their point score were answered from the
   * runs of equal point scores already. */
  for (guint i = 0; i < in->n; i++)
    if (in->stream[i] == stream && r->eligibility[i] == HRB_ELIGIBLE && sc[i] != sp[i])
      {
        keys[m] = descending_key (sc[i]);
        idx[m] = i;
        m++;
      }
  radix_sort (p->counts, &keys, &idx, &keys_tmp, &idx_tmp, m);
  for (guint j = 0; j < m; j++)
    {
      double x = key_to_score (keys[j]);
      if (ge)
        while (q < m_el && P[q] >= x)
          q++;
      else
        while (q < m_el && P[q] > x)
          q++;
      out[idx[j]] = q;
    }
}

static void
rank_stream (const HrbMethod *m, const HrbScoreInput *in, HrbScoreResult *r, guint8 stream,
             guint *out_pos)
{
  HrbScorePriv *p = r->priv;
  const double *sp = r->score[HRB_POINT];
  guint m_el = 0;
  guint64 *keys = p->keys_a, *keys_tmp = p->keys_b;
  guint32 *idx = p->idx_a, *idx_tmp = p->idx_b;
  TieData td = { m, in };
  double *P = p->sorted;
  guint pos = *out_pos;

  for (guint i = 0; i < in->n; i++)
    if (in->stream[i] == stream && r->eligibility[i] == HRB_ELIGIBLE)
      {
        keys[m_el] = descending_key (sp[i]);
        idx[m_el] = i;
        m_el++;
      }
  radix_sort (p->counts, &keys, &idx, &keys_tmp, &idx_tmp, m_el);

  /* Runs of equal scores: the tie-break chain. */
  for (guint a = 0; a < m_el;)
    {
      guint b = a + 1;
      while (b < m_el && keys[b] == keys[a])
        b++;
      if (b - a > 1)
        g_qsort_with_data (idx + a, b - a, sizeof (guint32), tie_cmp, &td);
      a = b;
    }

  /* The sorted point scores come back from the keys (no random reads). */
  for (guint j = 0; j < m_el; j++)
    {
      P[j] = key_to_score (keys[j]);
      r->rank[idx[j]] = j + 1;
      r->order[pos++] = idx[j];
    }
  /* Rank intervals: how many point scores lie above score_high (>) and
   * score_low (≥). For an end equal to the point score, that is where the
   * run of equal point scores starts and ends; the other ends are sorted too
   * and answered in one sweep. Then, in input order, the item's own point
   * score is taken out of the counts. */
  for (guint a = 0; a < m_el;)
    {
      guint b = a + 1;
      while (b < m_el && P[b] == P[a])
        b++;
      for (guint j = a; j < b; j++)
        {
          r->rank_best[idx[j]] = a;
          r->rank_worst[idx[j]] = b;
        }
      a = b;
    }
  count_above_all (r, in, stream, P, m_el, HRB_HIGH, FALSE, r->rank_best);
  count_above_all (r, in, stream, P, m_el, HRB_LOW, TRUE, r->rank_worst);
  for (guint i = 0; i < in->n; i++)
    {
      guint rank, best, worst;
      double own, hi, lo;

      if (in->stream[i] != stream || r->eligibility[i] != HRB_ELIGIBLE)
        continue;
      rank = r->rank[i];
      own = sp[i];
      hi = r->score[HRB_HIGH][i];
      lo = r->score[HRB_LOW][i];
      best = 1 + r->rank_best[i] - (own > hi ? 1 : 0);
      worst = 1 + r->rank_worst[i] - (own >= lo ? 1 : 0);
      best = MIN (best, rank);
      worst = MAX (worst, rank);
      r->rank_best[i] = best;
      r->rank_worst[i] = worst;
      r->unstable[i] = worst - best > m->unstable_span;
    }
  r->n_eligible[stream] = m_el;
  r->n_stream[stream] = m_el;
  for (guint i = 0; i < in->n; i++)
    if (in->stream[i] == stream && r->eligibility[i] != HRB_ELIGIBLE)
      {
        r->order[pos++] = i;
        r->n_stream[stream]++;
      }
  *out_pos = pos;
}

/* The engine ---------------------------------------------------------------- */

HrbScoreResult *
hrb_score (const HrbMethod *m, const HrbScoreInput *in, const HrbScoreOptions *opts,
           HrbScoreResult *reuse)
{
  HrbScoreOptions defaults;
  HrbScoreResult *r;
  HrbScorePriv *p;
  guint k = 0, ci = 0, pos = 0;
  double total_weight = 0;
  gboolean domains = FALSE, any_relative = FALSE;
  HrbReference first_ref = HRB_REFERENCE_LIST;
  const guint n = in ? in->n : 0;

  g_return_val_if_fail (m != NULL && in != NULL, NULL);
  if (opts == NULL)
    {
      hrb_score_options_init (&defaults);
      opts = &defaults;
    }
  for (guint c = 0; c < m->criteria->len; c++)
    {
      const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
      if (!cr->enabled)
        continue;
      k++;
      total_weight += cr->weight;
      if (cr->input == HRB_INPUT_RELATIVE_BUDGET_IMPACT)
        {
          if (!any_relative)
            first_ref = cr->reference;
          any_relative = TRUE;
          domains |= cr->reference == HRB_REFERENCE_DOMAIN;
        }
    }

  if (reuse && reuse->n == n && reuse->n_criteria == k)
    r = reuse;
  else
    {
      hrb_score_result_free (reuse);
      r = result_new (n, k);
    }
  p = r->priv;

  /* Eligibility and sluis at the point values. */
  for (guint i = 0; i < n; i++)
    {
      double cp = in->cost[HRB_POINT][i], bp = in->budget[HRB_POINT][i];
      r->eligibility[i] = hrb_eligibility_of (m, in->patients[HRB_POINT][i], cp, bp);
      r->sluis[i] = hrb_sluis_crosses (cp, bp, opts->sluis_cost_per_patient, opts->sluis_budget_impact);
      r->rank[i] = r->rank_best[i] = r->rank_worst[i] = 0;
      r->unstable[i] = 0;
      r->score[0][i] = r->score[1][i] = r->score[2][i] = 0.0;
    }
  compute_totals (in, r, p, domains);
  for (guint i = 0; i < n; i++)
    {
      double total = hrb_score_reference_total (in, r, first_ref, i);
      r->reference_total[i] = total;
      r->relative[i] = total > 0 ? in->budget[HRB_POINT][i] / total : NAN;
    }

  /* Scores: contribution = (weight / Σ weight) × criterion score, and the
   * score is the sum of the contributions in criterion order. */
  for (guint c = 0; c < m->criteria->len; c++)
    {
      const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
      if (!cr->enabled)
        continue;
      add_criterion (cr, ci++, total_weight > 0 ? cr->weight / total_weight : 0.0, in, r);
    }

  r->n_eligible[0] = r->n_eligible[1] = 0;
  r->n_stream[0] = r->n_stream[1] = 0;
  rank_stream (m, in, r, HRB_STREAM_PROSPECTIVE, &pos);
  rank_stream (m, in, r, HRB_STREAM_RETROSPECTIVE, &pos);
  g_assert (pos == n);
  return r;
}

/* Sluis --------------------------------------------------------------------- */

gboolean
hrb_sluis_crosses (double cost_per_patient, double budget_impact, double threshold_cost,
                   double threshold_budget)
{
  return (!isnan (threshold_cost) && cost_per_patient >= threshold_cost) ||
         (!isnan (threshold_budget) && budget_impact >= threshold_budget);
}

guint
hrb_sluis_count (const HrbScoreInput *in, HrbStream stream, double threshold_cost,
                 double threshold_budget)
{
  guint count = 0;

  g_return_val_if_fail (in != NULL, 0);
  for (guint i = 0; i < in->n; i++)
    if ((stream == HRB_STREAM_ANY || in->stream[i] == (guint8) stream) &&
        hrb_sluis_crosses (in->cost[HRB_POINT][i], in->budget[HRB_POINT][i], threshold_cost,
                           threshold_budget))
      count++;
  return count;
}
