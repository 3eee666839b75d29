/* test-import-assistant.c: the import assistant in the real window, under
 * Xvfb: the action, menu entry and shortcut exist; a Horizonscan file goes
 * through the five steps into an empty database; a bad file cannot go past
 * the check. Exits 77 without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hrb-application.h"
#include "hrb-import-assistant.h"
#include "hrb-window.h"
#include "gui-test-util.h"

static HrbApplication *app;
static HrbWindow      *window;
static char           *tmp_dir;

static gboolean
idle_cond (gpointer data)
{
  return !hrb_import_assistant_is_busy (HRB_IMPORT_ASSISTANT (data));
}

static char *
fixture (const char *name)
{
  const char *root = g_getenv ("HRB_SOURCE_ROOT");

  return g_build_filename (root ? root : ".", "..", "shared", "fixtures", name, NULL);
}

static void
test_installed (void)
{
  g_auto(GStrv) accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import-changes"));
  g_assert_true (menu_has (G_MENU_MODEL (hrb_window_get_menu_section (window, "file")), "win.import"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>i");
}

static void
test_horizonscan_through_the_steps (void)
{
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HrbImportAssistant *a = hrb_import_assistant_new (window, file);
  const HrbImportResult *plan;
  HrbListPage *pro;
  GWeakRef ref;

  gtk_window_present (GTK_WINDOW (a));
  g_assert_true (wait_for (mapped_cond, a));
  /* A file given (dropped): the assistant starts at the format step. */
  g_assert_cmpint (hrb_import_assistant_get_step (a), ==, 1);
  g_assert_true (hrb_import_assistant_next (a));
  g_assert_cmpint (hrb_import_assistant_get_step (a), ==, 2);
  save_png (GTK_WIDGET (a), "import-columns");
  g_assert_true (hrb_import_assistant_next (a));
  g_assert_cmpint (hrb_import_assistant_get_step (a), ==, 3);
  g_assert_true (wait_for (idle_cond, a));
  plan = hrb_import_assistant_get_plan (a);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->n_new, ==, 67);
  g_assert_cmpuint (plan->n_rejected, ==, 0);
  save_png (GTK_WIDGET (a), "import-check");

  g_weak_ref_init (&ref, a);
  g_assert_true (hrb_import_assistant_next (a));
  g_assert_true (wait_for (gone_cond, &ref));
  g_weak_ref_clear (&ref);
  g_assert_true (wait_for (loaded_cond, window));
  pro = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (hrb_list_page_get_items (pro)), ==, 67);
}

static void
test_bad_file_stops_at_check (void)
{
  const char *data = g_getenv ("HRB_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (data ? data : ".", "tests", "data", "bad", "text-in-number.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HrbImportAssistant *a = hrb_import_assistant_new (window, file);
  const HrbImportResult *plan;

  gtk_window_present (GTK_WINDOW (a));
  g_assert_true (wait_for (mapped_cond, a));
  g_assert_true (hrb_import_assistant_next (a));
  g_assert_true (hrb_import_assistant_next (a));
  g_assert_true (wait_for (idle_cond, a));
  plan = hrb_import_assistant_get_plan (a);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->n_rejected, ==, 1);
  /* Rejected rows: no import unless "valid rows only" is chosen. */
  g_assert_false (hrb_import_assistant_next (a));
  g_assert_cmpint (hrb_import_assistant_get_step (a), ==, 3);
  save_png (GTK_WIDGET (a), "import-problems");
  gtk_window_destroy (GTK_WINDOW (a));
  settle (50);
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
  tmp_dir = g_dir_make_tmp ("hrb-gui-import-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "import-test.db", NULL);
  app = hrb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));
  window = hrb_application_open_database (app, db_path, FALSE);
  g_assert_nonnull (window);
  g_assert_true (wait_for (loaded_cond, window));

  g_test_add_func ("/gui/import/installed", test_installed);
  g_test_add_func ("/gui/import/horizonscan-steps", test_horizonscan_through_the_steps);
  g_test_add_func ("/gui/import/bad-file-stops", test_bad_file_stops_at_check);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_unlink (db_path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmp_dir);
  }
  return status;
}
