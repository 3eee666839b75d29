/* hrb-store-dossier.h: dossiers, transitions, measures, notes and links in
 * the database (SQL in hrb-store-dossier.c, schema resources/sql/0003-dossier.sql).
 *
 * Every change writes audit rows (entity "dossier", "transition", "measure",
 * "note", "link"; entity_id is the row's id; for measures, notes, links and
 * transitions a row with field "dossier_id" links them to their dossier) and
 * runs in one transaction. Audit rows of these entities cannot be updated or
 * deleted (database triggers). Read them with hrb_store_list_audit() or, for
 * a whole dossier with its parts, hrb_store_list_dossier_audit().
 *
 * "Today" is the date part of hrb_store_now(), so hrb_store_set_now() fixes
 * it in tests.
 *
 * Confidentiality: functions that can return confidential content take an
 * explicit include_confidential; committee exports pass FALSE and get no
 * price-arrangement values (NULL/NAN, confidential_included = FALSE) and no
 * confidential notes.
 */
#pragma once

#include "hrb-store.h"
#include "hrb-dossier.h"

G_BEGIN_DECLS

/* Today's date (ISO) according to the store's clock. */
char       *hrb_dossier_today (HrbStore *store);

/* Starts a dossier for an item: stage "signalled" on date (NULL: today),
 * party (HRB_PARTY_NONE: project team). Fails with HRB_STORE_ERROR_INVALID
 * when the item already has an open dossier, HRB_STORE_ERROR_NOT_FOUND when
 * the item does not exist. Returns the new id, 0 on error. */
gint64      hrb_store_start_dossier (HrbStore *store, gint64 item_id, const char *date,
                                     HrbParty party, GError **error);
/* The open dossier of an item, 0 if none (or on error). */
gint64      hrb_store_find_open_dossier (HrbStore *store, gint64 item_id, GError **error);

HrbDossier *hrb_store_get_dossier (HrbStore *store, gint64 id, gboolean include_confidential,
                                   GError **error);
/* All dossiers (open and finished), by id; element type HrbDossier, derived
 * fields computed for today. */
GPtrArray  *hrb_store_list_dossiers (HrbStore *store, gboolean include_confidential,
                                     GError **error);

/* Saves the editable fields (question … follow_up_date, and the price fields
 * only when d->confidential_included); one audit row per changed field. */
gboolean    hrb_store_update_dossier (HrbStore *store, const HrbDossier *d, GError **error);

/* Moves a dossier: t->stage, t->party, t->date (NULL: today), t->due_date,
 * t->remark; PARKED needs t->look_again, DROPPED needs t->remark (reason).
 * Refused (HRB_STORE_ERROR_INVALID, message names the field) when the
 * dossier is closed or dropped, the date is invalid or before the current
 * stage's date, or the due date is before the date. Returns the
 * transition's id, 0 on error. */
gint64      hrb_store_move_dossier (HrbStore *store, gint64 dossier_id, const HrbTransition *t,
                                    GError **error);
/* Shorthands for the side states (date NULL: today). */
gint64      hrb_store_park_dossier (HrbStore *store, gint64 dossier_id, const char *reason,
                                    const char *look_again, const char *date, GError **error);
gint64      hrb_store_drop_dossier (HrbStore *store, gint64 dossier_id, const char *reason,
                                    const char *date, GError **error);
/* Corrects the date, due date or remark of a recorded transition (the
 * stage stays); audited. The date must stay between its neighbours. */
gboolean    hrb_store_update_transition (HrbStore *store, const HrbTransition *t, GError **error);
/* Transitions of a dossier (0: of all dossiers), by dossier then date then
 * id; element type HrbTransition. */
GPtrArray  *hrb_store_list_transitions (HrbStore *store, gint64 dossier_id, GError **error);

/* Measures. */
gint64      hrb_store_add_measure    (HrbStore *store, const HrbMeasure *m, GError **error);
gboolean    hrb_store_update_measure (HrbStore *store, const HrbMeasure *m, GError **error);
gboolean    hrb_store_delete_measure (HrbStore *store, gint64 id, GError **error);
/* Measures of a dossier (0: all), by id; element type HrbMeasure. */
GPtrArray  *hrb_store_list_measures  (HrbStore *store, gint64 dossier_id, GError **error);

/* Notes: timestamped with the store's author and clock. */
gint64      hrb_store_add_note (HrbStore *store, gint64 dossier_id, const char *text,
                                gboolean confidential, GError **error);
/* Notes of a dossier, oldest first; confidential ones only when asked. */
GPtrArray  *hrb_store_list_notes (HrbStore *store, gint64 dossier_id, gboolean include_confidential,
                                  GError **error);

/* Evidence links. */
gint64      hrb_store_add_link    (HrbStore *store, gint64 dossier_id, const char *title,
                                   const char *target, GError **error);
gboolean    hrb_store_delete_link (HrbStore *store, gint64 id, GError **error);
GPtrArray  *hrb_store_list_links  (HrbStore *store, gint64 dossier_id, GError **error);

/* The audit trail of a dossier and all its parts (transitions, measures,
 * notes, links), oldest first; element type HrbAuditEntry. Values of
 * confidential fields and notes are replaced by "(confidential)" unless
 * include_confidential. */
GPtrArray  *hrb_store_list_dossier_audit (HrbStore *store, gint64 dossier_id,
                                          gboolean include_confidential, GError **error);

G_END_DECLS
