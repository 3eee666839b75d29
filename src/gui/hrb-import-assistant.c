/* hrb-import-assistant.c: the import assistant. */
#include "config.h"
#include "hrb-a11y.h"
#include "hrb-backup-ui.h"
#include "hrb-application.h"
#include "hrb-import-assistant.h"
#include "hrb-compat.h"
#include "hrb-import.h"

#include <glib/gi18n.h>
#include <string.h>

#define PREVIEW_ROWS 6

enum { STEP_FILE, STEP_FORMAT, STEP_COLUMNS, STEP_CHECK, STEP_IMPORT, N_STEPS };

static const char *step_names[N_STEPS] = { "file", "format", "columns", "check", "import" };

/* Presets in the order of the combo row. */
static const HrbImportSource presets[] = {
  HRB_IMPORT_HORIZONSCAN, HRB_IMPORT_GIP_ADDON, HRB_IMPORT_EMA, HRB_IMPORT_GIP_TOP500, HRB_IMPORT_MAPPED,
};

/* The fields the mapping step offers (a subset of hrb_import_map_targets()). */
static const struct {
  const char *target;
  const char *label;
  const char *guess[4];    /* header words that suggest this field */
} mapped_fields[] = {
  { "inn", N_("Active substance (required)"), { "stof", "substance", "inn", NULL } },
  { "brand", N_("Brand"), { "merk", "brand", "naam", NULL } },
  { "atc", N_("ATC code"), { "atc", NULL } },
  { "indication", N_("Indication"), { "indicatie", "indication", NULL } },
  { "source_id", N_("Source id"), { "id", NULL } },
  { "patients", N_("Patients"), { "patient", "volume", NULL } },
  { "cost", N_("Cost per patient"), { "kosten", "cost", "prijs", NULL } },
  { "budget", N_("Budget impact"), { "totaal", "total", "budget", "vergoeding" } },
  { "year", N_("Year"), { "jaar", "year", NULL } },
  { "phase", N_("Phase"), { "fase", "phase", NULL } },
  { "status", N_("Package status"), { "status", NULL } },
  { "setting", N_("Setting"), { "kader", "setting", NULL } },
  { "domain", N_("Domain"), { "domein", "domain", NULL } },
};

struct _HrbImportAssistant
{
  AdwWindow     parent_instance;

  HrbWindow    *window;          /* weak */
  HrbStore     *store;
  GFile        *file;
  char         *path;
  int           step;
  GCancellable *cancellable;
  gboolean      busy;
  char        **header;
  HrbImportResult *plan;

  GtkWidget    *stack;
  GtkWidget    *back_button;
  GtkWidget    *next_button;
  GtkWidget    *title;

  GtkWidget    *file_page;       /* AdwStatusPage */
  GtkWidget    *file_label;

  GtkWidget    *encoding_row;
  GtkWidget    *delimiter_row;
  GtkWidget    *decimal_row;
  GtkWidget    *detected_row;
  GtkWidget    *header_label;

  GtkWidget    *preset_row;
  GtkWidget    *source_row;      /* AdwEntryRow: the source name (mapped) */
  GtkWidget    *mapping_group;
  GtkWidget    *save_map_button;
  GtkWidget    *field_rows[G_N_ELEMENTS (mapped_fields)];
  GtkWidget    *preview_list;

  GtkWidget    *check_spinner;
  GtkWidget    *summary_row;
  GtkWidget    *problems_list;
  GtkWidget    *skip_switch;
  GtkWidget    *vintage_row;

  GtkWidget    *progress_bar;
  GtkWidget    *progress_label;
  GtkWidget    *cancel_button;
};

G_DEFINE_FINAL_TYPE (HrbImportAssistant, hrb_import_assistant, ADW_TYPE_WINDOW)

static void update_buttons (HrbImportAssistant *self);

/* Helpers ----------------------------------------------------------------------- */

static GtkWidget *
combo_row (const char *title, const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (items)));
  return row;
}

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  GtkWidget *sw = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), child);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (sw, TRUE);
  return sw;
}

static HrbImportSource
selected_preset (HrbImportAssistant *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->preset_row));

  return presets[MIN (i, G_N_ELEMENTS (presets) - 1)];
}

static char
selected_delimiter (HrbImportAssistant *self)
{
  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (self->delimiter_row)))
    {
    case 1: return ';';
    case 2: return ',';
    case 3: return '\t';
    default: return 0;
    }
}

/* The mapping as chosen on the columns page. */
static HrbImportMap *
build_map (HrbImportAssistant *self)
{
  HrbImportMap *map = hrb_import_map_new ();
  const char *source = gtk_editable_get_text (GTK_EDITABLE (self->source_row));

  map->source = g_strdup (source && *source ? source : _("Own file"));
  map->delimiter = selected_delimiter (self);
  map->decimal = (HrbDecimalStyle) adw_combo_row_get_selected (ADW_COMBO_ROW (self->decimal_row));
  map->encoding = (HrbCsvEncoding) adw_combo_row_get_selected (ADW_COMBO_ROW (self->encoding_row));
  for (guint f = 0; f < G_N_ELEMENTS (mapped_fields); f++)
    {
      guint sel = adw_combo_row_get_selected (ADW_COMBO_ROW (self->field_rows[f]));
      if (sel > 0 && self->header && sel <= g_strv_length (self->header))
        g_hash_table_replace (map->columns, g_strdup (mapped_fields[f].target),
                              g_strdup_printf ("#%u", sel));
    }
  return map;
}

/* Step 2: reading the start of the file --------------------------------------------- */

static HrbImportSource
guess_preset (char **header)
{
  guint n = header ? g_strv_length (header) : 0;
  gboolean stof = FALSE, kosten = FALSE, category = FALSE, vergoeding = FALSE, atc_code = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *h = g_ascii_strdown (header[i], -1);
      stof |= g_str_equal (h, "stof");
      kosten |= g_str_equal (h, "kosten");
      category |= g_str_equal (h, "category");
      vergoeding |= g_str_has_prefix (h, "vergoeding_");
      atc_code |= g_str_equal (h, "atc-code");
    }
  if (n >= 60 || (stof && kosten))
    return HRB_IMPORT_HORIZONSCAN;
  if (category)
    return HRB_IMPORT_EMA;
  if (vergoeding)
    return HRB_IMPORT_GIP_ADDON;
  if (atc_code)
    return HRB_IMPORT_GIP_TOP500;
  return HRB_IMPORT_MAPPED;
}

static void
fill_mapping_rows (HrbImportAssistant *self)
{
  guint n = self->header ? g_strv_length (self->header) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (items, g_strdup (_("(not in the file)")));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_strdup_printf ("%u: %s", i + 1, self->header[i]));
  g_ptr_array_add (items, NULL);
  for (guint f = 0; f < G_N_ELEMENTS (mapped_fields); f++)
    {
      guint guess = 0;

      adw_combo_row_set_model (ADW_COMBO_ROW (self->field_rows[f]),
                               G_LIST_MODEL (gtk_string_list_new ((const char * const *) items->pdata)));
      for (guint i = 0; i < n && guess == 0; i++)
        {
          g_autofree char *h = g_utf8_strdown (self->header[i], -1);
          for (guint w = 0; w < G_N_ELEMENTS (mapped_fields[f].guess) && mapped_fields[f].guess[w]; w++)
            if ((g_str_equal (mapped_fields[f].guess[w], "id") && g_str_equal (h, "id")) ||
                (!g_str_equal (mapped_fields[f].guess[w], "id") && strstr (h, mapped_fields[f].guess[w])))
              {
                guess = i + 1;
                break;
              }
        }
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->field_rows[f]), guess);
    }
}

/* Reads the header and the first rows with the chosen format. */
static gboolean
read_start (HrbImportAssistant *self, GError **error)
{
  HrbCsvOptions opts = { 0 };
  g_autoptr(HrbCsvReader) r = NULL;
  g_autoptr(GString) preview = g_string_new (NULL);
  g_autofree char *detected = NULL;
  const char * const *fields;
  guint n, rows = 0;

  opts.delimiter = selected_delimiter (self);
  opts.encoding = (HrbCsvEncoding) adw_combo_row_get_selected (ADW_COMBO_ROW (self->encoding_row));
  r = hrb_csv_reader_open (self->path, &opts, error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&self->header, g_strfreev);
  while (rows < PREVIEW_ROWS && hrb_csv_reader_next (r, &fields, &n, error))
    {
      if (rows == 0)
        self->header = g_strdupv ((char **) fields);
      for (guint i = 0; i < n && i < 8; i++)
        {
          g_autofree char *cell = g_strndup (fields[i], 24);
          g_autofree char *escaped = g_markup_escape_text (cell, -1);
          g_string_append_printf (preview, "%s%s", i ? " │ " : "", escaped);
        }
      if (n > 8)
        g_string_append (preview, " │ …");
      g_string_append_c (preview, '\n');
      rows++;
    }
  if (error && *error)
    return FALSE;
  detected = g_strdup_printf (_("%s, delimiter “%s”%s%s; %u columns"),
                              hrb_csv_encoding_name (hrb_csv_reader_get_encoding (r)),
                              hrb_csv_reader_get_delimiter (r) == '\t' ? "tab" :
                                (hrb_csv_reader_get_delimiter (r) == ';' ? ";" : ","),
                              hrb_csv_reader_has_bom (r) ? _(", byte order mark") : "",
                              hrb_csv_reader_has_crlf (r) ? _(", CRLF line ends") : "",
                              self->header ? g_strv_length (self->header) : 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->detected_row), detected);
  gtk_label_set_markup (GTK_LABEL (self->header_label), preview->str);
  fill_mapping_rows (self);
  return TRUE;
}

/* Step 1: the file ------------------------------------------------------------------- */

static void
set_file (HrbImportAssistant *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;

  g_set_object (&self->file, file);
  g_free (self->path);
  self->path = g_file_get_path (file);
  base = g_file_get_basename (file);
  gtk_label_set_text (GTK_LABEL (self->file_label), base);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->encoding_row), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->delimiter_row), 0);
  if (self->path == NULL || !read_start (self, &error))
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", base,
                                              error ? error->message : _("not a local file"));
      gtk_label_set_text (GTK_LABEL (self->file_label), msg);
      g_clear_pointer (&self->path, g_free);
    }
  else
    {
      HrbImportSource guess = guess_preset (self->header);
      for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
        if (presets[i] == guess)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->preset_row), i);
    }
  update_buttons (self);
}

static void
file_chosen_cb (GFile *file, gpointer user_data)
{
  HrbImportAssistant *self = user_data;

  if (file)
    set_file (self, file);
  g_object_unref (self);
}

static void
choose_clicked_cb (HrbImportAssistant *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  hrb_compat_choose_file (GTK_WINDOW (self), _("Choose a File to Import"), FALSE, _("_Open"), NULL,
                          filter, file_chosen_cb, g_object_ref (self));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  HrbImportAssistant *self = user_data;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->busy)
    return FALSE;
  set_file (self, g_value_get_object (value));
  return TRUE;
}

static void
format_changed_cb (HrbImportAssistant *self)
{
  g_autoptr(GError) error = NULL;

  if (self->path && !read_start (self, &error))
    gtk_label_set_text (GTK_LABEL (self->header_label), error->message);
}

static void fill_options (HrbImportAssistant *self, HrbImportOptions *opts, HrbImportMap **map,
                          gboolean dry_run);

static char *
range_label (HrbRange r)
{
  if (!hrb_is_known (r.low) && !hrb_is_known (r.high))
    return g_strdup ("?");
  if (!hrb_is_known (r.low))
    return g_strdup_printf ("< %.15g", r.high);
  if (!hrb_is_known (r.high))
    return g_strdup_printf ("> %.15g", r.low);
  if (r.low == r.high)
    return g_strdup_printf ("%.15g", r.low);
  return g_strdup_printf ("%.15g – %.15g", r.low, r.high);
}

static void
preview_row_cb (const HrbImportPreviewRow *pr, gpointer user_data)
{
  HrbImportAssistant *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *p = range_label (pr->patients);
  g_autofree char *c = range_label (pr->cost);
  g_autofree char *b = range_label (pr->budget);

  title = g_markup_printf_escaped (_("Row %u: %s"), pr->row, pr->label ? pr->label : "—");
  if (pr->problem)
    sub = g_markup_escape_text (pr->problem, -1);
  else
    sub = g_markup_printf_escaped (_("patients %s · cost per patient %s · budget impact %s"), p, c, b);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  if (pr->problem)
    gtk_widget_add_css_class (row, "error");
  gtk_list_box_append (GTK_LIST_BOX (self->preview_list), row);
}

/* The first rows as they will be stored, with their problems. */
static void
update_preview (HrbImportAssistant *self)
{
  g_autoptr(HrbImportMap) map = NULL;
  g_autoptr(HrbImportResult) res = NULL;
  g_autoptr(GError) error = NULL;
  HrbImportOptions opts;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->preview_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->preview_list), child);
  if (self->busy || self->store == NULL || self->path == NULL || self->step != STEP_COLUMNS)
    return;
  if (selected_preset (self) == HRB_IMPORT_MAPPED &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (self->field_rows[0])) == 0)
    return;
  fill_options (self, &opts, &map, TRUE);
  opts.max_rows = PREVIEW_ROWS;
  opts.row_func = preview_row_cb;
  opts.row_data = self;
  if (!hrb_import_file (self->store, self->path, &opts, &res, &error) && res && res->problems->len > 0 &&
      gtk_widget_get_first_child (self->preview_list) == NULL)
    {
      HrbImportProblem *p = g_ptr_array_index (res->problems, 0);
      HrbImportPreviewRow pr = { p->row, NULL, HRB_RANGE_UNKNOWN, HRB_RANGE_UNKNOWN, HRB_RANGE_UNKNOWN,
                                 p->message };
      preview_row_cb (&pr, self);
    }
}

static void
preset_changed_cb (HrbImportAssistant *self)
{
  gboolean mapped = selected_preset (self) == HRB_IMPORT_MAPPED;

  gtk_widget_set_visible (self->mapping_group, mapped);
  gtk_widget_set_visible (self->save_map_button, mapped);
  update_buttons (self);
  update_preview (self);
}

static void
field_changed_cb (HrbImportAssistant *self)
{
  update_buttons (self);
  update_preview (self);
}

static void
map_saved_cb (GFile *file, gpointer user_data)
{
  HrbImportAssistant *self = user_data;
  g_autoptr(HrbImportMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path)
    {
      map = build_map (self);
      if (!hrb_import_map_save (map, path, &error) && self->window)
        hrb_window_add_toast (self->window, adw_toast_new (error->message));
    }
  g_object_unref (self);
}

static void
save_map_clicked_cb (HrbImportAssistant *self)
{
  hrb_compat_choose_file (GTK_WINDOW (self), _("Save the Mapping"), TRUE, _("_Save"), "indeling.map",
                          NULL, map_saved_cb, g_object_ref (self));
}

/* Step 4: the dry run ------------------------------------------------------------------- */

static void
fill_options (HrbImportAssistant *self, HrbImportOptions *opts, HrbImportMap **map, gboolean dry_run)
{
  const char *vintage = gtk_editable_get_text (GTK_EDITABLE (self->vintage_row));

  memset (opts, 0, sizeof *opts);
  opts->source = selected_preset (self);
  opts->dry_run = dry_run;
  opts->skip_invalid = gtk_switch_get_active (GTK_SWITCH (self->skip_switch));
  opts->vintage = vintage && *vintage ? vintage : NULL;
  opts->delimiter = selected_delimiter (self);
  opts->encoding = (HrbCsvEncoding) adw_combo_row_get_selected (ADW_COMBO_ROW (self->encoding_row));
  opts->decimal = (HrbDecimalStyle) adw_combo_row_get_selected (ADW_COMBO_ROW (self->decimal_row));
  if (opts->source == HRB_IMPORT_MAPPED)
    {
      *map = build_map (self);
      opts->map = *map;
    }
}

static void
clear_problems (HrbImportAssistant *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->problems_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->problems_list), child);
}

static void
show_plan (HrbImportAssistant *self, HrbImportResult *res, GError *error)
{
  g_autofree char *summary = NULL;

  clear_problems (self);
  if (res)
    summary = g_strdup_printf (_("%u new, %u updated, %u unchanged, %u rejected, %u left out, %u removed"),
                               res->n_new, res->n_updated, res->n_unchanged, res->n_rejected,
                               res->n_skipped, res->n_removed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row),
                                 summary ? summary : _("The file cannot be imported"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->summary_row),
                               error && !(res && res->problems->len) ? error->message : "");
  for (guint i = 0; res && i < res->problems->len && i < 200; i++)
    {
      HrbImportProblem *p = g_ptr_array_index (res->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = p->column_name
        ? g_strdup_printf (_("Row %u, column %u (%s)"), p->row, p->column, p->column_name)
        : g_strdup_printf (_("Row %u, column %u"), p->row, p->column);
      g_autofree char *msg = g_markup_escape_text (p->message, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), msg);
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (GTK_LIST_BOX (self->problems_list), row);
    }
  for (guint i = 0; res && i < res->notes->len && i < 50; i++)
    {
      HrbImportProblem *p = g_ptr_array_index (res->notes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = g_strdup_printf (_("Row %u, column %u: note"), p->row, p->column);
      g_autofree char *msg = g_markup_escape_text (p->message, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), msg);
      gtk_list_box_append (GTK_LIST_BOX (self->problems_list), row);
    }
  gtk_widget_set_visible (self->problems_list, gtk_widget_get_first_child (self->problems_list) != NULL);
}

static void
dry_run_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HrbImportAssistant *self = user_data;
  g_autoptr(GError) error = NULL;
  HrbImportResult *res = NULL;

  hrb_import_file_finish (result, &res, &error);
  self->busy = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->check_spinner));
  g_clear_pointer (&self->plan, hrb_import_result_free);
  self->plan = res;
  show_plan (self, res, error);
  update_buttons (self);
  g_object_unref (self);
}

static void
run_dry_run (HrbImportAssistant *self)
{
  g_autoptr(HrbImportMap) map = NULL;
  g_autofree char *backup_folder = NULL;
  HrbImportOptions opts;

  if (self->busy || self->store == NULL || self->path == NULL)
    return;
  fill_options (self, &opts, &map, TRUE);
  opts.skip_invalid = FALSE;
  self->busy = TRUE;
  g_clear_pointer (&self->plan, hrb_import_result_free);
  gtk_spinner_start (GTK_SPINNER (self->check_spinner));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), _("Checking the file…"));
  /* The map is copied by value into the task; keep it alive with the task. */
  if (map)
    g_object_set_data_full (G_OBJECT (self), "hrb-dry-run-map", g_steal_pointer (&map),
                            (GDestroyNotify) hrb_import_map_free);
  opts.map = g_object_get_data (G_OBJECT (self), "hrb-dry-run-map");
  hrb_import_file_async (self->store, self->path, &opts, NULL, dry_run_done_cb, g_object_ref (self));
  update_buttons (self);
}

/* Step 5: importing ---------------------------------------------------------------------- */

typedef struct {
  GWeakRef  assistant;
  double    fraction;
} Progress;

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *p = data;
  g_autoptr(HrbImportAssistant) self = g_weak_ref_get (&p->assistant);

  if (self)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), p->fraction);
  g_weak_ref_clear (&p->assistant);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* Called in the importing thread. */
static void
progress_cb (double fraction, gpointer user_data)
{
  Progress *p = g_new0 (Progress, 1);

  g_weak_ref_init (&p->assistant, user_data);
  p->fraction = fraction;
  g_idle_add (progress_idle_cb, p);
}

static void
show_changes_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbWindow *window = user_data;
  HrbStore *store = hrb_window_get_store (window);
  GtkWidget *w;

  if (store == NULL)
    return;
  w = hrb_import_changes_window_new (GTK_WINDOW (window), store, g_variant_get_int64 (param));
  gtk_window_present (GTK_WINDOW (w));
}

static void
import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HrbImportAssistant *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HrbImportResult) res = NULL;
  gboolean ok = hrb_import_file_finish (result, &res, &error);

  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  if (ok && self->window)
    {
      g_autofree char *text = g_strdup_printf (_("Imported: %u new, %u updated, %u unchanged"),
                                               res->n_new, res->n_updated, res->n_unchanged);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("Show Changes"));
      adw_toast_set_action_name (toast, "win.import-changes");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (res->batch_id));
      adw_toast_set_timeout (toast, 10);
      hrb_window_set_store (self->window, self->store);   /* reload the lists */
      hrb_window_add_toast (self->window, toast);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->progress_label), error ? error->message : _("The import failed."));
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
      gtk_widget_set_sensitive (self->cancel_button, FALSE);
      update_buttons (self);
    }
  g_object_unref (self);
}

static void
run_import (HrbImportAssistant *self)
{
  g_autoptr(HrbImportMap) map = NULL;
  HrbImportOptions opts;

  if (self->busy || self->store == NULL || self->path == NULL)
    return;
  fill_options (self, &opts, &map, FALSE);
  if (map)
    g_object_set_data_full (G_OBJECT (self), "hrb-import-map", g_steal_pointer (&map),
                            (GDestroyNotify) hrb_import_map_free);
  opts.map = g_object_get_data (G_OBJECT (self), "hrb-import-map");
  opts.progress = progress_cb;
  opts.progress_data = self;
  {
    GApplication *app = g_application_get_default ();
    GSettings *settings = HRB_IS_APPLICATION (app) ? hrb_application_get_settings (HRB_APPLICATION (app)) : NULL;

    opts.backup_keep = hrb_backup_keep (settings);
    /* Kept with the assistant: the import reads it in its thread. */
    g_object_set_data_full (G_OBJECT (self), "hrb-backup-folder", hrb_backup_folder (settings), g_free);
    opts.backup_folder = g_object_get_data (G_OBJECT (self), "hrb-backup-folder");
  }
  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (GTK_LABEL (self->progress_label), _("Importing… Cancel imports nothing."));
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  hrb_import_file_async (self->store, self->path, &opts, self->cancellable, import_done_cb,
                         g_object_ref (self));
  update_buttons (self);
}

static void
cancel_clicked_cb (HrbImportAssistant *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

/* Navigation -------------------------------------------------------------------------- */

static void
update_buttons (HrbImportAssistant *self)
{
  gboolean can_next = !self->busy;

  switch (self->step)
    {
    case STEP_FILE:
    case STEP_FORMAT:
      can_next &= self->path != NULL && self->header != NULL;
      break;
    case STEP_COLUMNS:
      if (selected_preset (self) == HRB_IMPORT_MAPPED)
        can_next &= adw_combo_row_get_selected (ADW_COMBO_ROW (self->field_rows[0])) > 0;
      break;
    case STEP_CHECK:
      can_next &= self->plan != NULL &&
                  (self->plan->problems->len == 0 ||
                   (gtk_switch_get_active (GTK_SWITCH (self->skip_switch)) &&
                    self->plan->n_rejected > 0 && self->plan->n_rows > self->plan->n_rejected));
      break;
    default:
      can_next = FALSE;
      break;
    }
  gtk_widget_set_sensitive (self->next_button, can_next);
  gtk_widget_set_sensitive (self->back_button, self->step > STEP_FILE && !self->busy);
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        self->step == STEP_CHECK ? _("_Import") : _("_Next"));
  gtk_widget_set_visible (self->next_button, self->step != STEP_IMPORT);
}

static void
go_to (HrbImportAssistant *self, int step)
{
  const char *titles[N_STEPS] = {
    N_("1 File"), N_("2 Format"), N_("3 Columns"), N_("4 Check"), N_("5 Import"),
  };

  self->step = CLAMP (step, 0, N_STEPS - 1);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), step_names[self->step]);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), _(titles[self->step]));
  if (self->step == STEP_COLUMNS)
    update_preview (self);
  else if (self->step == STEP_CHECK)
    run_dry_run (self);
  else if (self->step == STEP_IMPORT)
    run_import (self);
  update_buttons (self);
}

static void
next_clicked_cb (HrbImportAssistant *self)
{
  go_to (self, self->step + 1);
}

static void
back_clicked_cb (HrbImportAssistant *self)
{
  go_to (self, self->step - 1);
}

static gboolean
close_request_cb (HrbImportAssistant *self)
{
  /* Closing while importing cancels (nothing is imported). */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* Construction ------------------------------------------------------------------------ */

static GtkWidget *
build_file_page (HrbImportAssistant *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose a File…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  self->file_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->file_page), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->file_page), _("Drop a File Here"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->file_page),
      _("A CSV file: a Horizonscan export, GIP amounts, the EMA medicines list or any table."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  self->file_label = gtk_label_new ("");
  gtk_label_set_wrap (GTK_LABEL (self->file_label), TRUE);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), self->file_label);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->file_page), box);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->file_page, GTK_EVENT_CONTROLLER (drop));
  return self->file_page;
}

static GtkWidget *
build_format_page (HrbImportAssistant *self)
{
  const char *encodings[] = { N_("Detect"), "UTF-8", "Windows-1252", NULL };
  const char *delimiters[] = { N_("Detect"), ";", ",", N_("Tab"), NULL };
  const char *decimals[] = { N_("Detect"), N_("Point (1,234.5)"), N_("Comma (1.234,5)"), NULL };
  const char *tr_enc[4], *tr_del[5], *tr_dec[4];
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < 4; i++)
    tr_enc[i] = encodings[i] ? (i == 0 ? _(encodings[i]) : encodings[i]) : NULL;
  for (guint i = 0; i < 5; i++)
    tr_del[i] = delimiters[i] ? (i == 0 || i == 3 ? _(delimiters[i]) : delimiters[i]) : NULL;
  for (guint i = 0; i < 4; i++)
    tr_dec[i] = decimals[i] ? _(decimals[i]) : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Format"));
  self->detected_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->detected_row), _("Detected"));
  self->encoding_row = combo_row (_("Encoding"), tr_enc);
  self->delimiter_row = combo_row (_("Delimiter"), tr_del);
  self->decimal_row = combo_row (_("Decimal convention"), tr_dec);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->detected_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->encoding_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->delimiter_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->decimal_row);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (format_changed_cb), self);

  self->header_label = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (self->header_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->header_label), TRUE);
  gtk_widget_add_css_class (self->header_label, "monospace");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("The header row and the first rows:")));
  gtk_box_append (GTK_BOX (box), self->header_label);
  return scrolled_page (box);
}

static GtkWidget *
build_columns_page (HrbImportAssistant *self)
{
  const char *names[] = {
    N_("Horizonscan (snapshot or 60-column export)"), N_("GIP add-on amounts per ATC"),
    N_("EMA medicines list"), N_("GIP top 500"), N_("Own layout (map the columns)"), NULL
  };
  const char *tr[6];
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < 6; i++)
    tr[i] = names[i] ? _(names[i]) : NULL;
  self->preset_row = combo_row (_("Kind of file"), tr);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->preset_row);
  g_signal_connect_swapped (self->preset_row, "notify::selected", G_CALLBACK (preset_changed_cb), self);

  self->mapping_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->mapping_group), _("Columns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->mapping_group),
                                         _("Choose the column of the file for each field."));
  self->source_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("Source name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->mapping_group), self->source_row);
  for (guint f = 0; f < G_N_ELEMENTS (mapped_fields); f++)
    {
      const char *none[] = { "", NULL };
      self->field_rows[f] = combo_row (_(mapped_fields[f].label), none);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->mapping_group), self->field_rows[f]);
      g_signal_connect_swapped (self->field_rows[f], "notify::selected", G_CALLBACK (field_changed_cb), self);
    }
  self->save_map_button = gtk_button_new_with_mnemonic (_("_Save the Mapping…"));
  gtk_widget_set_halign (self->save_map_button, GTK_ALIGN_END);
  g_signal_connect_swapped (self->save_map_button, "clicked", G_CALLBACK (save_map_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), self->mapping_group);
  gtk_box_append (GTK_BOX (box), self->save_map_button);
  self->preview_list = gtk_list_box_new ();
  hrb_a11y_set_label (self->preview_list, _("Preview of the first rows"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->preview_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->preview_list, "boxed-list");
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("The first rows as they will be stored:")));
  gtk_box_append (GTK_BOX (box), self->preview_list);
  gtk_widget_set_visible (self->mapping_group, FALSE);
  gtk_widget_set_visible (self->save_map_button, FALSE);
  return scrolled_page (box);
}

static void
skip_changed_cb (HrbImportAssistant *self)
{
  update_buttons (self);
}

static GtkWidget *
build_check_page (HrbImportAssistant *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *skip_row = adw_action_row_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->summary_row = adw_action_row_new ();
  /* A title from the start, so the row is never nameless; the check
   * replaces it with its result. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), _("Not checked yet"));
  self->check_spinner = gtk_spinner_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->summary_row), self->check_spinner);
  self->skip_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->skip_switch, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip_row), _("Import the valid rows only"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (skip_row), self->skip_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (skip_row), self->skip_switch);
  g_signal_connect_swapped (self->skip_switch, "notify::active", G_CALLBACK (skip_changed_cb), self);
  self->vintage_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vintage_row), _("Reference date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->vintage_row), today);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Check"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->summary_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), skip_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->vintage_row);

  self->problems_list = gtk_list_box_new ();
  hrb_a11y_set_label (self->problems_list, _("Problems"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->problems_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->problems_list, "boxed-list");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), self->problems_list);
  return scrolled_page (box);
}

static GtkWidget *
build_import_page (HrbImportAssistant *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->progress_bar = gtk_progress_bar_new ();
  self->progress_label = gtk_label_new ("");
  gtk_label_set_wrap (GTK_LABEL (self->progress_label), TRUE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (self->cancel_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->progress_bar);
  gtk_box_append (GTK_BOX (box), self->progress_label);
  gtk_box_append (GTK_BOX (box), self->cancel_button);
  return scrolled_page (box);
}

static void
hrb_import_assistant_dispose (GObject *object)
{
  HrbImportAssistant *self = HRB_IMPORT_ASSISTANT (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->plan, hrb_import_result_free);
  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (hrb_import_assistant_parent_class)->dispose (object);
}

static void
hrb_import_assistant_class_init (HrbImportAssistantClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_import_assistant_dispose;
}

static void
hrb_import_assistant_init (HrbImportAssistant *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  gtk_window_set_title (GTK_WINDOW (self), _("Import"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  self->title = adw_window_title_new (_("Import"), "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  self->back_button = gtk_button_new_with_mnemonic (_("_Back"));
  self->next_button = gtk_button_new_with_mnemonic (_("_Next"));
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->next_button);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (GTK_STACK (self->stack), build_file_page (self), step_names[STEP_FILE]);
  gtk_stack_add_named (GTK_STACK (self->stack), build_format_page (self), step_names[STEP_FORMAT]);
  gtk_stack_add_named (GTK_STACK (self->stack), build_columns_page (self), step_names[STEP_COLUMNS]);
  gtk_stack_add_named (GTK_STACK (self->stack), build_check_page (self), step_names[STEP_CHECK]);
  gtk_stack_add_named (GTK_STACK (self->stack), build_import_page (self), step_names[STEP_IMPORT]);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), self->stack);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  go_to (self, STEP_FILE);
}

HrbImportAssistant *
hrb_import_assistant_new (HrbWindow *window, GFile *file)
{
  HrbImportAssistant *self;

  g_return_val_if_fail (HRB_IS_WINDOW (window), NULL);
  self = g_object_new (HRB_TYPE_IMPORT_ASSISTANT, "transient-for", window, "modal", TRUE, NULL);
  g_set_weak_pointer (&self->window, window);
  if (hrb_window_get_store (window))
    self->store = g_object_ref (hrb_window_get_store (window));
  if (file)
    {
      set_file (self, file);
      if (self->path)
        go_to (self, STEP_FORMAT);
    }
  hrb_a11y_fix_tree (GTK_WIDGET (self));
  return self;
}

int
hrb_import_assistant_get_step (HrbImportAssistant *self)
{
  g_return_val_if_fail (HRB_IS_IMPORT_ASSISTANT (self), -1);
  return self->step;
}

gboolean
hrb_import_assistant_next (HrbImportAssistant *self)
{
  g_return_val_if_fail (HRB_IS_IMPORT_ASSISTANT (self), FALSE);
  if (!gtk_widget_get_sensitive (self->next_button) || !gtk_widget_get_visible (self->next_button))
    return FALSE;
  next_clicked_cb (self);
  return TRUE;
}

gboolean
hrb_import_assistant_is_busy (HrbImportAssistant *self)
{
  g_return_val_if_fail (HRB_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->busy;
}

const HrbImportResult *
hrb_import_assistant_get_plan (HrbImportAssistant *self)
{
  g_return_val_if_fail (HRB_IS_IMPORT_ASSISTANT (self), NULL);
  return self->plan;
}

/* The change log window ------------------------------------------------------------------ */

GtkWidget *
hrb_import_changes_window_new (GtkWindow *parent, HrbStore *store, gint64 batch_id)
{
  GtkWidget *win = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = hrb_store_list_import_changes (store, batch_id, &error);
  g_autoptr(HrbBatch) batch = hrb_store_get_batch (store, batch_id, NULL);
  g_autofree char *subtitle = batch ? g_strdup_printf ("%s, %s", batch->file_name ? batch->file_name : "",
                                                       batch->vintage ? batch->vintage : "")
                                    : NULL;
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_transient_for (GTK_WINDOW (win), parent);
  gtk_window_set_default_size (GTK_WINDOW (win), 640, 560);
  gtk_window_set_title (GTK_WINDOW (win), _("Changes of the Import"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Changes of the Import"), subtitle ? subtitle : ""));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (changes == NULL || changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     changes ? _("Nothing changed") : error->message);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; changes && i < changes->len && i < 5000; i++)
    {
      HrbImportChange *c = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (c->label ? c->label : "", -1);
      g_autofree char *sub = NULL;

      if (g_str_equal (c->kind, "new"))
        sub = g_strdup (_("New item"));
      else if (g_str_equal (c->kind, "new-medicine"))
        sub = g_strdup (_("New medicine"));
      else if (g_str_equal (c->kind, "removed"))
        sub = g_strdup (_("No longer in the source (kept)"));
      else if (g_str_equal (c->kind, "rejected") || g_str_equal (c->kind, "note"))
        sub = g_strdup_printf (_("Row %u, column %u: %s"), c->row, c->column, c->new_value ? c->new_value : "");
      else
        sub = g_strdup_printf ("%s: %s → %s", c->field ? c->field : "", c->old_value ? c->old_value : "—",
                               c->new_value ? c->new_value : "—");
      {
        g_autofree char *esc = g_markup_escape_text (sub, -1);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *title ? title : esc);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), esc);
      }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled_page (list));
  adw_window_set_content (ADW_WINDOW (win), box);
  return win;
}

/* Installing into a main window ------------------------------------------------------------ */

static void
import_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbWindow *window = user_data;
  HrbImportAssistant *a = hrb_import_assistant_new (window, NULL);

  gtk_window_present (GTK_WINDOW (a));
}

static gboolean
window_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  HrbWindow *window = user_data;
  HrbImportAssistant *a;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || hrb_window_get_store (window) == NULL)
    return FALSE;
  a = hrb_import_assistant_new (window, g_value_get_object (value));
  gtk_window_present (GTK_WINDOW (a));
  return TRUE;
}

void
hrb_import_assistant_install (HrbWindow *window)
{
  static const GActionEntry actions[] = {
    { "import", import_action_cb },
    { "import-changes", show_changes_action_cb, "x" },
  };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GMenu *section = hrb_window_get_menu_section (window, "file");
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_return_if_fail (HRB_IS_WINDOW (window));
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
  if (app)
    gtk_application_set_accels_for_action (app, "win.import", (const char *[]) { "<Control>i", NULL });
  if (section)
    g_menu_append (section, _("_Import…"), "win.import");
  g_signal_connect (drop, "drop", G_CALLBACK (window_drop_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (drop));
}
