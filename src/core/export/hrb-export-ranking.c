/* hrb-export-ranking.c: the ranking sheets ("Prospectief", "Retrospectief",
 * or one sheet for a frozen list).
 *
 * A live list is scored here with the same calls as the CLI's `score`
 * (hrb_scoring_load(), hrb_score()) and written straight from the engine's
 * arrays, without building a row object per item: at 100,000 items that
 * keeps the memory for the workbook itself. A frozen list is written from
 * its stored rows, exactly as it was frozen; only INN, ATC and setting (not
 * part of a frozen row) and the dossier columns (the state on the export
 * date) come from the current data.
 */
#include "hrb-i18n.h"
#include "hrb-export-private.h"
#include "hrb-export-labels.h"
#include "hrb-export-ranking.h"
#include "hrb-store-dossier.h"
#include "hrb-store-scoring.h"

#include <string.h>

/* Fixed columns before the contributions. */
enum {
  COL_RANK, COL_BEST, COL_WORST, COL_SCORE, COL_UNSTABLE, COL_ELIGIBLE, COL_MEDICINE, COL_INN,
  COL_ATC, COL_INDICATION, COL_DOMAIN, COL_SETTING, COL_PATIENTS_LOW, COL_PATIENTS_HIGH,
  COL_COST, COL_BUDGET_LOW, COL_BUDGET_HIGH, COL_RELATIVE, COL_SLUIS, COL_STAGE, COL_PARTY,
  N_FIXED_COLUMNS
};

static const char *fixed_headers[N_FIXED_COLUMNS] = {
  "Rang", "Beste rang", "Slechtste rang", "Score", "Instabiel", "In aanmerking",
  "Geneesmiddel", "Werkzame stof", "ATC", "Indicatie", "Domein", "Setting",
  "Patiënten (laag)", "Patiënten (hoog)", "Kosten per patiënt per jaar",
  "Budgetimpact (laag)", "Budgetimpact (hoog)", "Relatieve budgetimpact", "Sluis",
  "Dossierfase", "Aan zet",
};

/* Columns after the contributions. */
enum { TAIL_REASON, TAIL_ITEM_ID, TAIL_ADVICE, TAIL_REMARK, N_TAIL_COLUMNS };
static const char *tail_headers[N_TAIL_COLUMNS] = {
  "Reden niet in aanmerking", "Item-id", "Advies triagetafel", "Toelichting",
};

#define MEDICINE_LEVEL "(alle indicaties)"
#define REASON_WIDTH 30

struct _HrbExportRanking {
  HrbMethod      *method;       /* owned (live) or the frozen list's */
  GPtrArray      *criteria;     /* HrbCriterion* of the enabled criteria (not owned) */
  HrbScoreInput  *in;           /* live */
  HrbScoreResult *result;
  HrbFrozenList  *frozen;
  GHashTable     *items;        /* frozen: item id → HrbItem* (owned by item_list) */
  GPtrArray      *item_list;
  GHashTable     *dossiers;     /* item id → HrbDossier* (owned by dossier_list) */
  GPtrArray      *dossier_list;
  HrbStream       stream;
};

static void
ranking_free (HrbExportRanking *r)
{
  if (r == NULL)
    return;
  if (r->frozen == NULL)
    g_clear_pointer (&r->method, hrb_method_free);
  g_clear_pointer (&r->criteria, g_ptr_array_unref);
  g_clear_pointer (&r->in, hrb_score_input_free);
  g_clear_pointer (&r->result, hrb_score_result_free);
  g_clear_pointer (&r->frozen, hrb_frozen_list_free);
  g_clear_pointer (&r->items, g_hash_table_unref);
  g_clear_pointer (&r->item_list, g_ptr_array_unref);
  g_clear_pointer (&r->dossiers, g_hash_table_unref);
  g_clear_pointer (&r->dossier_list, g_ptr_array_unref);
  g_free (r);
}

HrbExportRanking *
hrb_export_get_ranking (HrbExportContext *ctx)
{
  return ctx->ranking;
}

/* The items the lists were made from (HrbItem*), for the sources sheet. */
GPtrArray *
hrb_export_ranking_items (HrbExportRanking *r)
{
  if (r == NULL)
    return NULL;
  if (r->frozen)
    return r->item_list;
  return r->in ? r->in->items : NULL;
}

gboolean
hrb_export_ranking_is_frozen (HrbExportRanking *r)
{
  return r != NULL && r->frozen != NULL;
}

HrbFrozenList *
hrb_export_ranking_frozen (HrbExportRanking *r)
{
  return r ? r->frozen : NULL;
}

const HrbMethod *
hrb_export_ranking_method (HrbExportRanking *r)
{
  return r ? r->method : NULL;
}

static gboolean
load_dossiers (HrbExportContext *ctx, HrbExportRanking *r, GError **error)
{
  g_autoptr(GError) local = NULL;

  r->dossier_list = hrb_store_list_dossiers (ctx->store, FALSE, &local);
  if (r->dossier_list == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  r->dossiers = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* By id: a later (open) dossier of the same item wins over a finished one. */
  for (guint i = 0; i < r->dossier_list->len; i++)
    {
      HrbDossier *d = r->dossier_list->pdata[i];
      HrbDossier *old = g_hash_table_lookup (r->dossiers, &d->item_id);

      if (old == NULL || !hrb_stage_is_final (d->stage) || hrb_stage_is_final (old->stage))
        g_hash_table_insert (r->dossiers, &d->item_id, d);
    }
  return TRUE;
}

static void
collect_criteria (HrbExportRanking *r)
{
  r->criteria = g_ptr_array_new ();
  for (guint i = 0; i < r->method->criteria->len; i++)
    {
      HrbCriterion *c = r->method->criteria->pdata[i];

      if (c->enabled)
        g_ptr_array_add (r->criteria, c);
    }
}

gboolean
hrb_export_ranking_prepare (HrbExportContext *ctx, GError **error)
{
  const HrbExportOptions *o = ctx->options;
  HrbExportRanking *r = g_new0 (HrbExportRanking, 1);
  g_autoptr(GError) local = NULL;

  ctx->ranking = r;
  ctx->ranking_free = (GDestroyNotify) ranking_free;
  r->stream = o->stream;

  if (o->frozen_list != NULL)
    {
      r->frozen = hrb_store_get_frozen (ctx->store, o->frozen_list, &local);
      if (r->frozen == NULL)
        {
          if (g_error_matches (local, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND) ||
              g_error_matches (local, HRB_SCORING_ERROR, HRB_SCORING_ERROR_NOT_FOUND))
            g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NOT_FOUND,
                         _("There is no frozen list named “%s”"), o->frozen_list);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (r->frozen->ranking == NULL || r->frozen->ranking->method == NULL)
        {
          g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_FAILED,
                       _("The frozen list “%s” has no rows"), o->frozen_list);
          return FALSE;
        }
      r->method = r->frozen->ranking->method;
      r->stream = r->frozen->stream;
      ctx->list_title = g_strdup (r->frozen->name);

      /* INN, ATC and setting are not part of a frozen row. */
      r->item_list = hrb_store_list_items (ctx->store, HRB_STREAM_ANY, error);
      if (r->item_list == NULL)
        return FALSE;
      r->items = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < r->item_list->len; i++)
        {
          HrbItem *item = r->item_list->pdata[i];
          g_hash_table_insert (r->items, &item->id, item);
        }
    }
  else
    {
      r->method = hrb_scoring_find_method (ctx->store, o->method, &local);
      if (r->method == NULL)
        {
          if (o->method != NULL)
            g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NOT_FOUND,
                         _("There is no prioritisation method named “%s”"), o->method);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!hrb_method_validate (r->method, error))
        return FALSE;
      ctx->list_title = g_strdup (hrb_export_nl_stream (o->stream));
      if (o->sheets == 0 || (o->sheets & (HRB_EXPORT_SHEET_RANKING | HRB_EXPORT_SHEET_SOURCES)))
        {
          r->in = hrb_scoring_load (ctx->store, o->stream, ctx->today, error);
          if (r->in == NULL)
            return FALSE;
          r->result = hrb_score (r->method, r->in, NULL, NULL);
          /* Only explanations need the previous figures and expert reasons. */
          g_clear_pointer (&r->in->previous, g_ptr_array_unref);
          g_clear_pointer (&r->in->expert_reason, g_ptr_array_unref);
        }
    }
  collect_criteria (r);
  return load_dossiers (ctx, r, error);
}

/* Writing ------------------------------------------------------------------------- */

typedef struct {
  HrbExportContext *ctx;
  HrbExportRanking *r;
  lxw_worksheet    *ws;
  HrbColumnWidths  *widths;
  guint             n_columns;
  guint             n_contrib;
  guint             first_tail;
} SheetWriter;

static gboolean
write_dossier (SheetWriter *w, guint row, gint64 item_id, GError **error)
{
  HrbDossier *d = g_hash_table_lookup (w->r->dossiers, &item_id);

  if (d == NULL)
    return TRUE;
  return hrb_xlsx_text (w->ctx, w->ws, row, COL_STAGE, hrb_export_nl_stage (d->stage), NULL,
                        w->widths, error) &&
         hrb_xlsx_text (w->ctx, w->ws, row, COL_PARTY,
                        hrb_stage_is_final (d->stage) ? "" : hrb_export_nl_party_short (d->party),
                        NULL, w->widths, error);
}

static gboolean
write_item_identity (SheetWriter *w, guint row, const HrbItem *item, GError **error)
{
  if (item == NULL)
    return TRUE;
  return hrb_xlsx_text (w->ctx, w->ws, row, COL_INN, item->medicine.inn, NULL, w->widths, error) &&
         hrb_xlsx_text (w->ctx, w->ws, row, COL_ATC, item->medicine.atc, NULL, w->widths, error) &&
         hrb_xlsx_text (w->ctx, w->ws, row, COL_SETTING, hrb_export_nl_setting (item->setting),
                        NULL, w->widths, error);
}

static gboolean
write_common (SheetWriter *w, guint row, guint rank, guint best, guint worst, double score,
              gboolean unstable, gboolean eligible, const char *medicine,
              const char *indication, const char *domain, GError **error)
{
  HrbExportContext *ctx = w->ctx;
  lxw_worksheet *ws = w->ws;
  HrbColumnWidths *wd = w->widths;

  if (eligible && rank > 0)
    {
      if (!hrb_xlsx_number (ctx, ws, row, COL_RANK, rank, NULL, wd, error) ||
          !hrb_xlsx_number (ctx, ws, row, COL_BEST, best, NULL, wd, error) ||
          !hrb_xlsx_number (ctx, ws, row, COL_WORST, worst, NULL, wd, error))
        return FALSE;
    }
  /* "Instabiel" and "Sluis" say "ja" or stay empty: at 100,000 rows the
   * empty cells keep the workbook smaller and faster to write. */
  return hrb_xlsx_number (ctx, ws, row, COL_SCORE, score, ctx->f_score, wd, error) &&
         (!unstable || hrb_xlsx_bool (ctx, ws, row, COL_UNSTABLE, TRUE, wd, error)) &&
         hrb_xlsx_bool (ctx, ws, row, COL_ELIGIBLE, eligible, wd, error) &&
         hrb_xlsx_text (ctx, ws, row, COL_MEDICINE, medicine, ctx->f_bold, wd, error) &&
         hrb_xlsx_text (ctx, ws, row, COL_INDICATION, indication ? indication : MEDICINE_LEVEL,
                        NULL, wd, error) &&
         hrb_xlsx_text (ctx, ws, row, COL_DOMAIN, domain, NULL, wd, error);
}

static gboolean
write_figures (SheetWriter *w, guint row, HrbRange patients, double cost, HrbRange budget,
               double relative, gboolean sluis, GError **error)
{
  HrbExportContext *ctx = w->ctx;
  lxw_worksheet *ws = w->ws;
  HrbColumnWidths *wd = w->widths;

  return hrb_xlsx_number (ctx, ws, row, COL_PATIENTS_LOW, patients.low, ctx->f_int, wd, error) &&
         hrb_xlsx_number (ctx, ws, row, COL_PATIENTS_HIGH, patients.high, ctx->f_int, wd, error) &&
         hrb_xlsx_number (ctx, ws, row, COL_COST, cost, ctx->f_euro, wd, error) &&
         hrb_xlsx_number (ctx, ws, row, COL_BUDGET_LOW, budget.low, ctx->f_euro, wd, error) &&
         hrb_xlsx_number (ctx, ws, row, COL_BUDGET_HIGH, budget.high, ctx->f_euro, wd, error) &&
         hrb_xlsx_number (ctx, ws, row, COL_RELATIVE, relative, ctx->f_percent, wd, error) &&
         (!sluis || hrb_xlsx_bool (ctx, ws, row, COL_SLUIS, TRUE, wd, error));
}

static gboolean
write_tail (SheetWriter *w, guint row, const char *reason, gint64 item_id, GError **error)
{
  return hrb_xlsx_text (w->ctx, w->ws, row, w->first_tail + TAIL_REASON, reason, w->ctx->f_wrap,
                        w->widths, error) &&
         hrb_xlsx_number (w->ctx, w->ws, row, w->first_tail + TAIL_ITEM_ID, item_id, NULL,
                          w->widths, error);
}

/* A row of a live list: index i of the engine's arrays. */
static gboolean
write_live_row (SheetWriter *w, guint row, guint i, GError **error)
{
  HrbExportRanking *r = w->r;
  HrbScoreResult *res = r->result;
  const HrbItem *item = r->in->items->pdata[i];
  gboolean eligible = res->eligibility[i] == HRB_ELIGIBLE;
  g_autofree char *reason = NULL;

  if (!write_common (w, row, res->rank[i], res->rank_best[i], res->rank_worst[i],
                     res->score[HRB_POINT][i], res->unstable[i], eligible,
                     hrb_medicine_display_name (&item->medicine), item->indication, item->domain,
                     error) ||
      !write_item_identity (w, row, item, error) ||
      /* The figures as scored (as a frozen row keeps them): an unknown low
       * or high end counts as the point value. */
      !write_figures (w, row,
                      (HrbRange) { r->in->patients[HRB_LOW][i], r->in->patients[HRB_HIGH][i] },
                      r->in->cost[HRB_POINT][i],
                      (HrbRange) { r->in->budget[HRB_LOW][i], r->in->budget[HRB_HIGH][i] },
                      res->relative[i], res->sluis[i], error) ||
      !write_dossier (w, row, item->id, error))
    return FALSE;
  for (guint c = 0; c < w->n_contrib; c++)
    if (!hrb_xlsx_number (w->ctx, w->ws, row, N_FIXED_COLUMNS + c,
                          res->contrib[(gsize) i * res->n_criteria + c], w->ctx->f_number,
                          w->widths, error))
      return FALSE;
  if (!eligible)
    reason = hrb_export_nl_ineligible (r->method, res->eligibility[i]);
  if (reason)
    hrb_xlsx_set_lines (w->ws, row, hrb_xlsx_text_lines (reason, REASON_WIDTH));
  return write_tail (w, row, reason, item->id, error);
}

/* A row of a frozen list, as stored. */
static gboolean
write_frozen_row (SheetWriter *w, guint row, const HrbRankingRow *fr, GError **error)
{
  HrbExportRanking *r = w->r;
  const HrbItem *item = g_hash_table_lookup (r->items, &fr->item_id);

  if (!write_common (w, row, fr->rank, fr->rank_best, fr->rank_worst, fr->score, fr->unstable,
                     fr->eligible, fr->medicine, fr->indication, fr->domain, error) ||
      !write_item_identity (w, row, item, error) ||
      !write_figures (w, row, fr->patients, fr->cost_point, fr->budget_impact,
                      fr->relative_budget_impact, fr->sluis, error) ||
      !write_dossier (w, row, fr->item_id, error))
    return FALSE;
  for (guint c = 0; c < w->n_contrib && c < fr->n_details; c++)
    if (!hrb_xlsx_number (w->ctx, w->ws, row, N_FIXED_COLUMNS + c, fr->details[c].contribution,
                          w->ctx->f_number, w->widths, error))
      return FALSE;
  if (fr->reason)
    hrb_xlsx_set_lines (w->ws, row, hrb_xlsx_text_lines (fr->reason, REASON_WIDTH));
  return write_tail (w, row, fr->reason, fr->item_id, error);
}

static char *
table_name_for (const char *sheet)
{
  GString *s = g_string_new ("Lijst_");

  for (const char *p = sheet; *p && s->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (s, *p);
    else if (s->str[s->len - 1] != '_')
      g_string_append_c (s, '_');
  return g_string_free (s, FALSE);
}

static double
longest_word (const char *text)
{
  glong longest = 0, cur = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (*p == ' ')
        cur = 0;
      else
        longest = MAX (longest, ++cur);
    }
  return longest;
}

static char *
contrib_header (const HrbCriterion *c, GPtrArray *seen)
{
  char *h = g_strdup_printf ("Bijdrage %s", hrb_export_nl_criterion (c));

  /* Table headers must be unique. */
  for (guint i = 0; i < seen->len; i++)
    if (g_utf8_collate (seen->pdata[i], h) == 0 || g_ascii_strcasecmp (seen->pdata[i], h) == 0)
      {
        g_free (h);
        h = g_strdup_printf ("Bijdrage %s (%s)", hrb_export_nl_criterion (c), c->id);
        break;
      }
  return h;
}

/* Header cells, the table, the data bar, the dropdown, panes, widths and
 * printing of a ranking sheet of n_rows data rows. */
static gboolean
finish_sheet (SheetWriter *w, const char *sheet_name, guint n_rows, GError **error)
{
  HrbExportContext *ctx = w->ctx;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree lxw_table_column *columns = g_new0 (lxw_table_column, w->n_columns);
  g_autofree lxw_table_column **column_ptrs = g_new0 (lxw_table_column *, w->n_columns + 1);
  g_autofree char *table_name = table_name_for (sheet_name);
  guint last_row = MAX (n_rows, 1);
  lxw_table_options table = { 0 };
  lxw_conditional_format bar = { 0 };
  lxw_data_validation advice = { 0 };
  guint advice_col = w->first_tail + TAIL_ADVICE;
  guint remark_col = w->first_tail + TAIL_REMARK;

  for (guint c = 0; c < N_FIXED_COLUMNS; c++)
    g_ptr_array_add (headers, g_strdup (fixed_headers[c]));
  for (guint c = 0; c < w->n_contrib; c++)
    g_ptr_array_add (headers, contrib_header (w->r->criteria->pdata[c], headers));
  for (guint c = 0; c < N_TAIL_COLUMNS; c++)
    g_ptr_array_add (headers, g_strdup (tail_headers[c]));

  for (guint c = 0; c < w->n_columns; c++)
    {
      columns[c].header = headers->pdata[c];
      columns[c].header_format = ctx->f_header;
      column_ptrs[c] = &columns[c];
      /* Headers wrap (the header row is three lines high): the longest
       * word sets the minimum. */
      hrb_column_widths_note (w->widths, c, longest_word (headers->pdata[c]) + 2.5);
    }
  table.name = table_name;
  table.columns = column_ptrs;
  table.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  table.style_type_number = 9;
  if (!hrb_xlsx_check (worksheet_add_table (w->ws, 0, 0, last_row, w->n_columns - 1, &table),
                       "the table", error))
    return FALSE;

  bar.type = LXW_CONDITIONAL_DATA_BAR;
  bar.bar_color = 0x5B9BD5;
  bar.bar_solid = LXW_TRUE;
  bar.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
  bar.min_value = 0;
  bar.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
  bar.max_value = 100;
  if (!hrb_xlsx_check (worksheet_conditional_format_range (w->ws, 1, COL_SCORE, last_row,
                                                           COL_SCORE, &bar),
                       "the data bar", error))
    return FALSE;

  advice.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  advice.value_formula = ctx->choices_range;
  advice.input_title = (char *) "Advies triagetafel";
  advice.input_message = (char *) "Kies het advies van de triagetafel uit de lijst.";
  advice.error_title = (char *) "Advies triagetafel";
  advice.error_message = (char *) "Kies een advies uit de lijst (of laat de cel leeg).";
  advice.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  if (!hrb_xlsx_check (worksheet_data_validation_range (w->ws, 1, advice_col, last_row,
                                                        advice_col, &advice),
                       "the dropdown", error))
    return FALSE;

  worksheet_freeze_panes (w->ws, 1, COL_MEDICINE + 1);
  hrb_column_widths_note (w->widths, advice_col, 28);
  hrb_column_widths_note (w->widths, remark_col, 36);
  hrb_column_widths_note (w->widths, COL_SCORE, 12);   /* room for the data bar */
  w->widths->width[w->first_tail + TAIL_REASON] = REASON_WIDTH;
  hrb_column_widths_apply (w->widths, w->ws, 6);
  worksheet_set_column (w->ws, advice_col, advice_col, w->widths->width[advice_col], ctx->f_input);
  worksheet_set_column (w->ws, remark_col, remark_col, w->widths->width[remark_col], ctx->f_input);
  worksheet_set_row (w->ws, 0, 45, NULL);
  hrb_export_setup_print (ctx, w->ws, sheet_name, 0);
  return TRUE;
}

static SheetWriter
writer_new (HrbExportContext *ctx, lxw_worksheet *ws)
{
  HrbExportRanking *r = ctx->ranking;
  SheetWriter w = { ctx, r, ws, NULL, 0, 0, 0 };

  w.n_contrib = r->criteria->len;
  w.first_tail = N_FIXED_COLUMNS + w.n_contrib;
  w.n_columns = w.first_tail + N_TAIL_COLUMNS;
  w.widths = hrb_column_widths_new (w.n_columns, 42);
  return w;
}

static gboolean
write_live_sheet (HrbExportContext *ctx, HrbStream stream, double share, GError **error)
{
  HrbExportRanking *r = ctx->ranking;
  const char *name = hrb_export_nl_stream (stream);
  lxw_worksheet *ws = hrb_export_add_sheet (ctx, name, error);
  SheetWriter w;
  guint row = 0;
  gboolean ok = FALSE;
  double base = ctx->step_base;
  double span = ctx->step_span;

  if (ws == NULL)
    return FALSE;
  w = writer_new (ctx, ws);
  for (guint k = 0; k < r->result->n; k++)
    {
      guint i = r->result->order[k];

      if (r->in->stream[i] != (guint8) stream)
        continue;
      if (!write_live_row (&w, ++row, i, error))
        goto out;
      if ((row & 2047) == 0)
        {
          ctx->step_base = base;
          ctx->step_span = span;
          if (!hrb_export_step_progress (ctx, share * k / MAX (r->result->n, 1), error))
            goto out;
        }
    }
  ok = finish_sheet (&w, ((const char **) ctx->sheet_names->pdata)[ctx->sheet_names->len - 1],
                     row, error);
out:
  hrb_column_widths_free (w.widths);
  return ok;
}

static gboolean
write_frozen_sheet (HrbExportContext *ctx, GError **error)
{
  HrbExportRanking *r = ctx->ranking;
  GPtrArray *rows = r->frozen->ranking->rows;
  lxw_worksheet *ws = hrb_export_add_sheet (ctx, r->frozen->name, error);
  SheetWriter w;
  gboolean ok = FALSE;

  if (ws == NULL)
    return FALSE;
  w = writer_new (ctx, ws);
  for (guint k = 0; k < rows->len; k++)
    {
      if (!write_frozen_row (&w, k + 1, rows->pdata[k], error))
        goto out;
      if (((k + 1) & 2047) == 0 && !hrb_export_step_progress (ctx, (double) k / rows->len, error))
        goto out;
    }
  ok = finish_sheet (&w, ((const char **) ctx->sheet_names->pdata)[ctx->sheet_names->len - 1],
                     rows->len, error);
out:
  hrb_column_widths_free (w.widths);
  return ok;
}

gboolean
hrb_export_ranking_sheets (HrbExportContext *ctx, GError **error)
{
  HrbExportRanking *r = ctx->ranking;

  if (r->frozen)
    return write_frozen_sheet (ctx, error);
  if (r->stream == HRB_STREAM_ANY)
    {
      double base = ctx->step_base, span = ctx->step_span;
      gboolean ok;

      ctx->step_span = span / 2;
      ok = write_live_sheet (ctx, HRB_STREAM_PROSPECTIVE, 1.0, error);
      ctx->step_base = base + span / 2;
      ok = ok && write_live_sheet (ctx, HRB_STREAM_RETROSPECTIVE, 1.0, error);
      ctx->step_base = base;
      ctx->step_span = span;
      return ok;
    }
  return write_live_sheet (ctx, r->stream, 1.0, error);
}
