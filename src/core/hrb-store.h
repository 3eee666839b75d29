/* hrb-store.h: the SQLite database of one working set.
 *
 * All SQL of the application lives in the store module (hrb-store*.c).
 * Every value is bound through prepared statements. Every edit is written to
 * the audit table with its author and time.
 */
#pragma once

#include <glib-object.h>
#include "hrb-model.h"

G_BEGIN_DECLS

#define HRB_STORE_ERROR (hrb_store_error_quark ())
GQuark hrb_store_error_quark (void);

typedef enum {
  HRB_STORE_ERROR_FAILED,
  HRB_STORE_ERROR_CORRUPT,      /* not a database, or damaged */
  HRB_STORE_ERROR_NEWER,        /* written by a newer version */
  HRB_STORE_ERROR_IO,           /* cannot read or write the file */
  HRB_STORE_ERROR_BUSY,         /* locked by another process for too long */
  HRB_STORE_ERROR_READONLY,
  HRB_STORE_ERROR_FULL,         /* disk full */
  HRB_STORE_ERROR_NOT_FOUND,
  HRB_STORE_ERROR_INVALID,      /* validation failed */
} HrbStoreError;

#define HRB_TYPE_STORE (hrb_store_get_type ())
G_DECLARE_FINAL_TYPE (HrbStore, hrb_store, HRB, STORE, GObject)

/* The schema version this build writes. */
int        hrb_store_latest_version (void);

/* Opens (creating if needed) and migrates the database at path (":memory:"
 * for a private in-memory one). A database from a newer version is refused
 * with HRB_STORE_ERROR_NEWER and left untouched; before migrating an
 * existing file, an automatic backup is made (see hrb_store_auto_backup()). */
HrbStore  *hrb_store_open (const char *path, GError **error);
/* Like hrb_store_open(), but migrates only up to target_version (tests). */
HrbStore  *hrb_store_open_at_version (const char *path, int target_version, GError **error);

const char *hrb_store_get_path (HrbStore *self);
int         hrb_store_get_version (HrbStore *self);
/* TRUE when the file could be opened for reading only. */
gboolean    hrb_store_is_readonly (HrbStore *self);
void        hrb_store_set_author (HrbStore *self, const char *author);
const char *hrb_store_get_author (HrbStore *self);
/* For tests: a fixed "now" (ISO 8601, UTC) instead of the clock. */
void        hrb_store_set_now (HrbStore *self, const char *iso);
char       *hrb_store_now (HrbStore *self);
/* A counter that grows with every change this connection makes. */
guint64     hrb_store_get_generation (HrbStore *self);
/* SQLite's data_version: changes when another connection commits. */
gint64      hrb_store_data_version (HrbStore *self);

/* Metadata (key/value). */
char      *hrb_store_get_meta (HrbStore *self, const char *key);
gboolean   hrb_store_set_meta (HrbStore *self, const char *key, const char *value, GError **error);
gboolean   hrb_store_is_demo  (HrbStore *self);

/* Transactions nest: only the outermost commits. A failed inner part should
 * make the caller roll back. */
gboolean   hrb_store_begin    (HrbStore *self, GError **error);
gboolean   hrb_store_commit   (HrbStore *self, GError **error);
void       hrb_store_rollback (HrbStore *self);
/* A read transaction (one snapshot, one lock for many reads); end it with
 * hrb_store_commit(). Nests like hrb_store_begin(). */
gboolean   hrb_store_begin_read (HrbStore *self, GError **error);

/* Medicines. */
gint64      hrb_store_insert_medicine (HrbStore *self, const HrbMedicine *m, GError **error);
gboolean    hrb_store_update_medicine (HrbStore *self, const HrbMedicine *m, GError **error);
HrbMedicine *hrb_store_get_medicine   (HrbStore *self, gint64 id, GError **error);
/* Medicines ordered by name; element type HrbMedicine. */
GPtrArray  *hrb_store_list_medicines  (HrbStore *self, GError **error);
/* Finds a medicine by ATC and INN (case- and accent-insensitive); 0 if none. */
gint64      hrb_store_find_medicine   (HrbStore *self, const char *atc, const char *inn, GError **error);
char       *hrb_store_match_key       (const char *inn);

/* Items. insert uses item->medicine_id; the figure part is ignored. */
gint64      hrb_store_insert_item   (HrbStore *self, const HrbItem *item, GError **error);
gboolean    hrb_store_update_item   (HrbStore *self, const HrbItem *item, GError **error);
/* Soft delete: the item disappears from the lists; restore brings it back. */
gboolean    hrb_store_delete_item   (HrbStore *self, gint64 id, GError **error);
gboolean    hrb_store_restore_item  (HrbStore *self, gint64 id, GError **error);
HrbItem    *hrb_store_get_item      (HrbStore *self, gint64 id, GError **error);
/* Items of a stream (or HRB_STREAM_ANY) with their latest figures, by id;
 * element type HrbItem. To keep large lists small, figure.created_at and
 * medicine.ema_status are left NULL here (hrb_store_get_item() fills them):
 * never write such an item's medicine back. */
GPtrArray  *hrb_store_list_items    (HrbStore *self, HrbStream stream, GError **error);
gint64      hrb_store_find_item_by_source_id (HrbStore *self, const char *source_id, GError **error);

/* Figures: each insert adds a vintage; the latest (by vintage, then id) is
 * the one the lists show. */
gint64      hrb_store_add_figure     (HrbStore *self, const HrbFigure *f, GError **error);
gboolean    hrb_store_update_figure  (HrbStore *self, const HrbFigure *f, GError **error);
/* All figures of an item, newest first; element type HrbFigure. */
GPtrArray  *hrb_store_list_figures   (HrbStore *self, gint64 item_id, GError **error);

/* Import batches. */
typedef struct {
  gint64  id;
  char   *source;
  char   *file_name;
  char   *checksum;
  char   *vintage;
  char   *imported_at;
  char   *author;
  int     n_new, n_updated, n_unchanged, n_rejected;
} HrbBatch;
void        hrb_batch_free (HrbBatch *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbBatch, hrb_batch_free)
gint64      hrb_store_insert_batch (HrbStore *self, const HrbBatch *b, GError **error);
gboolean    hrb_store_update_batch_counts (HrbStore *self, const HrbBatch *b, GError **error);
HrbBatch   *hrb_store_get_batch (HrbStore *self, gint64 id, GError **error);
GPtrArray  *hrb_store_list_batches (HrbStore *self, GError **error);

/* The audit trail. */
typedef struct {
  gint64  id;
  char   *at;
  char   *author;
  char   *entity;
  gint64  entity_id;
  char   *field;
  char   *old_value;
  char   *new_value;
} HrbAuditEntry;
void        hrb_audit_entry_free (HrbAuditEntry *e);
gboolean    hrb_store_audit (HrbStore *self, const char *entity, gint64 entity_id,
                             const char *field, const char *old_value, const char *new_value,
                             GError **error);
/* Entries for one entity (entity_id 0: all of that kind; entity NULL: all),
 * oldest first; element type HrbAuditEntry. */
GPtrArray  *hrb_store_list_audit (HrbStore *self, const char *entity, gint64 entity_id, GError **error);

/* Integrity: PRAGMA integrity_check, foreign keys, schema version, counts.
 * Appends a readable report; FALSE (with error) when something is wrong. */
gboolean    hrb_store_check (HrbStore *self, GString *report, GError **error);

/* Copies the open database to path with VACUUM INTO (owner-only mode). */
gboolean    hrb_store_backup_to (HrbStore *self, const char *path, GError **error);

/* Automatic backups: a copy in the backup folder (default: "backups" next
 * to the database) named "<db name>-<UTC time>-<reason>.db"; only the newest
 * `keep` backups of this database are kept. Returns the path written, or
 * NULL with error. An in-memory database is not backed up (returns "" ). */
#define HRB_STORE_DEFAULT_KEEP 10
char       *hrb_store_auto_backup (HrbStore *self, const char *folder, const char *reason,
                                   guint keep, GError **error);
/* Backups of this database in folder (NULL: the default), newest first. */
GStrv       hrb_store_list_backups (HrbStore *self, const char *folder);
/* Verifies a backup file: readable, integrity ok, schema not newer. */
gboolean    hrb_store_verify_file (const char *path, GString *report, GError **error);
/* Replaces the open database's content with the backup's, in one step
 * (SQLite's online backup). The current content is first saved as an
 * automatic backup with reason "before-restore". */
gboolean    hrb_store_restore_from (HrbStore *self, const char *backup_path, GError **error);

/* Watching a database file for commits by other programs: a read-only
 * connection of its own whose data version changes whenever any other
 * connection (another process, or this one's own store) commits. */
typedef struct _HrbStoreWatch HrbStoreWatch;
HrbStoreWatch *hrb_store_watch_new     (const char *path, GError **error);
/* A number that changes when the file's content was committed anew; -1
 * when the file cannot be read. */
gint64         hrb_store_watch_version (HrbStoreWatch *watch);
void           hrb_store_watch_free    (HrbStoreWatch *watch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbStoreWatch, hrb_store_watch_free)

/* For store modules only (hrb-store-*.c). */
typedef struct sqlite3 sqlite3;
sqlite3    *hrb_store_get_db (HrbStore *self);
gboolean    hrb_store_set_sqlite_error (HrbStore *self, GError **error, const char *what);

G_END_DECLS
