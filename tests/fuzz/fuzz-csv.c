/* fuzz-csv.c: libFuzzer entry point for the CSV reader (hrb-csv.c).
 * Every input must end in a record stream or an error with a message; no
 * crash, no leak, no read outside the input. Fields must be valid UTF-8. */
#include "hrb-csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  HrbCsvOptions opts = { 0 };
  HrbCsvReader *r;
  GError *error = NULL;
  const char * const *fields;
  guint n_fields;
  guint rows = 0;

  /* Small limits so that the limit paths are reached too. */
  opts.max_field = 4096;
  opts.max_rows = 10000;
  if (size > 0 && data[0] == 'X')
    opts.encoding = HRB_CSV_ENCODING_CP1252;
  r = hrb_csv_reader_new_for_data ("fuzz.csv", (const char *) data, size, &opts, &error);
  if (r == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      g_error_free (error);
      return 0;
    }
  while (hrb_csv_reader_next (r, &fields, &n_fields, &error))
    {
      rows++;
      if (hrb_csv_reader_get_row (r) == 0)
        abort ();
      for (guint i = 0; i < n_fields; i++)
        if (fields[i] == NULL || !g_utf8_validate (fields[i], -1, NULL))
          abort ();
      if (fields[n_fields] != NULL)
        abort ();
    }
  if (error)
    {
      if (error->message == NULL || error->message[0] == '\0')
        abort ();
      g_error_free (error);
    }
  (void) hrb_csv_reader_get_checksum (r);
  hrb_csv_reader_free (r);
  return 0;
}
