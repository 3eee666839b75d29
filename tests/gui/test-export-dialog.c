/* test-export-dialog.c: Export to Excel from the real window under Xvfb:
 * the action, shortcut and menu entry; a workbook written through the dialog
 * and read back by an independent reader; a failed export keeps the dialog
 * open with the reason. Exits 77 without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hrb-application.h"
#include "hrb-export-dialog.h"
#include "hrb-window.h"
#include "gui-test-util.h"

static HrbApplication *app;
static HrbWindow      *window;
static char           *tmp_dir;

static gboolean
idle_cond (gpointer data)
{
  return !hrb_export_dialog_is_busy (HRB_EXPORT_DIALOG (data));
}

static void
test_installed (void)
{
  g_auto(GStrv) accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export"));
  g_assert_true (menu_has (G_MENU_MODEL (hrb_window_get_menu_section (window, "file")), "win.export"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>e");
}

static void
test_export_and_read_back (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "werkmap.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HrbExportDialog *d = hrb_export_dialog_new (window);
  const char *argv[] = { "/usr/bin/python3", "-c",
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "ws = wb[sys.argv[2]]\n"
    "print(','.join(wb.sheetnames)); print(ws.max_row - 1)",
    path, "Prospectief", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  GWeakRef ref;
  int status;

  gtk_window_present (GTK_WINDOW (d));
  g_assert_true (wait_for (mapped_cond, d));
  save_png (GTK_WIDGET (d), "export-dialog");
  g_weak_ref_init (&ref, d);
  hrb_export_dialog_export_to (d, file);
  g_assert_true (wait_for (gone_cond, &ref));
  g_weak_ref_clear (&ref);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read the workbook: %s", err);
  /* The list on screen (prospective) with the other sheets. */
  g_assert_nonnull (strstr (out, "Prospectief"));
  g_assert_nonnull (strstr (out, "Methode"));
  g_assert_nonnull (strstr (out, "Bronnen"));
  g_assert_null (strstr (out, "Retrospectief"));
  {
    HrbListPage *pro = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
    guint n = g_list_model_get_n_items (hrb_list_page_get_items (pro));
    g_autofree char *rows = g_strdup_printf ("\n%u\n", n);
    /* one row per item on the ranking sheet */
    g_assert_nonnull (strstr (out, rows));
  }
  g_unlink (path);
}

static void
test_failed_export_says_why (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "werkmap.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HrbExportDialog *d = hrb_export_dialog_new (window);
  GtkWidget *w;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (d));
  g_assert_true (wait_for (mapped_cond, d));
  hrb_export_dialog_export_to (d, file);
  g_assert_true (wait_for (idle_cond, d));
  settle (100);
  /* The dialog stays, and a label names the folder that is missing. */
  for (w = gtk_widget_get_first_child (GTK_WIDGET (d)); w != NULL; )
    {
      if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "no-such-folder"))
        found = TRUE;
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && !gtk_widget_get_next_sibling (w) && w != GTK_WIDGET (d))
            w = gtk_widget_get_parent (w);
          w = (w && w != GTK_WIDGET (d)) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_true (found);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  save_png (GTK_WIDGET (d), "export-failed");
  gtk_window_destroy (GTK_WINDOW (d));
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
  tmp_dir = g_dir_make_tmp ("hrb-gui-export-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "export-test.db", NULL);
  app = hrb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));
  window = hrb_application_open_database (app, db_path, TRUE);
  g_assert_nonnull (window);
  g_assert_true (wait_for (loaded_cond, window));

  g_test_add_func ("/gui/export/installed", test_installed);
  g_test_add_func ("/gui/export/write-and-read-back", test_export_and_read_back);
  g_test_add_func ("/gui/export/failure-keeps-dialog", test_failed_export_says_why);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_autofree char *bdir = g_build_filename (tmp_dir, "backups", NULL);
    g_unlink (db_path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (bdir);
    g_rmdir (tmp_dir);
  }
  return status;
}
