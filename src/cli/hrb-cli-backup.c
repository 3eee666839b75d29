/* hrb-cli-backup.c: the backup, backups and restore commands. */
#include "hrb-cli.h"
#include "hrb-i18n.h"

int
hrb_cli_backup (HrbCliContext *ctx)
{
  g_autofree char *to = NULL;
  g_autofree char *folder = NULL;
  int keep = 10;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("Write the backup to this file"), "FILE" },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("Backup folder (default: “backups” next to the database)"), "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Keep this many automatic backups (default 10)"), "N" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  if (!hrb_cli_parse (ctx, entries, "", _("Make a backup copy of the database.")))
    return HRB_EXIT_USAGE;
  if (keep < 1)
    {
      hrb_cli_error (_("--keep must be at least 1"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (to != NULL)
    {
      if (g_file_test (to, G_FILE_TEST_EXISTS))
        {
          hrb_cli_error (_("%s already exists; choose another file name"), to);
          return HRB_EXIT_ERROR;
        }
      if (!hrb_store_backup_to (store, to, &error))
        {
          hrb_cli_error ("%s", error->message);
          return HRB_EXIT_ERROR;
        }
      written = g_strdup (to);
    }
  else if ((written = hrb_store_auto_backup (store, folder, "manual", keep, &error)) == NULL)
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  printf ("%s\n", written);
  return HRB_EXIT_OK;
}

int
hrb_cli_backups (HrbCliContext *ctx)
{
  g_autofree char *folder = NULL;
  GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("Backup folder"), "DIR" },
    { NULL }
  };
  g_autoptr(HrbStore) store = NULL;
  g_auto(GStrv) list = NULL;

  if (!hrb_cli_parse (ctx, entries, "", _("List the automatic backups of the database, newest first.")))
    return HRB_EXIT_USAGE;
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  list = hrb_store_list_backups (store, folder);
  for (guint i = 0; list[i]; i++)
    printf ("%s\n", list[i]);
  return HRB_EXIT_OK;
}

int
hrb_cli_restore (HrbCliContext *ctx)
{
  g_autoptr(HrbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!hrb_cli_parse (ctx, NULL, "BACKUP", _("Replace the database's content with a backup. "
                                            "The current content is saved as a backup first.")))
    return HRB_EXIT_USAGE;
  if (ctx->argc != 2)
    {
      hrb_cli_error (_("restore takes one backup file"));
      return HRB_EXIT_USAGE;
    }
  if ((store = hrb_cli_open_store (ctx)) == NULL)
    return HRB_EXIT_ERROR;
  if (!hrb_store_restore_from (store, ctx->argv[1], &error))
    {
      hrb_cli_error ("%s", error->message);
      return HRB_EXIT_ERROR;
    }
  printf (_("%s restored from %s\n"), ctx->db_path, ctx->argv[1]);
  return HRB_EXIT_OK;
}
