/* hrb-compat.h: the few APIs that later GTK/libadwaita versions replace.
 *
 * Porting to GTK 4.10+ / libadwaita 1.5+ is a change in hrb-compat.c only:
 *  - message dialogs (AdwMessageDialog → AdwAlertDialog),
 *  - the about window (AdwAboutWindow → AdwAboutDialog),
 *  - file choosers (GtkFileChooserNative → GtkFileDialog),
 *  - the primary sort column of a column view
 *    (→ gtk_column_view_sorter_get_primary_sort_column, GTK 4.10). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One button of a message dialog. */
typedef struct {
  const char *id;
  const char *label;           /* translated, with mnemonic */
  gboolean    suggested;
  gboolean    destructive;
} HrbChoice;

/* Called with the id of the chosen button (the close id when dismissed). */
typedef void (*HrbChoiceFunc) (const char *choice, gpointer user_data);

/* A modal message dialog; returns the dialog widget (owned by GTK). */
GtkWidget *hrb_compat_ask (GtkWindow       *parent,
                           const char      *heading,
                           const char      *body,
                           const HrbChoice *choices,
                           guint            n_choices,
                           const char      *default_id,
                           const char      *close_id,
                           HrbChoiceFunc    callback,
                           gpointer         user_data);

void       hrb_compat_show_about (GtkWindow *parent);

/* A preferences window (AdwPreferencesWindow; AdwPreferencesDialog in 1.5)
 * holding the given pages (AdwPreferencesPage), transient for parent. */
GtkWidget *hrb_compat_preferences_new (GtkWindow *parent, GtkWidget *first_page, ...) G_GNUC_NULL_TERMINATED;

/* Called with the chosen file, or NULL when cancelled. */
typedef void (*HrbFileFunc) (GFile *file, gpointer user_data);

void       hrb_compat_choose_file (GtkWindow     *parent,
                                   const char    *title,
                                   gboolean       save,
                                   const char    *accept_label,
                                   const char    *suggested_name,
                                   GtkFileFilter *filter,
                                   HrbFileFunc    callback,
                                   gpointer       user_data);

/* A column sorter whose column the helper below can recognise. */
GtkSorter *hrb_compat_column_sorter_new (GCompareDataFunc compare,
                                         gpointer         user_data,
                                         GDestroyNotify   destroy);

/* The primary sort column (NULL when unsorted) and its direction. Works
 * for columns whose sorters come from hrb_compat_column_sorter_new(). */
GtkColumnViewColumn *hrb_compat_column_view_get_primary_sort (GtkColumnView *view,
                                                              GtkSortType   *order);

G_END_DECLS
