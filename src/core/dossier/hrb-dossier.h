/* hrb-dossier.h: the dossier of a reassessment and its route.
 *
 * A dossier belongs to one item (medicine × indication); an item has at most
 * one open dossier (not closed and not dropped), enforced by the database.
 * The dossier moves along a route of stages; every move is a transition
 * with its date, author, the party that must act next and an optional due
 * date. Parking and dropping are side states.
 *
 * Dates are ISO 8601 calendar dates ("YYYY-MM-DD"); timestamps are ISO 8601
 * UTC ("YYYY-MM-DDTHH:MM:SSZ"). Money is euros as double (NAN = unknown).
 *
 * Confidentiality: the price-arrangement fields of a dossier and notes with
 * confidential = TRUE are confidential. Every store function that returns
 * them takes an explicit include_confidential argument; with FALSE, the
 * confidential fields are NULL/NAN, confidential notes are left out and
 * HrbDossier.confidential_included is FALSE (see hrb-store-dossier.h).
 *
 * Rules (also used by the monitoring figures, hrb-monitoring.h):
 *  - overdue: the current transition has a due date strictly before today
 *    and the dossier is neither closed nor dropped;
 *  - a parked dossier is out of view until its "look again" date; from that
 *    date on (date <= today) it is active again and flagged look_again;
 *  - days in stage: calendar days from the current transition's date to
 *    today (0 on the day of the move).
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

/* The route. The order is the order of the route; PARKED and DROPPED are the
 * side states. Codes (hrb_stage_to_code) are stable: signalled, prioritised,
 * question, data_collection, analysis, reporting, triage, decision,
 * implementation, monitoring, closed, parked, dropped. */
typedef enum {
  HRB_STAGE_SIGNALLED = 0,
  HRB_STAGE_PRIORITISED,
  HRB_STAGE_QUESTION,
  HRB_STAGE_DATA_COLLECTION,
  HRB_STAGE_ANALYSIS,
  HRB_STAGE_REPORTING,
  HRB_STAGE_TRIAGE,
  HRB_STAGE_DECISION,
  HRB_STAGE_IMPLEMENTATION,
  HRB_STAGE_MONITORING,
  HRB_STAGE_CLOSED,
  HRB_STAGE_PARKED,
  HRB_STAGE_DROPPED,
  HRB_N_STAGES
} HrbStage;

/* Number of stages on the main route (signalled … closed). */
#define HRB_N_ROUTE_STAGES (HRB_STAGE_CLOSED + 1)

/* Who must act next. Codes: project_team, fms, zn, zin, association, holder,
 * triage_table, vws. HRB_PARTY_NONE has the code "" and is stored as NULL. */
typedef enum {
  HRB_PARTY_NONE = -1,
  HRB_PARTY_PROJECT_TEAM = 0,
  HRB_PARTY_FMS,
  HRB_PARTY_ZN,
  HRB_PARTY_ZIN,            /* ZIN / CieBAG */
  HRB_PARTY_ASSOCIATION,    /* scientific association / medicine committee */
  HRB_PARTY_HOLDER,         /* marketing authorisation holder */
  HRB_PARTY_TRIAGE_TABLE,
  HRB_PARTY_VWS,
  HRB_N_PARTIES
} HrbParty;

/* Uncertainties checklist (bit flags). Codes: effectiveness, subgroup, dose,
 * duration, long_term, cost_effectiveness, appropriate_use. */
typedef enum {
  HRB_UNCERTAINTY_EFFECTIVENESS      = 1 << 0,  /* effectiveness in practice */
  HRB_UNCERTAINTY_SUBGROUP           = 1 << 1,
  HRB_UNCERTAINTY_DOSE               = 1 << 2,
  HRB_UNCERTAINTY_DURATION           = 1 << 3,  /* treatment duration */
  HRB_UNCERTAINTY_LONG_TERM          = 1 << 4,  /* long-term effects */
  HRB_UNCERTAINTY_COST_EFFECTIVENESS = 1 << 5,
  HRB_UNCERTAINTY_APPROPRIATE_USE    = 1 << 6,
} HrbUncertainty;
#define HRB_N_UNCERTAINTIES 7

/* Control measures (beheersmaatregelen), the catalogue of domain.md. Codes:
 * restrict_indication, place_in_therapy, start_stop_criteria,
 * dose_optimisation, price_arrangement, pay_for_performance,
 * appropriate_use, registry, conditional_continuation, removal, no_change,
 * park. */
typedef enum {
  HRB_MEASURE_RESTRICT_INDICATION = 0,
  HRB_MEASURE_PLACE_IN_THERAPY,
  HRB_MEASURE_START_STOP_CRITERIA,
  HRB_MEASURE_DOSE_OPTIMISATION,
  HRB_MEASURE_PRICE_ARRANGEMENT,
  HRB_MEASURE_PAY_FOR_PERFORMANCE,
  HRB_MEASURE_APPROPRIATE_USE,
  HRB_MEASURE_REGISTRY,
  HRB_MEASURE_CONDITIONAL_CONTINUATION,
  HRB_MEASURE_REMOVAL,
  HRB_MEASURE_NO_CHANGE,
  HRB_MEASURE_PARK,
  HRB_N_MEASURE_KINDS
} HrbMeasureKind;

/* Codes: proposed, agreed, implemented, evaluated. */
typedef enum {
  HRB_MEASURE_PROPOSED = 0,     /* voorgesteld */
  HRB_MEASURE_AGREED,           /* afgesproken */
  HRB_MEASURE_IMPLEMENTED,      /* geïmplementeerd */
  HRB_MEASURE_EVALUATED,        /* geëvalueerd */
  HRB_N_MEASURE_STATUS
} HrbMeasureStatus;

/* Codes (stable, for the CLI and files) and translated labels. from_code
 * returns FALSE for an unknown code. */
const char *hrb_stage_to_code     (HrbStage s);
gboolean    hrb_stage_from_code   (const char *code, HrbStage *out);
const char *hrb_stage_label       (HrbStage s);
const char *hrb_party_to_code     (HrbParty p);
gboolean    hrb_party_from_code   (const char *code, HrbParty *out);
const char *hrb_party_label       (HrbParty p);
const char *hrb_uncertainty_to_code (HrbUncertainty u);
gboolean    hrb_uncertainty_from_code (const char *code, HrbUncertainty *out);
const char *hrb_uncertainty_label (HrbUncertainty u);
/* The i-th flag (0 ≤ i < HRB_N_UNCERTAINTIES). */
HrbUncertainty hrb_uncertainty_nth (guint i);
const char *hrb_measure_kind_to_code   (HrbMeasureKind k);
gboolean    hrb_measure_kind_from_code (const char *code, HrbMeasureKind *out);
const char *hrb_measure_kind_label     (HrbMeasureKind k);
const char *hrb_measure_status_to_code   (HrbMeasureStatus s);
gboolean    hrb_measure_status_from_code (const char *code, HrbMeasureStatus *out);
const char *hrb_measure_status_label     (HrbMeasureStatus s);

/* TRUE for closed and dropped (the dossier is finished). */
gboolean    hrb_stage_is_final (HrbStage s);

/* One step on the route. As input to hrb_store_move_dossier(): stage,
 * party, date (NULL: today), due_date, remark, and for PARKED look_again
 * (required) with the reason in remark; for DROPPED the reason in remark
 * (required). */
typedef struct {
  gint64    id;
  gint64    dossier_id;
  HrbStage  stage;
  HrbParty  party;
  char     *date;          /* ISO date the stage began */
  char     *due_date;      /* ISO date or NULL */
  char     *look_again;    /* parked only: ISO date to look again */
  char     *remark;        /* remark, or the reason for parking/dropping */
  char     *author;        /* filled by the store */
  char     *recorded_at;   /* timestamp, filled by the store */
} HrbTransition;

HrbTransition *hrb_transition_new  (void);
HrbTransition *hrb_transition_copy (const HrbTransition *t);
void           hrb_transition_free (HrbTransition *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbTransition, hrb_transition_free)

typedef struct {
  gint64            id;
  gint64            dossier_id;
  HrbMeasureKind    kind;
  char             *description;
  char             *owner;            /* who carries it out */
  HrbMeasureStatus  status;
  char             *agreed_date;      /* ISO dates or NULL */
  char             *start_date;
  char             *evaluation_date;
} HrbMeasure;

HrbMeasure *hrb_measure_new  (void);
HrbMeasure *hrb_measure_copy (const HrbMeasure *m);
void        hrb_measure_free (HrbMeasure *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbMeasure, hrb_measure_free)

typedef struct {
  gint64    id;
  gint64    dossier_id;
  char     *at;             /* timestamp */
  char     *author;
  char     *text;
  gboolean  confidential;
} HrbNote;

HrbNote *hrb_note_new  (void);
void     hrb_note_free (HrbNote *n);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbNote, hrb_note_free)

/* An evidence link: a URL or a file path with a title (EPAR, ZIN report,
 * committee form, …). */
typedef struct {
  gint64  id;
  gint64  dossier_id;
  char   *title;
  char   *target;         /* URL or file path */
} HrbLink;

HrbLink *hrb_link_new  (void);
void     hrb_link_free (HrbLink *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbLink, hrb_link_free)

typedef struct {
  gint64    id;
  gint64    item_id;

  /* Question and rationale. */
  char     *question;
  char     *rationale;
  /* Uncertainties: HrbUncertainty flags plus text. */
  guint     uncertainties;
  char     *uncertainty_text;
  /* Market and availability. */
  gboolean  sole_supplier;
  char     *loe_date;             /* loss of exclusivity, ISO date */
  gboolean  critical_caution;     /* on the critical medicines list: caution */
  char     *market_text;
  /* Parties involved: bit (1 << HrbParty) per party, plus text. */
  guint     parties;
  char     *parties_text;
  /* Outcome. */
  char     *advice_date;          /* triage table's advice */
  char     *advice_text;
  char     *follow_up_date;       /* herbeoordelingsdatum */

  /* Confidential: price arrangement. NULL/NAN unless confidential_included. */
  char     *price_arrangement;    /* description of the arrangement */
  double    price_net;            /* net price or discount value, euros */
  char     *price_end_date;       /* end of the arrangement */
  gboolean  confidential_included;

  char     *created_at;           /* timestamp */

  /* Current state (from the latest transition; read-only, changed through
   * hrb_store_move_dossier()). */
  HrbStage  stage;
  HrbParty  party;
  char     *stage_since;          /* date of the current transition */
  char     *due_date;
  char     *look_again;           /* parked: date to look again */
  char     *stage_remark;         /* remark / reason of the current transition */
  HrbStage  parked_from;          /* parked: the stage it interrupted */
  char     *first_date;           /* date of the first transition */

  /* From the item (read-only). */
  char     *medicine;             /* display name */
  char     *inn;
  char     *indication;           /* NULL: medicine-level */
  char     *domain;
  gboolean  item_critical;        /* the medicine is on the critical list */

  /* Derived for "today" when listed (see the rules above). */
  int       days_in_stage;
  gboolean  overdue;
  gboolean  active;               /* open, and not parked before its date */
  gboolean  look_again_due;       /* parked and its date has come */
} HrbDossier;

HrbDossier *hrb_dossier_new  (void);
HrbDossier *hrb_dossier_copy (const HrbDossier *d);
void        hrb_dossier_free (HrbDossier *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbDossier, hrb_dossier_free)

/* The names of the dossier fields that are confidential ("price_arrangement",
 * "price_net", "price_end_date"), NULL-terminated. */
const char * const *hrb_dossier_confidential_fields (void);
gboolean    hrb_dossier_field_is_confidential (const char *field);

/* Recomputes the derived fields (days_in_stage, overdue, active,
 * look_again_due) for today (ISO date). */
void        hrb_dossier_update_derived (HrbDossier *d, const char *today);

/* Calendar days from a to b (ISO dates); G_MININT when either is invalid. */
int         hrb_days_between (const char *a, const char *b);
/* TRUE when text is a valid ISO calendar date YYYY-MM-DD. */
gboolean    hrb_is_iso_date (const char *text);

G_END_DECLS
