/* test-watch.c: changes committed by another program (here: a second
 * connection to the same file, as the CLI has) show in the open window;
 * the window's own edits do not reload the lists. Exits 77 without a
 * display. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hrb-application.h"
#include "hrb-watch.h"
#include "hrb-backup-ui.h"
#include "hrb-scoring-install.h"
#include "hrb-sluis-check.h"
#include "hrb-window.h"
#include "gui-test-util.h"

static HrbApplication *app;
static HrbWindow      *window;
static char           *tmp_dir;


static guint
n_items (HrbStream stream)
{
  HrbListPage *page = hrb_window_get_list_page (window, stream);
  return g_list_model_get_n_items (hrb_list_page_get_items (page));
}

static gint64
add_item (HrbStore *store, const char *inn)
{
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(GError) error = NULL;

  m->inn = g_strdup (inn);
  item->medicine_id = hrb_store_insert_medicine (store, m, &error);
  g_assert_no_error (error);
  item->status = HRB_STATUS_ADMITTED;
  item->indication = g_strdup ("Testindicatie");
  return hrb_store_insert_item (store, item, &error);
}

static void
test_other_program_shows (void)
{
  const char *path = hrb_store_get_path (hrb_window_get_store (window));
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) other = hrb_store_open (path, &error);
  guint before = n_items (HRB_STREAM_RETROSPECTIVE);

  g_assert_no_error (error);
  /* Nothing changed: nothing to do. */
  g_assert_false (hrb_watch_check_now (window));
  g_assert_cmpint (add_item (other, "andere-stof"), >, 0);
  g_assert_true (hrb_watch_check_now (window));
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_cmpuint (n_items (HRB_STREAM_RETROSPECTIVE), ==, before + 1);
  g_assert_false (hrb_watch_check_now (window));
}

static void
test_own_edit_does_not_reload (void)
{
  HrbStore *own = hrb_window_get_store (window);

  g_assert_cmpint (add_item (own, "eigen-stof"), >, 0);
  g_assert_false (hrb_watch_check_now (window));
  g_assert_false (hrb_window_is_loading (window));
}

static void
test_recent_databases (void)
{
  GSettings *settings = hrb_application_get_settings (app);
  const char *path = hrb_store_get_path (hrb_window_get_store (window));
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_auto(GStrv) recent = NULL;
  GMenuModel *section = G_MENU_MODEL (hrb_window_get_menu_section (window, "file"));
  gboolean found = FALSE;

  g_assert_nonnull (settings);
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, canonical);
  /* The primary menu offers it under Recent Databases. */
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autoptr(GMenuModel) sub = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);
      for (int k = 0; sub && k < g_menu_model_get_n_items (sub); k++)
        {
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (sub, k, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
          if (target && g_strcmp0 (g_variant_get_string (target, NULL), canonical) == 0)
            found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-recent"));
}

static void
test_restore_backup (void)
{
  HrbStore *store = hrb_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  guint before;

  /* Start from lists that show the database as it is. */
  hrb_window_set_store (window, store);
  g_assert_true (wait_for (loaded_cond, window));
  before = n_items (HRB_STREAM_RETROSPECTIVE);
  backup = hrb_store_auto_backup (store, NULL, "manual", 10, &error);
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "restore-backup"));
  g_assert_cmpint (add_item (store, "na-de-backup"), >, 0);
  hrb_window_set_store (window, store);
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_cmpuint (n_items (HRB_STREAM_RETROSPECTIVE), ==, before + 1);

  g_assert_true (hrb_backup_restore (window, backup, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_cmpuint (n_items (HRB_STREAM_RETROSPECTIVE), ==, before);
  /* A file that is not a backup is refused and nothing changes. */
  g_assert_false (hrb_backup_restore (window, "/proc/version", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_items (HRB_STREAM_RETROSPECTIVE), ==, before);
}

static void
test_sluis_thresholds_follow_preferences (void)
{
  GSettings *settings = hrb_application_get_settings (app);
  HrbSluisCheck *check = hrb_scoring_get_sluis_check (window);

  g_assert_nonnull (check);
  /* The defaults: EUR 50,000 per patient, EUR 20 million in total. */
  g_assert_cmpfloat (hrb_sluis_check_get_cost_per_patient (check), ==, 50000);
  g_assert_cmpfloat (hrb_sluis_check_get_budget_impact (check), ==, 20e6);
  /* Preferences → window. */
  g_settings_set_double (settings, "sluis-budget-impact", 10e6);
  g_assert_cmpfloat (hrb_sluis_check_get_budget_impact (check), ==, 10e6);
  /* Window → preferences: what the user sets is remembered. */
  hrb_sluis_check_set_thresholds (check, 40000, 15e6);
  g_assert_cmpfloat (g_settings_get_double (settings, "sluis-cost-per-patient"), ==, 40000);
  g_assert_cmpfloat (g_settings_get_double (settings, "sluis-budget-impact"), ==, 15e6);
}

static void
test_guide (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  const char *root = g_getenv ("HRB_SOURCE_ROOT");
  g_autofree char *help = g_build_filename (root ? root : ".", "help", NULL);
  g_autofree char *path = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_nonnull (accels[0]);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_setenv ("HRB_HELP_DIR", help, TRUE);
  path = hrb_application_help_path ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("no display; skipping the GUI tests\n");
      return 77;
    }
  tmp_dir = g_dir_make_tmp ("hrb-gui-watch-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "watch-test.db", NULL);
  app = hrb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));
  window = hrb_application_open_database (app, db_path, TRUE);
  g_assert_nonnull (window);
  g_assert_true (wait_for (loaded_cond, window));

  g_test_add_func ("/gui/watch/other-program", test_other_program_shows);
  g_test_add_func ("/gui/watch/own-edit", test_own_edit_does_not_reload);
  g_test_add_func ("/gui/recent/remembered", test_recent_databases);
  g_test_add_func ("/gui/backup/restore", test_restore_backup);
  g_test_add_func ("/gui/prefs/sluis-thresholds", test_sluis_thresholds_follow_preferences);
  g_test_add_func ("/gui/help/guide", test_guide);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_autofree char *bdir = g_build_filename (tmp_dir, "backups", NULL);
    g_autoptr(GDir) d = g_dir_open (bdir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *f = g_build_filename (bdir, name, NULL);
        g_unlink (f);
      }
    g_rmdir (bdir);
    g_unlink (db_path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmp_dir);
  }
  return status;
}
