/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of search/ share among themselves. Only files in
 * src/core/search/ include this header.
 *
 * The files, each of one concern, and who calls whom (no circle):
 *
 *   dossier-search-index.c     the object: builds, runs a query, hands
 *                              out hits; calls every file below
 *   dossier-search-build.c     the inverted index: terms, postings,
 *                              streams
 *   dossier-search-evaluate.c  which documents a parsed query matches
 *   dossier-search-rank.c      their order
 *   dossier-search-hit.c       a hit's title, label, snippet and marks
 *   dossier-search-lookup.c    finding the terms a query token accepts
 *                              in a built index
 *   dossier-search-collect.c   the documents of a case and their fields
 *   dossier-search-query.c     the query language
 *   dossier-search-text.c      folding and tokens (public, no index)
 *
 * How the index is laid out, and why.
 *
 * Every addressable item of the case (a note, an event, an entity, the
 * breach's summary, one exposed item ...) is a document, numbered in the
 * order of the sections, so each section is one range of numbers (in:
 * is a range test).
 *
 * Text is cut into tokens (dossier-search-text.h). Each distinct token
 * is a term; terms are kept once, in one buffer, and sorted, so a prefix
 * is a range of ranks found by binary search. For each term the index
 * has the sorted list of documents holding it (its postings); all
 * postings sit in one array in rank order, so a prefix's postings are
 * one slice of it.
 *
 * Each document also keeps its tokens in order, as varint-coded term ids
 * (its stream): the title first, then each field, with a 0 after each so
 * that no phrase runs from one field into the next, then its filter terms
 * (tags, authors, cited sources). Phrases, words like "Jong-un" and runs
 * of Korean, Chinese or Japanese characters (one token each) are found
 * through the postings of their tokens, then checked in the streams of
 * the few documents left. Snippets are cut from the case's own text when
 * a hit is shown, so the index stores no text of its own but the terms.
 *
 * Once built nothing changes: queries from several threads only read. */

#include "dossier-search-index.h"
#include "dossier-search-text.h"

G_BEGIN_DECLS

/* Filter terms live in the same dictionary as words, behind a control
 * byte no token can hold, so they never match text. */
#define TERM_TAG      "\001t"
#define TERM_AUTHOR   "\001a"
#define TERM_CITES    "\001c"

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

typedef enum
{
  DOC_OVERVIEW,
  DOC_ENTITY,
  DOC_SOURCE,
  DOC_BREACH,
  DOC_EXPOSED,
  DOC_HYPOTHESIS,
  DOC_THREAT,
  DOC_REACTION,
  DOC_RELEASE,
  DOC_EVENT,
  DOC_NOTE,
} DocKind;

typedef struct
{
  gpointer           item;          /* borrowed from the case */
  const DossierDate *date;
  gint64             date_key;
  gint32             item_index;
  guint8             kind;
  guint8             section;
  guint8             certainties;   /* bit (1 << DossierCertainty) */
  guint8             has_date;
} Doc;

struct _DossierSearchIndex
{
  GObject      parent_instance;

  DossierCase *dcase;

  Doc         *docs;
  guint        n_docs;
  guint        section_start[DOSSIER_N_SECTIONS + 1];

  guint8      *stream;
  gsize        stream_len;
  guint32     *stream_start;        /* n_docs + 1 */

  char        *term_chars;
  gsize        term_chars_len;
  guint32     *term_offset;         /* by term id; id 0 is the field mark */
  guint32     *term_rank;           /* by term id */
  guint32     *sorted;              /* rank -> term id */
  guint        n_terms;             /* not counting id 0 */

  guint32     *postings;
  guint32     *post_start;          /* by rank, n_terms + 1 */
  gsize        n_postings;
};

/* Reads one term id of a stream and moves *@p past it. */
static inline guint32
dossier_search_read_varint (const guint8 **p)
{
  const guint8 *q = *p;
  guint32 b = *q++;
  guint32 v = b & 0x7f;
  guint shift = 7;

  while (b & 0x80)
    {
      b = *q++;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
  *p = q;
  return v;
}

/* ------------------------------------------------------------------ */
/* Text (dossier-search-text.c)                                        */
/* ------------------------------------------------------------------ */

/* A token: its folded bytes at @norm_start in the buffer it was folded
 * into, its place in the text at @start, @end. */
typedef struct
{
  guint norm_start;
  guint norm_len;
  guint start;
  guint end;
} Token;

/* Appends the tokens of @text to @tokens (of Token), their folded bytes
 * to @norm. The allocation-free form of dossier_search_text_tokenize(). */
void  dossier_search_text_tokenize_append (const char *text,
                                           gsize       len,
                                           GString    *norm,
                                           GArray     *tokens);
/* Appends dossier_search_text_fold() of @text to @out. */
void  dossier_search_text_fold_append     (GString    *out,
                                           const char *text);
/* Text fit to show: control characters become spaces, invisible
 * formatting characters go, white space runs become one space. The
 * tokens of the result are those of the input. */
char *dossier_search_text_sanitize        (const char *text,
                                           gsize       len);

/* ------------------------------------------------------------------ */
/* The documents of a case (dossier-search-collect.c)                  */
/* ------------------------------------------------------------------ */

typedef struct _Collector Collector;

/* Receives each field of a document; the title (maybe empty) first. */
typedef void (*FieldFunc) (Collector  *c,
                           const char *field,
                           gboolean    is_title,
                           const char *text,
                           gsize       len);

struct _Collector
{
  FieldFunc   func;
  gpointer    data;
  GString    *plain;
  /* Only when building: */
  gboolean    want_meta;
  guint8      certainties;
  GPtrArray  *cites;      /* borrowed source ids */
};

/* Lists every document of @dcase (GArray of Doc), in the order of the
 * sections. Runs in the thread that owns the case: list stores are not
 * safe to read from two threads at once, so the index never touches
 * them after this. */
GArray *dossier_search_collect_documents (DossierCase *dcase);
/* Hands each field of @doc to @c->func, the title first. */
void    dossier_search_collect_fields    (DossierCase *dcase,
                                          const Doc   *doc,
                                          Collector   *c);

/* ------------------------------------------------------------------ */
/* Building (dossier-search-build.c)                                   */
/* ------------------------------------------------------------------ */

/* Fills @self from @docs (taken), cut into @n_parts parts built in
 * parallel (0: as many as suit the size and the processors). */
gboolean dossier_search_index_build (DossierSearchIndex  *self,
                                     GArray              *docs,
                                     guint                n_parts,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* ------------------------------------------------------------------ */
/* Looking up terms (dossier-search-lookup.c), reading streams       */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint lo;
  guint hi;
} RankRange;

#define MAX_FORMS 4

/* One token position of a query: the ranks it accepts, as a few ranges
 * (a prefix is one range of ranks; a word and its plural are two). */
typedef struct
{
  RankRange form[MAX_FORMS];
  guint     n;
} Slot;

static inline gboolean
slot_has (const Slot *slot,
          guint32     rank)
{
  for (guint i = 0; i < slot->n; i++)
    if (rank >= slot->form[i].lo && rank < slot->form[i].hi)
      return TRUE;
  return FALSE;
}

/* The ranks of the terms equal to the @len bytes of @key, or starting
 * with them when @prefix. */
RankRange dossier_search_index_lookup       (const DossierSearchIndex *self,
                                             const char               *key,
                                             gsize                     len,
                                             gboolean                  prefix);
/* A slot for each of @tokens, each behind @prefix_text (a filter term's
 * prefix, or ""); the last as a prefix when @last_is_prefix; with the
 * other English number of each when @inflect. */
Slot     *dossier_search_index_slots        (const DossierSearchIndex *self,
                                             const char               *prefix_text,
                                             GStrv                     tokens,
                                             gboolean                  last_is_prefix,
                                             gboolean                  inflect,
                                             guint                    *n_out);
/* Decodes the ranks of document @d's tokens into @ranks (of guint32;
 * field marks become G_MAXUINT32); only the title when @title_only.
 * Inline, as the next one: ranking and phrases call them for each
 * document they look at. */
static inline void
dossier_search_index_decode_stream (const DossierSearchIndex *self,
                                    guint32                   d,
                                    gboolean                  title_only,
                                    GArray                   *ranks)
{
  const guint8 *p = self->stream + self->stream_start[d];
  const guint8 *end = self->stream + self->stream_start[d + 1];
  guint32 *out;
  guint n = 0;

  /* A token takes a byte at least. */
  g_array_set_size (ranks, end - p);
  out = (guint32 *) ranks->data;
  while (p < end)
    {
      guint32 id = dossier_search_read_varint (&p);

      if (id == 0 && title_only)
        break;
      out[n++] = self->term_rank[id];
    }
  g_array_set_size (ranks, n);
}

/* Whether the ranks hold @n consecutive tokens, the i-th in slots[i]. */
static inline gboolean
dossier_search_ranks_have_sequence (const guint32 *ranks,
                                    guint          len,
                                    const Slot    *slots,
                                    guint          n)
{
  if (n == 0)
    return TRUE;
  for (guint i = 0; i + n <= len; i++)
    {
      guint k;

      for (k = 0; k < n; k++)
        if (!slot_has (&slots[k], ranks[i + k]))
          break;
      if (k == n)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Running a query (dossier-search-evaluate.c)                         */
/* ------------------------------------------------------------------ */

/* One atom of the query, looked up in the index. */
typedef struct
{
  const DossierSearchAtom *atom;
  /* For the postings: */
  Slot                    *slots;
  guint                    n_slots;
  gboolean                 adjacent;
  /* For marks in the text (words, and the tag or author in its field): */
  Slot                    *marks;
  guint                    n_marks;
  gboolean                 marks_adjacent;
  const char              *marks_field;   /* NULL: any field */
  gint64                   date_key;      /* BEFORE, AFTER */
} Matcher;

/* A sorted set of documents, borrowed (a slice of the postings) or
 * owned. */
typedef struct
{
  const guint32 *ids;
  guint          n;
  guint32       *owned;
  const Matcher *verify;                  /* still to check in streams */
} DocSet;

/* One query being run on an index. */
typedef struct
{
  DossierSearchIndex *index;
  GCancellable       *cancellable;
  GPtrArray          *matchers;           /* of Matcher, owned, in query order */
  GArray             *ranks;              /* guint32 scratch */
  guint32            *bitmap;
  /* The words, in query order, for phrase ranking. */
  GArray             *sequence;           /* Slot */
  guint               n_sequence_atoms;
  /* Clauses with words, for title ranking: GPtrArray of Matcher. */
  GPtrArray          *title_clauses;
} Run;

void     dossier_search_run_init     (Run                 *run,
                                      DossierSearchIndex  *index,
                                      DossierSearchQuery  *query,
                                      GCancellable        *cancellable);
void     dossier_search_run_clear    (Run                 *run);
/* Every document @query matches, sorted; FALSE and @error when
 * cancelled. */
gboolean dossier_search_run_evaluate (Run                 *run,
                                      DossierSearchQuery  *query,
                                      DocSet              *result,
                                      GError             **error);
gboolean dossier_search_run_doc_has_sequence (Run        *run,
                                              guint32     d,
                                              const Slot *slots,
                                              guint       n,
                                              gboolean    title_only);
void     dossier_search_docset_clear (DocSet              *set);

/* ------------------------------------------------------------------ */
/* Ranking (dossier-search-rank.c)                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint32 doc;
  guint8  tier;          /* 2: title, 1: phrase, both: 3 */
  gint64  key;           /* date; undated last */
} Ranked;

/* The best @max (0: all) of @set, in order (GArray of Ranked); NULL
 * and @error when cancelled. */
GArray *dossier_search_run_rank (Run           *run,
                                 const DocSet  *set,
                                 guint          max,
                                 GError       **error);

/* ------------------------------------------------------------------ */
/* Hits (dossier-search-hit.c)                                         */
/* ------------------------------------------------------------------ */

/* The hits of @best (GArray of Ranked), in its order, each with its
 * title, label, snippet and marks; NULL and @error when cancelled. */
GPtrArray *dossier_search_run_make_hits (Run     *run,
                                         GArray  *best,
                                         GError **error);

G_END_DECLS
