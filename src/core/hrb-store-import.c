/* hrb-store-import.c: the SQL of the import module. */
#include "hrb-store-import.h"
#include "hrb-store-private.h"
#include "hrb-i18n.h"

#include <math.h>
#include <string.h>

static gboolean
invalid (GError **error, const char *field, char *message)
{
  g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, "%s: %s", field, message);
  g_free (message);
  return FALSE;
}

HrbImportChange *
hrb_import_change_new (const char *kind)
{
  HrbImportChange *c = g_new0 (HrbImportChange, 1);

  c->kind = g_strdup (kind);
  return c;
}

void
hrb_import_change_free (HrbImportChange *c)
{
  if (c == NULL)
    return;
  g_free (c->kind);
  g_free (c->label);
  g_free (c->field);
  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c);
}

gboolean
hrb_store_insert_import_change (HrbStore *self, const HrbImportChange *c, GError **error)
{
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), FALSE);
  s = hrb_store_prepare (self,
      "INSERT INTO import_change (batch_id, kind, item_id, medicine_id, row, col, label, field, "
      "old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, c->batch_id);
  hrb_bind_text (s, 2, c->kind);
  hrb_bind_id (s, 3, c->item_id > 0 ? c->item_id : 0);
  hrb_bind_id (s, 4, c->medicine_id > 0 ? c->medicine_id : 0);
  hrb_bind_id (s, 5, c->row);
  hrb_bind_id (s, 6, c->column);
  hrb_bind_text (s, 7, c->label);
  hrb_bind_text (s, 8, c->field);
  hrb_bind_text (s, 9, c->old_value);
  hrb_bind_text (s, 10, c->new_value);
  return hrb_store_step_done (self, s, error);
}

static char *
item_label (const char *brand, const char *inn, gboolean has_item, const char *indication)
{
  GString *s = g_string_new (NULL);

  if (brand && *brand)
    g_string_append_printf (s, "%s (%s)", brand, inn);
  else
    g_string_append (s, inn ? inn : "");
  if (has_item)
    g_string_append_printf (s, ": %s", indication ? indication : _("all indications"));
  return g_string_free (s, FALSE);
}

GPtrArray *
hrb_store_list_import_changes (HrbStore *self, gint64 batch_id, GError **error)
{
  sqlite3_stmt *s;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self,
      "SELECT 0, m.id, 'new-medicine', NULL, m.id, NULL, NULL, NULL, NULL, NULL, m.inn, "
      "       m.brand, m.inn, 0, NULL "
      "FROM import_added a JOIN medicine m ON m.id BETWEEN a.first_medicine AND a.last_medicine "
      "WHERE a.batch_id = ?1 "
      "UNION ALL "
      "SELECT 1, i.id, 'new', i.id, i.medicine_id, NULL, NULL, NULL, NULL, NULL, i.source_id, "
      "       m.brand, m.inn, 1, i.indication "
      "FROM import_added a JOIN item i ON i.id BETWEEN a.first_item AND a.last_item "
      "JOIN medicine m ON m.id = i.medicine_id WHERE a.batch_id = ?1 "
      "UNION ALL "
      "SELECT 2, c.id, c.kind, c.item_id, c.medicine_id, c.row, c.col, c.label, c.field, c.old_value, "
      "       c.new_value, NULL, NULL, 0, NULL FROM import_change c WHERE c.batch_id = ?1 "
      "ORDER BY 1, 2", error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, batch_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_import_change_free);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      HrbImportChange *c = g_new0 (HrbImportChange, 1);

      c->id = sqlite3_column_int (s, 0) == 2 ? sqlite3_column_int64 (s, 1) : 0;
      c->batch_id = batch_id;
      c->kind = hrb_col_text (s, 2);
      c->item_id = sqlite3_column_int64 (s, 3);
      c->medicine_id = sqlite3_column_int64 (s, 4);
      c->row = sqlite3_column_int (s, 5);
      c->column = sqlite3_column_int (s, 6);
      c->label = hrb_col_text (s, 7);
      c->field = hrb_col_text (s, 8);
      c->old_value = hrb_col_text (s, 9);
      c->new_value = hrb_col_text (s, 10);
      if (c->label == NULL)
        c->label = item_label ((const char *) sqlite3_column_text (s, 11),
                               (const char *) sqlite3_column_text (s, 12), sqlite3_column_int (s, 13),
                               (const char *) sqlite3_column_text (s, 14));
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot read the change log"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  hrb_store_done (s);
  return out;
}

gboolean
hrb_store_finish_batch (HrbStore *self, const HrbBatch *b, GError **error)
{
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), FALSE);
  s = hrb_store_prepare (self,
      "UPDATE import_batch SET checksum = ?1, n_new = ?2, n_updated = ?3, n_unchanged = ?4, "
      "n_rejected = ?5 WHERE id = ?6", error);
  if (s == NULL)
    return FALSE;
  hrb_bind_text (s, 1, b->checksum);
  sqlite3_bind_int (s, 2, b->n_new);
  sqlite3_bind_int (s, 3, b->n_updated);
  sqlite3_bind_int (s, 4, b->n_unchanged);
  sqlite3_bind_int (s, 5, b->n_rejected);
  sqlite3_bind_int64 (s, 6, b->id);
  return hrb_store_step_done (self, s, error);
}

static gint64
single_id (sqlite3_stmt *s)
{
  gint64 id = 0;

  if (sqlite3_step (s) == SQLITE_ROW)
    id = sqlite3_column_int64 (s, 0);
  hrb_store_done (s);
  return id;
}

gint64
hrb_store_find_item_for_import (HrbStore *self, gint64 medicine_id, const char *indication,
                                GError **error)
{
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), 0);
  s = hrb_store_prepare (self,
      "SELECT id FROM item WHERE medicine_id = ?1 AND indication IS ?2 AND source_id IS NULL "
      "AND deleted = 0 ORDER BY id LIMIT 1", error);
  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, medicine_id);
  hrb_bind_text (s, 2, indication && *indication ? indication : NULL);
  return single_id (s);
}

gint64
hrb_store_find_medicine_by_brand (HrbStore *self, const char *atc, const char *inn,
                                  const char *brand, GError **error)
{
  g_autofree char *key = hrb_store_match_key (inn);
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), 0);
  s = hrb_store_prepare (self,
      "SELECT id FROM medicine WHERE match_key = ?2 AND (?1 IS NULL OR atc IS NULL OR atc = ?1) "
      "AND brand = ?3 COLLATE NOCASE ORDER BY (atc = ?1) DESC, id LIMIT 1", error);
  if (s == NULL)
    return 0;
  hrb_bind_text (s, 1, atc && *atc ? atc : NULL);
  hrb_bind_text (s, 2, key);
  hrb_bind_text (s, 3, brand);
  return single_id (s);
}

gint64
hrb_store_find_unbranded_medicine (HrbStore *self, const char *atc, const char *inn,
                                   GError **error)
{
  g_autofree char *key = hrb_store_match_key (inn);
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), 0);
  s = hrb_store_prepare (self,
      "SELECT id FROM medicine WHERE match_key = ?2 AND (?1 IS NULL OR atc IS NULL OR atc = ?1) "
      "AND (brand IS NULL OR brand = '') ORDER BY (atc = ?1) DESC, id LIMIT 1", error);
  if (s == NULL)
    return 0;
  hrb_bind_text (s, 1, atc && *atc ? atc : NULL);
  hrb_bind_text (s, 2, key);
  return single_id (s);
}

HrbFigure *
hrb_store_latest_figure_from (HrbStore *self, gint64 item_id, const char *source, GError **error)
{
  sqlite3_stmt *s;
  HrbFigure *f = NULL;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  s = hrb_store_prepare (self,
      "SELECT id, year, patients_low, patients_high, cost_low, cost_high, budget_low, budget_high, "
      "source, vintage, batch_id, list_price, provisional, created_at FROM figure "
      "WHERE item_id = ?1 AND source = ?2 ORDER BY vintage DESC NULLS LAST, id DESC LIMIT 1", error);
  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, item_id);
  hrb_bind_text (s, 2, source);
  if (sqlite3_step (s) == SQLITE_ROW)
    {
      f = hrb_figure_new ();
      f->id = sqlite3_column_int64 (s, 0);
      f->item_id = item_id;
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
    }
  hrb_store_done (s);
  return f;
}

char *
hrb_store_get_item_sluis (HrbStore *self, gint64 item_id)
{
  sqlite3_stmt *s = hrb_store_prepare (self, "SELECT sluis FROM import_item WHERE item_id = ?1", NULL);
  char *v = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, item_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    v = hrb_col_text (s, 0);
  hrb_store_done (s);
  return v;
}

gboolean
hrb_store_set_item_sluis (HrbStore *self, gint64 item_id, const char *sluis, GError **error)
{
  g_autofree char *old = hrb_store_get_item_sluis (self, item_id);
  const char *v = sluis && *sluis ? sluis : NULL;
  sqlite3_stmt *s;

  if (g_strcmp0 (old, v) == 0)
    return TRUE;
  s = hrb_store_prepare (self,
      "INSERT INTO import_item (item_id, sluis) VALUES (?2, ?1) "
      "ON CONFLICT (item_id) DO UPDATE SET sluis = excluded.sluis", error);
  if (s == NULL)
    return FALSE;
  hrb_bind_text (s, 1, v);
  sqlite3_bind_int64 (s, 2, item_id);
  if (!hrb_store_step_done (self, s, error))
    return FALSE;
  return hrb_store_audit (self, "item", item_id, "sluis", old, v, error);
}

static void
source_item_row (sqlite3_stmt *s, gpointer data)
{
  gpointer *out = data;
  gint64 id = sqlite3_column_int64 (s, 0);

  g_array_append_val ((GArray *) out[0], id);
  g_ptr_array_add (out[1], hrb_col_text (s, 1));
}

gboolean
hrb_store_list_source_items (HrbStore *self, const char *source, gint64 except_batch,
                             GArray *ids, GPtrArray *source_ids, GError **error)
{
  sqlite3_stmt *s;

  s = hrb_store_prepare (self,
      "SELECT i.id, i.source_id FROM item i WHERE i.deleted = 0 AND i.source_id IS NOT NULL "
      "AND NOT EXISTS (SELECT 1 FROM import_added a WHERE a.batch_id = ?2 "
      "                AND i.id BETWEEN a.first_item AND a.last_item) "
      "AND EXISTS (SELECT 1 FROM figure f WHERE f.item_id = i.id AND f.source = ?1) ORDER BY i.id",
      error);
  if (s == NULL)
    return FALSE;
  hrb_bind_text (s, 1, source);
  hrb_bind_id (s, 2, except_batch);
  {
    gpointer out[] = { ids, source_ids };
    return hrb_store_each_row (self, s, source_item_row, out, _("Cannot read the items"), error);
  }
}

char *
hrb_store_content_checksum (HrbStore *self, GError **error)
{
  /* The tables of the schema; every column of each row in id order. */
  static const char *queries[] = {
    "SELECT * FROM meta ORDER BY key",
    "SELECT * FROM medicine ORDER BY id",
    "SELECT * FROM item ORDER BY id",
    "SELECT * FROM figure ORDER BY id",
    "SELECT * FROM import_batch ORDER BY id",
    "SELECT * FROM import_change ORDER BY id",
    "SELECT * FROM import_item ORDER BY item_id",
    "SELECT * FROM import_added ORDER BY batch_id",
    "SELECT * FROM audit ORDER BY id",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *s = hrb_store_prepare (self, queries[q], error);
      int rc;

      if (s == NULL)
        return NULL;
      g_checksum_update (sum, (const guchar *) queries[q], -1);
      while ((rc = sqlite3_step (s)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (s);
          for (int i = 0; i < n; i++)
            {
              const unsigned char *t = sqlite3_column_text (s, i);
              int type = sqlite3_column_type (s, i);
              char tag = (char) ('0' + type);

              g_checksum_update (sum, (const guchar *) &tag, 1);
              if (t != NULL)
                g_checksum_update (sum, t, sqlite3_column_bytes (s, i));
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (sum, (const guchar *) "\x1e", 1);
        }
      hrb_store_done (s);
      if (rc != SQLITE_DONE)
        {
          hrb_store_set_sqlite_error (self, error, _("Cannot read the database"));
          return NULL;
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

void
hrb_store_set_large_cache (HrbStore *self, gboolean large)
{
  g_return_if_fail (HRB_IS_STORE (self));
  if (large)
    hrb_store_exec (self, "PRAGMA cache_size = -65536", NULL);
  else
    hrb_store_exec (self, "PRAGMA cache_size = -2000", NULL);
}


static gboolean
range_ok (HrbRange r)
{
  return (isnan (r.low) || r.low >= 0) && (isnan (r.high) || r.high >= 0) &&
         (isnan (r.low) || isnan (r.high) || r.low <= r.high);
}

/* Row functions filling the hash tables of the import's lookups. */
static void
source_id_row (sqlite3_stmt *s, gpointer table)
{
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (s, 1);
  g_hash_table_replace (table, hrb_col_text (s, 0), id);
}

static void
text_key_row (sqlite3_stmt *s, gpointer table)
{
  g_hash_table_add (table, hrb_col_text (s, 0));
}

static void
id_key_row (sqlite3_stmt *s, gpointer table)
{
  gint64 id = sqlite3_column_int64 (s, 0);

  g_hash_table_add (table, g_memdup2 (&id, sizeof id));
}

/* Fills table from the rows of sql; NULL (and table freed) on an error. */
static GHashTable *
fill_table (HrbStore *self, const char *sql, HrbRowFunc func, GHashTable *table, const char *what,
            GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self, sql, error);

  if (s == NULL || !hrb_store_each_row (self, s, func, table, what, error))
    g_clear_pointer (&table, g_hash_table_unref);
  return table;
}

GHashTable *
hrb_store_import_source_ids (HrbStore *self, GError **error)
{
  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  return fill_table (self, "SELECT source_id, id FROM item WHERE source_id IS NOT NULL", source_id_row,
                     g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                     _("Cannot read the items"), error);
}

GHashTable *
hrb_store_import_medicine_keys (HrbStore *self, GError **error)
{
  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  return fill_table (self, "SELECT DISTINCT match_key FROM medicine", text_key_row,
                     g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                     _("Cannot read the medicines"), error);
}

gboolean
hrb_store_mark_added (HrbStore *self, gint64 batch_id, gint64 first_medicine, gint64 last_medicine,
                      gint64 first_item, gint64 last_item, GError **error)
{
  sqlite3_stmt *s;

  g_return_val_if_fail (HRB_IS_STORE (self), FALSE);
  s = hrb_store_prepare (self,
      "INSERT INTO import_added (batch_id, first_medicine, last_medicine, first_item, last_item) "
      "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, batch_id);
  hrb_bind_id (s, 2, first_medicine);
  hrb_bind_id (s, 3, last_medicine);
  hrb_bind_id (s, 4, first_item);
  hrb_bind_id (s, 5, last_item);
  return hrb_store_step_done (self, s, error);
}

GHashTable *
hrb_store_import_unsourced_medicines (HrbStore *self, GError **error)
{
  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  return fill_table (self, "SELECT DISTINCT medicine_id FROM item WHERE source_id IS NULL AND deleted = 0",
                     id_key_row, g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
                     _("Cannot read the items"), error);
}

/* The import writer ------------------------------------------------------------- */

/* An item to write; its texts live in the writer's string chunk. */
typedef struct {
  gint64            id;
  gint64            medicine_id;
  const char       *indication, *domain, *source_id, *phase, *expected, *value, *loe, *sluis;
  HrbSetting        setting;
  HrbPackageStatus  status;
  gboolean          with_figure;
  int               year;
  HrbRange          patients, cost, budget;
} Pending;

/* A medicine to write; the same. */
typedef struct {
  HrbMedicine  m;
  const char  *match_key;
} PendingMedicine;

struct _HrbImportWriter {
  HrbStore     *store;
  char         *created_at;
  char         *figure_source;
  char         *vintage;
  gint64        batch_id;
  gint64        next_id;            /* the id the next added item gets */
  gint64        first_pending;      /* the id of the first item not yet written */
  gint64        n_stored;           /* items in the table */
  GArray       *pending;            /* of Pending */
  gint64        next_medicine_id;
  gint64        n_medicines_stored; /* medicines in the table */
  GArray       *medicines;          /* of PendingMedicine */
  GStringChunk *texts;              /* the texts of both */
  void        (*progress) (double done, gpointer data);
  gpointer      progress_data;
  guint64       work_done, work_total; /* rows of the flush under way */
};

static gint64
query_int64 (HrbStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (store, sql, error);
  gint64 v = -1;
  int rc;

  if (s == NULL)
    return -1;
  if ((rc = sqlite3_step (s)) == SQLITE_ROW)
    v = sqlite3_column_int64 (s, 0);
  else
    hrb_store_set_sqlite_error (store, error, _("Cannot read the items"));
  hrb_store_done (s);
  return v;
}

HrbImportWriter *
hrb_import_writer_new (HrbStore *store, const char *created_at, const char *figure_source,
                       const char *vintage, gint64 batch_id, GError **error)
{
  g_autoptr(HrbImportWriter) w = g_new0 (HrbImportWriter, 1);
  gint64 max_id;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);
  w->store = g_object_ref (store);
  w->created_at = g_strdup (created_at);
  w->figure_source = g_strdup (figure_source);
  w->vintage = g_strdup (vintage);
  w->batch_id = batch_id;
  w->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  w->medicines = g_array_new (FALSE, FALSE, sizeof (PendingMedicine));
  w->texts = g_string_chunk_new (1 << 20);
  if ((max_id = query_int64 (store, "SELECT coalesce (max (id), 0) FROM item", error)) < 0 ||
      (w->n_stored = query_int64 (store, "SELECT count (*) FROM item", error)) < 0 ||
      (w->next_medicine_id = query_int64 (store, "SELECT coalesce (max (id), 0) + 1 FROM medicine",
                                          error)) < 0 ||
      (w->n_medicines_stored = query_int64 (store, "SELECT count (*) FROM medicine", error)) < 0)
    return NULL;
  /* What SQLite would give out for an INTEGER PRIMARY KEY: max + 1. */
  w->next_id = w->first_pending = max_id + 1;
  /* The change log refers to items that are written later. */
  if (!hrb_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    return NULL;
  return g_steal_pointer (&w);
}

void
hrb_import_writer_free (HrbImportWriter *w)
{
  if (w == NULL)
    return;
  g_array_unref (w->pending);
  g_array_unref (w->medicines);
  g_string_chunk_free (w->texts);
  g_free (w->created_at);
  g_free (w->figure_source);
  g_free (w->vintage);
  g_object_unref (w->store);
  g_free (w);
}

/* A copy in the chunk; texts that repeat (domains, phases) are kept once. */
static const char *
text (HrbImportWriter *w, const char *s, gboolean repeats)
{
  if (s == NULL || *s == '\0')
    return NULL;
  return repeats ? g_string_chunk_insert_const (w->texts, s) : g_string_chunk_insert (w->texts, s);
}

static gboolean
figure_ranges_ok (const HrbFigure *f)
{
  return range_ok (f->patients) && range_ok (f->cost) && range_ok (f->budget) &&
         (f->year == 0 || (f->year >= 1990 && f->year <= 2100));
}

gint64
hrb_import_writer_add (HrbImportWriter *w, const HrbItem *item, const char *sluis, gboolean with_figure,
                       GError **error)
{
  const char *field = NULL;
  char *message = NULL;
  Pending p = { 0 };

  g_return_val_if_fail (w != NULL && item != NULL, 0);
  if (!hrb_item_validate (item, &field, &message))
    return invalid (error, field, message);
  if (item->medicine_id <= 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, _("An item needs a medicine."));
      return 0;
    }
  if (with_figure && !figure_ranges_ok (&item->figure))
    {
      HrbFigure f = item->figure;

      f.source = w->figure_source;
      f.vintage = w->vintage;
      if (!hrb_figure_validate (&f, &field, &message))
        return invalid (error, field, message);
    }
  p.id = w->next_id++;
  p.medicine_id = item->medicine_id;
  p.indication = text (w, item->indication, FALSE);
  p.domain = text (w, item->domain, TRUE);
  p.source_id = text (w, item->source_id, FALSE);
  p.phase = text (w, item->phase, TRUE);
  p.expected = text (w, item->expected_registration, TRUE);
  p.value = text (w, item->therapeutic_value, TRUE);
  p.loe = text (w, item->loe_date, TRUE);
  p.sluis = text (w, sluis, TRUE);
  p.setting = item->setting;
  p.status = item->status;
  p.with_figure = with_figure;
  p.year = item->figure.year;
  p.patients = item->figure.patients;
  p.cost = item->figure.cost;
  p.budget = item->figure.budget;
  g_array_append_val (w->pending, p);
  return p.id;
}

gint64
hrb_import_writer_add_medicine (HrbImportWriter *w, const HrbMedicine *m, const char *match_key,
                                GError **error)
{
  g_autofree char *key = NULL;
  const char *field = NULL;
  char *message = NULL;
  PendingMedicine p = { 0 };

  g_return_val_if_fail (w != NULL && m != NULL, 0);
  if (!hrb_medicine_validate (m, &field, &message))
    return invalid (error, field, message);
  p.m = *m;
  p.m.id = w->next_medicine_id++;
  p.m.inn = (char *) text (w, m->inn, FALSE);
  p.m.brand = (char *) text (w, m->brand, FALSE);
  p.m.atc = (char *) text (w, m->atc, TRUE);
  p.m.holder = (char *) text (w, m->holder, TRUE);
  p.m.authorisation_date = (char *) text (w, m->authorisation_date, TRUE);
  p.m.ema_status = (char *) text (w, m->ema_status, TRUE);
  if (match_key == NULL)
    match_key = key = hrb_store_match_key (m->inn);
  p.match_key = g_string_chunk_insert (w->texts, match_key);
  g_array_append_val (w->medicines, p);
  return p.m.id;
}

void
hrb_import_writer_set_progress (HrbImportWriter *w, void (*progress) (double done, gpointer data),
                                gpointer data)
{
  g_return_if_fail (w != NULL);
  w->progress = progress;
  w->progress_data = data;
}

gboolean
hrb_import_writer_holds (HrbImportWriter *w, gint64 item_id)
{
  g_return_val_if_fail (w != NULL, FALSE);
  return item_id >= w->first_pending && item_id < w->next_id;
}

guint
hrb_import_writer_pending (HrbImportWriter *w)
{
  g_return_val_if_fail (w != NULL, 0);
  return w->pending->len;
}

/* Rows per multi-row INSERT; a shorter tail goes one row at a time. */
#define CHUNK 128
#define ITEM_ROW "(?,?,?,?,?,?,?,?,?,?,?,?)"
#define FIGURE_ROW "(?,?,?,?,?,?,?,?,?,?,?,1,0,?)"
#define SLUIS_ROW "(?,?)"
#define MEDICINE_ROW "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
#define ROWS4(r) r "," r "," r "," r
#define ROWS32(r) r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," \
                  r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r "," r
#define ITEM_INSERT "INSERT INTO item (id, medicine_id, indication, domain, setting, package_status, " \
  "source_id, phase, expected_registration, therapeutic_value, loe_date, created_at) VALUES "
#define FIGURE_INSERT "INSERT INTO figure (item_id, year, patients_low, patients_high, cost_low, " \
  "cost_high, budget_low, budget_high, source, vintage, batch_id, list_price, provisional, " \
  "created_at) VALUES "
#define SLUIS_INSERT "INSERT INTO import_item (item_id, sluis) VALUES "
#define MEDICINE_INSERT "INSERT INTO medicine (id, inn, brand, atc, holder, authorisation_date, " \
  "ema_status, orphan, conditional, exceptional, accelerated, atmp, biosimilar, generic, critical, " \
  "match_key) VALUES "
static const char ITEM_SQL_1[] = ITEM_INSERT ITEM_ROW;
static const char ITEM_SQL_N[] = ITEM_INSERT ROWS32 (ROWS4 (ITEM_ROW));
static const char FIGURE_SQL_1[] = FIGURE_INSERT FIGURE_ROW;
static const char FIGURE_SQL_N[] = FIGURE_INSERT ROWS32 (ROWS4 (FIGURE_ROW));
static const char SLUIS_SQL_1[] = SLUIS_INSERT SLUIS_ROW;
static const char SLUIS_SQL_N[] = SLUIS_INSERT ROWS32 (ROWS4 (SLUIS_ROW));
static const char MEDICINE_SQL_1[] = MEDICINE_INSERT MEDICINE_ROW;
static const char MEDICINE_SQL_N[] = MEDICINE_INSERT ROWS32 (ROWS4 (MEDICINE_ROW));

static const char *
nonempty (const char *s)
{
  return s && *s ? s : NULL;
}

/* The writer's texts outlive the statement's step: SQLite need not copy them. */
static void
bind_static (sqlite3_stmt *s, int i, const char *v)
{
  if (v == NULL)
    sqlite3_bind_null (s, i);
  else
    sqlite3_bind_text (s, i, v, -1, SQLITE_STATIC);
}

/* A kind of row the writer inserts: whether pending entry i gives one, and
 * binding it at parameter offset at (returns the next offset). */
typedef struct {
  const char *sql_n;    /* CHUNK rows */
  const char *sql_1;    /* one row */
  gboolean  (*want) (const HrbImportWriter *w, guint i);
  int       (*bind) (sqlite3_stmt *s, int at, const HrbImportWriter *w, guint i);
} RowKind;

#define PENDING(w, i) (&g_array_index ((w)->pending, Pending, (i)))

static int
bind_item_row (sqlite3_stmt *s, int at, const HrbImportWriter *w, guint i)
{
  const Pending *p = PENDING (w, i);

  sqlite3_bind_int64 (s, at + 1, p->id);
  sqlite3_bind_int64 (s, at + 2, p->medicine_id);
  bind_static (s, at + 3, p->indication);
  bind_static (s, at + 4, p->domain);
  sqlite3_bind_int (s, at + 5, p->setting);
  sqlite3_bind_int (s, at + 6, p->status);
  bind_static (s, at + 7, p->source_id);
  bind_static (s, at + 8, p->phase);
  bind_static (s, at + 9, p->expected);
  bind_static (s, at + 10, p->value);
  bind_static (s, at + 11, p->loe);
  bind_static (s, at + 12, w->created_at);
  return at + 12;
}

static int
bind_figure_row (sqlite3_stmt *s, int at, const HrbImportWriter *w, guint i)
{
  const Pending *p = PENDING (w, i);

  sqlite3_bind_int64 (s, at + 1, p->id);
  if (p->year > 0)
    sqlite3_bind_int (s, at + 2, p->year);
  else
    sqlite3_bind_null (s, at + 2);
  hrb_bind_double (s, at + 3, p->patients.low);
  hrb_bind_double (s, at + 4, p->patients.high);
  hrb_bind_double (s, at + 5, p->cost.low);
  hrb_bind_double (s, at + 6, p->cost.high);
  hrb_bind_double (s, at + 7, p->budget.low);
  hrb_bind_double (s, at + 8, p->budget.high);
  bind_static (s, at + 9, w->figure_source);
  bind_static (s, at + 10, nonempty (w->vintage));
  hrb_bind_id (s, at + 11, w->batch_id);
  bind_static (s, at + 12, w->created_at);
  return at + 12;
}

static int
bind_sluis_row (sqlite3_stmt *s, int at, const HrbImportWriter *w, guint i)
{
  sqlite3_bind_int64 (s, at + 1, PENDING (w, i)->id);
  bind_static (s, at + 2, PENDING (w, i)->sluis);
  return at + 2;
}

static int
bind_medicine_row (sqlite3_stmt *s, int at, const HrbImportWriter *w, guint i)
{
  const PendingMedicine *p = &g_array_index (w->medicines, PendingMedicine, i);
  const HrbMedicine *m = &p->m;

  sqlite3_bind_int64 (s, at + 1, m->id);
  bind_static (s, at + 2, m->inn);
  bind_static (s, at + 3, m->brand);
  bind_static (s, at + 4, m->atc);
  bind_static (s, at + 5, m->holder);
  bind_static (s, at + 6, m->authorisation_date);
  bind_static (s, at + 7, m->ema_status);
  sqlite3_bind_int (s, at + 8, !!m->orphan);
  sqlite3_bind_int (s, at + 9, !!m->conditional);
  sqlite3_bind_int (s, at + 10, !!m->exceptional);
  sqlite3_bind_int (s, at + 11, !!m->accelerated);
  sqlite3_bind_int (s, at + 12, !!m->atmp);
  sqlite3_bind_int (s, at + 13, !!m->biosimilar);
  sqlite3_bind_int (s, at + 14, !!m->generic);
  sqlite3_bind_int (s, at + 15, !!m->critical);
  bind_static (s, at + 16, p->match_key);
  return at + 16;
}

static gboolean
has_figure (const HrbImportWriter *w, guint i)
{
  return PENDING (w, i)->with_figure;
}

static gboolean
has_sluis (const HrbImportWriter *w, guint i)
{
  return PENDING (w, i)->sluis != NULL;
}

static const RowKind medicine_rows = { MEDICINE_SQL_N, MEDICINE_SQL_1, NULL, bind_medicine_row };
static const RowKind item_rows = { ITEM_SQL_N, ITEM_SQL_1, NULL, bind_item_row };
static const RowKind figure_rows = { FIGURE_SQL_N, FIGURE_SQL_1, has_figure, bind_figure_row };
static const RowKind sluis_rows = { SLUIS_SQL_N, SLUIS_SQL_1, has_sluis, bind_sluis_row };

/* Inserts the rows of kind for entries 0 to n - 1: CHUNK rows per statement,
 * the rest one by one. */
static gboolean
insert_rows (HrbImportWriter *w, const RowKind *kind, guint n_entries, GCancellable *cancellable,
             GError **error)
{
  sqlite3_stmt *many = hrb_store_prepare (w->store, kind->sql_n, error);
  sqlite3_stmt *one = many ? hrb_store_prepare (w->store, kind->sql_1, error) : NULL;
  guint i = 0, batches = 0;

  if (one == NULL)
    return FALSE;
  while (i < n_entries)
    {
      guint rows[CHUNK];
      guint n = 0, from = i;
      int at = 0;

      for (; i < n_entries && n < CHUNK; i++)
        if (kind->want == NULL || kind->want (w, i))
          rows[n++] = i;
      if (n == CHUNK)
        {
          for (guint k = 0; k < n; k++)
            at = kind->bind (many, at, w, rows[k]);
          if (!hrb_store_step_done (w->store, many, error))
            return FALSE;
        }
      else
        for (guint k = 0; k < n; k++)
          {
            kind->bind (one, 0, w, rows[k]);
            if (!hrb_store_step_done (w->store, one, error))
              return FALSE;
          }
      w->work_done += i - from;
      if ((++batches & 63) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (w->progress)
            w->progress ((double) w->work_done / MAX (1, w->work_total), w->progress_data);
        }
    }
  return TRUE;
}

/* The secondary indexes of a table group: a query for their definitions and
 * the statements that drop them. */
typedef struct {
  const char *definitions;
  const char *drop[4];
} IndexSet;

static const IndexSet medicine_indexes = {
  "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
  "AND name IN ('medicine_atc', 'medicine_match')",
  { "DROP INDEX IF EXISTS medicine_atc", "DROP INDEX IF EXISTS medicine_match", NULL },
};
static const IndexSet item_indexes = {
  "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
  "AND name IN ('item_medicine', 'item_source_id', 'figure_item')",
  { "DROP INDEX IF EXISTS item_medicine", "DROP INDEX IF EXISTS item_source_id",
    "DROP INDEX IF EXISTS figure_item", NULL },
};

/* Inserts the rows of each kind for entries 0 to n_entries - 1. bulk: the
 * indexes are dropped first and built again afterwards (from the definitions
 * read before they were dropped): sorting once beats updating them row by row. */
static gboolean
insert_all (HrbImportWriter *w, const IndexSet *indexes, gboolean bulk, const RowKind *const *kinds,
            guint n_entries, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) definitions = NULL;

  if (bulk)
    {
      sqlite3_stmt *s = hrb_store_prepare (w->store, indexes->definitions, error);

      if (s == NULL ||
          (definitions = hrb_store_collect (w->store, s, hrb_store_read_text, NULL, g_free,
                                            _("Cannot read the database schema"), error)) == NULL)
        return FALSE;
      for (guint i = 0; indexes->drop[i]; i++)
        if (!hrb_store_exec (w->store, indexes->drop[i], error))
          return FALSE;
    }
  for (guint k = 0; kinds[k]; k++)
    if (!insert_rows (w, kinds[k], n_entries, cancellable, error))
      return FALSE;
  for (guint i = 0; definitions && i < definitions->len; i++)
    {
      const char *definition = g_ptr_array_index (definitions, i);

      if (!hrb_store_exec (w->store, definition, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_bulk (guint n_new, gint64 n_stored)
{
  return n_new >= HRB_IMPORT_BULK_MIN && n_new >= n_stored;
}

gboolean
hrb_import_writer_flush (HrbImportWriter *w, gboolean allow_bulk, GCancellable *cancellable,
                         GError **error)
{
  static const RowKind *const medicine_kinds[] = { &medicine_rows, NULL };
  static const RowKind *const item_kinds[] = { &item_rows, &figure_rows, &sluis_rows, NULL };

  g_return_val_if_fail (w != NULL, FALSE);
  if (w->pending->len == 0 && w->medicines->len == 0)
    return TRUE;
  /* Each entry is looked at once per kind of row. */
  w->work_done = 0;
  w->work_total = w->medicines->len + (guint64) (G_N_ELEMENTS (item_kinds) - 1) * w->pending->len;
  if (!insert_all (w, &medicine_indexes,
                   allow_bulk && is_bulk (w->medicines->len, w->n_medicines_stored),
                   medicine_kinds, w->medicines->len, cancellable, error) ||
      !insert_all (w, &item_indexes, allow_bulk && is_bulk (w->pending->len, w->n_stored),
                   item_kinds, w->pending->len, cancellable, error))
    return FALSE;
  w->n_medicines_stored += w->medicines->len;
  g_array_set_size (w->medicines, 0);
  w->n_stored += w->pending->len;
  w->first_pending = w->next_id;
  g_array_set_size (w->pending, 0);
  g_string_chunk_clear (w->texts);
  hrb_store_bump_generation (w->store);
  return TRUE;
}
