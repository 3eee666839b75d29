/* gui-test-util.h: waiting, settling and screenshots for the in-process
 * GUI tests. */
#pragma once

#include <glib/gstdio.h>

#include "hrb-window.h"

typedef gboolean (*Condition) (gpointer data);

static inline gboolean
wait_for (Condition cond, gpointer data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static inline void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static inline gboolean
loaded_cond (gpointer data)
{
  return !hrb_window_is_loading (HRB_WINDOW (data));
}

static inline gboolean
mapped_cond (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static inline gboolean
gone_cond (gpointer data)
{
  GWeakRef *ref = data;
  GObject *obj = g_weak_ref_get (ref);

  if (obj)
    g_object_unref (obj);
  return obj == NULL;
}

static inline void
save_png (GtkWidget *widget, const char *name)
{
  const char *build_root = g_getenv ("HRB_BUILD_ROOT");
  g_autofree char *dir = g_build_filename (build_root ? build_root : ".", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  g_mkdir_with_parents (dir, 0755);
  settle (300);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static inline gboolean
menu_has (GMenuModel *menu, const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *a = NULL;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &a) &&
          g_strcmp0 (a, action) == 0)
        return TRUE;
    }
  return FALSE;
}

