/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"
#include "dossier-search-text.h"

/* A hit's snippet made from its item's text, for a store that has no
 * snippet of its own (the team library): the same marks, the same
 * length as the SQLite store's (FTS5's snippet of 24 tokens). */

#define WINDOW_TOKENS 24
#define TOKENS_BEFORE 4
#define PLAIN_CHARS   160

/* One word looked for: the forms each of its tokens may take (a word
 * of several tokens, "Jong-un", is a phrase), its last token a prefix
 * when typed last. */
typedef struct
{
  GPtrArray *positions;   /* of GPtrArray of char * */
  gboolean   prefix;
} Pattern;

static void
pattern_free (gpointer data)
{
  Pattern *pattern = data;

  g_ptr_array_unref (pattern->positions);
  g_free (pattern);
}

static Pattern *
pattern_new (const DossierSearchAtom *atom)
{
  Pattern *pattern = g_new0 (Pattern, 1);

  pattern->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  pattern->prefix = atom->prefix;
  for (guint i = 0; atom->tokens[i] != NULL; i++)
    {
      GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (forms, g_strdup (atom->tokens[i]));
      if (!atom->quoted)
        {
          g_auto(GStrv) other = dossier_search_text_other_forms (atom->tokens[i]);

          for (guint k = 0; other[k] != NULL; k++)
            g_ptr_array_add (forms, g_strdup (other[k]));
        }
      g_ptr_array_add (pattern->positions, forms);
    }
  return pattern;
}

typedef struct
{
  const char *body;
  GArray     *tokens;    /* of DossierSearchTextToken, text not kept */
  GPtrArray  *texts;     /* each token's text */
} Cut;

static gboolean
form_matches (const char *token,
              const char *form,
              gboolean    as_prefix)
{
  return as_prefix ? g_str_has_prefix (token, form) : strcmp (token, form) == 0;
}

/* How many tokens from @at @pattern covers (all in one field), or 0. */
static guint
pattern_length_at (const Pattern *pattern,
                   const Cut     *cut,
                   guint          at)
{
  guint n = pattern->positions->len;

  if (n == 0 || at + n > cut->tokens->len)
    return 0;
  for (guint k = 0; k < n; k++)
    {
      GPtrArray *forms = g_ptr_array_index (pattern->positions, k);
      const char *token = g_ptr_array_index (cut->texts, at + k);
      gboolean found = FALSE;

      if (k > 0)
        {
          const DossierSearchTextToken *before = &g_array_index (cut->tokens, DossierSearchTextToken, at + k - 1);
          const DossierSearchTextToken *here = &g_array_index (cut->tokens, DossierSearchTextToken, at + k);

          if (memchr (cut->body + before->end, DOSSIER_LIBRARY_FIELD_SEPARATOR, here->start - before->end))
            return 0;
        }
      for (guint f = 0; !found && f < forms->len; f++)
        /* Only the token as typed is a prefix. */
        found = form_matches (token, g_ptr_array_index (forms, f),
                              pattern->prefix && k + 1 == n && f == 0);
      if (!found)
        return 0;
    }
  return n;
}

static void
append_clean (GString    *out,
              const char *text,
              gsize       len)
{
  for (gsize i = 0; i < len; i++)
    g_string_append_c (out, text[i] == DOSSIER_LIBRARY_FIELD_SEPARATOR ? ' ' : text[i]);
}

char *
dossier_library_excerpt (const char         *body,
                         DossierSearchQuery *query)
{
  GPtrArray *clauses = dossier_search_query_get_clauses (query);
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (pattern_free);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DossierSearchTextToken));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, TRUE, sizeof (guint));
  g_auto(DossierSearchTextIter) iter = { 0, };
  DossierSearchTextToken token;
  Cut cut = { body, tokens, texts };
  GString *out = g_string_new (NULL);
  guint first = G_MAXUINT, from, to, span_end = 0;
  gboolean in_span = FALSE;
  gsize at;

  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);

      for (guint j = 0; j < clause->len; j++)
        {
          const DossierSearchAtom *atom = g_ptr_array_index (clause, j);

          if (atom->kind == DOSSIER_SEARCH_ATOM_WORDS && !atom->negated && atom->tokens != NULL)
            g_ptr_array_add (patterns, pattern_new (atom));
        }
    }

  dossier_search_text_iter_init (&iter, body, -1);
  while (dossier_search_text_iter_next (&iter, &token))
    {
      g_ptr_array_add (texts, g_strndup (token.text, token.length));
      token.text = NULL;
      g_array_append_val (tokens, token);
    }
  /* The longest word looked for that begins at each token. */
  g_array_set_size (lengths, tokens->len);
  for (guint i = 0; i < tokens->len; i++)
    for (guint p = 0; p < patterns->len; p++)
      {
        guint n = pattern_length_at (g_ptr_array_index (patterns, p), &cut, i);

        if (n > g_array_index (lengths, guint, i))
          g_array_index (lengths, guint, i) = n;
        if (n > 0 && first == G_MAXUINT)
          first = i;
      }

  if (first == G_MAXUINT)
    {
      g_autofree char *head = g_utf8_substring (body, 0, MIN ((glong) PLAIN_CHARS, g_utf8_strlen (body, -1)));

      append_clean (out, head, strlen (head));
      return g_string_free (out, FALSE);
    }

  from = first > TOKENS_BEFORE ? first - TOKENS_BEFORE : 0;
  to = MIN (from + WINDOW_TOKENS, tokens->len);
  at = from == 0 ? 0 : g_array_index (tokens, DossierSearchTextToken, from).start;
  if (from > 0)
    g_string_append (out, "…");
  /* A phrase is marked whole, from its first token to its last. */
  for (guint i = from; i < to; i++)
    {
      const DossierSearchTextToken *t = &g_array_index (tokens, DossierSearchTextToken, i);
      guint n = g_array_index (lengths, guint, i);

      append_clean (out, body + at, t->start - at);
      if (n > 0 && !in_span)
        {
          g_string_append (out, DOSSIER_LIBRARY_MARK_OPEN);
          in_span = TRUE;
        }
      if (n > 0)
        span_end = MAX (span_end, i + n - 1);
      append_clean (out, body + t->start, t->end - t->start);
      if (in_span && (i == span_end || i + 1 == to))
        {
          g_string_append (out, DOSSIER_LIBRARY_MARK_CLOSE);
          in_span = FALSE;
        }
      at = t->end;
    }
  if (to == tokens->len)
    append_clean (out, body + at, strlen (body + at));
  else
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}
