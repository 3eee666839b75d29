/* hrb-method-editor.c: the method editor. */
#include "config.h"
#include "hrb-method-editor.h"
#include "hrb-store-scoring.h"

#include <glib/gi18n.h>
#include <math.h>

enum { SIGNAL_METHOD_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _HrbMethodEditor
{
  GtkBox          parent_instance;

  HrbStore       *store;
  GPtrArray      *methods;       /* HrbMethod*, [0] = Basis */
  GPtrArray      *dirty;         /* parallel: GINT_TO_POINTER (unsaved changes) */
  guint           current;
  gboolean        building;
  char           *warning;

  GtkStringList  *names;
  GtkWidget      *dropdown;
  GtkWidget      *duplicate_button;
  GtkWidget      *save_button;
  GtkWidget      *status;
  GtkWidget      *warning_label;
  GtkWidget      *error_label;
  GtkWidget      *criteria;      /* GtkListBox */
  GPtrArray      *weights;       /* GtkAdjustment* per criterion, method order */
  GtkAdjustment  *min_cost;      /* the eligibility rule's thresholds (0: not used) */
  GtkAdjustment  *min_budget;
};

G_DEFINE_FINAL_TYPE (HrbMethodEditor, hrb_method_editor, GTK_TYPE_BOX)

static void rebuild (HrbMethodEditor *self);

static HrbMethod *
current_method (HrbMethodEditor *self)
{
  return self->methods->len ? g_ptr_array_index (self->methods, self->current) : NULL;
}

static void
hrb_method_editor_dispose (GObject *object)
{
  HrbMethodEditor *self = HRB_METHOD_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->methods, g_ptr_array_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->weights, g_ptr_array_unref);
  g_clear_pointer (&self->warning, g_free);
  G_OBJECT_CLASS (hrb_method_editor_parent_class)->dispose (object);
}

static void
hrb_method_editor_class_init (HrbMethodEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_method_editor_dispose;
  signals[SIGNAL_METHOD_CHANGED] =
    g_signal_new ("method-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
update_status (HrbMethodEditor *self)
{
  HrbMethod *m = current_method (self);
  gboolean dirty = m && GPOINTER_TO_INT (g_ptr_array_index (self->dirty, self->current));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (m == NULL)
    return;
  if (m->builtin)
    text = g_strdup (_("The built-in method cannot be changed: duplicate it to make your own."));
  else if (m->id == 0)
    text = g_strdup (_("Not saved yet."));
  else if (self->store && hrb_store_method_is_used (self->store, m->id, NULL))
    text = g_strdup_printf (dirty ? _("Version %d was used for a frozen list: saving makes version %d.")
                                  : _("Version %d, used for a frozen list."),
                            m->version, m->version + 1);
  else
    text = g_strdup_printf (dirty ? _("Version %d, changed (not saved).") : _("Version %d."), m->version);
  gtk_label_set_text (GTK_LABEL (self->status), text);

  g_clear_pointer (&self->warning, g_free);
  hrb_method_double_counting (m, &self->warning);
  gtk_label_set_text (GTK_LABEL (self->warning_label), self->warning ? self->warning : "");
  gtk_widget_set_visible (self->warning_label, self->warning != NULL);

  if (!hrb_method_validate (m, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_sensitive (self->save_button, !m->builtin && (dirty || m->id == 0) &&
                            self->store != NULL && error == NULL);
}

static void
changed (HrbMethodEditor *self)
{
  if (self->building)
    return;
  g_ptr_array_index (self->dirty, self->current) = GINT_TO_POINTER (TRUE);
  update_status (self);
  g_signal_emit (self, signals[SIGNAL_METHOD_CHANGED], 0);
}

/* Criterion rows ------------------------------------------------------------ */

static HrbCriterion *
criterion_of (HrbMethodEditor *self, GObject *widget)
{
  HrbMethod *m = current_method (self);
  guint i = GPOINTER_TO_UINT (g_object_get_data (widget, "criterion"));

  return m && i < m->criteria->len ? g_ptr_array_index (m->criteria, i) : NULL;
}

static void
weight_changed_cb (GtkAdjustment *adj, HrbMethodEditor *self)
{
  HrbCriterion *c = criterion_of (self, G_OBJECT (adj));

  if (c == NULL || c->weight == gtk_adjustment_get_value (adj))
    return;
  c->weight = gtk_adjustment_get_value (adj);
  changed (self);
}

static void
anchor_changed_cb (GtkAdjustment *adj, HrbMethodEditor *self)
{
  HrbCriterion *c = criterion_of (self, G_OBJECT (adj));
  double v = gtk_adjustment_get_value (adj);

  if (c == NULL)
    return;
  if (g_object_get_data (G_OBJECT (adj), "full"))
    c->anchor_full = v;
  else
    c->anchor_zero = v;
  changed (self);
}

static void
enabled_cb (GtkSwitch *sw, GParamSpec *pspec, HrbMethodEditor *self)
{
  HrbCriterion *c = criterion_of (self, G_OBJECT (sw));

  if (c == NULL || c->enabled == gtk_switch_get_active (sw))
    return;
  c->enabled = gtk_switch_get_active (sw);
  changed (self);
}

static GtkWidget *
anchor_spin (HrbMethodEditor *self, guint index, const HrbCriterion *c, gboolean full)
{
  double v = full ? c->anchor_full : c->anchor_zero;
  double upper = MAX (1e12, fabs (v) * 10);
  GtkAdjustment *adj = gtk_adjustment_new (v, c->transform == HRB_TRANSFORM_LOG ? 1e-9 : -upper,
                                           upper, fabs (v) > 10 ? pow (10, floor (log10 (fabs (v))) - 1) : 0.01,
                                           0, 0);
  GtkWidget *spin = gtk_spin_button_new (adj, 1, fabs (v) < 1 ? 4 : 0);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (adj), "criterion", GUINT_TO_POINTER (index));
  if (full)
    g_object_set_data (G_OBJECT (adj), "full", GINT_TO_POINTER (1));
  g_signal_connect (adj, "value-changed", G_CALLBACK (anchor_changed_cb), self);
  return spin;
}

/* The eligibility rule ------------------------------------------------------- */

/* A threshold in euros; 0 shows and means "not used" (NAN in the method). */
static double
threshold_value (double v)
{
  return hrb_is_known (v) ? v : 0;
}

static void
threshold_changed_cb (GtkAdjustment *adj, HrbMethodEditor *self)
{
  HrbMethod *m = current_method (self);
  double v = gtk_adjustment_get_value (adj) > 0 ? gtk_adjustment_get_value (adj) : NAN;
  double *field;

  if (m == NULL || m->builtin)
    return;
  field = adj == self->min_cost ? &m->min_cost_per_patient : &m->min_budget_impact;
  if ((isnan (*field) && isnan (v)) || *field == v)
    return;
  *field = v;
  changed (self);
}

static GtkWidget *
threshold_row (HrbMethodEditor *self, const char *title, double value, GtkAdjustment **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adj = gtk_adjustment_new (threshold_value (value), 0, 1e12, 1000, 100000, 0);
  GtkWidget *spin = gtk_spin_button_new (adj, 1, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("In euros; 0: not used"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  g_signal_connect (adj, "value-changed", G_CALLBACK (threshold_changed_cb), self);
  *out = adj;
  return row;
}

/* Eligible: cost per patient at least A, or budget impact at least B. */
static GtkWidget *
eligibility_row (HrbMethodEditor *self, const HrbMethod *m, gboolean editable)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *cost = threshold_row (self, _("Minimum cost per patient"), m->min_cost_per_patient,
                                   &self->min_cost);
  GtkWidget *budget = threshold_row (self, _("Minimum budget impact"), m->min_budget_impact,
                                     &self->min_budget);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Eligibility"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 _("An item takes part when it reaches either threshold"));
  gtk_widget_set_name (row, "eligibility");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), cost);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), budget);
  gtk_widget_set_sensitive (cost, editable);
  gtk_widget_set_sensitive (budget, editable);
  return row;
}

static GtkWidget *
criterion_row (HrbMethodEditor *self, guint index, const HrbCriterion *c, gboolean editable)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkAdjustment *adj = gtk_adjustment_new (c->weight, 0, 100, 1, 5, 0);
  GtkWidget *scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, adj);
  GtkWidget *spin = gtk_spin_button_new (adj, 1, 1);
  GtkWidget *sw = gtk_switch_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", hrb_input_label (c->input),
                                               hrb_transform_to_code (c->transform));
  g_autofree char *weight_label = g_strdup_printf (_("Weight of %s"), hrb_criterion_label (c));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hrb_criterion_label (c));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_name (row, c->id);

  gtk_widget_set_size_request (scale, 140, -1);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, weight_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, weight_label, -1);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_box_append (GTK_BOX (box), spin);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), box);
  g_object_set_data (G_OBJECT (adj), "criterion", GUINT_TO_POINTER (index));
  g_signal_connect (adj, "value-changed", G_CALLBACK (weight_changed_cb), self);
  g_ptr_array_add (self->weights, g_object_ref (adj));

  gtk_switch_set_active (GTK_SWITCH (sw), c->enabled);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use this criterion"), -1);
  g_object_set_data (G_OBJECT (sw), "criterion", GUINT_TO_POINTER (index));
  g_signal_connect (sw, "notify::active", G_CALLBACK (enabled_cb), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), sw);

  if (c->transform == HRB_TRANSFORM_LOG || c->transform == HRB_TRANSFORM_LINEAR)
    {
      GtkWidget *zero = adw_action_row_new ();
      GtkWidget *full = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (zero), _("Input value giving 0"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (zero), anchor_spin (self, index, c, FALSE));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (full), _("Input value giving 100"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (full), anchor_spin (self, index, c, TRUE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), zero);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), full);
    }
  else
    {
      GtkWidget *info = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (info),
                                     c->transform == HRB_TRANSFORM_BANDS
                                     ? _("Bands: edit them in a method file")
                                     : _("Points: the input is already a score from 0 to 100"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), info);
    }
  gtk_widget_set_sensitive (box, editable);
  gtk_widget_set_sensitive (sw, editable);
  return row;
}

static void
rebuild (HrbMethodEditor *self)
{
  HrbMethod *m = current_method (self);
  GtkWidget *child;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (self->criteria)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->criteria), child);
  g_ptr_array_set_size (self->weights, 0);
  self->min_cost = self->min_budget = NULL;
  if (m)
    gtk_list_box_append (GTK_LIST_BOX (self->criteria), eligibility_row (self, m, !m->builtin));
  for (guint i = 0; m && i < m->criteria->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->criteria),
                         criterion_row (self, i, g_ptr_array_index (m->criteria, i), !m->builtin));
  self->building = FALSE;
  update_status (self);
}

/* The method list -------------------------------------------------------------- */

static void
add_method (HrbMethodEditor *self, HrbMethod *m, gboolean dirty)
{
  g_ptr_array_add (self->methods, m);
  g_ptr_array_add (self->dirty, GINT_TO_POINTER (dirty));
  gtk_string_list_append (self->names, m->name);
}

static void
selected_cb (GtkDropDown *dd, GParamSpec *pspec, HrbMethodEditor *self)
{
  guint i = gtk_drop_down_get_selected (dd);

  if (self->building || i == GTK_INVALID_LIST_POSITION || i >= self->methods->len || i == self->current)
    return;
  self->current = i;
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_METHOD_CHANGED], 0);
}

static void
reload_methods (HrbMethodEditor *self)
{
  g_autoptr(GPtrArray) stored = NULL;

  self->building = TRUE;
  g_ptr_array_set_size (self->methods, 0);
  g_ptr_array_set_size (self->dirty, 0);
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)), NULL);
  add_method (self, hrb_method_new_basis (), FALSE);
  if (self->store && (stored = hrb_store_list_methods (self->store, NULL)) != NULL)
    for (guint i = 0; i < stored->len; i++)
      {
        HrbMethod *m = g_ptr_array_index (stored, i);
        if (m->builtin)
          continue;
        add_method (self, hrb_method_copy (m), FALSE);
      }
  self->current = 0;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), 0);
  self->building = FALSE;
  rebuild (self);
}

static void
duplicate_cb (GtkButton *button, HrbMethodEditor *self)
{
  hrb_method_editor_duplicate (self, NULL);
}

static void
save_cb (GtkButton *button, HrbMethodEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!hrb_method_editor_save (self, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
    }
}

static GtkWidget *
message_label (const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
hrb_method_editor_init (HrbMethodEditor *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller;

  self->methods = g_ptr_array_new_with_free_func ((GDestroyNotify) hrb_method_free);
  self->dirty = g_ptr_array_new ();
  self->weights = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  self->names = gtk_string_list_new (NULL);
  self->dropdown = gtk_drop_down_new (G_LIST_MODEL (self->names), NULL);
  gtk_widget_set_hexpand (self->dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scoring method"), -1);
  g_signal_connect (self->dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
  self->duplicate_button = gtk_button_new_with_mnemonic (_("_Duplicate"));
  g_signal_connect (self->duplicate_button, "clicked", G_CALLBACK (duplicate_cb), self);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_cb), self);
  gtk_box_append (GTK_BOX (top), self->dropdown);
  gtk_box_append (GTK_BOX (top), self->duplicate_button);
  gtk_box_append (GTK_BOX (top), self->save_button);
  gtk_box_append (GTK_BOX (self), top);

  self->status = message_label ("dim-label");
  gtk_box_append (GTK_BOX (self), self->status);
  self->warning_label = message_label ("warning");
  gtk_box_append (GTK_BOX (self), self->warning_label);
  self->error_label = message_label ("error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->error_label);

  self->criteria = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->criteria), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->criteria, "boxed-list");
  gtk_widget_set_valign (self->criteria, GTK_ALIGN_START);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->criteria);
  gtk_box_append (GTK_BOX (self), scroller);

  reload_methods (self);
}

GtkWidget *
hrb_method_editor_new (void)
{
  return g_object_new (HRB_TYPE_METHOD_EDITOR, NULL);
}

void
hrb_method_editor_set_store (HrbMethodEditor *self, HrbStore *store)
{
  g_return_if_fail (HRB_IS_METHOD_EDITOR (self));
  if (!g_set_object (&self->store, store))
    return;
  reload_methods (self);
  g_signal_emit (self, signals[SIGNAL_METHOD_CHANGED], 0);
}

const HrbMethod *
hrb_method_editor_get_method (HrbMethodEditor *self)
{
  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), NULL);
  return current_method (self);
}

gboolean
hrb_method_editor_is_valid (HrbMethodEditor *self)
{
  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), FALSE);
  return current_method (self) && hrb_method_validate (current_method (self), NULL);
}

gboolean
hrb_method_editor_select (HrbMethodEditor *self, const char *name)
{
  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), FALSE);
  for (guint i = 0; i < self->methods->len; i++)
    if (g_strcmp0 (((HrbMethod *) g_ptr_array_index (self->methods, i))->name, name) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
name_taken (HrbMethodEditor *self, const char *name)
{
  for (guint i = 0; i < self->methods->len; i++)
    if (g_ascii_strcasecmp (((HrbMethod *) g_ptr_array_index (self->methods, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

const char *
hrb_method_editor_duplicate (HrbMethodEditor *self, const char *new_name)
{
  HrbMethod *m, *copy;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), NULL);
  if ((m = current_method (self)) == NULL)
    return NULL;
  if (new_name)
    name = g_strdup (new_name);
  else
    for (int n = 1; name == NULL || name_taken (self, name); n++)
      {
        g_free (name);
        /* TRANSLATORS: the name of a copy of a method; %s is the original. */
        name = n == 1 ? g_strdup_printf (_("%s (copy)"), m->name)
                      : g_strdup_printf (_("%s (copy %d)"), m->name, n);
      }
  copy = hrb_method_duplicate (m, name);
  add_method (self, copy, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), self->methods->len - 1);
  return copy->name;
}

gboolean
hrb_method_editor_set_weight (HrbMethodEditor *self, const char *criterion_id, double weight)
{
  HrbMethod *m;

  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), FALSE);
  m = current_method (self);
  if (m == NULL || m->builtin)
    return FALSE;
  for (guint i = 0; i < m->criteria->len && i < self->weights->len; i++)
    if (g_strcmp0 (((HrbCriterion *) g_ptr_array_index (m->criteria, i))->id, criterion_id) == 0)
      {
        gtk_adjustment_set_value (g_ptr_array_index (self->weights, i), weight);
        return TRUE;
      }
  return FALSE;
}

gboolean
hrb_method_editor_set_eligibility (HrbMethodEditor *self, double min_cost_per_patient,
                                   double min_budget_impact)
{
  HrbMethod *m;

  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), FALSE);
  m = current_method (self);
  if (m == NULL || m->builtin || self->min_cost == NULL)
    return FALSE;
  gtk_adjustment_set_value (self->min_cost, threshold_value (min_cost_per_patient));
  gtk_adjustment_set_value (self->min_budget, threshold_value (min_budget_impact));
  return TRUE;
}

gboolean
hrb_method_editor_save (HrbMethodEditor *self, GError **error)
{
  HrbMethod *m;

  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), FALSE);
  m = current_method (self);
  if (m == NULL || self->store == NULL)
    {
      g_set_error_literal (error, HRB_SCORING_ERROR, HRB_SCORING_ERROR_FAILED, _("Nothing to save"));
      return FALSE;
    }
  if (hrb_store_save_method (self->store, m, error) == 0)
    return FALSE;
  g_ptr_array_index (self->dirty, self->current) = GINT_TO_POINTER (FALSE);
  update_status (self);
  g_signal_emit (self, signals[SIGNAL_METHOD_CHANGED], 0);
  return TRUE;
}

const char *
hrb_method_editor_get_warning (HrbMethodEditor *self)
{
  g_return_val_if_fail (HRB_IS_METHOD_EDITOR (self), NULL);
  return self->warning;
}
