/* hrb-method-editor.h: choosing, duplicating and editing scoring methods.
 *
 * A drop-down of the methods (the built-in Basis first, then the stored ones
 * and unsaved copies), Duplicate and Save; per criterion an expander row
 * with an "enabled" switch, the weight as a slider and a number (one
 * adjustment), and the anchors of log and linear transforms. A warning shows
 * when two active criteria count the same thing (budget impact together
 * with patients and cost per patient). The built-in method is read-only:
 * duplicate it to change it. Above the criteria, the eligibility rule's two
 * thresholds. A stored method that a frozen list used gets a
 * new version when saved.
 *
 * "method-changed" is emitted on every change (selection or edit), so a list
 * can re-rank live while a weight is dragged. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-scoring.h"

G_BEGIN_DECLS

#define HRB_TYPE_METHOD_EDITOR (hrb_method_editor_get_type ())
G_DECLARE_FINAL_TYPE (HrbMethodEditor, hrb_method_editor, HRB, METHOD_EDITOR, GtkBox)

GtkWidget       *hrb_method_editor_new (void);

/* Lists Basis and the stored methods; keeps unsaved copies. */
void             hrb_method_editor_set_store (HrbMethodEditor *self, HrbStore *store);
/* The method shown (valid or not: see hrb_method_editor_is_valid()). */
const HrbMethod *hrb_method_editor_get_method (HrbMethodEditor *self);
gboolean         hrb_method_editor_is_valid (HrbMethodEditor *self);
gboolean         hrb_method_editor_select (HrbMethodEditor *self, const char *name);
/* Copies the shown method under a new name (NULL: "NAME (copy)") and shows
 * the copy. Returns the new name (owned by the editor). */
const char      *hrb_method_editor_duplicate (HrbMethodEditor *self, const char *new_name);
/* What dragging the slider of a criterion does; FALSE when read-only or
 * unknown. */
gboolean         hrb_method_editor_set_weight (HrbMethodEditor *self, const char *criterion_id,
                                               double weight);
/* The eligibility rule: eligible when cost per patient ≥ the first or
 * budget impact ≥ the second (NAN or 0: that threshold is not used). FALSE
 * when read-only. */
gboolean         hrb_method_editor_set_eligibility (HrbMethodEditor *self, double min_cost_per_patient,
                                                    double min_budget_impact);
gboolean         hrb_method_editor_save (HrbMethodEditor *self, GError **error);
/* The double-counting warning shown, or NULL. */
const char      *hrb_method_editor_get_warning (HrbMethodEditor *self);

G_END_DECLS
