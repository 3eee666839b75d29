/* hrb-window.h: the main window.
 *
 * Adding a page (Dossiers, Monitoring):
 *   hrb_window_add_page (win, "dossiers", _("Dossiers"), "folder-symbolic", page);
 * Adding a menu entry: append to a section of the primary menu:
 *   g_menu_append (hrb_window_get_menu_section (win, "file"), _("_Import…"), "win.import");
 * Sections: "file" (databases, import, export), "items", "help". Install the
 * action on the window (g_action_map_add_action_entries on win) or the app.
 * Side-pane sections: hrb_window_get_list_page() → hrb_list_page_get_details()
 * → hrb_item_details_add_section(); the "window-created" signal of
 * HrbApplication is the place to do this for every window. Keyboard
 * shortcuts: gtk_application_set_accels_for_action() plus an entry in
 * ui/help-overlay.ui.
 *
 * Loading: hrb_window_set_store() reads the items in a worker thread (one at
 * a time); hrb_window_is_loading() is TRUE meanwhile and the store must not
 * be used from the main thread. Work over all items belongs in a load step
 * (hrb_window_add_load_step(), below); the "items-loaded" signal follows
 * when the lists are filled. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-list-page.h"

G_BEGIN_DECLS

#define HRB_TYPE_WINDOW (hrb_window_get_type ())
G_DECLARE_FINAL_TYPE (HrbWindow, hrb_window, HRB, WINDOW, AdwApplicationWindow)

HrbWindow   *hrb_window_new (GtkApplication *app, HrbStore *store);

HrbStore    *hrb_window_get_store (HrbWindow *self);
/* Shows another database; the items load in a worker thread. */
void         hrb_window_set_store (HrbWindow *self, HrbStore *store);
gboolean     hrb_window_is_loading (HrbWindow *self);

/* Adds a page to the view switcher; returns its AdwViewStackPage. */
AdwViewStackPage *hrb_window_add_page (HrbWindow  *self,
                                       const char *name,
                                       const char *title,
                                       const char *icon_name,
                                       GtkWidget  *page);
void         hrb_window_show_page (HrbWindow *self, const char *name);

HrbListPage *hrb_window_get_list_page (HrbWindow *self, HrbStream stream);
/* The list page on screen, or NULL when another page is shown. */
HrbListPage *hrb_window_get_visible_list_page (HrbWindow *self);

GMenu       *hrb_window_get_menu_section (HrbWindow *self, const char *section);
void         hrb_window_add_toast (HrbWindow *self, AdwToast *toast);

/* Work that should run with every (re)load of the items, in the loading
 * thread (e.g. scoring 100,000 items): thread_func gets the store and all
 * row objects (HrbItemObject, both streams; do not change them there) and
 * returns a result; apply_func then runs on the main thread after the lists
 * are filled, and result_free frees the result. The main thread does not
 * use the store while thread_func runs. Add steps before the store is set,
 * e.g. in a handler of HrbApplication::window-created. */
typedef gpointer (*HrbLoadThreadFunc) (HrbStore  *store,
                                       GPtrArray *objects,
                                       gpointer   user_data);
typedef void     (*HrbLoadApplyFunc)  (HrbWindow *window,
                                       gpointer   result,
                                       gpointer   user_data);
void         hrb_window_add_load_step (HrbWindow        *self,
                                       HrbLoadThreadFunc thread_func,
                                       HrbLoadApplyFunc  apply_func,
                                       GDestroyNotify    result_free,
                                       gpointer          user_data);

/* Re-reads an item from the store and puts it in the right list (or takes
 * it out when it is deleted). Returns the row object or NULL. */
HrbItemObject *hrb_window_reload_item (HrbWindow *self, gint64 item_id);

/* Opens the item dialog (item_id 0: a new item); returns the dialog. */
GtkWidget   *hrb_window_edit_item (HrbWindow *self, gint64 item_id);
/* Deletes with an Undo toast. */
gboolean     hrb_window_delete_item (HrbWindow *self, gint64 item_id, GError **error);

G_END_DECLS
