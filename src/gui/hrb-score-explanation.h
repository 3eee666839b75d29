/* hrb-score-explanation.h: why an item has its score.
 *
 * Shows the score with its interval, the rank with its interval (and
 * "unstable"), or why the item is not eligible; then one bar per criterion:
 * the criterion, its input value with the source, the criterion score, the
 * weight and the contribution. The bars share the 0..100 scale of the score,
 * so laid end to end they make up the score exactly. */
#pragma once

#include <adwaita.h>
#include "hrb-scoring.h"

G_BEGIN_DECLS

#define HRB_TYPE_SCORE_EXPLANATION (hrb_score_explanation_get_type ())
G_DECLARE_FINAL_TYPE (HrbScoreExplanation, hrb_score_explanation, HRB, SCORE_EXPLANATION, GtkBox)

GtkWidget           *hrb_score_explanation_new (void);

/* Shows row (copied; NULL: "not scored") scored with method (copied; may
 * be NULL: inputs are then shown as plain numbers). */
void                 hrb_score_explanation_set_row (HrbScoreExplanation *self,
                                                    const HrbRankingRow *row,
                                                    const HrbMethod     *method);
const HrbRankingRow *hrb_score_explanation_get_row (HrbScoreExplanation *self);

/* For tests and accessibility checks: the bars shown and their values. */
guint                hrb_score_explanation_get_n_bars (HrbScoreExplanation *self);
double               hrb_score_explanation_get_bar_value (HrbScoreExplanation *self, guint i);
/* The text of bar i (also its accessible label): criterion, input with
 * source, criterion score, weight and contribution. */
const char          *hrb_score_explanation_get_bar_text (HrbScoreExplanation *self, guint i);

G_END_DECLS
