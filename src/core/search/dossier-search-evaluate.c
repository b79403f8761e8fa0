/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-search-private.h"

/* Which documents a parsed query matches. Each atom becomes a Matcher
 * (the ranks of its terms); the clauses are sets of documents taken
 * from the postings, intersected smallest first; predicates are checked
 * on what is left, then phrases in the streams of the few documents
 * left, then the excluded atoms are taken out. */

static void
matcher_free (Matcher *m)
{
  g_free (m->slots);
  g_free (m->marks);
  g_free (m);
}

void
dossier_search_docset_clear (DocSet *set)
{
  g_clear_pointer (&set->owned, g_free);
  set->ids = NULL;
  set->n = 0;
}

static void
docset_take (DocSet  *set,
             guint32 *ids,
             guint    n)
{
  set->owned = ids;
  set->ids = ids;
  set->n = n;
  set->verify = NULL;
}

static Matcher *
matcher_new (const DossierSearchIndex *index,
             const DossierSearchAtom  *atom)
{
  Matcher *m = g_new0 (Matcher, 1);

  m->atom = atom;
  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_WORDS:
      /* Quoted words are exact: no other number. */
      m->slots = dossier_search_index_slots (index, "", atom->tokens, atom->prefix, !atom->quoted,
                                   &m->n_slots);
      m->adjacent = TRUE;
      m->marks = g_memdup2 (m->slots, sizeof (Slot) * MAX (m->n_slots, 1));
      m->n_marks = m->n_slots;
      m->marks_adjacent = TRUE;
      break;

    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_AUTHOR:
    case DOSSIER_SEARCH_ATOM_CITES:
      {
        const char *prefix = atom->kind == DOSSIER_SEARCH_ATOM_TAG ? TERM_TAG
                             : atom->kind == DOSSIER_SEARCH_ATOM_AUTHOR ? TERM_AUTHOR
                             : TERM_CITES;

        m->slots = dossier_search_index_slots (index, prefix, atom->tokens, atom->prefix, FALSE,
                                     &m->n_slots);
        m->adjacent = FALSE;
        if (atom->kind != DOSSIER_SEARCH_ATOM_CITES)
          {
            g_auto(GStrv) words = dossier_search_text_tokenize (atom->text, -1);

            m->marks = dossier_search_index_slots (index, "", words, atom->prefix, FALSE, &m->n_marks);
            m->marks_adjacent = atom->kind == DOSSIER_SEARCH_ATOM_TAG;
            m->marks_field = atom->kind == DOSSIER_SEARCH_ATOM_TAG ? "tags" : "author";
          }
      }
      break;

    case DOSSIER_SEARCH_ATOM_BEFORE:
    case DOSSIER_SEARCH_ATOM_AFTER:
      m->date_key = dossier_date_get_sort_key (atom->date);
      break;

    case DOSSIER_SEARCH_ATOM_IN:
    case DOSSIER_SEARCH_ATOM_CERTAINTY:
    default:
      break;
    }
  return m;
}

static gboolean
is_predicate (const DossierSearchAtom *atom)
{
  return atom->kind == DOSSIER_SEARCH_ATOM_IN
         || atom->kind == DOSSIER_SEARCH_ATOM_CERTAINTY
         || atom->kind == DOSSIER_SEARCH_ATOM_BEFORE
         || atom->kind == DOSSIER_SEARCH_ATOM_AFTER;
}

/* Whether document @d passes a predicate atom, ignoring negation. */
static gboolean
predicate_holds (const DossierSearchIndex *index,
                 const Matcher            *m,
                 guint32                   d)
{
  const DossierSearchAtom *atom = m->atom;
  const Doc *doc = &index->docs[d];

  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_IN:
      return doc->section == atom->section;
    case DOSSIER_SEARCH_ATOM_CERTAINTY:
      return (doc->certainties & (1u << atom->certainty)) != 0;
    case DOSSIER_SEARCH_ATOM_BEFORE:
      return doc->has_date && doc->date_key < m->date_key;
    case DOSSIER_SEARCH_ATOM_AFTER:
      return doc->has_date && doc->date_key >= m->date_key;
    case DOSSIER_SEARCH_ATOM_WORDS:
    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_AUTHOR:
    case DOSSIER_SEARCH_ATOM_CITES:
    default:
      g_assert_not_reached ();
      return FALSE;
    }
}

gboolean
dossier_search_run_doc_has_sequence (Run        *run,
                                     guint32     d,
                                     const Slot *slots,
                                     guint       n,
                                     gboolean    title_only)
{
  dossier_search_index_decode_stream (run->index, d, title_only, run->ranks);
  return dossier_search_ranks_have_sequence ((const guint32 *) run->ranks->data,
                                             run->ranks->len, slots, n);
}

/* The documents set in @bitmap, in order; clears @bitmap. */
static guint32 *
bitmap_to_ids (Run     *run,
               guint32 *bitmap,
               guint   *n_out)
{
  guint words = (run->index->n_docs + 31) / 32;
  guint n = 0;
  guint32 *ids;

  for (guint w = 0; w < words; w++)
    n += __builtin_popcount (bitmap[w]);
  ids = g_new (guint32, MAX (n, 1));
  n = 0;
  for (guint w = 0; w < words; w++)
    {
      guint32 bits = bitmap[w];

      while (bits != 0)
        {
          ids[n++] = w * 32 + __builtin_ctz (bits);
          bits &= bits - 1;
        }
      bitmap[w] = 0;
    }
  *n_out = n;
  return ids;
}

static void
slot_postings (Run        *run,
               const Slot *slot,
               DocSet     *out)
{
  const DossierSearchIndex *index = run->index;
  guint n_terms = 0;
  const RankRange *only = NULL;

  memset (out, 0, sizeof *out);
  for (guint k = 0; k < slot->n; k++)
    if (slot->form[k].hi > slot->form[k].lo)
      {
        n_terms += slot->form[k].hi - slot->form[k].lo;
        only = &slot->form[k];
      }
  if (n_terms == 0)
    return;
  if (n_terms == 1)
    {
      out->ids = index->postings + index->post_start[only->lo];
      out->n = index->post_start[only->hi] - index->post_start[only->lo];
      return;
    }

  /* A prefix, or several forms: the union of many lists, through a
   * bitmap. */
  for (guint k = 0; k < slot->n; k++)
    for (guint32 i = index->post_start[slot->form[k].lo]; i < index->post_start[slot->form[k].hi]; i++)
      {
        guint32 d = index->postings[i];

        run->bitmap[d >> 5] |= 1u << (d & 31);
      }
  {
    guint n;
    guint32 *ids = bitmap_to_ids (run, run->bitmap, &n);

    docset_take (out, ids, n);
  }
}

/* Intersects @a with @b into a new set (or @a's own storage). */
static void
intersect (DocSet       *a,
           const DocSet *b)
{
  guint32 *out = a->owned != NULL ? a->owned : g_new (guint32, MAX (MIN (a->n, b->n), 1));
  guint n = 0;

  if (b->n > a->n * 16)
    {
      guint lo = 0;

      for (guint i = 0; i < a->n; i++)
        {
          guint32 x = a->ids[i];
          guint step = 1, hi;

          /* Gallop, then binary search. */
          while (lo + step < b->n && b->ids[lo + step] < x)
            step *= 2;
          hi = MIN (lo + step + 1, b->n);
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (b->ids[mid] < x)
                lo = mid + 1;
              else
                hi = mid;
            }
          if (lo < b->n && b->ids[lo] == x)
            out[n++] = x;
        }
    }
  else
    {
      guint i = 0, j = 0;

      while (i < a->n && j < b->n)
        {
          if (a->ids[i] < b->ids[j])
            i++;
          else if (a->ids[i] > b->ids[j])
            j++;
          else
            {
              out[n++] = a->ids[i];
              i++;
              j++;
            }
        }
    }

  a->owned = out;
  a->ids = out;
  a->n = n;
}

static void
subtract (DocSet       *a,
          const DocSet *b)
{
  guint32 *out = a->owned != NULL ? a->owned : g_new (guint32, MAX (a->n, 1));
  guint n = 0, j = 0;

  for (guint i = 0; i < a->n; i++)
    {
      while (j < b->n && b->ids[j] < a->ids[i])
        j++;
      if (j < b->n && b->ids[j] == a->ids[i])
        continue;
      out[n++] = a->ids[i];
    }
  a->owned = out;
  a->ids = out;
  a->n = n;
}

static void
verify_set (Run           *run,
            DocSet        *set,
            const Matcher *m)
{
  guint32 *out = set->owned != NULL ? set->owned : g_new (guint32, MAX (set->n, 1));
  guint n = 0;

  for (guint i = 0; i < set->n; i++)
    if (dossier_search_run_doc_has_sequence (run, set->ids[i], m->slots, m->n_slots, FALSE))
      out[n++] = set->ids[i];
  set->owned = out;
  set->ids = out;
  set->n = n;
  set->verify = NULL;
}

static void
all_docs (Run    *run,
          DocSet *out)
{
  guint n = run->index->n_docs;
  guint32 *ids = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    ids[i] = i;
  docset_take (out, ids, n);
}

/* The documents an atom holds for, ignoring its negation. Words made of
 * several tokens are left to verify (set->verify) when @defer. */
static void
atom_docs (Run           *run,
           const Matcher *m,
           gboolean       defer,
           DocSet        *out)
{
  const DossierSearchAtom *atom = m->atom;

  memset (out, 0, sizeof *out);

  if (is_predicate (atom))
    {
      guint32 *ids = g_new (guint32, MAX (run->index->n_docs, 1));
      guint n = 0;

      for (guint32 d = 0; d < run->index->n_docs; d++)
        if (predicate_holds (run->index, m, d))
          ids[n++] = d;
      docset_take (out, ids, n);
      return;
    }

  if (m->n_slots == 0)
    return;

  {
    g_autofree DocSet *sets = g_new0 (DocSet, m->n_slots);
    guint smallest = 0;

    for (guint i = 0; i < m->n_slots; i++)
      {
        slot_postings (run, &m->slots[i], &sets[i]);
        if (sets[i].n < sets[smallest].n)
          smallest = i;
      }

    *out = sets[smallest];
    sets[smallest].owned = NULL;
    if (out->owned == NULL && m->n_slots > 1)
      {
        /* Keep the postings intact: intersect into a copy. */
        docset_take (out, g_memdup2 (out->ids, sizeof (guint32) * MAX (out->n, 1)), out->n);
      }
    for (guint i = 0; i < m->n_slots; i++)
      {
        if (i != smallest)
          intersect (out, &sets[i]);
        dossier_search_docset_clear (&sets[i]);
      }
  }

  if (m->adjacent && m->n_slots > 1)
    {
      if (defer)
        out->verify = m;
      else
        verify_set (run, out, m);
    }
}

static void
complement (Run    *run,
            DocSet *set)
{
  DocSet all;

  all_docs (run, &all);
  subtract (&all, set);
  dossier_search_docset_clear (set);
  *set = all;
}

/* An OR of atoms: a union through a bitmap of its own, since finding
 * an atom's documents (a prefix) may use the run's. */
static void
clause_docs (Run       *run,
             GPtrArray *matchers,
             DocSet    *out)
{
  g_autofree guint32 *bitmap = g_new0 (guint32, (run->index->n_docs + 31) / 32 + 1);

  for (guint i = 0; i < matchers->len; i++)
    {
      const Matcher *m = g_ptr_array_index (matchers, i);
      DocSet set;

      atom_docs (run, m, FALSE, &set);
      if (m->atom->negated)
        complement (run, &set);
      for (guint k = 0; k < set.n; k++)
        bitmap[set.ids[k] >> 5] |= 1u << (set.ids[k] & 31);
      dossier_search_docset_clear (&set);
    }
  {
    guint n;
    guint32 *ids = bitmap_to_ids (run, bitmap, &n);

    docset_take (out, ids, n);
  }
}

static int
compare_set_size (gconstpointer a,
                  gconstpointer b)
{
  const DocSet *x = a, *y = b;

  return (x->n > y->n) - (x->n < y->n);
}

/* Sorts the clauses of the query: a clause of one predicate (in:,
 * certainty:, before:, after:) is a filter, one of a negated atom an
 * exclusion; each other clause gives a set of documents, its words of
 * several tokens left to verify. FALSE and @error when cancelled. */
static gboolean
sort_clauses (Run        *run,
              GPtrArray  *clauses,
              GArray     *positive,
              GPtrArray  *excluded,
              GPtrArray  *filters,
              GError    **error)
{
  guint mi = 0;

  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);
      g_autoptr(GPtrArray) group = g_ptr_array_new ();

      for (guint j = 0; j < clause->len; j++)
        g_ptr_array_add (group, g_ptr_array_index (run->matchers, mi++));

      if (group->len == 1)
        {
          const Matcher *m = g_ptr_array_index (group, 0);

          if (is_predicate (m->atom))
            g_ptr_array_add (filters, (gpointer) m);
          else if (m->atom->negated)
            g_ptr_array_add (excluded, (gpointer) m);
          else
            {
              DocSet set;

              atom_docs (run, m, TRUE, &set);
              g_array_append_val (positive, set);
            }
        }
      else
        {
          DocSet set;

          clause_docs (run, group, &set);
          g_array_append_val (positive, set);
        }

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* The documents in every set of @positive (every document when there is
 * none), into @acc. Smallest first, so each step only shrinks a short
 * list. */
static void
intersect_all (Run    *run,
               GArray *positive,
               DocSet *acc)
{
  if (positive->len == 0)
    {
      all_docs (run, acc);
      return;
    }

  g_array_sort (positive, compare_set_size);
  *acc = g_array_index (positive, DocSet, 0);
  g_array_index (positive, DocSet, 0).owned = NULL;
  if (acc->owned == NULL && positive->len > 1)
    {
      const Matcher *verify = acc->verify;

      docset_take (acc, g_memdup2 (acc->ids, sizeof (guint32) * MAX (acc->n, 1)), acc->n);
      acc->verify = verify;
    }
  for (guint i = 1; i < positive->len && acc->n > 0; i++)
    intersect (acc, &g_array_index (positive, DocSet, i));
}

/* Keeps the documents of @acc that pass every predicate of @filters. */
static void
apply_filters (Run       *run,
               GPtrArray *filters,
               DocSet    *acc)
{
  guint32 *out;
  guint n = 0;

  if (filters->len == 0)
    return;

  out = acc->owned != NULL ? acc->owned : g_new (guint32, MAX (acc->n, 1));
  for (guint i = 0; i < acc->n; i++)
    {
      gboolean keep = TRUE;

      for (guint k = 0; k < filters->len && keep; k++)
        {
          const Matcher *m = g_ptr_array_index (filters, k);

          keep = predicate_holds (run->index, m, acc->ids[i]) != m->atom->negated;
        }
      if (keep)
        out[n++] = acc->ids[i];
    }
  acc->owned = out;
  acc->ids = out;
  acc->n = n;
}

/* Checks the words left to verify in the streams of the documents
 * still in @acc, now that they are few. */
static void
verify_words (Run    *run,
              GArray *positive,
              DocSet *acc)
{
  const Matcher *first = acc->verify;

  if (first != NULL)
    verify_set (run, acc, first);
  for (guint i = 0; i < positive->len; i++)
    {
      const Matcher *m = g_array_index (positive, DocSet, i).verify;

      if (m != NULL && m != first)
        verify_set (run, acc, m);
    }
}

/* Takes out of @acc the documents that an excluded atom holds for. */
static void
subtract_excluded (Run       *run,
                   GPtrArray *excluded,
                   DocSet    *acc)
{
  for (guint i = 0; i < excluded->len && acc->n > 0; i++)
    {
      const Matcher *m = g_ptr_array_index (excluded, i);
      DocSet set;

      atom_docs (run, m, TRUE, &set);
      if (set.verify != NULL)
        {
          /* Only the documents still in play need checking. */
          if (set.owned == NULL)
            docset_take (&set, g_memdup2 (set.ids, sizeof (guint32) * MAX (set.n, 1)), set.n);
          intersect (&set, acc);
          verify_set (run, &set, m);
        }
      subtract (acc, &set);
      dossier_search_docset_clear (&set);
    }
}

static void
clear_sets (GArray *sets)
{
  for (guint i = 0; i < sets->len; i++)
    dossier_search_docset_clear (&g_array_index (sets, DocSet, i));
}

gboolean
dossier_search_run_evaluate (Run                 *run,
                             DossierSearchQuery  *query,
                             DocSet              *result,
                             GError             **error)
{
  GPtrArray *clauses = dossier_search_query_get_clauses (query);
  g_autoptr(GArray) positive = g_array_new (FALSE, TRUE, sizeof (DocSet));
  g_autoptr(GPtrArray) excluded = g_ptr_array_new ();
  g_autoptr(GPtrArray) filters = g_ptr_array_new ();
  DocSet acc = { 0, };

  memset (result, 0, sizeof *result);
  if (clauses->len == 0)
    return TRUE;

  if (!sort_clauses (run, clauses, positive, excluded, filters, error))
    {
      clear_sets (positive);
      return FALSE;
    }

  intersect_all (run, positive, &acc);
  /* Predicates, then the words left to verify, on what is left. */
  apply_filters (run, filters, &acc);
  verify_words (run, positive, &acc);

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    {
      clear_sets (positive);
      dossier_search_docset_clear (&acc);
      return FALSE;
    }

  subtract_excluded (run, excluded, &acc);
  clear_sets (positive);
  *result = acc;
  return TRUE;
}

void
dossier_search_run_clear (Run *run)
{
  g_clear_pointer (&run->matchers, g_ptr_array_unref);
  g_clear_pointer (&run->ranks, g_array_unref);
  g_clear_pointer (&run->bitmap, g_free);
  g_clear_pointer (&run->sequence, g_array_unref);
  g_clear_pointer (&run->title_clauses, g_ptr_array_unref);
}

void
dossier_search_run_init (Run                *run,
                         DossierSearchIndex *index,
                         DossierSearchQuery *query,
                         GCancellable       *cancellable)
{
  GPtrArray *clauses = dossier_search_query_get_clauses (query);

  run->index = index;
  run->cancellable = cancellable;
  run->matchers = g_ptr_array_new_with_free_func ((GDestroyNotify) matcher_free);
  run->ranks = g_array_new (FALSE, FALSE, sizeof (guint32));
  run->bitmap = g_new0 (guint32, (index->n_docs + 31) / 32 + 1);
  run->sequence = g_array_new (FALSE, FALSE, sizeof (Slot));
  run->title_clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);
      GPtrArray *words = g_ptr_array_new ();

      for (guint j = 0; j < clause->len; j++)
        {
          const DossierSearchAtom *atom = g_ptr_array_index (clause, j);
          Matcher *m = matcher_new (index, atom);

          g_ptr_array_add (run->matchers, m);
          if (atom->kind == DOSSIER_SEARCH_ATOM_WORDS && !atom->negated)
            {
              g_ptr_array_add (words, m);
              if (clause->len == 1)
                {
                  g_array_append_vals (run->sequence, m->slots, m->n_slots);
                  run->n_sequence_atoms++;
                }
            }
        }

      if (words->len > 0)
        g_ptr_array_add (run->title_clauses, words);
      else
        g_ptr_array_unref (words);
    }

  /* Ranking by phrase only means something with two words or more. */
  if (run->n_sequence_atoms < 2)
    g_array_set_size (run->sequence, 0);
}
