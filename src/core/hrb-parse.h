/* hrb-parse.h: tolerant parsers for numbers, ranges and dates as they appear
 * in Dutch and English source files and in user input. */
#pragma once

#include <glib.h>
#include "hrb-model.h"

G_BEGIN_DECLS

#define HRB_PARSE_ERROR (hrb_parse_error_quark ())
GQuark hrb_parse_error_quark (void);

typedef enum {
  HRB_PARSE_ERROR_EMPTY,
  HRB_PARSE_ERROR_INVALID,
  HRB_PARSE_ERROR_NEGATIVE,
  HRB_PARSE_ERROR_ORDER,
  HRB_PARSE_ERROR_TOO_LONG,
} HrbParseError;

typedef enum {
  HRB_DECIMAL_AUTO = 0,   /* guess from the text */
  HRB_DECIMAL_POINT,      /* 1,234.5 */
  HRB_DECIMAL_COMMA,      /* 1.234,5 */
} HrbDecimalStyle;

/* A number such as "8.002.800", "1.234,5", "€ 53,612,300.00", "441". */
gboolean hrb_parse_number (const char *text, HrbDecimalStyle style, double *out, GError **error);

/* A range: "600 - 900", "< 550", "> 5", "€ 4,000.00 -  € 7,000.00", "441",
 * "600–900". An empty text gives an unknown range and TRUE. "< x" gives an
 * unknown low end and x as the high end; "> x" the reverse. */
gboolean hrb_parse_range (const char *text, HrbDecimalStyle style, HrbRange *out, GError **error);

/* A date: ISO "2021-07-16", "16/07/2021", "4/12/2023", "23-11-2026",
 * "10-2027" (month), "2027" (year). Returns the ISO form, truncated to the
 * precision given ("2027-10", "2027"). */
gboolean hrb_parse_date (const char *text, char **iso_out, GError **error);

G_END_DECLS
