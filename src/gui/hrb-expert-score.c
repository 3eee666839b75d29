/* hrb-expert-score.c: the expert score section and its dialog. */
#include "config.h"
#include "hrb-expert-score.h"
#include "hrb-form.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hrb-format.h"

struct _HrbExpertDialog
{
  AdwWindow      parent_instance;

  gint64         item_id;
  HrbExpertFunc  func;
  gpointer       user_data;
  GtkWidget     *score;
  GtkWidget     *reason;
  GtkWidget     *message;
  GtkWidget     *save_button;
  GtkWidget     *remove_button;
  char          *last_error;
};

G_DEFINE_FINAL_TYPE (HrbExpertDialog, hrb_expert_dialog, ADW_TYPE_WINDOW)

static void
hrb_expert_dialog_finalize (GObject *object)
{
  g_free (HRB_EXPERT_DIALOG (object)->last_error);
  G_OBJECT_CLASS (hrb_expert_dialog_parent_class)->finalize (object);
}

static void
hrb_expert_dialog_class_init (HrbExpertDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_expert_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hrb_expert_dialog_init (HrbExpertDialog *self)
{
}

static gboolean
blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
hrb_expert_dialog_can_save (HrbExpertDialog *self)
{
  g_return_val_if_fail (HRB_IS_EXPERT_DIALOG (self), FALSE);
  return gtk_widget_get_sensitive (self->save_button);
}

static void
reason_changed_cb (GtkEditable *editable, HrbExpertDialog *self)
{
  /* The reason is what makes a manual score defensible: it is required. */
  gtk_widget_set_sensitive (self->save_button, !blank (gtk_editable_get_text (editable)));
}

/* Calls the owner; closes on success, else shows the message. */
static void
finish (HrbExpertDialog *self, double score, const char *reason)
{
  g_autofree char *message = self->func (self, self->item_id, score, reason, self->user_data);

  g_clear_pointer (&self->last_error, g_free);
  if (message == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  gtk_label_set_text (GTK_LABEL (self->message), message);
  gtk_widget_set_visible (self->message, TRUE);
  self->last_error = g_steal_pointer (&message);
}

static void
save_cb (GtkButton *button, HrbExpertDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));

  finish (self, gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->score)), reason);
}

static void
remove_cb (GtkButton *button, HrbExpertDialog *self)
{
  finish (self, NAN, NULL);
}

HrbExpertDialog *
hrb_expert_dialog_new (GtkWindow *parent, gint64 item_id, const char *label, const HrbExpertScore *current,
                       HrbExpertFunc func, gpointer user_data)
{
  HrbExpertDialog *self = g_object_new (HRB_TYPE_EXPERT_DIALOG, "modal", TRUE, "transient-for", parent,
                                        "default-width", 460, "destroy-with-parent", TRUE, NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *score_row = adw_action_row_new ();
  g_autofree char *text = NULL;
  HrbForm form;

  self->item_id = item_id;
  self->func = func;
  self->user_data = user_data;
  /* TRANSLATORS: %s is the item, e.g. "Voxzogo (vosoritide): Achondroplasie". */
  text = g_strdup_printf (_("A manual score from 0 to 100 for %s, with the reason the committee can "
                            "read back. It counts in methods with the criterion Expert score."),
                          label);
  hrb_form_build (ADW_WINDOW (self), _("Expert Score"), text, _("_Save"), G_CALLBACK (save_cb), self, &form);
  self->save_button = form.action;
  self->message = form.message;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Expert Score"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (score_row), _("Score (0 to 100)"));
  self->score = gtk_spin_button_new_with_range (0, 100, 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->score), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->score), current ? current->score : 50);
  gtk_widget_set_valign (self->score, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Score (0 to 100)"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (score_row), self->score);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (score_row), self->score);
  self->reason = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason), _("Reason (required)"));
  gtk_editable_set_text (GTK_EDITABLE (self->reason), current && current->reason ? current->reason : "");
  gtk_list_box_append (GTK_LIST_BOX (list), score_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->reason);
  gtk_box_append (GTK_BOX (form.content), list);
  gtk_box_append (GTK_BOX (form.content), self->message);
  g_signal_connect (self->reason, "changed", G_CALLBACK (reason_changed_cb), self);

  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove Expert Score"));
  gtk_widget_add_css_class (self->remove_button, "destructive-action");
  gtk_widget_set_halign (self->remove_button, GTK_ALIGN_START);
  gtk_widget_set_visible (self->remove_button, current != NULL);
  g_signal_connect (self->remove_button, "clicked", G_CALLBACK (remove_cb), self);
  gtk_box_append (GTK_BOX (form.content), self->remove_button);

  reason_changed_cb (GTK_EDITABLE (self->reason), self);
  gtk_widget_grab_focus (self->score);
  return self;
}

static const char *
after_click (HrbExpertDialog *self)
{
  /* On success the dialog closes (and goes): nothing to return then. */
  return self->last_error && gtk_widget_get_visible (GTK_WIDGET (self)) ? self->last_error : NULL;
}

const char *
hrb_expert_dialog_submit (HrbExpertDialog *self, double score, const char *reason)
{
  const char *result;

  g_return_val_if_fail (HRB_IS_EXPERT_DIALOG (self), NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->score), score);
  gtk_editable_set_text (GTK_EDITABLE (self->reason), reason ? reason : "");
  if (!gtk_widget_get_sensitive (self->save_button))
    return _("A reason is required.");
  g_object_ref (self);
  save_cb (GTK_BUTTON (self->save_button), self);
  result = after_click (self);
  g_object_unref (self);
  return result;
}

const char *
hrb_expert_dialog_remove (HrbExpertDialog *self)
{
  const char *result;

  g_return_val_if_fail (HRB_IS_EXPERT_DIALOG (self), NULL);
  g_object_ref (self);
  remove_cb (GTK_BUTTON (self->remove_button), self);
  result = after_click (self);
  g_object_unref (self);
  return result;
}

/* The section ------------------------------------------------------------------ */

GtkWidget *
hrb_expert_section_new (const char *action_name)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Expert Score"));
  /* Reasons are plain text (an "&" or "<" stays as typed). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not set"));
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit the expert score"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (group), "hrb-expert-row", row);
  g_object_set_data (G_OBJECT (group), "hrb-expert-edit", edit);
  gtk_widget_set_name (group, "expert-score");
  return group;
}

void
hrb_expert_section_set (GtkWidget *section, const HrbExpertScore *score, gboolean counted, gboolean has_item)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (section), "hrb-expert-row");
  GtkWidget *edit = g_object_get_data (G_OBJECT (section), "hrb-expert-edit");
  const char *counts = counted ? _("The current method counts it.")
                               : _("The current method does not count it (a copied method can).");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL, *when = NULL;

  g_return_if_fail (row != NULL);
  gtk_widget_set_sensitive (edit, has_item);
  if (score == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not set"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
      return;
    }
  {
    HrbNumberFormat fmt;
    g_autofree char *number = NULL;

    hrb_number_format_current (&fmt);
    number = hrb_format_number (&fmt, score->score, 0);
    /* TRANSLATORS: the expert score and its reason, e.g. "60 — unmet need in children". */
    title = g_strdup_printf (_("%s — %s"), number, score->reason ? score->reason : "");
  }
  /* TRANSLATORS: who set the expert score and when, then whether it counts. */
  day = score->set_at ? g_strndup (score->set_at, 10) : NULL;
  when = day ? hrb_format_date (day) : g_strdup ("–");
  subtitle = g_strdup_printf (_("Set by %s on %s. %s"),
                              score->author && *score->author ? score->author : _("unknown"), when, counts);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

char *
hrb_expert_section_get_text (GtkWidget *section)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (section), "hrb-expert-row");

  g_return_val_if_fail (row != NULL, NULL);
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}
