/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-text.h"

#include <string.h>

#include "dossier-search-private.h"

/* Folding and tokens: see dossier-search-text.h. The index cuts every
 * text of a case with dossier_search_text_tokenize_append(), so the
 * common case (ASCII) takes a fast path and nothing is allocated per
 * token. */

#define FOLD_MAX         32

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

gboolean
dossier_search_text_is_cjk (gunichar c)
{
  return is_cjk (c);
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
  if (t->norm->len - t->word.norm_start + 4 <= DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES)
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

void
dossier_search_text_tokenize_append (const char *text,
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
              char run[DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES];
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
              room = DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES - MIN (DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES, norm->len - t.word.norm_start);
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

void
dossier_search_text_fold_append (GString    *out,
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
dossier_search_text_sanitize (const char *text,
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

static void
add_english_forms (GPtrArray  *forms,
                   const char *t)
{
  gsize len = strlen (t);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (t[i]))
      return;
  if (len < 3)
    return;

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
}

char *
dossier_search_text_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  dossier_search_text_fold_append (out, text);
  return g_string_free (out, FALSE);
}

GStrv
dossier_search_text_tokenize (const char *text,
                              gssize      length)
{
  g_autoptr(GString) norm = g_string_new (NULL);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  GStrvBuilder *builder;
  GStrv result;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  dossier_search_text_tokenize_append (text, length, norm, tokens);

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

GStrv
dossier_search_text_other_forms (const char *token)
{
  GPtrArray *forms;

  g_return_val_if_fail (token != NULL, NULL);

  forms = g_ptr_array_new ();
  add_english_forms (forms, token);
  g_ptr_array_add (forms, NULL);
  return (GStrv) g_ptr_array_free (forms, FALSE);
}

void
dossier_search_text_iter_init (DossierSearchTextIter *iter,
                               const char            *text,
                               gssize                 length)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  iter->folded = g_string_new (NULL);
  iter->spans = g_array_new (FALSE, FALSE, sizeof (Token));
  iter->next = 0;
  if (length > 0)
    dossier_search_text_tokenize_append (text, length, iter->folded, iter->spans);
}

gboolean
dossier_search_text_iter_next (DossierSearchTextIter  *iter,
                               DossierSearchTextToken *token)
{
  const Token *span;

  g_return_val_if_fail (iter != NULL && iter->spans != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  if (iter->next >= iter->spans->len)
    return FALSE;
  span = &g_array_index (iter->spans, Token, iter->next++);
  token->text = iter->folded->str + span->norm_start;
  token->length = span->norm_len;
  token->start = span->start;
  token->end = span->end;
  return TRUE;
}

void
dossier_search_text_iter_clear (DossierSearchTextIter *iter)
{
  g_return_if_fail (iter != NULL);

  if (iter->folded != NULL)
    g_string_free (g_steal_pointer (&iter->folded), TRUE);
  g_clear_pointer (&iter->spans, g_array_unref);
  iter->next = 0;
}
