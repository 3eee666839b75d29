/* hrb-form.h: the frame of the small form dialogs (Freeze List, Expert
 * Score): a header bar with Cancel and the dialog's own action, a content
 * box with the usual margins, an intro text and a place for an error. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct {
  GtkWidget *content;    /* vertical box: add the fields here */
  GtkWidget *action;     /* the suggested-action button in the header */
  GtkWidget *message;    /* an error label, hidden: append it after the fields */
} HrbForm;

/* Fills window (an AdwWindow) with the frame. Cancel closes it (the
 * dialog class binds Escape to window.close);
 * action_label (with mnemonic) is the default button and calls action_cb
 * with data. intro (may be NULL) opens the content. */
void hrb_form_build (AdwWindow *window, const char *title, const char *intro,
                     const char *action_label, GCallback action_cb, gpointer data, HrbForm *form);
/* Shows message under the fields (NULL hides it). */
void hrb_form_show_message (HrbForm *form, const char *message);

G_END_DECLS
