/* hrb-freeze-dialog.c: the dialog of "Freeze List". */
#include "config.h"
#include "hrb-freeze-dialog.h"
#include "hrb-form.h"

#include <glib/gi18n.h>

struct _HrbFreezeDialog
{
  AdwWindow      parent_instance;

  HrbStream      stream;
  HrbFreezeFunc  func;
  gpointer       user_data;
  GtkWidget     *name;
  GtkWidget     *date;
  GtkWidget     *remark;
  GtkWidget     *message;
  GtkWidget     *freeze_button;
  char          *last_error;
};

G_DEFINE_FINAL_TYPE (HrbFreezeDialog, hrb_freeze_dialog, ADW_TYPE_WINDOW)

static void
hrb_freeze_dialog_finalize (GObject *object)
{
  g_free (HRB_FREEZE_DIALOG (object)->last_error);
  G_OBJECT_CLASS (hrb_freeze_dialog_parent_class)->finalize (object);
}

static void
hrb_freeze_dialog_class_init (HrbFreezeDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_freeze_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
update_sensitive (HrbFreezeDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name));
  gboolean blank = TRUE;

  for (const char *p = name; p && *p; p++)
    if (!g_ascii_isspace (*p))
      blank = FALSE;
  gtk_widget_set_sensitive (self->freeze_button, !blank);
}

static void
name_changed_cb (GtkEditable *editable, HrbFreezeDialog *self)
{
  update_sensitive (self);
}

static void
freeze_cb (GtkButton *button, HrbFreezeDialog *self)
{
  g_autofree char *message = NULL;
  const char *remark = gtk_editable_get_text (GTK_EDITABLE (self->remark));

  message = self->func (self, gtk_editable_get_text (GTK_EDITABLE (self->name)),
                        gtk_editable_get_text (GTK_EDITABLE (self->date)),
                        remark && *remark ? remark : NULL, self->user_data);
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
hrb_freeze_dialog_init (HrbFreezeDialog *self)
{
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

HrbFreezeDialog *
hrb_freeze_dialog_new (GtkWindow *parent, HrbStream stream, const char *method_label,
                       HrbFreezeFunc func, gpointer user_data)
{
  HrbFreezeDialog *self = g_object_new (HRB_TYPE_FREEZE_DIALOG, "modal", TRUE, "transient-for", parent,
                                        "default-width", 460, "destroy-with-parent", TRUE, NULL);
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = NULL;
  HrbForm form;

  self->stream = stream;
  self->func = func;
  self->user_data = user_data;
  /* TRANSLATORS: %s is the list (Prospective or Retrospective), then the method. */
  text = g_strdup_printf (_("Freezes the ranking of the %s list as it is now, with its figures, "
                            "scored with %s. Later imports and edits do not change it."),
                          hrb_stream_label (stream), method_label);
  hrb_form_build (ADW_WINDOW (self), _("Freeze List"), text, _("_Freeze"), G_CALLBACK (freeze_cb), self,
                  &form);
  self->freeze_button = form.action;
  self->message = form.message;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->name = entry_row (_("Name"));
  self->date = entry_row (_("Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->date), today);
  self->remark = entry_row (_("Remark"));
  gtk_list_box_append (GTK_LIST_BOX (list), self->name);
  gtk_list_box_append (GTK_LIST_BOX (list), self->date);
  gtk_list_box_append (GTK_LIST_BOX (list), self->remark);
  gtk_box_append (GTK_BOX (form.content), list);
  gtk_box_append (GTK_BOX (form.content), self->message);
  g_signal_connect (self->name, "changed", G_CALLBACK (name_changed_cb), self);
  update_sensitive (self);
  gtk_widget_grab_focus (self->name);
  return self;
}

HrbStream
hrb_freeze_dialog_get_stream (HrbFreezeDialog *self)
{
  g_return_val_if_fail (HRB_IS_FREEZE_DIALOG (self), HRB_STREAM_PROSPECTIVE);
  return self->stream;
}

const char *
hrb_freeze_dialog_submit (HrbFreezeDialog *self, const char *name, const char *date, const char *remark)
{
  const char *result;

  g_return_val_if_fail (HRB_IS_FREEZE_DIALOG (self), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->remark), remark ? remark : "");
  /* On success the dialog closes (and goes): nothing to return then. */
  g_object_ref (self);
  freeze_cb (GTK_BUTTON (self->freeze_button), self);
  result = self->last_error && gtk_widget_get_visible (GTK_WIDGET (self)) ? self->last_error : NULL;
  g_object_unref (self);
  return result;
}
