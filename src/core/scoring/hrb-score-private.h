/* hrb-score-private.h: the engine's scratch state and helpers for rows. */
#pragma once

#include "hrb-scoring.h"

G_BEGIN_DECLS

typedef struct {
  guint64 *keys_a, *keys_b;
  guint32 *idx_a, *idx_b;
  double  *sorted;            /* point scores of one stream, descending */
  guint32  counts[6][2048];   /* radix histograms */
  double   list_total[2];     /* per stream */
  double  *domain_total;      /* 2 × n_domains, NULL when no criterion needs it */
  guint    n_domains;
} HrbScorePriv;

/* The reference total of item i for a relative budget impact criterion. */
double hrb_score_reference_total (const HrbScoreInput *in, const HrbScoreResult *r,
                                  HrbReference ref, guint i);
/* The input value of criterion c for item i in scenario s, as the engine
 * uses it. */
double hrb_score_criterion_value (const HrbCriterion *c, const HrbScoreInput *in,
                                  const HrbScoreResult *r, guint i, int s);

G_END_DECLS
