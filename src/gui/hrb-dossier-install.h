/* hrb-dossier-install.h: puts the dossier module into a main window: the
 * Dossiers and Monitoring pages, and a "Dossier" section in the side pane of
 * both lists with Start Dossier / Open Dossier. */
#pragma once

#include "hrb-window.h"
#include "hrb-dossiers-page.h"
#include "hrb-monitoring-page.h"

G_BEGIN_DECLS

/* Call once per window (for example from HrbApplication's "window-created"
 * or at the end of the window's constructed()). Follows the window's store
 * through its "items-loaded" signal. */
void               hrb_dossier_install (HrbWindow *window);

HrbDossiersPage   *hrb_dossier_get_dossiers_page   (HrbWindow *window);
HrbMonitoringPage *hrb_dossier_get_monitoring_page (HrbWindow *window);

/* What the side-pane button does for an item: opens its open dossier, or
 * starts one (today, project team) and opens it; shows the Dossiers page.
 * Returns the dossier id, 0 on error (a toast says why). */
gint64             hrb_dossier_start_or_open (HrbWindow *window, gint64 item_id);

/* The text of the list columns Stage (party FALSE) and Who Must Act (TRUE)
 * for an item: from its open dossier, "–" without one. */
char              *hrb_dossier_list_text (HrbWindow *window, gint64 item_id, gboolean party);

G_END_DECLS
