/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-command.h"

#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "dossier-case-open.h"
#include "dossier-search-index.h"

typedef struct
{
  const char *open;
  const char *close;
} Marker;

static void
print_marked (FILE         *out,
              const char   *text,
              GArray       *marks,
              const Marker *marker)
{
  guint at = 0;

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const DossierSearchRange *r = &g_array_index (marks, DossierSearchRange, i);

      fwrite (text + at, 1, r->start - at, out);
      fputs (marker->open, out);
      fwrite (text + r->start, 1, r->end - r->start, out);
      fputs (marker->close, out);
      at = r->end;
    }
  fputs (text + at, out);
}

static void
print_hit (FILE                   *out,
           const char             *path,
           const DossierSearchHit *hit,
           const Marker           *marker)
{
  fprintf (out, "%s: %s", path, dossier_section_to_string (hit->section));
  if (hit->item_id != NULL)
    fprintf (out, " %s", hit->item_id);
  else if (hit->item_index >= 0)
    fprintf (out, " #%d", hit->item_index + 1);
  fputs (": ", out);
  print_marked (out, hit->snippet, hit->snippet_marks, marker);
  fputc ('\n', out);
}

/* Returns 0 with hits, 1 without, 2 when the file was refused. */
static int
search_file (DossierSearchQuery *query,
             const char         *path,
             FILE               *out,
             FILE               *err,
             const Marker       *marker)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(DossierSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  dcase = dossier_case_open_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  if (dcase == NULL)
    {
      fprintf (err, "%s\n", error->message);
      return 2;
    }

  index = dossier_search_index_new (dcase);
  hits = dossier_search_index_run (index, query, 0, NULL, NULL, &error);
  if (hits == NULL)
    {
      fprintf (err, "%s: %s\n", path, error->message);
      return 2;
    }

  for (guint i = 0; i < hits->len; i++)
    print_hit (out, path, g_ptr_array_index (hits, i), marker);

  return hits->len > 0 ? 0 : 1;
}

int
dossier_search_command (const char         *query_text,
                        const char * const *paths,
                        FILE               *out,
                        FILE               *err)
{
  static const Marker bold = { "\033[1m", "\033[0m" };
  static const Marker brackets = { "[[", "]]" };
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  const Marker *marker;
  gboolean found = FALSE;
  gboolean failed = FALSE;

  g_return_val_if_fail (query_text != NULL, 2);
  g_return_val_if_fail (out != NULL && err != NULL, 2);

  query = dossier_search_query_parse (query_text, &error);
  if (query == NULL)
    {
      fprintf (err, _("dossier: invalid search query: %s\n"), error->message);
      return 2;
    }
  if (dossier_search_query_is_empty (query))
    {
      fprintf (err, "%s\n", _("dossier: the search query is empty"));
      return 2;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      fprintf (err, "%s\n", _("dossier: --search needs at least one case file"));
      return 2;
    }

  marker = isatty (fileno (out)) && g_getenv ("NO_COLOR") == NULL ? &bold : &brackets;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      int status = search_file (query, paths[i], out, err, marker);

      if (status == 0)
        found = TRUE;
      else if (status == 2)
        failed = TRUE;
    }
  fflush (out);

  if (failed)
    return 2;
  return found ? 0 : 1;
}
