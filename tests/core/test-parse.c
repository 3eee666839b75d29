/* test-parse.c: numbers, ranges and dates as the source files write them. */
#include "test-helpers.h"
#include "hrb-parse.h"

#include <math.h>

static double
num (const char *text, HrbDecimalStyle style)
{
  g_autoptr(GError) error = NULL;
  double v = -12345;

  if (!hrb_parse_number (text, style, &v, &error))
    fail_msg ("“%s” did not parse: %s", text, error->message);
  return v;
}

static void
assert_number_fails (const char *text)
{
  g_autoptr(GError) error = NULL;
  double v;

  if (hrb_parse_number (text, HRB_DECIMAL_AUTO, &v, &error))
    fail_msg ("“%s” parsed as %f but should fail", text, v);
  assert_non_null (error);
}

static void
test_numbers (void **state)
{
  assert_double_equal (num ("441", HRB_DECIMAL_AUTO), 441, 0);
  assert_double_equal (num ("8.002.800", HRB_DECIMAL_AUTO), 8002800, 0);
  assert_double_equal (num ("1.234,5", HRB_DECIMAL_AUTO), 1234.5, 1e-9);
  assert_double_equal (num ("1,234.5", HRB_DECIMAL_AUTO), 1234.5, 1e-9);
  assert_double_equal (num ("€ 53,612,300.00", HRB_DECIMAL_AUTO), 53612300, 1e-6);
  assert_double_equal (num ("EUR 1.575.000", HRB_DECIMAL_AUTO), 1575000, 0);
  assert_double_equal (num ("2,5", HRB_DECIMAL_AUTO), 2.5, 1e-9);
  assert_double_equal (num ("0.125", HRB_DECIMAL_AUTO), 0.125, 1e-9);
  assert_double_equal (num ("4,000", HRB_DECIMAL_AUTO), 4000, 0);
  /* With an explicit style a lone separator is the decimal one. */
  assert_double_equal (num ("1.234", HRB_DECIMAL_POINT), 1.234, 1e-9);
  assert_double_equal (num ("1,234", HRB_DECIMAL_COMMA), 1.234, 1e-9);
  assert_double_equal (num ("-5", HRB_DECIMAL_AUTO), -5, 0);
  assert_double_equal (num (" 12 345 ", HRB_DECIMAL_AUTO), 12345, 0);

  assert_number_fails ("");
  assert_number_fails ("abc");
  assert_number_fails ("12a");
  assert_number_fails ("1.23.4");
  assert_number_fails ("1,2,3");
  assert_number_fails ("€");
  assert_number_fails ("1e400");
  assert_number_fails ("999999999999999999999999999999999999999999999999999999999999999999999999");
}

static HrbRange
range (const char *text)
{
  g_autoptr(GError) error = NULL;
  HrbRange r;

  if (!hrb_parse_range (text, HRB_DECIMAL_AUTO, &r, &error))
    fail_msg ("“%s” did not parse: %s", text, error->message);
  return r;
}

static void
test_ranges (void **state)
{
  HrbRange r;

  r = range ("600 - 900");
  assert_double_equal (r.low, 600, 0);
  assert_double_equal (r.high, 900, 0);
  r = range ("< 4,000");
  assert_true (isnan (r.low));
  assert_double_equal (r.high, 4000, 0);
  r = range ("> 5");
  assert_double_equal (r.low, 5, 0);
  assert_true (isnan (r.high));
  r = range ("€ 200,000.00 -  € 250,000.00");
  assert_double_equal (r.low, 200000, 0);
  assert_double_equal (r.high, 250000, 0);
  r = range ("<  € 41,700.00");
  assert_double_equal (r.high, 41700, 0);
  r = range ("600–900");
  assert_double_equal (r.low, 600, 0);
  assert_double_equal (r.high, 900, 0);
  r = range ("441");
  assert_double_equal (r.low, 441, 0);
  assert_double_equal (r.high, 441, 0);
  /* Empty is unknown, never zero. */
  r = range ("");
  assert_true (isnan (r.low) && isnan (r.high));
  r = range ("   ");
  assert_true (isnan (r.low) && isnan (r.high));

  g_autoptr(GError) error = NULL;
  assert_false (hrb_parse_range ("900 - 600", HRB_DECIMAL_AUTO, &r, &error));
  assert_int_equal (error->code, HRB_PARSE_ERROR_ORDER);
  g_clear_error (&error);
  assert_false (hrb_parse_range ("-5", HRB_DECIMAL_AUTO, &r, &error));
  assert_int_equal (error->code, HRB_PARSE_ERROR_NEGATIVE);
  g_clear_error (&error);
  assert_false (hrb_parse_range ("veel", HRB_DECIMAL_AUTO, &r, &error));
  assert_int_equal (error->code, HRB_PARSE_ERROR_INVALID);
}

static void
assert_date (const char *text, const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (!hrb_parse_date (text, &out, &error))
    fail_msg ("“%s” did not parse: %s", text, error->message);
  assert_string_equal (out, iso);
}

static void
test_dates (void **state)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  assert_date ("10-2027", "2027-10");
  assert_date ("2027", "2027");
  assert_date ("16/07/2021", "2021-07-16");
  assert_date ("4/12/2023", "2023-12-04");
  assert_date ("2021-07-16", "2021-07-16");
  assert_date ("23-11-2026", "2026-11-23");
  assert_date ("2021-07-16T00:00:00", "2021-07-16");

  assert_false (hrb_parse_date ("31/02/2021", &out, &error));
  g_clear_error (&error);
  assert_false (hrb_parse_date ("13-2027", &out, &error));
  g_clear_error (&error);
  assert_false (hrb_parse_date ("morgen", &out, &error));
  g_clear_error (&error);
  assert_false (hrb_parse_date ("", &out, &error));
  assert_null (out);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_numbers),
    cmocka_unit_test (test_ranges),
    cmocka_unit_test (test_dates),
  };
  return cmocka_run_group_tests_name ("parse", tests, NULL, NULL);
}
