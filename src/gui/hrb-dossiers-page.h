/* hrb-dossiers-page.h: the Dossiers page: all dossiers in a table
 * (medicine, indication, stage, who must act, days in stage, due date,
 * overdue in red, parked until) with filters on stage, party and domain and
 * a "Group by who must act" view; activating a dossier shows it in full
 * (HrbDossierView) with a back button.
 *
 * The stage filter starts at "Active": open dossiers, without the parked
 * ones whose date to look again has not come yet (they come back into view
 * on that date). Signal "changed" after a dossier was changed here. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-dossier-view.h"

G_BEGIN_DECLS

#define HRB_TYPE_DOSSIERS_PAGE (hrb_dossiers_page_get_type ())
G_DECLARE_FINAL_TYPE (HrbDossiersPage, hrb_dossiers_page, HRB, DOSSIERS_PAGE, GtkBox)

/* Stage filter values besides the HrbStage codes. */
#define HRB_DOSSIERS_FILTER_ACTIVE (-1)
#define HRB_DOSSIERS_FILTER_ALL    (-2)

GtkWidget      *hrb_dossiers_page_new       (void);
void            hrb_dossiers_page_set_store (HrbDossiersPage *self, HrbStore *store);
/* Re-reads the dossiers (also done when the page is shown after a change). */
void            hrb_dossiers_page_reload    (HrbDossiersPage *self);
/* Shows a dossier in full; FALSE when it does not exist. */
gboolean        hrb_dossiers_page_open      (HrbDossiersPage *self, gint64 dossier_id);
void            hrb_dossiers_page_show_list (HrbDossiersPage *self);
HrbDossierView *hrb_dossiers_page_get_view  (HrbDossiersPage *self);
/* The rows as shown (filtered and sorted); element type HrbDossierObject. */
GListModel     *hrb_dossiers_page_get_visible (HrbDossiersPage *self);
/* stage: an HrbStage, HRB_DOSSIERS_FILTER_ACTIVE or _ALL; party: an HrbParty
 * or HRB_PARTY_NONE for all; domain: NULL for all. */
void            hrb_dossiers_page_set_filter (HrbDossiersPage *self, int stage, int party,
                                              const char *domain);
void            hrb_dossiers_page_set_grouped (HrbDossiersPage *self, gboolean grouped);

G_END_DECLS
