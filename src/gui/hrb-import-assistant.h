/* hrb-import-assistant.h: the import assistant (ux.md "Importeren").
 *
 * Steps with Next / Back: 1 file (drop zone or chooser); 2 format (detected
 * encoding, delimiter, decimal convention, header row; editable); 3 columns
 * (a preset, or a mapping of each field to a source column, which can be
 * saved as a mapping file; a preview of the first rows); 4 check (a dry run:
 * new, updated, unchanged, rejected with row, column and reason; "import the
 * valid rows only"; reference date); 5 import (progress, Cancel: nothing is
 * imported) → a toast with "Show changes".
 *
 * hrb_import_assistant_install() puts it into a main window: the action
 * win.import (Ctrl+I), "Import…" in the primary menu, and dropping a file on
 * the window. */
#pragma once

#include <adwaita.h>
#include "hrb-window.h"
#include "hrb-import.h"

G_BEGIN_DECLS

#define HRB_TYPE_IMPORT_ASSISTANT (hrb_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (HrbImportAssistant, hrb_import_assistant, HRB, IMPORT_ASSISTANT, AdwWindow)

/* file may be NULL (the assistant starts at choosing a file). */
HrbImportAssistant *hrb_import_assistant_new (HrbWindow *window, GFile *file);

/* For tests and keyboard users: the step shown (0 file … 4 import), going
 * to the next step when allowed (FALSE otherwise), whether a dry run or the
 * import is running, and the result of the last dry run (NULL if none). */
int                 hrb_import_assistant_get_step (HrbImportAssistant *self);
gboolean            hrb_import_assistant_next     (HrbImportAssistant *self);
gboolean            hrb_import_assistant_is_busy  (HrbImportAssistant *self);
const HrbImportResult *hrb_import_assistant_get_plan (HrbImportAssistant *self);

/* Call once per main window. */
void                hrb_import_assistant_install (HrbWindow *window);

/* A window listing the change log of an import batch. */
GtkWidget          *hrb_import_changes_window_new (GtkWindow *parent, HrbStore *store, gint64 batch_id);

G_END_DECLS
