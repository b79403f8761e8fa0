/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"
#include "dossier-search-text.h"

/* A parsed query (dossier-search-query.h) as SQL conditions on the team
 * library's `items` (alias i), matching what in-case search matches:
 *
 *   words      i.words @@ a tsquery of phrases (<->) of their tokens,
 *              with each form of each, the last a prefix when typed
 *              last (written by dossier_library_words_expression(), as
 *              the FTS5 expression is); a phrase of Korean, Chinese or
 *              Japanese characters also as a LIKE on i.cjk, which
 *              pg_trgm's index answers
 *   tag:       i.tags holds the folded tag (when last, one of the tags
 *              beginning so), named after `terms` lists them
 *   author:    i.authors holds each word
 *   cites:     i.cites holds the folded source id
 *   in:, certainty:, before:, after:   the columns
 *
 * The atoms of a clause are joined by OR, the clauses by AND; a negated
 * atom is NOT its condition. Every value is a parameter ($n). */

static const DossierLibrarySyntax tsquery_syntax = {
  .phrase_join = " <-> ",
  .or_join = " | ",
  .and_join = " & ",
  .prefix_mark = ":*",
  .quote = dossier_library_pg_quote_lexeme,
};

/* Appends "$n" for a new parameter @value (taken). */
static void
add_param (DossierLibraryPgQuery *self,
           GString               *sql,
           char                  *value,
           const char            *cast)
{
  g_ptr_array_add (self->params, value);
  g_string_append_printf (sql, "$%u%s", self->params->len, cast);
}

static gboolean
all_cjk (GStrv tokens)
{
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_utf8_strlen (tokens[i], -1) != 1 || !dossier_search_text_is_cjk (g_utf8_get_char (tokens[i])))
      return FALSE;
  return TRUE;
}

static void
append_words (DossierLibraryPgQuery   *self,
              GString                 *sql,
              const DossierSearchAtom *atom)
{
  char *expression = dossier_library_words_expression (atom, &tsquery_syntax);

  if (expression == NULL)
    {
      g_string_append (sql, "FALSE");
      return;
    }
  g_string_append (sql, "(i.words @@ ");
  add_param (self, sql, expression, "::tsquery");
  /* Characters written without spaces are a token each: a word of them
   * is a run of single characters, which the trigram index finds. */
  if (g_strv_length (atom->tokens) >= 2 && all_cjk (atom->tokens))
    {
      g_autofree char *run = g_strjoinv (" ", atom->tokens);

      g_string_append (sql, " AND i.cjk LIKE ");
      add_param (self, sql, g_strdup_printf ("%%%s%%", run), "");
    }
  g_string_append_c (sql, ')');
}

/* @column holds @value, or when @prefix a value beginning with it: the
 * values are looked up in `terms` first (self->terms), so that the
 * statement names them, the planner knows how common they are from the
 * column's statistics, and a value no item has is no scan at all. */
static void
append_holds (DossierLibraryPgQuery *self,
              GString               *sql,
              const char            *column,
              char                   kind,
              const char            *value,
              gboolean               prefix)
{
  g_autoptr(GPtrArray) terms = self->terms (kind, value, prefix, self->terms_data);

  if (terms == NULL)
    {
      /* Too many to name (or the lookup failed): the server lists them. */
      g_autofree char *after = g_strdup (value);
      gsize len = strlen (after);

      g_string_append_printf (sql, "%s && ARRAY (SELECT term FROM terms WHERE kind = '%c' AND term >= ",
                              column, kind);
      add_param (self, sql, g_strdup (value), "::text");
      if (len > 0 && (guchar) after[len - 1] < 0xff)
        {
          after[len - 1]++;
          g_string_append (sql, " AND term < ");
          add_param (self, sql, g_steal_pointer (&after), "::text");
        }
      g_string_append (sql, ")");
      return;
    }
  if (terms->len == 0)
    {
      g_string_append (sql, "FALSE");
      return;
    }
  g_string_append_printf (sql, "%s && ARRAY[", column);
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      add_param (self, sql, g_strdup (g_ptr_array_index (terms, i)), "::text");
    }
  g_string_append (sql, "]");
}

static void
append_atom (DossierLibraryPgQuery   *self,
             GString                 *sql,
             const DossierSearchAtom *atom)
{
  guint n = atom->tokens != NULL ? g_strv_length (atom->tokens) : 0;

  if (atom->negated)
    g_string_append (sql, "NOT ");
  g_string_append_c (sql, '(');
  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_WORDS:
      append_words (self, sql, atom);
      break;
    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_CITES:
      if (n == 0)
        g_string_append (sql, "FALSE");
      else
        append_holds (self, sql, atom->kind == DOSSIER_SEARCH_ATOM_TAG ? "i.tags" : "i.cites",
                      atom->kind == DOSSIER_SEARCH_ATOM_TAG ? 't' : 'c', atom->tokens[0], atom->prefix);
      break;
    case DOSSIER_SEARCH_ATOM_AUTHOR:
      if (n == 0)
        g_string_append (sql, "FALSE");
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (sql, " AND ");
          append_holds (self, sql, "i.authors", 'a', atom->tokens[i], atom->prefix && i + 1 == n);
        }
      break;
    case DOSSIER_SEARCH_ATOM_IN:
      g_string_append (sql, "i.section = ");
      add_param (self, sql, g_strdup_printf ("%d", atom->section), "::smallint");
      break;
    case DOSSIER_SEARCH_ATOM_CERTAINTY:
      g_string_append (sql, "i.certainty @> ARRAY[");
      add_param (self, sql, g_strdup_printf ("%d", atom->certainty), "::smallint");
      g_string_append (sql, "]");
      break;
    case DOSSIER_SEARCH_ATOM_BEFORE:
    case DOSSIER_SEARCH_ATOM_AFTER:
      g_string_append_printf (sql, "i.date_start IS NOT NULL AND i.date_start %s ",
                              atom->kind == DOSSIER_SEARCH_ATOM_BEFORE ? "<" : ">=");
      add_param (self, sql,
                 g_strdup_printf ("%" G_GINT64_FORMAT, dossier_date_get_sort_key (atom->date)),
                 "::bigint");
      break;
    default:
      g_assert_not_reached ();
    }
  g_string_append_c (sql, ')');
}

DossierLibraryPgQuery *
dossier_library_pg_query_new (DossierSearchQuery      *query,
                              DossierLibraryPgTermsFunc terms,
                              gpointer                  terms_data)
{
  DossierLibraryPgQuery *self = g_new0 (DossierLibraryPgQuery, 1);
  GPtrArray *clauses = dossier_search_query_get_clauses (query);

  self->where = g_string_new (NULL);
  self->params = g_ptr_array_new_with_free_func (g_free);
  self->terms = terms;
  self->terms_data = terms_data;
  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (clauses, i);

      if (self->where->len > 0)
        g_string_append (self->where, " AND ");
      g_string_append_c (self->where, '(');
      for (guint j = 0; j < clause->len; j++)
        {
          if (j > 0)
            g_string_append (self->where, " OR ");
          append_atom (self, self->where, g_ptr_array_index (clause, j));
        }
      g_string_append_c (self->where, ')');
    }
  if (self->where->len == 0)
    g_string_append (self->where, "TRUE");
  return self;
}

void
dossier_library_pg_query_free (DossierLibraryPgQuery *self)
{
  if (self == NULL)
    return;
  g_string_free (self->where, TRUE);
  g_ptr_array_unref (self->params);
  g_free (self);
}
