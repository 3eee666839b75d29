/* hrb-export.c: the workbook as a whole: options, formats, document
 * properties, the order of the sheets, and writing the file safely (an
 * owner-only temporary file in the target folder, renamed into place when
 * complete). */
#include "hrb-i18n.h"
#include "hrb-export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (hrb-export-error-quark, hrb_export_error)

#define CHOICES_SHEET "Keuzelijsten"

void
hrb_export_options_init (HrbExportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->stream = HRB_STREAM_ANY;
  options->kind = HRB_EXPORT_COMMITTEE;
  options->sheets = HRB_EXPORT_SHEET_ALL;
}

static const char * const advice_choices[] = {
  "Herbeoordelen met voorrang",
  "Herbeoordelen",
  "Eerst meer informatie verzamelen",
  "Parkeren tot nieuwe informatie",
  "Geen herbeoordeling nodig",
  "Niet besproken",
  NULL
};

const char * const *
hrb_export_advice_choices (void)
{
  return advice_choices;
}

char *
hrb_export_suggest_file_name (const HrbExportOptions *options, const char *today)
{
  const char *list;
  g_autofree char *name = NULL;

  g_return_val_if_fail (options != NULL, NULL);
  if (options->frozen_list)
    list = options->frozen_list;
  else if (options->stream == HRB_STREAM_PROSPECTIVE)
    list = "Prospectief";
  else if (options->stream == HRB_STREAM_RETROSPECTIVE)
    list = "Retrospectief";
  else
    list = "Prospectief en Retrospectief";
  name = g_strdup_printf ("%sHerbeoordeling %s %.10s.xlsx",
                          options->kind == HRB_EXPORT_INTERNAL ? "VERTROUWELIJK " : "", list,
                          today ? today : "");
  for (char *p = name; *p; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      *p = '-';
  return g_utf8_make_valid (name, -1);
}

/* Formats ----------------------------------------------------------------------- */

static lxw_format *
num_format (lxw_workbook *wb, const char *code)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_num_format (f, code);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static void
create_formats (HrbExportContext *ctx)
{
  lxw_workbook *wb = ctx->wb;

  ctx->f_header = workbook_add_format (wb);
  format_set_bold (ctx->f_header);
  format_set_text_wrap (ctx->f_header);
  format_set_align (ctx->f_header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (ctx->f_header, 0xDDE7F0);
  format_set_bottom (ctx->f_header, LXW_BORDER_THIN);

  ctx->f_title = workbook_add_format (wb);
  format_set_bold (ctx->f_title);
  format_set_font_size (ctx->f_title, 14);

  ctx->f_subtitle = workbook_add_format (wb);
  format_set_bold (ctx->f_subtitle);
  format_set_font_size (ctx->f_subtitle, 12);
  format_set_font_color (ctx->f_subtitle, 0x1F4E79);

  ctx->f_text = workbook_add_format (wb);
  format_set_align (ctx->f_text, LXW_ALIGN_VERTICAL_TOP);

  ctx->f_wrap = workbook_add_format (wb);
  format_set_text_wrap (ctx->f_wrap);
  format_set_align (ctx->f_wrap, LXW_ALIGN_VERTICAL_TOP);

  ctx->f_bold = workbook_add_format (wb);
  format_set_bold (ctx->f_bold);
  format_set_align (ctx->f_bold, LXW_ALIGN_VERTICAL_TOP);

  ctx->f_warning = workbook_add_format (wb);
  format_set_bold (ctx->f_warning);
  format_set_font_color (ctx->f_warning, 0xA61C00);
  format_set_text_wrap (ctx->f_warning);
  format_set_align (ctx->f_warning, LXW_ALIGN_VERTICAL_TOP);

  ctx->f_input = workbook_add_format (wb);
  format_set_bg_color (ctx->f_input, 0xFFF8DC);
  format_set_text_wrap (ctx->f_input);
  format_set_align (ctx->f_input, LXW_ALIGN_VERTICAL_TOP);
  format_set_unlocked (ctx->f_input);

  ctx->f_flag = workbook_add_format (wb);
  format_set_align (ctx->f_flag, LXW_ALIGN_CENTER);
  format_set_align (ctx->f_flag, LXW_ALIGN_VERTICAL_TOP);

  ctx->f_int = num_format (wb, "#,##0");
  ctx->f_number = num_format (wb, "#,##0.0");
  ctx->f_score = num_format (wb, "0.0");
  /* [$€-413]: the euro sign of nl_NL, whatever the reader's locale. */
  ctx->f_euro = num_format (wb, "[$€-413] #,##0");
  ctx->f_percent = num_format (wb, "0.0%");
  ctx->f_date = num_format (wb, "dd-mm-yyyy");
  format_set_align (ctx->f_date, LXW_ALIGN_LEFT);
}

/* The hidden sheet with the choices of the dropdown. The validation refers
 * to this range instead of an inline list: libxlsxwriter 1.1.4 overflows on
 * inline lists longer than 255 bytes of UTF-8. */
gboolean
hrb_export_choices_sheet (HrbExportContext *ctx, GError **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (ctx->wb, CHOICES_SHEET);
  guint n = 0;

  if (ws == NULL)
    {
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_FAILED,
                   _("Cannot add the sheet “%s” to the workbook"), CHOICES_SHEET);
      return FALSE;
    }
  if (!hrb_xlsx_text (ctx, ws, 0, 0, "Advies triagetafel", ctx->f_bold, NULL, error))
    return FALSE;
  for (n = 0; advice_choices[n]; n++)
    if (!hrb_xlsx_text (ctx, ws, n + 1, 0, advice_choices[n], NULL, NULL, error))
      return FALSE;
  worksheet_set_column (ws, 0, 0, 40, NULL);
  worksheet_hide (ws);
  return TRUE;
}

/* Document properties ------------------------------------------------------------ */

static time_t
parse_time (const char *iso)
{
  g_autoptr(GDateTime) dt = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (dt == NULL)
    return time (NULL);
  return (time_t) g_date_time_to_unix (dt);
}

static gboolean
set_properties (HrbExportContext *ctx, const char *now, GError **error)
{
  const HrbExportOptions *o = ctx->options;
  g_autofree char *title = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *comments = NULL;
  const char *author = o->author ? o->author : hrb_store_get_author (ctx->store);
  lxw_doc_properties props = { 0 };

  title = g_strdup_printf ("%sHerbeoordeling – %s – %s", ctx->internal ? "VERTROUWELIJK – " : "",
                           ctx->list_title, ctx->today_nl);
  keywords = g_strdup_printf ("herbeoordeling, dure geneesmiddelen, prioritering, %s%s",
                              ctx->list_title, ctx->internal ? ", vertrouwelijk" : "");
  comments = g_strdup_printf ("Gemaakt met Herbeoordeling %s op %s.%s", PACKAGE_VERSION,
                              ctx->today_nl,
                              ctx->internal ? " Interne werkmap met vertrouwelijke gegevens: "
                                              "niet delen buiten het projectteam." : "");
  props.title = title;
  props.subject = (char *) "Prioritering van dure geneesmiddelen voor periodieke herbeoordeling";
  props.author = (char *) (author ? author : "");
  props.manager = NULL;
  props.company = (char *) (o->company ? o->company : "");
  props.category = (char *) (ctx->internal ? "Intern – vertrouwelijk" : "Voor de commissie");
  props.keywords = keywords;
  props.comments = comments;
  props.status = (char *) (ctx->internal ? "VERTROUWELIJK" : "");
  props.created = parse_time (now);
  if (!hrb_xlsx_check (workbook_set_properties (ctx->wb, &props), "the document properties", error))
    return FALSE;
  return hrb_xlsx_check (workbook_set_custom_property_boolean (ctx->wb, "Vertrouwelijk",
                                                               ctx->internal),
                         "the document properties", error);
}

/* Safe file writing -------------------------------------------------------------- */

static void
set_errno_error (GError **error, int err, const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  switch (err)
    {
    case ENOENT:
    case ENOTDIR:
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        /* e.g. /proc: the folder is there but takes no new files */
        g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_PERMISSION,
                     _("Cannot write %s: the folder %s does not accept new files"), path, dir);
      else if (g_file_test (dir, G_FILE_TEST_EXISTS))
        g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NO_DIRECTORY,
                     _("Cannot write %s: %s is not a folder"), path, dir);
      else
        g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NO_DIRECTORY,
                     _("Cannot write %s: the folder %s does not exist"), path, dir);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_PERMISSION,
                   _("Cannot write %s: permission denied"), path);
      break;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_NO_SPACE,
                   _("Cannot write %s: the disk is full"), path);
      break;
    default:
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_IO,
                   _("Cannot write %s: %s"), path, g_strerror (err));
      break;
    }
}

/* Creates an owner-only temporary file next to path; returns its name. */
static char *
create_temp_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX.tmp", base);
  g_autofree char *tmpl = g_build_filename (dir, name, NULL);
  int fd;

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

/* Flushes the finished file to disk: a full disk can show only here. */
static gboolean
sync_file (const char *tmp, const char *path, GError **error)
{
  int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
  struct stat st;

  if (fd < 0 || fstat (fd, &st) != 0 || fsync (fd) != 0)
    {
      int err = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (error, err, path);
      return FALSE;
    }
  close (fd);
  if (st.st_size == 0)
    {
      set_errno_error (error, ENOSPC, path);
      return FALSE;
    }
  return TRUE;
}

static void
sync_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Explains a failed workbook_close(): errno of the failing write when it
 * says something, else libxlsxwriter's own reason. */
static void
set_close_error (GError **error, lxw_error err, int saved_errno, const char *path)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG ||
      saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS ||
      saved_errno == EIO || saved_errno == ENOENT)
    set_errno_error (error, saved_errno, path);
  else
    g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_IO, _("Cannot write %s: %s"), path,
                 lxw_strerror (err));
}

static gboolean
check_target (const char *path, GError **error)
{
  g_autofree char *dir = NULL;

  if (path == NULL || path[0] == '\0')
    {
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_INVALID,
                   _("No file name given for the workbook"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_INVALID,
                   _("Cannot write %s: it is a folder"), path);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      set_errno_error (error, ENOENT, path);
      return FALSE;
    }
  return TRUE;
}

/* The export ---------------------------------------------------------------------- */

static void
context_clear (HrbExportContext *ctx)
{
  g_free (ctx->today);
  g_free (ctx->today_nl);
  g_free (ctx->list_title);
  g_free (ctx->choices_range);
  g_clear_pointer (&ctx->sheet_names, g_ptr_array_unref);
  if (ctx->ranking_free && ctx->ranking)
    ctx->ranking_free (ctx->ranking);
  ctx->ranking = NULL;
}

/* Diagnostics: G_MESSAGES_DEBUG=all shows time and memory per step. */
static void
debug_step (const char *what, gint64 t0)
{
  g_autofree char *status = NULL;
  const char *rss = NULL;

  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
        rss = strstr (status, "VmRSS:");
      g_debug ("export: %s at %.0f ms, %.*s", what, (g_get_monotonic_time () - t0) / 1000.0,
               rss ? (int) strcspn (rss, "\n") : 0, rss ? rss : "");
    }
}

static gboolean
run_step (HrbExportContext *ctx, double span, const char *step,
          gboolean (*build) (HrbExportContext *, GError **), GError **error)
{
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  ctx->step_span = span;
  if (ctx->progress)
    ctx->progress (ctx->step_base, step, ctx->progress_data);
  if (!build (ctx, error))
    return FALSE;
  ctx->step_base += span;
  return TRUE;
}

static gboolean export_workbook (HrbStore *store, const HrbExportOptions *options,
                                 HrbExportProgressFunc progress, gpointer progress_data,
                                 GCancellable *cancellable, GError **error);

/* libxlsxwriter 1.1.4 writes numbers (cell values, widths, heights, chart
 * and data bar values) with printf, which follows LC_NUMERIC: in a Dutch
 * locale "0.5" would become "0,5" and the workbook would be damaged. The
 * export therefore runs with the C numeric convention in this thread only
 * (uselocale), leaving the rest of the application's formatting alone. */
gboolean
hrb_export_workbook (HrbStore               *store,
                     const HrbExportOptions *options,
                     HrbExportProgressFunc   progress,
                     gpointer                progress_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  locale_t base, c_numeric, previous = (locale_t) 0;
  gboolean ok;

  g_return_val_if_fail (HRB_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  base = duplocale (LC_GLOBAL_LOCALE);
  c_numeric = base ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (c_numeric)
    previous = uselocale (c_numeric);
  else if (base)
    freelocale (base);
  ok = export_workbook (store, options, progress, progress_data, cancellable, error);
  if (c_numeric)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }
  return ok;
}

static gboolean
export_workbook (HrbStore               *store,
                 const HrbExportOptions *options,
                 HrbExportProgressFunc   progress,
                 gpointer                progress_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  HrbExportContext ctx = { 0 };
  g_autofree char *tmp = NULL;
  g_autofree char *now = NULL;
  HrbExportSheets sheets;
  lxw_workbook_options wb_options = { .constant_memory = LXW_FALSE };
  lxw_error err;
  int saved_errno;
  gboolean ok = FALSE;
  gint64 t0 = g_get_monotonic_time ();

  sheets = options->sheets ? options->sheets : HRB_EXPORT_SHEET_ALL;
  if (!check_target (options->path, error))
    return FALSE;

  ctx.store = store;
  ctx.options = options;
  ctx.internal = options->kind == HRB_EXPORT_INTERNAL;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  ctx.cancellable = cancellable;
  ctx.sheet_names = g_ptr_array_new_with_free_func (g_free);
  now = hrb_store_now (store);
  ctx.today = g_strndup (now, 10);
  ctx.today_nl = g_strdup_printf ("%.2s-%.2s-%.4s", ctx.today + 8, ctx.today + 5, ctx.today);
  /* Reserve the hidden sheet's name so no list can take it. */
  g_ptr_array_add (ctx.sheet_names, g_strdup (CHOICES_SHEET));
  ctx.choices_range = g_strdup_printf ("=%s!$A$2:$A$%u", CHOICES_SHEET,
                                       (guint) g_strv_length ((char **) advice_choices) + 1);

  /* Resolves the lists (and the frozen list's name) before any file is made. */
  if (!hrb_export_ranking_prepare (&ctx, error))
    goto out;
  debug_step ("lists loaded and scored", t0);

  tmp = create_temp_file (options->path, error);
  if (tmp == NULL)
    goto out;
  ctx.wb = workbook_new_opt (tmp, &wb_options);
  if (ctx.wb == NULL)
    {
      g_set_error (error, HRB_EXPORT_ERROR, HRB_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: cannot start a workbook"), options->path);
      goto out;
    }
  create_formats (&ctx);
  if (!set_properties (&ctx, now, error))
    goto out;

  if ((sheets & HRB_EXPORT_SHEET_RANKING) &&
      !run_step (&ctx, 0.70, _("Writing the ranking"), hrb_export_ranking_sheets, error))
    goto out;
  debug_step ("ranking sheets written", t0);
  if ((sheets & HRB_EXPORT_SHEET_DOSSIERS) &&
      !run_step (&ctx, 0.05, _("Writing the dossiers"), hrb_export_dossiers_sheet, error))
    goto out;
  if ((sheets & HRB_EXPORT_SHEET_METHOD) &&
      !run_step (&ctx, 0.01, _("Writing the method"), hrb_export_method_sheet, error))
    goto out;
  if ((sheets & HRB_EXPORT_SHEET_SOURCES) &&
      !run_step (&ctx, 0.03, _("Writing the sources"), hrb_export_sources_sheet, error))
    goto out;
  if ((sheets & HRB_EXPORT_SHEET_MONITORING) &&
      !run_step (&ctx, 0.03, _("Writing the monitoring figures"), hrb_export_monitoring_sheet, error))
    goto out;
  if ((sheets & HRB_EXPORT_SHEET_RANKING) && !hrb_export_choices_sheet (&ctx, error))
    goto out;
  debug_step ("all sheets written", t0);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (progress)
    progress (ctx.step_base, _("Saving the workbook"), progress_data);
  errno = 0;
  err = workbook_close (ctx.wb);
  saved_errno = errno;
  ctx.wb = NULL;
  if (err != LXW_NO_ERROR)
    {
      set_close_error (error, err, saved_errno, options->path);
      goto out;
    }
  debug_step ("workbook closed", t0);
  if (!sync_file (tmp, options->path, error))
    goto out;
  debug_step ("file synced", t0);
  if (g_rename (tmp, options->path) != 0)
    {
      set_errno_error (error, errno, options->path);
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  sync_dir (options->path);
  if (progress)
    progress (1.0, _("Done"), progress_data);
  ok = TRUE;

out:
  if (ctx.wb)
    lxw_workbook_free (ctx.wb);
  if (tmp)
    g_unlink (tmp);
  context_clear (&ctx);
  return ok;
}

/* In a thread --------------------------------------------------------------------- */

typedef struct {
  HrbStore               *store;
  HrbExportOptions        options;
  char                   *path;
  char                   *frozen_list;
  char                   *method;
  char                   *author;
  char                   *company;
  HrbExportProgressFunc   progress;
  gpointer                progress_data;
} AsyncData;

static void
async_data_free (AsyncData *d)
{
  g_clear_object (&d->store);
  g_free (d->path);
  g_free (d->frozen_list);
  g_free (d->method);
  g_free (d->author);
  g_free (d->company);
  g_free (d);
}

static void
export_thread_cb (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;

  if (hrb_export_workbook (d->store, &d->options, d->progress, d->progress_data, cancellable,
                           &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hrb_export_workbook_async (HrbStore               *store,
                           const HrbExportOptions *options,
                           HrbExportProgressFunc   progress,
                           gpointer                progress_data,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData *d;
  const char *db = NULL;

  g_return_if_fail (HRB_IS_STORE (store));
  g_return_if_fail (options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hrb_export_workbook_async);
  d = g_new0 (AsyncData, 1);
  d->options = *options;
  d->options.path = d->path = g_strdup (options->path);
  d->options.frozen_list = d->frozen_list = g_strdup (options->frozen_list);
  d->options.method = d->method = g_strdup (options->method);
  d->options.author = d->author = g_strdup (options->author ? options->author
                                                            : hrb_store_get_author (store));
  d->options.company = d->company = g_strdup (options->company);
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_task_data (task, d, (GDestroyNotify) async_data_free);

  db = hrb_store_get_path (store);
  if (db != NULL && g_strcmp0 (db, ":memory:") != 0)
    {
      /* SQLite connections are not shared between threads here: the
       * export reads through its own. */
      d->store = hrb_store_open (db, &error);
      if (d->store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      hrb_store_set_author (d->store, hrb_store_get_author (store));
    }
  else
    d->store = g_object_ref (store);
  g_task_run_in_thread (task, export_thread_cb);
}

gboolean
hrb_export_workbook_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
