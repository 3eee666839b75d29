/* hrb-cli.h: shared pieces of herbeoordeling-cli's commands. */
#pragma once

#include <glib.h>
#include <stdio.h>
#include "hrb-store.h"

G_BEGIN_DECLS

/* Exit codes (contract). */
enum { HRB_EXIT_OK = 0, HRB_EXIT_ERROR = 1, HRB_EXIT_USAGE = 2 };

typedef struct {
  const char *db_path;
  const char *command;
  int         argc;      /* arguments after the command, argv[0] = command */
  char      **argv;
} HrbCliContext;

typedef int (*HrbCliCommandFunc) (HrbCliContext *ctx);

typedef struct {
  const char        *name;
  const char        *summary;
  HrbCliCommandFunc  run;
} HrbCliCommand;

/* Output in CSV or JSON: a table with a header and rows of strings; NULL or
 * "" is an empty cell (null in JSON unless the column is text). */
typedef enum { HRB_FORMAT_CSV, HRB_FORMAT_JSON } HrbOutputFormat;

typedef struct _HrbTable HrbTable;
HrbTable *hrb_table_new (const char * const *columns);
/* Adds a row; values are copied, as many as there are columns. */
void      hrb_table_add_row (HrbTable *t, const char * const *values);
/* Marks columns whose JSON values are numbers (NULL-terminated names). */
void      hrb_table_set_numeric (HrbTable *t, const char * const *columns);
void      hrb_table_write (HrbTable *t, HrbOutputFormat format, FILE *out);
void      hrb_table_free (HrbTable *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrbTable, hrb_table_free)

gboolean  hrb_cli_parse_format (const char *text, HrbOutputFormat *out);
/* Parses options for a command; on failure prints the error and returns
 * FALSE (exit with HRB_EXIT_USAGE). */
gboolean  hrb_cli_parse (HrbCliContext *ctx, GOptionEntry *entries, const char *params,
                         const char *summary);
/* Opens the database; on failure prints one line and returns NULL. */
HrbStore *hrb_cli_open_store (HrbCliContext *ctx);
/* Prints "herbeoordeling-cli: message" on stderr. */
void      hrb_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
char     *hrb_cli_default_db_path (void);

/* Commands (one file each). */
int hrb_cli_init      (HrbCliContext *ctx);
int hrb_cli_list      (HrbCliContext *ctx);
int hrb_cli_check     (HrbCliContext *ctx);
int hrb_cli_backup    (HrbCliContext *ctx);
int hrb_cli_backups   (HrbCliContext *ctx);
int hrb_cli_restore   (HrbCliContext *ctx);
int hrb_cli_add_item  (HrbCliContext *ctx);
int hrb_cli_dossiers  (HrbCliContext *ctx);
int hrb_cli_monitor   (HrbCliContext *ctx);
int hrb_cli_dossier   (HrbCliContext *ctx);
int hrb_cli_import    (HrbCliContext *ctx);
int hrb_cli_medicines (HrbCliContext *ctx);
int hrb_cli_changes   (HrbCliContext *ctx);
int hrb_cli_batches   (HrbCliContext *ctx);
int hrb_cli_score     (HrbCliContext *ctx);
int hrb_cli_sluis     (HrbCliContext *ctx);
int hrb_cli_expert    (HrbCliContext *ctx);
int hrb_cli_freeze    (HrbCliContext *ctx);
int hrb_cli_frozen    (HrbCliContext *ctx);
int hrb_cli_compare   (HrbCliContext *ctx);
int hrb_cli_method    (HrbCliContext *ctx);
int hrb_cli_methods   (HrbCliContext *ctx);

int hrb_cli_export    (HrbCliContext *ctx);

G_END_DECLS
