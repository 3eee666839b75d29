/* hrb-export-dialog.c: the Export to Excel dialog. */
#include "config.h"
#include "hrb-export-dialog.h"
#include "hrb-a11y.h"
#include "hrb-compat.h"
#include "hrb-export.h"
#include "hrb-scoring.h"
#include "hrb-store-scoring.h"

#include <glib/gi18n.h>

struct _HrbExportDialog
{
  AdwWindow     parent_instance;
  HrbWindow    *window;            /* weak */
  GtkWidget    *list_row;          /* AdwComboRow */
  GtkWidget    *kind_row;          /* AdwComboRow */
  GtkWidget    *checks[5];
  GtkWidget    *export_button;
  GtkWidget    *cancel_button;
  GtkWidget    *progress;
  GtkWidget    *status;
  GPtrArray    *frozen_names;      /* names of frozen lists, after the 3 streams */
  GCancellable *cancellable;
  char         *path;
};

G_DEFINE_FINAL_TYPE (HrbExportDialog, hrb_export_dialog, ADW_TYPE_WINDOW)

static const struct {
  HrbExportSheets sheet;
  const char     *title;
  const char     *subtitle;
} contents[] = {
  { HRB_EXPORT_SHEET_RANKING, N_("Ranking"), N_("Every item in rank order with its score and contributions") },
  { HRB_EXPORT_SHEET_DOSSIERS, N_("Dossiers"), N_("Stage, who must act, dates, advice and measures") },
  { HRB_EXPORT_SHEET_METHOD, N_("Method"), N_("The prioritisation method in words") },
  { HRB_EXPORT_SHEET_SOURCES, N_("Sources"), N_("Import batches, reference dates and caveats") },
  { HRB_EXPORT_SHEET_MONITORING, N_("Monitoring"), N_("Dossier counts and lead times with a chart") },
};

static void
set_busy (HrbExportDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_sensitive (self->list_row, !busy);
  gtk_widget_set_sensitive (self->kind_row, !busy);
  for (guint i = 0; i < G_N_ELEMENTS (self->checks); i++)
    gtk_widget_set_sensitive (self->checks[i], !busy);
  gtk_widget_set_visible (self->progress, busy);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), busy ? _("_Stop") : _("_Cancel"));
}

static void
fill_options (HrbExportDialog *self, HrbExportOptions *o)
{
  guint list = adw_combo_row_get_selected (ADW_COMBO_ROW (self->list_row));

  hrb_export_options_init (o);
  o->stream = list == 1 ? HRB_STREAM_PROSPECTIVE : list == 2 ? HRB_STREAM_RETROSPECTIVE : HRB_STREAM_ANY;
  if (list >= 3 && list - 3 < self->frozen_names->len)
    o->frozen_list = g_ptr_array_index (self->frozen_names, list - 3);
  o->kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)) == 1
            ? HRB_EXPORT_INTERNAL : HRB_EXPORT_COMMITTEE;
  o->sheets = 0;
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[i])))
      o->sheets |= contents[i].sheet;
}

/* Progress comes from the worker thread; show it on the main loop. */
typedef struct {
  GWeakRef  dialog;
  double    fraction;
  char     *step;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *p = data;
  g_autoptr(HrbExportDialog) self = g_weak_ref_get (&p->dialog);

  if (self != NULL && self->cancellable != NULL)
    {
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), p->fraction);
      if (p->step)
        gtk_label_set_text (GTK_LABEL (self->status), p->step);
    }
  g_weak_ref_clear (&p->dialog);
  g_free (p->step);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (double fraction, const char *step, gpointer user_data)
{
  Progress *p = g_new0 (Progress, 1);

  g_weak_ref_init (&p->dialog, user_data);
  p->fraction = fraction;
  p->step = g_strdup (step);
  g_idle_add (show_progress_cb, p);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(HrbExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!hrb_export_workbook_finish (result, &error))
    {
      set_busy (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (GTK_LABEL (self->status), _("Stopped: nothing was written."));
      else
        gtk_label_set_text (GTK_LABEL (self->status), error->message);
      gtk_widget_add_css_class (self->status, "error");
      return;
    }
  if (self->window != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Workbook saved"));
      g_autoptr(GFile) file = g_file_new_for_path (self->path);
      g_autofree char *uri = g_file_get_uri (file);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-workbook");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      hrb_window_add_toast (self->window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
hrb_export_dialog_is_busy (HrbExportDialog *self)
{
  g_return_val_if_fail (HRB_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
hrb_export_dialog_export_to (HrbExportDialog *self, GFile *file)
{
  HrbExportOptions o;
  HrbStore *store;

  g_return_if_fail (HRB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->window == NULL || self->cancellable != NULL)
    return;
  store = hrb_window_get_store (self->window);
  g_free (self->path);
  self->path = g_file_get_path (file);
  if (self->path == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status), _("Choose a file on this computer."));
      return;
    }
  fill_options (self, &o);
  o.path = self->path;
  if (o.sheets == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->status), _("Choose at least one part to export."));
      gtk_widget_add_css_class (self->status, "error");
      return;
    }
  gtk_widget_remove_css_class (self->status, "error");
  gtk_label_set_text (GTK_LABEL (self->status), _("Writing the workbook…"));
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  hrb_export_workbook_async (store, &o, progress_cb, self, self->cancellable,
                             export_done_cb, g_object_ref (self));
}

static void
file_chosen_cb (GFile *file, gpointer user_data)
{
  g_autoptr(HrbExportDialog) self = user_data;

  if (file != NULL)
    hrb_export_dialog_export_to (self, file);
}

static void
export_clicked_cb (HrbExportDialog *self)
{
  HrbExportOptions o;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  fill_options (self, &o);
  name = hrb_export_suggest_file_name (&o, today);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  hrb_compat_choose_file (GTK_WINDOW (self), _("Export to Excel"), TRUE, _("_Save"), name, filter,
                          file_chosen_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (HrbExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (HrbExportDialog *self)
{
  /* Closing while writing stops the export; nothing half-written remains. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
hrb_export_dialog_dispose (GObject *object)
{
  HrbExportDialog *self = HRB_EXPORT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (hrb_export_dialog_parent_class)->dispose (object);
}

static void
hrb_export_dialog_finalize (GObject *object)
{
  HrbExportDialog *self = HRB_EXPORT_DIALOG (object);

  g_clear_pointer (&self->frozen_names, g_ptr_array_unref);
  g_free (self->path);
  G_OBJECT_CLASS (hrb_export_dialog_parent_class)->finalize (object);
}

static void
hrb_export_dialog_class_init (HrbExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_export_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = hrb_export_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hrb_export_dialog_init (HrbExportDialog *self)
{
  self->frozen_names = g_ptr_array_new_with_free_func (g_free);
}

static GtkWidget *
combo_row (const char *title, GtkStringList *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  hrb_a11y_set_label (row, title);
  return row;
}

HrbExportDialog *
hrb_export_dialog_new (HrbWindow *window)
{
  HrbExportDialog *self = g_object_new (HRB_TYPE_EXPORT_DIALOG,
                                        "title", _("Export to Excel"),
                                        "modal", TRUE,
                                        "transient-for", window,
                                        "default-width", 560,
                                        "default-height", 640,
                                        NULL);
  g_autoptr(GtkStringList) lists = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) frozen = NULL;
  GtkWidget *box, *header, *page, *group, *bottom;
  HrbListPage *visible;

  g_set_weak_pointer (&self->window, window);

  gtk_string_list_append (lists, _("Both lists"));
  gtk_string_list_append (lists, _("Prospective"));
  gtk_string_list_append (lists, _("Retrospective"));
  frozen = hrb_store_list_frozen (hrb_window_get_store (window), NULL);
  for (guint i = 0; frozen && i < frozen->len; i++)
    {
      HrbFrozenList *f = g_ptr_array_index (frozen, i);
      g_autofree char *label = g_strdup_printf (_("Frozen list: %s (%s)"), f->name, f->date ? f->date : "");

      gtk_string_list_append (lists, label);
      g_ptr_array_add (self->frozen_names, g_strdup (f->name));
    }
  gtk_string_list_append (kinds, _("For the committee"));
  gtk_string_list_append (kinds, _("Internal: confidential"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("List"));
  self->list_row = combo_row (_("List"), lists);
  /* Start with the list on screen. */
  visible = hrb_window_get_visible_list_page (window);
  if (visible != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->list_row),
                                hrb_list_page_get_stream (visible) == HRB_STREAM_RETROSPECTIVE ? 2 : 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list_row);
  self->kind_row = combo_row (_("Kind"), kinds);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->kind_row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               _("A committee workbook never holds confidential notes or price arrangements."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->kind_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Contents"));
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(contents[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(contents[i].subtitle));
      self->checks[i] = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]), TRUE);
      gtk_widget_set_valign (self->checks[i], GTK_ALIGN_CENTER);
      hrb_a11y_set_label (self->checks[i], _(contents[i].title));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->checks[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);

  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (bottom, 18);
  gtk_widget_set_margin_end (bottom, 18);
  gtk_widget_set_margin_bottom (bottom, 18);
  self->progress = gtk_progress_bar_new ();
  hrb_a11y_set_label (self->progress, _("Export progress"));
  gtk_widget_set_visible (self->progress, FALSE);
  self->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export status"), -1);
  gtk_box_append (GTK_BOX (bottom), self->progress);
  gtk_box_append (GTK_BOX (bottom), self->status);
  gtk_box_append (GTK_BOX (box), bottom);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  hrb_a11y_fix_tree (GTK_WIDGET (self));
  return self;
}

static void
export_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HrbExportDialog *dialog = hrb_export_dialog_new (HRB_WINDOW (user_data));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_workbook_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

void
hrb_export_install (HrbWindow *window)
{
  static const GActionEntry actions[] = {
    { "export", export_action_cb },
    { "open-workbook", open_workbook_action_cb, "s" },
  };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GMenu *section = hrb_window_get_menu_section (window, "file");

  g_return_if_fail (HRB_IS_WINDOW (window));
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
  if (app)
    gtk_application_set_accels_for_action (app, "win.export", (const char *[]) { "<Control>e", NULL });
  if (section)
    g_menu_append (section, _("_Export to Excel…"), "win.export");
}
