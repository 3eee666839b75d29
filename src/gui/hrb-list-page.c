/* hrb-list-page.c: a sortable, searchable list of items with a side pane. */
#include "config.h"
#include "hrb-list-page.h"
#include "hrb-a11y.h"
#include "hrb-compat.h"
#include "hrb-item-list.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

struct _HrbListPage
{
  GtkBox              parent_instance;

  HrbStream           stream;
  GSettings          *settings;
  HrbStore           *store;
  HrbNumberFormat     fmt;

  HrbItemList        *items;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GtkFilter          *filter;

  /* Filter state. */
  char               *needle;         /* folded search text */
  char              **needle_words;
  char               *filter_domain;  /* NULL: all */
  int                 filter_setting; /* -1: all */
  int                 filter_status;  /* -1: all */
  gboolean            eligible_only;  /* only ranked items (rank > 0) */
  GtkWidget          *status_dropdown;
  GArray             *status_choices; /* HrbPackageStatus per dropdown position - 1 */
  GtkWidget          *eligible_switch;
  GtkStringList      *domains;
  gboolean            updating_domains;

  char               *count_text;
  guint               search_idle;
  GHashTable         *bound_cells;    /* GtkListItem → TextCell: text cells on screen */
  gboolean            view_attached;  /* the column view shows the selection model */

  /* Template widgets. */
  GtkWidget          *filter_bar;
  GtkWidget          *search_entry;
  GtkWidget          *domain_dropdown;
  GtkWidget          *setting_dropdown;
  GtkWidget          *count_label;
  GtkWidget          *paned;
  GtkWidget          *list_stack;
  GtkWidget          *empty_actions;
  GtkWidget          *column_view;
  GtkWidget          *details;
};

G_DEFINE_FINAL_TYPE (HrbListPage, hrb_list_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_STREAM, PROP_SETTINGS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void update_state (HrbListPage *self);
static void name_inner_widgets (GtkWidget *widget, GType type, const char *name);
static char *settings_key (HrbListPage *self, const char *what);
static void restore_sort (HrbListPage *self);

/* Sorting ------------------------------------------------------------------ */

static int
compare_double (double a, double b)
{
  gboolean ka = !isnan (a), kb = !isnan (b);

  /* Unknown values sort below every known one. */
  if (!ka || !kb)
    return ka - kb;
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
tie_break (HrbItemObject *a, HrbItemObject *b)
{
  int r = strcmp (hrb_item_object_get_name_key (a), hrb_item_object_get_name_key (b));

  if (r != 0)
    return r;
  return hrb_item_object_get_id (a) < hrb_item_object_get_id (b) ? -1 :
         hrb_item_object_get_id (a) > hrb_item_object_get_id (b) ? 1 : 0;
}

static int
sign (int r)
{
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_medicine_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  return sign (tie_break ((HrbItemObject *) pa, (HrbItemObject *) pb));
}

static int
compare_atc_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  const char *x = hrb_item_object_get_item (a)->medicine.atc;
  const char *y = hrb_item_object_get_item (b)->medicine.atc;
  int r = g_strcmp0 (x ? x : "", y ? y : "");

  return sign (r ? r : tie_break (a, b));
}

static int
compare_indication_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = strcmp (hrb_item_object_get_indication_key (a), hrb_item_object_get_indication_key (b));

  return sign (r ? r : tie_break (a, b));
}

static int
compare_domain_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = strcmp (hrb_item_object_get_domain_key (a), hrb_item_object_get_domain_key (b));

  return sign (r ? r : tie_break (a, b));
}

static int
compare_setting_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = (int) hrb_item_object_get_item (a)->setting - (int) hrb_item_object_get_item (b)->setting;

  return sign (r ? r : tie_break (a, b));
}

static int
compare_status_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = (int) hrb_item_object_get_item (a)->status - (int) hrb_item_object_get_item (b)->status;

  return sign (r ? r : tie_break (a, b));
}

static int
compare_patients_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = compare_double (hrb_item_object_get_patients (a), hrb_item_object_get_patients (b));

  return sign (r ? r : tie_break (a, b));
}

static int
compare_cost_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = compare_double (hrb_item_object_get_cost (a), hrb_item_object_get_cost (b));

  return sign (r ? r : tie_break (a, b));
}

static int
compare_budget_cb (gconstpointer pa, gconstpointer pb, gpointer data)
{
  HrbItemObject *a = (HrbItemObject *) pa, *b = (HrbItemObject *) pb;
  int r = compare_double (hrb_item_object_get_budget (a), hrb_item_object_get_budget (b));

  return sign (r ? r : tie_break (a, b));
}

/* Cells -------------------------------------------------------------------- */

typedef struct {
  HrbListPage     *page;   /* unowned: the page outlives its columns */
  HrbCellTextFunc  func;
  gpointer         user_data;
  gboolean         numeric;
  guint            min_chars;
  guint            nat_chars;
  HrbCellBarFunc   bar;     /* NULL: no bar */
} TextCell;

/* Slim bars: the style sheet's classes bar-0 … bar-20 (steps of 5 %). */
#define BAR_STEPS 20

static void
set_bar (GtkWidget *cell, double part)
{
  static const char *classes[BAR_STEPS + 1];
  int old = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "hrb-bar")) - 1;
  int step = isnan (part) ? -1 : (int) lround (CLAMP (part, 0.0, 1.0) * BAR_STEPS);

  if (classes[0] == NULL)
    for (int i = 0; i <= BAR_STEPS; i++)
      classes[i] = g_intern_string (g_strdup_printf ("bar-%d", i));
  if (old == step)
    return;
  if (old >= 0)
    gtk_widget_remove_css_class (cell, classes[old]);
  if (step >= 0)
    gtk_widget_add_css_class (cell, classes[step]);
  g_object_set_data (G_OBJECT (cell), "hrb-bar", GINT_TO_POINTER (step + 1));
}

/* Tooltips show a cell's full text. They are computed on demand: setting a
 * tooltip on every bind costs a round trip to the display server. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
enable_tooltip (GtkWidget *cell)
{
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
}

static void
text_cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TextCell *tc = data;
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), tc->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), tc->nat_chars);
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  enable_tooltip (cell);
  if (tc->numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  if (tc->bar)
    gtk_widget_add_css_class (cell, "bar-cell");
  gtk_list_item_set_child (list_item, cell);
}

static void
text_cell_update (TextCell *tc, GtkListItem *list_item)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  HrbItemObject *obj = gtk_list_item_get_item (list_item);
  g_autofree char *text = tc->func (obj, &tc->page->fmt, tc->user_data);

  if (text == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), _("unknown"));
      gtk_widget_add_css_class (cell, "dim-label");
    }
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
      gtk_widget_remove_css_class (cell, "dim-label");
    }
  if (tc->bar)
    set_bar (cell, tc->bar (obj, tc->user_data));
}

static void
text_cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TextCell *tc = data;

  text_cell_update (tc, list_item);
  if (tc->page->bound_cells)
    g_hash_table_insert (tc->page->bound_cells, list_item, tc);
}

static void
text_cell_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TextCell *tc = data;

  if (tc->page->bound_cells)
    g_hash_table_remove (tc->page->bound_cells, list_item);
}

GtkListItemFactory *
hrb_list_page_text_factory_new (HrbListPage    *self,
                                HrbCellTextFunc func,
                                gpointer        user_data,
                                gboolean        numeric)
{
  GtkListItemFactory *factory;
  TextCell *tc;

  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  tc = g_new0 (TextCell, 1);
  tc->page = self;
  tc->func = func;
  tc->user_data = user_data;
  tc->numeric = numeric;
  tc->min_chars = numeric ? 9 : 8;
  tc->nat_chars = numeric ? 12 : 12;
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (text_cell_setup_cb), tc);
  g_signal_connect (factory, "bind", G_CALLBACK (text_cell_bind_cb), tc);
  g_signal_connect (factory, "unbind", G_CALLBACK (text_cell_unbind_cb), tc);
  g_object_set_data_full (G_OBJECT (factory), "hrb-text-cell", tc, g_free);
  return factory;
}

void
hrb_list_page_text_factory_set_bar (GtkListItemFactory *factory, HrbCellBarFunc func)
{
  TextCell *tc = g_object_get_data (G_OBJECT (factory), "hrb-text-cell");

  g_return_if_fail (tc != NULL);
  tc->bar = func;
}

/* The medicine cell: brand with the INN dimmed below, in one widget (rows
 * are created and destroyed while filtering: fewer widgets, faster). */
static void
medicine_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 2);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell), 2);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 18);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 10);
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cell, "medicine");
  enable_tooltip (cell);
  gtk_list_item_set_child (list_item, cell);
}

static void
medicine_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const HrbItem *item = hrb_item_object_get_item (gtk_list_item_get_item (list_item));
  const HrbMedicine *m = &item->medicine;
  gboolean has_brand = m->brand && m->brand[0];
  g_autofree char *markup = NULL;

  if (has_brand)
    markup = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" alpha=\"55%%\">%s</span>",
                                      m->brand, m->inn ? m->inn : "");
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", m->inn ? m->inn : "");
  gtk_inscription_set_markup (GTK_INSCRIPTION (cell), markup);
}

/* The indication cell: medicine-level items read "all indications". */
static void
indication_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 30);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 10);
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  enable_tooltip (cell);
  gtk_list_item_set_child (list_item, cell);
}

static void
indication_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const HrbItem *item = hrb_item_object_get_item (gtk_list_item_get_item (list_item));

  if (item->indication == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), _("all indications"));
      gtk_widget_add_css_class (cell, "dim-label");
    }
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), item->indication);
      gtk_widget_remove_css_class (cell, "dim-label");
    }
}

static char *
atc_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  const char *atc = hrb_item_object_get_item (obj)->medicine.atc;

  return atc && atc[0] ? g_strdup (atc) : NULL;
}

static char *
domain_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  const char *domain = hrb_item_object_get_item (obj)->domain;

  return domain && domain[0] ? g_strdup (domain) : NULL;
}

static char *
setting_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  HrbSetting s = hrb_item_object_get_item (obj)->setting;

  return s == HRB_SETTING_UNKNOWN ? NULL : g_strdup (hrb_setting_label (s));
}

static char *
status_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  return g_strdup (hrb_status_label (hrb_item_object_get_item (obj)->status));
}

static char *
range_text (const HrbNumberFormat *fmt, HrbRange r, gboolean money)
{
  if (!hrb_is_known (r.low) && !hrb_is_known (r.high))
    return NULL;
  return hrb_format_range (fmt, r, money);
}

static char *
patients_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  return range_text (fmt, hrb_item_object_get_item (obj)->figure.patients, FALSE);
}

static char *
cost_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  return range_text (fmt, hrb_item_object_get_item (obj)->figure.cost, TRUE);
}

static char *
budget_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer data)
{
  return range_text (fmt, hrb_item_object_get_budget_range (obj), TRUE);
}

GtkColumnViewColumn *
hrb_list_page_insert_column (HrbListPage        *self,
                             int                 position,
                             const char         *id,
                             const char         *title,
                             GtkListItemFactory *factory,
                             GtkSorter          *sorter,
                             gboolean            expand)
{
  GtkColumnViewColumn *column;
  GListModel *columns;

  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  column = gtk_column_view_column_new (title, factory);
  g_object_set_data_full (G_OBJECT (column), "hrb-column-id", g_strdup (id), g_free);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (sorter)
    {
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));
  if (position < 0 || (guint) position >= g_list_model_get_n_items (columns))
    gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  else
    gtk_column_view_insert_column (GTK_COLUMN_VIEW (self->column_view), position, column);
  g_object_unref (column);

  /* A column added after construction (e.g. Rank) may be the saved sort. */
  if (self->settings && sorter)
    {
      g_autofree char *key = settings_key (self, "column");
      g_autofree char *saved = g_settings_get_string (self->settings, key);

      if (g_strcmp0 (saved, id) == 0)
        restore_sort (self);
    }
  return column;
}

/* A text factory with its own cell widths (in characters). */
static GtkListItemFactory *
sized_text_factory (HrbListPage *self, HrbCellTextFunc func, gboolean numeric,
                    guint min_chars, guint nat_chars)
{
  GtkListItemFactory *factory = hrb_list_page_text_factory_new (self, func, NULL, numeric);
  TextCell *tc = g_object_get_data (G_OBJECT (factory), "hrb-text-cell");

  tc->min_chars = min_chars;
  tc->nat_chars = nat_chars;
  return factory;
}

static GtkListItemFactory *
signal_factory (GCallback setup, GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  return factory;
}

static GtkSorter *
sorter (GCompareDataFunc func)
{
  return hrb_compat_column_sorter_new (func, NULL, NULL);
}

static void
set_width (GtkColumnViewColumn *column, int width)
{
  gtk_column_view_column_set_fixed_width (column, width);
}

/* The standard columns, in order. Short and numeric columns have a fixed
 * width (wide enough for typical values; longer ones are ellipsized with
 * the full text in a tooltip); the text columns share the rest. */
static void
add_standard_columns (HrbListPage *self)
{
  GtkColumnViewColumn *c;

  c = hrb_list_page_insert_column (self, -1, "medicine", _("Medicine"),
                               signal_factory (G_CALLBACK (medicine_setup_cb), G_CALLBACK (medicine_bind_cb)),
                               sorter (compare_medicine_cb), FALSE);
  c = hrb_list_page_insert_column (self, -1, "atc", _("ATC"),
                               sized_text_factory (self, atc_text_cb, FALSE, 7, 7),
                               sorter (compare_atc_cb), FALSE);
  set_width (c, 80);
  c = hrb_list_page_insert_column (self, -1, "indication", _("Indication"),
                               signal_factory (G_CALLBACK (indication_setup_cb), G_CALLBACK (indication_bind_cb)),
                               sorter (compare_indication_cb), TRUE);
  c = hrb_list_page_insert_column (self, -1, "domain", _("Domain"),
                               sized_text_factory (self, domain_text_cb, FALSE, 8, 13),
                               sorter (compare_domain_cb), FALSE);
  c = hrb_list_page_insert_column (self, -1, "setting", _("Setting"),
                               sized_text_factory (self, setting_text_cb, FALSE, 10, 10),
                               sorter (compare_setting_cb), FALSE);
  set_width (c, 134);
  c = hrb_list_page_insert_column (self, -1, "status", _("Package Status"),
                               sized_text_factory (self, status_text_cb, FALSE, 12, 16),
                               sorter (compare_status_cb), FALSE);
  set_width (c, 118);
  c = hrb_list_page_insert_column (self, -1, "patients", _("Patients"),
                               sized_text_factory (self, patients_text_cb, TRUE, 7, 9),
                               sorter (compare_patients_cb), FALSE);
  set_width (c, 112);
  c = hrb_list_page_insert_column (self, -1, "cost", _("Cost per Patient"),
                               sized_text_factory (self, cost_text_cb, TRUE, 9, 14),
                               sorter (compare_cost_cb), FALSE);
  set_width (c, 120);
  c = hrb_list_page_insert_column (self, -1, "budget", _("Budget Impact"),
                               sized_text_factory (self, budget_text_cb, TRUE, 11, 18),
                               sorter (compare_budget_cb), FALSE);
  set_width (c, 172);
}

static GtkColumnViewColumn *
find_column (HrbListPage *self, const char *id)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "hrb-column-id"), id) == 0)
        return column;
    }
  return NULL;
}

gboolean
hrb_list_page_sort_by (HrbListPage *self, const char *column_id, GtkSortType order)
{
  GtkColumnViewColumn *column;

  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), FALSE);

  column = column_id ? find_column (self, column_id) : NULL;
  if (column_id && column == NULL)
    return FALSE;
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), column, order);
  return TRUE;
}

static char *
settings_key (HrbListPage *self, const char *what)
{
  return g_strdup_printf ("%s-sort-%s", hrb_stream_to_code (self->stream), what);
}

static void
view_sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, HrbListPage *self)
{
  g_autofree char *key_column = settings_key (self, "column");
  g_autofree char *key_direction = settings_key (self, "direction");
  GtkSortType order = GTK_SORT_ASCENDING;
  GtkColumnViewColumn *column;
  const char *id;

  if (self->settings == NULL || self->column_view == NULL)
    return;
  column = hrb_compat_column_view_get_primary_sort (GTK_COLUMN_VIEW (self->column_view), &order);
  id = column ? g_object_get_data (G_OBJECT (column), "hrb-column-id") : "";
  g_settings_set_string (self->settings, key_column, id ? id : "");
  g_settings_set_enum (self->settings, key_direction, order == GTK_SORT_DESCENDING ? 1 : 0);
}

static void
restore_sort (HrbListPage *self)
{
  g_autofree char *key_column = settings_key (self, "column");
  g_autofree char *key_direction = settings_key (self, "direction");
  g_autofree char *id = NULL;

  if (self->settings == NULL)
    return;
  id = g_settings_get_string (self->settings, key_column);
  if (id[0] != '\0')
    hrb_list_page_sort_by (self, id,
                           g_settings_get_enum (self->settings, key_direction) == 1
                           ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* Filtering ---------------------------------------------------------------- */

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  HrbListPage *self = user_data;
  HrbItemObject *obj = item;
  const HrbItem *it = hrb_item_object_get_item (obj);

  if (self->filter_setting >= 0 && (int) it->setting != self->filter_setting)
    return FALSE;
  if (self->filter_status >= 0 && (int) it->status != self->filter_status)
    return FALSE;
  if (self->eligible_only && hrb_item_object_get_rank (obj) <= 0)
    return FALSE;
  if (self->filter_domain && g_strcmp0 (it->domain, self->filter_domain) != 0)
    return FALSE;
  if (self->needle_words)
    {
      const char *hay = hrb_item_object_get_haystack (obj);

      for (guint i = 0; self->needle_words[i]; i++)
        if (self->needle_words[i][0] && strstr (hay, self->needle_words[i]) == NULL)
          return FALSE;
    }
  return TRUE;
}

static void
set_needle (HrbListPage *self, const char *text)
{
  g_autofree char *folded = hrb_item_object_fold (text ? text : "");
  GtkFilterChange change;

  if (g_strcmp0 (folded, self->needle) == 0)
    return;
  if (g_str_has_prefix (folded, self->needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->needle, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&folded);
  g_clear_pointer (&self->needle_words, g_strfreev);
  if (self->needle[0])
    self->needle_words = g_strsplit_set (self->needle, " \t", -1);
  gtk_filter_changed (self->filter, change);
}

void
hrb_list_page_apply_search (HrbListPage *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HRB_IS_LIST_PAGE (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  set_needle (self, text);
}

static gboolean
search_idle_cb (gpointer data)
{
  HrbListPage *self = data;

  self->search_idle = 0;
  hrb_list_page_apply_search (self);
  return G_SOURCE_REMOVE;
}

/* Replacing the text (paste, gtk_editable_set_text) passes through an empty
 * text, for which the entry reports at once: apply the search when the
 * main loop is idle again, so that only the final text filters. */
static void
search_changed_cb (HrbListPage *self)
{
  if (self->search_idle == 0)
    self->search_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, search_idle_cb, self, NULL);
}

static void
stop_search_cb (HrbListPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  hrb_list_page_apply_search (self);
}

static void
domain_selected_cb (HrbListPage *self)
{
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->domain_dropdown));
  const char *domain = NULL;
  gboolean was_all = self->filter_domain == NULL;

  if (self->updating_domains)
    return;
  if (pos != GTK_INVALID_LIST_POSITION && pos > 0)
    domain = gtk_string_list_get_string (self->domains, pos);
  if (g_strcmp0 (domain, self->filter_domain) == 0)
    return;
  g_free (self->filter_domain);
  self->filter_domain = g_strdup (domain);
  gtk_filter_changed (self->filter,
                      was_all ? GTK_FILTER_CHANGE_MORE_STRICT :
                      domain == NULL ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setting_selected_cb (HrbListPage *self)
{
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->setting_dropdown));
  int setting = pos == 1 ? HRB_SETTING_INTRAMURAL : pos == 2 ? HRB_SETTING_EXTRAMURAL : -1;
  gboolean was_all = self->filter_setting < 0;

  if (setting == self->filter_setting)
    return;
  self->filter_setting = setting;
  gtk_filter_changed (self->filter,
                      was_all ? GTK_FILTER_CHANGE_MORE_STRICT :
                      setting < 0 ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
status_selected_cb (HrbListPage *self)
{
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_dropdown));
  int status = pos > 0 && pos <= self->status_choices->len
               ? (int) g_array_index (self->status_choices, HrbPackageStatus, pos - 1) : -1;
  gboolean was_all = self->filter_status < 0;

  if (status == self->filter_status)
    return;
  self->filter_status = status;
  gtk_filter_changed (self->filter,
                      was_all ? GTK_FILTER_CHANGE_MORE_STRICT :
                      status < 0 ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
eligible_toggled_cb (HrbListPage *self)
{
  gboolean only = gtk_switch_get_active (GTK_SWITCH (self->eligible_switch));

  if (only == self->eligible_only)
    return;
  self->eligible_only = only;
  gtk_filter_changed (self->filter, only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

/* The package status filter (the statuses of the page's stream) and the
 * switch "only eligible", after the setting filter. */
static void
add_status_and_eligible (HrbListPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Only _eligible"));

  self->status_choices = g_array_new (FALSE, FALSE, sizeof (HrbPackageStatus));
  gtk_string_list_append (names, _("All statuses"));
  for (int st = 0; st < HRB_N_STATUS; st++)
    if (self->stream == HRB_STREAM_ANY || hrb_status_stream ((HrbPackageStatus) st) == self->stream)
      {
        HrbPackageStatus status = (HrbPackageStatus) st;
        g_array_append_val (self->status_choices, status);
        gtk_string_list_append (names, hrb_status_label (status));
      }
  self->status_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_widget_set_tooltip_text (self->status_dropdown, _("Filter by package status"));
  hrb_a11y_set_label (self->status_dropdown, _("Package status"));
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self);
  gtk_box_insert_child_after (GTK_BOX (self->filter_bar), self->status_dropdown, self->setting_dropdown);

  self->eligible_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->eligible_switch, GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->eligible_switch);
  gtk_widget_set_tooltip_text (box, _("Only the items that take part in the ranking"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->eligible_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Only eligible"), -1);
  g_signal_connect_swapped (self->eligible_switch, "notify::active", G_CALLBACK (eligible_toggled_cb), self);
  gtk_widget_set_margin_start (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->eligible_switch);
  gtk_box_insert_child_after (GTK_BOX (self->filter_bar), box, self->status_dropdown);
  /* The search keeps room for its text when the bar gets full. */
  gtk_widget_set_size_request (self->search_entry, 160, -1);
}

void
hrb_list_page_add_bar_widget (HrbListPage *self, GtkWidget *widget)
{
  g_return_if_fail (HRB_IS_LIST_PAGE (self));
  gtk_box_insert_child_after (GTK_BOX (self->filter_bar), widget,
                              gtk_widget_get_prev_sibling (self->count_label));
}

void
hrb_list_page_set_eligible_only (HrbListPage *self, gboolean only)
{
  g_return_if_fail (HRB_IS_LIST_PAGE (self));
  gtk_switch_set_active (GTK_SWITCH (self->eligible_switch), only);
}

gboolean
hrb_list_page_set_status_filter (HrbListPage *self, int status)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), FALSE);
  if (status < 0)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_dropdown), 0);
      return TRUE;
    }
  for (guint i = 0; i < self->status_choices->len; i++)
    if ((int) g_array_index (self->status_choices, HrbPackageStatus, i) == status)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_dropdown), i + 1);
        return TRUE;
      }
  return FALSE;
}

static void
rebuild_domains (HrbListPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      HrbItemObject *obj = hrb_item_list_peek (self->items, i);
      const char *domain = hrb_item_object_get_item (obj)->domain;

      if (domain && domain[0] && g_hash_table_add (seen, (gpointer) domain))
        g_ptr_array_add (names, (gpointer) domain);
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_insert (names, 0, (gpointer) _("All domains"));
  for (guint i = 1; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), self->filter_domain) == 0)
      selected = i;
  g_ptr_array_add (names, NULL);

  self->updating_domains = TRUE;
  gtk_string_list_splice (self->domains, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->domains)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->domain_dropdown), selected);
  self->updating_domains = FALSE;
  if (selected == 0 && self->filter_domain)
    {
      g_clear_pointer (&self->filter_domain, g_free);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_LESS_STRICT);
    }
}

/* State -------------------------------------------------------------------- */

static void
update_state (HrbListPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  const char *page = total == 0 ? "empty" : shown == 0 ? "no-results" : "list";

  g_free (self->count_text);
  /* Translators: "124 of 380 items" */
  self->count_text = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", total), shown, total);
  gtk_label_set_text (GTK_LABEL (self->count_label), self->count_text);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->list_stack)), page) != 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), page);
  /* Without items there is nothing to search, filter or show beside. */
  gtk_widget_set_sensitive (self->filter_bar, total > 0);
  gtk_widget_set_visible (self->details, total > 0);
}

static void
filter_items_changed_cb (GListModel *model, guint position, guint removed, guint added, HrbListPage *self)
{
  update_state (self);
}

static void
selection_changed_cb (HrbListPage *self)
{
  HrbItemObject *obj = gtk_single_selection_get_selected_item (self->selection);

  if (obj != hrb_item_details_get_item (HRB_ITEM_DETAILS (self->details)))
    hrb_item_details_set_item (HRB_ITEM_DETAILS (self->details), obj);
}

static void
pane_moved_cb (HrbListPage *self)
{
  gboolean position_set = FALSE;
  int position = gtk_paned_get_position (GTK_PANED (self->paned));

  /* Only positions chosen by the user (or restored), not the ones GTK
   * computes while allocating. */
  g_object_get (self->paned, "position-set", &position_set, NULL);
  if (self->settings && position_set && position > 0 &&
      position != g_settings_get_int (self->settings, "pane-position"))
    g_settings_set_int (self->settings, "pane-position", position);
}

/* Enter or a double click on a row edits the item. */
static void
row_activated_cb (GtkColumnView *view, guint position, HrbListPage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-item", NULL);
}

/* GObject ------------------------------------------------------------------ */

static void
hrb_list_page_constructed (GObject *object)
{
  HrbListPage *self = HRB_LIST_PAGE (object);

  G_OBJECT_CLASS (hrb_list_page_parent_class)->constructed (object);

  gtk_widget_add_css_class (GTK_WIDGET (self), hrb_stream_to_code (self->stream));
  add_status_and_eligible (self);
  restore_sort (self);
  g_signal_connect_object (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)),
                           "changed", G_CALLBACK (view_sorter_changed_cb), self, 0);
  if (self->settings)
    {
      int position = g_settings_get_int (self->settings, "pane-position");

      if (position > 0)
        gtk_paned_set_position (GTK_PANED (self->paned), position);
      g_signal_connect_object (self->paned, "notify::position", G_CALLBACK (pane_moved_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
hrb_list_page_dispose (GObject *object)
{
  HrbListPage *self = HRB_LIST_PAGE (object);

  g_clear_handle_id (&self->search_idle, g_source_remove);
  if (self->filter_model)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)), self);
      gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HRB_TYPE_LIST_PAGE);
  self->column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->items);
  g_clear_object (&self->filter);
  g_clear_object (&self->domains);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hrb_list_page_parent_class)->dispose (object);
}

static void
hrb_list_page_finalize (GObject *object)
{
  HrbListPage *self = HRB_LIST_PAGE (object);

  g_free (self->needle);
  g_strfreev (self->needle_words);
  g_free (self->filter_domain);
  g_clear_pointer (&self->status_choices, g_array_unref);
  g_free (self->count_text);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);

  G_OBJECT_CLASS (hrb_list_page_parent_class)->finalize (object);
}

static void
hrb_list_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  HrbListPage *self = HRB_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      self->stream = g_value_get_int (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hrb_list_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HrbListPage *self = HRB_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_int (value, self->stream);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The column view costs time and memory per item in the model (tens of
 * megabytes at 100,000 items), also while hidden: it gets the model when the
 * page is first shown, so that the page behind the other one does not delay
 * the start. The models, selection and search work without it. */
static void
hrb_list_page_map (GtkWidget *widget)
{
  HrbListPage *self = HRB_LIST_PAGE (widget);

  if (!self->view_attached && self->column_view)
    {
      self->view_attached = TRUE;
      gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));
    }
  GTK_WIDGET_CLASS (hrb_list_page_parent_class)->map (widget);
}

static void
hrb_list_page_class_init (HrbListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hrb_list_page_constructed;
  object_class->dispose = hrb_list_page_dispose;
  object_class->finalize = hrb_list_page_finalize;
  object_class->set_property = hrb_list_page_set_property;
  object_class->get_property = hrb_list_page_get_property;
  widget_class->map = hrb_list_page_map;

  properties[PROP_STREAM] =
    g_param_spec_int ("stream", NULL, NULL, HRB_STREAM_PROSPECTIVE, HRB_STREAM_RETROSPECTIVE,
                      HRB_STREAM_PROSPECTIVE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HRB_TYPE_ITEM_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/herbeoordeling/Herbeoordeling/ui/hrb-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, domain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, setting_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, paned);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, empty_actions);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HrbListPage, details);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
hrb_list_page_init (HrbListPage *self)
{
  const char *settings_choices[4];
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  hrb_number_format_current (&self->fmt);
  self->needle = g_strdup ("");
  self->filter_setting = -1;
  self->filter_status = -1;
  self->bound_cells = g_hash_table_new (NULL, NULL);

  self->items = hrb_item_list_new ();
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view))));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* The column view gets the model when the page is first shown. */
  g_signal_connect (self->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  add_standard_columns (self);

  self->domains = gtk_string_list_new (NULL);
  gtk_string_list_append (self->domains, _("All domains"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->domain_dropdown), G_LIST_MODEL (self->domains));
  g_signal_connect_swapped (self->domain_dropdown, "notify::selected", G_CALLBACK (domain_selected_cb), self);

  settings_choices[0] = _("All settings");
  settings_choices[1] = hrb_setting_label (HRB_SETTING_INTRAMURAL);
  settings_choices[2] = hrb_setting_label (HRB_SETTING_EXTRAMURAL);
  settings_choices[3] = NULL;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->setting_dropdown),
                           G_LIST_MODEL (gtk_string_list_new (settings_choices)));
  g_object_unref (gtk_drop_down_get_model (GTK_DROP_DOWN (self->setting_dropdown)));
  g_signal_connect_swapped (self->setting_dropdown, "notify::selected", G_CALLBACK (setting_selected_cb), self);

  g_signal_connect (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);

  name_inner_widgets (self->column_view, GTK_TYPE_LIST_VIEW, _("Items"));
  name_inner_widgets (self->domain_dropdown, GTK_TYPE_TOGGLE_BUTTON, _("Domain"));
  name_inner_widgets (self->setting_dropdown, GTK_TYPE_TOGGLE_BUTTON, _("Setting"));

  /* Delete removes the selected item while the table has the focus. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"),
                                                          gtk_named_action_new ("win.delete-item")));
  gtk_widget_add_controller (self->column_view, GTK_EVENT_CONTROLLER (shortcuts));

  update_state (self);
}

/* Gives the inner widgets of composite controls (the column view's list,
 * a drop-down's button) the accessible name of the control. */
static void
name_inner_widgets (GtkWidget *widget, GType type, const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_inner_widgets (c, type, name);
    }
}

/* API ---------------------------------------------------------------------- */

GtkWidget *
hrb_list_page_new (HrbStream stream, GSettings *settings)
{
  return g_object_new (HRB_TYPE_LIST_PAGE, "stream", stream, "settings", settings, NULL);
}

HrbStream
hrb_list_page_get_stream (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), HRB_STREAM_ANY);
  return self->stream;
}

void
hrb_list_page_set_store (HrbListPage *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_LIST_PAGE (self));

  g_set_object (&self->store, store);
  hrb_item_details_set_store (HRB_ITEM_DETAILS (self->details), store);
}

void
hrb_list_page_set_items (HrbListPage *self, GPtrArray *objects)
{
  g_return_if_fail (HRB_IS_LIST_PAGE (self));

  hrb_number_format_current (&self->fmt);
  hrb_item_list_set (self->items, objects);
  rebuild_domains (self);
  update_state (self);
}

static gboolean
find_position (HrbListPage *self, gint64 item_id, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      if (hrb_item_object_get_id (hrb_item_list_peek (self->items, i)) == item_id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

HrbItemObject *
hrb_list_page_find (HrbListPage *self, gint64 item_id)
{
  guint pos;
  HrbItemObject *obj;

  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);

  if (!find_position (self, item_id, &pos))
    return NULL;
  obj = hrb_item_list_peek (self->items, pos);
  return obj;
}

void
hrb_list_page_upsert (HrbListPage *self, HrbItemObject *obj)
{
  guint pos;
  const char *domain;

  g_return_if_fail (HRB_IS_LIST_PAGE (self));
  g_return_if_fail (HRB_IS_ITEM_OBJECT (obj));

  if (find_position (self, hrb_item_object_get_id (obj), &pos))
    hrb_item_list_replace (self->items, pos, obj);
  else
    hrb_item_list_append (self->items, obj);

  domain = hrb_item_object_get_item (obj)->domain;
  if (domain && domain[0])
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->domains));
      gboolean known = FALSE;

      for (guint i = 1; i < n && !known; i++)
        known = g_strcmp0 (gtk_string_list_get_string (self->domains, i), domain) == 0;
      if (!known)
        rebuild_domains (self);
    }
  if (hrb_item_details_get_item (HRB_ITEM_DETAILS (self->details)) == obj)
    hrb_item_details_set_item (HRB_ITEM_DETAILS (self->details), obj);
  update_state (self);
}

gboolean
hrb_list_page_remove (HrbListPage *self, gint64 item_id)
{
  guint pos;

  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), FALSE);

  if (!find_position (self, item_id, &pos))
    return FALSE;
  hrb_item_list_remove (self->items, pos);
  update_state (self);
  return TRUE;
}

GListModel *
hrb_list_page_get_items (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

GListModel *
hrb_list_page_get_visible (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

HrbItemObject *
hrb_list_page_get_selected (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
hrb_list_page_select (HrbListPage *self, gint64 item_id)
{
  guint n;

  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HrbItemObject) obj = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (hrb_item_object_get_id (obj) == item_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
hrb_list_page_focus_search (HrbListPage *self)
{
  g_return_if_fail (HRB_IS_LIST_PAGE (self));

  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkEditable *
hrb_list_page_get_search_entry (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

const char *
hrb_list_page_get_state (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (self->list_stack));
}

const char *
hrb_list_page_get_count_text (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return self->count_text;
}

GtkColumnView *
hrb_list_page_get_column_view (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return GTK_COLUMN_VIEW (self->column_view);
}

HrbItemDetails *
hrb_list_page_get_details (HrbListPage *self)
{
  g_return_val_if_fail (HRB_IS_LIST_PAGE (self), NULL);
  return HRB_ITEM_DETAILS (self->details);
}

void
hrb_list_page_add_empty_action (HrbListPage *self, const char *label, const char *action_name)
{
  GtkWidget *button;

  g_return_if_fail (HRB_IS_LIST_PAGE (self));

  button = gtk_button_new_with_mnemonic (label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_prepend (GTK_BOX (self->empty_actions), button);
}

void
hrb_list_page_redraw_cells (HrbListPage *self)
{
  GHashTableIter iter;
  gpointer list_item, tc;

  g_return_if_fail (HRB_IS_LIST_PAGE (self));
  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &list_item, &tc))
    text_cell_update (tc, list_item);
}

void
hrb_list_page_refresh (HrbListPage *self)
{
  GtkSortType order;
  GHashTableIter iter;
  gpointer list_item, tc;

  g_return_if_fail (HRB_IS_LIST_PAGE (self));

  if (self->column_view == NULL ||
      hrb_compat_column_view_get_primary_sort (GTK_COLUMN_VIEW (self->column_view), &order) != NULL)
    {
      hrb_item_list_changed_all (self->items);
      return;
    }
  /* Unsorted: the rows keep their order. Replacing them all would rebuild
   * every row widget; refilter (only the changes are emitted) and redraw the
   * text cells on screen instead. */
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &list_item, &tc))
    text_cell_update (tc, list_item);
}
