/* hrb-dossier-object.c: a GObject around an HrbDossier for list models. */
#include "config.h"
#include "hrb-dossier-object.h"

struct _HrbDossierObject
{
  GObject     parent_instance;
  HrbDossier *dossier;
};

G_DEFINE_FINAL_TYPE (HrbDossierObject, hrb_dossier_object, G_TYPE_OBJECT)

static void
hrb_dossier_object_finalize (GObject *object)
{
  HrbDossierObject *self = HRB_DOSSIER_OBJECT (object);

  g_clear_pointer (&self->dossier, hrb_dossier_free);
  G_OBJECT_CLASS (hrb_dossier_object_parent_class)->finalize (object);
}

static void
hrb_dossier_object_class_init (HrbDossierObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_dossier_object_finalize;
}

static void
hrb_dossier_object_init (HrbDossierObject *self)
{
}

HrbDossierObject *
hrb_dossier_object_new (HrbDossier *d)
{
  HrbDossierObject *self;

  g_return_val_if_fail (d != NULL, NULL);
  self = g_object_new (HRB_TYPE_DOSSIER_OBJECT, NULL);
  self->dossier = d;
  return self;
}

const HrbDossier *
hrb_dossier_object_get_dossier (HrbDossierObject *self)
{
  g_return_val_if_fail (HRB_IS_DOSSIER_OBJECT (self), NULL);
  return self->dossier;
}

gint64
hrb_dossier_object_get_id (HrbDossierObject *self)
{
  g_return_val_if_fail (HRB_IS_DOSSIER_OBJECT (self), 0);
  return self->dossier->id;
}
