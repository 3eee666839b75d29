/* hrb-compat.c: wrappers around APIs that later versions deprecate. */
#include "config.h"
#include "hrb-compat.h"

#include <glib/gi18n.h>

/* Message dialogs --------------------------------------------------------- */

typedef struct {
  HrbChoiceFunc callback;
  gpointer      user_data;
} AskData;

static void
ask_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  AskData *data = user_data;

  if (data->callback)
    data->callback (response, data->user_data);
  g_free (data);
}

GtkWidget *
hrb_compat_ask (GtkWindow       *parent,
                const char      *heading,
                const char      *body,
                const HrbChoice *choices,
                guint            n_choices,
                const char      *default_id,
                const char      *close_id,
                HrbChoiceFunc    callback,
                gpointer         user_data)
{
  AdwMessageDialog *dialog;
  AskData *data = g_new0 (AskData, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  for (guint i = 0; i < n_choices; i++)
    {
      adw_message_dialog_add_response (dialog, choices[i].id, choices[i].label);
      if (choices[i].suggested)
        adw_message_dialog_set_response_appearance (dialog, choices[i].id, ADW_RESPONSE_SUGGESTED);
      else if (choices[i].destructive)
        adw_message_dialog_set_response_appearance (dialog, choices[i].id, ADW_RESPONSE_DESTRUCTIVE);
    }
  if (default_id)
    adw_message_dialog_set_default_response (dialog, default_id);
  if (close_id)
    adw_message_dialog_set_close_response (dialog, close_id);

  data->callback = callback;
  data->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), data);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* About ------------------------------------------------------------------- */

void
hrb_compat_show_about (GtkWindow *parent)
{
  const char *developers[] = { "Herbeoordeling contributors", NULL };
  const char *sources[] = {
    "Zorginstituut Nederland — Horizonscan Geneesmiddelen https://www.horizonscangeneesmiddelen.nl",
    "Zorginstituut Nederland — GIPdatabank https://www.gipdatabank.nl",
    "European Medicines Agency — EPAR medicines https://www.ema.europa.eu",
    NULL
  };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "modal", TRUE,
                "application-name", _("Herbeoordeling"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "comments", _("Periodic reassessment of expensive medicines: "
                              "prospective and retrospective lists, prioritisation "
                              "and dossiers."),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "translator-credits", _("translator-credits"),
                NULL);
  /* The public data the importers read. */
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Data sources"), sources);
  gtk_window_present (GTK_WINDOW (about));
}

/* Preferences -------------------------------------------------------------- */

GtkWidget *
hrb_compat_preferences_new (GtkWindow *parent, GtkWidget *first_page, ...)
{
  GtkWidget *window = adw_preferences_window_new ();
  va_list args;

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  va_start (args, first_page);
  for (GtkWidget *page = first_page; page != NULL; page = va_arg (args, GtkWidget *))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  va_end (args);
  return window;
}

/* File choosers ----------------------------------------------------------- */

typedef struct {
  HrbFileFunc callback;
  gpointer    user_data;
} ChooseData;

static void
choose_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  ChooseData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  data->callback (file, data->user_data);
  g_free (data);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
hrb_compat_choose_file (GtkWindow     *parent,
                        const char    *title,
                        gboolean       save,
                        const char    *accept_label,
                        const char    *suggested_name,
                        GtkFileFilter *filter,
                        HrbFileFunc    callback,
                        gpointer       user_data)
{
  GtkFileChooserNative *native;
  ChooseData *data = g_new0 (ChooseData, 1);

  native = gtk_file_chooser_native_new (title, parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (save && suggested_name)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  data->callback = callback;
  data->user_data = user_data;
  g_signal_connect (native, "response", G_CALLBACK (choose_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Primary sort column ----------------------------------------------------- */

/* GTK 4.8 does not say which column a GtkColumnView sorts by. The column
 * view's sorter asks its columns' sorters in order (primary first) and
 * inverts the answer for descending columns. In probe mode our column
 * sorters record who is asked first and answer "smaller", which reveals the
 * primary column and its direction. Main thread only. */
typedef struct {
  GCompareDataFunc compare;
  gpointer         user_data;
  GDestroyNotify   destroy;
  GtkSorter       *sorter;   /* unowned */
} ColumnSorter;

static gboolean   probing;
static GtkSorter *probe_first;

static int
column_sorter_compare_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  ColumnSorter *cs = user_data;

  if (G_UNLIKELY (probing))
    {
      if (probe_first == NULL)
        probe_first = cs->sorter;
      return GTK_ORDERING_SMALLER;
    }
  return cs->compare (a, b, cs->user_data);
}

static void
column_sorter_free (gpointer data)
{
  ColumnSorter *cs = data;

  if (cs->destroy)
    cs->destroy (cs->user_data);
  g_free (cs);
}

GtkSorter *
hrb_compat_column_sorter_new (GCompareDataFunc compare,
                              gpointer         user_data,
                              GDestroyNotify   destroy)
{
  ColumnSorter *cs = g_new0 (ColumnSorter, 1);
  GtkCustomSorter *sorter;

  cs->compare = compare;
  cs->user_data = user_data;
  cs->destroy = destroy;
  sorter = gtk_custom_sorter_new (column_sorter_compare_cb, cs, column_sorter_free);
  cs->sorter = GTK_SORTER (sorter);
  return GTK_SORTER (sorter);
}

GtkColumnViewColumn *
hrb_compat_column_view_get_primary_sort (GtkColumnView *view, GtkSortType *order)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GListModel *columns;
  GtkOrdering result;
  GtkColumnViewColumn *found = NULL;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  probing = TRUE;
  probe_first = NULL;
  result = gtk_sorter_compare (gtk_column_view_get_sorter (view), a, b);
  probing = FALSE;

  if (probe_first == NULL)
    return NULL;
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns) && found == NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_sorter (column) == probe_first)
        found = column;
    }
  probe_first = NULL;
  if (order)
    *order = result == GTK_ORDERING_LARGER ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
  return found;
}
