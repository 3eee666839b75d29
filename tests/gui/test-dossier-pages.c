/* test-dossier-pages.c: the Dossiers and Monitoring pages in the real main
 * window, in-process, under Xvfb (exit 77 without a display).
 *
 * Starts a dossier from a list item's side pane, moves it two stages on
 * with a party and a due date through the "Next Stage…" dialog, and checks
 * that the Dossiers page and the monitoring counts show it. Saves PNGs of
 * the pages in BUILD/screenshots/. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hrb-application.h"
#include "hrb-dossier-install.h"
#include "hrb-dossier-object.h"
#include "hrb-monitoring.h"
#include "hrb-store-dossier.h"
#include "hrb-window.h"
#include "gui-test-util.h"

static HrbApplication *app;
static HrbWindow      *window;
static char           *db_path;
static char           *tmp_dir;

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found)
        return found;
    }
  return NULL;
}

/* A visible widget with that name (the side pane of the shown list). */
static GtkWidget *
find_named_visible (GtkWidget *root, const char *name)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named_visible (c, name);
      if (found)
        return found;
    }
  return NULL;
}

static guint
count_in_stage (HrbStore *store, HrbStage stage)
{
  g_autoptr(HrbMonitoring) m = hrb_monitoring_compute (store, 0, NULL);

  return m->open_per_stage[stage];
}

/* Tests -------------------------------------------------------------------- */

static void
test_pages_on_demo (void)
{
  HrbDossiersPage *page = hrb_dossier_get_dossiers_page (window);
  HrbMonitoringPage *mon = hrb_dossier_get_monitoring_page (window);
  GListModel *visible;
  guint n;
  gboolean overdue = FALSE;

  g_assert_nonnull (page);
  g_assert_nonnull (mon);
  hrb_window_show_page (window, "dossiers");
  settle (100);
  visible = hrb_dossiers_page_get_visible (page);
  n = g_list_model_get_n_items (visible);
  /* "Active": open dossiers without the parked ones still waiting. */
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HrbDossierObject) obj = g_list_model_get_item (visible, i);
      const HrbDossier *d = hrb_dossier_object_get_dossier (obj);
      g_assert_true (d->active);
      overdue |= d->overdue;
    }
  g_assert_true (overdue);
  save_png (GTK_WIDGET (window), "dossiers-page");

  /* Filters: one party; then everything, finished ones too. */
  hrb_dossiers_page_set_filter (page, HRB_DOSSIERS_FILTER_ACTIVE, HRB_PARTY_ZIN, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(HrbDossierObject) obj = g_list_model_get_item (visible, i);
      g_assert_cmpint (hrb_dossier_object_get_dossier (obj)->party, ==, HRB_PARTY_ZIN);
    }
  hrb_dossiers_page_set_filter (page, HRB_DOSSIERS_FILTER_ALL, HRB_PARTY_NONE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (visible), >, n);
  hrb_dossiers_page_set_filter (page, HRB_DOSSIERS_FILTER_ACTIVE, HRB_PARTY_NONE, NULL);
  hrb_dossiers_page_set_grouped (page, TRUE);
  save_png (GTK_WIDGET (window), "dossiers-grouped");
  hrb_dossiers_page_set_grouped (page, FALSE);

  /* Monitoring: charts with their numbers as text. */
  hrb_window_show_page (window, "monitoring");
  settle (100);
  g_assert_cmpuint (hrb_bar_chart_get_n_bars (hrb_monitoring_page_get_chart (mon, "open")), ==,
                    HRB_N_STAGES - 2);
  g_assert_cmpuint (hrb_bar_chart_get_n_bars (hrb_monitoring_page_get_chart (mon, "lead")), >, 3);
  g_assert_nonnull (strstr (hrb_bar_chart_get_text (hrb_monitoring_page_get_chart (mon, "open")),
                            hrb_stage_label (HRB_STAGE_PARKED)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (hrb_monitoring_page_get_overdue_list (mon), 0));
  save_png (GTK_WIDGET (window), "monitoring-page");

  /* A demo dossier in full, with confidential content marked. */
  {
    g_autoptr(GPtrArray) all = hrb_store_list_dossiers (hrb_window_get_store (window), FALSE, NULL);
    HrbDossierView *view = hrb_dossiers_page_get_view (page);
    GtkWidget *scroller;
    GtkAdjustment *adj;
    gint64 id = 0;

    for (guint i = 0; i < all->len && id == 0; i++)
      {
        HrbDossier *d = g_ptr_array_index (all, i);
        g_autoptr(GPtrArray) secret = hrb_store_list_notes (hrb_window_get_store (window), d->id, TRUE, NULL);
        if (d->stage == HRB_STAGE_DECISION && secret->len > 0)
          id = d->id;
      }
    g_assert_cmpint (id, >, 0);
    hrb_window_show_page (window, "dossiers");
    g_assert_true (hrb_dossiers_page_open (page, id));
    settle (100);
    save_png (GTK_WIDGET (window), "dossier-view-demo-1");
    scroller = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (view))));
    g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
    adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    for (int k = 2; k <= 4; k++)
      {
        g_autofree char *name = g_strdup_printf ("dossier-view-demo-%d", k);
        gtk_adjustment_set_value (adj, (k - 1) * (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 3);
        save_png (GTK_WIDGET (window), name);
      }
    hrb_dossiers_page_show_list (page);
  }
}

static void
fill_move (GtkWidget *dialog, HrbStage stage, HrbParty party, const char *due)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "form-stage")), stage);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "form-party")), party);
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "form-due")), due);
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "form-remark")), "test");
  g_signal_emit_by_name (find_named (dialog, "form-accept"), "clicked");
  settle (50);
}

static void
test_start_move_and_see (void)
{
  HrbStore *store = hrb_window_get_store (window);
  HrbListPage *list = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  HrbDossiersPage *page = hrb_dossier_get_dossiers_page (window);
  HrbDossierView *view = hrb_dossiers_page_get_view (page);
  HrbMonitoringPage *mon = hrb_dossier_get_monitoring_page (window);
  GListModel *items = hrb_list_page_get_visible (list);
  gint64 item_id = 0, id;
  guint before = count_in_stage (store, HRB_STAGE_QUESTION);
  GtkWidget *button, *dialog;
  gboolean seen = FALSE;
  g_autofree char *today = hrb_dossier_today (store);
  g_autofree char *due = NULL;

  /* An item without an open dossier, selected in its list. */
  hrb_window_show_page (window, "prospective");
  settle (50);
  for (guint i = 0; i < g_list_model_get_n_items (items) && item_id == 0; i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (items, i);
      if (hrb_store_find_open_dossier (store, hrb_item_object_get_id (obj), NULL) == 0)
        item_id = hrb_item_object_get_id (obj);
    }
  g_assert_cmpint (item_id, >, 0);
  g_assert_true (hrb_list_page_select (list, item_id));
  settle (100);

  /* "Start Dossier" in the side pane. */
  button = find_named_visible (GTK_WIDGET (list), "dossier-start-open");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle (100);
  id = hrb_store_find_open_dossier (store, item_id, NULL);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (hrb_dossier_view_get_id (view), ==, id);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Two stages on, with a party and a due date. */
  {
    GDateTime *now = g_date_time_new_now_utc ();
    GDateTime *later = g_date_time_add_days (now, 30);
    due = g_date_time_format (later, "%Y-%m-%d");
    g_date_time_unref (later);
    g_date_time_unref (now);
  }
  dialog = hrb_dossier_view_open_move_dialog (view);
  g_assert_nonnull (dialog);
  fill_move (dialog, HRB_STAGE_PRIORITISED, HRB_PARTY_PROJECT_TEAM, due);
  dialog = hrb_dossier_view_open_move_dialog (view);
  g_assert_nonnull (dialog);
  /* A bad date is refused in the dialog, which stays open. */
  {
    GtkWidget *date = find_named (dialog, "form-date");
    gtk_editable_set_text (GTK_EDITABLE (date), "31-02-2026");
    fill_move (dialog, HRB_STAGE_QUESTION, HRB_PARTY_ZIN, due);
    g_assert_true (gtk_widget_get_visible (find_named (dialog, "form-error")));
    gtk_editable_set_text (GTK_EDITABLE (date), today);
  }
  save_png (dialog, "dossier-move-dialog");
  fill_move (dialog, HRB_STAGE_QUESTION, HRB_PARTY_ZIN, due);
  {
    g_autoptr(HrbDossier) d = hrb_store_get_dossier (store, id, FALSE, NULL);
    g_autoptr(GPtrArray) route = hrb_store_list_transitions (store, id, NULL);
    g_assert_cmpint (d->stage, ==, HRB_STAGE_QUESTION);
    g_assert_cmpint (d->party, ==, HRB_PARTY_ZIN);
    g_assert_cmpstr (d->due_date, ==, due);
    g_assert_cmpstr (d->stage_since, ==, today);
    g_assert_cmpuint (route->len, ==, 3);
  }
  /* The list shows the item's stage and who must act, in their columns. */
  {
    g_autofree char *stage = hrb_dossier_list_text (window, item_id, FALSE);
    g_autofree char *party = hrb_dossier_list_text (window, item_id, TRUE);
    g_autofree char *none = hrb_dossier_list_text (window, -1, FALSE);
    GListModel *columns = gtk_column_view_get_columns (hrb_list_page_get_column_view (list));
    guint found = 0;

    g_assert_cmpstr (stage, ==, hrb_stage_label (HRB_STAGE_QUESTION));
    g_assert_cmpstr (party, ==, hrb_party_label (HRB_PARTY_ZIN));
    g_assert_cmpstr (none, ==, "–");
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);
        found += g_strcmp0 (gtk_column_view_column_get_title (c), "Stage") == 0 ||
                 g_strcmp0 (gtk_column_view_column_get_title (c), "Who Must Act") == 0;
      }
    g_assert_cmpuint (found, ==, 2);
  }
  save_png (GTK_WIDGET (window), "dossier-view");

  /* A measure: its status changes in the list, with today as the date. */
  {
    g_autoptr(HrbMeasure) m = hrb_measure_new ();
    g_autoptr(GPtrArray) after = NULL;
    GtkWidget *status;

    m->dossier_id = id;
    m->kind = HRB_MEASURE_REGISTRY;
    g_assert_cmpint (hrb_store_add_measure (store, m, NULL), >, 0);
    hrb_dossier_view_reload (view);
    status = find_named (GTK_WIDGET (view), "measure-status");
    g_assert_nonnull (status);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (status), HRB_MEASURE_AGREED);
    settle (50);
    after = hrb_store_list_measures (store, id, NULL);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpint (((HrbMeasure *) g_ptr_array_index (after, 0))->status, ==, HRB_MEASURE_AGREED);
    g_assert_cmpstr (((HrbMeasure *) g_ptr_array_index (after, 0))->agreed_date, ==, today);
  }

  /* Back on the list: there it is. */
  g_signal_emit_by_name (view, "back");
  settle (50);
  {
    GListModel *visible = hrb_dossiers_page_get_visible (page);
    for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
      {
        g_autoptr(HrbDossierObject) obj = g_list_model_get_item (visible, i);
        const HrbDossier *d = hrb_dossier_object_get_dossier (obj);
        if (d->id == id)
          {
            g_assert_cmpint (d->stage, ==, HRB_STAGE_QUESTION);
            g_assert_cmpint (d->party, ==, HRB_PARTY_ZIN);
            g_assert_cmpstr (d->due_date, ==, due);
            seen = TRUE;
          }
      }
  }
  g_assert_true (seen);

  /* And in the monitoring counts. */
  g_assert_cmpuint (count_in_stage (store, HRB_STAGE_QUESTION), ==, before + 1);
  hrb_window_show_page (window, "monitoring");
  settle (100);
  {
    g_autofree char *expected = g_strdup_printf ("%s: %u", hrb_stage_label (HRB_STAGE_QUESTION), before + 1);
    const char *text = hrb_bar_chart_get_text (hrb_monitoring_page_get_chart (mon, "open"));
    if (strstr (text, expected) == NULL)
      g_error ("monitoring chart: %s; expected %s", text, expected);
  }

  /* The side pane now offers to open it. */
  hrb_window_show_page (window, "prospective");
  settle (100);
  button = find_named_visible (GTK_WIDGET (list), "dossier-start-open");
  g_assert_nonnull (button);
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), _("_Open Dossier")));
  save_png (GTK_WIDGET (window), "side-pane-dossier");
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HRB_LOCALEDIR") ? g_getenv ("HRB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("no display; skipping the GUI tests\n");
      return 77;
    }

  tmp_dir = g_dir_make_tmp ("hrb-gui-dossier-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "herbeoordeling-test.db", NULL);

  app = hrb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  window = hrb_application_open_database (app, db_path, TRUE);
  g_assert_nonnull (window);
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_true (wait_for (mapped_cond, window));
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  settle (200);

  g_test_add_func ("/gui/dossier/pages-on-demo", test_pages_on_demo);
  g_test_add_func ("/gui/dossier/start-move-and-see", test_start_move_and_see);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_unlink (db_path);
  g_rmdir (tmp_dir);
  return status;
}
