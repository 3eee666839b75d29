/* bench-export.c: exporting a large ranked list to xlsx.
 *
 *   bench-export [N_ITEMS] [--runs K] [--reference PATH]
 *
 * Seeds a temporary database with N_ITEMS synthetic items (default 100,000,
 * hrb_demo_generate()), then measures, each in its own process so that the
 * peak resident memory is the export's own:
 *  - the export: herbeoordeling's exporter, the whole committee workbook
 *    (open, score, ranking sheets with table, data bar, dropdown and formats,
 *    dossiers, method, sources, monitoring, document properties, atomic
 *    file write);
 *  - the reference: tests/bench/reference-export.py, Debian's
 *    python3-xlsxwriter writing the same ranking cells with the same formats
 *    (table, data bar, dropdown, frozen panes, widths, print setup), given
 *    the rows ready-made in a TSV file (so it does not score anything).
 * libxlsxwriter's constant_memory mode is not used: it cannot write Excel
 * tables, which the ranking sheets need; the reference uses the same mode.
 * Prints the table: figure, target, measured, reference, ratio.
 */
#include "bench-util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "hrb-demo.h"
#include "hrb-dossier.h"
#include "hrb-export.h"
#include "hrb-store-dossier.h"
#include "hrb-store-scoring.h"

typedef struct {
  double wall_ms;
  double cpu_ms;
  double max_rss_mib;
  char  *out;
} Child;

static gboolean
run_child (const char * const *argv, Child *c)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd = -1, status = 0;
  struct rusage ru = { 0 };
  gint64 t0 = g_get_monotonic_time ();
  GString *out = g_string_new (NULL);
  char buf[4096];
  ssize_t n;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("cannot run %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  while ((n = read (out_fd, buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (out_fd);
  if (wait4 (pid, &status, 0, &ru) < 0)
    return FALSE;
  c->wall_ms = (g_get_monotonic_time () - t0) / 1000.0;
  c->max_rss_mib = ru.ru_maxrss / 1024.0;
  c->cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
              (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
  c->out = g_string_free (out, FALSE);
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed (status %d)\n%s", argv[0], status, c->out);
      return FALSE;
    }
  return TRUE;
}

/* Child modes ------------------------------------------------------------------------ */

static int
mode_generate (const char *db, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = hrb_store_open (db, &error);

  if (store == NULL || !hrb_demo_generate (store, n, 20261123, &error))
    {
      g_printerr ("generate: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
mode_export (const char *db, const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = hrb_store_open (db, &error);
  HrbExportOptions o;
  gint64 t0;

  if (store == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 1;
    }
  hrb_store_set_author (store, "Benchmark");
  hrb_export_options_init (&o);
  o.path = out;
  t0 = g_get_monotonic_time ();
  if (!hrb_export_workbook (store, &o, NULL, NULL, NULL, &error))
    {
      g_printerr ("export: %s\n", error->message);
      return 1;
    }
  printf ("export_ms=%.1f\n", (g_get_monotonic_time () - t0) / 1000.0);
  return 0;
}

static const char *
nl_setting (HrbSetting s)
{
  return s == HRB_SETTING_INTRAMURAL ? "intramuraal" : s == HRB_SETTING_EXTRAMURAL ? "extramuraal" : "";
}

static void
put_num (GString *s, double v)
{
  g_string_append_c (s, '\t');
  if (isfinite (v))
    g_string_append_printf (s, "%.17g", v);
}

static void
put_text (GString *s, const char *t)
{
  g_string_append_c (s, '\t');
  for (const char *p = t ? t : ""; *p; p++)
    g_string_append_c (s, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/* The ranking rows as the export writes them, one TSV line per row, for the
 * reference writer. Line "#SHEET name ncontrib" starts a sheet. */
static int
mode_dump (const char *db, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbStore) store = hrb_store_open (db, &error);
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *s = g_string_new (NULL);
  guint n_contrib;

  if (store == NULL ||
      (ranking = hrb_scoring_rank (store, NULL, HRB_STREAM_ANY, NULL, &error)) == NULL ||
      (items = hrb_store_list_items (store, HRB_STREAM_ANY, &error)) == NULL)
    {
      g_printerr ("dump: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *it = items->pdata[i];
      g_hash_table_insert (by_id, &it->id, it);
    }
  n_contrib = g_strv_length (ranking->criterion_ids);
  for (int stream = 0; stream < 2; stream++)
    {
      g_string_append_printf (s, "#SHEET\t%s\t%u\n", stream ? "Retrospectief" : "Prospectief",
                              n_contrib);
      for (guint i = 0; i < ranking->rows->len; i++)
        {
          HrbRankingRow *r = ranking->rows->pdata[i];
          HrbItem *it = g_hash_table_lookup (by_id, &r->item_id);

          if ((int) r->stream != stream)
            continue;
          g_string_append (s, "R");
          put_num (s, r->eligible ? r->rank : NAN);
          put_num (s, r->eligible ? r->rank_best : NAN);
          put_num (s, r->eligible ? r->rank_worst : NAN);
          put_num (s, r->score);
          put_text (s, r->unstable ? "ja" : NULL);   /* the export leaves "nee" empty */
          put_text (s, r->eligible ? "ja" : "nee");
          put_text (s, r->medicine);
          put_text (s, it ? it->medicine.inn : NULL);
          put_text (s, it ? it->medicine.atc : NULL);
          put_text (s, r->indication ? r->indication : "(alle indicaties)");
          put_text (s, r->domain);
          put_text (s, it ? nl_setting (it->setting) : NULL);
          put_num (s, r->patients.low);
          put_num (s, r->patients.high);
          put_num (s, r->cost_point);
          put_num (s, r->budget_impact.low);
          put_num (s, r->budget_impact.high);
          put_num (s, r->relative_budget_impact);
          put_text (s, r->sluis ? "ja" : NULL);
          put_text (s, NULL);   /* dossier stage */
          put_text (s, NULL);   /* who must act */
          for (guint c = 0; c < n_contrib; c++)
            put_num (s, c < r->n_details ? r->details[c].contribution : NAN);
          put_text (s, r->reason);
          put_num (s, r->item_id);
          g_string_append_c (s, '\n');
        }
    }
  if (!g_file_set_contents (path, s->str, s->len, &error))
    {
      g_printerr ("dump: %s\n", error->message);
      return 1;
    }
  g_string_free (s, TRUE);
  return 0;
}

/* The runner ------------------------------------------------------------------------- */

static char *
find_reference (const char *given)
{
  const char *root = g_getenv ("HRB_SOURCE_ROOT");
  g_autofree char *here = g_path_get_dirname (__FILE__);
  char *p;

  if (given)
    return g_strdup (given);
  if (root && g_file_test ((p = g_build_filename (root, "tests", "bench", "reference-export.py", NULL)),
                           G_FILE_TEST_EXISTS))
    return p;
  p = g_build_filename (here, "reference-export.py", NULL);
  if (g_file_test (p, G_FILE_TEST_EXISTS))
    return p;
  g_free (p);
  return g_strdup ("tests/bench/reference-export.py");
}

static char *
load_average (void)
{
  static char buf[64];
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return (char *) "?";
  g_strlcpy (buf, text, sizeof buf);
  buf[strcspn (buf, " ")] = '\0';
  return buf;
}

static double
median (double *v, int n)
{
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];
        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
field (const char *out, const char *key)
{
  const char *p = strstr (out, key);
  return p ? g_ascii_strtod (p + strlen (key), NULL) : NAN;
}

int
main (int argc, char **argv)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL, *out = NULL, *tsv = NULL, *out_py = NULL, *reference = NULL;
  g_autofree char *n_text = NULL;
  const char *reference_arg = NULL;
  guint n = 100000;
  int runs = 3;
  double c_ms[9], c_rss[9], c_in[9], c_cpu[9], py_ms[9], py_rss[9], py_in[9], py_cpu[9];
  Child gen = { 0 };
  struct stat st;

  if (argc >= 4 && strcmp (argv[1], "--generate") == 0)
    return mode_generate (argv[2], (guint) atoi (argv[3]));
  if (argc >= 4 && strcmp (argv[1], "--export") == 0)
    return mode_export (argv[2], argv[3]);
  if (argc >= 4 && strcmp (argv[1], "--dump") == 0)
    return mode_dump (argv[2], argv[3]);
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = CLAMP (runs, 1, 9);
        }
      else if (strcmp (argv[i], "--reference") == 0 && i + 1 < argc)
        reference_arg = argv[++i];
      else
        n = (guint) atoi (argv[i]);
    }

  dir = g_dir_make_tmp ("hrb-bench-export-XXXXXX", NULL);
  db = g_build_filename (dir, "bench.db", NULL);
  out = g_build_filename (dir, "export.xlsx", NULL);
  out_py = g_build_filename (dir, "reference.xlsx", NULL);
  tsv = g_build_filename (dir, "rows.tsv", NULL);
  reference = find_reference (reference_arg);
  n_text = g_strdup_printf ("%u", n);

  {
    const char *a[] = { self, "--generate", db, n_text, NULL };
    if (!run_child (a, &gen))
      return 1;
    printf ("seeded %u synthetic items in %.0f ms\n", n, gen.wall_ms);
    g_free (gen.out);
  }
  {
    const char *a[] = { self, "--dump", db, tsv, NULL };
    Child c = { 0 };
    if (!run_child (a, &c))
      return 1;
    g_free (c.out);
  }
  for (int r = 0; r < runs; r++)
    {
      const char *a[] = { self, "--export", db, out, NULL };
      const char *b[] = { "/usr/bin/python3", reference, tsv, out_py, NULL };
      Child c = { 0 }, p = { 0 };

      if (!run_child (a, &c) || !run_child (b, &p))
        return 1;
      c_ms[r] = c.wall_ms;
      c_cpu[r] = c.cpu_ms;
      py_cpu[r] = p.cpu_ms;
      c_rss[r] = c.max_rss_mib;
      c_in[r] = field (c.out, "export_ms=");
      py_ms[r] = p.wall_ms;
      py_rss[r] = p.max_rss_mib;
      py_in[r] = field (p.out, "write_ms=");
      g_free (c.out);
      g_free (p.out);
    }

  printf ("\nExport of a ranked list to xlsx (median of runs)\n\n");
  printf ("items: %u; runs: %d; reference: %s (python3-xlsxwriter, same cells and formats);\n"
          "machine: %ld CPUs, load average now %s\n",
          n, runs, reference, sysconf (_SC_NPROCESSORS_ONLN), load_average ());
  printf ("| figure | target | measured | reference | ratio (reference / measured) |\n");
  printf ("|---|---|---|---|---|\n");
  {
    double cm = median (c_ms, runs), pm = median (py_ms, runs);
    double ci = median (c_in, runs), pi = median (py_in, runs);
    double cr = median (c_rss, runs), pr = median (py_rss, runs);
    double cc = median (c_cpu, runs), pc = median (py_cpu, runs);

    printf ("| export, whole process (open, score, all sheets, write) | ≤ 4000 ms | %.0f ms | %.0f ms | %.2f× faster |\n",
            cm, pm, pm / cm);
    printf ("| export call / reference write phase | ≥ 2× faster than Python | %.0f ms | %.0f ms | %.2f× faster |\n",
            ci, pi, pi / ci);
    printf ("| CPU time (user + system), whole process | — | %.0f ms | %.0f ms | %.2f× less |\n",
            cc, pc, pc / cc);
    printf ("| peak resident memory | ≤ 400 MB | %.0f MiB | %.0f MiB | %.2f× less |\n",
            cr, pr, pr / cr);
  }
  if (g_stat (out, &st) == 0)
    printf ("\nworkbook size: %.1f MB\n", st.st_size / 1e6);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (out);
  g_unlink (out_py);
  g_unlink (tsv);
  g_rmdir (dir);
  return 0;
}
