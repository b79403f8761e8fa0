/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-query.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-search-text.h"

struct _DossierSearchQuery
{
  gatomicrefcount  ref_count;
  char            *text;
  GPtrArray       *clauses;   /* of GPtrArray of DossierSearchAtom */
};

typedef struct
{
  const char            *name;
  DossierSearchAtomKind  kind;
} FilterName;

static const FilterName filter_names[] = {
  { "tag", DOSSIER_SEARCH_ATOM_TAG },
  { "author", DOSSIER_SEARCH_ATOM_AUTHOR },
  { "in", DOSSIER_SEARCH_ATOM_IN },
  { "cites", DOSSIER_SEARCH_ATOM_CITES },
  { "certainty", DOSSIER_SEARCH_ATOM_CERTAINTY },
  { "before", DOSSIER_SEARCH_ATOM_BEFORE },
  { "after", DOSSIER_SEARCH_ATOM_AFTER },
};

/* The column of a refused query travels in its GError (an extended
 * error domain), so nothing has to read it back from the message, which
 * also holds what the user typed. */
typedef struct
{
  guint column;
} DossierSearchErrorPrivate;

static void
dossier_search_error_private_init (DossierSearchErrorPrivate *priv)
{
  priv->column = 0;
}

static void
dossier_search_error_private_copy (const DossierSearchErrorPrivate *src_priv,
                                   DossierSearchErrorPrivate       *dest_priv)
{
  dest_priv->column = src_priv->column;
}

static void
dossier_search_error_private_clear (DossierSearchErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (DossierSearchError, dossier_search_error)

/* Sets @error to a DOSSIER_SEARCH_ERROR about the problem at @column. */
G_GNUC_PRINTF (4, 5)
static void
set_error (GError             **error,
           DossierSearchError   code,
           guint                column,
           const char          *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, DOSSIER_SEARCH_ERROR, code, message);
  dossier_search_error_get_private (*error)->column = column;
}

G_DEFINE_BOXED_TYPE (DossierSearchQuery, dossier_search_query,
                     dossier_search_query_ref, dossier_search_query_unref)

static void
atom_free (DossierSearchAtom *atom)
{
  g_free (atom->text);
  g_strfreev (atom->tokens);
  g_clear_pointer (&atom->date, dossier_date_free);
  g_free (atom);
}

static guint
column_of (const char *text,
           const char *p)
{
  return (guint) g_utf8_pointer_to_offset (text, p) + 1;
}

static gboolean
is_space (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Reads a double-quoted string starting at the quote @p; returns the
 * position after the closing quote, or NULL when there is none. */
static const char *
read_quoted (const char  *p,
             char       **out)
{
  const char *close;

  g_assert (*p == '"');
  close = strchr (p + 1, '"');
  if (close == NULL)
    return NULL;
  *out = g_strndup (p + 1, close - (p + 1));
  return close + 1;
}

static const char *
skip_to_space (const char *p)
{
  while (*p != '\0' && !is_space (p))
    p = g_utf8_next_char (p);
  return p;
}

/* A term is a filter when it starts with letters and a colon, and is not
 * a URL ("http://..."), which is searched as words. */
static gsize
filter_name_length (const char *p,
                    const char *end)
{
  const char *q = p;

  while (q < end && g_ascii_isalpha (*q))
    q++;
  if (q == p || q >= end || *q != ':')
    return 0;
  if (end - q >= 3 && q[1] == '/' && q[2] == '/')
    return 0;
  return q - p;
}

static const char *
known_filters (void)
{
  return "tag, author, in, cites, certainty, before, after";
}

static char *
known_sections (void)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < DOSSIER_N_SECTIONS; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, dossier_section_to_string ((DossierSection) i));
    }
  return g_string_free (s, FALSE);
}

static gboolean
fill_filter (DossierSearchAtom  *atom,
             const char         *name,
             guint               value_column,
             GError            **error)
{
  const char *value = atom->text;

  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_CITES:
      {
        char *folded = dossier_search_text_fold (value);
        char *tokens[2] = { folded, NULL };

        atom->tokens = g_strdupv (tokens);
        g_free (folded);
      }
      break;

    case DOSSIER_SEARCH_ATOM_AUTHOR:
      atom->tokens = dossier_search_text_tokenize (value, -1);
      break;

    default:
      break;
    }

  /* A value made only of marks or punctuation folds to nothing; it would
   * match every item, or none, without saying why. */
  if ((atom->kind == DOSSIER_SEARCH_ATOM_TAG || atom->kind == DOSSIER_SEARCH_ATOM_CITES ||
       atom->kind == DOSSIER_SEARCH_ATOM_AUTHOR) &&
      (atom->tokens == NULL || atom->tokens[0] == NULL || atom->tokens[0][0] == '\0'))
    {
      set_error (error, DOSSIER_SEARCH_ERROR_INVALID_VALUE, value_column,
                 /* Translators: %s is a filter name such as tag. */
                 _("'%s' after %s: at column %u has no letters or digits to search for"),
                 value, name, value_column);
      return FALSE;
    }

  switch (atom->kind)
    {

    case DOSSIER_SEARCH_ATOM_IN:
      {
        g_autofree char *lower = g_ascii_strdown (value, -1);

        if (!dossier_section_from_string (lower, &atom->section))
          {
            g_autofree char *known = known_sections ();

            set_error (error, DOSSIER_SEARCH_ERROR_INVALID_VALUE, value_column,
                       /* Translators: 'in:' is a search filter. */
                       _("unknown section '%s' after in: at column %u; known: %s"),
                       value, value_column, known);
            return FALSE;
          }
      }
      break;

    case DOSSIER_SEARCH_ATOM_CERTAINTY:
      {
        g_autofree char *lower = g_ascii_strdown (value, -1);

        if (!dossier_certainty_from_string (lower, &atom->certainty)
            || atom->certainty == DOSSIER_CERTAINTY_NONE)
          {
            set_error (error, DOSSIER_SEARCH_ERROR_INVALID_VALUE, value_column,
                       _("unknown certainty '%s' after certainty: at column %u; "
                         "known: confirmed, reported, alleged, disputed, unverified"),
                       value, value_column);
            return FALSE;
          }
      }
      break;

    case DOSSIER_SEARCH_ATOM_BEFORE:
    case DOSSIER_SEARCH_ATOM_AFTER:
      {
        g_autoptr(GError) date_error = NULL;

        atom->date = dossier_date_parse (value, &date_error);
        if (atom->date == NULL)
          {
            set_error (error, DOSSIER_SEARCH_ERROR_INVALID_VALUE, value_column,
                       _("'%s' after %s: at column %u is not a date: %s"),
                       value, name, value_column,
                       date_error != NULL ? date_error->message : "");
            return FALSE;
          }
      }
      break;

    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_CITES:
    case DOSSIER_SEARCH_ATOM_AUTHOR:
      /* Tokens were made above. */
      break;

    case DOSSIER_SEARCH_ATOM_WORDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Parses one term at @p (not white space). Sets *@atom to NULL for a term
 * with nothing to search (punctuation only). Returns the end of the term,
 * or NULL and @error. */
static const char *
parse_atom (const char         *text,
            const char         *p,
            DossierSearchAtom **atom_out,
            GError            **error)
{
  g_autoptr(GPtrArray) guard = NULL;
  DossierSearchAtom *atom;
  const char *start = p;
  const char *end;
  gsize name_len;

  atom = g_new0 (DossierSearchAtom, 1);
  guard = g_ptr_array_new_with_free_func ((GDestroyNotify) atom_free);
  g_ptr_array_add (guard, atom);
  atom->column = column_of (text, start);
  atom->kind = DOSSIER_SEARCH_ATOM_WORDS;

  if (*p == '-' && p[1] != '\0' && !is_space (p + 1))
    {
      atom->negated = TRUE;
      p++;
    }

  if (*p == '"')
    {
      end = read_quoted (p, &atom->text);
      if (end == NULL)
        {
          set_error (error, DOSSIER_SEARCH_ERROR_SYNTAX, column_of (text, p),
                     _("unclosed quote at column %u"), column_of (text, p));
          return NULL;
        }
      atom->quoted = TRUE;
      atom->tokens = dossier_search_text_tokenize (atom->text, -1);
    }
  else
    {
      end = skip_to_space (p);
      name_len = filter_name_length (p, end);
      if (name_len == 0)
        {
          /* A quote inside a word starts a phrase of its own only at the
           * start; elsewhere it is punctuation. */
          atom->text = g_strndup (p, end - p);
          atom->tokens = dossier_search_text_tokenize (atom->text, -1);
        }
      else
        {
          g_autofree char *name = g_ascii_strdown (p, name_len);
          const char *value = p + name_len + 1;
          gboolean found = FALSE;

          for (gsize i = 0; i < G_N_ELEMENTS (filter_names); i++)
            if (strcmp (name, filter_names[i].name) == 0)
              {
                atom->kind = filter_names[i].kind;
                found = TRUE;
              }
          if (!found)
            {
              g_autofree char *written = g_strndup (p, name_len);

              set_error (error, DOSSIER_SEARCH_ERROR_UNKNOWN_FILTER, column_of (text, p),
                         _("unknown filter '%s:' at column %u; known: %s"),
                         written, column_of (text, p), known_filters ());
              return NULL;
            }

          if (*value == '"')
            {
              end = read_quoted (value, &atom->text);
              if (end == NULL)
                {
                  set_error (error, DOSSIER_SEARCH_ERROR_SYNTAX, column_of (text, value),
                             _("unclosed quote at column %u"), column_of (text, value));
                  return NULL;
                }
              atom->quoted = TRUE;
            }
          else
            atom->text = g_strndup (value, end - value);

          g_strstrip (atom->text);
          if (atom->text[0] == '\0')
            {
              set_error (error, DOSSIER_SEARCH_ERROR_SYNTAX, column_of (text, p),
                         _("%s: at column %u needs a value"),
                         name, column_of (text, p));
              return NULL;
            }

          if (!fill_filter (atom, name, column_of (text, value), error))
            return NULL;
        }
    }

  if (atom->tokens != NULL && atom->tokens[0] == NULL)
    *atom_out = NULL;
  else
    *atom_out = g_ptr_array_steal_index (guard, 0);

  return end;
}

guint
dossier_search_error_get_column (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != DOSSIER_SEARCH_ERROR)
    return 0;
  return dossier_search_error_get_private (error)->column;
}

DossierSearchQuery *
dossier_search_query_parse (const char  *text,
                            GError     **error)
{
  g_autoptr(DossierSearchQuery) query = NULL;
  GPtrArray *clause = NULL;
  DossierSearchAtom *last_atom = NULL;
  const char *last_end = NULL;
  const char *or_at = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, &p))
    {
      /* The bytes before @p are UTF-8: they count as characters. */
      set_error (error, DOSSIER_SEARCH_ERROR_SYNTAX, column_of (text, p),
                 _("the query is not valid UTF-8 at byte %u"),
                 (guint) (p - text) + 1);
      return NULL;
    }

  query = g_new0 (DossierSearchQuery, 1);
  g_atomic_ref_count_init (&query->ref_count);
  query->text = g_strdup (text);
  query->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  p = text;
  for (;;)
    {
      DossierSearchAtom *atom = NULL;
      const char *end;

      while (*p != '\0' && is_space (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (strncmp (p, "OR", 2) == 0 && (p[2] == '\0' || is_space (p + 2)))
        {
          if (or_at != NULL || clause == NULL)
            {
              set_error (error, DOSSIER_SEARCH_ERROR_SYNTAX, column_of (text, p),
                         _("OR at column %u needs a term before it"),
                         column_of (text, p));
              return NULL;
            }
          or_at = p;
          p += 2;
          continue;
        }

      end = parse_atom (text, p, &atom, error);
      if (end == NULL)
        return NULL;
      p = end;

      if (atom == NULL)
        continue;

      if (or_at != NULL)
        or_at = NULL;
      else
        {
          clause = g_ptr_array_new_with_free_func ((GDestroyNotify) atom_free);
          g_ptr_array_add (query->clauses, clause);
        }
      g_ptr_array_add (clause, atom);
      last_atom = atom;
      last_end = end;
    }

  if (or_at != NULL)
    {
      set_error (error, DOSSIER_SEARCH_ERROR_SYNTAX, column_of (text, or_at),
                 _("OR at column %u needs a term after it"),
                 column_of (text, or_at));
      return NULL;
    }

  /* As-you-type: the last thing typed, when the user has not yet typed a
   * space after it, is probably an unfinished word. */
  if (last_atom != NULL && *last_end == '\0' && !last_atom->quoted)
    {
      switch (last_atom->kind)
        {
        case DOSSIER_SEARCH_ATOM_WORDS:
        case DOSSIER_SEARCH_ATOM_TAG:
        case DOSSIER_SEARCH_ATOM_AUTHOR:
        case DOSSIER_SEARCH_ATOM_CITES:
          last_atom->prefix = TRUE;
          break;
        case DOSSIER_SEARCH_ATOM_IN:
        case DOSSIER_SEARCH_ATOM_CERTAINTY:
        case DOSSIER_SEARCH_ATOM_BEFORE:
        case DOSSIER_SEARCH_ATOM_AFTER:
        default:
          break;
        }
    }

  return g_steal_pointer (&query);
}

DossierSearchQuery *
dossier_search_query_ref (DossierSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  g_atomic_ref_count_inc (&query->ref_count);
  return query;
}

void
dossier_search_query_unref (DossierSearchQuery *query)
{
  g_return_if_fail (query != NULL);

  if (g_atomic_ref_count_dec (&query->ref_count))
    {
      g_free (query->text);
      g_ptr_array_unref (query->clauses);
      g_free (query);
    }
}

const char *
dossier_search_query_get_text (DossierSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return query->text;
}

gboolean
dossier_search_query_is_empty (DossierSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);

  return query->clauses->len == 0;
}

GPtrArray *
dossier_search_query_get_clauses (DossierSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return query->clauses;
}

static void
append_atom (GString                 *s,
             const DossierSearchAtom *atom)
{
  static const char *names[] = {
    [DOSSIER_SEARCH_ATOM_WORDS] = "",
    [DOSSIER_SEARCH_ATOM_TAG] = "tag:",
    [DOSSIER_SEARCH_ATOM_AUTHOR] = "author:",
    [DOSSIER_SEARCH_ATOM_IN] = "in:",
    [DOSSIER_SEARCH_ATOM_CITES] = "cites:",
    [DOSSIER_SEARCH_ATOM_CERTAINTY] = "certainty:",
    [DOSSIER_SEARCH_ATOM_BEFORE] = "before:",
    [DOSSIER_SEARCH_ATOM_AFTER] = "after:",
  };

  if (atom->negated)
    g_string_append_c (s, '-');
  g_string_append (s, names[atom->kind]);

  switch (atom->kind)
    {
    case DOSSIER_SEARCH_ATOM_IN:
      g_string_append (s, dossier_section_to_string (atom->section));
      break;
    case DOSSIER_SEARCH_ATOM_CERTAINTY:
      g_string_append (s, dossier_certainty_to_string (atom->certainty));
      break;
    case DOSSIER_SEARCH_ATOM_BEFORE:
    case DOSSIER_SEARCH_ATOM_AFTER:
      g_string_append (s, dossier_date_get_text (atom->date));
      break;
    case DOSSIER_SEARCH_ATOM_WORDS:
    case DOSSIER_SEARCH_ATOM_TAG:
    case DOSSIER_SEARCH_ATOM_AUTHOR:
    case DOSSIER_SEARCH_ATOM_CITES:
    default:
      {
        g_autofree char *joined = g_strjoinv (" ", atom->tokens);
        gboolean several = atom->tokens[0] != NULL && atom->tokens[1] != NULL;

        if (several || atom->quoted)
          g_string_append_printf (s, "\"%s\"", joined);
        else
          g_string_append (s, joined);
      }
      break;
    }

  if (atom->prefix)
    g_string_append_c (s, '*');
}

char *
dossier_search_query_to_string (DossierSearchQuery *query)
{
  GString *s;

  g_return_val_if_fail (query != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < query->clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (query->clauses, i);

      if (i > 0)
        g_string_append (s, " AND ");
      if (clause->len > 1)
        g_string_append_c (s, '(');
      for (guint j = 0; j < clause->len; j++)
        {
          if (j > 0)
            g_string_append (s, " OR ");
          append_atom (s, g_ptr_array_index (clause, j));
        }
      if (clause->len > 1)
        g_string_append_c (s, ')');
    }
  return g_string_free (s, FALSE);
}
