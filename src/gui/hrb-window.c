/* hrb-window.c: the main window. */
#include "config.h"
#include "hrb-window.h"
#include "hrb-application.h"
#include "hrb-item-dialog.h"
#include "hrb-dossier-install.h"
#include "hrb-scoring-install.h"
#include "hrb-import-assistant.h"
#include "hrb-export-dialog.h"
#include "hrb-watch.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

struct _HrbWindow
{
  AdwApplicationWindow parent_instance;

  HrbStore        *store;
  GSettings       *settings;
  GCancellable    *load_cancellable;
  gboolean         loading;         /* the lists wait for items */
  gboolean         thread_running;  /* a loading thread uses the store */
  gboolean         reload_pending;  /* load again when that thread ends */
  HrbListPage     *lists[2];
  GArray          *load_steps;   /* LoadStep */

  /* Template widgets and objects. */
  AdwHeaderBar        *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget           *file_label;
  GtkWidget           *demo_revealer;
  GtkWidget           *demo_detail_label;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *main_stack;
  GtkWidget           *spinner;
  AdwViewStack        *stack;
  GMenu               *file_section;
  GMenu               *items_section;
  GMenu               *help_section;
};

G_DEFINE_FINAL_TYPE (HrbWindow, hrb_window, ADW_TYPE_APPLICATION_WINDOW)

enum { SIGNAL_ITEMS_LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Loading ------------------------------------------------------------------ */

typedef struct {
  HrbLoadThreadFunc thread_func;
  HrbLoadApplyFunc  apply_func;
  GDestroyNotify    result_free;
  gpointer          user_data;
} LoadStep;

typedef struct {
  HrbStore *store;
  GArray   *steps;          /* LoadStep, a copy made when the load starts */
} LoadJob;

typedef struct {
  GPtrArray *objects[2];   /* HrbItemObject per stream */
  GArray    *steps;        /* borrowed from the job */
  gpointer  *results;      /* one per step */
  gboolean   demo;
} LoadResult;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_object_unref (job->store);
  g_array_unref (job->steps);
  g_free (job);
}

static void
load_result_free (gpointer data)
{
  LoadResult *r = data;

  for (guint i = 0; r->results && i < r->steps->len; i++)
    {
      LoadStep *step = &g_array_index (r->steps, LoadStep, i);
      if (r->results[i] && step->result_free)
        step->result_free (r->results[i]);
    }
  g_free (r->results);
  g_clear_pointer (&r->steps, g_array_unref);
  g_clear_pointer (&r->objects[0], g_ptr_array_unref);
  g_clear_pointer (&r->objects[1], g_ptr_array_unref);
  g_free (r);
}

void
hrb_window_add_load_step (HrbWindow        *self,
                          HrbLoadThreadFunc thread_func,
                          HrbLoadApplyFunc  apply_func,
                          GDestroyNotify    result_free,
                          gpointer          user_data)
{
  LoadStep step = { thread_func, apply_func, result_free, user_data };

  g_return_if_fail (HRB_IS_WINDOW (self));
  g_return_if_fail (thread_func != NULL);

  g_array_append_val (self->load_steps, step);
}

/* Worker thread: reads the items and builds the row objects (with their
 * sort and search keys). The main thread does not use the store meanwhile. */
static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadJob *job = task_data;
  HrbStore *store = job->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = hrb_store_list_items (store, HRB_STREAM_ANY, &error);
  LoadResult *r;

  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  r = g_new0 (LoadResult, 1);
  r->objects[0] = g_ptr_array_new_with_free_func (g_object_unref);
  r->objects[1] = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_free_func (items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      HrbItem *item = g_ptr_array_index (items, i);
      HrbStream stream = hrb_item_stream (item);

      g_ptr_array_add (r->objects[stream == HRB_STREAM_RETROSPECTIVE ? 1 : 0], hrb_item_object_new (item));
    }

  r->demo = hrb_store_is_demo (store);
  r->steps = g_array_ref (job->steps);
  r->results = g_new0 (gpointer, job->steps->len);
  if (job->steps->len > 0)
    {
      g_autoptr(GPtrArray) all = g_ptr_array_sized_new (r->objects[0]->len + r->objects[1]->len);

      g_ptr_array_extend (all, r->objects[0], NULL, NULL);
      g_ptr_array_extend (all, r->objects[1], NULL, NULL);
      for (guint i = 0; i < job->steps->len; i++)
        {
          LoadStep *step = &g_array_index (job->steps, LoadStep, i);
          r->results[i] = step->thread_func (store, all, step->user_data);
        }
    }
  g_task_return_pointer (task, r, load_result_free);
}

static void start_load (HrbWindow *self);
static void update_title (HrbWindow *self, gboolean demo);

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HrbWindow *self = HRB_WINDOW (source);
  g_autoptr(GError) error = NULL;
  LoadResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  self->thread_running = FALSE;
  if (self->reload_pending && self->store != NULL)
    {
      /* Another store (or a reload) was asked for while this ran. */
      self->reload_pending = FALSE;
      g_clear_pointer (&r, load_result_free);
      start_load (self);
      return;
    }
  if (r == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *toast = adw_toast_new_format (_("Cannot load the items: %s"), error->message);

          adw_toast_set_timeout (toast, 0);
          hrb_window_add_toast (self, toast);
          self->loading = FALSE;
          gtk_spinner_stop (GTK_SPINNER (self->spinner));
          gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "pages");
        }
      return;
    }
  update_title (self, r->demo);
  hrb_list_page_set_items (self->lists[0], r->objects[0]);
  hrb_list_page_set_items (self->lists[1], r->objects[1]);
  self->loading = FALSE;
  for (guint i = 0; i < r->steps->len; i++)
    {
      LoadStep *step = &g_array_index (r->steps, LoadStep, i);
      if (step->apply_func)
        step->apply_func (self, r->results[i], step->user_data);
    }
  load_result_free (r);
#ifdef __GLIBC__
  /* The loading thread's short-lived buffers (query rows, sort keys) leave
   * free pages behind in its heap: give them back. */
  malloc_trim (0);
#endif
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "pages");
  g_signal_emit (self, signals[SIGNAL_ITEMS_LOADED], 0);
}

static void
update_title (HrbWindow *self, gboolean demo)
{
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  const char *path = self->store ? hrb_store_get_path (self->store) : NULL;

  base = path ? g_path_get_basename (path) : g_strdup ("");
  if (demo)
    {
      /* Translators: window subtitle of a demo database; %s is the file name */
      g_autofree char *sub = g_strdup_printf (_("%s · Demo data, fictional figures"), base);
      adw_view_switcher_title_set_subtitle (self->switcher_title, sub);
    }
  else
    adw_view_switcher_title_set_subtitle (self->switcher_title, base);
  /* Translators: window title; %s is the database file name */
  title = g_strdup_printf (_("%s — Herbeoordeling"), base);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->demo_revealer), demo);
  /* The switcher hides the subtitle when it has room for the pages; the
   * file name stays visible in the header bar. */
  gtk_label_set_text (GTK_LABEL (self->file_label), base);
  if (path)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title), path);
      gtk_widget_set_tooltip_text (self->file_label, path);
    }
}

/* Runs the loading thread. Only one runs at a time: the store is not used
 * from two threads at once. */
static void
start_load (HrbWindow *self)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  job->store = g_object_ref (self->store);
  job->steps = g_array_sized_new (FALSE, FALSE, sizeof (LoadStep), self->load_steps->len);
  g_array_append_vals (job->steps, self->load_steps->data, self->load_steps->len);

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, load_job_free);
  self->thread_running = TRUE;
  g_task_run_in_thread (task, load_thread);
}

void
hrb_window_set_store (HrbWindow *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_WINDOW (self));
  g_return_if_fail (HRB_IS_STORE (store));

  g_set_object (&self->store, store);
  for (guint i = 0; i < 2; i++)
    {
      hrb_list_page_set_items (self->lists[i], NULL);
      hrb_list_page_set_store (self->lists[i], store);
    }
  /* The demo flag is read with the items, in the loading thread. */
  update_title (self, FALSE);

  self->loading = TRUE;
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "loading");
  if (self->thread_running)
    {
      g_cancellable_cancel (self->load_cancellable);
      self->reload_pending = TRUE;
      return;
    }
  start_load (self);
}

gboolean
hrb_window_is_loading (HrbWindow *self)
{
  g_return_val_if_fail (HRB_IS_WINDOW (self), FALSE);
  return self->loading;
}

HrbStore *
hrb_window_get_store (HrbWindow *self)
{
  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);
  return self->store;
}

/* Pages -------------------------------------------------------------------- */

AdwViewStackPage *
hrb_window_add_page (HrbWindow  *self,
                     const char *name,
                     const char *title,
                     const char *icon_name,
                     GtkWidget  *page)
{
  AdwViewStackPage *sp;

  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  sp = adw_view_stack_add_titled (self->stack, page, name, title);
  if (icon_name)
    adw_view_stack_page_set_icon_name (sp, icon_name);
  return sp;
}

void
hrb_window_show_page (HrbWindow *self, const char *name)
{
  g_return_if_fail (HRB_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

HrbListPage *
hrb_window_get_list_page (HrbWindow *self, HrbStream stream)
{
  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (stream == HRB_STREAM_PROSPECTIVE || stream == HRB_STREAM_RETROSPECTIVE, NULL);
  return self->lists[stream];
}

HrbListPage *
hrb_window_get_visible_list_page (HrbWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);

  child = adw_view_stack_get_visible_child (self->stack);
  return HRB_IS_LIST_PAGE (child) ? HRB_LIST_PAGE (child) : NULL;
}

GMenu *
hrb_window_get_menu_section (HrbWindow *self, const char *section)
{
  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);

  if (g_strcmp0 (section, "file") == 0)
    return self->file_section;
  if (g_strcmp0 (section, "items") == 0)
    return self->items_section;
  if (g_strcmp0 (section, "help") == 0)
    return self->help_section;
  g_return_val_if_reached (NULL);
}

void
hrb_window_add_toast (HrbWindow *self, AdwToast *toast)
{
  g_return_if_fail (HRB_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
visible_page_changed_cb (HrbWindow *self)
{
  HrbListPage *page = hrb_window_get_visible_list_page (self);
  GAction *search = g_action_map_lookup_action (G_ACTION_MAP (self), "search");

  if (search)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (search), page != NULL);
}

/* Items -------------------------------------------------------------------- */

HrbItemObject *
hrb_window_reload_item (HrbWindow *self, gint64 item_id)
{
  g_autoptr(GError) error = NULL;
  HrbItem *item;
  HrbItemObject *obj = NULL;
  HrbStream stream;

  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);

  item = hrb_store_get_item (self->store, item_id, &error);
  if (item == NULL)
    {
      hrb_list_page_remove (self->lists[0], item_id);
      hrb_list_page_remove (self->lists[1], item_id);
      return NULL;
    }
  stream = hrb_item_stream (item) == HRB_STREAM_RETROSPECTIVE ? HRB_STREAM_RETROSPECTIVE : HRB_STREAM_PROSPECTIVE;
  hrb_list_page_remove (self->lists[1 - stream], item_id);
  obj = hrb_list_page_find (self->lists[stream], item_id);
  if (obj)
    {
      hrb_item_object_set_item (obj, item);
      hrb_list_page_upsert (self->lists[stream], obj);
    }
  else
    {
      g_autoptr(HrbItemObject) fresh = hrb_item_object_new (item);

      hrb_list_page_upsert (self->lists[stream], fresh);
      obj = fresh;
    }
  return obj;
}

static void
item_saved_cb (HrbItemDialog *dialog, gint64 item_id, HrbWindow *self)
{
  HrbItemObject *obj = hrb_window_reload_item (self, item_id);

  if (obj)
    {
      HrbStream stream = hrb_item_stream (hrb_item_object_get_item (obj));
      HrbListPage *page = self->lists[stream == HRB_STREAM_RETROSPECTIVE ? 1 : 0];

      hrb_window_show_page (self, hrb_stream_to_code (hrb_list_page_get_stream (page)));
      hrb_list_page_select (page, item_id);
    }
  hrb_window_add_toast (self, adw_toast_new (_("Item saved")));
}

GtkWidget *
hrb_window_edit_item (HrbWindow *self, gint64 item_id)
{
  g_autoptr(HrbItem) item = NULL;
  HrbListPage *page;
  GtkWidget *dialog;

  g_return_val_if_fail (HRB_IS_WINDOW (self), NULL);

  if (self->store == NULL || self->loading)
    return NULL;
  if (item_id > 0)
    {
      g_autoptr(GError) error = NULL;

      item = hrb_store_get_item (self->store, item_id, &error);
      if (item == NULL)
        {
          hrb_window_add_toast (self, adw_toast_new (error->message));
          return NULL;
        }
    }
  page = hrb_window_get_visible_list_page (self);
  dialog = hrb_item_dialog_new (GTK_WINDOW (self), self->store, item,
                                page ? hrb_list_page_get_stream (page) : HRB_STREAM_PROSPECTIVE);
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (item_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
hrb_window_delete_item (HrbWindow *self, gint64 item_id, GError **error)
{
  AdwToast *toast;

  g_return_val_if_fail (HRB_IS_WINDOW (self), FALSE);

  if (!hrb_store_delete_item (self->store, item_id, error))
    return FALSE;
  hrb_list_page_remove (self->lists[0], item_id);
  hrb_list_page_remove (self->lists[1], item_id);

  toast = adw_toast_new (_("Item deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (item_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  hrb_window_add_toast (self, toast);
  return TRUE;
}

/* Actions ------------------------------------------------------------------ */

static void
search_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbListPage *page = hrb_window_get_visible_list_page (HRB_WINDOW (user_data));

  if (page)
    hrb_list_page_focus_search (page);
}

static void
new_item_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  hrb_window_edit_item (HRB_WINDOW (user_data), 0);
}

static void
edit_item_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbWindow *self = HRB_WINDOW (user_data);
  HrbListPage *page = hrb_window_get_visible_list_page (self);
  HrbItemObject *obj = page ? hrb_list_page_get_selected (page) : NULL;

  if (obj)
    hrb_window_edit_item (self, hrb_item_object_get_id (obj));
}

static void
delete_item_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbWindow *self = HRB_WINDOW (user_data);
  HrbListPage *page = hrb_window_get_visible_list_page (self);
  HrbItemObject *obj = page ? hrb_list_page_get_selected (page) : NULL;
  g_autoptr(GError) error = NULL;

  if (obj == NULL || self->store == NULL || self->loading)
    return;
  if (!hrb_window_delete_item (self, hrb_item_object_get_id (obj), &error))
    hrb_window_add_toast (self, adw_toast_new (error->message));
}

static void
undo_delete_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbWindow *self = HRB_WINDOW (user_data);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  HrbItemObject *obj;

  if (self->store == NULL || self->loading)
    return;
  if (!hrb_store_restore_item (self->store, id, &error))
    {
      hrb_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  obj = hrb_window_reload_item (self, id);
  if (obj)
    {
      HrbStream stream = hrb_item_stream (hrb_item_object_get_item (obj));
      hrb_list_page_select (self->lists[stream == HRB_STREAM_RETROSPECTIVE ? 1 : 0], id);
    }
}

static const GActionEntry win_actions[] = {
  { "search", search_action_cb },
  { "new-item", new_item_action_cb },
  { "edit-item", edit_item_action_cb },
  { "delete-item", delete_item_action_cb },
  { "undo-delete", undo_delete_action_cb, "x" },
};

/* Window state ------------------------------------------------------------- */

static void
save_window_state (HrbWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
hrb_window_close_request (GtkWindow *window)
{
  HrbWindow *self = HRB_WINDOW (window);

  save_window_state (self);
  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  return GTK_WINDOW_CLASS (hrb_window_parent_class)->close_request (window);
}

/* After construction, when the application (and so the settings) is known. */
static void
setup (HrbWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (HRB_IS_APPLICATION (app))
    self->settings = hrb_application_get_settings (HRB_APPLICATION (app));
  if (self->settings)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->lists[0] = HRB_LIST_PAGE (hrb_list_page_new (HRB_STREAM_PROSPECTIVE, self->settings));
  self->lists[1] = HRB_LIST_PAGE (hrb_list_page_new (HRB_STREAM_RETROSPECTIVE, self->settings));
  hrb_window_add_page (self, "prospective", _("Prospective"), "appointment-soon-symbolic",
                       GTK_WIDGET (self->lists[0]));
  hrb_window_add_page (self, "retrospective", _("Retrospective"), "document-open-recent-symbolic",
                       GTK_WIDGET (self->lists[1]));
  hrb_dossier_install (self);
  hrb_scoring_install (self);
  hrb_import_assistant_install (self);
  hrb_export_install (self);
  hrb_watch_install (self, 2000);
  visible_page_changed_cb (self);
}

static void
hrb_window_dispose (GObject *object)
{
  HrbWindow *self = HRB_WINDOW (object);

  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HRB_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->load_steps, g_array_unref);

  G_OBJECT_CLASS (hrb_window_parent_class)->dispose (object);
}

static void
hrb_window_class_init (HrbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hrb_window_dispose;
  window_class->close_request = hrb_window_close_request;

  /* Emitted when the items of the store are in the lists. */
  signals[SIGNAL_ITEMS_LOADED] =
    g_signal_new ("items-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/herbeoordeling/Herbeoordeling/ui/hrb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, demo_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, items_section);
  gtk_widget_class_bind_template_child (widget_class, HrbWindow, help_section);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);
}

static void
hrb_window_init (HrbWindow *self)
{
  self->load_steps = g_array_new (FALSE, FALSE, sizeof (LoadStep));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
}

HrbWindow *
hrb_window_new (GtkApplication *app, HrbStore *store)
{
  HrbWindow *self = g_object_new (HRB_TYPE_WINDOW, "application", app, NULL);

  setup (self);
  if (store)
    hrb_window_set_store (self, store);
  return self;
}
