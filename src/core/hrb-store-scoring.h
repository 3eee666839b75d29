/* hrb-store-scoring.h: the scoring module's tables (migration 0002): saved
 * methods with versions, manual expert scores, frozen lists.
 */
#pragma once

#include "hrb-store.h"
#include "scoring/hrb-scoring.h"

G_BEGIN_DECLS

/* Methods ---------------------------------------------------------------------
 * Saving a method named like an existing one updates its latest version in
 * place, unless that version is used by a frozen list: then a new version is
 * added. The result is the stored id; m->id and m->version are updated. The
 * built-in "Basis" cannot be saved (HRB_SCORING_ERROR_LOCKED). */
gint64      hrb_store_save_method (HrbStore *self, HrbMethod *m, GError **error);
/* version 0: the latest. NULL with HRB_STORE_ERROR_NOT_FOUND if none. */
HrbMethod  *hrb_store_get_method (HrbStore *self, const char *name, int version, GError **error);
HrbMethod  *hrb_store_get_method_by_id (HrbStore *self, gint64 id, GError **error);
/* Latest version of each stored method, by name; element type HrbMethod. */
GPtrArray  *hrb_store_list_methods (HrbStore *self, GError **error);
/* All versions of one method, oldest first. */
GPtrArray  *hrb_store_list_method_versions (HrbStore *self, const char *name, GError **error);
/* TRUE when a frozen list refers to this stored method id. */
gboolean    hrb_store_method_is_used (HrbStore *self, gint64 method_id, GError **error);

/* Expert scores ---------------------------------------------------------------
 * One per item; score 0..100 and a non-empty reason are mandatory. A NAN score
 * removes it. Audited (entity "item", field "expert_score"). */
gboolean    hrb_store_set_expert_score (HrbStore *self, gint64 item_id, double score,
                                        const char *reason, GError **error);
HrbExpertScore *hrb_store_get_expert_score (HrbStore *self, gint64 item_id, GError **error);
/* item id (gint64*) → HrbExpertScore*. */
GHashTable *hrb_store_list_expert_scores (HrbStore *self, GError **error);

/* Previous vintage --------------------------------------------------------------
 * item id (gint64*) → HrbFigure*: the figure just before the latest one (same
 * order as the lists: vintage, then id), for items of stream. */
GHashTable *hrb_store_list_previous_figures (HrbStore *self, HrbStream stream, GError **error);

/* Frozen lists ----------------------------------------------------------------
 * Freezing stores the method (saving it first when it is not stored, or when
 * its definition differs from the stored version) and a snapshot of the
 * ranking's rows of frozen->stream. The name must be unique. Returns the id. */
gint64         hrb_store_freeze_list (HrbStore *self, HrbFrozenList *frozen, HrbMethod *method,
                                      const HrbRanking *ranking, GError **error);
/* Without rows (ranking NULL, n_rows set), by date then name. */
GPtrArray     *hrb_store_list_frozen (HrbStore *self, GError **error);
/* With its ranking (method from the store). */
HrbFrozenList *hrb_store_get_frozen (HrbStore *self, const char *name, GError **error);

G_END_DECLS
