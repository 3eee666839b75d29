/* fuzz-map.c: libFuzzer entry point for import mapping files
 * (hrb_import_map_load). Checks: no crash; a refusal says why; a loaded
 * mapping can be saved and loaded again. */
#include "hrb-import.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *
scratch (const char *name)
{
  return g_strdup_printf ("%s/hrb-fuzz-map-%d-%s", g_get_tmp_dir (), (int) getpid (), name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = scratch ("in.map");
  g_autofree char *out = scratch ("out.map");
  g_autoptr(GError) error = NULL;
  HrbImportMap *map;

  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;
  map = hrb_import_map_load (path, &error);
  if (map == NULL)
    {
      if (error == NULL)
        abort ();
    }
  else
    {
      g_autoptr(GError) e2 = NULL;
      HrbImportMap *again;

      if (!hrb_import_map_save (map, out, &e2))
        abort ();
      again = hrb_import_map_load (out, &e2);
      if (again == NULL)
        abort ();
      hrb_import_map_free (again);
      hrb_import_map_free (map);
      g_unlink (out);
    }
  g_unlink (path);
  return 0;
}
