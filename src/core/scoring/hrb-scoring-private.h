/* hrb-scoring-private.h: pieces shared by the scoring module's files. */
#pragma once

#include "hrb-scoring.h"

G_BEGIN_DECLS

/* A transform with its anchors precomputed, so that the engine and the
 * explanation compute exactly the same numbers. */
typedef struct {
  HrbTransform  transform;
  double        a;       /* LOG: ln(anchor_zero); LINEAR: anchor_zero */
  double        b;       /* LOG: 100 / ln(full/zero); LINEAR: 100 / (full − zero) */
  guint         n_bands;
  const double *threshold;
  const int    *band;
} HrbTransformParams;

static inline void
hrb_transform_params_init (HrbTransformParams *p, const HrbCriterion *c)
{
  p->transform = c->transform;
  p->n_bands = c->n_bands;
  p->threshold = c->band_threshold;
  p->band = c->band_value;
  switch (c->transform)
    {
    case HRB_TRANSFORM_LOG:
      p->a = log (c->anchor_zero);
      p->b = 100.0 / (log (c->anchor_full) - p->a);
      break;
    case HRB_TRANSFORM_LINEAR:
      p->a = c->anchor_zero;
      p->b = 100.0 / (c->anchor_full - c->anchor_zero);
      break;
    case HRB_TRANSFORM_BANDS:
    case HRB_TRANSFORM_POINTS:
    case HRB_N_TRANSFORMS:
    default:
      p->a = 0;
      p->b = 1;
      break;
    }
}

/* Clamps to 0..100; NAN and −0 become +0. */
static inline double
hrb_clamp_score (double s)
{
  if (!(s > 0.0))
    return 0.0;
  if (s > 100.0)
    return 100.0;
  return s;
}

static inline double
hrb_transform_log (const HrbTransformParams *p, double v)
{
  /* v ≤ 0 or unknown gives 0: the lowest score. */
  if (!(v > 0.0))
    return 0.0;
  return hrb_clamp_score ((log (v) - p->a) * p->b);
}

static inline double
hrb_transform_linear (const HrbTransformParams *p, double v)
{
  if (isnan (v))
    return 0.0;
  return hrb_clamp_score ((v - p->a) * p->b);
}

static inline double
hrb_transform_bands (const HrbTransformParams *p, double v)
{
  int band = 1;

  if (isnan (v))
    return 0.0;
  for (guint k = 0; k < p->n_bands; k++)
    if (v >= p->threshold[k])
      band = p->band[k];
  return hrb_clamp_score ((band - 1) * 100.0 / 8.0);
}

static inline double
hrb_transform_apply (const HrbTransformParams *p, double v)
{
  switch (p->transform)
    {
    case HRB_TRANSFORM_LOG:
      return hrb_transform_log (p, v);
    case HRB_TRANSFORM_LINEAR:
      return hrb_transform_linear (p, v);
    case HRB_TRANSFORM_BANDS:
      return hrb_transform_bands (p, v);
    case HRB_TRANSFORM_POINTS:
    case HRB_N_TRANSFORMS:
    default:
      return hrb_clamp_score (v);
    }
}

/* Uncertainty points of a flag set for a criterion (capped). */
static inline double
hrb_uncertainty_points (const HrbCriterion *c, guint32 flags)
{
  double sum = 0;

  for (int f = 0; f < HRB_N_FLAGS; f++)
    if (flags & (1u << f))
      sum += c->flag_points[f];
  return sum > c->points_cap ? c->points_cap : sum;
}

/* Market trigger points. */
static inline double
hrb_market_points (const HrbCriterion *c, double years_to_loe)
{
  if (isnan (years_to_loe))
    return 0.0;
  return years_to_loe <= c->loe_years ? c->market_points : 0.0;
}

/* Eligibility of one item at its point values. */
static inline HrbEligibility
hrb_eligibility_of (const HrbMethod *m, double patients, double cost, double budget)
{
  gboolean any_threshold = !isnan (m->min_cost_per_patient) || !isnan (m->min_budget_impact);

  if (isnan (patients) && isnan (budget))
    return HRB_INELIGIBLE_INSUFFICIENT_DATA;
  if (!any_threshold)
    return HRB_ELIGIBLE;
  if (!isnan (m->min_cost_per_patient) && cost >= m->min_cost_per_patient)
    return HRB_ELIGIBLE;
  if (!isnan (m->min_budget_impact) && budget >= m->min_budget_impact)
    return HRB_ELIGIBLE;
  if (isnan (cost) && isnan (budget))
    return HRB_INELIGIBLE_UNKNOWN_COST;
  return HRB_INELIGIBLE_BELOW_THRESHOLDS;
}

/* "10,000", "1 million", "2.5 million": a threshold in the reason texts. */
char *hrb_scoring_format_euros (double euros);

/* Parses an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) into a GDate; the first
 * day of the year or month when shorter. */
gboolean hrb_scoring_parse_date (const char *iso, GDate *out);

G_END_DECLS
