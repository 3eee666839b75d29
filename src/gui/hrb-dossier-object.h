/* hrb-dossier-object.h: a GObject around an HrbDossier for list models. */
#pragma once

#include <glib-object.h>
#include "hrb-dossier.h"

G_BEGIN_DECLS

#define HRB_TYPE_DOSSIER_OBJECT (hrb_dossier_object_get_type ())
G_DECLARE_FINAL_TYPE (HrbDossierObject, hrb_dossier_object, HRB, DOSSIER_OBJECT, GObject)

/* Takes ownership of d. */
HrbDossierObject *hrb_dossier_object_new (HrbDossier *d);
const HrbDossier *hrb_dossier_object_get_dossier (HrbDossierObject *self);
gint64            hrb_dossier_object_get_id (HrbDossierObject *self);

G_END_DECLS
