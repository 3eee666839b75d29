/* hrb-watch.h: shows changes that another program (the CLI, a colleague's
 * window on a shared file) commits to the open database. */
#pragma once

#include "hrb-window.h"

G_BEGIN_DECLS

/* Checks every interval_ms whether another program committed to the
 * window's database; when it did, the lists are read again and a toast says
 * so. Own edits do not trigger a reload. */
void hrb_watch_install (HrbWindow *window, guint interval_ms);

/* Runs one check now (tests); TRUE when it started a reload. */
gboolean hrb_watch_check_now (HrbWindow *window);

G_END_DECLS
