/* hrb-monitoring.c: counts, outcomes and lead times of the dossiers.
 * The rules are documented in hrb-monitoring.h. */
#include "hrb-monitoring.h"
#include "hrb-store-dossier.h"
#include "hrb-i18n.h"

#include <stdlib.h>
#include <string.h>

void
hrb_monitoring_free (HrbMonitoring *m)
{
  if (m == NULL)
    return;
  g_free (m->today);
  g_clear_pointer (&m->completed_per_year, g_array_unref);
  g_clear_pointer (&m->overdue, g_ptr_array_unref);
  g_free (m);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

HrbLeadTime
hrb_lead_time_of (const double *values, guint n)
{
  HrbLeadTime lt = { 0, NAN, NAN, NAN };
  g_autofree double *sorted = NULL;
  guint rank;

  if (n == 0)
    return lt;
  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_double);
  lt.n = n;
  if (n % 2 == 1)
    lt.median = sorted[n / 2];
  else
    lt.median = (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  /* Nearest rank: ceil (0.9 × n), in integers to avoid rounding. */
  rank = (9 * n + 9) / 10;
  lt.p90 = sorted[MAX (rank, 1) - 1];
  lt.max = sorted[n - 1];
  return lt;
}

static int
year_of (const char *iso)
{
  if (iso == NULL || strlen (iso) < 4)
    return 0;
  return (int) g_ascii_strtoll (iso, NULL, 10);
}

static int
compare_transition (gconstpointer a, gconstpointer b)
{
  const HrbTransition *x = *(HrbTransition * const *) a;
  const HrbTransition *y = *(HrbTransition * const *) b;
  int c;

  if (x->dossier_id != y->dossier_id)
    return x->dossier_id < y->dossier_id ? -1 : 1;
  c = g_strcmp0 (x->date, y->date);
  if (c != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id ? 1 : 0;
}

static int
compare_overdue (gconstpointer a, gconstpointer b)
{
  const HrbDossier *x = *(HrbDossier * const *) a;
  const HrbDossier *y = *(HrbDossier * const *) b;
  int c = g_strcmp0 (x->due_date, y->due_date);

  if (c != 0)
    return c;   /* earliest due date = most days late first */
  return x->id < y->id ? -1 : x->id > y->id ? 1 : 0;
}

static void
count_year (GArray *years, int year)
{
  for (guint i = 0; i < years->len; i++)
    {
      HrbYearCount *yc = &g_array_index (years, HrbYearCount, i);
      if (yc->year == year)
        {
          yc->count++;
          return;
        }
    }
  {
    HrbYearCount yc = { year, 1 };
    g_array_append_val (years, yc);
  }
}

static int
compare_year (gconstpointer a, gconstpointer b)
{
  return ((const HrbYearCount *) a)->year - ((const HrbYearCount *) b)->year;
}

/* Lead times of one dossier's route (transitions[start … end), sorted). */
static void
add_route (HrbMonitoring *m, GPtrArray *transitions, guint start, guint end,
           GArray **stage_values, GArray *total_values)
{
  int sum[HRB_N_STAGES] = { 0 };
  int last_end_year[HRB_N_STAGES] = { 0 };
  gboolean finished[HRB_N_STAGES] = { FALSE };
  const HrbTransition *first = g_ptr_array_index (transitions, start);
  const HrbTransition *last = g_ptr_array_index (transitions, end - 1);
  int year = m->year;

  for (guint i = start; i + 1 < end; i++)
    {
      const HrbTransition *t = g_ptr_array_index (transitions, i);
      const HrbTransition *next = g_ptr_array_index (transitions, i + 1);
      int days = hrb_days_between (t->date, next->date);

      if (days == G_MININT || days < 0)
        continue;
      sum[t->stage] += days;
      finished[t->stage] = TRUE;
      last_end_year[t->stage] = year_of (next->date);
    }

  for (int s = 0; s < HRB_N_STAGES; s++)
    {
      double v = sum[s];

      if (!finished[s] || (HrbStage) s == last->stage || hrb_stage_is_final (s))
        continue;
      if (year != 0 && last_end_year[s] != year)
        continue;
      g_array_append_val (stage_values[s], v);
    }

  if (last->stage == HRB_STAGE_CLOSED)
    {
      int days = hrb_days_between (first->date, last->date);

      if (days != G_MININT && (year == 0 || year_of (last->date) == year))
        {
          double v = days - sum[HRB_STAGE_PARKED];
          g_array_append_val (total_values, v);
        }
      count_year (m->completed_per_year, year_of (last->date));
    }
  if (hrb_stage_is_final (last->stage) && (year == 0 || year_of (last->date) == year))
    {
      if (last->stage == HRB_STAGE_CLOSED)
        m->n_closed++;
      else
        m->n_dropped++;
    }
}

HrbMonitoring *
hrb_monitoring_compute_from (GPtrArray *dossiers, GPtrArray *transitions, GPtrArray *measures,
                             const char *today, int year)
{
  HrbMonitoring *m = g_new0 (HrbMonitoring, 1);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GArray *stage_values[HRB_N_STAGES];
  g_autoptr(GArray) total_values = g_array_new (FALSE, FALSE, sizeof (double));
  guint i, start;

  m->today = g_strdup (today);
  m->year = year;
  m->completed_per_year = g_array_new (FALSE, FALSE, sizeof (HrbYearCount));
  m->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_dossier_free);
  for (int s = 0; s < HRB_N_STAGES; s++)
    stage_values[s] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Open dossiers and the overdue list, as of today. */
  for (i = 0; dossiers && i < dossiers->len; i++)
    {
      const HrbDossier *d = g_ptr_array_index (dossiers, i);

      if (!hrb_stage_is_final (d->stage))
        {
          m->open_per_stage[d->stage]++;
          m->n_open++;
        }
      if (d->overdue)
        g_ptr_array_add (m->overdue, hrb_dossier_copy (d));
    }
  g_ptr_array_sort (m->overdue, compare_overdue);

  /* Routes, dossier by dossier. */
  for (i = 0; transitions && i < transitions->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (transitions, i));
  g_ptr_array_sort (sorted, compare_transition);
  for (start = 0; start < sorted->len; start = i)
    {
      gint64 id = ((HrbTransition *) g_ptr_array_index (sorted, start))->dossier_id;

      for (i = start; i < sorted->len &&
           ((HrbTransition *) g_ptr_array_index (sorted, i))->dossier_id == id; i++)
        ;
      add_route (m, sorted, start, i, stage_values, total_values);
    }
  g_array_sort (m->completed_per_year, compare_year);

  for (int s = 0; s < HRB_N_STAGES; s++)
    {
      m->lead_stage[s] = hrb_lead_time_of ((double *) stage_values[s]->data, stage_values[s]->len);
      g_array_unref (stage_values[s]);
    }
  m->lead_total = hrb_lead_time_of ((double *) total_values->data, total_values->len);

  /* Measures; with a year, those agreed in that year. */
  for (i = 0; measures && i < measures->len; i++)
    {
      const HrbMeasure *ms = g_ptr_array_index (measures, i);

      if (year != 0 && year_of (ms->agreed_date) != year)
        continue;
      m->measures[ms->kind]++;
      m->measures_by_status[ms->status]++;
    }
  return m;
}

HrbMonitoring *
hrb_monitoring_compute (HrbStore *store, int year, GError **error)
{
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  /* No confidential content is needed for the figures. */
  if ((dossiers = hrb_store_list_dossiers (store, FALSE, error)) == NULL ||
      (transitions = hrb_store_list_transitions (store, 0, error)) == NULL ||
      (measures = hrb_store_list_measures (store, 0, error)) == NULL)
    return NULL;
  today = hrb_dossier_today (store);
  return hrb_monitoring_compute_from (dossiers, transitions, measures, today, year);
}

static void
add_row (GPtrArray *rows, const char *metric, const char *key, double value)
{
  HrbMetricRow *r = g_new0 (HrbMetricRow, 1);

  r->metric = g_strdup (metric);
  r->key = g_strdup (key);
  r->value = value;
  g_ptr_array_add (rows, r);
}

static void
metric_row_free (HrbMetricRow *r)
{
  g_free (r->metric);
  g_free (r->key);
  g_free (r);
}

static void
add_lead_rows (GPtrArray *rows, const char *key, const HrbLeadTime *lt)
{
  add_row (rows, "lead_time_n", key, lt->n);
  if (lt->n == 0)
    return;
  add_row (rows, "lead_time_median_days", key, lt->median);
  add_row (rows, "lead_time_p90_days", key, lt->p90);
  add_row (rows, "lead_time_max_days", key, lt->max);
}

GPtrArray *
hrb_monitoring_rows (const HrbMonitoring *m)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) metric_row_free);

  g_return_val_if_fail (m != NULL, rows);
  for (int s = 0; s < HRB_N_STAGES; s++)
    if (!hrb_stage_is_final (s))
      add_row (rows, "open_per_stage", hrb_stage_to_code (s), m->open_per_stage[s]);
  for (guint i = 0; i < m->completed_per_year->len; i++)
    {
      const HrbYearCount *yc = &g_array_index (m->completed_per_year, HrbYearCount, i);
      g_autofree char *key = g_strdup_printf ("%d", yc->year);
      add_row (rows, "completed_per_year", key, yc->count);
    }
  add_row (rows, "outcomes", "closed", m->n_closed);
  add_row (rows, "outcomes", "dropped", m->n_dropped);
  for (int k = 0; k < HRB_N_MEASURE_KINDS; k++)
    add_row (rows, "measures", hrb_measure_kind_to_code (k), m->measures[k]);
  for (int s = 0; s < HRB_N_MEASURE_STATUS; s++)
    add_row (rows, "measures_by_status", hrb_measure_status_to_code (s), m->measures_by_status[s]);
  for (int s = 0; s < HRB_N_STAGES; s++)
    if (!hrb_stage_is_final (s))
      add_lead_rows (rows, hrb_stage_to_code (s), &m->lead_stage[s]);
  add_lead_rows (rows, "total", &m->lead_total);
  for (guint i = 0; i < m->overdue->len; i++)
    {
      const HrbDossier *d = g_ptr_array_index (m->overdue, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
      add_row (rows, "overdue", key, hrb_days_between (d->due_date, m->today));
    }
  return rows;
}
