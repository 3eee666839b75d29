/* hrb-a11y.h: accessible names where GTK 4.8 does not pass them on.
 *
 * GTK 4.8 gives the internal button of a GtkDropDown, the inner list of a
 * GtkColumnView and the title button of a GtkExpander no name of their own,
 * so a screen reader announces "GtkToggleButton". These helpers name the
 * widget and its internal part in one call. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets the accessible label of widget and, for a GtkDropDown, GtkColumnView
 * or GtkExpander, of the internal part that receives focus. */
void hrb_a11y_set_label (GtkWidget *widget, const char *label);

/* Names a list row (GtkListBoxRow, GtkFlowBoxChild, …) after the text of the
 * labels inside it, joined with ", ". */
void hrb_a11y_label_from_content (GtkWidget *row);

/* Names the internal list and header row of an AdwExpanderRow (or any row
 * that wraps its own GtkListBox). */
void hrb_a11y_label_expander_row (GtkWidget *row, const char *label);

/* For a dialog built in code or from a template: names the pop-up lists of
 * its AdwComboRows after their titles, and each unnamed-by-us GtkListBox
 * after the title of the preferences group or row around it. */
void hrb_a11y_fix_tree (GtkWidget *root);

G_END_DECLS
