/* hrb-demo.c: the demo data set and the synthetic generator.
 *
 * The substances, brands and ATC codes are public facts; every figure is
 * made up by a seeded random generator and labelled as fictional. */
#include "hrb-demo.h"
#include "hrb-demo-dossier.h"
#include "hrb-i18n.h"

#include <math.h>

typedef struct {
  const char *inn;
  const char *brand;
  const char *atc;
  const char *domain;
  const char *indications;   /* '|' separated; "" for a medicine-level item */
  HrbSetting  setting;
  gboolean    orphan, conditional, exceptional, accelerated, atmp, critical;
  double      cost_lo;       /* typical cost per patient per year, euros */
  double      patients_hi;   /* typical patients per year */
} DemoMedicine;

#define I HRB_SETTING_INTRAMURAL
#define E HRB_SETTING_EXTRAMURAL

static const DemoMedicine demo_medicines[] = {
  { "pembrolizumab", "Keytruda", "L01FF02", "Oncologie", "Niet-kleincellig longcarcinoom|Melanoom, adjuvant|Triple-negatief mammacarcinoom", I, 0, 0, 0, 0, 0, 0, 60000, 4000 },
  { "nivolumab", "Opdivo", "L01FF01", "Oncologie", "Melanoom|Niercelcarcinoom", I, 0, 0, 0, 0, 0, 0, 55000, 2500 },
  { "osimertinib", "Tagrisso", "L01EB04", "Oncologie", "EGFR-gemuteerd NSCLC, adjuvant", E, 0, 0, 0, 0, 0, 0, 70000, 600 },
  { "daratumumab", "Darzalex", "L01FC01", "Hematologie", "Multipel myeloom, eerste lijn|Multipel myeloom, recidief", I, 1, 0, 0, 0, 0, 0, 90000, 1500 },
  { "tisagenlecleucel", "Kymriah", "L01XL04", "Hematologie", "Diffuus grootcellig B-cellymfoom", I, 1, 0, 0, 0, 1, 0, 320000, 60 },
  { "axicabtagene ciloleucel", "Yescarta", "L01XL03", "Hematologie", "Grootcellig B-cellymfoom, tweede lijn", I, 1, 0, 0, 1, 1, 0, 327000, 80 },
  { "ibrutinib", "Imbruvica", "L01EL01", "Hematologie", "Chronische lymfatische leukemie", E, 1, 0, 0, 0, 0, 0, 65000, 900 },
  { "adalimumab", "Humira", "L04AB04", "Reumatologie", "", I, 0, 0, 0, 0, 0, 1, 6000, 30000 },
  { "tocilizumab", "RoActemra", "L04AC07", "Reumatologie", "Reumatoïde artritis|Reuscelarteriitis", I, 0, 0, 0, 0, 0, 0, 11000, 3000 },
  { "upadacitinib", "Rinvoq", "L04AF03", "Reumatologie", "Artritis psoriatica", E, 0, 0, 0, 0, 0, 0, 12000, 2500 },
  { "dupilumab", "Dupixent", "D11AH05", "Dermatologie", "Constitutioneel eczeem|Ernstig eosinofiel astma", E, 0, 0, 0, 0, 0, 0, 16000, 9000 },
  { "risankizumab", "Skyrizi", "L04AC18", "Dermatologie", "Plaque psoriasis", E, 0, 0, 0, 0, 0, 0, 17000, 4000 },
  { "omalizumab", "Xolair", "R03DX05", "Longziekten", "Allergisch astma", I, 0, 0, 0, 0, 0, 0, 12000, 2000 },
  { "elexacaftor/tezacaftor/ivacaftor", "Kaftrio", "R07AX32", "Longziekten", "Cystische fibrose", E, 1, 0, 0, 1, 0, 0, 180000, 1300 },
  { "nusinersen", "Spinraza", "M09AX07", "Neurologie", "Spinale musculaire atrofie", I, 1, 0, 0, 1, 0, 0, 280000, 120 },
  { "onasemnogene abeparvovec", "Zolgensma", "M09AX09", "Neurologie", "Spinale musculaire atrofie, zuigelingen", I, 1, 1, 0, 1, 1, 0, 1900000, 8 },
  { "ocrelizumab", "Ocrevus", "L04AA36", "Neurologie", "Relapsing multiple sclerose|Primair progressieve MS", I, 0, 0, 0, 0, 0, 0, 24000, 3500 },
  { "natalizumab", "Tysabri", "L04AA23", "Neurologie", "", I, 0, 0, 0, 0, 0, 0, 21000, 2000 },
  { "erenumab", "Aimovig", "N02CD01", "Neurologie", "Chronische migraine", E, 0, 0, 0, 0, 0, 0, 5500, 12000 },
  { "eculizumab", "Soliris", "L04AJ01", "Nefrologie", "Paroxismale nachtelijke hemoglobinurie|Atypisch hemolytisch-uremisch syndroom", I, 1, 0, 0, 0, 0, 0, 380000, 90 },
  { "dapagliflozine", "Forxiga", "A10BK01", "Nefrologie", "Chronische nierschade", E, 0, 0, 0, 0, 0, 0, 2200, 160000 },
  { "sofosbuvir/velpatasvir", "Epclusa", "J05AP55", "Infectieziekten", "Chronische hepatitis C", E, 0, 0, 0, 1, 0, 0, 40000, 900 },
  { "remdesivir", "Veklury", "J05AB16", "Infectieziekten", "COVID-19, ziekenhuisopname", I, 0, 1, 0, 1, 0, 1, 2500, 6000 },
  { "cabotegravir", "Vocabria", "J05AJ04", "Infectieziekten", "Hiv-1, langwerkende behandeling", E, 0, 0, 0, 0, 0, 0, 11000, 1500 },
  { "voretigene neparvovec", "Luxturna", "S01XA27", "Oogheelkunde", "Erfelijke retinadystrofie (RPE65)", I, 1, 0, 0, 0, 1, 0, 690000, 6 },
  { "aflibercept", "Eylea", "S01LA05", "Oogheelkunde", "Natte leeftijdsgebonden maculadegeneratie|Diabetisch macula-oedeem", I, 0, 0, 0, 0, 0, 0, 5200, 25000 },
  { "faricimab", "Vabysmo", "S01LA09", "Oogheelkunde", "Natte leeftijdsgebonden maculadegeneratie", I, 0, 0, 0, 0, 0, 0, 6100, 9000 },
  { "emicizumab", "Hemlibra", "B02BX06", "Hematologie", "Hemofilie A", E, 1, 0, 0, 0, 0, 1, 240000, 350 },
  { "evolocumab", "Repatha", "C10AX13", "Hart en vaten", "Familiaire hypercholesterolemie", E, 0, 0, 0, 0, 0, 0, 5800, 14000 },
  { "tafamidis", "Vyndaqel", "N07XX08", "Hart en vaten", "Transthyretine-amyloïde cardiomyopathie", E, 1, 0, 1, 0, 0, 0, 120000, 800 },
  { "sacubitril/valsartan", "Entresto", "C09DX04", "Hart en vaten", "", E, 0, 0, 0, 0, 0, 0, 2100, 45000 },
  { "vosoritide", "Voxzogo", "M05BX07", "Stofwisseling en endocrinologie", "Achondroplasie", E, 1, 0, 0, 0, 0, 0, 225000, 30 },
  { "semaglutide", "Wegovy", "A10BJ06", "Stofwisseling en endocrinologie", "Obesitas", E, 0, 0, 0, 0, 0, 0, 3000, 200000 },
  { "burosumab", "Crysvita", "M05BX05", "Stofwisseling en endocrinologie", "X-gebonden hypofosfatemie", I, 1, 1, 0, 0, 0, 0, 260000, 40 },
  { "teprotumumab", "Tepezza", "H05AX01", "Oogheelkunde", "Schildklier-oogziekte", I, 0, 0, 0, 0, 0, 0, 350000, 150 },
  { "lecanemab", "Leqembi", "N06DX04", "Neurologie", "Vroege ziekte van Alzheimer", I, 0, 0, 0, 0, 0, 0, 25000, 20000 },
  { "sotatercept", "Winrevair", "C02KX06", "Longziekten", "Pulmonale arteriële hypertensie", E, 1, 0, 0, 0, 0, 0, 140000, 400 },
  { "etranacogene dezaparvovec", "Hemgenix", "B02BD04", "Hematologie", "Hemofilie B", I, 1, 1, 0, 1, 1, 0, 1800000, 10 },
  { "durvalumab", "Imfinzi", "L01FF03", "Oncologie", "Niet-kleincellig longcarcinoom stadium III|Galwegcarcinoom|Kleincellig longcarcinoom", I, 0, 0, 0, 0, 0, 0, 52000, 900 },
  { "trastuzumab deruxtecan", "Enhertu", "L01FD04", "Oncologie", "HER2-laag mammacarcinoom|HER2-positief maagcarcinoom", I, 0, 1, 0, 1, 0, 0, 95000, 700 },
  { "olaparib", "Lynparza", "L01XK01", "Oncologie", "Ovariumcarcinoom, onderhoud|Prostaatcarcinoom, gemetastaseerd", E, 0, 0, 0, 0, 0, 0, 58000, 800 },
  { "enzalutamide", "Xtandi", "L02BB04", "Oncologie", "Hormoongevoelig prostaatcarcinoom", E, 0, 0, 0, 0, 0, 0, 36000, 3000 },
  { "venetoclax", "Venclyxto", "L01XX52", "Hematologie", "Acute myeloïde leukemie|Chronische lymfatische leukemie, eerste lijn", E, 1, 1, 0, 0, 0, 0, 70000, 500 },
  { "luspatercept", "Reblozyl", "B03XA06", "Hematologie", "Myelodysplastisch syndroom", I, 1, 0, 0, 0, 0, 0, 100000, 250 },
  { "inclisiran", "Leqvio", "C10AX16", "Hart en vaten", "Primaire hypercholesterolemie", E, 0, 0, 0, 0, 0, 0, 4000, 30000 },
  { "mavacamten", "Camzyos", "C01EB24", "Hart en vaten", "Obstructieve hypertrofische cardiomyopathie", E, 0, 0, 0, 0, 0, 0, 22000, 600 },
  { "efgartigimod alfa", "Vyvgart", "L04AG09", "Neurologie", "Gegeneraliseerde myasthenia gravis", I, 1, 0, 0, 0, 0, 0, 190000, 200 },
  { "ravulizumab", "Ultomiris", "L04AJ02", "Nefrologie", "Paroxismale nachtelijke hemoglobinurie|Neuromyelitis optica spectrum stoornis", I, 1, 0, 0, 0, 0, 0, 360000, 70 },
  { "baricitinib", "Olumiant", "L04AF02", "Dermatologie", "Alopecia areata", E, 0, 0, 0, 0, 0, 0, 9000, 1500 },
  { "mepolizumab", "Nucala", "R03DX09", "Longziekten", "Ernstig eosinofiel astma, aanvullende behandeling", I, 0, 0, 0, 0, 0, 0, 13000, 2500 },
  { "vedolizumab", "Entyvio", "L04AG05", "Maag-darm-leverziekten", "Colitis ulcerosa|Ziekte van Crohn", I, 0, 0, 0, 0, 0, 0, 15000, 5000 },
  { "ustekinumab", "Stelara", "L04AC05", "Maag-darm-leverziekten", "", I, 0, 0, 0, 0, 0, 0, 14000, 6000 },
  { "obeticholzuur", "Ocaliva", "A05AA04", "Maag-darm-leverziekten", "Primaire biliaire cholangitis", E, 1, 1, 0, 0, 0, 0, 30000, 300 },
  { "vutrisiran", "Amvuttra", "N07XX18", "Neurologie", "Hereditaire transthyretine-amyloïdose met polyneuropathie", I, 1, 0, 0, 0, 0, 0, 400000, 40 },
};

#undef I
#undef E

static const char *parties_sources[] = { "Horizonscan", "GIPdatabank", "Eigen schatting" };

static double
round_to (double v, double unit)
{
  return round (v / unit) * unit;
}

static double
nice (double v)
{
  double mag = pow (10, floor (log10 (MAX (v, 1))) - 1);
  return round_to (v, MAX (mag, 1));
}

/* Adds one item with figures for medicine mid; variant gives diversity. */
static gboolean
add_item (HrbStore *store, GRand *rand, gint64 medicine_id, const DemoMedicine *d,
          const char *indication, HrbPackageStatus status, guint variant, GError **error)
{
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  gint64 id;
  double spread = g_rand_double_range (rand, 0.4, 1.6);
  double patients = CLAMP (nice (d->patients_hi * spread), 5, 200000);
  double cost = nice (d->cost_lo * g_rand_double_range (rand, 0.8, 1.3));
  gboolean prospective = hrb_status_stream (status) == HRB_STREAM_PROSPECTIVE;

  cost = CLAMP (cost, 2000, 1600000);
  item->medicine_id = medicine_id;
  item->indication = indication && *indication ? g_strdup (indication) : NULL;
  item->domain = g_strdup (d->domain);
  item->setting = d->setting;
  item->status = status;
  if (prospective)
    {
      static const char *phases[] = { "Klinisch onderzoek", "Registratie aangevraagd",
                                      "Positieve CHMP-opinie", "Geregistreerd" };
      item->phase = g_strdup (phases[variant % G_N_ELEMENTS (phases)]);
      item->expected_registration = g_strdup_printf ("%02u-%u", 1 + variant % 12, 2027 + variant % 2);
    }
  else if (variant % 5 == 2)
    item->loe_date = g_strdup_printf ("%u-06-30", 2027 + variant % 4);

  if ((id = hrb_store_insert_item (store, item, error)) == 0)
    return FALSE;

  f->item_id = id;
  f->source = g_strdup (prospective ? parties_sources[0] : parties_sources[1]);
  f->vintage = g_strdup (prospective ? "2026-10-01" : "2026-07-01");
  f->year = prospective ? 2027 : 2025;
  f->provisional = !prospective;
  switch (variant % 4)
    {
    case 0: /* a range for patients and cost */
      f->patients.low = MAX (1, nice (patients * 0.7));
      f->patients.high = patients;
      f->cost.low = cost;
      f->cost.high = nice (cost * 1.25);
      break;
    case 1: /* a point value */
      f->patients.low = f->patients.high = patients;
      f->cost.low = f->cost.high = cost;
      break;
    case 2: /* an upper bound for patients, a given total */
      f->patients.high = patients;
      f->cost.low = f->cost.high = cost;
      f->budget.low = f->budget.high = nice (patients * cost * 0.9);
      break;
    default: /* actual spending, cost per patient derived */
      f->patients.low = f->patients.high = patients;
      f->budget.low = f->budget.high = nice (patients * cost);
      break;
    }
  if (hrb_store_add_figure (store, f, error) == 0)
    return FALSE;

  /* Some retrospective items get an earlier vintage too, as history. */
  if (!prospective && variant % 3 == 0)
    {
      g_autoptr(HrbFigure) old = hrb_figure_copy (f);
      g_free (old->vintage);
      old->vintage = g_strdup ("2025-07-01");
      old->year = 2024;
      old->provisional = FALSE;
      old->patients.low = hrb_is_known (f->patients.low) ? nice (f->patients.low * 0.85) : NAN;
      old->patients.high = hrb_is_known (f->patients.high) ? nice (f->patients.high * 0.85) : NAN;
      old->budget.low = hrb_is_known (f->budget.low) ? nice (f->budget.low * 0.8) : NAN;
      old->budget.high = hrb_is_known (f->budget.high) ? nice (f->budget.high * 0.8) : NAN;
      if (hrb_store_add_figure (store, old, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gint64
add_medicine (HrbStore *store, const DemoMedicine *d, guint copy, GError **error)
{
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();

  if (copy == 0)
    {
      m->inn = g_strdup (d->inn);
      m->brand = g_strdup (d->brand);
    }
  else
    {
      m->inn = g_strdup_printf ("%s-%u", d->inn, copy);
      m->brand = g_strdup_printf ("%s %u", d->brand, copy);
    }
  m->atc = g_strdup (d->atc);
  m->orphan = d->orphan;
  m->conditional = d->conditional;
  m->exceptional = d->exceptional;
  m->accelerated = d->accelerated;
  m->atmp = d->atmp;
  m->critical = d->critical;
  m->ema_status = g_strdup ("Authorised");
  return hrb_store_insert_medicine (store, m, error);
}

/* The status of the n-th item of a medicine: new indications of admitted
 * medicines are prospective, so both streams hold the big names. */
static HrbPackageStatus
status_for (guint med_index, guint ind_index)
{
  static const HrbPackageStatus pattern[] = {
    HRB_STATUS_ADMITTED, HRB_STATUS_NOT_ADMITTED, HRB_STATUS_IN_SLUIS, HRB_STATUS_ADMITTED,
    HRB_STATUS_CONDITIONAL, HRB_STATUS_NOT_ADMITTED, HRB_STATUS_ADMITTED,
  };
  return pattern[(med_index * 3 + ind_index) % G_N_ELEMENTS (pattern)];
}

/* The indications of a table row; an empty text is one medicine-level item. */
static GStrv
indications_of (const DemoMedicine *d)
{
  if (d->indications[0] == '\0')
    {
      char *one[] = { (char *) "", NULL };
      return g_strdupv (one);
    }
  return g_strsplit (d->indications, "|", -1);
}

static gboolean
generate (HrbStore *store, guint n_items, guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint made = 0;

  for (guint copy = 0; made < n_items; copy++)
    for (guint i = 0; i < G_N_ELEMENTS (demo_medicines) && made < n_items; i++)
      {
        const DemoMedicine *d = &demo_medicines[i];
        g_auto(GStrv) inds = indications_of (d);
        gint64 mid = add_medicine (store, d, copy, error);

        if (mid == 0)
          return FALSE;
        for (guint k = 0; inds[k] != NULL && made < n_items; k++)
          {
            HrbPackageStatus st = inds[k][0] == '\0' ? HRB_STATUS_ADMITTED : status_for (i + copy, k);
            if (!add_item (store, rand, mid, d, inds[k], st, i + k + copy, error))
              return FALSE;
            made++;
          }
      }
  return TRUE;
}

gboolean
hrb_demo_generate (HrbStore *store, guint n_items, guint32 seed, GError **error)
{
  if (!hrb_store_begin (store, error))
    return FALSE;
  if (!generate (store, n_items, seed, error))
    {
      hrb_store_rollback (store);
      return FALSE;
    }
  return hrb_store_commit (store, error);
}

gboolean
hrb_demo_load (HrbStore *store, GError **error)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_medicines); i++)
    {
      g_auto(GStrv) inds = indications_of (&demo_medicines[i]);
      n += g_strv_length (inds);
    }

  if (!hrb_store_begin (store, error))
    return FALSE;
  if (!generate (store, n, 2027, error) ||
      !hrb_demo_dossiers_load (store, error) ||
      !hrb_store_set_meta (store, "demo", "1", error))
    {
      hrb_store_rollback (store);
      return FALSE;
    }
  return hrb_store_commit (store, error);
}
