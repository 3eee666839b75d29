/* fuzz-parse.c: libFuzzer entry point for the number, range and date parsers
 * (hrb-parse.c). Checks: no crash; a parsed range is never negative and its
 * low end is not above its high end; a parsed date is ISO. */
#include "hrb-parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  HrbDecimalStyle styles[] = { HRB_DECIMAL_AUTO, HRB_DECIMAL_POINT, HRB_DECIMAL_COMMA };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      GError *error = NULL;
      double v = 0;
      HrbRange r;

      if (hrb_parse_number (text, styles[s], &v, &error))
        {
          if (isnan (v) || isinf (v))
            abort ();
        }
      else
        {
          if (error == NULL)
            abort ();
          g_clear_error (&error);
        }
      if (hrb_parse_range (text, styles[s], &r, &error))
        {
          if ((hrb_is_known (r.low) && r.low < 0) || (hrb_is_known (r.high) && r.high < 0))
            abort ();
          if (hrb_is_known (r.low) && hrb_is_known (r.high) && r.low > r.high)
            abort ();
        }
      else
        {
          if (error == NULL)
            abort ();
          g_clear_error (&error);
        }
    }
  {
    GError *error = NULL;
    char *iso = NULL;

    if (hrb_parse_date (text, &iso, &error))
      {
        size_t n = strlen (iso);
        if (!(n == 4 || n == 7 || n == 10) || !g_ascii_isdigit (iso[0]))
          abort ();
        g_free (iso);
      }
    else
      {
        if (error == NULL)
          abort ();
        g_clear_error (&error);
      }
  }
  return 0;
}
