/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-index.h"

#include "dossier-search-private.h"

/* The index object: it lists the documents of a case, has them built
 * (dossier-search-build.c), and runs a query in three steps: which
 * documents match (dossier-search-evaluate.c), the best of them in
 * order (dossier-search-rank.c), and a hit for each
 * (dossier-search-hit.c). The layout is told in
 * dossier-search-private.h. */

G_DEFINE_FINAL_TYPE (DossierSearchIndex, dossier_search_index, G_TYPE_OBJECT)

static void
dossier_search_index_finalize (GObject *object)
{
  DossierSearchIndex *self = DOSSIER_SEARCH_INDEX (object);

  g_free (self->docs);
  g_free (self->stream);
  g_free (self->stream_start);
  g_free (self->term_chars);
  g_free (self->term_offset);
  g_free (self->term_rank);
  g_free (self->sorted);
  g_free (self->postings);
  g_free (self->post_start);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_search_index_parent_class)->finalize (object);
}

static void
dossier_search_index_class_init (DossierSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_search_index_finalize;
}

static void
dossier_search_index_init (DossierSearchIndex *self)
{
}

static DossierSearchIndex *
index_new_from_docs (DossierCase   *dcase,
                     GArray        *docs,
                     guint          n_parts,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(DossierSearchIndex) self = g_object_new (DOSSIER_TYPE_SEARCH_INDEX, NULL);

  self->dcase = g_object_ref (dcase);
  if (!dossier_search_index_build (self, docs, n_parts, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

DossierSearchIndex *
dossier_search_index_new (DossierCase *dcase)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);

  return index_new_from_docs (dcase, dossier_search_collect_documents (dcase), 0, NULL, NULL);
}

DossierSearchIndex *
dossier_search_index_new_in_parts (DossierCase *dcase,
                                   guint        n_parts)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (n_parts >= 1, NULL);

  return index_new_from_docs (dcase, dossier_search_collect_documents (dcase), n_parts, NULL, NULL);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GArray *docs = g_steal_pointer ((GArray **) task_data);
  GError *error = NULL;
  DossierSearchIndex *index;

  index = index_new_from_docs (DOSSIER_CASE (source_object), docs, 0, cancellable, &error);
  if (index == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, index, g_object_unref);
}

static void
free_docs_slot (gpointer data)
{
  GArray **slot = data;

  if (*slot != NULL)
    g_array_unref (*slot);
  g_free (slot);
}

void
dossier_search_index_new_async (DossierCase         *dcase,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GArray **slot;

  g_return_if_fail (DOSSIER_IS_CASE (dcase));

  task = g_task_new (dcase, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_search_index_new_async);
  /* The list stores are read here, in the caller's thread. */
  slot = g_new (GArray *, 1);
  *slot = dossier_search_collect_documents (dcase);
  g_task_set_task_data (task, slot, free_docs_slot);
  g_task_run_in_thread (task, build_thread);
}

DossierSearchIndex *
dossier_search_index_new_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

DossierCase *
dossier_search_index_get_case (DossierSearchIndex *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), NULL);

  return self->dcase;
}

guint
dossier_search_index_get_n_documents (DossierSearchIndex *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), 0);

  return self->n_docs;
}

guint
dossier_search_index_get_n_terms (DossierSearchIndex *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), 0);

  return self->n_terms;
}

gsize
dossier_search_index_get_size (DossierSearchIndex *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), 0);

  return sizeof *self
         + sizeof (Doc) * self->n_docs
         + self->stream_len
         + sizeof (guint32) * (self->n_docs + 1)
         + self->term_chars_len
         + sizeof (guint32) * (self->n_terms + 1) * 3
         + sizeof (guint32) * (self->n_terms + 1)
         + sizeof (guint32) * self->n_postings;
}

GPtrArray *
dossier_search_index_run (DossierSearchIndex  *self,
                          DossierSearchQuery  *query,
                          guint                max_results,
                          guint               *out_total,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GArray) best = NULL;
  GPtrArray *hits;
  Run run = { 0, };
  DocSet result;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_total != NULL)
    *out_total = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (dossier_search_query_is_empty (query))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);

  dossier_search_run_init (&run, self, query, cancellable);

  if (!dossier_search_run_evaluate (&run, query, &result, error))
    {
      dossier_search_run_clear (&run);
      return NULL;
    }

  if (out_total != NULL)
    *out_total = result.n;

  best = dossier_search_run_rank (&run, &result, max_results, error);
  dossier_search_docset_clear (&result);
  if (best == NULL)
    {
      dossier_search_run_clear (&run);
      return NULL;
    }

  hits = dossier_search_run_make_hits (&run, best, error);
  dossier_search_run_clear (&run);
  return hits;
}

typedef struct
{
  DossierSearchQuery *query;
  guint               max_results;
  guint               total;
} RunData;

static void
run_data_free (RunData *data)
{
  dossier_search_query_unref (data->query);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  GError *error = NULL;
  GPtrArray *hits;

  hits = dossier_search_index_run (DOSSIER_SEARCH_INDEX (source_object), data->query,
                                   data->max_results, &data->total, cancellable, &error);
  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

void
dossier_search_index_run_async (DossierSearchIndex  *self,
                                DossierSearchQuery  *query,
                                guint                max_results,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (DOSSIER_IS_SEARCH_INDEX (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_search_index_run_async);
  data = g_new0 (RunData, 1);
  data->query = dossier_search_query_ref (query);
  data->max_results = max_results;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

GPtrArray *
dossier_search_index_run_finish (DossierSearchIndex  *self,
                                 GAsyncResult        *result,
                                 guint               *out_total,
                                 GError             **error)
{
  GPtrArray *hits;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (out_total != NULL)
    *out_total = hits != NULL ? ((RunData *) g_task_get_task_data (G_TASK (result)))->total : 0;
  return hits;
}
