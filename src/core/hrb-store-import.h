/* hrb-store-import.h: the store's part for imports (change logs, matching). */
#pragma once

#include "hrb-store.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* One entry of an import batch's change log. kind is one of "new",
 * "removed", "changed", "new-medicine", "medicine", "rejected", "note". */
typedef struct {
  gint64  id;
  gint64  batch_id;
  char   *kind;
  gint64  item_id;       /* 0 when none */
  gint64  medicine_id;   /* 0 when none */
  guint   row;           /* row in the file, 0 when none */
  guint   column;        /* column in the file, 0 when none */
  char   *label;         /* e.g. "Voxzogo (vosoritide): Achondroplasie" */
  char   *field;         /* e.g. "phase", "sluis", "patients", "cost", "budget" */
  char   *old_value;
  char   *new_value;
} HrbImportChange;

HrbImportChange *hrb_import_change_new  (const char *kind);
void             hrb_import_change_free (HrbImportChange *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbImportChange, hrb_import_change_free)

gboolean   hrb_store_insert_import_change (HrbStore *self, const HrbImportChange *c, GError **error);
/* The change log of a batch: the medicines and items it added ("new-medicine",
 * "new"; see hrb_store_mark_added()), then the logged entries in order;
 * element type HrbImportChange. */
GPtrArray *hrb_store_list_import_changes (HrbStore *self, gint64 batch_id, GError **error);
/* Sets the checksum and counts of a batch (after the rows are in). */
gboolean   hrb_store_finish_batch (HrbStore *self, const HrbBatch *b, GError **error);

/* An item of a medicine with this indication (NULL: the medicine-level item)
 * that has no source id; 0 if none. Deleted items are not matched. */
gint64     hrb_store_find_item_for_import (HrbStore *self, gint64 medicine_id,
                                           const char *indication, GError **error);
/* A medicine by ATC, INN and brand (brand compared without case); 0 if none. */
gint64     hrb_store_find_medicine_by_brand (HrbStore *self, const char *atc, const char *inn,
                                             const char *brand, GError **error);
/* A medicine by ATC and INN that has no brand; 0 if none. */
gint64     hrb_store_find_unbranded_medicine (HrbStore *self, const char *atc, const char *inn,
                                              GError **error);
/* The latest figure of an item from a source, or NULL (not an error). */
HrbFigure *hrb_store_latest_figure_from (HrbStore *self, gint64 item_id, const char *source,
                                         GError **error);

char      *hrb_store_get_item_sluis (HrbStore *self, gint64 item_id);
gboolean   hrb_store_set_item_sluis (HrbStore *self, gint64 item_id, const char *sluis,
                                     GError **error);

/* Items (not deleted) with a source id and a figure from this source, not
 * added by batch except_batch, as pairs: ids (gint64) and source ids (char*). */
gboolean   hrb_store_list_source_items (HrbStore *self, const char *source, gint64 except_batch,
                                        GArray *ids, GPtrArray *source_ids, GError **error);

/* Records the id ranges of the medicines and items a batch added (0: none). */
gboolean   hrb_store_mark_added (HrbStore *self, gint64 batch_id, gint64 first_medicine,
                                 gint64 last_medicine, gint64 first_item, gint64 last_item,
                                 GError **error);
/* The match keys (hrb_store_match_key()) of every medicine, as a set. */
GHashTable *hrb_store_import_medicine_keys (HrbStore *self, GError **error);
/* The ids (gint64*) of the medicines that have an item without a source id. */
GHashTable *hrb_store_import_unsourced_medicines (HrbStore *self, GError **error);
/* Every source id of the items: source id → item id (gint64*). */
GHashTable *hrb_store_import_source_ids   (HrbStore *self, GError **error);

/* The medicines and items (with their figure and sluis status) an import
 * adds, kept in memory and written together by hrb_import_writer_flush(),
 * inside the import's transaction, many rows per INSERT. Ids are given out at
 * once (the import holds the write lock, so the next ids are its own); rows
 * that refer to them (the change log) are checked at commit (deferred foreign
 * keys). A large flush drops the secondary indexes of the tables it fills and
 * builds them again afterwards, several times faster than keeping them up to
 * date row by row; as it is all one transaction, a failure or a crash leaves
 * the indexes as they were. */
typedef struct _HrbImportWriter HrbImportWriter;

#define HRB_IMPORT_BULK_MIN 5000

/* figure_source, vintage and batch_id are those of every figure added. */
HrbImportWriter *hrb_import_writer_new   (HrbStore *store, const char *created_at,
                                          const char *figure_source, const char *vintage,
                                          gint64 batch_id, GError **error);
void             hrb_import_writer_free  (HrbImportWriter *w);
/* Adds a copy of item (validated like hrb_store_insert_item()); with_figure:
 * with a figure of item->figure's year, patients, cost and budget (validated
 * like hrb_store_add_figure()). Returns the item's id, 0 on error. */
gint64           hrb_import_writer_add   (HrbImportWriter *w, const HrbItem *item, const char *sluis,
                                          gboolean with_figure, GError **error);
/* Adds a copy of m (validated like hrb_store_insert_medicine()); match_key
 * is hrb_store_match_key (m->inn) when the caller has it, else NULL. Returns
 * its id, 0 on error. Medicines are written before the items. */
gint64           hrb_import_writer_add_medicine (HrbImportWriter *w, const HrbMedicine *m,
                                                 const char *match_key, GError **error);
/* Called while a flush writes rows, with the part done (0 to 1). */
void             hrb_import_writer_set_progress (HrbImportWriter *w,
                                                 void (*progress) (double done, gpointer data),
                                                 gpointer data);
/* TRUE if item_id was added and is not yet written. */
gboolean         hrb_import_writer_holds (HrbImportWriter *w, gint64 item_id);
guint            hrb_import_writer_pending (HrbImportWriter *w);
/* Writes what was added and empties the writer. With allow_bulk, medicines
 * and items are each written in bulk (indexes dropped and built again) when
 * at least HRB_IMPORT_BULK_MIN are pending and no fewer than the table holds.
 * Pass it for the last flush only: a flush in the middle of an import can come
 * again, and each bulk flush builds the whole index anew. */
gboolean         hrb_import_writer_flush (HrbImportWriter *w, gboolean allow_bulk,
                                          GCancellable *cancellable, GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbImportWriter, hrb_import_writer_free)

/* A 64 MiB page cache (else SQLite's default 2 MB), so that a large import
 * transaction does not spill pages to the WAL before it commits. */
void       hrb_store_set_large_cache (HrbStore *self, gboolean large);

/* SHA-256 over the content of every table in a fixed order (tests: the
 * database is unchanged when this and the counts are). */
char      *hrb_store_content_checksum (HrbStore *self, GError **error);

G_END_DECLS
