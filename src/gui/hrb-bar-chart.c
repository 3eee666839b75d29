/* hrb-bar-chart.c: a horizontal bar chart made of GTK widgets. */
#include "config.h"
#include "hrb-bar-chart.h"

#include <glib/gi18n.h>

typedef struct {
  double     value;
  GtkWidget *bar;
} Bar;

struct _HrbBarChart
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  GtkWidget *empty;
  GArray    *bars;      /* Bar */
  GString   *text;
  char      *title;
};

G_DEFINE_FINAL_TYPE (HrbBarChart, hrb_bar_chart, GTK_TYPE_WIDGET)

static void
rescale (HrbBarChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).value);
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *b = &g_array_index (self->bars, Bar, i);
      gtk_level_bar_set_max_value (GTK_LEVEL_BAR (b->bar), max > 0 ? max : 1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (b->bar), MAX (b->value, 0));
    }
}

void
hrb_bar_chart_clear (HrbBarChart *self)
{
  GtkWidget *child;

  g_return_if_fail (HRB_IS_BAR_CHART (self));
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_array_set_size (self->bars, 0);
  g_string_truncate (self->text, 0);
  gtk_widget_set_visible (self->empty, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("No data"), -1);
}

void
hrb_bar_chart_add (HrbBarChart *self, const char *label, double value, const char *value_text)
{
  g_autofree char *vt = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *name, *bar, *val;
  Bar b;
  int row;

  g_return_if_fail (HRB_IS_BAR_CHART (self));
  row = (int) self->bars->len;
  vt = value_text ? g_strdup (value_text) : g_strdup_printf ("%g", value);
  a11y = g_strdup_printf ("%s: %s", label, vt);

  name = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_widget_set_tooltip_text (name, label);
  bar = gtk_level_bar_new ();
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 80, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  val = gtk_label_new (vt);
  gtk_label_set_xalign (GTK_LABEL (val), 1);
  gtk_widget_add_css_class (val, "numeric");
  gtk_grid_attach (GTK_GRID (self->grid), name, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), bar, 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), val, 2, row, 1, 1);

  b.value = value;
  b.bar = bar;
  g_array_append_val (self->bars, b);
  rescale (self);
  g_string_append_printf (self->text, "%s%s", self->text->len ? "; " : "", a11y);
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->text->str, -1);
}

guint
hrb_bar_chart_get_n_bars (HrbBarChart *self)
{
  g_return_val_if_fail (HRB_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

const char *
hrb_bar_chart_get_text (HrbBarChart *self)
{
  g_return_val_if_fail (HRB_IS_BAR_CHART (self), NULL);
  return self->text->str;
}

static void
hrb_bar_chart_dispose (GObject *object)
{
  HrbBarChart *self = HRB_BAR_CHART (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hrb_bar_chart_parent_class)->dispose (object);
}

static void
hrb_bar_chart_finalize (GObject *object)
{
  HrbBarChart *self = HRB_BAR_CHART (object);

  g_array_unref (self->bars);
  g_string_free (self->text, TRUE);
  g_free (self->title);
  G_OBJECT_CLASS (hrb_bar_chart_parent_class)->finalize (object);
}

static void
hrb_bar_chart_class_init (HrbBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hrb_bar_chart_dispose;
  object_class->finalize = hrb_bar_chart_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hrb_bar_chart_init (HrbBarChart *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  self->text = g_string_new (NULL);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  self->empty = gtk_label_new (_("No data"));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_parent (self->empty, GTK_WIDGET (self));
}

GtkWidget *
hrb_bar_chart_new (const char *title)
{
  HrbBarChart *self = g_object_new (HRB_TYPE_BAR_CHART, NULL);

  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}
