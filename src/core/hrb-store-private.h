/* hrb-store-private.h: helpers shared by the store's modules (hrb-store*.c). */
#pragma once

#include <sqlite3.h>
#include "hrb-store.h"

G_BEGIN_DECLS

/* Prepares sql (cached per connection); NULL with error on failure. */
sqlite3_stmt *hrb_store_prepare (HrbStore *self, const char *sql, GError **error);
/* Resets and clears the bindings of a cached statement. */
void          hrb_store_done (sqlite3_stmt *stmt);
/* Steps a statement that returns no rows; FALSE with error on failure. */
gboolean      hrb_store_step_done (HrbStore *self, sqlite3_stmt *stmt, GError **error);
/* Steps a prepared (and bound) query to its end, turning each row into an
 * element with read (user_data passed on); the array frees them with
 * free_func. On a database error: NULL, with "what" and SQLite's message in
 * error. Resets the statement in every case. */
typedef gpointer (*HrbRowReader) (sqlite3_stmt *s, gpointer user_data);
GPtrArray    *hrb_store_collect (HrbStore *self, sqlite3_stmt *s, HrbRowReader read, gpointer user_data,
                                 GDestroyNotify free_func, const char *what, GError **error);

/* Steps a prepared (and bound) query to its end, passing each row to func.
 * On a database error: FALSE, with "what" and SQLite's message in error.
 * Resets the statement in every case. */
typedef void (*HrbRowFunc) (sqlite3_stmt *s, gpointer user_data);
gboolean      hrb_store_each_row (HrbStore *self, sqlite3_stmt *s, HrbRowFunc func, gpointer user_data,
                                  const char *what, GError **error);
/* A row reader for hrb_store_collect(): column 0 as a new string. */
gpointer      hrb_store_read_text (sqlite3_stmt *s, gpointer user_data);

/* Runs a fixed SQL text without parameters. */
gboolean      hrb_store_exec (HrbStore *self, const char *sql, GError **error);

/* Binding and reading with NULL for unknown (NAN, NULL string, 0 id). */
void          hrb_bind_text   (sqlite3_stmt *s, int i, const char *v);
void          hrb_bind_double (sqlite3_stmt *s, int i, double v);
void          hrb_bind_id     (sqlite3_stmt *s, int i, gint64 v);
char         *hrb_col_text    (sqlite3_stmt *s, int i);
double        hrb_col_double  (sqlite3_stmt *s, int i);

/* Formats a value for the audit trail (plain, empty string for unknown). */
char         *hrb_audit_double (double v);

void          hrb_store_bump_generation (HrbStore *self);

G_END_DECLS
