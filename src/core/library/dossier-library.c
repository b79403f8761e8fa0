/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-library-private.h"

/* Keeping a library fresh: the folders walked for case files, each
 * file's time and size compared with what the store holds, its SHA-256
 * when they differ, and a changed case loaded and stored again. */

#define CASE_SUFFIX ".case.xml"
/* A file still changing after this many reads is stored as last read. */
#define MAX_READS 3

static gboolean
stat_file (const char          *path,
           DossierLibraryStamp *stamp)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  stamp->size = st.st_size;
  stamp->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  return TRUE;
}

/* The first problem of @message ("PATH:LINE:COLUMN: error: ..." lines),
 * without the path, and its line. */
static void
first_problem (const char             *path,
               const char             *message,
               DossierLibraryCaseInfo *info)
{
  const char *end = strchr (message, '\n');
  g_autofree char *first = end != NULL ? g_strndup (message, end - message) : g_strdup (message);
  gsize n = strlen (path);
  const char *rest = first;

  if (strncmp (first, path, n) == 0 && first[n] == ':')
    {
      char *after = NULL;
      guint64 line;

      rest = first + n + 1;
      line = g_ascii_strtoull (rest, &after, 10);
      if (after != rest && *after == ':')
        {
          info->problem_line = (guint) MIN (line, G_MAXUINT);
          /* Past the column too, to "error: ...". */
          rest = after + 1;
          g_ascii_strtoull (rest, &after, 10);
          if (*after == ':')
            rest = after + 1;
          while (*rest == ' ')
            rest++;
        }
    }
  info->problem = g_strdup (rest);
}

static guint
n_items_of (GListModel *list)
{
  return list != NULL ? g_list_model_get_n_items (list) : 0;
}

static char *
plain_title (DossierCase *dcase)
{
  const DossierInline *title = dossier_case_get_title (dcase);

  return title != NULL ? dossier_inline_to_plain (title) : NULL;
}

static void
describe_case (DossierCase            *dcase,
               GPtrArray              *items,
               DossierLibraryCaseInfo *info)
{
  const DossierDate *updated = dossier_case_get_updated (dcase);

  info->case_id = g_strdup (dossier_case_get_id (dcase));
  info->title = plain_title (dcase);
  switch (dossier_case_get_status (dcase))
    {
    case DOSSIER_CASE_STATUS_OPEN:
      info->status = g_strdup ("open");
      break;
    case DOSSIER_CASE_STATUS_CLOSED:
      info->status = g_strdup ("closed");
      break;
    case DOSSIER_CASE_STATUS_NONE:
    default:
      break;
    }
  info->updated = updated != NULL ? g_strdup (dossier_date_get_text (updated)) : NULL;
  info->n_items = items->len;
  info->n_notes = n_items_of (dossier_case_get_notes (dcase));
  info->n_events = n_items_of (dossier_case_get_events (dcase));
  info->n_sources = n_items_of (dossier_case_get_sources (dcase));
  info->n_entities = n_items_of (dossier_case_get_entities (dcase));
}

/* Reads @path once: its bytes, stamp and, if @hash, SHA-256 (else the
 * loader's is taken, computed as it parses). */
static GBytes *
read_file (const char          *path,
           DossierLibraryStamp *stamp,
           gboolean             hash)
{
  char *contents = NULL;
  gsize length = 0;

  if (!stat_file (path, stamp) || stamp->size > DOSSIER_CASE_MAX_FILE_SIZE
      || !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  if (hash)
    stamp->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  return g_bytes_new_take (contents, length);
}

/* Loads the file and stores it, loaded or not. */
static gboolean
store_file (DossierLibraryStore  *store,
            const char           *path,
            GBytes               *bytes,
            DossierLibraryStamp  *stamp,
            GError              **error)
{
  g_autoptr(DossierLibraryCaseInfo) info = g_new0 (DossierLibraryCaseInfo, 1);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (bytes != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      dcase = dossier_case_load_bytes (bytes, path, folder, NULL, NULL, NULL, &load_error);
    }
  else
    dcase = dossier_case_load_with_name (file, path, NULL, NULL, NULL, &load_error);

  info->path = g_strdup (path);
  info->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  info->stamp = *stamp;
  info->stamp.sha256 = g_strdup (stamp->sha256);
  if (dcase != NULL && info->stamp.sha256 == NULL)
    info->stamp.sha256 = g_strdup (dossier_case_get_sha256 (dcase));
  if (dcase != NULL)
    {
      items = dossier_library_collect_items (dcase);
      describe_case (dcase, items, info);
    }
  else
    first_problem (path, load_error->message, info);

  return dossier_library_store_put_case (store, info, items, error);
}

/* What indexing one file did. */
typedef enum
{
  OUTCOME_SAME,       /* its size and time are those stored */
  OUTCOME_TOUCHED,    /* they changed, its SHA-256 did not */
  OUTCOME_READ,       /* read and stored again */
  OUTCOME_GONE,       /* no longer a file */
} Outcome;

static gboolean
index_file (DossierLibraryStore  *store,
            const char           *path,
            Outcome              *out_outcome,
            GError              **error)
{
  DossierLibraryStamp known = { 0, };
  DossierLibraryStamp now = { 0, };
  gboolean have_known;
  gboolean ok = TRUE;

  *out_outcome = OUTCOME_SAME;
  have_known = dossier_library_store_get_stamp (store, path, &known);
  if (!stat_file (path, &now))
    {
      dossier_library_stamp_clear (&known);
      *out_outcome = OUTCOME_GONE;
      return have_known ? dossier_library_store_remove_case (store, path, error) : TRUE;
    }
  if (have_known && known.size == now.size && known.mtime == now.mtime)
    {
      dossier_library_stamp_clear (&known);
      return TRUE;
    }

  for (guint reads = 0; reads < MAX_READS; reads++)
    {
      g_autoptr(GBytes) bytes = NULL;
      DossierLibraryStamp after = { 0, };

      dossier_library_stamp_clear (&now);
      bytes = read_file (path, &now, have_known);
      if (have_known && now.sha256 != NULL && g_strcmp0 (known.sha256, now.sha256) == 0)
        {
          /* Touched, not changed. */
          ok = dossier_library_store_touch_case (store, path, &now, error);
          if (*out_outcome != OUTCOME_READ)
            *out_outcome = OUTCOME_TOUCHED;
          break;
        }
      ok = store_file (store, path, bytes, &now, error);
      *out_outcome = OUTCOME_READ;
      /* Changed while it was read: read it again. */
      if (!ok || !stat_file (path, &after)
          || (after.size == now.size && after.mtime == now.mtime))
        break;
    }
  dossier_library_stamp_clear (&known);
  dossier_library_stamp_clear (&now);
  return ok;
}

gboolean
dossier_library_index_file (DossierLibraryStore  *store,
                            const char           *path,
                            gboolean             *out_read,
                            GError              **error)
{
  Outcome outcome;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ok = index_file (store, path, &outcome, error);
  if (out_read != NULL)
    *out_read = outcome == OUTCOME_READ;
  return ok;
}

gboolean
dossier_library_add_folder (DossierLibraryStore  *store,
                            const char           *path,
                            GError              **error)
{
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  if (!g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_A_FOLDER,
                   _("%s is not a folder"), path);
      return FALSE;
    }
  return dossier_library_store_add_folder (store, absolute, error);
}

/* Whether @path is @folder's (both absolute, canonical): below it, or
 * the entry itself when it is a case file kept on its own. */
static gboolean
is_below (const char *path,
          const char *folder)
{
  gsize n = strlen (folder);

  if (strncmp (path, folder, n) != 0)
    return FALSE;
  return path[n] == '\0' || path[n] == G_DIR_SEPARATOR
         || (n > 0 && folder[n - 1] == G_DIR_SEPARATOR);
}

static gboolean
is_below_any (const char         *path,
              const char * const *folders)
{
  for (guint i = 0; folders[i] != NULL; i++)
    if (is_below (path, folders[i]))
      return TRUE;
  return FALSE;
}

gboolean
dossier_library_remove_folder (DossierLibraryStore  *store,
                               const char           *path,
                               GError              **error)
{
  g_autofree char *absolute = NULL;
  g_auto(GStrv) folders = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  folders = dossier_library_store_list_folders (store, error);
  if (folders == NULL)
    return FALSE;
  if (!g_strv_contains ((const char * const *) folders, absolute))
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_IN_LIBRARY,
                   _("%s is not a folder of the library"), path);
      return FALSE;
    }
  if (!dossier_library_store_remove_folder (store, absolute, error))
    return FALSE;

  /* The folder is off the list first: a crash before its cases are
   * dropped leaves cases that the next update drops. */
  g_clear_pointer (&folders, g_strfreev);
  folders = dossier_library_store_list_folders (store, error);
  cases = folders != NULL ? dossier_library_store_list_cases (store, error) : NULL;
  if (cases == NULL)
    return FALSE;
  /* Many cases a transaction, as an update writes them. */
  if (!dossier_library_store_begin_batch (store, error))
    return FALSE;
  for (guint i = 0; ok && i < cases->len; i++)
    {
      const DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);

      if (is_below (info->path, absolute)
          && !is_below_any (info->path, (const char * const *) folders))
        ok = dossier_library_store_remove_case (store, info->path, error);
    }
  return dossier_library_store_end_batch (store, ok ? error : NULL) && ok;
}

gboolean
dossier_library_is_case_file_name (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_str_has_suffix (name, CASE_SUFFIX);
}

/* Adds every *.case.xml under @folder to @found, sorted by path. Links
 * to folders are not followed, so a loop of links ends. */
static void
find_cases (const char *folder,
            GPtrArray  *found)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          if (dossier_library_is_case_file_name (name) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (found, g_steal_pointer (&path));
        }
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_cases (path, found);
      else if (dossier_library_is_case_file_name (name))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
update_files (DossierLibraryStore         *store,
              DossierLibraryProgressFunc   progress,
              gpointer                     progress_data,
              DossierLibraryUpdate        *out_update,
              GCancellable                *cancellable,
              GError                     **error)
{
  g_auto(GStrv) folders = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) here = g_ptr_array_new ();
  gboolean shared = dossier_library_store_is_shared (store);
  DossierLibraryUpdate update = { 0, };

  folders = dossier_library_store_list_folders (store, error);
  if (folders == NULL)
    return FALSE;
  for (guint i = 0; folders[i] != NULL; i++)
    {
      /* A case opened in Dossier is kept as an entry of its own. */
      if (g_str_has_suffix (folders[i], CASE_SUFFIX)
          && g_file_test (folders[i], G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, g_strdup (folders[i]));
      else
        find_cases (folders[i], found);
      if (g_file_test (folders[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (here, folders[i]);
    }
  g_ptr_array_add (here, NULL);
  g_ptr_array_sort (found, compare_paths);
  /* The same file under two folders is one case. */
  for (guint i = found->len; i > 1; i--)
    if (strcmp (g_ptr_array_index (found, i - 1), g_ptr_array_index (found, i - 2)) == 0)
      g_ptr_array_remove_index (found, i - 1);
  update.n_files = found->len;

  for (guint i = 0; i < found->len; i++)
    {
      const char *path = g_ptr_array_index (found, i);
      Outcome outcome;

      g_hash_table_add (seen, (gpointer) path);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!index_file (store, path, &outcome, error))
        return FALSE;
      if (outcome == OUTCOME_READ)
        update.n_read++;
      else if (outcome == OUTCOME_TOUCHED)
        update.n_unchanged++;
      if (progress != NULL)
        progress (i + 1, found->len, path, progress_data);
    }

  cases = dossier_library_store_list_cases (store, error);
  if (cases == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    {
      const DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);

      if (info->problem != NULL && g_hash_table_contains (seen, info->path))
        update.n_failed++;
      if (g_hash_table_contains (seen, info->path))
        continue;
      /* In a team library, a case of a folder that is not on this
       * computer is a colleague's. */
      if (shared && !is_below_any (info->path, (const char * const *) here->pdata))
        continue;
      if (!dossier_library_store_remove_case (store, info->path, error))
        return FALSE;
      update.n_removed++;
    }

  if (out_update != NULL)
    *out_update = update;
  return TRUE;
}

gboolean
dossier_library_update (DossierLibraryStore         *store,
                        DossierLibraryProgressFunc   progress,
                        gpointer                     progress_data,
                        DossierLibraryUpdate        *out_update,
                        GCancellable                *cancellable,
                        GError                     **error)
{
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (store), FALSE);

  /* A reader of a team library leaves it to its writers. */
  if (dossier_library_store_is_read_only (store))
    {
      if (out_update != NULL)
        *out_update = (DossierLibraryUpdate) { 0, };
      return TRUE;
    }
  /* Many cases a transaction (dossier_library_store_begin_batch()). */
  if (!dossier_library_store_begin_batch (store, error))
    return FALSE;
  ok = update_files (store, progress, progress_data, out_update, cancellable, error);
  return dossier_library_store_end_batch (store, ok ? error : NULL) && ok;
}
