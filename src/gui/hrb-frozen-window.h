/* hrb-frozen-window.h: "Frozen Lists" (vastgestelde lijsten).
 *
 * A window with the frozen lists of a database: one shown read-only, as it
 * was frozen (rank, score, rank range, medicine, indication), or two compared
 * (moved up, moved down, entered, left, and why), the committee's question
 * "what changed since the last meeting". By default the newest list is
 * compared with the one before it. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"

G_BEGIN_DECLS

#define HRB_TYPE_FROZEN_WINDOW (hrb_frozen_window_get_type ())
G_DECLARE_FINAL_TYPE (HrbFrozenWindow, hrb_frozen_window, HRB, FROZEN_WINDOW, AdwWindow)

HrbFrozenWindow *hrb_frozen_window_new (GtkWindow *parent, HrbStore *store);
/* Shows list a, compared with list b (NULL: a alone). FALSE if a name is unknown. */
gboolean         hrb_frozen_window_select (HrbFrozenWindow *self, const char *a, const char *b);
/* In a comparison, only the items that moved, entered or left (the default). */
void             hrb_frozen_window_set_changes_only (HrbFrozenWindow *self, gboolean only);
/* What the window shows (tests): the line above the table, the number of
 * rows and the texts of row i, separated by " | ". */
const char      *hrb_frozen_window_get_summary (HrbFrozenWindow *self);
guint            hrb_frozen_window_get_n_rows (HrbFrozenWindow *self);
char            *hrb_frozen_window_get_row_text (HrbFrozenWindow *self, guint i);

G_END_DECLS
