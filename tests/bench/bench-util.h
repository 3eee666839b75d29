/* bench-util.h: timing, memory and the result table of the benchmarks. */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Resident memory now and at its peak, in MiB (from /proc/self/status). */
static inline double
bench_rss_mib (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, field);
  return p ? g_ascii_strtod (p + strlen (field) + 1, NULL) / 1024.0 : -1;
}

/* Milliseconds since this process was started (/proc/self/stat field 22). */
static inline double
bench_process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *p;
  unsigned long long start = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  p = strrchr (stat, ')');
  /* p moves to the space before field 3, 4, …; starttime is field 22. */
  for (int field = 3; p && field <= 22; field++)
    {
      p = strchr (p + 1, ' ');
      if (field == 22 && p)
        start = g_ascii_strtoull (p + 1, NULL, 10);
    }
  return g_ascii_strtod (uptime, NULL) * 1000.0 - (double) start * 1000.0 / sysconf (_SC_CLK_TCK);
}

static inline void
bench_table_header (const char *title)
{
  printf ("\n%s\n\n", title);
  printf ("| figure | target | measured | reference | ratio |\n");
  printf ("|---|---|---|---|---|\n");
}

static inline void
bench_table_row (const char *figure, const char *target, double measured, double reference,
                 const char *unit)
{
  printf ("| %s | %s | %.1f %s | %.1f %s | %.2f× |\n", figure, target, measured, unit,
          reference, unit, reference > 0 ? measured / reference : 0.0);
}
