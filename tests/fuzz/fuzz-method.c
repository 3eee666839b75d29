/* fuzz-method.c: libFuzzer entry point for method files
 * (hrb_method_from_data). Checks: no crash; a method that loads validates
 * and survives a round trip through hrb_method_to_data. */
#include "hrb-scoring.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  HrbMethod *m = hrb_method_from_data ((const char *) data, size, "fuzz.method", &error);

  if (m == NULL)
    {
      if (error == NULL)
        abort ();   /* a refusal must say why */
      return 0;
    }
  {
    gsize len = 0;
    g_autofree char *text = hrb_method_to_data (m, &len);
    g_autoptr(GError) again = NULL;
    HrbMethod *m2 = hrb_method_from_data (text, len, "round-trip.method", &again);

    if (m2 == NULL)
      abort ();   /* what we write, we must read */
    hrb_method_free (m2);
  }
  hrb_method_free (m);
  return 0;
}
