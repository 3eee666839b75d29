/* hrb-store-dossier.c: dossiers, their route, measures, notes and links. */
#include "hrb-store-private.h"
#include "hrb-store-dossier.h"
#include "hrb-i18n.h"

#include <string.h>

#define CONFIDENTIAL_MARK "(confidential)"

/* Helpers -------------------------------------------------------------------- */

static gboolean
invalid (GError **error, const char *field, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, const char *field, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, "%s: %s", field, msg);
  return FALSE;
}

/* NULL for NULL or blank text. */
static const char *
nonblank (const char *text)
{
  if (text == NULL)
    return NULL;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return text;
  return NULL;
}

static gboolean
check_date (const char *value, const char *field, gboolean required, GError **error)
{
  value = nonblank (value);
  if (value == NULL)
    {
      if (required)
        return invalid (error, field, _("a date is required"));
      return TRUE;
    }
  if (!hrb_is_iso_date (value))
    return invalid (error, field, _("“%s” is not a date (use YYYY-MM-DD)"), value);
  return TRUE;
}

static gboolean
audit_text (HrbStore *self, const char *entity, gint64 id, const char *field,
            const char *old_value, const char *new_value, GError **error)
{
  old_value = nonblank (old_value);
  new_value = nonblank (new_value);
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return hrb_store_audit (self, entity, id, field, old_value, new_value, error);
}

static gboolean
audit_bool (HrbStore *self, const char *entity, gint64 id, const char *field,
            gboolean old_value, gboolean new_value, GError **error)
{
  if (!old_value == !new_value)
    return TRUE;
  return hrb_store_audit (self, entity, id, field, old_value ? "1" : "0", new_value ? "1" : "0",
                          error);
}

static gboolean
audit_uint (HrbStore *self, const char *entity, gint64 id, const char *field,
            guint old_value, guint new_value, GError **error)
{
  char a[16], b[16];

  if (old_value == new_value)
    return TRUE;
  g_snprintf (a, sizeof a, "%u", old_value);
  g_snprintf (b, sizeof b, "%u", new_value);
  return hrb_store_audit (self, entity, id, field, a, b, error);
}

static gboolean
audit_double (HrbStore *self, const char *entity, gint64 id, const char *field,
              double old_value, double new_value, GError **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if ((!hrb_is_known (old_value) && !hrb_is_known (new_value)) || old_value == new_value)
    return TRUE;
  a = hrb_audit_double (old_value);
  b = hrb_audit_double (new_value);
  return hrb_store_audit (self, entity, id, field, a, b, error);
}

static gboolean
audit_parent (HrbStore *self, const char *entity, gint64 id, gint64 dossier_id, GError **error)
{
  char b[32];

  g_snprintf (b, sizeof b, "%" G_GINT64_FORMAT, dossier_id);
  return hrb_store_audit (self, entity, id, "dossier_id", NULL, b, error);
}

static const char *
party_code_or_null (HrbParty p)
{
  return p == HRB_PARTY_NONE ? NULL : hrb_party_to_code (p);
}

static HrbParty
col_party (sqlite3_stmt *s, int i)
{
  HrbParty p = HRB_PARTY_NONE;
  const char *code = (const char *) sqlite3_column_text (s, i);

  if (code == NULL || !hrb_party_from_code (code, &p))
    return HRB_PARTY_NONE;
  return p;
}

static HrbStage
col_stage (sqlite3_stmt *s, int i)
{
  HrbStage st = HRB_STAGE_SIGNALLED;
  const char *code = (const char *) sqlite3_column_text (s, i);

  if (code == NULL || !hrb_stage_from_code (code, &st))
    return HRB_STAGE_SIGNALLED;
  return st;
}

char *
hrb_dossier_today (HrbStore *store)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  now = hrb_store_now (store);
  return g_strndup (now, 10);
}

/* Reading dossiers ----------------------------------------------------------- */

#define DOSSIER_SELECT \
  "SELECT d.id, d.item_id, d.question, d.rationale, d.uncertainties, d.uncertainty_text, " \
  "d.sole_supplier, d.loe_date, d.critical_caution, d.market_text, d.parties, d.parties_text, " \
  "d.advice_date, d.advice_text, d.follow_up_date, d.price_arrangement, d.price_net, " \
  "d.price_end_date, d.created_at, d.stage, d.party, d.stage_since, d.due_date, d.look_again, " \
  "d.stage_remark, d.parked_from, d.first_date, m.inn, m.brand, i.indication, i.domain, " \
  "m.critical " \
  "FROM dossier d JOIN item i ON i.id = d.item_id JOIN medicine m ON m.id = i.medicine_id "

static HrbDossier *
read_dossier (sqlite3_stmt *s, gboolean include_confidential, const char *today)
{
  HrbDossier *d = hrb_dossier_new ();
  HrbMedicine m = { 0 };

  d->id = sqlite3_column_int64 (s, 0);
  d->item_id = sqlite3_column_int64 (s, 1);
  d->question = hrb_col_text (s, 2);
  d->rationale = hrb_col_text (s, 3);
  d->uncertainties = sqlite3_column_int (s, 4);
  d->uncertainty_text = hrb_col_text (s, 5);
  d->sole_supplier = sqlite3_column_int (s, 6);
  d->loe_date = hrb_col_text (s, 7);
  d->critical_caution = sqlite3_column_int (s, 8);
  d->market_text = hrb_col_text (s, 9);
  d->parties = sqlite3_column_int (s, 10);
  d->parties_text = hrb_col_text (s, 11);
  d->advice_date = hrb_col_text (s, 12);
  d->advice_text = hrb_col_text (s, 13);
  d->follow_up_date = hrb_col_text (s, 14);
  d->confidential_included = include_confidential;
  if (include_confidential)
    {
      d->price_arrangement = hrb_col_text (s, 15);
      d->price_net = hrb_col_double (s, 16);
      d->price_end_date = hrb_col_text (s, 17);
    }
  d->created_at = hrb_col_text (s, 18);
  d->stage = col_stage (s, 19);
  d->party = col_party (s, 20);
  d->stage_since = hrb_col_text (s, 21);
  d->due_date = hrb_col_text (s, 22);
  d->look_again = hrb_col_text (s, 23);
  d->stage_remark = hrb_col_text (s, 24);
  d->parked_from = sqlite3_column_type (s, 25) == SQLITE_NULL ? d->stage : col_stage (s, 25);
  d->first_date = hrb_col_text (s, 26);
  m.inn = (char *) sqlite3_column_text (s, 27);
  m.brand = (char *) sqlite3_column_text (s, 28);
  d->inn = g_strdup (m.inn);
  d->medicine = g_strdup (hrb_medicine_display_name (&m));
  d->indication = hrb_col_text (s, 29);
  d->domain = hrb_col_text (s, 30);
  d->item_critical = sqlite3_column_int (s, 31);
  hrb_dossier_update_derived (d, today);
  return d;
}

HrbDossier *
hrb_store_get_dossier (HrbStore *store, gint64 id, gboolean include_confidential, GError **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *s;
  HrbDossier *d = NULL;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  s = hrb_store_prepare (store, DOSSIER_SELECT "WHERE d.id = ?1", error);
  if (s == NULL)
    return NULL;
  today = hrb_dossier_today (store);
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    d = read_dossier (s, include_confidential, today);
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Dossier %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return d;
}

GPtrArray *
hrb_store_list_dossiers (HrbStore *store, gboolean include_confidential, GError **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  s = hrb_store_prepare (store, DOSSIER_SELECT "ORDER BY d.id", error);
  if (s == NULL)
    return NULL;
  today = hrb_dossier_today (store);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_dossier_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (out, read_dossier (s, include_confidential, today));
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (store, error, _("Cannot read the dossiers"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

gint64
hrb_store_find_open_dossier (HrbStore *store, gint64 item_id, GError **error)
{
  sqlite3_stmt *s;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), 0);
  s = hrb_store_prepare (store,
      "SELECT id FROM dossier WHERE item_id = ?1 AND stage NOT IN ('closed', 'dropped')", error);
  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, item_id);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (s, 0);
  else if (rc != SQLITE_DONE)
    hrb_store_set_sqlite_error (store, error, _("Cannot read the dossiers"));
  hrb_store_done (s);
  return id;
}

/* Transitions ----------------------------------------------------------------- */

static HrbTransition *
read_transition (sqlite3_stmt *s)
{
  HrbTransition *t = hrb_transition_new ();

  t->id = sqlite3_column_int64 (s, 0);
  t->dossier_id = sqlite3_column_int64 (s, 1);
  t->stage = col_stage (s, 2);
  t->party = col_party (s, 3);
  t->date = hrb_col_text (s, 4);
  t->due_date = hrb_col_text (s, 5);
  t->look_again = hrb_col_text (s, 6);
  t->remark = hrb_col_text (s, 7);
  t->author = hrb_col_text (s, 8);
  t->recorded_at = hrb_col_text (s, 9);
  return t;
}

GPtrArray *
hrb_store_list_transitions (HrbStore *store, gint64 dossier_id, GError **error)
{
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  s = hrb_store_prepare (store,
      "SELECT id, dossier_id, stage, party, date, due_date, look_again, remark, author, "
      "recorded_at FROM dossier_transition WHERE (?1 IS NULL OR dossier_id = ?1) "
      "ORDER BY dossier_id, date, id", error);
  if (s == NULL)
    return NULL;
  hrb_bind_id (s, 1, dossier_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_transition_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (out, read_transition (s));
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (store, error, _("Cannot read the route of the dossiers"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

static gint64
insert_transition (HrbStore *store, gint64 dossier_id, HrbStage stage, HrbParty party,
                   const char *date, const char *due_date, const char *look_again,
                   const char *remark, GError **error)
{
  g_autofree char *now = hrb_store_now (store);
  sqlite3_stmt *s;
  gint64 id;
  const char *E = "transition";

  s = hrb_store_prepare (store,
      "INSERT INTO dossier_transition (dossier_id, stage, party, date, due_date, look_again, "
      "remark, author, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, dossier_id);
  hrb_bind_text (s, 2, hrb_stage_to_code (stage));
  hrb_bind_text (s, 3, party_code_or_null (party));
  hrb_bind_text (s, 4, date);
  hrb_bind_text (s, 5, nonblank (due_date));
  hrb_bind_text (s, 6, nonblank (look_again));
  hrb_bind_text (s, 7, nonblank (remark));
  hrb_bind_text (s, 8, hrb_store_get_author (store));
  hrb_bind_text (s, 9, now);
  if (!hrb_store_step_done (store, s, error))
    return 0;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (store));
  if (!audit_parent (store, E, id, dossier_id, error) ||
      !audit_text (store, E, id, "stage", NULL, hrb_stage_to_code (stage), error) ||
      !audit_text (store, E, id, "party", NULL, party_code_or_null (party), error) ||
      !audit_text (store, E, id, "date", NULL, date, error) ||
      !audit_text (store, E, id, "due_date", NULL, due_date, error) ||
      !audit_text (store, E, id, "look_again", NULL, look_again, error) ||
      !audit_text (store, E, id, "remark", NULL, remark, error))
    return 0;
  return id;
}

gint64
hrb_store_start_dossier (HrbStore *store, gint64 item_id, const char *date, HrbParty party,
                         GError **error)
{
  g_autoptr(HrbItem) item = NULL;
  g_autofree char *today = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *s;
  gint64 id, existing;
  char item_text[32];
  const char *E = "dossier";

  g_return_val_if_fail (HRB_IS_STORE (store), 0);
  if (party < HRB_PARTY_NONE || party >= HRB_N_PARTIES)
    return invalid (error, "party", _("unknown party"));
  if (party == HRB_PARTY_NONE)
    party = HRB_PARTY_PROJECT_TEAM;
  today = hrb_dossier_today (store);
  now = hrb_store_now (store);
  if (nonblank (date) == NULL)
    date = today;
  if (!check_date (date, "date", TRUE, error))
    return 0;

  if (!hrb_store_begin (store, error))
    return 0;
  item = hrb_store_get_item (store, item_id, error);
  if (item == NULL)
    goto fail;
  existing = hrb_store_find_open_dossier (store, item_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if (existing != 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID,
                   _("Item %lld already has an open dossier (%lld)"),
                   (long long) item_id, (long long) existing);
      goto fail;
    }
  s = hrb_store_prepare (store,
      "INSERT INTO dossier (item_id, created_at, stage, party, stage_since, first_date, "
      "loe_date, critical_caution) VALUES (?1, ?2, 'signalled', ?3, ?4, ?4, ?5, ?6)", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, item_id);
  hrb_bind_text (s, 2, now);
  hrb_bind_text (s, 3, party_code_or_null (party));
  hrb_bind_text (s, 4, date);
  /* The market section starts from what the item knows. */
  hrb_bind_text (s, 5, item->loe_date);
  sqlite3_bind_int (s, 6, !!item->medicine.critical);
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (store));
  g_snprintf (item_text, sizeof item_text, "%" G_GINT64_FORMAT, item_id);
  if (!hrb_store_audit (store, E, id, "item_id", NULL, item_text, error) ||
      !audit_text (store, E, id, "stage", NULL, "signalled", error) ||
      !audit_text (store, E, id, "party", NULL, party_code_or_null (party), error) ||
      !audit_text (store, E, id, "stage_since", NULL, date, error) ||
      !audit_text (store, E, id, "loe_date", NULL, item->loe_date, error) ||
      !audit_bool (store, E, id, "critical_caution", FALSE, item->medicine.critical, error) ||
      insert_transition (store, id, HRB_STAGE_SIGNALLED, party, date, NULL, NULL, NULL, error) == 0)
    goto fail;
  if (!hrb_store_commit (store, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (store);
  return 0;
}

static gboolean
validate_move (const HrbDossier *d, const HrbTransition *t, const char *date, GError **error)
{
  if (hrb_stage_is_final (d->stage))
    return invalid (error, "stage", _("dossier %lld has stage “%s”; it cannot move any more"),
                    (long long) d->id, hrb_stage_label (d->stage));
  if (t->stage < 0 || t->stage >= HRB_N_STAGES)
    return invalid (error, "stage", _("unknown stage"));
  if (t->party < HRB_PARTY_NONE || t->party >= HRB_N_PARTIES)
    return invalid (error, "party", _("unknown party"));
  if (t->party == HRB_PARTY_NONE && !hrb_stage_is_final (t->stage) && t->stage != HRB_STAGE_PARKED)
    return invalid (error, "party", _("say which party must act next"));
  if (!check_date (date, "date", TRUE, error) || !check_date (t->due_date, "due_date", FALSE, error))
    return FALSE;
  if (hrb_days_between (d->stage_since, date) < 0)
    return invalid (error, "date", _("%s is before the date of the current stage (%s)"),
                    date, d->stage_since);
  if (nonblank (t->due_date) && hrb_days_between (date, t->due_date) < 0)
    return invalid (error, "due_date", _("the due date %s is before the date %s"),
                    t->due_date, date);
  if (t->stage == HRB_STAGE_PARKED)
    {
      if (!check_date (t->look_again, "look_again", TRUE, error))
        return FALSE;
      if (hrb_days_between (date, t->look_again) < 0)
        return invalid (error, "look_again", _("the date to look again (%s) is before the date %s"),
                        t->look_again, date);
    }
  else if (nonblank (t->look_again))
    return invalid (error, "look_again", _("only a parked dossier has a date to look again"));
  if ((t->stage == HRB_STAGE_PARKED || t->stage == HRB_STAGE_DROPPED) && nonblank (t->remark) == NULL)
    return invalid (error, "remark", _("give the reason for parking or dropping the dossier"));
  return TRUE;
}

gint64
hrb_store_move_dossier (HrbStore *store, gint64 dossier_id, const HrbTransition *t, GError **error)
{
  g_autoptr(HrbDossier) d = NULL;
  g_autofree char *today = NULL;
  const char *date, *parked_from;
  sqlite3_stmt *s;
  gint64 tid;
  const char *E = "dossier";

  g_return_val_if_fail (HRB_IS_STORE (store), 0);
  g_return_val_if_fail (t != NULL, 0);
  today = hrb_dossier_today (store);
  date = nonblank (t->date) ? t->date : today;

  if (!hrb_store_begin (store, error))
    return 0;
  d = hrb_store_get_dossier (store, dossier_id, FALSE, error);
  if (d == NULL || !validate_move (d, t, date, error))
    goto fail;

  /* The stage a parked dossier interrupted. */
  if (t->stage == HRB_STAGE_PARKED)
    parked_from = hrb_stage_to_code (d->stage == HRB_STAGE_PARKED ? d->parked_from : d->stage);
  else
    parked_from = NULL;

  s = hrb_store_prepare (store,
      "UPDATE dossier SET stage = ?1, party = ?2, stage_since = ?3, due_date = ?4, "
      "look_again = ?5, stage_remark = ?6, parked_from = ?7 WHERE id = ?8", error);
  if (s == NULL)
    goto fail;
  hrb_bind_text (s, 1, hrb_stage_to_code (t->stage));
  hrb_bind_text (s, 2, party_code_or_null (t->party));
  hrb_bind_text (s, 3, date);
  hrb_bind_text (s, 4, nonblank (t->due_date));
  hrb_bind_text (s, 5, nonblank (t->look_again));
  hrb_bind_text (s, 6, nonblank (t->remark));
  hrb_bind_text (s, 7, parked_from);
  sqlite3_bind_int64 (s, 8, dossier_id);
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  if (!audit_text (store, E, dossier_id, "stage", hrb_stage_to_code (d->stage),
                   hrb_stage_to_code (t->stage), error) ||
      !audit_text (store, E, dossier_id, "party", party_code_or_null (d->party),
                   party_code_or_null (t->party), error) ||
      !audit_text (store, E, dossier_id, "stage_since", d->stage_since, date, error) ||
      !audit_text (store, E, dossier_id, "due_date", d->due_date, t->due_date, error) ||
      !audit_text (store, E, dossier_id, "look_again", d->look_again, t->look_again, error) ||
      !audit_text (store, E, dossier_id, "stage_remark", d->stage_remark, t->remark, error))
    goto fail;
  tid = insert_transition (store, dossier_id, t->stage, t->party, date, t->due_date,
                           t->look_again, t->remark, error);
  if (tid == 0)
    goto fail;
  if (!hrb_store_commit (store, error))
    return 0;
  return tid;

fail:
  hrb_store_rollback (store);
  return 0;
}

gint64
hrb_store_park_dossier (HrbStore *store, gint64 dossier_id, const char *reason,
                        const char *look_again, const char *date, GError **error)
{
  HrbTransition t = { 0 };

  t.stage = HRB_STAGE_PARKED;
  t.party = HRB_PARTY_NONE;
  t.remark = (char *) reason;
  t.look_again = (char *) look_again;
  t.date = (char *) date;
  return hrb_store_move_dossier (store, dossier_id, &t, error);
}

gint64
hrb_store_drop_dossier (HrbStore *store, gint64 dossier_id, const char *reason,
                        const char *date, GError **error)
{
  HrbTransition t = { 0 };

  t.stage = HRB_STAGE_DROPPED;
  t.party = HRB_PARTY_NONE;
  t.remark = (char *) reason;
  t.date = (char *) date;
  return hrb_store_move_dossier (store, dossier_id, &t, error);
}

gboolean
hrb_store_update_transition (HrbStore *store, const HrbTransition *t, GError **error)
{
  g_autoptr(GPtrArray) route = NULL;
  HrbTransition *old = NULL, *prev = NULL, *next = NULL;
  sqlite3_stmt *s;
  const char *E = "transition";
  guint i;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  g_return_val_if_fail (t != NULL, FALSE);
  if (!check_date (t->date, "date", TRUE, error) || !check_date (t->due_date, "due_date", FALSE, error))
    return FALSE;
  if (!hrb_store_begin (store, error))
    return FALSE;
  route = hrb_store_list_transitions (store, t->dossier_id, error);
  if (route == NULL)
    goto fail;
  for (i = 0; i < route->len; i++)
    if (((HrbTransition *) g_ptr_array_index (route, i))->id == t->id)
      {
        old = g_ptr_array_index (route, i);
        prev = i > 0 ? g_ptr_array_index (route, i - 1) : NULL;
        next = i + 1 < route->len ? g_ptr_array_index (route, i + 1) : NULL;
        break;
      }
  if (old == NULL)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                   _("Step %lld of dossier %lld does not exist"),
                   (long long) t->id, (long long) t->dossier_id);
      goto fail;
    }
  if ((prev && hrb_days_between (prev->date, t->date) < 0) ||
      (next && hrb_days_between (t->date, next->date) < 0))
    {
      invalid (error, "date", _("%s must lie between the dates of the steps before and after it"),
               t->date);
      goto fail;
    }
  if (nonblank (t->due_date) && hrb_days_between (t->date, t->due_date) < 0)
    {
      invalid (error, "due_date", _("the due date %s is before the date %s"), t->due_date, t->date);
      goto fail;
    }
  if (old->stage == HRB_STAGE_PARKED && nonblank (t->look_again) == NULL)
    {
      invalid (error, "look_again", _("a date is required"));
      goto fail;
    }
  s = hrb_store_prepare (store,
      "UPDATE dossier_transition SET date = ?1, due_date = ?2, remark = ?3, look_again = ?4 "
      "WHERE id = ?5", error);
  if (s == NULL)
    goto fail;
  hrb_bind_text (s, 1, t->date);
  hrb_bind_text (s, 2, nonblank (t->due_date));
  hrb_bind_text (s, 3, nonblank (t->remark));
  hrb_bind_text (s, 4, old->stage == HRB_STAGE_PARKED ? t->look_again : NULL);
  sqlite3_bind_int64 (s, 5, t->id);
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  if (!audit_text (store, E, t->id, "date", old->date, t->date, error) ||
      !audit_text (store, E, t->id, "due_date", old->due_date, t->due_date, error) ||
      !audit_text (store, E, t->id, "remark", old->remark, t->remark, error) ||
      (old->stage == HRB_STAGE_PARKED &&
       !audit_text (store, E, t->id, "look_again", old->look_again, t->look_again, error)))
    goto fail;

  /* The dossier keeps a copy of its first date and of the latest step. */
  if (prev == NULL)
    {
      s = hrb_store_prepare (store, "UPDATE dossier SET first_date = ?1 WHERE id = ?2", error);
      if (s == NULL)
        goto fail;
      hrb_bind_text (s, 1, t->date);
      sqlite3_bind_int64 (s, 2, t->dossier_id);
      if (!hrb_store_step_done (store, s, error))
        goto fail;
    }
  if (next == NULL)
    {
      g_autoptr(HrbDossier) d = hrb_store_get_dossier (store, t->dossier_id, FALSE, error);

      if (d == NULL)
        goto fail;
      s = hrb_store_prepare (store,
          "UPDATE dossier SET stage_since = ?1, due_date = ?2, stage_remark = ?3, look_again = ?4 "
          "WHERE id = ?5", error);
      if (s == NULL)
        goto fail;
      hrb_bind_text (s, 1, t->date);
      hrb_bind_text (s, 2, nonblank (t->due_date));
      hrb_bind_text (s, 3, nonblank (t->remark));
      hrb_bind_text (s, 4, old->stage == HRB_STAGE_PARKED ? t->look_again : NULL);
      sqlite3_bind_int64 (s, 5, t->dossier_id);
      if (!hrb_store_step_done (store, s, error))
        goto fail;
      if (!audit_text (store, "dossier", d->id, "stage_since", d->stage_since, t->date, error) ||
          !audit_text (store, "dossier", d->id, "due_date", d->due_date, t->due_date, error) ||
          !audit_text (store, "dossier", d->id, "stage_remark", d->stage_remark, t->remark, error) ||
          (old->stage == HRB_STAGE_PARKED &&
           !audit_text (store, "dossier", d->id, "look_again", d->look_again, t->look_again, error)))
        goto fail;
    }
  return hrb_store_commit (store, error);

fail:
  hrb_store_rollback (store);
  return FALSE;
}

/* Editing a dossier ---------------------------------------------------------- */

gboolean
hrb_store_update_dossier (HrbStore *store, const HrbDossier *d, GError **error)
{
  g_autoptr(HrbDossier) old = NULL;
  sqlite3_stmt *s;
  gboolean conf;
  gint64 id;
  const char *E = "dossier";

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  g_return_val_if_fail (d != NULL, FALSE);
  id = d->id;
  conf = d->confidential_included;
  if (!check_date (d->loe_date, "loe_date", FALSE, error) ||
      !check_date (d->advice_date, "advice_date", FALSE, error) ||
      !check_date (d->follow_up_date, "follow_up_date", FALSE, error) ||
      (conf && !check_date (d->price_end_date, "price_end_date", FALSE, error)))
    return FALSE;
  if (d->uncertainties >= (1u << HRB_N_UNCERTAINTIES))
    return invalid (error, "uncertainties", _("unknown uncertainty"));
  if (d->parties >= (1u << HRB_N_PARTIES))
    return invalid (error, "parties", _("unknown party"));
  if (conf && hrb_is_known (d->price_net) && (d->price_net < 0 || !isfinite (d->price_net)))
    return invalid (error, "price_net", _("must be a positive amount"));

  if (!hrb_store_begin (store, error))
    return FALSE;
  old = hrb_store_get_dossier (store, id, TRUE, error);
  if (old == NULL)
    goto fail;
  s = hrb_store_prepare (store,
      "UPDATE dossier SET question = ?1, rationale = ?2, uncertainties = ?3, "
      "uncertainty_text = ?4, sole_supplier = ?5, loe_date = ?6, critical_caution = ?7, "
      "market_text = ?8, parties = ?9, parties_text = ?10, advice_date = ?11, advice_text = ?12, "
      "follow_up_date = ?13, "
      "price_arrangement = CASE WHEN ?14 THEN ?15 ELSE price_arrangement END, "
      "price_net = CASE WHEN ?14 THEN ?16 ELSE price_net END, "
      "price_end_date = CASE WHEN ?14 THEN ?17 ELSE price_end_date END "
      "WHERE id = ?18", error);
  if (s == NULL)
    goto fail;
  hrb_bind_text (s, 1, nonblank (d->question));
  hrb_bind_text (s, 2, nonblank (d->rationale));
  sqlite3_bind_int (s, 3, d->uncertainties);
  hrb_bind_text (s, 4, nonblank (d->uncertainty_text));
  sqlite3_bind_int (s, 5, !!d->sole_supplier);
  hrb_bind_text (s, 6, nonblank (d->loe_date));
  sqlite3_bind_int (s, 7, !!d->critical_caution);
  hrb_bind_text (s, 8, nonblank (d->market_text));
  sqlite3_bind_int (s, 9, d->parties);
  hrb_bind_text (s, 10, nonblank (d->parties_text));
  hrb_bind_text (s, 11, nonblank (d->advice_date));
  hrb_bind_text (s, 12, nonblank (d->advice_text));
  hrb_bind_text (s, 13, nonblank (d->follow_up_date));
  sqlite3_bind_int (s, 14, !!conf);
  hrb_bind_text (s, 15, nonblank (d->price_arrangement));
  hrb_bind_double (s, 16, d->price_net);
  hrb_bind_text (s, 17, nonblank (d->price_end_date));
  sqlite3_bind_int64 (s, 18, id);
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  if (!audit_text (store, E, id, "question", old->question, d->question, error) ||
      !audit_text (store, E, id, "rationale", old->rationale, d->rationale, error) ||
      !audit_uint (store, E, id, "uncertainties", old->uncertainties, d->uncertainties, error) ||
      !audit_text (store, E, id, "uncertainty_text", old->uncertainty_text, d->uncertainty_text, error) ||
      !audit_bool (store, E, id, "sole_supplier", old->sole_supplier, d->sole_supplier, error) ||
      !audit_text (store, E, id, "loe_date", old->loe_date, d->loe_date, error) ||
      !audit_bool (store, E, id, "critical_caution", old->critical_caution, d->critical_caution, error) ||
      !audit_text (store, E, id, "market_text", old->market_text, d->market_text, error) ||
      !audit_uint (store, E, id, "parties", old->parties, d->parties, error) ||
      !audit_text (store, E, id, "parties_text", old->parties_text, d->parties_text, error) ||
      !audit_text (store, E, id, "advice_date", old->advice_date, d->advice_date, error) ||
      !audit_text (store, E, id, "advice_text", old->advice_text, d->advice_text, error) ||
      !audit_text (store, E, id, "follow_up_date", old->follow_up_date, d->follow_up_date, error))
    goto fail;
  if (conf &&
      (!audit_text (store, E, id, "price_arrangement", old->price_arrangement, d->price_arrangement, error) ||
       !audit_double (store, E, id, "price_net", old->price_net, d->price_net, error) ||
       !audit_text (store, E, id, "price_end_date", old->price_end_date, d->price_end_date, error)))
    goto fail;
  return hrb_store_commit (store, error);

fail:
  hrb_store_rollback (store);
  return FALSE;
}

/* Measures ------------------------------------------------------------------- */

static gboolean
validate_measure (const HrbMeasure *m, GError **error)
{
  if (m->kind < 0 || m->kind >= HRB_N_MEASURE_KINDS)
    return invalid (error, "kind", _("unknown measure"));
  if (m->status < 0 || m->status >= HRB_N_MEASURE_STATUS)
    return invalid (error, "status", _("unknown status"));
  return check_date (m->agreed_date, "agreed_date", FALSE, error) &&
         check_date (m->start_date, "start_date", FALSE, error) &&
         check_date (m->evaluation_date, "evaluation_date", FALSE, error);
}

static gboolean
dossier_exists (HrbStore *store, gint64 id, GError **error)
{
  g_autoptr(HrbDossier) d = hrb_store_get_dossier (store, id, FALSE, error);

  return d != NULL;
}

static HrbMeasure *
read_measure (sqlite3_stmt *s)
{
  HrbMeasure *m = hrb_measure_new ();
  const char *kind = (const char *) sqlite3_column_text (s, 2);
  const char *status = (const char *) sqlite3_column_text (s, 5);

  m->id = sqlite3_column_int64 (s, 0);
  m->dossier_id = sqlite3_column_int64 (s, 1);
  if (!hrb_measure_kind_from_code (kind, &m->kind))
    m->kind = HRB_MEASURE_NO_CHANGE;
  m->description = hrb_col_text (s, 3);
  m->owner = hrb_col_text (s, 4);
  if (!hrb_measure_status_from_code (status, &m->status))
    m->status = HRB_MEASURE_PROPOSED;
  m->agreed_date = hrb_col_text (s, 6);
  m->start_date = hrb_col_text (s, 7);
  m->evaluation_date = hrb_col_text (s, 8);
  return m;
}

#define MEASURE_SELECT \
  "SELECT id, dossier_id, kind, description, owner, status, agreed_date, start_date, " \
  "evaluation_date FROM dossier_measure "

GPtrArray *
hrb_store_list_measures (HrbStore *store, gint64 dossier_id, GError **error)
{
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  s = hrb_store_prepare (store, MEASURE_SELECT "WHERE (?1 IS NULL OR dossier_id = ?1) ORDER BY id",
                         error);
  if (s == NULL)
    return NULL;
  hrb_bind_id (s, 1, dossier_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_measure_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (out, read_measure (s));
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (store, error, _("Cannot read the measures"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

static HrbMeasure *
get_measure (HrbStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (store, MEASURE_SELECT "WHERE id = ?1", error);
  HrbMeasure *m = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    m = read_measure (s);
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Measure %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return m;
}

static gboolean
audit_measure (HrbStore *store, gint64 id, const HrbMeasure *old, const HrbMeasure *m,
               GError **error)
{
  const char *E = "measure";

  return audit_text (store, E, id, "kind", old ? hrb_measure_kind_to_code (old->kind) : NULL,
                     hrb_measure_kind_to_code (m->kind), error) &&
         audit_text (store, E, id, "description", old ? old->description : NULL, m->description, error) &&
         audit_text (store, E, id, "owner", old ? old->owner : NULL, m->owner, error) &&
         audit_text (store, E, id, "status", old ? hrb_measure_status_to_code (old->status) : NULL,
                     hrb_measure_status_to_code (m->status), error) &&
         audit_text (store, E, id, "agreed_date", old ? old->agreed_date : NULL, m->agreed_date, error) &&
         audit_text (store, E, id, "start_date", old ? old->start_date : NULL, m->start_date, error) &&
         audit_text (store, E, id, "evaluation_date", old ? old->evaluation_date : NULL,
                     m->evaluation_date, error);
}

gint64
hrb_store_add_measure (HrbStore *store, const HrbMeasure *m, GError **error)
{
  sqlite3_stmt *s;
  gint64 id;

  g_return_val_if_fail (HRB_IS_STORE (store), 0);
  g_return_val_if_fail (m != NULL, 0);
  if (!validate_measure (m, error))
    return 0;
  if (!hrb_store_begin (store, error))
    return 0;
  if (!dossier_exists (store, m->dossier_id, error))
    goto fail;
  s = hrb_store_prepare (store,
      "INSERT INTO dossier_measure (dossier_id, kind, description, owner, status, agreed_date, "
      "start_date, evaluation_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, m->dossier_id);
  hrb_bind_text (s, 2, hrb_measure_kind_to_code (m->kind));
  hrb_bind_text (s, 3, nonblank (m->description));
  hrb_bind_text (s, 4, nonblank (m->owner));
  hrb_bind_text (s, 5, hrb_measure_status_to_code (m->status));
  hrb_bind_text (s, 6, nonblank (m->agreed_date));
  hrb_bind_text (s, 7, nonblank (m->start_date));
  hrb_bind_text (s, 8, nonblank (m->evaluation_date));
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (store));
  if (!audit_parent (store, "measure", id, m->dossier_id, error) ||
      !audit_measure (store, id, NULL, m, error))
    goto fail;
  if (!hrb_store_commit (store, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (store);
  return 0;
}

gboolean
hrb_store_update_measure (HrbStore *store, const HrbMeasure *m, GError **error)
{
  g_autoptr(HrbMeasure) old = NULL;
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  g_return_val_if_fail (m != NULL, FALSE);
  if (!validate_measure (m, error))
    return FALSE;
  if (!hrb_store_begin (store, error))
    return FALSE;
  old = get_measure (store, m->id, error);
  if (old == NULL)
    goto fail;
  s = hrb_store_prepare (store,
      "UPDATE dossier_measure SET kind = ?1, description = ?2, owner = ?3, status = ?4, "
      "agreed_date = ?5, start_date = ?6, evaluation_date = ?7 WHERE id = ?8", error);
  if (s == NULL)
    goto fail;
  hrb_bind_text (s, 1, hrb_measure_kind_to_code (m->kind));
  hrb_bind_text (s, 2, nonblank (m->description));
  hrb_bind_text (s, 3, nonblank (m->owner));
  hrb_bind_text (s, 4, hrb_measure_status_to_code (m->status));
  hrb_bind_text (s, 5, nonblank (m->agreed_date));
  hrb_bind_text (s, 6, nonblank (m->start_date));
  hrb_bind_text (s, 7, nonblank (m->evaluation_date));
  sqlite3_bind_int64 (s, 8, m->id);
  if (!hrb_store_step_done (store, s, error) || !audit_measure (store, m->id, old, m, error))
    goto fail;
  return hrb_store_commit (store, error);

fail:
  hrb_store_rollback (store);
  return FALSE;
}

gboolean
hrb_store_delete_measure (HrbStore *store, gint64 id, GError **error)
{
  g_autoptr(HrbMeasure) old = NULL;
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  if (!hrb_store_begin (store, error))
    return FALSE;
  old = get_measure (store, id, error);
  if (old == NULL)
    goto fail;
  s = hrb_store_prepare (store, "DELETE FROM dossier_measure WHERE id = ?1", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, id);
  if (!hrb_store_step_done (store, s, error) ||
      !hrb_store_audit (store, "measure", id, "deleted", hrb_measure_kind_to_code (old->kind),
                        NULL, error))
    goto fail;
  return hrb_store_commit (store, error);

fail:
  hrb_store_rollback (store);
  return FALSE;
}

/* Notes ---------------------------------------------------------------------- */

gint64
hrb_store_add_note (HrbStore *store, gint64 dossier_id, const char *text, gboolean confidential,
                    GError **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *s;
  gint64 id;

  g_return_val_if_fail (HRB_IS_STORE (store), 0);
  if (nonblank (text) == NULL)
    return invalid (error, "text", _("a note needs text"));
  now = hrb_store_now (store);
  if (!hrb_store_begin (store, error))
    return 0;
  if (!dossier_exists (store, dossier_id, error))
    goto fail;
  s = hrb_store_prepare (store,
      "INSERT INTO dossier_note (dossier_id, at, author, text, confidential) "
      "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, dossier_id);
  hrb_bind_text (s, 2, now);
  hrb_bind_text (s, 3, hrb_store_get_author (store));
  hrb_bind_text (s, 4, text);
  sqlite3_bind_int (s, 5, !!confidential);
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (store));
  if (!audit_parent (store, "note", id, dossier_id, error) ||
      !audit_bool (store, "note", id, "confidential", FALSE, confidential, error) ||
      !hrb_store_audit (store, "note", id, "text", NULL, text, error))
    goto fail;
  if (!hrb_store_commit (store, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (store);
  return 0;
}

GPtrArray *
hrb_store_list_notes (HrbStore *store, gint64 dossier_id, gboolean include_confidential,
                      GError **error)
{
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  s = hrb_store_prepare (store,
      "SELECT id, dossier_id, at, author, text, confidential FROM dossier_note "
      "WHERE dossier_id = ?1 AND (?2 OR confidential = 0) ORDER BY at, id", error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, dossier_id);
  sqlite3_bind_int (s, 2, !!include_confidential);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_note_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbNote *n = hrb_note_new ();
      n->id = sqlite3_column_int64 (s, 0);
      n->dossier_id = sqlite3_column_int64 (s, 1);
      n->at = hrb_col_text (s, 2);
      n->author = hrb_col_text (s, 3);
      n->text = hrb_col_text (s, 4);
      n->confidential = sqlite3_column_int (s, 5);
      g_ptr_array_add (out, n);
    }
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (store, error, _("Cannot read the notes"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

/* Links ---------------------------------------------------------------------- */

gint64
hrb_store_add_link (HrbStore *store, gint64 dossier_id, const char *title, const char *target,
                    GError **error)
{
  sqlite3_stmt *s;
  gint64 id;

  g_return_val_if_fail (HRB_IS_STORE (store), 0);
  if (nonblank (title) == NULL)
    return invalid (error, "title", _("a link needs a title"));
  if (nonblank (target) == NULL)
    return invalid (error, "target", _("a link needs a URL or a file"));
  if (!hrb_store_begin (store, error))
    return 0;
  if (!dossier_exists (store, dossier_id, error))
    goto fail;
  s = hrb_store_prepare (store,
      "INSERT INTO dossier_link (dossier_id, title, target) VALUES (?1, ?2, ?3)", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, dossier_id);
  hrb_bind_text (s, 2, title);
  hrb_bind_text (s, 3, target);
  if (!hrb_store_step_done (store, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (store));
  if (!audit_parent (store, "link", id, dossier_id, error) ||
      !hrb_store_audit (store, "link", id, "title", NULL, title, error) ||
      !hrb_store_audit (store, "link", id, "target", NULL, target, error))
    goto fail;
  if (!hrb_store_commit (store, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (store);
  return 0;
}

gboolean
hrb_store_delete_link (HrbStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *s;
  g_autofree char *title = NULL;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  if (!hrb_store_begin (store, error))
    return FALSE;
  s = hrb_store_prepare (store, "SELECT title FROM dossier_link WHERE id = ?1", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, id);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    title = hrb_col_text (s, 0);
  hrb_store_done (s);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                   _("Link %lld does not exist"), (long long) id);
      goto fail;
    }
  s = hrb_store_prepare (store, "DELETE FROM dossier_link WHERE id = ?1", error);
  if (s == NULL)
    goto fail;
  sqlite3_bind_int64 (s, 1, id);
  if (!hrb_store_step_done (store, s, error) ||
      !hrb_store_audit (store, "link", id, "deleted", title, NULL, error))
    goto fail;
  return hrb_store_commit (store, error);

fail:
  hrb_store_rollback (store);
  return FALSE;
}

GPtrArray *
hrb_store_list_links (HrbStore *store, gint64 dossier_id, GError **error)
{
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  s = hrb_store_prepare (store,
      "SELECT id, dossier_id, title, target FROM dossier_link WHERE dossier_id = ?1 ORDER BY id",
      error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, dossier_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_link_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbLink *l = hrb_link_new ();
      l->id = sqlite3_column_int64 (s, 0);
      l->dossier_id = sqlite3_column_int64 (s, 1);
      l->title = hrb_col_text (s, 2);
      l->target = hrb_col_text (s, 3);
      g_ptr_array_add (out, l);
    }
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (store, error, _("Cannot read the links"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

/* History -------------------------------------------------------------------- */

GPtrArray *
hrb_store_list_dossier_audit (HrbStore *store, gint64 dossier_id, gboolean include_confidential,
                              GError **error)
{
  g_autoptr(GHashTable) secret_notes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) secret_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  char id_text[32];
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  if (!include_confidential)
    {
      s = hrb_store_prepare (store,
          "SELECT id FROM dossier_note WHERE dossier_id = ?1 AND confidential = 1", error);
      if (s == NULL)
        return NULL;
      sqlite3_bind_int64 (s, 1, dossier_id);
      while (sqlite3_step (s) == SQLITE_ROW)
        {
          gint64 nid = sqlite3_column_int64 (s, 0);
          g_array_append_val (secret_ids, nid);
        }
      hrb_store_done (s);
      for (guint i = 0; i < secret_ids->len; i++)
        g_hash_table_add (secret_notes, &g_array_index (secret_ids, gint64, i));
    }

  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, dossier_id);
  s = hrb_store_prepare (store,
      "SELECT id, at, author, entity, entity_id, field, old_value, new_value FROM audit a "
      "WHERE (a.entity = 'dossier' AND a.entity_id = ?1) "
      "   OR (a.entity IN ('transition', 'measure', 'note', 'link') AND a.entity_id IN "
      "       (SELECT p.entity_id FROM audit p WHERE p.entity = a.entity "
      "        AND p.field = 'dossier_id' AND p.new_value = ?2)) "
      "ORDER BY a.id", error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, dossier_id);
  hrb_bind_text (s, 2, id_text);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_audit_entry_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbAuditEntry *e = g_new0 (HrbAuditEntry, 1);
      gboolean secret;

      e->id = sqlite3_column_int64 (s, 0);
      e->at = hrb_col_text (s, 1);
      e->author = hrb_col_text (s, 2);
      e->entity = hrb_col_text (s, 3);
      e->entity_id = sqlite3_column_int64 (s, 4);
      e->field = hrb_col_text (s, 5);
      e->old_value = hrb_col_text (s, 6);
      e->new_value = hrb_col_text (s, 7);
      secret = !include_confidential &&
               ((g_str_equal (e->entity, "dossier") && hrb_dossier_field_is_confidential (e->field)) ||
                (g_str_equal (e->entity, "note") && g_str_equal (e->field, "text") &&
                 g_hash_table_contains (secret_notes, &e->entity_id)));
      if (secret)
        {
          if (e->old_value)
            {
              g_free (e->old_value);
              e->old_value = g_strdup (CONFIDENTIAL_MARK);
            }
          if (e->new_value)
            {
              g_free (e->new_value);
              e->new_value = g_strdup (CONFIDENTIAL_MARK);
            }
        }
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (store, error, _("Cannot read the audit trail"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}
