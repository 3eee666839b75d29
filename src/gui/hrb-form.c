/* hrb-form.c: the frame of the small form dialogs. */
#include "config.h"
#include "hrb-form.h"

#include <glib/gi18n.h>

static void
cancel_cb (GtkButton *button, GtkWindow *window)
{
  gtk_window_close (window);
}

void
hrb_form_build (AdwWindow *window, const char *title, const char *intro, const char *action_label,
                GCallback action_cb, gpointer data, HrbForm *form)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_window_set_title (GTK_WINDOW (window), title);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_cb), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  form->action = gtk_button_new_with_mnemonic (action_label);
  gtk_widget_add_css_class (form->action, "suggested-action");
  g_signal_connect (form->action, "clicked", action_cb, data);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->action);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  form->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (form->content, 18);
  gtk_widget_set_margin_end (form->content, 18);
  gtk_widget_set_margin_top (form->content, 12);
  gtk_widget_set_margin_bottom (form->content, 18);
  if (intro != NULL)
    {
      GtkWidget *label = gtk_label_new (intro);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (form->content), label);
    }
  gtk_box_append (GTK_BOX (box), form->content);

  form->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->message), 0);
  gtk_widget_add_css_class (form->message, "error");
  gtk_widget_set_visible (form->message, FALSE);

  adw_window_set_content (window, box);
  gtk_window_set_default_widget (GTK_WINDOW (window), form->action);
}

void
hrb_form_show_message (HrbForm *form, const char *message)
{
  gtk_label_set_text (GTK_LABEL (form->message), message ? message : "");
  gtk_widget_set_visible (form->message, message != NULL);
}
