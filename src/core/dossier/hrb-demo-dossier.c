/* hrb-demo-dossier.c: dossiers for the demo data set.
 *
 * The route dates are days relative to the day the demo is loaded, so the
 * demo shows overdue and parked dossiers whatever the date. The texts are
 * made up for the demo. */
#include "hrb-demo-dossier.h"
#include "hrb-store-dossier.h"
#include "hrb-i18n.h"

#include <stdio.h>
#include <string.h>

#define NO_DAY G_MININT

typedef struct {
  HrbStage    stage;
  HrbParty    party;
  int         day;      /* relative to today */
  int         due;      /* relative to today, NO_DAY: none; parked: look again */
  const char *remark;
} DemoStep;

typedef struct {
  HrbMeasureKind    kind;
  HrbMeasureStatus  status;
  const char       *owner;
  int               agreed;   /* relative to today, NO_DAY: none */
  const char       *description;
} DemoMeasure;

typedef struct {
  const char  *inn;
  const char  *question;
  const char  *rationale;
  guint        uncertainties;
  const char  *uncertainty_text;
  gboolean     sole_supplier;
  const char  *market_text;
  guint        parties;
  const char  *advice;
  int          follow_up;      /* relative to today, NO_DAY: none */
  const char  *note;
  gboolean     note_confidential;
  const char  *price;          /* confidential price arrangement */
  DemoStep     steps[12];      /* ends at day == NO_DAY */
  DemoMeasure  measures[3];    /* ends at owner == NULL */
} DemoDossier;

#define P(x) (1u << HRB_PARTY_##x)
#define U(x) HRB_UNCERTAINTY_##x
#define S(st, pa, d, due, r) { HRB_STAGE_##st, HRB_PARTY_##pa, d, due, r }
#define END { 0, 0, NO_DAY, NO_DAY, NULL }

static const DemoDossier demo_dossiers[] = {
  { "pembrolizumab",
    "Is de behandelduur van twee jaar bij niet-kleincellig longcarcinoom te verkorten zonder verlies aan effectiviteit?",
    "Hoge budgetimpact; aanwijzingen dat doorbehandelen na een jaar weinig toevoegt.",
    U (DURATION) | U (EFFECTIVENESS) | U (COST_EFFECTIVENESS), "Stopcriteria in de praktijk onduidelijk.",
    FALSE, "Meerdere PD-1-remmers beschikbaar.", P (PROJECT_TEAM) | P (FMS) | P (ZIN) | P (ASSOCIATION),
    "Stopcriteria na twee jaar vastleggen; doelmatigheidsonderzoek naar kortere behandelduur.", 330,
    "Overleg met de NVALT over stopcriteria is positief verlopen.", FALSE,
    "Financieel arrangement: korting op de lijstprijs, looptijd drie jaar.",
    { S (SIGNALLED, PROJECT_TEAM, -400, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -385, NO_DAY, NULL),
      S (QUESTION, ZIN, -360, -330, "Vraag afstemmen met CieBAG"), S (DATA_COLLECTION, PROJECT_TEAM, -320, -250, NULL),
      S (ANALYSIS, ASSOCIATION, -240, -180, NULL), S (REPORTING, PROJECT_TEAM, -170, -140, NULL),
      S (TRIAGE, TRIAGE_TABLE, -130, -100, NULL), S (DECISION, VWS, -95, -70, "Prijsonderhandeling"),
      S (IMPLEMENTATION, FMS, -60, -20, NULL), S (MONITORING, PROJECT_TEAM, -15, 350, NULL), END },
    { { HRB_MEASURE_START_STOP_CRITERIA, HRB_MEASURE_IMPLEMENTED, "FMS", -90, "Stoppen na twee jaar behandeling" },
      { HRB_MEASURE_PRICE_ARRANGEMENT, HRB_MEASURE_AGREED, "VWS", -75, "Financieel arrangement" },
      { HRB_MEASURE_DOSE_OPTIMISATION, HRB_MEASURE_PROPOSED, "Wetenschappelijke vereniging", NO_DAY, "Doelmatigheidsonderzoek behandelduur" } } },
  { "nivolumab",
    "Is de adjuvante inzet bij melanoom te beperken tot patiënten met een hoog recidiefrisico?",
    "Gebruik groeit sneller dan verwacht.",
    U (SUBGROUP) | U (LONG_TERM), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (FMS) | P (ZN),
    "Indicatie aanscherpen tot stadium IIIB en hoger.", 20,
    NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -900, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -880, NO_DAY, NULL),
      S (QUESTION, ZIN, -850, NO_DAY, NULL), S (DATA_COLLECTION, PROJECT_TEAM, -800, NO_DAY, NULL),
      S (ANALYSIS, ASSOCIATION, -700, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -620, NO_DAY, NULL),
      S (TRIAGE, TRIAGE_TABLE, -580, NO_DAY, NULL), S (DECISION, ZN, -560, NO_DAY, NULL),
      S (IMPLEMENTATION, FMS, -520, NO_DAY, NULL), S (MONITORING, PROJECT_TEAM, -450, NO_DAY, NULL),
      S (CLOSED, PROJECT_TEAM, -200, NO_DAY, "Maatregelen geëvalueerd"), END },
    { { HRB_MEASURE_RESTRICT_INDICATION, HRB_MEASURE_EVALUATED, "FMS", -560, "Alleen stadium IIIB en hoger" },
      { HRB_MEASURE_REGISTRY, HRB_MEASURE_EVALUATED, "DMTR", -560, "Uitkomsten in de melanoomregistratie" } } },
  { "daratumumab",
    "Past een prijsafspraak bij de verschuiving naar de eerste lijn?",
    "Verschuiving naar eerdere lijnen verhoogt de budgetimpact sterk.",
    U (COST_EFFECTIVENESS), NULL, TRUE, "Eén leverancier.", P (PROJECT_TEAM) | P (VWS) | P (HOLDER),
    "Nieuwe financiële afspraak; betaling naar resultaat onderzoeken.", NO_DAY,
    "Registratiehouder heeft een voorstel gedaan voor betaling naar resultaat.", TRUE,
    "Staffelkorting bij volumes boven afgesproken plafond.",
    { S (SIGNALLED, PROJECT_TEAM, -1100, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -1090, NO_DAY, NULL),
      S (QUESTION, ZIN, -1060, NO_DAY, NULL), S (DATA_COLLECTION, HOLDER, -1000, NO_DAY, NULL),
      S (PARKED, NONE, -950, -870, "Wachten op registratiedata"), S (DATA_COLLECTION, PROJECT_TEAM, -870, NO_DAY, NULL),
      S (ANALYSIS, PROJECT_TEAM, -820, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -760, NO_DAY, NULL),
      S (TRIAGE, TRIAGE_TABLE, -730, NO_DAY, NULL), S (DECISION, VWS, -700, NO_DAY, NULL),
      S (CLOSED, PROJECT_TEAM, -520, NO_DAY, NULL), END },
    { { HRB_MEASURE_PRICE_ARRANGEMENT, HRB_MEASURE_IMPLEMENTED, "VWS", -650, "Staffelkorting" },
      { HRB_MEASURE_PAY_FOR_PERFORMANCE, HRB_MEASURE_PROPOSED, "Registratiehouder", NO_DAY, "Betaling naar resultaat" } } },
  { "adalimumab",
    "Wordt na komst van biosimilars doelmatig overgestapt?",
    "Biosimilars beschikbaar; prijsdaling niet overal doorgegeven.",
    U (APPROPRIATE_USE), NULL, FALSE, "Biosimilars van meerdere leveranciers.", P (PROJECT_TEAM) | P (ZN),
    "Geen aanvullende maatregel nodig.", NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -260, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -250, NO_DAY, NULL),
      S (QUESTION, PROJECT_TEAM, -230, NO_DAY, NULL), S (DATA_COLLECTION, ZN, -200, NO_DAY, NULL),
      S (ANALYSIS, PROJECT_TEAM, -150, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -110, NO_DAY, NULL),
      S (TRIAGE, TRIAGE_TABLE, -80, NO_DAY, NULL), S (DECISION, PROJECT_TEAM, -60, NO_DAY, NULL),
      S (CLOSED, PROJECT_TEAM, -30, NO_DAY, NULL), END },
    { { HRB_MEASURE_NO_CHANGE, HRB_MEASURE_AGREED, "Projectteam", -60, "Ongewijzigd voortzetten" } } },
  { "evolocumab",
    "Zijn de start- en stopcriteria bij familiaire hypercholesterolemie nog passend?",
    NULL, U (SUBGROUP) | U (APPROPRIATE_USE), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (ASSOCIATION),
    "Start- en stopcriteria aanscherpen.", NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -700, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -690, NO_DAY, NULL),
      S (QUESTION, ZIN, -660, NO_DAY, NULL), S (DATA_COLLECTION, ASSOCIATION, -620, NO_DAY, NULL),
      S (ANALYSIS, ASSOCIATION, -560, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -520, NO_DAY, NULL),
      S (TRIAGE, TRIAGE_TABLE, -500, NO_DAY, NULL), S (DECISION, ZN, -480, NO_DAY, NULL),
      S (IMPLEMENTATION, ASSOCIATION, -470, NO_DAY, NULL), S (CLOSED, PROJECT_TEAM, -420, NO_DAY, NULL), END },
    { { HRB_MEASURE_START_STOP_CRITERIA, HRB_MEASURE_IMPLEMENTED, "NVVC", -480, "Aangescherpte startcriteria" },
      { HRB_MEASURE_APPROPRIATE_USE, HRB_MEASURE_AGREED, "ZN", -480, "Afspraken gepast gebruik" } } },
  { "tisagenlecleucel",
    "Wat zijn de langetermijnuitkomsten van CAR-T bij DLBCL?",
    "Weinig data over overleving na vijf jaar.",
    U (LONG_TERM) | U (EFFECTIVENESS), "Registerdata komen volgend jaar beschikbaar.", TRUE,
    "Eén leverancier; productiecapaciteit beperkt.", P (PROJECT_TEAM) | P (HOLDER),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -150, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -140, NO_DAY, NULL),
      S (QUESTION, ZIN, -110, NO_DAY, NULL), S (PARKED, NONE, -40, 60, "Wachten op registerdata (HOVON)"), END },
    { { 0 } } },
  { "ibrutinib",
    "Is er na de komst van nieuwe middelen nog een plaats in de behandellijn?",
    NULL, U (EFFECTIVENESS), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (ASSOCIATION),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -300, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -280, NO_DAY, NULL),
      S (PARKED, NONE, -120, -5, "Richtlijnherziening afwachten"), END },
    { { 0 } } },
  { "tocilizumab",
    "Is de inzet bij reumatoïde artritis nog een herbeoordeling waard?",
    NULL, 0, NULL, FALSE, NULL, P (PROJECT_TEAM),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -210, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -190, NO_DAY, NULL),
      S (DROPPED, NONE, -150, NO_DAY, "Gebruik lager dan verwacht; geen herbeoordeling nodig"), END },
    { { 0 } } },
  { "dupilumab",
    "Welke patiënten met constitutioneel eczeem hebben het meeste baat?",
    "Snelle groei van het aantal gebruikers.",
    U (SUBGROUP) | U (DURATION), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (ASSOCIATION),
    NULL, NO_DAY, "NVDV levert gegevens later aan dan afgesproken.", FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -160, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -150, NO_DAY, NULL),
      S (QUESTION, ZIN, -120, -100, NULL), S (DATA_COLLECTION, ASSOCIATION, -75, -14, "Gebruiksgegevens uit de registratie"), END },
    { { 0 } } },
  { "omalizumab",
    "Is afbouwen bij stabiel astma mogelijk?",
    NULL, U (DOSE) | U (DURATION), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (TRIAGE_TABLE),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -330, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -320, NO_DAY, NULL),
      S (QUESTION, ZIN, -290, NO_DAY, NULL), S (DATA_COLLECTION, PROJECT_TEAM, -250, NO_DAY, NULL),
      S (ANALYSIS, ASSOCIATION, -180, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -100, -70, NULL),
      S (TRIAGE, TRIAGE_TABLE, -50, -3, "Agenderen voor de triagetafel"), END },
    { { 0 } } },
  { "eculizumab",
    "Is de dosering bij aHUS te optimaliseren?",
    "Zeer hoge kosten per patiënt.",
    U (DOSE) | U (COST_EFFECTIVENESS), NULL, TRUE, "Biosimilar verwacht.", P (PROJECT_TEAM) | P (HOLDER),
    NULL, NO_DAY, "Registratiehouder vraagt uitstel voor het aanleveren van data.", TRUE,
    "Vertrouwelijke korting lopend tot einde jaar.",
    { S (SIGNALLED, PROJECT_TEAM, -280, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -270, NO_DAY, NULL),
      S (QUESTION, ZIN, -240, NO_DAY, NULL), S (DATA_COLLECTION, HOLDER, -200, NO_DAY, NULL),
      S (ANALYSIS, HOLDER, -90, -30, "Doseringsdata van de registratiehouder"), END },
    { { 0 } } },
  { "semaglutide",
    NULL, NULL, 0, NULL, FALSE, NULL, P (PROJECT_TEAM),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -5, 25, NULL), END },
    { { 0 } } },
  { "lecanemab",
    NULL, "Grote verwachte patiëntenpopulatie.", U (EFFECTIVENESS) | U (APPROPRIATE_USE), NULL, FALSE, NULL,
    P (PROJECT_TEAM) | P (ZIN),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -30, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -12, 30, NULL), END },
    { { 0 } } },
  { "aflibercept",
    "Is overstappen op een biosimilar bij natte LMD doelmatig?",
    NULL, U (COST_EFFECTIVENESS), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (ZIN),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -60, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -45, NO_DAY, NULL),
      S (QUESTION, ZIN, -20, 25, NULL), END },
    { { 0 } } },
  { "nusinersen",
    "Wat is de effectiviteit bij volwassenen met SMA?",
    NULL, U (SUBGROUP) | U (EFFECTIVENESS), NULL, TRUE, NULL, P (PROJECT_TEAM) | P (ASSOCIATION),
    NULL, NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -400, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -390, NO_DAY, NULL),
      S (QUESTION, ZIN, -360, NO_DAY, NULL), S (DATA_COLLECTION, ASSOCIATION, -300, NO_DAY, NULL),
      S (ANALYSIS, ASSOCIATION, -150, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -35, 10, NULL), END },
    { { 0 } } },
  { "emicizumab",
    "Is een nieuwe prijsafspraak bij hemofilie A nodig?",
    NULL, U (COST_EFFECTIVENESS), NULL, TRUE, "Eén leverancier; staat op de lijst kritieke geneesmiddelen.",
    P (PROJECT_TEAM) | P (VWS) | P (HOLDER),
    "Prijsonderhandeling door VWS.", NO_DAY,
    "Bod van de registratiehouder ligt onder het plafond.", TRUE,
    "Prijsafspraak in onderhandeling; vertrouwelijk bod ontvangen.",
    { S (SIGNALLED, PROJECT_TEAM, -300, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -290, NO_DAY, NULL),
      S (QUESTION, ZIN, -260, NO_DAY, NULL), S (DATA_COLLECTION, PROJECT_TEAM, -220, NO_DAY, NULL),
      S (ANALYSIS, PROJECT_TEAM, -160, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -100, NO_DAY, NULL),
      S (TRIAGE, TRIAGE_TABLE, -60, NO_DAY, NULL), S (DECISION, VWS, -15, 45, "Prijsonderhandeling"), END },
    { { HRB_MEASURE_PRICE_ARRANGEMENT, HRB_MEASURE_PROPOSED, "VWS", NO_DAY, "Nieuwe prijsafspraak" } } },
  { "ocrelizumab",
    "Kan het doseringsinterval worden verlengd?",
    NULL, U (DOSE), NULL, FALSE, NULL, P (PROJECT_TEAM) | P (ZN) | P (ASSOCIATION),
    "Doseringsinterval verlengen bij stabiele patiënten.", NO_DAY, NULL, FALSE, NULL,
    { S (SIGNALLED, PROJECT_TEAM, -500, NO_DAY, NULL), S (PRIORITISED, PROJECT_TEAM, -480, NO_DAY, NULL),
      S (QUESTION, ZIN, -450, NO_DAY, NULL), S (DATA_COLLECTION, PROJECT_TEAM, -400, NO_DAY, NULL),
      S (ANALYSIS, ASSOCIATION, -330, NO_DAY, NULL), S (REPORTING, PROJECT_TEAM, -250, NO_DAY, NULL),
      S (TRIAGE, TRIAGE_TABLE, -200, NO_DAY, NULL), S (DECISION, ZN, -160, NO_DAY, NULL),
      S (IMPLEMENTATION, ZN, -40, 60, NULL), END },
    { { HRB_MEASURE_DOSE_OPTIMISATION, HRB_MEASURE_AGREED, "NVN", -160, "Verlengd doseringsinterval" },
      { HRB_MEASURE_APPROPRIATE_USE, HRB_MEASURE_AGREED, "ZN", -160, "Afspraken over gepast gebruik" } } },
};

#undef P
#undef U
#undef S
#undef END

static char *
day_to_iso (const GDate *today, int day)
{
  GDate d = *today;
  char buf[16];

  if (day >= 0)
    g_date_add_days (&d, day);
  else
    g_date_subtract_days (&d, -day);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

static gint64
find_item (GPtrArray *items, const char *inn)
{
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *it = g_ptr_array_index (items, i);
      if (g_strcmp0 (it->medicine.inn, inn) == 0)
        return it->id;
    }
  return 0;
}

static gboolean
load_one (HrbStore *store, const DemoDossier *dd, gint64 item_id, const GDate *today, GError **error)
{
  g_autoptr(HrbDossier) d = NULL;
  g_autofree char *first = day_to_iso (today, dd->steps[0].day);
  g_autofree char *advice_date = NULL;
  gint64 id;

  id = hrb_store_start_dossier (store, item_id, first, dd->steps[0].party, error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (dd->steps) && dd->steps[i].day != NO_DAY; i++)
    {
      const DemoStep *st = &dd->steps[i];
      g_autofree char *date = day_to_iso (today, st->day);
      g_autofree char *due = st->due != NO_DAY ? day_to_iso (today, st->due) : NULL;
      HrbTransition t = { 0 };

      if (st->stage == HRB_STAGE_DECISION && advice_date == NULL)
        advice_date = g_strdup (date);
      if (i == 0)
        {
          /* The start made the first step; give it its due date. */
          if (due != NULL)
            {
              g_autoptr(GPtrArray) route = hrb_store_list_transitions (store, id, error);
              HrbTransition *t0;

              if (route == NULL || route->len == 0)
                return FALSE;
              t0 = g_ptr_array_index (route, 0);
              g_free (t0->due_date);
              t0->due_date = g_strdup (due);
              if (!hrb_store_update_transition (store, t0, error))
                return FALSE;
            }
          continue;
        }
      t.stage = st->stage;
      t.party = st->party;
      t.date = date;
      t.remark = (char *) st->remark;
      if (st->stage == HRB_STAGE_PARKED)
        t.look_again = due;
      else
        t.due_date = due;
      if (hrb_store_move_dossier (store, id, &t, error) == 0)
        return FALSE;
    }

  d = hrb_store_get_dossier (store, id, TRUE, error);
  if (d == NULL)
    return FALSE;
  d->question = g_strdup (dd->question);
  d->rationale = g_strdup (dd->rationale);
  d->uncertainties = dd->uncertainties;
  d->uncertainty_text = g_strdup (dd->uncertainty_text);
  d->sole_supplier = dd->sole_supplier;
  d->market_text = g_strdup (dd->market_text);
  d->parties = dd->parties;
  if (dd->advice != NULL)
    {
      d->advice_text = g_strdup (dd->advice);
      d->advice_date = g_steal_pointer (&advice_date);
    }
  if (dd->follow_up != NO_DAY)
    d->follow_up_date = day_to_iso (today, dd->follow_up);
  if (dd->price != NULL)
    {
      d->price_arrangement = g_strdup (dd->price);
      d->price_end_date = day_to_iso (today, 700);
    }
  if (!hrb_store_update_dossier (store, d, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dd->measures) && dd->measures[i].owner != NULL; i++)
    {
      const DemoMeasure *dm = &dd->measures[i];
      g_autoptr(HrbMeasure) m = hrb_measure_new ();

      m->dossier_id = id;
      m->kind = dm->kind;
      m->status = dm->status;
      m->owner = g_strdup (dm->owner);
      m->description = g_strdup (dm->description);
      if (dm->agreed != NO_DAY)
        m->agreed_date = day_to_iso (today, dm->agreed);
      if (dm->agreed != NO_DAY && dm->status >= HRB_MEASURE_IMPLEMENTED)
        m->start_date = day_to_iso (today, dm->agreed + 30);
      if (dm->agreed != NO_DAY && dm->status == HRB_MEASURE_EVALUATED)
        m->evaluation_date = day_to_iso (today, dm->agreed + 330);
      if (hrb_store_add_measure (store, m, error) == 0)
        return FALSE;
    }
  if (dd->note != NULL && hrb_store_add_note (store, id, dd->note, dd->note_confidential, error) == 0)
    return FALSE;
  if (dd->question != NULL)
    {
      g_autofree char *epar = g_strdup_printf ("https://www.ema.europa.eu/en/medicines/human/EPAR/%s",
                                               dd->inn);
      if (hrb_store_add_link (store, id, "EPAR", epar, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
hrb_demo_dossiers_load (HrbStore *store, GError **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *author = NULL;
  GDate today;
  int y, m, d;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  today_iso = hrb_dossier_today (store);
  if (sscanf (today_iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_FAILED, "bad clock: %s", today_iso);
      return FALSE;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, d, m, y);

  items = hrb_store_list_items (store, HRB_STREAM_ANY, error);
  if (items == NULL)
    return FALSE;
  author = g_strdup (hrb_store_get_author (store));
  if (!hrb_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_dossiers); i++)
    {
      gint64 item_id = find_item (items, demo_dossiers[i].inn);

      if (item_id == 0)
        continue;
      /* A few team members, so the history shows who did what. */
      hrb_store_set_author (store, i % 3 == 0 ? "Demo: M. de Vries" :
                                   i % 3 == 1 ? "Demo: J. Bakker" : "Demo: S. El Amrani");
      if (!load_one (store, &demo_dossiers[i], item_id, &today, error))
        {
          hrb_store_set_author (store, author);
          hrb_store_rollback (store);
          return FALSE;
        }
    }
  hrb_store_set_author (store, author);
  return hrb_store_commit (store, error);
}
