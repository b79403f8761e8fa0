/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-search-private.h"

/* Building the inverted index of a case: its terms, their postings and
 * each document's stream (see dossier-search-private.h for the layout). */

/* The build cuts the documents into parts, one a processor (at most
 * MAX_PARTS, none smaller than MIN_PART_DOCS), and runs in three steps:
 *
 * 1. Each part, in its own thread, walks its documents: it interns
 *    their terms in its own dictionary, writes their streams and counts
 *    the documents holding each term.
 * 2. The later parts' dictionaries are merged into the first's; the
 *    terms are sorted; each term of each part gets the place of its
 *    postings: after those of the same term in the parts before, as
 *    documents come in order.
 * 3. Each part, in its own thread again, reads its streams back and
 *    writes its postings in their places; the later parts copy their
 *    streams after the first's, with the merged term ids (counting
 *    each term's tokens in step 1 tells how long they will be).
 *
 * While building, terms are kept and compared as 64-bit words: each
 * term starts on a word and is padded with zeros up to the next one. No
 * term holds a NUL. */
#define MAX_PARTS      4
#define MIN_PART_DOCS  2048

/* Longest filter-term prefix (TERM_TAG ...). */
#define PREFIX_MAX     8

#define N_WORDS(len) (((len) + 7) / 8)

/* Where the byte @n of a term goes in its word. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define BYTE_SHIFT(n) (8 * ((n) & 7))
#else
#define BYTE_SHIFT(n) (56 - 8 * ((n) & 7))
#endif

typedef struct
{
  guint32 word;          /* its first word in Dict.chars */
  guint32 len;           /* in bytes */
  guint32 last;          /* step 1: the last document holding it, + 1;
                          * step 3: the same, counted again */
  guint32 n_docs;        /* step 1: how many documents hold it;
                          * step 3: where its next posting goes */
  guint32 n_tokens;      /* how many times it stands in the stream */
} DictTerm;

typedef struct
{
  guint64 first;         /* the term's first word */
  guint32 hash;
  guint32 id;            /* 0 when free */
} DictSlot;

typedef struct
{
  guint64  *chars;       /* the terms, padded */
  gsize     n_words;
  gsize     words_cap;
  gsize     n_bytes;     /* what they take unpadded, with a NUL each */
  DictTerm *terms;       /* by id; id 0 is the field mark */
  guint32   n_ids;
  guint32   terms_cap;
  DictSlot *slots;       /* open addressing, at most half full */
  guint32   mask;
} Dict;

static inline guint64
hash_step (guint64 h,
           guint64 word)
{
  h = (h ^ word) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

static inline guint32
hash_finish (guint64 h,
             gsize   len)
{
  h = (h ^ len) * 0xff51afd7ed558ccdull;
  return (guint32) (h ^ (h >> 33));
}

/* The hash of a padded term of @len bytes. */
static inline guint32
hash_words (const guint64 *words,
            gsize          len)
{
  guint64 h = 0;

  for (gsize i = 0; i < N_WORDS (len); i++)
    h = hash_step (h, words[i]);
  return hash_finish (h, len);
}

static void
dict_init (Dict *dict)
{
  dict->words_cap = 1 << 11;
  dict->chars = g_new (guint64, dict->words_cap);
  dict->n_bytes = 1;     /* the field mark's empty string */
  dict->terms_cap = 1 << 10;
  dict->terms = g_new0 (DictTerm, dict->terms_cap);
  dict->n_ids = 1;
  dict->mask = (1 << 12) - 1;
  dict->slots = g_new0 (DictSlot, dict->mask + 1);
}

static void
dict_clear (Dict *dict)
{
  g_free (dict->chars);
  g_free (dict->terms);
  g_free (dict->slots);
  memset (dict, 0, sizeof *dict);
}

static void
dict_grow (Dict *dict)
{
  guint32 mask = dict->mask * 2 + 1;
  DictSlot *slots = g_new0 (DictSlot, mask + 1);

  for (guint32 i = 0; i <= dict->mask; i++)
    {
      guint32 j;

      if (dict->slots[i].id == 0)
        continue;
      j = dict->slots[i].hash & mask;
      while (slots[j].id != 0)
        j = (j + 1) & mask;
      slots[j] = dict->slots[i];
    }
  g_free (dict->slots);
  dict->slots = slots;
  dict->mask = mask;
}

static guint32
dict_add (Dict          *dict,
          guint32        slot,
          const guint64 *words,
          gsize          len,
          guint32        h)
{
  guint32 id;
  DictTerm *term;

  if (dict->n_ids == dict->terms_cap)
    {
      dict->terms = g_renew (DictTerm, dict->terms, dict->terms_cap * 2);
      memset (dict->terms + dict->terms_cap, 0, sizeof (DictTerm) * dict->terms_cap);
      dict->terms_cap *= 2;
    }
  while (dict->n_words + N_WORDS (len) > dict->words_cap)
    {
      dict->words_cap *= 2;
      dict->chars = g_renew (guint64, dict->chars, dict->words_cap);
    }
  id = dict->n_ids++;
  term = &dict->terms[id];
  term->word = dict->n_words;
  term->len = len;
  memcpy (dict->chars + dict->n_words, words, N_WORDS (len) * 8);
  dict->n_words += N_WORDS (len);
  dict->n_bytes += len + 1;
  dict->slots[slot].first = words[0];
  dict->slots[slot].hash = h;
  dict->slots[slot].id = id;

  if (dict->n_ids * 2 > dict->mask)
    dict_grow (dict);
  return id;
}

/* The id of the padded term @words, @len bytes long, whose hash_words()
 * is @h; added if new. */
static inline guint32
dict_intern (Dict          *dict,
             const guint64 *words,
             gsize          len,
             guint32        h)
{
  for (guint32 i = h & dict->mask;; i = (i + 1) & dict->mask)
    {
      const DictSlot *slot = &dict->slots[i];
      const DictTerm *term;
      const guint64 *known;
      gsize k;

      if (slot->id == 0)
        return dict_add (dict, i, words, len, h);
      if (slot->hash != h || slot->first != words[0])
        continue;
      /* A shorter term ends with a zero byte in its first word, where
       * a term of 8 bytes or more has none of its own. */
      if (len < 8)
        return slot->id;
      term = &dict->terms[slot->id];
      if (term->len != len)
        continue;
      known = dict->chars + term->word;
      for (k = 1; k < N_WORDS (len) && known[k] == words[k]; k++)
        ;
      if (k == N_WORDS (len))
        return slot->id;
    }
}

typedef struct
{
  guint8 *data;
  gsize   len;
  gsize   cap;
} Stream;

static inline void
put_varint (Stream  *stream,
            guint32  v)
{
  if (G_UNLIKELY (stream->len + 5 > stream->cap))
    {
      stream->cap = MAX (stream->cap * 2, 1 << 16);
      stream->data = g_realloc (stream->data, stream->cap);
    }
  while (v >= 0x80)
    {
      stream->data[stream->len++] = (v & 0x7f) | 0x80;
      v >>= 7;
    }
  stream->data[stream->len++] = v;
}

/* One part of the documents, indexed by one thread. */
typedef struct
{
  DossierSearchIndex *index;
  GCancellable       *cancellable;
  guint               first;          /* documents [first, last) */
  guint               last;
  Dict                dict;
  Stream              stream;         /* starts in index->stream_start */
  guint32            *remap;          /* later parts: merged id by id */
  gsize               at;             /* later parts: where their streams go */
  gsize               at_len;         /* and how long they are there */
  GString            *norm;
  GArray             *tokens;
  GString            *special;
  guint64            *pad;            /* a term being padded */
  gsize               pad_words;
  Collector           c;
  GPtrArray          *cites;
  guint32             doc;
  gboolean            title_pending;
  gboolean            too_large;
} Part;

/* Interns a padded term for the current document and writes it to its
 * stream. */
static inline void
put_term_words (Part          *part,
                const guint64 *words,
                gsize          len,
                guint32        h)
{
  guint32 id = dict_intern (&part->dict, words, len, h);
  DictTerm *term = &part->dict.terms[id];

  if (term->last != part->doc + 1)
    {
      term->last = part->doc + 1;
      term->n_docs++;
    }
  term->n_tokens++;
  put_varint (&part->stream, id);
}

/* Copies the @len bytes at @s behind a prefix of @prefix_len bytes into
 * part->pad, padded. */
static char *
pad_term (Part       *part,
          const char *prefix,
          gsize       prefix_len,
          const char *s,
          gsize       len)
{
  gsize n = prefix_len + len;

  if (n / 8 + 1 > part->pad_words)
    {
      part->pad_words = MAX (n / 8 + 1, part->pad_words * 2);
      part->pad = g_renew (guint64, part->pad, part->pad_words);
    }
  part->pad[n / 8] = 0;
  memcpy (part->pad, prefix, prefix_len);
  memcpy ((char *) part->pad + prefix_len, s, len);
  return (char *) part->pad;
}

static void
put_term (Part       *part,
          const char *prefix,
          gsize       prefix_len,
          const char *s,
          gsize       len)
{
  pad_term (part, prefix, prefix_len, s, len);
  put_term_words (part, part->pad, prefix_len + len,
                  hash_words (part->pad, prefix_len + len));
}

/* For index_text(): ASCII letters and digits lowercased, other ASCII
 * bytes 0, bytes of other characters WORD_OTHER. */
#define WORD_OTHER 0x80

static const guint8 word_bytes[256] = {
  ['0'] = '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  ['A'] = 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
          'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
  ['a'] = 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
          'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
  [0x80 ... 0xff] = WORD_OTHER,
};

/* @b in each byte of a 64-bit word. */
#define BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (guint8) (b))

static inline gboolean
is_ascii_word_byte (guint8 w)
{
  return (guint8) (w - 1) < WORD_OTHER - 1;
}

/* Indexes the tokens of @text, each behind @prefix (a filter term's,
 * @prefix_len bytes, or none): what the tokenizer gives, faster. Words of
 * ASCII letters and digits, most words of most cases, are lowercased
 * and hashed here in one pass. A run of word bytes holding any other
 * character goes through dossier_search_text_tokenize_append(), up to
 * the ASCII separator that ends it: there the tokenizer ends its word
 * and flushes what it holds, so cutting the text there gives the same
 * tokens. @text[@len] must be
 * a NUL. */
static void
index_text (Part       *part,
            const char *prefix,
            gsize       prefix_len,
            const char *text,
            gsize       len)
{
  const guchar *s = (const guchar *) text;
  const guchar *end = s + len;
  guint64 words[N_WORDS (DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES) + 1];

  g_assert (prefix_len <= PREFIX_MAX && text[len] == '\0');

  for (;;)
    {
      const guchar *start;
      guint64 word = 0, h = 0;
      gsize n;

      while (s < end && word_bytes[*s] == 0)
        s++;
      if (s == end)
        break;
      start = s;

      n = 0;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
      /* Eight bytes at a time while they are there (the NUL after the
       * text counts): which are ASCII letters or digits, and their
       * lowercase, for all at once. Bytes of 0x80 and more are left
       * out first so that no sum carries into the next byte. */
      while (n + 8 <= DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES && end - (s + n) >= 7)
        {
          guint64 v, low7, lower, letters, digits, is_word, folded;
          guint k;

          memcpy (&v, s + n, 8);
          low7 = v & BYTES (0x7f);
          lower = low7 | BYTES (0x20);
          letters = (lower + BYTES (0x80 - 'a')) & ~(lower + BYTES (0x7f - 'z'));
          digits = (low7 + BYTES (0x80 - '0')) & ~(low7 + BYTES (0x7f - '9'));
          is_word = (letters | digits) & ~v & BYTES (0x80);
          folded = v | (letters & BYTES (0x80)) >> 2;
          if (is_word == BYTES (0x80))
            {
              words[n / 8] = folded;
              h = hash_step (h, folded);
              n += 8;
              continue;
            }
          /* The word ends in these eight bytes. */
          k = __builtin_ctzll (~is_word & BYTES (0x80)) / 8;
          word = k > 0 ? folded & (G_MAXUINT64 >> (64 - 8 * k)) : 0;
          n += k;
          break;
        }
#endif
      /* Then a byte at a time, still building words in registers. The
       * NUL after the text ends the word at the latest. */
      for (; n < DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES && is_ascii_word_byte (word_bytes[s[n]]); n++)
        {
          word |= (guint64) word_bytes[s[n]] << BYTE_SHIFT (n);
          if ((n & 7) == 7)
            {
              words[n / 8] = word;
              h = hash_step (h, word);
              word = 0;
            }
        }
      words[n / 8] = word;
      if ((n & 7) != 0)
        h = hash_step (h, word);
      s += n;
      /* Very long words are cut, as the tokenizer cuts them. */
      while (is_ascii_word_byte (word_bytes[*s]))
        s++;

      if (word_bytes[*s] != WORD_OTHER)
        {
          if (prefix_len == 0)
            put_term_words (part, words, n, hash_finish (h, n));
          else
            put_term (part, prefix, prefix_len, (const char *) words, n);
          continue;
        }

      while (word_bytes[*s] != 0)
        s++;
      g_string_truncate (part->norm, 0);
      g_array_set_size (part->tokens, 0);
      dossier_search_text_tokenize_append ((const char *) start, s - start, part->norm, part->tokens);
      for (guint k = 0; k < part->tokens->len; k++)
        {
          const Token *tok = &g_array_index (part->tokens, Token, k);

          put_term (part, prefix, prefix_len, part->norm->str + tok->norm_start, tok->norm_len);
        }
    }
}

static void
build_field_cb (Collector  *c,
                const char *field,
                gboolean    is_title,
                const char *text,
                gsize       len)
{
  Part *part = c->data;

  if (!is_title && part->title_pending)
    {
      put_varint (&part->stream, 0);
      part->title_pending = FALSE;
    }

  index_text (part, "", 0, text, len);
  put_varint (&part->stream, 0);
  if (is_title)
    part->title_pending = FALSE;
}

/* A whole value, folded as dossier_search_text_fold() does. */
static void
put_special (Part       *part,
             const char *prefix,
             const char *value)
{
  gsize prefix_len = strlen (prefix);
  const char *p = value;

  while (*p != '\0' && (guchar) *p < 0x80)
    p++;
  if (*p == '\0')
    {
      /* Plain ASCII folds to its lowercase. */
      gsize len = prefix_len + (p - value);
      char *term = pad_term (part, prefix, prefix_len, value, p - value);

      for (gsize k = prefix_len; k < len; k++)
        if (term[k] >= 'A' && term[k] <= 'Z')
          term[k] += 'a' - 'A';
      put_term_words (part, part->pad, len, hash_words (part->pad, len));
    }
  else
    {
      g_string_truncate (part->special, 0);
      dossier_search_text_fold_append (part->special, value);
      put_term (part, prefix, prefix_len, part->special->str, part->special->len);
    }
}

static void
put_special_tokens (Part       *part,
                    const char *prefix,
                    const char *value)
{
  if (value != NULL)
    index_text (part, prefix, strlen (prefix), value, strlen (value));
}

static void
index_document (Part *part,
                Doc  *doc)
{
  if (doc->date != NULL)
    doc->date_key = dossier_date_get_sort_key (doc->date);

  part->title_pending = TRUE;
  part->c.certainties = 0;
  g_ptr_array_set_size (part->cites, 0);

  dossier_search_collect_fields (part->index->dcase, doc, &part->c);
  if (part->title_pending)
    put_varint (&part->stream, 0);

  doc->certainties = part->c.certainties & ~1u;   /* NONE is no certainty */

  if (doc->kind == DOC_NOTE)
    {
      DossierNote *note = doc->item;
      const char * const *tags = dossier_note_get_tags (note);

      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        put_special (part, TERM_TAG, tags[i]);
      put_special_tokens (part, TERM_AUTHOR, dossier_note_get_author (note));
    }
  else if (doc->kind == DOC_SOURCE)
    {
      const char * const *authors = dossier_source_get_authors (doc->item);

      for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
        put_special_tokens (part, TERM_AUTHOR, authors[i]);
    }
  for (guint i = 0; i < part->cites->len; i++)
    put_special (part, TERM_CITES, g_ptr_array_index (part->cites, i));
}

/* Step 1. */
static gpointer
part_index (gpointer data)
{
  Part *part = data;
  DossierSearchIndex *index = part->index;

  for (guint d = part->first; d < part->last; d++)
    {
      if (((d - part->first) & 1023) == 0 && g_cancellable_is_cancelled (part->cancellable))
        break;

#ifdef __GNUC__
      /* The items were allocated as the file was read, far apart. */
      if (d + 1 < part->last)
        __builtin_prefetch (index->docs[d + 1].item);
#endif
      index->stream_start[d] = part->stream.len;
      part->doc = d;
      index_document (part, &index->docs[d]);

      if (part->stream.len >= G_MAXUINT32 - 16)
        {
          part->too_large = TRUE;
          break;
        }
    }
  return NULL;
}

static inline guint
varint_len (guint32 v)
{
  return 1 + (v >= 1u << 7) + (v >= 1u << 14) + (v >= 1u << 21) + (v >= 1u << 28);
}

/* Step 3. The first part's ids are the merged ones, its streams are
 * already in place. */
static gpointer
part_post (gpointer data)
{
  Part *part = data;
  DossierSearchIndex *index = part->index;
  const guint8 *stream = part->remap != NULL ? part->stream.data : index->stream;
  gsize stream_len = part->stream.len;
  DictTerm *terms = part->dict.terms;
  guint32 *postings = index->postings;
  guint8 *out = index->stream + part->at;

  for (guint d = part->first; d < part->last; d++)
    {
      const guint8 *p = stream + index->stream_start[d];
      const guint8 *end = stream + (d + 1 < part->last ? index->stream_start[d + 1] : stream_len);

      if (part->remap != NULL)
        index->stream_start[d] = out - index->stream;
      while (p < end)
        {
          guint32 id = dossier_search_read_varint (&p);

          if (id != 0 && terms[id].last != d + 1)
            {
              terms[id].last = d + 1;
              postings[terms[id].n_docs++] = d;
            }
          if (part->remap != NULL)
            {
              guint32 v = part->remap[id];

              while (v >= 0x80)
                {
                  *out++ = (v & 0x7f) | 0x80;
                  v >>= 7;
                }
              *out++ = v;
            }
        }
    }
  g_assert (part->remap == NULL || out == index->stream + part->at + part->at_len);
  return NULL;
}

/* Runs @func on each part, the first in this thread. */
static void
run_parts (Part        *parts,
           guint        n_parts,
           GThreadFunc  func)
{
  GThread *threads[MAX_PARTS] = { NULL, };

  for (guint k = 1; k < n_parts; k++)
    threads[k] = g_thread_try_new ("dossier-index", func, &parts[k], NULL);
  func (&parts[0]);
  for (guint k = 1; k < n_parts; k++)
    {
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      else
        func (&parts[k]);
    }
}

static void
part_init (Part               *part,
           DossierSearchIndex *index,
           GCancellable       *cancellable,
           guint               first,
           guint               last)
{
  part->index = index;
  part->cancellable = cancellable;
  part->first = first;
  part->last = last;
  dict_init (&part->dict);
  part->norm = g_string_sized_new (1024);
  part->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  part->special = g_string_new (NULL);
  part->cites = g_ptr_array_new ();
  part->c.func = build_field_cb;
  part->c.data = part;
  part->c.plain = g_string_sized_new (4096);
  part->c.want_meta = TRUE;
  part->c.cites = part->cites;
}

static void
part_clear (Part *part)
{
  if (part->index == NULL)
    return;
  dict_clear (&part->dict);
  g_free (part->stream.data);
  g_free (part->remap);
  g_string_free (part->norm, TRUE);
  g_array_unref (part->tokens);
  g_string_free (part->special, TRUE);
  g_free (part->pad);
  g_ptr_array_unref (part->cites);
  g_string_free (part->c.plain, TRUE);
}

static int
compare_terms (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const DossierSearchIndex *index = user_data;

  return strcmp (index->term_chars + index->term_offset[*(const guint32 *) a],
                 index->term_chars + index->term_offset[*(const guint32 *) b]);
}

/* Step 2. */
static void
merge_dicts (DossierSearchIndex *index,
             Part               *parts,
             guint               n_parts)
{
  Dict *dict = &parts[0].dict;
  g_autofree guint32 *next = NULL;
  gsize at;

  for (guint k = 1; k < n_parts; k++)
    {
      Dict *other = &parts[k].dict;

      parts[k].remap = g_new (guint32, other->n_ids);
      parts[k].remap[0] = 0;
      for (guint32 id = 1; id < other->n_ids; id++)
        {
          const DictTerm *term = &other->terms[id];
          const guint64 *words = other->chars + term->word;

          parts[k].remap[id] = dict_intern (dict, words, term->len, hash_words (words, term->len));
        }
    }

  /* The terms unpadded, each with a NUL, sorted, ranked. */
  index->n_terms = dict->n_ids - 1;
  index->term_chars_len = dict->n_bytes;
  index->term_chars = g_malloc (dict->n_bytes);
  index->term_offset = g_new (guint32, dict->n_ids);
  index->sorted = g_new (guint32, index->n_terms + 1);
  index->term_chars[0] = '\0';
  index->term_offset[0] = 0;
  at = 1;
  for (guint id = 1; id < dict->n_ids; id++)
    {
      const DictTerm *term = &dict->terms[id];

      memcpy (index->term_chars + at, dict->chars + term->word, term->len);
      index->term_chars[at + term->len] = '\0';
      index->term_offset[id] = at;
      at += term->len + 1;
      index->sorted[id - 1] = id;
    }
  g_assert (at == dict->n_bytes);
  g_qsort_with_data (index->sorted, index->n_terms, sizeof (guint32), compare_terms, index);

  index->term_rank = g_new (guint32, dict->n_ids);
  index->term_rank[0] = G_MAXUINT32;
  for (guint r = 0; r < index->n_terms; r++)
    index->term_rank[index->sorted[r]] = r;

  /* How many documents hold each term, in all. */
  next = g_new0 (guint32, dict->n_ids);
  for (guint k = 0; k < n_parts; k++)
    {
      const Dict *other = &parts[k].dict;

      for (guint32 id = 1; id < (k == 0 ? dict->n_ids : other->n_ids); id++)
        next[k == 0 ? id : parts[k].remap[id]] += other->terms[id].n_docs;
    }
  index->post_start = g_new (guint32, index->n_terms + 1);
  index->n_postings = 0;
  for (guint r = 0; r < index->n_terms; r++)
    {
      guint32 id = index->sorted[r];
      guint32 n = next[id];

      index->post_start[r] = index->n_postings;
      next[id] = index->n_postings;
      index->n_postings += n;
    }
  index->post_start[index->n_terms] = index->n_postings;
  index->postings = g_new (guint32, MAX (index->n_postings, 1));

  /* Where each part's postings of each term go, in order of the parts. */
  for (guint k = 0; k < n_parts; k++)
    {
      Dict *other = &parts[k].dict;

      for (guint32 id = 1; id < (k == 0 ? dict->n_ids : other->n_ids); id++)
        {
          guint32 merged = k == 0 ? id : parts[k].remap[id];
          guint32 n = other->terms[id].n_docs;

          other->terms[id].n_docs = next[merged];
          other->terms[id].last = 0;
          next[merged] += n;
        }
    }
}

/* Before step 3: makes room for all the streams, tells each later part
 * where its own go. FALSE when they are too long. */
static gboolean
place_streams (DossierSearchIndex *index,
               Part               *parts,
               guint               n_parts)
{
  gsize total = parts[0].stream.len;

  for (guint k = 1; k < n_parts; k++)
    {
      Part *part = &parts[k];
      gsize len = part->stream.len;

      /* Ids take more or fewer bytes once merged. */
      for (guint32 id = 1; id < part->dict.n_ids; id++)
        len += (gsize) part->dict.terms[id].n_tokens
               * varint_len (part->remap[id])
               - (gsize) part->dict.terms[id].n_tokens * varint_len (id);
      part->at = total;
      part->at_len = len;
      total += len;
      if (total >= G_MAXUINT32 - 16)
        return FALSE;
    }

  index->stream_len = total;
  index->stream = g_realloc (g_steal_pointer (&parts[0].stream.data), MAX (total, 1));
  index->stream_start[index->n_docs] = total;
  return TRUE;
}

gboolean
dossier_search_index_build (DossierSearchIndex  *self,
                            GArray              *doc_list,
                            guint                n_parts,
                            GCancellable        *cancellable,
                            GError             **error)
{
  Part parts[MAX_PARTS] = { { 0, }, };
  gboolean too_large = FALSE;

  self->n_docs = doc_list->len;
  self->docs = (Doc *) g_array_free (doc_list, FALSE);
  self->stream_start = g_new (guint32, self->n_docs + 1);

  if (n_parts == 0)
    n_parts = MIN (g_get_num_processors (), self->n_docs / MIN_PART_DOCS);
  n_parts = CLAMP (n_parts, 1, MIN (MAX_PARTS, MAX (self->n_docs, 1)));

  for (guint k = 0; k < n_parts; k++)
    part_init (&parts[k], self, cancellable,
               (guint) ((guint64) self->n_docs * k / n_parts),
               (guint) ((guint64) self->n_docs * (k + 1) / n_parts));

  run_parts (parts, n_parts, part_index);
  for (guint k = 0; k < n_parts; k++)
    too_large |= parts[k].too_large;
  if (!too_large && !g_cancellable_is_cancelled (cancellable))
    {
      merge_dicts (self, parts, n_parts);
      too_large = !place_streams (self, parts, n_parts);
      if (!too_large)
        run_parts (parts, n_parts, part_post);
    }
  for (guint k = 0; k < n_parts; k++)
    part_clear (&parts[k]);

  if (too_large)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           "the case is too large to index");
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Sections are contiguous and in order: find where each starts. */
  for (guint k = 0, d = 0; k <= DOSSIER_N_SECTIONS; k++)
    {
      while (d < self->n_docs && self->docs[d].section < k)
        d++;
      self->section_start[k] = d;
    }
  return TRUE;
}
