/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-private.h"

/* The order of the hits: items whose title holds every word first, then
 * items where the words stand next to each other as typed, then the
 * rest; inside each group by date, oldest first, undated items last in
 * the order of the file. Only the best are kept, in a heap. */

/* TRUE when @a comes before @b. */
static inline gboolean
ranked_before (const Ranked *a,
               const Ranked *b)
{
  if (a->tier != b->tier)
    return a->tier > b->tier;
  if (a->key != b->key)
    return a->key < b->key;
  return a->doc < b->doc;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  if (ranked_before (a, b))
    return -1;
  return ranked_before (b, a) ? 1 : 0;
}

static gboolean
title_matches (Run     *run,
               guint32  d)
{
  if (run->title_clauses->len == 0)
    return FALSE;

  dossier_search_index_decode_stream (run->index, d, TRUE, run->ranks);
  for (guint i = 0; i < run->title_clauses->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (run->title_clauses, i);
      gboolean any = FALSE;

      for (guint k = 0; k < group->len && !any; k++)
        {
          const Matcher *m = g_ptr_array_index (group, k);

          any = dossier_search_ranks_have_sequence ((const guint32 *) run->ranks->data,
                                                    run->ranks->len, m->slots, m->n_slots);
        }
      if (!any)
        return FALSE;
    }
  return TRUE;
}

static guint8
rank_tier (Run     *run,
           guint32  d)
{
  guint8 tier = 0;

  if (title_matches (run, d))
    tier |= 2;
  if (run->sequence->len > 0
      && dossier_search_run_doc_has_sequence (run, d, (const Slot *) run->sequence->data,
                                              run->sequence->len, FALSE))
    tier |= 1;
  return tier;
}

static void
heap_sift_down (Ranked *heap,
                guint   n,
                guint   i)
{
  /* A heap whose root is the worst kept hit. */
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, worst = i;
      Ranked tmp;

      if (l < n && ranked_before (&heap[worst], &heap[l]))
        worst = l;
      if (r < n && ranked_before (&heap[worst], &heap[r]))
        worst = r;
      if (worst == i)
        return;
      tmp = heap[i];
      heap[i] = heap[worst];
      heap[worst] = tmp;
      i = worst;
    }
}

static void
heap_sift_up (Ranked *heap,
              guint   i)
{
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Ranked tmp;

      if (!ranked_before (&heap[parent], &heap[i]))
        return;
      tmp = heap[i];
      heap[i] = heap[parent];
      heap[parent] = tmp;
      i = parent;
    }
}

GArray *
dossier_search_run_rank (Run           *run,
                         const DocSet  *set,
                         guint          max,
                         GError       **error)
{
  guint keep = max == 0 ? set->n : MIN (max, set->n);
  GArray *best = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), keep);
  Ranked *heap;
  guint n = 0;

  g_array_set_size (best, keep);
  heap = (Ranked *) best->data;

  for (guint i = 0; i < set->n; i++)
    {
      const Doc *doc = &run->index->docs[set->ids[i]];
      Ranked r;

      if ((i & 1023) == 1023 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        {
          g_array_unref (best);
          return NULL;
        }

      r.doc = set->ids[i];
      r.tier = rank_tier (run, r.doc);
      r.key = doc->has_date ? doc->date_key : G_MAXINT64;

      if (n < keep)
        {
          heap[n] = r;
          heap_sift_up (heap, n);
          n++;
        }
      else if (keep > 0 && ranked_before (&r, &heap[0]))
        {
          heap[0] = r;
          heap_sift_down (heap, n, 0);
        }
    }

  g_array_sort (best, compare_ranked);
  return best;
}
