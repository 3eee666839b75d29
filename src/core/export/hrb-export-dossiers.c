/* hrb-export-dossiers.c: the "Dossiers" sheet (every field that is not
 * confidential; an internal export adds the confidential ones, marked) and
 * the "Monitoring" sheet (figures with native Excel charts).
 *
 * Confidentiality rests on the dossier store: a committee export asks for
 * dossiers and notes with include_confidential = FALSE, so confidential
 * content never reaches this code. */
#include "hrb-i18n.h"
#include "hrb-export-private.h"
#include "hrb-export-labels.h"
#include "hrb-monitoring.h"
#include "hrb-store-dossier.h"

#include <string.h>

enum {
  D_ID, D_MEDICINE, D_INN, D_INDICATION, D_DOMAIN, D_STAGE, D_PARTY, D_SINCE, D_DAYS, D_DUE,
  D_OVERDUE, D_LOOK_AGAIN, D_STAGE_REMARK, D_STARTED, D_RUNNING, D_QUESTION, D_RATIONALE,
  D_UNCERTAINTIES, D_UNCERTAINTY_TEXT, D_SOLE_SUPPLIER, D_LOE, D_CRITICAL, D_MARKET, D_PARTIES,
  D_ADVICE_DATE, D_ADVICE, D_MEASURES, D_FOLLOW_UP, D_LINKS, D_NOTES,
  N_D_COLUMNS
};

static const char *dossier_headers[N_D_COLUMNS] = {
  "Dossier", "Geneesmiddel", "Werkzame stof", "Indicatie", "Domein", "Fase", "Aan zet",
  "In fase sinds", "Dagen in fase", "Deadline", "Te laat", "Geparkeerd tot", "Opmerking bij fase",
  "Gestart op", "Doorlooptijd (dagen)", "Herbeoordelingsvraag", "Onderbouwing", "Onzekerheden",
  "Toelichting onzekerheden", "Enige leverancier", "Einde exclusiviteit",
  "Lijst kritieke geneesmiddelen", "Markt en beschikbaarheid", "Betrokken partijen",
  "Datum advies triagetafel", "Advies triagetafel", "Beheersmaatregelen (eigenaar, status)",
  "Herbeoordelingsdatum", "Bronnen en documenten", "Notities",
};

/* Internal exports only. */
enum { D_PRICE_ARRANGEMENT, D_PRICE_NET, D_PRICE_END, N_D_CONFIDENTIAL };
static const char *confidential_headers[N_D_CONFIDENTIAL] = {
  "Prijsarrangement (VERTROUWELIJK)", "Nettoprijs (VERTROUWELIJK)",
  "Einde arrangement (VERTROUWELIJK)",
};

#define TEXT_WIDTH 32

static gboolean
is_long_text_column (guint c)
{
  switch (c)
    {
    case D_STAGE_REMARK: case D_QUESTION: case D_RATIONALE: case D_UNCERTAINTIES:
    case D_UNCERTAINTY_TEXT: case D_MARKET: case D_PARTIES: case D_ADVICE: case D_MEASURES:
    case D_LINKS: case D_NOTES: case N_D_COLUMNS + D_PRICE_ARRANGEMENT:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
uncertainties_text (guint flags)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < HRB_N_UNCERTAINTIES; i++)
    if (flags & hrb_uncertainty_nth (i))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", hrb_export_nl_uncertainty (i));
  return g_string_free (s, FALSE);
}

static char *
parties_text (const HrbDossier *d)
{
  GString *s = g_string_new (NULL);

  for (int p = 0; p < HRB_N_PARTIES; p++)
    if (d->parties & (1u << p))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", hrb_export_nl_party (p));
  if (d->parties_text && d->parties_text[0])
    g_string_append_printf (s, "%s%s", s->len ? "; " : "", d->parties_text);
  return g_string_free (s, FALSE);
}

static char *
measures_text (GPtrArray *measures, gint64 dossier_id)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; measures && i < measures->len; i++)
    {
      HrbMeasure *m = measures->pdata[i];

      if (m->dossier_id != dossier_id)
        continue;
      if (s->len)
        g_string_append_c (s, '\n');
      g_string_append (s, hrb_export_nl_measure (m->kind));
      if (m->description && m->description[0])
        g_string_append_printf (s, ": %s", m->description);
      g_string_append_printf (s, " (%s%s%s", m->owner && m->owner[0] ? m->owner : "eigenaar onbekend",
                              ", ", hrb_export_nl_measure_status (m->status));
      if (m->agreed_date)
        g_string_append_printf (s, ", afgesproken %s", m->agreed_date);
      if (m->start_date)
        g_string_append_printf (s, ", start %s", m->start_date);
      if (m->evaluation_date)
        g_string_append_printf (s, ", evaluatie %s", m->evaluation_date);
      g_string_append_c (s, ')');
    }
  return g_string_free (s, FALSE);
}

static char *
links_text (GPtrArray *links)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; links && i < links->len; i++)
    {
      HrbLink *l = links->pdata[i];
      g_string_append_printf (s, "%s%s: %s", s->len ? "\n" : "", l->title ? l->title : "",
                              l->target ? l->target : "");
    }
  return g_string_free (s, FALSE);
}

static char *
notes_text (GPtrArray *notes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; notes && i < notes->len; i++)
    {
      HrbNote *n = notes->pdata[i];
      g_string_append_printf (s, "%s%s%.10s, %s: %s", s->len ? "\n" : "",
                              n->confidential ? "[VERTROUWELIJK] " : "", n->at ? n->at : "",
                              n->author ? n->author : "", n->text ? n->text : "");
    }
  return g_string_free (s, FALSE);
}

gboolean
hrb_export_dossiers_sheet (HrbExportContext *ctx, GError **error)
{
  /* The only place where the export asks for confidential content, and
   * only for an internal export. */
  const gboolean confidential = ctx->internal;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(HrbColumnWidths) widths = NULL;
  g_autofree lxw_table_column *columns = NULL;
  g_autofree lxw_table_column **column_ptrs = NULL;
  lxw_table_options table = { 0 };
  lxw_worksheet *ws;
  guint n_columns = N_D_COLUMNS + (confidential ? N_D_CONFIDENTIAL : 0);
  lxw_format *wide = ctx->f_wrap;

  dossiers = hrb_store_list_dossiers (ctx->store, confidential, error);
  if (dossiers == NULL)
    return FALSE;
  measures = hrb_store_list_measures (ctx->store, 0, error);
  if (measures == NULL)
    return FALSE;
  ws = hrb_export_add_sheet (ctx, "Dossiers", error);
  if (ws == NULL)
    return FALSE;
  widths = hrb_column_widths_new (n_columns, 40);

  for (guint i = 0; i < dossiers->len; i++)
    {
      HrbDossier *d = dossiers->pdata[i];
      guint row = i + 1;
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GPtrArray) links = NULL;
      g_autofree char *unc = uncertainties_text (d->uncertainties);
      g_autofree char *parties = parties_text (d);
      g_autofree char *meas = measures_text (measures, d->id);
      g_autofree char *links_s = NULL;
      g_autofree char *notes_s = NULL;
      g_autofree char *end = NULL;
      int running;

      notes = hrb_store_list_notes (ctx->store, d->id, confidential, error);
      if (notes == NULL)
        return FALSE;
      links = hrb_store_list_links (ctx->store, d->id, error);
      if (links == NULL)
        return FALSE;
      links_s = links_text (links);
      notes_s = notes_text (notes);
      end = hrb_stage_is_final (d->stage) ? g_strdup (d->stage_since) : g_strdup (ctx->today);
      running = d->first_date ? hrb_days_between (d->first_date, end) : G_MININT;

      if (!hrb_xlsx_number (ctx, ws, row, D_ID, d->id, NULL, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_MEDICINE, d->medicine, ctx->f_bold, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_INN, d->inn, NULL, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_INDICATION, d->indication ? d->indication
                                                                    : "(alle indicaties)",
                          NULL, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_DOMAIN, d->domain, NULL, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_STAGE, hrb_export_nl_stage (d->stage), NULL, widths,
                          error) ||
          !hrb_xlsx_text (ctx, ws, row, D_PARTY, hrb_stage_is_final (d->stage) ? NULL
                                                 : hrb_export_nl_party (d->party),
                          NULL, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_SINCE, d->stage_since, widths, error) ||
          !hrb_xlsx_number (ctx, ws, row, D_DAYS, d->days_in_stage, ctx->f_int, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_DUE, d->due_date, widths, error) ||
          !hrb_xlsx_bool (ctx, ws, row, D_OVERDUE, d->overdue, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_LOOK_AGAIN, d->look_again, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_STAGE_REMARK, d->stage_remark, wide, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_STARTED, d->first_date, widths, error) ||
          !hrb_xlsx_number (ctx, ws, row, D_RUNNING, running == G_MININT ? NAN : running,
                            ctx->f_int, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_QUESTION, d->question, wide, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_RATIONALE, d->rationale, wide, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_UNCERTAINTIES, unc, wide, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_UNCERTAINTY_TEXT, d->uncertainty_text, wide, widths,
                          error) ||
          !hrb_xlsx_bool (ctx, ws, row, D_SOLE_SUPPLIER, d->sole_supplier, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_LOE, d->loe_date, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_CRITICAL,
                          (d->critical_caution || d->item_critical)
                          ? "ja: voorzichtig met beperken of overstappen" : "nee",
                          (d->critical_caution || d->item_critical) ? ctx->f_warning : NULL,
                          widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_MARKET, d->market_text, wide, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_PARTIES, parties, wide, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_ADVICE_DATE, d->advice_date, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_ADVICE, d->advice_text, wide, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_MEASURES, meas, wide, widths, error) ||
          !hrb_xlsx_date (ctx, ws, row, D_FOLLOW_UP, d->follow_up_date, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_LINKS, links_s, wide, widths, error) ||
          !hrb_xlsx_text (ctx, ws, row, D_NOTES, notes_s, wide, widths, error))
        return FALSE;
      {
        const char *long_texts[] = { d->stage_remark, d->question, d->rationale, unc,
                                     d->uncertainty_text, d->market_text, parties, d->advice_text,
                                     meas, links_s, notes_s,
                                     confidential ? d->price_arrangement : NULL };
        guint lines = 1;

        for (guint t = 0; t < G_N_ELEMENTS (long_texts); t++)
          lines = MAX (lines, hrb_xlsx_text_lines (long_texts[t], TEXT_WIDTH));
        hrb_xlsx_set_lines (ws, row, lines);
      }
      if (confidential && d->confidential_included &&
          (!hrb_xlsx_text (ctx, ws, row, N_D_COLUMNS + D_PRICE_ARRANGEMENT, d->price_arrangement,
                           wide, widths, error) ||
           !hrb_xlsx_number (ctx, ws, row, N_D_COLUMNS + D_PRICE_NET, d->price_net, ctx->f_euro,
                             widths, error) ||
           !hrb_xlsx_date (ctx, ws, row, N_D_COLUMNS + D_PRICE_END, d->price_end_date, widths,
                           error)))
        return FALSE;
    }

  columns = g_new0 (lxw_table_column, n_columns);
  column_ptrs = g_new0 (lxw_table_column *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    {
      columns[c].header = (char *) (c < N_D_COLUMNS ? dossier_headers[c]
                                                    : confidential_headers[c - N_D_COLUMNS]);
      columns[c].header_format = ctx->f_header;
      column_ptrs[c] = &columns[c];
      hrb_column_widths_note (widths, c, MIN (g_utf8_strlen (columns[c].header, -1) * 0.6 + 2, 30));
    }
  table.name = (char *) "Tabel_Dossiers";
  table.columns = column_ptrs;
  table.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  table.style_type_number = 9;
  if (!hrb_xlsx_check (worksheet_add_table (ws, 0, 0, MAX (dossiers->len, 1), n_columns - 1,
                                            &table),
                       "the table", error))
    return FALSE;
  worksheet_freeze_panes (ws, 1, D_MEDICINE + 1);
  worksheet_set_row (ws, 0, 45, NULL);
  for (guint c = 0; c < n_columns; c++)
    if (is_long_text_column (c))
      widths->width[c] = TEXT_WIDTH;
  hrb_column_widths_apply (widths, ws, 8);
  hrb_export_setup_print (ctx, ws, "Dossiers", 0);
  worksheet_set_paper (ws, 8);   /* A3: one row per dossier is wide */
  return hrb_export_step_progress (ctx, 1.0, error);
}

/* Monitoring ------------------------------------------------------------------------- */

typedef struct {
  HrbExportContext *ctx;
  lxw_worksheet    *ws;
  const char       *sheet;
  guint             row;
} Block;

static gboolean
block_header (Block *b, const char *title, const char * const *headers, GError **error)
{
  b->row++;
  if (!hrb_xlsx_text (b->ctx, b->ws, b->row++, 0, title, b->ctx->f_subtitle, NULL, error))
    return FALSE;
  for (guint c = 0; headers[c]; c++)
    if (!hrb_xlsx_text (b->ctx, b->ws, b->row, c, headers[c], b->ctx->f_header, NULL, error))
      return FALSE;
  b->row++;
  return TRUE;
}

static gboolean
insert_chart (Block *b, lxw_chart *chart, guint first, guint last, guint value_col,
              const char *title, guint anchor_row, GError **error)
{
  lxw_chart_series *series;
  lxw_chart_options opts = { .x_offset = 10, .y_offset = 5, .x_scale = 1.3, .y_scale = 1.2 };

  if (last < first)
    return TRUE;
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, b->sheet, first, 0, last, 0);
  chart_series_set_values (series, b->sheet, first, value_col, last, value_col);
  chart_series_set_name (series, title);
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  return hrb_xlsx_check (worksheet_insert_chart_opt (b->ws, anchor_row, 7, chart, &opts),
                         "a chart", error);
}

static gboolean
lead_row (Block *b, const char *label, const HrbLeadTime *lt, GError **error)
{
  HrbExportContext *ctx = b->ctx;

  if (!hrb_xlsx_text (ctx, b->ws, b->row, 0, label, NULL, NULL, error) ||
      !hrb_xlsx_number (ctx, b->ws, b->row, 1, lt->n, ctx->f_int, NULL, error) ||
      !hrb_xlsx_number (ctx, b->ws, b->row, 2, lt->n ? lt->median : NAN, ctx->f_number, NULL,
                        error) ||
      !hrb_xlsx_number (ctx, b->ws, b->row, 3, lt->n ? lt->p90 : NAN, ctx->f_number, NULL, error) ||
      !hrb_xlsx_number (ctx, b->ws, b->row, 4, lt->n ? lt->max : NAN, ctx->f_number, NULL, error))
    return FALSE;
  b->row++;
  return TRUE;
}

gboolean
hrb_export_monitoring_sheet (HrbExportContext *ctx, GError **error)
{
  g_autoptr(HrbMonitoring) m = hrb_monitoring_compute (ctx->store, 0, error);
  static const char *stage_headers[] = { "Fase", "Open dossiers", NULL };
  static const char *lead_headers[] = { "Fase", "Dossiers", "Mediaan (dagen)",
                                        "90e percentiel (dagen)", "Maximum (dagen)", NULL };
  static const char *year_headers[] = { "Jaar", "Afgeronde herbeoordelingen", NULL };
  static const char *measure_headers[] = { "Beheersmaatregel", "Aantal", NULL };
  static const char *status_headers[] = { "Status van de maatregelen", "Aantal", NULL };
  static const char *overdue_headers[] = { "Dossier", "Geneesmiddel", "Indicatie", "Fase",
                                           "Aan zet", "Deadline", "Dagen te laat", NULL };
  lxw_worksheet *ws;
  Block b;
  guint first, chart_row;
  g_autofree char *intro = NULL;

  if (m == NULL)
    return FALSE;
  ws = hrb_export_add_sheet (ctx, "Monitoring", error);
  if (ws == NULL)
    return FALSE;
  b = (Block) { ctx, ws, ((const char **) ctx->sheet_names->pdata)[ctx->sheet_names->len - 1], 0 };
  worksheet_set_column (ws, 0, 0, 44, NULL);
  worksheet_set_column (ws, 1, 1, 18, NULL);
  worksheet_set_column (ws, 2, 2, 26, NULL);
  worksheet_set_column (ws, 3, 6, 17, NULL);

  intro = g_strdup_printf ("Stand op %s. Doorlooptijden in kalenderdagen tussen de data van de "
                           "overgangen; alleen afgeronde perioden tellen; tijd in de parkeerstand "
                           "telt niet mee (staat apart onder “Geparkeerd”). De totale doorlooptijd "
                           "geldt voor afgesloten dossiers: van de eerste tot de laatste fase, "
                           "zonder de geparkeerde dagen. 90e percentiel: de waarde op rang "
                           "⌈0,9 × n⌉.", ctx->today_nl);
  if (!hrb_xlsx_text (ctx, ws, b.row++, 0, "Monitoring van de herbeoordelingen", ctx->f_title,
                      NULL, error) ||
      !hrb_xlsx_text (ctx, ws, b.row, 0, intro, ctx->f_wrap, NULL, error) ||
      !hrb_xlsx_check (worksheet_merge_range (ws, b.row, 0, b.row, 6, "", ctx->f_wrap), "text",
                       error) ||
      !hrb_xlsx_text (ctx, ws, b.row, 0, intro, ctx->f_wrap, NULL, error))
    return FALSE;
  worksheet_set_row (ws, b.row++, 64, NULL);

  /* Open dossiers per stage, with a bar chart. */
  if (!block_header (&b, "Open dossiers per fase", stage_headers, error))
    return FALSE;
  chart_row = b.row - 2;
  first = b.row;
  for (int s = 0; s < HRB_N_STAGES; s++)
    {
      if (s == HRB_STAGE_CLOSED || s == HRB_STAGE_DROPPED)
        continue;
      if (!hrb_xlsx_text (ctx, ws, b.row, 0, hrb_export_nl_stage (s), NULL, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, b.row, 1, m->open_per_stage[s], ctx->f_int, NULL, error))
        return FALSE;
      b.row++;
    }
  {
    lxw_chart *chart = workbook_add_chart (ctx->wb, LXW_CHART_BAR);
    guint most = 0;

    for (int s = 0; s < HRB_N_STAGES; s++)
      most = MAX (most, m->open_per_stage[s]);
    chart_axis_set_reverse (chart->y_axis);   /* the route from top to bottom */
    chart_axis_set_min (chart->x_axis, 0);
    if (most <= 10)
      chart_axis_set_major_unit (chart->x_axis, 1);   /* whole dossiers */
    if (!insert_chart (&b, chart, first, b.row - 1, 1, "Open dossiers per fase", chart_row, error))
      return FALSE;
  }

  /* Lead times per stage and in total, with a column chart of the medians. */
  if (!block_header (&b, "Doorlooptijden (kalenderdagen)", lead_headers, error))
    return FALSE;
  first = b.row;
  for (int s = 0; s < HRB_STAGE_CLOSED; s++)
    if (!lead_row (&b, hrb_export_nl_stage (s), &m->lead_stage[s], error))
      return FALSE;
  if (!lead_row (&b, "Geparkeerd", &m->lead_stage[HRB_STAGE_PARKED], error) ||
      !lead_row (&b, "Totaal (afgesloten dossiers)", &m->lead_total, error))
    return FALSE;
  {
    lxw_chart *chart = workbook_add_chart (ctx->wb, LXW_CHART_COLUMN);
    if (!insert_chart (&b, chart, first, first + HRB_STAGE_CLOSED - 1, 2,
                       "Mediane doorlooptijd per fase (dagen)", chart_row + 21, error))
      return FALSE;
  }

  if (!block_header (&b, "Afgeronde herbeoordelingen per jaar", year_headers, error))
    return FALSE;
  for (guint i = 0; m->completed_per_year && i < m->completed_per_year->len; i++)
    {
      HrbYearCount *yc = &g_array_index (m->completed_per_year, HrbYearCount, i);
      if (!hrb_xlsx_number (ctx, ws, b.row, 0, yc->year, NULL, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, b.row, 1, yc->count, ctx->f_int, NULL, error))
        return FALSE;
      b.row++;
    }
  if (!hrb_xlsx_text (ctx, ws, b.row, 0, "Afgevoerd (alle jaren)", NULL, NULL, error) ||
      !hrb_xlsx_number (ctx, ws, b.row, 1, m->n_dropped, ctx->f_int, NULL, error))
    return FALSE;
  b.row++;

  if (!block_header (&b, "Beheersmaatregelen", measure_headers, error))
    return FALSE;
  for (int k = 0; k < HRB_N_MEASURE_KINDS; k++)
    {
      if (!hrb_xlsx_text (ctx, ws, b.row, 0, hrb_export_nl_measure (k), NULL, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, b.row, 1, m->measures[k], ctx->f_int, NULL, error))
        return FALSE;
      b.row++;
    }
  if (!block_header (&b, "Maatregelen naar status", status_headers, error))
    return FALSE;
  for (int s = 0; s < HRB_N_MEASURE_STATUS; s++)
    {
      if (!hrb_xlsx_text (ctx, ws, b.row, 0, hrb_export_nl_measure_status (s), NULL, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, b.row, 1, m->measures_by_status[s], ctx->f_int, NULL, error))
        return FALSE;
      b.row++;
    }

  if (!block_header (&b, "Te laat", overdue_headers, error))
    return FALSE;
  for (guint i = 0; m->overdue && i < m->overdue->len; i++)
    {
      HrbDossier *d = m->overdue->pdata[i];
      int late = d->due_date ? hrb_days_between (d->due_date, ctx->today) : G_MININT;

      if (!hrb_xlsx_number (ctx, ws, b.row, 0, d->id, NULL, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, b.row, 1, d->medicine, NULL, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, b.row, 2, d->indication ? d->indication : "(alle indicaties)",
                          NULL, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, b.row, 3, hrb_export_nl_stage (d->stage), NULL, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, b.row, 4, hrb_export_nl_party (d->party), NULL, NULL, error) ||
          !hrb_xlsx_date (ctx, ws, b.row, 5, d->due_date, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, b.row, 6, late == G_MININT ? NAN : late, ctx->f_int, NULL,
                            error))
        return FALSE;
      b.row++;
    }
  if ((m->overdue == NULL || m->overdue->len == 0) &&
      !hrb_xlsx_text (ctx, ws, b.row++, 0, "Geen dossiers te laat.", NULL, NULL, error))
    return FALSE;

  hrb_export_setup_print (ctx, ws, "Monitoring", -1);
  return hrb_export_step_progress (ctx, 1.0, error);
}
