/* hrb-cli-dossier.c: the dossiers, monitor and dossier commands. */
#include "hrb-cli.h"
#include "hrb-format.h"
#include "hrb-i18n.h"
#include "hrb-monitoring.h"
#include "hrb-store-dossier.h"

#include <stdlib.h>
#include <string.h>

static gboolean
parse_id (const char *text, const char *what, gint64 *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL)
    {
      hrb_cli_error (_("give the %s"), what);
      return FALSE;
    }
  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || v <= 0)
    {
      hrb_cli_error (_("“%s” is not a valid %s"), text, what);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
parse_stage (const char *text, HrbStage *out)
{
  if (hrb_stage_from_code (text, out))
    return TRUE;
  hrb_cli_error (_("unknown stage “%s” (use one of signalled, prioritised, question, data_collection, "
                   "analysis, reporting, triage, decision, implementation, monitoring, closed, "
                   "parked, dropped)"), text ? text : "");
  return FALSE;
}

static gboolean
parse_party (const char *text, HrbParty *out)
{
  if (text != NULL && hrb_party_from_code (text, out))
    return TRUE;
  hrb_cli_error (_("unknown party “%s” (use one of project_team, fms, zn, zin, association, holder, "
                   "triage_table, vws)"), text ? text : "");
  return FALSE;
}

static gboolean
check_iso (const char *text, const char *option)
{
  if (text == NULL || hrb_is_iso_date (text))
    return TRUE;
  hrb_cli_error (_("%s: “%s” is not a date (use YYYY-MM-DD)"), option, text);
  return FALSE;
}

static int
fail (GError *error)
{
  hrb_cli_error ("%s", error ? error->message : _("failed"));
  return HRB_EXIT_ERROR;
}

/* dossiers -------------------------------------------------------------------- */

static const char *dossier_columns[] = {
  "dossier_id", "item_id", "medicine", "indication", "stage", "party", "stage_since",
  "due_date", "days_in_stage", "overdue", "parked_until", "inn", "domain", "look_again",
  "active", "first_date", "advice_date", "follow_up_date", "measures", NULL
};

static const char *dossier_numeric[] = {
  "dossier_id", "item_id", "days_in_stage", "overdue", "look_again", "active", "measures", NULL
};

int
hrb_cli_dossiers (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  g_autofree char *stage_text = NULL;
  g_autofree char *party_text = NULL;
  gboolean open_only = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_text, N_("Only dossiers in this stage"), "STAGE" },
    { "party", 0, 0, G_OPTION_ARG_STRING, &party_text, N_("Only dossiers where this party must act"), "PARTY" },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only open dossiers (not closed or dropped)"), NULL },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(HrbTable) table = NULL;
  g_autoptr(GHashTable) n_measures = g_hash_table_new (g_int64_hash, g_int64_equal);
  HrbOutputFormat format;
  HrbStage stage = HRB_STAGE_SIGNALLED;
  HrbParty party = HRB_PARTY_NONE;

  if (!hrb_cli_parse (ctx, entries, "",
                      _("List the dossiers: stage, who must act, since when, due date.")) ||
      !hrb_cli_parse_format (format_text, &format) ||
      (stage_text && !parse_stage (stage_text, &stage)) ||
      (party_text && !parse_party (party_text, &party)))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  /* Never confidential: this output may be shared. */
  if ((dossiers = hrb_store_list_dossiers (store, FALSE, &error)) == NULL ||
      (measures = hrb_store_list_measures (store, 0, &error)) == NULL)
    return fail (error);
  for (guint i = 0; i < measures->len; i++)
    {
      HrbMeasure *m = g_ptr_array_index (measures, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (n_measures, &m->dossier_id));
      g_hash_table_insert (n_measures, &m->dossier_id, GUINT_TO_POINTER (n + 1));
    }

  table = hrb_table_new (dossier_columns);
  hrb_table_set_numeric (table, dossier_numeric);
  for (guint i = 0; i < dossiers->len; i++)
    {
      HrbDossier *d = g_ptr_array_index (dossiers, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
      g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, d->item_id);
      g_autofree char *days = g_strdup_printf ("%d", d->days_in_stage);
      g_autofree char *nm = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (n_measures, &d->id)));
      const char *row[G_N_ELEMENTS (dossier_columns) - 1];
      guint c = 0;

      if (stage_text && d->stage != stage)
        continue;
      if (party_text && d->party != party)
        continue;
      if (open_only && hrb_stage_is_final (d->stage))
        continue;
      row[c++] = id;
      row[c++] = item;
      row[c++] = d->medicine;
      row[c++] = d->indication;
      row[c++] = hrb_stage_to_code (d->stage);
      row[c++] = hrb_party_to_code (d->party);
      row[c++] = d->stage_since;
      row[c++] = d->due_date;
      row[c++] = days;
      row[c++] = d->overdue ? "1" : "0";
      row[c++] = d->stage == HRB_STAGE_PARKED ? d->look_again : NULL;
      row[c++] = d->inn;
      row[c++] = d->domain;
      row[c++] = d->look_again_due ? "1" : "0";
      row[c++] = d->active ? "1" : "0";
      row[c++] = d->first_date;
      row[c++] = d->advice_date;
      row[c++] = d->follow_up_date;
      row[c++] = nm;
      g_assert (c == G_N_ELEMENTS (row));
      hrb_table_add_row (table, row);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

/* monitor --------------------------------------------------------------------- */

int
hrb_cli_monitor (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Lead times, outcomes and measures of one year"), "YEAR" },
    { NULL }
  };
  static const char *columns[] = { "metric", "key", "value", NULL };
  static const char *numeric[] = { "value", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMonitoring) mon = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(HrbTable) table = NULL;
  HrbOutputFormat format;

  if (!hrb_cli_parse (ctx, entries, "",
                      _("Dossier counts, outcomes, measures and lead times (calendar days; "
                        "median, 90th percentile by nearest rank, maximum; parked time excluded).")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if (year < 0 || year > 9999)
    {
      hrb_cli_error (_("--year: %d is not a year"), year);
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((mon = hrb_monitoring_compute (store, year, &error)) == NULL)
    return fail (error);
  rows = hrb_monitoring_rows (mon);
  table = hrb_table_new (columns);
  hrb_table_set_numeric (table, numeric);
  for (guint i = 0; i < rows->len; i++)
    {
      HrbMetricRow *r = g_ptr_array_index (rows, i);
      g_autofree char *value = hrb_format_plain (r->value, 1);
      const char *row[] = { r->metric, r->key, value };
      hrb_table_add_row (table, row);
    }
  hrb_table_write (table, format, stdout);
  return HRB_EXIT_OK;
}

/* dossier SUBCOMMAND ---------------------------------------------------------- */

static int
dossier_start (HrbCliContext *ctx)
{
  g_autofree char *date = NULL;
  g_autofree char *party_text = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of signalling (default today)"), "YYYY-MM-DD" },
    { "party", 0, 0, G_OPTION_ARG_STRING, &party_text, N_("Party that must act (default project_team)"), "PARTY" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HrbParty party = HRB_PARTY_NONE;
  gint64 item_id, id;

  if (!hrb_cli_parse (ctx, entries, "ITEM_ID", _("Start a dossier for an item; prints its id.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("item id"), &item_id) ||
      (party_text && !parse_party (party_text, &party)) || !check_iso (date, "--date"))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((id = hrb_store_start_dossier (store, item_id, date, party, &error)) == 0)
    return fail (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return HRB_EXIT_OK;
}

static int
dossier_move (HrbCliContext *ctx)
{
  g_autofree char *stage_text = NULL;
  g_autofree char *party_text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *date = NULL;
  g_autofree char *remark = NULL;
  g_autofree char *look_again = NULL;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_text, N_("The new stage (code)"), "STAGE" },
    { "party", 0, 0, G_OPTION_ARG_STRING, &party_text, N_("The party that must act next (code)"), "PARTY" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("Due date"), "YYYY-MM-DD" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the move (default today)"), "YYYY-MM-DD" },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("Remark (the reason when parking or dropping)"), "TEXT" },
    { "look-again", 0, 0, G_OPTION_ARG_STRING, &look_again, N_("Parked: the date to look again"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HrbTransition t = { 0 };
  gint64 id;

  if (!hrb_cli_parse (ctx, entries, "DOSSIER_ID", _("Move a dossier to another stage.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("dossier id"), &id))
    return HRB_EXIT_USAGE;
  if (stage_text == NULL)
    {
      hrb_cli_error (_("--stage is required"));
      return HRB_EXIT_USAGE;
    }
  t.party = HRB_PARTY_NONE;
  if (!parse_stage (stage_text, &t.stage) || (party_text && !parse_party (party_text, &t.party)) ||
      !check_iso (due, "--due") || !check_iso (date, "--date") || !check_iso (look_again, "--look-again"))
    return HRB_EXIT_USAGE;
  if (party_text == NULL && !hrb_stage_is_final (t.stage) && t.stage != HRB_STAGE_PARKED)
    {
      hrb_cli_error (_("--party is required (who must act next)"));
      return HRB_EXIT_USAGE;
    }
  t.due_date = due;
  t.date = date;
  t.remark = remark;
  t.look_again = look_again;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (hrb_store_move_dossier (store, id, &t, &error) == 0)
    return fail (error);
  return HRB_EXIT_OK;
}

static int
dossier_park_or_drop (HrbCliContext *ctx, gboolean park)
{
  g_autofree char *reason = NULL;
  g_autofree char *until = NULL;
  g_autofree char *date = NULL;
  GOptionEntry park_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the dossier is parked"), "TEXT" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("The date to look again"), "YYYY-MM-DD" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of parking (default today)"), "YYYY-MM-DD" },
    { NULL }
  };
  GOptionEntry drop_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the dossier is dropped"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of dropping (default today)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, tid;

  if (!hrb_cli_parse (ctx, park ? park_entries : drop_entries, "DOSSIER_ID",
                      park ? _("Park a dossier until a date to look again.")
                           : _("Drop a dossier (no reassessment).")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("dossier id"), &id) ||
      !check_iso (until, "--until") || !check_iso (date, "--date"))
    return HRB_EXIT_USAGE;
  if (reason == NULL || (park && until == NULL))
    {
      hrb_cli_error (park ? _("--reason and --until are required") : _("--reason is required"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  tid = park ? hrb_store_park_dossier (store, id, reason, until, date, &error)
             : hrb_store_drop_dossier (store, id, reason, date, &error);
  if (tid == 0)
    return fail (error);
  return HRB_EXIT_OK;
}

static int
dossier_note (HrbCliContext *ctx)
{
  g_autofree char *text = NULL;
  gboolean confidential = FALSE;
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The note"), "TEXT" },
    { "confidential", 0, 0, G_OPTION_ARG_NONE, &confidential, N_("Mark the note confidential"), NULL },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!hrb_cli_parse (ctx, entries, "DOSSIER_ID", _("Add a note to a dossier.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("dossier id"), &id))
    return HRB_EXIT_USAGE;
  if (text == NULL)
    {
      hrb_cli_error (_("--text is required"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (hrb_store_add_note (store, id, text, confidential, &error) == 0)
    return fail (error);
  return HRB_EXIT_OK;
}

static int
dossier_measure (HrbCliContext *ctx)
{
  g_autofree char *kind = NULL;
  g_autofree char *status = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *description = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *start = NULL;
  g_autofree char *evaluation = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("The measure (code)"), "KIND" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("proposed (default), agreed, implemented or evaluated"), "STATUS" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who carries it out"), "TEXT" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("Description"), "TEXT" },
    { "agreed", 0, 0, G_OPTION_ARG_STRING, &agreed, N_("Date agreed"), "YYYY-MM-DD" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Start date"), "YYYY-MM-DD" },
    { "evaluation", 0, 0, G_OPTION_ARG_STRING, &evaluation, N_("Evaluation date"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbMeasure) m = hrb_measure_new ();
  gint64 id, mid;

  if (!hrb_cli_parse (ctx, entries, "DOSSIER_ID", _("Add a control measure to a dossier; prints its id.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("dossier id"), &id) ||
      !check_iso (agreed, "--agreed") || !check_iso (start, "--start") ||
      !check_iso (evaluation, "--evaluation"))
    return HRB_EXIT_USAGE;
  if (!hrb_measure_kind_from_code (kind, &m->kind))
    {
      hrb_cli_error (_("unknown measure “%s” (use one of restrict_indication, place_in_therapy, "
                       "start_stop_criteria, dose_optimisation, price_arrangement, "
                       "pay_for_performance, appropriate_use, registry, conditional_continuation, "
                       "removal, no_change, park)"), kind ? kind : "");
      return HRB_EXIT_USAGE;
    }
  if (status && !hrb_measure_status_from_code (status, &m->status))
    {
      hrb_cli_error (_("unknown status “%s” (use proposed, agreed, implemented or evaluated)"), status);
      return HRB_EXIT_USAGE;
    }
  m->dossier_id = id;
  m->owner = g_steal_pointer (&owner);
  m->description = g_steal_pointer (&description);
  m->agreed_date = g_steal_pointer (&agreed);
  m->start_date = g_steal_pointer (&start);
  m->evaluation_date = g_steal_pointer (&evaluation);
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((mid = hrb_store_add_measure (store, m, &error)) == 0)
    return fail (error);
  printf ("%" G_GINT64_FORMAT "\n", mid);
  return HRB_EXIT_OK;
}

/* Editable fields for `dossier set`. */
typedef enum { F_TEXT, F_DATE, F_BOOL, F_MONEY, F_UNCERTAINTIES, F_PARTIES } FieldType;
typedef struct {
  const char *name;
  FieldType   type;
  gsize       offset;
} SetField;

static const SetField set_fields[] = {
  { "question", F_TEXT, G_STRUCT_OFFSET (HrbDossier, question) },
  { "rationale", F_TEXT, G_STRUCT_OFFSET (HrbDossier, rationale) },
  { "uncertainties", F_UNCERTAINTIES, G_STRUCT_OFFSET (HrbDossier, uncertainties) },
  { "uncertainty_text", F_TEXT, G_STRUCT_OFFSET (HrbDossier, uncertainty_text) },
  { "sole_supplier", F_BOOL, G_STRUCT_OFFSET (HrbDossier, sole_supplier) },
  { "loe_date", F_DATE, G_STRUCT_OFFSET (HrbDossier, loe_date) },
  { "critical_caution", F_BOOL, G_STRUCT_OFFSET (HrbDossier, critical_caution) },
  { "market_text", F_TEXT, G_STRUCT_OFFSET (HrbDossier, market_text) },
  { "parties", F_PARTIES, G_STRUCT_OFFSET (HrbDossier, parties) },
  { "parties_text", F_TEXT, G_STRUCT_OFFSET (HrbDossier, parties_text) },
  { "advice_date", F_DATE, G_STRUCT_OFFSET (HrbDossier, advice_date) },
  { "advice_text", F_TEXT, G_STRUCT_OFFSET (HrbDossier, advice_text) },
  { "follow_up_date", F_DATE, G_STRUCT_OFFSET (HrbDossier, follow_up_date) },
  { "price_arrangement", F_TEXT, G_STRUCT_OFFSET (HrbDossier, price_arrangement) },
  { "price_net", F_MONEY, G_STRUCT_OFFSET (HrbDossier, price_net) },
  { "price_end_date", F_DATE, G_STRUCT_OFFSET (HrbDossier, price_end_date) },
};

static gboolean
parse_flags (const char *value, gboolean parties, guint *out)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  guint flags = 0;

  for (guint i = 0; parts[i]; i++)
    {
      char *code = g_strstrip (parts[i]);

      if (*code == '\0')
        continue;
      if (parties)
        {
          HrbParty p;
          if (!hrb_party_from_code (code, &p) || p == HRB_PARTY_NONE)
            return FALSE;
          flags |= 1u << p;
        }
      else
        {
          HrbUncertainty u;
          if (!hrb_uncertainty_from_code (code, &u))
            return FALSE;
          flags |= u;
        }
    }
  *out = flags;
  return TRUE;
}

static int
dossier_set (HrbCliContext *ctx)
{
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbDossier) d = NULL;
  gint64 id;

  if (!hrb_cli_parse (ctx, NULL, "DOSSIER_ID FIELD=VALUE…",
                      _("Change fields of a dossier. Fields: question, rationale, uncertainties "
                        "(codes, comma separated), uncertainty_text, sole_supplier (0/1), loe_date, "
                        "critical_caution (0/1), market_text, parties (codes, comma separated), "
                        "parties_text, advice_date, advice_text, follow_up_date, and the "
                        "confidential price_arrangement, price_net (euros), price_end_date. "
                        "An empty value clears the field.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc < 3 || !parse_id (ctx->argv[1], _("dossier id"), &id))
    {
      if (ctx->argc < 3)
        hrb_cli_error (_("give a dossier id and at least one FIELD=VALUE"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((d = hrb_store_get_dossier (store, id, TRUE, &error)) == NULL)
    return fail (error);
  for (int i = 2; i < ctx->argc; i++)
    {
      const char *eq = strchr (ctx->argv[i], '=');
      g_autofree char *name = eq ? g_strndup (ctx->argv[i], eq - ctx->argv[i]) : NULL;
      const char *value = eq ? eq + 1 : NULL;
      const SetField *f = NULL;
      gpointer p;

      for (guint k = 0; name && k < G_N_ELEMENTS (set_fields); k++)
        if (g_str_equal (set_fields[k].name, name))
          f = &set_fields[k];
      if (f == NULL)
        {
          hrb_cli_error (_("“%s”: expected FIELD=VALUE with a known field"), ctx->argv[i]);
          return HRB_EXIT_USAGE;
        }
      p = G_STRUCT_MEMBER_P (d, f->offset);
      switch (f->type)
        {
        case F_DATE:
          if (*value && !check_iso (value, name))
            return HRB_EXIT_USAGE;
          G_GNUC_FALLTHROUGH;
        case F_TEXT:
          g_free (*(char **) p);
          *(char **) p = *value ? g_strdup (value) : NULL;
          break;
        case F_BOOL:
          if (g_strcmp0 (value, "0") != 0 && g_strcmp0 (value, "1") != 0)
            {
              hrb_cli_error (_("%s: use 0 or 1"), name);
              return HRB_EXIT_USAGE;
            }
          *(gboolean *) p = value[0] == '1';
          break;
        case F_MONEY:
          {
            char *end = NULL;
            double v = *value ? g_ascii_strtod (value, &end) : NAN;
            if (*value && (end == value || *end != '\0'))
              {
                hrb_cli_error (_("%s: “%s” is not an amount"), name, value);
                return HRB_EXIT_USAGE;
              }
            *(double *) p = v;
          }
          break;
        case F_UNCERTAINTIES:
        case F_PARTIES:
          if (!parse_flags (value, f->type == F_PARTIES, (guint *) p))
            {
              hrb_cli_error (_("%s: unknown code in “%s”"), name, value);
              return HRB_EXIT_USAGE;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (!hrb_store_update_dossier (store, d, &error))
    return fail (error);
  return HRB_EXIT_OK;
}

static void
add_kv (HrbTable *t, const char *section, const char *key, const char *value)
{
  const char *row[] = { section, key, value };

  hrb_table_add_row (t, row);
}

static char *
flags_text (guint flags, gboolean parties)
{
  GString *s = g_string_new (NULL);
  guint n = parties ? HRB_N_PARTIES : HRB_N_UNCERTAINTIES;

  for (guint i = 0; i < n; i++)
    if (flags & (1u << i))
      {
        if (s->len)
          g_string_append_c (s, ',');
        g_string_append (s, parties ? hrb_party_to_code (i) : hrb_uncertainty_to_code (1u << i));
      }
  return g_string_free (s, FALSE);
}

static int
dossier_show (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  gboolean internal = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { "internal", 0, 0, G_OPTION_ARG_NONE, &internal, N_("Include confidential content"), NULL },
    { NULL }
  };
  static const char *columns[] = { "section", "key", "value", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbDossier) d = NULL;
  g_autoptr(GPtrArray) route = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(HrbTable) t = NULL;
  HrbOutputFormat format;
  gint64 id;

  if (!hrb_cli_parse (ctx, entries, "DOSSIER_ID",
                      _("Show a dossier with its route, measures, notes and links as section, key, value.")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("dossier id"), &id))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((d = hrb_store_get_dossier (store, id, internal, &error)) == NULL ||
      (route = hrb_store_list_transitions (store, id, &error)) == NULL ||
      (measures = hrb_store_list_measures (store, id, &error)) == NULL ||
      (notes = hrb_store_list_notes (store, id, internal, &error)) == NULL ||
      (links = hrb_store_list_links (store, id, &error)) == NULL)
    return fail (error);

  t = hrb_table_new (columns);
  {
    g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
    g_autofree char *iid = g_strdup_printf ("%" G_GINT64_FORMAT, d->item_id);
    g_autofree char *days = g_strdup_printf ("%d", d->days_in_stage);
    g_autofree char *unc = flags_text (d->uncertainties, FALSE);
    g_autofree char *parties = flags_text (d->parties, TRUE);
    g_autofree char *net = hrb_format_plain (d->price_net, 2);

    add_kv (t, "dossier", "dossier_id", sid);
    add_kv (t, "dossier", "item_id", iid);
    add_kv (t, "dossier", "medicine", d->medicine);
    add_kv (t, "dossier", "indication", d->indication);
    add_kv (t, "dossier", "stage", hrb_stage_to_code (d->stage));
    add_kv (t, "dossier", "party", hrb_party_to_code (d->party));
    add_kv (t, "dossier", "stage_since", d->stage_since);
    add_kv (t, "dossier", "due_date", d->due_date);
    add_kv (t, "dossier", "days_in_stage", days);
    add_kv (t, "dossier", "overdue", d->overdue ? "1" : "0");
    add_kv (t, "dossier", "parked_until", d->stage == HRB_STAGE_PARKED ? d->look_again : NULL);
    add_kv (t, "dossier", "look_again", d->look_again_due ? "1" : "0");
    add_kv (t, "dossier", "question", d->question);
    add_kv (t, "dossier", "rationale", d->rationale);
    add_kv (t, "dossier", "uncertainties", unc);
    add_kv (t, "dossier", "uncertainty_text", d->uncertainty_text);
    add_kv (t, "dossier", "sole_supplier", d->sole_supplier ? "1" : "0");
    add_kv (t, "dossier", "loe_date", d->loe_date);
    add_kv (t, "dossier", "critical_caution", d->critical_caution ? "1" : "0");
    add_kv (t, "dossier", "market_text", d->market_text);
    add_kv (t, "dossier", "parties", parties);
    add_kv (t, "dossier", "parties_text", d->parties_text);
    add_kv (t, "dossier", "advice_date", d->advice_date);
    add_kv (t, "dossier", "advice_text", d->advice_text);
    add_kv (t, "dossier", "follow_up_date", d->follow_up_date);
    if (internal)
      {
        add_kv (t, "confidential", "price_arrangement", d->price_arrangement);
        add_kv (t, "confidential", "price_net", net);
        add_kv (t, "confidential", "price_end_date", d->price_end_date);
      }
  }
  for (guint i = 0; i < route->len; i++)
    {
      HrbTransition *tr = g_ptr_array_index (route, i);
      g_autofree char *v = g_strdup_printf ("%s %s party=%s due=%s look_again=%s author=%s remark=%s",
                                            tr->date, hrb_stage_to_code (tr->stage),
                                            hrb_party_to_code (tr->party),
                                            tr->due_date ? tr->due_date : "",
                                            tr->look_again ? tr->look_again : "",
                                            tr->author ? tr->author : "",
                                            tr->remark ? tr->remark : "");
      g_autofree char *k = g_strdup_printf ("%" G_GINT64_FORMAT, tr->id);
      add_kv (t, "route", k, v);
    }
  for (guint i = 0; i < measures->len; i++)
    {
      HrbMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *v = g_strdup_printf ("%s status=%s owner=%s agreed=%s start=%s evaluation=%s %s",
                                            hrb_measure_kind_to_code (m->kind),
                                            hrb_measure_status_to_code (m->status),
                                            m->owner ? m->owner : "",
                                            m->agreed_date ? m->agreed_date : "",
                                            m->start_date ? m->start_date : "",
                                            m->evaluation_date ? m->evaluation_date : "",
                                            m->description ? m->description : "");
      g_autofree char *k = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
      add_kv (t, "measure", k, v);
    }
  for (guint i = 0; i < notes->len; i++)
    {
      HrbNote *n = g_ptr_array_index (notes, i);
      g_autofree char *v = g_strdup_printf ("%s %s%s: %s", n->at, n->author,
                                            n->confidential ? " [confidential]" : "", n->text);
      g_autofree char *k = g_strdup_printf ("%" G_GINT64_FORMAT, n->id);
      add_kv (t, "note", k, v);
    }
  for (guint i = 0; i < links->len; i++)
    {
      HrbLink *l = g_ptr_array_index (links, i);
      g_autofree char *v = g_strdup_printf ("%s: %s", l->title, l->target);
      g_autofree char *k = g_strdup_printf ("%" G_GINT64_FORMAT, l->id);
      add_kv (t, "link", k, v);
    }
  hrb_table_write (t, format, stdout);
  return HRB_EXIT_OK;
}

static int
dossier_history (HrbCliContext *ctx)
{
  g_autofree char *format_text = NULL;
  gboolean internal = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), "FORMAT" },
    { "internal", 0, 0, G_OPTION_ARG_NONE, &internal, N_("Show confidential values"), NULL },
    { NULL }
  };
  static const char *columns[] = { "at", "author", "entity", "entity_id", "field", "old_value",
                                   "new_value", NULL };
  static const char *numeric[] = { "entity_id", NULL };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbDossier) d = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(HrbTable) t = NULL;
  HrbOutputFormat format;
  gint64 id;

  if (!hrb_cli_parse (ctx, entries, "DOSSIER_ID", _("The change history of a dossier.")) ||
      !hrb_cli_parse_format (format_text, &format))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2 || !parse_id (ctx->argv[1], _("dossier id"), &id))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if ((d = hrb_store_get_dossier (store, id, FALSE, &error)) == NULL ||
      (audit = hrb_store_list_dossier_audit (store, id, internal, &error)) == NULL)
    return fail (error);
  t = hrb_table_new (columns);
  hrb_table_set_numeric (t, numeric);
  for (guint i = 0; i < audit->len; i++)
    {
      HrbAuditEntry *e = g_ptr_array_index (audit, i);
      g_autofree char *eid = g_strdup_printf ("%" G_GINT64_FORMAT, e->entity_id);
      const char *row[] = { e->at, e->author, e->entity, eid, e->field, e->old_value, e->new_value };
      hrb_table_add_row (t, row);
    }
  hrb_table_write (t, format, stdout);
  return HRB_EXIT_OK;
}

static const struct {
  const char *name;
  int (*run) (HrbCliContext *ctx);
  const char *summary;
} dossier_commands[] = {
  { "start", dossier_start, N_("start ITEM_ID [--date D] [--party P]") },
  { "move", dossier_move, N_("move ID --stage S --party P [--due D] [--date D] [--remark R]") },
  { "park", NULL, N_("park ID --reason R --until D [--date D]") },
  { "drop", NULL, N_("drop ID --reason R [--date D]") },
  { "set", dossier_set, N_("set ID FIELD=VALUE…") },
  { "measure", dossier_measure, N_("measure ID --kind K [--status S] [--owner O] [--agreed D] …") },
  { "note", dossier_note, N_("note ID --text T [--confidential]") },
  { "show", dossier_show, N_("show ID [--internal] [--format csv|json]") },
  { "history", dossier_history, N_("history ID [--internal] [--format csv|json]") },
};

int
hrb_cli_dossier (HrbCliContext *ctx)
{
  const char *sub = ctx->argc >= 2 ? ctx->argv[1] : NULL;
  g_autofree char *command = NULL;

  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      FILE *out = sub ? stdout : stderr;

      fprintf (out, "%s\n", _("Usage: herbeoordeling-cli dossier SUBCOMMAND …"));
      for (guint i = 0; i < G_N_ELEMENTS (dossier_commands); i++)
        fprintf (out, "  %s\n", _(dossier_commands[i].summary));
      return sub ? HRB_EXIT_OK : HRB_EXIT_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dossier_commands); i++)
    if (g_str_equal (dossier_commands[i].name, sub))
      {
        command = g_strdup_printf ("dossier %s", sub);
        ctx->command = command;
        ctx->argc--;
        ctx->argv++;
        if (g_str_equal (sub, "park"))
          return dossier_park_or_drop (ctx, TRUE);
        if (g_str_equal (sub, "drop"))
          return dossier_park_or_drop (ctx, FALSE);
        return dossier_commands[i].run (ctx);
      }
  hrb_cli_error (_("unknown dossier subcommand “%s” (use start, move, park, drop, set, measure, "
                   "note, show or history)"), sub);
  return HRB_EXIT_USAGE;
}
