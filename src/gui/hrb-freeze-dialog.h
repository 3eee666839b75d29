/* hrb-freeze-dialog.h: "Freeze List" (lijst vaststellen).
 *
 * A small dialog asking for the name, the date (YYYY-MM-DD, default today)
 * and a remark of a frozen list of one stream. The owner does the freezing
 * in its "freeze" handler and returns an error message to show, or NULL to
 * close the dialog. */
#pragma once

#include <adwaita.h>
#include "hrb-model.h"

G_BEGIN_DECLS

#define HRB_TYPE_FREEZE_DIALOG (hrb_freeze_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HrbFreezeDialog, hrb_freeze_dialog, HRB, FREEZE_DIALOG, AdwWindow)

/* Called on "Freeze": returns NULL on success (the dialog closes) or a
 * newly allocated message to show. */
typedef char *(*HrbFreezeFunc) (HrbFreezeDialog *dialog, const char *name, const char *date,
                                const char *remark, gpointer user_data);

HrbFreezeDialog *hrb_freeze_dialog_new (GtkWindow *parent, HrbStream stream, const char *method_label,
                                        HrbFreezeFunc func, gpointer user_data);
HrbStream        hrb_freeze_dialog_get_stream (HrbFreezeDialog *self);
/* Fills the fields and presses Freeze (tests). Returns the message shown or NULL. */
const char      *hrb_freeze_dialog_submit (HrbFreezeDialog *self, const char *name, const char *date,
                                           const char *remark);

G_END_DECLS
