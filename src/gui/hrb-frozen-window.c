/* hrb-frozen-window.c: the frozen lists, one read-only or two compared. */
#include "config.h"
#include "hrb-frozen-window.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hrb-a11y.h"
#include "hrb-format.h"
#include "hrb-store-scoring.h"

#define N_COLUMNS 5

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
  GtkWidget     *titles;         /* the column titles */
  GtkWidget     *rows;           /* GtkListBox */
  GtkSizeGroup  *columns[N_COLUMNS];
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
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
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

/* One line of the table: five labels in the column size groups. */
static GtkWidget *
table_line (HrbFrozenWindow *self, const char *const texts[N_COLUMNS], const Align align[N_COLUMNS],
            guint n_columns, gboolean title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (texts[c] ? texts[c] : "");

      gtk_label_set_xalign (GTK_LABEL (label), align[c] == ALIGN_END ? 1.0f : 0.0f);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      if (c >= 2)
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_width_chars (GTK_LABEL (label), 16);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        }
      if (title)
        gtk_widget_add_css_class (label, "heading");
      else if (align[c] == ALIGN_END)
        gtk_widget_add_css_class (label, "numeric");
      gtk_size_group_add_widget (self->columns[c], label);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
clear_table (HrbFrozenWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->titles)) != NULL)
    gtk_box_remove (GTK_BOX (self->titles), child);
  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->rows), child);
  /* The labels left their size groups with the rows. */
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_clear_object (&self->columns[i]);
      self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
    }
}

/* A line of the table; detail (may be NULL) goes below it, wrapped. */
static void
add_row (HrbFrozenWindow *self, const char *const texts[N_COLUMNS], const Align align[N_COLUMNS],
         guint n_columns, const char *detail, const char *first_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *line = table_line (self, texts, align, n_columns, FALSE);
  g_autofree char *label = g_strjoin (", ", texts[0], texts[1], texts[2], texts[3],
                                      n_columns > 4 ? texts[4] : detail, NULL);

  /* The first column's colour repeats its text (up, down). */
  if (first_class != NULL)
    gtk_widget_add_css_class (gtk_widget_get_first_child (line), first_class);
  if (detail != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *why = gtk_label_new (detail);

      gtk_widget_set_margin_bottom (line, 0);
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (why), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_widget_set_margin_start (why, 12);
      gtk_widget_set_margin_end (why, 12);
      gtk_widget_set_margin_bottom (why, 8);
      gtk_widget_add_css_class (why, "dim-label");
      gtk_box_append (GTK_BOX (box), line);
      gtk_box_append (GTK_BOX (box), why);
      line = box;
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* A screen reader reads the whole line as one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_append (GTK_LIST_BOX (self->rows), row);
}

static void
set_titles (HrbFrozenWindow *self, const char *const titles[N_COLUMNS], const Align align[N_COLUMNS],
            guint n_columns)
{
  gtk_box_append (GTK_BOX (self->titles), table_line (self, titles, align, n_columns, TRUE));
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

  set_titles (self, titles, align, N_COLUMNS);
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
      add_row (self, texts, align, N_COLUMNS, NULL, NULL);
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
  const char *titles[N_COLUMNS] = { _("Change"), _("Rank"), _("Medicine"), _("Indication"), NULL };
  const Align align[N_COLUMNS] = { ALIGN_START, ALIGN_END, ALIGN_START, ALIGN_START, ALIGN_START };
  g_autoptr(GPtrArray) changes = hrb_frozen_compare (self->a, self->b);
  guint count[HRB_CHANGE_LEFT + 1] = { 0 };

  /* Four columns; why goes below each line, across the table. */
  set_titles (self, titles, align, N_COLUMNS - 1);
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
      add_row (self, texts, align, N_COLUMNS - 1, ch->why && *ch->why ? ch->why : NULL,
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
  clear_table (self);
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
  guint n = 0;

  g_return_val_if_fail (HRB_IS_FROZEN_WINDOW (self), 0);
  for (GtkWidget *c = gtk_widget_get_first_child (self->rows); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

static void
append_label_texts (GtkWidget *widget, GString *s)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append_printf (s, "%s%s", s->len ? " | " : "", gtk_label_get_text (GTK_LABEL (widget)));
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    append_label_texts (c, s);
}

char *
hrb_frozen_window_get_row_text (HrbFrozenWindow *self, guint i)
{
  GtkListBoxRow *row;
  GString *s;

  g_return_val_if_fail (HRB_IS_FROZEN_WINDOW (self), NULL);
  if ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->rows), (int) i)) == NULL)
    return NULL;
  s = g_string_new (NULL);
  append_label_texts (gtk_list_box_row_get_child (row), s);
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

  /* The table: titles above a list of lines that scrolls. */
  gtk_widget_add_css_class (frame, "card");
  self->titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (frame), self->titles);
  gtk_box_append (GTK_BOX (frame), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->rows), GTK_SELECTION_NONE);
  gtk_list_box_set_show_separators (GTK_LIST_BOX (self->rows), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Items of the frozen list"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->rows);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
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
  for (guint i = 0; i < N_COLUMNS; i++)
    self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
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
