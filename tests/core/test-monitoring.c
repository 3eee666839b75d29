/* test-monitoring.c: the monitoring figures on a fixed data set computed by
 * hand: open dossiers per stage, completed per year, outcomes, measures,
 * lead times (parked time excluded) with median, nearest-rank 90th
 * percentile and maximum, the year filter and the overdue list. */
#include "test-helpers.h"
#include "hrb-store.h"
#include "hrb-store-dossier.h"
#include "hrb-monitoring.h"

#include <math.h>
#include <string.h>

static gint64
add_item (HrbStore *store, const char *inn)
{
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(GError) error = NULL;

  m->inn = g_strdup (inn);
  item->medicine_id = hrb_store_insert_medicine (store, m, &error);
  assert_null (error);
  item->indication = g_strdup ("indicatie");
  return hrb_store_insert_item (store, item, &error);
}

static void
step (HrbStore *store, gint64 id, HrbStage stage, const char *date, const char *due,
      const char *look_again)
{
  g_autoptr(GError) error = NULL;
  HrbTransition t = { 0 };

  t.stage = stage;
  t.party = hrb_stage_is_final (stage) || stage == HRB_STAGE_PARKED ? HRB_PARTY_NONE : HRB_PARTY_PROJECT_TEAM;
  t.date = (char *) date;
  t.due_date = (char *) due;
  t.look_again = (char *) look_again;
  t.remark = (char *) (stage == HRB_STAGE_PARKED || stage == HRB_STAGE_DROPPED ? "reden" : NULL);
  if (hrb_store_move_dossier (store, id, &t, &error) == 0)
    fail_msg ("move %s on %s: %s", hrb_stage_to_code (stage), date, error->message);
}

static gint64
start (HrbStore *store, const char *inn, const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hrb_store_start_dossier (store, add_item (store, inn), date, HRB_PARTY_NONE, &error);

  assert_null (error);
  return id;
}

static void
measure (HrbStore *store, gint64 id, HrbMeasureKind kind, HrbMeasureStatus status, const char *agreed)
{
  g_autoptr(HrbMeasure) m = hrb_measure_new ();
  g_autoptr(GError) error = NULL;

  m->dossier_id = id;
  m->kind = kind;
  m->status = status;
  m->agreed_date = g_strdup (agreed);
  assert_true (hrb_store_add_measure (store, m, &error) > 0);
}

/* The fixed data set; today is 2026-11-23 (test_store_new).
 *
 * A: signalled 2025-01-01, prioritised 2025-01-11, question 2025-02-10,
 *    parked 2025-03-12 (look again 2025-05-11), question 2025-05-11,
 *    data_collection 2025-05-21, closed 2025-06-20.
 *    Periods: signalled 10, prioritised 30, question 30 + 10 = 40 (the
 *    parked 60 days in between do not count), data_collection 30, parked 60.
 *    Total: 2025-01-01 → 2025-06-20 = 170 days − 60 parked = 110.
 * B: signalled 2025-03-01, prioritised 2025-03-21, question 2025-04-20,
 *    closed 2026-01-15. Periods: signalled 20, prioritised 30,
 *    question 270 (10 + 31+30+31+31+30+31+30+31 + 15). Total 320.
 * C: signalled 2026-10-01, prioritised 2026-10-06 due 2026-11-01, open.
 *    signalled 5; prioritised is current (not counted). Overdue 22 days.
 * D: signalled 2026-06-01, dropped 2026-07-01. signalled 30; no total.
 * E: signalled 2026-09-01, parked 2026-09-11 look again 2027-01-01.
 *    signalled 10; parked is current (not counted).
 * Measures: A restrict_indication (agreed 2025-06-01), B price_arrangement
 * (2025-12-01) and registry (2026-01-10), C appropriate_use (proposed, no
 * date). */
static HrbStore *
fixed_data_set (void)
{
  HrbStore *store = test_store_new ();
  gint64 a, b, c, d, e;

  a = start (store, "a", "2025-01-01");
  step (store, a, HRB_STAGE_PRIORITISED, "2025-01-11", NULL, NULL);
  step (store, a, HRB_STAGE_QUESTION, "2025-02-10", NULL, NULL);
  step (store, a, HRB_STAGE_PARKED, "2025-03-12", NULL, "2025-05-11");
  step (store, a, HRB_STAGE_QUESTION, "2025-05-11", NULL, NULL);
  step (store, a, HRB_STAGE_DATA_COLLECTION, "2025-05-21", NULL, NULL);
  step (store, a, HRB_STAGE_CLOSED, "2025-06-20", NULL, NULL);
  measure (store, a, HRB_MEASURE_RESTRICT_INDICATION, HRB_MEASURE_IMPLEMENTED, "2025-06-01");

  b = start (store, "b", "2025-03-01");
  step (store, b, HRB_STAGE_PRIORITISED, "2025-03-21", NULL, NULL);
  step (store, b, HRB_STAGE_QUESTION, "2025-04-20", NULL, NULL);
  step (store, b, HRB_STAGE_CLOSED, "2026-01-15", NULL, NULL);
  measure (store, b, HRB_MEASURE_PRICE_ARRANGEMENT, HRB_MEASURE_AGREED, "2025-12-01");
  measure (store, b, HRB_MEASURE_REGISTRY, HRB_MEASURE_AGREED, "2026-01-10");

  c = start (store, "c", "2026-10-01");
  step (store, c, HRB_STAGE_PRIORITISED, "2026-10-06", "2026-11-01", NULL);
  measure (store, c, HRB_MEASURE_APPROPRIATE_USE, HRB_MEASURE_PROPOSED, NULL);

  d = start (store, "d", "2026-06-01");
  step (store, d, HRB_STAGE_DROPPED, "2026-07-01", NULL, NULL);

  e = start (store, "e", "2026-09-01");
  step (store, e, HRB_STAGE_PARKED, "2026-09-11", NULL, "2027-01-01");
  return store;
}

#define assert_lead(lt, n_, median_, p90_, max_) \
  do { \
    assert_int_equal ((lt).n, (n_)); \
    assert_double_equal ((lt).median, (median_), 1e-9); \
    assert_double_equal ((lt).p90, (p90_), 1e-9); \
    assert_double_equal ((lt).max, (max_), 1e-9); \
  } while (0)

static void
test_statistics (void **state)
{
  /* Odd count: sorted 1 2 3 4 5; median 3; p90 rank ceil(4.5) = 5 → 5. */
  const double odd[] = { 5, 1, 3, 2, 4 };
  /* Even count: median (20 + 30) / 2 = 25; p90 rank ceil(3.6) = 4 → 40. */
  const double even[] = { 40, 10, 30, 20 };
  /* Ten values 1…10: p90 rank ceil(9) = 9 → 9 (not 10, not 9.1). */
  const double ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
  /* Twenty values 1…20: p90 rank 18 → 18; median (10 + 11) / 2. */
  double twenty[20];
  HrbLeadTime lt;

  for (int i = 0; i < 20; i++)
    twenty[i] = 20 - i;
  assert_lead (hrb_lead_time_of (odd, 5), 5, 3, 5, 5);
  assert_lead (hrb_lead_time_of (even, 4), 4, 25, 40, 40);
  assert_lead (hrb_lead_time_of (ten, 10), 10, 5.5, 9, 10);
  assert_lead (hrb_lead_time_of (twenty, 20), 20, 10.5, 18, 20);
  assert_lead (hrb_lead_time_of (odd, 1), 1, 5, 5, 5);
  lt = hrb_lead_time_of (NULL, 0);
  assert_int_equal (lt.n, 0);
  assert_true (isnan (lt.median) && isnan (lt.p90) && isnan (lt.max));
}

static void
test_fixed_data_set (void **state)
{
  g_autoptr(HrbStore) store = fixed_data_set ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMonitoring) m = hrb_monitoring_compute (store, 0, &error);

  assert_non_null (m);
  assert_string_equal (m->today, "2026-11-23");

  /* Open: C in prioritised, E parked. */
  assert_int_equal (m->n_open, 2);
  for (int s = 0; s < HRB_N_STAGES; s++)
    assert_int_equal (m->open_per_stage[s],
                      s == HRB_STAGE_PRIORITISED || s == HRB_STAGE_PARKED ? 1 : 0);

  /* Completed per year: A in 2025, B in 2026. */
  assert_int_equal (m->completed_per_year->len, 2);
  assert_int_equal (g_array_index (m->completed_per_year, HrbYearCount, 0).year, 2025);
  assert_int_equal (g_array_index (m->completed_per_year, HrbYearCount, 0).count, 1);
  assert_int_equal (g_array_index (m->completed_per_year, HrbYearCount, 1).year, 2026);
  assert_int_equal (g_array_index (m->completed_per_year, HrbYearCount, 1).count, 1);
  assert_int_equal (m->n_closed, 2);
  assert_int_equal (m->n_dropped, 1);

  /* Measures by kind and status. */
  assert_int_equal (m->measures[HRB_MEASURE_RESTRICT_INDICATION], 1);
  assert_int_equal (m->measures[HRB_MEASURE_PRICE_ARRANGEMENT], 1);
  assert_int_equal (m->measures[HRB_MEASURE_REGISTRY], 1);
  assert_int_equal (m->measures[HRB_MEASURE_APPROPRIATE_USE], 1);
  assert_int_equal (m->measures[HRB_MEASURE_NO_CHANGE], 0);
  assert_int_equal (m->measures_by_status[HRB_MEASURE_AGREED], 2);
  assert_int_equal (m->measures_by_status[HRB_MEASURE_IMPLEMENTED], 1);
  assert_int_equal (m->measures_by_status[HRB_MEASURE_PROPOSED], 1);

  /* signalled: A 10, B 20, C 5, D 30, E 10 → sorted 5 10 10 20 30:
   * median 10, p90 rank ceil(4.5) = 5 → 30, max 30. */
  assert_lead (m->lead_stage[HRB_STAGE_SIGNALLED], 5, 10, 30, 30);
  /* prioritised: A 30, B 30 (C is still there) → 30, 30, 30. */
  assert_lead (m->lead_stage[HRB_STAGE_PRIORITISED], 2, 30, 30, 30);
  /* question: A 30 + 10 = 40 (parked excluded), B 270 → median 155,
   * p90 rank ceil(1.8) = 2 → 270, max 270. */
  assert_lead (m->lead_stage[HRB_STAGE_QUESTION], 2, 155, 270, 270);
  /* data_collection: A 30. */
  assert_lead (m->lead_stage[HRB_STAGE_DATA_COLLECTION], 1, 30, 30, 30);
  assert_int_equal (m->lead_stage[HRB_STAGE_ANALYSIS].n, 0);
  assert_true (isnan (m->lead_stage[HRB_STAGE_ANALYSIS].median));
  /* parked: A 60 (E is still parked). */
  assert_lead (m->lead_stage[HRB_STAGE_PARKED], 1, 60, 60, 60);
  /* total: A 170 − 60 = 110, B 320 → median 215, p90 320, max 320. */
  assert_lead (m->lead_total, 2, 215, 320, 320);

  /* Overdue: C, due 2026-11-01, today 2026-11-23. */
  assert_int_equal (m->overdue->len, 1);
  assert_string_equal (((HrbDossier *) g_ptr_array_index (m->overdue, 0))->inn, "c");

  /* The same figures as rows (CLI and export). */
  {
    g_autoptr(GPtrArray) rows = hrb_monitoring_rows (m);
    struct { const char *metric, *key; double value; } want[] = {
      { "open_per_stage", "prioritised", 1 }, { "open_per_stage", "parked", 1 },
      { "open_per_stage", "analysis", 0 }, { "completed_per_year", "2025", 1 },
      { "completed_per_year", "2026", 1 }, { "outcomes", "dropped", 1 },
      { "measures", "registry", 1 }, { "measures", "removal", 0 },
      { "lead_time_median_days", "question", 155 }, { "lead_time_p90_days", "signalled", 30 },
      { "lead_time_max_days", "total", 320 }, { "lead_time_median_days", "total", 215 },
      { "overdue", NULL, 22 },
    };
    for (guint k = 0; k < G_N_ELEMENTS (want); k++)
      {
        gboolean found = FALSE;
        for (guint i = 0; i < rows->len; i++)
          {
            HrbMetricRow *r = g_ptr_array_index (rows, i);
            if (g_str_equal (r->metric, want[k].metric) &&
                (want[k].key == NULL || g_str_equal (r->key, want[k].key)))
              {
                assert_double_equal (r->value, want[k].value, 1e-9);
                found = TRUE;
              }
          }
        if (!found)
          fail_msg ("no row %s/%s", want[k].metric, want[k].key);
      }
    /* No lead-time figures for a stage without values. */
    for (guint i = 0; i < rows->len; i++)
      {
        HrbMetricRow *r = g_ptr_array_index (rows, i);
        assert_false (g_str_equal (r->metric, "lead_time_median_days") && g_str_equal (r->key, "analysis"));
      }
  }
}

static void
test_year_filter (void **state)
{
  g_autoptr(HrbStore) store = fixed_data_set ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMonitoring) m = hrb_monitoring_compute (store, 2025, &error);

  /* Periods that ended in 2025: A's all; B's signalled (20) and prioritised
   * (30), not its question (ended 2026-01-15). */
  assert_lead (m->lead_stage[HRB_STAGE_SIGNALLED], 2, 15, 20, 20);
  assert_lead (m->lead_stage[HRB_STAGE_PRIORITISED], 2, 30, 30, 30);
  assert_lead (m->lead_stage[HRB_STAGE_QUESTION], 1, 40, 40, 40);
  /* Totals of dossiers closed in 2025: A only. */
  assert_lead (m->lead_total, 1, 110, 110, 110);
  assert_int_equal (m->n_closed, 1);
  assert_int_equal (m->n_dropped, 0);
  /* Measures agreed in 2025: A's and B's price arrangement. */
  assert_int_equal (m->measures[HRB_MEASURE_RESTRICT_INDICATION], 1);
  assert_int_equal (m->measures[HRB_MEASURE_PRICE_ARRANGEMENT], 1);
  assert_int_equal (m->measures[HRB_MEASURE_REGISTRY], 0);
  /* Counts as of today and completed per year are not filtered. */
  assert_int_equal (m->n_open, 2);
  assert_int_equal (m->completed_per_year->len, 2);
  assert_int_equal (m->overdue->len, 1);
}

static void
test_parked_rule_changes_with_the_route (void **state)
{
  /* Parking the same route for longer changes neither the stage's lead
   * time nor the total: only the parked figure grows. */
  g_autoptr(HrbStore) s1 = test_store_new ();
  g_autoptr(HrbStore) s2 = test_store_new ();
  g_autoptr(HrbMonitoring) m1 = NULL;
  g_autoptr(HrbMonitoring) m2 = NULL;
  gint64 a = start (s1, "a", "2026-01-01");
  gint64 b = start (s2, "a", "2026-01-01");

  step (s1, a, HRB_STAGE_ANALYSIS, "2026-01-11", NULL, NULL);
  step (s1, a, HRB_STAGE_PARKED, "2026-01-21", NULL, "2026-02-01");
  step (s1, a, HRB_STAGE_ANALYSIS, "2026-02-01", NULL, NULL);   /* 11 days parked */
  step (s1, a, HRB_STAGE_CLOSED, "2026-02-06", NULL, NULL);
  step (s2, b, HRB_STAGE_ANALYSIS, "2026-01-11", NULL, NULL);
  step (s2, b, HRB_STAGE_PARKED, "2026-01-21", NULL, "2026-06-01");
  step (s2, b, HRB_STAGE_ANALYSIS, "2026-06-01", NULL, NULL);   /* 131 days parked */
  step (s2, b, HRB_STAGE_CLOSED, "2026-06-06", NULL, NULL);
  m1 = hrb_monitoring_compute (s1, 0, NULL);
  m2 = hrb_monitoring_compute (s2, 0, NULL);
  /* analysis: 10 before parking + 5 after = 15 in both. */
  assert_lead (m1->lead_stage[HRB_STAGE_ANALYSIS], 1, 15, 15, 15);
  assert_lead (m2->lead_stage[HRB_STAGE_ANALYSIS], 1, 15, 15, 15);
  /* total: signalled 10 + analysis 15 = 25 in both. */
  assert_lead (m1->lead_total, 1, 25, 25, 25);
  assert_lead (m2->lead_total, 1, 25, 25, 25);
  assert_lead (m1->lead_stage[HRB_STAGE_PARKED], 1, 11, 11, 11);
  assert_lead (m2->lead_stage[HRB_STAGE_PARKED], 1, 131, 131, 131);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_statistics),
    cmocka_unit_test (test_fixed_data_set),
    cmocka_unit_test (test_year_filter),
    cmocka_unit_test (test_parked_rule_changes_with_the_route),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
