/* test-import.c: the import presets and engine on the real fixtures, the
 * bad inputs of tests/data/bad/, change logs, dry runs and cancelling. */
#include "test-helpers.h"
#include "hrb-import.h"
#include "hrb-store-import.h"

#include <sqlite3.h>

#include <math.h>
#include <string.h>

static char *
fixture (const char *name)
{
  const char *dir = g_getenv ("HRB_FIXTURES");

  if (dir == NULL)
    fail_msg ("HRB_FIXTURES is not set");
  return g_build_filename (dir, name, NULL);
}

static char *
test_data (const char *name)
{
  const char *dir = g_getenv ("HRB_TEST_DATA");

  if (dir == NULL)
    fail_msg ("HRB_TEST_DATA is not set");
  return g_build_filename (dir, name, NULL);
}

/* Imports and returns the result; asserts success when expect_ok. */
static HrbImportResult *
run_import (HrbStore *store, HrbImportSource source, const char *path, gboolean expect_ok,
            const char *vintage)
{
  HrbImportOptions opts = { 0 };
  HrbImportResult *result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  opts.source = source;
  opts.vintage = vintage ? vintage : "2026-11-01";
  ok = hrb_import_file (store, path, &opts, &result, &error);
  if (expect_ok && !ok)
    fail_msg ("import of %s failed: %s", path, error->message);
  if (!expect_ok && ok)
    fail_msg ("import of %s succeeded, expected a failure", path);
  assert_non_null (result);
  return result;
}

static HrbItem *
find_item (GPtrArray *items, const char *brand)
{
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *it = g_ptr_array_index (items, i);
      if (g_strcmp0 (it->medicine.brand, brand) == 0)
        return it;
    }
  return NULL;
}

static HrbItem *
find_item_by_atc (GPtrArray *items, const char *atc)
{
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *it = g_ptr_array_index (items, i);
      if (g_strcmp0 (it->medicine.atc, atc) == 0)
        return it;
    }
  return NULL;
}

static char *
db_state (HrbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *sum = hrb_store_content_checksum (store, &error);

  assert_non_null (sum);
  assert_true (hrb_store_check (store, report, &error));
  return g_strdup_printf ("%s\n%s", sum, report->str);
}

/* Acceptance: the Horizonscan sample --------------------------------------- */

static void
test_horizonscan_sample (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  g_autoptr(HrbImportResult) res = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, NULL);
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  g_autoptr(GPtrArray) prospective = hrb_store_list_items (store, HRB_STREAM_PROSPECTIVE, NULL);
  g_autoptr(GPtrArray) batches = hrb_store_list_batches (store, NULL);
  g_autoptr(GPtrArray) changes = NULL;
  HrbItem *vox, *keytruda, *zemdri;
  HrbBatch *b;

  assert_int_equal (res->n_new, 67);
  assert_int_equal (res->n_rejected, 0);
  assert_true (res->applied);
  assert_int_equal (items->len, 67);
  assert_int_equal (prospective->len, 67);

  vox = find_item (items, "Voxzogo");
  assert_non_null (vox);
  assert_string_equal (vox->medicine.inn, "Vosoritide");
  assert_double_equal (vox->figure.cost.low, 200000, 1e-6);
  assert_double_equal (vox->figure.cost.high, 250000, 1e-6);
  assert_double_equal (vox->figure.patients.low, 7, 1e-9);
  assert_double_equal (vox->figure.patients.high, 7, 1e-9);
  assert_double_equal (vox->figure.budget.low, 1575000, 1e-6);
  assert_double_equal (vox->figure.budget.high, 1575000, 1e-6);
  assert_string_equal (vox->figure.source, "Horizonscan");
  assert_string_equal (vox->figure.vintage, "2026-11-01");
  assert_int_equal (vox->figure.batch_id, res->batch_id);
  assert_string_equal (vox->source_id, "0001f11e-332a-455e-aa85-884404e79fd3");
  assert_string_equal (vox->phase, "Geregistreerd");
  assert_string_equal (vox->expected_registration, "2023-10");
  assert_int_equal (vox->setting, HRB_SETTING_EXTRAMURAL);

  /* "< € 0.00" and "€ 0.00" (Uit de sluis): unknown, never 0. */
  keytruda = find_item (items, "Keytruda");
  assert_non_null (keytruda);
  assert_true (isnan (keytruda->figure.cost.low) && isnan (keytruda->figure.cost.high));
  assert_true (isnan (keytruda->figure.budget.low) && isnan (keytruda->figure.budget.high));
  assert_double_equal (keytruda->figure.patients.low, 441, 1e-9);
  assert_int_equal (res->notes->len, 2);
  {
    g_autofree char *sluis = hrb_store_get_item_sluis (store, keytruda->id);
    assert_string_equal (sluis, "Uit de sluis");
  }

  /* "< 4,000": unknown low end; "€ 4,000.00 -  € 7,000.00". */
  zemdri = find_item (items, "Zemdri");
  assert_non_null (zemdri);
  assert_true (isnan (zemdri->figure.patients.low));
  assert_double_equal (zemdri->figure.patients.high, 4000, 1e-9);
  assert_double_equal (zemdri->figure.cost.low, 4000, 1e-9);
  assert_double_equal (zemdri->figure.cost.high, 7000, 1e-9);

  assert_int_equal (batches->len, 1);
  b = g_ptr_array_index (batches, 0);
  assert_string_equal (b->source, "horizonscan");
  assert_string_equal (b->file_name, "horizonscan_sample_67.csv");
  assert_string_equal (b->vintage, "2026-11-01");
  assert_int_equal (strlen (b->checksum), 64);
  assert_int_equal (b->n_new, 67);
  changes = hrb_store_list_import_changes (store, b->id, NULL);
  assert_non_null (changes);
  {
    guint n_new = 0;
    for (guint i = 0; i < changes->len; i++)
      if (g_strcmp0 (((HrbImportChange *) g_ptr_array_index (changes, i))->kind, "new") == 0)
        n_new++;
    assert_int_equal (n_new, 67);
  }
}

static void
test_same_file_twice (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  g_autoptr(HrbImportResult) first = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, "2026-10-01");
  g_autoptr(HrbImportResult) second = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) audit_before = hrb_store_list_audit (store, NULL, 0, NULL);
  g_autoptr(GPtrArray) audit_after = NULL;

  /* A later vintage with equal values adds nothing. */
  second = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, "2026-11-01");
  assert_int_equal (second->n_new, 0);
  assert_int_equal (second->n_updated, 0);
  assert_int_equal (second->n_unchanged, 67);
  assert_int_equal (second->n_removed, 0);
  items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  assert_int_equal (items->len, 67);
  figures = hrb_store_list_figures (store, find_item (items, "Voxzogo")->id, NULL);
  assert_int_equal (figures->len, 1);
  changes = hrb_store_list_import_changes (store, second->batch_id, NULL);
  for (guint i = 0; i < changes->len; i++)
    assert_string_equal (((HrbImportChange *) g_ptr_array_index (changes, i))->kind, "note");
  /* The audit trail gets the batch only. */
  audit_after = hrb_store_list_audit (store, NULL, 0, NULL);
  assert_int_equal (audit_before->len + 1, audit_after->len);
  assert_string_equal (((HrbAuditEntry *) g_ptr_array_index (audit_after, audit_after->len - 1))->entity,
                       "import_batch");
}

static char *
rewrite_copy (const char *src, const char *dir, const char *name, const char *from, const char *to,
              const char *drop_line_containing)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char *dest = g_build_filename (dir, name, NULL);

  assert_true (g_file_get_contents (src, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (drop_line_containing && strstr (lines[i], drop_line_containing))
        continue;
      if (from && strstr (lines[i], from))
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], from, 2);
          g_string_append_printf (out, "%s%s%s", parts[0], to, parts[1]);
        }
      else
        g_string_append (out, lines[i]);
      if (lines[i + 1])
        g_string_append_c (out, '\n');
    }
  assert_true (g_file_set_contents (dest, out->str, out->len, NULL));
  return dest;
}

static void
test_one_value_changed (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  /* Voxzogo's patient volume 7 → 9 (the row ends in ";7;Nog geen …"). */
  g_autofree char *changed = rewrite_copy (path, dir, "hs.csv", ";10-2023;7;", ";10-2023;9;", NULL);
  g_autoptr(HrbImportResult) first = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, "2026-10-01");
  g_autoptr(HrbImportResult) second = run_import (store, HRB_IMPORT_HORIZONSCAN, changed, TRUE, "2026-11-01");
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  g_autoptr(GPtrArray) changes = hrb_store_list_import_changes (store, second->batch_id, NULL);
  g_autoptr(GPtrArray) figures = NULL;
  HrbItem *vox = find_item (items, "Voxzogo");
  HrbImportChange *c = NULL;
  guint n_real = 0;

  assert_int_equal (second->n_updated, 1);
  assert_int_equal (second->n_unchanged, 66);
  assert_int_equal (second->n_new, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      HrbImportChange *ch = g_ptr_array_index (changes, i);
      if (g_strcmp0 (ch->kind, "note") != 0)
        {
          c = ch;
          n_real++;
        }
    }
  assert_int_equal (n_real, 1);
  assert_string_equal (c->kind, "changed");
  assert_string_equal (c->field, "patients");
  assert_string_equal (c->old_value, "7");
  assert_string_equal (c->new_value, "9");
  assert_int_equal (c->item_id, vox->id);
  assert_int_equal (c->row, 2);

  /* History: the earlier vintage is kept, the new one is shown. */
  assert_double_equal (vox->figure.patients.low, 9, 1e-9);
  assert_string_equal (vox->figure.vintage, "2026-11-01");
  figures = hrb_store_list_figures (store, vox->id, NULL);
  assert_int_equal (figures->len, 2);
  assert_string_equal (((HrbFigure *) g_ptr_array_index (figures, 1))->vintage, "2026-10-01");
  g_unlink (changed);
  test_rmdir (dir);
}

static void
test_removed_and_phase (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  /* Zemdri is gone from the newer snapshot; Voxzogo moved on. */
  g_autofree char *newer = rewrite_copy (path, dir, "hs.csv",
      ";Geregistreerd;Stofwisseling en endocrinologie overig;Extramuraal (GVS);€ 200,000.00",
      ";Geregistreerd en vergoed;Stofwisseling en endocrinologie overig;Extramuraal (GVS);€ 200,000.00",
      "Zemdri");
  g_autoptr(HrbImportResult) first = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, "2026-10-01");
  g_autoptr(HrbImportResult) second = run_import (store, HRB_IMPORT_HORIZONSCAN, newer, TRUE, "2026-11-01");
  g_autoptr(GPtrArray) changes = hrb_store_list_import_changes (store, second->batch_id, NULL);
  gboolean saw_removed = FALSE, saw_phase = FALSE;

  assert_int_equal (second->n_removed, 1);
  assert_int_equal (second->n_updated, 1);
  for (guint i = 0; i < changes->len; i++)
    {
      HrbImportChange *c = g_ptr_array_index (changes, i);
      if (g_strcmp0 (c->kind, "removed") == 0)
        {
          saw_removed = TRUE;
          assert_string_equal (c->old_value, "002bac29-7eef-4263-9286-f6a0af21fa29");
        }
      if (g_strcmp0 (c->field, "phase") == 0)
        {
          saw_phase = TRUE;
          assert_string_equal (c->old_value, "Geregistreerd");
          assert_string_equal (c->new_value, "Geregistreerd en vergoed");
        }
    }
  assert_true (saw_removed);
  assert_true (saw_phase);
  g_unlink (newer);
  test_rmdir (dir);
}

static void
test_horizonscan_export_60 (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = test_data ("horizonscan-export-60.csv");
  g_autoptr(HrbImportResult) res = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, NULL);
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  HrbItem *testa, *proefa;

  assert_int_equal (res->n_new, 2);
  testa = find_item (items, "Testa");
  proefa = find_item (items, "Proefa");
  assert_non_null (testa);
  assert_non_null (proefa);
  assert_string_equal (testa->source_id, "t-0001");
  assert_int_equal (testa->status, HRB_STATUS_IN_SLUIS);
  assert_true (testa->medicine.orphan);
  assert_false (testa->medicine.atmp);
  assert_string_equal (testa->medicine.holder, "Voorbeeld Pharma BV");
  assert_double_equal (testa->figure.cost.low, 60000, 1e-9);
  assert_double_equal (testa->figure.patients.high, 200, 1e-9);
  assert_true (proefa->medicine.atmp);
  assert_string_equal (proefa->expected_registration, "2028");
  assert_true (isnan (proefa->figure.budget.low));
}

/* GIP add-on and EMA --------------------------------------------------------- */

static void
test_gip_addon (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("gip_addon_per_atc_2024.csv");
  g_autoptr(HrbImportResult) res = run_import (store, HRB_IMPORT_GIP_ADDON, path, TRUE, NULL);
  g_autoptr(HrbImportResult) again = NULL;
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_RETROSPECTIVE, NULL);
  HrbItem *dupilumab;

  /* 294 rows, 177 distinct ATC codes: one medicine-level item each. */
  assert_int_equal (res->n_rows, 294);
  assert_int_equal (res->n_new, 177);
  assert_int_equal (res->n_skipped, 294 - 177);
  assert_int_equal (items->len, 177);
  for (guint i = 0; i < items->len; i++)
    assert_null (((HrbItem *) g_ptr_array_index (items, i))->indication);
  /* Dupilumab is in two clusters (astma, eczeem): one amount, not summed. */
  dupilumab = find_item_by_atc (items, "D11AH05");
  assert_non_null (dupilumab);
  assert_string_equal (dupilumab->medicine.inn, "dupilumab");
  assert_double_equal (dupilumab->figure.budget.low, 94666151, 1e-6);
  assert_double_equal (dupilumab->figure.budget.high, 94666151, 1e-6);
  assert_int_equal (dupilumab->figure.year, 2024);
  assert_true (isnan (dupilumab->figure.patients.low));
  assert_int_equal (dupilumab->setting, HRB_SETTING_INTRAMURAL);

  again = run_import (store, HRB_IMPORT_GIP_ADDON, path, TRUE, NULL);
  assert_int_equal (again->n_new, 0);
  assert_int_equal (again->n_updated, 0);
  assert_int_equal (again->n_unchanged, 177);
}

/* A medicine-level item entered by hand is matched by medicine + indication,
 * takes the source id, and keeps what the file has no column for. */
static void
test_gip_adopts_manual_item (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("gip_addon_per_atc_2024.csv");
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbItem) it = hrb_item_new ();
  g_autoptr(HrbItem) after = NULL;
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mid, iid;

  m->inn = g_strdup ("Dupilumab");   /* case differs from the file */
  m->atc = g_strdup ("D11AH05");
  mid = hrb_store_insert_medicine (store, m, &error);
  assert_true (mid > 0);
  it->medicine_id = mid;
  it->domain = g_strdup ("Dermatologie");
  it->status = HRB_STATUS_ADMITTED;
  iid = hrb_store_insert_item (store, it, &error);
  assert_true (iid > 0);

  res = run_import (store, HRB_IMPORT_GIP_ADDON, path, TRUE, NULL);
  assert_int_equal (res->n_new, 176);
  assert_int_equal (res->n_updated, 1);
  after = hrb_store_get_item (store, iid, &error);
  assert_non_null (after);
  assert_string_equal (after->source_id, "gip-addon:D11AH05");
  assert_string_equal (after->domain, "Dermatologie");
  assert_double_equal (after->figure.budget.low, 94666151, 1e-6);
}

static HrbMedicine *
find_medicine (GPtrArray *meds, const char *brand)
{
  for (guint i = 0; i < meds->len; i++)
    {
      HrbMedicine *m = g_ptr_array_index (meds, i);
      if (g_strcmp0 (m->brand, brand) == 0)
        return m;
    }
  return NULL;
}

static void
test_ema (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *hs = fixture ("horizonscan_sample_67.csv");
  g_autofree char *path = fixture ("ema_epar_medicines_2023-12.csv");
  g_autoptr(HrbImportResult) first = run_import (store, HRB_IMPORT_HORIZONSCAN, hs, TRUE, NULL);
  g_autoptr(HrbImportResult) res = run_import (store, HRB_IMPORT_EMA, path, TRUE, NULL);
  g_autoptr(HrbImportResult) again = NULL;
  g_autoptr(GPtrArray) meds = hrb_store_list_medicines (store, NULL);
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  HrbMedicine *m;
  guint authorised = 0;

  for (guint i = 0; i < meds->len; i++)
    if (g_strcmp0 (((HrbMedicine *) g_ptr_array_index (meds, i))->ema_status, "Authorised") == 0)
      authorised++;
  /* 1,372 authorised human products in the file. */
  assert_int_equal (authorised, 1372);
  assert_int_equal (items->len, 67);         /* no items added */
  assert_null (find_medicine (meds, "CaniLeish"));   /* veterinary */
  assert_null (find_medicine (meds, "Zynrelef"));    /* withdrawn, not known before */

  /* Checked by hand against the file. */
  m = find_medicine (meds, "Ocaliva");
  assert_non_null (m);
  assert_string_equal (m->inn, "obeticholic acid");
  assert_string_equal (m->atc, "A05AA04");
  assert_true (m->orphan);
  assert_true (m->conditional);
  assert_false (m->exceptional);
  assert_string_equal (m->authorisation_date, "2016-12-12");
  assert_string_equal (m->holder, "ADVANZ PHARMA Limited");
  m = find_medicine (meds, "Zabdeno");
  assert_true (m->exceptional && !m->orphan && !m->conditional);
  assert_string_equal (m->authorisation_date, "2020-07-01");
  m = find_medicine (meds, "Kalydeco");
  assert_true (m->accelerated);
  m = find_medicine (meds, "Yesafili");
  assert_true (m->biosimilar && !m->generic);
  m = find_medicine (meds, "Leflunomide medac");
  assert_true (m->generic && !m->biosimilar);

  /* The Horizonscan medicine (no ATC) was enriched, not duplicated. */
  m = find_medicine (meds, "Voxzogo");
  assert_non_null (m);
  assert_string_equal (m->inn, "Vosoritide");
  assert_string_equal (m->atc, "M05BX");
  assert_true (m->orphan);
  assert_string_equal (m->authorisation_date, "2021-08-26");
  assert_int_equal (find_item (items, "Voxzogo")->medicine_id, m->id);

  again = run_import (store, HRB_IMPORT_EMA, path, TRUE, NULL);
  assert_int_equal (again->n_new, 0);
  assert_int_equal (again->n_updated, 0);
}

/* GIP medicines have no brand: EMA enriches them with the reference
 * product; biosimilars become medicines of their own. */
static void
test_gip_then_ema (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *gip = fixture ("gip_addon_per_atc_2024.csv");
  g_autofree char *ema = fixture ("ema_epar_medicines_2023-12.csv");
  g_autoptr(HrbImportResult) r1 = run_import (store, HRB_IMPORT_GIP_ADDON, gip, TRUE, NULL);
  g_autoptr(HrbImportResult) r2 = run_import (store, HRB_IMPORT_EMA, ema, TRUE, NULL);
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_RETROSPECTIVE, NULL);
  g_autoptr(GPtrArray) meds = hrb_store_list_medicines (store, NULL);
  HrbItem *ada = find_item_by_atc (items, "L04AB04");
  HrbMedicine *amgevita = find_medicine (meds, "Amgevita");

  assert_int_equal (items->len, 177);
  assert_non_null (ada);
  assert_string_equal (ada->medicine.brand, "Humira");
  assert_false (ada->medicine.biosimilar);
  assert_string_equal (ada->medicine.authorisation_date, "2003-09-08");
  assert_non_null (amgevita);
  assert_true (amgevita->biosimilar);
  assert_true (amgevita->id != ada->medicine_id);
}

static void
test_mapped (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *csv = test_data ("mapped-example.csv");
  g_autofree char *mapfile = test_data ("mapped-example.map");
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *saved = g_build_filename (dir, "saved.map", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbImportMap) map = hrb_import_map_load (mapfile, &error);
  g_autoptr(HrbImportMap) reloaded = NULL;
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GPtrArray) items = NULL;
  HrbImportOptions opts = { 0 };
  HrbItem *opdivo;

  assert_non_null (map);
  assert_string_equal (map->source, "Voorbeeldbron");
  assert_int_equal (map->decimal, HRB_DECIMAL_COMMA);
  /* Save and load again: the same mapping. */
  assert_true (hrb_import_map_save (map, saved, &error));
  reloaded = hrb_import_map_load (saved, &error);
  assert_non_null (reloaded);
  assert_int_equal (g_hash_table_size (reloaded->columns), g_hash_table_size (map->columns));
  assert_string_equal (g_hash_table_lookup (reloaded->columns, "cost"), "#6");
  assert_int_equal (reloaded->year, 2025);

  opts.source = HRB_IMPORT_MAPPED;
  opts.map = reloaded;
  opts.vintage = "2026-01-15";
  assert_true (hrb_import_file (store, csv, &opts, &res, &error));
  assert_int_equal (res->n_new, 2);
  items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  opdivo = find_item (items, "Opdivo");
  assert_non_null (opdivo);
  assert_string_equal (opdivo->medicine.atc, "L01FF01");
  assert_double_equal (opdivo->figure.patients.low, 1200, 1e-9);
  assert_double_equal (opdivo->figure.patients.high, 1500, 1e-9);
  assert_double_equal (opdivo->figure.cost.low, 45000.5, 1e-9);
  assert_int_equal (opdivo->figure.year, 2025);
  assert_string_equal (opdivo->figure.source, "Voorbeeldbron");
  assert_int_equal (opdivo->status, HRB_STATUS_ADMITTED);
  assert_int_equal (opdivo->setting, HRB_SETTING_INTRAMURAL);

  /* "onbekend" and a dash in a number column: unknown, not rejected. */
  {
    g_autofree char *unk = g_build_filename (dir, "unknown.csv", NULL);
    g_autoptr(HrbImportResult) r2 = NULL;
    g_autoptr(GPtrArray) all = NULL;
    HrbItem *t;

    assert_true (g_file_set_contents (unk, "Werkzame stof;Merknaam;ATC;Indicatie;Patiënten;Kosten;Status\n"
                                      "testomab;Testa;L01XX99;Iets;onbekend;-;admitted\n", -1, NULL));
    assert_true (hrb_import_file (store, unk, &opts, &r2, &error));
    assert_int_equal (r2->n_new, 1);
    all = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
    t = find_item (all, "Testa");
    assert_non_null (t);
    assert_true (isnan (t->figure.patients.low) && isnan (t->figure.cost.high));
    g_unlink (unk);
  }

  /* A mapping without inn is refused with its reason. */
  assert_true (g_file_set_contents (saved, "[Import]\nsource=x\n[Columns]\nbrand=Merknaam\n", -1, NULL));
  g_clear_error (&error);
  assert_null (hrb_import_map_load (saved, &error));
  assert_true (g_error_matches (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_MAP));
  assert_non_null (strstr (error->message, "inn"));
  g_unlink (saved);
  test_rmdir (dir);
}

/* Bad input -------------------------------------------------------------------- */

typedef struct {
  const char *file;
  HrbImportErrorCode code;
  guint row, column;
  const char *message_part;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.csv", HRB_IMPORT_ERROR_FILE, 1, 0, "the file is empty" },
  { "header-only.csv", HRB_IMPORT_ERROR_FILE, 1, 0, "no data rows" },
  { "wrong-delimiter.csv", HRB_IMPORT_ERROR_FILE, 1, 0, "wrong delimiter" },
  { "missing-column.csv", HRB_IMPORT_ERROR_FILE, 1, 0, "missing required column “sluis”" },
  { "changed-header.csv", HRB_IMPORT_ERROR_FILE, 1, 38, "layout of the export has changed" },
  { "text-in-number.csv", HRB_IMPORT_ERROR_REJECTED, 3, 6, "“ongeveer een ton” is not a number" },
  { "unterminated-quote.csv", HRB_IMPORT_ERROR_FILE, 3, 3, "unterminated quoted field" },
  { "invalid-utf8.csv", HRB_IMPORT_ERROR_FILE, 3, 4, "invalid UTF-8" },
  { "binary.csv", HRB_IMPORT_ERROR_FILE, 1, 0, "not a text file" },
  { "duplicate-ids.csv", HRB_IMPORT_ERROR_REJECTED, 4, 1, "duplicate id" },
};

static void
check_bad (HrbStore *store, const char *path, HrbImportErrorCode code, guint row, guint column,
           const char *part)
{
  g_autofree char *before = db_state (store);
  g_autofree char *after = NULL;
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .vintage = "2026-12-01" };
  HrbImportProblem *p;

  if (hrb_import_file (store, path, &opts, &res, &error))
    fail_msg ("%s was imported", path);
  if (!g_error_matches (error, HRB_IMPORT_ERROR, code))
    fail_msg ("%s: error %d “%s”, expected code %d", path, error->code, error->message, code);
  assert_false (res->applied);
  assert_int_equal (res->batch_id, 0);
  assert_true (res->problems->len >= 1);
  p = g_ptr_array_index (res->problems, 0);
  if (strstr (p->message, part) == NULL)
    fail_msg ("%s: “%s” does not say “%s”", path, p->message, part);
  if (p->row != row || p->column != column)
    fail_msg ("%s: at %u:%u, expected %u:%u", path, p->row, p->column, row, column);
  after = db_state (store);
  assert_string_equal (before, after);
}

static void
test_bad_inputs (void **state)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *hs = fixture ("horizonscan_sample_67.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = hrb_store_open (db, &error);
  g_autoptr(HrbImportResult) first = NULL;

  assert_non_null (store);
  hrb_store_set_now (store, "2026-11-23T10:00:00Z");
  first = run_import (store, HRB_IMPORT_HORIZONSCAN, hs, TRUE, "2026-11-01");

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_build_filename ("bad", bad_cases[i].file, NULL);
      g_autofree char *path = test_data (name);
      check_bad (store, path, bad_cases[i].code, bad_cases[i].row, bad_cases[i].column,
                 bad_cases[i].message_part);
    }
  g_clear_object (&store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  test_rmdir (dir);
}

/* A 100 MB field, written here (not kept in the repository). */
static void
test_huge_field (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autofree char *hs = fixture ("horizonscan_sample_67.csv");
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;
  g_autofree char *block = g_malloc (1024 * 1024);
  FILE *f;

  assert_true (g_file_get_contents (hs, &text, NULL, NULL));
  header = g_strndup (text, strchr (text, '\n') - text + 1);
  f = fopen (path, "wb");
  assert_non_null (f);
  fputs (header, f);
  fputs ("id-1;Oncologie;Klinisch onderzoek;\"", f);
  memset (block, 'x', 1024 * 1024);
  for (int i = 0; i < 100; i++)
    assert_int_equal (fwrite (block, 1, 1024 * 1024, f), 1024 * 1024);
  fputs ("\";;;;;;;;;;;;\n", f);
  fclose (f);

  {
    g_autofree char *before = db_state (store);
    g_autofree char *after = NULL;
    g_autoptr(HrbImportResult) res = NULL;
    g_autoptr(GError) error = NULL;
    HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN };
    HrbImportProblem *p;

    assert_false (hrb_import_file (store, path, &opts, &res, &error));
    assert_true (g_error_matches (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_FILE));
    p = g_ptr_array_index (res->problems, 0);
    assert_non_null (strstr (p->message, "field longer than"));
    assert_int_equal (p->row, 2);
    assert_int_equal (p->column, 4);
    after = db_state (store);
    assert_string_equal (before, after);
  }
  g_unlink (path);
  test_rmdir (dir);
}

static void
test_skip_invalid (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = test_data ("bad/text-in-number.csv");
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .skip_invalid = TRUE };
  gboolean saw_rejected = FALSE;

  assert_true (hrb_import_file (store, path, &opts, &res, &error));
  assert_int_equal (res->n_new, 2);
  assert_int_equal (res->n_rejected, 1);
  items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  assert_int_equal (items->len, 2);
  assert_null (find_item (items, "Zemdri"));
  changes = hrb_store_list_import_changes (store, res->batch_id, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      HrbImportChange *c = g_ptr_array_index (changes, i);
      if (g_strcmp0 (c->kind, "rejected") == 0)
        {
          saw_rejected = TRUE;
          assert_int_equal (c->row, 3);
          assert_int_equal (c->column, 6);
        }
    }
  assert_true (saw_rejected);
}

static void
test_dry_run (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  g_autofree char *before = db_state (store);
  g_autofree char *after = NULL;
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .dry_run = TRUE };

  assert_true (hrb_import_file (store, path, &opts, &res, &error));
  assert_int_equal (res->n_new, 67);
  assert_false (res->applied);
  assert_int_equal (res->batch_id, 0);
  after = db_state (store);
  assert_string_equal (before, after);
}

/* A Horizonscan export saved as Windows-1252: detected, or as chosen. */
static void
test_encoding_override (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *src = fixture ("horizonscan_sample_67.csv");
  g_autofree char *path = g_build_filename (dir, "hs-1252.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *cp = NULL;
  g_autoptr(HrbImportResult) r1 = NULL;
  g_autoptr(HrbImportResult) r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .dry_run = TRUE };
  gsize len = 0;

  assert_true (g_file_get_contents (src, &text, NULL, NULL));
  cp = g_convert (text, -1, "WINDOWS-1252", "UTF-8", NULL, &len, NULL);
  assert_non_null (cp);
  assert_true (g_file_set_contents (path, cp, len, NULL));

  opts.encoding = HRB_CSV_ENCODING_UTF8;     /* wrong: refused with its place */
  assert_false (hrb_import_file (store, path, &opts, &r1, &error));
  assert_non_null (strstr (((HrbImportProblem *) g_ptr_array_index (r1->problems, 0))->message, "UTF-8"));
  g_clear_error (&error);
  opts.encoding = HRB_CSV_ENCODING_CP1252;
  opts.dry_run = FALSE;
  assert_true (hrb_import_file (store, path, &opts, &r2, &error));
  assert_int_equal (r2->encoding, HRB_CSV_ENCODING_CP1252);
  assert_int_equal (r2->n_new, 67);
  items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  assert_string_equal (find_item (items, "Zemdri")->indication, "Bacteriële infecties");
  g_unlink (path);
  test_rmdir (dir);
}

static void
collect_row_cb (const HrbImportPreviewRow *row, gpointer user_data)
{
  GPtrArray *rows = user_data;

  g_ptr_array_add (rows, g_strdup_printf ("%u|%s|%.0f-%.0f|%s", row->row, row->label ? row->label : "",
                                          row->cost.low, row->cost.high, row->problem ? row->problem : ""));
}

static void
test_preview_rows (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("horizonscan_sample_67.csv");
  g_autofree char *bad = test_data ("bad/text-in-number.csv");
  g_autofree char *before = db_state (store);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(HrbImportResult) res2 = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .dry_run = TRUE, .max_rows = 3,
                            .row_func = collect_row_cb };

  opts.row_data = rows;
  assert_true (hrb_import_file (store, path, &opts, &res, NULL));
  assert_int_equal (rows->len, 3);
  assert_int_equal (res->n_rows, 3);
  assert_string_equal (g_ptr_array_index (rows, 0),
                       "2|Voxzogo (Vosoritide): Stofwisseling en endocrinologie overig|200000-250000|");
  g_ptr_array_set_size (rows, 0);
  assert_false (hrb_import_file (store, bad, &opts, &res2, NULL));
  assert_int_equal (rows->len, 3);
  assert_non_null (strstr (g_ptr_array_index (rows, 1), "3|Zemdri (Plazomicin): Bacteriële infecties|"));
  assert_non_null (strstr (g_ptr_array_index (rows, 1), "is not a number"));
  after = db_state (store);
  assert_string_equal (before, after);
}

static void
cancel_on_progress_cb (double fraction, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *path = fixture ("ema_epar_medicines_2023-12.csv");
  g_autofree char *before = db_state (store);
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_EMA, .cancellable = cancellable,
                            .progress = cancel_on_progress_cb, .progress_data = cancellable };

  /* Cancelled during the import (from the first progress report). */
  assert_false (hrb_import_file (store, path, &opts, &res, &error));
  assert_true (g_error_matches (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_CANCELLED));
  assert_true (res->n_rows > 1);
  after = db_state (store);
  assert_string_equal (before, after);
}


/* Large imports: the writer's bulk path ------------------------------------------ */

/* A Horizonscan snapshot with n rows; every third row has a sluis status. */
static char *
write_horizonscan (const char *dir, guint n)
{
  g_autoptr(GString) s = g_string_new ("id;domein;fase;indicatie;kader;kosten;merk;slug;sluis;stof;"
                                       "totale_kosten;vergoeding;versie;verwacht;volume;waarde\n");
  char *path = g_build_filename (dir, "large.csv", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "00000000-0000-4000-8000-%012u;Oncologie;Klinisch onderzoek;Indicatie %u;"
                            "Intramuraal (MSZ);€ %u,000.00 -  € %u,000.00;Merk%u;stof-%u;%s;Stof%u;"
                            "€ %u,000,000.00;;1;10-2027;%u - %u;Nog geen inschatting mogelijk\n",
                            i, i, 4 + i % 900, 5 + i % 900, i / 3, i, i % 3 == 0 ? "In de sluis" : "",
                            i / 3, i % 70 + 1, 100 + i % 500, 700 + i % 500);
  assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  return path;
}

/* The definitions of the indexes of item and figure, one per line, sorted. */
static char *
index_definitions (HrbStore *store)
{
  sqlite3_stmt *s = NULL;
  g_autoptr(GPtrArray) defs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  assert_int_equal (sqlite3_prepare_v2 (hrb_store_get_db (store),
                                        "SELECT sql FROM sqlite_schema WHERE type = 'index' "
                                        "AND tbl_name IN ('item', 'figure', 'medicine') AND sql IS NOT NULL "
                                        "ORDER BY name", -1, &s, NULL), SQLITE_OK);
  while (sqlite3_step (s) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (s, 0));
  sqlite3_finalize (s);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count_rows (HrbStore *store, const char *sql)
{
  sqlite3_stmt *s = NULL;
  gint64 n;

  assert_int_equal (sqlite3_prepare_v2 (hrb_store_get_db (store), sql, -1, &s, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_step (s), SQLITE_ROW);
  n = sqlite3_column_int64 (s, 0);
  sqlite3_finalize (s);
  return n;
}

static void
test_bulk_write (void **state)
{
  const guint n = HRB_IMPORT_BULK_MIN + 700;
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = write_horizonscan (dir, n);
  g_autofree char *indexes = index_definitions (store);
  g_autofree char *after = NULL;
  g_autoptr(HrbImportResult) res = NULL, again = NULL;
  g_autoptr(GError) error = NULL;

  assert_non_null (strstr (indexes, "item_source_id"));
  res = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, NULL);
  assert_int_equal (res->n_new, n);
  assert_int_equal (res->n_new_medicines, (n + 2) / 3);
  /* Every row is stored once, with its figure and (every third) its sluis status. */
  assert_int_equal (count_rows (store, "SELECT count (*) FROM item"), n);
  assert_int_equal (count_rows (store, "SELECT count (*) FROM figure"), n);
  assert_int_equal (count_rows (store, "SELECT count (*) FROM import_item WHERE sluis = 'In de sluis'"),
                    (n + 2) / 3);
  assert_int_equal (count_rows (store, "SELECT count (*) FROM item WHERE package_status = 1"), (n + 2) / 3);
  assert_int_equal (count_rows (store, "SELECT count (*) FROM figure f JOIN item i ON i.id = f.item_id "
                                       "WHERE f.patients_low = 100 + CAST (substr (i.source_id, 25) AS INTEGER) % 500 "
                                       "AND f.cost_high = (5 + CAST (substr (i.source_id, 25) AS INTEGER) % 900) * 1000 "
                                       "AND i.indication = 'Indicatie ' || CAST (substr (i.source_id, 25) AS INTEGER) "
                                       "AND f.batch_id = 1 AND f.vintage = '2026-11-01'"), n);
  /* The indexes are back, exactly as defined, and in force. */
  after = index_definitions (store);
  assert_string_equal (indexes, after);
  assert_int_equal (count_rows (store, "SELECT count (*) FROM pragma_foreign_key_check"), 0);
  {
    g_autoptr(GString) report = g_string_new (NULL);
    assert_true (hrb_store_check (store, report, &error));
    assert_non_null (strstr (report->str, "integrity: ok"));
  }
  assert_int_not_equal (sqlite3_exec (hrb_store_get_db (store),
                                      "UPDATE item SET source_id = '00000000-0000-4000-8000-000000000001' "
                                      "WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
  /* One item as the side pane shows it: its medicine, figure, batch and status.
   * (Not the whole list: listing interns every text, which GLib never frees.) */
  {
    gint64 id = count_rows (store, "SELECT id FROM item "
                                   "WHERE source_id = '00000000-0000-4000-8000-000000000003'");
    g_autoptr(HrbItem) it = hrb_store_get_item (store, id, &error);

    assert_non_null (it);
    assert_string_equal (it->medicine.inn, "Stof1");
    assert_string_equal (it->medicine.brand, "Merk1");
    assert_double_equal (it->figure.budget.low, 4e6, 1e-6);
    assert_int_equal (it->figure.batch_id, res->batch_id);
    assert_int_equal (it->status, HRB_STATUS_IN_SLUIS);
  }
  /* The same file again: matched through the rebuilt indexes, nothing changes. */
  again = run_import (store, HRB_IMPORT_HORIZONSCAN, path, TRUE, NULL);
  assert_int_equal (again->n_new, 0);
  assert_int_equal (again->n_updated, 0);
  assert_int_equal (again->n_unchanged, n);
  assert_int_equal (count_rows (store, "SELECT count (*) FROM figure"), n);
  g_unlink (path);
  test_rmdir (dir);
}

typedef struct {
  GCancellable *cancellable;
  double        last;
  gboolean      backwards;
  guint         n_writing;     /* reports above the reading part (0.85) */
} CancelWhileWriting;

static void
cancel_while_writing_cb (double fraction, gpointer user_data)
{
  CancelWhileWriting *s = user_data;

  s->backwards |= fraction < s->last;
  s->last = fraction;
  /* Above 0.85 every row is read and the new items are being written. */
  if (fraction > 0.85 && fraction < 1.0)
    {
      s->n_writing++;
      g_cancellable_cancel (s->cancellable);
    }
}

static void
test_bulk_cancel (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = write_horizonscan (dir, HRB_IMPORT_BULK_MIN + 5000);
  g_autofree char *indexes = index_definitions (store);
  g_autofree char *before = db_state (store);
  g_autofree char *after = NULL, *indexes_after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  CancelWhileWriting watch = { cancellable, 0, FALSE, 0 };
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .cancellable = cancellable,
                            .progress = cancel_while_writing_cb, .progress_data = &watch };

  assert_false (hrb_import_file (store, path, &opts, &res, &error));
  assert_true (g_error_matches (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_CANCELLED));
  /* Stopped while writing; the bar never went back. */
  assert_true (watch.n_writing >= 1);
  assert_false (watch.backwards);
  assert_int_equal (res->n_rows, HRB_IMPORT_BULK_MIN + 5000);
  after = db_state (store);
  assert_string_equal (before, after);
  indexes_after = index_definitions (store);
  assert_string_equal (indexes, indexes_after);
  g_unlink (path);
  test_rmdir (dir);
}

/* A second row for an item the same file added (no source id): it updates the
 * item that the first row added, as with any stored item. */
static void
test_row_repeats_new_item (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autofree char *mapfile = test_data ("mapped-example.map");
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "repeat.csv", NULL);
  g_autoptr(HrbImportMap) map = hrb_import_map_load (mapfile, NULL);
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GPtrArray) items = NULL, figures = NULL;
  g_autoptr(GError) error = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_MAPPED, .map = map, .vintage = "2026-02-01" };
  HrbItem *it;

  assert_non_null (map);
  assert_true (g_file_set_contents (csv, "Werkzame stof;Merknaam;ATC;Indicatie;Patiënten;Kosten;Status\n"
                                    "nivolumab;Opdivo;L01FF01;Melanoom;100;1000;admitted\n"
                                    "testosteron;;G03BA03;Hypogonadisme;300;20;not_admitted\n"
                                    "nivolumab;Opdivo;L01FF01;Melanoom;150;1000;admitted\n", -1, NULL));
  assert_true (hrb_import_file (store, csv, &opts, &res, &error));
  assert_int_equal (res->n_new, 2);
  assert_int_equal (res->n_updated, 1);
  items = hrb_store_list_items (store, HRB_STREAM_ANY, NULL);
  assert_int_equal (items->len, 2);
  it = find_item (items, "Opdivo");
  assert_non_null (it);
  assert_double_equal (it->figure.patients.low, 150, 1e-9);
  figures = hrb_store_list_figures (store, it->id, &error);
  assert_non_null (figures);
  assert_int_equal (figures->len, 2);
  g_unlink (csv);
  test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_horizonscan_sample),
    cmocka_unit_test (test_same_file_twice),
    cmocka_unit_test (test_one_value_changed),
    cmocka_unit_test (test_removed_and_phase),
    cmocka_unit_test (test_horizonscan_export_60),
    cmocka_unit_test (test_gip_addon),
    cmocka_unit_test (test_gip_adopts_manual_item),
    cmocka_unit_test (test_ema),
    cmocka_unit_test (test_gip_then_ema),
    cmocka_unit_test (test_mapped),
    cmocka_unit_test (test_bad_inputs),
    cmocka_unit_test (test_huge_field),
    cmocka_unit_test (test_skip_invalid),
    cmocka_unit_test (test_dry_run),
    cmocka_unit_test (test_preview_rows),
    cmocka_unit_test (test_encoding_override),
    cmocka_unit_test (test_cancel),
    cmocka_unit_test (test_bulk_write),
    cmocka_unit_test (test_bulk_cancel),
    cmocka_unit_test (test_row_repeats_new_item),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
