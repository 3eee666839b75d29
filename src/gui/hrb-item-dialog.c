/* hrb-item-dialog.c: the item editor with inline validation. */
#include "config.h"
#include "hrb-a11y.h"
#include "hrb-item-dialog.h"
#include "hrb-parse.h"
#include "hrb-format.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* Entry fields with an inline message row below them. */
static const char * const message_fields[] = {
  "inn", "atc", "indication", "patients", "cost", "budget", "year", "source", "vintage",
};
static const char * const entry_fields[] = {
  "inn", "brand", "atc", "indication", "domain", "patients", "cost", "budget", "year", "source", "vintage",
};
static const char * const switch_fields[] = {
  "orphan", "conditional", "exceptional", "accelerated", "atmp", "critical",
};

struct _HrbItemDialog
{
  AdwWindow   parent_instance;

  HrbStore   *store;
  HrbItem    *original;       /* NULL for a new item */
  HrbStream   stream;
  gint64      matched_medicine;
  gboolean    filling;
  GHashTable *messages;       /* field → message (owned) */
  GHashTable *touched;        /* fields the user has edited */

  GtkWidget  *window_title;
  GtkWidget  *save_button;
  GtkWidget  *inn_row, *brand_row, *atc_row, *indication_row, *domain_row;
  GtkWidget  *patients_row, *cost_row, *budget_row, *year_row, *source_row, *vintage_row;
  GtkWidget  *setting_row, *status_row, *flags_row;
  GtkWidget  *inn_message, *atc_message, *indication_message, *patients_message;
  GtkWidget  *cost_message, *budget_message, *year_message, *source_message, *vintage_message;
  GtkWidget  *inn_message_row, *atc_message_row, *indication_message_row, *patients_message_row;
  GtkWidget  *cost_message_row, *budget_message_row, *year_message_row, *source_message_row;
  GtkWidget  *vintage_message_row;
  GtkWidget  *orphan_switch, *conditional_switch, *exceptional_switch;
  GtkWidget  *accelerated_switch, *atmp_switch, *critical_switch;
};

G_DEFINE_FINAL_TYPE (HrbItemDialog, hrb_item_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Setting and status choices in the order of their combo rows. */
static const HrbSetting setting_order[] = {
  HRB_SETTING_UNKNOWN, HRB_SETTING_INTRAMURAL, HRB_SETTING_EXTRAMURAL,
};
static const HrbPackageStatus status_order[] = {
  HRB_STATUS_NOT_ADMITTED, HRB_STATUS_IN_SLUIS, HRB_STATUS_ADMITTED,
  HRB_STATUS_CONDITIONAL, HRB_STATUS_EXCLUDED,
};

/* Field access ------------------------------------------------------------- */

GtkWidget *
hrb_item_dialog_get_field (HrbItemDialog *self, const char *name)
{
  g_autofree char *row = NULL;
  g_autofree char *sw = NULL;
  GtkWidget *w;

  g_return_val_if_fail (HRB_IS_ITEM_DIALOG (self), NULL);

  row = g_strconcat (name, "_row", NULL);
  w = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HRB_TYPE_ITEM_DIALOG, row));
  if (w)
    return w;
  sw = g_strconcat (name, "_switch", NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HRB_TYPE_ITEM_DIALOG, sw));
}

static char *
field_text (HrbItemDialog *self, const char *name)
{
  GtkWidget *w = hrb_item_dialog_get_field (self, name);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (w)));

  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static void
set_field_text (HrbItemDialog *self, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (hrb_item_dialog_get_field (self, name)), text ? text : "");
}

static gboolean
switch_active (HrbItemDialog *self, const char *name)
{
  return gtk_switch_get_active (GTK_SWITCH (hrb_item_dialog_get_field (self, name)));
}

static void
set_switch (HrbItemDialog *self, const char *name, gboolean active)
{
  gtk_switch_set_active (GTK_SWITCH (hrb_item_dialog_get_field (self, name)), active);
}

const char *
hrb_item_dialog_get_message (HrbItemDialog *self, const char *name)
{
  g_return_val_if_fail (HRB_IS_ITEM_DIALOG (self), NULL);
  return g_hash_table_lookup (self->messages, name);
}

gboolean
hrb_item_dialog_can_save (HrbItemDialog *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_DIALOG (self), FALSE);
  return g_hash_table_size (self->messages) == 0;
}

/* Reading the form --------------------------------------------------------- */

static void
read_medicine (HrbItemDialog *self, HrbMedicine *m)
{
  g_autofree char *atc = field_text (self, "atc");

  m->inn = field_text (self, "inn");
  m->brand = field_text (self, "brand");
  m->atc = atc ? g_ascii_strup (atc, -1) : NULL;
  m->orphan = switch_active (self, "orphan");
  m->conditional = switch_active (self, "conditional");
  m->exceptional = switch_active (self, "exceptional");
  m->accelerated = switch_active (self, "accelerated");
  m->atmp = switch_active (self, "atmp");
  m->critical = switch_active (self, "critical");
}

/* Parses a range field; on a problem stores the message. */
static HrbRange
read_range (HrbItemDialog *self, const char *name, const char *label)
{
  g_autofree char *text = field_text (self, name);
  g_autoptr(GError) error = NULL;
  HrbRange r = HRB_RANGE_UNKNOWN;
  char *message = NULL;

  if (text == NULL)
    return r;
  if (!hrb_parse_range (text, HRB_DECIMAL_AUTO, &r, &error))
    {
      if (g_error_matches (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_NEGATIVE))
        message = g_strdup_printf (_("%s must not be negative."), label);
      else if (g_error_matches (error, HRB_PARSE_ERROR, HRB_PARSE_ERROR_ORDER))
        message = g_strdup_printf (_("%s: the low value is above the high value."), label);
      else
        message = g_strdup_printf (_("“%s” is not a number or a range such as 600–900."), text);
      g_hash_table_insert (self->messages, (gpointer) name, message);
      return HRB_RANGE_UNKNOWN;
    }
  if (!hrb_range_validate (r, label, &message))
    {
      g_hash_table_insert (self->messages, (gpointer) name, message);
      return HRB_RANGE_UNKNOWN;
    }
  return r;
}

static gboolean
any_figure_given (HrbItemDialog *self)
{
  static const char * const names[] = { "patients", "cost", "budget", "year", "vintage" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = field_text (self, names[i]);
      if (text)
        return TRUE;
    }
  return FALSE;
}

/* Reads the figure fields into f; messages for bad fields. */
static void
read_figure (HrbItemDialog *self, HrbFigure *f)
{
  g_autofree char *year = field_text (self, "year");
  g_autofree char *vintage = field_text (self, "vintage");
  const char *field = NULL;
  char *message = NULL;

  f->patients = read_range (self, "patients", _("Patients"));
  f->cost = read_range (self, "cost", _("Cost per patient"));
  f->budget = read_range (self, "budget", _("Budget impact"));
  f->source = field_text (self, "source");
  f->list_price = TRUE;

  if (year)
    {
      char *end = NULL;
      gint64 y = g_ascii_strtoll (year, &end, 10);

      if (end == year || *end != '\0')
        g_hash_table_insert (self->messages, (gpointer) "year",
                             g_strdup_printf (_("“%s” is not a year (for example 2026)."), year));
      else
        f->year = (int) CLAMP (y, 0, 100000);
    }
  if (vintage)
    {
      g_autofree char *iso = NULL;

      if (!hrb_parse_date (vintage, &iso, NULL) || strlen (iso) != 10)
        g_hash_table_insert (self->messages, (gpointer) "vintage",
                             g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)."), vintage));
      else
        f->vintage = g_steal_pointer (&iso);
    }

  if (!any_figure_given (self))
    return;
  if (f->source == NULL)
    {
      g_hash_table_insert (self->messages, (gpointer) "source",
                           g_strdup (_("Every figure needs a source.")));
      return;
    }
  /* The model's own checks (year range, dates) for what is still unchecked. */
  if (!g_hash_table_contains (self->messages, "year") && !g_hash_table_contains (self->messages, "vintage") &&
      !hrb_figure_validate (f, &field, &message))
    {
      if (!g_hash_table_contains (self->messages, field))
        g_hash_table_insert (self->messages, (gpointer) g_intern_string (field), message);
      else
        g_free (message);
    }
}

static void
read_item (HrbItemDialog *self, HrbItem *item)
{
  guint setting = adw_combo_row_get_selected (ADW_COMBO_ROW (self->setting_row));
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row));

  read_medicine (self, &item->medicine);
  item->indication = field_text (self, "indication");
  item->domain = field_text (self, "domain");
  item->setting = setting < G_N_ELEMENTS (setting_order) ? setting_order[setting] : HRB_SETTING_UNKNOWN;
  item->status = status < G_N_ELEMENTS (status_order) ? status_order[status] : HRB_STATUS_NOT_ADMITTED;
}

/* Validation --------------------------------------------------------------- */

static void
show_messages (HrbItemDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (message_fields); i++)
    {
      const char *name = message_fields[i];
      const char *message = g_hash_table_lookup (self->messages, name);
      g_autofree char *label_name = g_strconcat (name, "_message", NULL);
      g_autofree char *row_name = g_strconcat (name, "_message_row", NULL);
      GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HRB_TYPE_ITEM_DIALOG, label_name));
      GtkWidget *mrow = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HRB_TYPE_ITEM_DIALOG, row_name));
      GtkWidget *row = hrb_item_dialog_get_field (self, name);

      /* A problem in a field nobody has typed in yet (an empty new form)
       * keeps Save disabled but is not shouted about. */
      if (self->original == NULL && !g_hash_table_contains (self->touched, name))
        message = NULL;
      gtk_label_set_text (GTK_LABEL (label), message ? message : "");
      gtk_widget_set_visible (mrow, message != NULL);
      if (message)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (row, "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
  gtk_widget_set_sensitive (self->save_button, g_hash_table_size (self->messages) == 0);
}

/* For a new item: reuse a medicine with the same INN and ATC. */
static void
match_medicine (HrbItemDialog *self, const HrbMedicine *typed)
{
  gint64 id = 0;
  g_autoptr(HrbMedicine) m = NULL;

  if (self->original != NULL || typed->inn == NULL)
    {
      self->matched_medicine = 0;
      return;
    }
  id = hrb_store_find_medicine (self->store, typed->atc, typed->inn, NULL);
  if (id == self->matched_medicine)
    return;
  self->matched_medicine = id;
  if (id <= 0)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->flags_row),
                                     _("A new medicine will be added"));
      return;
    }
  m = hrb_store_get_medicine (self->store, id, NULL);
  if (m == NULL)
    return;
  /* Show what will be saved: the known medicine's name and properties. */
  self->filling = TRUE;
  if (gtk_editable_get_text (GTK_EDITABLE (self->brand_row))[0] == '\0')
    set_field_text (self, "brand", m->brand);
  if (gtk_editable_get_text (GTK_EDITABLE (self->atc_row))[0] == '\0')
    set_field_text (self, "atc", m->atc);
  set_switch (self, "orphan", m->orphan);
  set_switch (self, "conditional", m->conditional);
  set_switch (self, "exceptional", m->exceptional);
  set_switch (self, "accelerated", m->accelerated);
  set_switch (self, "atmp", m->atmp);
  set_switch (self, "critical", m->critical);
  self->filling = FALSE;
  {
    g_autofree char *sub = g_strdup_printf (_("Known medicine %s: changes apply to all its items"),
                                            hrb_medicine_display_name (m));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->flags_row), sub);
  }
}

static void
validate (HrbItemDialog *self)
{
  g_autoptr(HrbItem) item = hrb_item_new ();
  g_autoptr(HrbFigure) figure = hrb_figure_new ();
  const char *field = NULL;
  char *message = NULL;

  g_hash_table_remove_all (self->messages);
  read_item (self, item);
  match_medicine (self, &item->medicine);
  if (!hrb_medicine_validate (&item->medicine, &field, &message))
    g_hash_table_insert (self->messages, (gpointer) g_intern_string (field), message);
  item->medicine_id = 1;   /* the medicine was checked above */
  if (!hrb_item_validate (item, &field, &message))
    {
      if (g_strcmp0 (field, "indication") == 0)
        g_hash_table_insert (self->messages, (gpointer) "indication", message);
      else
        g_free (message);
    }
  read_figure (self, figure);
  show_messages (self);
}

static void
field_changed_cb (HrbItemDialog *self)
{
  if (!self->filling)
    validate (self);
}

static void
entry_changed_cb (GtkEditable *editable, HrbItemDialog *self)
{
  if (self->filling)
    return;
  g_hash_table_add (self->touched, g_object_get_data (G_OBJECT (editable), "hrb-field"));
  validate (self);
}

/* Saving ------------------------------------------------------------------- */

static gboolean
medicine_differs (const HrbMedicine *a, const HrbMedicine *b)
{
  return g_strcmp0 (a->inn, b->inn) || g_strcmp0 (a->brand, b->brand) || g_strcmp0 (a->atc, b->atc) ||
         a->orphan != b->orphan || a->conditional != b->conditional || a->exceptional != b->exceptional ||
         a->accelerated != b->accelerated || a->atmp != b->atmp || a->critical != b->critical;
}

static gboolean
range_differs (HrbRange a, HrbRange b)
{
  return !((a.low == b.low || (isnan (a.low) && isnan (b.low))) &&
           (a.high == b.high || (isnan (a.high) && isnan (b.high))));
}

static gboolean
save_medicine (HrbItemDialog *self, const HrbMedicine *typed, gint64 *id_out, GError **error)
{
  gint64 id = self->original ? self->original->medicine_id : self->matched_medicine;
  g_autoptr(HrbMedicine) old = NULL;
  g_autoptr(HrbMedicine) m = NULL;

  if (id <= 0)
    {
      *id_out = hrb_store_insert_medicine (self->store, typed, error);
      return *id_out > 0;
    }
  old = hrb_store_get_medicine (self->store, id, error);
  if (old == NULL)
    return FALSE;
  /* Keep what the form does not show (holder, dates, other flags). */
  m = hrb_medicine_copy (old);
  g_free (m->inn);
  m->inn = g_strdup (typed->inn);
  g_free (m->brand);
  m->brand = g_strdup (typed->brand);
  g_free (m->atc);
  m->atc = g_strdup (typed->atc);
  m->orphan = typed->orphan;
  m->conditional = typed->conditional;
  m->exceptional = typed->exceptional;
  m->accelerated = typed->accelerated;
  m->atmp = typed->atmp;
  m->critical = typed->critical;
  *id_out = id;
  if (!medicine_differs (m, old))
    return TRUE;
  return hrb_store_update_medicine (self->store, m, error);
}

gboolean
hrb_item_dialog_save (HrbItemDialog *self, GError **error)
{
  g_autoptr(HrbItem) item = NULL;
  g_autoptr(HrbFigure) figure = hrb_figure_new ();
  gint64 medicine_id = 0;
  gint64 item_id;

  g_return_val_if_fail (HRB_IS_ITEM_DIALOG (self), FALSE);

  validate (self);
  if (!hrb_item_dialog_can_save (self))
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, "%s",
                   _("Some fields need attention."));
      return FALSE;
    }

  item = self->original ? hrb_item_copy (self->original) : hrb_item_new ();
  /* read_item overwrites these fields; free the copies first. */
  g_clear_pointer (&item->indication, g_free);
  g_clear_pointer (&item->domain, g_free);
  g_free (item->medicine.inn);
  g_free (item->medicine.brand);
  g_free (item->medicine.atc);
  item->medicine.inn = item->medicine.brand = item->medicine.atc = NULL;
  read_item (self, item);
  read_figure (self, figure);

  if (!hrb_store_begin (self->store, error))
    return FALSE;
  if (!save_medicine (self, &item->medicine, &medicine_id, error))
    goto fail;
  item->medicine_id = medicine_id;
  if (self->original)
    {
      item_id = self->original->id;
      if (!hrb_store_update_item (self->store, item, error))
        goto fail;
    }
  else
    {
      item_id = hrb_store_insert_item (self->store, item, error);
      if (item_id <= 0)
        goto fail;
    }

  if (any_figure_given (self))
    {
      const HrbFigure *old = self->original && self->original->figure.id ? &self->original->figure : NULL;

      figure->item_id = item_id;
      if (old && g_strcmp0 (old->vintage, figure->vintage) == 0)
        {
          /* Same vintage: correct it in place (the audit keeps the old values). */
          figure->id = old->id;
          figure->batch_id = old->batch_id;
          figure->list_price = old->list_price;
          figure->provisional = old->provisional;
          if ((range_differs (old->patients, figure->patients) || range_differs (old->cost, figure->cost) ||
               range_differs (old->budget, figure->budget) || old->year != figure->year ||
               g_strcmp0 (old->source, figure->source) != 0) &&
              !hrb_store_update_figure (self->store, figure, error))
            goto fail;
        }
      else if (hrb_store_add_figure (self->store, figure, error) <= 0)
        goto fail;
    }

  if (!hrb_store_commit (self->store, error))
    goto fail;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, item_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;

fail:
  hrb_store_rollback (self->store);
  return FALSE;
}

static void
save_clicked_cb (HrbItemDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!hrb_item_dialog_save (self, &error))
    {
      AdwMessageDialog *dialog;

      if (!hrb_item_dialog_can_save (self))
        return;
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Save the Item"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Filling the form --------------------------------------------------------- */

static char *
range_for_editing (HrbRange r)
{
  g_autofree char *lo = hrb_format_plain (r.low, 2);
  g_autofree char *hi = hrb_format_plain (r.high, 2);

  if (!hrb_is_known (r.low) && !hrb_is_known (r.high))
    return g_strdup ("");
  if (!hrb_is_known (r.low))
    return g_strconcat ("< ", hi, NULL);
  if (!hrb_is_known (r.high))
    return g_strconcat ("> ", lo, NULL);
  if (r.low == r.high)
    return g_steal_pointer (&lo);
  return g_strconcat (lo, "–", hi, NULL);
}

static void
fill (HrbItemDialog *self)
{
  const HrbItem *item = self->original;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->filling = TRUE;
  if (item == NULL)
    {
      adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), _("New Item"));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row),
                                  self->stream == HRB_STREAM_RETROSPECTIVE ? 2 : 0);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->setting_row), 1);
      set_field_text (self, "source", _("Entered by hand"));
      {
        g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
        g_autofree char *year = g_date_time_format (now, "%Y");
        set_field_text (self, "vintage", today);
        set_field_text (self, "year", year);
      }
    }
  else
    {
      const HrbMedicine *m = &item->medicine;
      const HrbFigure *f = &item->figure;

      adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), _("Edit Item"));
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), hrb_medicine_display_name (m));
      set_field_text (self, "inn", m->inn);
      set_field_text (self, "brand", m->brand);
      set_field_text (self, "atc", m->atc);
      set_switch (self, "orphan", m->orphan);
      set_switch (self, "conditional", m->conditional);
      set_switch (self, "exceptional", m->exceptional);
      set_switch (self, "accelerated", m->accelerated);
      set_switch (self, "atmp", m->atmp);
      set_switch (self, "critical", m->critical);
      set_field_text (self, "indication", item->indication);
      set_field_text (self, "domain", item->domain);
      for (guint i = 0; i < G_N_ELEMENTS (setting_order); i++)
        if (setting_order[i] == item->setting)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->setting_row), i);
      for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
        if (status_order[i] == item->status)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), i);
      if (f->id != 0)
        {
          g_autofree char *p = range_for_editing (f->patients);
          g_autofree char *c = range_for_editing (f->cost);
          g_autofree char *b = range_for_editing (f->budget);
          g_autofree char *y = f->year > 0 ? g_strdup_printf ("%d", f->year) : g_strdup ("");

          set_field_text (self, "patients", p);
          set_field_text (self, "cost", c);
          set_field_text (self, "budget", b);
          set_field_text (self, "year", y);
          set_field_text (self, "source", f->source);
          set_field_text (self, "vintage", f->vintage);
        }
      else
        set_field_text (self, "source", _("Entered by hand"));
    }
  self->filling = FALSE;
  validate (self);
}

/* GObject ------------------------------------------------------------------ */

static void
hrb_item_dialog_dispose (GObject *object)
{
  HrbItemDialog *self = HRB_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HRB_TYPE_ITEM_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, hrb_item_free);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (hrb_item_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HrbItemDialog, name)

static void
hrb_item_dialog_class_init (HrbItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hrb_item_dialog_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/herbeoordeling/Herbeoordeling/ui/hrb-item-dialog.ui");
  BIND (window_title);
  BIND (save_button);
  BIND (inn_row); BIND (brand_row); BIND (atc_row); BIND (indication_row); BIND (domain_row);
  BIND (patients_row); BIND (cost_row); BIND (budget_row); BIND (year_row); BIND (source_row);
  BIND (vintage_row); BIND (setting_row); BIND (status_row); BIND (flags_row);
  BIND (inn_message); BIND (atc_message); BIND (indication_message); BIND (patients_message);
  BIND (cost_message); BIND (budget_message); BIND (year_message); BIND (source_message);
  BIND (vintage_message);
  BIND (inn_message_row); BIND (atc_message_row); BIND (indication_message_row);
  BIND (patients_message_row); BIND (cost_message_row); BIND (budget_message_row);
  BIND (year_message_row); BIND (source_message_row); BIND (vintage_message_row);
  BIND (orphan_switch); BIND (conditional_switch); BIND (exceptional_switch);
  BIND (accelerated_switch); BIND (atmp_switch); BIND (critical_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

#undef BIND

static void
hrb_item_dialog_init (HrbItemDialog *self)
{
  g_autoptr(GtkStringList) settings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkWidget *row = hrb_item_dialog_get_field (self, entry_fields[i]);

      g_object_set_data (G_OBJECT (row), "hrb-field", (gpointer) entry_fields[i]);
      g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
    }

  gtk_string_list_append (settings, _("Unknown"));
  gtk_string_list_append (settings, hrb_setting_label (HRB_SETTING_INTRAMURAL));
  gtk_string_list_append (settings, hrb_setting_label (HRB_SETTING_EXTRAMURAL));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->setting_row), G_LIST_MODEL (settings));
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    gtk_string_list_append (statuses, hrb_status_label (status_order[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (statuses));

  for (guint i = 0; i < G_N_ELEMENTS (switch_fields); i++)
    g_signal_connect_swapped (hrb_item_dialog_get_field (self, switch_fields[i]), "notify::active",
                              G_CALLBACK (field_changed_cb), self);
}

GtkWidget *
hrb_item_dialog_new (GtkWindow     *parent,
                     HrbStore      *store,
                     const HrbItem *item,
                     HrbStream      stream)
{
  HrbItemDialog *self;

  g_return_val_if_fail (HRB_IS_STORE (store), NULL);

  self = g_object_new (HRB_TYPE_ITEM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->original = item ? hrb_item_copy (item) : NULL;
  self->stream = stream;
  fill (self);
  hrb_a11y_fix_tree (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}
