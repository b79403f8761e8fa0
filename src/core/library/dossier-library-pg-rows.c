/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"
#include "dossier-search-text.h"

/* An item as the values of its row in the team library's `items`, each
 * a text parameter: its tokens, cut by search's own tokenizer, as a
 * tsvector (the server never cuts them again), its Korean, Chinese and
 * Japanese runs for pg_trgm, and its filters as arrays. */

/* tsvector keeps positions up to 16383 and 256 of one lexeme; an item
 * of more tokens than this is stored with its words but no positions
 * (its phrases are then found as all their words). */
#define MAX_POSITIONED_TOKENS 16000

/* A lexeme in tsvector's and tsquery's input syntax. */
void
dossier_library_pg_quote_lexeme (GString    *out,
                                 const char *text,
                                 gssize      len)
{
  if (len < 0)
    len = strlen (text);
  g_string_append_c (out, '\'');
  for (gssize i = 0; i < len; i++)
    {
      if (text[i] == '\'')
        g_string_append_c (out, '\'');
      else if (text[i] == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '\'');
}

/* An array of text in PostgreSQL's input syntax: {"a","b"}. */
static char *
text_array (GPtrArray *values)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
is_cjk_token (const DossierSearchTextToken *token)
{
  const char *end = token->text + token->length;

  return token->length > 0 && g_utf8_next_char (token->text) == end
         && dossier_search_text_is_cjk (g_utf8_get_char (token->text));
}

typedef struct
{
  GString *words;
  GString *cjk;
  guint    position;
  guint    cjk_last;     /* the position of the last CJK token, or 0 */
  gboolean positioned;
} Cut;

static void
cut_field (Cut        *cut,
           const char *text)
{
  g_auto(DossierSearchTextIter) iter = { 0, };
  DossierSearchTextToken token;

  dossier_search_text_iter_init (&iter, text, -1);
  while (dossier_search_text_iter_next (&iter, &token))
    {
      cut->position++;
      if (cut->words->len > 0)
        g_string_append_c (cut->words, ' ');
      dossier_library_pg_quote_lexeme (cut->words, token.text, token.length);
      if (cut->positioned)
        g_string_append_printf (cut->words, ":%u", MIN (cut->position, 16383));
      if (is_cjk_token (&token))
        {
          if (cut->cjk->len > 0)
            g_string_append_c (cut->cjk, cut->cjk_last + 1 == cut->position ? ' ' : '\n');
          g_string_append_len (cut->cjk, token.text, token.length);
          cut->cjk_last = cut->position;
        }
    }
  /* A gap: no phrase runs from one field into the next. */
  cut->position++;
}

static guint
count_tokens (const DossierLibraryItem *item)
{
  guint n = 0;

  for (guint i = 0; i < item->fields->len; i++)
    {
      g_auto(GStrv) tokens = dossier_search_text_tokenize (g_ptr_array_index (item->fields, i), -1);

      n += g_strv_length (tokens);
      if (n > MAX_POSITIONED_TOKENS)
        break;
    }
  return n;
}

static GPtrArray *
folded (GPtrArray *values)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values != NULL && i < values->len; i++)
    g_ptr_array_add (out, dossier_search_text_fold (g_ptr_array_index (values, i)));
  return out;
}

static GPtrArray *
author_words (GPtrArray *authors)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; authors != NULL && i < authors->len; i++)
    {
      g_auto(GStrv) words = dossier_search_text_tokenize (g_ptr_array_index (authors, i), -1);

      for (guint k = 0; words[k] != NULL; k++)
        g_ptr_array_add (out, g_strdup (words[k]));
    }
  return out;
}

DossierLibraryPgRow *
dossier_library_pg_row_new (const DossierLibraryItem *item)
{
  DossierLibraryPgRow *row = g_new0 (DossierLibraryPgRow, 1);
  Cut cut = { g_string_new (NULL), g_string_new (NULL), 0, 0, TRUE };
  g_autoptr(GPtrArray) tags = folded (item->tags);
  g_autoptr(GPtrArray) authors = author_words (item->authors);
  g_autoptr(GPtrArray) cites = folded (item->cites);
  GString *certainty = g_string_new ("{");

  cut.positioned = count_tokens (item) <= MAX_POSITIONED_TOKENS;
  for (guint i = 0; i < item->fields->len; i++)
    cut_field (&cut, g_ptr_array_index (item->fields, i));

  for (guint bit = 0; bit < 16; bit++)
    if (item->certainties & (1u << bit))
      g_string_append_printf (certainty, certainty->len > 1 ? ",%u" : "%u", bit);
  g_string_append_c (certainty, '}');

  row->body = dossier_library_item_text (item);
  row->words = g_string_free (cut.words, FALSE);
  row->cjk = cut.cjk->len > 0 ? g_string_free (cut.cjk, FALSE) : (g_string_free (cut.cjk, TRUE), NULL);
  row->tags = text_array (tags);
  row->authors = text_array (authors);
  row->cites = text_array (cites);
  row->certainty = g_string_free (certainty, FALSE);
  return row;
}

void
dossier_library_pg_row_free (DossierLibraryPgRow *row)
{
  if (row == NULL)
    return;
  g_free (row->body);
  g_free (row->words);
  g_free (row->cjk);
  g_free (row->tags);
  g_free (row->authors);
  g_free (row->cites);
  g_free (row->certainty);
  g_free (row);
}
