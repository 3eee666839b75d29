/* hrb-dossier-install.c: the dossier module in a main window. */
#include "config.h"
#include "hrb-dossier-install.h"
#include "hrb-format.h"
#include "hrb-store-dossier.h"

#include <glib/gi18n.h>

#define DATA_KEY "hrb-dossier-install"

typedef struct {
  HrbWindow         *window;      /* not owned */
  HrbDossiersPage   *dossiers;
  HrbMonitoringPage *monitoring;
  HrbStore          *store;       /* the store the pages show */
  GPtrArray         *sections;    /* SideSection, not owned (freed with their widget) */
  GHashTable        *open;        /* item id → its open HrbDossier (the list columns) */
} Install;

typedef struct {
  Install   *install;
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *overdue;
  gint64     item_id;
  HrbStore  *store;              /* not owned */
  HrbItemObject *obj;            /* not owned; the shown item */
} SideSection;

static Install *
get_install (HrbWindow *window)
{
  return g_object_get_data (G_OBJECT (window), DATA_KEY);
}

static void
install_free (gpointer data)
{
  Install *in = data;

  /* The side sections may outlive us while the window goes away. */
  for (guint i = 0; i < in->sections->len; i++)
    ((SideSection *) g_ptr_array_index (in->sections, i))->install = NULL;
  g_clear_object (&in->store);
  g_ptr_array_unref (in->sections);
  g_hash_table_unref (in->open);
  g_free (in);
}

/* Side pane ------------------------------------------------------------------ */

static void
section_update_cb (GtkWidget *section, HrbStore *store, HrbItemObject *obj, gpointer user_data)
{
  SideSection *s = user_data;
  g_autoptr(HrbDossier) d = NULL;
  gint64 id = 0;

  s->store = store;
  s->obj = obj;
  s->item_id = obj ? hrb_item_object_get_id (obj) : 0;
  gtk_widget_set_visible (s->group, obj != NULL && store != NULL);
  if (obj == NULL || store == NULL)
    return;
  id = hrb_store_find_open_dossier (store, s->item_id, NULL);
  if (id != 0)
    d = hrb_store_get_dossier (store, id, FALSE, NULL);
  if (d != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Stage: %s"), hrb_stage_label (d->stage));
      g_autofree char *since = hrb_format_date (d->stage_since);
      g_autofree char *due = d->due_date ? hrb_format_date (d->due_date) : NULL;
      g_autofree char *sub = NULL;

      if (d->party != HRB_PARTY_NONE && due)
        sub = g_strdup_printf (_("Who must act: %s, since %s; due %s"), hrb_party_label (d->party), since, due);
      else if (d->party != HRB_PARTY_NONE)
        sub = g_strdup_printf (_("Who must act: %s, since %s"), hrb_party_label (d->party), since);
      else
        sub = g_strdup_printf (_("Since %s"), since);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (s->row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (s->row), sub);
      gtk_button_set_label (GTK_BUTTON (s->button), _("_Open Dossier"));
      gtk_widget_set_visible (s->overdue, d->overdue);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (s->row), _("No open dossier"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (s->row),
                                   _("Start one to follow the reassessment of this item."));
      gtk_button_set_label (GTK_BUTTON (s->button), _("_Start Dossier"));
      gtk_widget_set_visible (s->overdue, FALSE);
    }
}

static void
refresh_sections (Install *in)
{
  for (guint i = 0; i < in->sections->len; i++)
    {
      SideSection *s = g_ptr_array_index (in->sections, i);
      if (s->store)
        section_update_cb (s->group, s->store, s->obj, s);
    }
}

/* List columns: stage and who must act ---------------------------------------- */

/* Reads the open dossiers again and redraws the columns of both lists (the
 * cells on screen: the lists do not sort or filter on these columns). */
static void
reload_open (Install *in)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (in->open);
  /* While the window loads, its thread has the store. */
  if (in->store != NULL && !hrb_window_is_loading (in->window) &&
      (all = hrb_store_list_dossiers (in->store, FALSE, &error)) == NULL)
    g_warning ("Cannot read the dossiers: %s", error->message);
  for (guint i = 0; all && i < all->len; i++)
    {
      const HrbDossier *d = g_ptr_array_index (all, i);
      HrbDossier *copy;

      if (hrb_stage_is_final (d->stage))
        continue;
      /* The key lives in the copy. */
      copy = hrb_dossier_copy (d);
      g_hash_table_replace (in->open, &copy->item_id, copy);
    }
  for (int s = 0; s < 2; s++)
    {
      HrbListPage *page = hrb_window_get_list_page (in->window, s);
      if (page)
        hrb_list_page_redraw_cells (page);
    }
}

char *
hrb_dossier_list_text (HrbWindow *window, gint64 item_id, gboolean party)
{
  Install *in = get_install (window);
  const HrbDossier *d = in ? g_hash_table_lookup (in->open, &item_id) : NULL;

  /* Never empty, so that every row has the same cells for screen readers. */
  if (d == NULL)
    return g_strdup ("–");
  if (party)
    return g_strdup (d->party != HRB_PARTY_NONE ? hrb_party_label (d->party) : "–");
  if (d->overdue)
    /* TRANSLATORS: the stage of an item's dossier whose deadline has passed. */
    return g_strdup_printf (_("%s, overdue"), hrb_stage_label (d->stage));
  return g_strdup (hrb_stage_label (d->stage));
}

static char *
stage_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer user_data)
{
  Install *in = user_data;

  return hrb_dossier_list_text (in->window, hrb_item_object_get_id (obj), FALSE);
}

static char *
party_text_cb (HrbItemObject *obj, const HrbNumberFormat *fmt, gpointer user_data)
{
  Install *in = user_data;

  return hrb_dossier_list_text (in->window, hrb_item_object_get_id (obj), TRUE);
}

static void
add_columns (Install *in, HrbListPage *page)
{
  if (page == NULL)
    return;
  hrb_list_page_insert_column (page, -1, "stage", _("Stage"),
                               hrb_list_page_text_factory_new (page, stage_text_cb, in, FALSE), NULL, FALSE);
  hrb_list_page_insert_column (page, -1, "party", _("Who Must Act"),
                               hrb_list_page_text_factory_new (page, party_text_cb, in, FALSE), NULL, FALSE);
}

gint64
hrb_dossier_start_or_open (HrbWindow *window, gint64 item_id)
{
  Install *in = get_install (window);
  HrbStore *store = hrb_window_get_store (window);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (in != NULL && store != NULL, 0);
  id = hrb_store_find_open_dossier (store, item_id, &error);
  if (id == 0 && error == NULL)
    id = hrb_store_start_dossier (store, item_id, NULL, HRB_PARTY_PROJECT_TEAM, &error);
  if (id == 0)
    {
      hrb_window_add_toast (window, adw_toast_new (error ? error->message : _("Cannot start the dossier")));
      return 0;
    }
  hrb_dossiers_page_reload (in->dossiers);
  hrb_dossiers_page_open (in->dossiers, id);
  hrb_window_show_page (window, "dossiers");
  refresh_sections (in);
  reload_open (in);
  return id;
}

static void
section_button_cb (GtkButton *button, SideSection *s)
{
  if (s->item_id > 0)
    hrb_dossier_start_or_open (s->install->window, s->item_id);
}

static void
section_free (gpointer data)
{
  SideSection *s = data;

  if (s->install)
    g_ptr_array_remove (s->install->sections, s);
  g_free (s);
}

static void
add_side_section (Install *in, HrbListPage *list)
{
  SideSection *s = g_new0 (SideSection, 1);
  GtkWidget *icon;

  s->install = in;
  s->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (s->group), _("Dossier"));
  s->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (s->row), FALSE);
  s->overdue = gtk_label_new (_("Overdue"));
  gtk_widget_add_css_class (s->overdue, "error");
  gtk_widget_add_css_class (s->overdue, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (s->row), s->overdue);
  icon = gtk_image_new_from_icon_name ("folder-documents-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dossier"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (s->row), icon);
  s->button = gtk_button_new_with_mnemonic (_("_Start Dossier"));
  gtk_widget_set_name (s->button, "dossier-start-open");
  gtk_widget_set_valign (s->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (s->button, "suggested-action");
  g_signal_connect (s->button, "clicked", G_CALLBACK (section_button_cb), s);
  /* In the group's header, so that the row keeps its width for the text. */
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (s->group), s->button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (s->group), s->row);
  g_ptr_array_add (in->sections, s);
  hrb_item_details_add_section (hrb_list_page_get_details (list), s->group, section_update_cb, s,
                                section_free);
}

/* Following the window ------------------------------------------------------- */

static void
items_loaded_cb (HrbWindow *window, Install *in)
{
  HrbStore *store = hrb_window_get_store (window);

  if (store == in->store)
    {
      hrb_dossiers_page_reload (in->dossiers);
      hrb_monitoring_page_reload (in->monitoring);
      reload_open (in);
      return;
    }
  g_set_object (&in->store, store);
  hrb_dossiers_page_set_store (in->dossiers, store);
  hrb_monitoring_page_set_store (in->monitoring, store);
  reload_open (in);
}

static void
open_dossier_cb (HrbMonitoringPage *page, gint64 id, Install *in)
{
  hrb_dossiers_page_open (in->dossiers, id);
  hrb_window_show_page (in->window, "dossiers");
}

static void
dossiers_changed_cb (HrbDossiersPage *page, Install *in)
{
  refresh_sections (in);
  reload_open (in);
}

void
hrb_dossier_install (HrbWindow *window)
{
  Install *in;

  g_return_if_fail (HRB_IS_WINDOW (window));
  if (get_install (window) != NULL)
    return;
  in = g_new0 (Install, 1);
  in->window = window;
  in->sections = g_ptr_array_new ();
  in->open = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) hrb_dossier_free);
  g_object_set_data_full (G_OBJECT (window), DATA_KEY, in, install_free);

  in->dossiers = HRB_DOSSIERS_PAGE (hrb_dossiers_page_new ());
  in->monitoring = HRB_MONITORING_PAGE (hrb_monitoring_page_new ());
  hrb_window_add_page (window, "dossiers", _("Dossiers"), "folder-documents-symbolic",
                       GTK_WIDGET (in->dossiers));
  hrb_window_add_page (window, "monitoring", _("Monitoring"), "x-office-presentation-symbolic",
                       GTK_WIDGET (in->monitoring));
  g_signal_connect (in->monitoring, "open-dossier", G_CALLBACK (open_dossier_cb), in);
  g_signal_connect (in->dossiers, "changed", G_CALLBACK (dossiers_changed_cb), in);
  add_side_section (in, hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE));
  add_side_section (in, hrb_window_get_list_page (window, HRB_STREAM_RETROSPECTIVE));
  add_columns (in, hrb_window_get_list_page (window, HRB_STREAM_PROSPECTIVE));
  add_columns (in, hrb_window_get_list_page (window, HRB_STREAM_RETROSPECTIVE));
  g_signal_connect (window, "items-loaded", G_CALLBACK (items_loaded_cb), in);
  if (hrb_window_get_store (window) != NULL && !hrb_window_is_loading (window))
    items_loaded_cb (window, in);
}

HrbDossiersPage *
hrb_dossier_get_dossiers_page (HrbWindow *window)
{
  Install *in = get_install (window);

  return in ? in->dossiers : NULL;
}

HrbMonitoringPage *
hrb_dossier_get_monitoring_page (HrbWindow *window)
{
  Install *in = get_install (window);

  return in ? in->monitoring : NULL;
}
