/* hrb-application.c: application startup, database choice, app actions. */
#include "config.h"
#include "hrb-application.h"
#include "hrb-import-assistant.h"
#include "hrb-recent.h"
#include "hrb-backup-ui.h"
#include "hrb-prioritisation-prefs.h"
#include "hrb-compat.h"
#include "hrb-demo.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

struct _HrbApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (HrbApplication, hrb_application, ADW_TYPE_APPLICATION)

enum { SIGNAL_WINDOW_CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void show_open_error (HrbApplication *self, const char *path, const GError *error);

char *
hrb_application_default_db_path (void)
{
  const char *env = g_getenv ("HERBEOORDELING_DB");

  if (env && env[0])
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "herbeoordeling", "herbeoordeling.db", NULL);
}

GSettings *
hrb_application_get_settings (HrbApplication *self)
{
  g_return_val_if_fail (HRB_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
apply_author (HrbApplication *self, HrbStore *store)
{
  g_autofree char *author = NULL;

  if (self->settings)
    author = g_settings_get_string (self->settings, "author-name");
  /* Empty: the store keeps its default, the login's real name. */
  if (author && author[0])
    hrb_store_set_author (store, author);
}

static HrbStore *
open_store (const char *path, gboolean demo_if_new, GError **error)
{
  gboolean is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(HrbStore) store = NULL;

  if (is_new)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }
  store = hrb_store_open (path, error);
  if (store == NULL)
    return NULL;
  if (is_new && demo_if_new && !hrb_demo_load (store, error))
    {
      g_prefix_error (error, _("Cannot load the demo data: "));
      return NULL;
    }
  return g_steal_pointer (&store);
}

HrbWindow *
hrb_application_open_database (HrbApplication *self, const char *path, gboolean demo_if_new)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = NULL;
  HrbWindow *window;

  g_return_val_if_fail (HRB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  store = open_store (path, demo_if_new, &error);
  if (store == NULL)
    {
      show_open_error (self, path, error);
      return NULL;
    }
  apply_author (self, store);
  hrb_recent_remember (self->settings, path);
  window = hrb_window_new (GTK_APPLICATION (self), store);
  hrb_recent_install (self, window);
  hrb_backup_install (window, self->settings);
  hrb_prioritisation_follow_settings (window, self->settings);
  g_signal_emit (self, signals[SIGNAL_WINDOW_CREATED], 0, window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

gboolean
hrb_application_open_in_window (HrbApplication *self,
                                HrbWindow      *window,
                                const char     *path,
                                gboolean        create)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = NULL;

  g_return_val_if_fail (HRB_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (HRB_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                 _("The file already exists and is left as it is. Choose a new name."));
  else if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("The file does not exist."));
  else
    store = open_store (path, FALSE, &error);
  if (store == NULL)
    {
      show_open_error (self, path, error);
      return FALSE;
    }
  apply_author (self, store);
  hrb_recent_remember (self->settings, path);
  hrb_window_set_store (window, store);
  return TRUE;
}

/* When the database cannot be used ---------------------------------------- */

static void
chosen_other_cb (GFile *file, gpointer user_data)
{
  HrbApplication *self = user_data;

  if (file)
    {
      g_autofree char *path = g_file_get_path (file);
      hrb_application_open_database (self, path, FALSE);
    }
  g_application_release (G_APPLICATION (self));
}

static void
chosen_new_cb (GFile *file, gpointer user_data)
{
  HrbApplication *self = user_data;

  if (file)
    {
      g_autofree char *path = g_file_get_path (file);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GError) error =
            g_error_new (G_FILE_ERROR, G_FILE_ERROR_EXIST,
                         _("The file already exists and is left as it is. Choose a new name."));
          show_open_error (self, path, error);
        }
      else
        hrb_application_open_database (self, path, FALSE);
    }
  g_application_release (G_APPLICATION (self));
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Herbeoordeling databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
open_error_choice_cb (const char *choice, gpointer user_data)
{
  HrbApplication *self = user_data;
  g_autoptr(GtkFileFilter) filter = database_filter ();

  if (g_strcmp0 (choice, "open") == 0)
    {
      g_application_hold (G_APPLICATION (self));
      hrb_compat_choose_file (NULL, _("Open a Database"), FALSE, _("_Open"), NULL, filter,
                              chosen_other_cb, self);
    }
  else if (g_strcmp0 (choice, "new") == 0)
    {
      g_application_hold (G_APPLICATION (self));
      hrb_compat_choose_file (NULL, _("New Database"), TRUE, _("C_reate"), "herbeoordeling.db", filter,
                              chosen_new_cb, self);
    }
  g_application_release (G_APPLICATION (self));
}

static void
show_open_error (HrbApplication *self, const char *path, const GError *error)
{
  static const HrbChoice choices[] = {
    { "quit", N_("_Quit"), FALSE, FALSE },
    { "new", N_("_Start a New One…"), FALSE, FALSE },
    { "open", N_("_Open Another…"), TRUE, FALSE },
  };
  HrbChoice translated[G_N_ELEMENTS (choices)];
  g_autofree char *body = NULL;
  const char *advice;

  if (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NEWER))
    advice = _("Update Herbeoordeling to use this database. The file has not been changed.");
  else
    advice = _("The file has not been changed. Open another database or start a new one.");

  /* The store's message usually names the file; else name it here. */
  if (strstr (error->message, path) != NULL)
    body = g_strdup_printf ("%s\n\n%s", error->message, advice);
  else
    body = g_strdup_printf ("%s: %s\n\n%s", path, error->message, advice);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      translated[i] = choices[i];
      translated[i].label = _(choices[i].label);
    }
  g_printerr ("herbeoordeling: %s: %s\n", path, error->message);
  g_application_hold (G_APPLICATION (self));
  hrb_compat_ask (gtk_application_get_active_window (GTK_APPLICATION (self)),
                  _("Cannot Open the Database"), body,
                  translated, G_N_ELEMENTS (translated), "open", "quit",
                  open_error_choice_cb, self);
}

/* Application -------------------------------------------------------------- */

static void
quit_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close windows first so that they save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
  g_application_quit (app);
}

static void
author_changed_cb (GtkEditable *editable, HrbApplication *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  g_settings_set_string (self->settings, "author-name", name);
  /* Open databases write the new name from now on. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (HRB_IS_WINDOW (l->data) && hrb_window_get_store (l->data))
      hrb_store_set_author (hrb_window_get_store (l->data), name[0] ? name : g_get_real_name ());
}

static void
preferences_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbApplication *self = HRB_APPLICATION (user_data);
  GtkWidget *page, *group, *row, *window;
  g_autofree char *author = NULL;

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Change History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Every change is recorded with this name. Leave it empty to use "
                                           "the name of your login."));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name"), -1);
  author = self->settings ? g_settings_get_string (self->settings, "author-name") : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (row), author);
  gtk_widget_set_sensitive (row, self->settings != NULL);
  if (self->settings)
    g_signal_connect (row, "changed", G_CALLBACK (author_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  hrb_prioritisation_add_preferences (ADW_PREFERENCES_PAGE (page), self->settings);
  hrb_backup_add_preferences (ADW_PREFERENCES_PAGE (page), self->settings);

  window = hrb_compat_preferences_new (gtk_application_get_active_window (GTK_APPLICATION (self)), page, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct {
  HrbApplication *app;
  HrbWindow      *window;
  gboolean        create;
} ChooseDatabase;

static void
database_chosen_cb (GFile *file, gpointer user_data)
{
  ChooseDatabase *cd = user_data;

  if (file)
    {
      g_autofree char *path = g_file_get_path (file);
      hrb_application_open_in_window (cd->app, cd->window, path, cd->create);
    }
  g_object_unref (cd->window);
  g_free (cd);
}

static void
choose_database (HrbApplication *self, gboolean create)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = database_filter ();
  ChooseDatabase *cd;

  if (!HRB_IS_WINDOW (active))
    return;
  cd = g_new0 (ChooseDatabase, 1);
  cd->app = self;
  cd->window = g_object_ref (HRB_WINDOW (active));
  cd->create = create;
  if (create)
    hrb_compat_choose_file (active, _("New Database"), TRUE, _("C_reate"), "herbeoordeling.db",
                            filter, database_chosen_cb, cd);
  else
    hrb_compat_choose_file (active, _("Open a Database"), FALSE, _("_Open"), NULL,
                            filter, database_chosen_cb, cd);
}

static void
open_database_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  choose_database (HRB_APPLICATION (user_data), FALSE);
}

static void
new_database_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  choose_database (HRB_APPLICATION (user_data), TRUE);
}

static void
about_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  hrb_compat_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

gboolean
hrb_settings_has_key (GSettings *settings, const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

/* The user guide (F1): the installed copy, or the source tree's in the
 * development environment (HRB_HELP_DIR). */
char *
hrb_application_help_path (void)
{
  const char *dir = g_getenv ("HRB_HELP_DIR");

  return g_build_filename (dir && *dir ? dir : PKGDATADIR "/help", "nl", "index.html", NULL);
}

static void
help_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *path = hrb_application_help_path ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || uri == NULL)
    {
      if (HRB_IS_WINDOW (window))
        hrb_window_add_toast (HRB_WINDOW (window), adw_toast_new (_("The guide is not installed")));
      return;
    }
  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "help", help_action_cb },
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "open-database", open_database_action_cb },
  { "new-database", new_database_action_cb },
};

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr ("herbeoordeling: the settings schema %s is not installed; "
                  "window size and sort order will not be remembered\n", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
hrb_application_startup (GApplication *app)
{
  HrbApplication *self = HRB_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (hrb_application_parent_class)->startup (app);

  self->settings = load_settings ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.help", (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.search", (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.open-database", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-item", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", "<Control>slash", NULL });
}

static void
hrb_application_activate (GApplication *app)
{
  HrbApplication *self = HRB_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window)
    {
      gtk_window_present (window);
      return;
    }
  path = hrb_application_default_db_path ();
  hrb_application_open_database (self, path, TRUE);
}

/* Files given on the command line or by "Open With" go to the import
 * assistant, once the window has its items. */
static void
import_when_loaded (HrbWindow *window, GFile *file)
{
  HrbImportAssistant *assistant = hrb_import_assistant_new (window, file);

  gtk_window_present (GTK_WINDOW (assistant));
}

static void
items_loaded_cb (HrbWindow *window, gpointer user_data)
{
  GFile *file = user_data;

  g_signal_handlers_disconnect_by_func (window, items_loaded_cb, user_data);
  import_when_loaded (window, file);
  g_object_unref (file);
}

static void
hrb_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  HrbWindow *window;

  g_application_activate (app);
  window = HRB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (window == NULL || n_files < 1)
    return;
  if (hrb_window_is_loading (window))
    g_signal_connect (window, "items-loaded", G_CALLBACK (items_loaded_cb), g_object_ref (files[0]));
  else
    import_when_loaded (window, files[0]);
}

static void
hrb_application_dispose (GObject *object)
{
  HrbApplication *self = HRB_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hrb_application_parent_class)->dispose (object);
}

static void
hrb_application_class_init (HrbApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_application_dispose;
  G_APPLICATION_CLASS (klass)->startup = hrb_application_startup;
  G_APPLICATION_CLASS (klass)->activate = hrb_application_activate;
  G_APPLICATION_CLASS (klass)->open = hrb_application_open;

  /* Emitted for every new main window, before it is shown: the place to
   * add pages, menu entries and side-pane sections. */
  signals[SIGNAL_WINDOW_CREATED] =
    g_signal_new ("window-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HRB_TYPE_WINDOW);
}

static void
hrb_application_init (HrbApplication *self)
{
}

HrbApplication *
hrb_application_new (void)
{
  return g_object_new (HRB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/nl/herbeoordeling/Herbeoordeling",
                       NULL);
}
