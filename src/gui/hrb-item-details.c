/* hrb-item-details.c: the details pane of a list page. */
#include "config.h"
#include "hrb-item-details.h"
#include "hrb-format.h"

#include <glib/gi18n.h>

typedef struct {
  GtkWidget           *widget;
  HrbDetailsUpdateFunc update;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Section;

struct _HrbItemDetails
{
  GtkBox          parent_instance;

  HrbStore       *store;
  HrbItemObject  *obj;
  GArray         *sections;       /* Section */
  GPtrArray      *dynamic_rows;   /* rows of the figure groups, rebuilt per item */
  guint           n_history;

  GtkWidget      *stack;
  GtkWidget      *title_label;
  GtkWidget      *inn_label;
  GtkWidget      *indication_label;
  GtkWidget      *badges;
  GtkWidget      *figures_group;
  GtkWidget      *history_group;
  GtkWidget      *extra_box;
};

G_DEFINE_FINAL_TYPE (HrbItemDetails, hrb_item_details, GTK_TYPE_BOX)

static void
section_clear (gpointer data)
{
  Section *s = data;

  if (s->destroy)
    s->destroy (s->user_data);
}

static void
hrb_item_details_dispose (GObject *object)
{
  HrbItemDetails *self = HRB_ITEM_DETAILS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->obj);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hrb_item_details_parent_class)->dispose (object);
}

static void
hrb_item_details_class_init (HrbItemDetailsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_item_details_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "itemdetails");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
hrb_item_details_init (HrbItemDetails *self)
{
  GtkWidget *none, *scroller, *content, *header, *actions, *button;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item details"), -1);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
  self->dynamic_rows = g_ptr_array_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (self), self->stack);

  none = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Item Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                   _("Select an item to see its figures and their sources."));
  gtk_widget_add_css_class (none, "compact");
  gtk_stack_add_named (GTK_STACK (self->stack), none, "none");

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "item");

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->title_label = make_label ("title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Medicine"), -1);
  self->inn_label = make_label ("dim-label");
  self->indication_label = make_label ("heading");
  gtk_widget_set_margin_top (self->indication_label, 6);
  self->badges = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->badges), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->badges), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->badges), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->badges), 6);
  gtk_widget_set_margin_top (self->badges, 6);
  gtk_widget_add_css_class (self->badges, "badges");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badges),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Properties"), -1);
  gtk_box_append (GTK_BOX (header), self->title_label);
  gtk_box_append (GTK_BOX (header), self->inn_label);
  gtk_box_append (GTK_BOX (header), self->indication_label);
  gtk_box_append (GTK_BOX (header), self->badges);
  gtk_box_append (GTK_BOX (content), header);

  self->figures_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->figures_group), _("Figures per Year"));
  gtk_box_append (GTK_BOX (content), self->figures_group);

  self->history_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->history_group), _("Earlier Vintages"));
  gtk_box_append (GTK_BOX (content), self->history_group);

  self->extra_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (content), self->extra_box);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-item");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete item"), -1);
  gtk_box_append (GTK_BOX (actions), button);
  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-item");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit item"), -1);
  gtk_box_append (GTK_BOX (actions), button);
  gtk_box_append (GTK_BOX (content), actions);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
}

GtkWidget *
hrb_item_details_new (void)
{
  return g_object_new (HRB_TYPE_ITEM_DETAILS, NULL);
}

void
hrb_item_details_set_store (HrbItemDetails *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_ITEM_DETAILS (self));

  g_set_object (&self->store, store);
  hrb_item_details_set_item (self, NULL);
}

HrbItemObject *
hrb_item_details_get_item (HrbItemDetails *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_DETAILS (self), NULL);
  return self->obj;
}

static void
add_badge (HrbItemDetails *self, const char *text, const char *css_class, const char *icon)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "badge");
  if (css_class)
    gtk_widget_add_css_class (box, css_class);
  if (icon)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_flow_box_append (GTK_FLOW_BOX (self->badges), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
clear_dynamic_rows (HrbItemDetails *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  self->n_history = 0;
}

static char *
provenance_text (HrbStore *store, const HrbFigure *f)
{
  g_autoptr(GString) s = g_string_new (f->source ? f->source : _("unknown source"));

  if (f->vintage && f->vintage[0])
    {
      g_autofree char *date = hrb_format_date (f->vintage);
      /* Translators: "Horizonscan, vintage 01-10-2026" */
      g_string_append_printf (s, _(", vintage %s"), date);
    }
  if (f->year > 0)
    g_string_append_printf (s, " · %d", f->year);
  if (f->batch_id > 0)
    g_string_append_printf (s, _(" · import %lld"), (long long) f->batch_id);
  if (f->provisional)
    g_string_append (s, _(" · provisional"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A row with a small caption above its value (the value may wrap). */
static void
add_value_row (HrbItemDetails *self, GtkWidget *group, const char *title,
               const char *subtitle, const char *value, gboolean emphasis)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *caption_text = subtitle ? g_strdup_printf ("%s · %s", title, subtitle) : g_strdup (title);

  gtk_label_set_text (GTK_LABEL (caption), caption_text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  if (emphasis)
    gtk_widget_add_css_class (label, "figure-value");
  gtk_widget_set_visible (label, value && value[0]);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, caption_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value ? value : "", -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
fill_figures (HrbItemDetails *self, const HrbItem *item)
{
  HrbNumberFormat fmt;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  const HrbFigure *f = &item->figure;
  g_autofree char *prov = NULL;
  g_autofree char *patients = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *budget = NULL;
  HrbRange bi;

  hrb_number_format_current (&fmt);
  clear_dynamic_rows (self);

  if (f->id == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->figures_group),
                                             _("No figures yet."));
      gtk_widget_set_visible (self->history_group, FALSE);
      return;
    }
  prov = provenance_text (self->store, f);
  /* The latest figures share one source and vintage: say it once. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->figures_group), prov);

  patients = hrb_format_range (&fmt, f->patients, FALSE);
  cost = hrb_format_range (&fmt, f->cost, TRUE);
  bi = hrb_figure_budget_impact (f);
  budget = hrb_format_range (&fmt, bi, TRUE);
  add_value_row (self, self->figures_group, _("Patients"), NULL, patients, TRUE);
  add_value_row (self, self->figures_group, _("Cost per patient"), NULL, cost, TRUE);
  add_value_row (self, self->figures_group, _("Budget impact"),
                 hrb_range_is_known (f->budget) ? NULL : _("patients × cost"), budget, TRUE);

  figures = self->store ? hrb_store_list_figures (self->store, item->id, &error) : NULL;
  if (figures == NULL && error)
    g_warning ("Cannot list the figures of item %" G_GINT64_FORMAT ": %s", item->id, error->message);
  gtk_widget_set_visible (self->history_group, figures != NULL && figures->len > 1);
  for (guint i = 0; figures && i < figures->len; i++)
    {
      const HrbFigure *old = g_ptr_array_index (figures, i);
      g_autofree char *p = NULL, *c = NULL, *b = NULL, *title = NULL, *values = NULL;

      if (old->id == f->id)
        continue;
      p = hrb_format_range (&fmt, old->patients, FALSE);
      c = hrb_format_range (&fmt, old->cost, TRUE);
      b = hrb_format_range (&fmt, hrb_figure_budget_impact (old), TRUE);
      title = provenance_text (self->store, old);
      values = g_strdup_printf (_("Patients %s · cost per patient %s · budget impact %s"), p, c, b);
      add_value_row (self, self->history_group, title, NULL, values, FALSE);
      self->n_history++;
    }
}

static void
update_sections (HrbItemDetails *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *s = &g_array_index (self->sections, Section, i);

      if (s->update)
        s->update (s->widget, self->store, self->obj, s->user_data);
    }
}

void
hrb_item_details_set_item (HrbItemDetails *self, HrbItemObject *obj)
{
  const HrbItem *item;
  const HrbMedicine *m;
  GtkWidget *child;

  g_return_if_fail (HRB_IS_ITEM_DETAILS (self));

  g_set_object (&self->obj, obj);
  if (obj == NULL)
    {
      clear_dynamic_rows (self);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      update_sections (self);
      return;
    }

  item = hrb_item_object_get_item (obj);
  m = &item->medicine;
  gtk_label_set_text (GTK_LABEL (self->title_label), hrb_medicine_display_name (m));
  if (m->brand && m->brand[0] && m->inn)
    {
      g_autofree char *inn = m->atc && m->atc[0]
        ? g_strdup_printf ("%s · %s", m->inn, m->atc) : g_strdup (m->inn);
      gtk_label_set_text (GTK_LABEL (self->inn_label), inn);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->inn_label), m->atc ? m->atc : "");
  gtk_label_set_text (GTK_LABEL (self->indication_label),
                      item->indication ? item->indication : _("All indications (medicine-level figures)"));

  while ((child = gtk_widget_get_first_child (self->badges)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->badges), child);
  add_badge (self, hrb_status_label (item->status),
             item->status == HRB_STATUS_IN_SLUIS ? "badge-sluis" : NULL, NULL);
  if (item->domain && item->domain[0])
    add_badge (self, item->domain, NULL, NULL);
  if (m->orphan)
    add_badge (self, _("orphan medicine"), "badge-accent", NULL);
  if (m->conditional)
    add_badge (self, _("conditional"), "badge-accent", NULL);
  if (m->exceptional)
    add_badge (self, _("exceptional"), "badge-accent", NULL);
  if (m->atmp)
    add_badge (self, _("ATMP"), "badge-accent", NULL);
  if (m->critical)
    add_badge (self, _("critical medicines list"), "badge-warning", "dialog-warning-symbolic");

  fill_figures (self, item);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "item");
  update_sections (self);
}

guint
hrb_item_details_get_history_length (HrbItemDetails *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_DETAILS (self), 0);
  return self->n_history;
}

void
hrb_item_details_add_section (HrbItemDetails      *self,
                              GtkWidget           *section,
                              HrbDetailsUpdateFunc update,
                              gpointer             user_data,
                              GDestroyNotify       destroy)
{
  Section s = { section, update, user_data, destroy };

  g_return_if_fail (HRB_IS_ITEM_DETAILS (self));
  g_return_if_fail (GTK_IS_WIDGET (section));

  gtk_box_append (GTK_BOX (self->extra_box), section);
  g_array_append_val (self->sections, s);
  if (update)
    update (section, self->store, self->obj, user_data);
}
