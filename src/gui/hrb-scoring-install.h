/* hrb-scoring-install.h: puts prioritisation into a main window.
 *
 *  - columns Rank, Score, Rank range (with "unstable") and Sluis (crosses
 *    the default sluis thresholds) in both lists, rank first;
 *  - a "Score" section in the side pane of both lists: the explanation of the
 *    selected item (HrbScoreExplanation);
 *  - "Scoring Methods…" in the Items menu (action win.scoring-methods): a
 *    window with the method editor (HrbMethodEditor); the method chosen
 *    there ranks the lists, and every edit re-ranks them live. Below it the
 *    sluis check (HrbSluisCheck): the thresholds of the Sluis column,
 *    editable, with how many items cross at those amounts (what-if);
 *  - "Freeze List…" in the Items menu (action win.freeze-list): freezes the
 *    ranking of the list on screen with the current method
 *    (HrbFreezeDialog, hrb_store_freeze_list()).
 *
 * Wiring: call hrb_scoring_install (window) once per window, next to
 * hrb_dossier_install() in HrbWindow's setup(), or from HrbApplication's
 * "window-created" signal. It follows the window's store through
 * "items-loaded", and rescores when the store changed (its generation) the
 * next time the side pane shows an item. */
#pragma once

#include "hrb-window.h"
#include "hrb-method-editor.h"
#include "hrb-score-explanation.h"
#include "hrb-sluis-check.h"
#include "hrb-freeze-dialog.h"

G_BEGIN_DECLS

void                 hrb_scoring_install (HrbWindow *window);

/* The method editor of the window (created on install, shown by the
 * action), and the explanation in the side pane of a list. */
HrbMethodEditor     *hrb_scoring_get_editor (HrbWindow *window);
HrbScoreExplanation *hrb_scoring_get_explanation (HrbWindow *window, HrbStream stream);
/* The method that ranks the lists ("Method: Basis, version 1"): the accessible
 * name and tooltip of the button above each list. */
const char          *hrb_scoring_get_method_label (HrbWindow *window, HrbStream stream);
/* The expert score section in the side pane of a list (hrb-expert-score.h). */
GtkWidget           *hrb_scoring_get_expert_section (HrbWindow *window, HrbStream stream);
HrbSluisCheck       *hrb_scoring_get_sluis_check (HrbWindow *window);
/* Scores the lists again now (e.g. after a change elsewhere). */
void                 hrb_scoring_refresh (HrbWindow *window);

G_END_DECLS
