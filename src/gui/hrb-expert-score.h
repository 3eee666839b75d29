/* hrb-expert-score.h: the manual expert score of an item (expertscore).
 *
 * A section of the side pane shows the item's expert score with its reason,
 * who set it and when, and whether the current method counts it; "Edit…"
 * opens a small dialog with the score (0 to 100) and the reason, which is
 * required. Removing offers Undo. The owner (hrb-scoring-install.c) stores
 * the score and re-ranks. */
#pragma once

#include <adwaita.h>
#include "hrb-scoring.h"

G_BEGIN_DECLS

#define HRB_TYPE_EXPERT_DIALOG (hrb_expert_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HrbExpertDialog, hrb_expert_dialog, HRB, EXPERT_DIALOG, AdwWindow)

/* Called on Save (score 0..100) and on Remove (score NAN, reason NULL):
 * returns NULL on success (the dialog closes) or a new message to show. */
typedef char *(*HrbExpertFunc) (HrbExpertDialog *dialog, gint64 item_id, double score,
                                const char *reason, gpointer user_data);

/* current: the item's expert score or NULL; label: the item, for the title. */
HrbExpertDialog *hrb_expert_dialog_new (GtkWindow *parent, gint64 item_id, const char *label,
                                        const HrbExpertScore *current, HrbExpertFunc func,
                                        gpointer user_data);
/* Tests: fills the fields and presses Save, or presses Remove. Returns the
 * message shown, or NULL when the dialog closed. */
const char      *hrb_expert_dialog_submit (HrbExpertDialog *self, double score, const char *reason);
const char      *hrb_expert_dialog_remove (HrbExpertDialog *self);
gboolean         hrb_expert_dialog_can_save (HrbExpertDialog *self);

/* The section of the side pane: an AdwPreferencesGroup with one row and an
 * Edit… button that activates action_name (e.g. "win.expert-score"). */
GtkWidget       *hrb_expert_section_new (const char *action_name);
/* Shows score (NULL: none); counted: whether the current method uses it. */
void             hrb_expert_section_set (GtkWidget *section, const HrbExpertScore *score,
                                         gboolean counted, gboolean has_item);
/* The row's text (tests): title and subtitle. */
char            *hrb_expert_section_get_text (GtkWidget *section);

G_END_DECLS
