/* hrb-backup-ui.c: backup preferences and Restore from Backup…. */
#include "config.h"
#include "hrb-backup-ui.h"
#include "hrb-a11y.h"
#include "hrb-application.h"
#include "hrb-compat.h"

#include <glib/gi18n.h>

char *
hrb_backup_folder (GSettings *settings)
{
  g_autofree char *folder = hrb_settings_has_key (settings, "backup-folder")
                            ? g_settings_get_string (settings, "backup-folder") : NULL;

  return folder && folder[0] ? g_steal_pointer (&folder) : NULL;
}

guint
hrb_backup_keep (GSettings *settings)
{
  return hrb_settings_has_key (settings, "backup-keep") ? MAX (1, g_settings_get_int (settings, "backup-keep"))
                                           : HRB_STORE_DEFAULT_KEEP;
}

void
hrb_backup_add_preferences (AdwPreferencesPage *page, GSettings *settings)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *keep_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 100, 1);
  GtkWidget *folder_row = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Backups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("A copy of the database is made before every import and every update of the database."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (keep_row), _("Backups to keep"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  hrb_a11y_set_label (spin, _("Backups to keep"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (keep_row), spin);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (folder_row),
                                 _("Backup folder (empty: “backups” next to the database)"));
  hrb_a11y_set_label (folder_row, _("Backup folder"));
  if (hrb_settings_has_key (settings, "backup-keep"))
    g_settings_bind (settings, "backup-keep", spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (keep_row, FALSE);
  if (hrb_settings_has_key (settings, "backup-folder"))
    g_settings_bind (settings, "backup-folder", folder_row, "text", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (folder_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), keep_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), folder_row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

gboolean
hrb_backup_restore (HrbWindow *window, const char *backup_path, GError **error)
{
  HrbStore *store = hrb_window_get_store (window);

  if (hrb_window_is_loading (window))
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_BUSY, _("The lists are still loading; try again in a moment."));
      return FALSE;
    }
  if (!hrb_store_restore_from (store, backup_path, error))
    return FALSE;
  hrb_window_set_store (window, store);
  return TRUE;
}

typedef struct {
  HrbWindow *window;
  GtkWidget *dialog;
  char      *path;
} Restore;

static void
restore_free (Restore *r)
{
  g_free (r->path);
  g_free (r);
}

static void
confirmed_cb (const char *choice, gpointer user_data)
{
  Restore *r = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (choice, "restore") == 0)
    {
      if (hrb_backup_restore (r->window, r->path, &error))
        {
          hrb_window_add_toast (r->window, adw_toast_new (_("Database restored; the previous content was saved as a backup")));
          if (r->dialog)
            gtk_window_destroy (GTK_WINDOW (r->dialog));
        }
      else
        hrb_window_add_toast (r->window, adw_toast_new (error->message));
    }
  restore_free (r);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, gpointer user_data)
{
  GtkWidget *dialog = user_data;
  HrbWindow *window = g_object_get_data (G_OBJECT (dialog), "hrb-window");
  const char *path = g_object_get_data (G_OBJECT (row), "hrb-backup");
  Restore *r = g_new0 (Restore, 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *body = g_strdup_printf (_("The content of the database is replaced by the backup “%s”. "
                                             "The current content is saved as a backup first."), base);
  static const HrbChoice choices[] = {
    { "cancel", N_("_Cancel"), FALSE, FALSE },
    { "restore", N_("_Restore"), FALSE, TRUE },
  };
  HrbChoice translated[G_N_ELEMENTS (choices)];

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      translated[i] = choices[i];
      translated[i].label = _(choices[i].label);
    }
  r->window = window;
  r->dialog = dialog;
  r->path = g_strdup (path);
  hrb_compat_ask (GTK_WINDOW (dialog), _("Restore this backup?"), body, translated,
                  G_N_ELEMENTS (translated), "cancel", "cancel", confirmed_cb, r);
}

static void
restore_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbWindow *window = HRB_WINDOW (user_data);
  GSettings *settings = g_object_get_data (G_OBJECT (window), "hrb-backup-settings");
  g_autofree char *folder = hrb_backup_folder (settings);
  g_auto(GStrv) backups = hrb_store_list_backups (hrb_window_get_store (window), folder);
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore from Backup"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 480);
  g_object_set_data (G_OBJECT (dialog), "hrb-window", window);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Backups of this database"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Newest first. Activate one to restore it."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  hrb_a11y_set_label (list, _("Backups of this database"));
  for (guint i = 0; backups[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *base = g_path_get_basename (backups[i]);
      g_autofree char *dir = g_path_get_dirname (backups[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "hrb-backup", g_strdup (backups[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (backups[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), dialog);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hrb_backup_install (HrbWindow *window, GSettings *settings)
{
  static const GActionEntry actions[] = { { "restore-backup", restore_action_cb } };
  GMenu *section = hrb_window_get_menu_section (window, "file");

  g_return_if_fail (HRB_IS_WINDOW (window));
  if (settings)
    g_object_set_data_full (G_OBJECT (window), "hrb-backup-settings", g_object_ref (settings), g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
  if (section)
    g_menu_append (section, _("Restore from _Backup…"), "win.restore-backup");
}
