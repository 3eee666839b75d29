/* hrb-import.c: the import engine and its presets. */
#include "hrb-import.h"
#include "hrb-i18n.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (hrb-import-error-quark, hrb_import_error)

/* Target fields a row may give. */
typedef enum {
  F_SOURCE_ID, F_INN, F_BRAND, F_ATC, F_HOLDER, F_INDICATION, F_DOMAIN, F_SETTING, F_STATUS,
  F_SLUIS, F_PHASE, F_EXPECTED, F_VALUE, F_PATIENTS, F_PATIENTS_LOW, F_PATIENTS_HIGH, F_COST,
  F_COST_LOW, F_COST_HIGH, F_BUDGET, F_BUDGET_LOW, F_BUDGET_HIGH, F_YEAR, F_ORPHAN, F_ATMP,
  /* EMA and GIP top 500 */
  F_CATEGORY, F_EMA_STATUS, F_CONDITIONAL, F_EXCEPTIONAL, F_ACCELERATED, F_BIOSIMILAR, F_GENERIC,
  F_AUTH_DATE, F_ATC_NAME,
  F_N
} Field;

/* Names of the targets of a mapping file (the first F_ATMP + 1 fields). */
static const char *target_names[] = {
  "source_id", "inn", "brand", "atc", "holder", "indication", "domain", "setting", "status",
  "sluis", "phase", "expected_registration", "therapeutic_value", "patients", "patients_low",
  "patients_high", "cost", "cost_low", "cost_high", "budget", "budget_low", "budget_high", "year",
  "orphan", "atmp", NULL
};

const char * const *
hrb_import_map_targets (void)
{
  return target_names;
}

static const struct {
  HrbImportSource source;
  const char *name;
  const char *label;
} sources[] = {
  { HRB_IMPORT_HORIZONSCAN, "horizonscan", "Horizonscan" },
  { HRB_IMPORT_GIP_ADDON, "gip-addon", "GIP add-on" },
  { HRB_IMPORT_EMA, "ema", "EMA" },
  { HRB_IMPORT_GIP_TOP500, "gip-top500", "GIP top 500" },
  { HRB_IMPORT_MAPPED, "mapped", "mapped" },
};

gboolean
hrb_import_source_from_name (const char *name, HrbImportSource *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (name, sources[i].name) == 0)
      {
        *out = sources[i].source;
        return TRUE;
      }
  return FALSE;
}

const char *
hrb_import_source_to_name (HrbImportSource source)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (sources[i].source == source)
      return sources[i].name;
  return "mapped";
}

const char *
hrb_import_source_label (HrbImportSource source)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (sources[i].source == source)
      return sources[i].label;
  return "mapped";
}

/* Mapping files ------------------------------------------------------------ */

HrbImportMap *
hrb_import_map_new (void)
{
  HrbImportMap *map = g_new0 (HrbImportMap, 1);

  map->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  map->status = HRB_STATUS_NOT_ADMITTED;
  map->setting = HRB_SETTING_UNKNOWN;
  return map;
}

void
hrb_import_map_free (HrbImportMap *map)
{
  if (map == NULL)
    return;
  g_free (map->source);
  g_hash_table_unref (map->columns);
  g_free (map);
}

static gboolean
map_error (GError **error, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
map_error (GError **error, const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_MAP, "%s: %s", path, msg);
  return FALSE;
}

HrbImportMap *
hrb_import_map_load (const char *path, GError **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(HrbImportMap) map = hrb_import_map_new ();
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *v = NULL;

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &local))
    {
      map_error (error, path, "%s", local->message);
      return NULL;
    }
  map->source = g_key_file_get_string (kf, "Import", "source", NULL);
  if (map->source == NULL || *g_strstrip (map->source) == '\0')
    {
      map_error (error, path, _("[Import] needs “source=” (the name shown with each figure)"));
      return NULL;
    }
  if ((v = g_key_file_get_string (kf, "Import", "delimiter", NULL)) != NULL)
    {
      if (g_strcmp0 (v, "tab") == 0 || g_strcmp0 (v, "\\t") == 0)
        map->delimiter = '\t';
      else if (g_strcmp0 (v, ";") == 0 || g_strcmp0 (v, ",") == 0)
        map->delimiter = v[0];
      else if (g_strcmp0 (v, "auto") != 0 && *v)
        {
          map_error (error, path, _("delimiter=%s: use ; , or tab"), v);
          return NULL;
        }
      g_clear_pointer (&v, g_free);
    }
  if ((v = g_key_file_get_string (kf, "Import", "decimal", NULL)) != NULL)
    {
      if (g_strcmp0 (v, "point") == 0)
        map->decimal = HRB_DECIMAL_POINT;
      else if (g_strcmp0 (v, "comma") == 0)
        map->decimal = HRB_DECIMAL_COMMA;
      else if (g_strcmp0 (v, "auto") != 0)
        {
          map_error (error, path, _("decimal=%s: use auto, point or comma"), v);
          return NULL;
        }
      g_clear_pointer (&v, g_free);
    }
  if ((v = g_key_file_get_string (kf, "Import", "encoding", NULL)) != NULL)
    {
      if (g_ascii_strcasecmp (v, "utf-8") == 0)
        map->encoding = HRB_CSV_ENCODING_UTF8;
      else if (g_ascii_strcasecmp (v, "windows-1252") == 0 || g_ascii_strcasecmp (v, "cp1252") == 0)
        map->encoding = HRB_CSV_ENCODING_CP1252;
      else if (g_strcmp0 (v, "auto") != 0)
        {
          map_error (error, path, _("encoding=%s: use auto, utf-8 or windows-1252"), v);
          return NULL;
        }
      g_clear_pointer (&v, g_free);
    }
  if ((v = g_key_file_get_string (kf, "Import", "status", NULL)) != NULL)
    {
      if (!hrb_status_from_code (v, &map->status))
        {
          map_error (error, path, _("status=%s: use not_admitted, in_sluis, admitted, conditional or excluded"), v);
          return NULL;
        }
      g_clear_pointer (&v, g_free);
    }
  if ((v = g_key_file_get_string (kf, "Import", "setting", NULL)) != NULL)
    {
      if (!hrb_setting_from_code (v, &map->setting))
        {
          map_error (error, path, _("setting=%s: use intramural, extramural or unknown"), v);
          return NULL;
        }
      g_clear_pointer (&v, g_free);
    }
  if (g_key_file_has_key (kf, "Import", "year", NULL))
    {
      map->year = g_key_file_get_integer (kf, "Import", "year", &local);
      if (local || map->year < 1990 || map->year > 2100)
        {
          map_error (error, path, _("year: a year from 1990 to 2100"));
          return NULL;
        }
    }
  map->zero_is_unknown = g_key_file_get_boolean (kf, "Import", "zero-is-unknown", NULL);

  keys = g_key_file_get_keys (kf, "Columns", NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *col = g_key_file_get_string (kf, "Columns", keys[i], NULL);

      if (!g_strv_contains (target_names, keys[i]))
        {
          map_error (error, path, _("[Columns] %s: unknown target (one of: %s)"), keys[i],
                     "source_id, inn, brand, atc, holder, indication, domain, setting, status, sluis, "
                     "phase, expected_registration, therapeutic_value, patients, patients_low, "
                     "patients_high, cost, cost_low, cost_high, budget, budget_low, budget_high, year, "
                     "orphan, atmp");
          return NULL;
        }
      if (col && *g_strstrip (col))
        g_hash_table_replace (map->columns, g_strdup (keys[i]), g_steal_pointer (&col));
    }
  if (!g_hash_table_contains (map->columns, "inn"))
    {
      map_error (error, path, _("[Columns] needs “inn=” (the column of the active substance)"));
      return NULL;
    }
  return g_steal_pointer (&map);
}

gboolean
hrb_import_map_save (const HrbImportMap *map, const char *path, GError **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  const char *decimal[] = { "auto", "point", "comma" };
  const char *encoding[] = { "auto", "utf-8", "windows-1252" };

  g_key_file_set_string (kf, "Import", "source", map->source ? map->source : "");
  if (map->delimiter)
    g_key_file_set_string (kf, "Import", "delimiter",
                           map->delimiter == '\t' ? "tab" : (map->delimiter == ',' ? "," : ";"));
  g_key_file_set_string (kf, "Import", "decimal", decimal[CLAMP ((int) map->decimal, 0, 2)]);
  g_key_file_set_string (kf, "Import", "encoding", encoding[CLAMP ((int) map->encoding, 0, 2)]);
  g_key_file_set_string (kf, "Import", "status", hrb_status_to_code (map->status));
  g_key_file_set_string (kf, "Import", "setting", hrb_setting_to_code (map->setting));
  if (map->year)
    g_key_file_set_integer (kf, "Import", "year", map->year);
  g_key_file_set_boolean (kf, "Import", "zero-is-unknown", map->zero_is_unknown);
  for (guint i = 0; target_names[i]; i++)
    {
      const char *col = g_hash_table_lookup (map->columns, target_names[i]);
      if (col)
        g_key_file_set_string (kf, "Columns", target_names[i], col);
    }
  return g_key_file_save_to_file (kf, path, error);
}

/* Results -------------------------------------------------------------------- */

static void
problem_free (HrbImportProblem *p)
{
  g_free (p->column_name);
  g_free (p->message);
  g_free (p);
}

void
hrb_import_result_free (HrbImportResult *r)
{
  if (r == NULL)
    return;
  g_free (r->file);
  g_free (r->checksum);
  g_free (r->vintage);
  g_ptr_array_unref (r->problems);
  g_ptr_array_unref (r->notes);
  g_ptr_array_unref (r->changes);
  g_free (r);
}

/* The engine ------------------------------------------------------------------ */

#define MAX_KEPT_CHANGES 20000
#define MAX_KEPT_PROBLEMS 10000

typedef struct {
  guint      row;
  char      *v[F_N];        /* trimmed text of each target, NULL if absent/empty */
  guint      col[F_N];      /* column of each target (1-based) */
} Row;

/* A row as a record. Its texts are the reader's (valid for the row) or
 * listed in owned, which rec_clear() frees. */
typedef struct {
  /* medicine */
  char    *inn, *brand, *atc, *holder, *auth_date, *ema_status;
  int      orphan, conditional, exceptional, accelerated, atmp, biosimilar, generic; /* -1 unknown */
  gboolean ema_addable;
  /* item */
  gboolean has_item;
  char    *source_id, *indication, *domain, *phase, *expected, *value, *sluis;
  gboolean has_sluis;
  HrbSetting setting;
  HrbPackageStatus status;
  /* figure */
  gboolean has_figure;
  HrbRange patients, cost, budget;
  int      year;
  char    *owned[8];
  guint    n_owned;
} Rec;

typedef struct {
  HrbStore               *store;
  const HrbImportOptions *opts;
  HrbImportResult        *result;
  HrbCsvReader           *reader;
  const char             *label;         /* figure source */
  HrbDecimalStyle         decimal;
  gboolean                zero_unknown;
  int                     col[F_N];      /* 0-based column per target, -1 none */
  char                  **header;
  guint                   n_header;
  gboolean                writing;       /* rows are being written */
  gboolean                reading;       /* a dry run's read transaction is open */
  gboolean                failed;        /* a row was rejected (all or nothing) */
  gint64                  batch_id;
  gint64                  next_pseudo;   /* dry run: ids of things not written */
  GHashTable             *medicines;     /* key → id */
  GHashTable             *items;         /* key → id */
  GHashTable             *seen_ids;      /* source id → row; keys in ids */
  GStringChunk           *ids;
  GHashTable             *gip_seen;      /* ATC → Rec budget text "row|amount" */
  GHashTable             *touched;       /* medicine ids enriched by this file */
  GHashTable             *source_ids;    /* stored source id → item id */
  GHashTable             *medicine_keys; /* match keys of the stored medicines */
  GHashTable             *unsourced;     /* medicines with an item without source id */
  char                   *created_at;    /* time of this import */
  gint64                  first_medicine, last_medicine, first_item, last_item;
  int                     gip_year;
  HrbImportWriter        *writer;        /* the new items, written after the last row */
} Ctx;

static void
add_problem (GPtrArray *to, guint row, guint column, const char *column_name, const char *message)
{
  HrbImportProblem *p = g_new0 (HrbImportProblem, 1);

  p->row = row;
  p->column = column;
  p->column_name = g_strdup (column_name);
  p->message = g_strdup (message);
  g_ptr_array_add (to, p);
}

static gboolean
store_fail (Ctx *c, GError **error, GError *local)
{
  g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_STORE, "%s", local ? local->message : "?");
  g_clear_error (&local);
  return FALSE;
}

/* hrb_store_match_key(), with a fast path for plain ASCII. */
static char *
fold (const char *s)
{
  char *out, *q;

  if (s == NULL)
    return g_strdup ("");
  for (const char *p = s; *p; p++)
    if ((guchar) *p >= 0x80)
      return hrb_store_match_key (s);
  out = q = g_malloc (strlen (s) + 1);
  for (const char *p = s; *p; p++)
    if (g_ascii_isalnum (*p))
      *q++ = g_ascii_tolower (*p);
  *q = '\0';
  return out;
}

/* fold() into buf when s is short plain ASCII (no allocation), else a new
 * string in *owned. */
static const char *
fold_short (const char *s, char *buf, gsize size, char **owned)
{
  gsize n = 0;

  for (const char *p = s ? s : ""; *p; p++)
    {
      if ((guchar) *p >= 0x80 || n + 1 >= size)
        return *owned = fold (s);
      if (g_ascii_isalnum (*p))
        buf[n++] = g_ascii_tolower (*p);
    }
  buf[n] = '\0';
  return buf;
}

/* Header handling -------------------------------------------------------------- */

static int
find_header (Ctx *c, const char *name)
{
  g_autofree char *want = fold (name);

  for (guint i = 0; i < c->n_header; i++)
    {
      g_autofree char *have = fold (c->header[i]);
      if (g_strcmp0 (have, want) == 0)
        return (int) i;
    }
  return -1;
}

static char *
header_text (Ctx *c)
{
  g_autoptr(GString) s = g_string_new (NULL);
  char d[2] = { hrb_csv_reader_get_delimiter (c->reader), 0 };

  for (guint i = 0; i < c->n_header && i < 20; i++)
    {
      if (i)
        g_string_append (s, d[0] == '\t' ? "\\t" : d);
      g_string_append (s, c->header[i]);
    }
  if (c->n_header > 20)
    g_string_append (s, "…");
  if (s->len > 300)
    {
      g_string_truncate (s, 300);
      g_string_append (s, "…");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
file_problem (Ctx *c, guint row, guint column, const char *message)
{
  add_problem (c->result->problems, row, column, column > 0 && column <= c->n_header ? c->header[column - 1] : NULL,
               message);
  return FALSE;
}

typedef struct {
  Field       field;
  const char *name;
  gboolean    required;
} NamedColumn;

static gboolean
bind_named (Ctx *c, const NamedColumn *cols, guint n, const char *what)
{
  for (guint i = 0; i < n; i++)
    {
      int at = find_header (c, cols[i].name);
      if (at < 0 && cols[i].required)
        {
          g_autofree char *h = header_text (c);
          g_autofree char *msg = NULL;

          if (c->n_header == 1)
            msg = g_strdup_printf (_("only one column found: the file is not separated by “;”, “,” "
                                     "or a tab (wrong delimiter?)"));
          else
            msg = g_strdup_printf (_("missing required column “%s” for %s (the header is: %s)"),
                                   cols[i].name, what, h);
          return file_problem (c, 1, 0, msg);
        }
      c->col[cols[i].field] = at;
    }
  return TRUE;
}

static const NamedColumn horizonscan_snapshot[] = {
  { F_SOURCE_ID, "id", TRUE }, { F_DOMAIN, "domein", TRUE }, { F_PHASE, "fase", TRUE },
  { F_INDICATION, "indicatie", TRUE }, { F_SETTING, "kader", TRUE }, { F_COST, "kosten", TRUE },
  { F_BRAND, "merk", TRUE }, { F_SLUIS, "sluis", TRUE }, { F_INN, "stof", TRUE },
  { F_BUDGET, "totale_kosten", TRUE }, { F_EXPECTED, "verwacht", TRUE }, { F_PATIENTS, "volume", TRUE },
  { F_VALUE, "waarde", TRUE },
};

/* The official export: columns by position, with a word their header must
 * contain (folded) so that a changed layout stops the import. */
static const struct {
  Field field;
  guint position;
  const char *header;    /* as documented */
  const char *must_contain;
} horizonscan_official[] = {
  { F_INN, 0, "Active substance", "substance" },
  { F_DOMAIN, 1, "Domain", "domain" },
  { F_INDICATION, 3, "Main indication", "indication" },
  { F_BRAND, 5, "Brand", "brand" },
  { F_HOLDER, 8, "Manufacturer", "manufacturer" },
  { F_SETTING, 13, "Setting", "setting" },
  { F_ATMP, 20, "ATMP", "atmp" },
  { F_EXPECTED, 22, "Expected registration", "registration" },
  { F_ORPHAN, 23, "Orphan", "orphan" },
  { F_PHASE, 24, "Registration phase", "phase" },
  { F_SLUIS, 27, "Medicine sluice", "slui" },
  { F_VALUE, 30, "Therapeutic value", "therapeutic" },
  { F_PATIENTS, 37, "Patient volume", "volume" },
  { F_COST, 42, "Cost per patient", "cost" },
  { F_BUDGET, 45, "Total cost", "total" },
  { F_SOURCE_ID, 59, "id", "id" },
};

static gboolean
bind_horizonscan (Ctx *c)
{
  if (c->n_header >= 60)
    {
      for (guint i = 0; i < G_N_ELEMENTS (horizonscan_official); i++)
        {
          guint pos = horizonscan_official[i].position;
          g_autofree char *have = fold (c->header[pos]);

          if (strstr (have, horizonscan_official[i].must_contain) == NULL ||
              (horizonscan_official[i].field == F_SOURCE_ID && g_strcmp0 (have, "id") != 0))
            {
              g_autofree char *msg = g_strdup_printf (
                  _("the header of column %u is “%s”, the Horizonscan export has “%s” there: "
                    "the layout of the export has changed; stopping"),
                  pos + 1, c->header[pos], horizonscan_official[i].header);
              return file_problem (c, 1, pos + 1, msg);
            }
          c->col[horizonscan_official[i].field] = (int) pos;
        }
      return TRUE;
    }
  return bind_named (c, horizonscan_snapshot, G_N_ELEMENTS (horizonscan_snapshot),
                     _("a Horizonscan snapshot (or the 60-column Horizonscan export)"));
}

static const NamedColumn ema_columns[] = {
  { F_CATEGORY, "Category", TRUE }, { F_BRAND, "Medicine name", TRUE },
  { F_INN, "International non-proprietary name (INN) / common name", TRUE },
  { F_EMA_STATUS, "Authorisation status", TRUE }, { F_ATC, "ATC code", TRUE },
  { F_GENERIC, "Generic", TRUE }, { F_BIOSIMILAR, "Biosimilar", TRUE },
  { F_CONDITIONAL, "Conditional approval", TRUE }, { F_EXCEPTIONAL, "Exceptional circumstances", TRUE },
  { F_ACCELERATED, "Accelerated assessment", TRUE }, { F_ORPHAN, "Orphan medicine", TRUE },
  { F_AUTH_DATE, "Marketing authorisation date", TRUE },
  { F_HOLDER, "Marketing authorisation holder/company name", TRUE },
};

static gboolean
bind_gip_addon (Ctx *c)
{
  static const NamedColumn cols[] = {
    { F_ATC, "atc", TRUE }, { F_INN, "stof", TRUE }, { F_STATUS, "status", FALSE },
  };

  if (!bind_named (c, cols, G_N_ELEMENTS (cols), _("the GIP add-on file")))
    return FALSE;
  for (guint i = 0; i < c->n_header; i++)
    {
      g_autofree char *h = g_ascii_strdown (c->header[i], -1);
      if (g_str_has_prefix (h, "vergoeding_") && strlen (h) == strlen ("vergoeding_2024"))
        {
          c->gip_year = atoi (h + strlen ("vergoeding_"));
          c->col[F_BUDGET] = (int) i;
        }
    }
  if (c->col[F_BUDGET] < 0 || c->gip_year < 1990 || c->gip_year > 2100)
    {
      g_autofree char *h = header_text (c);
      g_autofree char *msg = g_strdup_printf (
          _("missing required column “vergoeding_YYYY” (the amount of a year) for the GIP add-on "
            "file (the header is: %s)"), h);
      return file_problem (c, 1, 0, msg);
    }
  return TRUE;
}

static gboolean
bind_gip_top500 (Ctx *c)
{
  static const NamedColumn cols[] = { { F_ATC_NAME, "ATC-code", TRUE } };

  return bind_named (c, cols, G_N_ELEMENTS (cols), _("the GIP top 500 file"));
}

static gboolean
bind_mapped (Ctx *c)
{
  const HrbImportMap *map = c->opts->map;

  for (int f = 0; target_names[f]; f++)
    {
      const char *spec = g_hash_table_lookup (map->columns, target_names[f]);
      int at;

      if (spec == NULL)
        continue;
      if (spec[0] == '#' && g_ascii_isdigit (spec[1]))
        {
          at = atoi (spec + 1) - 1;
          if (at < 0 || (guint) at >= c->n_header)
            {
              g_autofree char *msg = g_strdup_printf (_("the mapping names column %s for “%s”, "
                                                        "the file has %u columns"),
                                                      spec, target_names[f], c->n_header);
              return file_problem (c, 1, 0, msg);
            }
        }
      else if ((at = find_header (c, spec)) < 0)
        {
          g_autofree char *h = header_text (c);
          g_autofree char *msg = NULL;

          if (c->n_header == 1)
            msg = g_strdup (_("only one column found: the file is not separated by “;”, “,” "
                              "or a tab (wrong delimiter?)"));
          else
            msg = g_strdup_printf (_("missing required column “%s” (mapped to %s; the header is: %s)"),
                                   spec, target_names[f], h);
          return file_problem (c, 1, 0, msg);
        }
      c->col[f] = at;
    }
  return TRUE;
}

/* Values --------------------------------------------------------------------- */

static gboolean
row_problem (Ctx *c, const Row *row, Field f, const char *message)
{
  guint col = row->col[f];

  add_problem (c->result->problems, row->row, col,
               col > 0 && col <= c->n_header ? c->header[col - 1] : NULL, message);
  return FALSE;
}

/* Cells that say "unknown" in words or a dash. */
static gboolean
is_unknown_marker (const char *v)
{
  static const char *markers[] = {
    "-", "–", "—", "?", "n.b.", "nb", "n.b", "n.v.t.", "nvt", "n/a", "na", "onbekend", "unknown",
    "niet bekend", "geen", NULL
  };

  /* Numbers are the common case: no marker starts with a digit or a currency. */
  if (g_ascii_isdigit (v[0]) || v[0] == '<' || v[0] == '>' || g_str_has_prefix (v, "€"))
    return FALSE;
  for (guint i = 0; markers[i]; i++)
    if (g_ascii_strcasecmp (v, markers[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_range_field (Ctx *c, const Row *row, Field f, gboolean money, HrbRange *out)
{
  g_autoptr(GError) local = NULL;

  *out = HRB_RANGE_UNKNOWN;
  if (row->v[f] == NULL || is_unknown_marker (row->v[f]))
    return TRUE;
  if (!hrb_parse_range (row->v[f], c->decimal, out, &local))
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", c->header[row->col[f] - 1], local->message);
      return row_problem (c, row, f, msg);
    }
  if (money && c->zero_unknown)
    {
      if (out->low == 0)
        out->low = NAN;
      if (out->high == 0)
        out->high = NAN;
    }
  return TRUE;
}

static gboolean
parse_flag (Ctx *c, const Row *row, Field f, int *out)
{
  const char *v = row->v[f];

  *out = -1;
  if (v == NULL || c->col[f] < 0)
    return TRUE;
  if (!g_ascii_strcasecmp (v, "yes") || !g_ascii_strcasecmp (v, "ja") || !g_ascii_strcasecmp (v, "y") ||
      !g_ascii_strcasecmp (v, "j") || !g_ascii_strcasecmp (v, "true") || !strcmp (v, "1") ||
      !g_ascii_strcasecmp (v, "x"))
    *out = 1;
  else if (!g_ascii_strcasecmp (v, "no") || !g_ascii_strcasecmp (v, "nee") || !g_ascii_strcasecmp (v, "n") ||
           !g_ascii_strcasecmp (v, "false") || !strcmp (v, "0"))
    *out = 0;
  else if (is_unknown_marker (v) || !g_ascii_strcasecmp (v, "unknown") || !g_ascii_strcasecmp (v, "onbekend"))
    *out = -1;
  else if (c->opts->source == HRB_IMPORT_EMA)
    {
      g_autofree char *msg = g_strdup_printf (_("%s: “%s” is not yes or no"),
                                              c->header[row->col[f] - 1], v);
      return row_problem (c, row, f, msg);
    }
  else
    {
      /* Other sources: a flag is extra information; unknown, with a note. */
      g_autofree char *msg = g_strdup_printf (_("%s: “%s” is not yes or no; read as unknown"),
                                              c->header[row->col[f] - 1], v);
      add_problem (c->result->notes, row->row, row->col[f], c->header[row->col[f] - 1], msg);
    }
  return TRUE;
}

static gboolean
parse_date_field (Ctx *c, const Row *row, Field f, char **out)
{
  g_autoptr(GError) local = NULL;

  *out = NULL;
  if (row->v[f] == NULL)
    return TRUE;
  if (!hrb_parse_date (row->v[f], out, &local))
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", c->header[row->col[f] - 1], local->message);
      return row_problem (c, row, f, msg);
    }
  return TRUE;
}

static HrbSetting
setting_from_text (const char *v, HrbSetting fallback)
{
  g_autofree char *owned = NULL;
  char buf[64];
  const char *k;
  HrbSetting s;

  if (v == NULL)
    return fallback;
  if (hrb_setting_from_code (v, &s))
    return s;
  k = fold_short (v, buf, sizeof buf, &owned);
  if (strstr (k, "intramur") || strstr (k, "msz") || strstr (k, "hospital"))
    return HRB_SETTING_INTRAMURAL;
  if (strstr (k, "extramur") || strstr (k, "gvs"))
    return HRB_SETTING_EXTRAMURAL;
  return HRB_SETTING_UNKNOWN;
}

static gboolean
sluis_means_in (const char *v)
{
  g_autofree char *owned = NULL;
  char buf[64];
  const char *k = fold_short (v, buf, sizeof buf, &owned);

  return g_str_has_prefix (k, "indesluis") || g_str_has_prefix (k, "insluis") ||
         g_str_has_prefix (k, "inthesluice") || g_str_has_prefix (k, "insluice") ||
         g_strcmp0 (k, "insluis") == 0;
}

/* Makes s (allocated) the record's, to be freed with it; returns s. */
static char *
own (Rec *r, char *s)
{
  if (s != NULL)
    {
      g_assert (r->n_owned < G_N_ELEMENTS (r->owned));
      r->owned[r->n_owned++] = s;
    }
  return s;
}

static void
rec_clear (Rec *r)
{
  for (guint i = 0; i < r->n_owned; i++)
    g_free (r->owned[i]);
  memset (r, 0, sizeof *r);
}

/* The text of a field for the record (the row no longer has it). */
static char *
take (Row *row, Field f)
{
  return g_steal_pointer (&row->v[f]);
}

/* Turns a row into a record: 1 ok, 0 rejected (problems added), 2 left out. */
static int
build_record (Ctx *c, Row *row, Rec *r)
{
  HrbImportSource src = c->opts->source;
  gboolean ok = TRUE;

  r->orphan = r->conditional = r->exceptional = r->accelerated = r->atmp = r->biosimilar = r->generic = -1;
  r->patients = r->cost = r->budget = HRB_RANGE_UNKNOWN;

  if (src == HRB_IMPORT_GIP_TOP500)
    {
      /* "A02BC02 Pantoprazol (Pantozol ®)" */
      const char *v = row->v[F_ATC_NAME];
      const char *sp = v ? strchr (v, ' ') : NULL;
      g_autofree char *rest = NULL;
      char *paren;

      if (v == NULL || sp == NULL || sp - v > 7 || !g_ascii_isalpha (v[0]))
        return row_problem (c, row, F_ATC_NAME, _("expected an ATC code and a name, e.g. "
                                                  "“A02BC02 Pantoprazol (Pantozol ®)”"));
      r->atc = own (r, g_strndup (v, sp - v));
      rest = g_strstrip (g_strdup (sp + 1));
      if ((paren = strchr (rest, '(')) != NULL)
        {
          char *close = strrchr (paren, ')');
          g_autofree char *brand = g_strndup (paren + 1, close ? close - paren - 1 : (long) strlen (paren + 1));
          char *mark = strstr (brand, "®");
          if (mark)
            *mark = '\0';
          g_strstrip (brand);
          r->brand = *brand ? own (r, g_strdup (brand)) : NULL;
          *paren = '\0';
          g_strstrip (rest);
        }
      r->inn = own (r, g_strdup (rest));
      if (r->inn[0] == '\0')
        return row_problem (c, row, F_ATC_NAME, _("no substance name after the ATC code"));
      return TRUE;
    }

  r->inn = take (row, F_INN);
  r->brand = take (row, F_BRAND);
  r->atc = take (row, F_ATC);
  r->holder = take (row, F_HOLDER);
  if (r->atc)
    for (char *q = r->atc; *q; q++)
      *q = g_ascii_toupper (*q);   /* in place: the row's text */

  if (src == HRB_IMPORT_EMA)
    {
      const char *category = take (row, F_CATEGORY);
      r->ema_status = take (row, F_EMA_STATUS);
      ok &= parse_flag (c, row, F_GENERIC, &r->generic);
      ok &= parse_flag (c, row, F_BIOSIMILAR, &r->biosimilar);
      ok &= parse_flag (c, row, F_CONDITIONAL, &r->conditional);
      ok &= parse_flag (c, row, F_EXCEPTIONAL, &r->exceptional);
      ok &= parse_flag (c, row, F_ACCELERATED, &r->accelerated);
      ok &= parse_flag (c, row, F_ORPHAN, &r->orphan);
      ok &= parse_date_field (c, row, F_AUTH_DATE, &r->auth_date);
      own (r, r->auth_date);
      if (g_strcmp0 (category, "Human") != 0)
        {
          c->result->n_skipped++;
          return 2; /* left out, not rejected */
        }
      r->ema_addable = g_strcmp0 (r->ema_status, "Authorised") == 0;
    }
  else
    {
      ok &= parse_flag (c, row, F_ORPHAN, &r->orphan);
      ok &= parse_flag (c, row, F_ATMP, &r->atmp);
    }

  if (r->inn == NULL)
    {
      if (src == HRB_IMPORT_EMA && r->brand)
        r->inn = r->brand;   /* a few EMA rows have no INN */
      else
        {
          row->col[F_INN] = c->col[F_INN] + 1;
          row_problem (c, row, F_INN, _("the active substance (INN) is empty"));
          return FALSE;
        }
    }
  if (r->atc && (strlen (r->atc) > 7 || !g_ascii_isalpha (r->atc[0])))
    {
      if (src == HRB_IMPORT_EMA)
        r->atc = NULL;   /* e.g. "not assigned" */
      else
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not an ATC code (for example L01FF02)"), r->atc);
          return row_problem (c, row, F_ATC, msg);
        }
    }
  if (src == HRB_IMPORT_EMA)
    return ok;

  r->has_item = TRUE;
  r->source_id = take (row, F_SOURCE_ID);
  r->indication = take (row, F_INDICATION);
  r->domain = take (row, F_DOMAIN);
  r->phase = take (row, F_PHASE);
  r->value = take (row, F_VALUE);
  r->has_sluis = c->col[F_SLUIS] >= 0;
  r->sluis = take (row, F_SLUIS);
  ok &= parse_date_field (c, row, F_EXPECTED, &r->expected);
  own (r, r->expected);

  switch (src)
    {
    case HRB_IMPORT_HORIZONSCAN:
      r->setting = setting_from_text (row->v[F_SETTING], HRB_SETTING_UNKNOWN);
      r->status = r->sluis && sluis_means_in (r->sluis) ? HRB_STATUS_IN_SLUIS : HRB_STATUS_NOT_ADMITTED;
      if (r->source_id == NULL)
        {
          row->col[F_SOURCE_ID] = c->col[F_SOURCE_ID] + 1;
          return row_problem (c, row, F_SOURCE_ID, _("the Horizonscan id is empty"));
        }
      break;
    case HRB_IMPORT_GIP_ADDON:
      r->setting = HRB_SETTING_INTRAMURAL;
      r->status = HRB_STATUS_ADMITTED;
      if (row->v[F_STATUS] && g_ascii_strcasecmp (row->v[F_STATUS], "uitgesloten") == 0)
        r->status = HRB_STATUS_EXCLUDED;
      r->indication = NULL;     /* medicine-level */
      if (r->atc == NULL)
        {
          row->col[F_ATC] = c->col[F_ATC] + 1;
          return row_problem (c, row, F_ATC, _("the ATC code is empty"));
        }
      r->source_id = own (r, g_strconcat ("gip-addon:", r->atc, NULL));
      r->year = c->gip_year;
      break;
    case HRB_IMPORT_MAPPED:
    default:
      r->setting = setting_from_text (row->v[F_SETTING], c->opts->map->setting);
      r->status = c->opts->map->status;
      if (row->v[F_STATUS] && !hrb_status_from_code (row->v[F_STATUS], &r->status))
        {
          if (sluis_means_in (row->v[F_STATUS]))
            r->status = HRB_STATUS_IN_SLUIS;
          else
            {
              g_autofree char *msg = g_strdup_printf (
                  _("“%s” is not a package status (not_admitted, in_sluis, admitted, conditional, excluded)"),
                  row->v[F_STATUS]);
              ok = row_problem (c, row, F_STATUS, msg);
            }
        }
      else if (r->sluis && sluis_means_in (r->sluis) && row->v[F_STATUS] == NULL)
        r->status = HRB_STATUS_IN_SLUIS;
      r->year = c->opts->map->year;
      if (row->v[F_YEAR])
        {
          char *end = NULL;
          gint64 y = g_ascii_strtoll (row->v[F_YEAR], &end, 10);
          if (end == NULL || *end != '\0' || y < 1990 || y > 2100)
            {
              g_autofree char *msg = g_strdup_printf (_("“%s” is not a year (1990 to 2100)"), row->v[F_YEAR]);
              ok = row_problem (c, row, F_YEAR, msg);
            }
          else
            r->year = (int) y;
        }
      break;
    }

  {
    HrbRange lo, hi;
    ok &= parse_range_field (c, row, F_PATIENTS, FALSE, &r->patients);
    ok &= parse_range_field (c, row, F_COST, TRUE, &r->cost);
    ok &= parse_range_field (c, row, F_BUDGET, TRUE, &r->budget);
    /* Separate low and high columns (mapped files). */
    for (int k = 0; k < 3; k++)
      {
        Field fl = (Field) (F_PATIENTS_LOW + 3 * k), fh = (Field) (F_PATIENTS_HIGH + 3 * k);
        HrbRange *target = k == 0 ? &r->patients : (k == 1 ? &r->cost : &r->budget);

        if (row->v[fl] == NULL && row->v[fh] == NULL)
          continue;
        ok &= parse_range_field (c, row, fl, k > 0, &lo);
        ok &= parse_range_field (c, row, fh, k > 0, &hi);
        if (hrb_is_known (lo.low))
          target->low = lo.low;
        if (hrb_is_known (hi.high))
          target->high = hi.high;
        if (hrb_is_known (target->low) && hrb_is_known (target->high) && target->low > target->high)
          ok = row_problem (c, row, fh, _("the low value is above the high value"));
      }
  }
  r->has_figure = hrb_range_is_known (r->patients) || hrb_range_is_known (r->cost) ||
                  hrb_range_is_known (r->budget) || hrb_is_known (r->patients.low) ||
                  hrb_is_known (r->patients.high) || hrb_is_known (r->cost.low) ||
                  hrb_is_known (r->cost.high) || hrb_is_known (r->budget.low) ||
                  hrb_is_known (r->budget.high);
  return ok;
}

/* Planning and applying ----------------------------------------------------------- */

static char *
range_text (HrbRange r)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  if (!hrb_is_known (r.low) && !hrb_is_known (r.high))
    return NULL;
  if (hrb_is_known (r.low))
    g_ascii_formatd (a, sizeof a, "%.15g", r.low);
  if (hrb_is_known (r.high))
    g_ascii_formatd (b, sizeof b, "%.15g", r.high);
  if (!hrb_is_known (r.low))
    return g_strdup_printf ("< %s", b);
  if (!hrb_is_known (r.high))
    return g_strdup_printf ("> %s", a);
  if (r.low == r.high)
    return g_strdup (a);
  return g_strdup_printf ("%s - %s", a, b);
}

static gboolean
same_double (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < 0.005;
}

static gboolean
same_range (HrbRange a, HrbRange b)
{
  return same_double (a.low, b.low) && same_double (a.high, b.high);
}

static char *
rec_label (const Rec *r)
{
  /* "Voxzogo (vosoritide): Achondroplasie"; one allocation (a label is made
   * for every added medicine and item). */
  const char *indication = r->indication ? r->indication : _("all indications");

  if (r->brand)
    return g_strconcat (r->brand, " (", r->inn, ")", r->has_item ? ": " : "",
                        r->has_item ? indication : "", NULL);
  return g_strconcat (r->inn, r->has_item ? ": " : "", r->has_item ? indication : "", NULL);
}

static gboolean
log_change (Ctx *c, const char *kind, gint64 item_id, gint64 medicine_id, guint row,
            const char *label, const char *field, const char *old_value, const char *new_value,
            GError **error)
{
  HrbImportChange *ch = hrb_import_change_new (kind);
  GError *local = NULL;

  ch->batch_id = c->batch_id;
  ch->item_id = item_id;
  ch->medicine_id = medicine_id;
  ch->row = row;
  ch->label = g_strdup (label);
  ch->field = g_strdup (field);
  ch->old_value = g_strdup (old_value);
  ch->new_value = g_strdup (new_value);
  /* Added medicines and items are marked by their batch_id in the store. */
  if (c->writing && strcmp (kind, "new") != 0 && strcmp (kind, "new-medicine") != 0 &&
      !hrb_store_insert_import_change (c->store, ch, &local))
    {
      hrb_import_change_free (ch);
      return store_fail (c, error, local);
    }
  if (c->result->changes->len < MAX_KEPT_CHANGES)
    g_ptr_array_add (c->result->changes, ch);
  else
    hrb_import_change_free (ch);
  return TRUE;
}

static char *
medicine_key (const char *atc, const char *folded_inn, const char *brand)
{
  g_autofree char *b = brand ? g_utf8_casefold (brand, -1) : NULL;

  return g_strconcat (atc ? atc : "", "|", folded_inn, "|", b ? b : "", NULL);
}

#define TEXT_CHANGE(fld, name)                                                        \
  if (r->fld != NULL && g_strcmp0 (m->fld, r->fld) != 0)                              \
    {                                                                                 \
      if (!log_change (c, "medicine", 0, m->id, row, label, name, m->fld, r->fld, error)) \
        return FALSE;                                                                 \
      g_free (m->fld);                                                                \
      m->fld = g_strdup (r->fld);                                                     \
      changed = TRUE;                                                                 \
    }
#define FLAG_CHANGE(fld, name)                                                        \
  if (r->fld >= 0 && m->fld != r->fld)                                                \
    {                                                                                 \
      if (!log_change (c, "medicine", 0, m->id, row, label, name, m->fld ? "1" : "0", \
                       r->fld ? "1" : "0", error))                                    \
        return FALSE;                                                                 \
      m->fld = r->fld;                                                                \
      changed = TRUE;                                                                 \
    }

/* Applies the medicine part of a record to medicine m (in place); sets
 * *changed. full: the source is authoritative for the flags (EMA). */
static gboolean
enrich_medicine (Ctx *c, HrbMedicine *m, const Rec *r, guint row, gboolean full,
                 gboolean *out_changed, GError **error)
{
  g_autofree char *label = rec_label (r);
  gboolean changed = FALSE;

  if (m->atc == NULL && r->atc)
    {
      TEXT_CHANGE (atc, "atc");
    }
  if (m->brand == NULL && r->brand)
    {
      TEXT_CHANGE (brand, "brand");
    }
  if (full)
    {
      TEXT_CHANGE (holder, "holder");
      if (r->auth_date != NULL && g_strcmp0 (m->authorisation_date, r->auth_date) != 0)
        {
          if (!log_change (c, "medicine", 0, m->id, row, label, "authorisation_date",
                           m->authorisation_date, r->auth_date, error))
            return FALSE;
          g_free (m->authorisation_date);
          m->authorisation_date = g_strdup (r->auth_date);
          changed = TRUE;
        }
      TEXT_CHANGE (ema_status, "ema_status");
      FLAG_CHANGE (orphan, "orphan");
      FLAG_CHANGE (conditional, "conditional");
      FLAG_CHANGE (exceptional, "exceptional");
      FLAG_CHANGE (accelerated, "accelerated");
      FLAG_CHANGE (biosimilar, "biosimilar");
      FLAG_CHANGE (generic, "generic");
    }
  else
    {
      if (r->holder && m->holder == NULL)
        {
          TEXT_CHANGE (holder, "holder");
        }
      if (r->orphan == 1 && !m->orphan)
        {
          FLAG_CHANGE (orphan, "orphan");
        }
    }
  if (r->atmp == 1 && !m->atmp)
    {
      FLAG_CHANGE (atmp, "atmp");
    }
  *out_changed = changed;
  return TRUE;
}

/* The medicine of a record; its texts are the record's. */
static void
rec_to_medicine (const Rec *r, HrbMedicine *m)
{
  m->inn = r->inn;
  m->brand = r->brand;
  m->atc = r->atc;
  m->holder = r->holder;
  m->authorisation_date = r->auth_date;
  m->ema_status = r->ema_status;
  m->orphan = r->orphan == 1;
  m->conditional = r->conditional == 1;
  m->exceptional = r->exceptional == 1;
  m->accelerated = r->accelerated == 1;
  m->atmp = r->atmp == 1;
  m->biosimilar = r->biosimilar == 1;
  m->generic = r->generic == 1;
}

/* Resolves (or adds) the medicine of a record. *id > 0 stored, < 0 planned. */
static gboolean
resolve_medicine (Ctx *c, const Rec *r, guint row, gint64 *id, gboolean *is_new, GError **error)
{
  gboolean ema = c->opts->source == HRB_IMPORT_EMA;
  g_autofree char *folded_owned = NULL, *key_owned = NULL;
  char folded_buf[128], key_buf[160];
  const char *folded = fold_short (r->inn, folded_buf, sizeof folded_buf, &folded_owned);
  const char *key;
  GError *local = NULL;
  gpointer cached;

  /* The key on the stack when it fits (this runs for every row). */
  if (!ema && g_snprintf (key_buf, sizeof key_buf, "%s|%s|", r->atc ? r->atc : "", folded) < (int) sizeof key_buf)
    key = key_buf;
  else
    key = key_owned = medicine_key (r->atc, folded, ema ? r->brand : NULL);

  *is_new = FALSE;
  if (g_hash_table_lookup_extended (c->medicines, key, NULL, &cached))
    {
      *id = *(gint64 *) cached;
      return TRUE;
    }
  if (!g_hash_table_contains (c->medicine_keys, folded))
    *id = 0;    /* no medicine with this INN is stored */
  else if (ema)
    {
      *id = hrb_store_find_medicine_by_brand (c->store, r->atc, r->inn, r->brand, &local);
      /* A medicine without a brand (e.g. from GIP) takes the reference
       * product, not a generic or a biosimilar of it. */
      if (*id == 0 && local == NULL && r->generic != 1 && r->biosimilar != 1)
        *id = hrb_store_find_unbranded_medicine (c->store, r->atc, r->inn, &local);
    }
  else
    *id = hrb_store_find_medicine (c->store, r->atc, r->inn, &local);
  if (local)
    return store_fail (c, error, local);

  if (*id == 0 && (!ema || r->ema_addable))
    {
      HrbMedicine m = { 0 };

      rec_to_medicine (r, &m);
      if (c->writing)
        {
          /* Written with the new items after the last row. */
          *id = hrb_import_writer_add_medicine (c->writer, &m, folded, &local);
          if (*id == 0)
            return store_fail (c, error, local);
          if (c->first_medicine == 0)
            c->first_medicine = *id;
          c->last_medicine = *id;
        }
      else
        *id = c->next_pseudo--;
      *is_new = TRUE;
      c->result->n_new_medicines++;
      g_hash_table_add (c->touched, g_memdup2 (id, sizeof *id));
      /* Added medicines are marked in the store; the in-memory log keeps the first. */
      if (c->result->changes->len < MAX_KEPT_CHANGES)
        {
          g_autofree char *label = rec_label (r);

          if (!log_change (c, "new-medicine", 0, *id, row, label, NULL, NULL, r->inn, error))
            return FALSE;
        }
    }
  {
    gint64 *slot = g_new (gint64, 1);
    *slot = *id;
    g_hash_table_insert (c->medicines, key_owned ? g_steal_pointer (&key_owned) : g_strdup (key), slot);
  }
  return TRUE;
}

static gboolean
apply_ema (Ctx *c, const Rec *r, guint row, GError **error)
{
  gint64 id;
  gboolean is_new, changed = FALSE;
  g_autoptr(HrbMedicine) m = NULL;
  GError *local = NULL;

  if (!resolve_medicine (c, r, row, &id, &is_new, error))
    return FALSE;
  if (id == 0)
    {
      c->result->n_skipped++;      /* refused or withdrawn and not known */
      return TRUE;
    }
  if (is_new)
    {
      c->result->n_new++;
      return TRUE;
    }
  if (id < 0)
    {
      c->result->n_skipped++;     /* a repeat of a planned medicine */
      return TRUE;
    }
  /* A medicine listed twice (e.g. an authorised and a withdrawn product of
   * the same name): the first row counts. */
  if (g_hash_table_contains (c->touched, &id))
    {
      c->result->n_skipped++;
      return TRUE;
    }
  g_hash_table_add (c->touched, g_memdup2 (&id, sizeof id));
  if ((m = hrb_store_get_medicine (c->store, id, &local)) == NULL)
    return store_fail (c, error, local);
  if (!enrich_medicine (c, m, r, row, TRUE, &changed, error))
    return FALSE;
  if (changed && c->writing && !hrb_store_update_medicine (c->store, m, &local))
    return store_fail (c, error, local);
  if (changed)
    c->result->n_updated++;
  else
    c->result->n_unchanged++;
  return TRUE;
}

static gboolean
item_text_change (Ctx *c, gint64 item_id, gint64 med_id, guint row, const char *label,
                  const char *field, char **have, const char *want, gboolean *changed, GError **error)
{
  if (g_strcmp0 (*have, want) == 0)
    return TRUE;
  if (!log_change (c, "changed", item_id, med_id, row, label, field, *have, want, error))
    return FALSE;
  g_free (*have);
  *have = g_strdup (want);
  *changed = TRUE;
  return TRUE;
}

static gboolean
apply_item (Ctx *c, const Rec *r, guint row, GError **error)
{
  g_autofree char *label = NULL;
  g_autofree char *item_key = NULL;
  g_autoptr(HrbItem) item = NULL;
  g_autoptr(HrbFigure) old = NULL;
  GError *local = NULL;
  gint64 med_id, item_id = 0;
  gboolean med_new, changed = FALSE, adopt = FALSE;
  gpointer cached;

  if (!resolve_medicine (c, r, row, &med_id, &med_new, error))
    return FALSE;
  /* The first row of a medicine enriches it (ATC, brand, flags); later rows
   * of the same medicine in this file do not read it again. */
  if (!med_new && med_id > 0 && !g_hash_table_contains (c->touched, &med_id) &&
      (r->atc || r->brand || r->atmp == 1 || r->orphan == 1 || r->holder))
    {
      g_autoptr(HrbMedicine) m = hrb_store_get_medicine (c->store, med_id, &local);
      gboolean mchanged = FALSE;

      if (m == NULL)
        return store_fail (c, error, local);
      if (!enrich_medicine (c, m, r, row, FALSE, &mchanged, error))
        return FALSE;
      if (mchanged && c->writing && !hrb_store_update_medicine (c->store, m, &local))
        return store_fail (c, error, local);
      changed |= mchanged;
      g_hash_table_add (c->touched, g_memdup2 (&med_id, sizeof med_id));
    }

  /* Find the item. Rows with a source id are unique in the file (repeats
   * are rejected or left out before), so only the others are cached. */
  if (r->source_id == NULL)
    {
      char num[32];
      g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT "|", med_id);
      item_key = g_strconcat (num, r->indication ? r->indication : "", NULL);
    }
  if (item_key && g_hash_table_lookup_extended (c->items, item_key, NULL, &cached))
    item_id = *(gint64 *) cached;
  else if (med_id > 0 || r->source_id)
    {
      if (r->source_id)
        {
          gint64 *known = g_hash_table_lookup (c->source_ids, r->source_id);
          item_id = known ? *known : 0;
        }
      /* Else the item of this medicine and indication that has no source id
       * yet (entered by hand): it takes the source id. */
      if (item_id == 0 && med_id > 0 && g_hash_table_contains (c->unsourced, &med_id))
        {
          item_id = hrb_store_find_item_for_import (c->store, med_id, r->indication, &local);
          adopt = item_id > 0 && r->source_id != NULL;
        }
      if (local)
        return store_fail (c, error, local);
    }

  if (item_id == 0)
    {
      gint64 *slot = g_new (gint64, 1);

      if (c->writing)
        {
          /* Written with the other new items after the last row (the
           * writer keeps a copy of the texts). */
          HrbItem it = { 0 };

          it.medicine_id = med_id;
          it.indication = r->indication;
          it.domain = r->domain;
          it.setting = r->setting;
          it.status = r->status;
          it.source_id = r->source_id;
          it.phase = r->phase;
          it.expected_registration = r->expected;
          it.therapeutic_value = r->value;
          it.figure.year = r->year;
          it.figure.patients = r->patients;
          it.figure.cost = r->cost;
          it.figure.budget = r->budget;
          item_id = hrb_import_writer_add (c->writer, &it, r->sluis, r->has_figure, &local);
          if (item_id == 0)
            {
              g_free (slot);
              return store_fail (c, error, local);
            }
          if (c->first_item == 0)
            c->first_item = item_id;
          c->last_item = item_id;
        }
      else
        item_id = c->next_pseudo--;
      *slot = item_id;
      if (item_key)
        g_hash_table_insert (c->items, g_steal_pointer (&item_key), slot);
      else
        g_free (slot);
      c->result->n_new++;
      /* Added items are marked in the store; the in-memory log keeps the first. */
      if (c->result->changes->len >= MAX_KEPT_CHANGES)
        return TRUE;
      label = rec_label (r);
      return log_change (c, "new", item_id, med_id, row, label, NULL, NULL, r->source_id, error);
    }

  if (item_key)
    {
      gint64 *slot = g_new (gint64, 1);
      *slot = item_id;
      g_hash_table_insert (c->items, g_steal_pointer (&item_key), slot);
    }
  if (item_id < 0)
    {
      c->result->n_unchanged++;
      return TRUE;
    }
  /* A second row for an item this file added: it is compared with what is
   * stored, so the items added so far are written first. */
  if (c->writing && hrb_import_writer_holds (c->writer, item_id) &&
      !hrb_import_writer_flush (c->writer, FALSE, c->opts->cancellable, &local))
    return store_fail (c, error, local);

  /* Compare with what is stored. */
  label = rec_label (r);
  if ((item = hrb_store_get_item (c->store, item_id, &local)) == NULL)
    return store_fail (c, error, local);
  {
    g_autofree char *sluis = hrb_store_get_item_sluis (c->store, item_id);
    gboolean item_changed = FALSE;
    const char *old_status = hrb_status_to_code (item->status);

    /* Only what the file has a column for; an empty cell clears. */
    if ((c->col[F_PHASE] >= 0 &&
         !item_text_change (c, item_id, med_id, row, label, "phase", &item->phase, r->phase, &item_changed, error)) ||
        (c->col[F_DOMAIN] >= 0 &&
         !item_text_change (c, item_id, med_id, row, label, "domain", &item->domain, r->domain, &item_changed, error)) ||
        (c->col[F_EXPECTED] >= 0 &&
         !item_text_change (c, item_id, med_id, row, label, "expected_registration",
                            &item->expected_registration, r->expected, &item_changed, error)) ||
        (c->col[F_VALUE] >= 0 &&
         !item_text_change (c, item_id, med_id, row, label, "therapeutic_value",
                            &item->therapeutic_value, r->value, &item_changed, error)))
      return FALSE;
    if (r->source_id && !adopt && c->col[F_INDICATION] >= 0 && !item_text_change (c, item_id, med_id, row, label, "indication",
                                                     &item->indication, r->indication, &item_changed, error))
      return FALSE;
    if (adopt && !item_text_change (c, item_id, med_id, row, label, "source_id", &item->source_id,
                                    r->source_id, &item_changed, error))
      return FALSE;
    if (item->setting != r->setting && r->setting != HRB_SETTING_UNKNOWN)
      {
        if (!log_change (c, "changed", item_id, med_id, row, label, "setting",
                         hrb_setting_to_code (item->setting), hrb_setting_to_code (r->setting), error))
          return FALSE;
        item->setting = r->setting;
        item_changed = TRUE;
      }
    if (item->status != r->status &&
        (c->opts->source != HRB_IMPORT_MAPPED || c->col[F_STATUS] >= 0 || c->col[F_SLUIS] >= 0))
      {
        if (!log_change (c, "changed", item_id, med_id, row, label, "package_status", old_status,
                         hrb_status_to_code (r->status), error))
          return FALSE;
        item->status = r->status;
        item_changed = TRUE;
      }
    if (item_changed && c->writing && !hrb_store_update_item (c->store, item, &local))
      return store_fail (c, error, local);
    if (r->has_sluis && g_strcmp0 (sluis, r->sluis) != 0)
      {
        if (!log_change (c, "changed", item_id, med_id, row, label, "sluis", sluis, r->sluis, error))
          return FALSE;
        if (c->writing && !hrb_store_set_item_sluis (c->store, item_id, r->sluis, &local))
          return store_fail (c, error, local);
        item_changed = TRUE;
      }
    changed |= item_changed;
  }

  old = hrb_store_latest_figure_from (c->store, item_id, c->label, &local);
  if (local)
    return store_fail (c, error, local);
  if (r->has_figure || old != NULL)
    {
      HrbRange none = HRB_RANGE_UNKNOWN;
      HrbRange op = old ? old->patients : none, oc = old ? old->cost : none, ob = old ? old->budget : none;
      int oy = old ? old->year : 0;
      gboolean fig_changed = FALSE;
      const struct { const char *name; HrbRange a, b; } cmp[] = {
        { "patients", op, r->patients }, { "cost", oc, r->cost }, { "budget", ob, r->budget },
      };

      for (guint k = 0; k < G_N_ELEMENTS (cmp); k++)
        if (!same_range (cmp[k].a, cmp[k].b))
          {
            g_autofree char *a = range_text (cmp[k].a);
            g_autofree char *b = range_text (cmp[k].b);
            if (!log_change (c, "changed", item_id, med_id, row, label, cmp[k].name, a, b, error))
              return FALSE;
            fig_changed = TRUE;
          }
      if (oy != r->year && r->year != 0)
        {
          g_autofree char *a = oy ? g_strdup_printf ("%d", oy) : NULL;
          g_autofree char *b = g_strdup_printf ("%d", r->year);
          if (!log_change (c, "changed", item_id, med_id, row, label, "year", a, b, error))
            return FALSE;
          fig_changed = TRUE;
        }
      if (fig_changed && c->writing)
        {
          HrbFigure f = { 0 };
          f.item_id = item_id;
          f.year = r->year;
          f.patients = r->patients;
          f.cost = r->cost;
          f.budget = r->budget;
          f.source = (char *) c->label;
          f.vintage = c->result->vintage;
          f.batch_id = c->batch_id;
          f.list_price = TRUE;
          if (hrb_store_add_figure (c->store, &f, &local) == 0)
            return store_fail (c, error, local);
        }
      changed |= fig_changed;
    }
  if (changed)
    c->result->n_updated++;
  else
    c->result->n_unchanged++;
  return TRUE;
}

/* Rows that repeat an ATC in the GIP add-on file: the same medicine in another
 * cluster. It must carry the same amount; it is then one item, not summed. */
static int
gip_repeat (Ctx *c, const Row *row, const Rec *r)
{
  char *seen = g_hash_table_lookup (c->gip_seen, r->atc);
  g_autofree char *amount = range_text (r->budget);

  if (seen == NULL)
    {
      g_hash_table_insert (c->gip_seen, g_strdup (r->atc),
                           g_strdup_printf ("%u|%s", row->row, amount ? amount : ""));
      return 0;
    }
  if (g_strcmp0 (strchr (seen, '|') + 1, amount ? amount : "") == 0)
    return 1;
  {
    g_autofree char *msg = g_strdup_printf (
        _("%s appears on row %u with another amount (%s); an amount is per medicine and cannot differ "
          "between clusters"), r->atc, (guint) atoi (seen), strchr (seen, '|') + 1);
    row_problem (c, row, F_BUDGET, msg);
  }
  return -1;
}

static gboolean
process_row (Ctx *c, char **fields, guint n_fields, guint rowno, GError **error)
{
  Row row = { 0 };
  Rec rec = { 0 };
  gboolean ok = TRUE;
  int built;
  guint before = c->result->problems->len;

  row.row = rowno;
  if (n_fields != c->n_header)
    {
      g_autofree char *msg = g_strdup_printf (
          _("this row has %u fields, the header has %u (a wrong delimiter or a stray quote?)"),
          n_fields, c->n_header);
      add_problem (c->result->problems, rowno, MIN (n_fields, c->n_header) + (n_fields < c->n_header),
                   NULL, msg);
      if (c->opts->row_func)
        {
          HrbImportPreviewRow pr = { rowno, NULL, HRB_RANGE_UNKNOWN, HRB_RANGE_UNKNOWN, HRB_RANGE_UNKNOWN, msg };
          c->opts->row_func (&pr, c->opts->row_data);
        }
      goto rejected;
    }
  for (int f = 0; f < F_N; f++)
    {
      row.col[f] = c->col[f] >= 0 ? (guint) c->col[f] + 1 : 0;
      if (c->col[f] >= 0)
        {
          /* The reader's text, trimmed in place; a column mapped twice is
           * copied (the record may change its texts in place). */
          char *v = fields[c->col[f]];

          if (v == NULL)
            continue;
          for (int g = 0; g < f; g++)
            if (c->col[g] == c->col[f])
              {
                v = own (&rec, g_strdup (v));
                break;
              }
          g_strstrip (v);
          if (*v != '\0')
            row.v[f] = v;
        }
    }

  built = build_record (c, &row, &rec);
  if (built == 2)
    goto out;
  if (c->opts->row_func)
    {
      g_autofree char *label = rec.inn ? rec_label (&rec) : NULL;
      HrbImportPreviewRow pr = { rowno, label, rec.patients, rec.cost, rec.budget, NULL };

      if (c->result->problems->len > before)
        pr.problem = ((HrbImportProblem *) g_ptr_array_index (c->result->problems, before))->message;
      c->opts->row_func (&pr, c->opts->row_data);
    }
  if (!built || c->result->problems->len > before)
    goto rejected;

  if (rec.source_id && c->opts->source != HRB_IMPORT_GIP_ADDON)
    {
      gpointer first = g_hash_table_lookup (c->seen_ids, rec.source_id);
      if (first)
        {
          g_autofree char *msg = g_strdup_printf (_("duplicate id “%s” (also on row %u)"), rec.source_id,
                                                  GPOINTER_TO_UINT (first));
          row.col[F_SOURCE_ID] = c->col[F_SOURCE_ID] + 1;
          row_problem (c, &row, F_SOURCE_ID, msg);
          goto rejected;
        }
      g_hash_table_insert (c->seen_ids, g_string_chunk_insert (c->ids, rec.source_id), GUINT_TO_POINTER (rowno));
    }
  if (c->opts->source == HRB_IMPORT_GIP_ADDON)
    {
      int rep = gip_repeat (c, &row, &rec);
      if (rep < 0)
        goto rejected;
      if (rep > 0)
        {
          c->result->n_skipped++;
          goto out;
        }
      g_hash_table_insert (c->seen_ids, g_string_chunk_insert (c->ids, rec.source_id), GUINT_TO_POINTER (rowno));
    }

  if (c->opts->source == HRB_IMPORT_HORIZONSCAN && c->zero_unknown)
    {
      /* Horizonscan writes € 0.00 where no price is public: unknown, not free. */
      if (row.v[F_COST] && !hrb_range_is_known (rec.cost) && !hrb_is_known (rec.cost.low) &&
          !hrb_is_known (rec.cost.high))
        add_problem (c->result->notes, rowno, row.col[F_COST], c->header[c->col[F_COST]],
                     _("a cost of € 0.00 is read as unknown"));
      if (row.v[F_BUDGET] && !hrb_is_known (rec.budget.low) && !hrb_is_known (rec.budget.high))
        add_problem (c->result->notes, rowno, row.col[F_BUDGET], c->header[c->col[F_BUDGET]],
                     _("a total cost of € 0.00 is read as unknown"));
    }

  /* After a rejected row an import writes nothing more, but a dry run plans
   * every valid row (what "import the valid rows only" would do). */
  if (!c->failed || c->opts->skip_invalid || c->opts->dry_run)
    {
      if (c->opts->source == HRB_IMPORT_EMA)
        ok = apply_ema (c, &rec, rowno, error);
      else if (c->opts->source == HRB_IMPORT_GIP_TOP500)
        {
          gint64 id;
          gboolean is_new;
          ok = resolve_medicine (c, &rec, rowno, &id, &is_new, error);
          if (ok && is_new)
            c->result->n_new++;
          else if (ok)
            c->result->n_unchanged++;
        }
      else
        ok = apply_item (c, &rec, rowno, error);
    }
  goto out;

rejected:
  c->result->n_rejected++;
  if (!c->opts->skip_invalid && !c->failed)
    {
      c->failed = TRUE;
      if (c->writing)
        {
          hrb_store_rollback (c->store);
          c->writing = FALSE;
        }
    }
  else if (c->opts->skip_invalid && c->writing)
    {
      for (guint i = before; i < c->result->problems->len; i++)
        {
          HrbImportProblem *p = g_ptr_array_index (c->result->problems, i);
          HrbImportChange ch = { 0 };
          GError *local = NULL;

          ch.batch_id = c->batch_id;
          ch.kind = (char *) "rejected";
          ch.row = p->row;
          ch.column = p->column;
          ch.field = p->column_name;
          ch.new_value = p->message;
          if (!hrb_store_insert_import_change (c->store, &ch, &local))
            {
              ok = store_fail (c, error, local);
              break;
            }
        }
    }
out:
  rec_clear (&rec);
  return ok;
}

/* The progress bar: reading the file, then writing what it adds (the rest is
 * building indexes and the commit). */
#define READ_PART 0.85
#define WRITE_PART 0.12

static void
writer_progress_cb (double done, gpointer data)
{
  Ctx *c = data;

  c->opts->progress (READ_PART + WRITE_PART * done, c->opts->progress_data);
}

static gboolean
mark_removed (Ctx *c, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) sids = g_ptr_array_new_with_free_func (g_free);
  GError *local = NULL;

  /* No item had a source id before: every one there is now came with this
   * file (added, or a hand-entered item that took its id). */
  if (g_hash_table_size (c->source_ids) == 0)
    return TRUE;
  if (!hrb_store_list_source_items (c->store, c->label, c->batch_id, ids, sids, &local))
    return store_fail (c, error, local);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *sid = g_ptr_array_index (sids, i);
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(HrbItem) item = NULL;
      g_autofree char *label = NULL;

      if (g_hash_table_contains (c->seen_ids, sid))
        continue;
      if ((item = hrb_store_get_item (c->store, id, &local)) == NULL)
        return store_fail (c, error, local);
      label = g_strdup_printf ("%s: %s", hrb_medicine_display_name (&item->medicine),
                               item->indication ? item->indication : _("all indications"));
      if (!log_change (c, "removed", id, item->medicine_id, 0, label, NULL, sid, NULL, error))
        return FALSE;
      c->result->n_removed++;
    }
  return TRUE;
}

static char *
today (HrbStore *store)
{
  g_autofree char *now = hrb_store_now (store);

  return g_strndup (now, 10);
}

gboolean
hrb_import_file (HrbStore *store, const char *path, const HrbImportOptions *options,
                 HrbImportResult **result_out, GError **error)
{
  HrbImportResult *res = g_new0 (HrbImportResult, 1);
  g_autoptr(HrbCsvReader) reader = NULL;
  g_autoptr(GError) local = NULL;
  HrbCsvOptions csv_opts = { 0 };
  Ctx c = { 0 };
  const char * const *fields;
  char **data_fields;
  guint n_fields;
  gboolean ok = FALSE;
  guint n = 0;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  res->file = g_strdup (path);
  res->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  res->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  res->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_import_change_free);
  if (result_out)
    *result_out = res;

  c.store = store;
  c.opts = options;
  c.result = res;
  c.label = hrb_import_source_label (options->source);
  c.decimal = HRB_DECIMAL_AUTO;
  c.next_pseudo = -1;
  for (int f = 0; f < F_N; f++)
    c.col[f] = -1;
  c.medicines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  c.ids = g_string_chunk_new (64 * 1024);
  c.gip_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c.created_at = hrb_store_now (store);
  c.source_ids = hrb_store_import_source_ids (store, &local);
  c.medicine_keys = c.source_ids ? hrb_store_import_medicine_keys (store, &local) : NULL;
  c.unsourced = c.medicine_keys ? hrb_store_import_unsourced_medicines (store, &local) : NULL;
  if (c.source_ids == NULL || c.medicine_keys == NULL || c.unsourced == NULL)
    {
      store_fail (&c, error, g_steal_pointer (&local));
      goto done;
    }

  switch (options->source)
    {
    case HRB_IMPORT_HORIZONSCAN:
      c.zero_unknown = TRUE;
      c.decimal = HRB_DECIMAL_POINT;
      break;
    case HRB_IMPORT_GIP_TOP500:
      c.decimal = HRB_DECIMAL_COMMA;
      break;
    case HRB_IMPORT_MAPPED:
      if (options->map == NULL)
        {
          g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_MAP,
                       _("the mapped source needs a mapping file (--map)"));
          goto done;
        }
      c.label = options->map->source;
      c.decimal = options->map->decimal;
      c.zero_unknown = options->map->zero_is_unknown;
      csv_opts.delimiter = options->map->delimiter;
      csv_opts.encoding = options->map->encoding;
      break;
    default:
      break;
    }

  /* Overrides from the caller (the assistant's format step). */
  if (options->delimiter)
    csv_opts.delimiter = options->delimiter;
  if (options->encoding != HRB_CSV_ENCODING_AUTO)
    csv_opts.encoding = options->encoding;
  if (options->decimal != HRB_DECIMAL_AUTO)
    c.decimal = options->decimal;

  if (options->vintage && *options->vintage)
    {
      g_autofree char *iso = NULL;
      if (!hrb_parse_date (options->vintage, &iso, NULL) || strlen (iso) != 10)
        {
          g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_MAP,
                       _("the vintage “%s” is not a date (YYYY-MM-DD)"), options->vintage);
          goto done;
        }
      res->vintage = g_steal_pointer (&iso);
    }
  else
    res->vintage = today (store);

  reader = hrb_csv_reader_open (path, &csv_opts, &local);
  if (reader == NULL)
    {
      add_problem (res->problems, 1, 0, NULL, local->message);
      goto file_error;
    }
  c.reader = reader;
  res->encoding = hrb_csv_reader_get_encoding (reader);
  res->delimiter = hrb_csv_reader_get_delimiter (reader);
  res->bom = hrb_csv_reader_has_bom (reader);

  /* The header. */
  if (!hrb_csv_reader_next (reader, &fields, &n_fields, &local))
    {
      if (local)
        add_problem (res->problems, hrb_csv_reader_get_row (reader),
                     hrb_csv_reader_get_error_column (reader), NULL, local->message);
      else
        add_problem (res->problems, 1, 0, NULL, _("the file has no header row (it holds only blank lines)"));
      goto file_error;
    }
  c.n_header = n_fields;
  c.header = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    c.header[i] = g_strstrip (g_strdup (fields[i]));
  if (res->bom == FALSE && n_fields > 0 && g_str_has_prefix (c.header[0], "\xEF\xBB\xBF"))
    memmove (c.header[0], c.header[0] + 3, strlen (c.header[0]) - 2);

  switch (options->source)
    {
    case HRB_IMPORT_HORIZONSCAN:
      ok = bind_horizonscan (&c);
      break;
    case HRB_IMPORT_GIP_ADDON:
      ok = bind_gip_addon (&c);
      break;
    case HRB_IMPORT_EMA:
      ok = bind_named (&c, ema_columns, G_N_ELEMENTS (ema_columns), _("the EMA medicines list"));
      break;
    case HRB_IMPORT_GIP_TOP500:
      ok = bind_gip_top500 (&c);
      break;
    case HRB_IMPORT_MAPPED:
    default:
      ok = bind_mapped (&c);
      break;
    }
  if (!ok)
    goto file_error;
  ok = FALSE;

  if (options->dry_run)
    {
      /* One snapshot and one lock for all the reads of the plan. */
      if (!hrb_store_begin_read (store, &local))
        {
          store_fail (&c, error, g_steal_pointer (&local));
          goto done;
        }
      c.reading = TRUE;
    }
  else
    {
      HrbBatch b = { 0 };
      g_autofree char *base = g_path_get_basename (path);

      /* A copy of the database before anything changes (the last ones are
       * kept); an import that cannot be backed up does not start. */
      if (options->backup_keep > 0)
        {
          g_autofree char *backup = hrb_store_auto_backup (store, options->backup_folder,
                                                           "before-import", options->backup_keep,
                                                           &local);
          if (backup == NULL)
            {
              store_fail (&c, error, g_steal_pointer (&local));
              goto done;
            }
        }
      hrb_store_set_large_cache (store, TRUE);
      if (!hrb_store_begin (store, &local))
        {
          store_fail (&c, error, g_steal_pointer (&local));
          goto done;
        }
      c.writing = TRUE;
      b.source = (char *) hrb_import_source_to_name (options->source);
      b.file_name = (char *) (options->display_name ? options->display_name : base);
      b.vintage = res->vintage;
      if ((c.batch_id = hrb_store_insert_batch (store, &b, &local)) == 0 ||
          (c.writer = hrb_import_writer_new (store, c.created_at, c.label, res->vintage, c.batch_id,
                                             &local)) == NULL)
        {
          hrb_store_rollback (store);
          c.writing = FALSE;
          store_fail (&c, error, g_steal_pointer (&local));
          goto done;
        }
    }

  while ((!options->dry_run || options->max_rows == 0 || n < options->max_rows) &&
         hrb_csv_reader_next_mutable (reader, &data_fields, &n_fields, &local))
    {
      n++;
      res->n_rows++;
      if (n == 1 || (n & 255) == 0)
        {
          if (g_cancellable_is_cancelled (options->cancellable))
            {
              if (c.writing)
                hrb_store_rollback (store);
              c.writing = FALSE;
              g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_CANCELLED,
                           _("The import was cancelled; nothing was imported."));
              goto done;
            }
          if (options->progress)
            /* Reading the file is most of the work; writing the new items
             * at the end is the rest. */
            options->progress ((c.writing ? READ_PART : 1.0) * hrb_csv_reader_get_position (reader) /
                               MAX (1, hrb_csv_reader_get_size (reader)), options->progress_data);
        }
      if (!process_row (&c, data_fields, n_fields, hrb_csv_reader_get_row (reader), error))
        {
          if (c.writing)
            hrb_store_rollback (store);
          c.writing = FALSE;
          goto done;
        }
    }
  if (local)
    {
      add_problem (res->problems, hrb_csv_reader_get_row (reader), hrb_csv_reader_get_error_column (reader),
                   NULL, local->message);
      goto file_error;
    }
  if (n == 0)
    {
      add_problem (res->problems, 1, 0, NULL, _("the file has a header but no data rows"));
      goto file_error;
    }
  res->checksum = g_strdup (hrb_csv_reader_get_checksum (reader));
  if (options->progress)
    options->progress (c.writing ? READ_PART : 1.0, options->progress_data);

  if (c.failed && !options->skip_invalid)
    {
      g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE, "%u row rejected; nothing was imported",
                                "%u rows rejected; nothing was imported", res->n_rejected),
                   res->n_rejected);
      goto done;
    }
  /* The last flush reports its progress (one in the middle would make the
   * bar go back). */
  if (c.writing && options->progress)
    hrb_import_writer_set_progress (c.writer, writer_progress_cb, &c);
  if (c.writing && !hrb_import_writer_flush (c.writer, TRUE, options->cancellable, &local))
    {
      hrb_store_rollback (store);
      c.writing = FALSE;
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_CANCELLED,
                     _("The import was cancelled; nothing was imported."));
      else
        store_fail (&c, error, g_steal_pointer (&local));
      goto done;
    }
  if (c.writing && (c.first_medicine || c.first_item) &&
      !hrb_store_mark_added (store, c.batch_id, c.first_medicine, c.last_medicine, c.first_item,
                             c.last_item, &local))
    {
      hrb_store_rollback (store);
      c.writing = FALSE;
      store_fail (&c, error, g_steal_pointer (&local));
      goto done;
    }
  if (options->source != HRB_IMPORT_EMA && options->source != HRB_IMPORT_GIP_TOP500 &&
      !(options->dry_run && options->max_rows > 0) &&
      !mark_removed (&c, error))
    {
      if (c.writing)
        hrb_store_rollback (store);
      c.writing = FALSE;
      goto done;
    }
  for (guint i = 0; i < res->notes->len && c.writing; i++)
    {
      HrbImportProblem *p = g_ptr_array_index (res->notes, i);
      HrbImportChange ch = { 0 };

      ch.batch_id = c.batch_id;
      ch.kind = (char *) "note";
      ch.row = p->row;
      ch.column = p->column;
      ch.field = p->column_name;
      ch.new_value = p->message;
      if (!hrb_store_insert_import_change (store, &ch, &local))
        {
          hrb_store_rollback (store);
          c.writing = FALSE;
          store_fail (&c, error, g_steal_pointer (&local));
          goto done;
        }
    }
  if (c.writing)
    {
      g_autofree char *summary = NULL;
      HrbBatch b = { 0 };

      b.id = c.batch_id;
      b.checksum = res->checksum;
      b.n_new = res->n_new;
      b.n_updated = res->n_updated;
      b.n_unchanged = res->n_unchanged;
      b.n_rejected = res->n_rejected;
      summary = g_strdup_printf ("%s %s: %u new, %u updated, %u unchanged, %u rejected, %u removed",
                                 b.source = (char *) hrb_import_source_to_name (options->source),
                                 res->file, res->n_new, res->n_updated, res->n_unchanged,
                                 res->n_rejected, res->n_removed);
      if (!hrb_store_finish_batch (store, &b, &local) ||
          !hrb_store_audit (store, "import_batch", c.batch_id, "imported", NULL, summary, &local) ||
          !hrb_store_commit (store, &local))
        {
          hrb_store_rollback (store);
          c.writing = FALSE;
          store_fail (&c, error, g_steal_pointer (&local));
          goto done;
        }
      res->batch_id = c.batch_id;
      res->applied = TRUE;
      if (options->progress)
        options->progress (1.0, options->progress_data);
    }
  res->crlf = hrb_csv_reader_has_crlf (reader);
  ok = TRUE;
  goto done;

file_error:
  if (c.writing)
    hrb_store_rollback (store);
  c.writing = FALSE;
  {
    HrbImportProblem *p = g_ptr_array_index (res->problems, res->problems->len - 1);
    g_set_error (error, HRB_IMPORT_ERROR, HRB_IMPORT_ERROR_FILE, "%s:%u:%u: %s", path, p->row, p->column,
                 p->message);
  }

done:
  if (c.reading)
    hrb_store_commit (store, NULL);   /* it only read */
  if (!options->dry_run)
    hrb_store_set_large_cache (store, FALSE);
  if (reader)
    res->crlf = hrb_csv_reader_has_crlf (reader);
  g_strfreev (c.header);
  g_hash_table_unref (c.medicines);
  g_hash_table_unref (c.items);
  g_hash_table_unref (c.seen_ids);
  g_string_chunk_free (c.ids);
  g_hash_table_unref (c.gip_seen);
  g_hash_table_unref (c.touched);
  g_clear_pointer (&c.source_ids, g_hash_table_unref);
  g_clear_pointer (&c.medicine_keys, g_hash_table_unref);
  g_clear_pointer (&c.unsourced, g_hash_table_unref);
  g_clear_pointer (&c.writer, hrb_import_writer_free);
  g_free (c.created_at);
  if (result_out == NULL)
    hrb_import_result_free (res);
  return ok;
}

/* Async ---------------------------------------------------------------------------- */

typedef struct {
  HrbStore         *store;
  char             *path;
  HrbImportOptions  opts;
  char             *vintage;
  char             *display_name;
  HrbImportResult  *result;
} AsyncData;

static void
async_data_free (AsyncData *d)
{
  g_object_unref (d->store);
  g_free (d->path);
  g_free (d->vintage);
  g_free (d->display_name);
  hrb_import_result_free (d->result);
  g_free (d);
}

static void
import_thread_cb (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;

  d->opts.cancellable = cancellable;
  if (hrb_import_file (d->store, d->path, &d->opts, &d->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hrb_import_file_async (HrbStore *store, const char *path, const HrbImportOptions *options,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncData *d = g_new0 (AsyncData, 1);

  d->store = g_object_ref (store);
  d->path = g_strdup (path);
  d->opts = *options;
  d->vintage = g_strdup (options->vintage);
  d->display_name = g_strdup (options->display_name);
  d->opts.vintage = d->vintage;
  d->opts.display_name = d->display_name;
  g_task_set_task_data (task, d, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, import_thread_cb);
}

gboolean
hrb_import_file_finish (GAsyncResult *res, HrbImportResult **result, GError **error)
{
  AsyncData *d = g_task_get_task_data (G_TASK (res));

  if (result)
    *result = g_steal_pointer (&d->result);
  return g_task_propagate_boolean (G_TASK (res), error);
}
