/* hrb-model.c: the domain model (medicines, items, figures) and its validation. */
#include "hrb-model.h"
#include "hrb-i18n.h"

#include <string.h>

gboolean
hrb_range_is_known (HrbRange r)
{
  return hrb_is_known (r.low) || hrb_is_known (r.high);
}

/* The point value of a range: the midpoint when both ends are known,
 * otherwise the known end, otherwise unknown. */
double
hrb_range_point (HrbRange r)
{
  if (hrb_is_known (r.low) && hrb_is_known (r.high))
    return (r.low + r.high) / 2.0;
  if (hrb_is_known (r.low))
    return r.low;
  return r.high;
}

HrbRange
hrb_range_multiply (HrbRange a, HrbRange b)
{
  HrbRange r;
  double pa = hrb_range_point (a), pb = hrb_range_point (b);

  /* An end that is unknown falls back on the point value of its range, so
   * that "< 4,000 patients × € 4,000–7,000" still gives a low and a high. */
  r.low = (hrb_is_known (a.low) ? a.low : pa) * (hrb_is_known (b.low) ? b.low : pb);
  r.high = (hrb_is_known (a.high) ? a.high : pa) * (hrb_is_known (b.high) ? b.high : pb);
  return r;
}

HrbMedicine *
hrb_medicine_new (void)
{
  return g_new0 (HrbMedicine, 1);
}

static void
medicine_copy_into (HrbMedicine *dst, const HrbMedicine *src)
{
  *dst = *src;
  dst->inn = g_strdup (src->inn);
  dst->brand = g_strdup (src->brand);
  dst->atc = g_strdup (src->atc);
  dst->holder = g_strdup (src->holder);
  dst->authorisation_date = g_strdup (src->authorisation_date);
  dst->ema_status = g_strdup (src->ema_status);
}

static void
medicine_clear (HrbMedicine *m)
{
  g_clear_pointer (&m->inn, g_free);
  g_clear_pointer (&m->brand, g_free);
  g_clear_pointer (&m->atc, g_free);
  g_clear_pointer (&m->holder, g_free);
  g_clear_pointer (&m->authorisation_date, g_free);
  g_clear_pointer (&m->ema_status, g_free);
}

HrbMedicine *
hrb_medicine_copy (const HrbMedicine *m)
{
  HrbMedicine *copy = g_new0 (HrbMedicine, 1);

  medicine_copy_into (copy, m);
  return copy;
}

void
hrb_medicine_free (HrbMedicine *m)
{
  if (m == NULL)
    return;
  medicine_clear (m);
  g_free (m);
}

const char *
hrb_medicine_display_name (const HrbMedicine *m)
{
  if (m->brand != NULL && m->brand[0] != '\0')
    return m->brand;
  return m->inn != NULL ? m->inn : "";
}

static void
figure_init (HrbFigure *f)
{
  memset (f, 0, sizeof *f);
  f->patients = HRB_RANGE_UNKNOWN;
  f->cost = HRB_RANGE_UNKNOWN;
  f->budget = HRB_RANGE_UNKNOWN;
  f->list_price = TRUE;
}

HrbFigure *
hrb_figure_new (void)
{
  HrbFigure *f = g_new (HrbFigure, 1);

  figure_init (f);
  return f;
}

static void
figure_copy_into (HrbFigure *dst, const HrbFigure *src)
{
  *dst = *src;
  dst->source = g_strdup (src->source);
  dst->vintage = g_strdup (src->vintage);
  dst->created_at = g_strdup (src->created_at);
}

void
hrb_figure_clear (HrbFigure *f)
{
  g_clear_pointer (&f->source, g_free);
  g_clear_pointer (&f->vintage, g_free);
  g_clear_pointer (&f->created_at, g_free);
}

HrbFigure *
hrb_figure_copy (const HrbFigure *f)
{
  HrbFigure *copy = g_new (HrbFigure, 1);

  figure_copy_into (copy, f);
  return copy;
}

void
hrb_figure_free (HrbFigure *f)
{
  if (f == NULL)
    return;
  hrb_figure_clear (f);
  g_free (f);
}

HrbRange
hrb_figure_budget_impact (const HrbFigure *f)
{
  if (hrb_range_is_known (f->budget))
    return f->budget;
  if (hrb_range_is_known (f->patients) && hrb_range_is_known (f->cost))
    return hrb_range_multiply (f->patients, f->cost);
  return HRB_RANGE_UNKNOWN;
}

HrbItem *
hrb_item_new (void)
{
  HrbItem *item = g_new0 (HrbItem, 1);

  figure_init (&item->figure);
  return item;
}

HrbItem *
hrb_item_copy (const HrbItem *item)
{
  HrbItem *copy = g_new (HrbItem, 1);

  *copy = *item;
  medicine_copy_into (&copy->medicine, &item->medicine);
  figure_copy_into (&copy->figure, &item->figure);
  copy->indication = g_strdup (item->indication);
  copy->domain = g_strdup (item->domain);
  copy->source_id = g_strdup (item->source_id);
  copy->phase = g_strdup (item->phase);
  copy->expected_registration = g_strdup (item->expected_registration);
  copy->therapeutic_value = g_strdup (item->therapeutic_value);
  copy->loe_date = g_strdup (item->loe_date);
  copy->shared_strings = FALSE;
  return copy;
}

void
hrb_item_free (HrbItem *item)
{
  if (item == NULL)
    return;
  if (item->shared_strings)
    {
      /* Interned: shared by every item of a list, never freed. */
      item->indication = item->domain = item->phase = NULL;
      item->expected_registration = item->therapeutic_value = item->loe_date = NULL;
      item->medicine.atc = NULL;
      item->figure.source = item->figure.vintage = NULL;
    }
  medicine_clear (&item->medicine);
  hrb_figure_clear (&item->figure);
  g_free (item->indication);
  g_free (item->domain);
  g_free (item->source_id);
  g_free (item->phase);
  g_free (item->expected_registration);
  g_free (item->therapeutic_value);
  g_free (item->loe_date);
  g_free (item);
}

HrbStream
hrb_status_stream (HrbPackageStatus status)
{
  switch (status)
    {
    case HRB_STATUS_NOT_ADMITTED:
    case HRB_STATUS_IN_SLUIS:
      return HRB_STREAM_PROSPECTIVE;
    case HRB_STATUS_ADMITTED:
    case HRB_STATUS_CONDITIONAL:
    case HRB_STATUS_EXCLUDED:
    case HRB_N_STATUS:
    default:
      return HRB_STREAM_RETROSPECTIVE;
    }
}

HrbStream
hrb_item_stream (const HrbItem *item)
{
  return hrb_status_stream (item->status);
}

static const char *stream_codes[] = { "prospective", "retrospective" };
static const char *setting_codes[] = { "", "intramural", "extramural" };
static const char *status_codes[] = { "not_admitted", "in_sluis", "admitted", "conditional", "excluded" };

static gboolean
code_lookup (const char **codes, int n, const char *code, int *out)
{
  if (code == NULL)
    return FALSE;
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (codes[i], code) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hrb_stream_to_code (HrbStream s)
{
  return s == HRB_STREAM_RETROSPECTIVE ? stream_codes[1] : stream_codes[0];
}

gboolean
hrb_stream_from_code (const char *code, HrbStream *out)
{
  int i;

  if (!code_lookup (stream_codes, G_N_ELEMENTS (stream_codes), code, &i))
    return FALSE;
  *out = (HrbStream) i;
  return TRUE;
}

const char *
hrb_setting_to_code (HrbSetting s)
{
  return (guint) s < G_N_ELEMENTS (setting_codes) ? setting_codes[s] : "";
}

gboolean
hrb_setting_from_code (const char *code, HrbSetting *out)
{
  int i;

  if (!code_lookup (setting_codes, G_N_ELEMENTS (setting_codes), code, &i))
    return FALSE;
  *out = (HrbSetting) i;
  return TRUE;
}

const char *
hrb_status_to_code (HrbPackageStatus s)
{
  return (guint) s < G_N_ELEMENTS (status_codes) ? status_codes[s] : "not_admitted";
}

gboolean
hrb_status_from_code (const char *code, HrbPackageStatus *out)
{
  int i;

  if (!code_lookup (status_codes, G_N_ELEMENTS (status_codes), code, &i))
    return FALSE;
  *out = (HrbPackageStatus) i;
  return TRUE;
}

const char *
hrb_stream_label (HrbStream s)
{
  return s == HRB_STREAM_RETROSPECTIVE ? _("Retrospective") : _("Prospective");
}

const char *
hrb_setting_label (HrbSetting s)
{
  switch (s)
    {
    case HRB_SETTING_INTRAMURAL:
      return _("Intramural (MSZ)");
    case HRB_SETTING_EXTRAMURAL:
      return _("Extramural (GVS)");
    case HRB_SETTING_UNKNOWN:
    default:
      return _("unknown");
    }
}

const char *
hrb_status_label (HrbPackageStatus s)
{
  switch (s)
    {
    case HRB_STATUS_NOT_ADMITTED:
      return _("Not admitted");
    case HRB_STATUS_IN_SLUIS:
      return _("In the sluis");
    case HRB_STATUS_ADMITTED:
      return _("Admitted");
    case HRB_STATUS_CONDITIONAL:
      return _("Conditionally admitted");
    case HRB_STATUS_EXCLUDED:
    case HRB_N_STATUS:
    default:
      return _("Excluded");
    }
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
hrb_medicine_validate (const HrbMedicine *m, const char **field, char **message)
{
  if (is_blank (m->inn))
    {
      *field = "inn";
      *message = g_strdup (_("The active substance (INN) must not be empty."));
      return FALSE;
    }
  if (m->atc != NULL && m->atc[0] != '\0')
    {
      gsize n = strlen (m->atc);
      if (n > 7 || !g_ascii_isalpha (m->atc[0]))
        {
          *field = "atc";
          *message = g_strdup_printf (_("“%s” is not an ATC code (for example L01FF02)."), m->atc);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
hrb_range_validate (HrbRange r, const char *label, char **message)
{
  if ((hrb_is_known (r.low) && (r.low < 0 || isinf (r.low))) ||
      (hrb_is_known (r.high) && (r.high < 0 || isinf (r.high))))
    {
      *message = g_strdup_printf (_("%s must not be negative."), label);
      return FALSE;
    }
  if (hrb_is_known (r.low) && hrb_is_known (r.high) && r.low > r.high)
    {
      *message = g_strdup_printf (_("%s: the low value is above the high value."), label);
      return FALSE;
    }
  return TRUE;
}

gboolean
hrb_figure_validate (const HrbFigure *f, const char **field, char **message)
{
  if (!hrb_range_validate (f->patients, _("Patients"), message))
    {
      *field = "patients";
      return FALSE;
    }
  if (!hrb_range_validate (f->cost, _("Cost per patient"), message))
    {
      *field = "cost";
      return FALSE;
    }
  if (!hrb_range_validate (f->budget, _("Budget impact"), message))
    {
      *field = "budget";
      return FALSE;
    }
  if (f->year != 0 && (f->year < 1990 || f->year > 2100))
    {
      *field = "year";
      *message = g_strdup_printf (_("The year %d is out of range (1990 to 2100)."), f->year);
      return FALSE;
    }
  if (is_blank (f->source))
    {
      *field = "source";
      *message = g_strdup (_("Every figure needs a source."));
      return FALSE;
    }
  if (f->vintage != NULL && f->vintage[0] != '\0')
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *iso = g_strconcat (f->vintage, "T00:00:00Z", NULL);

      dt = g_date_time_new_from_iso8601 (iso, NULL);
      if (dt == NULL)
        {
          *field = "vintage";
          *message = g_strdup_printf (_("The reference date “%s” is not a date (YYYY-MM-DD)."), f->vintage);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
hrb_item_validate (const HrbItem *item, const char **field, char **message)
{
  if (item->medicine_id <= 0 && !hrb_medicine_validate (&item->medicine, field, message))
    return FALSE;
  if ((guint) item->status >= HRB_N_STATUS)
    {
      *field = "status";
      *message = g_strdup (_("Unknown package status."));
      return FALSE;
    }
  if (item->indication != NULL && strlen (item->indication) > 2000)
    {
      *field = "indication";
      *message = g_strdup (_("The indication is longer than 2,000 characters."));
      return FALSE;
    }
  return TRUE;
}
