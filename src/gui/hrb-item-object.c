/* hrb-item-object.c: list row object with precomputed keys. */
#include "hrb-item-object.h"

#include <string.h>

struct _HrbItemObject
{
  GObject   parent_instance;

  HrbItem  *item;
  char     *haystack;
  char     *name_key;
  char     *indication_key;
  char     *domain_key;
  double    score;
  int       rank;
};

G_DEFINE_FINAL_TYPE (HrbItemObject, hrb_item_object, G_TYPE_OBJECT)

static gboolean
is_ascii (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
hrb_item_object_fold (const char *text)
{
  g_autofree char *norm = NULL;

  if (text == NULL)
    return g_strdup ("");
  /* Most names are plain ASCII: skip Unicode normalisation for them. */
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (norm ? norm : text, -1);
}

static char *
collate_key (const char *text)
{
  return g_utf8_collate_key (text ? text : "", -1);
}

/* The folded search text: medicine (brand), INN, ATC and indication, one
 * per line. Plain ASCII (most items) is folded in one allocation of the
 * exact size: 100,000 items are made at once, and short-lived buffers
 * between them would leave the heap fragmented. */
static char *
make_haystack (const HrbItem *item)
{
  const char *parts[] = { item->medicine.brand, item->medicine.inn, item->medicine.atc, item->indication };
  gboolean ascii = TRUE;
  gsize len = G_N_ELEMENTS (parts) - 1;
  char *out, *p;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i])
      {
        len += strlen (parts[i]);
        ascii = ascii && is_ascii (parts[i]);
      }
  if (!ascii)
    {
      g_autofree char *joined = g_strjoin ("\n", parts[0] ? parts[0] : "", parts[1] ? parts[1] : "",
                                           parts[2] ? parts[2] : "", parts[3] ? parts[3] : "", NULL);
      return hrb_item_object_fold (joined);
    }
  out = p = g_malloc (len + 1);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (i > 0)
        *p++ = '\n';
      for (const char *c = parts[i]; c && *c; c++)
        *p++ = g_ascii_tolower (*c);
    }
  *p = '\0';
  return out;
}

static void
compute_keys (HrbItemObject *self)
{
  const HrbItem *item = self->item;

  g_clear_pointer (&self->haystack, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->indication_key, g_free);
  g_clear_pointer (&self->domain_key, g_free);

  self->haystack = make_haystack (item);
  /* The collation keys are made when a sort first needs them. */
  /* The point values are computed from the figure when asked for (a few
   * operations; 100,000 rows would otherwise carry five more doubles). */
}

static void
hrb_item_object_finalize (GObject *object)
{
  HrbItemObject *self = HRB_ITEM_OBJECT (object);

  g_clear_pointer (&self->item, hrb_item_free);
  g_free (self->haystack);
  g_free (self->name_key);
  g_free (self->indication_key);
  g_free (self->domain_key);

  G_OBJECT_CLASS (hrb_item_object_parent_class)->finalize (object);
}

static void
hrb_item_object_class_init (HrbItemObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_item_object_finalize;
}

static void
hrb_item_object_init (HrbItemObject *self)
{
  self->score = NAN;
}

HrbItemObject *
hrb_item_object_new (HrbItem *item)
{
  HrbItemObject *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (HRB_TYPE_ITEM_OBJECT, NULL);
  self->item = item;
  compute_keys (self);
  return self;
}

const HrbItem *
hrb_item_object_get_item (HrbItemObject *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_OBJECT (self), NULL);
  return self->item;
}

gint64
hrb_item_object_get_id (HrbItemObject *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_OBJECT (self), 0);
  return self->item->id;
}

void
hrb_item_object_set_item (HrbItemObject *self, HrbItem *item)
{
  g_return_if_fail (HRB_IS_ITEM_OBJECT (self));
  g_return_if_fail (item != NULL);

  g_clear_pointer (&self->item, hrb_item_free);
  self->item = item;
  compute_keys (self);
}

const char *
hrb_item_object_get_haystack (HrbItemObject *self)
{
  return self->haystack;
}

/* Collation keys are computed on first use, on the main thread (sorters run
 * there); objects made in the loading thread do not have them yet. */
const char *
hrb_item_object_get_name_key (HrbItemObject *self)
{
  if (G_UNLIKELY (self->name_key == NULL))
    {
      g_autofree char *name = g_strconcat (hrb_medicine_display_name (&self->item->medicine), " ",
                                           self->item->medicine.inn ? self->item->medicine.inn : "", NULL);
      self->name_key = collate_key (name);
    }
  return self->name_key;
}

const char *
hrb_item_object_get_indication_key (HrbItemObject *self)
{
  if (G_UNLIKELY (self->indication_key == NULL))
    self->indication_key = collate_key (self->item->indication);
  return self->indication_key;
}

const char *
hrb_item_object_get_domain_key (HrbItemObject *self)
{
  if (G_UNLIKELY (self->domain_key == NULL))
    self->domain_key = collate_key (self->item->domain);
  return self->domain_key;
}

double
hrb_item_object_get_patients (HrbItemObject *self)
{
  return hrb_range_point (self->item->figure.patients);
}

double
hrb_item_object_get_cost (HrbItemObject *self)
{
  return hrb_range_point (self->item->figure.cost);
}

double
hrb_item_object_get_budget (HrbItemObject *self)
{
  return hrb_range_point (hrb_figure_budget_impact (&self->item->figure));
}

HrbRange
hrb_item_object_get_budget_range (HrbItemObject *self)
{
  return hrb_figure_budget_impact (&self->item->figure);
}

void
hrb_item_object_set_score (HrbItemObject *self, double score)
{
  g_return_if_fail (HRB_IS_ITEM_OBJECT (self));
  self->score = score;
}

double
hrb_item_object_get_score (HrbItemObject *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_OBJECT (self), NAN);
  return self->score;
}

void
hrb_item_object_set_rank (HrbItemObject *self, int rank)
{
  g_return_if_fail (HRB_IS_ITEM_OBJECT (self));
  self->rank = rank;
}

int
hrb_item_object_get_rank (HrbItemObject *self)
{
  g_return_val_if_fail (HRB_IS_ITEM_OBJECT (self), 0);
  return self->rank;
}
