/* hrb-list-page.h: one list of items (the prospective or the retrospective
 * stream): search and filters over a sortable column view, with the
 * selected item in a side pane.
 *
 * Model chain: GListStore (HrbItemObject) → GtkSortListModel (the column
 * view's sorter) → GtkFilterListModel (search, domain, setting) →
 * GtkSingleSelection. Sorting sits below filtering so that a keystroke only
 * refilters an already sorted list.
 *
 * Adding a column (for example Rank or Score):
 *   factory = hrb_list_page_text_factory_new (page, score_text_cb, NULL, TRUE);
 *   sorter = hrb_compat_column_sorter_new (compare_score_cb, NULL, NULL);
 *   hrb_list_page_insert_column (page, 0, "score", _("Score"), factory, sorter, FALSE);
 * after setting the score with hrb_item_object_set_score(), call
 * hrb_list_page_refresh(). */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-format.h"
#include "hrb-item-object.h"
#include "hrb-item-details.h"

G_BEGIN_DECLS

#define HRB_TYPE_LIST_PAGE (hrb_list_page_get_type ())
G_DECLARE_FINAL_TYPE (HrbListPage, hrb_list_page, HRB, LIST_PAGE, GtkBox)

GtkWidget      *hrb_list_page_new (HrbStream stream, GSettings *settings);

HrbStream       hrb_list_page_get_stream (HrbListPage *self);
void            hrb_list_page_set_store  (HrbListPage *self, HrbStore *store);

/* Replaces all items; objects is an array of HrbItemObject (borrowed). */
void            hrb_list_page_set_items  (HrbListPage *self, GPtrArray *objects);
/* Adds obj, or replaces the object with the same item id. */
void            hrb_list_page_upsert     (HrbListPage *self, HrbItemObject *obj);
/* Removes the item; TRUE when it was in this list. */
gboolean        hrb_list_page_remove     (HrbListPage *self, gint64 item_id);
HrbItemObject  *hrb_list_page_find       (HrbListPage *self, gint64 item_id);

/* All items (unfiltered) and the visible ones (filtered, sorted). */
GListModel     *hrb_list_page_get_items   (HrbListPage *self);
GListModel     *hrb_list_page_get_visible (HrbListPage *self);
HrbItemObject  *hrb_list_page_get_selected (HrbListPage *self);
gboolean        hrb_list_page_select      (HrbListPage *self, gint64 item_id);

void            hrb_list_page_focus_search (HrbListPage *self);
GtkEditable    *hrb_list_page_get_search_entry (HrbListPage *self);
/* Applies the search text now, without the entry's typing delay. */
void            hrb_list_page_apply_search (HrbListPage *self);
const char     *hrb_list_page_get_count_text (HrbListPage *self);
/* What the page shows: "list", "empty" (no items) or "no-results". */
const char     *hrb_list_page_get_state (HrbListPage *self);

GtkColumnView  *hrb_list_page_get_column_view (HrbListPage *self);
HrbItemDetails *hrb_list_page_get_details (HrbListPage *self);
/* Sorts by the column with this id ("medicine", "atc", "indication",
 * "domain", "setting", "status", "patients", "cost", "budget"). */
gboolean        hrb_list_page_sort_by (HrbListPage *self, const char *column_id, GtkSortType order);

/* Columns --------------------------------------------------------------- */

/* Text of a cell; NULL shows "unknown" (dimmed). fmt is the locale's. */
typedef char *(*HrbCellTextFunc) (HrbItemObject         *obj,
                                  const HrbNumberFormat *fmt,
                                  gpointer               user_data);

/* A factory of one-line cells; numeric cells are right-aligned with
 * tabular figures. */
GtkListItemFactory *hrb_list_page_text_factory_new (HrbListPage    *self,
                                                    HrbCellTextFunc func,
                                                    gpointer        user_data,
                                                    gboolean        numeric);

/* The part (0 to 1, NAN: none) of a cell's slim bar. */
typedef double (*HrbCellBarFunc) (HrbItemObject *obj, gpointer user_data);

/* Gives the cells of a text factory a slim bar under the text (e.g. the
 * score), drawn by the style sheet in steps of 5 %; the text stays what a
 * screen reader reads. */
void                hrb_list_page_text_factory_set_bar (GtkListItemFactory *factory,
                                                        HrbCellBarFunc      func);

/* Inserts a column at position (-1: at the end). Takes the factory and the
 * sorter (from hrb_compat_column_sorter_new(), so that the sort order can
 * be saved; may be NULL). */
GtkColumnViewColumn *hrb_list_page_insert_column (HrbListPage        *self,
                                                  int                 position,
                                                  const char         *id,
                                                  const char         *title,
                                                  GtkListItemFactory *factory,
                                                  GtkSorter          *sorter,
                                                  gboolean            expand);

/* Adds a button (e.g. "_Import…", "win.import") to the empty list's
 * status page, before "Add Item". */
void            hrb_list_page_add_empty_action (HrbListPage *self,
                                                const char  *label,
                                                const char  *action_name);

/* Adds a widget to the bar above the table, before the count (e.g. the
 * method of the ranking). */
void            hrb_list_page_add_bar_widget (HrbListPage *self, GtkWidget *widget);
/* The filters of the bar (tests and restoring): only ranked items (rank > 0,
 * as the scoring sets it), and one package status (-1: all). */
void            hrb_list_page_set_eligible_only (HrbListPage *self, gboolean only);
gboolean        hrb_list_page_set_status_filter (HrbListPage *self, int status);

/* Redraws the text cells on screen (their texts come from elsewhere and
 * changed; sorting and filtering do not depend on them). */
void            hrb_list_page_redraw_cells (HrbListPage *self);
/* Re-sorts, refilters and redraws after row objects changed in place. */
void            hrb_list_page_refresh (HrbListPage *self);

G_END_DECLS
