/* hrb-export-util.c: safe cell writing, sheet names, column widths and the
 * print setup shared by the sheet builders. */
#include "hrb-i18n.h"
#include "hrb-export-private.h"

#include <string.h>

/* Cell text --------------------------------------------------------------------- */

static gboolean
is_hex4 (const char *p)
{
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* Excel reads "_xHHHH_" in a string as an escaped character; a literal one
 * must have its underscore escaped as "_x005F_". */
static gboolean
needs_escape (const char *text)
{
  for (const char *p = strstr (text, "_x"); p != NULL; p = strstr (p + 1, "_x"))
    if (is_hex4 (p + 2) && p[6] == '_')
      return TRUE;
  return FALSE;
}

static char *
escape_literal_escapes (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '_' && p[1] == 'x' && is_hex4 (p + 2) && p[6] == '_')
        g_string_append (s, "_x005F");
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Length in UTF-16 code units (what Excel counts); stops counting past cap. */
static gsize
utf16_length (const char *text, gsize cap, const char **cut_at)
{
  gsize n = 0;
  const char *p = text;

  *cut_at = NULL;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      gsize units = c > 0xFFFF ? 2 : 1;

      if (n + units > cap && *cut_at == NULL)
        *cut_at = p;
      n += units;
      p = g_utf8_next_char (p);
    }
  return n;
}

char *
hrb_export_cell_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *escaped = NULL;
  const char *t = text;
  const char *cut = NULL;
  gsize marker_units, len;

  if (text == NULL)
    return NULL;
  /* Fast path: short ASCII-only text without escapes is written as is. */
  if (!g_utf8_validate (t, -1, NULL))
    t = valid = g_utf8_make_valid (t, -1);
  if (needs_escape (t))
    t = escaped = escape_literal_escapes (t);
  marker_units = g_utf8_strlen (HRB_XLSX_TRUNCATED_MARKER, -1);
  if (strlen (t) <= HRB_XLSX_MAX_TEXT)
    len = 0;   /* bytes ≥ UTF-16 units: cannot be too long */
  else
    len = utf16_length (t, HRB_XLSX_MAX_TEXT - marker_units, &cut);
  if (len > HRB_XLSX_MAX_TEXT)
    {
      GString *s = g_string_new_len (t, cut - t);

      g_string_append (s, HRB_XLSX_TRUNCATED_MARKER);
      return g_string_free (s, FALSE);
    }
  if (t != text)
    return g_strdup (t);
  return NULL;
}

gboolean
hrb_xlsx_check (lxw_error err, const char *what, GError **error)
{
  if (err == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_FAILED,
               _("Cannot write %s to the workbook: %s"), what, lxw_strerror (err));
  return FALSE;
}

gboolean
hrb_xlsx_text (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
               const char *text, lxw_format *fmt, HrbColumnWidths *widths, GError **error)
{
  g_autofree char *fixed = NULL;
  const char *t;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  fixed = hrb_export_cell_text (text);
  t = fixed ? fixed : text;
  if (fixed && g_str_has_suffix (fixed, HRB_XLSX_TRUNCATED_MARKER) &&
      !g_str_has_suffix (text, HRB_XLSX_TRUNCATED_MARKER))
    ctx->n_truncated++;
  if (widths)
    hrb_column_widths_note_text (widths, col, t);
  /* worksheet_write_string() stores a string cell whatever it starts with;
   * it never turns "=…" into a formula. */
  return hrb_xlsx_check (worksheet_write_string (ws, row, col, t, fmt ? fmt : ctx->f_text),
                         "text", error);
}

static int
digits_of (double v)
{
  int n = 1;

  v = fabs (v);
  while (v >= 10 && n < 20)
    {
      v /= 10;
      n++;
    }
  return n;
}

gboolean
hrb_xlsx_number (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
                 double value, lxw_format *fmt, HrbColumnWidths *widths, GError **error)
{
  if (!isfinite (value))
    return TRUE;
  if (widths && row < 2000)
    {
      int d = digits_of (value);
      /* digits, group separators, a currency sign or decimals */
      hrb_column_widths_note (widths, col, d + d / 3 + 4);
    }
  return hrb_xlsx_check (worksheet_write_number (ws, row, col, value, fmt), "number", error);
}

gboolean
hrb_xlsx_date (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
               const char *iso, HrbColumnWidths *widths, GError **error)
{
  int y, m, d;

  if (iso == NULL || iso[0] == '\0')
    return TRUE;
  if (strlen (iso) >= 10 && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y) && y >= 1900)
    {
      lxw_datetime dt = { .year = y, .month = m, .day = d };

      if (widths)
        hrb_column_widths_note (widths, col, 11);
      return hrb_xlsx_check (worksheet_write_datetime (ws, row, col, &dt, ctx->f_date),
                             "date", error);
    }
  return hrb_xlsx_text (ctx, ws, row, col, iso, NULL, widths, error);
}

gboolean
hrb_xlsx_bool (HrbExportContext *ctx, lxw_worksheet *ws, guint row, guint col,
               gboolean value, HrbColumnWidths *widths, GError **error)
{
  return hrb_xlsx_text (ctx, ws, row, col, value ? "ja" : "nee", ctx->f_flag, widths, error);
}

#define LINE_HEIGHT 15.0
#define MAX_LINES 27     /* Excel's row height limit is 409 points */

guint
hrb_xlsx_text_lines (const char *text, double width)
{
  /* Calibri 11 averages about 1.1 characters per unit of column width. */
  double per_line = MAX (width * 1.1, 1.0);
  guint lines = 0;
  glong n = 0;

  if (text == NULL || text[0] == '\0')
    return 1;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || *p == '\0')
        {
          lines += MAX (1, (guint) ceil (n / per_line));
          n = 0;
          if (*p == '\0' || lines >= MAX_LINES)
            break;
        }
      else
        n++;
    }
  return MIN (lines, MAX_LINES);
}

void
hrb_xlsx_set_lines (lxw_worksheet *ws, guint row, guint lines)
{
  if (lines > 1)
    worksheet_set_row (ws, row, LINE_HEIGHT * MIN (lines, MAX_LINES) + 2, NULL);
}

/* Sheet names ------------------------------------------------------------------- */

static gboolean
name_used (const char *name, const char * const *used)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; used && used[i]; i++)
    {
      g_autofree char *other = g_utf8_casefold (used[i], -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Cuts s to at most max UTF-16 units (whole characters). */
static void
cut_units (GString *s, gsize max)
{
  gsize n = 0;
  const char *p = s->str;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      gsize units = c > 0xFFFF ? 2 : 1;

      if (n + units > max)
        {
          g_string_truncate (s, p - s->str);
          return;
        }
      n += units;
      p = g_utf8_next_char (p);
    }
}

static void
strip_apostrophes_and_spaces (GString *s)
{
  while (s->len > 0 && (s->str[0] == '\'' || s->str[0] == ' '))
    g_string_erase (s, 0, 1);
  while (s->len > 0 && (s->str[s->len - 1] == '\'' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
}

char *
hrb_export_sheet_name (const char *wanted, const char * const *used)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *valid = NULL;

  if (wanted == NULL)
    wanted = "";
  valid = g_utf8_make_valid (wanted, -1);
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
        g_string_append_c (base, '-');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (base, ' ');
      else
        g_string_append_unichar (base, c);
    }
  strip_apostrophes_and_spaces (base);
  cut_units (base, HRB_XLSX_MAX_SHEET_NAME);
  strip_apostrophes_and_spaces (base);
  if (base->len == 0 || g_ascii_strcasecmp (base->str, "History") == 0)
    g_string_assign (base, "Lijst");

  if (!name_used (base->str, used))
    return g_strdup (base->str);
  for (guint n = 2; n < 10000; n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      g_autoptr(GString) s = g_string_new (base->str);

      cut_units (s, HRB_XLSX_MAX_SHEET_NAME - strlen (suffix));
      strip_apostrophes_and_spaces (s);
      g_string_append (s, suffix);
      if (!name_used (s->str, used))
        return g_string_free (g_steal_pointer (&s), FALSE);
    }
  g_return_val_if_reached (NULL);
}

lxw_worksheet *
hrb_export_add_sheet (HrbExportContext *ctx, const char *wanted, GError **error)
{
  g_autofree char *name = NULL;
  lxw_worksheet *ws;

  g_ptr_array_add (ctx->sheet_names, NULL);
  name = hrb_export_sheet_name (wanted, (const char * const *) ctx->sheet_names->pdata);
  g_ptr_array_remove_index (ctx->sheet_names, ctx->sheet_names->len - 1);
  ws = workbook_add_worksheet (ctx->wb, name);
  if (ws == NULL)
    {
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_FAILED,
                   _("Cannot add the sheet “%s” to the workbook"), name);
      return NULL;
    }
  g_ptr_array_add (ctx->sheet_names, g_steal_pointer (&name));
  return ws;
}

/* Column widths ----------------------------------------------------------------- */

HrbColumnWidths *
hrb_column_widths_new (guint n, double max)
{
  HrbColumnWidths *w = g_new0 (HrbColumnWidths, 1);

  w->n = n;
  w->width = g_new0 (double, n);
  w->max = max;
  return w;
}

void
hrb_column_widths_free (HrbColumnWidths *w)
{
  if (w == NULL)
    return;
  g_free (w->width);
  g_free (w);
}

void
hrb_column_widths_note (HrbColumnWidths *w, guint col, double chars)
{
  if (w == NULL || col >= w->n)
    return;
  if (chars > w->width[col])
    w->width[col] = MIN (chars, w->max);
}

void
hrb_column_widths_note_text (HrbColumnWidths *w, guint col, const char *text)
{
  gsize longest = 0, cur = 0;

  if (w == NULL || col >= w->n || text == NULL || w->width[col] >= w->max)
    return;
  /* The longest line, in characters. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          longest = MAX (longest, cur);
          cur = 0;
        }
      else
        cur++;
      if (cur > w->max)
        break;
    }
  longest = MAX (longest, cur);
  hrb_column_widths_note (w, col, (double) longest + 1.5);
}

void
hrb_column_widths_apply (HrbColumnWidths *w, lxw_worksheet *ws, double min)
{
  for (guint c = 0; c < w->n; c++)
    worksheet_set_column (ws, c, c, MAX (w->width[c], min), NULL);
}

/* Printing ---------------------------------------------------------------------- */

/* Header and footer texts: '&' starts a code, so a literal one is doubled;
 * Excel allows 255 characters in all. */
static char *
hf_escape (const char *text, gsize max_chars)
{
  GString *s = g_string_new (NULL);
  gsize n = 0;

  for (const char *p = text ? text : ""; *p && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (s, "&&");
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

void
hrb_export_setup_print (HrbExportContext *ctx, lxw_worksheet *ws, const char *sheet_title,
                        int repeat_row)
{
  g_autofree char *title = hf_escape (ctx->list_title, 70);
  g_autofree char *sheet = hf_escape (sheet_title, 40);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_header_footer_options margins = { .margin = 0.3 };

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);           /* A4 */
  worksheet_set_margins (ws, 0.4, 0.4, 0.7, 0.7);
  worksheet_fit_to_pages (ws, 1, 0);     /* one page wide, as long as needed */
  if (repeat_row >= 0)
    worksheet_repeat_rows (ws, repeat_row, repeat_row);
  if (ctx->internal)
    {
      /* Visible on screen too: a red sheet tab. */
      worksheet_set_tab_color (ws, 0xC00000);
      header = g_strdup_printf ("&L&\"-,Bold\"VERTROUWELIJK&C%s&R&\"-,Bold\"VERTROUWELIJK", sheet);
      footer = g_strdup_printf ("&LVERTROUWELIJK · %s&C%s&Rpagina &P van &N", title,
                                ctx->today_nl);
    }
  else
    {
      header = g_strdup_printf ("&LHerbeoordeling dure geneesmiddelen&C%s", sheet);
      footer = g_strdup_printf ("&L%s&C%s&Rpagina &P van &N", title, ctx->today_nl);
    }
  worksheet_set_header_opt (ws, header, &margins);
  worksheet_set_footer_opt (ws, footer, &margins);
}

gboolean
hrb_export_step_progress (HrbExportContext *ctx, double fraction, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->progress)
    ctx->progress (ctx->step_base + ctx->step_span * CLAMP (fraction, 0.0, 1.0), NULL,
                   ctx->progress_data);
  return TRUE;
}
