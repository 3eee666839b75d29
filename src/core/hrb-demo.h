/* hrb-demo.h: the demo data set (fictional figures) and the seeded
 * generator of synthetic data sets of any size for benchmarks. */
#pragma once

#include "hrb-store.h"

G_BEGIN_DECLS

/* Loads the demo data set into an empty database and marks it as demo. */
gboolean hrb_demo_load (HrbStore *store, GError **error);

/* Adds n_items synthetic items with realistic magnitudes, deterministic for
 * a seed, in one transaction. */
gboolean hrb_demo_generate (HrbStore *store, guint n_items, guint32 seed, GError **error);

G_END_DECLS
