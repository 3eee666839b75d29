/* hrb-format.c: locale-aware formatting of numbers, money, ranges, dates. */
#include "hrb-format.h"
#include "hrb-i18n.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

void
hrb_number_format_current (HrbNumberFormat *fmt)
{
  struct lconv *lc = localeconv ();
  const char *dec = lc->mon_decimal_point && *lc->mon_decimal_point ? lc->mon_decimal_point : lc->decimal_point;
  const char *grp = lc->mon_thousands_sep && *lc->mon_thousands_sep ? lc->mon_thousands_sep : lc->thousands_sep;

  g_strlcpy (fmt->decimal, dec && *dec ? dec : ".", sizeof fmt->decimal);
  g_strlcpy (fmt->group, grp ? grp : "", sizeof fmt->group);
}

char *
hrb_format_number (const HrbNumberFormat *fmt, double value, int decimals)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char digits[64];
  char *dot;
  gsize int_len;

  if (!hrb_is_known (value))
    return g_strdup (_("unknown"));
  g_ascii_formatd (digits, sizeof digits, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f", value);
  if (digits[0] == '-')
    {
      g_string_append_c (out, '-');
      memmove (digits, digits + 1, strlen (digits));
    }
  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, fmt->group);
      g_string_append_c (out, digits[i]);
    }
  if (dot)
    {
      g_string_append (out, fmt->decimal);
      g_string_append (out, dot + 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
hrb_format_money (const HrbNumberFormat *fmt, double euros)
{
  g_autofree char *n = NULL;

  if (!hrb_is_known (euros))
    return g_strdup (_("unknown"));
  n = hrb_format_number (fmt, euros, 0);
  return g_strconcat ("€ ", n, NULL);
}

char *
hrb_format_percent (const HrbNumberFormat *fmt, double fraction, int decimals)
{
  g_autofree char *n = NULL;

  if (!hrb_is_known (fraction))
    return g_strdup (_("unknown"));
  n = hrb_format_number (fmt, fraction * 100.0, decimals);
  return g_strconcat (n, " %", NULL);
}

char *
hrb_format_range (const HrbNumberFormat *fmt, HrbRange r, gboolean money)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (hrb_is_known (r.low))
    lo = money ? hrb_format_money (fmt, r.low) : hrb_format_number (fmt, r.low, 0);
  if (hrb_is_known (r.high))
    hi = money ? hrb_format_money (fmt, r.high) : hrb_format_number (fmt, r.high, 0);

  if (lo && hi)
    {
      if (g_strcmp0 (lo, hi) == 0)
        return g_steal_pointer (&lo);
      /* "€ 200.000–250.000": the currency sign only once. */
      if (money && g_str_has_prefix (hi, "€ "))
        return g_strconcat (lo, "–", hi + strlen ("€ "), NULL);
      return g_strconcat (lo, "–", hi, NULL);
    }
  if (hi)
    return g_strconcat ("≤ ", hi, NULL);
  if (lo)
    return g_strconcat ("≥ ", lo, NULL);
  return g_strdup (_("unknown"));
}

char *
hrb_format_date (const char *iso)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup (_("unknown"));
  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    {
      dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
      /* TRANSLATORS: a date format for g_date_time_format(); Dutch uses %d-%m-%Y */
      return g_date_time_format (dt, _("%Y-%m-%d"));
    }
  return g_strdup (iso);
}

char *
hrb_format_plain (double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;
  gsize n;

  if (!hrb_is_known (value))
    return g_strdup ("");
  g_ascii_formatd (buf, sizeof buf, decimals <= 0 ? "%.0f" : decimals == 1 ? "%.1f" :
                   decimals == 2 ? "%.2f" : decimals == 3 ? "%.3f" : "%.6f", value);
  dot = strchr (buf, '.');
  if (dot)
    {
      n = strlen (buf);
      while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
      if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}
