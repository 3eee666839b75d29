/* hrb-model.h: the domain model of Herbeoordeling (medicines, items, figures).
 *
 * Conventions:
 *  - money is in euros as double (REAL in SQLite), rounded to cents on output;
 *  - an unknown number is NAN, never 0 (see hrb_is_known());
 *  - an item is a medicine for an indication; an item whose indication is
 *    NULL is "medicine-level": its figures cover all indications.
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

typedef enum {
  HRB_STREAM_ANY = -1,
  HRB_STREAM_PROSPECTIVE = 0,
  HRB_STREAM_RETROSPECTIVE = 1,
} HrbStream;

typedef enum {
  HRB_SETTING_UNKNOWN = 0,
  HRB_SETTING_INTRAMURAL = 1,
  HRB_SETTING_EXTRAMURAL = 2,
} HrbSetting;

typedef enum {
  HRB_STATUS_NOT_ADMITTED = 0,
  HRB_STATUS_IN_SLUIS = 1,
  HRB_STATUS_ADMITTED = 2,
  HRB_STATUS_CONDITIONAL = 3, /* voorwaardelijke toelating (VT) or ViO */
  HRB_STATUS_EXCLUDED = 4,
  HRB_N_STATUS
} HrbPackageStatus;

#define HRB_UNKNOWN NAN

static inline gboolean
hrb_is_known (double v)
{
  return !isnan (v);
}

/* A value that may be given as a range; either end may be unknown. */
typedef struct {
  double low;
  double high;
} HrbRange;

#define HRB_RANGE_UNKNOWN ((HrbRange) { NAN, NAN })

gboolean  hrb_range_is_known (HrbRange r);
double    hrb_range_point    (HrbRange r);
HrbRange  hrb_range_multiply (HrbRange a, HrbRange b);

typedef struct {
  gint64    id;
  char     *inn;          /* werkzame stof, required */
  char     *brand;        /* may be NULL */
  char     *atc;          /* may be NULL */
  char     *holder;       /* marketing authorisation holder */
  char     *authorisation_date; /* ISO 8601 or NULL */
  char     *ema_status;   /* e.g. "Authorised", NULL when unknown */
  gboolean  orphan;
  gboolean  conditional;  /* conditional marketing authorisation */
  gboolean  exceptional;  /* exceptional circumstances */
  gboolean  accelerated;  /* accelerated assessment */
  gboolean  atmp;
  gboolean  biosimilar;
  gboolean  generic;
  gboolean  critical;     /* on the Dutch critical medicines list */
} HrbMedicine;

HrbMedicine *hrb_medicine_new   (void);
HrbMedicine *hrb_medicine_copy  (const HrbMedicine *m);
void         hrb_medicine_free  (HrbMedicine *m);
const char  *hrb_medicine_display_name (const HrbMedicine *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbMedicine, hrb_medicine_free)

/* One set of figures for an item, with its provenance. */
typedef struct {
  gint64    id;           /* 0 when not stored */
  gint64    item_id;
  int       year;         /* 0 when unknown */
  HrbRange  patients;     /* per year */
  HrbRange  cost;         /* cost per patient per year, euros */
  HrbRange  budget;       /* budget impact per year, euros (given total) */
  char     *source;       /* e.g. "Horizonscan", required */
  char     *vintage;      /* peildatum, ISO date, may be NULL */
  gint64    batch_id;     /* import batch, 0 for manual entry */
  gboolean  list_price;   /* figures based on list prices */
  gboolean  provisional;  /* provisional year (GIP) */
  char     *created_at;
} HrbFigure;

HrbFigure *hrb_figure_new  (void);
HrbFigure *hrb_figure_copy (const HrbFigure *f);
void       hrb_figure_free (HrbFigure *f);
void       hrb_figure_clear (HrbFigure *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbFigure, hrb_figure_free)

/* Budget impact of a figure: the given total, else patients × cost. */
HrbRange   hrb_figure_budget_impact (const HrbFigure *f);

/* An item (medicine × indication) with its medicine and latest figures, as
 * the lists show it. */
typedef struct {
  gint64            id;
  gint64            medicine_id;
  HrbMedicine       medicine;     /* copy of the medicine's fields */
  char             *indication;   /* NULL: all indications (medicine-level) */
  char             *domain;
  HrbSetting        setting;
  HrbPackageStatus  status;
  char             *source_id;    /* id in the source, e.g. Horizonscan id */
  char             *phase;        /* registration phase (Horizonscan) */
  char             *expected_registration;
  char             *therapeutic_value;
  char             *loe_date;     /* expected loss of exclusivity, ISO or NULL */
  HrbFigure         figure;       /* latest figures; figure.id == 0 if none */
  /* Set on items of large lists (hrb_store_list_items()): indication,
   * domain, phase, expected_registration, therapeutic_value, loe_date,
   * medicine.atc, figure.source and figure.vintage are interned strings there (g_intern_string()), shared by
   * all items and never freed. Do not g_free() those fields of such an item:
   * copy it (hrb_item_copy() gives an item that owns all its strings). */
  gboolean          shared_strings;
} HrbItem;

HrbItem   *hrb_item_new  (void);
HrbItem   *hrb_item_copy (const HrbItem *item);
void       hrb_item_free (HrbItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbItem, hrb_item_free)

HrbStream  hrb_item_stream (const HrbItem *item);
HrbStream  hrb_status_stream (HrbPackageStatus status);

/* Stable codes used by the CLI and the files. */
const char *hrb_stream_to_code  (HrbStream s);
gboolean    hrb_stream_from_code (const char *code, HrbStream *out);
const char *hrb_setting_to_code (HrbSetting s);
gboolean    hrb_setting_from_code (const char *code, HrbSetting *out);
const char *hrb_status_to_code  (HrbPackageStatus s);
gboolean    hrb_status_from_code (const char *code, HrbPackageStatus *out);

/* Translatable labels (English source, gettext). */
const char *hrb_stream_label  (HrbStream s);
const char *hrb_setting_label (HrbSetting s);
const char *hrb_status_label  (HrbPackageStatus s);

/* Validation: TRUE when valid; else FALSE with a translated message and the
 * name of the offending field (static string, e.g. "patients"). */
gboolean hrb_medicine_validate (const HrbMedicine *m, const char **field, char **message);
gboolean hrb_range_validate    (HrbRange r, const char *label, char **message);
gboolean hrb_figure_validate   (const HrbFigure *f, const char **field, char **message);
gboolean hrb_item_validate     (const HrbItem *item, const char **field, char **message);

G_END_DECLS
