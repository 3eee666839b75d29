/* hrb-item-dialog.h: add or edit an item with its medicine and figures. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"

G_BEGIN_DECLS

#define HRB_TYPE_ITEM_DIALOG (hrb_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HrbItemDialog, hrb_item_dialog, HRB, ITEM_DIALOG, AdwWindow)

/* item NULL: a new item, with a package status that fits stream. The
 * "saved" signal (gint64 item_id) follows a successful save. */
GtkWidget  *hrb_item_dialog_new (GtkWindow     *parent,
                                 HrbStore      *store,
                                 const HrbItem *item,
                                 HrbStream      stream);

/* Field widgets by name (for tests and accessibility): "inn", "brand",
 * "atc", "indication", "domain", "patients", "cost", "budget", "year",
 * "source", "vintage" (AdwEntryRow), "setting", "status" (AdwComboRow),
 * "orphan", "conditional", "exceptional", "accelerated", "atmp",
 * "critical" (GtkSwitch). */
GtkWidget  *hrb_item_dialog_get_field (HrbItemDialog *self, const char *name);
/* The inline message under a field, or NULL when the field is fine. */
const char *hrb_item_dialog_get_message (HrbItemDialog *self, const char *name);
gboolean    hrb_item_dialog_can_save (HrbItemDialog *self);
/* Saves as the Save button does; on success emits "saved" and closes. */
gboolean    hrb_item_dialog_save (HrbItemDialog *self, GError **error);

G_END_DECLS
