/* hrb-cli-table.c: CSV and JSON output of tables for herbeoordeling-cli. */
#include "hrb-cli.h"

#include <string.h>

struct _HrbTable {
  guint       n_columns;
  GStrv       columns;
  gboolean   *numeric;
  GPtrArray  *rows;   /* GStrv */
};

HrbTable *
hrb_table_new (const char * const *columns)
{
  HrbTable *t = g_new0 (HrbTable, 1);

  t->columns = g_strdupv ((char **) columns);
  t->n_columns = g_strv_length (t->columns);
  t->numeric = g_new0 (gboolean, t->n_columns);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return t;
}

void
hrb_table_free (HrbTable *t)
{
  if (t == NULL)
    return;
  g_strfreev (t->columns);
  g_free (t->numeric);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

void
hrb_table_set_numeric (HrbTable *t, const char * const *columns)
{
  for (guint i = 0; columns[i]; i++)
    for (guint c = 0; c < t->n_columns; c++)
      if (strcmp (columns[i], t->columns[c]) == 0)
        t->numeric[c] = TRUE;
}

void
hrb_table_add_row (HrbTable *t, const char * const *values)
{
  char **row = g_new0 (char *, t->n_columns + 1);

  for (guint c = 0; c < t->n_columns; c++)
    row[c] = g_strdup (values[c] ? values[c] : "");
  g_ptr_array_add (t->rows, row);
}

static void
write_csv_cell (FILE *out, const char *v)
{
  if (strpbrk (v, ",\"\r\n") == NULL)
    {
      fputs (v, out);
      return;
    }
  fputc ('"', out);
  for (const char *p = v; *p; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
write_json_string (FILE *out, const char *v)
{
  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *) v; *p; p++)
    {
      switch (*p)
        {
        case '"': fputs ("\\\"", out); break;
        case '\\': fputs ("\\\\", out); break;
        case '\n': fputs ("\\n", out); break;
        case '\r': fputs ("\\r", out); break;
        case '\t': fputs ("\\t", out); break;
        default:
          if (*p < 0x20)
            fprintf (out, "\\u%04x", *p);
          else
            fputc (*p, out);
        }
    }
  fputc ('"', out);
}

void
hrb_table_write (HrbTable *t, HrbOutputFormat format, FILE *out)
{
  if (format == HRB_FORMAT_CSV)
    {
      for (guint c = 0; c < t->n_columns; c++)
        {
          if (c)
            fputc (',', out);
          write_csv_cell (out, t->columns[c]);
        }
      fputc ('\n', out);
      for (guint r = 0; r < t->rows->len; r++)
        {
          char **row = g_ptr_array_index (t->rows, r);
          for (guint c = 0; c < t->n_columns; c++)
            {
              if (c)
                fputc (',', out);
              write_csv_cell (out, row[c]);
            }
          fputc ('\n', out);
        }
      return;
    }

  fputs ("[", out);
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = g_ptr_array_index (t->rows, r);
      fputs (r ? ",\n  {" : "\n  {", out);
      for (guint c = 0; c < t->n_columns; c++)
        {
          if (c)
            fputs (", ", out);
          write_json_string (out, t->columns[c]);
          fputs (": ", out);
          if (row[c][0] == '\0' && t->numeric[c])
            fputs ("null", out);
          else if (t->numeric[c])
            fputs (row[c], out);
          else
            write_json_string (out, row[c]);
        }
      fputs ("}", out);
    }
  fputs (t->rows->len ? "\n]\n" : "]\n", out);
}
