/* hrb-recent.c: the recently opened databases in the primary menu. */
#include "config.h"
#include "hrb-recent.h"

#include <glib/gi18n.h>

#define KEY "recent-databases"

void
hrb_recent_remember (GSettings *settings, const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) now = NULL;
  g_autofree char *abs = NULL;
  guint n = 1;

  if (!hrb_settings_has_key (settings, KEY) || path == NULL || g_strcmp0 (path, ":memory:") == 0)
    return;
  abs = g_canonicalize_filename (path, NULL);
  g_strv_builder_add (builder, abs);
  old = g_settings_get_strv (settings, KEY);
  for (guint i = 0; old[i] != NULL && n < HRB_RECENT_MAX; i++)
    if (g_strcmp0 (old[i], abs) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  now = g_strv_builder_end (builder);
  g_settings_set_strv (settings, KEY, (const char * const *) now);
}

static void
fill_menu (GMenu *menu, GSettings *settings)
{
  g_auto(GStrv) paths = g_settings_get_strv (settings, KEY);

  g_menu_remove_all (menu);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autofree char *dir = g_path_get_dirname (paths[i]);
      g_autofree char *label = g_strdup_printf ("%s (%s)", base, dir);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (paths[i]));
      g_menu_append_item (menu, item);
    }
}

static void
recent_changed_cb (GSettings *settings, const char *key, gpointer menu)
{
  fill_menu (G_MENU (menu), settings);
}

static void
open_recent_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  const char *path = g_variant_get_string (param, NULL);

  if (HRB_IS_WINDOW (window))
    hrb_application_open_in_window (app, HRB_WINDOW (window), path, FALSE);
  else
    hrb_application_open_database (app, path, FALSE);
}

void
hrb_recent_install (HrbApplication *app, HrbWindow *window)
{
  GSettings *settings = hrb_application_get_settings (app);
  GMenu *section = hrb_window_get_menu_section (window, "file");
  g_autoptr(GMenu) menu = NULL;

  if (!hrb_settings_has_key (settings, KEY) || section == NULL)
    return;
  if (!g_action_map_lookup_action (G_ACTION_MAP (app), "open-recent"))
    {
      static const GActionEntry entries[] = { { "open-recent", open_recent_cb, "s" } };
      g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
    }
  menu = g_menu_new ();
  fill_menu (menu, settings);
  g_signal_connect_object (settings, "changed::" KEY, G_CALLBACK (recent_changed_cb), menu, 0);
  g_menu_append_submenu (section, _("_Recent Databases"), G_MENU_MODEL (menu));
}
