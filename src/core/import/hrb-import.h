/* hrb-import.h: importing source files (Horizonscan, GIP, EMA, any CSV).
 *
 * An import reads the file once (streaming), validates every row, matches
 * medicines (ATC + INN, case- and accent-insensitive) and items (source id,
 * else medicine + indication) and applies everything in ONE transaction,
 * recorded as an import batch with a change log. A file with rejected rows
 * imports nothing unless skip_invalid is set. Cancelling imports nothing.
 *
 * Presets ("--source" in the CLI):
 *   horizonscan  the Horizonscan Geneesmiddelen snapshot (id;domein;fase;…) or
 *                the official 60-column Zorginstituut export (by position)
 *   gip-addon    GIP add-on amounts per ATC (one medicine-level item per ATC)
 *   ema          the EMA EPAR medicines list (enriches and adds medicines)
 *   gip-top500   GIPdatabank top 500 by dispensings (medicines only)
 *   mapped       any CSV described by a mapping file (HrbImportMap)
 */
#pragma once

#include <gio/gio.h>
#include "hrb-store.h"
#include "hrb-store-import.h"
#include "hrb-parse.h"
#include "hrb-csv.h"

G_BEGIN_DECLS

#define HRB_IMPORT_ERROR (hrb_import_error_quark ())
GQuark hrb_import_error_quark (void);

typedef enum {
  HRB_IMPORT_ERROR_FILE,       /* the file as a whole: see result->problems */
  HRB_IMPORT_ERROR_REJECTED,   /* rows were rejected: see result->problems */
  HRB_IMPORT_ERROR_CANCELLED,
  HRB_IMPORT_ERROR_MAP,        /* the mapping file or an option is wrong */
  HRB_IMPORT_ERROR_STORE,      /* the database refused (message says why) */
} HrbImportErrorCode;

typedef enum {
  HRB_IMPORT_HORIZONSCAN,
  HRB_IMPORT_GIP_ADDON,
  HRB_IMPORT_EMA,
  HRB_IMPORT_GIP_TOP500,
  HRB_IMPORT_MAPPED,
} HrbImportSource;

gboolean    hrb_import_source_from_name (const char *name, HrbImportSource *out);
const char *hrb_import_source_to_name   (HrbImportSource source);
/* "Horizonscan", "GIP add-on", … as written in figure.source. */
const char *hrb_import_source_label     (HrbImportSource source);

/* A mapping file (GKeyFile), see README "Mapping files":
 *
 *   [Import]
 *   source=Name written as each figure's source (required)
 *   delimiter=;          ; , or tab (detected when absent)
 *   decimal=auto         auto, point (1,234.5) or comma (1.234,5)
 *   encoding=auto        auto, utf-8 or windows-1252
 *   status=not_admitted  package status for rows without a status column
 *   setting=unknown      intramural, extramural or unknown
 *   year=2024            figure year for rows without a year column
 *   zero-is-unknown=false  read money amounts of 0 as unknown
 *
 *   [Columns]
 *   inn=Werkzame stof    target=source column: its header (no case) or #N
 *   …                    (1-based position); targets listed below
 */
typedef struct {
  char            *source;
  char             delimiter;      /* 0: detect */
  HrbDecimalStyle  decimal;
  HrbCsvEncoding   encoding;
  HrbPackageStatus status;
  HrbSetting       setting;
  int              year;
  gboolean         zero_is_unknown;
  GHashTable      *columns;        /* target → source column (header or "#N") */
} HrbImportMap;

/* Target fields of [Columns], NULL-terminated. */
const char * const *hrb_import_map_targets (void);
HrbImportMap *hrb_import_map_new  (void);
HrbImportMap *hrb_import_map_load (const char *path, GError **error);
gboolean      hrb_import_map_save (const HrbImportMap *map, const char *path, GError **error);
void          hrb_import_map_free (HrbImportMap *map);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbImportMap, hrb_import_map_free)

typedef void (*HrbImportProgressFunc) (double fraction, gpointer user_data);

/* One row as it will be stored (for previews); problem is NULL when valid. */
typedef struct {
  guint        row;
  const char  *label;      /* "Brand (INN): indication" */
  HrbRange     patients, cost, budget;
  const char  *problem;
} HrbImportPreviewRow;
typedef void (*HrbImportRowFunc) (const HrbImportPreviewRow *row, gpointer user_data);

typedef struct {
  HrbImportSource        source;
  const char            *vintage;       /* ISO date; NULL: today */
  gboolean               dry_run;       /* plan and report, write nothing */
  gboolean               skip_invalid;  /* import the valid rows only */
  const HrbImportMap    *map;           /* for HRB_IMPORT_MAPPED */
  const char            *display_name;  /* file name stored with the batch */
  HrbImportProgressFunc  progress;      /* called from the importing thread */
  gpointer               progress_data;
  GCancellable          *cancellable;
  char                   delimiter;     /* 0: the preset's or detected */
  HrbCsvEncoding         encoding;      /* AUTO: detected */
  HrbDecimalStyle        decimal;       /* AUTO: the preset's convention */
  guint                  max_rows;      /* dry runs: stop after this many rows (0: all) */
  HrbImportRowFunc       row_func;      /* called for each data row (importing thread) */
  gpointer               row_data;
  guint                  backup_keep;   /* > 0: back the database up first, keep this many */
  const char            *backup_folder; /* NULL: "backups" next to the database */
} HrbImportOptions;

typedef struct {
  guint  row;       /* 0: the whole file */
  guint  column;    /* 1-based; 0: the whole row or file */
  char  *column_name;
  char  *message;
} HrbImportProblem;

typedef struct {
  char          *file;          /* as given */
  gint64         batch_id;      /* 0: nothing written */
  gboolean       applied;
  char          *checksum;      /* SHA-256 of the file */
  char          *vintage;
  HrbCsvEncoding encoding;
  char           delimiter;
  gboolean       bom, crlf;
  guint          n_rows;        /* data rows read */
  guint          n_new, n_updated, n_unchanged, n_rejected;
  guint          n_skipped;     /* left out by design (e.g. veterinary, repeats) */
  guint          n_removed;     /* items of this source absent from the file */
  guint          n_new_medicines;
  GPtrArray     *problems;      /* HrbImportProblem: rejected rows, file errors */
  GPtrArray     *notes;         /* HrbImportProblem: remarks that reject nothing */
  GPtrArray     *changes;       /* HrbImportChange: the change log, the first 20,000 entries (all are
                                 * in the store: hrb_store_list_import_changes (batch_id)) */
} HrbImportResult;

void hrb_import_result_free (HrbImportResult *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbImportResult, hrb_import_result_free)

/* Imports path into store. Always sets *result (when result is not NULL).
 * TRUE when the rows were imported (or planned, with dry_run); FALSE with
 * error otherwise; then the database is exactly as it was. */
gboolean hrb_import_file (HrbStore *store, const char *path, const HrbImportOptions *options,
                          HrbImportResult **result, GError **error);

/* For a GUI: runs hrb_import_file() in a GTask thread. The store must not
 * be used by others until it finishes. */
void     hrb_import_file_async  (HrbStore *store, const char *path, const HrbImportOptions *options,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean hrb_import_file_finish (GAsyncResult *res, HrbImportResult **result, GError **error);

G_END_DECLS
