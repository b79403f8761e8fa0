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

typedef struct
{
  GHashTable *whole;     /* tokens looked for */
  GPtrArray  *prefixes;  /* tokens looked for as beginnings */
} Wanted;

static void
want_atom (Wanted                  *wanted,
           const DossierSearchAtom *atom)
{
  guint n = atom->tokens != NULL ? g_strv_length (atom->tokens) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (atom->prefix && i + 1 == n)
        g_ptr_array_add (wanted->prefixes, g_strdup (atom->tokens[i]));
      else
        g_hash_table_add (wanted->whole, g_strdup (atom->tokens[i]));
      if (!atom->quoted)
        {
          g_auto(GStrv) other = dossier_search_text_other_forms (atom->tokens[i]);

          for (guint k = 0; other[k] != NULL; k++)
            g_hash_table_add (wanted->whole, g_strdup (other[k]));
        }
    }
}

static gboolean
is_wanted (const Wanted                 *wanted,
           const DossierSearchTextToken *token)
{
  g_autofree char *text = g_strndup (token->text, token->length);

  if (g_hash_table_contains (wanted->whole, text))
    return TRUE;
  for (guint i = 0; i < wanted->prefixes->len; i++)
    if (g_str_has_prefix (text, g_ptr_array_index (wanted->prefixes, i)))
      return TRUE;
  return FALSE;
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
  Wanted wanted = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                    g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DossierSearchTextToken));
  g_autoptr(GArray) marked = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_auto(DossierSearchTextIter) iter = { 0, };
  DossierSearchTextToken token;
  GString *out = g_string_new (NULL);
  guint first = G_MAXUINT, from, to;
  gsize at;

  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);

      for (guint j = 0; j < clause->len; j++)
        {
          const DossierSearchAtom *atom = g_ptr_array_index (clause, j);

          if (atom->kind == DOSSIER_SEARCH_ATOM_WORDS && !atom->negated)
            want_atom (&wanted, atom);
        }
    }

  dossier_search_text_iter_init (&iter, body, -1);
  while (dossier_search_text_iter_next (&iter, &token))
    {
      gboolean hit = is_wanted (&wanted, &token);

      g_array_append_val (tokens, token);
      g_array_append_val (marked, hit);
      if (hit && first == G_MAXUINT)
        first = tokens->len - 1;
    }
  g_hash_table_unref (wanted.whole);
  g_ptr_array_unref (wanted.prefixes);

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
  for (guint i = from; i < to; i++)
    {
      const DossierSearchTextToken *t = &g_array_index (tokens, DossierSearchTextToken, i);

      append_clean (out, body + at, t->start - at);
      if (g_array_index (marked, gboolean, i))
        g_string_append (out, DOSSIER_LIBRARY_MARK_OPEN);
      append_clean (out, body + t->start, t->end - t->start);
      if (g_array_index (marked, gboolean, i))
        g_string_append (out, DOSSIER_LIBRARY_MARK_CLOSE);
      at = t->end;
    }
  if (to == tokens->len)
    append_clean (out, body + at, strlen (body + at));
  else
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}
