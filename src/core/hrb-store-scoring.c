/* hrb-store-scoring.c: SQL of the scoring module (migration 0002). */
#include "hrb-store-scoring.h"
#include "hrb-store-private.h"
#include "hrb-scoring-private.h"
#include "hrb-i18n.h"

#include <string.h>

static gboolean
fail_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Methods --------------------------------------------------------------------- */

#define METHOD_COLUMNS "id, name, version, definition, created_at, author"

static HrbMethod *
read_method (HrbStore *self, sqlite3_stmt *s, GError **error)
{
  g_autofree char *name = hrb_col_text (s, 1);
  g_autofree char *definition = hrb_col_text (s, 3);
  g_autofree char *label = NULL;
  HrbMethod *m;

  label = g_strdup_printf (_("stored method “%s”"), name);
  m = hrb_method_from_data (definition ? definition : "", definition ? strlen (definition) : 0,
                            label, error);
  if (m == NULL)
    return NULL;
  m->id = sqlite3_column_int64 (s, 0);
  g_free (m->name);
  m->name = g_steal_pointer (&name);
  m->version = sqlite3_column_int (s, 2);
  m->created_at = hrb_col_text (s, 4);
  m->author = hrb_col_text (s, 5);
  m->builtin = g_strcmp0 (m->name, HRB_METHOD_BASIS) == 0;
  return m;
}

static GPtrArray *
read_methods (HrbStore *self, sqlite3_stmt *s, GError **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_method_free);
  int rc;

  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbMethod *m = read_method (self, s, error);
      if (m == NULL)
        {
          hrb_store_done (s);
          g_ptr_array_unref (out);
          return NULL;
        }
      g_ptr_array_add (out, m);
    }
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot read the methods"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

HrbMethod *
hrb_store_get_method (HrbStore *self, const char *name, int version, GError **error)
{
  sqlite3_stmt *s;
  HrbMethod *m = NULL;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (self) && name != NULL, NULL);
  s = hrb_store_prepare (self, "SELECT " METHOD_COLUMNS " FROM method WHERE name = ?1 "
                         "AND (?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1", error);
  if (s == NULL)
    return NULL;
  hrb_bind_text (s, 1, name);
  sqlite3_bind_int (s, 2, version);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    m = read_method (self, s, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 version ? _("Method “%s” version %d does not exist") : _("Method “%s” does not exist"),
                 name, version);
  else
    hrb_store_set_sqlite_error (self, error, _("Cannot read the methods"));
  hrb_store_done (s);
  return m;
}

HrbMethod *
hrb_store_get_method_by_id (HrbStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *s;
  HrbMethod *m = NULL;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self, "SELECT " METHOD_COLUMNS " FROM method WHERE id = ?1", error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    m = read_method (self, s, error);
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Method %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return m;
}

GPtrArray *
hrb_store_list_methods (HrbStore *self, GError **error)
{
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self, "SELECT " METHOD_COLUMNS " FROM method m WHERE version = "
                         "(SELECT max (version) FROM method m2 WHERE m2.name = m.name) "
                         "ORDER BY name COLLATE NOCASE, name", error);
  return s ? read_methods (self, s, error) : NULL;
}

GPtrArray *
hrb_store_list_method_versions (HrbStore *self, const char *name, GError **error)
{
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self) && name != NULL, NULL);
  s = hrb_store_prepare (self, "SELECT " METHOD_COLUMNS " FROM method WHERE name = ?1 "
                         "ORDER BY version", error);
  if (s == NULL)
    return NULL;
  hrb_bind_text (s, 1, name);
  return read_methods (self, s, error);
}

gboolean
hrb_store_method_is_used (HrbStore *self, gint64 method_id, GError **error)
{
  sqlite3_stmt *s;
  gboolean used;

  g_return_val_if_fail (HRB_IS_STORE (self), FALSE);
  s = hrb_store_prepare (self, "SELECT 1 FROM frozen_list WHERE method_id = ?1 LIMIT 1", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, method_id);
  used = sqlite3_step (s) == SQLITE_ROW;
  hrb_store_done (s);
  return used;
}

static gint64
insert_method_version (HrbStore *self, HrbMethod *m, int version, const char *definition,
                       GError **error)
{
  g_autofree char *now = hrb_store_now (self);
  g_autofree char *v = g_strdup_printf ("%d", version);
  sqlite3_stmt *s = hrb_store_prepare (self,
      "INSERT INTO method (name, version, definition, created_at, updated_at, author) "
      "VALUES (?1, ?2, ?3, ?4, ?4, ?5)", error);
  gint64 id;

  if (s == NULL)
    return 0;
  hrb_bind_text (s, 1, m->name);
  sqlite3_bind_int (s, 2, version);
  hrb_bind_text (s, 3, definition);
  hrb_bind_text (s, 4, now);
  hrb_bind_text (s, 5, hrb_store_get_author (self));
  if (!hrb_store_step_done (self, s, error))
    return 0;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (self));
  if (!hrb_store_audit (self, "method", id, "version", NULL, v, error))
    return 0;
  m->id = id;
  m->version = version;
  return id;
}

static gint64
save_method (HrbStore *self, HrbMethod *m, gboolean allow_builtin, GError **error)
{
  g_autofree char *definition = NULL;
  g_autoptr(HrbMethod) latest = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *s;
  gint64 id = 0;

  if (!hrb_method_validate (m, error))
    return 0;
  if (!allow_builtin && g_ascii_strcasecmp (g_strstrip (m->name), HRB_METHOD_BASIS) == 0)
    {
      g_set_error (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_LOCKED,
                   _("The built-in method “%s” cannot be changed; duplicate it under a new name"),
                   HRB_METHOD_BASIS);
      return 0;
    }
  definition = hrb_method_to_data (m, NULL);
  if (!hrb_store_begin (self, error))
    return 0;
  latest = hrb_store_get_method (self, m->name, 0, &local);
  if (latest == NULL && !g_error_matches (local, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if (latest == NULL)
    id = insert_method_version (self, m, 1, definition, error);
  else if (hrb_method_equal_definition (latest, m) && g_strcmp0 (latest->description, m->description) == 0)
    {
      m->id = id = latest->id;
      m->version = latest->version;
    }
  else if (hrb_store_method_is_used (self, latest->id, error))
    id = insert_method_version (self, m, latest->version + 1, definition, error);
  else
    {
      g_autofree char *now = hrb_store_now (self);
      g_autofree char *old_definition = hrb_method_to_data (latest, NULL);

      s = hrb_store_prepare (self, "UPDATE method SET definition = ?1, updated_at = ?2, author = ?3 "
                             "WHERE id = ?4", error);
      if (s == NULL)
        goto fail;
      hrb_bind_text (s, 1, definition);
      hrb_bind_text (s, 2, now);
      hrb_bind_text (s, 3, hrb_store_get_author (self));
      sqlite3_bind_int64 (s, 4, latest->id);
      if (!hrb_store_step_done (self, s, error) ||
          !hrb_store_audit (self, "method", latest->id, "definition", old_definition, definition, error))
        goto fail;
      m->id = id = latest->id;
      m->version = latest->version;
    }
  if (id == 0)
    goto fail;
  if (!hrb_store_commit (self, error))
    return 0;
  hrb_store_bump_generation (self);
  return id;

fail:
  hrb_store_rollback (self);
  return 0;
}

gint64
hrb_store_save_method (HrbStore *self, HrbMethod *m, GError **error)
{
  g_return_val_if_fail (HRB_IS_STORE (self) && m != NULL, 0);
  return save_method (self, m, FALSE, error);
}

/* Expert scores ----------------------------------------------------------------- */

static HrbExpertScore *
read_expert (sqlite3_stmt *s)
{
  HrbExpertScore *e = g_new0 (HrbExpertScore, 1);

  e->item_id = sqlite3_column_int64 (s, 0);
  e->score = sqlite3_column_double (s, 1);
  e->reason = hrb_col_text (s, 2);
  e->set_at = hrb_col_text (s, 3);
  e->author = hrb_col_text (s, 4);
  return e;
}

HrbExpertScore *
hrb_store_get_expert_score (HrbStore *self, gint64 item_id, GError **error)
{
  sqlite3_stmt *s;
  HrbExpertScore *e = NULL;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self, "SELECT item_id, score, reason, set_at, author FROM expert_score "
                         "WHERE item_id = ?1", error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, item_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    e = read_expert (s);
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Item %lld has no expert score"), (long long) item_id);
  hrb_store_done (s);
  return e;
}

static void
expert_row (sqlite3_stmt *s, gpointer table)
{
  HrbExpertScore *e = read_expert (s);

  g_hash_table_insert (table, &e->item_id, e);
}

GHashTable *
hrb_store_list_expert_scores (HrbStore *self, GError **error)
{
  sqlite3_stmt *s;
  GHashTable *out;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self, "SELECT item_id, score, reason, set_at, author FROM expert_score", error);
  if (s == NULL)
    return NULL;
  out = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) hrb_expert_score_free);
  if (!hrb_store_each_row (self, s, expert_row, out, _("Cannot read the expert scores"), error))
    g_clear_pointer (&out, g_hash_table_unref);
  return out;
}

gboolean
hrb_store_set_expert_score (HrbStore *self, gint64 item_id, double score, const char *reason,
                            GError **error)
{
  g_autoptr(HrbItem) item = NULL;
  g_autoptr(HrbExpertScore) old = NULL;
  g_autofree char *now = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));
  sqlite3_stmt *s;
  gboolean ok;

  g_return_val_if_fail (HRB_IS_STORE (self), FALSE);
  if (hrb_is_known (score))
    {
      if (!(score >= 0 && score <= 100))
        return fail_invalid (error, _("An expert score runs from 0 to 100"));
      if (*clean == '\0')
        return fail_invalid (error, _("An expert score needs a reason"));
    }
  if ((item = hrb_store_get_item (self, item_id, error)) == NULL)
    return FALSE;
  if (!hrb_store_begin (self, error))
    return FALSE;
  old = hrb_store_get_expert_score (self, item_id, NULL);
  if (old)
    {
      g_autofree char *v = hrb_audit_double (old->score);
      old_text = g_strdup_printf ("%s (%s)", v, old->reason);
    }
  if (hrb_is_known (score))
    {
      g_autofree char *v = hrb_audit_double (score);
      now = hrb_store_now (self);
      new_text = g_strdup_printf ("%s (%s)", v, clean);
      s = hrb_store_prepare (self,
          "INSERT INTO expert_score (item_id, score, reason, set_at, author) VALUES (?1, ?2, ?3, ?4, ?5) "
          "ON CONFLICT (item_id) DO UPDATE SET score = excluded.score, reason = excluded.reason, "
          "set_at = excluded.set_at, author = excluded.author", error);
      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (s, 1, item_id);
          sqlite3_bind_double (s, 2, score);
          hrb_bind_text (s, 3, clean);
          hrb_bind_text (s, 4, now);
          hrb_bind_text (s, 5, hrb_store_get_author (self));
          ok = hrb_store_step_done (self, s, error);
        }
    }
  else
    {
      s = hrb_store_prepare (self, "DELETE FROM expert_score WHERE item_id = ?1", error);
      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (s, 1, item_id);
          ok = hrb_store_step_done (self, s, error);
        }
    }
  if (ok && g_strcmp0 (old_text, new_text) != 0)
    ok = hrb_store_audit (self, "item", item_id, "expert_score", old_text, new_text, error);
  if (!ok)
    {
      hrb_store_rollback (self);
      return FALSE;
    }
  if (!hrb_store_commit (self, error))
    return FALSE;
  hrb_store_bump_generation (self);
  return TRUE;
}

/* Previous vintage ----------------------------------------------------------------- */

GHashTable *
hrb_store_list_previous_figures (HrbStore *self, HrbStream stream, GError **error)
{
  sqlite3_stmt *s;
  GHashTable *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  /* Same order as the lists' "latest figure": vintage, then id; the second is
   * the previous one. */
  s = hrb_store_prepare (self,
      "SELECT f.id, f.year, f.patients_low, f.patients_high, f.cost_low, f.cost_high, f.budget_low, "
      "f.budget_high, f.source, f.vintage, f.batch_id, f.list_price, f.provisional, f.created_at, "
      "f.item_id FROM item i JOIN figure f ON f.id = (SELECT f2.id FROM figure f2 "
      "  WHERE f2.item_id = i.id ORDER BY f2.vintage DESC NULLS LAST, f2.id DESC LIMIT 1 OFFSET 1) "
      "WHERE i.deleted = 0 AND (?1 IS NULL OR "
      "  (CASE WHEN i.package_status IN (0, 1) THEN 0 ELSE 1 END) = ?1)", error);
  if (s == NULL)
    return NULL;
  if (stream == HRB_STREAM_ANY)
    sqlite3_bind_null (s, 1);
  else
    sqlite3_bind_int (s, 1, stream);
  out = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) hrb_figure_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbFigure *f = hrb_figure_new ();
      f->id = sqlite3_column_int64 (s, 0);
      f->year = sqlite3_column_int (s, 1);
      f->patients.low = hrb_col_double (s, 2);
      f->patients.high = hrb_col_double (s, 3);
      f->cost.low = hrb_col_double (s, 4);
      f->cost.high = hrb_col_double (s, 5);
      f->budget.low = hrb_col_double (s, 6);
      f->budget.high = hrb_col_double (s, 7);
      f->source = hrb_col_text (s, 8);
      f->vintage = hrb_col_text (s, 9);
      f->batch_id = sqlite3_column_int64 (s, 10);
      f->list_price = sqlite3_column_int (s, 11);
      f->provisional = sqlite3_column_int (s, 12);
      f->created_at = hrb_col_text (s, 13);
      f->item_id = sqlite3_column_int64 (s, 14);
      g_hash_table_insert (out, &f->item_id, f);
    }
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot read the figures"));
      g_clear_pointer (&out, g_hash_table_unref);
    }
  hrb_store_done (s);
  return out;
}

/* Frozen lists ---------------------------------------------------------------------- */

static gboolean
frozen_exists (HrbStore *self, const char *name)
{
  sqlite3_stmt *s = hrb_store_prepare (self, "SELECT 1 FROM frozen_list WHERE name = ?1", NULL);
  gboolean found;

  if (s == NULL)
    return FALSE;
  hrb_bind_text (s, 1, name);
  found = sqlite3_step (s) == SQLITE_ROW;
  hrb_store_done (s);
  return found;
}

static gboolean
insert_row (HrbStore *self, gint64 list_id, guint position, const HrbRankingRow *row, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "INSERT INTO frozen_row (list_id, position, item_id, medicine, indication, domain, stream, rank, "
      "rank_best, rank_worst, score, score_low, score_high, eligible, unstable, sluis, reason, "
      "patients_low, patients_high, cost_low, cost_high, budget_low, budget_high, patients, cost, "
      "budget_impact, relative_budget_impact, growth, uncertainty_points, expert_score, loe_date, "
      "figure_source, figure_vintage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
      "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
      error);

  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, list_id);
  sqlite3_bind_int (s, 2, (int) position);
  sqlite3_bind_int64 (s, 3, row->item_id);
  hrb_bind_text (s, 4, row->medicine ? row->medicine : "");
  hrb_bind_text (s, 5, row->indication);
  hrb_bind_text (s, 6, row->domain);
  sqlite3_bind_int (s, 7, row->stream);
  sqlite3_bind_int (s, 8, (int) row->rank);
  sqlite3_bind_int (s, 9, (int) row->rank_best);
  sqlite3_bind_int (s, 10, (int) row->rank_worst);
  hrb_bind_double (s, 11, row->score);
  hrb_bind_double (s, 12, row->score_low);
  hrb_bind_double (s, 13, row->score_high);
  sqlite3_bind_int (s, 14, !!row->eligible);
  sqlite3_bind_int (s, 15, !!row->unstable);
  sqlite3_bind_int (s, 16, !!row->sluis);
  hrb_bind_text (s, 17, row->reason);
  hrb_bind_double (s, 18, row->patients.low);
  hrb_bind_double (s, 19, row->patients.high);
  hrb_bind_double (s, 20, row->cost.low);
  hrb_bind_double (s, 21, row->cost.high);
  hrb_bind_double (s, 22, row->budget_impact.low);
  hrb_bind_double (s, 23, row->budget_impact.high);
  hrb_bind_double (s, 24, row->patients_point);
  hrb_bind_double (s, 25, row->cost_point);
  hrb_bind_double (s, 26, row->budget_point);
  hrb_bind_double (s, 27, row->relative_budget_impact);
  hrb_bind_double (s, 28, row->growth);
  hrb_bind_double (s, 29, row->uncertainty_points);
  hrb_bind_double (s, 30, row->expert_score);
  hrb_bind_text (s, 31, row->loe_date);
  hrb_bind_text (s, 32, row->figure_source);
  hrb_bind_text (s, 33, row->figure_vintage);
  if (!hrb_store_step_done (self, s, error))
    return FALSE;

  for (guint c = 0; c < row->n_details; c++)
    {
      const HrbCriterionDetail *d = &row->details[c];
      s = hrb_store_prepare (self,
          "INSERT INTO frozen_detail (list_id, position, criterion, criterion_id, label, input, "
          "input_low, input_high, source, criterion_score, weight, contribution) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
      if (s == NULL)
        return FALSE;
      sqlite3_bind_int64 (s, 1, list_id);
      sqlite3_bind_int (s, 2, (int) position);
      sqlite3_bind_int (s, 3, (int) c);
      hrb_bind_text (s, 4, d->criterion_id);
      hrb_bind_text (s, 5, d->label);
      hrb_bind_double (s, 6, d->input);
      hrb_bind_double (s, 7, d->input_low);
      hrb_bind_double (s, 8, d->input_high);
      hrb_bind_text (s, 9, d->source);
      hrb_bind_double (s, 10, d->criterion_score);
      hrb_bind_double (s, 11, d->weight);
      hrb_bind_double (s, 12, d->contribution);
      if (!hrb_store_step_done (self, s, error))
        return FALSE;
    }
  return TRUE;
}

gint64
hrb_store_freeze_list (HrbStore *self, HrbFrozenList *frozen, HrbMethod *method,
                       const HrbRanking *ranking, GError **error)
{
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autoptr(HrbMethod) stored = NULL;
  sqlite3_stmt *s;
  gint64 id, method_id = 0;
  guint position = 0;

  g_return_val_if_fail (HRB_IS_STORE (self) && frozen && method && ranking, 0);
  name = g_strstrip (g_strdup (frozen->name ? frozen->name : ""));
  if (*name == '\0')
    return fail_invalid (error, _("A frozen list needs a name")), 0;
  if (frozen->stream != HRB_STREAM_PROSPECTIVE && frozen->stream != HRB_STREAM_RETROSPECTIVE)
    return fail_invalid (error, _("A frozen list holds one stream: prospective or retrospective")), 0;
  if (frozen->date)
    {
      GDate d;
      if (!hrb_scoring_parse_date (frozen->date, &d) || strlen (frozen->date) != 10)
        {
          g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID,
                       _("“%s” is not a date (use YYYY-MM-DD)"), frozen->date);
          return 0;
        }
    }
  if (!hrb_store_begin (self, error))
    return 0;
  if (frozen_exists (self, name))
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID,
                   _("A frozen list named “%s” already exists"), name);
      goto fail;
    }

  /* The method as stored: reuse its version when unchanged, else save. */
  if (method->id != 0)
    stored = hrb_store_get_method_by_id (self, method->id, NULL);
  if (stored && hrb_method_equal_definition (stored, method))
    {
      method_id = stored->id;
      method->version = stored->version;
    }
  else
    {
      g_autoptr(HrbMethod) latest = hrb_store_get_method (self, method->name, 0, NULL);
      if (latest && hrb_method_equal_definition (latest, method))
        {
          method_id = method->id = latest->id;
          method->version = latest->version;
        }
      else
        method_id = save_method (self, method, method->builtin, error);
    }
  if (method_id == 0)
    goto fail;

  now = hrb_store_now (self);
  s = hrb_store_prepare (self,
      "INSERT INTO frozen_list (name, list_date, stream, method_id, method_name, method_version, "
      "remark, created_at, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (s == NULL)
    goto fail;
  hrb_bind_text (s, 1, name);
  if (frozen->date)
    hrb_bind_text (s, 2, frozen->date);
  else
    {
      g_autofree char *today = g_strndup (now, 10);
      hrb_bind_text (s, 2, today);
    }
  sqlite3_bind_int (s, 3, frozen->stream);
  sqlite3_bind_int64 (s, 4, method_id);
  hrb_bind_text (s, 5, method->name);
  sqlite3_bind_int (s, 6, method->version);
  hrb_bind_text (s, 7, frozen->remark);
  hrb_bind_text (s, 8, now);
  hrb_bind_text (s, 9, hrb_store_get_author (self));
  if (!hrb_store_step_done (self, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (hrb_store_get_db (self));

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const HrbRankingRow *row = g_ptr_array_index (ranking->rows, i);
      if (row->stream != frozen->stream)
        continue;
      if (!insert_row (self, id, position++, row, error))
        goto fail;
    }
  {
    g_autofree char *summary = g_strdup_printf ("%s: %s %s %d, %u rows", name,
                                                hrb_stream_to_code (frozen->stream), method->name,
                                                method->version, position);
    if (!hrb_store_audit (self, "frozen_list", id, "created", NULL, summary, error))
      goto fail;
  }
  if (!hrb_store_commit (self, error))
    return 0;
  hrb_store_bump_generation (self);
  frozen->id = id;
  frozen->method_id = method_id;
  g_free (frozen->method_name);
  frozen->method_name = g_strdup (method->name);
  frozen->method_version = method->version;
  frozen->n_rows = position;
  return id;

fail:
  hrb_store_rollback (self);
  return 0;
}

#define FROZEN_COLUMNS "f.id, f.name, f.list_date, f.stream, f.method_id, f.method_name, " \
  "f.method_version, f.remark, f.created_at, f.author, " \
  "(SELECT count (*) FROM frozen_row r WHERE r.list_id = f.id)"

static HrbFrozenList *
read_frozen (sqlite3_stmt *s)
{
  HrbFrozenList *f = g_new0 (HrbFrozenList, 1);

  f->id = sqlite3_column_int64 (s, 0);
  f->name = hrb_col_text (s, 1);
  f->date = hrb_col_text (s, 2);
  f->stream = sqlite3_column_int (s, 3);
  f->method_id = sqlite3_column_int64 (s, 4);
  f->method_name = hrb_col_text (s, 5);
  f->method_version = sqlite3_column_int (s, 6);
  f->remark = hrb_col_text (s, 7);
  f->created_at = hrb_col_text (s, 8);
  f->author = hrb_col_text (s, 9);
  f->n_rows = sqlite3_column_int (s, 10);
  return f;
}

GPtrArray *
hrb_store_list_frozen (HrbStore *self, GError **error)
{
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self, "SELECT " FROZEN_COLUMNS " FROM frozen_list f "
                         "ORDER BY f.list_date, f.name", error);
  if (s == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_frozen_list_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (out, read_frozen (s));
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot read the frozen lists"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

static gboolean
read_rows (HrbStore *self, HrbFrozenList *f, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_ranking_row_free);
  sqlite3_stmt *s;
  int rc;

  s = hrb_store_prepare (self,
      "SELECT item_id, medicine, indication, domain, stream, rank, rank_best, rank_worst, score, "
      "score_low, score_high, eligible, unstable, sluis, reason, patients_low, patients_high, "
      "cost_low, cost_high, budget_low, budget_high, patients, cost, budget_impact, "
      "relative_budget_impact, growth, uncertainty_points, expert_score, loe_date, figure_source, "
      "figure_vintage, (SELECT count (*) FROM frozen_detail d WHERE d.list_id = r.list_id "
      "AND d.position = r.position) FROM frozen_row r WHERE list_id = ?1 ORDER BY position", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, f->id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbRankingRow *row = g_new0 (HrbRankingRow, 1);
      row->item_id = sqlite3_column_int64 (s, 0);
      row->medicine = hrb_col_text (s, 1);
      row->indication = hrb_col_text (s, 2);
      row->domain = hrb_col_text (s, 3);
      row->stream = sqlite3_column_int (s, 4);
      row->rank = sqlite3_column_int (s, 5);
      row->rank_best = sqlite3_column_int (s, 6);
      row->rank_worst = sqlite3_column_int (s, 7);
      row->score = hrb_col_double (s, 8);
      row->score_low = hrb_col_double (s, 9);
      row->score_high = hrb_col_double (s, 10);
      row->eligible = sqlite3_column_int (s, 11);
      row->unstable = sqlite3_column_int (s, 12);
      row->sluis = sqlite3_column_int (s, 13);
      row->reason = hrb_col_text (s, 14);
      row->patients = (HrbRange) { hrb_col_double (s, 15), hrb_col_double (s, 16) };
      row->cost = (HrbRange) { hrb_col_double (s, 17), hrb_col_double (s, 18) };
      row->budget_impact = (HrbRange) { hrb_col_double (s, 19), hrb_col_double (s, 20) };
      row->patients_point = hrb_col_double (s, 21);
      row->cost_point = hrb_col_double (s, 22);
      row->budget_point = hrb_col_double (s, 23);
      row->relative_budget_impact = hrb_col_double (s, 24);
      row->growth = hrb_col_double (s, 25);
      row->uncertainty_points = hrb_col_double (s, 26);
      row->expert_score = hrb_col_double (s, 27);
      row->loe_date = hrb_col_text (s, 28);
      row->figure_source = hrb_col_text (s, 29);
      row->figure_vintage = hrb_col_text (s, 30);
      row->n_details = sqlite3_column_int (s, 31);
      row->details = g_new0 (HrbCriterionDetail, MAX (row->n_details, 1));
      g_ptr_array_add (rows, row);
    }
  hrb_store_done (s);
  if (rc != SQLITE_DONE)
    return hrb_store_set_sqlite_error (self, error, _("Cannot read the frozen list"));

  s = hrb_store_prepare (self,
      "SELECT position, criterion, criterion_id, label, input, input_low, input_high, source, "
      "criterion_score, weight, contribution FROM frozen_detail WHERE list_id = ?1 "
      "ORDER BY position, criterion", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, f->id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      guint pos = sqlite3_column_int (s, 0), c = sqlite3_column_int (s, 1);
      HrbRankingRow *row = pos < rows->len ? g_ptr_array_index (rows, pos) : NULL;
      HrbCriterionDetail *d;

      if (row == NULL || c >= row->n_details)
        continue;
      d = &row->details[c];
      d->criterion_id = hrb_col_text (s, 2);
      d->label = hrb_col_text (s, 3);
      d->input = hrb_col_double (s, 4);
      d->input_low = hrb_col_double (s, 5);
      d->input_high = hrb_col_double (s, 6);
      d->source = hrb_col_text (s, 7);
      d->criterion_score = hrb_col_double (s, 8);
      d->weight = hrb_col_double (s, 9);
      d->contribution = hrb_col_double (s, 10);
    }
  hrb_store_done (s);
  if (rc != SQLITE_DONE)
    return hrb_store_set_sqlite_error (self, error, _("Cannot read the frozen list"));

  f->ranking = g_new0 (HrbRanking, 1);
  f->ranking->rows = g_steal_pointer (&rows);
  return TRUE;
}

HrbFrozenList *
hrb_store_get_frozen (HrbStore *self, const char *name, GError **error)
{
  g_autoptr(HrbFrozenList) f = NULL;
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self) && name != NULL, NULL);
  s = hrb_store_prepare (self, "SELECT " FROZEN_COLUMNS " FROM frozen_list f WHERE f.name = ?1", error);
  if (s == NULL)
    return NULL;
  hrb_bind_text (s, 1, name);
  if (sqlite3_step (s) == SQLITE_ROW)
    f = read_frozen (s);
  hrb_store_done (s);
  if (f == NULL)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                   _("No frozen list named “%s”"), name);
      return NULL;
    }
  if (!read_rows (self, f, error))
    return NULL;
  f->ranking->method = hrb_store_get_method_by_id (self, f->method_id, error);
  if (f->ranking->method == NULL)
    return NULL;
  f->ranking->criterion_ids = hrb_method_active_ids (f->ranking->method);
  return g_steal_pointer (&f);
}
