/* hrb-format.h: numbers, money, ranges and dates formatted for people.
 *
 * The separators come from the C library's current locale (LC_NUMERIC and
 * LC_MONETARY), so nl_NL gives "€ 1.234.567" and the C locale "€ 1234567".
 */
#pragma once

#include <glib.h>
#include "hrb-model.h"

G_BEGIN_DECLS

typedef struct {
  char decimal[8];
  char group[8];
} HrbNumberFormat;

/* The format of the current locale. */
void  hrb_number_format_current (HrbNumberFormat *fmt);

char *hrb_format_number (const HrbNumberFormat *fmt, double value, int decimals);
char *hrb_format_money  (const HrbNumberFormat *fmt, double euros);
char *hrb_format_percent (const HrbNumberFormat *fmt, double fraction, int decimals);
/* "600–900", "≤ 4.000", "≥ 5", "441", or "unknown" (translated). kind
 * selects money or plain numbers. */
char *hrb_format_range  (const HrbNumberFormat *fmt, HrbRange r, gboolean money);
/* An ISO date "2026-11-23" as the locale writes it: "23-11-2026" in Dutch. */
char *hrb_format_date   (const char *iso);

/* Plain machine formats for CSV/JSON: '.' decimal, no grouping, empty for
 * unknown. At most `decimals` decimals, trailing zeros dropped. */
char *hrb_format_plain  (double value, int decimals);

G_END_DECLS
