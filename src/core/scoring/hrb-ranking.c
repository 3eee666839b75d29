/* hrb-ranking.c: readable rows of a scoring result, their explanation, frozen
 * list comparison and the store-backed convenience flow. */
#include "hrb-scoring-private.h"
#include "hrb-score-private.h"
#include "hrb-store-scoring.h"
#include "hrb-format.h"
#include "hrb-i18n.h"

#include <string.h>

/* Rows ----------------------------------------------------------------------- */

static void
detail_clear (HrbCriterionDetail *d)
{
  g_free (d->criterion_id);
  g_free (d->label);
  g_free (d->source);
}

void
hrb_ranking_row_free (HrbRankingRow *row)
{
  if (row == NULL)
    return;
  g_free (row->medicine);
  g_free (row->indication);
  g_free (row->domain);
  g_free (row->reason);
  g_free (row->loe_date);
  g_free (row->figure_source);
  g_free (row->figure_vintage);
  for (guint c = 0; c < row->n_details; c++)
    detail_clear (&row->details[c]);
  g_free (row->details);
  g_free (row);
}

HrbRankingRow *
hrb_ranking_row_copy (const HrbRankingRow *row)
{
  HrbRankingRow *copy;

  g_return_val_if_fail (row != NULL, NULL);
  copy = g_new (HrbRankingRow, 1);
  *copy = *row;
  copy->medicine = g_strdup (row->medicine);
  copy->indication = g_strdup (row->indication);
  copy->domain = g_strdup (row->domain);
  copy->reason = g_strdup (row->reason);
  copy->loe_date = g_strdup (row->loe_date);
  copy->figure_source = g_strdup (row->figure_source);
  copy->figure_vintage = g_strdup (row->figure_vintage);
  copy->details = g_new0 (HrbCriterionDetail, MAX (row->n_details, 1));
  for (guint c = 0; c < row->n_details; c++)
    {
      copy->details[c] = row->details[c];
      copy->details[c].criterion_id = g_strdup (row->details[c].criterion_id);
      copy->details[c].label = g_strdup (row->details[c].label);
      copy->details[c].source = g_strdup (row->details[c].source);
    }
  return copy;
}

static char *
figure_provenance (const HrbFigure *f)
{
  if (f == NULL || f->source == NULL)
    return g_strdup (_("no figures"));
  if (f->vintage)
    return g_strdup_printf ("%s, %s", f->source, f->vintage);
  return g_strdup (f->source);
}

static char *
money_text (double v)
{
  g_autofree char *s = NULL;

  if (isnan (v))
    return g_strdup (_("unknown"));
  s = hrb_scoring_format_euros (round (v));
  return g_strdup_printf ("EUR %s", s);
}

static char *
detail_source (const HrbCriterion *c, const HrbScoreInput *in, const HrbScoreResult *r, guint i)
{
  const HrbItem *it = in->items ? g_ptr_array_index (in->items, i) : NULL;
  const HrbFigure *f = it ? &it->figure : NULL;
  g_autofree char *prov = figure_provenance (f);

  switch (c->input)
    {
    case HRB_INPUT_PATIENTS:
      return g_steal_pointer (&prov);
    case HRB_INPUT_COST_PER_PATIENT:
      if (f && !hrb_range_is_known (f->cost) && hrb_range_is_known (f->budget))
        return g_strdup_printf (_("budget impact ÷ patients (%s)"), prov);
      return g_steal_pointer (&prov);
    case HRB_INPUT_BUDGET_IMPACT:
      if (f && !hrb_range_is_known (f->budget))
        return g_strdup_printf (_("patients × cost per patient (%s)"), prov);
      return g_steal_pointer (&prov);
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
      {
        g_autofree char *total = money_text (hrb_score_reference_total (in, r, c->reference, i));
        if (c->reference == HRB_REFERENCE_DOMAIN)
          return g_strdup_printf (_("of %s, the total of the eligible items of this domain and stream"),
                                  total);
        return g_strdup_printf (_("of %s, the total of the eligible items of this list"), total);
      }
    case HRB_INPUT_GROWTH:
      {
        const HrbFigure *prev = in->previous ? g_ptr_array_index (in->previous, i) : NULL;
        g_autofree char *before = NULL;
        if (prev == NULL)
          return g_strdup (_("no previous figures"));
        before = figure_provenance (prev);
        return g_strdup_printf (_("%s compared with %s"), prov, before);
      }
    case HRB_INPUT_UNCERTAINTY:
      {
        g_autoptr(GString) s = g_string_new (NULL);
        for (int fl = 0; fl < HRB_N_FLAGS; fl++)
          if (in->flags[i] & (1u << fl))
            g_string_append_printf (s, "%s%s %g", s->len ? " + " : "", hrb_flag_label (fl),
                                    c->flag_points[fl]);
        if (s->len == 0)
          return g_strdup (_("no uncertainty flags"));
        return g_string_free (g_steal_pointer (&s), FALSE);
      }
    case HRB_INPUT_MARKET:
      if (it == NULL || it->loe_date == NULL)
        return g_strdup (_("loss of exclusivity unknown"));
      return g_strdup_printf (_("loss of exclusivity %s (trigger within %g years)"), it->loe_date,
                              c->loe_years);
    case HRB_INPUT_EXPERT:
      {
        const char *reason = in->expert_reason ? g_ptr_array_index (in->expert_reason, i) : NULL;
        if (reason == NULL)
          return g_strdup (_("no expert score"));
        return g_strdup_printf (_("expert: %s"), reason);
      }
    case HRB_N_INPUTS:
    default:
      return g_strdup ("");
    }
}

static HrbRankingRow *
make_row (const HrbMethod *m, const HrbScoreInput *in, const HrbScoreResult *r, guint i)
{
  HrbRankingRow *row = g_new0 (HrbRankingRow, 1);
  const HrbItem *it = in->items ? g_ptr_array_index (in->items, i) : NULL;
  double total_weight = 0;
  guint ci = 0;

  row->item_id = in->item_id[i];
  row->stream = in->stream[i];
  if (it)
    {
      row->medicine = g_strdup (hrb_medicine_display_name (&it->medicine));
      row->indication = g_strdup (it->indication);
      row->domain = g_strdup (it->domain);
      row->loe_date = g_strdup (it->loe_date);
      row->figure_source = g_strdup (it->figure.source);
      row->figure_vintage = g_strdup (it->figure.vintage);
    }
  else
    row->medicine = g_strdup_printf ("%" G_GINT64_FORMAT, in->item_id[i]);
  row->eligible = r->eligibility[i] == HRB_ELIGIBLE;
  row->reason = hrb_eligibility_reason (m, r->eligibility[i]);
  row->rank = r->rank[i];
  row->rank_best = r->rank_best[i];
  row->rank_worst = r->rank_worst[i];
  row->unstable = r->unstable[i];
  row->sluis = r->sluis[i];
  row->score = r->score[HRB_POINT][i];
  row->score_low = r->score[HRB_LOW][i];
  row->score_high = r->score[HRB_HIGH][i];
  row->patients = (HrbRange) { in->patients[HRB_LOW][i], in->patients[HRB_HIGH][i] };
  row->cost = (HrbRange) { in->cost[HRB_LOW][i], in->cost[HRB_HIGH][i] };
  row->budget_impact = (HrbRange) { in->budget[HRB_LOW][i], in->budget[HRB_HIGH][i] };
  row->patients_point = in->patients[HRB_POINT][i];
  row->cost_point = in->cost[HRB_POINT][i];
  row->budget_point = in->budget[HRB_POINT][i];
  row->relative_budget_impact = r->relative[i];
  row->growth = in->growth[i];
  row->expert_score = in->expert[i];
  row->uncertainty_points = NAN;

  for (guint c = 0; c < m->criteria->len; c++)
    {
      const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
      if (cr->enabled)
        total_weight += cr->weight;
      if (cr->input == HRB_INPUT_UNCERTAINTY && isnan (row->uncertainty_points))
        row->uncertainty_points = hrb_uncertainty_points (cr, in->flags[i]);
    }
  row->n_details = r->n_criteria;
  row->details = g_new0 (HrbCriterionDetail, MAX (r->n_criteria, 1));
  for (guint c = 0; c < m->criteria->len; c++)
    {
      const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
      HrbCriterionDetail *d;

      if (!cr->enabled)
        continue;
      d = &row->details[ci];
      d->criterion_id = g_strdup (cr->id);
      d->label = g_strdup (hrb_criterion_label (cr));
      d->input = hrb_score_criterion_value (cr, in, r, i, HRB_POINT);
      d->input_low = hrb_score_criterion_value (cr, in, r, i, HRB_LOW);
      d->input_high = hrb_score_criterion_value (cr, in, r, i, HRB_HIGH);
      d->source = detail_source (cr, in, r, i);
      d->criterion_score = hrb_criterion_transform (cr, d->input);
      d->weight = cr->weight;
      d->contribution = r->contrib[(gsize) i * r->n_criteria + ci];
      ci++;
    }
  return row;
}

HrbRankingRow *
hrb_ranking_row_new (const HrbMethod *m, const HrbScoreInput *in, const HrbScoreResult *r, guint i)
{
  g_return_val_if_fail (m != NULL && in != NULL && r != NULL, NULL);
  g_return_val_if_fail (i < in->n && r->n == in->n, NULL);
  return make_row (m, in, r, i);
}

HrbRanking *
hrb_ranking_new (const HrbMethod *m, const HrbScoreInput *in, const HrbScoreResult *r,
                 HrbStream stream)
{
  HrbRanking *ranking;

  g_return_val_if_fail (m != NULL && in != NULL && r != NULL, NULL);
  g_return_val_if_fail (r->n == in->n, NULL);
  ranking = g_new0 (HrbRanking, 1);
  ranking->method = hrb_method_copy (m);
  ranking->criterion_ids = hrb_method_active_ids (m);
  ranking->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_ranking_row_free);
  for (guint j = 0; j < r->n; j++)
    {
      guint i = r->order[j];
      if (stream != HRB_STREAM_ANY && in->stream[i] != (guint8) stream)
        continue;
      g_ptr_array_add (ranking->rows, make_row (m, in, r, i));
    }
  return ranking;
}

void
hrb_ranking_free (HrbRanking *ranking)
{
  if (ranking == NULL)
    return;
  hrb_method_free (ranking->method);
  g_strfreev (ranking->criterion_ids);
  g_ptr_array_unref (ranking->rows);
  g_free (ranking);
}

const HrbRankingRow *
hrb_ranking_find (const HrbRanking *ranking, gint64 item_id)
{
  g_return_val_if_fail (ranking != NULL, NULL);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const HrbRankingRow *row = g_ptr_array_index (ranking->rows, i);
      if (row->item_id == item_id)
        return row;
    }
  return NULL;
}

/* Frozen lists ----------------------------------------------------------------- */

void
hrb_frozen_list_free (HrbFrozenList *f)
{
  if (f == NULL)
    return;
  g_free (f->name);
  g_free (f->date);
  g_free (f->method_name);
  g_free (f->remark);
  g_free (f->created_at);
  g_free (f->author);
  if (f->ranking)
    hrb_ranking_free (f->ranking);
  g_free (f);
}

void
hrb_rank_change_free (HrbRankChange *c)
{
  if (c == NULL)
    return;
  g_free (c->medicine);
  g_free (c->indication);
  g_free (c->why);
  g_free (c);
}

const char *
hrb_change_kind_to_code (HrbChangeKind k)
{
  static const char *codes[] = { "same", "up", "down", "entered", "left" };

  return (int) k >= 0 && k <= HRB_CHANGE_LEFT ? codes[k] : "";
}

static gboolean
differs (double a, double b)
{
  if (isnan (a) && isnan (b))
    return FALSE;
  if (isnan (a) || isnan (b))
    return TRUE;
  return fabs (a - b) > 1e-9 * MAX (fabs (a), fabs (b));
}

/* Values as the user's locale writes them ("1.000–2.000", "€ 2.700.000",
 * "3,25 %"): the GUI and the CLI show these texts to people. */
static char *
range_text (HrbRange r, gboolean money)
{
  HrbNumberFormat fmt;

  hrb_number_format_current (&fmt);
  return hrb_format_range (&fmt, r, money);
}

static void
append_range_change (GString *why, const char *label, HrbRange a, HrbRange b, gboolean money)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (!differs (a.low, b.low) && !differs (a.high, b.high))
    return;
  ta = range_text (a, money);
  tb = range_text (b, money);
  g_string_append_printf (why, "%s%s %s → %s", why->len ? "; " : "", label, ta, tb);
}

/* percent: a fraction shown as a percentage; else a whole number. */
static char *
value_text (double v, gboolean percent)
{
  HrbNumberFormat fmt;

  if (isnan (v))
    return g_strdup (_("unknown"));
  hrb_number_format_current (&fmt);
  return percent ? hrb_format_percent (&fmt, v, 2) : hrb_format_number (&fmt, v, 0);
}

static void
append_value_change (GString *why, const char *label, double a, double b, gboolean percent)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (!differs (a, b))
    return;
  ta = value_text (a, percent);
  tb = value_text (b, percent);
  g_string_append_printf (why, "%s%s %s → %s", why->len ? "; " : "", label, ta, tb);
}

static char *
explain_change (const HrbFrozenList *fa, const HrbFrozenList *fb, const HrbRankingRow *a,
                const HrbRankingRow *b)
{
  GString *why = g_string_new (NULL);

  gsize own = 0;

  if (a && b)
    {
      append_range_change (why, _("patients"), a->patients, b->patients, FALSE);
      append_range_change (why, _("cost per patient"), a->cost, b->cost, TRUE);
      append_range_change (why, _("budget impact"), a->budget_impact, b->budget_impact, TRUE);
      own = why->len;
      append_value_change (why, _("relative budget impact"), a->relative_budget_impact,
                           b->relative_budget_impact, TRUE);
      append_value_change (why, _("growth"), a->growth, b->growth, TRUE);
      append_value_change (why, _("uncertainty points"), a->uncertainty_points, b->uncertainty_points, FALSE);
      append_value_change (why, _("expert score"), a->expert_score, b->expert_score, FALSE);
      if (g_strcmp0 (a->loe_date, b->loe_date) != 0)
        g_string_append_printf (why, "%s%s %s → %s", why->len ? "; " : "", _("loss of exclusivity"),
                                a->loe_date ? a->loe_date : _("unknown"),
                                b->loe_date ? b->loe_date : _("unknown"));
      if (a->eligible != b->eligible)
        g_string_append_printf (why, "%s%s", why->len ? "; " : "",
                                b->eligible ? _("became eligible") : b->reason ? b->reason : _("no longer eligible"));
    }
  else if (a == NULL)
    g_string_append (why, _("not in the first list"));
  else
    g_string_append (why, _("not in the second list"));
  if (g_strcmp0 (fa->method_name, fb->method_name) != 0 || fa->method_version != fb->method_version)
    g_string_append_printf (why, "%s%s %s %d → %s %d", why->len ? "; " : "", _("method"),
                            fa->method_name, fa->method_version, fb->method_name, fb->method_version);
  /* Only the share of the list total changed: the move comes from others. */
  if (a && b && a->rank != b->rank && own == 0 &&
      !differs (a->growth, b->growth) && !differs (a->uncertainty_points, b->uncertainty_points) &&
      !differs (a->expert_score, b->expert_score) && g_strcmp0 (a->loe_date, b->loe_date) == 0 &&
      a->eligible == b->eligible)
    g_string_append_printf (why, "%s%s", why->len ? "; " : "", _("other items moved"));
  return g_string_free (why, FALSE);
}

GPtrArray *
hrb_frozen_compare (const HrbFrozenList *a, const HrbFrozenList *b)
{
  GPtrArray *out;
  g_autoptr(GHashTable) in_a = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (a != NULL && b != NULL && a->ranking && b->ranking, NULL);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_rank_change_free);
  for (guint i = 0; i < a->ranking->rows->len; i++)
    {
      HrbRankingRow *row = g_ptr_array_index (a->ranking->rows, i);
      g_hash_table_insert (in_a, &row->item_id, row);
    }
  for (guint i = 0; i < b->ranking->rows->len; i++)
    {
      const HrbRankingRow *rb = g_ptr_array_index (b->ranking->rows, i);
      const HrbRankingRow *ra = g_hash_table_lookup (in_a, &rb->item_id);
      HrbRankChange *c = g_new0 (HrbRankChange, 1);

      g_hash_table_add (seen, (gpointer) &rb->item_id);
      c->item_id = rb->item_id;
      c->medicine = g_strdup (rb->medicine);
      c->indication = g_strdup (rb->indication);
      c->rank_a = ra ? ra->rank : 0;
      c->rank_b = rb->rank;
      c->score_a = ra ? ra->score : NAN;
      c->score_b = rb->score;
      if (c->rank_a == 0 && c->rank_b == 0)
        c->kind = HRB_CHANGE_SAME;
      else if (c->rank_a == 0)
        c->kind = HRB_CHANGE_ENTERED;
      else if (c->rank_b == 0)
        c->kind = HRB_CHANGE_LEFT;
      else if (c->rank_b < c->rank_a)
        c->kind = HRB_CHANGE_UP;
      else if (c->rank_b > c->rank_a)
        c->kind = HRB_CHANGE_DOWN;
      else
        c->kind = HRB_CHANGE_SAME;
      c->why = explain_change (a, b, ra, rb);
      g_ptr_array_add (out, c);
    }
  for (guint i = 0; i < a->ranking->rows->len; i++)
    {
      const HrbRankingRow *ra = g_ptr_array_index (a->ranking->rows, i);
      HrbRankChange *c;

      if (g_hash_table_contains (seen, &ra->item_id))
        continue;
      c = g_new0 (HrbRankChange, 1);
      c->item_id = ra->item_id;
      c->medicine = g_strdup (ra->medicine);
      c->indication = g_strdup (ra->indication);
      c->rank_a = ra->rank;
      c->rank_b = 0;
      c->score_a = ra->score;
      c->score_b = NAN;
      c->kind = ra->rank ? HRB_CHANGE_LEFT : HRB_CHANGE_SAME;
      c->why = explain_change (a, b, ra, NULL);
      g_ptr_array_add (out, c);
    }
  return out;
}

/* Store-backed flow ------------------------------------------------------------ */

HrbScoreInput *
hrb_scoring_load (HrbStore *store, HrbStream stream, const char *today, GError **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(GHashTable) expert = NULL;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  if ((items = hrb_store_list_items (store, stream, error)) == NULL ||
      (previous = hrb_store_list_previous_figures (store, stream, error)) == NULL ||
      (expert = hrb_store_list_expert_scores (store, error)) == NULL)
    return NULL;
  return hrb_score_input_new_from_items (items, previous, expert, today);
}

HrbMethod *
hrb_scoring_find_method (HrbStore *store, const char *name, GError **error)
{
  g_autoptr(GError) local = NULL;
  HrbMethod *m;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  if (name == NULL || g_strcmp0 (name, HRB_METHOD_BASIS) == 0)
    return hrb_method_new_basis ();
  m = hrb_store_get_method (store, name, 0, &local);
  if (m == NULL)
    {
      if (g_error_matches (local, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND))
        g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_NOT_FOUND,
                     _("no method named “%s” (see the list of methods)"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local));
    }
  return m;
}

HrbRanking *
hrb_scoring_rank (HrbStore *store, const char *method_name, HrbStream stream,
                  const HrbScoreOptions *opts, GError **error)
{
  g_autoptr(HrbMethod) m = NULL;
  g_autoptr(HrbScoreInput) in = NULL;
  g_autoptr(HrbScoreResult) r = NULL;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  if ((m = hrb_scoring_find_method (store, method_name, error)) == NULL)
    return NULL;
  if (!hrb_method_validate (m, error))
    return NULL;
  if ((in = hrb_scoring_load (store, stream, NULL, error)) == NULL)
    return NULL;
  r = hrb_score (m, in, opts, NULL);
  return hrb_ranking_new (m, in, r, stream);
}
