/* hrb-scoring-install.c: rank and score columns, the score explanation in the
 * side pane and the method editor window. */
#include "config.h"
#include "hrb-scoring-install.h"
#include "hrb-compat.h"
#include "hrb-format.h"
#include "hrb-expert-score.h"
#include "hrb-frozen-window.h"
#include "hrb-item-list.h"
#include "hrb-store-scoring.h"

#include <glib/gi18n.h>

#define DATA_KEY "hrb-scoring-install"

typedef struct {
  HrbWindow           *window;
  HrbStore            *store;
  guint64              generation;
  HrbScoreInput       *in;
  GPtrArray           *objects;      /* HrbItemObject whose items in->items borrows */
  HrbScoreResult      *result;
  HrbMethod           *method;       /* copy of the method that made result */
  GHashTable          *index;        /* item id → input index + 1 */
  HrbMethodEditor     *editor;
  HrbSluisCheck       *sluis;
  HrbScoreOptions      opts;
  GtkWidget           *editor_window;
  HrbScoreExplanation *explanations[2];
  gboolean             stale[2];     /* list not refreshed since the last scoring */
  guint                refresh_id;
  gboolean             adopting;     /* the editor is given a new store */
  gboolean             step_applied; /* the load step scored this load */
  gboolean             fresh;        /* the input is new, not scored yet */
  GtkWidget           *experts[2];   /* the expert score sections */
  GtkWidget           *method_buttons[2]; /* "Basis, version 1" above each list */
  char                *method_text;  /* "Method: Basis, version 1" (tooltip, accessible name) */
  HrbExpertScore      *removed;      /* the expert score Undo puts back */
} Install;

static Install *
get_install (HrbWindow *window)
{
  return g_object_get_data (G_OBJECT (window), DATA_KEY);
}

static void
install_free (gpointer data)
{
  Install *in = data;

  g_clear_object (&in->store);
  g_clear_pointer (&in->in, hrb_score_input_free);
  g_clear_pointer (&in->objects, g_ptr_array_unref);
  g_clear_pointer (&in->result, hrb_score_result_free);
  g_clear_pointer (&in->method, hrb_method_free);
  g_clear_pointer (&in->index, g_hash_table_unref);
  g_clear_handle_id (&in->refresh_id, g_source_remove);
  if (in->editor_window)
    gtk_window_destroy (GTK_WINDOW (in->editor_window));
  g_clear_object (&in->editor);
  g_clear_object (&in->sluis);
  g_clear_pointer (&in->removed, hrb_expert_score_free);
  g_free (in->method_text);
  g_free (in);
}

/* Index of an item in the scored input, or -1. */
static int
index_of (Install *in, gint64 item_id)
{
  gpointer v;

  if (in->index == NULL || in->result == NULL)
    return -1;
  v = g_hash_table_lookup (in->index, &item_id);
  return v ? GPOINTER_TO_INT (v) - 1 : -1;
}

static void rescore (Install *in, gboolean reload);

/* The input borrows the row objects' items; an edit replaces an item, and
 * every edit changes the store's generation: score again before the items
 * are read. Returns FALSE when the input could not be made current. */
static gboolean
ensure_current (Install *in)
{
  if (in->store == NULL || in->in == NULL)
    return in->in != NULL;
  if (hrb_store_get_generation (in->store) != in->generation)
    rescore (in, TRUE);
  return in->in != NULL && hrb_store_get_generation (in->store) == in->generation;
}

static void
update_explanation (Install *in, HrbStream stream)
{
  HrbListPage *page = hrb_window_get_list_page (in->window, stream);
  HrbItemObject *obj = page ? hrb_list_page_get_selected (page) : NULL;
  HrbScoreExplanation *ex = in->explanations[stream];
  int i;

  if (ex == NULL)
    return;
  if (in->store && in->in && hrb_store_get_generation (in->store) != in->generation)
    {
      /* Scoring again updates the explanation. */
      rescore (in, TRUE);
      return;
    }
  i = obj ? index_of (in, hrb_item_object_get_id (obj)) : -1;
  if (i < 0)
    {
      hrb_score_explanation_set_row (ex, NULL, NULL);
      return;
    }
  {
    g_autoptr(HrbRankingRow) row = hrb_ranking_row_new (in->method, in->in, in->result, (guint) i);
    hrb_score_explanation_set_row (ex, row, in->method);
  }
}

/* Puts the ranks and scores on the row objects of one list and refreshes it. */
static void
refresh_page (Install *in, HrbStream s)
{
  HrbListPage *page = hrb_window_get_list_page (in->window, s);
  GListModel *items;
  guint n;

  in->stale[s] = FALSE;
  if (page == NULL)
    return;
  items = hrb_list_page_get_items (page);
  n = g_list_model_get_n_items (items);
  for (guint k = 0; k < n; k++)
    {
      /* The array-backed list lends its objects without a reference. */
      HrbItemObject *obj = HRB_IS_ITEM_LIST (items) ? hrb_item_list_peek (HRB_ITEM_LIST (items), k)
                                                   : g_list_model_get_item (items, k);
      int i = index_of (in, hrb_item_object_get_id (obj));

      hrb_item_object_set_rank (obj, i >= 0 ? (int) in->result->rank[i] : 0);
      hrb_item_object_set_score (obj, i >= 0 ? in->result->score[HRB_POINT][i] : NAN);
      if (!HRB_IS_ITEM_LIST (items))
        g_object_unref (obj);
    }
  hrb_list_page_refresh (page);
  update_explanation (in, s);
}

static gboolean
refresh_stale_cb (gpointer data)
{
  Install *in = data;

  in->refresh_id = 0;
  for (int s = 0; s < 2; s++)
    if (in->stale[s])
      refresh_page (in, s);
  return G_SOURCE_REMOVE;
}

/* After scoring: the list on screen is updated at once; the other one when
 * the changes pause (while a weight is dragged, only the visible list is
 * updated per step). */
static void
apply_result (Install *in, gboolean all)
{
  HrbListPage *visible = hrb_window_get_visible_list_page (in->window);

  for (int s = 0; s < 2; s++)
    {
      if (all || hrb_window_get_list_page (in->window, s) == visible)
        refresh_page (in, s);
      else
        in->stale[s] = TRUE;
    }
  g_clear_handle_id (&in->refresh_id, g_source_remove);
  if (in->stale[0] || in->stale[1])
    in->refresh_id = g_timeout_add (250, refresh_stale_cb, in);
}

/* The score input over the row objects' items (borrowed: the input is kept
 * together with references to the objects), with the previous vintages and
 * expert scores from the store. Runs in the loading thread or, after an
 * edit, on the main thread. */
static HrbScoreInput *
build_input (HrbStore *store, GPtrArray *objects, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_sized_new (objects->len);
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(GHashTable) expert = NULL;

  for (guint k = 0; k < objects->len; k++)
    g_ptr_array_add (items, (gpointer) hrb_item_object_get_item (g_ptr_array_index (objects, k)));
  if ((previous = hrb_store_list_previous_figures (store, HRB_STREAM_ANY, error)) == NULL ||
      (expert = hrb_store_list_expert_scores (store, error)) == NULL)
    return NULL;
  return hrb_score_input_new_from_items (items, previous, expert, NULL);
}

/* The row objects of both lists, as the lists hold them. */
static GPtrArray *
list_objects (Install *in)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (int s = 0; s < 2; s++)
    {
      HrbListPage *page = hrb_window_get_list_page (in->window, s);
      GListModel *model = page ? hrb_list_page_get_items (page) : NULL;
      guint n = model ? g_list_model_get_n_items (model) : 0;

      for (guint k = 0; k < n; k++)
        g_ptr_array_add (objects, g_list_model_get_item (model, k));
    }
  return objects;
}

/* Takes a fresh input (and the objects it borrows from). */
static void
set_input (Install *in, HrbScoreInput *fresh, GPtrArray *objects)
{
  g_clear_pointer (&in->in, hrb_score_input_free);
  g_clear_pointer (&in->result, hrb_score_result_free);
  g_clear_pointer (&in->objects, g_ptr_array_unref);
  in->in = fresh;
  in->objects = objects;
  in->fresh = TRUE;
  in->generation = hrb_store_get_generation (in->store);
  g_clear_pointer (&in->index, g_hash_table_unref);
  in->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < in->in->n; i++)
    g_hash_table_insert (in->index, &in->in->item_id[i], GINT_TO_POINTER (i + 1));
}

/* Reloads the inputs when the store changed, then scores with the editor's
 * method (the last valid one while an edit is invalid). */
/* The method above each list: what ranks it, one click from changing it. */
static void
update_method_buttons (Install *in)
{
  g_autofree char *label = NULL;

  if (in->method == NULL)
    return;
  /* TRANSLATORS: above a list (with an icon): the scoring method that ranks it and its version. */
  label = g_strdup_printf (_("%s, version %d"), in->method->name, in->method->version);
  g_free (in->method_text);
  /* TRANSLATORS: the scoring method that ranks a list and its version. */
  in->method_text = g_strdup_printf (_("Method: %s, version %d"), in->method->name, in->method->version);
  for (int s = 0; s < 2; s++)
    if (in->method_buttons[s])
      {
        GtkWidget *text = g_object_get_data (G_OBJECT (in->method_buttons[s]), "hrb-label");
        g_autofree char *tip = g_strdup_printf ("%s. %s", in->method_text,
                                                _("Choose or change the scoring method"));

        gtk_label_set_text (GTK_LABEL (text), label);
        gtk_widget_set_tooltip_text (in->method_buttons[s], tip);
        gtk_accessible_update_property (GTK_ACCESSIBLE (in->method_buttons[s]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        in->method_text, -1);
      }
}

static void
rescore (Install *in, gboolean reload)
{
  const HrbMethod *m = in->editor ? hrb_method_editor_get_method (in->editor) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean loaded = FALSE;

  if (in->store == NULL)
    return;
  if (hrb_window_is_loading (in->window))
    {
      /* The loading thread uses the store; its load step scores when the
       * items are in. */
      if (in->method == NULL)
        in->method = hrb_method_new_basis ();
      return;
    }
  if (reload || in->in == NULL || hrb_store_get_generation (in->store) != in->generation)
    {
      g_autoptr(GPtrArray) objects = list_objects (in);
      HrbScoreInput *fresh = build_input (in->store, objects, &error);

      loaded = TRUE;
      if (fresh == NULL)
        {
          g_warning ("Cannot score the items: %s", error->message);
          return;
        }
      set_input (in, fresh, g_steal_pointer (&objects));
    }
  loaded = loaded || in->fresh;
  in->fresh = FALSE;
  if (m != NULL && hrb_method_validate (m, NULL))
    {
      g_clear_pointer (&in->method, hrb_method_free);
      in->method = hrb_method_copy (m);
    }
  if (in->method == NULL)
    in->method = hrb_method_new_basis ();
  in->result = hrb_score (in->method, in->in, &in->opts, in->result);
  hrb_sluis_check_set_counts (in->sluis,
                              hrb_sluis_count (in->in, HRB_STREAM_PROSPECTIVE, in->opts.sluis_cost_per_patient,
                                               in->opts.sluis_budget_impact),
                              hrb_sluis_count (in->in, HRB_STREAM_RETROSPECTIVE, in->opts.sluis_cost_per_patient,
                                               in->opts.sluis_budget_impact));
  /* New data: both lists now; a method change: the visible one first. */
  apply_result (in, loaded);
  update_method_buttons (in);
}

/* Columns ------------------------------------------------------------------ */

static char *
rank_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer user_data)
{
  int rank = hrb_item_object_get_rank (obj);

  return rank > 0 ? g_strdup_printf ("%d", rank) : g_strdup ("–");
}

static char *
score_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer user_data)
{
  double score = hrb_item_object_get_score (obj);

  return hrb_is_known (score) ? hrb_format_number (fmt, score, 2) : NULL;
}

/* Scores run from 0 to 100. */
static double
score_bar_cb (HrbItemObject *obj, gpointer user_data)
{
  double score = hrb_item_object_get_score (obj);

  return hrb_is_known (score) ? score / 100.0 : NAN;
}

static char *
range_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer user_data)
{
  Install *in = user_data;
  int i = index_of (in, hrb_item_object_get_id (obj));

  if (i < 0 || in->result->rank[i] == 0)
    return g_strdup ("–");
  if (in->result->unstable[i])
    /* TRANSLATORS: best–worst rank of an item whose rank is unstable. */
    return g_strdup_printf (_("%u–%u, unstable"), in->result->rank_best[i], in->result->rank_worst[i]);
  if (in->result->rank_best[i] == in->result->rank_worst[i])
    return g_strdup_printf ("%u", in->result->rank_best[i]);
  return g_strdup_printf ("%u–%u", in->result->rank_best[i], in->result->rank_worst[i]);
}

static char *
sluis_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer user_data)
{
  Install *in = user_data;
  int i = index_of (in, hrb_item_object_get_id (obj));

  /* Never empty, so that every row has the same cells for screen readers. */
  if (i < 0)
    return g_strdup ("–");
  /* TRANSLATORS: the item crosses the sluis thresholds. */
  return g_strdup (in->result->sluis[i] ? C_("sluis", "Yes") : "–");
}

/* Ranked items first by rank, then the others. */
static int
compare_rank_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint ra = (guint) hrb_item_object_get_rank ((HrbItemObject *) a) - 1;
  guint rb = (guint) hrb_item_object_get_rank ((HrbItemObject *) b) - 1;

  return (ra > rb) - (ra < rb);
}

static int
compare_score_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  double sa = hrb_item_object_get_score ((HrbItemObject *) a);
  double sb = hrb_item_object_get_score ((HrbItemObject *) b);

  if (isnan (sa) || isnan (sb))
    return isnan (sa) - isnan (sb);
  return (sa > sb) - (sa < sb);
}

static void
add_columns (Install *in, HrbListPage *page)
{
  GtkListItemFactory *score = hrb_list_page_text_factory_new (page, score_text_cb, in, TRUE);

  hrb_list_page_text_factory_set_bar (score, score_bar_cb);
  hrb_list_page_insert_column (page, 0, "rank", _("Rank"),
                               hrb_list_page_text_factory_new (page, rank_text_cb, in, TRUE),
                               hrb_compat_column_sorter_new (compare_rank_cb, NULL, NULL), FALSE);
  hrb_list_page_insert_column (page, 1, "score", _("Score"), score,
                               hrb_compat_column_sorter_new (compare_score_cb, NULL, NULL), FALSE);
  hrb_list_page_insert_column (page, 2, "rank_range", _("Rank Range"),
                               hrb_list_page_text_factory_new (page, range_text_cb, in, TRUE),
                               NULL, FALSE);
  hrb_list_page_insert_column (page, 3, "sluis", _("Sluis"),
                               hrb_list_page_text_factory_new (page, sluis_text_cb, in, FALSE),
                               NULL, FALSE);
}

/* Side pane ------------------------------------------------------------------ */

static void
section_update_cb (GtkWidget *section, HrbStore *store, HrbItemObject *obj, gpointer user_data)
{
  Install *in = user_data;
  HrbScoreExplanation *ex = HRB_SCORE_EXPLANATION (section);
  int i;

  if (in->store && hrb_store_get_generation (in->store) != in->generation && in->in != NULL)
    {
      rescore (in, TRUE);
      return;
    }
  i = obj ? index_of (in, hrb_item_object_get_id (obj)) : -1;
  if (i < 0)
    {
      hrb_score_explanation_set_row (ex, NULL, NULL);
      return;
    }
  {
    g_autoptr(HrbRankingRow) row = hrb_ranking_row_new (in->method, in->in, in->result, (guint) i);
    hrb_score_explanation_set_row (ex, row, in->method);
  }
}

/* The editor window ------------------------------------------------------------ */

static void
method_changed_cb (HrbMethodEditor *editor, Install *in)
{
  /* A new store: the caller scores once the items are read. */
  if (in->adopting)
    return;
  rescore (in, FALSE);
}

static void
sluis_changed_cb (HrbSluisCheck *check, Install *in)
{
  in->opts.sluis_cost_per_patient = hrb_sluis_check_get_cost_per_patient (check);
  in->opts.sluis_budget_impact = hrb_sluis_check_get_budget_impact (check);
  rescore (in, FALSE);
}

static gboolean
editor_close_cb (GtkWindow *window, Install *in)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  return TRUE;
}

static void
show_editor_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Install *in = get_install (HRB_WINDOW (user_data));

  if (in->editor_window == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      in->editor_window = adw_window_new ();
      gtk_window_set_title (GTK_WINDOW (in->editor_window), _("Scoring Methods"));
      gtk_window_set_transient_for (GTK_WINDOW (in->editor_window), GTK_WINDOW (in->window));
      gtk_window_set_default_size (GTK_WINDOW (in->editor_window), 560, 760);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (in->editor));
      gtk_widget_set_margin_start (GTK_WIDGET (in->sluis), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (in->sluis), 12);
      gtk_widget_set_margin_bottom (GTK_WIDGET (in->sluis), 12);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (in->sluis));
      adw_window_set_content (ADW_WINDOW (in->editor_window), box);
      g_signal_connect (in->editor_window, "close-request", G_CALLBACK (editor_close_cb), in);
    }
  gtk_window_present (GTK_WINDOW (in->editor_window));
}

static char *
freeze_list_cb (HrbFreezeDialog *dialog, const char *name, const char *date, const char *remark,
                gpointer user_data)
{
  Install *in = user_data;
  HrbStream stream = hrb_freeze_dialog_get_stream (dialog);
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(HrbMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  HrbFrozenList frozen = { 0 };

  if (in->store == NULL || in->result == NULL || !ensure_current (in))
    return g_strdup (_("Nothing is scored yet."));
  ranking = hrb_ranking_new (in->method, in->in, in->result, stream);
  method = hrb_method_copy (in->method);
  frozen.name = (char *) name;
  frozen.date = (char *) (date && *date ? date : NULL);
  frozen.remark = (char *) remark;
  frozen.stream = stream;
  if (hrb_store_freeze_list (in->store, &frozen, method, ranking, &error) == 0)
    return g_strdup (error->message);
  /* TRANSLATORS: a toast after freezing a list: name, rows, method, version. */
  toast = g_strdup_printf (_("Frozen “%s”: %u items, method %s version %d"), name, frozen.n_rows,
                           frozen.method_name, frozen.method_version);
  g_free (frozen.method_name);
  {
    AdwToast *t = adw_toast_new (toast);

    /* TRANSLATORS: a button on the toast: opens the frozen lists. */
    adw_toast_set_button_label (t, _("_Show"));
    adw_toast_set_action_name (t, "win.frozen-lists");
    hrb_window_add_toast (in->window, t);
  }
  return NULL;
}

static void
frozen_lists_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  HrbWindow *window = HRB_WINDOW (user_data);
  HrbStore *store = hrb_window_get_store (window);

  if (store == NULL)
    return;
  /* While the window loads, its thread has the store. */
  if (hrb_window_is_loading (window))
    {
      hrb_window_add_toast (window, adw_toast_new (_("The lists are still loading")));
      return;
    }
  gtk_window_present (GTK_WINDOW (hrb_frozen_window_new (GTK_WINDOW (window), store)));
}

static void
freeze_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Install *in = get_install (HRB_WINDOW (user_data));
  HrbListPage *page = hrb_window_get_visible_list_page (in->window);
  g_autofree char *label = NULL;
  HrbFreezeDialog *dialog;

  if (page == NULL)
    {
      hrb_window_add_toast (in->window, adw_toast_new (_("Show the prospective or the retrospective list to freeze it")));
      return;
    }
  if (in->method == NULL)
    rescore (in, TRUE);
  else
    ensure_current (in);
  if (in->method == NULL)
    {
      hrb_window_add_toast (in->window, adw_toast_new (_("Nothing is scored yet.")));
      return;
    }
  label = g_strdup_printf (_("method %s version %d"), in->method->name, in->method->version);
  dialog = hrb_freeze_dialog_new (GTK_WINDOW (in->window), hrb_list_page_get_stream (page), label,
                                  freeze_list_cb, in);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window's store, also for the method editor (without scoring: the
 * caller does that with the new items). */
static void
adopt_store (Install *in, HrbStore *store)
{
  if (store == in->store)
    return;
  g_set_object (&in->store, store);
  in->adopting = TRUE;
  hrb_method_editor_set_store (in->editor, store);
  in->adopting = FALSE;
}

/* Load step ------------------------------------------------------------------ */

typedef struct {
  HrbScoreInput *input;
  GPtrArray     *objects;   /* HrbItemObject, parallel to input */
  char          *error;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_pointer (&l->input, hrb_score_input_free);
  g_clear_pointer (&l->objects, g_ptr_array_unref);
  g_free (l->error);
  g_free (l);
}

/* Loading thread: the score input for the items just read (the window does
 * not use the store from the main thread meanwhile). */
static gpointer
load_thread_cb (HrbStore *store, GPtrArray *objects, gpointer user_data)
{
  Loaded *l = g_new0 (Loaded, 1);
  g_autoptr(GError) error = NULL;

  l->objects = g_ptr_array_new_full (objects->len, g_object_unref);
  for (guint k = 0; k < objects->len; k++)
    g_ptr_array_add (l->objects, g_object_ref (g_ptr_array_index (objects, k)));
  l->input = build_input (store, l->objects, &error);
  if (l->input == NULL)
    l->error = g_strdup (error->message);
  return l;
}

/* Main thread, the lists filled: score and put the ranks on the rows. */
static void
load_apply_cb (HrbWindow *window, gpointer result, gpointer user_data)
{
  Install *in = user_data;
  Loaded *l = result;

  adopt_store (in, hrb_window_get_store (window));
  in->step_applied = FALSE;
  if (in->store == NULL || l == NULL || l->input == NULL)
    {
      /* "items-loaded" tries again on the main thread. */
      if (l && l->error)
        g_warning ("Cannot score the items: %s", l->error);
      return;
    }
  set_input (in, g_steal_pointer (&l->input), g_steal_pointer (&l->objects));
  in->step_applied = TRUE;
  rescore (in, FALSE);
}

static void
items_loaded_cb (HrbWindow *window, Install *in)
{
  if (in->step_applied)
    {
      in->step_applied = FALSE;
      return;
    }
  adopt_store (in, hrb_window_get_store (window));
  rescore (in, TRUE);
}

/* Expert scores --------------------------------------------------------------- */

static gboolean
method_counts_expert (const HrbMethod *m)
{
  for (guint i = 0; m && i < m->criteria->len; i++)
    {
      const HrbCriterion *c = g_ptr_array_index (m->criteria, i);
      if (c->enabled && c->input == HRB_INPUT_EXPERT && c->weight > 0)
        return TRUE;
    }
  return FALSE;
}

static void
expert_update_cb (GtkWidget *section, HrbStore *store, HrbItemObject *obj, gpointer user_data)
{
  Install *in = user_data;
  g_autoptr(HrbExpertScore) e = NULL;
  g_autoptr(GError) error = NULL;

  /* While the window loads, its thread has the store. */
  if (obj == NULL || store == NULL || hrb_window_is_loading (in->window))
    {
      hrb_expert_section_set (section, NULL, method_counts_expert (in->method), FALSE);
      return;
    }
  e = hrb_store_get_expert_score (store, hrb_item_object_get_id (obj), &error);
  if (error && !g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot read the expert score: %s", error->message);
  hrb_expert_section_set (section, e, method_counts_expert (in->method), TRUE);
}

/* Shows the change in the side panes and the ranks. */
static void
expert_changed (Install *in)
{
  rescore (in, TRUE);
  for (int s = 0; s < 2; s++)
    {
      HrbListPage *page = hrb_window_get_list_page (in->window, s);
      HrbItemDetails *details = page ? hrb_list_page_get_details (page) : NULL;

      if (details)
        hrb_item_details_set_item (details, hrb_item_details_get_item (details));
    }
}

static char *
expert_save_cb (HrbExpertDialog *dialog, gint64 item_id, double score, const char *reason,
                gpointer user_data)
{
  Install *in = user_data;
  g_autoptr(HrbExpertScore) old = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (in->store == NULL)
    return g_strdup (_("No database is open."));
  old = hrb_store_get_expert_score (in->store, item_id, NULL);
  if (!hrb_store_set_expert_score (in->store, item_id, score, reason, &error))
    return g_strdup (error->message);
  expert_changed (in);
  if (hrb_is_known (score))
    toast = adw_toast_new (_("Expert score saved"));
  else
    {
      g_clear_pointer (&in->removed, hrb_expert_score_free);
      in->removed = g_steal_pointer (&old);
      toast = adw_toast_new (_("Expert score removed"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.expert-score-undo");
    }
  hrb_window_add_toast (in->window, toast);
  return NULL;
}

static void
expert_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Install *in = get_install (HRB_WINDOW (user_data));
  HrbListPage *page = hrb_window_get_visible_list_page (in->window);
  HrbItemObject *obj = page ? hrb_item_details_get_item (hrb_list_page_get_details (page)) : NULL;
  g_autoptr(HrbExpertScore) current = NULL;
  g_autofree char *label = NULL;
  const HrbItem *item;

  if (obj == NULL || in->store == NULL)
    {
      hrb_window_add_toast (in->window, adw_toast_new (_("Select an item to give it an expert score")));
      return;
    }
  if (hrb_window_is_loading (in->window))
    {
      hrb_window_add_toast (in->window, adw_toast_new (_("The lists are still loading")));
      return;
    }
  item = hrb_item_object_get_item (obj);
  label = g_strdup_printf ("%s: %s", hrb_medicine_display_name (&item->medicine),
                           item->indication ? item->indication : _("all indications"));
  current = hrb_store_get_expert_score (in->store, item->id, NULL);
  gtk_window_present (GTK_WINDOW (hrb_expert_dialog_new (GTK_WINDOW (in->window), item->id, label, current,
                                                         expert_save_cb, in)));
}

static void
expert_undo_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Install *in = get_install (HRB_WINDOW (user_data));
  g_autoptr(HrbExpertScore) e = g_steal_pointer (&in->removed);
  g_autoptr(GError) error = NULL;

  if (e == NULL || in->store == NULL)
    return;
  if (!hrb_store_set_expert_score (in->store, e->item_id, e->score, e->reason, &error))
    {
      hrb_window_add_toast (in->window, adw_toast_new (error->message));
      return;
    }
  expert_changed (in);
}

void
hrb_scoring_install (HrbWindow *window)
{
  static const GActionEntry actions[] = {
    { "scoring-methods", show_editor_cb, NULL, NULL, NULL, { 0 } },
    { "freeze-list", freeze_action_cb, NULL, NULL, NULL, { 0 } },
    { "frozen-lists", frozen_lists_action_cb, NULL, NULL, NULL, { 0 } },
    { "expert-score", expert_action_cb, NULL, NULL, NULL, { 0 } },
    { "expert-score-undo", expert_undo_cb, NULL, NULL, NULL, { 0 } },
  };
  Install *in;
  GMenu *items;

  g_return_if_fail (HRB_IS_WINDOW (window));
  if (get_install (window) != NULL)
    return;
  in = g_new0 (Install, 1);
  in->window = window;
  g_object_set_data_full (G_OBJECT (window), DATA_KEY, in, install_free);

  in->editor = g_object_ref_sink (HRB_METHOD_EDITOR (hrb_method_editor_new ()));
  g_signal_connect (in->editor, "method-changed", G_CALLBACK (method_changed_cb), in);
  hrb_score_options_init (&in->opts);
  in->sluis = g_object_ref_sink (HRB_SLUIS_CHECK (hrb_sluis_check_new ()));
  g_signal_connect (in->sluis, "changed", G_CALLBACK (sluis_changed_cb), in);
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
  if ((items = hrb_window_get_menu_section (window, "items")) != NULL)
    {
      g_menu_append (items, _("Scoring _Methods…"), "win.scoring-methods");
      g_menu_append (items, _("_Freeze List…"), "win.freeze-list");
      g_menu_append (items, _("Fro_zen Lists…"), "win.frozen-lists");
    }

  for (int s = 0; s < 2; s++)
    {
      HrbListPage *page = hrb_window_get_list_page (window, s);
      if (page == NULL)
        continue;
      add_columns (in, page);
      in->explanations[s] = HRB_SCORE_EXPLANATION (hrb_score_explanation_new ());
      gtk_widget_set_name (GTK_WIDGET (in->explanations[s]), "score-explanation");
      hrb_item_details_add_section (hrb_list_page_get_details (page), GTK_WIDGET (in->explanations[s]),
                                    section_update_cb, in, NULL);
      {
        /* An icon and the method's name: what ranks this list, one click from
         * changing it. The name gives way on a narrow window. */
        GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *text = gtk_label_new ("Basis");

        gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (text), 5);
        gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("view-sort-descending-symbolic"));
        gtk_box_append (GTK_BOX (content), text);
        in->method_buttons[s] = gtk_button_new ();
        gtk_button_set_child (GTK_BUTTON (in->method_buttons[s]), content);
        g_object_set_data (G_OBJECT (in->method_buttons[s]), "hrb-label", text);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (in->method_buttons[s]), "win.scoring-methods");
        gtk_widget_add_css_class (in->method_buttons[s], "flat");
      }
      hrb_list_page_add_bar_widget (page, in->method_buttons[s]);
      in->experts[s] = hrb_expert_section_new ("win.expert-score");
      hrb_item_details_add_section (hrb_list_page_get_details (page), in->experts[s], expert_update_cb,
                                    in, NULL);
    }
  hrb_window_add_load_step (window, load_thread_cb, load_apply_cb, loaded_free, in);
  g_signal_connect (window, "items-loaded", G_CALLBACK (items_loaded_cb), in);
  if (hrb_window_get_store (window) != NULL && !hrb_window_is_loading (window))
    items_loaded_cb (window, in);
}

HrbMethodEditor *
hrb_scoring_get_editor (HrbWindow *window)
{
  Install *in = get_install (window);

  return in ? in->editor : NULL;
}

HrbSluisCheck *
hrb_scoring_get_sluis_check (HrbWindow *window)
{
  Install *in = get_install (window);

  return in ? in->sluis : NULL;
}

const char *
hrb_scoring_get_method_label (HrbWindow *window, HrbStream stream)
{
  Install *in = get_install (window);

  g_return_val_if_fail (stream == HRB_STREAM_PROSPECTIVE || stream == HRB_STREAM_RETROSPECTIVE, NULL);
  return in ? in->method_text : NULL;
}

GtkWidget *
hrb_scoring_get_expert_section (HrbWindow *window, HrbStream stream)
{
  Install *in = get_install (window);

  g_return_val_if_fail (stream == HRB_STREAM_PROSPECTIVE || stream == HRB_STREAM_RETROSPECTIVE, NULL);
  return in ? in->experts[stream] : NULL;
}

HrbScoreExplanation *
hrb_scoring_get_explanation (HrbWindow *window, HrbStream stream)
{
  Install *in = get_install (window);

  g_return_val_if_fail (stream == HRB_STREAM_PROSPECTIVE || stream == HRB_STREAM_RETROSPECTIVE, NULL);
  return in ? in->explanations[stream] : NULL;
}

void
hrb_scoring_refresh (HrbWindow *window)
{
  Install *in = get_install (window);

  if (in)
    rescore (in, TRUE);
}
