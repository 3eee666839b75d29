/* hrb-sluis-check.c: sluis thresholds with a what-if count. */
#include "config.h"
#include "hrb-sluis-check.h"
#include "hrb-scoring.h"

#include <glib/gi18n.h>

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _HrbSluisCheck
{
  GtkBox         parent_instance;

  GtkAdjustment *cost;
  GtkAdjustment *budget;
  GtkWidget     *summary;
};

G_DEFINE_FINAL_TYPE (HrbSluisCheck, hrb_sluis_check, GTK_TYPE_BOX)

static void
hrb_sluis_check_class_init (HrbSluisCheckClass *klass)
{
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
value_changed_cb (GtkAdjustment *adj, HrbSluisCheck *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
amount_row (HrbSluisCheck *self, const char *title, const char *subtitle, GtkAdjustment *adj)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new (adj, 1, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect (adj, "value-changed", G_CALLBACK (value_changed_cb), self);
  return row;
}

static void
hrb_sluis_check_init (HrbSluisCheck *self)
{
  GtkWidget *title = gtk_label_new (_("Sluis Check"));
  GtkWidget *list = gtk_list_box_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self), title);

  self->cost = gtk_adjustment_new (HRB_SLUIS_COST_PER_PATIENT, 0, 1e9, 1000, 10000, 0);
  self->budget = gtk_adjustment_new (HRB_SLUIS_BUDGET_IMPACT, 0, 1e12, 1e6, 1e7, 0);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       amount_row (self, _("Cost per patient per year"), _("In euros; default 50,000"),
                                   self->cost));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       amount_row (self, _("Total per year"), _("In euros; default 20,000,000"),
                                   self->budget));
  gtk_box_append (GTK_BOX (self), list);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_box_append (GTK_BOX (self), self->summary);
}

GtkWidget *
hrb_sluis_check_new (void)
{
  return g_object_new (HRB_TYPE_SLUIS_CHECK, NULL);
}

double
hrb_sluis_check_get_cost_per_patient (HrbSluisCheck *self)
{
  g_return_val_if_fail (HRB_IS_SLUIS_CHECK (self), NAN);
  return gtk_adjustment_get_value (self->cost);
}

double
hrb_sluis_check_get_budget_impact (HrbSluisCheck *self)
{
  g_return_val_if_fail (HRB_IS_SLUIS_CHECK (self), NAN);
  return gtk_adjustment_get_value (self->budget);
}

void
hrb_sluis_check_set_thresholds (HrbSluisCheck *self, double cost_per_patient, double budget_impact)
{
  g_return_if_fail (HRB_IS_SLUIS_CHECK (self));
  gtk_adjustment_set_value (self->cost, cost_per_patient);
  gtk_adjustment_set_value (self->budget, budget_impact);
}

void
hrb_sluis_check_set_counts (HrbSluisCheck *self, guint prospective, guint retrospective)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HRB_IS_SLUIS_CHECK (self));
  /* TRANSLATORS: counts of items crossing the sluis thresholds. */
  text = g_strdup_printf (_("At these amounts %u prospective and %u retrospective items cross "
                            "the sluis (cost per patient or total at or above the amount)."),
                          prospective, retrospective);
  gtk_label_set_text (GTK_LABEL (self->summary), text);
}

const char *
hrb_sluis_check_get_summary (HrbSluisCheck *self)
{
  g_return_val_if_fail (HRB_IS_SLUIS_CHECK (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->summary));
}
