/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-target.h"

#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "dossier-core.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"
#include "fuzz-oracle.h"

/* The search query parser, then the query run on two real cases: a
 * refused query says where (a column or a byte inside the text); a parsed
 * one has well-formed atoms; every hit is fit for a label, and its match
 * marks, highlighted the way the search view does, make valid Pango
 * markup. */

static DossierSearchIndex *indexes[2];

static DossierSearchIndex *
index_case (const char *root,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_build_filename (root, path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_name);
  g_autoptr(DossierCase) dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

  if (dcase == NULL)
    fuzz_oracle_fail ("cannot load %s: %s", file_name, error->message);
  return dossier_search_index_new (dcase);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  fuzz_oracle_init ();
  if (root == NULL)
    root = FUZZ_SOURCE_ROOT;
  indexes[0] = index_case (root, "data/cases/sony-pictures-2014.case.xml");
  indexes[1] = index_case (root, "tests/cases/good/hostile-text.case.xml");
  return 0;
}

/* A refused query: a DOSSIER_SEARCH_ERROR whose column, read from the
 * error itself (never from the message, which quotes what the user
 * typed), lies inside the text, and whose message names it. */
static void
check_refusal (const char   *text,
               const GError *error)
{
  g_autofree char *named = NULL;
  const char *valid_end;
  glong n_chars;
  guint column;

  if (error == NULL || error->domain != DOSSIER_SEARCH_ERROR)
    fuzz_oracle_fail ("query \"%s\" refused without a DOSSIER_SEARCH_ERROR", text);
  fuzz_oracle_check_label ("query error message", error->message);

  column = dossier_search_error_get_column (error);
  g_utf8_validate (text, -1, &valid_end);
  n_chars = g_utf8_strlen (text, valid_end - text);
  if (column == 0)
    fuzz_oracle_fail ("query error has no column: %s", error->message);

  if (*valid_end != '\0')
    {
      /* Not UTF-8: refused at the first byte that is not, whose message
       * names the byte. */
      if (column != (guint) n_chars + 1)
        fuzz_oracle_fail ("query error at column %u, but the first byte that is not UTF-8 "
                          "is at column %ld: %s", column, n_chars + 1, error->message);
      named = g_strdup_printf ("at byte %u", (guint) (valid_end - text) + 1);
    }
  else
    {
      if (column > (guint) n_chars + 1)
        fuzz_oracle_fail ("query error at column %u of %ld: %s",
                          column, n_chars, error->message);
      named = g_strdup_printf ("column %u", column);
    }
  if (strstr (error->message, named) == NULL)
    fuzz_oracle_fail ("query error at column %u does not say \"%s\": %s",
                      column, named, error->message);
}

static void
check_atom (const char              *text,
            const DossierSearchAtom *atom)
{
  gboolean has_tokens = atom->kind == DOSSIER_SEARCH_ATOM_WORDS ||
                        atom->kind == DOSSIER_SEARCH_ATOM_TAG ||
                        atom->kind == DOSSIER_SEARCH_ATOM_AUTHOR ||
                        atom->kind == DOSSIER_SEARCH_ATOM_CITES;

  if ((guint) atom->kind > DOSSIER_SEARCH_ATOM_AFTER)
    fuzz_oracle_fail ("atom of kind %d in \"%s\"", atom->kind, text);
  if (atom->column < 1 || atom->column > (guint) g_utf8_strlen (text, -1))
    fuzz_oracle_fail ("atom at column %u in \"%s\"", atom->column, text);
  if (atom->text == NULL || !g_utf8_validate (atom->text, -1, NULL))
    fuzz_oracle_fail ("atom without valid text in \"%s\"", text);
  if (!has_tokens && atom->tokens != NULL)
    fuzz_oracle_fail ("atom of kind %d has tokens in \"%s\"", atom->kind, text);
  for (guint i = 0; atom->tokens != NULL && atom->tokens[i] != NULL; i++)
    if (*atom->tokens[i] == '\0' || !g_utf8_validate (atom->tokens[i], -1, NULL))
      fuzz_oracle_fail ("atom with an empty or invalid token in \"%s\"", text);
  if ((atom->kind == DOSSIER_SEARCH_ATOM_BEFORE || atom->kind == DOSSIER_SEARCH_ATOM_AFTER) &&
      atom->date == NULL)
    fuzz_oracle_fail ("before:/after: without a date in \"%s\"", text);
  if (atom->quoted && atom->prefix)
    fuzz_oracle_fail ("a quoted atom matching as a prefix in \"%s\"", text);
}

/* What the search view does with a hit's text: escape what lies between
 * the marks, wrap each mark in <b>. */
static void
check_marked (const char *what,
              const char *text,
              GArray     *marks)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  guint at = 0;

  fuzz_oracle_check_display (what, text);
  if (text == NULL)
    return;
  length = strlen (text);

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (range->start < at || range->end <= range->start || range->end > length)
        fuzz_oracle_fail ("%s mark %u..%u after %u in %" G_GSIZE_FORMAT " bytes: %s",
                          what, range->start, range->end, at, length, text);
      before = g_markup_escape_text (text + at, range->start - at);
      inside = g_markup_escape_text (text + range->start, range->end - range->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, inside);
      at = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);

    g_string_append (markup, rest);
  }

  if (!pango_parse_markup (markup->str, -1, 0, NULL, NULL, NULL, &error))
    fuzz_oracle_fail ("%s with its marks is not valid markup (%s): %s",
                      what, error->message, markup->str);
}

static void
run_query (DossierSearchIndex *index,
           DossierSearchQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint total = 0;

  hits = dossier_search_index_run (index, query, 50, &total, NULL, &error);
  if (hits == NULL)
    fuzz_oracle_fail ("search failed without being cancelled: %s",
                      error != NULL ? error->message : "(no error)");
  if (total < hits->len || hits->len > 50)
    fuzz_oracle_fail ("%u hits of %u in all, at most 50 asked", hits->len, total);
  if (dossier_search_query_is_empty (query) && hits->len > 0)
    fuzz_oracle_fail ("an empty query found %u hits", hits->len);

  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);

      check_marked ("hit title", hit->title, hit->title_marks);
      check_marked ("hit snippet", hit->snippet, hit->snippet_marks);
      fuzz_oracle_check_label ("hit label", hit->label);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autofree char *shown = NULL;
  /* What a search entry hands over: a C string. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  GPtrArray *clauses;

  query = dossier_search_query_parse (text, &error);
  if (query == NULL)
    {
      check_refusal (text, error);
      return 0;
    }

  if (error != NULL)
    fuzz_oracle_fail ("a query and an error for \"%s\"", text);
  if (g_strcmp0 (dossier_search_query_get_text (query), text) != 0)
    fuzz_oracle_fail ("query text differs from \"%s\"", text);

  clauses = dossier_search_query_get_clauses (query);
  for (guint i = 0; i < clauses->len; i++)
    {
      GPtrArray *atoms = g_ptr_array_index (clauses, i);

      if (atoms->len == 0)
        fuzz_oracle_fail ("an empty clause in \"%s\"", text);
      for (guint j = 0; j < atoms->len; j++)
        check_atom (text, g_ptr_array_index (atoms, j));
    }

  shown = dossier_search_query_to_string (query);
  fuzz_oracle_check_label ("query description", shown);

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    run_query (indexes[i], query);

  return 0;
}
