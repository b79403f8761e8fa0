/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-index.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* How the index is laid out, and why.
 *
 * Every addressable item of the case (a note, an event, an entity, the
 * breach's summary, one exposed item ...) is a document, numbered in the
 * order of the sections, so each section is one range of numbers (in:
 * is a range test).
 *
 * Text is cut into tokens (dossier_search_tokenize()). Each distinct
 * token is a term; terms are kept once, in one buffer, and sorted, so a
 * prefix is a range of ranks found by binary search. For each term the
 * index has the sorted list of documents holding it (its postings); all
 * postings sit in one array in rank order, so a prefix's postings are one
 * slice of it.
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

#define MAX_TOKEN_BYTES  128
#define FOLD_MAX         32
#define SNIPPET_CHARS    160
#define SNIPPET_BEFORE   50

/* Filter terms live in the same dictionary as words, behind a control
 * byte no token can hold, so they never match text. */
#define TERM_TAG      "\001t"
#define TERM_AUTHOR   "\001a"
#define TERM_CITES    "\001c"

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

G_DEFINE_FINAL_TYPE (DossierSearchIndex, dossier_search_index, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Text normalization                                                  */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint norm_start;
  guint norm_len;
  guint start;
  guint end;
} Token;

/* The lowercase of an ASCII letter or digit; 0 for anything else. */
static inline char
ascii_word_char (guchar b)
{
  if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
    return (char) b;
  if (b >= 'A' && b <= 'Z')
    return (char) (b + ('a' - 'A'));
  return 0;
}

static inline gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD                        /* soft hyphen */
      || c == 0x034F                        /* combining grapheme joiner */
      || c == 0x061C                        /* Arabic letter mark */
      || (c >= 0x200B && c <= 0x200F)       /* zero-width, LRM, RLM */
      || (c >= 0x202A && c <= 0x202E)       /* bidi embeddings, overrides */
      || (c >= 0x2060 && c <= 0x2064)       /* word joiner, invisibles */
      || (c >= 0x2066 && c <= 0x2069)       /* bidi isolates */
      || c == 0xFEFF;
}

/* Han, Hangul, kana and the other scripts written without spaces
 * between words. */
static inline gboolean
is_cjk (gunichar c)
{
  return (c >= 0x1100 && c <= 0x11FF)
      || (c >= 0x2E80 && c <= 0x2FDF)
      || (c >= 0x3040 && c <= 0x30FF)
      || (c >= 0x3100 && c <= 0x31FF)
      || (c >= 0x3400 && c <= 0x4DBF)
      || (c >= 0x4E00 && c <= 0x9FFF)
      || (c >= 0xA960 && c <= 0xA97F)
      || (c >= 0xAC00 && c <= 0xD7FF)
      || (c >= 0xF900 && c <= 0xFAFF)
      || (c >= 0x1B000 && c <= 0x1B16F)
      || (c >= 0x20000 && c <= 0x3FFFF);
}

/* Han ideographs and Hangul syllables have nothing to fold. */
static inline gboolean
needs_no_folding (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF)
      || (c >= 0xAC00 && c <= 0xD7A3)
      || (c >= 0x3400 && c <= 0x4DBF)
      || (c >= 0x3041 && c <= 0x3096)
      || (c >= 0x30A1 && c <= 0x30FA);
}

static inline gboolean
is_mark (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_ENCLOSING_MARK;
}

static inline gboolean
casefold_is_identity (gunichar c)
{
  return g_unichar_islower (c)
         && c != 0x00DF                       /* ß -> ss */
         && c != 0x03C2                       /* final sigma */
         && !(c >= 0x13F8 && c <= 0x13FD)     /* Cherokee */
         && !(c >= 0xAB70 && c <= 0xABBF);
}

static guint
append_decomposed (gunichar  c,
                   gunichar *out,
                   guint     n)
{
  gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize nd = g_unichar_fully_decompose (c, TRUE, d, G_N_ELEMENTS (d));

  for (gsize i = 0; i < nd && n < FOLD_MAX; i++)
    out[n++] = d[i] < 0x80 ? (gunichar) g_ascii_tolower (d[i]) : d[i];
  return n;
}

/* NFKD, full case folding, NFKD again (case folding can produce
 * decomposable characters). Marks are kept for the caller to compose or
 * drop. */
static guint
fold_char (gunichar  c,
           gunichar *out)
{
  gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize nd = g_unichar_fully_decompose (c, TRUE, d, G_N_ELEMENTS (d));
  guint n = 0;

  for (gsize i = 0; i < nd && n < FOLD_MAX; i++)
    {
      gunichar x = d[i];

      if (x < 0x80)
        out[n++] = g_ascii_tolower (x);
      else if (!g_unichar_isalpha (x) || casefold_is_identity (x))
        out[n++] = x;
      else
        {
          char utf8[8];
          int len = g_unichar_to_utf8 (x, utf8);
          g_autofree char *folded = g_utf8_casefold (utf8, len);

          for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
            n = append_decomposed (g_utf8_get_char (p), out, n);
        }
    }
  return n;
}

typedef struct
{
  GString    *norm;
  GArray     *tokens;
  guint       base;
  Token      *out;           /* &tokens[base], room for cap tokens */
  guint       n;
  guint       cap;
  gboolean    in_word;
  Token       word;
  gunichar    pending;       /* a CJK character not yet emitted */
  guint       pending_start;
  guint       pending_end;
} Tokenizer;

static inline void
push_token (Tokenizer   *t,
            const Token *tok)
{
  /* Usually a token takes a byte at least, but one character can fold
   * into several ("㍿" is four Han characters). */
  if (G_UNLIKELY (t->n == t->cap))
    {
      t->cap = t->cap * 2 + 16;
      g_array_set_size (t->tokens, t->base + t->cap);
      t->out = &g_array_index (t->tokens, Token, t->base);
    }
  t->out[t->n++] = *tok;
}

static inline void
end_word (Tokenizer *t)
{
  if (t->in_word)
    {
      t->word.norm_len = t->norm->len - t->word.norm_start;
      push_token (t, &t->word);
      t->in_word = FALSE;
    }
}

static inline void
flush_pending (Tokenizer *t)
{
  if (t->pending != 0)
    {
      Token tok;

      tok.norm_start = t->norm->len;
      g_string_append_unichar (t->norm, t->pending);
      tok.norm_len = t->norm->len - tok.norm_start;
      tok.start = t->pending_start;
      tok.end = t->pending_end;
      push_token (t, &tok);
      t->pending = 0;
    }
}

static inline void
word_append (Tokenizer *t,
             gunichar   c,
             guint      start,
             guint      end)
{
  if (!t->in_word)
    {
      t->in_word = TRUE;
      t->word.start = start;
      t->word.norm_start = t->norm->len;
    }
  /* Very long "words" are cut: both the index and the queries see the
   * same first bytes. */
  if (t->norm->len - t->word.norm_start + 4 <= MAX_TOKEN_BYTES)
    {
      if (c < 0x80)
        g_string_append_c (t->norm, (char) c);
      else
        g_string_append_unichar (t->norm, c);
    }
  t->word.end = end;
}

static void
take_folded (Tokenizer *t,
             gunichar   d,
             guint      start,
             guint      end)
{
  gunichar composed;

  if (t->pending != 0 && g_unichar_compose (t->pending, d, &composed))
    {
      /* Decomposed Hangul and voiced kana come back together. */
      t->pending = composed;
      t->pending_end = end;
      return;
    }

  if (is_mark (d))
    {
      if (t->in_word)
        t->word.end = end;
      else if (t->pending != 0)
        t->pending_end = end;
      return;
    }

  if (is_cjk (d) && (g_unichar_isalnum (d) || g_unichar_type (d) == G_UNICODE_OTHER_LETTER))
    {
      end_word (t);
      flush_pending (t);
      t->pending = d;
      t->pending_start = start;
      t->pending_end = end;
      return;
    }

  if (g_unichar_isalnum (d) || g_unichar_type (d) == G_UNICODE_SPACING_MARK)
    {
      flush_pending (t);
      word_append (t, d, start, end);
      return;
    }

  end_word (t);
  flush_pending (t);
}

/* Appends the tokens of @text to @tokens, their folded bytes to @norm. */
static void
tokenize (const char *text,
          gsize       len,
          GString    *norm,
          GArray     *tokens)
{
  Tokenizer t = { .norm = norm, .tokens = tokens, .base = tokens->len };
  const guchar *s = (const guchar *) text;
  gsize i = 0;

  t.cap = len + 1;
  g_array_set_size (tokens, t.base + t.cap);
  t.out = &g_array_index (tokens, Token, t.base);

  while (i < len)
    {
      guchar b = s[i];
      gunichar c, folded[FOLD_MAX];
      guint clen, nf;

      if (b < 0x80)
        {
          char lower = ascii_word_char (b);

          if (lower != 0)
            {
              char run[MAX_TOKEN_BYTES];
              gsize room, n = 0;

              if (t.pending != 0)
                flush_pending (&t);
              if (!t.in_word)
                {
                  t.in_word = TRUE;
                  t.word.start = i;
                  t.word.norm_start = norm->len;
                }
              /* The whole ASCII run at once. */
              room = MAX_TOKEN_BYTES - MIN (MAX_TOKEN_BYTES, norm->len - t.word.norm_start);
              do
                {
                  if (n < room)
                    run[n++] = lower;
                  i++;
                }
              while (i < len && s[i] < 0x80 && (lower = ascii_word_char (s[i])) != 0);
              g_string_append_len (norm, run, n);
              t.word.end = i;
            }
          else
            {
              end_word (&t);
              flush_pending (&t);
              do
                i++;
              while (i < len && s[i] < 0x80 && ascii_word_char (s[i]) == 0);
            }
          continue;
        }

      c = g_utf8_get_char_validated ((const char *) s + i, len - i);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: a separator, byte by byte. */
          end_word (&t);
          flush_pending (&t);
          i++;
          continue;
        }
      clen = g_utf8_skip[b];

      if (is_ignorable (c))
        {
          i += clen;
          continue;
        }

      if (needs_no_folding (c))
        {
          folded[0] = c;
          nf = 1;
        }
      else
        nf = fold_char (c, folded);

      for (guint k = 0; k < nf; k++)
        take_folded (&t, folded[k], i, i + clen);
      i += clen;
    }

  end_word (&t);
  flush_pending (&t);
  g_array_set_size (tokens, t.base + t.n);
}

GStrv
dossier_search_tokenize (const char *text,
                         gssize      length)
{
  g_autoptr(GString) norm = g_string_new (NULL);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  GStrvBuilder *builder;
  GStrv result;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  tokenize (text, length, norm, tokens);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *tok = &g_array_index (tokens, Token, i);
      g_autofree char *s = g_strndup (norm->str + tok->norm_start, tok->norm_len);

      g_strv_builder_add (builder, s);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
fold_append (GString    *out,
             const char *text)
{
  gunichar last = 0;
  gsize last_at = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar folded[FOLD_MAX];
      guint nf;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (c));
          last = 0;
          continue;
        }
      if (is_ignorable (c))
        continue;
      nf = fold_char (c, folded);
      for (guint k = 0; k < nf; k++)
        {
          gunichar composed;

          if (last != 0 && g_unichar_compose (last, folded[k], &composed))
            {
              g_string_truncate (out, last_at);
              g_string_append_unichar (out, composed);
              last = composed;
            }
          else if (!is_mark (folded[k]))
            {
              last_at = out->len;
              g_string_append_unichar (out, folded[k]);
              last = is_cjk (folded[k]) ? folded[k] : 0;
            }
        }
    }
}

char *
dossier_search_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  fold_append (out, text);
  return g_string_free (out, FALSE);
}

/* Text fit to show: control characters become spaces, invisible
 * formatting characters go, white space runs become one space. The
 * tokens of the result are those of the input. */
static char *
sanitize (const char *text,
          gsize       len)
{
  GString *out = g_string_sized_new (len);
  gboolean space = TRUE;
  const char *end = text + len;

  for (const char *p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          c = 0xFFFD;
          next = p + 1;
        }
      else
        next = g_utf8_next_char (p);

      if (is_ignorable (c))
        ;
      else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || g_unichar_isspace (c)
               || c == 0x2028 || c == 0x2029)
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_len (out, p, next - p);
          space = FALSE;
        }
      p = next;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Walking the case                                                    */
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

static gboolean
find_cites_cb (const DossierInline *node,
               gpointer             user_data)
{
  Collector *c = user_data;

  if (node->kind == DOSSIER_INLINE_CITE && node->ref != NULL)
    g_ptr_array_add (c->cites, node->ref);
  return TRUE;
}

#define WALK_DEPTH 64

/* g_string_append() without its checks: the build appends every text
 * of the case. */
static inline void
plain_append (GString    *plain,
              const char *text)
{
  gsize len = strlen (text);

  if (G_LIKELY (plain->len + len < plain->allocated_len))
    {
      memcpy (plain->str + plain->len, text, len + 1);
      plain->len += len;
    }
  else
    g_string_append_len (plain, text, len);
}

/* What dossier_inline_append_plain() gives (the same tokens: quotation
 * marks stand where it puts them), collecting the cited sources on the
 * way, without allocating: the build walks every text of the case. */
static void
append_plain_and_cites (Collector           *c,
                        const DossierInline *node)
{
  struct { const DossierInline *node; guint next; } stack[WALK_DEPTH];
  gsize start = c->plain->len;
  guint depth = 0;
  guint n_cites = c->cites->len;

  if (node == NULL || node->kind == DOSSIER_INLINE_CITE)
    {
      if (node != NULL && node->ref != NULL)
        g_ptr_array_add (c->cites, node->ref);
      return;
    }

  stack[depth].node = node;
  stack[depth].next = 0;
  depth++;
  for (;;)
    {
      const DossierInline *top = stack[depth - 1].node;

      if (stack[depth - 1].next == 0)
        {
          if (top->kind == DOSSIER_INLINE_TEXT && top->text != NULL)
            plain_append (c->plain, top->text);
          else if (top->kind == DOSSIER_INLINE_QUOTE)
            plain_append (c->plain, "“");
          else if (top->kind == DOSSIER_INLINE_LINK && top->ref != NULL
                   && (top->children == NULL || top->children->len == 0))
            plain_append (c->plain, top->ref);
        }

      if (top->children != NULL && stack[depth - 1].next < top->children->len)
        {
          const DossierInline *child = g_ptr_array_index (top->children, stack[depth - 1].next);

          stack[depth - 1].next++;
          if (child == NULL)
            continue;
          if (child->kind == DOSSIER_INLINE_CITE)
            {
              if (child->ref != NULL)
                g_ptr_array_add (c->cites, child->ref);
              continue;
            }
          if (depth == WALK_DEPTH)
            {
              /* Deeper than the loader allows: let the slow walkers do it. */
              g_string_truncate (c->plain, start);
              g_ptr_array_set_size (c->cites, n_cites);
              dossier_inline_append_plain (node, c->plain);
              dossier_inline_foreach (node, find_cites_cb, c);
              return;
            }
          stack[depth].node = child;
          stack[depth].next = 0;
          depth++;
          /* Mark the frame as opened even when it has no children. */
          if (child->children == NULL || child->children->len == 0)
            {
              if (child->kind == DOSSIER_INLINE_TEXT && child->text != NULL)
                plain_append (c->plain, child->text);
              else if (child->kind == DOSSIER_INLINE_QUOTE)
                plain_append (c->plain, "“”");
              else if (child->kind == DOSSIER_INLINE_LINK && child->ref != NULL)
                plain_append (c->plain, child->ref);
              depth--;
            }
          continue;
        }

      if (top->kind == DOSSIER_INLINE_QUOTE)
        plain_append (c->plain, "”");
      if (--depth == 0)
        break;
    }
}

/* The reader's text of @node; when building, its citations too. */
static void
append_inline (Collector           *c,
               const DossierInline *node)
{
  if (c->want_meta)
    append_plain_and_cites (c, node);
  else
    dossier_inline_append_plain (node, c->plain);
}

static void
collect_inline (Collector           *c,
                const char          *field,
                gboolean             is_title,
                const DossierInline *node)
{
  g_string_truncate (c->plain, 0);
  if (node != NULL)
    append_inline (c, node);
  if (is_title || c->plain->len > 0)
    c->func (c, field, is_title, c->plain->str, c->plain->len);
}

static void
collect_string (Collector  *c,
                const char *field,
                gboolean    is_title,
                const char *text)
{
  if (text == NULL)
    text = "";
  if (is_title || *text != '\0')
    c->func (c, field, is_title, text, strlen (text));
}

static void
collect_strv (Collector          *c,
              const char         *field,
              const char * const *strv)
{
  g_string_truncate (c->plain, 0);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (c->plain->len > 0)
        g_string_append (c->plain, ", ");
      g_string_append (c->plain, strv[i]);
    }
  if (c->plain->len > 0)
    c->func (c, field, FALSE, c->plain->str, c->plain->len);
}

static void
collect_blocks (Collector  *c,
                const char *field,
                GPtrArray  *blocks)
{
  g_string_truncate (c->plain, 0);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const DossierParagraph *para = g_ptr_array_index (blocks, i);

      if (i > 0)
        g_string_append_c (c->plain, '\n');
      if (para->text != NULL)
        append_inline (c, para->text);
      c->certainties |= 1u << para->certainty;
    }
  if (c->plain->len > 0)
    c->func (c, field, FALSE, c->plain->str, c->plain->len);
}

static void
collect_document (DossierSearchIndex *self,
                  const Doc          *doc,
                  Collector          *c)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_OVERVIEW:
      {
        DossierCase *dcase = doc->item;

        collect_inline (c, "title", TRUE, dossier_case_get_title (dcase));
        collect_inline (c, "subtitle", FALSE, dossier_case_get_subtitle (dcase));
        collect_blocks (c, "summary", dossier_case_get_summary (dcase));
      }
      break;

    case DOC_ENTITY:
      {
        DossierEntity *entity = doc->item;

        collect_string (c, "name", TRUE, dossier_entity_get_name (entity));
        collect_strv (c, "alias", dossier_entity_get_aliases (entity));
        collect_string (c, "role", FALSE, dossier_entity_get_role (entity));
        collect_blocks (c, "description", dossier_entity_get_description (entity));
      }
      break;

    case DOC_SOURCE:
      {
        DossierSource *source = doc->item;

        collect_inline (c, "title", TRUE, dossier_source_get_title (source));
        collect_string (c, "publisher", FALSE, dossier_source_get_publisher (source));
        collect_strv (c, "author", dossier_source_get_authors (source));
        collect_blocks (c, "excerpt", dossier_source_get_excerpt (source));
      }
      break;

    case DOC_BREACH:
      {
        DossierBreach *breach = doc->item;

        collect_inline (c, "method", TRUE, dossier_breach_get_method (breach));
        collect_blocks (c, "summary", dossier_breach_get_summary (breach));
        collect_blocks (c, "impact", dossier_breach_get_impact (breach));
      }
      break;

    case DOC_EXPOSED:
      {
        DossierExposedItem *item = doc->item;

        collect_inline (c, "item", TRUE, item->text);
        c->certainties |= 1u << item->certainty;
      }
      break;

    case DOC_HYPOTHESIS:
      {
        DossierHypothesis *hypothesis = doc->item;
        GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);

        collect_inline (c, "statement", TRUE, dossier_hypothesis_get_statement (hypothesis));
        c->certainties |= 1u << dossier_hypothesis_get_certainty (hypothesis);

        g_string_truncate (c->plain, 0);
        for (guint i = 0; evidence != NULL && i < evidence->len; i++)
          {
            const DossierEvidence *e = g_ptr_array_index (evidence, i);

            if (i > 0)
              g_string_append_c (c->plain, '\n');
            if (e->text != NULL)
              append_inline (c, e->text);
            c->certainties |= 1u << e->certainty;
          }
        if (c->plain->len > 0)
          c->func (c, "evidence", FALSE, c->plain->str, c->plain->len);
      }
      break;

    case DOC_THREAT:
      {
        DossierThreatScreen *screen = doc->item;
        GPtrArray *links = dossier_threat_screen_get_shown_links (screen);

        collect_inline (c, "headline", TRUE, dossier_threat_screen_get_headline (screen));
        collect_inline (c, "shown-on", FALSE, dossier_threat_screen_get_shown_on (screen));
        collect_blocks (c, "message", dossier_threat_screen_get_message (screen));
        collect_inline (c, "demand", FALSE, dossier_threat_screen_get_demand (screen));
        collect_string (c, "image", FALSE, dossier_threat_screen_get_image_description (screen));

        g_string_truncate (c->plain, 0);
        for (guint i = 0; links != NULL && i < links->len; i++)
          {
            const DossierShownLink *link = g_ptr_array_index (links, i);

            if (i > 0)
              g_string_append_c (c->plain, '\n');
            if (link->text != NULL)
              append_inline (c, link->text);
            if (link->href != NULL)
              {
                g_string_append_c (c->plain, ' ');
                g_string_append (c->plain, link->href);
              }
          }
        if (c->plain->len > 0)
          c->func (c, "links", FALSE, c->plain->str, c->plain->len);
      }
      break;

    case DOC_REACTION:
      {
        DossierReaction *reaction = doc->item;
        const char *actor = dossier_reaction_get_actor (reaction);

        collect_inline (c, "channel", TRUE, dossier_reaction_get_channel (reaction));
        if (actor != NULL)
          collect_string (c, "actor", FALSE, dossier_case_get_entity_name (self->dcase, actor));
        collect_inline (c, "quote", FALSE, dossier_reaction_get_quote (reaction));
        collect_blocks (c, "summary", dossier_reaction_get_summary (reaction));
        c->certainties |= 1u << dossier_reaction_get_certainty (reaction);
      }
      break;

    case DOC_RELEASE:
      {
        DossierRelease *release = doc->item;

        collect_inline (c, "market", TRUE, dossier_release_get_market (release));
        collect_blocks (c, "summary", dossier_release_get_summary (release));
        c->certainties |= 1u << dossier_release_get_certainty (release);
      }
      break;

    case DOC_EVENT:
      {
        DossierEvent *event = doc->item;

        collect_inline (c, "title", TRUE, dossier_event_get_title (event));
        collect_blocks (c, "summary", dossier_event_get_summary (event));
        c->certainties |= 1u << dossier_event_get_certainty (event);
      }
      break;

    case DOC_NOTE:
      {
        DossierNote *note = doc->item;
        const char * const *tags = dossier_note_get_tags (note);
        const char *author = dossier_note_get_author (note);

        collect_inline (c, "title", TRUE, dossier_note_get_title (note));
        collect_blocks (c, "body", dossier_note_get_body (note));
        g_string_truncate (c->plain, 0);
        for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
          {
            if (i > 0)
              g_string_append_c (c->plain, ' ');
            g_string_append (c->plain, tags[i]);
          }
        if (c->plain->len > 0)
          c->func (c, "tags", FALSE, c->plain->str, c->plain->len);
        collect_string (c, "author", FALSE, author);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static const DossierDate *
breach_date (DossierBreach *breach)
{
  const DossierDate *date = dossier_breach_get_discovered (breach);

  if (date == NULL)
    date = dossier_breach_get_began (breach);
  if (date == NULL)
    date = dossier_breach_get_disclosed (breach);
  return date;
}

static void
add_doc (GArray             *docs,
         DocKind             kind,
         DossierSection      section,
         gpointer            item,
         int                 item_index,
         const DossierDate  *date)
{
  Doc doc = { 0, };

  doc.kind = kind;
  doc.section = section;
  doc.item = item;
  doc.item_index = item_index;
  doc.date = date;
  /* The build reads date_key from @date, in its threads. */
  doc.has_date = date != NULL;
  g_array_append_val (docs, doc);
}

static void
add_list (GArray         *docs,
          GListModel     *list,
          DocKind         kind,
          DossierSection  section)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      const DossierDate *date = NULL;
      int index = -1;

      switch (kind)
        {
        case DOC_SOURCE:
          date = dossier_source_get_published (DOSSIER_SOURCE (item));
          break;
        case DOC_REACTION:
          date = dossier_reaction_get_date (DOSSIER_REACTION (item));
          break;
        case DOC_RELEASE:
          date = dossier_release_get_date (DOSSIER_RELEASE (item));
          index = dossier_release_get_index (DOSSIER_RELEASE (item));
          break;
        case DOC_EVENT:
          date = dossier_event_get_date (DOSSIER_EVENT (item));
          break;
        case DOC_NOTE:
          date = dossier_note_get_created (DOSSIER_NOTE (item));
          break;
        case DOC_ENTITY:
        case DOC_OVERVIEW:
        case DOC_BREACH:
        case DOC_EXPOSED:
        case DOC_HYPOTHESIS:
        case DOC_THREAT:
        default:
          break;
        }
      /* The case keeps the item alive; the index borrows it. */
      add_doc (docs, kind, section, item, index, date);
    }
}

/* Lists every document. Runs in the thread that owns the case: list
 * stores are not safe to read from two threads at once, so the index
 * never touches them after this. */
static GArray *
list_documents (DossierCase *dcase)
{
  GArray *docs = g_array_new (FALSE, FALSE, sizeof (Doc));
  DossierBreach *breach = dossier_case_get_breach (dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (dcase);

  add_doc (docs, DOC_OVERVIEW, DOSSIER_SECTION_OVERVIEW, dcase, -1,
           dossier_case_get_updated (dcase));
  add_list (docs, dossier_case_get_entities (dcase), DOC_ENTITY, DOSSIER_SECTION_ENTITIES);
  add_list (docs, dossier_case_get_sources (dcase), DOC_SOURCE, DOSSIER_SECTION_SOURCES);

  if (breach != NULL)
    {
      const DossierDate *date = breach_date (breach);
      GPtrArray *exposed = dossier_breach_get_exposed (breach);
      GListModel *hypotheses = dossier_breach_get_hypotheses (breach);
      guint n = hypotheses != NULL ? g_list_model_get_n_items (hypotheses) : 0;

      add_doc (docs, DOC_BREACH, DOSSIER_SECTION_BREACH, breach, -1, date);
      for (guint i = 0; exposed != NULL && i < exposed->len; i++)
        add_doc (docs, DOC_EXPOSED, DOSSIER_SECTION_BREACH,
                 g_ptr_array_index (exposed, i), i, date);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (hypotheses, i);

          add_doc (docs, DOC_HYPOTHESIS, DOSSIER_SECTION_BREACH, item, -1, date);
        }
    }

  if (screen != NULL)
    {
      const DossierDate *date = dossier_threat_screen_get_shown (screen);

      if (date == NULL)
        date = dossier_threat_screen_get_deadline (screen);
      add_doc (docs, DOC_THREAT, DOSSIER_SECTION_THREAT, screen, -1, date);
    }

  add_list (docs, dossier_case_get_reactions (dcase), DOC_REACTION, DOSSIER_SECTION_REACTIONS);
  add_list (docs, dossier_case_get_releases (dcase), DOC_RELEASE, DOSSIER_SECTION_RELEASE);
  add_list (docs, dossier_case_get_events (dcase), DOC_EVENT, DOSSIER_SECTION_TIMELINE);
  add_list (docs, dossier_case_get_notes (dcase), DOC_NOTE, DOSSIER_SECTION_NOTES);

  return docs;
}

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

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

static inline guint32
get_varint (const guint8 **p)
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

/* One part of the documents, indexed by one thread. */
typedef struct
{
  DossierSearchIndex *self;
  GCancellable       *cancellable;
  guint               first;          /* documents [first, last) */
  guint               last;
  Dict                dict;
  Stream              stream;         /* starts in self->stream_start */
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
 * @prefix_len bytes, or none): what tokenize() gives, faster. Words of
 * ASCII letters and digits, most words of most cases, are lowercased
 * and hashed here in one pass. A run of word bytes holding any other
 * character goes through tokenize(), up to the ASCII separator that
 * ends it: there the tokenizer ends its word and flushes what it holds,
 * so cutting the text there gives the same tokens. @text[@len] must be
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
  guint64 words[N_WORDS (MAX_TOKEN_BYTES) + 1];

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
      while (n + 8 <= MAX_TOKEN_BYTES && end - (s + n) >= 7)
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
      for (; n < MAX_TOKEN_BYTES && is_ascii_word_byte (word_bytes[s[n]]); n++)
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
      /* Very long words are cut, as tokenize() cuts them. */
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
      tokenize ((const char *) start, s - start, part->norm, part->tokens);
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

/* A whole value, folded as dossier_search_fold() does. */
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
      fold_append (part->special, value);
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

  collect_document (part->self, doc, &part->c);
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
  DossierSearchIndex *self = part->self;

  for (guint d = part->first; d < part->last; d++)
    {
      if (((d - part->first) & 1023) == 0 && g_cancellable_is_cancelled (part->cancellable))
        break;

#ifdef __GNUC__
      /* The items were allocated as the file was read, far apart. */
      if (d + 1 < part->last)
        __builtin_prefetch (self->docs[d + 1].item);
#endif
      self->stream_start[d] = part->stream.len;
      part->doc = d;
      index_document (part, &self->docs[d]);

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
  DossierSearchIndex *self = part->self;
  const guint8 *stream = part->remap != NULL ? part->stream.data : self->stream;
  gsize stream_len = part->stream.len;
  DictTerm *terms = part->dict.terms;
  guint32 *postings = self->postings;
  guint8 *out = self->stream + part->at;

  for (guint d = part->first; d < part->last; d++)
    {
      const guint8 *p = stream + self->stream_start[d];
      const guint8 *end = stream + (d + 1 < part->last ? self->stream_start[d + 1] : stream_len);

      if (part->remap != NULL)
        self->stream_start[d] = out - self->stream;
      while (p < end)
        {
          guint32 id = get_varint (&p);

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
  g_assert (part->remap == NULL || out == self->stream + part->at + part->at_len);
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
           DossierSearchIndex *self,
           GCancellable       *cancellable,
           guint               first,
           guint               last)
{
  part->self = self;
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
  if (part->self == NULL)
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
  const DossierSearchIndex *self = user_data;

  return strcmp (self->term_chars + self->term_offset[*(const guint32 *) a],
                 self->term_chars + self->term_offset[*(const guint32 *) b]);
}

/* Step 2. */
static void
merge_dicts (DossierSearchIndex *self,
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
  self->n_terms = dict->n_ids - 1;
  self->term_chars_len = dict->n_bytes;
  self->term_chars = g_malloc (dict->n_bytes);
  self->term_offset = g_new (guint32, dict->n_ids);
  self->sorted = g_new (guint32, self->n_terms + 1);
  self->term_chars[0] = '\0';
  self->term_offset[0] = 0;
  at = 1;
  for (guint id = 1; id < dict->n_ids; id++)
    {
      const DictTerm *term = &dict->terms[id];

      memcpy (self->term_chars + at, dict->chars + term->word, term->len);
      self->term_chars[at + term->len] = '\0';
      self->term_offset[id] = at;
      at += term->len + 1;
      self->sorted[id - 1] = id;
    }
  g_assert (at == dict->n_bytes);
  g_qsort_with_data (self->sorted, self->n_terms, sizeof (guint32), compare_terms, self);

  self->term_rank = g_new (guint32, dict->n_ids);
  self->term_rank[0] = G_MAXUINT32;
  for (guint r = 0; r < self->n_terms; r++)
    self->term_rank[self->sorted[r]] = r;

  /* How many documents hold each term, in all. */
  next = g_new0 (guint32, dict->n_ids);
  for (guint k = 0; k < n_parts; k++)
    {
      const Dict *other = &parts[k].dict;

      for (guint32 id = 1; id < (k == 0 ? dict->n_ids : other->n_ids); id++)
        next[k == 0 ? id : parts[k].remap[id]] += other->terms[id].n_docs;
    }
  self->post_start = g_new (guint32, self->n_terms + 1);
  self->n_postings = 0;
  for (guint r = 0; r < self->n_terms; r++)
    {
      guint32 id = self->sorted[r];
      guint32 n = next[id];

      self->post_start[r] = self->n_postings;
      next[id] = self->n_postings;
      self->n_postings += n;
    }
  self->post_start[self->n_terms] = self->n_postings;
  self->postings = g_new (guint32, MAX (self->n_postings, 1));

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
place_streams (DossierSearchIndex *self,
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

  self->stream_len = total;
  self->stream = g_realloc (g_steal_pointer (&parts[0].stream.data), MAX (total, 1));
  self->stream_start[self->n_docs] = total;
  return TRUE;
}

static gboolean
build (DossierSearchIndex *self,
       GArray             *doc_list,
       guint               n_parts,
       GCancellable       *cancellable,
       GError            **error)
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

/* ------------------------------------------------------------------ */
/* Looking up terms                                                    */
/* ------------------------------------------------------------------ */

static const char *
dict_term (const DossierSearchIndex *self,
           guint32                   id)
{
  return self->term_chars + self->term_offset[id];
}

/* Compares the term of rank @r with the @len bytes of @key: < 0, 0 or
 * > 0; a term that is longer than @key but starts with it is greater. */
static inline int
compare_rank (const DossierSearchIndex *self,
              guint                     r,
              const char               *key,
              gsize                     len)
{
  const char *term = dict_term (self, self->sorted[r]);
  int cmp = strncmp (term, key, len);

  if (cmp != 0)
    return cmp;
  return term[len] == '\0' ? 0 : 1;
}

typedef struct
{
  guint lo;
  guint hi;
} RankRange;

static RankRange
lookup_range (const DossierSearchIndex *self,
              const char               *key,
              gsize                     len,
              gboolean                  prefix)
{
  RankRange range;
  guint lo = 0, hi = self->n_terms;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_rank (self, mid, key, len) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  range.lo = lo;

  if (!prefix)
    {
      range.hi = lo < self->n_terms && compare_rank (self, lo, key, len) == 0 ? lo + 1 : lo;
      return range;
    }

  hi = self->n_terms;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strncmp (dict_term (self, self->sorted[mid]), key, len) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  range.hi = lo;
  return range;
}

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

static gboolean
has_suffix (const char *t,
            gsize       len,
            const char *suffix)
{
  gsize n = strlen (suffix);

  return len >= n && memcmp (t + len - n, suffix, n) == 0;
}

static gboolean
takes_es (const char *t,
          gsize       len)
{
  return has_suffix (t, len, "s") || has_suffix (t, len, "x") || has_suffix (t, len, "z")
         || has_suffix (t, len, "ch") || has_suffix (t, len, "sh");
}

/* The other number of an English word, so that "passports" finds
 * "passport" and back: -s, -es after s/x/z/ch/sh, -ies for -y after a
 * consonant. Only for plain lowercase ASCII words of three letters or
 * more; words in -ss, -us and -is are not plurals. */
static GPtrArray *
english_forms (const char *t)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  gsize len = strlen (t);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (t[i]))
      return forms;
  if (len < 3)
    return forms;

  if (t[len - 1] == 's' && !has_suffix (t, len, "ss"))
    {
      if (len >= 4 && !has_suffix (t, len, "us") && !has_suffix (t, len, "is"))
        g_ptr_array_add (forms, g_strndup (t, len - 1));
      if (len >= 5 && has_suffix (t, len, "ies"))
        {
          g_autofree char *stem = g_strndup (t, len - 3);

          g_ptr_array_add (forms, g_strconcat (stem, "y", NULL));
        }
      if (len >= 5 && has_suffix (t, len, "es") && takes_es (t, len - 2))
        g_ptr_array_add (forms, g_strndup (t, len - 2));
    }
  else
    {
      if (takes_es (t, len))
        g_ptr_array_add (forms, g_strconcat (t, "es", NULL));
      else
        g_ptr_array_add (forms, g_strconcat (t, "s", NULL));
      if (t[len - 1] == 'y' && strchr ("aeiou", t[len - 2]) == NULL)
        {
          g_autofree char *stem = g_strndup (t, len - 1);

          g_ptr_array_add (forms, g_strconcat (stem, "ies", NULL));
        }
    }
  return forms;
}

/* ------------------------------------------------------------------ */
/* Running a query                                                     */
/* ------------------------------------------------------------------ */

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

typedef struct
{
  const guint32 *ids;
  guint          n;
  guint32       *owned;
  const Matcher *verify;                  /* still to check in streams */
} DocSet;

typedef struct
{
  DossierSearchIndex *self;
  GCancellable       *cancellable;
  GPtrArray          *matchers;           /* of Matcher, owned */
  GArray             *ranks;              /* guint32 scratch */
  guint32            *bitmap;
  /* The words, in query order, for phrase ranking. */
  GArray             *sequence;           /* Slot */
  guint               n_sequence_atoms;
  /* Clauses with words, for title ranking: GPtrArray of Matcher. */
  GPtrArray          *title_clauses;
} Run;

static void
matcher_free (Matcher *m)
{
  g_free (m->slots);
  g_free (m->marks);
  g_free (m);
}

static void
docset_clear (DocSet *set)
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

static Slot *
slots_for_tokens (const DossierSearchIndex *self,
                  const char               *prefix_text,
                  GStrv                     tokens,
                  gboolean                  last_is_prefix,
                  gboolean                  inflect,
                  guint                    *n_out)
{
  guint n = g_strv_length (tokens);
  Slot *slots = g_new0 (Slot, MAX (n, 1));
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      gboolean prefix = last_is_prefix && i + 1 == n;

      g_string_assign (key, prefix_text);
      g_string_append (key, tokens[i]);
      slots[i].form[0] = lookup_range (self, key->str, key->len, prefix);
      slots[i].n = 1;

      /* A prefix already holds the longer forms; the shorter one
       * ("passports" typed, "passport" written) is added. */
      if (inflect)
        {
          g_autoptr(GPtrArray) forms = english_forms (tokens[i]);

          for (guint k = 0; k < forms->len && slots[i].n < MAX_FORMS; k++)
            {
              const char *form = g_ptr_array_index (forms, k);

              g_string_assign (key, prefix_text);
              g_string_append (key, form);
              slots[i].form[slots[i].n++] = lookup_range (self, key->str, key->len, FALSE);
            }
        }
    }
  *n_out = n;
  return slots;
}

static Matcher *
matcher_new (const DossierSearchIndex *self,
             const DossierSearchAtom  *atom)
{
  Matcher *m = g_new0 (Matcher, 1);

  m->atom = atom;
  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_WORDS:
      /* Quoted words are exact: no other number. */
      m->slots = slots_for_tokens (self, "", atom->tokens, atom->prefix, !atom->quoted,
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

        m->slots = slots_for_tokens (self, prefix, atom->tokens, atom->prefix, FALSE,
                                     &m->n_slots);
        m->adjacent = FALSE;
        if (atom->kind != DOSSIER_SEARCH_ATOM_CITES)
          {
            g_auto(GStrv) words = dossier_search_tokenize (atom->text, -1);

            m->marks = slots_for_tokens (self, "", words, atom->prefix, FALSE, &m->n_marks);
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
predicate_holds (const DossierSearchIndex *self,
                 const Matcher            *m,
                 guint32                   d)
{
  const DossierSearchAtom *atom = m->atom;
  const Doc *doc = &self->docs[d];

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

/* Decodes the ranks of document @d's tokens into run->ranks (field marks
 * become G_MAXUINT32); only the title when @title_only. */
static void
decode_stream (Run      *run,
               guint32   d,
               gboolean  title_only)
{
  const DossierSearchIndex *self = run->self;
  const guint8 *p = self->stream + self->stream_start[d];
  const guint8 *end = self->stream + self->stream_start[d + 1];

  guint32 *out;
  guint n = 0;

  /* A token takes a byte at least. */
  g_array_set_size (run->ranks, end - p);
  out = (guint32 *) run->ranks->data;
  while (p < end)
    {
      guint32 id = get_varint (&p);

      if (id == 0 && title_only)
        break;
      out[n++] = self->term_rank[id];
    }
  g_array_set_size (run->ranks, n);
}

/* Whether the ranks hold @n consecutive tokens, the i-th in slots[i]. */
static gboolean
ranks_have_sequence (const guint32 *ranks,
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

static gboolean
doc_has_sequence (Run        *run,
                  guint32     d,
                  const Slot *slots,
                  guint       n,
                  gboolean    title_only)
{
  decode_stream (run, d, title_only);
  return ranks_have_sequence ((const guint32 *) run->ranks->data, run->ranks->len, slots, n);
}

static guint32 *
bitmap_to_ids (Run   *run,
               guint *n_out)
{
  guint words = (run->self->n_docs + 31) / 32;
  guint n = 0;
  guint32 *ids;

  for (guint w = 0; w < words; w++)
    n += __builtin_popcount (run->bitmap[w]);
  ids = g_new (guint32, MAX (n, 1));
  n = 0;
  for (guint w = 0; w < words; w++)
    {
      guint32 bits = run->bitmap[w];

      while (bits != 0)
        {
          ids[n++] = w * 32 + __builtin_ctz (bits);
          bits &= bits - 1;
        }
      run->bitmap[w] = 0;
    }
  *n_out = n;
  return ids;
}

static void
slot_postings (Run        *run,
               const Slot *slot,
               DocSet     *out)
{
  const DossierSearchIndex *self = run->self;
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
      out->ids = self->postings + self->post_start[only->lo];
      out->n = self->post_start[only->hi] - self->post_start[only->lo];
      return;
    }

  /* A prefix, or several forms: the union of many lists, through a
   * bitmap. */
  for (guint k = 0; k < slot->n; k++)
    for (guint32 i = self->post_start[slot->form[k].lo]; i < self->post_start[slot->form[k].hi]; i++)
      {
        guint32 d = self->postings[i];

        run->bitmap[d >> 5] |= 1u << (d & 31);
      }
  {
    guint n;
    guint32 *ids = bitmap_to_ids (run, &n);

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
    if (doc_has_sequence (run, set->ids[i], m->slots, m->n_slots, FALSE))
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
  guint n = run->self->n_docs;
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
      guint32 *ids = g_new (guint32, MAX (run->self->n_docs, 1));
      guint n = 0;

      for (guint32 d = 0; d < run->self->n_docs; d++)
        if (predicate_holds (run->self, m, d))
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
        docset_clear (&sets[i]);
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
  docset_clear (set);
  *set = all;
}

/* An OR of atoms: a union through the bitmap. */
static void
clause_docs (Run       *run,
             GPtrArray *matchers,
             DocSet    *out)
{
  for (guint i = 0; i < matchers->len; i++)
    {
      const Matcher *m = g_ptr_array_index (matchers, i);
      DocSet set;

      atom_docs (run, m, FALSE, &set);
      if (m->atom->negated)
        complement (run, &set);
      for (guint k = 0; k < set.n; k++)
        run->bitmap[set.ids[k] >> 5] |= 1u << (set.ids[k] & 31);
      docset_clear (&set);
    }
  {
    guint n;
    guint32 *ids = bitmap_to_ids (run, &n);

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

/* Every document the query matches, sorted. */
static gboolean
evaluate (Run                *run,
          DossierSearchQuery *query,
          DocSet             *result,
          GError            **error)
{
  GPtrArray *clauses = dossier_search_query_get_clauses (query);
  g_autoptr(GArray) positive = g_array_new (FALSE, TRUE, sizeof (DocSet));
  g_autoptr(GPtrArray) excluded = g_ptr_array_new ();
  g_autoptr(GPtrArray) filters = g_ptr_array_new ();
  guint mi = 0;
  DocSet acc = { 0, };

  memset (result, 0, sizeof *result);
  if (clauses->len == 0)
    return TRUE;

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
        goto cancelled;
    }

  /* Smallest first, so each step only shrinks a short list. */
  if (positive->len == 0)
    all_docs (run, &acc);
  else
    {
      g_array_sort (positive, compare_set_size);
      acc = g_array_index (positive, DocSet, 0);
      g_array_index (positive, DocSet, 0).owned = NULL;
      if (acc.owned == NULL && positive->len > 1)
        {
          const Matcher *verify = acc.verify;

          docset_take (&acc, g_memdup2 (acc.ids, sizeof (guint32) * MAX (acc.n, 1)), acc.n);
          acc.verify = verify;
        }
      for (guint i = 1; i < positive->len && acc.n > 0; i++)
        intersect (&acc, &g_array_index (positive, DocSet, i));
    }

  /* Predicates, then the phrases left to check, on what is left. */
  if (filters->len > 0)
    {
      guint32 *out = acc.owned != NULL ? acc.owned : g_new (guint32, MAX (acc.n, 1));
      guint n = 0;

      for (guint i = 0; i < acc.n; i++)
        {
          gboolean keep = TRUE;

          for (guint k = 0; k < filters->len && keep; k++)
            {
              const Matcher *m = g_ptr_array_index (filters, k);

              keep = predicate_holds (run->self, m, acc.ids[i]) != m->atom->negated;
            }
          if (keep)
            out[n++] = acc.ids[i];
        }
      acc.owned = out;
      acc.ids = out;
      acc.n = n;
    }

  {
    const Matcher *first = acc.verify;

    if (first != NULL)
      verify_set (run, &acc, first);
    for (guint i = 0; i < positive->len; i++)
      {
        const Matcher *m = g_array_index (positive, DocSet, i).verify;

        if (m != NULL && m != first)
          verify_set (run, &acc, m);
      }
  }

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    goto cancelled;

  for (guint i = 0; i < excluded->len && acc.n > 0; i++)
    {
      const Matcher *m = g_ptr_array_index (excluded, i);
      DocSet set;

      atom_docs (run, m, TRUE, &set);
      if (set.verify != NULL)
        {
          /* Only the documents still in play need checking. */
          if (set.owned == NULL)
            docset_take (&set, g_memdup2 (set.ids, sizeof (guint32) * MAX (set.n, 1)), set.n);
          intersect (&set, &acc);
          verify_set (run, &set, m);
        }
      subtract (&acc, &set);
      docset_clear (&set);
    }

  for (guint i = 0; i < positive->len; i++)
    docset_clear (&g_array_index (positive, DocSet, i));
  *result = acc;
  return TRUE;

cancelled:
  for (guint i = 0; i < positive->len; i++)
    docset_clear (&g_array_index (positive, DocSet, i));
  docset_clear (&acc);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Ranking                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint32 doc;
  guint8  tier;          /* 2: title, 1: phrase, both: 3 */
  gint64  key;           /* date; undated last */
} Ranked;

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

  decode_stream (run, d, TRUE);
  for (guint i = 0; i < run->title_clauses->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (run->title_clauses, i);
      gboolean any = FALSE;

      for (guint k = 0; k < group->len && !any; k++)
        {
          const Matcher *m = g_ptr_array_index (group, k);

          any = ranks_have_sequence ((const guint32 *) run->ranks->data, run->ranks->len,
                                     m->slots, m->n_slots);
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
      && doc_has_sequence (run, d, (const Slot *) run->sequence->data,
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

/* The best @max (0: all) of @set, in order. */
static GArray *
rank_docs (Run          *run,
           const DocSet *set,
           guint         max,
           GError      **error)
{
  guint keep = max == 0 ? set->n : MIN (max, set->n);
  GArray *best = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), keep);
  Ranked *heap;
  guint n = 0;

  g_array_set_size (best, keep);
  heap = (Ranked *) best->data;

  for (guint i = 0; i < set->n; i++)
    {
      const Doc *doc = &run->self->docs[set->ids[i]];
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

/* ------------------------------------------------------------------ */
/* Hits                                                                */
/* ------------------------------------------------------------------ */

typedef struct
{
  Run        *run;
  GString    *norm;
  GArray     *tokens;
  GArray     *ranks;
  /* Results: */
  const char *title_field;
  char       *title;
  GArray     *title_marks;
  gboolean    title_has_words;
  DossierSearchRange title_anchor;
  const char *field;
  char       *text;
  GArray     *marks;
  DossierSearchRange anchor;
  const char *fallback_field;
  char       *fallback_text;
  GArray     *fallback_marks;
  DossierSearchRange fallback_anchor;
} Snippeter;

static int
compare_range (gconstpointer a,
               gconstpointer b)
{
  const DossierSearchRange *x = a, *y = b;

  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);
  return (x->end < y->end) - (x->end > y->end);
}

/* Sorts marks and merges those that overlap. */
static void
normalize_marks (GArray *marks)
{
  guint n = 0;

  g_array_sort (marks, compare_range);
  for (guint i = 0; i < marks->len; i++)
    {
      DossierSearchRange r = g_array_index (marks, DossierSearchRange, i);

      if (n > 0 && r.start <= g_array_index (marks, DossierSearchRange, n - 1).end)
        {
          DossierSearchRange *last = &g_array_index (marks, DossierSearchRange, n - 1);

          last->end = MAX (last->end, r.end);
        }
      else
        g_array_index (marks, DossierSearchRange, n++) = r;
    }
  g_array_set_size (marks, n);
}

typedef struct
{
  guint start;
  guint end;
  guint matcher;
} RawMark;

static int
compare_raw_mark (gconstpointer a,
                  gconstpointer b)
{
  const RawMark *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Where to center a snippet: at the match with the most different terms
 * matched soon after it, so "jong un" shows "Kim Jong Un" rather than an
 * earlier "United". */
static DossierSearchRange
choose_anchor (GArray *raw)
{
  DossierSearchRange anchor = { 0, 0 };
  guint best = 0;

  g_array_sort (raw, compare_raw_mark);
  for (guint i = 0; i < raw->len; i++)
    {
      const RawMark *m = &g_array_index (raw, RawMark, i);
      guint64 seen = 0;
      guint count = 0;

      for (guint j = i; j < raw->len; j++)
        {
          const RawMark *n = &g_array_index (raw, RawMark, j);
          guint64 bit = G_GUINT64_CONSTANT (1) << (n->matcher % 64);

          if (n->start > m->start + SNIPPET_CHARS / 2)
            break;
          if ((seen & bit) == 0)
            {
              seen |= bit;
              count++;
            }
        }
      if (count > best)
        {
          best = count;
          anchor.start = m->start;
          anchor.end = m->end;
        }
    }
  return anchor;
}

/* The matches in @text; *@has_words tells whether any is of a word
 * typed (not only a tag or an author named by a filter); *@anchor is
 * where a snippet of it should be centered. */
static GArray *
find_marks (Snippeter          *sn,
            const char         *field,
            const char         *text,
            gboolean           *has_words,
            DossierSearchRange *anchor)
{
  Run *run = sn->run;
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (RawMark));
  const guint32 *ranks;
  const Token *tokens;

  g_string_truncate (sn->norm, 0);
  g_array_set_size (sn->tokens, 0);
  tokenize (text, strlen (text), sn->norm, sn->tokens);

  g_array_set_size (sn->ranks, sn->tokens->len);
  for (guint i = 0; i < sn->tokens->len; i++)
    {
      const Token *tok = &g_array_index (sn->tokens, Token, i);
      RankRange r = lookup_range (run->self, sn->norm->str + tok->norm_start, tok->norm_len, FALSE);

      g_array_index (sn->ranks, guint32, i) = r.hi > r.lo ? r.lo : G_MAXUINT32;
    }
  ranks = (const guint32 *) sn->ranks->data;
  tokens = (const Token *) sn->tokens->data;
  *has_words = FALSE;

  for (guint k = 0; k < run->matchers->len; k++)
    {
      const Matcher *m = g_ptr_array_index (run->matchers, k);

      if (m->atom->negated || m->n_marks == 0)
        continue;
      if (m->marks_field != NULL && strcmp (m->marks_field, field) != 0)
        continue;

      if (m->marks_adjacent)
        {
          for (guint i = 0; i + m->n_marks <= sn->tokens->len; i++)
            if (ranks_have_sequence (ranks + i, m->n_marks, m->marks, m->n_marks))
              {
                RawMark r = { tokens[i].start, tokens[i + m->n_marks - 1].end, k };

                g_array_append_val (raw, r);
                if (m->marks_field == NULL)
                  *has_words = TRUE;
              }
        }
      else
        {
          for (guint i = 0; i < sn->tokens->len; i++)
            for (guint j = 0; j < m->n_marks; j++)
              if (slot_has (&m->marks[j], ranks[i]))
                {
                  RawMark r = { tokens[i].start, tokens[i].end, k };

                  g_array_append_val (raw, r);
                }
        }
    }

  *anchor = choose_anchor (raw);
  for (guint i = 0; i < raw->len; i++)
    {
      const RawMark *r = &g_array_index (raw, RawMark, i);
      DossierSearchRange range = { r->start, r->end };

      g_array_append_val (marks, range);
    }
  normalize_marks (marks);
  return marks;
}

/* Picks the field the snippet comes from: the first (after the title)
 * where a typed word matches; else the title when a word matches there;
 * else the first field with text. */
static void
snippet_field_cb (Collector  *c,
                  const char *field,
                  gboolean    is_title,
                  const char *text,
                  gsize       len)
{
  Snippeter *sn = c->data;
  g_autofree char *clean = sanitize (text, len);
  g_autoptr(GArray) marks = NULL;
  gboolean has_words;
  DossierSearchRange anchor;

  if (is_title)
    {
      sn->title_field = field;
      sn->title_marks = find_marks (sn, field, clean, &sn->title_has_words, &sn->title_anchor);
      sn->title = g_steal_pointer (&clean);
      return;
    }

  if (clean[0] == '\0' || sn->field != NULL)
    return;

  marks = find_marks (sn, field, clean, &has_words, &anchor);
  if (has_words)
    {
      sn->field = field;
      sn->text = g_steal_pointer (&clean);
      sn->marks = g_steal_pointer (&marks);
      sn->anchor = anchor;
    }
  else if (sn->fallback_field == NULL)
    {
      sn->fallback_field = field;
      sn->fallback_text = g_steal_pointer (&clean);
      sn->fallback_marks = g_steal_pointer (&marks);
      sn->fallback_anchor = anchor;
    }
}

/* Cuts about SNIPPET_CHARS characters of @text around its first mark,
 * at spaces where it can, and moves the marks with it. */
static char *
cut_snippet (const char               *text,
             GArray                   *marks,
             const DossierSearchRange *anchor)
{
  gsize len = strlen (text);
  const char *start = text;
  const char *end;
  const char *first = text + anchor->start;
  const char *first_end = text + anchor->end;
  glong total = g_utf8_strlen (text, len);
  GString *out;
  guint shift;
  guint n = 0;

  if (total <= SNIPPET_CHARS)
    return g_strdup (text);

  /* Start some way before the first match, at a word. */
  if (g_utf8_pointer_to_offset (text, first) > SNIPPET_BEFORE)
    {
      const char *p = first;

      for (int i = 0; i < SNIPPET_BEFORE; i++)
        p = g_utf8_prev_char (p);
      /* Do not cut a word: move on to the next space, if it is near. */
      for (const char *q = p; q < first && q - p < 24; q = g_utf8_next_char (q))
        if (*q == ' ')
          {
            p = q + 1;
            break;
          }
      start = p;
    }

  end = start;
  for (int i = 0; i < SNIPPET_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (end < first_end)
    end = first_end;
  if (*end != '\0')
    {
      for (const char *q = end; q > first_end && end - q < 24; q = g_utf8_prev_char (q))
        if (*q == ' ')
          {
            end = q;
            break;
          }
    }
  else if (start > text)
    {
      /* Near the end: show a full window. */
      const char *p = end;

      for (int i = 0; i < SNIPPET_CHARS && p > text; i++)
        p = g_utf8_prev_char (p);
      if (p < start)
        {
          for (const char *q = p; q < start && q - p < 24; q = g_utf8_next_char (q))
            if (*q == ' ')
              {
                p = q + 1;
                break;
              }
          start = p;
        }
    }

  out = g_string_new (NULL);
  if (start > text)
    g_string_append (out, "…");
  shift = out->len;
  g_string_append_len (out, start, end - start);
  if (*end != '\0')
    g_string_append (out, "…");

  for (guint i = 0; i < marks->len; i++)
    {
      DossierSearchRange r = g_array_index (marks, DossierSearchRange, i);

      if (text + r.start < start || text + r.end > end)
        continue;
      r.start = r.start - (start - text) + shift;
      r.end = r.end - (start - text) + shift;
      g_array_index (marks, DossierSearchRange, n++) = r;
    }
  g_array_set_size (marks, n);

  return g_string_free (out, FALSE);
}

static const char *
doc_item_id (const Doc *doc)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_ENTITY:
      return dossier_entity_get_id (doc->item);
    case DOC_SOURCE:
      return dossier_source_get_id (doc->item);
    case DOC_HYPOTHESIS:
      return dossier_hypothesis_get_id (doc->item);
    case DOC_REACTION:
      return dossier_reaction_get_id (doc->item);
    case DOC_EVENT:
      return dossier_event_get_id (doc->item);
    case DOC_NOTE:
      return dossier_note_get_id (doc->item);
    case DOC_OVERVIEW:
    case DOC_BREACH:
    case DOC_EXPOSED:
    case DOC_THREAT:
    case DOC_RELEASE:
    default:
      return NULL;
    }
}

static DossierCertainty
doc_certainty (const Doc *doc)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_EXPOSED:
      return ((DossierExposedItem *) doc->item)->certainty;
    case DOC_HYPOTHESIS:
      return dossier_hypothesis_get_certainty (doc->item);
    case DOC_REACTION:
      return dossier_reaction_get_certainty (doc->item);
    case DOC_RELEASE:
      return dossier_release_get_certainty (doc->item);
    case DOC_EVENT:
      return dossier_event_get_certainty (doc->item);
    case DOC_OVERVIEW:
    case DOC_ENTITY:
    case DOC_SOURCE:
    case DOC_BREACH:
    case DOC_THREAT:
    case DOC_NOTE:
    default:
      return DOSSIER_CERTAINTY_NONE;
    }
}

static char *
shorten (const char *text,
         glong       max_chars)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max_chars - 1);
  return g_strconcat (head, "…", NULL);
}

static char *
make_label (const Doc  *doc,
            const char *id,
            const char *title)
{
  g_autofree char *short_title = shorten (title, 60);
  gboolean has_title = short_title[0] != '\0';

  switch ((DocKind) doc->kind)
    {
    case DOC_OVERVIEW:
      /* Translators: a search hit; %s is the case's title. */
      return has_title ? g_strdup_printf (_("Overview — %s"), short_title)
                       : g_strdup (_("Overview"));
    case DOC_ENTITY:
      /* Translators: a search hit; the entity's id, then its name. */
      return g_strdup_printf (_("Entity %s — %s"), id, short_title);
    case DOC_SOURCE:
      return g_strdup_printf (_("Source %s — %s"), id, short_title);
    case DOC_BREACH:
      return has_title ? g_strdup_printf (_("Breach — %s"), short_title)
                       : g_strdup (_("Breach"));
    case DOC_EXPOSED:
      /* Translators: a search hit; the item's number, then its text. */
      return g_strdup_printf (_("Exposed item %d — %s"), doc->item_index + 1, short_title);
    case DOC_HYPOTHESIS:
      return g_strdup_printf (_("Hypothesis %s — %s"), id, short_title);
    case DOC_THREAT:
      return has_title ? g_strdup_printf (_("Threat screen — %s"), short_title)
                       : g_strdup (_("Threat screen"));
    case DOC_REACTION:
      return has_title ? g_strdup_printf (_("Reaction %s — %s"), id, short_title)
                       : g_strdup_printf (_("Reaction %s"), id);
    case DOC_RELEASE:
      return g_strdup_printf (_("Release %d — %s"), doc->item_index + 1, short_title);
    case DOC_EVENT:
      return g_strdup_printf (_("Event %s — %s"), id, short_title);
    case DOC_NOTE:
      /* Translators: a search hit; the note's id, then its title. */
      return g_strdup_printf (_("Note %s — %s"), id, short_title);
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

/* A title to show when the item has none of its own. */
static char *
fallback_title (const DossierSearchIndex *self,
                const Doc                *doc)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_BREACH:
      return g_strdup (dossier_section_get_label (DOSSIER_SECTION_BREACH));
    case DOC_THREAT:
      return g_strdup (dossier_section_get_label (DOSSIER_SECTION_THREAT));
    case DOC_RELEASE:
      return g_strdup (dossier_release_status_get_label (dossier_release_get_status (doc->item)));
    case DOC_REACTION:
      {
        const char *actor = dossier_reaction_get_actor (doc->item);

        return actor != NULL
               ? sanitize (dossier_case_get_entity_name (self->dcase, actor),
                           strlen (dossier_case_get_entity_name (self->dcase, actor)))
               : g_strdup ("");
      }
    case DOC_OVERVIEW:
    case DOC_ENTITY:
    case DOC_SOURCE:
    case DOC_EXPOSED:
    case DOC_HYPOTHESIS:
    case DOC_EVENT:
    case DOC_NOTE:
    default:
      return g_strdup ("");
    }
}

static DossierSearchHit *
make_hit (Run       *run,
          Snippeter *sn,
          Collector *c,
          const Ranked *ranked)
{
  const Doc *doc = &run->self->docs[ranked->doc];
  DossierSearchHit *hit = g_new0 (DossierSearchHit, 1);
  const char *id = doc_item_id (doc);

  sn->title_field = NULL;
  sn->title = NULL;
  sn->title_marks = NULL;
  sn->title_has_words = FALSE;
  sn->field = NULL;
  sn->text = NULL;
  sn->marks = NULL;
  sn->fallback_field = NULL;
  sn->fallback_text = NULL;
  sn->fallback_marks = NULL;
  memset (&sn->anchor, 0, sizeof sn->anchor);
  memset (&sn->title_anchor, 0, sizeof sn->title_anchor);
  memset (&sn->fallback_anchor, 0, sizeof sn->fallback_anchor);
  collect_document (run->self, doc, c);

  hit->section = doc->section;
  hit->item_id = g_strdup (id);
  hit->item_index = doc->item_index;
  hit->document = ranked->doc;
  hit->date = doc->date != NULL ? dossier_date_copy (doc->date) : NULL;
  hit->certainty = doc_certainty (doc);
  hit->title_match = (ranked->tier & 2) != 0;
  hit->phrase_match = (ranked->tier & 1) != 0 || run->n_sequence_atoms == 1;

  if (sn->title != NULL && sn->title[0] != '\0')
    {
      hit->title = g_steal_pointer (&sn->title);
      hit->title_marks = g_steal_pointer (&sn->title_marks);
    }
  else
    {
      g_clear_pointer (&sn->title, g_free);
      g_clear_pointer (&sn->title_marks, g_array_unref);
      hit->title = fallback_title (run->self, doc);
      hit->title_marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
    }
  hit->label = make_label (doc, id, hit->title);

  if (sn->field != NULL)
    hit->field = sn->field;
  else if (sn->title_has_words || sn->fallback_field == NULL)
    {
      hit->field = sn->title_field != NULL ? sn->title_field : "title";
      sn->text = g_strdup (hit->title);
      sn->marks = g_array_copy (hit->title_marks);
      sn->anchor = sn->title_anchor;
    }
  else
    {
      hit->field = sn->fallback_field;
      sn->text = g_steal_pointer (&sn->fallback_text);
      sn->marks = g_steal_pointer (&sn->fallback_marks);
      sn->anchor = sn->fallback_anchor;
    }

  hit->snippet = cut_snippet (sn->text, sn->marks, &sn->anchor);
  hit->snippet_marks = g_steal_pointer (&sn->marks);
  g_free (sn->text);
  g_free (sn->fallback_text);
  g_clear_pointer (&sn->fallback_marks, g_array_unref);
  return hit;
}

void
dossier_search_hit_free (DossierSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->item_id);
  g_free (hit->title);
  g_clear_pointer (&hit->title_marks, g_array_unref);
  g_free (hit->label);
  g_clear_pointer (&hit->date, dossier_date_free);
  g_free (hit->snippet);
  g_clear_pointer (&hit->snippet_marks, g_array_unref);
  g_free (hit);
}

/* ------------------------------------------------------------------ */
/* The object                                                          */
/* ------------------------------------------------------------------ */

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
  if (!build (self, docs, n_parts, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

DossierSearchIndex *
dossier_search_index_new (DossierCase *dcase)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);

  return index_new_from_docs (dcase, list_documents (dcase), 0, NULL, NULL);
}

DossierSearchIndex *
dossier_search_index_new_in_parts (DossierCase *dcase,
                                   guint        n_parts)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (n_parts >= 1, NULL);

  return index_new_from_docs (dcase, list_documents (dcase), n_parts, NULL, NULL);
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
  *slot = list_documents (dcase);
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

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->matchers, g_ptr_array_unref);
  g_clear_pointer (&run->ranks, g_array_unref);
  g_clear_pointer (&run->bitmap, g_free);
  g_clear_pointer (&run->sequence, g_array_unref);
  g_clear_pointer (&run->title_clauses, g_ptr_array_unref);
}

static void
run_init (Run                *run,
          DossierSearchIndex *self,
          DossierSearchQuery *query,
          GCancellable       *cancellable)
{
  GPtrArray *clauses = dossier_search_query_get_clauses (query);

  run->self = self;
  run->cancellable = cancellable;
  run->matchers = g_ptr_array_new_with_free_func ((GDestroyNotify) matcher_free);
  run->ranks = g_array_new (FALSE, FALSE, sizeof (guint32));
  run->bitmap = g_new0 (guint32, (self->n_docs + 31) / 32 + 1);
  run->sequence = g_array_new (FALSE, FALSE, sizeof (Slot));
  run->title_clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);
      GPtrArray *words = g_ptr_array_new ();

      for (guint j = 0; j < clause->len; j++)
        {
          const DossierSearchAtom *atom = g_ptr_array_index (clause, j);
          Matcher *m = matcher_new (self, atom);

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

GPtrArray *
dossier_search_index_run (DossierSearchIndex  *self,
                          DossierSearchQuery  *query,
                          guint                max_results,
                          guint               *out_total,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) best = NULL;
  Run run = { 0, };
  DocSet result;
  Snippeter sn = { 0, };
  Collector c = { 0, };

  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_total != NULL)
    *out_total = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  if (dossier_search_query_is_empty (query))
    return g_steal_pointer (&hits);

  run_init (&run, self, query, cancellable);

  if (!evaluate (&run, query, &result, error))
    {
      run_clear (&run);
      return NULL;
    }

  if (out_total != NULL)
    *out_total = result.n;

  best = rank_docs (&run, &result, max_results, error);
  docset_clear (&result);
  if (best == NULL)
    {
      run_clear (&run);
      return NULL;
    }

  sn.run = &run;
  sn.norm = g_string_new (NULL);
  sn.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  sn.ranks = g_array_new (FALSE, FALSE, sizeof (guint32));
  c.func = snippet_field_cb;
  c.data = &sn;
  c.plain = g_string_new (NULL);

  for (guint i = 0; i < best->len; i++)
    {
      if ((i & 63) == 63 && g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      g_ptr_array_add (hits, make_hit (&run, &sn, &c, &g_array_index (best, Ranked, i)));
    }

  g_string_free (sn.norm, TRUE);
  g_array_unref (sn.tokens);
  g_array_unref (sn.ranks);
  g_string_free (c.plain, TRUE);
  run_clear (&run);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&hits);
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
