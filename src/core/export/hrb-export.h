/* hrb-export.h: the Excel workbook for the medicine committees and the
 * triage table (xlsx, written with libxlsxwriter).
 *
 * The workbook holds, in this order: the ranking sheets ("Prospectief",
 * "Retrospectief", or one sheet named after a frozen list), "Dossiers",
 * "Methode", "Bronnen" and "Monitoring", plus a hidden sheet with the
 * choices of the "Advies triagetafel" dropdown.
 *
 * Safety: every text from the data is written as a string cell, never as a
 * formula; texts over Excel's limit of 32,767 characters are cut with the
 * visible marker "…[afgekapt]". The workbook is written to an owner-only
 * temporary file in the target folder and renamed over the target only when
 * complete: a failed or cancelled export leaves the previous file untouched
 * and no temporary file behind.
 *
 * Confidentiality: a committee export (the default) holds no confidential
 * field or note. An internal export includes them and says VERTROUWELIJK
 * in its title, page header and footer.
 *
 * The workbook's own texts (sheet names, headers, the method in words) are
 * Dutch whatever the locale: it is a document for Dutch committees. Error
 * messages are translated.
 */
#pragma once

#include <gio/gio.h>
#include "hrb-store.h"

G_BEGIN_DECLS

#define HRB_EXPORT_ERROR (hrb_export_error_quark ())
GQuark hrb_export_error_quark (void);

typedef enum {
  HRB_EXPORT_ERROR_FAILED,
  HRB_EXPORT_ERROR_INVALID,       /* bad options (no sheets, bad path) */
  HRB_EXPORT_ERROR_NOT_FOUND,     /* the frozen list or method does not exist */
  HRB_EXPORT_ERROR_NO_DIRECTORY,  /* the target folder does not exist */
  HRB_EXPORT_ERROR_PERMISSION,    /* permission denied / read-only */
  HRB_EXPORT_ERROR_NO_SPACE,      /* disk full or file size limit */
  HRB_EXPORT_ERROR_IO,            /* other write errors */
} HrbExportError;

typedef enum {
  HRB_EXPORT_SHEET_RANKING    = 1 << 0,
  HRB_EXPORT_SHEET_DOSSIERS   = 1 << 1,
  HRB_EXPORT_SHEET_METHOD     = 1 << 2,
  HRB_EXPORT_SHEET_SOURCES    = 1 << 3,
  HRB_EXPORT_SHEET_MONITORING = 1 << 4,
  HRB_EXPORT_SHEET_ALL        = 0x1f,
} HrbExportSheets;

typedef enum {
  HRB_EXPORT_COMMITTEE = 0,   /* voor de commissie: nothing confidential */
  HRB_EXPORT_INTERNAL  = 1,   /* intern: vertrouwelijk */
} HrbExportKind;

typedef struct {
  const char      *path;          /* the .xlsx file to write (required) */
  HrbStream        stream;        /* HRB_STREAM_ANY: both lists */
  const char      *frozen_list;   /* a frozen list's name (overrides stream), or NULL */
  const char      *method;        /* scoring method name, NULL: the default */
  HrbExportKind    kind;
  HrbExportSheets  sheets;        /* 0 means all */
  const char      *author;        /* NULL: the store's author */
  const char      *company;       /* NULL: none */
} HrbExportOptions;

/* Fills options with the defaults: both streams, committee, all sheets. */
void hrb_export_options_init (HrbExportOptions *options);

/* Progress: fraction 0..1 and a short description of the current step
 * (translated), or NULL within a step. Called in the thread that runs the
 * export, while that thread uses the C numeric convention (see
 * hrb_export_workbook()): format numbers for people elsewhere. */
typedef void (*HrbExportProgressFunc) (double fraction, const char *step, gpointer user_data);

/* Writes the workbook. Cancelling returns FALSE with G_IO_ERROR_CANCELLED
 * and leaves the target as it was. Errors name the target path. Safe in a
 * Dutch (or any) locale: the calling thread writes numbers with the C
 * convention for the duration of the call (uselocale), other threads keep
 * theirs. */
gboolean hrb_export_workbook (HrbStore               *store,
                              const HrbExportOptions *options,
                              HrbExportProgressFunc   progress,
                              gpointer                progress_data,
                              GCancellable           *cancellable,
                              GError                **error);

/* The same in a GTask thread. The export reads through its own connection
 * to the store's database file (an in-memory store is used directly: do
 * not use it until the export finishes). options is copied; progress is
 * called in the worker thread (marshal it to the main loop yourself). */
void     hrb_export_workbook_async  (HrbStore               *store,
                                     const HrbExportOptions *options,
                                     HrbExportProgressFunc   progress,
                                     gpointer                progress_data,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data);
gboolean hrb_export_workbook_finish (GAsyncResult  *result,
                                     GError       **error);

/* A file name to suggest in a save dialog (no folder): "Herbeoordeling
 * Prospectief 2026-11-23.xlsx", the frozen list's name instead of the
 * stream, and "VERTROUWELIJK " in front for an internal export. Characters
 * that file systems refuse (/\:*?"<>|) become '-'. today: ISO date. */
char    *hrb_export_suggest_file_name (const HrbExportOptions *options, const char *today);

/* A valid, unique worksheet name made from wanted: at most 31 characters
 * (UTF-16 units), none of []:*?/\, no leading or trailing apostrophe, not
 * empty and not "History"; unique (case-insensitive) among used (may be
 * NULL), with " (2)", " (3)", … added when needed. */
char    *hrb_export_sheet_name (const char *wanted, const char * const *used);

/* The text as written to a cell: valid UTF-8, a literal "_xHHHH_" escaped
 * as "_x005F_xHHHH_" (Excel would read it as an escaped character), at most
 * 32,767 UTF-16 units, cut with "…[afgekapt]" when longer. Returns NULL when
 * text needs no change (so the caller can write text itself). */
char    *hrb_export_cell_text (const char *text);

G_END_DECLS
