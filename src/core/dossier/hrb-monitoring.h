/* hrb-monitoring.h: figures about the dossiers (counts, outcomes, lead times).
 *
 * Rules:
 *  - Lead times are in calendar days between transition dates.
 *  - A period in a stage runs from its transition's date to the next
 *    transition's date. Only finished periods count (the current period of
 *    an open dossier does not).
 *  - Lead time of a stage, per dossier: the sum of its finished periods in
 *    that stage (a stage interrupted by parking and resumed counts as one
 *    value: the days before parking plus the days after). A dossier gives a
 *    value for a stage once it has left that stage and is not in it now.
 *  - Time spent parked counts toward no stage and not toward the total; it is
 *    reported on its own under the key "parked".
 *  - Total lead time: for closed dossiers only, from the first transition's
 *    date to the date it was closed, minus the days parked. Dropped dossiers
 *    have no total.
 *  - Median: the middle value of the sorted values (the mean of the two
 *    middle values when the count is even). 90th percentile: nearest rank,
 *    the value at rank ceil(0.9 × n) of the values sorted ascending.
 *    Maximum: the largest value. NAN when there are no values.
 *  - Year filter (year > 0): stage values of dossiers whose period in that
 *    stage ended in that year; totals and outcomes of dossiers closed or
 *    dropped in that year; measures agreed in that year (agreed_date).
 *    completed_per_year always
 *    covers all years; open_per_stage and overdue are always as of today.
 *  - Open dossiers: neither closed nor dropped (parked ones under "parked").
 *  - Completed: closed (per year of the closing date); dropped dossiers are
 *    counted under outcomes, not as completed.
 *  - Overdue: see hrb-dossier.h.
 */
#pragma once

#include "hrb-store.h"
#include "hrb-dossier.h"

G_BEGIN_DECLS

typedef struct {
  guint   n;          /* number of values */
  double  median;
  double  p90;
  double  max;
} HrbLeadTime;

typedef struct {
  int    year;
  guint  count;
} HrbYearCount;

typedef struct {
  char        *today;
  int          year;                          /* the filter, 0 = all */
  guint        open_per_stage[HRB_N_STAGES];  /* closed/dropped stay 0 */
  guint        n_open;
  GArray      *completed_per_year;            /* HrbYearCount, by year */
  guint        n_closed;                      /* outcomes (within the filter) */
  guint        n_dropped;
  guint        measures[HRB_N_MEASURE_KINDS];             /* measures by kind */
  guint        measures_by_status[HRB_N_MEASURE_STATUS];
  HrbLeadTime  lead_stage[HRB_N_STAGES];      /* closed/dropped: n = 0 */
  HrbLeadTime  lead_total;
  GPtrArray   *overdue;                       /* HrbDossier, most days late first */
} HrbMonitoring;

void           hrb_monitoring_free (HrbMonitoring *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbMonitoring, hrb_monitoring_free)

/* Computes the figures from the store (today from its clock); year 0 = all.
 * Reads no confidential content. */
HrbMonitoring *hrb_monitoring_compute (HrbStore *store, int year, GError **error);

/* The same from given data (tests): dossiers (HrbDossier with derived
 * fields for today), transitions (HrbTransition of those dossiers, any
 * order) and measures (HrbMeasure). */
HrbMonitoring *hrb_monitoring_compute_from (GPtrArray *dossiers, GPtrArray *transitions,
                                            GPtrArray *measures, const char *today, int year);

/* Statistics of values (days); used by compute, public for tests. */
HrbLeadTime    hrb_lead_time_of (const double *values, guint n);

/* The figures as rows metric, key, value (the CLI's `monitor` and the
 * export): open_per_stage (key: stage code; every stage but closed and
 * dropped), completed_per_year (key: year), outcomes (key: closed,
 * dropped), measures (key: measure code, every kind), measures_by_status
 * (key: status code), lead_time_n, lead_time_median_days,
 * lead_time_p90_days, lead_time_max_days (key: stage code or "total"; rows
 * only for keys with n > 0 except lead_time_n), overdue (key: dossier id,
 * value: days late). Element type HrbMetricRow. */
typedef struct {
  char   *metric;
  char   *key;
  double  value;
} HrbMetricRow;

GPtrArray     *hrb_monitoring_rows (const HrbMonitoring *m);

G_END_DECLS
