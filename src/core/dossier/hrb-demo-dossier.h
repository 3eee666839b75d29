/* hrb-demo-dossier.h: dossiers for the demo data set. */
#pragma once

#include "hrb-store.h"

G_BEGIN_DECLS

/* Adds the demo dossiers to the demo items (call after the items exist).
 * Dates are relative to the store's today, so that "overdue", "parked" and
 * "look again" hold on the day the demo is loaded: 17 dossiers over all
 * stages, 3 overdue, 2 parked (one due to look again), 1 dropped, 4 closed
 * with measures, some with confidential notes and price arrangements. */
gboolean hrb_demo_dossiers_load (HrbStore *store, GError **error);

G_END_DECLS
