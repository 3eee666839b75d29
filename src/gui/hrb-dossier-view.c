/* hrb-dossier-view.c: one dossier in full. */
#include "config.h"
#include "hrb-a11y.h"
#include "hrb-dossier-view.h"
#include "hrb-format.h"
#include "hrb-parse.h"
#include "hrb-store-dossier.h"

#include <glib/gi18n.h>

struct _HrbDossierView
{
  GtkBox       parent_instance;

  HrbStore    *store;
  gint64       id;
  HrbDossier  *dossier;          /* with confidential fields (the app is internal) */

  GtkWidget   *title_label;
  GtkWidget   *stage_badge;
  GtkWidget   *overdue_label;
  GtkWidget   *status_label;
  GtkWidget   *critical_box;

  GtkWidget   *question_row;
  GtkWidget   *rationale_row;
  GtkWidget   *uncertainty_checks[HRB_N_UNCERTAINTIES];
  GtkWidget   *uncertainty_text_row;
  GtkWidget   *sole_supplier_switch;
  GtkWidget   *loe_row;
  GtkWidget   *critical_switch;
  GtkWidget   *market_row;
  GtkWidget   *party_checks[HRB_N_PARTIES];
  GtkWidget   *parties_text_row;
  GtkWidget   *advice_date_row;
  GtkWidget   *advice_text_row;
  GtkWidget   *follow_up_row;
  GtkWidget   *price_row;
  GtkWidget   *price_net_row;
  GtkWidget   *price_end_row;

  GtkWidget   *stepper;
  GtkWidget   *side_state_label;
  GtkWidget   *move_button;
  GtkWidget   *park_button;
  GtkWidget   *drop_button;
  GtkWidget   *timeline;
  GtkWidget   *measures_list;
  GtkWidget   *links_list;
  GtkWidget   *notes_list;
  GtkWidget   *note_row;
  GtkWidget   *note_confidential;
  GtkWidget   *history_row;
  GPtrArray   *history_rows;
};

G_DEFINE_FINAL_TYPE (HrbDossierView, hrb_dossier_view, GTK_TYPE_BOX)

enum { SIGNAL_BACK, SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Helpers ------------------------------------------------------------------ */

static void
list_clear (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
boxed_list_new (const char *placeholder)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *empty = gtk_label_new (placeholder);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), empty);
  return list;
}

static char *
date_text (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("—");
  return hrb_format_date (iso);
}

static GtkWidget *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
entry_set (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
entry_get (GtkWidget *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

/* A date from an entry (ISO or as the locale writes it); NULL when empty.
 * FALSE with a message when it is not a whole date. */
static gboolean
entry_get_date (GtkWidget *row, const char *what, char **out, char **message)
{
  g_autofree char *text = entry_get (row);
  g_autofree char *iso = NULL;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!hrb_parse_date (text, &iso, NULL) || !hrb_is_iso_date (iso))
    {
      /* Translators: %s is the name of a date field, e.g. "Due date" */
      *message = g_strdup_printf (_("%s: “%s” is not a date (use for example %s)"), what, text,
                                  "2026-11-23");
      return FALSE;
    }
  *out = g_steal_pointer (&iso);
  return TRUE;
}

static GtkWidget *
switch_row_new (const char *title, const char *subtitle, GtkWidget **switch_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  *switch_out = sw;
  return row;
}

static GtkWidget *
check_row_new (const char *title, GtkWidget **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  *check_out = check;
  return row;
}

static GtkWidget *
group_new (GtkWidget *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWindow *
parent_window (HrbDossierView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_status (HrbDossierView *self, const char *text, gboolean error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text ? text : "");
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static void
changed (HrbDossierView *self)
{
  hrb_dossier_view_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Filling in --------------------------------------------------------------- */

static void
fill_stepper (HrbDossierView *self, const HrbDossier *d)
{
  GtkWidget *child;
  HrbStage current = d->stage == HRB_STAGE_PARKED ? d->parked_from : d->stage;
  g_autoptr(GString) a11y = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (self->stepper)) != NULL)
    gtk_box_remove (GTK_BOX (self->stepper), child);

  for (int s = 0; s < HRB_N_ROUTE_STAGES; s++)
    {
      GtkWidget *step = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *mark;
      GtkWidget *name = gtk_label_new (hrb_stage_label (s));
      gboolean done = d->stage != HRB_STAGE_DROPPED && (s < (int) current ||
                      d->stage == HRB_STAGE_CLOSED);
      gboolean here = s == (int) current && d->stage != HRB_STAGE_CLOSED;
      g_autofree char *num = g_strdup_printf ("%d", s + 1);

      mark = gtk_label_new (done ? "✓" : num);
      gtk_widget_add_css_class (mark, "heading");
      gtk_widget_add_css_class (mark, "badge");
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
      gtk_widget_add_css_class (name, "caption");
      if (here)
        {
          gtk_widget_add_css_class (mark, "badge-accent");
          gtk_widget_add_css_class (name, "accent");
          gtk_widget_add_css_class (name, "heading");
        }
      else if (!done)
        {
          gtk_widget_add_css_class (name, "dim-label");
          gtk_widget_add_css_class (mark, "dim-label");
        }
      else
        gtk_widget_add_css_class (mark, "success");
      gtk_widget_set_halign (mark, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (step), mark);
      gtk_box_append (GTK_BOX (step), name);
      gtk_widget_set_hexpand (step, TRUE);
      gtk_widget_set_size_request (step, 64, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      done ? _("done") : here ? _("current stage") : _("to do"), -1);
      gtk_box_append (GTK_BOX (self->stepper), step);
      g_string_append_printf (a11y, "%s%s: %s", a11y->len ? "; " : "", hrb_stage_label (s),
                              done ? _("done") : here ? _("current stage") : _("to do"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stepper),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a11y->str, -1);

  if (d->stage == HRB_STAGE_PARKED)
    {
      g_autofree char *until = date_text (d->look_again);
      g_autofree char *text = d->look_again_due
        ? g_strdup_printf (_("Parked (%s) — look again: the date %s has come"),
                           d->stage_remark ? d->stage_remark : "", until)
        : g_strdup_printf (_("Parked (%s) until %s"), d->stage_remark ? d->stage_remark : "", until);
      gtk_label_set_text (GTK_LABEL (self->side_state_label), text);
      gtk_widget_set_visible (self->side_state_label, TRUE);
    }
  else if (d->stage == HRB_STAGE_DROPPED)
    {
      g_autofree char *text = g_strdup_printf (_("Dropped: %s"), d->stage_remark ? d->stage_remark : "");
      gtk_label_set_text (GTK_LABEL (self->side_state_label), text);
      gtk_widget_set_visible (self->side_state_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->side_state_label, FALSE);
}

static void
fill_timeline (HrbDossierView *self)
{
  g_autoptr(GPtrArray) route = hrb_store_list_transitions (self->store, self->id, NULL);

  list_clear (self->timeline);
  for (guint i = 0; route && i < route->len; i++)
    {
      /* Newest first, as a timeline. */
      HrbTransition *t = g_ptr_array_index (route, route->len - 1 - i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = date_text (t->date);
      g_autofree char *title = g_strdup_printf ("%s · %s", date, hrb_stage_label (t->stage));
      g_autoptr(GString) sub = g_string_new (NULL);

      if (t->party != HRB_PARTY_NONE)
        g_string_append_printf (sub, _("Who must act: %s"), hrb_party_label (t->party));
      if (t->due_date)
        {
          g_autofree char *due = date_text (t->due_date);
          g_string_append (sub, sub->len ? " · " : "");
          g_string_append_printf (sub, _("due %s"), due);
        }
      if (t->look_again)
        {
          g_autofree char *la = date_text (t->look_again);
          g_string_append (sub, sub->len ? " · " : "");
          g_string_append_printf (sub, _("look again %s"), la);
        }
      if (t->remark)
        g_string_append_printf (sub, "%s“%s”", sub->len ? " · " : "", t->remark);
      g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", t->author ? t->author : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->timeline), row);
    }
}

static GtkWidget *
status_dropdown_new (const char *what)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *dd;
  g_autofree char *a11y = g_strdup_printf (_("Status of %s"), what);

  for (int st = 0; st < HRB_N_MEASURE_STATUS; st++)
    gtk_string_list_append (model, hrb_measure_status_label (st));
  dd = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_widget_set_name (dd, "measure-status");
  hrb_a11y_set_label (dd, a11y);
  return dd;
}

static gboolean
changed_idle_cb (gpointer data)
{
  HrbDossierView *self = data;

  changed (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilding the rows inside a signal of one of their widgets would destroy
 * it while it is still busy: after the signal, then. */
static void
changed_later (HrbDossierView *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, changed_idle_cb, g_object_ref (self), g_object_unref);
}

/* A new status; the date that goes with it is today when not yet set. */
static void
measure_status_cb (GtkDropDown *dd, GParamSpec *pspec, HrbDossierView *self)
{
  HrbMeasure *old = g_object_get_data (G_OBJECT (dd), "measure");
  g_autoptr(HrbMeasure) m = NULL;
  g_autoptr(GError) error = NULL;
  guint st = gtk_drop_down_get_selected (dd);
  char **date = NULL;

  if (old == NULL || st >= HRB_N_MEASURE_STATUS || st == (guint) old->status)
    return;
  m = hrb_measure_copy (old);
  m->status = st;
  if (st == HRB_MEASURE_AGREED)
    date = &m->agreed_date;
  else if (st == HRB_MEASURE_IMPLEMENTED)
    date = &m->start_date;
  else if (st == HRB_MEASURE_EVALUATED)
    date = &m->evaluation_date;
  if (date && *date == NULL)
    *date = hrb_dossier_today (self->store);
  if (!hrb_store_update_measure (self->store, m, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  changed_later (self);
}

static void
delete_clicked_cb (GtkButton *button, HrbDossierView *self)
{
  gint64 mid = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "measure-id"));
  gint64 lid = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "link-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (mid > 0)
    ok = hrb_store_delete_measure (self->store, mid, &error);
  else if (lid > 0)
    ok = hrb_store_delete_link (self->store, lid, &error);
  if (!ok)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  changed_later (self);
}

static GtkWidget *
delete_button_new (HrbDossierView *self, const char *label, const char *key, gint64 id)
{
  GtkWidget *b = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (b, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (b), key, GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (b, "clicked", G_CALLBACK (delete_clicked_cb), self);
  return b;
}

static void
fill_measures (HrbDossierView *self)
{
  g_autoptr(GPtrArray) measures = hrb_store_list_measures (self->store, self->id, NULL);

  list_clear (self->measures_list);
  for (guint i = 0; measures && i < measures->len; i++)
    {
      HrbMeasure *m = g_ptr_array_index (measures, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = status_dropdown_new (hrb_measure_kind_label (m->kind));
      g_autoptr(GString) sub = g_string_new (NULL);

      if (m->description)
        g_string_append (sub, m->description);
      if (m->owner)
        {
          g_string_append (sub, sub->len ? " · " : "");
          g_string_append_printf (sub, _("owner %s"), m->owner);
        }
      if (m->agreed_date)
        {
          g_autofree char *d = date_text (m->agreed_date);
          g_string_append (sub, sub->len ? " · " : "");
          g_string_append_printf (sub, _("agreed %s"), d);
        }
      if (m->start_date)
        {
          g_autofree char *d = date_text (m->start_date);
          g_string_append (sub, sub->len ? " · " : "");
          g_string_append_printf (sub, _("from %s"), d);
        }
      if (m->evaluation_date)
        {
          g_autofree char *d = date_text (m->evaluation_date);
          g_string_append (sub, sub->len ? " · " : "");
          g_string_append_printf (sub, _("evaluation %s"), d);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hrb_measure_kind_label (m->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), m->status);
      g_object_set_data_full (G_OBJECT (status), "measure", hrb_measure_copy (m),
                              (GDestroyNotify) hrb_measure_free);
      g_signal_connect (status, "notify::selected", G_CALLBACK (measure_status_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 delete_button_new (self, _("Remove measure"), "measure-id", m->id));
      gtk_list_box_append (GTK_LIST_BOX (self->measures_list), row);
    }
}

static void
open_link_cb (GtkButton *button, gpointer user_data)
{
  const char *target = g_object_get_data (G_OBJECT (button), "target");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autofree char *uri = NULL;

  if (g_uri_peek_scheme (target) != NULL)
    uri = g_strdup (target);
  else
    uri = g_filename_to_uri (target, NULL, NULL);
  if (uri)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
fill_links (HrbDossierView *self)
{
  g_autoptr(GPtrArray) links = hrb_store_list_links (self->store, self->id, NULL);

  list_clear (self->links_list);
  for (guint i = 0; links && i < links->len; i++)
    {
      HrbLink *l = g_ptr_array_index (links, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
      g_autofree char *a11y = g_strdup_printf (_("Open %s"), l->title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), l->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), l->target);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, a11y);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data_full (G_OBJECT (button), "target", g_strdup (l->target), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (open_link_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 delete_button_new (self, _("Remove link"), "link-id", l->id));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (self->links_list), row);
    }
}

static void
fill_notes (HrbDossierView *self)
{
  g_autoptr(GPtrArray) notes = hrb_store_list_notes (self->store, self->id, TRUE, NULL);

  list_clear (self->notes_list);
  for (guint i = 0; notes && i < notes->len; i++)
    {
      HrbNote *n = g_ptr_array_index (notes, notes->len - 1 - i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *iso = n->at ? g_strndup (n->at, 10) : NULL;
      g_autofree char *day = date_text (iso);
      g_autofree char *sub = g_strdup_printf ("%s · %s%s", n->author ? n->author : "", day,
                                              n->confidential ? _(" · confidential") : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), n->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (n->confidential)
        {
          GtkWidget *lock = gtk_image_new_from_icon_name ("channel-secure-symbolic");
          gtk_widget_set_tooltip_text (lock, _("Confidential: never in committee exports"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Confidential"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), lock);
        }
      gtk_list_box_append (GTK_LIST_BOX (self->notes_list), row);
    }
}

static void
fill_history (HrbDossierView *self)
{
  g_autoptr(GPtrArray) audit = hrb_store_list_dossier_audit (self->store, self->id, TRUE, NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->history_row),
                             g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  if (audit == NULL)
    return;
  title = g_strdup_printf (ngettext ("%u change", "%u changes", audit->len), audit->len);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->history_row), title);
  /* Newest first; the first 300 (the rest stays in the database). */
  for (guint i = 0; i < audit->len && i < 300; i++)
    {
      HrbAuditEntry *e = g_ptr_array_index (audit, audit->len - 1 - i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *t = g_strdup_printf ("%s.%s: %s → %s", e->entity, e->field,
                                            e->old_value ? e->old_value : "∅",
                                            e->new_value ? e->new_value : "∅");
      g_autofree char *s = g_strdup_printf ("%s · %s", e->at, e->author);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->history_row), row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
fill (HrbDossierView *self)
{
  const HrbDossier *d = self->dossier;
  g_autofree char *title = NULL;
  g_autofree char *net = NULL;

  title = d->indication ? g_strdup_printf ("%s — %s", d->medicine, d->indication)
                        : g_strdup_printf (_("%s — all indications"), d->medicine);
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->stage_badge), hrb_stage_label (d->stage));
  gtk_widget_set_visible (self->overdue_label, d->overdue);
  if (d->overdue)
    {
      g_autofree char *due = date_text (d->due_date);
      g_autofree char *text = g_strdup_printf (_("Overdue (due %s)"), due);
      gtk_label_set_text (GTK_LABEL (self->overdue_label), text);
    }
  gtk_widget_set_visible (self->critical_box, d->critical_caution || d->item_critical);

  entry_set (self->question_row, d->question);
  entry_set (self->rationale_row, d->rationale);
  for (guint i = 0; i < HRB_N_UNCERTAINTIES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->uncertainty_checks[i]),
                                 (d->uncertainties & hrb_uncertainty_nth (i)) != 0);
  entry_set (self->uncertainty_text_row, d->uncertainty_text);
  gtk_switch_set_active (GTK_SWITCH (self->sole_supplier_switch), d->sole_supplier);
  entry_set (self->loe_row, d->loe_date);
  gtk_switch_set_active (GTK_SWITCH (self->critical_switch), d->critical_caution);
  entry_set (self->market_row, d->market_text);
  for (guint i = 0; i < HRB_N_PARTIES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->party_checks[i]),
                                 (d->parties & (1u << i)) != 0);
  entry_set (self->parties_text_row, d->parties_text);
  entry_set (self->advice_date_row, d->advice_date);
  entry_set (self->advice_text_row, d->advice_text);
  entry_set (self->follow_up_row, d->follow_up_date);
  entry_set (self->price_row, d->price_arrangement);
  net = hrb_format_plain (d->price_net, 2);
  entry_set (self->price_net_row, net);
  entry_set (self->price_end_row, d->price_end_date);

  fill_stepper (self, d);
  gtk_widget_set_sensitive (self->move_button, !hrb_stage_is_final (d->stage));
  gtk_widget_set_sensitive (self->park_button, !hrb_stage_is_final (d->stage));
  gtk_widget_set_sensitive (self->drop_button, !hrb_stage_is_final (d->stage));
  fill_timeline (self);
  fill_measures (self);
  fill_links (self);
  fill_notes (self);
  fill_history (self);
}

void
hrb_dossier_view_reload (HrbDossierView *self)
{
  g_autoptr(GError) error = NULL;
  HrbDossier *d;

  g_return_if_fail (HRB_IS_DOSSIER_VIEW (self));
  if (self->store == NULL || self->id == 0)
    return;
  d = hrb_store_get_dossier (self->store, self->id, TRUE, &error);
  if (d == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->dossier, hrb_dossier_free);
  self->dossier = d;
  fill (self);
}

gboolean
hrb_dossier_view_show (HrbDossierView *self, gint64 dossier_id)
{
  g_return_val_if_fail (HRB_IS_DOSSIER_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  self->id = dossier_id;
  set_status (self, NULL, FALSE);
  hrb_dossier_view_reload (self);
  return self->dossier != NULL && self->dossier->id == dossier_id;
}

gint64
hrb_dossier_view_get_id (HrbDossierView *self)
{
  g_return_val_if_fail (HRB_IS_DOSSIER_VIEW (self), 0);
  return self->id;
}

void
hrb_dossier_view_set_store (HrbDossierView *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_DOSSIER_VIEW (self));
  g_set_object (&self->store, store);
  self->id = 0;
  g_clear_pointer (&self->dossier, hrb_dossier_free);
}

/* Saving the fields ------------------------------------------------------------ */

static void
save_clicked_cb (HrbDossierView *self)
{
  g_autoptr(HrbDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *net_text = NULL;

  if (self->dossier == NULL)
    return;
  d = hrb_dossier_copy (self->dossier);
#define TAKE(field, row) g_free (d->field); d->field = entry_get (self->row);
  TAKE (question, question_row);
  TAKE (rationale, rationale_row);
  TAKE (uncertainty_text, uncertainty_text_row);
  TAKE (market_text, market_row);
  TAKE (parties_text, parties_text_row);
  TAKE (advice_text, advice_text_row);
  TAKE (price_arrangement, price_row);
#undef TAKE
  g_clear_pointer (&d->loe_date, g_free);
  g_clear_pointer (&d->advice_date, g_free);
  g_clear_pointer (&d->follow_up_date, g_free);
  g_clear_pointer (&d->price_end_date, g_free);
  if (!entry_get_date (self->loe_row, _("Loss of exclusivity"), &d->loe_date, &message) ||
      !entry_get_date (self->advice_date_row, _("Date of the advice"), &d->advice_date, &message) ||
      !entry_get_date (self->follow_up_row, _("Follow-up date"), &d->follow_up_date, &message) ||
      !entry_get_date (self->price_end_row, _("End of the arrangement"), &d->price_end_date, &message))
    {
      set_status (self, message, TRUE);
      return;
    }
  net_text = entry_get (self->price_net_row);
  d->price_net = NAN;
  if (net_text && !hrb_parse_number (net_text, HRB_DECIMAL_AUTO, &d->price_net, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("Net price: %s"), error->message);
      set_status (self, msg, TRUE);
      return;
    }
  d->uncertainties = 0;
  for (guint i = 0; i < HRB_N_UNCERTAINTIES; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->uncertainty_checks[i])))
      d->uncertainties |= hrb_uncertainty_nth (i);
  d->parties = 0;
  for (guint i = 0; i < HRB_N_PARTIES; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->party_checks[i])))
      d->parties |= 1u << i;
  d->sole_supplier = gtk_switch_get_active (GTK_SWITCH (self->sole_supplier_switch));
  d->critical_caution = gtk_switch_get_active (GTK_SWITCH (self->critical_switch));
  d->confidential_included = TRUE;
  if (!hrb_store_update_dossier (self->store, d, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  changed (self);
  set_status (self, _("Saved"), FALSE);
}

/* Dialogs ------------------------------------------------------------------ */

typedef enum { FORM_MOVE, FORM_PARK, FORM_DROP, FORM_MEASURE, FORM_LINK } FormKind;

typedef struct {
  HrbDossierView *view;
  FormKind        kind;
  GtkWidget      *window;
  GtkWidget      *stage;
  GtkWidget      *party;
  GtkWidget      *date;
  GtkWidget      *due;
  GtkWidget      *remark;
  GtkWidget      *look_again;
  GtkWidget      *error;
  GtkWidget      *text1;
  GtkWidget      *text2;
  GtkWidget      *measure_kind;
  GtkWidget      *measure_status;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_object_unref (f->view);
  g_free (f);
}

static GtkWidget *
combo_row_new (const char *title, const char * const *labels, guint n, guint selected, const char *name)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_name (row, name);
  return row;
}

static void
form_error (Form *f, const char *message)
{
  gtk_label_set_text (GTK_LABEL (f->error), message);
  gtk_widget_set_visible (f->error, TRUE);
}

static void
form_accept_cb (GtkButton *button, Form *f)
{
  HrbDossierView *self = f->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  g_autofree char *look_again = NULL;
  g_autofree char *remark = NULL;
  gboolean ok = FALSE;

  if (f->date && !entry_get_date (f->date, _("Date"), &date, &message))
    {
      form_error (f, message);
      return;
    }
  if (f->due && !entry_get_date (f->due, _("Due date"), &due, &message))
    {
      form_error (f, message);
      return;
    }
  if (f->look_again && !entry_get_date (f->look_again, _("Look again on"), &look_again, &message))
    {
      form_error (f, message);
      return;
    }
  if (f->remark)
    remark = entry_get (f->remark);

  switch (f->kind)
    {
    case FORM_MOVE:
      {
        HrbTransition t = { 0 };
        t.stage = adw_combo_row_get_selected (ADW_COMBO_ROW (f->stage));
        t.party = adw_combo_row_get_selected (ADW_COMBO_ROW (f->party));
        t.date = date;
        t.due_date = due;
        t.remark = remark;
        ok = hrb_store_move_dossier (self->store, self->id, &t, &error) != 0;
      }
      break;
    case FORM_PARK:
      ok = hrb_store_park_dossier (self->store, self->id, remark, look_again, date, &error) != 0;
      break;
    case FORM_DROP:
      ok = hrb_store_drop_dossier (self->store, self->id, remark, date, &error) != 0;
      break;
    case FORM_MEASURE:
      {
        g_autoptr(HrbMeasure) m = hrb_measure_new ();
        m->dossier_id = self->id;
        m->kind = adw_combo_row_get_selected (ADW_COMBO_ROW (f->measure_kind));
        m->status = adw_combo_row_get_selected (ADW_COMBO_ROW (f->measure_status));
        m->owner = entry_get (f->text1);
        m->description = g_steal_pointer (&remark);
        m->agreed_date = g_steal_pointer (&date);
        ok = hrb_store_add_measure (self->store, m, &error) != 0;
      }
      break;
    case FORM_LINK:
      {
        g_autofree char *title = entry_get (f->text1);
        g_autofree char *target = entry_get (f->text2);
        ok = hrb_store_add_link (self->store, self->id, title, target, &error) != 0;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    {
      form_error (f, error ? error->message : _("Failed"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  changed (self);
}

static Form *
form_new (HrbDossierView *self, FormKind kind, const char *title, const char *accept_label,
          GtkWidget **group_out)
{
  Form *f = g_new0 (Form, 1);
  GtkWidget *box, *header, *cancel, *accept, *group, *clamp;

  f->view = g_object_ref (self);
  f->kind = kind;
  f->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), title);
  gtk_window_set_modal (GTK_WINDOW (f->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (f->window), parent_window (self));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 460, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (f->window), TRUE);
  g_object_set_data_full (G_OBJECT (f->window), "form", f, form_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  accept = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_set_name (accept, "form-accept");
  gtk_widget_add_css_class (accept, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), f->window);
  g_signal_connect (accept, "clicked", G_CALLBACK (form_accept_cb), f);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), accept);
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  gtk_box_append (GTK_BOX (box), clamp);
  f->error = gtk_label_new (NULL);
  gtk_widget_set_name (f->error, "form-error");
  gtk_widget_add_css_class (f->error, "error");
  gtk_label_set_wrap (GTK_LABEL (f->error), TRUE);
  gtk_widget_set_margin_bottom (f->error, 12);
  gtk_widget_set_visible (f->error, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->error), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  gtk_box_append (GTK_BOX (box), f->error);
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_set_default_widget (GTK_WINDOW (f->window), accept);
  *group_out = group;
  return f;
}

static GtkWidget *
form_entry (GtkWidget *group, const char *title, const char *name, const char *text)
{
  GtkWidget *row = entry_row_new (title);

  gtk_widget_set_name (row, name);
  entry_set (row, text);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

GtkWidget *
hrb_dossier_view_open_move_dialog (HrbDossierView *self)
{
  const char *stages[HRB_N_STAGES];
  const char *parties[HRB_N_PARTIES];
  g_autofree char *today = NULL;
  GtkWidget *group;
  Form *f;
  HrbStage next;

  g_return_val_if_fail (HRB_IS_DOSSIER_VIEW (self), NULL);
  if (self->dossier == NULL || hrb_stage_is_final (self->dossier->stage))
    return NULL;
  for (int s = 0; s < HRB_N_STAGES; s++)
    stages[s] = hrb_stage_label (s);
  for (int p = 0; p < HRB_N_PARTIES; p++)
    parties[p] = hrb_party_label (p);
  /* The next stage on the route; a parked dossier resumes where it was. */
  if (self->dossier->stage == HRB_STAGE_PARKED)
    next = self->dossier->parked_from;
  else
    next = MIN (self->dossier->stage + 1, HRB_STAGE_CLOSED);
  today = hrb_dossier_today (self->store);

  f = form_new (self, FORM_MOVE, _("Next Stage"), _("_Move"), &group);
  /* Only the route's stages here; parking and dropping have their own dialogs. */
  f->stage = combo_row_new (_("Stage"), stages, HRB_N_ROUTE_STAGES, next, "form-stage");
  f->party = combo_row_new (_("Who must act"), parties, HRB_N_PARTIES,
                            self->dossier->party == HRB_PARTY_NONE ? 0 : self->dossier->party,
                            "form-party");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->stage);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->party);
  f->due = form_entry (group, _("Due date (optional)"), "form-due", NULL);
  f->date = form_entry (group, _("Date"), "form-date", today);
  f->remark = form_entry (group, _("Remark"), "form-remark", NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  return f->window;
}

GtkWidget *
hrb_dossier_view_open_park_dialog (HrbDossierView *self)
{
  g_autofree char *today = NULL;
  GtkWidget *group;
  Form *f;

  g_return_val_if_fail (HRB_IS_DOSSIER_VIEW (self), NULL);
  if (self->dossier == NULL || hrb_stage_is_final (self->dossier->stage))
    return NULL;
  today = hrb_dossier_today (self->store);
  f = form_new (self, FORM_PARK, _("Park Dossier"), _("_Park"), &group);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("A parked dossier is out of view until the date to look again; then it comes back."));
  f->remark = form_entry (group, _("Reason"), "form-remark", NULL);
  f->look_again = form_entry (group, _("Look again on"), "form-look-again", NULL);
  f->date = form_entry (group, _("Date"), "form-date", today);
  gtk_window_present (GTK_WINDOW (f->window));
  return f->window;
}

GtkWidget *
hrb_dossier_view_open_drop_dialog (HrbDossierView *self)
{
  g_autofree char *today = NULL;
  GtkWidget *group;
  Form *f;

  g_return_val_if_fail (HRB_IS_DOSSIER_VIEW (self), NULL);
  if (self->dossier == NULL || hrb_stage_is_final (self->dossier->stage))
    return NULL;
  today = hrb_dossier_today (self->store);
  f = form_new (self, FORM_DROP, _("Drop Dossier"), _("_Drop"), &group);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("The item will not be reassessed now. A new dossier can be started later."));
  f->remark = form_entry (group, _("Reason"), "form-remark", NULL);
  f->date = form_entry (group, _("Date"), "form-date", today);
  gtk_window_present (GTK_WINDOW (f->window));
  return f->window;
}

static void
add_measure_cb (HrbDossierView *self)
{
  const char *kinds[HRB_N_MEASURE_KINDS];
  const char *statuses[HRB_N_MEASURE_STATUS];
  GtkWidget *group;
  Form *f;

  if (self->dossier == NULL)
    return;
  for (int k = 0; k < HRB_N_MEASURE_KINDS; k++)
    kinds[k] = hrb_measure_kind_label (k);
  for (int s = 0; s < HRB_N_MEASURE_STATUS; s++)
    statuses[s] = hrb_measure_status_label (s);
  f = form_new (self, FORM_MEASURE, _("Add Measure"), _("_Add"), &group);
  f->measure_kind = combo_row_new (_("Measure"), kinds, HRB_N_MEASURE_KINDS, 0, "form-kind");
  f->measure_status = combo_row_new (_("Status"), statuses, HRB_N_MEASURE_STATUS, 0, "form-status");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->measure_kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->measure_status);
  f->text1 = form_entry (group, _("Owner"), "form-owner", NULL);
  f->remark = form_entry (group, _("Description"), "form-remark", NULL);
  f->date = form_entry (group, _("Date agreed (optional)"), "form-date", NULL);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
add_link_cb (HrbDossierView *self)
{
  GtkWidget *group;
  Form *f;

  if (self->dossier == NULL)
    return;
  f = form_new (self, FORM_LINK, _("Add Link"), _("_Add"), &group);
  f->text1 = form_entry (group, _("Title (for example EPAR, ZIN report)"), "form-title", NULL);
  f->text2 = form_entry (group, _("Web address or file"), "form-target", NULL);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
add_note_cb (HrbDossierView *self)
{
  g_autofree char *text = entry_get (self->note_row);
  g_autoptr(GError) error = NULL;
  gboolean confidential = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->note_confidential));

  if (text == NULL || self->dossier == NULL)
    return;
  if (hrb_store_add_note (self->store, self->id, text, confidential, &error) == 0)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  entry_set (self->note_row, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->note_confidential), FALSE);
  changed (self);
}

/* Construction ------------------------------------------------------------- */

static GtkWidget *
header_button (const char *label, GCallback cb, gpointer self)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (b, "clicked", cb, self);
  return b;
}

static void
back_clicked_cb (HrbDossierView *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
build (HrbDossierView *self)
{
  GtkWidget *top, *back, *save, *scrolled, *clamp, *box, *group, *row, *icon, *label, *buttons,
            *expander, *note_box, *add;

  /* Top bar: back, title, badges, save. */
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 8);
  gtk_widget_set_margin_bottom (top, 8);
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back to the dossiers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the dossiers"), -1);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), back);
  self->title_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title_label, "title-3");
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_box_append (GTK_BOX (top), self->title_label);
  self->stage_badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->stage_badge, "badge");
  gtk_widget_add_css_class (self->stage_badge, "badge-accent");
  gtk_widget_set_valign (self->stage_badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), self->stage_badge);
  self->overdue_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->overdue_label, "error");
  gtk_widget_add_css_class (self->overdue_label, "heading");
  gtk_box_append (GTK_BOX (top), self->overdue_label);
  self->status_label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->status_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 1);
  gtk_label_set_ellipsize (GTK_LABEL (self->status_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_box_append (GTK_BOX (top), self->status_label);
  save = gtk_button_new_with_mnemonic (_("_Save Changes"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), save);
  gtk_box_append (GTK_BOX (self), top);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (self), scrolled);

  /* Critical medicines list: shown prominently. */
  self->critical_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->critical_box, "card");
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_margin_start (icon, 12);
  gtk_box_append (GTK_BOX (self->critical_box), icon);
  label = gtk_label_new (_("On the critical medicines list: take care that measures do not put "
                           "availability at risk."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "warning");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (self->critical_box), label);
  gtk_box_append (GTK_BOX (box), self->critical_box);

  /* Route. */
  group = group_new (box, _("Route"), NULL);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->move_button = header_button (_("_Next Stage…"), G_CALLBACK (hrb_dossier_view_open_move_dialog), self);
  self->park_button = header_button (_("_Park…"), G_CALLBACK (hrb_dossier_view_open_park_dialog), self);
  self->drop_button = header_button (_("_Drop…"), G_CALLBACK (hrb_dossier_view_open_drop_dialog), self);
  gtk_widget_remove_css_class (self->move_button, "flat");
  gtk_widget_add_css_class (self->move_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->park_button);
  gtk_box_append (GTK_BOX (buttons), self->drop_button);
  gtk_box_append (GTK_BOX (buttons), self->move_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  self->stepper = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_set_margin_top (self->stepper, 10);
  gtk_widget_set_margin_bottom (self->stepper, 10);
  gtk_widget_set_margin_start (self->stepper, 6);
  gtk_widget_set_margin_end (self->stepper, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stepper), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stages of the route"), -1);
  {
    GtkWidget *sw = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), self->stepper);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (sw), TRUE);
    gtk_widget_add_css_class (sw, "card");
    gtk_widget_set_margin_bottom (sw, 12);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), sw);
  }
  self->side_state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->side_state_label, "heading");
  gtk_widget_add_css_class (self->side_state_label, "warning");
  gtk_label_set_xalign (GTK_LABEL (self->side_state_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->side_state_label), TRUE);
  gtk_widget_set_margin_bottom (self->side_state_label, 8);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->side_state_label);
  self->timeline = boxed_list_new (_("No steps yet"));
  hrb_a11y_set_label (self->timeline, _("Route history"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline, newest first"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->timeline);

  /* Question and rationale. */
  group = group_new (box, _("Question and Rationale"), NULL);
  self->question_row = entry_row_new (_("Reassessment question"));
  self->rationale_row = entry_row_new (_("Rationale"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->question_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rationale_row);

  /* Uncertainties. */
  group = group_new (box, _("Uncertainties"), NULL);
  for (guint i = 0; i < HRB_N_UNCERTAINTIES; i++)
    {
      row = check_row_new (hrb_uncertainty_label (hrb_uncertainty_nth (i)), &self->uncertainty_checks[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->uncertainty_text_row = entry_row_new (_("Explanation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->uncertainty_text_row);

  /* Market and availability. */
  group = group_new (box, _("Market and Availability"), NULL);
  row = switch_row_new (_("Sole supplier"), NULL, &self->sole_supplier_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->loe_row = entry_row_new (_("Loss of exclusivity (date)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->loe_row);
  row = switch_row_new (_("Caution: critical medicines list"),
                        _("Shown at the top of the dossier"), &self->critical_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->market_row = entry_row_new (_("Notes on market and availability"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->market_row);

  /* Parties involved. */
  group = group_new (box, _("Parties Involved"), NULL);
  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Parties"));
  for (guint i = 0; i < HRB_N_PARTIES; i++)
    {
      row = check_row_new (hrb_party_label (i), &self->party_checks[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  hrb_a11y_label_expander_row (expander, _("Parties"));
  self->parties_text_row = entry_row_new (_("Contacts and remarks"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->parties_text_row);

  /* Outcome. */
  group = group_new (box, _("Outcome"), NULL);
  self->advice_date_row = entry_row_new (_("Date of the triage table's advice"));
  self->advice_text_row = entry_row_new (_("Advice of the triage table"));
  self->follow_up_row = entry_row_new (_("Follow-up date"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->advice_date_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->advice_text_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->follow_up_row);
  group = group_new (box, _("Control Measures"), NULL);
  add = header_button (_("_Add Measure…"), G_CALLBACK (add_measure_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  self->measures_list = boxed_list_new (_("No measures yet"));
  hrb_a11y_set_label (self->measures_list, _("Measures"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->measures_list);

  /* Confidential price arrangement. */
  group = group_new (box, _("Price Arrangement"),
                     _("Confidential: shown only in this app and in internal exports, never in "
                       "committee exports."));
  icon = gtk_image_new_from_icon_name ("channel-secure-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Confidential"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), icon);
  self->price_row = entry_row_new (_("Arrangement"));
  self->price_net_row = entry_row_new (_("Net price or discount (euros)"));
  self->price_end_row = entry_row_new (_("End of the arrangement"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->price_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->price_net_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->price_end_row);

  /* Sources and attachments. */
  group = group_new (box, _("Sources and Attachments"), NULL);
  add = header_button (_("Add _Link…"), G_CALLBACK (add_link_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  self->links_list = boxed_list_new (_("No links yet"));
  hrb_a11y_set_label (self->links_list, _("Sources and attachments"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->links_list);

  /* Notes. */
  group = group_new (box, _("Notes"), NULL);
  note_box = gtk_list_box_new ();
  hrb_a11y_set_label (note_box, _("New note"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (note_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (note_box, "boxed-list");
  gtk_widget_set_margin_bottom (note_box, 12);
  self->note_row = entry_row_new (_("New note"));
  self->note_confidential = gtk_check_button_new_with_mnemonic (_("_Confidential"));
  gtk_widget_set_valign (self->note_confidential, GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->note_row), self->note_confidential);
  {
    GtkWidget *b = gtk_button_new_with_mnemonic (_("_Add Note"));
    gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
    g_signal_connect_swapped (b, "clicked", G_CALLBACK (add_note_cb), self);
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->note_row), b);
  }
  g_signal_connect_swapped (self->note_row, "entry-activated", G_CALLBACK (add_note_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (note_box), self->note_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note_box);
  self->notes_list = boxed_list_new (_("No notes yet"));
  hrb_a11y_set_label (self->notes_list, _("Notes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->notes_list);

  /* Change history: read-only. */
  group = group_new (box, _("Change History"), _("Every change with its author and time; it cannot be edited."));
  self->history_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->history_row), _("Changes"));
  hrb_a11y_label_expander_row (self->history_row, _("Changes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->history_row);
}

static void
hrb_dossier_view_dispose (GObject *object)
{
  HrbDossierView *self = HRB_DOSSIER_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->dossier, hrb_dossier_free);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (hrb_dossier_view_parent_class)->dispose (object);
}

static void
hrb_dossier_view_class_init (HrbDossierViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hrb_dossier_view_dispose;
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "dossierview");
}

static void
hrb_dossier_view_init (HrbDossierView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->history_rows = g_ptr_array_new ();
  build (self);
}

GtkWidget *
hrb_dossier_view_new (void)
{
  return g_object_new (HRB_TYPE_DOSSIER_VIEW, NULL);
}
