/* hrb-csv.h: a streaming CSV reader on top of libcsv.
 *
 * It detects the encoding (UTF-8 with or without a byte order mark, or
 * Windows-1252, converted to UTF-8), the delimiter (";", "," or a tab, from
 * the first record) and the line ends (LF or CRLF). Quoted fields may hold
 * delimiters, doubled quotes and line breaks.
 *
 * The file is read in blocks of 64 KiB and never held in memory as a whole.
 * Limits (each gives a clear error naming the file, row and column):
 *   - file size:      HRB_CSV_MAX_FILE_SIZE (2 GiB)
 *   - field length:   HRB_CSV_MAX_FIELD (1 MiB of bytes as stored)
 *   - records:        HRB_CSV_MAX_ROWS (5,000,000)
 *   - fields per row: HRB_CSV_MAX_COLUMNS (1,000)
 * Files with NUL bytes or many control characters are refused as "not a text
 * file"; invalid UTF-8 that is not plausible Windows-1252 is refused naming
 * the row and column of the first bad field.
 *
 * Rows are physical line numbers (1 = the first line of the file) of the
 * start of a record; columns count from 1.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HRB_CSV_ERROR (hrb_csv_error_quark ())
GQuark hrb_csv_error_quark (void);

typedef enum {
  HRB_CSV_ERROR_IO,
  HRB_CSV_ERROR_EMPTY,
  HRB_CSV_ERROR_BINARY,
  HRB_CSV_ERROR_ENCODING,
  HRB_CSV_ERROR_FILE_TOO_LARGE,
  HRB_CSV_ERROR_FIELD_TOO_LONG,
  HRB_CSV_ERROR_TOO_MANY_ROWS,
  HRB_CSV_ERROR_TOO_MANY_COLUMNS,
  HRB_CSV_ERROR_QUOTE,
} HrbCsvError;

typedef enum {
  HRB_CSV_ENCODING_AUTO = 0,
  HRB_CSV_ENCODING_UTF8,
  HRB_CSV_ENCODING_CP1252,
} HrbCsvEncoding;

#define HRB_CSV_MAX_FILE_SIZE  (G_GUINT64_CONSTANT (2) * 1024 * 1024 * 1024)
#define HRB_CSV_MAX_FIELD      (1024 * 1024)
#define HRB_CSV_MAX_ROWS       5000000
#define HRB_CSV_MAX_COLUMNS    1000

typedef struct {
  char            delimiter;     /* 0: detect */
  HrbCsvEncoding  encoding;      /* AUTO: detect */
  guint64         max_file_size; /* 0: default */
  gsize           max_field;     /* 0: default */
  guint           max_rows;      /* 0: default */
} HrbCsvOptions;

typedef struct _HrbCsvReader HrbCsvReader;

/* Opens path and reads its first block to detect the format. */
HrbCsvReader *hrb_csv_reader_open       (const char *path, const HrbCsvOptions *options,
                                         GError **error);
/* Reads from memory (tests, fuzzing); name is used in messages. */
HrbCsvReader *hrb_csv_reader_new_for_data (const char *name, const char *data, gsize len,
                                           const HrbCsvOptions *options, GError **error);
void          hrb_csv_reader_free       (HrbCsvReader *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbCsvReader, hrb_csv_reader_free)

/* The next record. TRUE with its fields (UTF-8, valid until the next call);
 * FALSE at the end of the file (error not set) or on an error. */
gboolean      hrb_csv_reader_next       (HrbCsvReader *r, const char * const **fields,
                                         guint *n_fields, GError **error);

/* Like hrb_csv_reader_next(), but the caller may change the texts in place
 * (not free them; they are one allocation with the record). */
gboolean      hrb_csv_reader_next_mutable (HrbCsvReader *r, char ***fields, guint *n_fields,
                                           GError **error);

/* Line of the start of the record last returned (or of the error). */
guint         hrb_csv_reader_get_row    (HrbCsvReader *r);
/* Column of the last error (1-based), 0 when it concerns the whole file. */
guint         hrb_csv_reader_get_error_column (HrbCsvReader *r);
const char   *hrb_csv_reader_get_name   (HrbCsvReader *r);
char          hrb_csv_reader_get_delimiter (HrbCsvReader *r);
/* FALSE when the first record held none of the candidate delimiters. */
gboolean      hrb_csv_reader_delimiter_found (HrbCsvReader *r);
HrbCsvEncoding hrb_csv_reader_get_encoding (HrbCsvReader *r);
gboolean      hrb_csv_reader_has_bom    (HrbCsvReader *r);
gboolean      hrb_csv_reader_has_crlf   (HrbCsvReader *r);
guint64       hrb_csv_reader_get_size   (HrbCsvReader *r);
guint64       hrb_csv_reader_get_position (HrbCsvReader *r);
/* SHA-256 (hex) of the bytes read so far; of the whole file after the end. */
const char   *hrb_csv_reader_get_checksum (HrbCsvReader *r);

const char   *hrb_csv_encoding_name     (HrbCsvEncoding e);

G_END_DECLS
