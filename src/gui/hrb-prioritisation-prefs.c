/* hrb-prioritisation-prefs.c: default method and sluis thresholds. */
#include "config.h"
#include "hrb-prioritisation-prefs.h"
#include "hrb-a11y.h"
#include "hrb-application.h"
#include "hrb-scoring-install.h"
#include "hrb-sluis-check.h"

#include <glib/gi18n.h>

static GtkWidget *
money_row (GSettings *settings, const char *key, const char *title, double max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1000);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  hrb_a11y_set_label (spin, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  if (hrb_settings_has_key (settings, key))
    g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (row, FALSE);
  return row;
}

void
hrb_prioritisation_add_preferences (AdwPreferencesPage *page, GSettings *settings)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *method = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Prioritisation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("The method the lists are ranked with when a database is opened, and the thresholds of "
        "the package lock (sluis)."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (method), _("Default method"));
  hrb_a11y_set_label (method, _("Default method"));
  if (hrb_settings_has_key (settings, "default-method"))
    g_settings_bind (settings, "default-method", method, "text", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (method, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), method);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             money_row (settings, "sluis-cost-per-patient",
                                        _("Sluis: cost per patient per year (€)"), 1e8));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             money_row (settings, "sluis-budget-impact",
                                        _("Sluis: budget impact per year (€)"), 1e11));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

typedef struct {
  GSettings *settings;
  gboolean   applying;
} Follow;

static void
follow_free (gpointer data)
{
  Follow *f = data;

  g_clear_object (&f->settings);
  g_free (f);
}

static void
apply_thresholds (HrbSluisCheck *check, Follow *f)
{
  f->applying = TRUE;
  hrb_sluis_check_set_thresholds (check, g_settings_get_double (f->settings, "sluis-cost-per-patient"),
                                  g_settings_get_double (f->settings, "sluis-budget-impact"));
  f->applying = FALSE;
}

static void
settings_changed_cb (GSettings *settings, const char *key, gpointer check)
{
  Follow *f = g_object_get_data (G_OBJECT (check), "hrb-follow");

  if (f != NULL && !f->applying)
    apply_thresholds (HRB_SLUIS_CHECK (check), f);
}

static void
check_changed_cb (HrbSluisCheck *check, Follow *f)
{
  if (f->applying)
    return;
  f->applying = TRUE;
  g_settings_set_double (f->settings, "sluis-cost-per-patient", hrb_sluis_check_get_cost_per_patient (check));
  g_settings_set_double (f->settings, "sluis-budget-impact", hrb_sluis_check_get_budget_impact (check));
  f->applying = FALSE;
}

/* The default method, once the window knows the database's methods. */
static void
items_loaded_cb (HrbWindow *window, gpointer user_data)
{
  GSettings *settings = user_data;
  HrbMethodEditor *editor = hrb_scoring_get_editor (window);
  g_autofree char *name = g_settings_get_string (settings, "default-method");

  g_signal_handlers_disconnect_by_func (window, items_loaded_cb, user_data);
  if (editor != NULL && name[0] != '\0')
    hrb_method_editor_select (editor, name);
}

void
hrb_prioritisation_follow_settings (HrbWindow *window, GSettings *settings)
{
  HrbSluisCheck *check = hrb_scoring_get_sluis_check (window);
  
  Follow *f;

  if (!hrb_settings_has_key (settings, "sluis-budget-impact") || check == NULL)
    return;
  f = g_new0 (Follow, 1);
  f->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (check), "hrb-follow", f, follow_free);
  apply_thresholds (check, f);
  g_signal_connect_object (settings, "changed::sluis-cost-per-patient", G_CALLBACK (settings_changed_cb), check, 0);
  g_signal_connect_object (settings, "changed::sluis-budget-impact", G_CALLBACK (settings_changed_cb), check, 0);
  g_signal_connect (check, "changed", G_CALLBACK (check_changed_cb), f);
  g_signal_connect_object (window, "items-loaded", G_CALLBACK (items_loaded_cb), settings, 0);
}
