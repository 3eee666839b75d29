/* hrb-cli-score.c: prioritisation commands: score, sluis, expert, freeze,
 * frozen, compare, method, methods. */
#include "hrb-cli.h"
#include "hrb-i18n.h"
#include "hrb-scoring.h"
#include "hrb-store-scoring.h"

#include <errno.h>
#include <string.h>

static const char *score_columns[] = {
  "rank", "rank_best", "rank_worst", "score", "score_low", "score_high", "eligible", "unstable",
  "item_id", "medicine", "indication", "stream", "patients", "budget_impact",
  "relative_budget_impact", "sluis", NULL
};

static gboolean
parse_stream (const char *text, HrbStream *out)
{
  if (text == NULL)
    {
      *out = HRB_STREAM_ANY;
      return TRUE;
    }
  if (hrb_stream_from_code (text, out))
    return TRUE;
  hrb_cli_error (_("unknown stream “%s” (use prospective or retrospective)"), text);
  return FALSE;
}

static char *
fixed (double v, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("");
  g_ascii_formatd (buf, sizeof buf, decimals == 2 ? "%.2f" : "%.6f", v);
  return g_strdup (buf);
}

static char *
number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("");
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, v));
}

static char *
count (guint v, gboolean present)
{
  return present ? g_strdup_printf ("%u", v) : g_strdup ("");
}

/* The score table of a ranking: the fixed columns, contrib_<id> per active
 * criterion, then reason. */
static void
write_ranking (const HrbRanking *ranking, HrbOutputFormat format)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HrbTable) table = NULL;
  guint n_crit = g_strv_length (ranking->criterion_ids);
  guint n_cols;

  for (guint i = 0; score_columns[i]; i++)
    g_ptr_array_add (columns, g_strdup (score_columns[i]));
  for (guint c = 0; c < n_crit; c++)
    g_ptr_array_add (columns, g_strconcat ("contrib_", ranking->criterion_ids[c], NULL));
  g_ptr_array_add (columns, g_strdup ("reason"));
  n_cols = columns->len;
  g_ptr_array_add (columns, NULL);

  table = hrb_table_new ((const char * const *) columns->pdata);
  {
    g_autoptr(GPtrArray) numeric = g_ptr_array_new ();
    for (guint i = 0; i < n_cols; i++)
      {
        const char *name = g_ptr_array_index (columns, i);
        if (strcmp (name, "medicine") != 0 && strcmp (name, "indication") != 0 &&
            strcmp (name, "stream") != 0 && strcmp (name, "reason") != 0)
          g_ptr_array_add (numeric, (gpointer) name);
      }
    g_ptr_array_add (numeric, NULL);
    hrb_table_set_numeric (table, (const char * const *) numeric->pdata);
  }

  for (guint r = 0; r < ranking->rows->len; r++)
    {
      const HrbRankingRow *row = g_ptr_array_index (ranking->rows, r);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, count (row->rank, row->eligible));
      g_ptr_array_add (cells, count (row->rank_best, row->eligible));
      g_ptr_array_add (cells, count (row->rank_worst, row->eligible));
      g_ptr_array_add (cells, fixed (row->score, 6));
      g_ptr_array_add (cells, fixed (row->score_low, 6));
      g_ptr_array_add (cells, fixed (row->score_high, 6));
      g_ptr_array_add (cells, g_strdup (row->eligible ? "1" : "0"));
      g_ptr_array_add (cells, g_strdup (row->unstable ? "1" : "0"));
      g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, row->item_id));
      g_ptr_array_add (cells, g_strdup (row->medicine));
      g_ptr_array_add (cells, g_strdup (row->indication));
      g_ptr_array_add (cells, g_strdup (hrb_stream_to_code (row->stream)));
      g_ptr_array_add (cells, number (row->patients_point));
      g_ptr_array_add (cells, fixed (row->budget_point, 2));
      g_ptr_array_add (cells, fixed (row->relative_budget_impact, 6));
      g_ptr_array_add (cells, g_strdup (row->sluis ? "1" : "0"));
      for (guint c = 0; c < n_crit; c++)
        {
          double v = NAN;
          for (guint d = 0; d < row->n_details; d++)
            if (g_strcmp0 (row->details[d].criterion_id, ranking->criterion_ids[c]) == 0)
              v = row->details[d].contribution;
          g_ptr_array_add (cells, fixed (v, 6));
        }
      g_ptr_array_add (cells, g_strdup (row->reason));
      hrb_table_add_row (table, (const char * const *) cells->pdata);
    }
  hrb_table_write (table, format, stdout);
}

static gboolean
parse_money (const char *option, const char *text, double *out)
{
  char *end = NULL;

  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "none") == 0)
    {
      *out = NAN;
      return TRUE;
    }
  errno = 0;
  *out = g_ascii_strtod (text, &end);
  if (errno || end == text || *end != '\0' || !(*out >= 0))
    {
      hrb_cli_error (_("%s: “%s” is not an amount in euros (e.g. 20000000, or none)"), option, text);
      return FALSE;
    }
  return TRUE;
}

int
hrb_cli_score (HrbCliContext *ctx)
{
  g_autofree char *stream_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *method_name = NULL;
  g_autofree char *sluis_cost = NULL;
  g_autofree char *sluis_budget = NULL;
  GOptionEntry entries[] = {
    { "stream", 0, 0, G_OPTION_ARG_STRING, &stream_text, N_("prospective or retrospective (default: both, ranked separately)"), "STREAM" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_name, N_("Scoring method (default: Basis)"), "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { "sluis-cost", 0, 0, G_OPTION_ARG_STRING, &sluis_cost, N_("Sluis threshold per patient per year (default 50000)"), "EUR" },
    { "sluis-budget", 0, 0, G_OPTION_ARG_STRING, &sluis_budget, N_("Sluis threshold in total per year (default 20000000)"), "EUR" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbRanking) ranking = NULL;
  HrbScoreOptions opts;
  HrbOutputFormat format;
  HrbStream stream;

  hrb_score_options_init (&opts);
  if (!hrb_cli_parse (ctx, entries, "", _("Rank the items: eligible ones by score, per stream.")) ||
      !parse_stream (stream_text, &stream) || !hrb_cli_parse_format (format_text, &format) ||
      !parse_money ("--sluis-cost", sluis_cost, &opts.sluis_cost_per_patient) ||
      !parse_money ("--sluis-budget", sluis_budget, &opts.sluis_budget_impact))
    return HRB_EXIT_USAGE;
  if (ctx->argc > 1)
    {
      hrb_cli_error (_("unexpected argument “%s”"), ctx->argv[1]);
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  ranking = hrb_scoring_rank (store, method_name, stream, &opts, &error);
  if (ranking == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  write_ranking (ranking, format);
  return HRB_EXIT_OK;
}

int
hrb_cli_sluis (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  g_auto(GStrv) costs = NULL;
  g_auto(GStrv) budgets = NULL;
  GOptionEntry entries[] = {
    { "cost", 0, 0, G_OPTION_ARG_STRING_ARRAY, &costs, N_("Threshold per patient per year (repeatable; none drops it)"), "EUR" },
    { "budget", 0, 0, G_OPTION_ARG_STRING_ARRAY, &budgets, N_("Threshold in total per year (repeatable; none drops it)"), "EUR" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  const char *columns[] = { "threshold_cost_per_patient", "threshold_budget_impact", "prospective",
                            "retrospective", "total", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbScoreInput) in = NULL;
  g_autoptr(HrbTable) table = NULL;
  g_autofree double *cv = NULL;
  g_autofree double *bv = NULL;
  guint nc, nb;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, "",
                      _("How many items cross the sluis thresholds (what-if: give other thresholds).")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  nc = costs ? g_strv_length (costs) : 1;
  nb = budgets ? g_strv_length (budgets) : 1;
  cv = g_new (double, nc);
  bv = g_new (double, nb);
  for (guint i = 0; i < nc; i++)
    {
      cv[i] = HRB_SLUIS_COST_PER_PATIENT;
      if (costs && !parse_money ("--cost", costs[i], &cv[i]))
        return HRB_EXIT_USAGE;
    }
  for (guint i = 0; i < nb; i++)
    {
      bv[i] = HRB_SLUIS_BUDGET_IMPACT;
      if (budgets && !parse_money ("--budget", budgets[i], &bv[i]))
        return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((in = hrb_scoring_load (store, HRB_STREAM_ANY, NULL, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  table = hrb_table_new (columns);
  hrb_table_set_numeric (table, columns);
  for (guint i = 0; i < nc; i++)
    for (guint j = 0; j < nb; j++)
      {
        g_autofree char *c = number (cv[i]);
        g_autofree char *b = number (bv[j]);
        guint p = hrb_sluis_count (in, HRB_STREAM_PROSPECTIVE, cv[i], bv[j]);
        guint r = hrb_sluis_count (in, HRB_STREAM_RETROSPECTIVE, cv[i], bv[j]);
        g_autofree char *ps = g_strdup_printf ("%u", p);
        g_autofree char *rs = g_strdup_printf ("%u", r);
        g_autofree char *ts = g_strdup_printf ("%u", p + r);
        const char *row[] = { c, b, ps, rs, ts };
        hrb_table_add_row (table, row);
      }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

int
hrb_cli_expert (HrbCliContext *ctx)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (mandatory when setting a score)"), "TEXT" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id;
  double score = NAN;
  char *end = NULL;

  if (!hrb_cli_parse (ctx, entries, _("ITEM_ID SCORE|none"),
                      _("Set the manual expert score (0 to 100) of an item, with its reason.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 3)
    {
      hrb_cli_error (_("expert needs ITEM_ID and SCORE (0 to 100, or none to remove it)"));
      return HRB_EXIT_USAGE;
    }
  item_id = g_ascii_strtoll (ctx->argv[1], &end, 10);
  if (end == ctx->argv[1] || *end != '\0' || item_id <= 0)
    {
      hrb_cli_error (_("“%s” is not an item id"), ctx->argv[1]);
      return HRB_EXIT_USAGE;
    }
  if (g_ascii_strcasecmp (ctx->argv[2], "none") != 0)
    {
      score = g_ascii_strtod (ctx->argv[2], &end);
      if (end == ctx->argv[2] || *end != '\0' || !(score >= 0 && score <= 100))
        {
          hrb_cli_error (_("“%s” is not a score from 0 to 100"), ctx->argv[2]);
          return HRB_EXIT_USAGE;
        }
      if (reason == NULL || *g_strstrip (reason) == '\0')
        {
          hrb_cli_error (_("an expert score needs a reason (--reason TEXT)"));
          return HRB_EXIT_USAGE;
        }
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (!hrb_store_set_expert_score (store, item_id, score, reason, &error))
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  return HRB_EXIT_OK;
}

int
hrb_cli_freeze (HrbCliContext *ctx)
{
  g_autofree char *stream_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *remark = NULL;
  g_autofree char *method_name = NULL;
  GOptionEntry entries[] = {
    { "stream", 0, 0, G_OPTION_ARG_STRING, &stream_text, N_("prospective or retrospective (required)"), "STREAM" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the frozen list (required, unique)"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the list, YYYY-MM-DD (default: today)"), "DATE" },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("Remark"), "TEXT" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_name, N_("Scoring method (default: Basis)"), "NAME" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbRanking) ranking = NULL;
  g_autoptr(HrbMethod) method = NULL;
  HrbFrozenList frozen = { 0 };
  HrbStream stream;

  if (!hrb_cli_parse (ctx, entries, "",
                      _("Freeze the ranking of a stream (“lijst vaststellen”) with its figures and method.")))
    return HRB_EXIT_USAGE;
  if (stream_text == NULL || name == NULL)
    {
      hrb_cli_error (_("freeze needs --stream and --name"));
      return HRB_EXIT_USAGE;
    }
  if (!parse_stream (stream_text, &stream))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((method = hrb_scoring_find_method (store, method_name, &error)) == NULL ||
      (ranking = hrb_scoring_rank (store, method->name, stream, NULL, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  frozen.name = name;
  frozen.date = date;
  frozen.remark = remark;
  frozen.stream = stream;
  if (hrb_store_freeze_list (store, &frozen, method, ranking, &error) == 0)
    {
      g_free (frozen.method_name);
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  printf (_("Frozen “%s”: %u rows, %s, method %s version %d\n"), name, frozen.n_rows,
          hrb_stream_to_code (stream), frozen.method_name, frozen.method_version);
  g_free (frozen.method_name);
  return HRB_EXIT_OK;
}

int
hrb_cli_frozen (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  const char *columns[] = { "name", "date", "stream", "method", "method_version", "rows", "remark",
                            "created_at", "author", NULL };
  const char *numeric[] = { "method_version", "rows", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, _("[NAME]"),
                      _("List the frozen lists, or show the rows of one (same columns as score).")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if (ctx->argc > 2)
    {
      hrb_cli_error (_("unexpected argument “%s”"), ctx->argv[2]);
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (ctx->argc == 2)
    {
      g_autoptr(HrbFrozenList) f = hrb_store_get_frozen (store, ctx->argv[1], &error);
      if (f == NULL)
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      write_ranking (f->ranking, format);
      return HRB_EXIT_OK;
    }
  if ((lists = hrb_store_list_frozen (store, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  table = hrb_table_new (columns);
  hrb_table_set_numeric (table, numeric);
  for (guint i = 0; i < lists->len; i++)
    {
      const HrbFrozenList *f = g_ptr_array_index (lists, i);
      g_autofree char *version = g_strdup_printf ("%d", f->method_version);
      g_autofree char *rows = g_strdup_printf ("%u", f->n_rows);
      const char *row[] = { f->name, f->date, hrb_stream_to_code (f->stream), f->method_name, version,
                            rows, f->remark, f->created_at, f->author };
      hrb_table_add_row (table, row);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

int
hrb_cli_compare (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  const char *columns[] = { "item_id", "medicine", "indication", "change", "rank_a", "rank_b",
                            "score_a", "score_b", "why", NULL };
  const char *numeric[] = { "item_id", "rank_a", "rank_b", "score_a", "score_b", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbFrozenList) a = NULL;
  g_autoptr(HrbFrozenList) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, _("NAME1 NAME2"),
                      _("Compare two frozen lists: what moved up or down, entered or left, and why.")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 3)
    {
      hrb_cli_error (_("compare needs the names of two frozen lists"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((a = hrb_store_get_frozen (store, ctx->argv[1], &error)) == NULL ||
      (b = hrb_store_get_frozen (store, ctx->argv[2], &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  changes = hrb_frozen_compare (a, b);
  table = hrb_table_new (columns);
  hrb_table_set_numeric (table, numeric);
  for (guint i = 0; i < changes->len; i++)
    {
      const HrbRankChange *c = g_ptr_array_index (changes, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->item_id);
      g_autofree char *ra = count (c->rank_a, c->rank_a > 0);
      g_autofree char *rb = count (c->rank_b, c->rank_b > 0);
      g_autofree char *sa = fixed (c->score_a, 6);
      g_autofree char *sb = fixed (c->score_b, 6);
      const char *row[] = { id, c->medicine, c->indication, hrb_change_kind_to_code (c->kind), ra, rb,
                            sa, sb, c->why };
      hrb_table_add_row (table, row);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

int
hrb_cli_method (HrbCliContext *ctx)
{
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMethod) m = NULL;
  const char *action;

  if (!hrb_cli_parse (ctx, NULL, _("export NAME FILE | import FILE"),
                      _("Export a method to a method file, or import one (saved as a new method or version).")))
    return HRB_EXIT_USAGE;
  action = ctx->argc > 1 ? ctx->argv[1] : "";
  if (strcmp (action, "export") == 0 && ctx->argc == 4)
    {
      if ((store = hrb_cli_open_store (ctx)) == NULL)
        return HRB_EXIT_ERROR;
      if ((m = hrb_scoring_find_method (store, ctx->argv[2], &error)) == NULL ||
          !hrb_method_save_file (m, ctx->argv[3], &error))
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      return HRB_EXIT_OK;
    }
  if (strcmp (action, "import") == 0 && ctx->argc == 3)
    {
      if ((m = hrb_method_load_file (ctx->argv[2], &error)) == NULL)
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      if ((store = hrb_cli_open_store (ctx)) == NULL)
        return HRB_EXIT_ERROR;
      if (hrb_store_save_method (store, m, &error) == 0)
        {
          hrb_cli_error ("%s: %s", ctx->argv[2], error->message);
          return HRB_EXIT_ERROR;
        }
      printf (_("Method “%s” version %d\n"), m->name, m->version);
      return HRB_EXIT_OK;
    }
  hrb_cli_error (_("use “method export NAME FILE” or “method import FILE”"));
  return HRB_EXIT_USAGE;
}

int
hrb_cli_methods (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  const char *columns[] = { "name", "version", "builtin", "criteria", "weights", "used",
                            "double_counting", "created_at", "author", NULL };
  const char *numeric[] = { "version", "builtin", "used", "double_counting", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) methods = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, "", _("List the scoring methods (latest versions).")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((methods = hrb_store_list_methods (store, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  /* The built-in method first, unless it was stored by a frozen list. */
  {
    gboolean stored = FALSE;
    for (guint i = 0; i < methods->len; i++)
      if (((HrbMethod *) g_ptr_array_index (methods, i))->builtin)
        stored = TRUE;
    if (!stored)
      g_ptr_array_insert (methods, 0, hrb_method_new_basis ());
  }
  table = hrb_table_new (columns);
  hrb_table_set_numeric (table, numeric);
  for (guint i = 0; i < methods->len; i++)
    {
      const HrbMethod *m = g_ptr_array_index (methods, i);
      g_autoptr(GString) crit = g_string_new (NULL);
      g_autoptr(GString) weights = g_string_new (NULL);
      g_autofree char *version = g_strdup_printf ("%d", m->version);
      gboolean used = m->id ? hrb_store_method_is_used (store, m->id, NULL) : FALSE;
      gboolean dbl = hrb_method_double_counting (m, NULL);

      for (guint c = 0; c < m->criteria->len; c++)
        {
          const HrbCriterion *cr = g_ptr_array_index (m->criteria, c);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          if (!cr->enabled)
            continue;
          g_string_append_printf (crit, "%s%s", crit->len ? ";" : "", cr->id);
          g_string_append_printf (weights, "%s%s", weights->len ? ";" : "",
                                  g_ascii_dtostr (buf, sizeof buf, cr->weight));
        }
      {
        const char *row[] = { m->name, version, m->builtin ? "1" : "0", crit->str, weights->str,
                              used ? "1" : "0", dbl ? "1" : "0", m->created_at, m->author };
        hrb_table_add_row (table, row);
      }
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}
