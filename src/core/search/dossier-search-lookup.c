/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-search-private.h"

/* Finding terms in a built index: the ranks of the terms a query token
 * accepts (a word, its other number, a prefix). Reading a document's
 * stream is inline, in dossier-search-private.h. */

static const char *
dict_term (const DossierSearchIndex *index,
           guint32                   id)
{
  return index->term_chars + index->term_offset[id];
}

/* Compares the term of rank @r with the @len bytes of @key: < 0, 0 or
 * > 0; a term that is longer than @key but starts with it is greater. */
static inline int
compare_rank (const DossierSearchIndex *index,
              guint                     r,
              const char               *key,
              gsize                     len)
{
  const char *term = dict_term (index, index->sorted[r]);
  int cmp = strncmp (term, key, len);

  if (cmp != 0)
    return cmp;
  return term[len] == '\0' ? 0 : 1;
}

RankRange
dossier_search_index_lookup (const DossierSearchIndex *self,
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

Slot *
dossier_search_index_slots (const DossierSearchIndex *self,
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
      slots[i].form[0] = dossier_search_index_lookup (self, key->str, key->len, prefix);
      slots[i].n = 1;

      /* A prefix already holds the longer forms; the shorter one
       * ("passports" typed, "passport" written) is added. */
      if (inflect)
        {
          g_auto(GStrv) forms = dossier_search_text_other_forms (tokens[i]);

          for (guint k = 0; forms[k] != NULL && slots[i].n < MAX_FORMS; k++)
            {
              const char *form = forms[k];

              g_string_assign (key, prefix_text);
              g_string_append (key, form);
              slots[i].form[slots[i].n++] = dossier_search_index_lookup (self, key->str, key->len, FALSE);
            }
        }
    }
  *n_out = n;
  return slots;
}
