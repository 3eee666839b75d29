/* hrb-export-ranking.h: the lists being exported, for the other sheets. */
#pragma once

#include "hrb-export-private.h"
#include "hrb-scoring.h"

G_BEGIN_DECLS

typedef struct _HrbExportRanking HrbExportRanking;

HrbExportRanking *hrb_export_get_ranking       (HrbExportContext *ctx);
/* The items the lists were made from (HrbItem*); NULL when none loaded. */
GPtrArray        *hrb_export_ranking_items     (HrbExportRanking *r);
gboolean          hrb_export_ranking_is_frozen (HrbExportRanking *r);
HrbFrozenList    *hrb_export_ranking_frozen    (HrbExportRanking *r);
const HrbMethod  *hrb_export_ranking_method    (HrbExportRanking *r);

G_END_DECLS
