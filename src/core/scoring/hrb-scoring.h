/* hrb-scoring.h: transparent prioritisation of items.
 *
 * A method (HrbMethod) is named and versioned. It holds an eligibility rule,
 * a list of criteria (input, transform with its anchors, weight) and a
 * tie-break. The built-in method "Basis" (hrb_method_new_basis()) is locked.
 *
 * The engine works on arrays (HrbScoreInput, one entry per item) and fills an
 * HrbScoreResult: the score at the low, point and high inputs, the rank per
 * stream, the rank interval (rank_best, rank_worst), the unstable flag and,
 * for the point inputs, one contribution per criterion.
 *
 * Exactness of the explanation: with W = Σ weight of the enabled criteria,
 *   contribution_c = weight_c × criterion_score_c / W
 * and the score is DEFINED as the sum of the contributions, added in the
 * method's criterion order. The contributions stored in the result and in
 * the ranking rows are those very numbers, so they add up exactly (==) to
 * the score.
 *
 * Rank interval: rank_best is 1 + the number of OTHER eligible items of the
 * same stream whose point score is strictly greater than this item's
 * score_high; rank_worst is 1 + the number of other eligible items whose
 * point score is greater than or equal to score_low. Both are then widened
 * to include the item's rank. An item is unstable when
 * rank_worst − rank_best > method->unstable_span (default 5).
 *
 * A ranking (HrbRanking) is the readable form of a result for one or both
 * streams: rows with the figures as scored and per-criterion details. The
 * CLI, the export, the GUI and the frozen lists all use rows.
 *
 * Units: money in euros; relative budget impact and growth are fractions
 * (0.05 = 5 %); scores are 0..100.
 */
#pragma once

#include <glib.h>
#include "hrb-model.h"
#include "hrb-store.h"

G_BEGIN_DECLS

#define HRB_SCORING_ERROR (hrb_scoring_error_quark ())
GQuark hrb_scoring_error_quark (void);

typedef enum {
  HRB_SCORING_ERROR_FAILED,
  HRB_SCORING_ERROR_PARSE,     /* method file: syntax, message names line */
  HRB_SCORING_ERROR_INVALID,   /* method file or method: bad value, names group and key */
  HRB_SCORING_ERROR_LOCKED,    /* the built-in method cannot change */
  HRB_SCORING_ERROR_NOT_FOUND,
} HrbScoringError;

/* Scenario index into the three-valued arrays. */
typedef enum {
  HRB_LOW = 0,
  HRB_POINT = 1,
  HRB_HIGH = 2,
  HRB_N_SCENARIOS = 3
} HrbScenario;

/* What a criterion looks at. */
typedef enum {
  HRB_INPUT_PATIENTS = 0,          /* patients per year */
  HRB_INPUT_BUDGET_IMPACT,         /* euros per year */
  HRB_INPUT_RELATIVE_BUDGET_IMPACT,/* fraction of the reference total */
  HRB_INPUT_COST_PER_PATIENT,      /* euros per patient per year */
  HRB_INPUT_GROWTH,                /* fraction vs the previous vintage */
  HRB_INPUT_UNCERTAINTY,           /* sum of the points of the item's flags */
  HRB_INPUT_MARKET,                /* market_points when LOE within loe_years */
  HRB_INPUT_EXPERT,                /* manual expert score 0..100 */
  HRB_N_INPUTS
} HrbInput;

typedef enum {
  HRB_TRANSFORM_LOG = 0,   /* 100 × ln(v/zero) / ln(full/zero); anchors > 0 */
  HRB_TRANSFORM_LINEAR,    /* 100 × (v − zero) / (full − zero) */
  HRB_TRANSFORM_BANDS,     /* v ≥ threshold[k] → band[k] (1..9); below all → 1;
                            * score = (band − 1) × 100 / 8 */
  HRB_TRANSFORM_POINTS,    /* the input is already points: score = v */
  HRB_N_TRANSFORMS
} HrbTransform;

/* Reference total of the relative budget impact. */
typedef enum {
  HRB_REFERENCE_LIST = 0,  /* all eligible items of the same stream */
  HRB_REFERENCE_DOMAIN,    /* eligible items of the same stream and disease domain */
} HrbReference;

/* Uncertainty flags (bits of HrbScoreInput.flags: 1 << flag). */
typedef enum {
  HRB_FLAG_CONDITIONAL = 0,        /* conditional marketing authorisation */
  HRB_FLAG_EXCEPTIONAL,            /* exceptional circumstances */
  HRB_FLAG_CONDITIONAL_ADMISSION,  /* VT or ViO (package status "conditional") */
  HRB_FLAG_ORPHAN,
  HRB_FLAG_ACCELERATED,
  HRB_FLAG_ATMP,
  HRB_N_FLAGS
} HrbFlag;

/* Tie-break keys, applied in order after the score (descending). The item id
 * (ascending) always ends the chain, so the order is total. */
typedef enum {
  HRB_TIE_BUDGET_IMPACT = 0,  /* point budget impact, descending (unknown last) */
  HRB_TIE_PATIENTS,           /* point patients, descending (unknown last) */
  HRB_TIE_MEDICINE,           /* medicine display name, ascending (collated) */
  HRB_TIE_ITEM_ID,            /* item id, ascending */
  HRB_N_TIE_KEYS
} HrbTieKey;

#define HRB_MAX_BANDS 8
#define HRB_MAX_TIE_KEYS 4

/* Why an item is not eligible. */
typedef enum {
  HRB_ELIGIBLE = 0,
  HRB_INELIGIBLE_INSUFFICIENT_DATA,  /* neither patients nor budget impact */
  HRB_INELIGIBLE_BELOW_THRESHOLDS,   /* cost per patient and budget impact below */
  HRB_INELIGIBLE_UNKNOWN_COST,       /* patients only: no cost, no budget impact */
} HrbEligibility;

typedef struct {
  char        *id;           /* [a-z0-9_]+, unique in the method; column contrib_<id> */
  char        *label;        /* shown to people; may be NULL (then a default label) */
  gboolean     enabled;      /* disabled criteria are kept but not used */
  HrbInput     input;
  HrbTransform transform;
  double       weight;       /* ≥ 0 */
  double       anchor_zero;  /* LOG, LINEAR: input value giving 0 */
  double       anchor_full;  /* LOG, LINEAR: input value giving 100 */
  guint        n_bands;      /* BANDS: 1..HRB_MAX_BANDS */
  double       band_threshold[HRB_MAX_BANDS];  /* strictly ascending */
  int          band_value[HRB_MAX_BANDS];      /* 1..9, non-decreasing */
  /* Input parameters. */
  HrbReference reference;                  /* RELATIVE_BUDGET_IMPACT */
  double       flag_points[HRB_N_FLAGS];   /* UNCERTAINTY */
  double       points_cap;                 /* UNCERTAINTY: sum capped here (100) */
  double       loe_years;                  /* MARKET: horizon in years */
  double       market_points;              /* MARKET: points when triggered (100) */
} HrbCriterion;

HrbCriterion *hrb_criterion_new  (const char *id, HrbInput input, HrbTransform transform,
                                  double weight);
HrbCriterion *hrb_criterion_copy (const HrbCriterion *c);
void          hrb_criterion_free (HrbCriterion *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbCriterion, hrb_criterion_free)
/* The label to show: c->label or a translated default for the input. */
const char   *hrb_criterion_label (const HrbCriterion *c);
/* The transform alone: criterion score 0..100 of an input value (NAN → 0). */
double        hrb_criterion_transform (const HrbCriterion *c, double value);

typedef struct {
  gint64     id;             /* store id; 0 when not stored (built-in or new) */
  char      *name;
  int        version;        /* 1, 2, …; 0 for an unsaved method */
  char      *description;
  gboolean   builtin;        /* "Basis": cannot be saved under its own name */
  /* Eligibility: eligible when cost per patient ≥ min_cost_per_patient OR
   * budget impact ≥ min_budget_impact (point values). A NAN threshold drops
   * its clause; both NAN: every item with data is eligible. */
  double     min_cost_per_patient;
  double     min_budget_impact;
  GPtrArray *criteria;       /* HrbCriterion*, in order */
  HrbTieKey  tie_break[HRB_MAX_TIE_KEYS];
  guint      n_tie_break;
  guint      unstable_span;  /* default 5 */
  char      *created_at;     /* from the store, may be NULL */
  char      *author;
} HrbMethod;

HrbMethod *hrb_method_new   (const char *name);   /* no criteria, Basis thresholds */
HrbMethod *hrb_method_new_basis (void);           /* the locked default "Basis" */
HrbMethod *hrb_method_copy  (const HrbMethod *m);
/* A copy under a new name: not built-in, id 0, version 0. */
HrbMethod *hrb_method_duplicate (const HrbMethod *m, const char *new_name);
void       hrb_method_free  (HrbMethod *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbMethod, hrb_method_free)

#define HRB_METHOD_BASIS "Basis"

/* NULL-terminated list of the ids of the enabled criteria (free with g_strfreev). */
char          **hrb_method_active_ids (const HrbMethod *m);
HrbCriterion   *hrb_method_find_criterion (const HrbMethod *m, const char *id);
/* TRUE when valid; else FALSE with HRB_SCORING_ERROR_INVALID naming the
 * criterion and field. */
gboolean        hrb_method_validate (const HrbMethod *m, GError **error);
/* TRUE when two enabled criteria with weight > 0 count the same thing:
 * budget impact together with both patients and cost per patient. *warning
 * gets a translated sentence. */
gboolean        hrb_method_double_counting (const HrbMethod *m, char **warning);
/* TRUE when the two methods score identically (criteria, weights, anchors,
 * eligibility, tie-break, unstable span); names and versions are ignored. */
gboolean        hrb_method_equal_definition (const HrbMethod *a, const HrbMethod *b);

/* Method files (GKeyFile syntax; format documented in hrb-method-file.c and
 * docs/method-file.md). Errors name the file's line (syntax) or the group
 * and key (values): "method.ini: [criterion patients] weight: not a number". */
char       *hrb_method_to_data   (const HrbMethod *m, gsize *length);
HrbMethod  *hrb_method_from_data (const char *data, gsize length, const char *file_name,
                                  GError **error);
gboolean    hrb_method_save_file (const HrbMethod *m, const char *path, GError **error);
HrbMethod  *hrb_method_load_file (const char *path, GError **error);

/* Code names used in method files and the CLI. */
const char *hrb_input_to_code      (HrbInput input);
gboolean    hrb_input_from_code    (const char *code, HrbInput *out);
const char *hrb_input_label        (HrbInput input);   /* translated */
const char *hrb_transform_to_code  (HrbTransform t);
gboolean    hrb_transform_from_code (const char *code, HrbTransform *out);
const char *hrb_flag_to_code       (HrbFlag flag);
gboolean    hrb_flag_from_code     (const char *code, HrbFlag *out);
const char *hrb_flag_label         (HrbFlag flag);     /* translated */
const char *hrb_tie_key_to_code    (HrbTieKey key);
gboolean    hrb_tie_key_from_code  (const char *code, HrbTieKey *out);

/* ---------------------------------------------------------------------------
 * Engine input: parallel arrays, one entry per item. Fill them directly
 * (benchmarks) or with hrb_score_input_new_from_items().
 */
typedef struct {
  guint     n;
  gint64   *item_id;
  guint8   *stream;            /* HrbStream */
  guint32  *name_order;        /* rank of the medicine name in collation order */
  guint32  *domain;            /* disease domain index; 0 = none */
  double   *patients[HRB_N_SCENARIOS];  /* NAN = unknown */
  double   *cost[HRB_N_SCENARIOS];      /* cost per patient per year */
  double   *budget[HRB_N_SCENARIOS];    /* budget impact, see hrb_score_input_derive() */
  double   *growth;            /* fraction vs the previous vintage, NAN unknown */
  guint32  *flags;             /* 1 << HrbFlag */
  double   *years_to_loe;      /* years from the reference date (< 0: past); NAN unknown */
  double   *expert;            /* 0..100, NAN when none */
  /* Optional: the items themselves (HrbItem*, same order) for rows and
   * explanations; NULL for synthetic data. */
  GPtrArray *items;
  /* Optional, parallel to items: previous vintage's figure (HrbFigure* or
   * NULL) and expert reason (char* or NULL). */
  GPtrArray *previous;
  GPtrArray *expert_reason;
} HrbScoreInput;

/* Allocates n entries: numbers NAN, flags 0, domain 0, name_order = index. */
HrbScoreInput *hrb_score_input_new  (guint n);
void           hrb_score_input_free (HrbScoreInput *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbScoreInput, hrb_score_input_free)

/* Point values and budget impact from the figures, per the Basis rules:
 * the point of a range is its midpoint when both ends are known, otherwise
 * the known end; an unknown low/high end falls back on the point. Budget
 * impact is the given total when there is one, else patients × cost
 * (low × low, point × point, high × high). A missing cost per patient is
 * derived as budget / patients when both are known. Call after filling
 * patients/cost/budget with the RAW low and high ends in [HRB_LOW] and
 * [HRB_HIGH] ([HRB_POINT] is computed here; budget[] holds the given total
 * or NAN). */
void           hrb_score_input_derive (HrbScoreInput *in);

/* Builds the arrays from items (HrbItem*, e.g. from hrb_store_list_items()),
 * the previous vintage's figures (item id → HrbFigure*, may be NULL), the
 * expert scores (item id → HrbExpertScore*, may be NULL) and the reference
 * date for the market trigger (ISO date; NULL = today, UTC). Keeps
 * references to items. */
typedef struct {
  gint64  item_id;
  double  score;     /* 0..100 */
  char   *reason;    /* mandatory, not empty */
  char   *set_at;
  char   *author;
} HrbExpertScore;
void           hrb_expert_score_free (HrbExpertScore *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbExpertScore, hrb_expert_score_free)

HrbScoreInput *hrb_score_input_new_from_items (GPtrArray *items, GHashTable *previous,
                                               GHashTable *expert, const char *today);

/* ---------------------------------------------------------------------------
 * Engine output.
 */
typedef struct {
  guint     n;
  guint     n_criteria;          /* enabled criteria, in method order */
  double   *score[HRB_N_SCENARIOS];
  guint8   *eligibility;         /* HrbEligibility */
  guint32  *rank;                /* 1-based within the stream; 0 ineligible */
  guint32  *rank_best;
  guint32  *rank_worst;
  guint8   *unstable;
  guint8   *sluis;               /* crosses the sluis thresholds (point values) */
  double   *relative;            /* relative budget impact (point), fraction */
  double   *reference_total;     /* the total it was divided by */
  double   *contrib;             /* n × n_criteria: contrib[i * n_criteria + c] (point) */
  guint32  *order;               /* all n indices: per stream (prospective first),
                                  * eligible by rank, then ineligible in input
                                  * order (item id for data from the store) */
  guint     n_eligible[2];       /* per stream */
  guint     n_stream[2];         /* items per stream */
  /*< private >*/
  gpointer  priv;                /* scratch buffers reused between runs */
} HrbScoreResult;

typedef struct {
  double sluis_cost_per_patient;  /* default 50,000 */
  double sluis_budget_impact;     /* default 20,000,000 */
} HrbScoreOptions;

#define HRB_SLUIS_COST_PER_PATIENT 50000.0
#define HRB_SLUIS_BUDGET_IMPACT    20000000.0

void            hrb_score_options_init (HrbScoreOptions *opts);
void            hrb_score_result_free (HrbScoreResult *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbScoreResult, hrb_score_result_free)

/* Scores every item of in with method m (NULL options: defaults). The method
 * must be valid (hrb_method_validate()). Reusing a previous result of the same
 * size avoids allocations (pass it as reuse, or NULL). */
HrbScoreResult *hrb_score (const HrbMethod *m, const HrbScoreInput *in,
                           const HrbScoreOptions *opts, HrbScoreResult *reuse);

/* Translated reason of an ineligible item, with the method's thresholds:
 * "cost per patient below EUR 10,000 and budget impact below EUR 1 million",
 * "insufficient data". NULL for HRB_ELIGIBLE. */
char           *hrb_eligibility_reason (const HrbMethod *m, HrbEligibility e);

/* Sluis check: does a (cost, budget) point cross? What-if counts: how many
 * items of a stream (HRB_STREAM_ANY: both) cross at other thresholds (NAN
 * drops a clause). */
gboolean        hrb_sluis_crosses (double cost_per_patient, double budget_impact,
                                   double threshold_cost, double threshold_budget);
guint           hrb_sluis_count (const HrbScoreInput *in, HrbStream stream,
                                 double threshold_cost, double threshold_budget);

/* ---------------------------------------------------------------------------
 * Rankings: rows as people read them.
 */
typedef struct {
  char    *criterion_id;
  char    *label;
  double   input;        /* input value at the point (NAN unknown) */
  double   input_low;
  double   input_high;
  char    *source;       /* where the input comes from, e.g. "Horizonscan, 2026-09-01" */
  double   criterion_score;  /* 0..100 */
  double   weight;
  double   contribution;     /* weight × criterion_score / Σ weight */
} HrbCriterionDetail;

typedef struct {
  gint64    item_id;
  char     *medicine;        /* display name */
  char     *indication;      /* NULL: medicine-level */
  char     *domain;
  HrbStream stream;
  guint     rank;            /* 0 when ineligible */
  guint     rank_best;
  guint     rank_worst;
  double    score;
  double    score_low;
  double    score_high;
  gboolean  eligible;
  gboolean  unstable;
  gboolean  sluis;
  char     *reason;          /* why ineligible (translated), NULL when eligible */
  /* The figures as scored. */
  HrbRange  patients;
  HrbRange  cost;            /* per patient */
  HrbRange  budget_impact;
  double    patients_point;
  double    cost_point;
  double    budget_point;
  double    relative_budget_impact;  /* fraction, NAN unknown */
  double    growth;
  double    uncertainty_points;
  double    expert_score;
  char     *loe_date;
  char     *figure_source;
  char     *figure_vintage;
  guint     n_details;
  HrbCriterionDetail *details;  /* one per enabled criterion, method order */
} HrbRankingRow;

/* The row of one item (input index i) of a result: for the explanation of the
 * selected item without building the whole ranking. */
HrbRankingRow *hrb_ranking_row_new  (const HrbMethod *m, const HrbScoreInput *in,
                                     const HrbScoreResult *r, guint i);
void           hrb_ranking_row_free (HrbRankingRow *row);
HrbRankingRow *hrb_ranking_row_copy (const HrbRankingRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbRankingRow, hrb_ranking_row_free)

typedef struct {
  HrbMethod *method;       /* copy of the method that made it */
  GStrv      criterion_ids;/* enabled criteria: columns contrib_<id> */
  GPtrArray *rows;         /* HrbRankingRow*, in result order */
} HrbRanking;

/* Rows of stream (HRB_STREAM_ANY: both, prospective first) in result order.
 * in->items must be set. */
HrbRanking    *hrb_ranking_new (const HrbMethod *m, const HrbScoreInput *in,
                                const HrbScoreResult *r, HrbStream stream);
void           hrb_ranking_free (HrbRanking *ranking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbRanking, hrb_ranking_free)
/* The row of one item, or NULL. */
const HrbRankingRow *hrb_ranking_find (const HrbRanking *ranking, gint64 item_id);

/* ---------------------------------------------------------------------------
 * Frozen lists ("lijst vaststellen") and their comparison.
 */
typedef struct {
  gint64      id;
  char       *name;
  char       *date;          /* ISO date of the meeting/decision */
  HrbStream   stream;
  gint64      method_id;
  char       *method_name;
  int         method_version;
  char       *remark;
  char       *created_at;
  char       *author;
  guint       n_rows;        /* filled by the list functions */
  HrbRanking *ranking;       /* NULL in lists of frozen lists */
} HrbFrozenList;

void hrb_frozen_list_free (HrbFrozenList *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbFrozenList, hrb_frozen_list_free)

typedef enum {
  HRB_CHANGE_SAME = 0,
  HRB_CHANGE_UP,         /* better (smaller) rank in b */
  HRB_CHANGE_DOWN,
  HRB_CHANGE_ENTERED,    /* eligible in b, not ranked in a */
  HRB_CHANGE_LEFT,       /* ranked in a, not ranked in b */
} HrbChangeKind;

typedef struct {
  gint64        item_id;
  char         *medicine;
  char         *indication;
  HrbChangeKind kind;
  guint         rank_a;  /* 0: not ranked */
  guint         rank_b;
  double        score_a; /* NAN when absent */
  double        score_b;
  char         *why;     /* translated: which inputs changed, e.g.
                          * "patients 100–200 → 300; method changed" */
} HrbRankChange;

void       hrb_rank_change_free (HrbRankChange *c);
const char *hrb_change_kind_to_code (HrbChangeKind k);  /* same, up, down, entered, left */
/* Changes from a to b (both with rankings): every item present in either,
 * in b's order then the ones that left. Element type HrbRankChange. */
GPtrArray *hrb_frozen_compare (const HrbFrozenList *a, const HrbFrozenList *b);

/* ---------------------------------------------------------------------------
 * Convenience: the store-backed flow (SQL lives in hrb-store-scoring.c).
 */
/* Loads the items of stream (HRB_STREAM_ANY for both) with previous figures
 * and expert scores; today NULL = the current date. */
HrbScoreInput *hrb_scoring_load (HrbStore *store, HrbStream stream, const char *today,
                                 GError **error);
/* Finds a method by name: the latest stored version, or the built-in Basis. */
HrbMethod     *hrb_scoring_find_method (HrbStore *store, const char *name, GError **error);
/* Loads, scores and builds the ranking in one go (name NULL: Basis). */
HrbRanking    *hrb_scoring_rank (HrbStore *store, const char *method_name, HrbStream stream,
                                 const HrbScoreOptions *opts, GError **error);

G_END_DECLS
