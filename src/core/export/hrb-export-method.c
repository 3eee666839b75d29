/* hrb-export-method.c: the "Methode" sheet (the method in plain words) and
 * the "Bronnen" sheet (import batches, origin of the figures, caveats). */
#include "hrb-i18n.h"
#include "hrb-export-private.h"
#include "hrb-export-labels.h"
#include "hrb-export-ranking.h"

#include <string.h>

static char *
nl_value (HrbInput input, double v)
{
  g_autofree char *n = NULL;

  switch (input)
    {
    case HRB_INPUT_BUDGET_IMPACT:
    case HRB_INPUT_COST_PER_PATIENT:
      n = hrb_export_nl_number (v, 0);
      return g_strdup_printf ("€ %s", n);
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
    case HRB_INPUT_GROWTH:
      n = hrb_export_nl_number (v * 100, 2);
      return g_strdup_printf ("%s %%", n);
    case HRB_INPUT_PATIENTS:
      n = hrb_export_nl_number (v, 0);
      return g_strdup_printf ("%s patiënten", n);
    case HRB_INPUT_UNCERTAINTY:
    case HRB_INPUT_MARKET:
    case HRB_INPUT_EXPERT:
    case HRB_N_INPUTS:
    default:
      n = hrb_export_nl_number (v, 1);
      return g_strdup_printf ("%s punten", n);
    }
}

static const char *
input_meaning (const HrbCriterion *c)
{
  switch (c->input)
    {
    case HRB_INPUT_PATIENTS:
      return "Het aantal patiënten per jaar.";
    case HRB_INPUT_BUDGET_IMPACT:
      return "De uitgaven per jaar: het opgegeven totaal, anders patiënten × kosten per patiënt.";
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
      return c->reference == HRB_REFERENCE_DOMAIN
             ? "De budgetimpact als deel van het totaal van de items in aanmerking van dezelfde "
               "lijst en hetzelfde ziektedomein."
             : "De budgetimpact als deel van het totaal van alle items in aanmerking van dezelfde "
               "lijst.";
    case HRB_INPUT_COST_PER_PATIENT:
      return "De kosten per patiënt per jaar.";
    case HRB_INPUT_GROWTH:
      return "De groei van de uitgaven ten opzichte van de vorige peildatum.";
    case HRB_INPUT_UNCERTAINTY:
      return "Onzekerheid over de effectiviteit, als punten per kenmerk van het middel.";
    case HRB_INPUT_MARKET:
      return "Een marktsignaal: de exclusiviteit loopt binnenkort af (een reden om opnieuw te "
             "kijken, geen straf).";
    case HRB_INPUT_EXPERT:
      return "Een handmatige expertscore (0 tot 100) met een verplichte motivering.";
    case HRB_N_INPUTS:
    default:
      return "";
    }
}

static char *
transform_words (const HrbCriterion *c)
{
  g_autofree char *zero = nl_value (c->input, c->anchor_zero);
  g_autofree char *full = nl_value (c->input, c->anchor_full);
  GString *s = g_string_new (NULL);

  switch (c->transform)
    {
    case HRB_TRANSFORM_LOG:
      g_string_printf (s, "Logaritmisch: %s of minder geeft 0 punten, %s of meer geeft 100. "
                          "Daartussen telt elke verdubbeling even zwaar.", zero, full);
      break;
    case HRB_TRANSFORM_LINEAR:
      g_string_printf (s, "Evenredig: %s of minder geeft 0 punten, %s of meer geeft 100.",
                       zero, full);
      break;
    case HRB_TRANSFORM_BANDS:
      g_string_assign (s, "In klassen van 1 tot 9 (klasse 1 = 0 punten, klasse 9 = 100): ");
      for (guint b = 0; b < c->n_bands && b < HRB_MAX_BANDS; b++)
        {
          g_autofree char *t = nl_value (c->input, c->band_threshold[b]);
          g_string_append_printf (s, "%svanaf %s klasse %d", b ? "; " : "", t, c->band_value[b]);
        }
      g_string_append (s, "; daaronder klasse 1.");
      break;
    case HRB_TRANSFORM_POINTS:
    case HRB_N_TRANSFORMS:
    default:
      if (c->input == HRB_INPUT_UNCERTAINTY)
        {
          g_autofree char *cap = hrb_export_nl_number (c->points_cap, 0);
          gboolean first = TRUE;

          g_string_assign (s, "Punten, opgeteld: ");
          for (guint f = 0; f < HRB_N_FLAGS; f++)
            if (c->flag_points[f] > 0)
              {
                g_autofree char *p = hrb_export_nl_number (c->flag_points[f], 0);
                g_string_append_printf (s, "%s%s %s", first ? "" : ", ",
                                        hrb_export_nl_flag (f), p);
                first = FALSE;
              }
          g_string_append_printf (s, "; samen hoogstens %s.", cap);
        }
      else if (c->input == HRB_INPUT_MARKET)
        {
          g_autofree char *p = hrb_export_nl_number (c->market_points, 0);
          g_autofree char *y = hrb_export_nl_number (c->loe_years, 1);
          g_string_printf (s, "%s punten als de exclusiviteit binnen %s jaar afloopt, anders 0.",
                           p, y);
        }
      else
        g_string_assign (s, "De waarde zelf is de criteriumscore (0 tot 100).");
      break;
    }
  return g_string_free (s, FALSE);
}

static const char *
tie_words (HrbTieKey k)
{
  switch (k)
    {
    case HRB_TIE_BUDGET_IMPACT:
      return "hoogste budgetimpact eerst";
    case HRB_TIE_PATIENTS:
      return "meeste patiënten eerst";
    case HRB_TIE_MEDICINE:
      return "naam van het geneesmiddel (alfabetisch)";
    case HRB_TIE_ITEM_ID:
    case HRB_N_TIE_KEYS:
    default:
      return "itemnummer";
    }
}

typedef struct {
  HrbExportContext *ctx;
  lxw_worksheet    *ws;
  guint             row;
  double            text_width;   /* of column B, for row heights */
} Page;

static gboolean
line (Page *p, const char *label, const char *text, lxw_format *fmt, GError **error)
{
  if (label && !hrb_xlsx_text (p->ctx, p->ws, p->row, 0, label, p->ctx->f_bold, NULL, error))
    return FALSE;
  if (text && !hrb_xlsx_text (p->ctx, p->ws, p->row, 1, text, fmt ? fmt : p->ctx->f_wrap, NULL,
                              error))
    return FALSE;
  hrb_xlsx_set_lines (p->ws, p->row, hrb_xlsx_text_lines (text, p->text_width));
  p->row++;
  return TRUE;
}

/* A label and a long text over columns B to K (merged, with a row height
 * for the wrapped text: Excel does not fit merged rows itself). */
static gboolean
wide_line (Page *p, const char *label, const char *text, lxw_format *fmt, GError **error)
{

  if (!hrb_xlsx_text (p->ctx, p->ws, p->row, 0, label, p->ctx->f_bold, NULL, error) ||
      !hrb_xlsx_check (worksheet_merge_range (p->ws, p->row, 1, p->row, 10, "", fmt),
                       "text", error) ||
      !hrb_xlsx_text (p->ctx, p->ws, p->row, 1, text, fmt, NULL, error))
    return FALSE;
  hrb_xlsx_set_lines (p->ws, p->row, hrb_xlsx_text_lines (text, 34 + 9 * 14));
  p->row++;
  return TRUE;
}

static gboolean
heading (Page *p, const char *text, GError **error)
{
  p->row++;
  if (!hrb_xlsx_text (p->ctx, p->ws, p->row, 0, text, p->ctx->f_subtitle, NULL, error))
    return FALSE;
  p->row++;
  return TRUE;
}

gboolean
hrb_export_method_sheet (HrbExportContext *ctx, GError **error)
{
  HrbExportRanking *r = hrb_export_get_ranking (ctx);
  const HrbMethod *m = hrb_export_ranking_method (r);
  HrbFrozenList *frozen = hrb_export_ranking_frozen (r);
  lxw_worksheet *ws = hrb_export_add_sheet (ctx, "Methode", error);
  Page p = { ctx, ws, 0, 90 };
  g_autofree char *version = NULL;
  g_autofree char *eligibility = NULL;
  g_autofree char *unstable = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *list = NULL;
  GString *t;
  double total_weight = 0;
  guint header_row;

  if (ws == NULL || m == NULL)
    return ws != NULL;
  worksheet_set_column (ws, 0, 0, 28, NULL);
  worksheet_set_column (ws, 1, 1, 90, NULL);
  worksheet_set_column (ws, 2, 2, 70, NULL);
  worksheet_set_column (ws, 3, 4, 12, NULL);

  if (!hrb_xlsx_text (ctx, ws, p.row++, 0, ctx->internal
                      ? "Hoe de rangorde tot stand komt (VERTROUWELIJK: interne werkmap, niet delen)"
                      : "Hoe de rangorde tot stand komt", ctx->f_title, NULL, error))
    return FALSE;
  p.row++;
  version = m->builtin ? g_strdup_printf ("%d (ingebouwde standaardmethode)", m->version)
                       : g_strdup_printf ("%d", m->version);
  if (frozen)
    list = g_strdup_printf ("Vastgestelde lijst “%s” van %s (%s). De rangorde en de cijfers zijn "
                            "die van het moment van vaststellen.", frozen->name,
                            frozen->date ? frozen->date : "", hrb_export_nl_stream (frozen->stream));
  else
    list = g_strdup_printf ("%s, berekend met de gegevens van %s.", ctx->list_title, ctx->today_nl);
  if (!line (&p, "Lijst", list, NULL, error) ||
      !line (&p, "Methode", m->name, NULL, error) ||
      !line (&p, "Versie", version, NULL, error) ||
      !line (&p, "Datum van de methode", m->created_at ? m->created_at : "(ingebouwd)", NULL, error) ||
      !line (&p, "Beschrijving", m->builtin ? "De standaardmethode: patiëntaantallen en "
             "budgetimpact (logaritmisch), relatieve budgetimpact en onzekerheid."
             : m->description, NULL, error))
    return FALSE;

  if (!heading (&p, "Wie komt in aanmerking", error))
    return FALSE;
  t = g_string_new ("Een item (geneesmiddel voor een indicatie) komt in aanmerking als ");
  if (hrb_is_known (m->min_cost_per_patient) && hrb_is_known (m->min_budget_impact))
    {
      g_autofree char *a = hrb_export_nl_number (m->min_cost_per_patient, 0);
      g_autofree char *b = hrb_export_nl_number (m->min_budget_impact, 0);
      g_string_append_printf (t, "de kosten per patiënt per jaar minstens € %s zijn, of de "
                                 "budgetimpact minstens € %s per jaar is.", a, b);
    }
  else if (hrb_is_known (m->min_cost_per_patient))
    {
      g_autofree char *a = hrb_export_nl_number (m->min_cost_per_patient, 0);
      g_string_append_printf (t, "de kosten per patiënt per jaar minstens € %s zijn.", a);
    }
  else if (hrb_is_known (m->min_budget_impact))
    {
      g_autofree char *b = hrb_export_nl_number (m->min_budget_impact, 0);
      g_string_append_printf (t, "de budgetimpact minstens € %s per jaar is.", b);
    }
  else
    g_string_append (t, "er gegevens over zijn.");
  g_string_append (t, " Daarbij tellen de puntwaarden. Een item zonder patiëntaantallen en zonder "
                      "budgetimpact komt niet in aanmerking (onvoldoende gegevens).");
  eligibility = g_string_free (t, FALSE);
  if (!line (&p, "Regel", eligibility, NULL, error) ||
      !line (&p, "Puntwaarde", "Veel cijfers zijn een bereik (laag tot hoog). De puntwaarde is het "
             "midden als beide grenzen bekend zijn, anders de bekende grens. Ontbreekt de lage of "
             "de hoge waarde, dan rekent de methode daar met de puntwaarde; de lijst toont de "
             "waarden waarmee gerekend is. Budgetimpact: het opgegeven totaal, anders patiënten × "
             "kosten per patiënt.", NULL, error))
    return FALSE;

  if (!heading (&p, "Criteria", error))
    return FALSE;
  for (guint i = 0; i < m->criteria->len; i++)
    {
      HrbCriterion *c = m->criteria->pdata[i];
      if (c->enabled)
        total_weight += c->weight;
    }
  header_row = p.row;
  if (!hrb_xlsx_text (ctx, ws, p.row, 0, "Criterium", ctx->f_header, NULL, error) ||
      !hrb_xlsx_text (ctx, ws, p.row, 1, "Wat het meet", ctx->f_header, NULL, error) ||
      !hrb_xlsx_text (ctx, ws, p.row, 2, "Omrekening naar 0 tot 100 punten", ctx->f_header, NULL,
                      error) ||
      !hrb_xlsx_text (ctx, ws, p.row, 3, "Gewicht", ctx->f_header, NULL, error) ||
      !hrb_xlsx_text (ctx, ws, p.row, 4, "Aandeel", ctx->f_header, NULL, error))
    return FALSE;
  p.row++;
  for (guint i = 0; i < m->criteria->len; i++)
    {
      HrbCriterion *c = m->criteria->pdata[i];
      g_autofree char *words = NULL;

      if (!c->enabled)
        continue;
      words = transform_words (c);
      if (!hrb_xlsx_text (ctx, ws, p.row, 0, hrb_export_nl_criterion (c), ctx->f_bold, NULL,
                          error) ||
          !hrb_xlsx_text (ctx, ws, p.row, 1, input_meaning (c), ctx->f_wrap, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, p.row, 2, words, ctx->f_wrap, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 3, c->weight, ctx->f_number, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 4, total_weight > 0 ? c->weight / total_weight : NAN,
                            ctx->f_percent, NULL, error))
        return FALSE;
      hrb_xlsx_set_lines (ws, p.row, MAX (hrb_xlsx_text_lines (input_meaning (c), 90),
                                          hrb_xlsx_text_lines (words, 70)));
      p.row++;
    }
  (void) header_row;

  if (!heading (&p, "Formule", error))
    return FALSE;
  unstable = g_strdup_printf ("Elk item wordt ook gescoord met zijn lage en zijn hoge waarden. "
                              "Dat geeft een rangbereik: de beste en de slechtste rang die het "
                              "item binnen zijn onzekerheid kan hebben. Een item is instabiel als "
                              "dat bereik meer dan %u plaatsen omvat: behandel zijn plaats dan "
                              "met voorzichtigheid.", m->unstable_span);
  t = g_string_new ("Bij gelijke score: ");
  for (guint k = 0; k < m->n_tie_break; k++)
    g_string_append_printf (t, "%s%s", k ? ", dan " : "", tie_words (m->tie_break[k]));
  if (m->n_tie_break == 0)
    g_string_append (t, "itemnummer");
  g_string_append (t, ".");
  ties = g_string_free (t, FALSE);
  if (!line (&p, "Score", "Score = Σ (gewicht × criteriumscore) / Σ gewichten. Elke "
             "criteriumscore ligt tussen 0 en 100, en dus de score ook.", NULL, error) ||
      !line (&p, "Bijdrage", "De bijdrage van een criterium is gewicht × criteriumscore / Σ "
             "gewichten. De bijdragen in de lijst tellen precies op tot de score.", NULL, error) ||
      !line (&p, "Rang", "De prospectieve en de retrospectieve lijst worden elk apart gerangschikt, "
             "van hoogste naar laagste score. Items die niet in aanmerking komen staan onderaan, "
             "zonder rang, met de reden.", NULL, error) ||
      !line (&p, "Gelijke scores", ties, NULL, error) ||
      !line (&p, "Rangbereik", unstable, NULL, error) ||
      !line (&p, "Sluis", "Ja als de verwachte kosten minstens € 50.000 per patiënt per jaar zijn, "
             "of de budgetimpact minstens € 20 miljoen per jaar (pakketsluis).", NULL, error) ||
      !line (&p, "Dossierfase, Aan zet", "De stand van het dossier op de exportdatum.", NULL,
             error) ||
      !line (&p, "Advies triagetafel, Toelichting", "In te vullen door de commissie of de "
             "triagetafel; de keuzes staan in de keuzelijst van de cel.", NULL, error))
    return FALSE;
  hrb_export_setup_print (ctx, ws, "Methode", -1);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_portrait (ws);
  return hrb_export_step_progress (ctx, 1.0, error);
}

/* Bronnen --------------------------------------------------------------------------- */

typedef struct {
  char  *source;
  char  *vintage;
  guint  n;
  guint  n_list_price;
  guint  n_provisional;
  guint  n_manual;
} Origin;

static void
origin_free (Origin *o)
{
  g_free (o->source);
  g_free (o->vintage);
  g_free (o);
}

static int
origin_compare (gconstpointer a, gconstpointer b)
{
  const Origin *x = *(Origin * const *) a, *y = *(Origin * const *) b;
  int c = g_strcmp0 (x->source, y->source);

  return c ? c : g_strcmp0 (x->vintage, y->vintage);
}

gboolean
hrb_export_sources_sheet (HrbExportContext *ctx, GError **error)
{
  HrbExportRanking *r = hrb_export_get_ranking (ctx);
  HrbFrozenList *frozen = hrb_export_ranking_frozen (r);
  GPtrArray *items = hrb_export_ranking_items (r);
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GHashTable) per_batch = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GHashTable) origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) origin_list = g_ptr_array_new_with_free_func ((GDestroyNotify) origin_free);
  g_autoptr(GHashTable) frozen_ids = NULL;
  g_autoptr(GHashTable) medicines = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *c1 = NULL, *c2 = NULL, *c3 = NULL;
  lxw_worksheet *ws = hrb_export_add_sheet (ctx, "Bronnen", error);
  Page p = { ctx, ws, 0, 34 };
  guint n_items = 0, n_list = 0, n_prov = 0, n_medicine_level = 0, n_multi = 0;
  static const char *batch_headers[] = {
    "Bron", "Bestand", "Peildatum", "Rijen", "Nieuw", "Bijgewerkt", "Ongewijzigd", "Afgewezen",
    "Geïmporteerd op", "Door", "Items in deze werkmap",
  };
  static const char *origin_headers[] = {
    "Bron", "Peildatum", "Items", "Op basis van lijstprijzen", "Voorlopig jaar",
    "Handmatig ingevoerd",
  };

  if (ws == NULL)
    return FALSE;
  batches = hrb_store_list_batches (ctx->store, error);
  if (batches == NULL)
    return FALSE;

  if (frozen)
    {
      frozen_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < frozen->ranking->rows->len; i++)
        {
          HrbRankingRow *row = frozen->ranking->rows->pdata[i];
          g_hash_table_add (frozen_ids, &row->item_id);
        }
    }

  /* What the exported items' figures come from. */
  for (guint i = 0; items && i < items->len; i++)
    {
      const HrbItem *item = items->pdata[i];
      const HrbFigure *f = &item->figure;
      g_autofree char *key = NULL;
      Origin *o;
      guint *count;

      if (frozen_ids && !g_hash_table_contains (frozen_ids, &item->id))
        continue;
      n_items++;
      if (item->indication == NULL)
        n_medicine_level++;
      count = g_hash_table_lookup (medicines, &item->medicine_id);
      if (count == NULL)
        g_hash_table_insert (medicines, (gpointer) &item->medicine_id, GUINT_TO_POINTER (1));
      else if (GPOINTER_TO_UINT (count) == 1)
        {
          n_multi++;
          g_hash_table_insert (medicines, (gpointer) &item->medicine_id, GUINT_TO_POINTER (2));
        }
      if (f->id == 0)
        continue;
      if (f->list_price)
        n_list++;
      if (f->provisional)
        n_prov++;
      if (f->batch_id > 0)
        {
          guint *n = g_hash_table_lookup (per_batch, &f->batch_id);
          if (n == NULL)
            {
              n = g_new0 (guint, 1);
              g_hash_table_insert (per_batch, (gpointer) &f->batch_id, n);
            }
          (*n)++;
        }
      key = g_strdup_printf ("%s\x1f%s", f->source ? f->source : "", f->vintage ? f->vintage : "");
      o = g_hash_table_lookup (origins, key);
      if (o == NULL)
        {
          o = g_new0 (Origin, 1);
          o->source = g_strdup (f->source);
          o->vintage = g_strdup (f->vintage);
          g_ptr_array_add (origin_list, o);
          g_hash_table_insert (origins, g_steal_pointer (&key), o);
        }
      o->n++;
      o->n_list_price += f->list_price ? 1 : 0;
      o->n_provisional += f->provisional ? 1 : 0;
      o->n_manual += f->batch_id == 0 ? 1 : 0;
    }
  g_ptr_array_sort (origin_list, origin_compare);

  worksheet_set_column (ws, 0, 0, 26, NULL);
  worksheet_set_column (ws, 1, 1, 34, NULL);
  worksheet_set_column (ws, 2, 10, 14, NULL);
  if (!hrb_xlsx_text (ctx, ws, p.row++, 0, "Bronnen en kanttekeningen", ctx->f_title, NULL, error))
    return FALSE;

  if (!heading (&p, "Geïmporteerde bestanden", error))
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (batch_headers); c++)
    if (!hrb_xlsx_text (ctx, ws, p.row, c, batch_headers[c], ctx->f_header, NULL, error))
      return FALSE;
  p.row++;
  if (batches->len == 0 &&
      !line (&p, NULL, "Geen: de cijfers zijn handmatig ingevoerd of komen uit de demogegevens.",
             NULL, error))
    return FALSE;
  for (guint i = 0; i < batches->len; i++)
    {
      HrbBatch *b = batches->pdata[i];
      guint *n = g_hash_table_lookup (per_batch, &b->id);

      if (!hrb_xlsx_text (ctx, ws, p.row, 0, b->source, NULL, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, p.row, 1, b->file_name, NULL, NULL, error) ||
          !hrb_xlsx_date (ctx, ws, p.row, 2, b->vintage, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 3, b->n_new + b->n_updated + b->n_unchanged,
                            ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 4, b->n_new, ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 5, b->n_updated, ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 6, b->n_unchanged, ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 7, b->n_rejected, ctx->f_int, NULL, error) ||
          !hrb_xlsx_date (ctx, ws, p.row, 8, b->imported_at, NULL, error) ||
          !hrb_xlsx_text (ctx, ws, p.row, 9, b->author, NULL, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 10, n ? *n : 0, ctx->f_int, NULL, error))
        return FALSE;
      p.row++;
    }

  if (!heading (&p, frozen ? "Herkomst van de cijfers (huidige cijfers van de items op de lijst)"
                           : "Herkomst van de cijfers in deze werkmap", error))
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (origin_headers); c++)
    if (!hrb_xlsx_text (ctx, ws, p.row, c, origin_headers[c], ctx->f_header, NULL, error))
      return FALSE;
  p.row++;
  for (guint i = 0; i < origin_list->len; i++)
    {
      Origin *o = origin_list->pdata[i];

      if (!hrb_xlsx_text (ctx, ws, p.row, 0, o->source, NULL, NULL, error) ||
          !hrb_xlsx_date (ctx, ws, p.row, 1, o->vintage, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 2, o->n, ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 3, o->n_list_price, ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 4, o->n_provisional, ctx->f_int, NULL, error) ||
          !hrb_xlsx_number (ctx, ws, p.row, 5, o->n_manual, ctx->f_int, NULL, error))
        return FALSE;
      p.row++;
    }

  if (!heading (&p, "Kanttekeningen", error))
    return FALSE;
  c1 = g_strdup_printf ("De bedragen zijn meestal gebaseerd op lijstprijzen: vertrouwelijke "
                        "kortingen en prijsafspraken zijn niet bekend, dus de werkelijke uitgaven "
                        "kunnen lager zijn. %u van de %u items %s cijfers op basis van "
                        "lijstprijzen.", n_list, n_items, n_list == 1 ? "heeft" : "hebben");
  c2 = g_strdup_printf ("De laatste twee jaren in de GIPdatabank zijn voorlopig en kunnen nog "
                        "veranderen. %u %s cijfers uit een voorlopig jaar.", n_prov,
                        n_prov == 1 ? "item heeft" : "items hebben");
  c3 = g_strdup_printf ("Gebruiks- en kostencijfers bestaan vaak alleen per geneesmiddel (per "
                        "ATC-code), niet per indicatie. Zulke bedragen gelden voor het "
                        "geneesmiddel als geheel of zijn uitdrukkelijk over de indicaties "
                        "verdeeld: tel bedragen van verschillende indicaties van hetzelfde "
                        "geneesmiddel niet bij elkaar op. %u %s voor alle indicaties van een "
                        "geneesmiddel; %u %s met meer dan één item in deze werkmap.",
                        n_medicine_level, n_medicine_level == 1 ? "item geldt" : "items gelden",
                        n_multi, n_multi == 1 ? "geneesmiddel staat" : "geneesmiddelen staan");
  if (!wide_line (&p, "Lijstprijzen", c1, ctx->f_wrap, error) ||
      !wide_line (&p, "Voorlopige jaren", c2, ctx->f_wrap, error) ||
      !wide_line (&p, "Bedragen per geneesmiddel", c3, ctx->f_warning, error) ||
      !wide_line (&p, "Schattingen", "Cijfers uit de Horizonscan zijn schattingen, vaak een "
                  "bereik of een bovengrens. De lijst toont daarom de lage en de hoge waarde en "
                  "het rangbereik.", ctx->f_wrap, error) ||
      (frozen && !wide_line (&p, "Vastgestelde lijst", "De rangorde en de cijfers op het "
                             "lijstblad zijn die van het moment van vaststellen; dit blad "
                             "beschrijft de huidige herkomst van de cijfers van dezelfde items.",
                             ctx->f_wrap, error)))
    return FALSE;
  hrb_export_setup_print (ctx, ws, "Bronnen", -1);
  return hrb_export_step_progress (ctx, 1.0, error);
}
