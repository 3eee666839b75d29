/* hrb-prioritisation-prefs.h: the prioritisation preferences (default
 * method, sluis thresholds) and their use by a main window. */
#pragma once

#include "hrb-window.h"

G_BEGIN_DECLS

/* Adds a "Prioritisation" group to a preferences page. */
void hrb_prioritisation_add_preferences (AdwPreferencesPage *page, GSettings *settings);

/* Applies the preferences to a window's scoring (default method, sluis
 * thresholds) and keeps the thresholds the user sets in the window. */
void hrb_prioritisation_follow_settings (HrbWindow *window, GSettings *settings);

G_END_DECLS
