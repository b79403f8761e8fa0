/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"

/* A case's items made ready for the tables on the thread that loaded
 * it: each item's columns made and its text cut into tokens, the items
 * in the order hits are given (their rowids follow it), and the
 * distinct terms of them all. */

static void
ready_free (gpointer data)
{
  DossierLibraryReady *ready = data;

  dossier_library_tokens_free (ready->text);
  g_free (ready->meta);
  g_free (ready);
}

/* The order hits come in within a case: dated items by the start of
 * their date, then undated ones, each in the order of the file. */
static int
compare_items (const DossierLibraryItem *x,
               const DossierLibraryItem *y)
{
  if ((x->date == NULL) != (y->date == NULL))
    return x->date == NULL ? 1 : -1;
  if (x->date != NULL && x->date_start != y->date_start)
    return x->date_start < y->date_start ? -1 : 1;
  return (x->ord > y->ord) - (x->ord < y->ord);
}

static int
compare_chronology (gconstpointer a,
                    gconstpointer b)
{
  return compare_items ((*(const DossierLibraryReady * const *) a)->item,
                        (*(const DossierLibraryReady * const *) b)->item);
}

static int
compare_item_pointers (gconstpointer a,
                       gconstpointer b)
{
  return compare_items (*(const DossierLibraryItem * const *) a,
                        *(const DossierLibraryItem * const *) b);
}

GPtrArray *
dossier_library_order_items (GPtrArray *items)
{
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (items, i));
  g_ptr_array_sort (ordered, compare_item_pointers);
  return ordered;
}

GPtrArray *
dossier_library_ready_items (GPtrArray *items)
{
  GPtrArray *ordered = g_ptr_array_new_with_free_func (ready_free);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      DossierLibraryReady *ready = g_new0 (DossierLibraryReady, 1);

      ready->item = g_ptr_array_index (items, i);
      ready->text = dossier_library_tokens_new (dossier_library_item_text (ready->item));
      ready->meta = dossier_library_item_meta (ready->item);
      g_ptr_array_add (ordered, ready);
    }
  g_ptr_array_sort (ordered, compare_chronology);
  return ordered;
}

static void
add_term (const char *term,
          gsize       len,
          gpointer    user_data)
{
  GHashTable *terms = user_data;
  char buffer[256];

  /* Tokens are short (DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES); a meta term
   * may be longer. */
  if (len < sizeof buffer)
    {
      memcpy (buffer, term, len);
      buffer[len] = '\0';
      if (!g_hash_table_contains (terms, buffer))
        g_hash_table_add (terms, g_strdup (buffer));
    }
  else
    g_hash_table_add (terms, g_strndup (term, len));
}

GHashTable *
dossier_library_ready_terms (GPtrArray *ordered)
{
  GHashTable *terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ordered->len; i++)
    {
      const DossierLibraryReady *ready = g_ptr_array_index (ordered, i);

      dossier_library_tokens_foreach (ready->text, ready->meta, add_term, terms);
    }
  return terms;
}
