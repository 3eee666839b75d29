/* hrb-item-object.h: a light GObject around an HrbItem for list models.
 *
 * Sort and search keys are computed once when the object is made, so the
 * sorters and filters of the lists never look up properties. Optional
 * rank/score fields (NAN when unset) are for the scoring columns. */
#pragma once

#include <glib-object.h>
#include "hrb-model.h"

G_BEGIN_DECLS

#define HRB_TYPE_ITEM_OBJECT (hrb_item_object_get_type ())
G_DECLARE_FINAL_TYPE (HrbItemObject, hrb_item_object, HRB, ITEM_OBJECT, GObject)

/* Takes ownership of item. Safe to call from a worker thread. */
HrbItemObject  *hrb_item_object_new (HrbItem *item);

const HrbItem  *hrb_item_object_get_item (HrbItemObject *self);
gint64          hrb_item_object_get_id   (HrbItemObject *self);
/* Replaces the wrapped item (after an edit) and recomputes the keys. */
void            hrb_item_object_set_item (HrbItemObject *self, HrbItem *item);

/* Precomputed keys (the collation keys on first use, main thread only). */
const char     *hrb_item_object_get_haystack    (HrbItemObject *self); /* case-folded search text */
const char     *hrb_item_object_get_name_key    (HrbItemObject *self); /* collation key of the medicine */
const char     *hrb_item_object_get_indication_key (HrbItemObject *self);
const char     *hrb_item_object_get_domain_key  (HrbItemObject *self);
double          hrb_item_object_get_patients    (HrbItemObject *self); /* point value or NAN */
double          hrb_item_object_get_cost        (HrbItemObject *self);
double          hrb_item_object_get_budget      (HrbItemObject *self); /* point of hrb_figure_budget_impact */
HrbRange        hrb_item_object_get_budget_range (HrbItemObject *self);

/* Optional scoring fields; NAN / 0 when not set. */
void            hrb_item_object_set_score (HrbItemObject *self, double score);
double          hrb_item_object_get_score (HrbItemObject *self);
void            hrb_item_object_set_rank  (HrbItemObject *self, int rank);
int             hrb_item_object_get_rank  (HrbItemObject *self);

/* Folds text for searching (lower case, accents kept): the same folding is
 * applied to the haystack and to the search text. */
char           *hrb_item_object_fold (const char *text);

G_END_DECLS
