/* hrb-dossiers-page.c: the Dossiers page. */
#include "config.h"
#include "hrb-a11y.h"
#include "hrb-dossiers-page.h"
#include "hrb-dossier-object.h"
#include "hrb-format.h"
#include "hrb-store-dossier.h"

#include <glib/gi18n.h>

enum {
  COL_MEDICINE,
  COL_INDICATION,
  COL_STAGE,
  COL_PARTY,
  COL_DAYS,
  COL_DUE,
  COL_OVERDUE,
  COL_PARKED,
  N_COLS
};

struct _HrbDossiersPage
{
  GtkBox            parent_instance;

  HrbStore         *store;
  guint64           generation;
  gboolean          loaded;

  GListStore       *items;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkCustomFilter  *filter;
  GPtrArray        *domains;           /* char *, choices after "All domains" */
  gboolean          filling;

  int               stage_filter;
  int               party_filter;
  char             *domain_filter;

  GtkWidget        *stack;             /* "list", "dossier" */
  GtkWidget        *list_stack;        /* "table", "grouped", "empty" */
  GtkWidget        *stage_dropdown;
  GtkWidget        *party_dropdown;
  GtkWidget        *domain_dropdown;
  GtkWidget        *group_toggle;
  GtkWidget        *count_label;
  GtkWidget        *column_view;
  GtkWidget        *grouped_box;
  GtkWidget        *view;
};

G_DEFINE_FINAL_TYPE (HrbDossiersPage, hrb_dossiers_page, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Cells -------------------------------------------------------------------- */

static char *
cell_text (const HrbDossier *d, int col)
{
  switch (col)
    {
    case COL_MEDICINE:
      return g_strdup (d->medicine);
    case COL_INDICATION:
      return g_strdup (d->indication ? d->indication : _("All indications"));
    case COL_STAGE:
      if (d->look_again_due)
        /* Translators: a parked dossier whose date to look again has come */
        return g_strdup_printf (_("%s — look again"), hrb_stage_label (d->stage));
      return g_strdup (hrb_stage_label (d->stage));
    case COL_PARTY:
      return g_strdup (hrb_party_label (d->party));
    case COL_DAYS:
      return hrb_stage_is_final (d->stage) ? g_strdup ("") : g_strdup_printf ("%d", d->days_in_stage);
    case COL_DUE:
      return d->due_date ? hrb_format_date (d->due_date) : g_strdup ("");
    case COL_OVERDUE:
      return g_strdup (d->overdue ? _("Overdue") : "");
    case COL_PARKED:
      return d->stage == HRB_STAGE_PARKED && d->look_again ? hrb_format_date (d->look_again) : g_strdup ("");
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  int col = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), col == COL_DAYS ? 1 : 0);
  if (col == COL_DAYS)
    gtk_widget_add_css_class (label, "numeric");
  if (col == COL_MEDICINE)
    gtk_widget_add_css_class (label, "heading");
  if (col == COL_OVERDUE)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  int col = GPOINTER_TO_INT (user_data);
  HrbDossierObject *obj = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (hrb_dossier_object_get_dossier (obj), col);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, col == COL_MEDICINE || col == COL_INDICATION ? text : NULL);
}

static int
compare_cells (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const HrbDossier *x = hrb_dossier_object_get_dossier ((HrbDossierObject *) a);
  const HrbDossier *y = hrb_dossier_object_get_dossier ((HrbDossierObject *) b);
  int col = GPOINTER_TO_INT (user_data);
  int c = 0;

  switch (col)
    {
    case COL_MEDICINE:
      c = g_utf8_collate (x->medicine, y->medicine);
      break;
    case COL_INDICATION:
      c = g_utf8_collate (x->indication ? x->indication : "", y->indication ? y->indication : "");
      break;
    case COL_STAGE:
      c = (int) x->stage - (int) y->stage;
      break;
    case COL_PARTY:
      c = (int) x->party - (int) y->party;
      break;
    case COL_DAYS:
      c = x->days_in_stage - y->days_in_stage;
      break;
    case COL_DUE:
      /* No due date sorts last. */
      c = (x->due_date == NULL) - (y->due_date == NULL);
      if (c == 0)
        c = g_strcmp0 (x->due_date, y->due_date);
      break;
    case COL_OVERDUE:
      c = (int) x->overdue - (int) y->overdue;
      break;
    case COL_PARKED:
      c = g_strcmp0 (x->look_again, y->look_again);
      break;
    default:
      break;
    }
  if (c == 0)
    c = x->id < y->id ? -1 : x->id > y->id;
  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_column (HrbDossiersPage *self, int col, const char *title, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_cells, GINT_TO_POINTER (col), NULL);
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (col));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (col));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

/* Filtering ---------------------------------------------------------------- */

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  HrbDossiersPage *self = user_data;
  const HrbDossier *d = hrb_dossier_object_get_dossier (item);

  if (self->stage_filter == HRB_DOSSIERS_FILTER_ACTIVE && !d->active)
    return FALSE;
  if (self->stage_filter >= 0 && (int) d->stage != self->stage_filter)
    return FALSE;
  if (self->party_filter != HRB_PARTY_NONE && (int) d->party != self->party_filter)
    return FALSE;
  if (self->domain_filter && g_strcmp0 (d->domain, self->domain_filter) != 0)
    return FALSE;
  return TRUE;
}

static void rebuild_grouped (HrbDossiersPage *self);

static void
update_count (HrbDossiersPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = g_strdup_printf (_("%u of %u dossiers"), shown, total);

  gtk_label_set_text (GTK_LABEL (self->count_label), text);
  if (total == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "empty");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack),
                                      gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->group_toggle))
                                      ? "grouped" : "table");
  rebuild_grouped (self);
}

static void
refilter (HrbDossiersPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
dropdowns_changed_cb (HrbDossiersPage *self)
{
  guint s, p, dm;

  if (self->filling)
    return;
  s = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->stage_dropdown));
  p = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->party_dropdown));
  dm = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->domain_dropdown));
  self->stage_filter = s == 0 || s == GTK_INVALID_LIST_POSITION ? HRB_DOSSIERS_FILTER_ACTIVE
                       : s == 1 ? HRB_DOSSIERS_FILTER_ALL : (int) s - 2;
  self->party_filter = p == 0 || p == GTK_INVALID_LIST_POSITION ? HRB_PARTY_NONE : (int) p - 1;
  g_clear_pointer (&self->domain_filter, g_free);
  if (dm != 0 && dm != GTK_INVALID_LIST_POSITION && dm <= self->domains->len)
    self->domain_filter = g_strdup (g_ptr_array_index (self->domains, dm - 1));
  refilter (self);
}

void
hrb_dossiers_page_set_filter (HrbDossiersPage *self, int stage, int party, const char *domain)
{
  guint dm = 0;

  g_return_if_fail (HRB_IS_DOSSIERS_PAGE (self));
  for (guint i = 0; domain && i < self->domains->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->domains, i), domain) == 0)
      dm = i + 1;
  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->stage_dropdown),
                              stage == HRB_DOSSIERS_FILTER_ACTIVE ? 0 :
                              stage == HRB_DOSSIERS_FILTER_ALL ? 1 : (guint) stage + 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->party_dropdown),
                              party == HRB_PARTY_NONE ? 0 : (guint) party + 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->domain_dropdown), dm);
  self->filling = FALSE;
  dropdowns_changed_cb (self);
}

/* Grouped by who must act ---------------------------------------------------- */

static void
grouped_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, HrbDossiersPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "dossier-id"));

  if (id > 0)
    hrb_dossiers_page_open (self, id);
}

static void
rebuild_grouped (HrbDossiersPage *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grouped_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->grouped_box), child);
  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->group_toggle)))
    return;

  /* Parties in their order; the dossiers nobody has to act on last. */
  for (int k = 0; k <= HRB_N_PARTIES; k++)
    {
      int p = k < HRB_N_PARTIES ? k : HRB_PARTY_NONE;
      GtkWidget *group = NULL, *list = NULL;
      guint count = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HrbDossierObject) obj = g_list_model_get_item (model, i);
          const HrbDossier *d = hrb_dossier_object_get_dossier (obj);
          GtkWidget *row;
          g_autofree char *title = NULL;
          g_autofree char *sub = NULL;
          g_autofree char *due = NULL;
          g_autofree char *stage = NULL;

          if ((int) d->party != p)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              list = gtk_list_box_new ();
              hrb_a11y_set_label (list, p < HRB_N_PARTIES ? hrb_party_label (p) : _("Nobody"));
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              g_signal_connect (list, "row-activated", G_CALLBACK (grouped_row_activated_cb), self);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
              gtk_box_append (GTK_BOX (self->grouped_box), group);
            }
          count++;
          row = adw_action_row_new ();
          title = d->indication ? g_strdup_printf ("%s — %s", d->medicine, d->indication)
                                : g_strdup (d->medicine);
          due = d->due_date ? hrb_format_date (d->due_date) : NULL;
          stage = cell_text (d, COL_STAGE);
          sub = due ? g_strdup_printf (_("%s · %d days in stage · due %s"), stage, d->days_in_stage, due)
                    : g_strdup_printf (_("%s · %d days in stage"), stage, d->days_in_stage);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
          if (d->overdue)
            {
              GtkWidget *late = gtk_label_new (_("Overdue"));
              gtk_widget_add_css_class (late, "error");
              gtk_widget_add_css_class (late, "heading");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "dossier-id", GSIZE_TO_POINTER ((gsize) d->id));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      if (group)
        {
          g_autofree char *title = g_strdup_printf ("%s (%u)",
                                                    p == HRB_PARTY_NONE ? _("Nobody (parked, closed or dropped)")
                                                                        : hrb_party_label (p),
                                                    count);
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
        }
    }
}

static void
group_toggled_cb (HrbDossiersPage *self)
{
  update_count (self);
}

void
hrb_dossiers_page_set_grouped (HrbDossiersPage *self, gboolean grouped)
{
  g_return_if_fail (HRB_IS_DOSSIERS_PAGE (self));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->group_toggle), grouped);
}

/* Loading -------------------------------------------------------------------- */

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_domain (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_domains (HrbDossiersPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint selected = 0;

  g_ptr_array_set_size (self->domains, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HrbDossierObject) obj = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const HrbDossier *d = hrb_dossier_object_get_dossier (obj);
      if (d->domain && !g_hash_table_contains (seen, d->domain))
        {
          g_hash_table_add (seen, d->domain);
          g_ptr_array_add (self->domains, g_strdup (d->domain));
        }
    }
  g_ptr_array_sort (self->domains, compare_domain);
  gtk_string_list_append (model, _("All domains"));
  for (guint i = 0; i < self->domains->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (self->domains, i));
      if (g_strcmp0 (self->domain_filter, g_ptr_array_index (self->domains, i)) == 0)
        selected = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->domain_dropdown), G_LIST_MODEL (model));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->domain_dropdown), selected);
  self->filling = FALSE;
  if (selected == 0)
    g_clear_pointer (&self->domain_filter, g_free);
}

void
hrb_dossiers_page_reload (HrbDossiersPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HRB_IS_DOSSIERS_PAGE (self));
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->items);
      update_count (self);
      return;
    }
  /* The app is internal, but the list needs no confidential fields. */
  list = hrb_store_list_dossiers (self->store, FALSE, &error);
  if (list == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->count_label), error->message);
      return;
    }
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (objects, hrb_dossier_object_new (hrb_dossier_copy (g_ptr_array_index (list, i))));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       objects->pdata, objects->len);
  self->generation = hrb_store_get_generation (self->store);
  self->loaded = TRUE;
  fill_domains (self);
  refilter (self);
}

void
hrb_dossiers_page_set_store (HrbDossiersPage *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_DOSSIERS_PAGE (self));
  g_set_object (&self->store, store);
  hrb_dossier_view_set_store (HRB_DOSSIER_VIEW (self->view), store);
  hrb_dossiers_page_show_list (self);
  hrb_dossiers_page_reload (self);
}

gboolean
hrb_dossiers_page_open (HrbDossiersPage *self, gint64 dossier_id)
{
  g_return_val_if_fail (HRB_IS_DOSSIERS_PAGE (self), FALSE);
  if (self->store == NULL || !hrb_dossier_view_show (HRB_DOSSIER_VIEW (self->view), dossier_id))
    return FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "dossier");
  return TRUE;
}

void
hrb_dossiers_page_show_list (HrbDossiersPage *self)
{
  g_return_if_fail (HRB_IS_DOSSIERS_PAGE (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

HrbDossierView *
hrb_dossiers_page_get_view (HrbDossiersPage *self)
{
  g_return_val_if_fail (HRB_IS_DOSSIERS_PAGE (self), NULL);
  return HRB_DOSSIER_VIEW (self->view);
}

GListModel *
hrb_dossiers_page_get_visible (HrbDossiersPage *self)
{
  g_return_val_if_fail (HRB_IS_DOSSIERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

static void
activate_cb (GtkColumnView *view, guint position, HrbDossiersPage *self)
{
  g_autoptr(HrbDossierObject) obj = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (obj)
    hrb_dossiers_page_open (self, hrb_dossier_object_get_id (obj));
}

static void
view_back_cb (HrbDossiersPage *self)
{
  hrb_dossiers_page_show_list (self);
}

static void
view_changed_cb (HrbDossiersPage *self)
{
  hrb_dossiers_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
map_cb (HrbDossiersPage *self)
{
  if (self->store && (!self->loaded || hrb_store_get_generation (self->store) != self->generation))
    {
      hrb_dossiers_page_reload (self);
      if (hrb_dossier_view_get_id (HRB_DOSSIER_VIEW (self->view)) != 0)
        hrb_dossier_view_reload (HRB_DOSSIER_VIEW (self->view));
    }
}

/* Construction ------------------------------------------------------------- */

static GtkWidget *
labelled_dropdown (GtkWidget *bar, const char *mnemonic, const char *a11y, GtkStringList *model)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *dd = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dd);
  hrb_a11y_set_label (dd, a11y);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), dd);
  return dd;
}

static void
hrb_dossiers_page_dispose (GObject *object)
{
  HrbDossiersPage *self = HRB_DOSSIERS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->domains, g_ptr_array_unref);
  g_clear_pointer (&self->domain_filter, g_free);
  G_OBJECT_CLASS (hrb_dossiers_page_parent_class)->dispose (object);
}

static void
hrb_dossiers_page_class_init (HrbDossiersPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_dossiers_page_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hrb_dossiers_page_init (HrbDossiersPage *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) parties = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) domains = gtk_string_list_new (NULL);
  GtkWidget *list_box, *bar, *scrolled, *grouped_scrolled, *empty, *clamp;
  GtkColumnViewColumn *days_column;
  GtkSingleSelection *selection;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->stage_filter = HRB_DOSSIERS_FILTER_ACTIVE;
  self->party_filter = HRB_PARTY_NONE;
  self->domains = g_ptr_array_new_with_free_func (g_free);
  self->items = g_list_store_new (HRB_TYPE_DOSSIER_OBJECT);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (self), self->stack);

  list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_stack_add_named (GTK_STACK (self->stack), list_box, "list");

  /* Filter bar. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (bar, "filter-bar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  gtk_string_list_append (stages, _("Active"));
  gtk_string_list_append (stages, _("All, also finished"));
  for (int s = 0; s < HRB_N_STAGES; s++)
    gtk_string_list_append (stages, hrb_stage_label (s));
  gtk_string_list_append (parties, _("All parties"));
  for (int p = 0; p < HRB_N_PARTIES; p++)
    gtk_string_list_append (parties, hrb_party_label (p));
  gtk_string_list_append (domains, _("All domains"));
  self->stage_dropdown = labelled_dropdown (bar, _("_Stage"), _("Stage"), stages);
  self->party_dropdown = labelled_dropdown (bar, _("_Who must act"), _("Who must act"), parties);
  self->domain_dropdown = labelled_dropdown (bar, _("_Domain"), _("Domain"), domains);
  g_signal_connect_swapped (self->stage_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self);
  g_signal_connect_swapped (self->party_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self);
  g_signal_connect_swapped (self->domain_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self);
  self->group_toggle = gtk_toggle_button_new_with_mnemonic (_("_Group by Who Must Act"));
  g_signal_connect_swapped (self->group_toggle, "toggled", G_CALLBACK (group_toggled_cb), self);
  gtk_box_append (GTK_BOX (bar), self->group_toggle);
  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_set_hexpand (self->count_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 1);
  gtk_box_append (GTK_BOX (bar), self->count_label);
  gtk_box_append (GTK_BOX (list_box), bar);
  gtk_box_append (GTK_BOX (list_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* Table. */
  self->list_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->list_stack, TRUE);
  gtk_box_append (GTK_BOX (list_box), self->list_stack);
  self->column_view = gtk_column_view_new (NULL);
  gtk_widget_add_css_class (self->column_view, "item-table");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->column_view), FALSE);
  hrb_a11y_set_label (self->column_view, _("Dossiers"));
  add_column (self, COL_MEDICINE, _("Medicine"), TRUE);
  add_column (self, COL_INDICATION, _("Indication"), TRUE);
  add_column (self, COL_STAGE, _("Stage"), FALSE);
  add_column (self, COL_PARTY, _("Who Must Act"), FALSE);
  days_column = add_column (self, COL_DAYS, _("Days in Stage"), FALSE);
  add_column (self, COL_DUE, _("Due Date"), FALSE);
  add_column (self, COL_OVERDUE, _("Overdue"), FALSE);
  add_column (self, COL_PARKED, _("Parked Until"), FALSE);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view))));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), days_column, GTK_SORT_DESCENDING);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_stack_add_named (GTK_STACK (self->list_stack), scrolled, "table");

  /* Grouped view. */
  grouped_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (grouped_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  self->grouped_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->grouped_box, 18);
  gtk_widget_set_margin_bottom (self->grouped_box, 18);
  gtk_widget_set_margin_start (self->grouped_box, 12);
  gtk_widget_set_margin_end (self->grouped_box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->grouped_box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (grouped_scrolled), clamp);
  gtk_stack_add_named (GTK_STACK (self->list_stack), grouped_scrolled, "grouped");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "folder-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Dossiers Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Select an item in a list and choose “Start Dossier” in its side pane."));
  gtk_stack_add_named (GTK_STACK (self->list_stack), empty, "empty");

  /* The dossier in full. */
  self->view = hrb_dossier_view_new ();
  g_signal_connect_swapped (self->view, "back", G_CALLBACK (view_back_cb), self);
  g_signal_connect_swapped (self->view, "changed", G_CALLBACK (view_changed_cb), self);
  gtk_stack_add_named (GTK_STACK (self->stack), self->view, "dossier");

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  update_count (self);
}

GtkWidget *
hrb_dossiers_page_new (void)
{
  return g_object_new (HRB_TYPE_DOSSIERS_PAGE, NULL);
}
