/* hrb-monitoring-page.c: the Monitoring page. */
#include "config.h"
#include "hrb-a11y.h"
#include "hrb-monitoring-page.h"
#include "hrb-format.h"
#include "hrb-monitoring.h"
#include "hrb-store-dossier.h"

#include <glib/gi18n.h>

struct _HrbMonitoringPage
{
  GtkBox       parent_instance;

  HrbStore    *store;
  guint64      generation;      /* of the store when last computed */
  gboolean     computed;
  int          year;
  GArray      *years;           /* int: the choices of the year filter after "All years" */
  gboolean     filling_years;

  GtkWidget   *year_dropdown;
  GtkWidget   *today_label;
  GtkWidget   *open_chart;
  GtkWidget   *open_total;
  GtkWidget   *lead_chart;
  GtkWidget   *lead_table;
  GtkWidget   *completed_chart;
  GtkWidget   *outcomes_label;
  GtkWidget   *measures_chart;
  GtkWidget   *overdue_list;
};

G_DEFINE_FINAL_TYPE (HrbMonitoringPage, hrb_monitoring_page, GTK_TYPE_BOX)

enum { SIGNAL_OPEN_DOSSIER, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
days_text (double v)
{
  HrbNumberFormat fmt;

  if (!hrb_is_known (v))
    return g_strdup ("—");
  hrb_number_format_current (&fmt);
  return hrb_format_number (&fmt, v, v == (long) v ? 0 : 1);
}

static void
grid_clear (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static void
grid_cell (GtkWidget *grid, int col, int row, const char *text, gboolean header)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), col == 0 ? 0 : 1);
  if (header)
    gtk_widget_add_css_class (l, "heading");
  else if (col > 0)
    gtk_widget_add_css_class (l, "numeric");
  gtk_grid_attach (GTK_GRID (grid), l, col, row, 1, 1);
}

static void
fill_years (HrbMonitoringPage *self, const HrbMonitoring *m)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;
  int this_year = m->today ? (int) g_ascii_strtoll (m->today, NULL, 10) : 0;

  /* The years with completed dossiers, and this year. */
  g_array_set_size (self->years, 0);
  gtk_string_list_append (model, _("All years"));
  for (int y = this_year; y > 0 && y >= this_year - 10; y--)
    {
      gboolean has = y == this_year;
      for (guint i = 0; i < m->completed_per_year->len; i++)
        has |= g_array_index (m->completed_per_year, HrbYearCount, i).year == y;
      if (!has && y != self->year)
        continue;
      {
        g_autofree char *t = g_strdup_printf ("%d", y);
        gtk_string_list_append (model, t);
        g_array_append_val (self->years, y);
        if (y == self->year)
          selected = self->years->len;
      }
    }
  self->filling_years = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->year_dropdown), G_LIST_MODEL (model));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->year_dropdown), selected);
  self->filling_years = FALSE;
}

static void
overdue_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, HrbMonitoringPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "dossier-id"));

  if (id > 0)
    g_signal_emit (self, signals[SIGNAL_OPEN_DOSSIER], 0, id);
}

static void
fill (HrbMonitoringPage *self, const HrbMonitoring *m)
{
  HrbBarChart *chart;
  GtkWidget *child;
  g_autofree char *today = hrb_format_date (m->today);
  g_autofree char *as_of = g_strdup_printf (_("As of %s"), today);
  g_autofree char *open_total = NULL;
  g_autofree char *outcomes = NULL;
  int row = 1;

  gtk_label_set_text (GTK_LABEL (self->today_label), as_of);

  chart = HRB_BAR_CHART (self->open_chart);
  hrb_bar_chart_clear (chart);
  for (int s = 0; s < HRB_N_STAGES; s++)
    if (!hrb_stage_is_final (s))
      {
        g_autofree char *v = g_strdup_printf ("%u", m->open_per_stage[s]);
        hrb_bar_chart_add (chart, hrb_stage_label (s), m->open_per_stage[s], v);
      }
  open_total = g_strdup_printf (ngettext ("%u open dossier", "%u open dossiers", m->n_open), m->n_open);
  gtk_label_set_text (GTK_LABEL (self->open_total), open_total);

  chart = HRB_BAR_CHART (self->lead_chart);
  hrb_bar_chart_clear (chart);
  grid_clear (self->lead_table);
  grid_cell (self->lead_table, 0, 0, _("Stage"), TRUE);
  grid_cell (self->lead_table, 1, 0, _("Median"), TRUE);
  grid_cell (self->lead_table, 2, 0, _("90th percentile"), TRUE);
  grid_cell (self->lead_table, 3, 0, _("Maximum"), TRUE);
  grid_cell (self->lead_table, 4, 0, _("Number"), TRUE);
  for (int s = 0; s <= HRB_N_STAGES; s++)
    {
      const HrbLeadTime *lt;
      const char *name;
      g_autofree char *med = NULL, *p90 = NULL, *max = NULL, *n = NULL, *v = NULL;

      if (s < HRB_N_STAGES && hrb_stage_is_final (s))
        continue;
      lt = s < HRB_N_STAGES ? &m->lead_stage[s] : &m->lead_total;
      name = s < HRB_N_STAGES ? hrb_stage_label (s) : _("Total (excluding parked time)");
      med = days_text (lt->median);
      p90 = days_text (lt->p90);
      max = days_text (lt->max);
      n = g_strdup_printf ("%u", lt->n);
      grid_cell (self->lead_table, 0, row, name, FALSE);
      grid_cell (self->lead_table, 1, row, med, FALSE);
      grid_cell (self->lead_table, 2, row, p90, FALSE);
      grid_cell (self->lead_table, 3, row, max, FALSE);
      grid_cell (self->lead_table, 4, row, n, FALSE);
      row++;
      if (lt->n == 0)
        continue;
      /* Translators: lead time in days: median, 90th percentile, maximum */
      v = g_strdup_printf (_("%s d (p90 %s, max %s)"), med, p90, max);
      hrb_bar_chart_add (chart, name, lt->median, v);
    }

  chart = HRB_BAR_CHART (self->completed_chart);
  hrb_bar_chart_clear (chart);
  for (guint i = 0; i < m->completed_per_year->len; i++)
    {
      const HrbYearCount *yc = &g_array_index (m->completed_per_year, HrbYearCount, i);
      g_autofree char *y = g_strdup_printf ("%d", yc->year);
      g_autofree char *v = g_strdup_printf ("%u", yc->count);
      hrb_bar_chart_add (chart, y, yc->count, v);
    }
  outcomes = g_strdup_printf (_("Outcomes: %u closed, %u dropped"), m->n_closed, m->n_dropped);
  gtk_label_set_text (GTK_LABEL (self->outcomes_label), outcomes);

  chart = HRB_BAR_CHART (self->measures_chart);
  hrb_bar_chart_clear (chart);
  for (int k = 0; k < HRB_N_MEASURE_KINDS; k++)
    if (m->measures[k] > 0)
      {
        g_autofree char *v = g_strdup_printf ("%u", m->measures[k]);
        hrb_bar_chart_add (chart, hrb_measure_kind_label (k), m->measures[k], v);
      }

  while ((child = gtk_widget_get_first_child (self->overdue_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->overdue_list), child);
  for (guint i = 0; i < m->overdue->len; i++)
    {
      const HrbDossier *d = g_ptr_array_index (m->overdue, i);
      GtkWidget *r = adw_action_row_new ();
      GtkWidget *late = gtk_label_new (NULL);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      int days = hrb_days_between (d->due_date, m->today);
      g_autofree char *title = d->indication ? g_strdup_printf ("%s — %s", d->medicine, d->indication)
                                             : g_strdup (d->medicine);
      g_autofree char *due = hrb_format_date (d->due_date);
      g_autofree char *sub = g_strdup_printf (_("%s · who must act: %s · due %s"),
                                              hrb_stage_label (d->stage), hrb_party_label (d->party), due);
      g_autofree char *late_text = g_strdup_printf (ngettext ("%d day late", "%d days late", days), days);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), sub);
      gtk_label_set_text (GTK_LABEL (late), late_text);
      gtk_widget_add_css_class (late, "error");
      gtk_widget_add_css_class (late, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), late);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
      g_object_set_data (G_OBJECT (r), "dossier-id", GSIZE_TO_POINTER ((gsize) d->id));
      gtk_list_box_append (GTK_LIST_BOX (self->overdue_list), r);
    }
  fill_years (self, m);
}

void
hrb_monitoring_page_reload (HrbMonitoringPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMonitoring) m = NULL;

  g_return_if_fail (HRB_IS_MONITORING_PAGE (self));
  if (self->store == NULL)
    return;
  m = hrb_monitoring_compute (self->store, self->year, &error);
  if (m == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->today_label), error->message);
      return;
    }
  self->generation = hrb_store_get_generation (self->store);
  self->computed = TRUE;
  fill (self, m);
}

void
hrb_monitoring_page_set_store (HrbMonitoringPage *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_MONITORING_PAGE (self));
  g_set_object (&self->store, store);
  self->computed = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hrb_monitoring_page_reload (self);
}

void
hrb_monitoring_page_set_year (HrbMonitoringPage *self, int year)
{
  g_return_if_fail (HRB_IS_MONITORING_PAGE (self));
  self->year = year;
  hrb_monitoring_page_reload (self);
}

HrbBarChart *
hrb_monitoring_page_get_chart (HrbMonitoringPage *self, const char *name)
{
  g_return_val_if_fail (HRB_IS_MONITORING_PAGE (self), NULL);
  if (g_strcmp0 (name, "open") == 0)
    return HRB_BAR_CHART (self->open_chart);
  if (g_strcmp0 (name, "lead") == 0)
    return HRB_BAR_CHART (self->lead_chart);
  if (g_strcmp0 (name, "completed") == 0)
    return HRB_BAR_CHART (self->completed_chart);
  if (g_strcmp0 (name, "measures") == 0)
    return HRB_BAR_CHART (self->measures_chart);
  return NULL;
}

GtkListBox *
hrb_monitoring_page_get_overdue_list (HrbMonitoringPage *self)
{
  g_return_val_if_fail (HRB_IS_MONITORING_PAGE (self), NULL);
  return GTK_LIST_BOX (self->overdue_list);
}

static void
year_changed_cb (GtkDropDown *dd, GParamSpec *pspec, HrbMonitoringPage *self)
{
  guint i = gtk_drop_down_get_selected (dd);

  if (self->filling_years || i == GTK_INVALID_LIST_POSITION)
    return;
  self->year = i == 0 || i > self->years->len ? 0 : g_array_index (self->years, int, i - 1);
  hrb_monitoring_page_reload (self);
}

static void
map_cb (HrbMonitoringPage *self)
{
  /* Recompute when something changed since the last time. */
  if (self->store && (!self->computed || hrb_store_get_generation (self->store) != self->generation))
    hrb_monitoring_page_reload (self);
}

static GtkWidget *
card_new (GtkWidget *flow, const char *title, const char *description, GtkWidget *content)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *clamp;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_valign (card, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 16);
  gtk_widget_set_margin_end (label, 16);
  gtk_widget_set_margin_top (label, 14);
  gtk_box_append (GTK_BOX (card), label);
  if (description)
    {
      GtkWidget *d = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (d), 0);
      gtk_label_set_wrap (GTK_LABEL (d), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (d), 50);
      gtk_widget_add_css_class (d, "dim-label");
      gtk_widget_add_css_class (d, "caption");
      gtk_widget_set_margin_start (d, 16);
      gtk_widget_set_margin_end (d, 16);
      gtk_box_append (GTK_BOX (card), d);
    }
  gtk_widget_set_margin_start (content, 16);
  gtk_widget_set_margin_end (content, 16);
  gtk_widget_set_margin_bottom (content, 14);
  gtk_box_append (GTK_BOX (card), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The clamp limits the natural width, so that two cards fit on a line. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  gtk_widget_set_valign (clamp, GTK_ALIGN_START);
  adw_clamp_set_child (ADW_CLAMP (clamp), card);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), clamp);
  hrb_a11y_set_label (gtk_widget_get_parent (clamp), title);
  return card;
}

static void
hrb_monitoring_page_dispose (GObject *object)
{
  HrbMonitoringPage *self = HRB_MONITORING_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (hrb_monitoring_page_parent_class)->dispose (object);
}

static void
hrb_monitoring_page_class_init (HrbMonitoringPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_monitoring_page_dispose;
  signals[SIGNAL_OPEN_DOSSIER] = g_signal_new ("open-dossier", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
hrb_monitoring_page_init (HrbMonitoringPage *self)
{
  GtkWidget *top, *title, *scrolled, *box, *flow, *content, *expander;
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_string_list_append (years, _("All years"));

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (top, 18);
  gtk_widget_set_margin_end (top, 18);
  gtk_widget_set_margin_top (top, 12);
  gtk_widget_set_margin_bottom (top, 6);
  title = gtk_label_new (_("Monitoring"));
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (top), title);
  self->today_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->today_label, "dim-label");
  gtk_widget_set_hexpand (self->today_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->today_label), 0);
  gtk_box_append (GTK_BOX (top), self->today_label);
  {
    GtkWidget *l = gtk_label_new_with_mnemonic (_("_Period"));
    self->year_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (years)), NULL);
    gtk_label_set_mnemonic_widget (GTK_LABEL (l), self->year_dropdown);
    hrb_a11y_set_label (self->year_dropdown, _("Period"));
    g_signal_connect (self->year_dropdown, "notify::selected", G_CALLBACK (year_changed_cb), self);
    gtk_box_append (GTK_BOX (top), l);
    gtk_box_append (GTK_BOX (top), self->year_dropdown);
  }
  gtk_box_append (GTK_BOX (self), top);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  hrb_a11y_set_label (flow, _("Monitoring figures"));
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_box_append (GTK_BOX (box), flow);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_box_append (GTK_BOX (self), scrolled);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->open_chart = hrb_bar_chart_new (_("Open dossiers per stage"));
  self->open_total = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->open_total), 0);
  gtk_widget_add_css_class (self->open_total, "dim-label");
  gtk_box_append (GTK_BOX (content), self->open_chart);
  gtk_box_append (GTK_BOX (content), self->open_total);
  card_new (flow, _("Open Dossiers per Stage"), NULL, content);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->lead_chart = hrb_bar_chart_new (_("Lead time per stage, median in days"));
  self->lead_table = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->lead_table), 16);
  gtk_grid_set_row_spacing (GTK_GRID (self->lead_table), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lead_table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lead times in days: median, 90th percentile, maximum, number"), -1);
  expander = gtk_expander_new_with_mnemonic (_("_Table"));
  hrb_a11y_set_label (expander, _("Lead times as a table"));
  gtk_expander_set_child (GTK_EXPANDER (expander), self->lead_table);
  gtk_box_append (GTK_BOX (content), self->lead_chart);
  gtk_box_append (GTK_BOX (content), expander);
  card_new (flow, _("Lead Times per Stage"),
            _("Calendar days; median, 90th percentile (nearest rank) and maximum of finished "
              "stages. Time spent parked counts for no stage and not for the total."),
            content);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->completed_chart = hrb_bar_chart_new (_("Reassessments completed per year"));
  self->outcomes_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->outcomes_label), 0);
  gtk_widget_add_css_class (self->outcomes_label, "dim-label");
  gtk_box_append (GTK_BOX (content), self->completed_chart);
  gtk_box_append (GTK_BOX (content), self->outcomes_label);
  card_new (flow, _("Completed per Year"), NULL, content);

  self->measures_chart = hrb_bar_chart_new (_("Control measures by kind"));
  card_new (flow, _("Measures by Kind"), NULL, self->measures_chart);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->overdue_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->overdue_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->overdue_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overdue_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overdue dossiers"), -1);
  {
    GtkWidget *empty = gtk_label_new (_("Nothing is overdue"));
    gtk_widget_add_css_class (empty, "dim-label");
    gtk_widget_set_margin_top (empty, 12);
    gtk_widget_set_margin_bottom (empty, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->overdue_list), empty);
  }
  g_signal_connect (self->overdue_list, "row-activated", G_CALLBACK (overdue_row_activated_cb), self);
  gtk_box_append (GTK_BOX (content), self->overdue_list);
  card_new (flow, _("Overdue"), _("Due date passed; activate a row to open the dossier."), content);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

GtkWidget *
hrb_monitoring_page_new (void)
{
  return g_object_new (HRB_TYPE_MONITORING_PAGE, NULL);
}
