/* hrb-parse.c: tolerant parsers for numbers, ranges and dates. */
#include "hrb-parse.h"
#include "hrb-i18n.h"

#include <stdlib.h>
#include <string.h>

#define MAX_NUMBER_TEXT 64

G_DEFINE_QUARK (hrb-parse-error-quark, hrb_parse_error)

/* Copies text without spaces (also no-break spaces), currency markers and
 * surrounding noise into buf. Returns FALSE when it does not fit. */
static gboolean
squeeze_number (const char *text, char *buf, gsize bufsize)
{
  gsize n = 0;
  const char *p = text;

  while (*p)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0) /* no-break space */
        p += 2;
      else if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF) /* narrow nbsp */
        p += 3;
      else if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x82 && (guchar) p[2] == 0xAC) /* € */
        p += 3;
      else if ((*p == 'E' || *p == 'e') && g_ascii_strncasecmp (p, "EUR", 3) == 0)
        p += 3;
      else
        {
          if (n + 1 >= bufsize)
            return FALSE;
          buf[n++] = *p++;
        }
    }
  buf[n] = '\0';
  return TRUE;
}

gboolean
hrb_parse_number (const char *text, HrbDecimalStyle style, double *out, GError **error)
{
  char buf[MAX_NUMBER_TEXT];
  char clean[MAX_NUMBER_TEXT];
  int n_dot = 0, n_comma = 0;
  char decimal = 0;
  const char *last_dot = NULL, *last_comma = NULL;
  gsize n = 0;
  gboolean negative = FALSE;
  char *end = NULL;
  double v;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_EMPTY, _("empty value"));
      return FALSE;
    }
  if (strlen (text) > 4 * MAX_NUMBER_TEXT || !squeeze_number (text, buf, sizeof buf))
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_TOO_LONG, _("the number is too long"));
      return FALSE;
    }
  if (buf[0] == '\0')
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_EMPTY, _("empty value"));
      return FALSE;
    }

  const char *p = buf;
  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }
  for (const char *q = p; *q; q++)
    {
      if (*q == '.')
        {
          n_dot++;
          last_dot = q;
        }
      else if (*q == ',')
        {
          n_comma++;
          last_comma = q;
        }
      else if (!g_ascii_isdigit (*q))
        {
          g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_INVALID,
                       _("“%s” is not a number"), text);
          return FALSE;
        }
    }
  if (!g_ascii_isdigit (*p))
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_INVALID, _("“%s” is not a number"), text);
      return FALSE;
    }

  if (n_dot > 0 && n_comma > 0)
    decimal = (last_dot > last_comma) ? '.' : ',';
  else if (n_dot > 1)
    decimal = ',';                /* 8.002.800: dots group thousands */
  else if (n_comma > 1)
    decimal = '.';                /* 53,612,300 */
  else if (n_dot == 1 || n_comma == 1)
    {
      char sep = n_dot == 1 ? '.' : ',';
      const char *at = n_dot == 1 ? last_dot : last_comma;
      gsize after = strlen (at + 1);

      if (style == HRB_DECIMAL_POINT)
        decimal = '.';
      else if (style == HRB_DECIMAL_COMMA)
        decimal = ',';
      else if (after == 3 && !(at - p == 1 && p[0] == '0'))
        decimal = (sep == '.') ? ',' : '.';   /* 1.234 or 1,234: a thousands group */
      else
        decimal = sep;
    }
  else
    decimal = '.';

  /* Validate grouping: groups after a thousands separator have 3 digits. */
  char group = decimal == '.' ? ',' : '.';
  int digits_since_group = -1;
  for (const char *q = p; *q; q++)
    {
      if (*q == decimal)
        {
          if (digits_since_group >= 0 && digits_since_group != 3)
            goto bad_group;
          break;
        }
      if (*q == group)
        {
          if (digits_since_group >= 0 && digits_since_group != 3)
            goto bad_group;
          if (q == p)
            goto bad_group;
          digits_since_group = 0;
          continue;
        }
      if (digits_since_group >= 0)
        digits_since_group++;
    }
  if (digits_since_group >= 0 && strchr (p, decimal) == NULL && digits_since_group != 3)
    goto bad_group;
  if ((decimal == '.' ? n_dot : n_comma) > 1)
    goto bad_group;

  for (const char *q = p; *q; q++)
    {
      if (*q == group)
        continue;
      clean[n++] = (*q == decimal) ? '.' : *q;
    }
  clean[n] = '\0';

  v = g_ascii_strtod (clean, &end);
  if (end == clean || *end != '\0' || isinf (v) || isnan (v))
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_INVALID, _("“%s” is not a number"), text);
      return FALSE;
    }
  *out = negative ? -v : v;
  return TRUE;

bad_group:
  g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_INVALID,
               _("“%s” is not a number (misplaced thousands separator)"), text);
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
hrb_parse_range (const char *text, HrbDecimalStyle style, HrbRange *out, GError **error)
{
  char t[257];
  char *s, *sep = NULL;
  gsize seplen = 0;
  double a, b;

  *out = HRB_RANGE_UNKNOWN;
  if (text == NULL || is_blank (text))
    return TRUE;
  if (strlen (text) > 256)
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_TOO_LONG, _("the value is too long"));
      return FALSE;
    }
  /* A copy to cut at the separator (on the stack: this runs for every cell). */
  s = g_strstrip (strcpy (t, text));

  if (s[0] == '<' || s[0] == '>' || g_str_has_prefix (s, "≤") || g_str_has_prefix (s, "≥"))
    {
      gboolean upper = (s[0] == '<' || g_str_has_prefix (s, "≤"));
      s += (s[0] == '<' || s[0] == '>') ? 1 : strlen ("≤");
      if (*s == '=')
        s++;
      if (!hrb_parse_number (s, style, &a, error))
        return FALSE;
      if (a < 0)
        goto negative;
      if (upper)
        out->high = a;
      else
        out->low = a;
      return TRUE;
    }

  /* Find a range separator: an en dash, " - ", "-" between digits, or "tot". */
  if ((sep = strstr (s, "–")) != NULL)
    seplen = strlen ("–");
  else if ((sep = strstr (s, " tot ")) != NULL)
    seplen = 5;
  else
    {
      for (char *q = s + 1; *q; q++)
        if (*q == '-')
          {
            sep = q;
            seplen = 1;
            break;
          }
    }

  if (sep != NULL)
    {
      *sep = '\0';
      if (!hrb_parse_number (s, style, &a, error) ||
          !hrb_parse_number (sep + seplen, style, &b, error))
        return FALSE;
      if (a < 0 || b < 0)
        goto negative;
      if (a > b)
        {
          g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_ORDER,
                       _("the low value is above the high value"));
          return FALSE;
        }
      out->low = a;
      out->high = b;
      return TRUE;
    }

  if (!hrb_parse_number (s, style, &a, error))
    return FALSE;
  if (a < 0)
    goto negative;
  out->low = out->high = a;
  return TRUE;

negative:
  g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_NEGATIVE, _("negative values are not allowed"));
  return FALSE;
}

static gboolean
all_digits (const char *s, gsize min, gsize max)
{
  gsize n = strlen (s);

  if (n < min || n > max)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

gboolean
hrb_parse_date (const char *text, char **iso_out, GError **error)
{
  char t[65];
  char *parts[4];
  guint n = 0;
  int d = 0, m = 0, y = 0;

  if (text == NULL || is_blank (text))
    {
      g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_EMPTY, _("empty date"));
      return FALSE;
    }
  if (strlen (text) > 64)
    goto invalid;
  /* On the stack: this runs for every row. */
  g_strstrip (strcpy (t, text));
  /* Drop a time part ("2021-07-16T00:00:00", "16/07/2021 00:00"). */
  for (char *q = t; *q; q++)
    if (*q == 'T' || *q == ' ')
      {
        *q = '\0';
        break;
      }

  /* Split at - / . into at most 4 parts (the last one keeps the rest). */
  parts[n++] = t;
  for (char *q = t; *q && n < G_N_ELEMENTS (parts); q++)
    if (*q == '-' || *q == '/' || *q == '.')
      {
        *q = '\0';
        parts[n++] = q + 1;
      }
  if (n == 1 && all_digits (parts[0], 4, 4))
    {
      y = atoi (parts[0]);
      if (y < 1900 || y > 2200)
        goto invalid;
      *iso_out = g_strdup_printf ("%04d", y);
      return TRUE;
    }
  if (n == 2 && all_digits (parts[0], 1, 2) && all_digits (parts[1], 4, 4))
    {
      m = atoi (parts[0]);
      y = atoi (parts[1]);
      if (m < 1 || m > 12 || y < 1900 || y > 2200)
        goto invalid;
      *iso_out = g_strdup_printf ("%04d-%02d", y, m);
      return TRUE;
    }
  if (n == 2 && all_digits (parts[0], 4, 4) && all_digits (parts[1], 1, 2))
    {
      y = atoi (parts[0]);
      m = atoi (parts[1]);
      if (m < 1 || m > 12 || y < 1900 || y > 2200)
        goto invalid;
      *iso_out = g_strdup_printf ("%04d-%02d", y, m);
      return TRUE;
    }
  if (n == 3)
    {
      if (all_digits (parts[0], 4, 4) && all_digits (parts[1], 1, 2) && all_digits (parts[2], 1, 2))
        {
          y = atoi (parts[0]);
          m = atoi (parts[1]);
          d = atoi (parts[2]);
        }
      else if (all_digits (parts[0], 1, 2) && all_digits (parts[1], 1, 2) && all_digits (parts[2], 4, 4))
        {
          d = atoi (parts[0]);
          m = atoi (parts[1]);
          y = atoi (parts[2]);
        }
      else
        goto invalid;
      if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
        goto invalid;
      *iso_out = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      return TRUE;
    }

invalid:
  g_set_error (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_INVALID, _("“%s” is not a date"), text);
  return FALSE;
}
