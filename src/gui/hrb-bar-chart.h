/* hrb-bar-chart.h: a horizontal bar chart made of GTK widgets (a label, a
 * level bar and the value per row), readable by screen readers: every bar
 * has an accessible label with its value and the chart an accessible
 * description listing all values. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HRB_TYPE_BAR_CHART (hrb_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (HrbBarChart, hrb_bar_chart, HRB, BAR_CHART, GtkWidget)

/* title: the accessible name of the chart. */
GtkWidget  *hrb_bar_chart_new   (const char *title);
void        hrb_bar_chart_clear (HrbBarChart *self);
/* Adds a bar; value_text is shown after the bar (NULL: the value). */
void        hrb_bar_chart_add   (HrbBarChart *self, const char *label, double value,
                                 const char *value_text);
guint       hrb_bar_chart_get_n_bars (HrbBarChart *self);
/* The text alternative: "label: value; …" (also the accessible description). */
const char *hrb_bar_chart_get_text (HrbBarChart *self);

G_END_DECLS
