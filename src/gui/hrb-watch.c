/* hrb-watch.c: reload the lists when another program changed the database.
 *
 * A read-only connection of its own (HrbStoreWatch) sees a new data version
 * after every commit to the file, ours included. Our own commits also move
 * the store's generation counter, so a new version without a new generation
 * came from another program. (When both happen within one interval the
 * change is taken as ours; the next change of the other program shows.) */
#include "config.h"
#include "hrb-watch.h"

#include <glib/gi18n.h>

#define DATA_KEY "hrb-watch"

typedef struct {
  HrbWindow     *window;       /* weak */
  HrbStore      *store;        /* the store the watch belongs to */
  HrbStoreWatch *watch;
  gint64         version;
  guint64        generation;
  guint          source_id;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *w = data;

  g_clear_handle_id (&w->source_id, g_source_remove);
  g_clear_pointer (&w->watch, hrb_store_watch_free);
  g_clear_object (&w->store);
  g_free (w);
}

static void
follow_store (Watch *w, HrbStore *store)
{
  const char *path = store ? hrb_store_get_path (store) : NULL;

  g_clear_pointer (&w->watch, hrb_store_watch_free);
  g_set_object (&w->store, store);
  if (path != NULL && g_strcmp0 (path, ":memory:") != 0)
    w->watch = hrb_store_watch_new (path, NULL);
  w->version = w->watch ? hrb_store_watch_version (w->watch) : -1;
  w->generation = store ? hrb_store_get_generation (store) : 0;
}

static gboolean
check (Watch *w)
{
  HrbStore *store = hrb_window_get_store (w->window);
  gint64 version;
  guint64 generation;

  if (store != w->store)
    {
      follow_store (w, store);
      return FALSE;
    }
  if (w->watch == NULL || hrb_window_is_loading (w->window))
    return FALSE;
  version = hrb_store_watch_version (w->watch);
  generation = hrb_store_get_generation (store);
  if (version == w->version || version < 0)
    return FALSE;
  w->version = version;
  if (generation != w->generation)
    {
      w->generation = generation;
      return FALSE;
    }
  hrb_window_add_toast (w->window, adw_toast_new (_("Another program changed the database: the lists were read again")));
  hrb_window_set_store (w->window, store);
  return TRUE;
}

static gboolean
tick_cb (gpointer data)
{
  check (data);
  return G_SOURCE_CONTINUE;
}

void
hrb_watch_install (HrbWindow *window, guint interval_ms)
{
  Watch *w = g_new0 (Watch, 1);

  g_return_if_fail (HRB_IS_WINDOW (window));
  w->window = window;
  follow_store (w, hrb_window_get_store (window));
  w->source_id = g_timeout_add (interval_ms, tick_cb, w);
  g_object_set_data_full (G_OBJECT (window), DATA_KEY, w, watch_free);
}

gboolean
hrb_watch_check_now (HrbWindow *window)
{
  Watch *w = g_object_get_data (G_OBJECT (window), DATA_KEY);

  g_return_val_if_fail (w != NULL, FALSE);
  return check (w);
}
