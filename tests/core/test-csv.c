/* test-csv.c: the streaming CSV reader (encodings, delimiters, quotes,
 * line ends, limits, row and column numbers). */
#include "test-helpers.h"
#include "hrb-csv.h"

#include <string.h>

typedef struct {
  GPtrArray *rows;   /* of GStrv */
  GArray    *lines;  /* guint row of each record */
  GError    *error;
  guint      error_row, error_column;
  HrbCsvEncoding encoding;
  char       delimiter;
  gboolean   bom, crlf;
} ReadResult;

static void
read_result_clear (ReadResult *r)
{
  g_clear_pointer (&r->rows, g_ptr_array_unref);
  g_clear_pointer (&r->lines, g_array_unref);
  g_clear_error (&r->error);
}

static void
read_all (const char *data, gsize len, const HrbCsvOptions *opts, ReadResult *out)
{
  g_autoptr(HrbCsvReader) r = NULL;
  const char * const *fields;
  guint n;

  memset (out, 0, sizeof *out);
  out->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  out->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  r = hrb_csv_reader_new_for_data ("test.csv", data, len, opts, &out->error);
  if (r == NULL)
    return;
  out->encoding = hrb_csv_reader_get_encoding (r);
  out->delimiter = hrb_csv_reader_get_delimiter (r);
  out->bom = hrb_csv_reader_has_bom (r);
  while (hrb_csv_reader_next (r, &fields, &n, &out->error))
    {
      guint row = hrb_csv_reader_get_row (r);
      g_ptr_array_add (out->rows, g_strdupv ((char **) fields));
      g_array_append_val (out->lines, row);
      assert_int_equal (g_strv_length ((char **) fields), n);
    }
  out->crlf = hrb_csv_reader_has_crlf (r);
  if (out->error)
    {
      out->error_row = hrb_csv_reader_get_row (r);
      out->error_column = hrb_csv_reader_get_error_column (r);
    }
}

#define FIELD(res, r, c) (((char **) g_ptr_array_index ((res).rows, (r)))[(c)])
#define LINE(res, r) g_array_index ((res).lines, guint, (r))

static void
test_bom_crlf_quotes (void **state)
{
  const char data[] = "\xEF\xBB\xBF" "naam;opmerking\r\n"
                      "\"a;b\";\"hij zei \"\"ja\"\"\"\r\n"
                      "\"twee\r\nregels\";2\r\n"
                      "\r\n"
                      "laatste;  met spaties  \r\n";
  ReadResult res;

  read_all (data, sizeof data - 1, NULL, &res);
  assert_null (res.error);
  assert_true (res.bom);
  assert_true (res.crlf);
  assert_int_equal (res.delimiter, ';');
  assert_int_equal (res.encoding, HRB_CSV_ENCODING_UTF8);
  assert_int_equal (res.rows->len, 4);
  assert_string_equal (FIELD (res, 0, 0), "naam");
  assert_string_equal (FIELD (res, 1, 0), "a;b");
  assert_string_equal (FIELD (res, 1, 1), "hij zei \"ja\"");
  assert_string_equal (FIELD (res, 2, 0), "twee\r\nregels");
  assert_string_equal (FIELD (res, 2, 1), "2");
  assert_string_equal (FIELD (res, 3, 1), "met spaties");
  /* Physical lines: the record with a line break spans lines 3 and 4; a
   * blank line 5 is skipped. */
  assert_int_equal (LINE (res, 0), 1);
  assert_int_equal (LINE (res, 1), 2);
  assert_int_equal (LINE (res, 2), 3);
  assert_int_equal (LINE (res, 3), 6);
  read_result_clear (&res);
}

static void
test_cp1252 (void **state)
{
  const char data[] = "stof,prijs\nparacetamol caf\xe9,\x80 12,50\nna\xefve,\x93x\x94\n";
  ReadResult res;

  read_all (data, sizeof data - 1, NULL, &res);
  assert_null (res.error);
  assert_int_equal (res.encoding, HRB_CSV_ENCODING_CP1252);
  assert_int_equal (res.delimiter, ',');
  assert_false (res.bom);
  assert_false (res.crlf);
  assert_int_equal (res.rows->len, 3);
  assert_string_equal (FIELD (res, 1, 0), "paracetamol café");
  /* "€ 12,50" was quoted? No: the comma splits it; the text is converted. */
  assert_string_equal (FIELD (res, 1, 1), "€ 12");
  assert_string_equal (FIELD (res, 2, 0), "naïve");
  assert_string_equal (FIELD (res, 2, 1), "“x”");
  read_result_clear (&res);
}

static void
test_tab_and_lone_cr (void **state)
{
  const char data[] = "a\tb\tc\r1\t\t3\r";
  ReadResult res;

  read_all (data, sizeof data - 1, NULL, &res);
  assert_null (res.error);
  assert_int_equal (res.delimiter, '\t');
  assert_int_equal (res.rows->len, 2);
  assert_string_equal (FIELD (res, 1, 0), "1");
  assert_string_equal (FIELD (res, 1, 1), "");
  assert_string_equal (FIELD (res, 1, 2), "3");
  assert_int_equal (LINE (res, 1), 2);
  read_result_clear (&res);
}

static void
test_given_delimiter_and_no_trailing_newline (void **state)
{
  HrbCsvOptions opts = { .delimiter = ',' };
  const char data[] = "a;b,c\nx;y,z";
  ReadResult res;

  read_all (data, sizeof data - 1, &opts, &res);
  assert_null (res.error);
  assert_int_equal (res.rows->len, 2);
  assert_string_equal (FIELD (res, 1, 0), "x;y");
  assert_string_equal (FIELD (res, 1, 1), "z");
  read_result_clear (&res);
}

static void
test_invalid_utf8 (void **state)
{
  /* 0x81 is not Windows-1252 either: the bad field is named. */
  const char data[] = "a;b\nok;ok\nfine;bad \xc3\x28 \x81\n";
  ReadResult res;

  read_all (data, sizeof data - 1, NULL, &res);
  assert_non_null (res.error);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_ENCODING));
  assert_non_null (strstr (res.error->message, "UTF-8"));
  assert_int_equal (res.error_row, 3);
  assert_int_equal (res.error_column, 2);
  assert_int_equal (res.rows->len, 2);   /* the rows before it were read */
  read_result_clear (&res);
}

static void
test_binary (void **state)
{
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0";
  const char zip[] = "PK\x03\x04\x14\0\x06\0";
  ReadResult res;

  read_all (png, sizeof png - 1, NULL, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_BINARY));
  assert_non_null (strstr (res.error->message, "not a text file"));
  read_result_clear (&res);

  read_all (zip, sizeof zip - 1, NULL, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_BINARY));
  assert_non_null (strstr (res.error->message, "Excel"));
  read_result_clear (&res);
}

static void
test_empty (void **state)
{
  ReadResult res;

  read_all ("", 0, NULL, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_EMPTY));
  read_result_clear (&res);
}

static void
test_unterminated_quote (void **state)
{
  const char data[] = "a;b;c\n1;\"open;3\nmore\n";
  ReadResult res;

  read_all (data, sizeof data - 1, NULL, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_QUOTE));
  assert_non_null (strstr (res.error->message, "quote"));
  assert_int_equal (res.error_row, 2);
  assert_int_equal (res.error_column, 2);
  read_result_clear (&res);
}

static void
test_stray_quote (void **state)
{
  const char data[] = "a;b\n\"x\"y;2\n";
  ReadResult res;

  read_all (data, sizeof data - 1, NULL, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_QUOTE));
  assert_int_equal (res.error_row, 2);
  assert_int_equal (res.error_column, 1);
  read_result_clear (&res);
}

static void
test_field_limit (void **state)
{
  HrbCsvOptions opts = { .max_field = 1000 };
  g_autoptr(GString) data = g_string_new ("a;b\n1;");
  ReadResult res;

  for (int i = 0; i < 300000; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\n");
  read_all (data->str, data->len, &opts, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_FIELD_TOO_LONG));
  assert_int_equal (res.error_row, 2);
  assert_int_equal (res.error_column, 2);
  read_result_clear (&res);

  /* Quoted, without an end: stopped by the same limit, not read to the end. */
  g_string_assign (data, "a;b\n1;\"");
  for (int i = 0; i < 300000; i++)
    g_string_append_c (data, 'y');
  read_all (data->str, data->len, &opts, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_FIELD_TOO_LONG));
  assert_int_equal (res.error_row, 2);
  read_result_clear (&res);
}

static void
test_row_limit (void **state)
{
  HrbCsvOptions opts = { .max_rows = 3 };
  const char data[] = "a\n1\n2\n3\n4\n";
  ReadResult res;

  read_all (data, sizeof data - 1, &opts, &res);
  assert_true (g_error_matches (res.error, HRB_CSV_ERROR, HRB_CSV_ERROR_TOO_MANY_ROWS));
  assert_int_equal (res.rows->len, 3);
  read_result_clear (&res);
}

static void
test_file_and_checksum (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) data = g_string_new ("id;value\n");
  g_autoptr(HrbCsvReader) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char * const *fields;
  guint n, rows = 0;

  /* More than one 64 KiB block, with a multi-byte character across blocks. */
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (data, "%d;€ %d,00\n", i, i);
  assert_true (g_file_set_contents (path, data->str, data->len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data->str, data->len);

  r = hrb_csv_reader_open (path, NULL, &error);
  assert_non_null (r);
  while (hrb_csv_reader_next (r, &fields, &n, &error))
    {
      if (rows > 0)
        {
          g_autofree char *want = g_strdup_printf ("€ %u,00", rows - 1);
          assert_string_equal (fields[1], want);
        }
      rows++;
    }
  assert_null (error);
  assert_int_equal (rows, 20001);
  assert_int_equal (hrb_csv_reader_get_row (r), 20001);
  assert_string_equal (hrb_csv_reader_get_checksum (r), expected);

  g_clear_pointer (&r, hrb_csv_reader_free);
  r = hrb_csv_reader_open (dir, NULL, &error);   /* a directory */
  assert_null (r);
  assert_true (g_error_matches (error, HRB_CSV_ERROR, HRB_CSV_ERROR_IO));
  g_unlink (path);
  test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_bom_crlf_quotes),
    cmocka_unit_test (test_cp1252),
    cmocka_unit_test (test_tab_and_lone_cr),
    cmocka_unit_test (test_given_delimiter_and_no_trailing_newline),
    cmocka_unit_test (test_invalid_utf8),
    cmocka_unit_test (test_binary),
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_unterminated_quote),
    cmocka_unit_test (test_stray_quote),
    cmocka_unit_test (test_field_limit),
    cmocka_unit_test (test_row_limit),
    cmocka_unit_test (test_file_and_checksum),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
