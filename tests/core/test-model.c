/* test-model.c: the domain model and its validation. */
#include "test-helpers.h"
#include "hrb-model.h"

#include <math.h>

static void
test_range_point (void **state)
{
  assert_double_equal (hrb_range_point ((HrbRange) { 600, 900 }), 750, 1e-9);
  assert_double_equal (hrb_range_point ((HrbRange) { NAN, 4000 }), 4000, 1e-9);
  assert_double_equal (hrb_range_point ((HrbRange) { 5, NAN }), 5, 1e-9);
  assert_true (isnan (hrb_range_point (HRB_RANGE_UNKNOWN)));
  assert_false (hrb_range_is_known (HRB_RANGE_UNKNOWN));
  assert_true (hrb_range_is_known ((HrbRange) { NAN, 1 }));
}

static void
test_budget_impact (void **state)
{
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  HrbRange b;

  /* Unknown without patients and cost: never zero. */
  b = hrb_figure_budget_impact (f);
  assert_true (isnan (b.low) && isnan (b.high));

  /* patients × cost: low × low, high × high. */
  f->patients = (HrbRange) { 600, 900 };
  f->cost = (HrbRange) { 4000, 7000 };
  b = hrb_figure_budget_impact (f);
  assert_double_equal (b.low, 2400000, 1e-6);
  assert_double_equal (b.high, 6300000, 1e-6);

  /* An upper bound only: the missing end falls back on the point value. */
  f->patients = (HrbRange) { NAN, 4000 };
  b = hrb_figure_budget_impact (f);
  assert_double_equal (b.low, 4000 * 4000.0, 1e-6);
  assert_double_equal (b.high, 4000 * 7000.0, 1e-6);

  /* A given total wins over the product. */
  f->budget = (HrbRange) { 1575000, 1575000 };
  b = hrb_figure_budget_impact (f);
  assert_double_equal (b.low, 1575000, 1e-6);
}

static void
test_stream_follows_status (void **state)
{
  assert_int_equal (hrb_status_stream (HRB_STATUS_NOT_ADMITTED), HRB_STREAM_PROSPECTIVE);
  assert_int_equal (hrb_status_stream (HRB_STATUS_IN_SLUIS), HRB_STREAM_PROSPECTIVE);
  assert_int_equal (hrb_status_stream (HRB_STATUS_ADMITTED), HRB_STREAM_RETROSPECTIVE);
  assert_int_equal (hrb_status_stream (HRB_STATUS_CONDITIONAL), HRB_STREAM_RETROSPECTIVE);
  assert_int_equal (hrb_status_stream (HRB_STATUS_EXCLUDED), HRB_STREAM_RETROSPECTIVE);
}

static void
test_codes_round_trip (void **state)
{
  for (int s = 0; s < HRB_N_STATUS; s++)
    {
      HrbPackageStatus out;
      assert_true (hrb_status_from_code (hrb_status_to_code (s), &out));
      assert_int_equal (out, s);
    }
  HrbSetting setting;
  assert_true (hrb_setting_from_code ("extramural", &setting));
  assert_int_equal (setting, HRB_SETTING_EXTRAMURAL);
  HrbStream stream;
  assert_false (hrb_stream_from_code ("sideways", &stream));
  assert_true (hrb_stream_from_code ("retrospective", &stream));
  assert_int_equal (stream, HRB_STREAM_RETROSPECTIVE);
}

static void
test_medicine_validation (void **state)
{
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  const char *field = NULL;
  g_autofree char *msg = NULL;

  m->inn = g_strdup ("   ");
  assert_false (hrb_medicine_validate (m, &field, &msg));
  assert_string_equal (field, "inn");
  g_clear_pointer (&msg, g_free);

  g_free (m->inn);
  m->inn = g_strdup ("vosoritide");
  m->atc = g_strdup ("123");
  assert_false (hrb_medicine_validate (m, &field, &msg));
  assert_string_equal (field, "atc");
  g_clear_pointer (&msg, g_free);

  g_free (m->atc);
  m->atc = g_strdup ("M05BX07");
  assert_true (hrb_medicine_validate (m, &field, &msg));
}

static void
test_figure_validation (void **state)
{
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  const char *field = NULL;
  char *msg = NULL;

  f->source = g_strdup ("Horizonscan");
  assert_true (hrb_figure_validate (f, &field, &msg));

  f->patients = (HrbRange) { -1, 5 };
  assert_false (hrb_figure_validate (f, &field, &msg));
  assert_string_equal (field, "patients");
  g_clear_pointer (&msg, g_free);

  f->patients = (HrbRange) { 900, 600 };
  assert_false (hrb_figure_validate (f, &field, &msg));
  assert_string_equal (field, "patients");
  g_clear_pointer (&msg, g_free);

  f->patients = (HrbRange) { 600, 900 };
  f->cost = (HrbRange) { INFINITY, INFINITY };
  assert_false (hrb_figure_validate (f, &field, &msg));
  assert_string_equal (field, "cost");
  g_clear_pointer (&msg, g_free);

  f->cost = HRB_RANGE_UNKNOWN;
  f->year = 1800;
  assert_false (hrb_figure_validate (f, &field, &msg));
  assert_string_equal (field, "year");
  g_clear_pointer (&msg, g_free);

  f->year = 2027;
  g_free (f->vintage);
  f->vintage = g_strdup ("2026-13-45");
  assert_false (hrb_figure_validate (f, &field, &msg));
  assert_string_equal (field, "vintage");
  g_clear_pointer (&msg, g_free);

  g_free (f->vintage);
  f->vintage = g_strdup ("2026-10-01");
  g_free (f->source);
  f->source = NULL;
  assert_false (hrb_figure_validate (f, &field, &msg));
  assert_string_equal (field, "source");
  g_free (msg);
}

static void
test_item_copy_is_deep (void **state)
{
  g_autoptr(HrbItem) a = hrb_item_new ();
  g_autoptr(HrbItem) b = NULL;

  a->medicine.inn = g_strdup ("nusinersen");
  a->indication = g_strdup ("SMA");
  a->figure.source = g_strdup ("GIPdatabank");
  b = hrb_item_copy (a);
  assert_ptr_not_equal (a->medicine.inn, b->medicine.inn);
  assert_string_equal (b->medicine.inn, "nusinersen");
  assert_string_equal (b->indication, "SMA");
  assert_string_equal (b->figure.source, "GIPdatabank");
  assert_string_equal (hrb_medicine_display_name (&b->medicine), "nusinersen");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_range_point),
    cmocka_unit_test (test_budget_impact),
    cmocka_unit_test (test_stream_follows_status),
    cmocka_unit_test (test_codes_round_trip),
    cmocka_unit_test (test_medicine_validation),
    cmocka_unit_test (test_figure_validation),
    cmocka_unit_test (test_item_copy_is_deep),
  };
  return cmocka_run_group_tests_name ("model", tests, NULL, NULL);
}
