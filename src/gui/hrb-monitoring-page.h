/* hrb-monitoring-page.h: the Monitoring page: cards with bar charts (open
 * dossiers per stage, lead times per stage, completed per year, measures by
 * kind, each with its numbers as text) and the overdue list. A year filter
 * limits lead times, outcomes and measures to one year.
 *
 * Signal "open-dossier" (gint64 id) when a dossier in the overdue list is
 * activated. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-bar-chart.h"

G_BEGIN_DECLS

#define HRB_TYPE_MONITORING_PAGE (hrb_monitoring_page_get_type ())
G_DECLARE_FINAL_TYPE (HrbMonitoringPage, hrb_monitoring_page, HRB, MONITORING_PAGE, GtkBox)

GtkWidget   *hrb_monitoring_page_new       (void);
void         hrb_monitoring_page_set_store (HrbMonitoringPage *self, HrbStore *store);
/* Recomputes the figures (also done when the page is shown after a change). */
void         hrb_monitoring_page_reload    (HrbMonitoringPage *self);
/* 0: all years. */
void         hrb_monitoring_page_set_year  (HrbMonitoringPage *self, int year);
/* The charts: "open", "lead", "completed", "measures". */
HrbBarChart *hrb_monitoring_page_get_chart (HrbMonitoringPage *self, const char *name);
GtkListBox  *hrb_monitoring_page_get_overdue_list (HrbMonitoringPage *self);

G_END_DECLS
