/* hrb-application.h: the application: opens the database and the window. */
#pragma once

#include <adwaita.h>
#include "hrb-store.h"
#include "hrb-window.h"

G_BEGIN_DECLS

#define HRB_TYPE_APPLICATION (hrb_application_get_type ())
G_DECLARE_FINAL_TYPE (HrbApplication, hrb_application, HRB, APPLICATION, AdwApplication)

HrbApplication *hrb_application_new (void);

/* The application's settings, or NULL when the schema is not installed
 * (then nothing is remembered). */
GSettings      *hrb_application_get_settings (HrbApplication *self);

/* $HERBEOORDELING_DB, else g_get_user_data_dir()/herbeoordeling/herbeoordeling.db. */
char           *hrb_application_default_db_path (void);

/* Opens the database at path (creating it with the demo data set when the
 * file does not exist and demo_if_new is TRUE) in a new window. When the file
 * cannot be used, a dialog explains why and offers to open another database
 * or start a new one; the file is never overwritten. Returns the window or
 * NULL (dialog shown). */
HrbWindow      *hrb_application_open_database (HrbApplication *self,
                                               const char     *path,
                                               gboolean        demo_if_new);

/* Shows the database at path in window (replacing the one it shows);
 * create: a new, empty database (the file must not exist yet). On failure
 * the same dialog as above. Returns TRUE when the window shows it. */
gboolean        hrb_application_open_in_window (HrbApplication *self,
                                                HrbWindow      *window,
                                                const char     *path,
                                                gboolean        create);

/* TRUE when settings (may be NULL) has the key: an older installed schema
 * may lack the newer ones. */
gboolean        hrb_settings_has_key (GSettings *settings, const char *key);

/* The user guide's index page (installed, or $HRB_HELP_DIR/nl/index.html). */
char           *hrb_application_help_path (void);

G_END_DECLS
