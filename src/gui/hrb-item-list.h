/* hrb-item-list.h: a GListModel of HrbItemObject backed by an array.
 *
 * GListStore keeps its items in a GSequence; filling it with 100,000 items
 * costs a balanced-tree insert each. This model replaces its contents in
 * one step and looks items up in constant time. */
#pragma once

#include <gio/gio.h>
#include "hrb-item-object.h"

G_BEGIN_DECLS

#define HRB_TYPE_ITEM_LIST (hrb_item_list_get_type ())
G_DECLARE_FINAL_TYPE (HrbItemList, hrb_item_list, HRB, ITEM_LIST, GObject)

HrbItemList *hrb_item_list_new (void);

/* Replaces everything with objects (HrbItemObject, referenced; may be NULL). */
void         hrb_item_list_set    (HrbItemList *self, GPtrArray *objects);
void         hrb_item_list_append (HrbItemList *self, HrbItemObject *obj);
void         hrb_item_list_remove (HrbItemList *self, guint position);
/* Puts obj at position (it may be the same object: the row is redrawn). */
void         hrb_item_list_replace (HrbItemList *self, guint position, HrbItemObject *obj);
/* Borrowed object at position, no reference. */
HrbItemObject *hrb_item_list_peek (HrbItemList *self, guint position);
guint        hrb_item_list_get_length (HrbItemList *self);
/* Tells the views that every row changed (after objects changed in place). */
void         hrb_item_list_changed_all (HrbItemList *self);

G_END_DECLS
