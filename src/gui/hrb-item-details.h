/* hrb-item-details.h: the side pane that shows the selected item.
 *
 * Sections: title, indication and badges; "Figures" (each with its range,
 * source, vintage and import batch); earlier vintages; then any sections
 * other modules add with hrb_item_details_add_section(); then the actions. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-item-object.h"

G_BEGIN_DECLS

#define HRB_TYPE_ITEM_DETAILS (hrb_item_details_get_type ())
G_DECLARE_FINAL_TYPE (HrbItemDetails, hrb_item_details, HRB, ITEM_DETAILS, GtkBox)

GtkWidget *hrb_item_details_new (void);

void       hrb_item_details_set_store (HrbItemDetails *self, HrbStore *store);
/* Shows obj (NULL: nothing selected). Refreshes every section. */
void       hrb_item_details_set_item  (HrbItemDetails *self, HrbItemObject *obj);
HrbItemObject *hrb_item_details_get_item (HrbItemDetails *self);

/* How many earlier vintages the history section lists. */
guint      hrb_item_details_get_history_length (HrbItemDetails *self);

/* Called when the shown item changes; obj is NULL when nothing is shown. */
typedef void (*HrbDetailsUpdateFunc) (GtkWidget     *section,
                                      HrbStore      *store,
                                      HrbItemObject *obj,
                                      gpointer       user_data);

/* Adds a section (e.g. an AdwPreferencesGroup "Score breakdown") below the
 * figures, in the order of the calls. update is called right away and on
 * every change of the shown item. */
void       hrb_item_details_add_section (HrbItemDetails      *self,
                                         GtkWidget           *section,
                                         HrbDetailsUpdateFunc update,
                                         gpointer             user_data,
                                         GDestroyNotify       destroy);

G_END_DECLS
