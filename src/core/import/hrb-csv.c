/* hrb-csv.c: a streaming CSV reader on top of libcsv. */
#include "hrb-csv.h"
#include "hrb-i18n.h"

#include <csv.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#define BLOCK_SIZE (64 * 1024)

G_DEFINE_QUARK (hrb-csv-error-quark, hrb_csv_error)

/* A record in one allocation: the field pointers (NULL-terminated), then
 * their texts. */
typedef struct {
  guint  row;
  guint  n_fields;
  char  *fields[];
} Record;

struct _HrbCsvReader {
  char              *name;
  FILE              *file;         /* NULL when reading from memory */
  const char        *data;         /* memory source */
  gsize              data_len;
  guint64            size;
  guint64            position;     /* bytes consumed */
  char              *block;
  gsize              block_len;    /* bytes in block not yet parsed */
  gsize              block_off;
  gboolean           eof;
  gboolean           finished;     /* csv_fini done */
  struct sha256_ctx  checksum;     /* of every byte read (nettle: SHA-NI where the CPU has it) */
  char              *checksum_hex;

  struct csv_parser  parser;
  gboolean           parser_ready;
  char               delimiter;
  gboolean           delimiter_found;
  HrbCsvEncoding     encoding;
  gboolean           bom;
  gboolean           crlf;
  gsize              max_field;
  guint              max_rows;

  /* Record being built by the callbacks: its texts, each ended by a NUL,
   * and where each starts. */
  GArray            *building;      /* of gsize */
  GString           *building_text;
  guint              building_row;
  guint              line;          /* line where the next record starts */
  int                last_term;
  guint              n_records;

  /* Completed records (Record*), taken from records_head on. */
  GPtrArray         *records;
  guint              records_head;

  Record            *current;
  guint              current_row;

  GError            *error;         /* first error from a callback */
  guint              error_row;
  guint              error_column;
};

const char *
hrb_csv_encoding_name (HrbCsvEncoding e)
{
  switch (e)
    {
    case HRB_CSV_ENCODING_UTF8:
      return "UTF-8";
    case HRB_CSV_ENCODING_CP1252:
      return "Windows-1252";
    case HRB_CSV_ENCODING_AUTO:
    default:
      return "auto";
    }
}

static void
set_error_at (HrbCsvReader *r, guint row, guint column, int code, const char *format, ...)
  G_GNUC_PRINTF (5, 6);

static void
set_error_at (HrbCsvReader *r, guint row, guint column, int code, const char *format, ...)
{
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  r->error = g_error_new_valist (HRB_CSV_ERROR, code, format, args);
  va_end (args);
  r->error_row = row;
  r->error_column = column;
}

static int
is_space_cb (unsigned char c)
{
  return c == ' ';
}

static guint
count_line_breaks (const char *s, gsize len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\n')
        n++;
      else if (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))
        n++;
    }
  return n;
}

static void
field_cb (void *data, size_t len, void *user_data)
{
  HrbCsvReader *r = user_data;
  guint column;
  gsize start;

  if (r->error)
    return;
  if (r->building->len == 0)
    r->building_row = r->line;
  column = r->building->len + 1;
  if (column > HRB_CSV_MAX_COLUMNS)
    {
      set_error_at (r, r->building_row, column, HRB_CSV_ERROR_TOO_MANY_COLUMNS,
                    _("more than %d fields in one row"), HRB_CSV_MAX_COLUMNS);
      return;
    }
  if (len > r->max_field)
    {
      set_error_at (r, r->building_row, column, HRB_CSV_ERROR_FIELD_TOO_LONG,
                    _("field longer than %lu bytes (the limit is %lu)"),
                    (unsigned long) len, (unsigned long) r->max_field);
      return;
    }
  if (data != NULL && memchr (data, '\0', len) != NULL)
    {
      set_error_at (r, r->building_row, column, HRB_CSV_ERROR_BINARY,
                    _("not a text file (a NUL byte in this field)"));
      return;
    }
  /* Line breaks inside quoted fields are rare: look before counting. */
  if (data != NULL && (memchr (data, '\n', len) != NULL || memchr (data, '\r', len) != NULL))
    r->line += count_line_breaks (data, len);

  start = r->building_text->len;
  if (r->encoding == HRB_CSV_ENCODING_CP1252)
    {
      g_autoptr(GError) conv_error = NULL;
      g_autofree char *text = NULL;
      gsize written = 0;

      text = g_convert (data ? data : "", len, "UTF-8", "WINDOWS-1252", NULL, &written, &conv_error);
      if (text == NULL)
        {
          set_error_at (r, r->building_row, column, HRB_CSV_ERROR_ENCODING,
                        _("invalid Windows-1252 text: %s"), conv_error->message);
          return;
        }
      g_string_append_len (r->building_text, text, written);
    }
  else
    {
      const char *end = NULL;

      if (data != NULL && !g_utf8_validate (data, len, &end))
        {
          set_error_at (r, r->building_row, column, HRB_CSV_ERROR_ENCODING,
                        _("invalid UTF-8 (byte 0x%02X at position %lu of the field); "
                          "save the file as UTF-8"),
                        (guchar) *end, (unsigned long) (end - (const char *) data) + 1);
          return;
        }
      if (data != NULL)
        g_string_append_len (r->building_text, data, len);
    }
  g_string_append_c (r->building_text, '\0');
  g_array_append_val (r->building, start);
}

static void
record_cb (int c, void *user_data)
{
  HrbCsvReader *r = user_data;

  if (r->error)
    return;
  if (r->building->len == 0)
    {
      /* An empty line, or the LF of a CRLF. */
      if (c == '\n' && r->last_term == '\r')
        r->crlf = TRUE;
      else if (c == '\r' || c == '\n')
        r->line++;
      r->last_term = c;
      return;
    }
  r->n_records++;
  if (r->n_records > r->max_rows)
    {
      set_error_at (r, r->building_row, 0, HRB_CSV_ERROR_TOO_MANY_ROWS,
                    _("more than %u rows (the limit)"), r->max_rows);
      return;
    }
  {
    guint n = r->building->len;
    gsize head = sizeof (Record) + (n + 1) * sizeof (char *);
    Record *rec = g_malloc (head + r->building_text->len);
    char *text = (char *) rec + head;

    rec->row = r->building_row;
    rec->n_fields = n;
    memcpy (text, r->building_text->str, r->building_text->len);
    for (guint i = 0; i < n; i++)
      rec->fields[i] = text + g_array_index (r->building, gsize, i);
    rec->fields[n] = NULL;
    g_ptr_array_add (r->records, rec);
    g_array_set_size (r->building, 0);
    g_string_truncate (r->building_text, 0);
  }
  if (c == '\r' || c == '\n')
    r->line++;
  r->last_term = c;
}

/* Reads the next block; FALSE on error. Sets eof at the end. */
static gboolean
fill_block (HrbCsvReader *r)
{
  gsize n;

  if (r->file != NULL)
    {
      n = fread (r->block, 1, BLOCK_SIZE, r->file);
      if (n < BLOCK_SIZE && ferror (r->file))
        {
          set_error_at (r, r->line, 0, HRB_CSV_ERROR_IO, _("cannot read the file: %s"),
                        g_strerror (errno));
          return FALSE;
        }
      if (n < BLOCK_SIZE)
        r->eof = TRUE;
    }
  else
    {
      n = MIN (BLOCK_SIZE, r->data_len - r->position);
      memcpy (r->block, r->data + r->position, n);
      if (r->position + n >= r->data_len)
        r->eof = TRUE;
    }
  r->position += n;
  r->block_len = n;
  r->block_off = 0;
  if (n > 0)
    sha256_update (&r->checksum, n, (const uint8_t *) r->block);
  if (r->position > r->size && r->file == NULL)
    r->size = r->position;
  return TRUE;
}

static gboolean
looks_binary (const guchar *p, gsize n, const char **why)
{
  gsize control = 0;

  if (n >= 4 && p[0] == 'P' && p[1] == 'K' && p[2] == 3 && p[3] == 4)
    {
      *why = _("not a text file (a ZIP archive or Excel workbook; save it as CSV first)");
      return TRUE;
    }
  if (n >= 8 && memcmp (p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      *why = _("not a text file (an old Excel workbook; save it as CSV first)");
      return TRUE;
    }
  if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    {
      *why = _("the file is UTF-16; save it as UTF-8");
      return TRUE;
    }
  for (gsize i = 0; i < n; i++)
    {
      if (p[i] == 0)
        {
          *why = _("not a text file (it contains NUL bytes)");
          return TRUE;
        }
      if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\n' && p[i] != '\f') || p[i] == 0x7F)
        control++;
    }
  if (control > 0 && control * 100 > n)
    {
      *why = _("not a text file (it contains control characters)");
      return TRUE;
    }
  return FALSE;
}

/* Valid UTF-8 except for an incomplete character cut off at the end. */
static gboolean
utf8_prefix_valid (const char *p, gsize n, gboolean at_eof)
{
  const char *end = NULL;

  if (g_utf8_validate (p, n, &end))
    return TRUE;
  if (at_eof)
    return FALSE;
  return (gsize) (end - p) + 4 > n;
}

static gboolean
cp1252_plausible (const guchar *p, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (p[i] == 0x81 || p[i] == 0x8D || p[i] == 0x8F || p[i] == 0x90 || p[i] == 0x9D)
      return FALSE;
  return TRUE;
}

static char
detect_delimiter (const char *p, gsize n, gboolean *found)
{
  gsize counts[3] = { 0, 0, 0 };   /* ; tab , */
  gboolean quoted = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      char c = p[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ';')
        counts[0]++;
      else if (!quoted && c == '\t')
        counts[1]++;
      else if (!quoted && c == ',')
        counts[2]++;
    }
  *found = TRUE;
  if (counts[0] >= counts[1] && counts[0] >= counts[2] && counts[0] > 0)
    return ';';
  if (counts[1] >= counts[2] && counts[1] > 0)
    return '\t';
  if (counts[2] > 0)
    return ',';
  *found = FALSE;
  return ',';
}

static HrbCsvReader *
reader_start (HrbCsvReader *r, const HrbCsvOptions *options, GError **error)
{
  HrbCsvOptions defaults = { 0 };
  guint64 max_size;
  const char *why = NULL;
  const guchar *p;
  gsize n;

  if (options == NULL)
    options = &defaults;
  max_size = options->max_file_size ? options->max_file_size : HRB_CSV_MAX_FILE_SIZE;
  r->max_field = options->max_field ? options->max_field : HRB_CSV_MAX_FIELD;
  r->max_rows = options->max_rows ? options->max_rows : HRB_CSV_MAX_ROWS;
  sha256_init (&r->checksum);
  r->block = g_malloc (BLOCK_SIZE);
  r->building = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->building_text = g_string_sized_new (1024);
  r->line = 1;
  r->last_term = -1;
  r->records = g_ptr_array_new ();

  if (r->size > max_size)
    {
      g_set_error (error, HRB_CSV_ERROR, HRB_CSV_ERROR_FILE_TOO_LARGE,
                   _("the file is larger than %llu MiB (the limit)"),
                   (unsigned long long) (max_size / (1024 * 1024)));
      goto fail;
    }
  if (!fill_block (r))
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      goto fail;
    }
  p = (const guchar *) r->block;
  n = r->block_len;
  if (n == 0)
    {
      g_set_error (error, HRB_CSV_ERROR, HRB_CSV_ERROR_EMPTY, _("the file is empty"));
      goto fail;
    }
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      r->bom = TRUE;
      r->block_off = 3;
      p += 3;
      n -= 3;
    }
  if (looks_binary (p, n, &why))
    {
      g_set_error_literal (error, HRB_CSV_ERROR, HRB_CSV_ERROR_BINARY, why);
      goto fail;
    }
  r->encoding = options->encoding;
  if (r->encoding == HRB_CSV_ENCODING_AUTO)
    {
      if (r->bom || utf8_prefix_valid ((const char *) p, n, r->eof))
        r->encoding = HRB_CSV_ENCODING_UTF8;
      else if (cp1252_plausible (p, n))
        r->encoding = HRB_CSV_ENCODING_CP1252;
      else
        r->encoding = HRB_CSV_ENCODING_UTF8;  /* the bad field is reported with its place */
    }
  if (options->delimiter)
    {
      r->delimiter = options->delimiter;
      r->delimiter_found = TRUE;
    }
  else
    r->delimiter = detect_delimiter ((const char *) p, n, &r->delimiter_found);

  if (csv_init (&r->parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0)
    {
      g_set_error (error, HRB_CSV_ERROR, HRB_CSV_ERROR_IO, _("out of memory"));
      goto fail;
    }
  r->parser_ready = TRUE;
  csv_set_delim (&r->parser, (unsigned char) r->delimiter);
  csv_set_space_func (&r->parser, is_space_cb);
  csv_set_blk_size (&r->parser, 4096);
  return r;

fail:
  hrb_csv_reader_free (r);
  return NULL;
}

HrbCsvReader *
hrb_csv_reader_open (const char *path, const HrbCsvOptions *options, GError **error)
{
  HrbCsvReader *r;
  GStatBuf st;
  FILE *f;

  g_return_val_if_fail (path != NULL, NULL);
  if (g_stat (path, &st) != 0)
    {
      int e = errno;
      g_set_error (error, HRB_CSV_ERROR, HRB_CSV_ERROR_IO, _("cannot open the file: %s"), g_strerror (e));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HRB_CSV_ERROR, HRB_CSV_ERROR_IO, _("not a regular file"));
      return NULL;
    }
  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int e = errno;
      g_set_error (error, HRB_CSV_ERROR, HRB_CSV_ERROR_IO, _("cannot open the file: %s"), g_strerror (e));
      return NULL;
    }
  r = g_new0 (HrbCsvReader, 1);
  r->name = g_strdup (path);
  r->file = f;
  r->size = st.st_size;
  return reader_start (r, options, error);
}

HrbCsvReader *
hrb_csv_reader_new_for_data (const char *name, const char *data, gsize len,
                             const HrbCsvOptions *options, GError **error)
{
  HrbCsvReader *r = g_new0 (HrbCsvReader, 1);

  r->name = g_strdup (name ? name : "-");
  r->data = data;
  r->data_len = len;
  r->size = len;
  return reader_start (r, options, error);
}

void
hrb_csv_reader_free (HrbCsvReader *r)
{
  if (r == NULL)
    return;
  if (r->file)
    fclose (r->file);
  if (r->parser_ready)
    csv_free (&r->parser);
  for (guint i = r->records ? r->records_head : 0; r->records && i < r->records->len; i++)
    g_free (g_ptr_array_index (r->records, i));
  g_clear_pointer (&r->records, g_ptr_array_unref);
  g_clear_pointer (&r->building, g_array_unref);
  if (r->building_text)
    g_string_free (r->building_text, TRUE);
  g_clear_pointer (&r->current, g_free);
  g_clear_error (&r->error);
  g_free (r->checksum_hex);
  g_free (r->block);
  g_free (r->name);
  g_free (r);
}

static gboolean
take_error (HrbCsvReader *r, GError **error)
{
  r->current_row = r->error_row;
  g_propagate_error (error, r->error);
  r->error = NULL;
  r->finished = TRUE;
  r->eof = TRUE;
  r->block_len = r->block_off = 0;
  return FALSE;
}

gboolean
hrb_csv_reader_next (HrbCsvReader *r, const char * const **fields, guint *n_fields, GError **error)
{
  g_return_val_if_fail (r != NULL, FALSE);

  g_clear_pointer (&r->current, g_free);
  for (;;)
    {
      if (r->records_head < r->records->len)
        {
          r->current = g_ptr_array_index (r->records, r->records_head++);
          if (r->records_head == r->records->len)
            {
              /* All taken: the array starts again. */
              g_ptr_array_set_size (r->records, 0);
              r->records_head = 0;
            }
          r->current_row = r->current->row;
          *fields = (const char * const *) r->current->fields;
          *n_fields = r->current->n_fields;
          return TRUE;
        }
      if (r->error)
        return take_error (r, error);
      if (r->finished)
        return FALSE;
      if (r->block_off < r->block_len)
        {
          gsize len = r->block_len - r->block_off;
          gsize done = csv_parse (&r->parser, r->block + r->block_off, len, field_cb, record_cb, r);

          r->block_off = r->block_len;
          if (done != len && r->error == NULL)
            {
              if (r->building->len == 0)
                r->building_row = r->line;
              if (csv_error (&r->parser) == CSV_EPARSE)
                set_error_at (r, r->building_row, r->building->len + 1, HRB_CSV_ERROR_QUOTE,
                              _("malformed quoted field: a closing quote must be followed by the "
                                "delimiter or a line end, and quotes inside a quoted field are doubled"));
              else
                set_error_at (r, r->building_row, r->building->len + 1, HRB_CSV_ERROR_IO, "%s",
                              csv_strerror (csv_error (&r->parser)));
            }
          if (r->error == NULL && csv_get_buffer_size (&r->parser) > r->max_field + 8192)
            {
              if (r->building->len == 0)
                r->building_row = r->line;
              set_error_at (r, r->building_row, r->building->len + 1, HRB_CSV_ERROR_FIELD_TOO_LONG,
                            _("field longer than %lu bytes (the limit); "
                              "an unterminated quote?"), (unsigned long) r->max_field);
            }
          continue;
        }
      if (!r->eof)
        {
          if (!fill_block (r))
            return take_error (r, error);
          if (r->file && r->position > (r->size > HRB_CSV_MAX_FILE_SIZE ? r->size : HRB_CSV_MAX_FILE_SIZE))
            set_error_at (r, r->line, 0, HRB_CSV_ERROR_FILE_TOO_LARGE, _("the file grew while reading"));
          continue;
        }
      /* End of input. */
      if (r->building->len == 0)
        r->building_row = r->line;
      if (csv_fini (&r->parser, field_cb, record_cb, r) != 0 && r->error == NULL)
        set_error_at (r, r->building_row, r->building->len + 1, HRB_CSV_ERROR_QUOTE,
                      _("unterminated quoted field (the closing quote is missing)"));
      r->finished = TRUE;
    }
}

gboolean
hrb_csv_reader_next_mutable (HrbCsvReader *r, char ***fields, guint *n_fields, GError **error)
{
  const char * const *f = NULL;
  gboolean ok = hrb_csv_reader_next (r, &f, n_fields, error);

  *fields = (char **) f;
  return ok;
}

guint
hrb_csv_reader_get_row (HrbCsvReader *r)
{
  return r->current_row;
}

guint
hrb_csv_reader_get_error_column (HrbCsvReader *r)
{
  return r->error_column;
}

const char *
hrb_csv_reader_get_name (HrbCsvReader *r)
{
  return r->name;
}

char
hrb_csv_reader_get_delimiter (HrbCsvReader *r)
{
  return r->delimiter;
}

gboolean
hrb_csv_reader_delimiter_found (HrbCsvReader *r)
{
  return r->delimiter_found;
}

HrbCsvEncoding
hrb_csv_reader_get_encoding (HrbCsvReader *r)
{
  return r->encoding;
}

gboolean
hrb_csv_reader_has_bom (HrbCsvReader *r)
{
  return r->bom;
}

gboolean
hrb_csv_reader_has_crlf (HrbCsvReader *r)
{
  return r->crlf;
}

guint64
hrb_csv_reader_get_size (HrbCsvReader *r)
{
  return r->size;
}

guint64
hrb_csv_reader_get_position (HrbCsvReader *r)
{
  return r->position;
}

const char *
hrb_csv_reader_get_checksum (HrbCsvReader *r)
{
  struct sha256_ctx copy = r->checksum;   /* digesting resets the context */
  uint8_t digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (&copy, sizeof digest, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  g_free (r->checksum_hex);
  r->checksum_hex = hex;
  return r->checksum_hex;
}
