/* test-export.c: the workbook export through the core API, read back with
 * an independent reader (/usr/bin/python3 with openpyxl). */
#include "test-helpers.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "hrb-demo.h"
#include "hrb-export.h"
#include "hrb-store-dossier.h"
#include "hrb-store-scoring.h"

#define FORMULA "=HYPERLINK(\"http://example.org\",\"x\")"

/* libxlsxwriter 1.1.4 loses the copy of a list validation's formula (23
 * bytes per dropdown); the library's, not ours. Read by LeakSanitizer. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:worksheet_data_validation_range\nleak:lxw_strdup\n";
}

/* Runs a Python snippet with openpyxl; argv[1…] are the given arguments.
 * Fails the test with the script's output when it exits non-zero. */
static void
check_with_python (const char *script, const char *arg1, const char *arg2)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-c", script, arg1, arg2, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, &error))
    fail_msg ("cannot run /usr/bin/python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    fail_msg ("reader check failed:\n%s%s", out, err);
}

static HrbStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  HrbStore *store = test_store_new ();

  if (!hrb_demo_load (store, &error))
    fail_msg ("demo: %s", error->message);
  return store;
}

static gboolean
export_to (HrbStore *store, const char *path, HrbExportKind kind, const char *frozen,
           GError **error)
{
  HrbExportOptions o;

  hrb_export_options_init (&o);
  o.path = path;
  o.kind = kind;
  o.frozen_list = frozen;
  return hrb_export_workbook (store, &o, NULL, NULL, NULL, error);
}

static gint64
add_item (HrbStore *store, const char *inn, const char *brand, const char *indication,
          double patients, double cost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMedicine) m = hrb_medicine_new ();
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(HrbFigure) f = hrb_figure_new ();

  m->inn = g_strdup (inn);
  m->brand = g_strdup (brand);
  item->medicine_id = hrb_store_insert_medicine (store, m, &error);
  assert_true (item->medicine_id > 0);
  item->indication = g_strdup (indication);
  item->status = HRB_STATUS_NOT_ADMITTED;
  item->id = hrb_store_insert_item (store, item, &error);
  assert_true (item->id > 0);
  f->item_id = item->id;
  f->patients = (HrbRange) { patients, patients };
  f->cost = (HrbRange) { cost, cost };
  f->source = g_strdup ("Test");
  f->vintage = g_strdup ("2026-10-01");
  assert_true (hrb_store_add_figure (store, f, &error) > 0);
  return item->id;
}

/* Units ---------------------------------------------------------------------------- */

static void
test_sheet_names (void **state)
{
  const char *used[] = { "Prospectief", "Lijst", NULL };
  g_autofree char *a = hrb_export_sheet_name ("Prospectieve lijst 2027-1 [concept]: a/b*c?d\\e", NULL);
  g_autofree char *b = hrb_export_sheet_name ("prospectief", used);
  g_autofree char *c = hrb_export_sheet_name ("'Lijst'", used);
  g_autofree char *e = hrb_export_sheet_name ("", NULL);
  g_autofree char *h = hrb_export_sheet_name ("History", NULL);
  g_autofree char *u = hrb_export_sheet_name ("Lijst met één heel erg lange naam die niet past", used);
  g_autofree char *emoji = hrb_export_sheet_name ("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", NULL);

  assert_string_equal (a, "Prospectieve lijst 2027-1 -conc");
  assert_true (g_utf8_strlen (a, -1) <= 31);
  assert_null (strpbrk (a, "[]:*?/\\"));
  assert_string_equal (b, "prospectief (2)");
  assert_string_equal (c, "Lijst (2)");
  assert_string_equal (e, "Lijst");
  assert_string_equal (h, "Lijst");
  assert_true (g_utf8_strlen (u, -1) <= 31);
  assert_string_equal (u, "Lijst met één heel erg lange na");
  /* 15 emoji are 30 UTF-16 units: one more would not fit. */
  assert_int_equal (g_utf8_strlen (emoji, -1), 15);
}

static void
test_cell_text (void **state)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *cut = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *escaped = NULL;

  assert_null (hrb_export_cell_text ("gewoon"));
  assert_null (hrb_export_cell_text (FORMULA));
  for (int i = 0; i < 40000; i++)
    g_string_append (big, "é");
  cut = hrb_export_cell_text (big->str);
  assert_non_null (cut);
  assert_true (g_str_has_suffix (cut, "…[afgekapt]"));
  assert_int_equal (g_utf8_strlen (cut, -1), 32767);
  fixed = hrb_export_cell_text ("bad \xff byte");
  assert_non_null (fixed);
  assert_true (g_utf8_validate (fixed, -1, NULL));
  escaped = hrb_export_cell_text ("code _x0041_ here");
  assert_string_equal (escaped, "code _x005F_x0041_ here");
}

static void
test_suggested_file_name (void **state)
{
  HrbExportOptions o;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  hrb_export_options_init (&o);
  a = hrb_export_suggest_file_name (&o, "2026-11-23");
  assert_string_equal (a, "Herbeoordeling Prospectief en Retrospectief 2026-11-23.xlsx");
  o.stream = HRB_STREAM_RETROSPECTIVE;
  o.kind = HRB_EXPORT_INTERNAL;
  b = hrb_export_suggest_file_name (&o, "2026-11-23T10:00:00Z");
  assert_string_equal (b, "VERTROUWELIJK Herbeoordeling Retrospectief 2026-11-23.xlsx");
  o.kind = HRB_EXPORT_COMMITTEE;
  o.frozen_list = "Lijst 2027/1: concept?";
  c = hrb_export_suggest_file_name (&o, "2026-11-23");
  assert_string_equal (c, "Herbeoordeling Lijst 2027-1- concept- 2026-11-23.xlsx");
}

/* Through the reader ---------------------------------------------------------------- */

static const char *formula_script =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "ws = wb['Prospectief']\n"
  "head = [c.value for c in ws[1]]\n"
  "m = head.index('Geneesmiddel')\n"
  "hits = [r for r in ws.iter_rows(min_row=2) if r[m].value == sys.argv[2]]\n"
  "assert len(hits) == 1, 'brand not found literally'\n"
  "assert hits[0][m].data_type == 's', hits[0][m].data_type\n"
  "ws = wb['Dossiers']\n"
  "head = [c.value for c in ws[1]]\n"
  "o = head.index('Onderbouwing')\n"
  "long = [r[o].value for r in ws.iter_rows(min_row=2) if (r[o].value or '').startswith('Zeer lange')]\n"
  "assert len(long) == 1, 'long text'\n"
  "assert len(long[0]) <= 32767 and long[0].endswith('…[afgekapt]'), len(long[0])\n";

static void
test_formula_stays_text (void **state)
{
  g_autoptr(HrbStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "lijst.xlsx", NULL);
  g_autoptr(GString) rationale = g_string_new ("Zeer lange onderbouwing ");
  g_autoptr(HrbDossier) d = NULL;
  struct stat st;
  gint64 item, id;

  while (rationale->len < 40000)
    g_string_append (rationale, "bla ");
  item = add_item (store, "testmab", FORMULA, "=1+1", 5000, 80000);
  id = hrb_store_start_dossier (store, item, NULL, HRB_PARTY_NONE, &error);
  assert_true (id > 0);
  d = hrb_store_get_dossier (store, id, FALSE, &error);
  assert_non_null (d);
  g_free (d->rationale);
  d->rationale = g_strdup (rationale->str);
  assert_true (hrb_store_update_dossier (store, d, &error));
  if (!export_to (store, path, HRB_EXPORT_COMMITTEE, NULL, &error))
    fail_msg ("export: %s", error->message);
  assert_int_equal (stat (path, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0600);
  check_with_python (formula_script, path, FORMULA);
  test_rmdir (dir);
}

static const char *secret_script =
  "import sys, zipfile\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "text = ''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))\n"
  "want = sys.argv[2] == 'internal'\n"
  "for s in ('GEHEIM-PRIJS-456', 'GEHEIME-NOTITIE-123', 'VERTROUWELIJK'):\n"
  "    assert (s in text) == want, (s, want)\n"
  "assert 'Openbare notitie 789' in text\n";

static void
test_confidential (void **state)
{
  g_autoptr(HrbStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *committee = g_build_filename (dir, "commissie.xlsx", NULL);
  g_autofree char *internal = g_build_filename (dir, "intern.xlsx", NULL);
  g_autoptr(HrbDossier) d = NULL;
  gint64 item = add_item (store, "secretumab", "Secretum", "Test", 3000, 60000);
  gint64 id = hrb_store_start_dossier (store, item, NULL, HRB_PARTY_NONE, &error);

  assert_true (id > 0);
  d = hrb_store_get_dossier (store, id, TRUE, &error);
  assert_non_null (d);
  g_free (d->price_arrangement);
  d->price_arrangement = g_strdup ("GEHEIM-PRIJS-456");
  assert_true (hrb_store_update_dossier (store, d, &error));
  assert_true (hrb_store_add_note (store, id, "GEHEIME-NOTITIE-123", TRUE, &error) > 0);
  assert_true (hrb_store_add_note (store, id, "Openbare notitie 789", FALSE, &error) > 0);

  if (!export_to (store, committee, HRB_EXPORT_COMMITTEE, NULL, &error) ||
      !export_to (store, internal, HRB_EXPORT_INTERNAL, NULL, &error))
    fail_msg ("export: %s", error->message);
  check_with_python (secret_script, committee, "committee");
  check_with_python (secret_script, internal, "internal");
  test_rmdir (dir);
}

static const char *frozen_script =
  "import sys, json, openpyxl\n"
  "want = json.loads(sys.argv[2])\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "ws = wb[want['sheet']]\n"
  "head = [c.value for c in ws[1]]\n"
  "rows = list(ws.iter_rows(min_row=2, values_only=True))\n"
  "got = [(r[head.index('Item-id')], r[head.index('Rang')], r[head.index('Score')],"
  " r[head.index('Patiënten (laag)')]) for r in rows]\n"
  "exp = [tuple(x) for x in want['rows']]\n"
  "assert len(got) == len(exp), (len(got), len(exp))\n"
  "for g, e in zip(got, exp):\n"
  "    assert g[0] == e[0] and g[1] == e[1], (g, e)\n"
  "    assert abs(g[2] - e[2]) < 1e-9, (g, e)\n"
  "    assert (g[3] is None and e[3] is None) or abs(g[3] - e[3]) < 1e-9, (g, e)\n";

static void
test_frozen_list_as_frozen (void **state)
{
  g_autoptr(HrbStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "vastgesteld.xlsx", NULL);
  g_autoptr(HrbMethod) method = hrb_method_new_basis ();
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(HrbFrozenList) stored = NULL;
  g_autoptr(HrbFigure) f = hrb_figure_new ();
  g_autoptr(GString) json = g_string_new ("{\"sheet\": \"Prospectieve lijst 2027-1 -conc\", \"rows\": [");
  g_autoptr(HrbFrozenList) frozen = g_new0 (HrbFrozenList, 1);
  const HrbRankingRow *first;

  ranking = hrb_scoring_rank (store, NULL, HRB_STREAM_PROSPECTIVE, NULL, &error);
  assert_non_null (ranking);
  frozen->name = g_strdup ("Prospectieve lijst 2027-1 [concept]");
  frozen->date = g_strdup ("2026-11-20");
  frozen->stream = HRB_STREAM_PROSPECTIVE;
  if (hrb_store_freeze_list (store, frozen, method, ranking, &error) <= 0)
    fail_msg ("freeze: %s", error->message);

  /* Change the first item's figures afterwards: the export must not care. */
  first = ranking->rows->pdata[0];
  f->item_id = first->item_id;
  f->patients = (HrbRange) { 1, 2 };
  f->cost = (HrbRange) { 10, 10 };
  f->source = g_strdup ("Later");
  f->vintage = g_strdup ("2026-11-22");
  assert_true (hrb_store_add_figure (store, f, &error) > 0);

  stored = hrb_store_get_frozen (store, "Prospectieve lijst 2027-1 [concept]", &error);
  assert_non_null (stored);
  for (guint i = 0; i < stored->ranking->rows->len; i++)
    {
      HrbRankingRow *r = stored->ranking->rows->pdata[i];
      g_autofree char *rank = r->rank ? g_strdup_printf ("%u", r->rank) : g_strdup ("null");
      g_autofree char *pl = isnan (r->patients.low) ? g_strdup ("null")
                                                     : g_strdup_printf ("%.17g", r->patients.low);

      g_string_append_printf (json, "%s[%" G_GINT64_FORMAT ", %s, %.17g, %s]", i ? ", " : "",
                              r->item_id, rank, r->score, pl);
    }
  g_string_append (json, "]}");
  assert_true (stored->ranking->rows->len > 5);

  if (!export_to (store, path, HRB_EXPORT_COMMITTEE, "Prospectieve lijst 2027-1 [concept]", &error))
    fail_msg ("export: %s", error->message);
  check_with_python (frozen_script, path, json->str);
  test_rmdir (dir);
}

/* Failures ------------------------------------------------------------------------- */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_failures_leave_previous_file (void **state)
{
  g_autoptr(HrbStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "lijst.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "geen-map", "lijst.xlsx", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  struct rlimit old, small;
  HrbExportOptions o;
  gboolean ok;

  assert_true (g_file_set_contents (path, "previous", -1, NULL));

  /* A folder that does not exist. */
  assert_false (export_to (store, missing, HRB_EXPORT_COMMITTEE, NULL, &error));
  assert_true (g_error_matches (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NO_DIRECTORY));
  assert_non_null (strstr (error->message, missing));
  g_clear_error (&error);

  /* A full disk, as a file size limit (it holds for root too). */
  signal (SIGXFSZ, SIG_IGN);
  assert_int_equal (getrlimit (RLIMIT_FSIZE, &old), 0);
  small = old;
  small.rlim_cur = 4096;
  assert_int_equal (setrlimit (RLIMIT_FSIZE, &small), 0);
  ok = export_to (store, path, HRB_EXPORT_COMMITTEE, NULL, &error);
  assert_int_equal (setrlimit (RLIMIT_FSIZE, &old), 0);
  assert_false (ok);
  assert_non_null (strstr (error->message, path));
  assert_true (g_error_matches (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NO_SPACE) ||
               g_error_matches (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_IO));
  g_clear_error (&error);
  assert_true (g_file_get_contents (path, &content, NULL, NULL));
  assert_string_equal (content, "previous");
  assert_int_equal (count_entries (dir), 1);

  /* Cancelled. */
  g_cancellable_cancel (cancel);
  hrb_export_options_init (&o);
  o.path = path;
  assert_false (hrb_export_workbook (store, &o, NULL, NULL, cancel, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  g_clear_pointer (&content, g_free);
  assert_true (g_file_get_contents (path, &content, NULL, NULL));
  assert_string_equal (content, "previous");
  assert_int_equal (count_entries (dir), 1);

  /* And a good export replaces it. */
  if (!export_to (store, path, HRB_EXPORT_COMMITTEE, NULL, &error))
    fail_msg ("export: %s", error->message);
  g_clear_pointer (&content, g_free);
  assert_true (g_file_get_contents (path, &content, NULL, NULL));
  assert_memory_equal (content, "PK", 2);
  assert_int_equal (count_entries (dir), 1);
  test_rmdir (dir);
}

static void
progress_cb (double fraction, const char *step, gpointer user_data)
{
  double *last = user_data;

  assert_true (fraction >= *last - 1e-9 && fraction <= 1.0 + 1e-9);
  *last = fraction;
}

static void
test_progress_and_unknown_frozen (void **state)
{
  g_autoptr(HrbStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "lijst.xlsx", NULL);
  HrbExportOptions o;
  double last = 0;

  hrb_export_options_init (&o);
  o.path = path;
  if (!hrb_export_workbook (store, &o, progress_cb, &last, NULL, &error))
    fail_msg ("export: %s", error->message);
  assert_true (last == 1.0);
  g_unlink (path);
  assert_false (export_to (store, path, HRB_EXPORT_COMMITTEE, "Bestaat niet", &error));
  assert_true (g_error_matches (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NOT_FOUND));
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_int_equal (count_entries (dir), 0);
  test_rmdir (dir);
}


static const char *locale_script =
  "import sys, openpyxl, zipfile\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "import re\n"
  "for n in z.namelist():\n"
  "    if n.endswith('.xml'):\n"
  "        x = z.read(n).decode()\n"
  "        bad = re.findall(r'<v>-?[0-9]+,[0-9]+</v>|(?:width|ht|val)=\"-?[0-9]+,[0-9]+\"', x)\n"
  "        assert not bad, (n, bad[:3])\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "ws = wb['Prospectief']\n"
  "head = [c.value for c in ws[1]]\n"
  "scores = [r[head.index('Score')] for r in ws.iter_rows(min_row=2, values_only=True)]\n"
  "assert all(isinstance(v, (int, float)) for v in scores) and scores[0] > scores[-1], scores[:3]\n"
  "text = ' '.join(str(v) for r in wb['Methode'].iter_rows(values_only=True) for v in r if v)\n"
  "assert '€ 10.000' in text and '€ 1.000.000' in text, 'Dutch numbers in the text'\n";

static void
test_dutch_locale (void **state)
{
  g_autoptr(HrbStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "lijst.xlsx", NULL);
  char buf[16];
  gboolean ok;

  /* The Dutch locale comes from .ci/install-deps; without it this test
   * cannot show anything and must not pass. */
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    fail_msg ("nl_NL.UTF-8 locale is not available");
  ok = export_to (store, path, HRB_EXPORT_COMMITTEE, NULL, &error);
  g_snprintf (buf, sizeof buf, "%.1f", 0.5);
  setlocale (LC_ALL, "C");
  if (!ok)
    fail_msg ("export: %s", error->message);
  /* The rest of the program keeps its locale. */
  assert_string_equal (buf, "0,5");
  check_with_python (locale_script, path, NULL);
  test_rmdir (dir);
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  char      *message;
} AsyncResult;

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *r = user_data;
  g_autoptr(GError) error = NULL;

  r->ok = hrb_export_workbook_finish (result, &error);
  r->message = error ? g_strdup (error->message) : NULL;
  g_main_loop_quit (r->loop);
}

static void
test_async_in_a_thread (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "werk.db", NULL);
  g_autofree char *path = g_build_filename (dir, "lijst.xlsx", NULL);
  g_autoptr(HrbStore) store = hrb_store_open (db, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult r = { loop, FALSE, NULL };
  HrbExportOptions o;
  double last = 0;

  assert_non_null (store);
  assert_true (hrb_demo_load (store, &error));
  hrb_export_options_init (&o);
  o.path = path;
  o.stream = HRB_STREAM_RETROSPECTIVE;
  hrb_export_workbook_async (store, &o, progress_cb, &last, NULL, export_done_cb, &r);
  g_main_loop_run (loop);
  if (!r.ok)
    fail_msg ("async export: %s", r.message);
  assert_true (last == 1.0);
  assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);
  g_free (r.message);
  test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_sheet_names),
    cmocka_unit_test (test_cell_text),
    cmocka_unit_test (test_suggested_file_name),
    cmocka_unit_test (test_formula_stays_text),
    cmocka_unit_test (test_confidential),
    cmocka_unit_test (test_frozen_list_as_frozen),
    cmocka_unit_test (test_failures_leave_previous_file),
    cmocka_unit_test (test_progress_and_unknown_frozen),
    cmocka_unit_test (test_async_in_a_thread),
    cmocka_unit_test (test_dutch_locale),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
