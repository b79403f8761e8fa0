/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-pg.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-library-private.h"

/* The team library: the store interface on a PostgreSQL server (its
 * tables: dossier-library-pg-schema.c; its writes: -pg-write.c). Calls
 * go through one link (-pg-link.c), made again when lost. In a batch,
 * writes go to LANES links of their own, each with a thread, so that
 * the server writes while the next case is read and cut; a case always
 * goes to the same lane, so its writes keep their order, and a read
 * first waits for every write pushed before it. */

#define LANES 2

typedef enum
{
  JOB_PUT,
  JOB_TOUCH,
  JOB_REMOVE,
} JobKind;

typedef struct
{
  JobKind                 kind;
  DossierLibraryCaseInfo *info;    /* its path, stamp; the case for PUT */
  GPtrArray              *items;
} Job;

typedef struct
{
  DossierLibraryPg     *store;
  DossierLibraryPgLink *link;
  DossierLibraryQueue  *queue;
} Lane;

struct _DossierLibraryPg
{
  GObject               parent_instance;

  DossierLibraryPgLink *link;
  GHashTable           *stamps;   /* path -> DossierLibraryStamp *, in a batch */
  Lane                  lanes[LANES];
  guint                 n_lanes;  /* 0 outside a batch */
  GMutex                lane_lock;
  GError               *lane_error; /* the first write of a lane that failed */
};

static void dossier_library_pg_store_init (DossierLibraryStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierLibraryPg, dossier_library_pg, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_LIBRARY_STORE,
                                                      dossier_library_pg_store_init))

DossierLibraryPg *
dossier_library_pg_open (const char  *conninfo,
                         GError     **error)
{
  g_autoptr(DossierLibraryPg) self = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_PG, NULL);
  self->link = dossier_library_pg_link_new (conninfo, error);
  if (self->link == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Lanes                                                               */
/* ------------------------------------------------------------------ */

static void
job_free (gpointer data)
{
  Job *job = data;

  dossier_library_case_info_free (job->info);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Lane *lane = user_data;
  DossierLibraryPg *self = lane->store;
  GError *error = NULL;

  g_mutex_lock (&self->lane_lock);
  /* After a failure, the lanes stop writing: the update ends with it. */
  if (self->lane_error != NULL)
    {
      g_mutex_unlock (&self->lane_lock);
      return;
    }
  g_mutex_unlock (&self->lane_lock);

  switch (job->kind)
    {
    case JOB_PUT:
      dossier_library_pg_write_case (lane->link, job->info, job->items, &error);
      break;
    case JOB_TOUCH:
      dossier_library_pg_write_touch (lane->link, job->info->path, &job->info->stamp, &error);
      break;
    case JOB_REMOVE:
      dossier_library_pg_write_remove (lane->link, job->info->path, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (error == NULL)
    return;
  g_mutex_lock (&self->lane_lock);
  if (self->lane_error == NULL)
    self->lane_error = g_steal_pointer (&error);
  g_mutex_unlock (&self->lane_lock);
  g_clear_error (&error);
}

/* Waits for every write pushed so far; the first that failed, if any. */
static gboolean
drain (DossierLibraryPg  *self,
       GError           **error)
{
  for (guint i = 0; i < self->n_lanes; i++)
    dossier_library_queue_drain (self->lanes[i].queue);
  g_mutex_lock (&self->lane_lock);
  if (self->lane_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->lane_error));
      g_mutex_unlock (&self->lane_lock);
      return FALSE;
    }
  g_mutex_unlock (&self->lane_lock);
  return TRUE;
}

static gboolean
open_lanes (DossierLibraryPg  *self,
            GError           **error)
{
  for (guint i = 0; i < LANES; i++)
    {
      Lane *lane = &self->lanes[i];

      lane->store = self;
      lane->link = dossier_library_pg_link_new (self->link->conninfo, error);
      if (lane->link == NULL)
        return FALSE;
      lane->queue = dossier_library_queue_new (run_job, job_free, lane, 4);
      if (lane->queue == NULL)
        {
          g_clear_pointer (&lane->link, dossier_library_pg_link_free);
          return FALSE;
        }
      self->n_lanes++;
    }
  return TRUE;
}

static void
close_lanes (DossierLibraryPg *self)
{
  for (guint i = 0; i < self->n_lanes; i++)
    {
      g_clear_pointer (&self->lanes[i].queue, dossier_library_queue_free);
      g_clear_pointer (&self->lanes[i].link, dossier_library_pg_link_free);
    }
  self->n_lanes = 0;
}

/* Pushes a write to its case's lane; FALSE and the error of an earlier
 * write that failed. */
static gboolean
push_job (DossierLibraryPg              *self,
          JobKind                        kind,
          const DossierLibraryCaseInfo  *info,
          GPtrArray                     *items,
          GError                       **error)
{
  Job *job = g_new0 (Job, 1);
  gboolean failed;

  g_mutex_lock (&self->lane_lock);
  failed = self->lane_error != NULL;
  if (failed)
    g_propagate_error (error, g_steal_pointer (&self->lane_error));
  g_mutex_unlock (&self->lane_lock);
  if (failed)
    {
      g_free (job);
      return FALSE;
    }
  job->kind = kind;
  job->info = dossier_library_case_info_copy (info);
  job->items = items != NULL ? g_ptr_array_ref (items) : NULL;
  dossier_library_queue_push (self->lanes[g_str_hash (info->path) % self->n_lanes].queue, job);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Calls on the link                                                   */
/* ------------------------------------------------------------------ */

static PGresult *
read_rows (DossierLibraryPg    *self,
           const char          *sql,
           guint                n_params,
           const char * const  *values,
           GError             **error)
{
  if (!drain (self, error))
    return NULL;
  return dossier_library_pg_link_read (self->link, sql, n_params, values, error);
}

static gboolean
write_one (DossierLibraryPg    *self,
           const char          *sql,
           guint                n_params,
           const char * const  *values,
           GError             **error)
{
  if (!drain (self, error))
    return FALSE;
  return dossier_library_pg_write_one (self->link, sql, n_params, values, error);
}

/* ------------------------------------------------------------------ */
/* Folders, stamps and writes                                          */
/* ------------------------------------------------------------------ */

static gboolean
pg_add_folder (DossierLibraryStore  *store,
               const char           *path,
               GError              **error)
{
  const char *values[] = { path };

  return write_one (DOSSIER_LIBRARY_PG (store),
                    "INSERT INTO folders (path) VALUES ($1) ON CONFLICT DO NOTHING", 1, values, error);
}

static gboolean
pg_remove_folder (DossierLibraryStore  *store,
                  const char           *path,
                  GError              **error)
{
  const char *values[] = { path };

  return write_one (DOSSIER_LIBRARY_PG (store), "DELETE FROM folders WHERE path = $1", 1, values, error);
}

static GStrv
pg_list_folders (DossierLibraryStore  *store,
                 GError              **error)
{
  g_autoptr(PGresult) result = read_rows (DOSSIER_LIBRARY_PG (store),
                                          "SELECT path FROM folders ORDER BY path", 0, NULL, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_strv_builder_add (builder, PQgetvalue (result, row, 0));
  return g_strv_builder_end (builder);
}

static DossierLibraryStamp *
stamp_new (PGresult *result,
           int       row,
           int       column)
{
  DossierLibraryStamp *stamp = g_new0 (DossierLibraryStamp, 1);

  stamp->size = dossier_library_pg_int (result, row, column);
  stamp->mtime = dossier_library_pg_int (result, row, column + 1);
  stamp->sha256 = dossier_library_pg_value (result, row, column + 2);
  return stamp;
}

static void
stamp_free (gpointer data)
{
  dossier_library_stamp_clear (data);
  g_free (data);
}

static void
copy_stamp (DossierLibraryStamp       *to,
            const DossierLibraryStamp *from)
{
  to->size = from->size;
  to->mtime = from->mtime;
  to->sha256 = g_strdup (from->sha256);
}

static gboolean
pg_get_stamp (DossierLibraryStore *store,
              const char          *path,
              DossierLibraryStamp *stamp)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  const char *values[] = { path };
  g_autoptr(PGresult) result = NULL;
  g_autofree DossierLibraryStamp *found = NULL;

  if (self->stamps != NULL)
    {
      const DossierLibraryStamp *known = g_hash_table_lookup (self->stamps, path);

      if (known != NULL)
        copy_stamp (stamp, known);
      return known != NULL;
    }
  result = read_rows (self, "SELECT size, mtime, sha256 FROM cases WHERE path = $1", 1, values, NULL);
  if (result == NULL || PQntuples (result) == 0)
    return FALSE;
  found = stamp_new (result, 0, 0);
  *stamp = *found;
  return TRUE;
}

static void
remember_stamp (DossierLibraryPg          *self,
                const char                *path,
                const DossierLibraryStamp *stamp)
{
  DossierLibraryStamp *copy;

  if (self->stamps == NULL)
    return;
  copy = g_new0 (DossierLibraryStamp, 1);
  copy_stamp (copy, stamp);
  g_hash_table_replace (self->stamps, g_strdup (path), copy);
}

static gboolean
pg_touch_case (DossierLibraryStore        *store,
               const char                 *path,
               const DossierLibraryStamp  *stamp,
               GError                    **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  DossierLibraryCaseInfo info = { (char *) path, *stamp, };

  remember_stamp (self, path, stamp);
  if (self->n_lanes > 0)
    return push_job (self, JOB_TOUCH, &info, NULL, error);
  return drain (self, error) && dossier_library_pg_write_touch (self->link, path, stamp, error);
}

static gboolean
pg_put_case (DossierLibraryStore           *store,
             const DossierLibraryCaseInfo  *info,
             GPtrArray                     *items,
             GError                       **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);

  if (self->link->read_only)
    return dossier_library_pg_write_case (self->link, info, items, error);
  remember_stamp (self, info->path, &info->stamp);
  if (self->n_lanes > 0)
    return push_job (self, JOB_PUT, info, items, error);
  return drain (self, error) && dossier_library_pg_write_case (self->link, info, items, error);
}

static gboolean
pg_remove_case (DossierLibraryStore  *store,
                const char           *path,
                GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  DossierLibraryCaseInfo info = { (char *) path, };

  if (self->stamps != NULL)
    g_hash_table_remove (self->stamps, path);
  if (self->n_lanes > 0 && !self->link->read_only)
    return push_job (self, JOB_REMOVE, &info, NULL, error);
  return drain (self, error) && dossier_library_pg_write_remove (self->link, path, error);
}

static gboolean
pg_begin_batch (DossierLibraryStore  *store,
                GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  g_autoptr(PGresult) result = NULL;

  if (self->stamps != NULL)
    return TRUE;
  /* One query for every stamp instead of one a file. */
  result = read_rows (self, "SELECT path, size, mtime, sha256 FROM cases", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stamp_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_insert (self->stamps, g_strdup (PQgetvalue (result, row, 0)), stamp_new (result, row, 1));
  /* Without lanes the writes are made at once, one by one. */
  if (!self->link->read_only && !open_lanes (self, NULL))
    close_lanes (self);
  return TRUE;
}

static gboolean
pg_end_batch (DossierLibraryStore  *store,
              GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  gboolean ok = drain (self, error);

  close_lanes (self);
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static GPtrArray *
pg_list_cases (DossierLibraryStore  *store,
               GError              **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_case_info_free);
  g_autoptr(PGresult) result = NULL;

  result = read_rows (DOSSIER_LIBRARY_PG (store),
                      "SELECT path, size, mtime, sha256, case_id, title, status, updated, n_items,"
                      " n_notes, n_events, n_sources, n_entities, problem, problem_line"
                      " FROM cases ORDER BY path", 0, NULL, error);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      DossierLibraryCaseInfo *info = g_new0 (DossierLibraryCaseInfo, 1);

      info->path = dossier_library_pg_value (result, row, 0);
      info->stamp.size = dossier_library_pg_int (result, row, 1);
      info->stamp.mtime = dossier_library_pg_int (result, row, 2);
      info->stamp.sha256 = dossier_library_pg_value (result, row, 3);
      info->case_id = dossier_library_pg_value (result, row, 4);
      info->title = dossier_library_pg_value (result, row, 5);
      info->status = dossier_library_pg_value (result, row, 6);
      info->updated = dossier_library_pg_value (result, row, 7);
      info->n_items = dossier_library_pg_int (result, row, 8);
      info->n_notes = dossier_library_pg_int (result, row, 9);
      info->n_events = dossier_library_pg_int (result, row, 10);
      info->n_sources = dossier_library_pg_int (result, row, 11);
      info->n_entities = dossier_library_pg_int (result, row, 12);
      info->problem = dossier_library_pg_value (result, row, 13);
      info->problem_line = dossier_library_pg_int (result, row, 14);
      g_ptr_array_add (cases, info);
    }
  return g_steal_pointer (&cases);
}

/* More terms than this for a prefix are listed by the server itself. */
#define MAX_TERMS 256

static GPtrArray *
list_terms (char        kind,
            const char *value,
            gboolean    prefix,
            gpointer    user_data)
{
  DossierLibraryPg *self = user_data;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) result = NULL;
  g_autofree char *after = g_strdup (value);
  g_autofree char *limit = g_strdup_printf ("%d", MAX_TERMS + 1);
  char kind_text[2] = { kind, '\0' };
  gsize len = strlen (after);

  if (!prefix)
    {
      const char *values[] = { kind_text, value };

      result = read_rows (self, "SELECT term FROM terms WHERE kind = $1 AND term = $2", 2, values, NULL);
    }
  else if (len > 0 && (guchar) after[len - 1] < 0xff)
    {
      const char *values[] = { kind_text, value, after, limit };

      /* The first string after all that begin with @value. */
      after[len - 1]++;
      result = read_rows (self,
                          "SELECT term FROM terms WHERE kind = $1 AND term >= $2 AND term < $3"
                          " ORDER BY term LIMIT $4::integer", 4, values, NULL);
    }
  if (result == NULL || PQntuples (result) > MAX_TERMS)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (terms, g_strdup (PQgetvalue (result, row, 0)));
  return g_steal_pointer (&terms);
}

static GPtrArray *
pg_search (DossierLibraryStore  *store,
           DossierSearchQuery   *query,
           guint                 max_results,
           GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_hit_free);
  g_autoptr(DossierLibraryPgQuery) where = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(PGresult) result = NULL;

  if (dossier_search_query_is_empty (query))
    return g_steal_pointer (&hits);
  where = dossier_library_pg_query_new (query, list_terms, self);
  sql = g_string_new ("SELECT i.path, c.title, i.section, i.item_id, i.item_index, i.title, i.body"
                      " FROM items i JOIN cases c ON c.id = i.case_ref WHERE ");
  g_string_append (sql, where->where->str);
  g_string_append (sql, " ORDER BY i.path, i.place");
  if (max_results > 0)
    {
      g_ptr_array_add (where->params, g_strdup_printf ("%u", max_results));
      g_string_append_printf (sql, " LIMIT $%u::integer", where->params->len);
    }
  result = read_rows (self, sql->str, where->params->len,
                      (const char * const *) where->params->pdata, error);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      DossierLibraryHit *hit = g_new0 (DossierLibraryHit, 1);

      hit->path = dossier_library_pg_value (result, row, 0);
      hit->case_title = dossier_library_pg_value (result, row, 1);
      hit->section = dossier_library_pg_int (result, row, 2);
      hit->item_id = dossier_library_pg_value (result, row, 3);
      hit->item_index = dossier_library_pg_int (result, row, 4);
      hit->title = dossier_library_pg_value (result, row, 5);
      hit->snippet = dossier_library_excerpt (PQgetvalue (result, row, 6), query);
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

static gboolean
pg_is_read_only (DossierLibraryStore *store)
{
  return DOSSIER_LIBRARY_PG (store)->link->read_only;
}

static gboolean
pg_is_shared (DossierLibraryStore *store)
{
  return TRUE;
}

static GBytes *
pg_get_case_file (DossierLibraryStore  *store,
                  const char           *path,
                  char                **out_sha256,
                  GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  const char *values[] = { path };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *have = NULL;

  if (!drain (self, error) || !dossier_library_pg_link_ensure (self->link, error))
    return NULL;
  /* The bytes come as they are (binary), not as text to decode. */
  result = PQexecParams (self->link->conn,
                         "SELECT f.sha256, f.bytes FROM cases c JOIN case_files f"
                         " ON f.sha256 = c.file_sha256 WHERE c.path = $1",
                         1, NULL, values, NULL, NULL, 1);
  if (result == NULL || PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dossier_library_pg_fail (self->link->conn, result, error);
      return NULL;
    }
  if (PQntuples (result) == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The team library keeps no file for %s"), path);
      return NULL;
    }
  bytes = g_bytes_new (PQgetvalue (result, 0, 1), PQgetlength (result, 0, 1));
  have = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (PQgetlength (result, 0, 0) != 64 || memcmp (have, PQgetvalue (result, 0, 0), 64) != 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                   _("The team library's copy of %s is damaged: its SHA-256 is not the one "
                     "it was kept under"), path);
      return NULL;
    }
  if (out_sha256 != NULL)
    *out_sha256 = g_steal_pointer (&have);
  return g_steal_pointer (&bytes);
}

/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */

static void
dossier_library_pg_finalize (GObject *object)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (object);

  if (self->stamps != NULL)
    pg_end_batch (DOSSIER_LIBRARY_STORE (self), NULL);
  close_lanes (self);
  g_clear_error (&self->lane_error);
  g_mutex_clear (&self->lane_lock);
  g_clear_pointer (&self->link, dossier_library_pg_link_free);

  G_OBJECT_CLASS (dossier_library_pg_parent_class)->finalize (object);
}

static void
dossier_library_pg_store_init (DossierLibraryStoreInterface *iface)
{
  iface->add_folder = pg_add_folder;
  iface->remove_folder = pg_remove_folder;
  iface->list_folders = pg_list_folders;
  iface->get_stamp = pg_get_stamp;
  iface->touch_case = pg_touch_case;
  iface->put_case = pg_put_case;
  iface->remove_case = pg_remove_case;
  iface->list_cases = pg_list_cases;
  iface->begin_batch = pg_begin_batch;
  iface->end_batch = pg_end_batch;
  iface->search = pg_search;
  iface->is_read_only = pg_is_read_only;
  iface->is_shared = pg_is_shared;
  iface->get_case_file = pg_get_case_file;
}

static void
dossier_library_pg_class_init (DossierLibraryPgClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_library_pg_finalize;
}

static void
dossier_library_pg_init (DossierLibraryPg *self)
{
  g_mutex_init (&self->lane_lock);
}
