/* hrb-store.c: the SQLite connection, migrations, medicines, items, figures,
 * import batches and the audit trail. */
#include "hrb-store-private.h"
#include "hrb-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

extern void hrb_core_register_resource (void);

#define MIGRATIONS_PATH "/nl/herbeoordeling/core/sql"
#define BUSY_TIMEOUT_MS 5000

struct _HrbStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  char       *author;
  char       *fixed_now;
  GHashTable *stmts;       /* const char *sql → sqlite3_stmt */
  int         depth;       /* transaction nesting */
  gboolean    readonly;    /* the file may be read but not written */
  guint64     generation;
};

G_DEFINE_TYPE (HrbStore, hrb_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (hrb-store-error-quark, hrb_store_error)

static void
hrb_store_finalize (GObject *object)
{
  HrbStore *self = HRB_STORE (object);

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_free (self->path);
  g_free (self->author);
  g_free (self->fixed_now);
  G_OBJECT_CLASS (hrb_store_parent_class)->finalize (object);
}

static void
hrb_store_class_init (HrbStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hrb_store_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hrb_store_init (HrbStore *self)
{
  const char *name = g_get_real_name ();

  if (name == NULL || name[0] == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  self->author = g_strdup (name);
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);
}

/* Errors ------------------------------------------------------------------ */

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return HRB_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return HRB_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
      return HRB_STORE_ERROR_READONLY;
    case SQLITE_FULL:
      return HRB_STORE_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return HRB_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
      return HRB_STORE_ERROR_INVALID;
    default:
      return HRB_STORE_ERROR_FAILED;
    }
}

static const char *
explain (int code)
{
  switch (code)
    {
    case HRB_STORE_ERROR_CORRUPT:
      return _("the file is not a Herbeoordeling database or it is damaged");
    case HRB_STORE_ERROR_BUSY:
      return _("the database is in use by another program; try again in a moment");
    case HRB_STORE_ERROR_READONLY:
      return _("the database file is read-only");
    case HRB_STORE_ERROR_FULL:
      return _("the disk is full");
    case HRB_STORE_ERROR_IO:
      return _("the file cannot be read or written");
    default:
      return NULL;
    }
}

gboolean
hrb_store_set_sqlite_error (HrbStore *self, GError **error, const char *what)
{
  int rc = self->db ? sqlite3_extended_errcode (self->db) : SQLITE_ERROR;
  int code = error_code_for (rc);
  const char *why = explain (code);

  g_set_error (error, HRB_STORE_ERROR, code, "%s: %s: %s (%s)", self->path ? self->path : "?", what,
               why ? why : _("database error"),
               self->db ? sqlite3_errmsg (self->db) : "?");
  return FALSE;
}

/* Statements -------------------------------------------------------------- */

sqlite3_stmt *
hrb_store_prepare (HrbStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot prepare a query"));
      return NULL;
    }
  /* The key is the caller's static SQL text. */
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

void
hrb_store_done (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
hrb_store_step_done (HrbStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot write to the database"));
      hrb_store_done (stmt);
      return FALSE;
    }
  hrb_store_done (stmt);
  return TRUE;
}

gboolean
hrb_store_exec (HrbStore *self, const char *sql, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      hrb_store_set_sqlite_error (self, error, _("Database error"));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

gboolean
hrb_store_each_row (HrbStore *self, sqlite3_stmt *s, HrbRowFunc func, gpointer user_data,
                    const char *what, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    func (s, user_data);
  /* The message before the reset. */
  if (rc != SQLITE_DONE)
    hrb_store_set_sqlite_error (self, error, what);
  hrb_store_done (s);
  return rc == SQLITE_DONE;
}

typedef struct {
  GPtrArray    *out;
  HrbRowReader  read;
  gpointer      user_data;
} Collect;

static void
collect_row (sqlite3_stmt *s, gpointer data)
{
  Collect *c = data;

  g_ptr_array_add (c->out, c->read (s, c->user_data));
}

GPtrArray *
hrb_store_collect (HrbStore *self, sqlite3_stmt *s, HrbRowReader read, gpointer user_data,
                   GDestroyNotify free_func, const char *what, GError **error)
{
  Collect c = { g_ptr_array_new_with_free_func (free_func), read, user_data };

  if (!hrb_store_each_row (self, s, collect_row, &c, what, error))
    g_clear_pointer (&c.out, g_ptr_array_unref);
  return c.out;
}

gpointer
hrb_store_read_text (sqlite3_stmt *s, gpointer user_data)
{
  return hrb_col_text (s, 0);
}

void
hrb_bind_text (sqlite3_stmt *s, int i, const char *v)
{
  if (v == NULL)
    sqlite3_bind_null (s, i);
  else
    sqlite3_bind_text (s, i, v, -1, SQLITE_TRANSIENT);
}

void
hrb_bind_double (sqlite3_stmt *s, int i, double v)
{
  if (!hrb_is_known (v))
    sqlite3_bind_null (s, i);
  else
    sqlite3_bind_double (s, i, v);
}

void
hrb_bind_id (sqlite3_stmt *s, int i, gint64 v)
{
  if (v <= 0)
    sqlite3_bind_null (s, i);
  else
    sqlite3_bind_int64 (s, i, v);
}

char *
hrb_col_text (sqlite3_stmt *s, int i)
{
  const unsigned char *t = sqlite3_column_text (s, i);

  return t ? g_strdup ((const char *) t) : NULL;
}

double
hrb_col_double (sqlite3_stmt *s, int i)
{
  if (sqlite3_column_type (s, i) == SQLITE_NULL)
    return HRB_UNKNOWN;
  return sqlite3_column_double (s, i);
}

char *
hrb_audit_double (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!hrb_is_known (v))
    return NULL;
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, v));
}

void
hrb_store_bump_generation (HrbStore *self)
{
  self->generation++;
}

/* Opening and migrations ---------------------------------------------------- */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      hrb_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

/* Migration files, sorted; their number is the prefix "0001-…". */
static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *sorted = g_ptr_array_new ();

  ensure_resources ();
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);
  return (GStrv) g_ptr_array_free (sorted, FALSE);
}

int
hrb_store_latest_version (void)
{
  g_auto(GStrv) names = list_migrations ();

  return (int) g_strv_length (names);
}

static int
read_user_version (HrbStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot read the database"));
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    hrb_store_set_sqlite_error (self, error, _("Cannot read the database"));
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_migration (HrbStore *self, const char *name, int version, GError **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* user_version takes no bound parameter; the value is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!hrb_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!hrb_store_exec (self, sql, error) || !hrb_store_exec (self, set_version, error))
    {
      hrb_store_exec (self, "ROLLBACK", NULL);
      g_prefix_error (error, _("Migration %s failed: "), name);
      return FALSE;
    }
  return hrb_store_exec (self, "COMMIT", error);
}

static char *hrb_store_auto_backup_impl (HrbStore *self, const char *reason, GError **error);

static gboolean
backup_before_migrating (HrbStore *self, int from_version, GError **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *written = NULL;

  if (from_version == 0 || g_strcmp0 (self->path, ":memory:") == 0)
    return TRUE;
  reason = g_strdup_printf ("before-migration-v%d", from_version);
  written = hrb_store_auto_backup_impl (self, reason, error);
  return written != NULL;
}

static gboolean
configure_connection (HrbStore *self, gboolean is_file, GError **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  if (!hrb_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  /* Reading the schema catches files that are not databases at all. */
  if (!hrb_store_exec (self, "SELECT count(*) FROM sqlite_schema", error))
    return FALSE;
  if (is_file && !self->readonly)
    {
      if (!hrb_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !hrb_store_exec (self, "PRAGMA synchronous = NORMAL", error))
        return FALSE;
    }
  return TRUE;
}

HrbStore *
hrb_store_open_at_version (const char *path, int target_version, GError **error)
{
  g_autoptr(HrbStore) self = NULL;
  g_auto(GStrv) migrations = list_migrations ();
  int latest = (int) g_strv_length (migrations);
  gboolean is_file;
  gboolean existed;
  int version;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);
  if (target_version < 0 || target_version > latest)
    target_version = latest;

  self = g_object_new (HRB_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  is_file = g_strcmp0 (path, ":memory:") != 0;
  existed = is_file && g_file_test (path, G_FILE_TEST_EXISTS);

  if (is_file && !existed)
    {
      /* Create the file ourselves so that only its owner can read it. */
      g_autofree char *dir = g_path_get_dirname (path);
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO,
                       _("Cannot create the folder %s: %s"), dir, g_strerror (errno));
          return NULL;
        }
      fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO,
                       _("Cannot create %s: %s"), path, g_strerror (errno));
          return NULL;
        }
      close (fd);
    }
  else if (is_file && g_access (path, R_OK) != 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO,
                   _("Cannot read %s: %s"), path, g_strerror (errno));
      return NULL;
    }

  if (existed && g_access (path, W_OK) != 0)
    {
      /* Readable, not writable (a copy on a shared drive, say): open it
       * read-only; every change is then refused with a clear message. */
      self->readonly = TRUE;
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    }
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO, _("Cannot open %s: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  if (self->readonly && !hrb_store_exec (self, "SELECT count(*) FROM sqlite_schema", NULL))
    {
      /* A WAL database whose folder we cannot write to either: read the
       * file as it is, without the shared-memory file. */
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;

      sqlite3_close_v2 (self->db);
      self->db = NULL;
      if (immutable == NULL ||
          sqlite3_open_v2 (immutable, &self->db, flags | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
        {
          g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO, _("Cannot open %s: %s"),
                       path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
          return NULL;
        }
    }
  if (!configure_connection (self, is_file, error) ||
      (version = read_user_version (self, error)) < 0)
    return NULL;   /* the message names the file */
  if (version > latest)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NEWER,
                   _("%s was written by a newer version of Herbeoordeling (schema %d; this version knows up to %d). "
                     "It was not changed. Update Herbeoordeling to open it."),
                   path, version, latest);
      return NULL;
    }
  if (version < target_version && self->readonly)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_READONLY,
                   _("%s must be updated to this version of Herbeoordeling, but the file is read-only. "
                     "It was not changed."), path);
      return NULL;
    }
  if (version < target_version)
    {
      if (existed && !backup_before_migrating (self, version, error))
        {
          g_prefix_error (error, _("%s: no backup could be made before updating the database, so it was left as it was: "), path);
          return NULL;
        }
      for (int v = version; v < target_version; v++)
        if (!apply_migration (self, migrations[v], v + 1, error))
          {
            g_prefix_error (error, "%s: ", path);
            return NULL;
          }
    }
  return g_steal_pointer (&self);
}

HrbStore *
hrb_store_open (const char *path, GError **error)
{
  return hrb_store_open_at_version (path, -1, error);
}

const char *
hrb_store_get_path (HrbStore *self)
{
  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  return self->path;
}

gboolean
hrb_store_is_readonly (HrbStore *self)
{
  g_return_val_if_fail (HRB_IS_STORE (self), FALSE);
  return self->readonly;
}

int
hrb_store_get_version (HrbStore *self)
{
  g_return_val_if_fail (HRB_IS_STORE (self), -1);
  return read_user_version (self, NULL);
}

void
hrb_store_set_author (HrbStore *self, const char *author)
{
  g_return_if_fail (HRB_IS_STORE (self));
  if (author != NULL && author[0] != '\0')
    {
      g_free (self->author);
      self->author = g_strdup (author);
    }
}

const char *
hrb_store_get_author (HrbStore *self)
{
  return self->author;
}

void
hrb_store_set_now (HrbStore *self, const char *iso)
{
  g_free (self->fixed_now);
  self->fixed_now = g_strdup (iso);
}

char *
hrb_store_now (HrbStore *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->fixed_now != NULL)
    return g_strdup (self->fixed_now);
  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

guint64
hrb_store_get_generation (HrbStore *self)
{
  return self->generation;
}

gint64
hrb_store_data_version (HrbStore *self)
{
  sqlite3_stmt *s = hrb_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 v = -1;

  if (s && sqlite3_step (s) == SQLITE_ROW)
    v = sqlite3_column_int64 (s, 0);
  hrb_store_done (s);
  return v;
}

sqlite3 *
hrb_store_get_db (HrbStore *self)
{
  return self->db;
}

/* Transactions -------------------------------------------------------------- */

gboolean
hrb_store_begin (HrbStore *self, GError **error)
{
  if (self->depth == 0 && !hrb_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
hrb_store_begin_read (HrbStore *self, GError **error)
{
  if (self->depth == 0 && !hrb_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
hrb_store_commit (HrbStore *self, GError **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);
  if (self->depth == 1)
    {
      if (!hrb_store_exec (self, "COMMIT", error))
        {
          hrb_store_exec (self, "ROLLBACK", NULL);
          self->depth = 0;
          return FALSE;
        }
      self->generation++;
    }
  self->depth--;
  return TRUE;
}

void
hrb_store_rollback (HrbStore *self)
{
  if (self->depth == 0)
    return;
  hrb_store_exec (self, "ROLLBACK", NULL);
  self->depth = 0;
}

/* Runs one write statement as its own transaction unless one is open. */
#define WITH_TX_BEGIN(self, error)        \
  if (!hrb_store_begin (self, error))     \
    return FALSE;
#define WITH_TX_END(self, ok, error)                         \
  if (!(ok)) { hrb_store_rollback (self); return FALSE; }    \
  return hrb_store_commit (self, error);

/* Meta ------------------------------------------------------------------------ */

char *
hrb_store_get_meta (HrbStore *self, const char *key)
{
  sqlite3_stmt *s = hrb_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  char *v = NULL;

  if (s == NULL)
    return NULL;
  hrb_bind_text (s, 1, key);
  if (sqlite3_step (s) == SQLITE_ROW)
    v = hrb_col_text (s, 0);
  hrb_store_done (s);
  return v;
}

gboolean
hrb_store_set_meta (HrbStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "INSERT INTO meta (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (s == NULL)
    return FALSE;
  hrb_bind_text (s, 1, key);
  hrb_bind_text (s, 2, value);
  return hrb_store_step_done (self, s, error);
}

gboolean
hrb_store_is_demo (HrbStore *self)
{
  g_autofree char *v = hrb_store_get_meta (self, "demo");

  return g_strcmp0 (v, "1") == 0;
}

/* Audit --------------------------------------------------------------------- */

gboolean
hrb_store_audit (HrbStore *self, const char *entity, gint64 entity_id, const char *field,
                 const char *old_value, const char *new_value, GError **error)
{
  g_autofree char *now = hrb_store_now (self);
  sqlite3_stmt *s = hrb_store_prepare (self,
      "INSERT INTO audit (at, author, entity, entity_id, field, old_value, new_value) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (s == NULL)
    return FALSE;
  hrb_bind_text (s, 1, now);
  hrb_bind_text (s, 2, self->author);
  hrb_bind_text (s, 3, entity);
  sqlite3_bind_int64 (s, 4, entity_id);
  hrb_bind_text (s, 5, field);
  hrb_bind_text (s, 6, old_value);
  hrb_bind_text (s, 7, new_value);
  return hrb_store_step_done (self, s, error);
}

/* Records a change of a text field when it differs. */
static gboolean
audit_text (HrbStore *self, const char *entity, gint64 id, const char *field,
            const char *old_value, const char *new_value, GError **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return hrb_store_audit (self, entity, id, field, old_value, new_value, error);
}

static gboolean
audit_int (HrbStore *self, const char *entity, gint64 id, const char *field,
           gint64 old_value, gint64 new_value, GError **error)
{
  char a[32], b[32];

  if (old_value == new_value)
    return TRUE;
  g_snprintf (a, sizeof a, "%" G_GINT64_FORMAT, old_value);
  g_snprintf (b, sizeof b, "%" G_GINT64_FORMAT, new_value);
  return hrb_store_audit (self, entity, id, field, a, b, error);
}

static gboolean
audit_double (HrbStore *self, const char *entity, gint64 id, const char *field,
              double old_value, double new_value, GError **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if ((!hrb_is_known (old_value) && !hrb_is_known (new_value)) || old_value == new_value)
    return TRUE;
  a = hrb_audit_double (old_value);
  b = hrb_audit_double (new_value);
  return hrb_store_audit (self, entity, id, field, a, b, error);
}

void
hrb_audit_entry_free (HrbAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->author);
  g_free (e->entity);
  g_free (e->field);
  g_free (e->old_value);
  g_free (e->new_value);
  g_free (e);
}

static gpointer
read_audit_entry (sqlite3_stmt *s, gpointer user_data)
{
  HrbAuditEntry *e = g_new0 (HrbAuditEntry, 1);

  e->id = sqlite3_column_int64 (s, 0);
  e->at = hrb_col_text (s, 1);
  e->author = hrb_col_text (s, 2);
  e->entity = hrb_col_text (s, 3);
  e->entity_id = sqlite3_column_int64 (s, 4);
  e->field = hrb_col_text (s, 5);
  e->old_value = hrb_col_text (s, 6);
  e->new_value = hrb_col_text (s, 7);
  return e;
}

GPtrArray *
hrb_store_list_audit (HrbStore *self, const char *entity, gint64 entity_id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "SELECT id, at, author, entity, entity_id, field, old_value, new_value FROM audit "
      "WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2) ORDER BY id", error);

  if (s == NULL)
    return NULL;
  hrb_bind_text (s, 1, entity);
  hrb_bind_id (s, 2, entity_id);
  return hrb_store_collect (self, s, read_audit_entry, NULL, (GDestroyNotify) hrb_audit_entry_free,
                            _("Cannot read the audit trail"), error);
}

/* Medicines ------------------------------------------------------------------ */

char *
hrb_store_match_key (const char *inn)
{
  g_autofree char *norm = NULL;
  g_autofree char *ascii = NULL;
  GString *out;

  if (inn == NULL)
    return g_strdup ("");
  norm = g_utf8_normalize (inn, -1, G_NORMALIZE_ALL);
  if (norm == NULL)
    return g_strdup ("");
  ascii = g_str_to_ascii (norm, "C");
  out = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

#define MEDICINE_COLUMNS \
  "id, inn, brand, atc, holder, authorisation_date, ema_status, orphan, conditional, " \
  "exceptional, accelerated, atmp, biosimilar, generic, critical"

static void
read_medicine (sqlite3_stmt *s, int col, HrbMedicine *m)
{
  m->id = sqlite3_column_int64 (s, col + 0);
  m->inn = hrb_col_text (s, col + 1);
  m->brand = hrb_col_text (s, col + 2);
  m->atc = hrb_col_text (s, col + 3);
  m->holder = hrb_col_text (s, col + 4);
  m->authorisation_date = hrb_col_text (s, col + 5);
  m->ema_status = hrb_col_text (s, col + 6);
  m->orphan = sqlite3_column_int (s, col + 7);
  m->conditional = sqlite3_column_int (s, col + 8);
  m->exceptional = sqlite3_column_int (s, col + 9);
  m->accelerated = sqlite3_column_int (s, col + 10);
  m->atmp = sqlite3_column_int (s, col + 11);
  m->biosimilar = sqlite3_column_int (s, col + 12);
  m->generic = sqlite3_column_int (s, col + 13);
  m->critical = sqlite3_column_int (s, col + 14);
}

static gboolean
validation_error (GError **error, const char *field, char *message)
{
  g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, "%s: %s", field, message);
  g_free (message);
  return FALSE;
}

static void
bind_medicine (sqlite3_stmt *s, const HrbMedicine *m)
{
  g_autofree char *key = hrb_store_match_key (m->inn);

  hrb_bind_text (s, 1, m->inn);
  hrb_bind_text (s, 2, m->brand);
  hrb_bind_text (s, 3, m->atc);
  hrb_bind_text (s, 4, m->holder);
  hrb_bind_text (s, 5, m->authorisation_date);
  hrb_bind_text (s, 6, m->ema_status);
  sqlite3_bind_int (s, 7, !!m->orphan);
  sqlite3_bind_int (s, 8, !!m->conditional);
  sqlite3_bind_int (s, 9, !!m->exceptional);
  sqlite3_bind_int (s, 10, !!m->accelerated);
  sqlite3_bind_int (s, 11, !!m->atmp);
  sqlite3_bind_int (s, 12, !!m->biosimilar);
  sqlite3_bind_int (s, 13, !!m->generic);
  sqlite3_bind_int (s, 14, !!m->critical);
  hrb_bind_text (s, 15, key);
}

gint64
hrb_store_insert_medicine (HrbStore *self, const HrbMedicine *m, GError **error)
{
  const char *field = NULL;
  char *message = NULL;
  sqlite3_stmt *s;
  gint64 id;

  g_return_val_if_fail (HRB_IS_STORE (self), 0);
  if (!hrb_medicine_validate (m, &field, &message))
    return validation_error (error, field, message);
  if (!hrb_store_begin (self, error))
    return 0;
  s = hrb_store_prepare (self,
      "INSERT INTO medicine (inn, brand, atc, holder, authorisation_date, ema_status, orphan, "
      "conditional, exceptional, accelerated, atmp, biosimilar, generic, critical, match_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
  if (s == NULL)
    goto fail;
  bind_medicine (s, m);
  if (!hrb_store_step_done (self, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  if (!hrb_store_audit (self, "medicine", id, "created", NULL, m->inn, error))
    goto fail;
  if (!hrb_store_commit (self, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (self);
  return 0;
}

HrbMedicine *
hrb_store_get_medicine (HrbStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "SELECT " MEDICINE_COLUMNS " FROM medicine WHERE id = ?1", error);
  HrbMedicine *m = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    {
      m = hrb_medicine_new ();
      read_medicine (s, 0, m);
    }
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Medicine %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return m;
}

gboolean
hrb_store_update_medicine (HrbStore *self, const HrbMedicine *m, GError **error)
{
  g_autoptr(HrbMedicine) old = NULL;
  const char *field = NULL;
  char *message = NULL;
  sqlite3_stmt *s;
  gboolean ok;
  const char *E = "medicine";

  if (!hrb_medicine_validate (m, &field, &message))
    return validation_error (error, field, message);
  WITH_TX_BEGIN (self, error);
  old = hrb_store_get_medicine (self, m->id, error);
  s = old ? hrb_store_prepare (self,
      "UPDATE medicine SET inn = ?1, brand = ?2, atc = ?3, holder = ?4, authorisation_date = ?5, "
      "ema_status = ?6, orphan = ?7, conditional = ?8, exceptional = ?9, accelerated = ?10, "
      "atmp = ?11, biosimilar = ?12, generic = ?13, critical = ?14, match_key = ?15 WHERE id = ?16",
      error) : NULL;
  ok = s != NULL;
  if (ok)
    {
      bind_medicine (s, m);
      sqlite3_bind_int64 (s, 16, m->id);
      ok = hrb_store_step_done (self, s, error);
    }
  ok = ok && audit_text (self, E, m->id, "inn", old->inn, m->inn, error)
          && audit_text (self, E, m->id, "brand", old->brand, m->brand, error)
          && audit_text (self, E, m->id, "atc", old->atc, m->atc, error)
          && audit_text (self, E, m->id, "holder", old->holder, m->holder, error)
          && audit_text (self, E, m->id, "authorisation_date", old->authorisation_date, m->authorisation_date, error)
          && audit_text (self, E, m->id, "ema_status", old->ema_status, m->ema_status, error)
          && audit_int (self, E, m->id, "orphan", old->orphan, !!m->orphan, error)
          && audit_int (self, E, m->id, "conditional", old->conditional, !!m->conditional, error)
          && audit_int (self, E, m->id, "exceptional", old->exceptional, !!m->exceptional, error)
          && audit_int (self, E, m->id, "accelerated", old->accelerated, !!m->accelerated, error)
          && audit_int (self, E, m->id, "atmp", old->atmp, !!m->atmp, error)
          && audit_int (self, E, m->id, "biosimilar", old->biosimilar, !!m->biosimilar, error)
          && audit_int (self, E, m->id, "generic", old->generic, !!m->generic, error)
          && audit_int (self, E, m->id, "critical", old->critical, !!m->critical, error);
  WITH_TX_END (self, ok, error);
}

static gpointer
read_medicine_row (sqlite3_stmt *s, gpointer user_data)
{
  HrbMedicine *m = hrb_medicine_new ();

  read_medicine (s, 0, m);
  return m;
}

GPtrArray *
hrb_store_list_medicines (HrbStore *self, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "SELECT " MEDICINE_COLUMNS " FROM medicine ORDER BY coalesce (brand, inn) COLLATE NOCASE, id", error);

  if (s == NULL)
    return NULL;
  return hrb_store_collect (self, s, read_medicine_row, NULL, (GDestroyNotify) hrb_medicine_free,
                            _("Cannot read the medicines"), error);
}
gint64
hrb_store_find_medicine (HrbStore *self, const char *atc, const char *inn, GError **error)
{
  g_autofree char *key = hrb_store_match_key (inn);
  sqlite3_stmt *s = hrb_store_prepare (self,
      "SELECT id FROM medicine WHERE match_key = ?2 AND (?1 IS NULL OR atc IS NULL OR atc = ?1) "
      "ORDER BY (atc = ?1) DESC, id LIMIT 1", error);
  gint64 id = 0;

  if (s == NULL)
    return 0;
  hrb_bind_text (s, 1, atc && *atc ? atc : NULL);
  hrb_bind_text (s, 2, key);
  if (sqlite3_step (s) == SQLITE_ROW)
    id = sqlite3_column_int64 (s, 0);
  hrb_store_done (s);
  return id;
}

/* Items ----------------------------------------------------------------------- */

/* The item query; CREATED and STATUS are the figure's creation time and the
 * medicine's EMA status, which the lists do not show: listing all items
 * leaves them out (NULL) to save two strings per item. */
#define ITEM_SELECT_WITH(CREATED, STATUS) \
  "SELECT i.id, i.medicine_id, i.indication, i.domain, i.setting, i.package_status, i.source_id, " \
  "i.phase, i.expected_registration, i.therapeutic_value, i.loe_date, " \
  "f.id, f.year, f.patients_low, f.patients_high, f.cost_low, f.cost_high, f.budget_low, " \
  "f.budget_high, f.source, f.vintage, f.batch_id, f.list_price, f.provisional, " CREATED ", " \
  "m.id, m.inn, m.brand, m.atc, m.holder, m.authorisation_date, " STATUS ", m.orphan, " \
  "m.conditional, m.exceptional, m.accelerated, m.atmp, m.biosimilar, m.generic, m.critical " \
  "FROM item i JOIN medicine m ON m.id = i.medicine_id " \
  "LEFT JOIN figure f ON f.id = (SELECT f2.id FROM figure f2 WHERE f2.item_id = i.id " \
  "  ORDER BY f2.vintage DESC NULLS LAST, f2.id DESC LIMIT 1) "
#define ITEM_SELECT ITEM_SELECT_WITH ("f.created_at", "m.ema_status")
#define ITEM_SELECT_LIST ITEM_SELECT_WITH ("NULL", "NULL")

static void
read_figure (sqlite3_stmt *s, int c, HrbFigure *f)
{
  f->id = sqlite3_column_int64 (s, c + 0);
  f->year = sqlite3_column_int (s, c + 1);
  f->patients.low = hrb_col_double (s, c + 2);
  f->patients.high = hrb_col_double (s, c + 3);
  f->cost.low = hrb_col_double (s, c + 4);
  f->cost.high = hrb_col_double (s, c + 5);
  f->budget.low = hrb_col_double (s, c + 6);
  f->budget.high = hrb_col_double (s, c + 7);
  f->source = hrb_col_text (s, c + 8);
  f->vintage = hrb_col_text (s, c + 9);
  f->batch_id = sqlite3_column_int64 (s, c + 10);
  f->list_price = sqlite3_column_type (s, c + 11) == SQLITE_NULL ? TRUE : sqlite3_column_int (s, c + 11);
  f->provisional = sqlite3_column_int (s, c + 12);
  f->created_at = hrb_col_text (s, c + 13);
}

/* A text column as an interned string (see HrbItem.shared_strings). */
static char *
col_interned (sqlite3_stmt *s, int i)
{
  const unsigned char *t = sqlite3_column_text (s, i);

  return t ? (char *) g_intern_string ((const char *) t) : NULL;
}

/* Interns the strings that repeat across items (for large lists). */
static void
intern_item (sqlite3_stmt *s, HrbItem *item)
{
  g_free (item->indication);
  item->indication = col_interned (s, 2);
  g_free (item->loe_date);
  item->loe_date = col_interned (s, 10);
  g_free (item->medicine.atc);
  item->medicine.atc = col_interned (s, 25 + 3);
  g_free (item->domain);
  item->domain = col_interned (s, 3);
  g_free (item->phase);
  item->phase = col_interned (s, 7);
  g_free (item->expected_registration);
  item->expected_registration = col_interned (s, 8);
  g_free (item->therapeutic_value);
  item->therapeutic_value = col_interned (s, 9);
  g_free (item->figure.source);
  item->figure.source = col_interned (s, 11 + 8);
  g_free (item->figure.vintage);
  item->figure.vintage = col_interned (s, 11 + 9);
  item->shared_strings = TRUE;
}

static HrbItem *
read_item (sqlite3_stmt *s)
{
  HrbItem *item = hrb_item_new ();

  item->id = sqlite3_column_int64 (s, 0);
  item->medicine_id = sqlite3_column_int64 (s, 1);
  item->indication = hrb_col_text (s, 2);
  item->domain = hrb_col_text (s, 3);
  item->setting = sqlite3_column_int (s, 4);
  item->status = sqlite3_column_int (s, 5);
  item->source_id = hrb_col_text (s, 6);
  item->phase = hrb_col_text (s, 7);
  item->expected_registration = hrb_col_text (s, 8);
  item->therapeutic_value = hrb_col_text (s, 9);
  item->loe_date = hrb_col_text (s, 10);
  read_figure (s, 11, &item->figure);
  item->figure.item_id = item->id;
  read_medicine (s, 25, &item->medicine);
  return item;
}

/* An item of a large list: the repeated strings shared. */
static gpointer
read_list_item (sqlite3_stmt *s, gpointer user_data)
{
  HrbItem *item = read_item (s);

  intern_item (s, item);
  return item;
}

GPtrArray *
hrb_store_list_items (HrbStore *self, HrbStream stream, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self, ITEM_SELECT_LIST
      "WHERE i.deleted = 0 AND (?1 IS NULL OR (CASE WHEN i.package_status IN (0, 1) THEN 0 ELSE 1 END) = ?1) "
      "ORDER BY i.id", error);

  if (s == NULL)
    return NULL;
  if (stream == HRB_STREAM_ANY)
    sqlite3_bind_null (s, 1);
  else
    sqlite3_bind_int (s, 1, stream);
  return hrb_store_collect (self, s, read_list_item, NULL, (GDestroyNotify) hrb_item_free,
                            _("Cannot read the items"), error);
}

HrbItem *
hrb_store_get_item (HrbStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self, ITEM_SELECT "WHERE i.id = ?1", error);
  HrbItem *item = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    item = read_item (s);
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Item %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return item;
}

gint64
hrb_store_find_item_by_source_id (HrbStore *self, const char *source_id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self, "SELECT id FROM item WHERE source_id = ?1", error);
  gint64 id = 0;

  if (s == NULL)
    return 0;
  hrb_bind_text (s, 1, source_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    id = sqlite3_column_int64 (s, 0);
  hrb_store_done (s);
  return id;
}

static void
bind_item (sqlite3_stmt *s, const HrbItem *item)
{
  sqlite3_bind_int64 (s, 1, item->medicine_id);
  hrb_bind_text (s, 2, item->indication && *item->indication ? item->indication : NULL);
  hrb_bind_text (s, 3, item->domain);
  sqlite3_bind_int (s, 4, item->setting);
  sqlite3_bind_int (s, 5, item->status);
  hrb_bind_text (s, 6, item->source_id && *item->source_id ? item->source_id : NULL);
  hrb_bind_text (s, 7, item->phase);
  hrb_bind_text (s, 8, item->expected_registration);
  hrb_bind_text (s, 9, item->therapeutic_value);
  hrb_bind_text (s, 10, item->loe_date);
}

static char *
item_label (const HrbItem *item)
{
  return g_strdup (item->indication ? item->indication : "*");
}

gint64
hrb_store_insert_item (HrbStore *self, const HrbItem *item, GError **error)
{
  g_autofree char *now = hrb_store_now (self);
  g_autofree char *label = item_label (item);
  const char *field = NULL;
  char *message = NULL;
  sqlite3_stmt *s;
  gint64 id;

  g_return_val_if_fail (HRB_IS_STORE (self), 0);
  if (!hrb_item_validate (item, &field, &message))
    return validation_error (error, field, message);
  if (item->medicine_id <= 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_INVALID, _("An item needs a medicine."));
      return 0;
    }
  if (!hrb_store_begin (self, error))
    return 0;
  s = hrb_store_prepare (self,
      "INSERT INTO item (medicine_id, indication, domain, setting, package_status, source_id, phase, "
      "expected_registration, therapeutic_value, loe_date, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (s == NULL)
    goto fail;
  bind_item (s, item);
  hrb_bind_text (s, 11, now);
  if (!hrb_store_step_done (self, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  if (!hrb_store_audit (self, "item", id, "created", NULL, label, error))
    goto fail;
  if (!hrb_store_commit (self, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (self);
  return 0;
}

gboolean
hrb_store_update_item (HrbStore *self, const HrbItem *item, GError **error)
{
  g_autoptr(HrbItem) old = NULL;
  const char *field = NULL;
  char *message = NULL;
  sqlite3_stmt *s;
  gboolean ok;
  const char *E = "item";
  gint64 id = item->id;

  if (!hrb_item_validate (item, &field, &message))
    return validation_error (error, field, message);
  WITH_TX_BEGIN (self, error);
  old = hrb_store_get_item (self, id, error);
  s = old ? hrb_store_prepare (self,
      "UPDATE item SET medicine_id = ?1, indication = ?2, domain = ?3, setting = ?4, "
      "package_status = ?5, source_id = ?6, phase = ?7, expected_registration = ?8, "
      "therapeutic_value = ?9, loe_date = ?10 WHERE id = ?11", error) : NULL;
  ok = s != NULL;
  if (ok)
    {
      bind_item (s, item);
      sqlite3_bind_int64 (s, 11, id);
      ok = hrb_store_step_done (self, s, error);
    }
  ok = ok && audit_int (self, E, id, "medicine_id", old->medicine_id, item->medicine_id, error)
          && audit_text (self, E, id, "indication", old->indication,
                         item->indication && *item->indication ? item->indication : NULL, error)
          && audit_text (self, E, id, "domain", old->domain, item->domain, error)
          && audit_text (self, E, id, "setting", hrb_setting_to_code (old->setting),
                         hrb_setting_to_code (item->setting), error)
          && audit_text (self, E, id, "package_status", hrb_status_to_code (old->status),
                         hrb_status_to_code (item->status), error)
          && audit_text (self, E, id, "source_id", old->source_id,
                         item->source_id && *item->source_id ? item->source_id : NULL, error)
          && audit_text (self, E, id, "phase", old->phase, item->phase, error)
          && audit_text (self, E, id, "expected_registration", old->expected_registration,
                         item->expected_registration, error)
          && audit_text (self, E, id, "therapeutic_value", old->therapeutic_value,
                         item->therapeutic_value, error)
          && audit_text (self, E, id, "loe_date", old->loe_date, item->loe_date, error);
  WITH_TX_END (self, ok, error);
}

static gboolean
set_item_deleted (HrbStore *self, gint64 id, gboolean deleted, GError **error)
{
  sqlite3_stmt *s;
  gboolean ok;

  WITH_TX_BEGIN (self, error);
  s = hrb_store_prepare (self, "UPDATE item SET deleted = ?1 WHERE id = ?2 AND deleted <> ?1", error);
  ok = s != NULL;
  if (ok)
    {
      sqlite3_bind_int (s, 1, deleted);
      sqlite3_bind_int64 (s, 2, id);
      ok = hrb_store_step_done (self, s, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                   _("Item %lld does not exist"), (long long) id);
      ok = FALSE;
    }
  ok = ok && hrb_store_audit (self, "item", id, "deleted", deleted ? "0" : "1", deleted ? "1" : "0", error);
  WITH_TX_END (self, ok, error);
}

gboolean
hrb_store_delete_item (HrbStore *self, gint64 id, GError **error)
{
  return set_item_deleted (self, id, TRUE, error);
}

gboolean
hrb_store_restore_item (HrbStore *self, gint64 id, GError **error)
{
  return set_item_deleted (self, id, FALSE, error);
}

/* Figures ---------------------------------------------------------------------- */

static void
bind_figure (sqlite3_stmt *s, const HrbFigure *f)
{
  sqlite3_bind_int64 (s, 1, f->item_id);
  if (f->year > 0)
    sqlite3_bind_int (s, 2, f->year);
  else
    sqlite3_bind_null (s, 2);
  hrb_bind_double (s, 3, f->patients.low);
  hrb_bind_double (s, 4, f->patients.high);
  hrb_bind_double (s, 5, f->cost.low);
  hrb_bind_double (s, 6, f->cost.high);
  hrb_bind_double (s, 7, f->budget.low);
  hrb_bind_double (s, 8, f->budget.high);
  hrb_bind_text (s, 9, f->source);
  hrb_bind_text (s, 10, f->vintage && *f->vintage ? f->vintage : NULL);
  hrb_bind_id (s, 11, f->batch_id);
  sqlite3_bind_int (s, 12, !!f->list_price);
  sqlite3_bind_int (s, 13, !!f->provisional);
}

static char *
figure_summary (const HrbFigure *f)
{
  g_autofree char *pl = hrb_audit_double (f->patients.low), *ph = hrb_audit_double (f->patients.high);
  g_autofree char *cl = hrb_audit_double (f->cost.low), *ch = hrb_audit_double (f->cost.high);
  g_autofree char *bl = hrb_audit_double (f->budget.low), *bh = hrb_audit_double (f->budget.high);

  return g_strdup_printf ("patients %s-%s; cost %s-%s; budget %s-%s; %s %s",
                          pl ? pl : "", ph ? ph : "", cl ? cl : "", ch ? ch : "",
                          bl ? bl : "", bh ? bh : "", f->source ? f->source : "",
                          f->vintage ? f->vintage : "");
}

gint64
hrb_store_add_figure (HrbStore *self, const HrbFigure *f, GError **error)
{
  g_autofree char *now = hrb_store_now (self);
  g_autofree char *summary = NULL;
  const char *field = NULL;
  char *message = NULL;
  sqlite3_stmt *s;
  gint64 id;

  if (!hrb_figure_validate (f, &field, &message))
    return validation_error (error, field, message);
  if (!hrb_store_begin (self, error))
    return 0;
  s = hrb_store_prepare (self,
      "INSERT INTO figure (item_id, year, patients_low, patients_high, cost_low, cost_high, "
      "budget_low, budget_high, source, vintage, batch_id, list_price, provisional, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (s == NULL)
    goto fail;
  bind_figure (s, f);
  hrb_bind_text (s, 14, now);
  if (!hrb_store_step_done (self, s, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  summary = figure_summary (f);
  if (!hrb_store_audit (self, "item", f->item_id, "figure", NULL, summary, error))
    goto fail;
  if (!hrb_store_commit (self, error))
    return 0;
  return id;

fail:
  hrb_store_rollback (self);
  return 0;
}

static HrbFigure *
get_figure (HrbStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "SELECT id, year, patients_low, patients_high, cost_low, cost_high, budget_low, budget_high, "
      "source, vintage, batch_id, list_price, provisional, created_at, item_id FROM figure WHERE id = ?1",
      error);
  HrbFigure *f = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    {
      f = hrb_figure_new ();
      read_figure (s, 0, f);
      f->item_id = sqlite3_column_int64 (s, 14);
    }
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Figure %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return f;
}

gboolean
hrb_store_update_figure (HrbStore *self, const HrbFigure *f, GError **error)
{
  g_autoptr(HrbFigure) old = NULL;
  const char *field = NULL;
  char *message = NULL;
  sqlite3_stmt *s;
  gboolean ok;
  const char *E = "item";
  gint64 id;

  if (!hrb_figure_validate (f, &field, &message))
    return validation_error (error, field, message);
  WITH_TX_BEGIN (self, error);
  old = get_figure (self, f->id, error);
  id = old ? old->item_id : 0;
  s = old ? hrb_store_prepare (self,
      "UPDATE figure SET item_id = ?1, year = ?2, patients_low = ?3, patients_high = ?4, "
      "cost_low = ?5, cost_high = ?6, budget_low = ?7, budget_high = ?8, source = ?9, vintage = ?10, "
      "batch_id = ?11, list_price = ?12, provisional = ?13 WHERE id = ?14", error) : NULL;
  ok = s != NULL;
  if (ok)
    {
      bind_figure (s, f);
      sqlite3_bind_int64 (s, 14, f->id);
      ok = hrb_store_step_done (self, s, error);
    }
  ok = ok && audit_int (self, E, id, "year", old->year, f->year, error)
          && audit_double (self, E, id, "patients_low", old->patients.low, f->patients.low, error)
          && audit_double (self, E, id, "patients_high", old->patients.high, f->patients.high, error)
          && audit_double (self, E, id, "cost_low", old->cost.low, f->cost.low, error)
          && audit_double (self, E, id, "cost_high", old->cost.high, f->cost.high, error)
          && audit_double (self, E, id, "budget_low", old->budget.low, f->budget.low, error)
          && audit_double (self, E, id, "budget_high", old->budget.high, f->budget.high, error)
          && audit_text (self, E, id, "source", old->source, f->source, error)
          && audit_text (self, E, id, "vintage", old->vintage, f->vintage, error)
          && audit_int (self, E, id, "list_price", old->list_price, !!f->list_price, error)
          && audit_int (self, E, id, "provisional", old->provisional, !!f->provisional, error);
  WITH_TX_END (self, ok, error);
}

static gpointer
read_figure_row (sqlite3_stmt *s, gpointer user_data)
{
  HrbFigure *f = hrb_figure_new ();

  read_figure (s, 0, f);
  f->item_id = *(const gint64 *) user_data;
  return f;
}

GPtrArray *
hrb_store_list_figures (HrbStore *self, gint64 item_id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "SELECT id, year, patients_low, patients_high, cost_low, cost_high, budget_low, budget_high, "
      "source, vintage, batch_id, list_price, provisional, created_at FROM figure WHERE item_id = ?1 "
      "ORDER BY vintage DESC NULLS LAST, id DESC", error);

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, item_id);
  return hrb_store_collect (self, s, read_figure_row, &item_id, (GDestroyNotify) hrb_figure_free,
                            _("Cannot read the figures"), error);
}
/* Import batches ---------------------------------------------------------------- */

void
hrb_batch_free (HrbBatch *b)
{
  if (b == NULL)
    return;
  g_free (b->source);
  g_free (b->file_name);
  g_free (b->checksum);
  g_free (b->vintage);
  g_free (b->imported_at);
  g_free (b->author);
  g_free (b);
}

gint64
hrb_store_insert_batch (HrbStore *self, const HrbBatch *b, GError **error)
{
  g_autofree char *now = hrb_store_now (self);
  sqlite3_stmt *s = hrb_store_prepare (self,
      "INSERT INTO import_batch (source, file_name, checksum, vintage, imported_at, author, "
      "n_new, n_updated, n_unchanged, n_rejected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      error);

  if (s == NULL)
    return 0;
  hrb_bind_text (s, 1, b->source);
  hrb_bind_text (s, 2, b->file_name);
  hrb_bind_text (s, 3, b->checksum);
  hrb_bind_text (s, 4, b->vintage);
  hrb_bind_text (s, 5, now);
  hrb_bind_text (s, 6, self->author);
  sqlite3_bind_int (s, 7, b->n_new);
  sqlite3_bind_int (s, 8, b->n_updated);
  sqlite3_bind_int (s, 9, b->n_unchanged);
  sqlite3_bind_int (s, 10, b->n_rejected);
  if (!hrb_store_step_done (self, s, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
hrb_store_update_batch_counts (HrbStore *self, const HrbBatch *b, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self,
      "UPDATE import_batch SET n_new = ?1, n_updated = ?2, n_unchanged = ?3, n_rejected = ?4 "
      "WHERE id = ?5", error);

  if (s == NULL)
    return FALSE;
  sqlite3_bind_int (s, 1, b->n_new);
  sqlite3_bind_int (s, 2, b->n_updated);
  sqlite3_bind_int (s, 3, b->n_unchanged);
  sqlite3_bind_int (s, 4, b->n_rejected);
  sqlite3_bind_int64 (s, 5, b->id);
  return hrb_store_step_done (self, s, error);
}

#define BATCH_SELECT \
  "SELECT id, source, file_name, checksum, vintage, imported_at, author, n_new, n_updated, " \
  "n_unchanged, n_rejected FROM import_batch "

static HrbBatch *
read_batch (sqlite3_stmt *s)
{
  HrbBatch *b = g_new0 (HrbBatch, 1);

  b->id = sqlite3_column_int64 (s, 0);
  b->source = hrb_col_text (s, 1);
  b->file_name = hrb_col_text (s, 2);
  b->checksum = hrb_col_text (s, 3);
  b->vintage = hrb_col_text (s, 4);
  b->imported_at = hrb_col_text (s, 5);
  b->author = hrb_col_text (s, 6);
  b->n_new = sqlite3_column_int (s, 7);
  b->n_updated = sqlite3_column_int (s, 8);
  b->n_unchanged = sqlite3_column_int (s, 9);
  b->n_rejected = sqlite3_column_int (s, 10);
  return b;
}

HrbBatch *
hrb_store_get_batch (HrbStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self, BATCH_SELECT "WHERE id = ?1", error);
  HrbBatch *b = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    b = read_batch (s);
  else
    g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NOT_FOUND,
                 _("Import batch %lld does not exist"), (long long) id);
  hrb_store_done (s);
  return b;
}

static gpointer
read_batch_row (sqlite3_stmt *s, gpointer user_data)
{
  return read_batch (s);
}

GPtrArray *
hrb_store_list_batches (HrbStore *self, GError **error)
{
  sqlite3_stmt *s = hrb_store_prepare (self, BATCH_SELECT "ORDER BY id", error);

  if (s == NULL)
    return NULL;
  return hrb_store_collect (self, s, read_batch_row, NULL, (GDestroyNotify) hrb_batch_free,
                            _("Cannot read the import batches"), error);
}
/* Integrity and backups ------------------------------------------------------------ */

static gint64
count_rows (HrbStore *self, const char *sql)
{
  sqlite3_stmt *s = hrb_store_prepare (self, sql, NULL);
  gint64 n = -1;

  if (s && sqlite3_step (s) == SQLITE_ROW)
    n = sqlite3_column_int64 (s, 0);
  hrb_store_done (s);
  return n;
}

gboolean
hrb_store_check (HrbStore *self, GString *report, GError **error)
{
  sqlite3_stmt *s;
  gboolean ok = TRUE;
  int version = hrb_store_get_version (self);
  int latest = hrb_store_latest_version ();
  g_autoptr(GString) problems = g_string_new (NULL);

  s = hrb_store_prepare (self, "PRAGMA integrity_check", error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (s, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          ok = FALSE;
          g_string_append_printf (problems, "integrity: %s\n", line);
        }
    }
  hrb_store_done (s);

  s = hrb_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      ok = FALSE;
      g_string_append_printf (problems, "foreign key: %s row %lld\n",
                              sqlite3_column_text (s, 0), (long long) sqlite3_column_int64 (s, 1));
    }
  hrb_store_done (s);

  if (version != latest)
    {
      ok = FALSE;
      g_string_append_printf (problems, "schema version %d, expected %d\n", version, latest);
    }

  g_string_append_printf (report, "integrity: %s\n", ok ? "ok" : "FAILED");
  g_string_append_printf (report, "schema_version: %d\n", version);
  {
    static const struct { const char *label; const char *sql; } counts[] = {
      { "medicines", "SELECT count(*) FROM medicine" },
      { "items", "SELECT count(*) FROM item WHERE deleted = 0" },
      { "figures", "SELECT count(*) FROM figure" },
      { "import_batches", "SELECT count(*) FROM import_batch" },
      { "audit_entries", "SELECT count(*) FROM audit" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        gint64 n = count_rows (self, counts[i].sql);
        g_string_append_printf (report, "%s: %" G_GINT64_FORMAT "\n", counts[i].label, n);
      }
  }
  if (!ok)
    {
      g_string_append (report, problems->str);
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_CORRUPT, _("%s: the check failed: %s"),
                   self->path, problems->str);
    }
  return ok;
}

gboolean
hrb_store_backup_to (HrbStore *self, const char *path, GError **error)
{
  sqlite3_stmt *s = NULL;
  int fd;
  gboolean ok;

  /* Create the file first so that it is readable by its owner only;
   * VACUUM INTO needs it to be empty. */
  fd = g_open (path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO, _("Cannot write the backup %s: %s"),
                   path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  if (sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &s, NULL) != SQLITE_OK)
    return hrb_store_set_sqlite_error (self, error, _("Cannot write the backup"));
  sqlite3_bind_text (s, 1, path, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (s) == SQLITE_DONE;
  if (!ok)
    {
      hrb_store_set_sqlite_error (self, error, _("Cannot write the backup"));
      g_unlink (path);
    }
  sqlite3_finalize (s);
  return ok;
}

/* Automatic backups and restore ------------------------------------------------- */

static char *
backup_folder (HrbStore *self, const char *folder)
{
  g_autofree char *dir = NULL;

  if (folder != NULL && folder[0] != '\0')
    return g_strdup (folder);
  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "backups", NULL);
}

static char *
backup_prefix (HrbStore *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

GStrv
hrb_store_list_backups (HrbStore *self, const char *folder)
{
  g_autofree char *dir = backup_folder (self, folder);
  g_autofree char *prefix = backup_prefix (self);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *out = g_ptr_array_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (out, g_build_filename (dir, name, NULL));
  /* Names hold a sortable UTC time: newest first. */
  g_ptr_array_sort (out, compare_strings);
  for (guint i = 0; i < out->len / 2; i++)
    {
      gpointer t = out->pdata[i];
      out->pdata[i] = out->pdata[out->len - 1 - i];
      out->pdata[out->len - 1 - i] = t;
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

char *
hrb_store_auto_backup (HrbStore *self, const char *folder, const char *reason, guint keep,
                       GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) existing = NULL;

  g_return_val_if_fail (HRB_IS_STORE (self), NULL);
  if (g_strcmp0 (self->path, ":memory:") == 0)
    return g_strdup ("");
  dir = backup_folder (self, folder);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO,
                   _("Cannot create the backup folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }
  prefix = backup_prefix (self);
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  name = g_strdup_printf ("%s%s.%06d-%s.db", prefix, stamp, g_date_time_get_microsecond (now),
                          reason ? reason : "manual");
  path = g_build_filename (dir, name, NULL);
  if (!hrb_store_backup_to (self, path, error))
    return NULL;

  existing = hrb_store_list_backups (self, folder);
  for (guint i = MAX (keep, 1); i < g_strv_length (existing); i++)
    g_unlink (existing[i]);
  return g_steal_pointer (&path);
}

static char *
hrb_store_auto_backup_impl (HrbStore *self, const char *reason, GError **error)
{
  return hrb_store_auto_backup (self, NULL, reason, HRB_STORE_DEFAULT_KEEP, error);
}

gboolean
hrb_store_verify_file (const char *path, GString *report, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  gboolean ok = TRUE;
  int version = -1;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO, _("%s: no such file"), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_CORRUPT, "%s: %s", path,
                   _("the file is not a Herbeoordeling database or it is damaged"));
      sqlite3_finalize (s);
      sqlite3_close (db);
      return FALSE;
    }
  while (sqlite3_step (s) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (s, 0), "ok") != 0)
      ok = FALSE;
  sqlite3_finalize (s);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
      sqlite3_step (s) == SQLITE_ROW)
    version = sqlite3_column_int (s, 0);
  sqlite3_finalize (s);
  sqlite3_close (db);

  if (report)
    g_string_append_printf (report, "backup: %s\nintegrity: %s\nschema_version: %d\n", path,
                            ok ? "ok" : "FAILED", version);
  if (!ok || version < 1)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_CORRUPT, "%s: %s", path,
                   _("the file is not a Herbeoordeling database or it is damaged"));
      return FALSE;
    }
  if (version > hrb_store_latest_version ())
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_NEWER,
                   _("%s was written by a newer version of Herbeoordeling (schema %d)."), path, version);
      return FALSE;
    }
  return TRUE;
}

gboolean
hrb_store_restore_from (HrbStore *self, const char *backup_path, GError **error)
{
  g_autofree char *safety = NULL;
  sqlite3 *src = NULL;
  sqlite3_backup *b;
  int rc;

  if (!hrb_store_verify_file (backup_path, NULL, error))
    return FALSE;
  if (self->depth > 0)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_BUSY, _("A change is still in progress."));
      return FALSE;
    }
  safety = hrb_store_auto_backup (self, NULL, "before-restore", 50, error);
  if (safety == NULL)
    return FALSE;
  if (sqlite3_open_v2 (backup_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO, _("Cannot read %s"), backup_path);
      sqlite3_close (src);
      return FALSE;
    }
  /* Cached statements would hold read locks on the old content. */
  g_hash_table_remove_all (self->stmts);
  b = sqlite3_backup_init (self->db, "main", src, "main");
  if (b == NULL)
    {
      sqlite3_close (src);
      return hrb_store_set_sqlite_error (self, error, _("Cannot restore the backup"));
    }
  rc = sqlite3_backup_step (b, -1);
  sqlite3_backup_finish (b);
  sqlite3_close (src);
  if (rc != SQLITE_DONE)
    return hrb_store_set_sqlite_error (self, error, _("Cannot restore the backup"));
  self->generation++;
  /* An older backup is brought up to this version. */
  {
    g_auto(GStrv) migrations = list_migrations ();
    int latest = (int) g_strv_length (migrations);
    int version = read_user_version (self, error);

    if (version < 0)
      return FALSE;
    for (int v = version; v < latest; v++)
      if (!apply_migration (self, migrations[v], v + 1, error))
        return FALSE;
  }
  return hrb_store_audit (self, "database", 0, "restored", NULL, backup_path, error);
}

/* Watching for other programs' commits ------------------------------------------- */

struct _HrbStoreWatch
{
  sqlite3      *db;
  sqlite3_stmt *version;
};

HrbStoreWatch *
hrb_store_watch_new (const char *path, GError **error)
{
  HrbStoreWatch *w = g_new0 (HrbStoreWatch, 1);

  if (sqlite3_open_v2 (path, &w->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (w->db, "PRAGMA data_version", -1, &w->version, NULL) != SQLITE_OK)
    {
      g_set_error (error, HRB_STORE_ERROR, HRB_STORE_ERROR_IO, _("Cannot watch %s: %s"), path,
                   w->db ? sqlite3_errmsg (w->db) : "out of memory");
      hrb_store_watch_free (w);
      return NULL;
    }
  sqlite3_busy_timeout (w->db, 100);
  return w;
}

gint64
hrb_store_watch_version (HrbStoreWatch *watch)
{
  gint64 v = -1;

  g_return_val_if_fail (watch != NULL, -1);
  if (sqlite3_step (watch->version) == SQLITE_ROW)
    v = sqlite3_column_int64 (watch->version, 0);
  sqlite3_reset (watch->version);
  return v;
}

void
hrb_store_watch_free (HrbStoreWatch *watch)
{
  if (watch == NULL)
    return;
  sqlite3_finalize (watch->version);
  sqlite3_close_v2 (watch->db);
  g_free (watch);
}
