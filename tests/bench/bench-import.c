/* bench-import.c: importing a 100,000-row Horizonscan-format file.
 *
 * Generates the file (seeded), imports it into a fresh file database
 * (parsing, validation and the one transaction), and measures as a reference
 * the sqlite3 shell's `.import` of the same file into a plain table, in the
 * same run. Prints a table: figure, target, measured, reference, ratio.
 *
 *   bench-import [ROWS] [SEED] [FILE]   (with FILE: only generate it)
 */
#include "bench-util.h"
#include "hrb-import.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

static const char *domains[] = {
  "Oncologie", "Hematologie", "Infectieziekten", "Neurologie", "Stofwisseling en endocrinologie",
  "Immunologie", "Cardiologie", "Longziekten",
};
static const char *phases[] = {
  "Klinisch onderzoek", "Registratieaanvraag loopt", "Positieve CHMP-opinie", "Geregistreerd",
  "Geregistreerd en vergoed",
};
static const char *settings[] = { "Intramuraal (MSZ)", "Extramuraal (GVS)", "Onbekend" };
static const char *sluis[] = { "", "", "", "In de sluis", "Uit de sluis", "Breed uitgezonderd" };

static void
money (GString *s, double v)
{
  long long whole = (long long) v;
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%lld", whole);

  g_string_append (s, "€ ");
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  g_string_append (s, ".00");
}

static gboolean
generate (const char *path, guint rows, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) line = g_string_new (NULL);
  FILE *f = fopen (path, "w");

  if (f == NULL)
    return FALSE;
  fputs ("id;domein;fase;indicatie;kader;kosten;merk;slug;sluis;stof;totale_kosten;vergoeding;versie;"
         "verwacht;volume;waarde\n", f);
  for (guint i = 0; i < rows; i++)
    {
      guint substance = g_rand_int_range (rand, 0, rows / 4 + 1);
      double cost = g_rand_int_range (rand, 1, 400) * 1000.0;
      int volume = g_rand_int_range (rand, 5, 5000);

      g_string_truncate (line, 0);
      g_string_append_printf (line, "%08x-0000-4000-8000-%012x;%s;%s;Indicatie %u;%s;", g_rand_int (rand), i,
                              domains[g_rand_int_range (rand, 0, G_N_ELEMENTS (domains))],
                              phases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phases))],
                              g_rand_int_range (rand, 0, 50),
                              settings[g_rand_int_range (rand, 0, G_N_ELEMENTS (settings))]);
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          break;      /* unknown */
        case 1:
          g_string_append (line, "<  ");
          money (line, cost);
          break;
        default:
          money (line, cost);
          g_string_append (line, " -  ");
          money (line, cost * 1.5);
          break;
        }
      g_string_append_printf (line, ";Merk%u;stof-%u;%s;Stof%u;", substance, i,
                              sluis[g_rand_int_range (rand, 0, G_N_ELEMENTS (sluis))], substance);
      if (g_rand_boolean (rand))
        money (line, cost * volume);
      g_string_append_printf (line, ";;%d;%02d-%d;", g_rand_int_range (rand, 1, 12),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 2025, 2030));
      if (g_rand_boolean (rand))
        g_string_append_printf (line, "%d - %d", volume, volume * 2);
      else
        g_string_append_printf (line, "< %d", volume);
      g_string_append (line, ";Nog geen inschatting mogelijk\n");
      fputs (line->str, f);
    }
  return fclose (f) == 0;
}

/* CPU time (user + system) in ms of this process or of its waited-for children. */
static double
cpu_ms (int who)
{
  struct rusage ru;

  getrusage (who, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

static double
peak_rss_mib (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

/* The sqlite3 shell's .import of csv into a fresh plain table; wall and CPU ms. */
static gboolean
reference_import (const char *dir, const char *csv, double *wall, double *cpu, GError **error)
{
  g_autofree char *ref_db = g_build_filename (dir, "reference.db", NULL);
  g_autofree char *script_path = g_build_filename (dir, "import.sql", NULL);
  g_autofree char *script = g_strdup_printf (".mode csv\n.separator ;\n.import '%s' t\n", csv);
  g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' < '%s'", ref_db, script_path);
  char *sh[] = { (char *) "/bin/sh", (char *) "-c", cmd, NULL };
  int status = 0;
  double c0, t0;

  g_unlink (ref_db);
  if (!g_file_set_contents (script_path, script, -1, error))
    return FALSE;
  c0 = cpu_ms (RUSAGE_CHILDREN);
  t0 = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, sh, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;
  *wall = (g_get_monotonic_time () - t0) / 1000.0;
  *cpu = cpu_ms (RUSAGE_CHILDREN) - c0;
  g_unlink (ref_db);
  g_unlink (script_path);
  return TRUE;
}

static void
remove_database (const char *db)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (db, suffixes[i], NULL);
      g_unlink (p);
    }
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

#define ROUNDS 5

int
main (int argc, char **argv)
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint32 seed = argc > 2 ? (guint32) atoi (argv[2]) : 20261123;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hrb-bench-import-XXXXXX", &error);
  g_autofree char *csv = NULL, *db = NULL;
  HrbImportOptions opts = { .source = HRB_IMPORT_HORIZONSCAN, .vintage = "2026-11-01" };
  double wall[ROUNDS], cpu[ROUNDS], ref_wall[ROUNDS], ref_cpu[ROUNDS];
  double rss_peak = 0, t_dry = 0, cpu_dry = 0, t0, c0;
  guint n_new = 0, n_new_medicines = 0;
  GStatBuf st;

  if (dir == NULL)
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  if (argc > 3)
    {
      /* bench-import ROWS SEED FILE: only write the generated file. */
      g_rmdir (dir);
      return generate (argv[3], rows, seed) ? 0 : 1;
    }
  csv = g_build_filename (dir, "horizonscan.csv", NULL);
  db = g_build_filename (dir, "import.db", NULL);
  if (!generate (csv, rows, seed))
    {
      fprintf (stderr, "bench-import: cannot write %s\n", csv);
      return 1;
    }
  g_stat (csv, &st);

  /* Rounds of the reference and the import in turn, each into a fresh
   * database, so that both meet the same moments of a shared machine. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(HrbStore) store = NULL;
      g_autoptr(HrbImportResult) result = NULL;

      if (!reference_import (dir, csv, &ref_wall[r], &ref_cpu[r], &error))
        {
          fprintf (stderr, "bench-import: the sqlite3 shell failed: %s\n", error->message);
          return 1;
        }
      remove_database (db);
      /* Migrations are not timed. */
      store = hrb_store_open (db, &error);
      if (store == NULL)
        {
          fprintf (stderr, "bench-import: %s\n", error->message);
          return 1;
        }
      if (r == 0)
        {
          /* Parse, validate and plan only (a dry run writes nothing). */
          HrbImportOptions dry = opts;
          g_autoptr(HrbImportResult) plan = NULL;

          dry.dry_run = TRUE;
          c0 = cpu_ms (RUSAGE_SELF);
          t0 = g_get_monotonic_time ();
          if (!hrb_import_file (store, csv, &dry, &plan, &error))
            {
              fprintf (stderr, "bench-import: the dry run failed: %s\n", error->message);
              return 1;
            }
          t_dry = (g_get_monotonic_time () - t0) / 1000.0;
          cpu_dry = cpu_ms (RUSAGE_SELF) - c0;
        }
      c0 = cpu_ms (RUSAGE_SELF);
      t0 = g_get_monotonic_time ();
      if (!hrb_import_file (store, csv, &opts, &result, &error))
        {
          fprintf (stderr, "bench-import: the import failed: %s\n", error->message);
          return 1;
        }
      wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu[r] = cpu_ms (RUSAGE_SELF) - c0;
      if (r == 0)
        rss_peak = peak_rss_mib ();
      n_new = result->n_new;
      n_new_medicines = result->n_new_medicines;
    }
  remove_database (db);

  printf ("bench-import: %u rows (seed %u), %.1f MiB file; %u new items, %u new medicines; "
          "best and median of %d rounds\n", rows, seed, st.st_size / 1048576.0, n_new, n_new_medicines,
          ROUNDS);
  {
    double best_wall = wall[0], best_cpu = cpu[0], best_ref_wall = ref_wall[0], best_ref_cpu = ref_cpu[0];
    double med_wall, med_ref_wall;

    for (guint r = 1; r < ROUNDS; r++)
      {
        best_wall = MIN (best_wall, wall[r]);
        best_cpu = MIN (best_cpu, cpu[r]);
        best_ref_wall = MIN (best_ref_wall, ref_wall[r]);
        best_ref_cpu = MIN (best_ref_cpu, ref_cpu[r]);
      }
    qsort (wall, ROUNDS, sizeof (double), compare_doubles);
    qsort (ref_wall, ROUNDS, sizeof (double), compare_doubles);
    med_wall = wall[ROUNDS / 2];
    med_ref_wall = ref_wall[ROUNDS / 2];

    bench_table_header ("Import of a Horizonscan-format file (parse, validate, one transaction)");
    bench_table_row ("import wall time, best", "≤ 2000 ms and ≤ 3× reference", best_wall, best_ref_wall, "ms");
    bench_table_row ("import wall time, median", "—", med_wall, med_ref_wall, "ms");
    bench_table_row ("import CPU time, best", "—", best_cpu, best_ref_cpu, "ms");
    bench_table_row ("dry run (parse, validate, plan) wall time", "—", t_dry, best_ref_wall, "ms");
    bench_table_row ("dry run (parse, validate, plan) CPU time", "—", cpu_dry, best_ref_cpu, "ms");
    printf ("| peak resident memory (first import) | ≤ 200 MB | %.1f MiB | — | — |\n", rss_peak);
    printf ("\nverdict: time %s (%.0f ms), ratio %s (wall %.2f×, median %.2f×, CPU %.2f×), memory %s (%.1f MiB)\n",
            best_wall <= 2000 ? "ok" : "OVER", best_wall, best_wall <= 3 * best_ref_wall ? "ok" : "OVER",
            best_wall / best_ref_wall, med_wall / med_ref_wall, best_cpu / best_ref_cpu,
            rss_peak * 1.048576 <= 200 ? "ok" : "OVER", rss_peak);
  }
  g_unlink (csv);
  g_rmdir (dir);
  return 0;
}
