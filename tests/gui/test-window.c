/* test-window.c: the real main window, in-process, under Xvfb.
 *
 * Opens the application on a fresh database (the demo set), then drives
 * the lists, the item dialog and the delete/undo toast the way a user
 * would, and saves a PNG of the window. Exits 77 without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hrb-application.h"
#include "hrb-compat.h"
#include "hrb-format.h"
#include "hrb-item-dialog.h"
#include "hrb-window.h"
#include "gui-test-util.h"

static HrbApplication *app;
static HrbWindow      *window;
static char           *db_path;
static char           *tmp_dir;

/* Main loop helpers -------------------------------------------------------- */

static void
open_window (void)
{
  window = hrb_application_open_database (app, db_path, TRUE);
  g_assert_nonnull (window);
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_true (wait_for (mapped_cond, window));
}

static void
close_window (void)
{
  g_autoptr(HrbStore) store = g_object_ref (hrb_window_get_store (window));
  GWeakRef ref;

  /* As the user does (Ctrl+W): the window saves its state and goes. */
  gtk_window_close (GTK_WINDOW (window));
  window = NULL;
  settle (50);
  /* The store (and its SQLite connection) goes with the window. */
  g_weak_ref_init (&ref, store);
  g_clear_object (&store);
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);
}

static HrbItemObject *
item_at (GListModel *model, guint i)
{
  HrbItemObject *obj = g_list_model_get_item (model, i);

  g_object_unref (obj);
  return obj;
}

static HrbItemObject *
find_by_brand (HrbListPage *page, const char *brand)
{
  GListModel *items = hrb_list_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      HrbItemObject *obj = item_at (items, i);

      if (g_strcmp0 (hrb_item_object_get_item (obj)->medicine.brand, brand) == 0)
        return obj;
    }
  return NULL;
}

static void save_png_at (GtkWidget *widget, const char *path);
static void show_top (HrbListPage *page);
static void save_screenshot (GtkWidget *widget, const char *name);

/* Tests -------------------------------------------------------------------- */

static void
test_demo_window (void)
{
  HrbListPage *pro = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  HrbListPage *retro = hrb_window_get_list_page (window, HRB_STREAM_RETROSPECTIVE);
  guint n_pro = g_list_model_get_n_items (hrb_list_page_get_items (pro));
  guint n_retro = g_list_model_get_n_items (hrb_list_page_get_items (retro));
  g_autofree char *expected = NULL;

  g_assert_true (hrb_store_is_demo (hrb_window_get_store (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "herbeoordeling-test.db"));
  /* Both lists are filled, and every item is in exactly one. */
  g_assert_cmpuint (n_pro, >, 0);
  g_assert_cmpuint (n_retro, >, 0);
  g_assert_cmpuint (n_pro + n_retro, >=, 60);
  for (guint i = 0; i < n_pro; i++)
    g_assert_cmpint (hrb_item_stream (hrb_item_object_get_item (item_at (hrb_list_page_get_items (pro), i))),
                     ==, HRB_STREAM_PROSPECTIVE);
  for (guint i = 0; i < n_retro; i++)
    g_assert_cmpint (hrb_item_stream (hrb_item_object_get_item (item_at (hrb_list_page_get_items (retro), i))),
                     ==, HRB_STREAM_RETROSPECTIVE);
  /* What the user sees: all rows and a count. */
  g_assert_cmpuint (g_list_model_get_n_items (hrb_list_page_get_visible (pro)), ==, n_pro);
  expected = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", n_pro), n_pro, n_pro);
  g_assert_cmpstr (hrb_list_page_get_count_text (pro), ==, expected);
  g_assert_nonnull (hrb_list_page_get_selected (pro));
}

static void
test_sort_budget (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  GListModel *visible = hrb_list_page_get_visible (page);
  GtkSortType order;
  GtkColumnViewColumn *column;
  GSettings *settings = hrb_application_get_settings (app);
  double first, max = -1;
  g_autofree char *saved = NULL;

  g_assert_true (hrb_list_page_sort_by (page, "budget", GTK_SORT_DESCENDING));
  settle (20);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      double b = hrb_item_object_get_budget (item_at (visible, i));
      if (!isnan (b) && b > max)
        max = b;
    }
  first = hrb_item_object_get_budget (item_at (visible, 0));
  g_assert_cmpfloat (max, >, 0);
  g_assert_cmpfloat (first, ==, max);
  /* Descending all the way down, unknowns last. */
  for (guint i = 1; i < g_list_model_get_n_items (visible); i++)
    {
      double a = hrb_item_object_get_budget (item_at (visible, i - 1));
      double b = hrb_item_object_get_budget (item_at (visible, i));
      g_assert_true (isnan (b) || (!isnan (a) && a >= b));
    }

  /* The column view reports it, and the order is remembered. */
  column = hrb_compat_column_view_get_primary_sort (hrb_list_page_get_column_view (page), &order);
  g_assert_nonnull (column);
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  g_assert_nonnull (settings);
  saved = g_settings_get_string (settings, "prospective-sort-column");
  g_assert_cmpstr (saved, ==, "budget");
  g_assert_cmpint (g_settings_get_enum (settings, "prospective-sort-direction"), ==, 1);

  /* Ascending puts the smallest known value first. */
  g_assert_true (hrb_list_page_sort_by (page, "budget", GTK_SORT_ASCENDING));
  g_assert_true (isnan (hrb_item_object_get_budget (item_at (visible, 0))) ||
                 hrb_item_object_get_budget (item_at (visible, 0)) <= first);
  g_assert_cmpint (g_settings_get_enum (settings, "prospective-sort-direction"), ==, 0);
  hrb_list_page_sort_by (page, "budget", GTK_SORT_DESCENDING);
}

static void
search (HrbListPage *page, const char *text)
{
  gtk_editable_set_text (hrb_list_page_get_search_entry (page), text);
  hrb_list_page_apply_search (page);
  settle (10);
}

static void
collect_type (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_type (c, type, out);
}

static void
test_filters (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  GListModel *visible = hrb_list_page_get_visible (page);
  guint total = g_list_model_get_n_items (hrb_list_page_get_items (page));
  g_autoptr(GPtrArray) drops = g_ptr_array_new ();
  GtkDropDown *domain, *setting;
  GListModel *domains;
  const char *chosen;
  guint n;

  collect_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, drops);
  g_assert_cmpuint (drops->len, >=, 2);
  domain = g_ptr_array_index (drops, 0);
  setting = g_ptr_array_index (drops, 1);

  /* Domain: the second entry is the first real domain. */
  domains = gtk_drop_down_get_model (domain);
  g_assert_cmpuint (g_list_model_get_n_items (domains), >, 2);
  chosen = gtk_string_list_get_string (GTK_STRING_LIST (domains), 1);
  gtk_drop_down_set_selected (domain, 1);
  settle (10);
  n = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (hrb_item_object_get_item (item_at (visible, i))->domain, ==, chosen);

  /* Setting on top of it: intramural only (entry 1). */
  gtk_drop_down_set_selected (setting, 1);
  settle (10);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      const HrbItem *it = hrb_item_object_get_item (item_at (visible, i));
      g_assert_cmpint (it->setting, ==, HRB_SETTING_INTRAMURAL);
      g_assert_cmpstr (it->domain, ==, chosen);
    }

  /* Back to all. */
  gtk_drop_down_set_selected (setting, 0);
  gtk_drop_down_set_selected (domain, 0);
  settle (10);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, total);
}

static void
test_search (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  GListModel *visible = hrb_list_page_get_visible (page);
  guint total = g_list_model_get_n_items (hrb_list_page_get_items (page));
  const HrbItem *target = hrb_item_object_get_item (item_at (visible, 0));
  g_autofree char *needle = g_utf8_strup (target->medicine.inn, 5);  /* case-insensitive */
  guint n_short, n_long;

  search (page, needle);
  n_short = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n_short, >, 0);
  g_assert_cmpuint (n_short, <, total);
  for (guint i = 0; i < n_short; i++)
    {
      g_autofree char *needle_folded = hrb_item_object_fold (needle);
      g_assert_nonnull (strstr (hrb_item_object_get_haystack (item_at (visible, i)), needle_folded));
    }

  /* Typing on narrows further (or keeps); deleting widens again. */
  search (page, target->medicine.inn);
  n_long = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n_long, >, 0);
  g_assert_cmpuint (n_long, <=, n_short);

  /* ATC codes are searched too. */
  if (target->medicine.atc)
    {
      search (page, target->medicine.atc);
      g_assert_cmpuint (g_list_model_get_n_items (visible), >, 0);
    }

  search (page, "zzzz-no-such-medicine");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  g_assert_nonnull (strstr (hrb_list_page_get_count_text (page), "0"));

  search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, total);
}

static void
set_field (HrbItemDialog *dialog, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (hrb_item_dialog_get_field (dialog, name)), text);
}

/* What the user sees: the Save button's state. */
static gboolean
save_sensitive (HrbItemDialog *dialog)
{
  GtkWidget *save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), HRB_TYPE_ITEM_DIALOG,
                                                               "save_button"));
  g_assert_cmpint (gtk_widget_get_sensitive (save), ==, hrb_item_dialog_can_save (dialog));
  return gtk_widget_get_sensitive (save);
}

/* Whether the inline message under a field is on screen. */
static gboolean
message_shown (HrbItemDialog *dialog, const char *field)
{
  g_autofree char *name = g_strconcat (field, "_message_row", NULL);
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), HRB_TYPE_ITEM_DIALOG, name));

  return gtk_widget_get_visible (row);
}

static void
test_add_item_persists (void)
{
  HrbItemDialog *dialog;
  HrbListPage *page;
  HrbItemObject *obj;
  const HrbItem *item;
  GWeakRef dialog_ref;

  dialog = HRB_ITEM_DIALOG (hrb_window_edit_item (window, 0));
  g_assert_nonnull (dialog);
  settle (50);

  /* An empty INN: no saving; once typed in and emptied, an inline message. */
  g_assert_nonnull (hrb_item_dialog_get_message (dialog, "inn"));
  g_assert_false (save_sensitive (dialog));
  g_assert_false (message_shown (dialog, "inn"));
  set_field (dialog, "inn", "x");
  set_field (dialog, "inn", "");
  g_assert_nonnull (hrb_item_dialog_get_message (dialog, "inn"));
  g_assert_true (message_shown (dialog, "inn"));
  g_assert_false (save_sensitive (dialog));

  set_field (dialog, "inn", "testosimab");
  set_field (dialog, "brand", "Testavia");
  set_field (dialog, "atc", "L01XX99");
  set_field (dialog, "indication", "Proefcarcinoom, tweede lijn");
  set_field (dialog, "domain", "Oncologie");
  g_assert_null (hrb_item_dialog_get_message (dialog, "inn"));

  /* Bad numbers: text, negative, low above high. */
  set_field (dialog, "patients", "veel");
  g_assert_nonnull (hrb_item_dialog_get_message (dialog, "patients"));
  g_assert_true (message_shown (dialog, "patients"));
  g_assert_false (save_sensitive (dialog));
  set_field (dialog, "patients", "-5");
  g_assert_nonnull (hrb_item_dialog_get_message (dialog, "patients"));
  g_assert_false (save_sensitive (dialog));
  set_field (dialog, "patients", "900-600");
  g_assert_nonnull (hrb_item_dialog_get_message (dialog, "patients"));
  g_assert_false (save_sensitive (dialog));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 980);
  save_screenshot (GTK_WIDGET (dialog), "item-dialog");

  set_field (dialog, "patients", "600-900");
  set_field (dialog, "cost", "45000");
  set_field (dialog, "year", "2027");
  set_field (dialog, "source", "Eigen schatting");
  set_field (dialog, "vintage", "2026-10-01");
  g_assert_null (hrb_item_dialog_get_message (dialog, "patients"));
  g_assert_false (message_shown (dialog, "patients"));
  g_assert_true (save_sensitive (dialog));

  /* Save as a user does: activate the button. */
  g_weak_ref_init (&dialog_ref, dialog);
  gtk_widget_activate (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                  HRB_TYPE_ITEM_DIALOG, "save_button")));
  settle (400);   /* a button "clicks" when its press animation ends */
  g_assert_null (g_weak_ref_get (&dialog_ref));
  g_weak_ref_clear (&dialog_ref);

  page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  obj = find_by_brand (page, "Testavia");
  g_assert_nonnull (obj);
  g_assert_true (hrb_list_page_get_selected (page) == obj);

  /* Restart: close the window and its database, open again. */
  close_window ();
  open_window ();
  page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  obj = find_by_brand (page, "Testavia");
  g_assert_nonnull (obj);
  item = hrb_item_object_get_item (obj);
  g_assert_cmpstr (item->medicine.inn, ==, "testosimab");
  g_assert_cmpstr (item->medicine.atc, ==, "L01XX99");
  g_assert_cmpstr (item->indication, ==, "Proefcarcinoom, tweede lijn");
  g_assert_cmpfloat (item->figure.patients.low, ==, 600);
  g_assert_cmpfloat (item->figure.patients.high, ==, 900);
  g_assert_cmpfloat (item->figure.cost.low, ==, 45000);
  g_assert_cmpstr (item->figure.source, ==, "Eigen schatting");
  g_assert_cmpstr (item->figure.vintage, ==, "2026-10-01");
  /* Budget impact follows from patients × cost. */
  g_assert_cmpfloat (hrb_item_object_get_budget (obj), ==, hrb_range_point (hrb_range_multiply (item->figure.patients, item->figure.cost)));
}

static void
test_existing_medicine (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  HrbItemObject *keytruda = find_by_brand (page, "Keytruda");
  HrbItemDialog *dialog;
  g_autoptr(GPtrArray) before = hrb_store_list_medicines (hrb_window_get_store (window), NULL);
  g_autoptr(GPtrArray) after = NULL;
  HrbItemObject *obj = NULL;
  GListModel *items = hrb_list_page_get_items (page);

  g_assert_nonnull (keytruda);
  dialog = HRB_ITEM_DIALOG (hrb_window_edit_item (window, 0));
  /* Typing a known substance and ATC code picks up that medicine. */
  set_field (dialog, "inn", "Pembrolizumab");
  set_field (dialog, "atc", "L01FF02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hrb_item_dialog_get_field (dialog, "brand"))), ==, "Keytruda");
  set_field (dialog, "indication", "Hodgkinlymfoom");
  set_field (dialog, "patients", "200");
  g_assert_true (hrb_item_dialog_save (dialog, NULL));
  settle (50);

  after = hrb_store_list_medicines (hrb_window_get_store (window), NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_strcmp0 (hrb_item_object_get_item (item_at (items, i))->indication, "Hodgkinlymfoom") == 0)
      obj = item_at (items, i);
  g_assert_nonnull (obj);
  g_assert_cmpint (hrb_item_object_get_item (obj)->medicine_id, ==, hrb_item_object_get_item (keytruda)->medicine_id);
}

static void
test_delete_undo (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  GListModel *items = hrb_list_page_get_items (page);
  HrbItemObject *obj = find_by_brand (page, "Testavia");
  guint n = g_list_model_get_n_items (items);
  gint64 id;
  g_autoptr(GPtrArray) stored = NULL;

  g_assert_nonnull (obj);
  id = hrb_item_object_get_id (obj);
  g_assert_true (hrb_list_page_select (page, id));
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-item", NULL);
  settle (20);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n - 1);
  g_assert_null (find_by_brand (page, "Testavia"));
  stored = hrb_store_list_items (hrb_window_get_store (window), HRB_STREAM_ANY, NULL);
  for (guint i = 0; i < stored->len; i++)
    g_assert_cmpint (((HrbItem *) g_ptr_array_index (stored, i))->id, !=, id);

  /* The toast's Undo button runs win.undo-delete with the item id. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete", g_variant_new_int64 (id));
  settle (20);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  obj = find_by_brand (page, "Testavia");
  g_assert_nonnull (obj);
  g_assert_cmpint (hrb_item_object_get_id (obj), ==, id);
}

/* Selects the first row and scrolls the list to the top. */
static void
show_top (HrbListPage *page)
{
  GListModel *visible = hrb_list_page_get_visible (page);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (hrb_list_page_get_column_view (page)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  if (g_list_model_get_n_items (visible) > 0)
    hrb_list_page_select (page, hrb_item_object_get_id (item_at (visible, 0)));
  settle (100);
  gtk_adjustment_set_value (adj, 0);
  settle (200);
}

/* Texts of all inscriptions (cells) below widget. */
static void
collect_cells (GtkWidget *widget, GPtrArray *texts)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
      gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_cells (c, texts);
}

static gboolean
has_text (GPtrArray *texts, const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_cells_formatted (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  GListModel *visible = hrb_list_page_get_visible (page);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  HrbNumberFormat fmt;
  HrbItemObject *first;
  g_autofree char *budget = NULL;
  g_autofree char *patients = NULL;
  gboolean unknown_shown = FALSE;

  hrb_window_show_page (window, "prospective");
  hrb_list_page_sort_by (page, "budget", GTK_SORT_DESCENDING);
  show_top (page);
  collect_cells (GTK_WIDGET (hrb_list_page_get_column_view (page)), texts);
  g_assert_cmpuint (texts->len, >, 20);

  /* The largest budget impact as the locale writes money. */
  hrb_number_format_current (&fmt);
  first = item_at (visible, 0);
  budget = hrb_format_range (&fmt, hrb_item_object_get_budget_range (first), TRUE);
  g_assert_true (has_text (texts, budget));
  g_assert_true (g_str_has_prefix (budget, "€ "));
  if (g_strcmp0 (fmt.group, ".") == 0)
    g_assert_nonnull (strchr (budget, '.'));   /* nl_NL: € 434.000.000 */
  if (hrb_range_is_known (hrb_item_object_get_item (first)->figure.patients))
    {
      patients = hrb_format_range (&fmt, hrb_item_object_get_item (first)->figure.patients, FALSE);
      g_assert_true (has_text (texts, patients));
    }
  /* Unknown values read "unknown", never 0. */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);
      g_assert_cmpstr (t, !=, "€ 0");
      if (g_strcmp0 (t, _("unknown")) == 0)
        unknown_shown = TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (visible) && i < 12; i++)
    if (!hrb_range_is_known (hrb_item_object_get_item (item_at (visible, i))->figure.cost))
      g_assert_true (unknown_shown);
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_item_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (HRB_IS_ITEM_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_keyboard (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  GtkWidget *entry = GTK_WIDGET (hrb_list_page_get_search_entry (page));
  GtkWidget *focus;
  g_auto(GStrv) accels = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  struct { const char *action; const char *accel; } expected[] = {
    { "win.search", "<Control>f" },
    { "win.new-item", "<Control>n" },
    { "app.quit", "<Control>q" },
    { "window.close", "<Control>w" },
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) a = gtk_application_get_accels_for_action (gtk_app, expected[i].action);
      g_assert_true (a && g_strv_contains ((const char * const *) a, expected[i].accel));
    }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* Ctrl+? shows the shortcuts window (from ui/help-overlay.ui). */
  {
    g_autoptr(GList) toplevels = NULL;
    GtkWidget *help = NULL;

    g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
    settle (50);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l; l = l->next)
      if (GTK_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        help = l->data;
    g_assert_nonnull (help);
    save_screenshot (help, "shortcuts");
    gtk_window_close (GTK_WINDOW (help));
    settle (20);
  }

  /* Ctrl+F puts the cursor in the search entry of the page shown. */
  hrb_window_show_page (window, "prospective");
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  settle (20);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Ctrl+N opens the item dialog; Escape-equivalent closes it unchanged. */
  {
    guint n_before = g_list_model_get_n_items (hrb_list_page_get_items (page));
    GtkWidget *dialog = NULL;

    g_action_group_activate_action (G_ACTION_GROUP (window), "new-item", NULL);
    settle (20);
    dialog = find_item_dialog ();
    g_assert_nonnull (dialog);
    gtk_window_close (GTK_WINDOW (dialog));
    settle (20);
    g_assert_cmpuint (g_list_model_get_n_items (hrb_list_page_get_items (page)), ==, n_before);
  }

  /* Enter (or a double click) on a row opens that item for editing. */
  {
    GtkWidget *dialog;
    HrbItemObject *second = item_at (hrb_list_page_get_visible (page), 1);

    g_signal_emit_by_name (hrb_list_page_get_column_view (page), "activate", 1);
    settle (20);
    dialog = find_item_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hrb_item_dialog_get_field (HRB_ITEM_DIALOG (dialog), "inn"))),
                     ==, hrb_item_object_get_item (second)->medicine.inn);
    gtk_window_close (GTK_WINDOW (dialog));
    settle (20);
  }
}

static void
test_edit_item_audited (void)
{
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  HrbItemObject *obj = find_by_brand (page, "Testavia");
  HrbItemDialog *dialog;
  g_autoptr(GPtrArray) audit = NULL;
  gboolean patients_logged = FALSE;
  gint64 id;

  g_assert_nonnull (obj);

  /* The author's name comes from the preferences. */
  {
    g_autoptr(GList) toplevels = NULL;
    GtkWidget *prefs = NULL, *row;

    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
    settle (50);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_PREFERENCES_WINDOW (l->data))
        prefs = l->data;
    g_assert_nonnull (prefs);
    row = find_widget (prefs, ADW_TYPE_ENTRY_ROW);
    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), "M. de Vries");
    {
      g_autofree char *author = g_settings_get_string (hrb_application_get_settings (app), "author-name");
      g_assert_cmpstr (author, ==, "M. de Vries");
    }
    gtk_window_destroy (GTK_WINDOW (prefs));
    settle (20);
  }

  id = hrb_item_object_get_id (obj);
  g_assert_true (hrb_list_page_select (page, id));
  g_action_group_activate_action (G_ACTION_GROUP (window), "edit-item", NULL);
  settle (20);
  dialog = HRB_ITEM_DIALOG (find_item_dialog ());
  g_assert_nonnull (dialog);
  /* The form shows the item as stored. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hrb_item_dialog_get_field (dialog, "inn"))), ==, "testosimab");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hrb_item_dialog_get_field (dialog, "patients"))), ==, "600–900");
  g_assert_true (hrb_item_dialog_can_save (dialog));

  set_field (dialog, "patients", "700-950");
  g_assert_true (hrb_item_dialog_save (dialog, NULL));
  settle (50);

  obj = find_by_brand (page, "Testavia");
  g_assert_cmpfloat (hrb_item_object_get_item (obj)->figure.patients.low, ==, 700);
  g_assert_cmpfloat (hrb_item_object_get_patients (obj), ==, hrb_range_point ((HrbRange) { 700, 950 }));
  audit = hrb_store_list_audit (hrb_window_get_store (window), NULL, 0, NULL);
  for (guint i = 0; i < audit->len; i++)
    {
      HrbAuditEntry *e = g_ptr_array_index (audit, i);
      if (e->field && strstr (e->field, "patients") && g_strcmp0 (e->new_value, "700") == 0)
        {
          patients_logged = TRUE;
          g_assert_cmpstr (e->author, ==, "M. de Vries");
        }
    }
  g_assert_true (patients_logged);

  /* A new vintage adds figures; the side pane lists the earlier ones. */
  g_assert_true (hrb_list_page_select (page, id));
  g_assert_cmpuint (hrb_item_details_get_history_length (hrb_list_page_get_details (page)), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "edit-item", NULL);
  settle (20);
  dialog = HRB_ITEM_DIALOG (find_item_dialog ());
  g_assert_nonnull (dialog);
  set_field (dialog, "patients", "800-1000");
  set_field (dialog, "vintage", "2027-04-01");
  g_assert_true (hrb_item_dialog_save (dialog, NULL));
  settle (50);
  g_assert_true (hrb_list_page_select (page, id));
  g_assert_cmpuint (hrb_item_details_get_history_length (hrb_list_page_get_details (page)), ==, 1);
  obj = find_by_brand (page, "Testavia");
  g_assert_cmpfloat (hrb_item_object_get_item (obj)->figure.patients.low, ==, 800);
  save_screenshot (GTK_WIDGET (hrb_list_page_get_details (page)), "side-pane");
}

static gboolean
dialog_open_cond (gpointer data)
{
  GtkWidget **out = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        *out = l->data;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  GThread *main_thread;
  guint    n_seen;
  guint    applied;
  int      running;   /* threads inside step_thread_cb */
} StepData;

static gpointer
step_thread_cb (HrbStore *store, GPtrArray *objects, gpointer user_data)
{
  StepData *d = user_data;

  g_assert_true (g_thread_self () != d->main_thread);
  g_assert_true (HRB_IS_STORE (store));
  /* Never two loading threads on one store at a time. */
  g_assert_cmpint (g_atomic_int_add (&d->running, 1), ==, 0);
  g_usleep (20000);
  g_atomic_int_add (&d->running, -1);
  return GUINT_TO_POINTER (objects->len);
}

static void
step_apply_cb (HrbWindow *win, gpointer result, gpointer user_data)
{
  StepData *d = user_data;

  g_assert_true (g_thread_self () == d->main_thread);
  d->n_seen = GPOINTER_TO_UINT (result);
  d->applied++;
  /* The lists are filled when the result arrives. */
  g_assert_cmpuint (g_list_model_get_n_items (hrb_list_page_get_items (
    hrb_window_get_list_page (win, HRB_STREAM_PROSPECTIVE))), >, 0);
}

static void
test_load_step (void)
{
  StepData d = { g_thread_self (), 0, 0, 0 };
  guint n;

  hrb_window_add_load_step (window, step_thread_cb, step_apply_cb, NULL, &d);
  /* A reload asked for while one runs: one result, from the last. */
  hrb_window_set_store (window, hrb_window_get_store (window));
  hrb_window_set_store (window, hrb_window_get_store (window));
  g_assert_true (hrb_window_is_loading (window));
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_cmpuint (d.applied, ==, 1);
  n = g_list_model_get_n_items (hrb_list_page_get_items (hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE))) +
      g_list_model_get_n_items (hrb_list_page_get_items (hrb_window_get_list_page (window, HRB_STREAM_RETROSPECTIVE)));
  g_assert_cmpuint (d.n_seen, ==, n);
  /* The step stays for later loads; close this window so that it goes. */
  close_window ();
  open_window ();
}

static void
test_corrupt_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "kapot.db", NULL);
  static const char garbage[] = "Dit is geen database, maar een tekstbestand.\n";
  g_autofree char *after = NULL;
  gsize len = 0;
  GtkWidget *dialog = NULL;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  g_assert_null (hrb_application_open_database (app, path, TRUE));
  g_assert_true (wait_for (dialog_open_cond, &dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "open"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "new"));
  save_screenshot (dialog, "database-error");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  settle (20);

  /* Nothing was written to the file. */
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (after, len, garbage, strlen (garbage));
  g_unlink (path);
}

static void
test_empty_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "leeg.db", NULL);
  HrbWindow *empty = hrb_application_open_database (app, path, FALSE);
  HrbListPage *page;

  g_assert_nonnull (empty);
  g_assert_true (wait_for (loaded_cond, empty));
  g_assert_false (hrb_store_is_demo (hrb_window_get_store (empty)));
  page = hrb_window_get_list_page (empty, HRB_STREAM_RETROSPECTIVE);
  g_assert_cmpstr (hrb_list_page_get_state (page), ==, "empty");
  g_assert_true (wait_for (mapped_cond, empty));
  save_screenshot (GTK_WIDGET (empty), "empty-database");
  page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);
  search (page, "zzzz-no-such-medicine");
  g_assert_cmpstr (hrb_list_page_get_state (page), ==, "no-results");
  search (page, "");
  g_assert_cmpstr (hrb_list_page_get_state (page), ==, "list");
  gtk_window_destroy (GTK_WINDOW (empty));
  settle (20);
}

static void
test_open_in_window (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "nieuw.db", NULL);
  HrbStore *demo = g_object_ref (hrb_window_get_store (window));
  GtkWidget *dialog = NULL;
  g_autofree char *demo_path = g_strdup (hrb_store_get_path (demo));

  /* File → New Database: an empty database in the same window. */
  g_assert_true (hrb_application_open_in_window (app, window, path, TRUE));
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_cmpstr (hrb_store_get_path (hrb_window_get_store (window)), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (hrb_list_page_get_items (
    hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE))), ==, 0);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "nieuw.db"));

  /* "New" never overwrites: the demo file is refused and left alone. */
  g_assert_false (hrb_application_open_in_window (app, window, demo_path, TRUE));
  g_assert_true (wait_for (dialog_open_cond, &dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  settle (20);
  g_assert_cmpstr (hrb_store_get_path (hrb_window_get_store (window)), ==, path);

  /* File → Open Database: back to the demo data. */
  g_object_unref (demo);
  g_assert_true (hrb_application_open_in_window (app, window, demo_path, FALSE));
  g_assert_true (wait_for (loaded_cond, window));
  g_assert_true (hrb_store_is_demo (hrb_window_get_store (window)));
  g_assert_cmpuint (g_list_model_get_n_items (hrb_list_page_get_items (
    hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE))), >, 0);
}

static void
save_png_at (GtkWidget *widget, const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Saves widget as BUILD/screenshots/NAME[-nl].png. */
static void
save_screenshot (GtkWidget *widget, const char *name)
{
  const char *build_root = g_getenv ("HRB_BUILD_ROOT");
  g_autofree char *dir = g_build_filename (build_root ? build_root : ".", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, g_getenv ("HRB_SCREENSHOT_NAME") ? "-nl" : "");
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  settle (300);
  save_png_at (widget, path);
  g_test_message ("screenshot: %s", path);
}

static void
test_screenshot (void)
{
  const char *build_root = g_getenv ("HRB_BUILD_ROOT");
  const char *source_root = g_getenv ("HRB_SOURCE_ROOT");
  const char *name = g_getenv ("HRB_SCREENSHOT_NAME");
  g_autofree char *dir = g_build_filename (build_root ? build_root : ".", "screenshots", NULL);
  g_autofree char *path = NULL;
  HrbListPage *page = hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE);

  if (name == NULL)
    name = "main-window-c.png";
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 920);
  /* The ranking when the scoring columns are there, else by budget impact. */
  if (!hrb_list_page_sort_by (page, "rank", GTK_SORT_ASCENDING))
    hrb_list_page_sort_by (page, "budget", GTK_SORT_DESCENDING);
  show_top (page);
  settle (400);
  save_png_at (GTK_WIDGET (window), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("screenshot: %s", path);

  /* The README shows the Dutch window (the run with HRB_SCREENSHOT_NAME). */
  if (g_strcmp0 (g_getenv ("HRB_UPDATE_SCREENSHOTS"), "1") == 0 && source_root &&
      g_strcmp0 (name, "main-window.png") == 0)
    {
      g_autofree char *sdir = g_build_filename (source_root, "data", "screenshots", NULL);
      g_autofree char *spath = g_build_filename (sdir, name, NULL);

      g_mkdir_with_parents (sdir, 0755);
      save_png_at (GTK_WIDGET (window), spath);
      g_test_message ("screenshot updated: %s", spath);
    }

  /* A narrow window: the page switcher moves to the bottom. */
  gtk_window_set_default_size (GTK_WINDOW (window), 840, 700);
  settle (300);
  save_screenshot (GTK_WIDGET (window), "narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 920);
  settle (300);

  /* The retrospective list, with medicine-level items ("all indications"). */
  hrb_window_show_page (window, "retrospective");
  show_top (hrb_window_get_list_page (window, HRB_STREAM_RETROSPECTIVE));
  save_screenshot (GTK_WIDGET (window), "retrospective");
  hrb_window_show_page (window, "prospective");
}

static void
test_window_state (void)
{
  GSettings *settings = hrb_application_get_settings (app);
  int w, h;

  GtkWidget *paned;

  g_assert_true (hrb_list_page_sort_by (hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE),
                                        "budget", GTK_SORT_DESCENDING));
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  settle (200);
  /* The user drags the divider between the list and the side pane. */
  paned = gtk_widget_get_ancestor (GTK_WIDGET (hrb_list_page_get_details (
    hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE))), GTK_TYPE_PANED);
  gtk_paned_set_position (GTK_PANED (paned), 640);
  settle (50);
  close_window ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), ==, 640);
  open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
  g_assert_cmpint (w, ==, 1111);
  g_assert_cmpint (h, ==, 777);
  paned = gtk_widget_get_ancestor (GTK_WIDGET (hrb_list_page_get_details (
    hrb_window_get_list_page (window, HRB_STREAM_RETROSPECTIVE))), GTK_TYPE_PANED);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), ==, 640);
  g_settings_reset (settings, "pane-position");
  /* The sort order chosen earlier is back. */
  {
    GtkSortType order;
    GtkColumnViewColumn *column =
      hrb_compat_column_view_get_primary_sort (hrb_list_page_get_column_view (
        hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE)), &order);
    g_assert_nonnull (column);
    g_assert_cmpstr (g_object_get_data (G_OBJECT (column), "hrb-column-id"), ==, "budget");
    g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  }
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

  tmp_dir = g_dir_make_tmp ("hrb-gui-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "herbeoordeling-test.db", NULL);

  app = hrb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  open_window ();

  g_test_add_func ("/gui/window/demo-data", test_demo_window);
  g_test_add_func ("/gui/list/sort-budget-impact", test_sort_budget);
  g_test_add_func ("/gui/list/search-narrows", test_search);
  g_test_add_func ("/gui/edit/add-item-persists", test_add_item_persists);
  g_test_add_func ("/gui/edit/edit-item-audited", test_edit_item_audited);
  g_test_add_func ("/gui/edit/existing-medicine", test_existing_medicine);
  g_test_add_func ("/gui/edit/delete-undo", test_delete_undo);
  g_test_add_func ("/gui/list/cells-formatted", test_cells_formatted);
  g_test_add_func ("/gui/list/filters", test_filters);
  g_test_add_func ("/gui/window/keyboard", test_keyboard);
  g_test_add_func ("/gui/window/corrupt-database", test_corrupt_database);
  g_test_add_func ("/gui/window/load-step", test_load_step);
  g_test_add_func ("/gui/window/open-in-window", test_open_in_window);
  g_test_add_func ("/gui/window/empty-database", test_empty_database);
  g_test_add_func ("/gui/window/screenshot", test_screenshot);
  g_test_add_func ("/gui/window/state-persists", test_window_state);
  status = g_test_run ();

  if (window)
    close_window ();
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
