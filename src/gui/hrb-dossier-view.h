/* hrb-dossier-view.h: one dossier in full: question, uncertainties, market,
 * route (stepper and timeline, with Next stage…, Park…, Drop…), outcome and
 * measures, links, notes (a lock marks confidential ones), the confidential
 * price arrangement and the read-only change history.
 *
 * Signals: "back" when the user asks to go back to the list; "changed" after
 * the dossier was changed in the store. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"

G_BEGIN_DECLS

#define HRB_TYPE_DOSSIER_VIEW (hrb_dossier_view_get_type ())
G_DECLARE_FINAL_TYPE (HrbDossierView, hrb_dossier_view, HRB, DOSSIER_VIEW, GtkBox)

GtkWidget *hrb_dossier_view_new       (void);
void       hrb_dossier_view_set_store (HrbDossierView *self, HrbStore *store);
/* Shows a dossier; FALSE (nothing shown) when it cannot be read. */
gboolean   hrb_dossier_view_show      (HrbDossierView *self, gint64 dossier_id);
gint64     hrb_dossier_view_get_id    (HrbDossierView *self);
/* Re-reads the shown dossier. */
void       hrb_dossier_view_reload    (HrbDossierView *self);

/* The dialogs (returned so tests can fill them in). Their widgets have names:
 * "form-stage", "form-party", "form-date", "form-due", "form-remark",
 * "form-look-again", "form-accept", "form-error". */
GtkWidget *hrb_dossier_view_open_move_dialog (HrbDossierView *self);
GtkWidget *hrb_dossier_view_open_park_dialog (HrbDossierView *self);
GtkWidget *hrb_dossier_view_open_drop_dialog (HrbDossierView *self);

G_END_DECLS
