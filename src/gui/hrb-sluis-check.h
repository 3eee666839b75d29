/* hrb-sluis-check.h: the sluis thresholds, editable, with a what-if count.
 *
 * Two amounts (per patient per year, in total per year; defaults EUR 50,000
 * and EUR 20 million) and the number of items per stream that cross at those
 * amounts. "changed" is emitted when an amount changes; the owner counts
 * (hrb_sluis_count()) and calls hrb_sluis_check_set_counts(). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HRB_TYPE_SLUIS_CHECK (hrb_sluis_check_get_type ())
G_DECLARE_FINAL_TYPE (HrbSluisCheck, hrb_sluis_check, HRB, SLUIS_CHECK, GtkBox)

GtkWidget *hrb_sluis_check_new (void);

double     hrb_sluis_check_get_cost_per_patient (HrbSluisCheck *self);
double     hrb_sluis_check_get_budget_impact    (HrbSluisCheck *self);
void       hrb_sluis_check_set_thresholds (HrbSluisCheck *self, double cost_per_patient,
                                           double budget_impact);
void       hrb_sluis_check_set_counts (HrbSluisCheck *self, guint prospective, guint retrospective);
/* The text shown with the counts (for tests). */
const char *hrb_sluis_check_get_summary (HrbSluisCheck *self);

G_END_DECLS
