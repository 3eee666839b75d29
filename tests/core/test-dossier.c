/* test-dossier.c: dossiers and their route: one open dossier per item,
 * transitions with author and date, parking and looking again, overdue,
 * the audit trail of every field, confidential content, measures, demo. */
#include "test-helpers.h"
#include "hrb-store.h"
#include "hrb-store-dossier.h"
#include "hrb-demo.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

static gint64
add_item (HrbStore *store, const char *inn, const char *indication, gboolean critical)
{
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 mid, id;

  m->inn = g_strdup (inn);
  m->atc = g_strdup ("L01XX99");
  m->critical = critical;
  mid = hrb_store_insert_medicine (store, m, &error);
  assert_null (error);
  item->medicine_id = mid;
  item->indication = g_strdup (indication);
  item->domain = g_strdup ("Oncologie");
  item->status = HRB_STATUS_ADMITTED;
  item->loe_date = g_strdup ("2028-06-30");
  id = hrb_store_insert_item (store, item, &error);
  assert_null (error);
  assert_true (id > 0);
  return id;
}

static gint64
move (HrbStore *store, gint64 id, HrbStage stage, HrbParty party, const char *date, const char *due)
{
  g_autoptr(GError) error = NULL;
  HrbTransition t = { 0 };
  gint64 tid;

  t.stage = stage;
  t.party = party;
  t.date = (char *) date;
  t.due_date = (char *) due;
  tid = hrb_store_move_dossier (store, id, &t, &error);
  if (error)
    fail_msg ("move: %s", error->message);
  assert_true (tid > 0);
  return tid;
}

static guint
count_rows (HrbStore *store, const char *sql)
{
  sqlite3_stmt *s = NULL;
  guint n = 0;

  assert_int_equal (sqlite3_prepare_v2 (hrb_store_get_db (store), sql, -1, &s, NULL), SQLITE_OK);
  if (sqlite3_step (s) == SQLITE_ROW)
    n = sqlite3_column_int (s, 0);
  sqlite3_finalize (s);
  return n;
}

static void
test_codes (void **state)
{
  for (int s = 0; s < HRB_N_STAGES; s++)
    {
      HrbStage back;
      assert_true (hrb_stage_from_code (hrb_stage_to_code (s), &back));
      assert_int_equal (back, s);
      assert_non_null (hrb_stage_label (s));
    }
  for (int p = 0; p < HRB_N_PARTIES; p++)
    {
      HrbParty back;
      assert_true (hrb_party_from_code (hrb_party_to_code (p), &back));
      assert_int_equal (back, p);
    }
  for (int k = 0; k < HRB_N_MEASURE_KINDS; k++)
    {
      HrbMeasureKind back;
      assert_true (hrb_measure_kind_from_code (hrb_measure_kind_to_code (k), &back));
      assert_int_equal (back, k);
    }
  for (guint i = 0; i < HRB_N_UNCERTAINTIES; i++)
    {
      HrbUncertainty back;
      assert_true (hrb_uncertainty_from_code (hrb_uncertainty_to_code (hrb_uncertainty_nth (i)), &back));
      assert_int_equal (back, hrb_uncertainty_nth (i));
    }
  {
    HrbStage st;
    HrbParty p;
    assert_false (hrb_stage_from_code ("nonsense", &st));
    assert_false (hrb_party_from_code ("nonsense", &p));
  }
  assert_string_equal (hrb_stage_to_code (HRB_STAGE_DATA_COLLECTION), "data_collection");
  assert_string_equal (hrb_party_to_code (HRB_PARTY_TRIAGE_TABLE), "triage_table");
  assert_int_equal (hrb_days_between ("2024-02-28", "2024-03-01"), 2);
  assert_int_equal (hrb_days_between ("2025-03-01", "2025-02-28"), -1);
  assert_int_equal (hrb_days_between ("2025-02-30", "2025-03-01"), G_MININT);
  assert_false (hrb_is_iso_date ("2025-1-01"));
  assert_false (hrb_is_iso_date ("01-02-2025"));
  assert_true (hrb_is_iso_date ("2025-01-02"));
}

static void
test_one_open_dossier_per_item (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbDossier) d = NULL;
  gint64 item = add_item (store, "olaparib", "Ovariumcarcinoom", TRUE);
  gint64 id, id2;
  char *msg = NULL;
  g_autofree char *sql = NULL;

  id = hrb_store_start_dossier (store, item, NULL, HRB_PARTY_NONE, &error);
  assert_null (error);
  assert_true (id > 0);
  assert_int_equal (hrb_store_find_open_dossier (store, item, NULL), id);

  d = hrb_store_get_dossier (store, id, FALSE, &error);
  assert_non_null (d);
  assert_int_equal (d->stage, HRB_STAGE_SIGNALLED);
  assert_int_equal (d->party, HRB_PARTY_PROJECT_TEAM);
  assert_string_equal (d->stage_since, "2026-11-23");
  assert_string_equal (d->first_date, "2026-11-23");
  assert_string_equal (d->loe_date, "2028-06-30");       /* from the item */
  assert_true (d->critical_caution);                     /* critical medicines list */
  assert_true (d->item_critical);
  assert_string_equal (d->inn, "olaparib");
  assert_string_equal (d->indication, "Ovariumcarcinoom");

  /* A second open dossier is refused by the store … */
  id2 = hrb_store_start_dossier (store, item, NULL, HRB_PARTY_NONE, &error);
  assert_int_equal (id2, 0);
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID));
  g_clear_error (&error);
  /* … and by the database itself. */
  sql = g_strdup_printf ("INSERT INTO dossier (item_id, created_at, stage, stage_since, first_date) "
                         "VALUES (%" G_GINT64_FORMAT ", 'x', 'analysis', '2026-01-01', '2026-01-01')", item);
  assert_int_not_equal (sqlite3_exec (hrb_store_get_db (store), sql, NULL, NULL, &msg), SQLITE_OK);
  assert_non_null (strstr (msg, "UNIQUE"));
  sqlite3_free (msg);
  assert_int_equal (count_rows (store, "SELECT count(*) FROM dossier"), 1);

  /* Unknown item. */
  assert_int_equal (hrb_store_start_dossier (store, 9999, NULL, HRB_PARTY_NONE, &error), 0);
  assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* Once dropped, a new dossier can start; the dropped one cannot move. */
  assert_true (hrb_store_drop_dossier (store, id, "Geen herbeoordeling nodig", NULL, &error) > 0);
  assert_null (error);
  assert_int_equal (hrb_store_find_open_dossier (store, item, NULL), 0);
  {
    HrbTransition t = { .stage = HRB_STAGE_ANALYSIS, .party = HRB_PARTY_FMS };
    assert_int_equal (hrb_store_move_dossier (store, id, &t, &error), 0);
    assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID));
    g_clear_error (&error);
  }
  id2 = hrb_store_start_dossier (store, item, "2026-11-23", HRB_PARTY_ZIN, &error);
  assert_null (error);
  assert_true (id2 > id);
}

static void
test_transitions_recorded (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) route = NULL;
  g_autoptr(HrbDossier) d = NULL;
  gint64 item = add_item (store, "nivolumab", "Melanoom", FALSE);
  gint64 id;
  HrbTransition *t;
  guint before;

  hrb_store_set_author (store, "A. Jansen");
  hrb_store_set_now (store, "2026-03-01T09:00:00Z");
  id = hrb_store_start_dossier (store, item, "2026-02-20", HRB_PARTY_NONE, &error);
  assert_null (error);

  hrb_store_set_author (store, "B. Smit");
  hrb_store_set_now (store, "2026-03-10T12:30:00Z");
  /* Date defaults to today (from the store's clock). */
  move (store, id, HRB_STAGE_PRIORITISED, HRB_PARTY_PROJECT_TEAM, NULL, "2026-04-01");
  /* An explicit (earlier) date, with a remark. */
  {
    HrbTransition mv = { .stage = HRB_STAGE_QUESTION, .party = HRB_PARTY_ZIN,
                         .date = (char *) "2026-03-12", .due_date = (char *) "2026-05-01",
                         .remark = (char *) "Vraag met CieBAG" };
    assert_true (hrb_store_move_dossier (store, id, &mv, &error) > 0);
    assert_null (error);
  }

  route = hrb_store_list_transitions (store, id, &error);
  assert_non_null (route);
  assert_int_equal (route->len, 3);
  t = g_ptr_array_index (route, 0);
  assert_int_equal (t->stage, HRB_STAGE_SIGNALLED);
  assert_string_equal (t->date, "2026-02-20");
  assert_string_equal (t->author, "A. Jansen");
  assert_string_equal (t->recorded_at, "2026-03-01T09:00:00Z");
  t = g_ptr_array_index (route, 1);
  assert_int_equal (t->stage, HRB_STAGE_PRIORITISED);
  assert_int_equal (t->party, HRB_PARTY_PROJECT_TEAM);
  assert_string_equal (t->date, "2026-03-10");
  assert_string_equal (t->due_date, "2026-04-01");
  assert_string_equal (t->author, "B. Smit");
  assert_string_equal (t->recorded_at, "2026-03-10T12:30:00Z");
  t = g_ptr_array_index (route, 2);
  assert_int_equal (t->stage, HRB_STAGE_QUESTION);
  assert_int_equal (t->party, HRB_PARTY_ZIN);
  assert_string_equal (t->date, "2026-03-12");
  assert_string_equal (t->remark, "Vraag met CieBAG");
  assert_string_equal (t->author, "B. Smit");

  d = hrb_store_get_dossier (store, id, FALSE, &error);
  assert_int_equal (d->stage, HRB_STAGE_QUESTION);
  assert_int_equal (d->party, HRB_PARTY_ZIN);
  assert_string_equal (d->stage_since, "2026-03-12");
  assert_string_equal (d->due_date, "2026-05-01");
  assert_int_equal (d->days_in_stage, 0);   /* today is 2026-03-10: clamped */

  /* Refused moves leave the database as it was. */
  before = count_rows (store, "SELECT count(*) FROM dossier_transition");
  {
    HrbTransition bad = { .stage = HRB_STAGE_ANALYSIS, .party = HRB_PARTY_FMS,
                          .date = (char *) "2026-03-11" };  /* before the current stage */
    assert_int_equal (hrb_store_move_dossier (store, id, &bad, &error), 0);
    assert_true (g_error_matches (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID));
    assert_non_null (strstr (error->message, "date"));
    g_clear_error (&error);
  }
  {
    HrbTransition bad = { .stage = HRB_STAGE_ANALYSIS, .party = HRB_PARTY_FMS,
                          .date = (char *) "2026-03-20", .due_date = (char *) "2026-03-19" };
    assert_int_equal (hrb_store_move_dossier (store, id, &bad, &error), 0);
    assert_non_null (strstr (error->message, "due_date"));
    g_clear_error (&error);
  }
  {
    HrbTransition bad = { .stage = HRB_STAGE_ANALYSIS, .party = HRB_PARTY_NONE };
    assert_int_equal (hrb_store_move_dossier (store, id, &bad, &error), 0);
    assert_non_null (strstr (error->message, "party"));
    g_clear_error (&error);
  }
  {
    HrbTransition bad = { .stage = HRB_STAGE_ANALYSIS, .party = HRB_PARTY_FMS,
                          .date = (char *) "2026-13-01" };
    assert_int_equal (hrb_store_move_dossier (store, id, &bad, &error), 0);
    g_clear_error (&error);
  }
  {
    /* Parking needs a reason and a date to look again. */
    assert_int_equal (hrb_store_park_dossier (store, id, NULL, "2026-06-01", "2026-03-20", &error), 0);
    assert_non_null (strstr (error->message, "remark"));
    g_clear_error (&error);
    assert_int_equal (hrb_store_park_dossier (store, id, "wachten", NULL, "2026-03-20", &error), 0);
    assert_non_null (strstr (error->message, "look_again"));
    g_clear_error (&error);
  }
  assert_int_equal (count_rows (store, "SELECT count(*) FROM dossier_transition"), before);
  {
    g_autoptr(HrbDossier) same = hrb_store_get_dossier (store, id, FALSE, &error);
    assert_int_equal (same->stage, HRB_STAGE_QUESTION);
  }

  /* Correcting a date is audited and keeps the dossier's copy in step. */
  {
    HrbTransition fix = *t;
    g_autoptr(HrbDossier) after = NULL;
    g_autoptr(GPtrArray) audit = NULL;
    gboolean seen = FALSE;

    fix.date = (char *) "2026-03-11";
    assert_true (hrb_store_update_transition (store, &fix, &error));
    assert_null (error);
    after = hrb_store_get_dossier (store, id, FALSE, &error);
    assert_string_equal (after->stage_since, "2026-03-11");
    audit = hrb_store_list_audit (store, "transition", t->id, &error);
    for (guint i = 0; i < audit->len; i++)
      {
        HrbAuditEntry *e = g_ptr_array_index (audit, i);
        if (g_str_equal (e->field, "date") && g_strcmp0 (e->old_value, "2026-03-12") == 0)
          {
            assert_string_equal (e->new_value, "2026-03-11");
            assert_string_equal (e->author, "B. Smit");
            seen = TRUE;
          }
      }
    assert_true (seen);
    fix.date = (char *) "2026-03-09";   /* before the step before it */
    assert_false (hrb_store_update_transition (store, &fix, &error));
    g_clear_error (&error);
  }
}

static void
test_parked_reappears_on_its_date (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 item = add_item (store, "tisagenlecleucel", "DLBCL", FALSE);
  gint64 id;

  hrb_store_set_now (store, "2026-01-10T08:00:00Z");
  id = hrb_store_start_dossier (store, item, "2026-01-02", HRB_PARTY_NONE, &error);
  move (store, id, HRB_STAGE_DATA_COLLECTION, HRB_PARTY_HOLDER, "2026-01-05", NULL);
  assert_true (hrb_store_park_dossier (store, id, "Wachten op registerdata", "2026-03-01",
                                       "2026-01-10", &error) > 0);
  assert_null (error);

  /* The day before: out of view. */
  hrb_store_set_now (store, "2026-02-28T23:59:59Z");
  {
    g_autoptr(GPtrArray) list = hrb_store_list_dossiers (store, FALSE, &error);
    HrbDossier *d = g_ptr_array_index (list, 0);
    assert_int_equal (d->stage, HRB_STAGE_PARKED);
    assert_int_equal (d->parked_from, HRB_STAGE_DATA_COLLECTION);
    assert_string_equal (d->look_again, "2026-03-01");
    assert_string_equal (d->stage_remark, "Wachten op registerdata");
    assert_false (d->active);
    assert_false (d->look_again_due);
    assert_false (d->overdue);
  }
  /* On its date: back in view, flagged. */
  hrb_store_set_now (store, "2026-03-01T00:00:00Z");
  {
    g_autoptr(GPtrArray) list = hrb_store_list_dossiers (store, FALSE, &error);
    HrbDossier *d = g_ptr_array_index (list, 0);
    assert_true (d->active);
    assert_true (d->look_again_due);
    assert_int_equal (d->days_in_stage, 50);  /* 2026-01-10 → 2026-03-01 */
  }
  /* And later still. */
  hrb_store_set_now (store, "2026-04-15T10:00:00Z");
  {
    g_autoptr(HrbDossier) d = hrb_store_get_dossier (store, id, FALSE, &error);
    assert_true (d->active);
    assert_true (d->look_again_due);
  }
  /* Resuming clears the parked state. */
  move (store, id, HRB_STAGE_DATA_COLLECTION, HRB_PARTY_PROJECT_TEAM, NULL, NULL);
  {
    g_autoptr(HrbDossier) d = hrb_store_get_dossier (store, id, FALSE, &error);
    assert_true (d->active);
    assert_false (d->look_again_due);
    assert_null (d->look_again);
  }
}

static void
test_overdue (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();   /* today 2026-11-23 */
  g_autoptr(GError) error = NULL;
  gint64 a = hrb_store_start_dossier (store, add_item (store, "a", "x", FALSE), "2026-10-01", HRB_PARTY_NONE, &error);
  gint64 b = hrb_store_start_dossier (store, add_item (store, "b", "x", FALSE), "2026-10-01", HRB_PARTY_NONE, &error);
  gint64 c = hrb_store_start_dossier (store, add_item (store, "c", "x", FALSE), "2026-10-01", HRB_PARTY_NONE, &error);
  g_autoptr(GPtrArray) list = NULL;

  move (store, a, HRB_STAGE_ANALYSIS, HRB_PARTY_FMS, "2026-10-10", "2026-11-22");   /* yesterday */
  move (store, b, HRB_STAGE_ANALYSIS, HRB_PARTY_FMS, "2026-10-10", "2026-11-23");   /* today */
  move (store, c, HRB_STAGE_ANALYSIS, HRB_PARTY_FMS, "2026-10-10", "2026-11-01");
  move (store, c, HRB_STAGE_CLOSED, HRB_PARTY_NONE, "2026-11-20", NULL);
  list = hrb_store_list_dossiers (store, FALSE, &error);
  assert_int_equal (list->len, 3);
  assert_true (((HrbDossier *) g_ptr_array_index (list, 0))->overdue);
  assert_false (((HrbDossier *) g_ptr_array_index (list, 1))->overdue);
  assert_false (((HrbDossier *) g_ptr_array_index (list, 2))->overdue);  /* closed */
  assert_int_equal (((HrbDossier *) g_ptr_array_index (list, 0))->days_in_stage, 44);
}

typedef struct {
  const char *field;
  const char *old_value;
  const char *new_value;
} Expect;

static void
test_audit_every_field (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbDossier) d = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id = hrb_store_start_dossier (store, add_item (store, "pembrolizumab", "NSCLC", FALSE),
                                       "2026-11-01", HRB_PARTY_NONE, &error);
  static const Expect expected[] = {
    { "question", NULL, "Kortere behandelduur?" },
    { "rationale", NULL, "Hoge kosten" },
    { "uncertainties", "0", "9" },
    { "uncertainty_text", NULL, "stopcriteria" },
    { "sole_supplier", "0", "1" },
    { "loe_date", "2028-06-30", "2029-01-01" },
    { "critical_caution", "0", "1" },
    { "market_text", NULL, "Eén leverancier" },
    { "parties", "0", "6" },
    { "parties_text", NULL, "NVALT" },
    { "advice_date", NULL, "2026-11-20" },
    { "advice_text", NULL, "Stopcriteria" },
    { "follow_up_date", NULL, "2028-11-20" },
    { "price_arrangement", NULL, "Korting" },
    { "price_net", NULL, "12345.5" },
    { "price_end_date", NULL, "2029-12-31" },
  };
  guint n_dossier_rows_before, found = 0;

  audit = hrb_store_list_audit (store, "dossier", id, &error);
  n_dossier_rows_before = audit->len;
  g_clear_pointer (&audit, g_ptr_array_unref);

  hrb_store_set_author (store, "C. de Boer");
  hrb_store_set_now (store, "2026-11-23T14:00:00Z");
  d = hrb_store_get_dossier (store, id, TRUE, &error);
  d->question = g_strdup ("Kortere behandelduur?");
  d->rationale = g_strdup ("Hoge kosten");
  d->uncertainties = HRB_UNCERTAINTY_EFFECTIVENESS | HRB_UNCERTAINTY_DURATION;
  d->uncertainty_text = g_strdup ("stopcriteria");
  d->sole_supplier = TRUE;
  g_free (d->loe_date);
  d->loe_date = g_strdup ("2029-01-01");
  d->critical_caution = TRUE;
  d->market_text = g_strdup ("Eén leverancier");
  d->parties = (1u << HRB_PARTY_FMS) | (1u << HRB_PARTY_ZN);
  d->parties_text = g_strdup ("NVALT");
  d->advice_date = g_strdup ("2026-11-20");
  d->advice_text = g_strdup ("Stopcriteria");
  d->follow_up_date = g_strdup ("2028-11-20");
  d->price_arrangement = g_strdup ("Korting");
  d->price_net = 12345.5;
  d->price_end_date = g_strdup ("2029-12-31");
  assert_true (hrb_store_update_dossier (store, d, &error));
  assert_null (error);

  audit = hrb_store_list_audit (store, "dossier", id, &error);
  assert_int_equal (audit->len - n_dossier_rows_before, G_N_ELEMENTS (expected));
  for (guint i = n_dossier_rows_before; i < audit->len; i++)
    {
      HrbAuditEntry *e = g_ptr_array_index (audit, i);
      assert_string_equal (e->author, "C. de Boer");
      assert_string_equal (e->at, "2026-11-23T14:00:00Z");
      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        if (g_str_equal (e->field, expected[k].field))
          {
            if (g_strcmp0 (e->old_value, expected[k].old_value) != 0 ||
                g_strcmp0 (e->new_value, expected[k].new_value) != 0)
              fail_msg ("%s: %s → %s", e->field, e->old_value, e->new_value);
            found++;
          }
    }
  assert_int_equal (found, G_N_ELEMENTS (expected));

  /* Saving unchanged writes nothing. */
  assert_true (hrb_store_update_dossier (store, d, &error));
  {
    g_autoptr(GPtrArray) again = hrb_store_list_audit (store, "dossier", id, &error);
    assert_int_equal (again->len, audit->len);
  }

  /* A move records the dossier's changed fields and the step. */
  move (store, id, HRB_STAGE_PRIORITISED, HRB_PARTY_ZIN, "2026-11-23", "2026-12-31");
  {
    g_autoptr(GPtrArray) again = hrb_store_list_audit (store, "dossier", id, &error);
    gboolean stage = FALSE, party = FALSE, due = FALSE;
    for (guint i = audit->len; i < again->len; i++)
      {
        HrbAuditEntry *e = g_ptr_array_index (again, i);
        stage |= g_str_equal (e->field, "stage") && g_str_equal (e->old_value, "signalled") &&
                 g_str_equal (e->new_value, "prioritised");
        party |= g_str_equal (e->field, "party") && g_str_equal (e->old_value, "project_team") &&
                 g_str_equal (e->new_value, "zin");
        due |= g_str_equal (e->field, "due_date") && e->old_value == NULL &&
               g_str_equal (e->new_value, "2026-12-31");
      }
    assert_true (stage && party && due);
  }

  /* Measures, notes and links are in the dossier's history. */
  {
    g_autoptr(HrbMeasure) m = hrb_measure_new ();
    g_autoptr(GPtrArray) all = NULL;
    gint64 mid;
    gboolean kind = FALSE, status = FALSE, note = FALSE, link = FALSE, deleted = FALSE;

    m->dossier_id = id;
    m->kind = HRB_MEASURE_REGISTRY;
    m->owner = g_strdup ("DICA");
    mid = hrb_store_add_measure (store, m, &error);
    assert_true (mid > 0);
    m->id = mid;
    m->status = HRB_MEASURE_AGREED;
    m->agreed_date = g_strdup ("2026-11-23");
    assert_true (hrb_store_update_measure (store, m, &error));
    assert_true (hrb_store_add_note (store, id, "Overleg gepland", FALSE, &error) > 0);
    assert_true (hrb_store_add_link (store, id, "EPAR", "https://example.org/epar", &error) > 0);
    assert_true (hrb_store_delete_measure (store, mid, &error));
    assert_null (error);
    all = hrb_store_list_dossier_audit (store, id, TRUE, &error);
    for (guint i = 0; i < all->len; i++)
      {
        HrbAuditEntry *e = g_ptr_array_index (all, i);
        kind |= g_str_equal (e->entity, "measure") && g_str_equal (e->field, "kind") &&
                g_str_equal (e->new_value, "registry");
        status |= g_str_equal (e->entity, "measure") && g_str_equal (e->field, "status") &&
                  g_strcmp0 (e->old_value, "proposed") == 0 && g_str_equal (e->new_value, "agreed");
        note |= g_str_equal (e->entity, "note") && g_str_equal (e->field, "text") &&
                g_str_equal (e->new_value, "Overleg gepland");
        link |= g_str_equal (e->entity, "link") && g_str_equal (e->field, "target");
        deleted |= g_str_equal (e->entity, "measure") && g_str_equal (e->field, "deleted");
      }
    assert_true (kind && status && note && link && deleted);
  }

  /* The history cannot be edited. */
  {
    char *msg = NULL;
    guint n = count_rows (store, "SELECT count(*) FROM audit WHERE entity = 'dossier'");

    assert_int_not_equal (sqlite3_exec (hrb_store_get_db (store),
                                        "UPDATE audit SET new_value = 'x' WHERE entity = 'dossier'",
                                        NULL, NULL, &msg), SQLITE_OK);
    sqlite3_free (msg);
    msg = NULL;
    assert_int_not_equal (sqlite3_exec (hrb_store_get_db (store),
                                        "DELETE FROM audit WHERE entity = 'note'", NULL, NULL, &msg),
                          SQLITE_OK);
    sqlite3_free (msg);
    assert_int_equal (count_rows (store, "SELECT count(*) FROM audit WHERE entity = 'dossier'"), n);
  }
}

static void
test_confidential (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbDossier) d = NULL;
  gint64 id = hrb_store_start_dossier (store, add_item (store, "emicizumab", "Hemofilie A", FALSE),
                                       NULL, HRB_PARTY_NONE, &error);

  d = hrb_store_get_dossier (store, id, TRUE, &error);
  assert_true (d->confidential_included);
  d->question = g_strdup ("Prijsafspraak?");
  d->price_arrangement = g_strdup ("Geheime korting 23%");
  d->price_net = 1000;
  d->price_end_date = g_strdup ("2028-01-01");
  assert_true (hrb_store_update_dossier (store, d, &error));
  assert_true (hrb_store_add_note (store, id, "Openbare notitie", FALSE, &error) > 0);
  assert_true (hrb_store_add_note (store, id, "Bod: 80.000 euro", TRUE, &error) > 0);
  assert_null (error);

  /* What a committee export gets. */
  {
    g_autoptr(HrbDossier) pub = hrb_store_get_dossier (store, id, FALSE, &error);
    g_autoptr(GPtrArray) list = hrb_store_list_dossiers (store, FALSE, &error);
    g_autoptr(GPtrArray) notes = hrb_store_list_notes (store, id, FALSE, &error);
    g_autoptr(GPtrArray) audit = hrb_store_list_dossier_audit (store, id, FALSE, &error);
    HrbDossier *l = g_ptr_array_index (list, 0);

    assert_false (pub->confidential_included);
    assert_string_equal (pub->question, "Prijsafspraak?");
    assert_null (pub->price_arrangement);
    assert_true (isnan (pub->price_net));
    assert_null (pub->price_end_date);
    assert_false (l->confidential_included);
    assert_null (l->price_arrangement);
    assert_true (isnan (l->price_net));
    assert_int_equal (notes->len, 1);
    assert_string_equal (((HrbNote *) g_ptr_array_index (notes, 0))->text, "Openbare notitie");
    for (guint i = 0; i < audit->len; i++)
      {
        HrbAuditEntry *e = g_ptr_array_index (audit, i);
        if (e->new_value && (strstr (e->new_value, "Geheime") || strstr (e->new_value, "80.000") ||
                             strstr (e->new_value, "2028-01-01") || g_str_equal (e->new_value, "1000")))
          fail_msg ("confidential value in the public history: %s %s", e->field, e->new_value);
      }
    /* Saving a public copy leaves the confidential fields alone. */
    g_free (pub->question);
    pub->question = g_strdup ("Nieuwe prijsafspraak?");
    assert_true (hrb_store_update_dossier (store, pub, &error));
    assert_null (error);
  }
  /* What the app (internal) gets: the values and the flags. */
  {
    g_autoptr(HrbDossier) full = hrb_store_get_dossier (store, id, TRUE, &error);
    g_autoptr(GPtrArray) notes = hrb_store_list_notes (store, id, TRUE, &error);
    g_autoptr(GPtrArray) audit = hrb_store_list_dossier_audit (store, id, TRUE, &error);
    gboolean seen = FALSE;

    assert_string_equal (full->question, "Nieuwe prijsafspraak?");
    assert_string_equal (full->price_arrangement, "Geheime korting 23%");
    assert_double_equal (full->price_net, 1000, 1e-9);
    assert_int_equal (notes->len, 2);
    assert_false (((HrbNote *) g_ptr_array_index (notes, 0))->confidential);
    assert_true (((HrbNote *) g_ptr_array_index (notes, 1))->confidential);
    for (guint i = 0; i < audit->len; i++)
      seen |= g_strcmp0 (((HrbAuditEntry *) g_ptr_array_index (audit, i))->new_value,
                         "Geheime korting 23%") == 0;
    assert_true (seen);
  }
  for (const char * const *f = hrb_dossier_confidential_fields (); *f; f++)
    assert_true (hrb_dossier_field_is_confidential (*f));
  assert_true (hrb_dossier_field_is_confidential ("price_net"));
  assert_false (hrb_dossier_field_is_confidential ("question"));
}

static void
test_measures_and_links (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMeasure) m = hrb_measure_new ();
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = hrb_store_start_dossier (store, add_item (store, "x", "y", FALSE), NULL, HRB_PARTY_NONE, &error);
  gint64 lid;

  m->dossier_id = id;
  m->kind = HRB_MEASURE_START_STOP_CRITERIA;
  m->status = HRB_MEASURE_IMPLEMENTED;
  m->owner = g_strdup ("FMS");
  m->agreed_date = g_strdup ("2026-10-01");
  m->start_date = g_strdup ("2026-11-01");
  assert_true (hrb_store_add_measure (store, m, &error) > 0);
  m->kind = HRB_MEASURE_PRICE_ARRANGEMENT;
  m->status = HRB_MEASURE_PROPOSED;
  assert_true (hrb_store_add_measure (store, m, &error) > 0);
  g_free (m->agreed_date);
  m->agreed_date = g_strdup ("1-10-2026");
  assert_int_equal (hrb_store_add_measure (store, m, &error), 0);
  assert_non_null (strstr (error->message, "agreed_date"));
  g_clear_error (&error);
  m->dossier_id = 999;
  g_free (m->agreed_date);
  m->agreed_date = NULL;
  assert_int_equal (hrb_store_add_measure (store, m, &error), 0);
  g_clear_error (&error);

  list = hrb_store_list_measures (store, id, &error);
  assert_int_equal (list->len, 2);
  assert_int_equal (((HrbMeasure *) g_ptr_array_index (list, 0))->kind, HRB_MEASURE_START_STOP_CRITERIA);
  assert_int_equal (((HrbMeasure *) g_ptr_array_index (list, 0))->status, HRB_MEASURE_IMPLEMENTED);
  assert_string_equal (((HrbMeasure *) g_ptr_array_index (list, 0))->start_date, "2026-11-01");

  lid = hrb_store_add_link (store, id, "ZIN-rapport", "/srv/dossiers/rapport.pdf", &error);
  assert_true (lid > 0);
  assert_int_equal (hrb_store_add_link (store, id, "", "x", &error), 0);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) links = hrb_store_list_links (store, id, &error);
    assert_int_equal (links->len, 1);
    assert_string_equal (((HrbLink *) g_ptr_array_index (links, 0))->target, "/srv/dossiers/rapport.pdf");
  }
  assert_true (hrb_store_delete_link (store, lid, &error));
  {
    g_autoptr(GPtrArray) links = hrb_store_list_links (store, id, &error);
    assert_int_equal (links->len, 0);
  }
  assert_int_equal (hrb_store_add_note (store, id, "   ", FALSE, &error), 0);
  g_clear_error (&error);
}

static void
test_demo_dossiers (void **state)
{
  g_autoptr(HrbStore) store = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean stages[HRB_N_STAGES] = { FALSE };
  guint parked = 0, look_again = 0, overdue = 0, closed_with_measures = 0, confidential = 0;
  guint n_stages = 0;

  assert_true (hrb_demo_load (store, &error));
  assert_null (error);
  list = hrb_store_list_dossiers (store, TRUE, &error);
  assert_true (list->len >= 12);
  for (guint i = 0; i < list->len; i++)
    {
      HrbDossier *d = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) notes = hrb_store_list_notes (store, d->id, TRUE, &error);
      g_autoptr(GPtrArray) measures = hrb_store_list_measures (store, d->id, &error);

      stages[d->stage] = TRUE;
      parked += d->stage == HRB_STAGE_PARKED;
      look_again += d->look_again_due;
      overdue += d->overdue;
      closed_with_measures += d->stage == HRB_STAGE_CLOSED && measures->len > 0;
      for (guint k = 0; k < notes->len; k++)
        confidential += ((HrbNote *) g_ptr_array_index (notes, k))->confidential;
    }
  for (int s = 0; s < HRB_N_STAGES; s++)
    n_stages += stages[s];
  assert_true (n_stages >= 10);
  assert_true (parked >= 2);
  assert_true (look_again >= 1);
  assert_true (overdue >= 2);
  assert_true (closed_with_measures >= 3);
  assert_true (confidential >= 2);

  /* The same holds on another day: dates are relative to today. */
  {
    g_autoptr(HrbStore) other = test_store_new ();
    g_autoptr(GPtrArray) l2 = NULL;
    guint overdue2 = 0;

    hrb_store_set_now (other, "2031-02-03T08:00:00Z");
    assert_true (hrb_demo_load (other, &error));
    l2 = hrb_store_list_dossiers (other, FALSE, &error);
    for (guint i = 0; i < l2->len; i++)
      overdue2 += ((HrbDossier *) g_ptr_array_index (l2, i))->overdue;
    assert_int_equal (overdue2, overdue);
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_codes),
    cmocka_unit_test (test_one_open_dossier_per_item),
    cmocka_unit_test (test_transitions_recorded),
    cmocka_unit_test (test_parked_reappears_on_its_date),
    cmocka_unit_test (test_overdue),
    cmocka_unit_test (test_audit_every_field),
    cmocka_unit_test (test_confidential),
    cmocka_unit_test (test_measures_and_links),
    cmocka_unit_test (test_demo_dossiers),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
