/* hrb-export-dialog.h: "Export to Excel…" (Ctrl+E): which list, which
 * contents, for the committee or internal; the workbook is written in a
 * worker thread with progress and Cancel, then a toast offers to open it. */
#pragma once

#include <adwaita.h>
#include "hrb-window.h"

G_BEGIN_DECLS

#define HRB_TYPE_EXPORT_DIALOG (hrb_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HrbExportDialog, hrb_export_dialog, HRB, EXPORT_DIALOG, AdwWindow)

/* Adds win.export (Ctrl+E) and the menu entry to a main window. */
void             hrb_export_install (HrbWindow *window);

HrbExportDialog *hrb_export_dialog_new (HrbWindow *window);

/* Writes the workbook to file with the choices on screen (the Export
 * button asks for the file first, then calls this). */
void             hrb_export_dialog_export_to (HrbExportDialog *self, GFile *file);
gboolean         hrb_export_dialog_is_busy   (HrbExportDialog *self);

G_END_DECLS
