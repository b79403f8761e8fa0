/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "dossier-library-search.h"

#include "dossier-library-result.h"
#include "dossier-search-query.h"

struct _DossierLibrarySearch
{
  GObject               parent_instance;

  DossierLibraryClient *client;
  GListStore           *results;

  /* The open case's file, as the library writes paths, and with its
   * links resolved: either may be the one the library knows. */
  char                 *open_path;
  char                 *open_real_path;
  char                 *open_title;
  /* The open case's own index: its hits come from it, not the library. */
  DossierSearchIndex   *open_index;

  GCancellable         *search_cancellable;
  /* The answers of a search, kept until both are in. */
  guint                 n_pending;
  GPtrArray            *library_hits;
  GError               *library_error;
  GPtrArray            *case_hits;
  guint                 case_total;
  GCancellable         *list_cancellable;
  /* Bumped by every new text: an answer under an older number is stale. */
  guint                 generation;
  gboolean              busy;

  guint                 n_hits;
  guint                 n_cases;
  gboolean              truncated;
  int                   n_library_cases;
};

typedef struct
{
  DossierLibrarySearch *self;
  guint                 generation;
} SearchData;

G_DEFINE_FINAL_TYPE (DossierLibrarySearch, dossier_library_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_LIBRARY_CASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  LIBRARY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_cases (DossierLibrarySearch *self);

/* Helpers */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
update_busy (DossierLibrarySearch *self)
{
  gboolean busy = self->search_cancellable != NULL || self->list_cancellable != NULL;

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
is_open_path (DossierLibrarySearch *self,
              const char           *path)
{
  return g_strcmp0 (path, self->open_path) == 0 ||
         g_strcmp0 (path, self->open_real_path) == 0;
}

static void
clear_results (DossierLibrarySearch *self)
{
  g_list_store_remove_all (self->results);
  self->n_hits = 0;
  self->n_cases = 0;
  self->truncated = FALSE;
}

/* Appends the hits of @path from @hits (taking them) after its header. */
static void
add_case (DossierLibrarySearch *self,
          GPtrArray            *items,
          GPtrArray            *hits,
          const char           *path)
{
  gboolean is_open = is_open_path (self, path);
  const char *case_title = NULL;
  guint header = items->len;
  guint n = 0;

  g_ptr_array_add (items, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      DossierLibraryHit *hit = hits->pdata[i];

      if (hit == NULL || g_strcmp0 (hit->path, path) != 0)
        continue;

      if (case_title == NULL)
        case_title = hit->case_title;
      g_ptr_array_add (items, dossier_library_result_new_hit (hit, is_open));
      hits->pdata[i] = NULL;
      n++;
    }

  items->pdata[header] = dossier_library_result_new_case (path, case_title, is_open, n);
  self->n_hits += n;
  self->n_cases++;
}

/* Appends the open case's own hits (from its index) under its header,
 * and drops the library's hits of that file: the index knows the file
 * as it is open, and in-case search's order. */
static void
add_open_case (DossierLibrarySearch *self,
               GPtrArray            *items,
               GPtrArray            *hits)
{
  const char *path = self->open_path;

  for (guint i = 0; i < hits->len; i++)
    {
      DossierLibraryHit *hit = hits->pdata[i];

      if (is_open_path (self, hit->path))
        g_clear_pointer (&hits->pdata[i], dossier_library_hit_free);
    }

  if (self->case_hits->len == 0)
    return;

  g_ptr_array_add (items, dossier_library_result_new_case (path, self->open_title, TRUE,
                                                           self->case_hits->len));
  for (guint i = 0; i < self->case_hits->len; i++)
    g_ptr_array_add (items, dossier_library_result_new_search_hit (path, self->open_title,
                                                                   self->case_hits->pdata[i]));
  self->n_hits += self->case_hits->len;
  self->n_cases++;
  self->truncated = self->truncated || self->case_total > self->case_hits->len;
}

/* Groups @hits (by case file, as the library gives them) into headers
 * and hits, the open case first, and shows them. */
static void
show_hits (DossierLibrarySearch *self,
           GPtrArray            *hits)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  self->n_hits = 0;
  self->n_cases = 0;
  self->truncated = hits->len > DOSSIER_LIBRARY_SEARCH_MAX_HITS;
  if (self->truncated)
    g_ptr_array_set_size (hits, DOSSIER_LIBRARY_SEARCH_MAX_HITS);

  if (self->case_hits != NULL)
    add_open_case (self, items, hits);
  else
    for (guint i = 0; i < hits->len; i++)
      {
        DossierLibraryHit *hit = hits->pdata[i];

        if (is_open_path (self, hit->path))
          {
            g_autofree char *path = g_strdup (hit->path);

            add_case (self, items, hits, path);
            break;
          }
      }

  for (guint i = 0; i < hits->len; i++)
    {
      DossierLibraryHit *hit = hits->pdata[i];

      if (hit != NULL)
        {
          g_autofree char *path = g_strdup (hit->path);

          add_case (self, items, hits, path);
        }
    }

  g_list_store_splice (self->results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
}

static void
clear_answers (DossierLibrarySearch *self)
{
  self->n_pending = 0;
  g_clear_pointer (&self->library_hits, g_ptr_array_unref);
  g_clear_error (&self->library_error);
  g_clear_pointer (&self->case_hits, g_ptr_array_unref);
  self->case_total = 0;
}

/* Both answers are in: show them, or the library's error. */
static void
finish_search (DossierLibrarySearch *self)
{
  g_autoptr(GError) error = g_steal_pointer (&self->library_error);

  g_clear_object (&self->search_cancellable);

  /* An empty library has nothing to add to the case's own results: the
   * panel says how to fill it instead. */
  if (self->library_hits == NULL || self->n_library_cases == 0)
    clear_results (self);
  else
    show_hits (self, self->library_hits);

  clear_answers (self);
  update_busy (self);
  g_signal_emit (self, signals[FINISHED], 0, error);
}

/* Callbacks */

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SearchData *data = user_data;
  DossierLibrarySearch *self = data->self;
  guint generation = data->generation;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_free (data);

  hits = dossier_library_client_search_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error);

  /* Every search is cancelled before a new one starts or this object
   * goes: a cancelled search must not touch it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (generation != self->generation)
    return;

  self->library_hits = g_steal_pointer (&hits);
  self->library_error = g_steal_pointer (&error);
  if (--self->n_pending == 0)
    finish_search (self);
}

static void
on_case_search_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  SearchData *data = user_data;
  DossierLibrarySearch *self = data->self;
  guint generation = data->generation;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_free (data);

  hits = dossier_search_index_run_finish (DOSSIER_SEARCH_INDEX (source), result, &total, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (generation != self->generation)
    return;

  /* Without them the library's hits of the file stand in. */
  self->case_hits = g_steal_pointer (&hits);
  self->case_total = total;
  if (--self->n_pending == 0)
    finish_search (self);
}

static void
on_cases_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierLibrarySearch *self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  int n;

  cases = dossier_library_client_list_cases_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->list_cancellable);
  /* A library that cannot be read says so when searched; unknown here.
   * The open case counts for nothing: it is searched through its own
   * index, and Dossier puts every case it opens into the library. */
  n = -1;
  if (cases != NULL)
    {
      n = 0;
      for (guint i = 0; i < cases->len; i++)
        if (!is_open_path (self, ((DossierLibraryCaseInfo *) g_ptr_array_index (cases, i))->path))
          n++;
    }
  if (n != self->n_library_cases)
    {
      self->n_library_cases = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LIBRARY_CASES]);
    }
  update_busy (self);
  g_signal_emit (self, signals[LIBRARY_CHANGED], 0);
}

static void
on_library_changed_cb (DossierLibrarySearch *self)
{
  list_cases (self);
}

static void
list_cases (DossierLibrarySearch *self)
{
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);

  self->list_cancellable = g_cancellable_new ();
  dossier_library_client_list_cases_async (self->client, self->list_cancellable,
                                           on_cases_listed_cb, self);
  update_busy (self);
}

/* Overrides */

static void
dossier_library_search_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierLibrarySearch *self = DOSSIER_LIBRARY_SEARCH (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_N_LIBRARY_CASES:
      g_value_set_int (value, self->n_library_cases);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_library_search_dispose (GObject *object)
{
  DossierLibrarySearch *self = DOSSIER_LIBRARY_SEARCH (object);

  dossier_library_search_cancel (self);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->results);
  g_clear_object (&self->open_index);

  G_OBJECT_CLASS (dossier_library_search_parent_class)->dispose (object);
}

static void
dossier_library_search_finalize (GObject *object)
{
  DossierLibrarySearch *self = DOSSIER_LIBRARY_SEARCH (object);

  g_free (self->open_path);
  g_free (self->open_real_path);
  g_free (self->open_title);
  clear_answers (self);

  G_OBJECT_CLASS (dossier_library_search_parent_class)->finalize (object);
}

static void
dossier_library_search_class_init (DossierLibrarySearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_library_search_dispose;
  object_class->finalize = dossier_library_search_finalize;
  object_class->get_property = dossier_library_search_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_LIBRARY_CASES] =
    g_param_spec_int ("n-library-cases", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[LIBRARY_CHANGED] =
    g_signal_new ("library-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dossier_library_search_init (DossierLibrarySearch *self)
{
  self->results = g_list_store_new (DOSSIER_TYPE_LIBRARY_RESULT);
  self->n_library_cases = -1;
}

/* Public API */

DossierLibrarySearch *
dossier_library_search_new (DossierLibraryClient *client)
{
  DossierLibrarySearch *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (client), NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_SEARCH, NULL);
  self->client = g_object_ref (client);
  g_signal_connect_swapped (client, "changed", G_CALLBACK (on_library_changed_cb), self);
  list_cases (self);
  return self;
}

void
dossier_library_search_set_open_case (DossierLibrarySearch *self,
                                      GFile                *file,
                                      const char           *case_title,
                                      DossierSearchIndex   *index)
{
  g_autofree char *path = NULL;

  g_return_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (index == NULL || DOSSIER_IS_SEARCH_INDEX (index));

  g_clear_pointer (&self->open_path, g_free);
  g_clear_pointer (&self->open_real_path, g_free);
  g_clear_pointer (&self->open_title, g_free);
  g_clear_object (&self->open_index);

  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  self->open_path = g_canonicalize_filename (path, NULL);
  self->open_real_path = realpath (path, NULL);
  self->open_title = g_strdup (case_title);
  g_set_object (&self->open_index, index);
}

void
dossier_library_search_cancel (DossierLibrarySearch *self)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self));

  self->generation++;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  clear_answers (self);
  update_busy (self);
}

void
dossier_library_search_run (DossierLibrarySearch *self,
                            const char           *text)
{
  SearchData *data;

  g_return_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self));
  g_return_if_fail (text != NULL);

  dossier_library_search_cancel (self);

  if (is_blank (text))
    {
      clear_results (self);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  self->n_pending = 1;

  /* The open case is searched by its own index, in the same words (a
   * query it cannot parse the library reports). */
  if (self->open_index != NULL)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (text, NULL);

      if (query != NULL && !dossier_search_query_is_empty (query))
        {
          data = g_new0 (SearchData, 1);
          data->self = self;
          data->generation = self->generation;
          self->n_pending++;
          dossier_search_index_run_async (self->open_index, query, DOSSIER_LIBRARY_SEARCH_MAX_HITS,
                                          self->search_cancellable,
                                          on_case_search_done_cb, data);
        }
    }

  data = g_new0 (SearchData, 1);
  data->self = self;
  data->generation = self->generation;
  /* One more than is listed, to know there are more. */
  dossier_library_client_search_async (self->client, text,
                                       DOSSIER_LIBRARY_SEARCH_MAX_HITS + 1,
                                       self->search_cancellable,
                                       on_search_done_cb, data);
  update_busy (self);
}

GListModel *
dossier_library_search_get_model (DossierLibrarySearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self), NULL);

  return G_LIST_MODEL (self->results);
}

gboolean
dossier_library_search_is_busy (DossierLibrarySearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self), FALSE);

  return self->busy;
}

guint
dossier_library_search_get_n_hits (DossierLibrarySearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self), 0);

  return self->n_hits;
}

guint
dossier_library_search_get_n_cases (DossierLibrarySearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self), 0);

  return self->n_cases;
}

gboolean
dossier_library_search_is_truncated (DossierLibrarySearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self), FALSE);

  return self->truncated;
}

int
dossier_library_search_get_n_library_cases (DossierLibrarySearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SEARCH (self), -1);

  return self->n_library_cases;
}
