/* hrb-export-private.h: shared pieces of the workbook's sheet builders. */
#pragma once

#include <xlsxwriter.h>
#include "hrb-export.h"

/* The API we rely on (data bars, tables, charts, lxw_workbook_free) is that
 * of 1.1.4; Debian's pkg-config file reports a meaningless version, so the
 * check is done here, on the header's own number. */
#if !defined(LXW_VERSION_ID) || LXW_VERSION_ID < 114
#error "libxlsxwriter 1.1.4 or newer is required"
#endif

G_BEGIN_DECLS

#define HRB_XLSX_MAX_TEXT 32767
#define HRB_XLSX_MAX_SHEET_NAME 31
#define HRB_XLSX_TRUNCATED_MARKER "…[afgekapt]"

/* Column widths measured while writing (characters). */
typedef struct {
  guint   n;
  double *width;
  double  max;        /* cap */
} HrbColumnWidths;

typedef struct {
  lxw_workbook           *wb;
  HrbStore               *store;
  const HrbExportOptions *options;
  gboolean                internal;
  char                   *today;       /* ISO date of the export */
  char                   *today_nl;    /* dd-mm-jjjj */
  char                   *list_title;  /* "Prospectief en Retrospectief" or the frozen list */
  GPtrArray              *sheet_names; /* char*, NULL-terminated view via ->pdata */
  char                   *choices_range; /* "=Keuzelijsten!$A$2:$A$7" */
  guint                   n_truncated;

  /* The lists to write, resolved by hrb_export_ranking_prepare(). */
  gpointer                ranking;
  GDestroyNotify          ranking_free;

  /* Formats. */
  lxw_format *f_header;
  lxw_format *f_title;
  lxw_format *f_subtitle;
  lxw_format *f_text;
  lxw_format *f_wrap;
  lxw_format *f_int;
  lxw_format *f_number;
  lxw_format *f_score;
  lxw_format *f_euro;
  lxw_format *f_percent;
  lxw_format *f_date;
  lxw_format *f_bold;
  lxw_format *f_warning;
  lxw_format *f_input;
  lxw_format *f_flag;

  /* Progress over the whole export. */
  HrbExportProgressFunc   progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
  double                  step_base;
  double                  step_span;
} HrbExportContext;

/* Adds a worksheet with a valid unique name made from wanted. */
lxw_worksheet *hrb_export_add_sheet (HrbExportContext *ctx, const char *wanted, GError **error);

/* Cell writers: text is always a string cell (NULL or "" leaves the cell
 * blank); numbers NAN leave it blank. They update widths when not NULL. */
gboolean hrb_xlsx_text   (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
                          const char *text, lxw_format *fmt, HrbColumnWidths *widths,
                          GError **error);
gboolean hrb_xlsx_number (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
                          double value, lxw_format *fmt, HrbColumnWidths *widths,
                          GError **error);
/* An ISO date (YYYY-MM-DD[…]) as an Excel date; other text as a string. */
gboolean hrb_xlsx_date   (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
                          const char *iso, HrbColumnWidths *widths, GError **error);
gboolean hrb_xlsx_bool   (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
                          gboolean value, HrbColumnWidths *widths, GError **error);

/* Lines a wrapped text needs in a column of width characters (at least 1,
 * at most what Excel's highest row holds). Neither Excel nor LibreOffice
 * fits the height of rows with wrapped text when opening a file, so the
 * writers set it: hrb_xlsx_set_lines() (no change for one line). */
guint    hrb_xlsx_text_lines (const char *text, double width);
void     hrb_xlsx_set_lines  (lxw_worksheet *ws, guint row, guint lines);

/* Sets the error from a libxlsxwriter result; FALSE when err != 0. */
gboolean hrb_xlsx_check  (lxw_error err, const char *what, GError **error);

HrbColumnWidths *hrb_column_widths_new  (guint n, double max);
void             hrb_column_widths_free (HrbColumnWidths *w);
void             hrb_column_widths_note (HrbColumnWidths *w, guint col, double chars);
void             hrb_column_widths_note_text (HrbColumnWidths *w, guint col, const char *text);
/* Applies the widths (at least min) to columns 0..n-1. */
void             hrb_column_widths_apply (HrbColumnWidths *w, lxw_worksheet *ws, double min);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbColumnWidths, hrb_column_widths_free)

/* Landscape, A4, fit to page width, header row repeated (row, or -1 for
 * none), header and footer with the list name, the date, "pagina x van y"
 * and VERTROUWELIJK for an internal export. */
void     hrb_export_setup_print (HrbExportContext *ctx, lxw_worksheet *ws, const char *sheet_title,
                                 int repeat_row);

/* Progress within the current step (0..1); FALSE with error when cancelled. */
gboolean hrb_export_step_progress (HrbExportContext *ctx, double fraction, GError **error);

/* Resolves the lists to write (streams or a frozen list) and sets
 * ctx->list_title; fails before any file is made when the frozen list or
 * the method does not exist. */
gboolean hrb_export_ranking_prepare  (HrbExportContext *ctx, GError **error);

/* The sheet builders (one file each). */
gboolean hrb_export_ranking_sheets   (HrbExportContext *ctx, GError **error);
gboolean hrb_export_dossiers_sheet   (HrbExportContext *ctx, GError **error);
gboolean hrb_export_method_sheet     (HrbExportContext *ctx, GError **error);
gboolean hrb_export_sources_sheet    (HrbExportContext *ctx, GError **error);
gboolean hrb_export_monitoring_sheet (HrbExportContext *ctx, GError **error);
/* The hidden sheet with the dropdown choices; sets ctx->choices_range. */
gboolean hrb_export_choices_sheet    (HrbExportContext *ctx, GError **error);

/* The advice choices of the triage table (Dutch), NULL-terminated. */
const char * const *hrb_export_advice_choices (void);

G_END_DECLS
