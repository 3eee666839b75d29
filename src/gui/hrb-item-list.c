/* hrb-item-list.c: an array-backed list model of item objects. */
#include "hrb-item-list.h"

struct _HrbItemList
{
  GObject    parent_instance;
  GPtrArray *items;   /* HrbItemObject, owned */
};

static void hrb_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HrbItemList, hrb_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hrb_item_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return HRB_TYPE_ITEM_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return HRB_ITEM_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  HrbItemList *self = HRB_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
hrb_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
hrb_item_list_finalize (GObject *object)
{
  g_ptr_array_unref (HRB_ITEM_LIST (object)->items);
  G_OBJECT_CLASS (hrb_item_list_parent_class)->finalize (object);
}

static void
hrb_item_list_class_init (HrbItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_item_list_finalize;
}

static void
hrb_item_list_init (HrbItemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

HrbItemList *
hrb_item_list_new (void)
{
  return g_object_new (HRB_TYPE_ITEM_LIST, NULL);
}

void
hrb_item_list_set (HrbItemList *self, GPtrArray *objects)
{
  guint removed, added = objects ? objects->len : 0;
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (HRB_IS_ITEM_LIST (self));

  old = self->items;
  removed = old->len;
  self->items = g_ptr_array_new_full (added, g_object_unref);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (objects, i)));
  if (removed || added)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

void
hrb_item_list_append (HrbItemList *self, HrbItemObject *obj)
{
  g_return_if_fail (HRB_IS_ITEM_LIST (self));
  g_return_if_fail (HRB_IS_ITEM_OBJECT (obj));

  g_ptr_array_add (self->items, g_object_ref (obj));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

void
hrb_item_list_remove (HrbItemList *self, guint position)
{
  g_return_if_fail (HRB_IS_ITEM_LIST (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
hrb_item_list_replace (HrbItemList *self, guint position, HrbItemObject *obj)
{
  g_return_if_fail (HRB_IS_ITEM_LIST (self));
  g_return_if_fail (position < self->items->len);
  g_return_if_fail (HRB_IS_ITEM_OBJECT (obj));

  g_object_ref (obj);
  g_object_unref (g_ptr_array_index (self->items, position));
  g_ptr_array_index (self->items, position) = obj;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

HrbItemObject *
hrb_item_list_peek (HrbItemList *self, guint position)
{
  g_return_val_if_fail (HRB_IS_ITEM_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

guint
hrb_item_list_get_length (HrbItemList *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_LIST (self), 0);
  return self->items->len;
}

void
hrb_item_list_changed_all (HrbItemList *self)
{
  g_return_if_fail (HRB_IS_ITEM_LIST (self));
  if (self->items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->items->len, self->items->len);
}
