/* test-scoring.c: prioritisation in the real main window, in-process, under
 * Xvfb: the Rank, Score and Rank Range columns, the method editor re-ranking
 * the list live, and the score explanation of the selected item. Exits 77
 * without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hrb-application.h"
#include "hrb-freeze-dialog.h"
#include "hrb-frozen-window.h"
#include "hrb-expert-score.h"
#include "hrb-scoring-install.h"
#include "hrb-store-scoring.h"
#include "hrb-window.h"
#include "gui-test-util.h"

static HrbApplication *app;
static HrbWindow      *window;
static char           *db_path;
static char           *tmp_dir;

static gboolean
ranked_cond (gpointer data)
{
  GListModel *items = hrb_list_page_get_items (HRB_LIST_PAGE (data));
  guint ranked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (items, i);
      ranked += hrb_item_object_get_rank (obj) > 0;
    }
  return ranked > 10;
}

static HrbListPage *
prospective (void)
{
  return hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
}

/* Item ids of the list in rank order (rank 1 first). */
static GArray *
ids_by_rank (HrbListPage *page)
{
  GListModel *items = hrb_list_page_get_items (page);
  guint n = g_list_model_get_n_items (items);
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  g_array_set_size (ids, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (items, i);
      int rank = hrb_item_object_get_rank (obj);
      if (rank > 0 && (guint) rank <= n)
        g_array_index (ids, gint64, rank) = hrb_item_object_get_id (obj);
    }
  return ids;
}

static gboolean
has_column (HrbListPage *page, const char *id)
{
  GListModel *columns = gtk_column_view_get_columns (hrb_list_page_get_column_view (page));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GObject) col = g_list_model_get_item (columns, i);
      if (g_strcmp0 (g_object_get_data (col, "hrb-column-id"), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_columns (void)
{
  HrbListPage *page = prospective ();
  g_autoptr(GArray) ids = NULL;

  g_assert_true (has_column (page, "rank"));
  g_assert_true (has_column (page, "score"));
  g_assert_true (has_column (page, "rank_range"));
  g_assert_true (has_column (page, "sluis"));
  g_assert_true (wait_for (ranked_cond, page));
  /* Ranks 1..n are each given once, with scores descending. */
  ids = ids_by_rank (page);
  for (guint r = 1; r < ids->len && g_array_index (ids, gint64, r) != 0; r++)
    {
      HrbItemObject *a = hrb_list_page_find (page, g_array_index (ids, gint64, r));
      g_assert_nonnull (a);
      if (r > 1)
        {
          HrbItemObject *b = hrb_list_page_find (page, g_array_index (ids, gint64, r - 1));
          g_assert_cmpfloat (hrb_item_object_get_score (b), >=, hrb_item_object_get_score (a));
        }
    }
  /* Sorting by the Rank column puts rank 1 on top. */
  g_assert_true (hrb_list_page_sort_by (page, "rank", GTK_SORT_ASCENDING));
  settle (50);
  {
    g_autoptr(HrbItemObject) top = g_list_model_get_item (hrb_list_page_get_visible (page), 0);
    g_assert_cmpint (hrb_item_object_get_rank (top), ==, 1);
  }
}

/* The visible top-level window of a type, or NULL (dialogs open from actions). */
static gpointer
find_toplevel (GType type)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* The bar above the list: only eligible items, one package status, and the
 * method that ranks the list. */
static void
test_filters (void)
{
  HrbListPage *page = prospective ();
  GListModel *all = hrb_list_page_get_items (page);
  GListModel *visible = hrb_list_page_get_visible (page);
  guint total = g_list_model_get_n_items (all), ranked = 0, in_sluis = 0;

  g_assert_true (wait_for (ranked_cond, page));
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (all, i);
      ranked += hrb_item_object_get_rank (obj) > 0;
      in_sluis += hrb_item_object_get_item (obj)->status == HRB_STATUS_IN_SLUIS;
    }
  g_assert_cmpuint (in_sluis, >, 0);
  /* Every demo item is eligible under Basis: one is made not eligible here
   * as the scoring marks one (rank 0). */
  {
    g_autoptr(HrbItemObject) obj = g_list_model_get_item (all, 0);
    g_assert_cmpint (hrb_item_object_get_rank (obj), >, 0);
    hrb_item_object_set_rank (obj, 0);
    hrb_list_page_refresh (page);
    ranked--;
  }
  g_assert_cmpuint (ranked, <, total);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, total);

  hrb_list_page_set_eligible_only (page, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, ranked);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (visible, i);
      g_assert_cmpint (hrb_item_object_get_rank (obj), >, 0);
    }
  hrb_list_page_set_eligible_only (page, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, total);

  g_assert_true (hrb_list_page_set_status_filter (page, HRB_STATUS_IN_SLUIS));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, in_sluis);
  /* A retrospective status is not offered on the prospective list. */
  g_assert_false (hrb_list_page_set_status_filter (page, HRB_STATUS_ADMITTED));
  g_assert_true (hrb_list_page_set_status_filter (page, -1));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, total);

  g_assert_cmpstr (hrb_scoring_get_method_label (window, HRB_STREAM_PROSPECTIVE), ==, "Method: Basis, version 1");
  hrb_scoring_refresh (window);
  g_assert_true (wait_for (ranked_cond, page));
}

static void
test_editor_reranks (void)
{
  HrbListPage *page = prospective ();
  HrbMethodEditor *editor = hrb_scoring_get_editor (window);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  gboolean moved = FALSE;
  const char *name;

  g_assert_nonnull (editor);
  g_assert_true (wait_for (ranked_cond, page));
  before = ids_by_rank (page);
  /* The built-in method is read-only. */
  g_assert_false (hrb_method_editor_set_weight (editor, "patients", 80));
  name = hrb_method_editor_duplicate (editor, "Alleen patiënten");
  g_assert_cmpstr (name, ==, "Alleen patiënten");
  g_assert_cmpstr (hrb_method_editor_get_method (editor)->name, ==, "Alleen patiënten");
  /* Drag the weights: patients only. Every change re-ranks at once. */
  g_assert_true (hrb_method_editor_set_weight (editor, "budget_impact", 0));
  g_assert_true (hrb_method_editor_set_weight (editor, "relative_budget_impact", 0));
  g_assert_true (hrb_method_editor_set_weight (editor, "uncertainty", 0));
  g_assert_true (hrb_method_editor_set_weight (editor, "patients", 100));
  after = ids_by_rank (page);
  for (guint r = 1; r < MIN (before->len, after->len); r++)
    moved |= g_array_index (before, gint64, r) != g_array_index (after, gint64, r);
  g_assert_true (moved);
  /* With patients only, rank order follows the point patients. */
  for (guint r = 2; r < after->len && g_array_index (after, gint64, r) != 0; r++)
    {
      HrbItemObject *a = hrb_list_page_find (page, g_array_index (after, gint64, r - 1));
      HrbItemObject *b = hrb_list_page_find (page, g_array_index (after, gint64, r));
      double pa = hrb_item_object_get_patients (a), pb = hrb_item_object_get_patients (b);
      if (hrb_is_known (pa) && hrb_is_known (pb) && pa >= 10 && pb >= 10 && pa <= 1e5 && pb <= 1e5)
        g_assert_cmpfloat (pa, >=, pb - 1e-6);
    }
  /* Double counting: add cost per patient? Not in this method; no warning. */
  g_assert_null (hrb_method_editor_get_warning (editor));
  /* Back to Basis: the original order returns. */
  g_assert_true (hrb_method_editor_select (editor, "Basis"));
  g_clear_pointer (&after, g_array_unref);
  after = ids_by_rank (page);
  for (guint r = 1; r < before->len; r++)
    g_assert_cmpint (g_array_index (before, gint64, r), ==, g_array_index (after, gint64, r));
}

static guint
count_ranked (HrbListPage *page)
{
  GListModel *items = hrb_list_page_get_items (page);
  guint ranked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (items, i);
      ranked += hrb_item_object_get_rank (obj) > 0;
    }
  return ranked;
}

/* The eligibility rule in the editor: stricter thresholds in a copy leave
 * fewer items ranked, each of them over a threshold; Basis stays read-only. */
static void
test_editor_eligibility (void)
{
  HrbListPage *page = prospective ();
  HrbMethodEditor *editor = hrb_scoring_get_editor (window);
  GListModel *items = hrb_list_page_get_items (page);
  guint before, after;

  g_assert_true (wait_for (ranked_cond, page));
  g_assert_true (hrb_method_editor_select (editor, "Basis"));
  before = count_ranked (page);
  g_assert_false (hrb_method_editor_set_eligibility (editor, 1e6, 1e9));
  g_assert_nonnull (hrb_method_editor_duplicate (editor, "Strenger"));
  /* Cost per patient at least € 50,000 or budget impact at least € 100 million. */
  g_assert_true (hrb_method_editor_set_eligibility (editor, 50000, 100e6));
  g_assert_cmpfloat (hrb_method_editor_get_method (editor)->min_cost_per_patient, ==, 50000);
  g_assert_cmpfloat (hrb_method_editor_get_method (editor)->min_budget_impact, ==, 100e6);
  after = count_ranked (page);
  g_assert_cmpuint (after, <, before);
  g_assert_cmpuint (after, >, 0);
  /* An item left out says why: below both thresholds. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (items, i);
      const HrbRankingRow *row;

      if (hrb_item_object_get_rank (obj) > 0)
        continue;
      g_assert_true (hrb_list_page_select (page, hrb_item_object_get_id (obj)));
      settle (50);
      row = hrb_score_explanation_get_row (hrb_scoring_get_explanation (window, HRB_STREAM_PROSPECTIVE));
      g_assert_nonnull (row);
      g_assert_false (row->eligible);
      g_assert_true (row->cost_point < 50000 || !hrb_is_known (row->cost_point));
      g_assert_true (row->budget_point < 100e6 || !hrb_is_known (row->budget_point));
      g_assert_nonnull (row->reason);
      break;
    }
  /* 0 means the threshold is not used: both unused, every item with data takes part. */
  g_assert_true (hrb_method_editor_set_eligibility (editor, 0, 0));
  g_assert_true (isnan (hrb_method_editor_get_method (editor)->min_cost_per_patient));
  g_assert_cmpuint (count_ranked (page), >=, before);
  g_assert_true (hrb_method_editor_select (editor, "Basis"));
  g_assert_cmpuint (count_ranked (page), ==, before);
}

static void
test_explanation (void)
{
  HrbListPage *page = prospective ();
  HrbScoreExplanation *ex = hrb_scoring_get_explanation (window, HRB_STREAM_PROSPECTIVE);
  g_autoptr(GArray) ids = NULL;
  const HrbRankingRow *row;
  double sum = 0;

  g_assert_nonnull (ex);
  g_assert_true (wait_for (ranked_cond, page));
  ids = ids_by_rank (page);
  g_assert_true (hrb_list_page_select (page, g_array_index (ids, gint64, 3)));
  settle (50);
  row = hrb_score_explanation_get_row (ex);
  g_assert_nonnull (row);
  g_assert_cmpint (row->item_id, ==, g_array_index (ids, gint64, 3));
  g_assert_cmpint (row->rank, ==, 3);
  g_assert_cmpuint (hrb_score_explanation_get_n_bars (ex), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      sum += hrb_score_explanation_get_bar_value (ex, i);
      g_assert_nonnull (strstr (hrb_score_explanation_get_bar_text (ex, i), "×"));
    }
  /* The bars add up to the score. */
  g_assert_cmpfloat_with_epsilon (sum, row->score, 1e-9);
  g_assert_cmpfloat_with_epsilon (sum, hrb_item_object_get_score (hrb_list_page_find (page, row->item_id)), 1e-9);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ex)));
  save_png (GTK_WIDGET (window), "scoring-window");
  if (g_getenv ("HRB_SCORING_SCREENSHOTS"))
    {
      GtkWidget *editor_window;
      g_action_group_activate_action (G_ACTION_GROUP (window), "scoring-methods", NULL);
      settle (300);
      editor_window = gtk_widget_get_ancestor (GTK_WIDGET (hrb_scoring_get_editor (window)), GTK_TYPE_WINDOW);
      g_assert_nonnull (editor_window);
      save_png (editor_window, "scoring-method-editor");
    }
}

/* The sluis what-if: lower the total to EUR 10 million and more items
 * cross; the summary says how many. */
static void
test_sluis_what_if (void)
{
  HrbSluisCheck *check = hrb_scoring_get_sluis_check (window);
  g_autofree char *before = NULL;
  guint p0, r0, p1, r1;

  g_assert_nonnull (check);
  g_assert_cmpfloat (hrb_sluis_check_get_budget_impact (check), ==, 20e6);
  before = g_strdup (hrb_sluis_check_get_summary (check));
  g_assert_cmpint (sscanf (before, "At these amounts %u prospective and %u retrospective", &p0, &r0), ==, 2);
  hrb_sluis_check_set_thresholds (check, 50000, 10e6);
  g_assert_cmpint (sscanf (hrb_sluis_check_get_summary (check),
                           "At these amounts %u prospective and %u retrospective", &p1, &r1), ==, 2);
  g_assert_cmpuint (p1 + r1, >, p0 + r0);
  hrb_sluis_check_set_thresholds (check, 50000, 20e6);
}

/* The expert score of the selected item: the reason is required; saved, it
 * shows in the side pane and the store; removed, Undo puts it back. */
static void
test_expert_score (void)
{
  HrbStore *store = hrb_window_get_store (window);
  HrbListPage *page = prospective ();
  GtkWidget *section = hrb_scoring_get_expert_section (window, HRB_STREAM_PROSPECTIVE);
  const char *reason = "Grote onvervulde behoefte bij kinderen & jongeren";
  g_autoptr(GArray) ids = NULL;
  g_autoptr(HrbExpertScore) saved = NULL;
  g_autoptr(HrbExpertScore) back = NULL;
  g_autofree char *text = NULL;
  HrbExpertDialog *dialog;
  gint64 id;

  g_assert_nonnull (section);
  hrb_window_show_page (window, "prospective");
  g_assert_true (wait_for (ranked_cond, page));
  ids = ids_by_rank (page);
  id = g_array_index (ids, gint64, 5);
  g_assert_true (hrb_list_page_select (page, id));
  settle (50);
  text = hrb_expert_section_get_text (section);
  g_assert_true (g_str_has_prefix (text, "Not set\n"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "expert-score", NULL);
  settle (50);
  dialog = find_toplevel (HRB_TYPE_EXPERT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (hrb_expert_dialog_can_save (dialog));
  g_assert_nonnull (hrb_expert_dialog_submit (dialog, 70, "   "));
  g_assert_null (hrb_store_get_expert_score (store, id, NULL));
  g_assert_null (hrb_expert_dialog_submit (dialog, 70, reason));
  settle (50);
  saved = hrb_store_get_expert_score (store, id, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (saved->score, ==, 70);
  g_assert_cmpstr (saved->reason, ==, reason);
  g_clear_pointer (&text, g_free);
  text = hrb_expert_section_get_text (section);
  g_assert_true (g_str_has_prefix (text, "70 — Grote onvervulde behoefte bij kinderen & jongeren\nSet by "));
  g_assert_nonnull (strstr (text, "count"));
  save_png (section, "scoring-expert");

  /* Remove, then Undo from the notification. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "expert-score", NULL);
  settle (50);
  dialog = find_toplevel (HRB_TYPE_EXPERT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (hrb_expert_dialog_remove (dialog));
  settle (50);
  g_assert_null (hrb_store_get_expert_score (store, id, NULL));
  g_clear_pointer (&text, g_free);
  text = hrb_expert_section_get_text (section);
  g_assert_true (g_str_has_prefix (text, "Not set\n"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "expert-score-undo", NULL);
  settle (50);
  back = hrb_store_get_expert_score (store, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpfloat (back->score, ==, 70);
  g_assert_cmpstr (back->reason, ==, reason);
}

/* Freeze List on the prospective list: a frozen list with every item of the
 * stream; a second one with the same name is refused in the dialog. */
static void
test_freeze_list (void)
{
  HrbStore *store = hrb_window_get_store (window);
  HrbListPage *page = prospective ();
  g_autoptr(HrbFrozenList) frozen = NULL;
  g_autoptr(GError) error = NULL;
  HrbFreezeDialog *dialog;
  const char *message;

  hrb_window_show_page (window, "prospective");
  g_action_group_activate_action (G_ACTION_GROUP (window), "freeze-list", NULL);
  settle (50);
  dialog = find_toplevel (HRB_TYPE_FREEZE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (hrb_freeze_dialog_get_stream (dialog), ==, HRB_STREAM_PROSPECTIVE);
  g_assert_null (hrb_freeze_dialog_submit (dialog, "Triagetafel januari", "2027-01-15", "Eerste ronde"));
  settle (50);
  frozen = hrb_store_get_frozen (store, "Triagetafel januari", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (frozen->date, ==, "2027-01-15");
  g_assert_cmpstr (frozen->remark, ==, "Eerste ronde");
  g_assert_cmpuint (frozen->ranking->rows->len, ==, g_list_model_get_n_items (hrb_list_page_get_items (page)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "freeze-list", NULL);
  settle (50);
  dialog = find_toplevel (HRB_TYPE_FREEZE_DIALOG);
  g_assert_nonnull (dialog);
  message = hrb_freeze_dialog_submit (dialog, "Triagetafel januari", "2027-01-15", NULL);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Triagetafel januari"));
  message = hrb_freeze_dialog_submit (dialog, "Triagetafel februari", "15-2-2027", NULL);
  g_assert_nonnull (message);
  gtk_window_close (GTK_WINDOW (dialog));
  settle (50);
}

static gint64 rank_of_item;
static guint  rank_before;

static gboolean
moved_up_cond (gpointer data)
{
  HrbItemObject *obj = hrb_list_page_find (HRB_LIST_PAGE (data), rank_of_item);

  return obj != NULL && hrb_item_object_get_rank (obj) > 0 && (guint) hrb_item_object_get_rank (obj) < rank_before;
}

/* Frozen Lists: after the figures of the last-ranked item grow (it moves up), a second
 * frozen list shows it moved up, with why; each list alone shows its rows. */
static void
test_frozen_lists (void)
{
  HrbStore *store = hrb_window_get_store (window);
  g_autoptr(HrbFrozenList) january = NULL;
  g_autoptr(GError) error = NULL;
  const HrbRankingRow *last = NULL;
  HrbFreezeDialog *dialog;
  HrbFrozenWindow *frozen;
  HrbFigure f = { 0 };
  guint moved = 0, n_items, rank_after;
  char line[64];

  january = hrb_store_get_frozen (store, "Triagetafel januari", &error);
  g_assert_no_error (error);
  n_items = january->ranking->rows->len;
  for (guint i = 0; i < n_items; i++)
    {
      const HrbRankingRow *r = g_ptr_array_index (january->ranking->rows, i);
      if (r->rank > 0 && (last == NULL || r->rank > last->rank))
        last = r;
    }
  g_assert_nonnull (last);
  f.item_id = last->item_id;
  f.year = 2027;
  f.patients = (HrbRange) { 40000, 40000 };
  f.cost = (HrbRange) { 90000, 90000 };
  f.budget = HRB_RANGE_UNKNOWN;
  f.source = (char *) "Test";
  f.vintage = (char *) "2027-02-01";
  g_assert_cmpint (hrb_store_add_figure (store, &f, &error), >, 0);
  g_assert_no_error (error);
  /* The window reads the item again and re-ranks. */
  g_assert_nonnull (hrb_window_reload_item (window, last->item_id));
  hrb_scoring_refresh (window);
  rank_of_item = last->item_id;
  rank_before = last->rank;
  g_assert_true (wait_for (moved_up_cond, prospective ()));
  rank_after = hrb_item_object_get_rank (hrb_list_page_find (prospective (), last->item_id));

  g_action_group_activate_action (G_ACTION_GROUP (window), "freeze-list", NULL);
  settle (50);
  dialog = find_toplevel (HRB_TYPE_FREEZE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (hrb_freeze_dialog_submit (dialog, "Triagetafel maart", "2027-03-12", NULL));
  settle (50);

  /* The newest list compared with the one before it, changes only. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "frozen-lists", NULL);
  settle (50);
  frozen = find_toplevel (HRB_TYPE_FROZEN_WINDOW);
  g_assert_nonnull (frozen);
  g_assert_true (wait_for (mapped_cond, frozen));
  g_assert_nonnull (strstr (hrb_frozen_window_get_summary (frozen),
                            "From “Triagetafel januari” to “Triagetafel maart”: moved up "));
  g_assert_cmpuint (hrb_frozen_window_get_n_rows (frozen), >=, 1);
  g_assert_cmpuint (hrb_frozen_window_get_n_rows (frozen), <, n_items);
  g_snprintf (line, sizeof line, "Moved up | %u → %u | ", rank_before, rank_after);
  for (guint i = 0; i < hrb_frozen_window_get_n_rows (frozen); i++)
    {
      g_autofree char *text = hrb_frozen_window_get_row_text (frozen, i);
      g_assert_null (strstr (text, "Unchanged"));
      if (g_str_has_prefix (text, line))
        {
          g_assert_nonnull (strstr (text, last->medicine));
          g_assert_nonnull (strstr (text, "patients"));
          moved++;
        }
    }
  g_assert_cmpuint (moved, ==, 1);
  save_png (GTK_WIDGET (frozen), "frozen-lists");
  /* Every item, also the unchanged ones. */
  hrb_frozen_window_set_changes_only (frozen, FALSE);
  g_assert_cmpuint (hrb_frozen_window_get_n_rows (frozen), ==, n_items);
  /* One list alone: its rows as frozen. */
  g_assert_true (hrb_frozen_window_select (frozen, "Triagetafel januari", NULL));
  g_assert_cmpuint (hrb_frozen_window_get_n_rows (frozen), ==, n_items);
  g_assert_nonnull (strstr (hrb_frozen_window_get_summary (frozen), "Prospective · 2027-01-15 · "));
  {
    g_autofree char *first = hrb_frozen_window_get_row_text (frozen, 0);
    g_assert_true (g_str_has_prefix (first, "1 | "));
  }
  g_assert_false (hrb_frozen_window_select (frozen, "No such list", NULL));
  gtk_window_close (GTK_WINDOW (frozen));
  settle (50);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("no display; skipping the GUI tests\n");
      return 77;
    }

  tmp_dir = g_dir_make_tmp ("hrb-gui-scoring-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "scoring.db", NULL);
  app = hrb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));
  window = hrb_application_open_database (app, db_path, TRUE);
  g_assert_nonnull (window);
  g_assert_true (wait_for (loaded_cond, window));
  /* Installed by the window; calling again is harmless. The prospective
   * list is on screen: it is re-ranked at once (the other one when the
   * changes pause). */
  hrb_scoring_install (window);
  hrb_window_show_page (window, "prospective");

  g_test_add_func ("/gui/scoring/columns", test_columns);
  g_test_add_func ("/gui/scoring/filters", test_filters);
  g_test_add_func ("/gui/scoring/editor-reranks", test_editor_reranks);
  g_test_add_func ("/gui/scoring/editor-eligibility", test_editor_eligibility);
  g_test_add_func ("/gui/scoring/explanation", test_explanation);
  g_test_add_func ("/gui/scoring/expert-score", test_expert_score);
  g_test_add_func ("/gui/scoring/sluis-what-if", test_sluis_what_if);
  g_test_add_func ("/gui/scoring/freeze-list", test_freeze_list);
  g_test_add_func ("/gui/scoring/frozen-lists", test_frozen_lists);
  status = g_test_run ();

  gtk_window_close (GTK_WINDOW (window));
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
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
