/* test-store.c: the SQLite store: round trips, audit, migrations, refusal of
 * newer and damaged files, soft delete and restore. */
#include "test-helpers.h"
#include "hrb-store.h"
#include "hrb-demo.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

static gint64
add_medicine (HrbStore *store, const char *inn, const char *brand, const char *atc)
{
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  m->inn = g_strdup (inn);
  m->brand = g_strdup (brand);
  m->atc = g_strdup (atc);
  m->orphan = TRUE;
  id = hrb_store_insert_medicine (store, m, &error);
  assert_null (error);
  assert_true (id > 0);
  return id;
}

static gint64
add_item (HrbStore *store, gint64 medicine_id, const char *indication, HrbPackageStatus status)
{
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  item->medicine_id = medicine_id;
  item->indication = g_strdup (indication);
  item->domain = g_strdup ("Stofwisseling en endocrinologie");
  item->setting = HRB_SETTING_EXTRAMURAL;
  item->status = status;
  id = hrb_store_insert_item (store, item, &error);
  assert_null (error);
  assert_true (id > 0);
  return id;
}

static void
test_round_trip (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  g_autoptr(HrbItem) got = NULL;
  gint64 mid = add_medicine (store, "vosoritide", "Voxzogo", "M05BX07");
  gint64 iid = add_item (store, mid, "Achondroplasie", HRB_STATUS_NOT_ADMITTED);

  f->item_id = iid;
  f->patients = (HrbRange) { 7, 7 };
  f->cost = (HrbRange) { 200000, 250000 };
  f->budget = (HrbRange) { 1575000, 1575000 };
  f->year = 2027;
  f->source = g_strdup ("Horizonscan");
  f->vintage = g_strdup ("2026-10-01");
  assert_true (hrb_store_add_figure (store, f, &error) > 0);

  got = hrb_store_get_item (store, iid, &error);
  assert_non_null (got);
  assert_string_equal (got->medicine.inn, "vosoritide");
  assert_string_equal (got->medicine.brand, "Voxzogo");
  assert_string_equal (got->medicine.atc, "M05BX07");
  assert_true (got->medicine.orphan);
  assert_false (got->medicine.conditional);
  assert_string_equal (got->indication, "Achondroplasie");
  assert_int_equal (got->setting, HRB_SETTING_EXTRAMURAL);
  assert_int_equal (hrb_item_stream (got), HRB_STREAM_PROSPECTIVE);
  assert_double_equal (got->figure.cost.low, 200000, 0);
  assert_double_equal (got->figure.cost.high, 250000, 0);
  assert_double_equal (got->figure.budget.low, 1575000, 0);
  assert_int_equal (got->figure.year, 2027);
  assert_string_equal (got->figure.source, "Horizonscan");
  assert_string_equal (got->figure.vintage, "2026-10-01");
  /* Unknown stays unknown. */
  g_autoptr(HrbFigure) f2 = hrb_figure_new ();
  f2->item_id = iid;
  f2->source = g_strdup ("Eigen schatting");
  f2->vintage = g_strdup ("2026-11-01");
  f2->patients = (HrbRange) { NAN, 4000 };
  assert_true (hrb_store_add_figure (store, f2, &error) > 0);
  g_clear_pointer (&got, hrb_item_free);
  got = hrb_store_get_item (store, iid, &error);
  assert_true (isnan (got->figure.patients.low));
  assert_double_equal (got->figure.patients.high, 4000, 0);
  assert_true (isnan (got->figure.cost.low));
  assert_string_equal (got->figure.vintage, "2026-11-01");

  /* Both vintages are kept as history, newest first. */
  g_autoptr(GPtrArray) figures = hrb_store_list_figures (store, iid, &error);
  assert_int_equal (figures->len, 2);
  assert_string_equal (((HrbFigure *) figures->pdata[0])->vintage, "2026-11-01");
  assert_string_equal (((HrbFigure *) figures->pdata[1])->vintage, "2026-10-01");
}

static void
test_streams_and_medicine_level (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 mid = add_medicine (store, "adalimumab", "Humira", "L04AB04");
  gint64 a = add_item (store, mid, NULL, HRB_STATUS_ADMITTED);
  gint64 b = add_item (store, mid, "Hidradenitis", HRB_STATUS_IN_SLUIS);
  g_autoptr(GPtrArray) pro = hrb_store_list_items (store, HRB_STREAM_PROSPECTIVE, &error);
  g_autoptr(GPtrArray) retro = hrb_store_list_items (store, HRB_STREAM_RETROSPECTIVE, &error);
  g_autoptr(GPtrArray) all = hrb_store_list_items (store, HRB_STREAM_ANY, &error);

  assert_int_equal (pro->len, 1);
  assert_int_equal (((HrbItem *) pro->pdata[0])->id, b);
  assert_int_equal (retro->len, 1);
  assert_int_equal (((HrbItem *) retro->pdata[0])->id, a);
  assert_null (((HrbItem *) retro->pdata[0])->indication);
  assert_int_equal (all->len, 2);
}

static gboolean
audit_has (GPtrArray *entries, const char *field, const char *old_value, const char *new_value)
{
  for (guint i = 0; i < entries->len; i++)
    {
      HrbAuditEntry *e = entries->pdata[i];
      if (g_strcmp0 (e->field, field) == 0 && g_strcmp0 (e->old_value, old_value) == 0 &&
          g_strcmp0 (e->new_value, new_value) == 0 && g_strcmp0 (e->author, "Test Gebruiker") == 0 &&
          g_strcmp0 (e->at, "2026-11-23T10:00:00Z") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_audit_on_edits (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 mid = add_medicine (store, "nusinersen", "Spinraza", "M09AX07");
  gint64 iid = add_item (store, mid, "SMA", HRB_STATUS_ADMITTED);
  g_autoptr(HrbItem) item = hrb_store_get_item (store, iid, &error);
  g_autoptr(HrbMedicine) m = hrb_store_get_medicine (store, mid, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) med_entries = NULL;
  guint before;

  entries = hrb_store_list_audit (store, "item", iid, &error);
  before = entries->len;
  assert_true (audit_has (entries, "created", NULL, "SMA"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_free (item->indication);
  item->indication = g_strdup ("Spinale musculaire atrofie");
  item->status = HRB_STATUS_CONDITIONAL;
  assert_true (hrb_store_update_item (store, item, &error));
  entries = hrb_store_list_audit (store, "item", iid, &error);
  assert_int_equal (entries->len, before + 2);
  assert_true (audit_has (entries, "indication", "SMA", "Spinale musculaire atrofie"));
  assert_true (audit_has (entries, "package_status", "admitted", "conditional"));

  /* An update without changes writes nothing. */
  assert_true (hrb_store_update_item (store, item, &error));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = hrb_store_list_audit (store, "item", iid, &error);
  assert_int_equal (entries->len, before + 2);

  m->critical = TRUE;
  g_free (m->brand);
  m->brand = g_strdup ("Spinraza®");
  assert_true (hrb_store_update_medicine (store, m, &error));
  med_entries = hrb_store_list_audit (store, "medicine", mid, &error);
  assert_true (audit_has (med_entries, "critical", "0", "1"));
  assert_true (audit_has (med_entries, "brand", "Spinraza", "Spinraza®"));

  /* Figure edits are audited field by field. */
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  f->item_id = iid;
  f->source = g_strdup ("GIPdatabank");
  f->patients = (HrbRange) { 100, 120 };
  f->id = hrb_store_add_figure (store, f, &error);
  assert_true (f->id > 0);
  f->patients.high = 130;
  assert_true (hrb_store_update_figure (store, f, &error));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = hrb_store_list_audit (store, "item", iid, &error);
  assert_true (audit_has (entries, "patients_high", "120", "130"));
}

static void
test_invalid_edits_change_nothing (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  g_autoptr(GPtrArray) audit = NULL;
  gint64 mid, iid;

  m->inn = g_strdup ("");
  assert_int_equal (hrb_store_insert_medicine (store, m, &error), 0);
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID));
  g_clear_error (&error);

  mid = add_medicine (store, "eculizumab", "Soliris", "L04AJ01");
  iid = add_item (store, mid, "PNH", HRB_STATUS_ADMITTED);
  f->item_id = iid;
  f->source = g_strdup ("GIPdatabank");
  f->patients = (HrbRange) { 900, 600 };
  assert_int_equal (hrb_store_add_figure (store, f, &error), 0);
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID));
  g_clear_error (&error);

  /* A figure for an item that does not exist violates the foreign key. */
  f->patients = (HrbRange) { 600, 900 };
  f->item_id = 9999;
  assert_int_equal (hrb_store_add_figure (store, f, &error), 0);
  assert_non_null (error);
  g_clear_error (&error);

  g_autoptr(GPtrArray) figures = hrb_store_list_figures (store, iid, &error);
  assert_int_equal (figures->len, 0);
  audit = hrb_store_list_audit (store, "item", 9999, &error);
  assert_int_equal (audit->len, 0);
}

static void
test_delete_and_restore (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 mid = add_medicine (store, "remdesivir", "Veklury", "J05AB16");
  gint64 iid = add_item (store, mid, "COVID-19", HRB_STATUS_ADMITTED);
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;

  assert_true (hrb_store_delete_item (store, iid, &error));
  a = hrb_store_list_items (store, HRB_STREAM_ANY, &error);
  assert_int_equal (a->len, 0);
  assert_true (hrb_store_restore_item (store, iid, &error));
  b = hrb_store_list_items (store, HRB_STREAM_ANY, &error);
  assert_int_equal (b->len, 1);
  assert_string_equal (((HrbItem *) b->pdata[0])->indication, "COVID-19");
  /* Deleting something that is not there is an error. */
  assert_false (hrb_store_delete_item (store, 4242, &error));
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);
  c = hrb_store_list_audit (store, "item", iid, &error);
  assert_true (audit_has (c, "deleted", "0", "1"));
  assert_true (audit_has (c, "deleted", "1", "0"));
}

static void
test_transactions_roll_back (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meds = NULL;

  assert_true (hrb_store_begin (store, &error));
  add_medicine (store, "tafamidis", "Vyndaqel", "N07XX08");
  add_medicine (store, "burosumab", "Crysvita", "M05BX05");
  hrb_store_rollback (store);
  meds = hrb_store_list_medicines (store, &error);
  assert_int_equal (meds->len, 0);
}

static void
test_find_medicine_accent_insensitive (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 mid = add_medicine (store, "Elexacaftor/tezacaftor/ivacaftor", "Kaftrio", "R07AX32");

  assert_int_equal (hrb_store_find_medicine (store, "R07AX32", "elexacaftor / tezacaftor / ivacaftor", &error), mid);
  add_medicine (store, "Tocilizumáb", NULL, "L04AC07");
  assert_true (hrb_store_find_medicine (store, NULL, "TOCILIZUMAB", &error) > 0);
  assert_int_equal (hrb_store_find_medicine (store, "L04AC07", "adalimumab", &error), 0);
}

/* Migrations ---------------------------------------------------------------- */

static int
file_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  int v = -1;

  assert_int_equal (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
  if (sqlite3_step (s) == SQLITE_ROW)
    v = sqlite3_column_int (s, 0);
  sqlite3_finalize (s);
  sqlite3_close (db);
  return v;
}

static void
set_file_user_version (const char *path, int version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  assert_int_equal (sqlite3_open (path, &db), SQLITE_OK);
  assert_int_equal (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate_from_every_version (void **state)
{
  int latest = hrb_store_latest_version ();
  g_autofree char *dir = test_tmpdir ();

  assert_true (latest >= 1);
  for (int from = 0; from < latest; from++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", dir, from);
      g_autoptr(GError) error = NULL;
      gint64 iid = 0;

      {
        g_autoptr(HrbStore) old = hrb_store_open_at_version (path, from, &error);
        assert_non_null (old);
        assert_int_equal (hrb_store_get_version (old), from);
        if (from >= 1)
          {
            /* Data written by an older schema must survive the migration. */
            gint64 mid = add_medicine (old, "ocrelizumab", "Ocrevus", "L04AA36");
            iid = add_item (old, mid, "Primair progressieve MS", HRB_STATUS_ADMITTED);
          }
      }
      {
        g_autoptr(HrbStore) store = hrb_store_open (path, &error);
        g_autoptr(GString) report = g_string_new (NULL);

        assert_non_null (store);
        assert_int_equal (hrb_store_get_version (store), latest);
        assert_true (hrb_store_check (store, report, &error));
        if (from >= 1)
          {
            g_autoptr(HrbItem) item = hrb_store_get_item (store, iid, &error);
            g_auto(GStrv) backups = hrb_store_list_backups (store, NULL);
            g_autofree char *reason = g_strdup_printf ("before-migration-v%d.db", from);
            assert_non_null (item);
            assert_string_equal (item->indication, "Primair progressieve MS");
            /* A backup was made before migrating an existing database. */
            assert_non_null (backups[0]);
            assert_true (g_str_has_suffix (backups[0], reason));
            assert_int_equal (file_user_version (backups[0]), from);
          }
      }
    }
  {
    g_autofree char *bdir = g_build_filename (dir, "backups", NULL);
    test_rmdir (bdir);
  }
  test_rmdir (dir);
}

static char *
read_file (const char *path, gsize *len)
{
  char *data = NULL;

  assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static void
test_refuse_newer_version (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize n_before, n_after;

  {
    g_autoptr(HrbStore) store = hrb_store_open (path, &error);
    assert_non_null (store);
    add_medicine (store, "lecanemab", "Leqembi", "N06DX04");
    /* Close the connection and fold the WAL so the file is complete. */
  }
  set_file_user_version (path, hrb_store_latest_version () + 1);
  before = read_file (path, &n_before);

  HrbStore *store = hrb_store_open (path, &error);
  assert_null (store);
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NEWER));
  assert_non_null (strstr (error->message, "newer"));
  assert_non_null (strstr (error->message, path));

  after = read_file (path, &n_after);
  assert_int_equal (n_before, n_after);
  assert_memory_equal (before, after, n_before);
  assert_int_equal (file_user_version (path), hrb_store_latest_version () + 1);
  test_rmdir (dir);
}

static void
test_refuse_damaged_file (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *junk = "This is a spreadsheet, not a database.\n";
  g_autofree char *after = NULL;
  gsize n_after;

  assert_true (g_file_set_contents (path, junk, -1, NULL));
  HrbStore *store = hrb_store_open (path, &error);
  assert_null (store);
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_CORRUPT));
  assert_non_null (strstr (error->message, path));
  after = read_file (path, &n_after);
  assert_int_equal (n_after, strlen (junk));
  assert_memory_equal (after, junk, n_after);
  test_rmdir (dir);
}

static void
test_new_file_is_private (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sub", "private.db", NULL);
  g_autofree char *bak = g_build_filename (dir, "sub", "copy.db", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  {
    g_autoptr(HrbStore) store = hrb_store_open (path, &error);
    assert_non_null (store);
    assert_true (hrb_store_backup_to (store, bak, &error));
  }
  assert_int_equal (g_stat (path, &st), 0);
  assert_int_equal (st.st_mode & 0077, 0);
  assert_int_equal (g_stat (bak, &st), 0);
  assert_int_equal (st.st_mode & 0077, 0);
  test_rmdir (sub);
  test_rmdir (dir);
}

static void
test_watch_sees_commits (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "watched.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = hrb_store_open (path, &error);
  g_autoptr(HrbStoreWatch) watch = hrb_store_watch_new (path, &error);
  gint64 v0, v1;

  assert_non_null (watch);
  v0 = hrb_store_watch_version (watch);
  assert_true (v0 >= 0);
  assert_int_equal (hrb_store_watch_version (watch), v0);
  add_medicine (store, "faricimab", "Vabysmo", "S01LA09");
  v1 = hrb_store_watch_version (watch);
  assert_true (v1 != v0);
  assert_int_equal (hrb_store_watch_version (watch), v1);
  g_clear_pointer (&watch, hrb_store_watch_free);
  g_clear_object (&store);
  test_rmdir (dir);
}

static void
test_demo_data (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) domains = g_hash_table_new (g_str_hash, g_str_equal);
  guint pro = 0, retro = 0, ranges = 0, medicine_level = 0;
  double min_pat = INFINITY, max_pat = 0, min_cost = INFINITY, max_cost = 0;

  assert_false (hrb_store_is_demo (store));
  assert_true (hrb_demo_load (store, &error));
  assert_true (hrb_store_is_demo (store));
  items = hrb_store_list_items (store, HRB_STREAM_ANY, &error);
  assert_true (items->len >= 60);
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *it = items->pdata[i];
      HrbFigure *f = &it->figure;
      g_hash_table_add (domains, it->domain);
      if (hrb_item_stream (it) == HRB_STREAM_PROSPECTIVE)
        pro++;
      else
        retro++;
      if (f->patients.low != f->patients.high || f->cost.low != f->cost.high)
        ranges++;
      if (it->indication == NULL)
        medicine_level++;
      assert_true (f->id > 0);
      if (hrb_is_known (f->patients.high))
        {
          min_pat = MIN (min_pat, f->patients.high);
          max_pat = MAX (max_pat, f->patients.high);
        }
      if (hrb_is_known (f->cost.low))
        {
          min_cost = MIN (min_cost, f->cost.low);
          max_cost = MAX (max_cost, f->cost.low);
        }
    }
  assert_true (g_hash_table_size (domains) >= 8);
  assert_true (pro >= 10 && retro >= 10);
  assert_true (ranges >= 5);
  assert_true (medicine_level >= 2);
  assert_true (min_pat >= 5 && max_pat <= 200000);
  assert_true (min_cost >= 2000 && max_cost <= 2000000);
}

static void
test_generator_is_deterministic (void **state)
{
  g_autoptr(HrbStore) a = test_store_new ();
  g_autoptr(HrbStore) b = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ia = NULL, ib = NULL;

  assert_true (hrb_demo_generate (a, 500, 7, &error));
  assert_true (hrb_demo_generate (b, 500, 7, &error));
  ia = hrb_store_list_items (a, HRB_STREAM_ANY, &error);
  ib = hrb_store_list_items (b, HRB_STREAM_ANY, &error);
  assert_int_equal (ia->len, 500);
  assert_int_equal (ib->len, 500);
  for (guint i = 0; i < ia->len; i++)
    {
      HrbItem *x = ia->pdata[i], *y = ib->pdata[i];
      assert_string_equal (x->medicine.inn, y->medicine.inn);
      assert_true (x->figure.patients.high == y->figure.patients.high ||
                   (isnan (x->figure.patients.high) && isnan (y->figure.patients.high)));
    }
}

static void
test_backup_prune_and_restore (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autofree char *bdir = g_build_filename (dir, "backups", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = hrb_store_open (path, &error);
  g_autofree char *first = NULL;
  g_auto(GStrv) list = NULL;
  g_autoptr(GPtrArray) meds = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  assert_non_null (store);
  add_medicine (store, "lecanemab", "Leqembi", "N06DX04");
  first = hrb_store_auto_backup (store, NULL, "import", 2, &error);
  assert_non_null (first);
  assert_true (hrb_store_verify_file (first, NULL, &error));
  add_medicine (store, "sotatercept", "Winrevair", "C02KX06");
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *p = hrb_store_auto_backup (store, NULL, "import", 2, &error);
      assert_non_null (p);
    }
  /* Only the newest two are kept. */
  list = hrb_store_list_backups (store, NULL);
  assert_int_equal (g_strv_length (list), 2);
  assert_false (g_file_test (first, G_FILE_TEST_EXISTS));

  /* Restore the newest backup after a later change. */
  add_medicine (store, "mavacamten", "Camzyos", "C01EB24");
  assert_true (hrb_store_restore_from (store, list[0], &error));
  meds = hrb_store_list_medicines (store, &error);
  assert_int_equal (meds->len, 2);
  audit = hrb_store_list_audit (store, "database", 0, &error);
  assert_int_equal (audit->len, 1);
  assert_string_equal (((HrbAuditEntry *) audit->pdata[0])->field, "restored");

  /* A file that is not a database is refused and nothing changes. */
  assert_true (g_file_set_contents (junk, "not a database", -1, NULL));
  assert_false (hrb_store_restore_from (store, junk, &error));
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_CORRUPT));
  g_clear_pointer (&meds, g_ptr_array_unref);
  meds = hrb_store_list_medicines (store, &error);
  assert_int_equal (meds->len, 2);

  g_clear_object (&store);
  test_rmdir (bdir);
  test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_streams_and_medicine_level),
    cmocka_unit_test (test_audit_on_edits),
    cmocka_unit_test (test_invalid_edits_change_nothing),
    cmocka_unit_test (test_delete_and_restore),
    cmocka_unit_test (test_transactions_roll_back),
    cmocka_unit_test (test_find_medicine_accent_insensitive),
    cmocka_unit_test (test_migrate_from_every_version),
    cmocka_unit_test (test_refuse_newer_version),
    cmocka_unit_test (test_refuse_damaged_file),
    cmocka_unit_test (test_new_file_is_private),
    cmocka_unit_test (test_backup_prune_and_restore),
    cmocka_unit_test (test_watch_sees_commits),
    cmocka_unit_test (test_demo_data),
    cmocka_unit_test (test_generator_is_deterministic),
  };
  return cmocka_run_group_tests_name ("store", tests, NULL, NULL);
}
