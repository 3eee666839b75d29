/* test-scoring.c: methods, transforms, the engine, rankings, method files,
 * expert scores, frozen lists and their comparison. */
#include "test-helpers.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hrb-demo.h"
#include "hrb-scoring.h"
#include "hrb-store-scoring.h"

/* Helpers ------------------------------------------------------------------ */

static gint64
add_item (HrbStore *store, const char *name, HrbPackageStatus status, double p_low, double p_high,
          double c_low, double c_high, double b_low, double b_high, guint flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbItem) it = hrb_item_new ();
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  gint64 mid, iid;

  m->inn = g_ascii_strdown (name, -1);
  m->brand = g_strdup (name);
  m->orphan = !!(flags & (1u << HRB_FLAG_ORPHAN));
  m->conditional = !!(flags & (1u << HRB_FLAG_CONDITIONAL));
  m->exceptional = !!(flags & (1u << HRB_FLAG_EXCEPTIONAL));
  m->accelerated = !!(flags & (1u << HRB_FLAG_ACCELERATED));
  m->atmp = !!(flags & (1u << HRB_FLAG_ATMP));
  mid = hrb_store_insert_medicine (store, m, &error);
  assert_non_null (mid);
  it->medicine_id = mid;
  it->indication = g_strdup_printf ("Indication of %s", name);
  it->status = status;
  iid = hrb_store_insert_item (store, it, &error);
  if (iid == 0)
    fail_msg ("insert item: %s", error->message);
  f->item_id = iid;
  f->patients = (HrbRange) { p_low, p_high };
  f->cost = (HrbRange) { c_low, c_high };
  f->budget = (HrbRange) { b_low, b_high };
  f->source = g_strdup ("Test");
  f->vintage = g_strdup ("2026-01-01");
  if (!isnan (p_low) || !isnan (p_high) || !isnan (c_low) || !isnan (c_high) || !isnan (b_low) ||
      !isnan (b_high))
    {
      if (hrb_store_add_figure (store, f, &error) == 0)
        fail_msg ("add figure: %s", error->message);
    }
  return iid;
}

static const HrbRankingRow *
row_of (const HrbRanking *r, gint64 id)
{
  const HrbRankingRow *row = hrb_ranking_find (r, id);

  if (row == NULL)
    fail_msg ("item %" G_GINT64_FORMAT " not in the ranking", id);
  return row;
}

static HrbRanking *
rank_store (HrbStore *store, const HrbMethod *m)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbScoreInput) in = hrb_scoring_load (store, HRB_STREAM_ANY, "2026-11-23", &error);
  g_autoptr(HrbScoreResult) r = NULL;

  if (in == NULL)
    fail_msg ("load: %s", error->message);
  r = hrb_score (m, in, NULL, NULL);
  return hrb_ranking_new (m, in, r, HRB_STREAM_ANY);
}

/* A synthetic input of n items with random figures (seeded). */
static HrbScoreInput *
random_input (guint n, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  HrbScoreInput *in = hrb_score_input_new (n);

  for (guint i = 0; i < n; i++)
    {
      double p = exp (g_rand_double_range (rand, log (2), log (200000)));
      double c = exp (g_rand_double_range (rand, log (500), log (500000)));
      /* A third without a range; a fifth exactly like the item before. */
      double spread = g_rand_int_range (rand, 0, 3) ? g_rand_double_range (rand, 0, 0.6) : 0;

      if (i > 0 && g_rand_int_range (rand, 0, 5) == 0)
        {
          p = in->patients[HRB_LOW][i - 1];
          c = in->cost[HRB_LOW][i - 1];
          spread = 0;
        }

      in->stream[i] = g_rand_int_range (rand, 0, 2);
      in->name_order[i] = g_rand_int_range (rand, 0, n);
      in->domain[i] = g_rand_int_range (rand, 0, 5);
      in->patients[HRB_LOW][i] = p * (1 - spread);
      in->patients[HRB_HIGH][i] = p * (1 + spread);
      in->cost[HRB_LOW][i] = c;
      in->cost[HRB_HIGH][i] = c * (1 + spread / 2);
      if (g_rand_int_range (rand, 0, 4) == 0)
        in->budget[HRB_LOW][i] = in->budget[HRB_HIGH][i] = p * c * 0.9;
      in->flags[i] = g_rand_int_range (rand, 0, 1 << HRB_N_FLAGS);
      in->growth[i] = g_rand_double_range (rand, -0.3, 0.8);
      in->years_to_loe[i] = g_rand_int_range (rand, 0, 3) ? g_rand_double_range (rand, -1, 6) : NAN;
      in->expert[i] = g_rand_int_range (rand, 0, 3) ? NAN : g_rand_double_range (rand, 0, 100);
    }
  hrb_score_input_derive (in);
  return in;
}

/* A method using every input and transform. */
static HrbMethod *
full_method (void)
{
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  HrbMethod *m = hrb_method_duplicate (basis, "Alles");
  HrbCriterion *c;

  c = hrb_criterion_new ("cost", HRB_INPUT_COST_PER_PATIENT, HRB_TRANSFORM_BANDS, 10);
  c->n_bands = 3;
  c->band_threshold[0] = 10000;
  c->band_threshold[1] = 50000;
  c->band_threshold[2] = 200000;
  c->band_value[0] = 3;
  c->band_value[1] = 6;
  c->band_value[2] = 9;
  g_ptr_array_add (m->criteria, c);
  c = hrb_criterion_new ("growth", HRB_INPUT_GROWTH, HRB_TRANSFORM_LINEAR, 5);
  c->anchor_zero = 0;
  c->anchor_full = 0.5;
  g_ptr_array_add (m->criteria, c);
  c = hrb_criterion_new ("market", HRB_INPUT_MARKET, HRB_TRANSFORM_POINTS, 5);
  c->loe_years = 2;
  c->market_points = 100;
  g_ptr_array_add (m->criteria, c);
  c = hrb_criterion_new ("expert", HRB_INPUT_EXPERT, HRB_TRANSFORM_POINTS, 5);
  g_ptr_array_add (m->criteria, c);
  c = hrb_criterion_new ("relative_domain", HRB_INPUT_RELATIVE_BUDGET_IMPACT, HRB_TRANSFORM_LINEAR, 5);
  c->anchor_zero = 0;
  c->anchor_full = 0.2;
  c->reference = HRB_REFERENCE_DOMAIN;
  g_ptr_array_add (m->criteria, c);
  return m;
}

/* Transforms ------------------------------------------------------------------ */

static void
test_transform_log (void **state)
{
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  const HrbCriterion *p = hrb_method_find_criterion (basis, "patients");
  const HrbCriterion *b = hrb_method_find_criterion (basis, "budget_impact");

  /* At the anchors. */
  assert_double_equal (hrb_criterion_transform (p, 10), 0, 1e-9);
  assert_double_equal (hrb_criterion_transform (p, 100000), 100, 1e-9);
  /* Between: 25 × log10 (p / 10). */
  assert_double_equal (hrb_criterion_transform (p, 1000), 50, 1e-9);
  assert_double_equal (hrb_criterion_transform (p, 100), 25, 1e-9);
  /* Beyond: clamped. */
  assert_double_equal (hrb_criterion_transform (p, 5), 0, 0);
  assert_double_equal (hrb_criterion_transform (p, 0), 0, 0);
  assert_double_equal (hrb_criterion_transform (p, 1e7), 100, 0);
  assert_double_equal (hrb_criterion_transform (p, NAN), 0, 0);
  assert_double_equal (hrb_criterion_transform (b, 1e6), 0, 1e-9);
  assert_double_equal (hrb_criterion_transform (b, 5e8), 100, 1e-9);
  assert_double_equal (hrb_criterion_transform (b, 1e8), 100 * log (100) / log (500), 1e-9);
  assert_double_equal (hrb_criterion_transform (b, 2e9), 100, 0);
  assert_double_equal (hrb_criterion_transform (b, 999999), 0, 0);
}

static void
test_transform_linear (void **state)
{
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  const HrbCriterion *r = hrb_method_find_criterion (basis, "relative_budget_impact");

  assert_double_equal (hrb_criterion_transform (r, 0), 0, 0);
  assert_double_equal (hrb_criterion_transform (r, 0.05), 100, 1e-9);
  assert_double_equal (hrb_criterion_transform (r, 0.025), 50, 1e-9);
  assert_double_equal (hrb_criterion_transform (r, -0.01), 0, 0);
  assert_double_equal (hrb_criterion_transform (r, 0.3), 100, 0);
  assert_double_equal (hrb_criterion_transform (r, NAN), 0, 0);
}

static void
test_transform_bands_points (void **state)
{
  g_autoptr(HrbCriterion) c = hrb_criterion_new ("c", HRB_INPUT_COST_PER_PATIENT, HRB_TRANSFORM_BANDS, 1);
  g_autoptr(HrbCriterion) pts = hrb_criterion_new ("u", HRB_INPUT_UNCERTAINTY, HRB_TRANSFORM_POINTS, 1);
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  const HrbCriterion *u = hrb_method_find_criterion (basis, "uncertainty");
  g_autoptr(HrbScoreInput) in = hrb_score_input_new (3);
  g_autoptr(HrbScoreResult) r = NULL;

  c->n_bands = 3;
  c->band_threshold[0] = 10;
  c->band_threshold[1] = 100;
  c->band_threshold[2] = 1000;
  c->band_value[0] = 3;
  c->band_value[1] = 6;
  c->band_value[2] = 9;
  /* Below the first threshold: band 1 = 0; band b gives (b − 1) × 12.5. */
  assert_double_equal (hrb_criterion_transform (c, 5), 0, 0);
  assert_double_equal (hrb_criterion_transform (c, 10), 25, 1e-12);
  assert_double_equal (hrb_criterion_transform (c, 99.9), 25, 1e-12);
  assert_double_equal (hrb_criterion_transform (c, 100), 62.5, 1e-12);
  assert_double_equal (hrb_criterion_transform (c, 1000), 100, 1e-12);
  assert_double_equal (hrb_criterion_transform (c, 1e12), 100, 1e-12);
  assert_double_equal (hrb_criterion_transform (c, NAN), 0, 0);

  assert_double_equal (hrb_criterion_transform (pts, 40), 40, 0);
  assert_double_equal (hrb_criterion_transform (pts, 100), 100, 0);
  assert_double_equal (hrb_criterion_transform (pts, 140), 100, 0);
  assert_double_equal (hrb_criterion_transform (pts, -3), 0, 0);

  /* Uncertainty points: summed, capped at 100. Item 0: orphan + ATMP = 40;
   * item 1: conditional + exceptional + conditional admission + orphan =
   * 140 → 100; item 2: none. With only this criterion the score is the
   * criterion score. */
  {
    g_autoptr(HrbMethod) m = hrb_method_new ("u");
    g_ptr_array_add (m->criteria, hrb_criterion_copy (u));
    m->min_cost_per_patient = m->min_budget_impact = NAN;
    for (int i = 0; i < 3; i++)
      in->patients[HRB_LOW][i] = 100;
    in->flags[0] = 1u << HRB_FLAG_ORPHAN | 1u << HRB_FLAG_ATMP;
    in->flags[1] = 1u << HRB_FLAG_CONDITIONAL | 1u << HRB_FLAG_EXCEPTIONAL |
                   1u << HRB_FLAG_CONDITIONAL_ADMISSION | 1u << HRB_FLAG_ORPHAN;
    hrb_score_input_derive (in);
    r = hrb_score (m, in, NULL, NULL);
    assert_double_equal (r->score[HRB_POINT][0], 40, 1e-12);
    assert_double_equal (r->score[HRB_POINT][1], 100, 1e-12);
    assert_double_equal (r->score[HRB_POINT][2], 0, 0);
  }
}

/* Derivation of the point values ------------------------------------------------ */

static void
test_derive (void **state)
{
  g_autoptr(HrbScoreInput) in = hrb_score_input_new (4);

  /* 0: patients 100–300, cost 10,000–20,000 → budget 1e6 / 3e6, point
   * 200 × 15,000 = 3e6 (point × point, not the midpoint of the products). */
  in->patients[HRB_LOW][0] = 100;
  in->patients[HRB_HIGH][0] = 300;
  in->cost[HRB_LOW][0] = 10000;
  in->cost[HRB_HIGH][0] = 20000;
  /* 1: only an upper bound of patients and a given total. */
  in->patients[HRB_HIGH][1] = 50;
  in->budget[HRB_LOW][1] = 2e6;
  in->budget[HRB_HIGH][1] = 4e6;
  /* 2: patients only. 3: nothing. */
  in->patients[HRB_LOW][2] = 7;
  hrb_score_input_derive (in);

  assert_double_equal (in->patients[HRB_POINT][0], 200, 0);
  assert_double_equal (in->budget[HRB_LOW][0], 1e6, 0);
  assert_double_equal (in->budget[HRB_POINT][0], 3e6, 0);
  assert_double_equal (in->budget[HRB_HIGH][0], 6e6, 0);
  assert_double_equal (in->patients[HRB_LOW][1], 50, 0);
  assert_double_equal (in->budget[HRB_POINT][1], 3e6, 0);
  /* The cost per patient follows from the total: 3e6 / 50. */
  assert_double_equal (in->cost[HRB_POINT][1], 60000, 1e-9);
  assert_true (isnan (in->budget[HRB_POINT][2]));
  assert_true (isnan (in->patients[HRB_POINT][3]));
}

/* The hand-ranked data set ------------------------------------------------------ */

/* Four eligible and two ineligible prospective items, scored with Basis.
 *
 *  item     patients  cost/patient  budget   flags
 *  Bravo      1,000     100,000      1e8     orphan (20)
 *  Charlie   10,000      10,000      1e8     –
 *  Delta        100     100,000      1e7     conditional + orphan (60)
 *  Alfa       1,000     100,000      1e8     orphan (20)  (same as Bravo)
 *  Echo         100       5,000      5e5     → ineligible, below both thresholds
 *  Foxtrot       –           –        –      → ineligible, insufficient data
 *
 * Criterion scores: patients 25 × log10 (p / 10): 1,000 → 50, 10,000 → 75,
 * 100 → 25. Budget 100 × ln (b / 1e6) / ln 500: 1e8 → 74.1024, 1e7 →
 * 37.0512. Relative: eligible total 3.1e8; 1e8 / 3.1e8 = 32 % → 100 (cap);
 * 1e7 / 3.1e8 = 3.2258 % → 64.516.
 *
 *  Charlie: .35 × 75 + .35 × 74.1024 + .15 × 100 + .15 × 0  = 67.1858
 *  Alfa:    .35 × 50 + .35 × 74.1024 + .15 × 100 + .15 × 20 = 61.4358
 *  Bravo:   the same as Alfa: tie, same budget impact, so the medicine name
 *           decides: Alfa before Bravo
 *  Delta:   .35 × 25 + .35 × 37.0512 + .15 × 64.516 + .15 × 60 = 40.3953
 *
 * Expected ranks: Charlie 1, Alfa 2, Bravo 3, Delta 4.
 */
static void
test_hand_ranking (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbRanking) ranking = NULL;
  gint64 bravo, charlie, delta, alfa, echo, foxtrot;
  const guint orphan = 1u << HRB_FLAG_ORPHAN, cond = 1u << HRB_FLAG_CONDITIONAL;

  bravo = add_item (store, "Bravo", HRB_STATUS_NOT_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, orphan);
  charlie = add_item (store, "Charlie", HRB_STATUS_NOT_ADMITTED, 10000, 10000, 10000, 10000, NAN, NAN, 0);
  delta = add_item (store, "Delta", HRB_STATUS_IN_SLUIS, 100, 100, 100000, 100000, NAN, NAN, orphan | cond);
  alfa = add_item (store, "Alfa", HRB_STATUS_NOT_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, orphan);
  echo = add_item (store, "Echo", HRB_STATUS_NOT_ADMITTED, 100, 100, 5000, 5000, NAN, NAN, 0);
  foxtrot = add_item (store, "Foxtrot", HRB_STATUS_NOT_ADMITTED, NAN, NAN, NAN, NAN, NAN, NAN, 0);

  ranking = rank_store (store, basis);
  assert_int_equal (ranking->rows->len, 6);
  /* Order: eligible by rank, then the ineligible ones. */
  assert_int_equal (((HrbRankingRow *) g_ptr_array_index (ranking->rows, 0))->item_id, charlie);
  assert_int_equal (((HrbRankingRow *) g_ptr_array_index (ranking->rows, 1))->item_id, alfa);
  assert_int_equal (((HrbRankingRow *) g_ptr_array_index (ranking->rows, 2))->item_id, bravo);
  assert_int_equal (((HrbRankingRow *) g_ptr_array_index (ranking->rows, 3))->item_id, delta);
  assert_int_equal (row_of (ranking, charlie)->rank, 1);
  assert_int_equal (row_of (ranking, alfa)->rank, 2);
  assert_int_equal (row_of (ranking, bravo)->rank, 3);
  assert_int_equal (row_of (ranking, delta)->rank, 4);
  assert_double_equal (row_of (ranking, charlie)->score, 67.1858, 1e-3);
  assert_double_equal (row_of (ranking, alfa)->score, 61.4358, 1e-3);
  assert_double_equal (row_of (ranking, bravo)->score, 61.4358, 1e-3);
  assert_double_equal (row_of (ranking, delta)->score, 40.3953, 1e-3);
  assert_double_equal (row_of (ranking, delta)->relative_budget_impact, 1e7 / 3.1e8, 1e-12);

  assert_false (row_of (ranking, echo)->eligible);
  assert_int_equal (row_of (ranking, echo)->rank, 0);
  assert_string_equal (row_of (ranking, echo)->reason,
                       "cost per patient below EUR 10,000 and budget impact below EUR 1 million");
  assert_false (row_of (ranking, foxtrot)->eligible);
  assert_string_equal (row_of (ranking, foxtrot)->reason, "insufficient data");
  assert_null (row_of (ranking, charlie)->reason);

  /* Point values: no ranges here, so no intervals. */
  assert_int_equal (row_of (ranking, delta)->rank_best, 4);
  assert_int_equal (row_of (ranking, delta)->rank_worst, 4);
  /* Sluis at the defaults: cost ≥ 50,000 or budget ≥ 20 million. */
  assert_true (row_of (ranking, bravo)->sluis);
  assert_true (row_of (ranking, charlie)->sluis);   /* budget 1e8 */
  assert_true (row_of (ranking, delta)->sluis);     /* cost 100,000 */
  assert_false (row_of (ranking, echo)->sluis);
}

static void
test_ineligible_unknown_cost (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbRanking) ranking = NULL;
  gint64 only_patients, big_budget;

  only_patients = add_item (store, "Golf", HRB_STATUS_ADMITTED, 500, 600, NAN, NAN, NAN, NAN, 0);
  /* A given total above EUR 1 million makes an item eligible without a cost. */
  big_budget = add_item (store, "Hotel", HRB_STATUS_ADMITTED, NAN, NAN, NAN, NAN, 2e6, 2e6, 0);
  ranking = rank_store (store, basis);
  assert_false (row_of (ranking, only_patients)->eligible);
  assert_string_equal (row_of (ranking, only_patients)->reason,
                       "cost per patient and budget impact unknown");
  assert_true (row_of (ranking, big_budget)->eligible);
  assert_int_equal (row_of (ranking, big_budget)->rank, 1);
}

/* Ties ---------------------------------------------------------------------------- */

/* One criterion (uncertainty points): every item without flags scores 0, so
 * the tie-break decides: budget impact descending (unknown last), then the
 * medicine name, then the item id. */
static void
test_ties (void **state)
{
  g_autoptr(HrbScoreInput) in = hrb_score_input_new (5);
  g_autoptr(HrbMethod) m = hrb_method_new ("ties");
  g_autoptr(HrbScoreResult) r = NULL;

  g_ptr_array_add (m->criteria, hrb_criterion_new ("u", HRB_INPUT_UNCERTAINTY, HRB_TRANSFORM_POINTS, 1));
  m->min_cost_per_patient = m->min_budget_impact = NAN;
  /* ids 10..14; name_order; budgets */
  for (guint i = 0; i < 5; i++)
    {
      in->item_id[i] = 10 + i;
      in->patients[HRB_LOW][i] = 10;
    }
  in->budget[HRB_LOW][0] = 5e6;  in->name_order[0] = 4;   /* id 10 */
  in->budget[HRB_LOW][1] = 9e6;  in->name_order[1] = 3;   /* id 11 */
  in->budget[HRB_LOW][2] = 5e6;  in->name_order[2] = 1;   /* id 12 */
  in->budget[HRB_LOW][3] = NAN;  in->name_order[3] = 0;   /* id 13 */
  in->budget[HRB_LOW][4] = 5e6;  in->name_order[4] = 1;   /* id 14: same name as 12 */
  hrb_score_input_derive (in);
  r = hrb_score (m, in, NULL, NULL);
  /* 11 (9e6); then 5e6: 12 and 14 (name 1; id 12 < 14), 10 (name 4); 13 (unknown). */
  assert_int_equal (r->rank[1], 1);
  assert_int_equal (r->rank[2], 2);
  assert_int_equal (r->rank[4], 3);
  assert_int_equal (r->rank[0], 4);
  assert_int_equal (r->rank[3], 5);
  assert_int_equal (r->order[0], 1);
  assert_int_equal (r->order[4], 3);

  /* A tie-break on the item id only. */
  m->tie_break[0] = HRB_TIE_ITEM_ID;
  m->n_tie_break = 1;
  r = hrb_score (m, in, NULL, r);
  for (guint i = 0; i < 5; i++)
    assert_int_equal (r->rank[i], i + 1);
}

/* Rank intervals and the unstable flag ------------------------------------------- */

/* Linear patients 0 → 0, 100 → 100: the score is the number of patients.
 * Ten items at 0, 10, …, 90 and item X with 15–75 patients (point 45).
 * X: rank 6 (50..90 above it). rank_best: others above 75 are 80 and 90 →
 * 3. rank_worst: others ≥ 15 are 20..90 (8) → 9. Span 6 > 5: unstable. */
static void
test_rank_interval (void **state)
{
  g_autoptr(HrbScoreInput) in = hrb_score_input_new (11);
  g_autoptr(HrbMethod) m = hrb_method_new ("interval");
  g_autoptr(HrbScoreResult) r = NULL;
  HrbCriterion *c = hrb_criterion_new ("patients", HRB_INPUT_PATIENTS, HRB_TRANSFORM_LINEAR, 1);

  c->anchor_zero = 0;
  c->anchor_full = 100;
  g_ptr_array_add (m->criteria, c);
  m->min_cost_per_patient = m->min_budget_impact = NAN;
  for (guint i = 0; i < 10; i++)
    in->patients[HRB_LOW][i] = in->patients[HRB_HIGH][i] = 10.0 * i;
  in->patients[HRB_LOW][10] = 15;
  in->patients[HRB_HIGH][10] = 75;
  hrb_score_input_derive (in);
  r = hrb_score (m, in, NULL, NULL);

  assert_double_equal (r->score[HRB_POINT][10], 45, 1e-12);
  assert_int_equal (r->rank[10], 6);
  assert_int_equal (r->rank_best[10], 3);
  assert_int_equal (r->rank_worst[10], 9);
  assert_true (r->unstable[10]);
  /* The item at 20 patients ranks 9 (90..30 and X above it); without a
   * range of its own, its interval is its rank. */
  assert_int_equal (r->rank[2], 9);
  assert_int_equal (r->rank_best[2], 9);
  assert_int_equal (r->rank_worst[2], 9);
  assert_false (r->unstable[2]);

  /* Configurable span: 6 places is allowed with unstable_span = 6. */
  m->unstable_span = 6;
  r = hrb_score (m, in, NULL, r);
  assert_false (r->unstable[10]);

  /* Ties at the ends of the interval: X's low equals an other's point (20):
   * worst counts it (≥). */
  in->patients[HRB_LOW][10] = 20;
  in->patients[HRB_POINT][10] = 47.5;
  r = hrb_score (m, in, NULL, r);
  assert_int_equal (r->rank_worst[10], 9);
}

/* Rank intervals against a brute-force count on random data. */
static void
test_rank_interval_brute_force (void **state)
{
  g_autoptr(HrbScoreInput) in = random_input (3000, 7);
  g_autoptr(HrbMethod) m = hrb_method_new_basis ();
  g_autoptr(HrbScoreResult) r = hrb_score (m, in, NULL, NULL);

  for (guint i = 0; i < in->n; i += 7)
    {
      guint best = 1, worst = 1, rank = 1;

      if (r->eligibility[i] != HRB_ELIGIBLE)
        {
          assert_int_equal (r->rank[i], 0);
          continue;
        }
      for (guint j = 0; j < in->n; j++)
        {
          if (j == i || in->stream[j] != in->stream[i] || r->eligibility[j] != HRB_ELIGIBLE)
            continue;
          if (r->score[HRB_POINT][j] > r->score[HRB_HIGH][i])
            best++;
          if (r->score[HRB_POINT][j] >= r->score[HRB_LOW][i])
            worst++;
          if (r->score[HRB_POINT][j] > r->score[HRB_POINT][i])
            rank++;
        }
      /* The rank counts strictly higher scores, plus ties won by others. */
      assert_true (r->rank[i] >= rank);
      assert_int_equal (r->rank_best[i], MIN (best, r->rank[i]));
      assert_int_equal (r->rank_worst[i], MAX (worst, r->rank[i]));
      assert_int_equal (r->unstable[i], r->rank_worst[i] - r->rank_best[i] > m->unstable_span);
    }
  /* Ranks are a permutation of 1..n_eligible per stream, in score order. */
  for (int s = 0; s < 2; s++)
    {
      g_autofree guint *seen = g_new0 (guint, in->n + 2);
      double prev = INFINITY;
      guint start = s == 0 ? 0 : r->n_stream[0];

      for (guint j = 0; j < r->n_eligible[s]; j++)
        {
          guint i = r->order[start + j];
          assert_int_equal (in->stream[i], s);
          assert_int_equal (r->rank[i], j + 1);
          assert_true (r->score[HRB_POINT][i] <= prev);
          prev = r->score[HRB_POINT][i];
          seen[r->rank[i]]++;
        }
      for (guint j = 1; j <= r->n_eligible[s]; j++)
        assert_int_equal (seen[j], 1);
    }
}

/* Contributions ------------------------------------------------------------------ */

static void
test_contributions_sum (void **state)
{
  g_autoptr(HrbScoreInput) in = random_input (2000, 42);
  g_autoptr(HrbMethod) m = full_method ();
  g_autoptr(HrbScoreResult) r = NULL;
  g_autoptr(GError) error = NULL;

  assert_true (hrb_method_validate (m, &error));
  r = hrb_score (m, in, NULL, NULL);
  assert_int_equal (r->n_criteria, 9);
  for (guint i = 0; i < in->n; i++)
    {
      double sum = 0, weighted = 0, total_weight = 0;
      guint ci = 0;

      for (guint c = 0; c < r->n_criteria; c++)
        sum += r->contrib[(gsize) i * r->n_criteria + c];
      /* Exactly, not approximately. */
      assert_true (sum == r->score[HRB_POINT][i]);
      /* And they are weight × criterion score / Σ weight. */
      for (guint c = 0; c < m->criteria->len; c++)
        {
          const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
          total_weight += cr->weight;
        }
      for (guint c = 0; c < m->criteria->len; c++, ci++)
        {
          const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
          double contrib = r->contrib[(gsize) i * r->n_criteria + ci];
          weighted += contrib;
          assert_true (contrib >= 0 && contrib <= 100 * cr->weight / total_weight + 1e-9);
        }
      assert_true (weighted == r->score[HRB_POINT][i]);
      assert_true (r->score[HRB_POINT][i] >= 0 && r->score[HRB_POINT][i] <= 100);
    }
}

static void
test_row_details_sum (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) m = hrb_method_new_basis ();
  g_autoptr(HrbRanking) ranking = NULL;

  assert_true (hrb_demo_load (store, &error));
  ranking = rank_store (store, m);
  assert_true (ranking->rows->len > 20);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const HrbRankingRow *row = g_ptr_array_index (ranking->rows, i);
      double sum = 0;

      assert_int_equal (row->n_details, 4);
      for (guint c = 0; c < row->n_details; c++)
        {
          const HrbCriterionDetail *d = &row->details[c];
          sum += d->contribution;
          assert_non_null (d->source);
          /* contribution = weight × criterion score / Σ weight (100). */
          assert_double_equal (d->contribution, d->weight * d->criterion_score / 100.0, 1e-9);
        }
      assert_true (sum == row->score);
      assert_true (row->score_low <= row->score + 1e-9 && row->score <= row->score_high + 1e-9);
      if (row->eligible)
        assert_true (row->rank_best <= row->rank && row->rank <= row->rank_worst);
    }
  assert_string_equal (row_of (ranking, ((HrbRankingRow *) g_ptr_array_index (ranking->rows, 0))->item_id)
                         ->details[0].criterion_id, "patients");
}

/* Monotonicity -------------------------------------------------------------------- */

/* More patients or more budget impact never lowers the score of an eligible
 * item (at low, point and high inputs): a property test over random inputs
 * with a fixed seed. (An ineligible item that becomes eligible joins the
 * reference total of the relative budget impact, so only eligible items are
 * checked; ineligible items have no rank.) */
static void
test_monotonic (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbMethod) full = full_method ();
  HrbMethod *methods[] = { basis, full };
  guint checked = 0;

  for (int round = 0; round < 400; round++)
    {
      g_autoptr(HrbScoreInput) in = random_input (60, 1000 + round);
      g_autoptr(HrbScoreResult) before = NULL;
      g_autoptr(HrbScoreResult) after = NULL;
      HrbMethod *m = methods[round % 2];
      guint i = g_rand_int_range (rand, 0, in->n);
      double factor = g_rand_double_range (rand, 1.0, 20.0);
      gboolean budget = g_rand_boolean (rand);
      gboolean derived = in->budget[HRB_POINT][i] == in->patients[HRB_POINT][i] * in->cost[HRB_POINT][i];

      before = hrb_score (m, in, NULL, NULL);
      if (before->eligibility[i] != HRB_ELIGIBLE)
        continue;
      for (int s = 0; s < HRB_N_SCENARIOS; s++)
        {
          if (budget)
            in->budget[s][i] *= factor;
          else
            {
              in->patients[s][i] *= factor;
              /* A budget impact derived from patients × cost follows. */
              if (derived)
                in->budget[s][i] = in->patients[s][i] * in->cost[s][i];
            }
        }
      after = hrb_score (m, in, NULL, NULL);
      assert_int_equal (after->eligibility[i], HRB_ELIGIBLE);
      for (int s = 0; s < HRB_N_SCENARIOS; s++)
        if (after->score[s][i] < before->score[s][i])
          fail_msg ("round %d: score %d of item %u fell from %.9f to %.9f", round, s, i,
                    before->score[s][i], after->score[s][i]);
      checked++;
    }
  assert_true (checked > 100);
}

/* Sluis ----------------------------------------------------------------------------- */

static void
test_sluis (void **state)
{
  g_autoptr(HrbScoreInput) in = hrb_score_input_new (4);
  double cost[] = { 60000, 20000, 20000, 1000 };
  double budget[] = { 1e6, 25e6, 12e6, 1e5 };

  for (guint i = 0; i < 4; i++)
    {
      in->cost[HRB_LOW][i] = cost[i];
      in->patients[HRB_LOW][i] = budget[i] / cost[i];
      in->budget[HRB_LOW][i] = budget[i];
      in->stream[i] = i % 2;
    }
  hrb_score_input_derive (in);
  assert_true (hrb_sluis_crosses (50000, 0, 50000, 20e6));
  assert_false (hrb_sluis_crosses (49999, 19.9e6, 50000, 20e6));
  assert_int_equal (hrb_sluis_count (in, HRB_STREAM_ANY, 50000, 20e6), 2);
  /* What-if: EUR 10 million in total. */
  assert_int_equal (hrb_sluis_count (in, HRB_STREAM_ANY, 50000, 10e6), 3);
  assert_int_equal (hrb_sluis_count (in, HRB_STREAM_PROSPECTIVE, 50000, 10e6), 2);
  assert_int_equal (hrb_sluis_count (in, HRB_STREAM_ANY, NAN, 10e6), 2);
  assert_int_equal (hrb_sluis_count (in, HRB_STREAM_ANY, 500, NAN), 4);
}

/* Methods: validation, double counting, locking, versions ---------------------------- */

static void
test_method_rules (void **state)
{
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbMethod) m = hrb_method_duplicate (basis, "Kopie");
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  assert_true (hrb_method_validate (basis, NULL));
  assert_true (basis->builtin);
  assert_false (m->builtin);
  assert_true (hrb_method_equal_definition (basis, m));
  assert_false (hrb_method_double_counting (m, &warning));
  g_ptr_array_add (m->criteria, hrb_criterion_new ("cost", HRB_INPUT_COST_PER_PATIENT, HRB_TRANSFORM_LOG, 10));
  ((HrbCriterion *) g_ptr_array_index (m->criteria, 4))->anchor_zero = 1000;
  ((HrbCriterion *) g_ptr_array_index (m->criteria, 4))->anchor_full = 1e6;
  assert_true (hrb_method_double_counting (m, &warning));
  assert_non_null (warning);
  assert_false (hrb_method_equal_definition (basis, m));

  ((HrbCriterion *) g_ptr_array_index (m->criteria, 4))->anchor_zero = 0;
  assert_false (hrb_method_validate (m, &error));
  assert_non_null (strstr (error->message, "cost"));
  g_clear_error (&error);
  ((HrbCriterion *) g_ptr_array_index (m->criteria, 4))->anchor_zero = 1000;
  ((HrbCriterion *) g_ptr_array_index (m->criteria, 4))->id[0] = 'C';
  assert_false (hrb_method_validate (m, &error));
  g_clear_error (&error);
}

static void
test_method_store_versions (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbMethod) team = hrb_method_duplicate (basis, "Team");
  g_autoptr(HrbMethod) v1 = NULL;
  g_autoptr(HrbMethod) latest = NULL;
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  HrbFrozenList frozen = { 0 };
  gint64 id1, id;

  /* The built-in method cannot be saved under its own name. */
  assert_int_equal (hrb_store_save_method (store, basis, &error), 0);
  assert_true (g_error_matches (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_LOCKED));
  g_clear_error (&error);

  id1 = hrb_store_save_method (store, team, &error);
  assert_true (id1 > 0);
  assert_int_equal (team->version, 1);
  /* Not used yet: an edit updates version 1 in place. */
  ((HrbCriterion *) g_ptr_array_index (team->criteria, 0))->weight = 40;
  assert_int_equal (hrb_store_save_method (store, team, &error), id1);
  assert_int_equal (team->version, 1);

  add_item (store, "Alfa", HRB_STATUS_NOT_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, 0);
  ranking = rank_store (store, team);
  frozen.name = (char *) "Vergadering maart";
  frozen.date = (char *) "2027-03-01";
  frozen.stream = HRB_STREAM_PROSPECTIVE;
  assert_true (hrb_store_freeze_list (store, &frozen, team, ranking, &error) > 0);
  assert_int_equal (frozen.method_version, 1);
  g_clear_pointer (&frozen.method_name, g_free);
  assert_true (hrb_store_method_is_used (store, id1, NULL));

  /* Used by a frozen list: editing makes version 2; version 1 stays. */
  ((HrbCriterion *) g_ptr_array_index (team->criteria, 0))->weight = 50;
  id = hrb_store_save_method (store, team, &error);
  assert_true (id > 0 && id != id1);
  assert_int_equal (team->version, 2);
  v1 = hrb_store_get_method (store, "Team", 1, &error);
  assert_double_equal (((HrbCriterion *) g_ptr_array_index (v1->criteria, 0))->weight, 40, 0);
  latest = hrb_store_get_method (store, "Team", 0, &error);
  assert_int_equal (latest->version, 2);
  assert_double_equal (((HrbCriterion *) g_ptr_array_index (latest->criteria, 0))->weight, 50, 0);
  versions = hrb_store_list_method_versions (store, "Team", &error);
  assert_int_equal (versions->len, 2);
  /* Saving again without a change keeps version 2. */
  assert_int_equal (hrb_store_save_method (store, team, &error), id);
  assert_int_equal (team->version, 2);
}

/* Method files ----------------------------------------------------------------------- */

static void
test_method_file_round_trip (void **state)
{
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbMethod) full = full_method ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "team.method", NULL);
  HrbMethod *methods[] = { basis, full };

  ((HrbCriterion *) g_ptr_array_index (full->criteria, 2))->enabled = FALSE;
  full->min_budget_impact = NAN;
  full->unstable_span = 9;
  full->tie_break[0] = HRB_TIE_PATIENTS;
  full->n_tie_break = 2;
  g_free (full->description);
  full->description = g_strdup ("Alles; met \"aanhalingstekens\"\nen een nieuwe regel");
  ((HrbCriterion *) g_ptr_array_index (full->criteria, 3))->flag_points[HRB_FLAG_ATMP] = 35.5;
  ((HrbCriterion *) g_ptr_array_index (full->criteria, 1))->label = g_strdup ("Budgetimpact [€]");

  for (guint k = 0; k < G_N_ELEMENTS (methods); k++)
    {
      g_autoptr(HrbMethod) back = NULL;
      g_autofree char *data = NULL;

      assert_true (hrb_method_save_file (methods[k], path, &error));
      back = hrb_method_load_file (path, &error);
      if (back == NULL)
        fail_msg ("%s", error->message);
      assert_true (hrb_method_equal_definition (methods[k], back));
      assert_string_equal (back->name, methods[k]->name);
      assert_string_equal (back->description, methods[k]->description);
      data = hrb_method_to_data (methods[k], NULL);
      assert_non_null (strstr (data, "[method]"));
      assert_non_null (strstr (data, "[criterion patients]"));
    }
  test_rmdir (dir);
}

static void
expect_bad (const char *text, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) m = hrb_method_from_data (text, strlen (text), "bad.method", &error);

  if (m != NULL)
    fail_msg ("accepted a bad method file; expected “%s”", needle);
  if (strstr (error->message, needle) == NULL)
    fail_msg ("message “%s” lacks “%s”", error->message, needle);
  assert_non_null (strstr (error->message, "bad.method"));
}

static void
test_method_file_bad (void **state)
{
  const char *head = "[method]\nformat=1\nname=X\n";
  g_autofree char *bad_number = g_strconcat (head, "[criterion patients]\ninput=patients\n"
                                             "transform=log\nweight=3x\nzero=10\nfull=100000\n", NULL);
  g_autofree char *unknown_key = g_strconcat (head, "[criterion patients]\ninput=patients\n"
                                              "transform=log\nwieght=3\nzero=10\nfull=100000\n", NULL);
  g_autofree char *no_weight = g_strconcat (head, "[criterion patients]\ninput=patients\n"
                                            "transform=log\nzero=10\nfull=100000\n", NULL);
  g_autofree char *bad_input = g_strconcat (head, "[criterion p]\ninput=patienten\n"
                                            "transform=log\nweight=1\nzero=10\nfull=100000\n", NULL);
  g_autofree char *log_zero = g_strconcat (head, "[criterion p]\ninput=patients\n"
                                           "transform=log\nweight=1\nzero=0\nfull=100000\n", NULL);
  g_autofree char *bands = g_strconcat (head, "[criterion c]\ninput=cost_per_patient\n"
                                        "transform=bands\nweight=1\nthresholds=10;5\nbands=2;3\n", NULL);
  g_autofree char *bad_id = g_strconcat (head, "[criterion Patiënten]\ninput=patients\n"
                                         "transform=points\nweight=1\n", NULL);
  g_autofree char *all_zero = g_strconcat (head, "[criterion p]\ninput=patients\n"
                                           "transform=points\nweight=0\n", NULL);

  /* Syntax, with the line number. */
  expect_bad ("[method]\nformat=1\nname=X\nthis is not a key\n", "bad.method:4");
  expect_bad ("format=1\n", "bad.method:1");
  expect_bad ("[method\n", "bad.method:1");
  expect_bad ("[method]\nformat=1\nformat=2\n", "bad.method:3");
  /* Values, with line, group and key. */
  expect_bad (bad_number, "bad.method:7: [criterion patients] weight");
  expect_bad (bad_number, "3x");
  expect_bad (unknown_key, "bad.method:7: [criterion patients] wieght: unknown key");
  expect_bad (no_weight, "weight: missing");
  expect_bad (bad_input, "[criterion p] input");
  expect_bad (log_zero, "[criterion p] zero");
  expect_bad (bands, "thresholds must increase");
  expect_bad (bad_id, "[criterion Patiënten]");
  expect_bad (all_zero, "weight");
  /* Whole-file problems. */
  expect_bad ("[method]\nformat=2\nname=X\n", "[method] format");
  expect_bad ("[method]\nformat=1\n", "name");
  expect_bad ("[method]\nformat=1\nname=X\n", "no criteria");
  expect_bad ("[iets]\nformat=1\n", "no [method] group");
  expect_bad ("[method]\nformat=1\nname=X\ntie_break=price\n", "tie_break");
}

/* Expert scores ----------------------------------------------------------------------- */

static void
test_expert_score (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) m = hrb_method_new ("Expert");
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 a, b;

  g_ptr_array_add (m->criteria, hrb_criterion_new ("expert", HRB_INPUT_EXPERT, HRB_TRANSFORM_POINTS, 1));
  a = add_item (store, "Alfa", HRB_STATUS_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, 0);
  b = add_item (store, "Bravo", HRB_STATUS_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, 0);

  /* A reason is mandatory; the range is 0..100. */
  assert_false (hrb_store_set_expert_score (store, b, 80, "  ", &error));
  g_clear_error (&error);
  assert_false (hrb_store_set_expert_score (store, b, 120, "te hoog", &error));
  g_clear_error (&error);
  assert_true (hrb_store_set_expert_score (store, b, 80, "Nieuwe richtlijn verwacht", &error));

  ranking = rank_store (store, m);
  assert_int_equal (row_of (ranking, b)->rank, 1);
  assert_int_equal (row_of (ranking, a)->rank, 2);
  assert_double_equal (row_of (ranking, b)->score, 80, 1e-12);
  assert_non_null (strstr (row_of (ranking, b)->details[0].source, "Nieuwe richtlijn"));

  audit = hrb_store_list_audit (store, "item", b, &error);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < audit->len; i++)
      {
        HrbAuditEntry *e = g_ptr_array_index (audit, i);
        if (g_strcmp0 (e->field, "expert_score") == 0)
          {
            found = TRUE;
            assert_non_null (strstr (e->new_value, "80"));
            assert_string_equal (e->author, "Test Gebruiker");
          }
      }
    assert_true (found);
  }
  /* Removing it. */
  assert_true (hrb_store_set_expert_score (store, b, NAN, NULL, &error));
  g_clear_pointer (&ranking, hrb_ranking_free);
  ranking = rank_store (store, m);
  assert_double_equal (row_of (ranking, b)->score, 0, 0);
}

/* Growth from the previous vintage ----------------------------------------------------- */

static void
test_growth (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  g_autoptr(HrbScoreInput) in = NULL;
  gint64 id = add_item (store, "Alfa", HRB_STATUS_ADMITTED, NAN, NAN, NAN, NAN, 10e6, 10e6, 0);

  f->item_id = id;
  f->budget = (HrbRange) { 12e6, 14e6 };
  f->source = g_strdup ("GIP");
  f->vintage = g_strdup ("2027-01-01");
  assert_true (hrb_store_add_figure (store, f, &error) > 0);
  in = hrb_scoring_load (store, HRB_STREAM_ANY, "2026-11-23", &error);
  assert_non_null (in);
  /* 13e6 / 10e6 − 1 */
  assert_double_equal (in->growth[0], 0.3, 1e-12);
  assert_double_equal (in->budget[HRB_POINT][0], 13e6, 0);
}

/* Market trigger ---------------------------------------------------------------------- */

static void
test_market (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) m = hrb_method_new ("Markt");
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(HrbItem) it = NULL;
  HrbCriterion *c = hrb_criterion_new ("market", HRB_INPUT_MARKET, HRB_TRANSFORM_POINTS, 1);
  gint64 soon, later;

  c->loe_years = 2;
  g_ptr_array_add (m->criteria, c);
  soon = add_item (store, "Alfa", HRB_STATUS_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, 0);
  later = add_item (store, "Bravo", HRB_STATUS_ADMITTED, 1000, 1000, 100000, 100000, NAN, NAN, 0);
  it = hrb_store_get_item (store, soon, &error);
  it->loe_date = g_strdup ("2028-06-30");
  assert_true (hrb_store_update_item (store, it, &error));
  g_clear_pointer (&it, hrb_item_free);
  it = hrb_store_get_item (store, later, &error);
  it->loe_date = g_strdup ("2031-01-01");
  assert_true (hrb_store_update_item (store, it, &error));

  ranking = rank_store (store, m);   /* reference date 2026-11-23 */
  assert_double_equal (row_of (ranking, soon)->score, 100, 0);
  assert_double_equal (row_of (ranking, later)->score, 0, 0);
}

/* Frozen lists -------------------------------------------------------------------------- */

static void
test_frozen_unchanged_by_edit (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) basis = hrb_method_new_basis ();
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(HrbRanking) now = NULL;
  g_autoptr(HrbFrozenList) before = NULL;
  g_autoptr(HrbFrozenList) after = NULL;
  g_autoptr(HrbFrozenList) second = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  HrbFrozenList frozen = { 0 };
  HrbFigure *fig;
  gint64 a, b;
  double score_a;

  a = add_item (store, "Alfa", HRB_STATUS_NOT_ADMITTED, 1000, 2000, 100000, 100000, NAN, NAN, 0);
  b = add_item (store, "Bravo", HRB_STATUS_NOT_ADMITTED, 3000, 3000, 100000, 100000, NAN, NAN, 0);
  add_item (store, "Charlie", HRB_STATUS_ADMITTED, 3000, 3000, 100000, 100000, NAN, NAN, 0);
  ranking = rank_store (store, basis);
  frozen.name = (char *) "Triagetafel 1";
  frozen.stream = HRB_STREAM_PROSPECTIVE;
  frozen.remark = (char *) "Eerste lijst";
  assert_true (hrb_store_freeze_list (store, &frozen, basis, ranking, &error) > 0);
  g_clear_pointer (&frozen.method_name, g_free);
  assert_int_equal (frozen.n_rows, 2);   /* the prospective stream only */
  /* A second list with the same name is refused. */
  assert_int_equal (hrb_store_freeze_list (store, &frozen, basis, ranking, &error), 0);
  g_clear_error (&error);
  g_clear_pointer (&frozen.method_name, g_free);

  before = hrb_store_get_frozen (store, "Triagetafel 1", &error);
  assert_non_null (before);
  assert_string_equal (before->date, "2026-11-23");
  assert_string_equal (before->method_name, "Basis");
  score_a = row_of (before->ranking, a)->score;
  assert_int_equal (row_of (before->ranking, b)->rank, 1);
  assert_int_equal (row_of (before->ranking, a)->rank, 2);

  /* Edit Alfa's figures: 50,000 patients. */
  figures = hrb_store_list_figures (store, a, &error);
  fig = g_ptr_array_index (figures, 0);
  fig->patients = (HrbRange) { 50000, 50000 };
  assert_true (hrb_store_update_figure (store, fig, &error));
  now = rank_store (store, basis);
  assert_int_equal (row_of (now, a)->rank, 1);
  assert_true (row_of (now, a)->score > score_a);

  /* The frozen list still has the old figures, ranks and contributions. */
  after = hrb_store_get_frozen (store, "Triagetafel 1", &error);
  assert_int_equal (after->ranking->rows->len, 2);
  assert_true (row_of (after->ranking, a)->score == score_a);
  assert_int_equal (row_of (after->ranking, a)->rank, 2);
  assert_double_equal (row_of (after->ranking, a)->patients.low, 1000, 0);
  assert_double_equal (row_of (after->ranking, a)->patients.high, 2000, 0);
  assert_double_equal (row_of (after->ranking, a)->patients_point, 1500, 0);
  assert_int_equal (row_of (after->ranking, a)->n_details, 4);
  {
    double sum = 0;
    for (guint c = 0; c < 4; c++)
      sum += row_of (after->ranking, a)->details[c].contribution;
    assert_true (sum == score_a);
  }
  assert_string_equal (row_of (after->ranking, a)->details[0].criterion_id, "patients");
  assert_string_equal (after->ranking->criterion_ids[3], "uncertainty");

  /* Freeze again and compare: Alfa moved up because of its patients. */
  frozen.name = (char *) "Triagetafel 2";
  frozen.date = (char *) "2027-05-01";
  assert_true (hrb_store_freeze_list (store, &frozen, basis, now, &error) > 0);
  g_clear_pointer (&frozen.method_name, g_free);
  second = hrb_store_get_frozen (store, "Triagetafel 2", &error);
  assert_int_equal (second->method_id, before->method_id);   /* Basis unchanged: same version */
  changes = hrb_frozen_compare (before, second);
  assert_int_equal (changes->len, 2);
  {
    const HrbRankChange *c0 = g_ptr_array_index (changes, 0);
    const HrbRankChange *c1 = g_ptr_array_index (changes, 1);
    assert_int_equal (c0->item_id, a);
    assert_int_equal (c0->kind, HRB_CHANGE_UP);
    assert_int_equal (c0->rank_a, 2);
    assert_int_equal (c0->rank_b, 1);
    assert_non_null (strstr (c0->why, "patients 1000–2000 → 50000"));
    assert_int_equal (c1->kind, HRB_CHANGE_DOWN);
    assert_non_null (strstr (c1->why, "relative budget impact"));
    assert_non_null (strstr (c1->why, "other items moved"));
  }
  lists = hrb_store_list_frozen (store, &error);
  assert_int_equal (lists->len, 2);
  assert_int_equal (((HrbFrozenList *) g_ptr_array_index (lists, 0))->n_rows, 2);

  /* Bad input: no name, both streams, a bad date; nothing is stored. */
  frozen.name = (char *) "";
  assert_int_equal (hrb_store_freeze_list (store, &frozen, basis, now, &error), 0);
  g_clear_error (&error);
  frozen.name = (char *) "X";
  frozen.date = (char *) "1-2-2027";
  assert_int_equal (hrb_store_freeze_list (store, &frozen, basis, now, &error), 0);
  g_clear_error (&error);
  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = hrb_store_list_frozen (store, &error);
  assert_int_equal (lists->len, 2);
}

static void
test_compare_entered_left (void **state)
{
  HrbFrozenList a = { 0 }, b = { 0 };
  g_autoptr(GPtrArray) changes = NULL;
  HrbRankingRow *r;

  a.ranking = g_new0 (HrbRanking, 1);
  b.ranking = g_new0 (HrbRanking, 1);
  a.ranking->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_ranking_row_free);
  b.ranking->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_ranking_row_free);
  a.method_name = b.method_name = (char *) "Basis";
  a.method_version = 1;
  b.method_version = 2;
  /* a: 1 (rank 1), 2 (rank 2). b: 3 (rank 1, new), 1 (ineligible). */
  r = g_new0 (HrbRankingRow, 1); r->item_id = 1; r->rank = 1; r->eligible = TRUE;
  r->patients = (HrbRange) { 10, 10 }; g_ptr_array_add (a.ranking->rows, r);
  r = g_new0 (HrbRankingRow, 1); r->item_id = 2; r->rank = 2; r->eligible = TRUE;
  g_ptr_array_add (a.ranking->rows, r);
  r = g_new0 (HrbRankingRow, 1); r->item_id = 3; r->rank = 1; r->eligible = TRUE;
  g_ptr_array_add (b.ranking->rows, r);
  r = g_new0 (HrbRankingRow, 1); r->item_id = 1; r->rank = 0; r->eligible = FALSE;
  r->reason = g_strdup ("insufficient data");
  r->patients = (HrbRange) { NAN, NAN }; g_ptr_array_add (b.ranking->rows, r);

  changes = hrb_frozen_compare (&a, &b);
  assert_int_equal (changes->len, 3);
  assert_int_equal (((HrbRankChange *) g_ptr_array_index (changes, 0))->kind, HRB_CHANGE_ENTERED);
  assert_int_equal (((HrbRankChange *) g_ptr_array_index (changes, 1))->kind, HRB_CHANGE_LEFT);
  assert_non_null (strstr (((HrbRankChange *) g_ptr_array_index (changes, 1))->why, "insufficient data"));
  assert_non_null (strstr (((HrbRankChange *) g_ptr_array_index (changes, 1))->why, "Basis 1 → Basis 2"));
  assert_int_equal (((HrbRankChange *) g_ptr_array_index (changes, 2))->item_id, 2);
  assert_int_equal (((HrbRankChange *) g_ptr_array_index (changes, 2))->kind, HRB_CHANGE_LEFT);
  g_ptr_array_unref (a.ranking->rows);
  g_ptr_array_unref (b.ranking->rows);
  g_free (a.ranking);
  g_free (b.ranking);
}

static void
test_reasons_text (void **state)
{
  g_autoptr(HrbMethod) m = hrb_method_new_basis ();
  g_autofree char *below = hrb_eligibility_reason (m, HRB_INELIGIBLE_BELOW_THRESHOLDS);
  g_autofree char *custom = NULL;

  assert_string_equal (below, "cost per patient below EUR 10,000 and budget impact below EUR 1 million");
  assert_null (hrb_eligibility_reason (m, HRB_ELIGIBLE));
  m->min_cost_per_patient = 25000;
  m->min_budget_impact = 2500000;
  custom = hrb_eligibility_reason (m, HRB_INELIGIBLE_BELOW_THRESHOLDS);
  assert_string_equal (custom, "cost per patient below EUR 25,000 and budget impact below EUR 2.5 million");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_transform_log),
    cmocka_unit_test (test_transform_linear),
    cmocka_unit_test (test_transform_bands_points),
    cmocka_unit_test (test_derive),
    cmocka_unit_test (test_hand_ranking),
    cmocka_unit_test (test_ineligible_unknown_cost),
    cmocka_unit_test (test_ties),
    cmocka_unit_test (test_rank_interval),
    cmocka_unit_test (test_rank_interval_brute_force),
    cmocka_unit_test (test_contributions_sum),
    cmocka_unit_test (test_row_details_sum),
    cmocka_unit_test (test_monotonic),
    cmocka_unit_test (test_sluis),
    cmocka_unit_test (test_method_rules),
    cmocka_unit_test (test_method_store_versions),
    cmocka_unit_test (test_method_file_round_trip),
    cmocka_unit_test (test_method_file_bad),
    cmocka_unit_test (test_expert_score),
    cmocka_unit_test (test_growth),
    cmocka_unit_test (test_market),
    cmocka_unit_test (test_frozen_unchanged_by_edit),
    cmocka_unit_test (test_compare_entered_left),
    cmocka_unit_test (test_reasons_text),
  };

  setlocale (LC_ALL, "C.UTF-8");
  return cmocka_run_group_tests (tests, NULL, NULL);
}
