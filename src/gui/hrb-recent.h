/* hrb-recent.h: the recently opened databases in the primary menu. */
#pragma once

#include "hrb-application.h"

G_BEGIN_DECLS

#define HRB_RECENT_MAX 6

/* Puts path first in the list of recent databases (settings may be NULL). */
void hrb_recent_remember (GSettings *settings, const char *path);

/* Adds the "Recent Databases" submenu to the window's primary menu, kept up
 * to date, and the app.open-recent action (a path) to the application. */
void hrb_recent_install (HrbApplication *app, HrbWindow *window);

G_END_DECLS
