/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"
#include "dossier-search-text.h"

/* A parsed query (dossier-search-query.h) as one FTS5 MATCH expression
 * and SQL conditions on the indexed columns of `items`, matching what
 * dossier-search-evaluate.c matches:
 *
 *   words      a phrase of their tokens (one token: the token), the last
 *              one a prefix when typed last; unquoted, each token may
 *              also be its other English number, so the phrase is an OR
 *              of each choice of forms
 *   tag:       the term "\001t" + the folded tag (a prefix when last)
 *   author:    each word as a term "\001a" + word, all of them
 *   cites:     the term "\001c" + the folded source id
 *   in:, certainty:, before:, after:   conditions on items' columns
 *
 * Clauses of words and terms only go into the MATCH expression (AND);
 * a negated one is taken out of it with NOT. A clause that mixes them
 * with conditions, or a negation with nothing to take it from, becomes
 * an SQL condition with the expression in a subquery on the FTS table.
 * Every string in the expression is quoted: nothing the user typed is
 * read as FTS5 syntax, and every value goes to SQL as a parameter. */

/* More choices of forms than this in one phrase (a long word joined by
 * hyphens, each part with a plural) are matched as all its tokens in
 * any order: only such a word may find more than in-case search. */
#define MAX_PHRASES 64

void
dossier_library_fts_quote (GString    *out,
                           const char *text,
                           gssize      len)
{
  if (len < 0)
    len = strlen (text);
  g_string_append_c (out, '"');
  for (gssize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

/* How FTS5 writes the expression. */
const DossierLibrarySyntax dossier_library_fts5_syntax = {
  .phrase_join = " + ",
  .or_join = " OR ",
  .and_join = " AND ",
  .prefix_mark = " *",
  .quote = dossier_library_fts_quote,
};

/* The forms a token position accepts; the first is the token itself. */
static GPtrArray *
position_forms (const char *token,
                gboolean    inflect)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (forms, g_strdup (token));
  if (inflect)
    {
      g_auto(GStrv) other = dossier_search_text_other_forms (token);

      /* Search keeps at most four forms a token (MAX_FORMS). */
      for (guint k = 0; other[k] != NULL && forms->len < 4; k++)
        g_ptr_array_add (forms, g_strdup (other[k]));
    }
  return forms;
}

/* A token as a prefix. FTS5 reads every match of every term with the
 * prefix before it gives the first, so the terms are listed instead,
 * when the store can: an OR of whole terms is read only as far as
 * LIMIT asks. The same items match either way. */
static void
append_prefix (GString                   *out,
               const DossierLibraryMatch *match,
               const char                *token)
{
  g_autoptr(GPtrArray) terms = NULL;

  if (match->expand != NULL)
    terms = match->expand (token, match->expand_data);
  if (terms == NULL)
    {
      match->syntax->quote (out, token, -1);
      g_string_append (out, match->syntax->prefix_mark);
      return;
    }
  /* No term begins with it: as a whole token, it finds nothing too. */
  if (terms->len == 0)
    {
      match->syntax->quote (out, token, -1);
      return;
    }
  g_string_append_c (out, '(');
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append (out, " OR ");
      dossier_library_fts_quote (out, g_ptr_array_index (terms, i), -1);
    }
  g_string_append_c (out, ')');
}

static void
append_phrases (GString                   *out,
                const DossierLibraryMatch *match,
                gsize                      start,
                GPtrArray                **positions,
                guint                      n,
                guint                     *choice,
                guint                      at,
                gboolean                   prefix)
{
  if (at == n)
    {
      if (out->len > start)
        g_string_append (out, match->syntax->or_join);
      /* Only the token as typed is a prefix; its other forms are whole.
       * A prefix alone can be listed as terms, not one in a phrase. */
      if (n == 1 && prefix && choice[0] == 0)
        {
          append_prefix (out, match, g_ptr_array_index (positions[0], 0));
          return;
        }
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, match->syntax->phrase_join);
          match->syntax->quote (out, g_ptr_array_index (positions[i], choice[i]), -1);
        }
      if (prefix && choice[n - 1] == 0)
        g_string_append (out, match->syntax->prefix_mark);
      return;
    }
  for (guint k = 0; k < positions[at]->len; k++)
    {
      choice[at] = k;
      append_phrases (out, match, start, positions, n, choice, at + 1, prefix);
    }
}

static char *
words_expression (const DossierLibraryMatch *match,
                  const DossierSearchAtom   *atom)
{
  guint n = atom->tokens != NULL ? g_strv_length (atom->tokens) : 0;
  g_autofree GPtrArray **positions = NULL;
  g_autofree guint *choice = NULL;
  GString *out;
  guint64 n_phrases = 1;

  if (n == 0)
    return NULL;

  positions = g_new0 (GPtrArray *, n);
  choice = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    {
      positions[i] = position_forms (atom->tokens[i], !atom->quoted);
      n_phrases = MIN (n_phrases * positions[i]->len, G_MAXUINT32);
    }

  out = g_string_new ("(");
  if (n_phrases <= MAX_PHRASES)
    append_phrases (out, match, out->len, positions, n, choice, 0, atom->prefix);
  else
    for (guint i = 0; i < n; i++)
      {
        if (i > 0)
          g_string_append (out, match->syntax->and_join);
        g_string_append_c (out, '(');
        append_phrases (out, match, out->len, &positions[i], 1, choice, 0,
                        atom->prefix && i + 1 == n);
        g_string_append_c (out, ')');
      }
  g_string_append_c (out, ')');

  for (guint i = 0; i < n; i++)
    g_clear_pointer (&positions[i], g_ptr_array_unref);
  return g_string_free (out, FALSE);
}

char *
dossier_library_words_expression (const DossierSearchAtom    *atom,
                                  const DossierLibrarySyntax *syntax)
{
  DossierLibraryMatch match = { .syntax = syntax };

  g_return_val_if_fail (atom->kind == DOSSIER_SEARCH_ATOM_WORDS, NULL);

  return words_expression (&match, atom);
}

static void
append_term (GString                   *out,
             const DossierLibraryMatch *match,
             const char                *prefix,
             const char                *value,
             gboolean                   is_prefix)
{
  g_autofree char *term = g_strconcat (prefix, value, NULL);

  if (is_prefix)
    append_prefix (out, match, term);
  else
    dossier_library_fts_quote (out, term, -1);
}

/* The FTS5 expression of a words, tag, author or cites atom, ignoring
 * its negation; NULL when it can match nothing. */
static char *
atom_expression (const DossierLibraryMatch *match,
                 const DossierSearchAtom   *atom)
{
  guint n = atom->tokens != NULL ? g_strv_length (atom->tokens) : 0;
  GString *out;

  if (atom->kind == DOSSIER_SEARCH_ATOM_WORDS)
    return words_expression (match, atom);
  if (n == 0)
    return NULL;

  out = g_string_new ("(");
  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_TAG:
      append_term (out, match, DOSSIER_LIBRARY_TERM_TAG, atom->tokens[0], atom->prefix);
      break;
    case DOSSIER_SEARCH_ATOM_CITES:
      append_term (out, match, DOSSIER_LIBRARY_TERM_CITES, atom->tokens[0], atom->prefix);
      break;
    case DOSSIER_SEARCH_ATOM_AUTHOR:
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, " AND ");
          append_term (out, match, DOSSIER_LIBRARY_TERM_AUTHOR, atom->tokens[i],
                       atom->prefix && i + 1 == n);
        }
      break;
    case DOSSIER_SEARCH_ATOM_WORDS:
    case DOSSIER_SEARCH_ATOM_IN:
    case DOSSIER_SEARCH_ATOM_CERTAINTY:
    case DOSSIER_SEARCH_ATOM_BEFORE:
    case DOSSIER_SEARCH_ATOM_AFTER:
    default:
      g_assert_not_reached ();
    }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

static gboolean
is_predicate (const DossierSearchAtom *atom)
{
  return atom->kind == DOSSIER_SEARCH_ATOM_IN
         || atom->kind == DOSSIER_SEARCH_ATOM_CERTAINTY
         || atom->kind == DOSSIER_SEARCH_ATOM_BEFORE
         || atom->kind == DOSSIER_SEARCH_ATOM_AFTER;
}

static void
add_number (DossierLibraryMatch *match,
            gint64               number)
{
  DossierLibraryParam param = { FALSE, NULL, number };

  g_array_append_val (match->params, param);
}

static void
add_text (DossierLibraryMatch *match,
          char                *text)
{
  DossierLibraryParam param = { TRUE, text, 0 };

  g_array_append_val (match->params, param);
}

/* Appends the SQL condition of one atom, its negation included. */
static void
append_condition (DossierLibraryMatch     *match,
                  GString                 *sql,
                  const DossierSearchAtom *atom)
{
  if (atom->negated)
    g_string_append (sql, "NOT ");
  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_IN:
      g_string_append (sql, "(i.section = ?)");
      add_number (match, atom->section);
      return;
    case DOSSIER_SEARCH_ATOM_CERTAINTY:
      g_string_append (sql, "((i.certainties & ?) != 0)");
      add_number (match, 1 << atom->certainty);
      return;
    case DOSSIER_SEARCH_ATOM_BEFORE:
    case DOSSIER_SEARCH_ATOM_AFTER:
      g_string_append_printf (sql, "(i.date_start IS NOT NULL AND i.date_start %s ?)",
                              atom->kind == DOSSIER_SEARCH_ATOM_BEFORE ? "<" : ">=");
      add_number (match, dossier_date_get_sort_key (atom->date));
      return;
    case DOSSIER_SEARCH_ATOM_WORDS:
    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_AUTHOR:
    case DOSSIER_SEARCH_ATOM_CITES:
    default:
      {
        char *expression = atom_expression (match, atom);

        if (expression == NULL)
          {
            g_string_append (sql, "(0)");
            return;
          }
        g_string_append (sql, "(i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?))");
        add_text (match, expression);
      }
    }
}

static void
add_where (DossierLibraryMatch *match,
           const char          *condition)
{
  if (match->where->len > 0)
    g_string_append (match->where, " AND ");
  g_string_append (match->where, condition);
}

/* A clause of several atoms joined by OR: in the expression when they
 * are all words or terms, else a condition. */
static void
add_or_clause (DossierLibraryMatch *match,
               GPtrArray           *clause,
               GString             *fts)
{
  gboolean plain = TRUE;

  for (guint j = 0; j < clause->len; j++)
    {
      const DossierSearchAtom *atom = g_ptr_array_index (clause, j);

      if (atom->negated || is_predicate (atom))
        plain = FALSE;
    }

  if (plain)
    {
      g_autoptr(GString) any = g_string_new (NULL);

      for (guint j = 0; j < clause->len; j++)
        {
          g_autofree char *expression = atom_expression (match, g_ptr_array_index (clause, j));

          if (expression == NULL)
            continue;
          g_string_append (any, any->len > 0 ? " OR " : "(");
          g_string_append (any, expression);
        }
      if (any->len == 0)
        {
          match->nothing = TRUE;
          return;
        }
      g_string_append_c (any, ')');
      if (fts->len > 0)
        g_string_append (fts, " AND ");
      g_string_append (fts, any->str);
      return;
    }

  {
    g_autoptr(GString) sql = g_string_new ("(");

    for (guint j = 0; j < clause->len; j++)
      {
        if (j > 0)
          g_string_append (sql, " OR ");
        append_condition (match, sql, g_ptr_array_index (clause, j));
      }
    g_string_append_c (sql, ')');
    add_where (match, sql->str);
  }
}

DossierLibraryMatch *
dossier_library_match_new (DossierSearchQuery       *query,
                           DossierLibraryExpandFunc  expand,
                           gpointer                  expand_data)
{
  DossierLibraryMatch *match = g_new0 (DossierLibraryMatch, 1);
  GPtrArray *clauses = dossier_search_query_get_clauses (query);
  g_autoptr(GString) fts = g_string_new (NULL);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);

  match->syntax = &dossier_library_fts5_syntax;
  match->expand = expand;
  match->expand_data = expand_data;
  match->where = g_string_new (NULL);
  match->params = g_array_new (FALSE, TRUE, sizeof (DossierLibraryParam));

  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);
      const DossierSearchAtom *atom = g_ptr_array_index (clause, 0);

      if (clause->len > 1)
        add_or_clause (match, clause, fts);
      else if (is_predicate (atom))
        {
          g_autoptr(GString) sql = g_string_new (NULL);

          append_condition (match, sql, atom);
          add_where (match, sql->str);
        }
      else
        {
          char *expression = atom_expression (match, atom);

          if (expression == NULL)
            /* Nothing to find; nothing to leave out. */
            match->nothing = match->nothing || !atom->negated;
          else if (atom->negated)
            g_ptr_array_add (left_out, expression);
          else
            {
              if (fts->len > 0)
                g_string_append (fts, " AND ");
              g_string_append (fts, expression);
              g_free (expression);
            }
        }
    }

  for (guint i = 0; i < left_out->len; i++)
    {
      const char *expression = g_ptr_array_index (left_out, i);

      if (fts->len > 0)
        {
          g_string_prepend_c (fts, '(');
          g_string_append_printf (fts, ") NOT %s", expression);
        }
      else
        {
          add_where (match, "(i.id NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?))");
          add_text (match, g_strdup (expression));
        }
    }

  if (fts->len > 0)
    match->fts = g_strdup (fts->str);
  return match;
}

void
dossier_library_match_free (DossierLibraryMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->fts);
  g_string_free (match->where, TRUE);
  for (guint i = 0; i < match->params->len; i++)
    g_free (g_array_index (match->params, DossierLibraryParam, i).text);
  g_array_unref (match->params);
  g_free (match);
}
