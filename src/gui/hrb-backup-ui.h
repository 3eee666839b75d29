/* hrb-backup-ui.h: backups in the application: the preferences (how many
 * to keep, where) and "Restore from Backup…". */
#pragma once

#include "hrb-window.h"

G_BEGIN_DECLS

/* The backup folder and count from the settings (NULL settings: defaults).
 * The folder is NULL for "next to the database". */
char  *hrb_backup_folder (GSettings *settings);
guint  hrb_backup_keep   (GSettings *settings);

/* Adds a "Backups" group to a preferences page. */
void   hrb_backup_add_preferences (AdwPreferencesPage *page, GSettings *settings);

/* Adds win.restore-backup and its menu entry to a main window. */
void   hrb_backup_install (HrbWindow *window, GSettings *settings);

/* Restores the window's database from backup_path and reloads the lists;
 * FALSE with error when the file is not a usable backup. */
gboolean hrb_backup_restore (HrbWindow *window, const char *backup_path, GError **error);

G_END_DECLS
