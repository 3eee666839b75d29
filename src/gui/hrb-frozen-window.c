/* hrb-frozen-window.c: the frozen lists, one read-only or two compared. */
#include "config.h"
#include "hrb-frozen-window.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hrb-a11y.h"
#include "hrb-format.h"
#include "hrb-store-scoring.h"

#define N_COLUMNS 5

/* One line of the table: its cells, and below them a wrapped detail (why). */
#define HRB_TYPE_FROZEN_LINE (hrb_frozen_line_get_type ())
G_DECLARE_FINAL_TYPE (HrbFrozenLine, hrb_frozen_line, HRB, FROZEN_LINE, GObject)

struct _HrbFrozenLine
{
  GObject     parent_instance;
  char       *cells[N_COLUMNS];
  char       *detail;          /* NULL: none */
  const char *first_class;     /* CSS class of the first cell (up, down), or NULL */
};

G_DEFINE_FINAL_TYPE (HrbFrozenLine, hrb_frozen_line, G_TYPE_OBJECT)

static void
hrb_frozen_line_finalize (GObject *object)
{
  HrbFrozenLine *line = HRB_FROZEN_LINE (object);

  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (line->cells[c]);
  g_free (line->detail);
  G_OBJECT_CLASS (hrb_frozen_line_parent_class)->finalize (object);
}

static void
hrb_frozen_line_class_init (HrbFrozenLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_frozen_line_finalize;
}

static void
hrb_frozen_line_init (HrbFrozenLine *line)
{
}

struct _HrbFrozenWindow
{
  AdwWindow      parent_instance;

  HrbStore      *store;
  GPtrArray     *lists;          /* HrbFrozenList*, without rankings, by date */
  HrbFrozenList *a;              /* shown, with its ranking */
  HrbFrozenList *b;              /* compared with, or NULL */
  gboolean       changes_only;
  gboolean       updating;       /* the window sets its own choices */
  char          *summary_text;

  GtkWidget     *stack;
  GtkWidget     *combo_a;
  GtkWidget     *combo_b;
  GtkWidget     *changes_row;
  GtkWidget     *changes_switch;
  GtkWidget     *summary;
  GtkWidget     *table;          /* GtkColumnView over lines */
  GListStore    *lines;          /* HrbFrozenLine */
};

G_DEFINE_FINAL_TYPE (HrbFrozenWindow, hrb_frozen_window, ADW_TYPE_WINDOW)

static void
hrb_frozen_window_dispose (GObject *object)
{
  HrbFrozenWindow *self = HRB_FROZEN_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->a, hrb_frozen_list_free);
  g_clear_pointer (&self->b, hrb_frozen_list_free);
  g_clear_object (&self->lines);
  G_OBJECT_CLASS (hrb_frozen_window_parent_class)->dispose (object);
}

static void
hrb_frozen_window_finalize (GObject *object)
{
  g_free (HRB_FROZEN_WINDOW (object)->summary_text);
  G_OBJECT_CLASS (hrb_frozen_window_parent_class)->finalize (object);
}

static void
hrb_frozen_window_class_init (HrbFrozenWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_frozen_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = hrb_frozen_window_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hrb_frozen_window_init (HrbFrozenWindow *self)
{
  self->changes_only = TRUE;
}

/* The table ---------------------------------------------------------------- */

typedef enum { ALIGN_START, ALIGN_END } Align;

typedef struct {
  guint    column;
  gboolean numeric;
  gboolean with_detail;  /* the last column: the cell, then the detail below */
} CellSpec;

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  const CellSpec *spec = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), spec->numeric ? 1.0f : 0.0f);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  if (spec->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (spec->with_detail)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  const CellSpec *spec = data;
  HrbFrozenLine *line = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), line->cells[spec->column] ? line->cells[spec->column] : "");
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (spec->column == 0 && line->first_class)
    gtk_widget_add_css_class (label, line->first_class);
  if (spec->with_detail && line->cells[spec->column] == NULL)
    {
      /* The detail alone (why), dimmed. */
      gtk_label_set_text (GTK_LABEL (label), line->detail ? line->detail : "–");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

/* Sets the columns of the table: titles (NULL ends them early). */
static void
set_columns (HrbFrozenWindow *self, const char *const titles[N_COLUMNS], const Align align[N_COLUMNS],
             gboolean last_is_detail)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (self->table);
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (view, c);
    }
  for (guint c = 0; c < N_COLUMNS && titles[c]; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      CellSpec *spec = g_new0 (CellSpec, 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      spec->column = c;
      spec->numeric = align[c] == ALIGN_END;
      spec->with_detail = last_is_detail && (c + 1 == N_COLUMNS || titles[c + 1] == NULL);
      g_object_set_data_full (G_OBJECT (factory), "hrb-spec", spec, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), spec);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), spec);
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_expand (column, c >= 2);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }
}

static void
add_line (HrbFrozenWindow *self, const char *const texts[N_COLUMNS], const char *detail,
          const char *first_class)
{
  HrbFrozenLine *line = g_object_new (HRB_TYPE_FROZEN_LINE, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    line->cells[c] = g_strdup (texts[c]);
  line->detail = g_strdup (detail);
  line->first_class = first_class;
  g_list_store_append (self->lines, line);
  g_object_unref (line);
}

static char *
score_text (const HrbNumberFormat *fmt, double score)
{
  return isnan (score) ? g_strdup ("–") : hrb_format_number (fmt, score, 1);
}

static char *
rank_text (guint rank)
{
  return rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");
}

static void
show_list (HrbFrozenWindow *self, const HrbNumberFormat *fmt)
{
  const char *titles[N_COLUMNS] = { _("Rank"), _("Score"), _("Medicine"), _("Indication"), _("Rank Range") };
  const Align align[N_COLUMNS] = { ALIGN_END, ALIGN_END, ALIGN_START, ALIGN_START, ALIGN_START };
  GPtrArray *rows = self->a->ranking ? self->a->ranking->rows : NULL;

  set_columns (self, titles, align, FALSE);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      const HrbRankingRow *r = g_ptr_array_index (rows, i);
      g_autofree char *rank = rank_text (r->rank);
      g_autofree char *score = score_text (fmt, r->score);
      g_autofree char *range = NULL;
      const char *texts[N_COLUMNS];

      if (!r->eligible)
        range = g_strdup (r->reason ? r->reason : _("Not eligible"));
      else if (r->unstable)
        range = g_strdup_printf (_("%u–%u, unstable"), r->rank_best, r->rank_worst);
      else if (r->rank_best == r->rank_worst)
        range = g_strdup_printf ("%u", r->rank_best);
      else
        range = g_strdup_printf ("%u–%u", r->rank_best, r->rank_worst);
      texts[0] = rank;
      texts[1] = score;
      texts[2] = r->medicine;
      texts[3] = r->indication ? r->indication : _("all indications");
      texts[4] = range;
      add_line (self, texts, NULL, NULL);
    }
  g_free (self->summary_text);
  /* TRANSLATORS: a frozen list: its stream, date, method and version, then
   * the number of items, e.g. "Prospective · 2027-01-15 · Basis, version 1 · 66 items". */
  self->summary_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %s, version %d · %u item",
                                                     "%s · %s · %s, version %d · %u items",
                                                     self->a->n_rows),
                                        hrb_stream_label (self->a->stream),
                                        self->a->date ? self->a->date : "–", self->a->method_name,
                                        self->a->method_version, self->a->n_rows);
}

static const char *
change_label (HrbChangeKind kind)
{
  switch (kind)
    {
    case HRB_CHANGE_UP:
      return _("Moved up");
    case HRB_CHANGE_DOWN:
      return _("Moved down");
    case HRB_CHANGE_ENTERED:
      return _("Entered");
    case HRB_CHANGE_LEFT:
      return _("Left");
    case HRB_CHANGE_SAME:
    default:
      return _("Unchanged");
    }
}

static void
show_comparison (HrbFrozenWindow *self, const HrbNumberFormat *fmt)
{
  const char *titles[N_COLUMNS] = { _("Change"), _("Rank"), _("Medicine"), _("Indication"), _("Why") };
  const Align align[N_COLUMNS] = { ALIGN_START, ALIGN_END, ALIGN_START, ALIGN_START, ALIGN_START };
  g_autoptr(GPtrArray) changes = hrb_frozen_compare (self->a, self->b);
  guint count[HRB_CHANGE_LEFT + 1] = { 0 };

  /* The last column shows why, wrapped. */
  set_columns (self, titles, align, TRUE);
  for (guint i = 0; i < changes->len; i++)
    {
      const HrbRankChange *ch = g_ptr_array_index (changes, i);
      g_autofree char *from = rank_text (ch->rank_a);
      g_autofree char *to = rank_text (ch->rank_b);
      g_autofree char *ranks = NULL;
      const char *texts[N_COLUMNS];

      if ((guint) ch->kind <= HRB_CHANGE_LEFT)
        count[ch->kind]++;
      if (self->changes_only && ch->kind == HRB_CHANGE_SAME)
        continue;
      /* TRANSLATORS: the rank in the first list, then in the second. */
      ranks = g_strdup_printf (_("%s → %s"), from, to);
      texts[0] = change_label (ch->kind);
      texts[1] = ranks;
      texts[2] = ch->medicine;
      texts[3] = ch->indication ? ch->indication : _("all indications");
      texts[4] = NULL;
      add_line (self, texts, ch->why && *ch->why ? ch->why : NULL,
               ch->kind == HRB_CHANGE_UP || ch->kind == HRB_CHANGE_ENTERED ? "success"
               : ch->kind == HRB_CHANGE_DOWN || ch->kind == HRB_CHANGE_LEFT ? "warning" : NULL);
    }
  g_free (self->summary_text);
  /* TRANSLATORS: counts of a comparison of two frozen lists. */
  self->summary_text = g_strdup_printf (_("From “%s” to “%s”: moved up %u · moved down %u · entered %u · "
                                          "left %u · unchanged %u"),
                                        self->a->name, self->b->name, count[HRB_CHANGE_UP],
                                        count[HRB_CHANGE_DOWN], count[HRB_CHANGE_ENTERED],
                                        count[HRB_CHANGE_LEFT], count[HRB_CHANGE_SAME]);
}

static void
refresh (HrbFrozenWindow *self)
{
  HrbNumberFormat fmt;

  hrb_number_format_current (&fmt);
  g_list_store_remove_all (self->lines);
  gtk_widget_set_visible (self->changes_row, self->b != NULL);
  if (self->a == NULL)
    return;
  if (self->b != NULL)
    show_comparison (self, &fmt);
  else
    show_list (self, &fmt);
  gtk_label_set_text (GTK_LABEL (self->summary), self->summary_text);
}

/* Choices ------------------------------------------------------------------- */

static const HrbFrozenList *
list_at (HrbFrozenWindow *self, guint i)
{
  return i < self->lists->len ? g_ptr_array_index (self->lists, i) : NULL;
}

static int
index_of (HrbFrozenWindow *self, const char *name)
{
  for (guint i = 0; name && i < self->lists->len; i++)
    if (g_strcmp0 (((HrbFrozenList *) g_ptr_array_index (self->lists, i))->name, name) == 0)
      return (int) i;
  return -1;
}

/* Loads the lists the combo rows point at and shows them. */
static void
load_choices (HrbFrozenWindow *self)
{
  guint ia = adw_combo_row_get_selected (ADW_COMBO_ROW (self->combo_a));
  guint ib = adw_combo_row_get_selected (ADW_COMBO_ROW (self->combo_b));
  const HrbFrozenList *la = list_at (self, ia);
  /* Entry 0 of the second choice is "no comparison". */
  const HrbFrozenList *lb = ib > 0 ? list_at (self, ib - 1) : NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->a, hrb_frozen_list_free);
  g_clear_pointer (&self->b, hrb_frozen_list_free);
  if (la != NULL && (self->a = hrb_store_get_frozen (self->store, la->name, &error)) == NULL)
    g_warning ("Cannot read the frozen list “%s”: %s", la->name, error->message);
  if (self->a != NULL && lb != NULL && lb != la &&
      (self->b = hrb_store_get_frozen (self->store, lb->name, &error)) == NULL)
    g_warning ("Cannot read the frozen list “%s”: %s", lb->name, error->message);
  refresh (self);
}

static void
choice_changed_cb (GObject *row, GParamSpec *pspec, HrbFrozenWindow *self)
{
  if (!self->updating)
    load_choices (self);
}

static void
changes_only_cb (GObject *sw, GParamSpec *pspec, HrbFrozenWindow *self)
{
  self->changes_only = gtk_switch_get_active (GTK_SWITCH (sw));
  if (!self->updating)
    refresh (self);
}

gboolean
hrb_frozen_window_select (HrbFrozenWindow *self, const char *a, const char *b)
{
  int ia, ib;

  g_return_val_if_fail (HRB_IS_FROZEN_WINDOW (self), FALSE);
  ia = index_of (self, a);
  ib = b ? index_of (self, b) : -1;
  if (ia < 0 || (b != NULL && ib < 0))
    return FALSE;
  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->combo_a), (guint) ia);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->combo_b), (guint) (ib + 1));
  self->updating = FALSE;
  load_choices (self);
  return TRUE;
}

void
hrb_frozen_window_set_changes_only (HrbFrozenWindow *self, gboolean only)
{
  g_return_if_fail (HRB_IS_FROZEN_WINDOW (self));
  gtk_switch_set_active (GTK_SWITCH (self->changes_switch), only);
}

const char *
hrb_frozen_window_get_summary (HrbFrozenWindow *self)
{
  g_return_val_if_fail (HRB_IS_FROZEN_WINDOW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->summary));
}

guint
hrb_frozen_window_get_n_rows (HrbFrozenWindow *self)
{
  g_return_val_if_fail (HRB_IS_FROZEN_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->lines));
}

char *
hrb_frozen_window_get_row_text (HrbFrozenWindow *self, guint i)
{
  g_autoptr(HrbFrozenLine) line = NULL;
  GString *s;

  g_return_val_if_fail (HRB_IS_FROZEN_WINDOW (self), NULL);
  if ((line = g_list_model_get_item (G_LIST_MODEL (self->lines), i)) == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (line->cells[c])
      g_string_append_printf (s, "%s%s", s->len ? " | " : "", line->cells[c]);
  if (line->detail)
    g_string_append_printf (s, " | %s", line->detail);
  return g_string_free (s, FALSE);
}

/* Building ------------------------------------------------------------------ */

static GtkWidget *
combo_row (const char *title, GtkStringList *names)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  return row;
}

static GtkWidget *
build_empty (void)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Frozen Lists Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
      _("Freeze a list (main menu, Freeze List…) to keep its ranking as the committee decided "
        "on it. Frozen lists can be compared later."));
  return page;
}

static GtkWidget *
build_lists (HrbFrozenWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *choices = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GtkStringList) names_a = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names_b = gtk_string_list_new (NULL);

  gtk_string_list_append (names_b, _("None (this list alone)"));
  for (guint i = 0; i < self->lists->len; i++)
    {
      const HrbFrozenList *f = g_ptr_array_index (self->lists, i);
      gtk_string_list_append (names_a, f->name);
      gtk_string_list_append (names_b, f->name);
    }
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (choices), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (choices, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (choices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lists to show"), -1);
  self->combo_a = combo_row (_("Frozen list"), names_a);
  self->combo_b = combo_row (_("Compare with"), names_b);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->combo_b),
                               _("What moved up or down, entered or left since then, and why"));
  self->changes_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->changes_row), _("Only Changes"));
  self->changes_switch = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (self->changes_switch), self->changes_only);
  gtk_widget_set_valign (self->changes_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->changes_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Only Changes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->changes_row), self->changes_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->changes_row), self->changes_switch);
  gtk_list_box_append (GTK_LIST_BOX (choices), self->combo_a);
  gtk_list_box_append (GTK_LIST_BOX (choices), self->combo_b);
  gtk_list_box_append (GTK_LIST_BOX (choices), self->changes_row);
  gtk_box_append (GTK_BOX (box), choices);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_selectable (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_box_append (GTK_BOX (box), self->summary);

  /* The table: a column view (only the lines on screen are built). */
  self->lines = g_list_store_new (HRB_TYPE_FROZEN_LINE);
  self->table = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                       g_object_ref (G_LIST_MODEL (self->lines)))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->table), TRUE);
  gtk_widget_add_css_class (self->table, "frozen-table");
  hrb_a11y_set_label (self->table, _("Items of the frozen list"));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->table);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (frame), scrolled);
  gtk_widget_set_vexpand (frame, TRUE);
  gtk_box_append (GTK_BOX (box), frame);

  g_signal_connect (self->combo_a, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->combo_b, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->changes_switch, "notify::active", G_CALLBACK (changes_only_cb), self);
  return box;
}

HrbFrozenWindow *
hrb_frozen_window_new (GtkWindow *parent, HrbStore *store)
{
  HrbFrozenWindow *self = g_object_new (HRB_TYPE_FROZEN_WINDOW, "transient-for", parent,
                                        "default-width", 980, "default-height", 640,
                                        "destroy-with-parent", TRUE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HRB_IS_STORE (store), self);
  self->store = g_object_ref (store);
  gtk_window_set_title (GTK_WINDOW (self), _("Frozen Lists"));
  if ((self->lists = hrb_store_list_frozen (store, &error)) == NULL)
    {
      g_warning ("Cannot read the frozen lists: %s", error->message);
      self->lists = g_ptr_array_new ();
    }
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), build_empty (), "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), build_lists (self), "lists");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_window_set_content (ADW_WINDOW (self), box);
  /* The pop-up lists of the two choices, named after their rows. */
  hrb_a11y_fix_tree (box);

  if (self->lists->len == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return self;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "lists");
  /* The newest list, compared with the one before it when there is one. */
  if (self->lists->len >= 2)
    hrb_frozen_window_select (self, list_at (self, self->lists->len - 2)->name,
                              list_at (self, self->lists->len - 1)->name);
  else
    hrb_frozen_window_select (self, list_at (self, 0)->name, NULL);
  return self;
}
