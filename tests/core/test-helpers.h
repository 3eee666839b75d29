/* test-helpers.h: small helpers shared by the core tests. */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hrb-store.h"

/* A fresh in-memory database with every migration applied. */
static inline HrbStore *
test_store_new (void)
{
  g_autoptr(GError) error = NULL;
  HrbStore *store = hrb_store_open (":memory:", &error);

  if (store == NULL)
    fail_msg ("cannot open :memory: store: %s", error->message);
  hrb_store_set_author (store, "Test Gebruiker");
  hrb_store_set_now (store, "2026-11-23T10:00:00Z");
  return store;
}

/* A temporary directory removed by the caller with test_rmdir(). */
static inline char *
test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hrb-test-XXXXXX", &error);

  if (dir == NULL)
    fail_msg ("cannot make a temporary directory: %s", error->message);
  return dir;
}

static inline void
test_rmdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

#define assert_double_equal(a, b, eps) \
  do { double _a = (a), _b = (b); \
       if (!(fabs (_a - _b) <= (eps))) fail_msg ("%s = %.6f, expected %.6f", #a, _a, _b); } while (0)
