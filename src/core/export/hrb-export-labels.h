/* hrb-export-labels.h: the Dutch words of the workbook (see the .c file). */
#pragma once

#include "hrb-model.h"
#include "hrb-dossier.h"
#include "hrb-scoring.h"

G_BEGIN_DECLS

const char *hrb_export_nl_stage          (HrbStage s);
const char *hrb_export_nl_party          (HrbParty p);
const char *hrb_export_nl_party_short    (HrbParty p);
const char *hrb_export_nl_uncertainty    (guint i);
const char *hrb_export_nl_measure        (HrbMeasureKind k);
const char *hrb_export_nl_measure_status (HrbMeasureStatus s);
const char *hrb_export_nl_input         (HrbInput input);
const char *hrb_export_nl_flag          (HrbFlag flag);
const char *hrb_export_nl_setting       (HrbSetting s);
const char *hrb_export_nl_stream        (HrbStream s);
/* The criterion's own label when it has one, else the Dutch name of its input. */
const char *hrb_export_nl_criterion     (const HrbCriterion *c);

/* Dutch numbers in running text: "1.000.000", "2,5" (trailing zeros dropped). */
char       *hrb_export_nl_number        (double v, int decimals);
/* Why an item is not eligible, in Dutch, with the method's thresholds;
 * NULL when eligible. */
char       *hrb_export_nl_ineligible    (const HrbMethod *m, HrbEligibility e);

G_END_DECLS
