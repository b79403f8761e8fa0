/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-command.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "dossier-library.h"
#include "dossier-library-open.h"
#include "dossier-library-pg.h"
#include "dossier-library-snippet.h"
#include "dossier-library-sqlite.h"
#include "dossier-search-hit.h"
#include "dossier-text-safety.h"

typedef struct
{
  const char *open;
  const char *close;
} Marker;

typedef struct
{
  FILE     *err;
  gint64    last;
  gboolean  shown;
} Progress;

/* Between two rewrites of the progress line. */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)
/* Back to the start of the line, and the line erased. */
#define ERASE_LINE "\r\033[K"

/* A progress line on a terminal, rewritten in place, ten times a second
 * at most; erased by progress_end(). */
static void
progress_cb (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  if (progress->shown && now - progress->last < PROGRESS_INTERVAL)
    return;
  fputs (ERASE_LINE, progress->err);
  fprintf (progress->err, _("Indexing case files: %u of %u"), done, total);
  fflush (progress->err);
  progress->last = now;
  progress->shown = TRUE;
}

/* A terminal that can rewrite a line in place (not Emacs's dumb one). */
static gboolean
shows_progress (FILE *err)
{
  return isatty (fileno (err)) && g_strcmp0 (g_getenv ("TERM"), "dumb") != 0;
}

/* Erases the progress line, so what follows starts a clean line. */
static void
progress_end (Progress *progress)
{
  if (!progress->shown)
    return;
  fputs (ERASE_LINE, progress->err);
  fflush (progress->err);
  progress->shown = FALSE;
}

/* Case text as safe to show as in the window (no bidi overrides, no
 * invisible or control characters), the library's marks around matched
 * words as @marker says. */
static void
print_snippet (FILE         *out,
               const char   *text,
               const Marker *marker)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  g_autofree char *plain = dossier_library_snippet_parse (text, marks);
  guint at = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);

      fwrite (plain + at, 1, range->start - at, out);
      fputs (marker->open, out);
      fwrite (plain + range->start, 1, range->end - range->start, out);
      fputs (marker->close, out);
      at = range->end;
    }
  fputs (plain + at, out);
}

/* A file name as safe to show as case text: a name with a line break or
 * a right-to-left override in it cannot pass for another line. */
static void
print_path (FILE       *out,
            const char *path)
{
  g_autofree char *safe = dossier_sanitize_display_text (path);

  fputs (safe, out);
}

static int
search_library (DossierLibraryStore *store,
                const char          *text,
                FILE                *out,
                FILE                *err)
{
  static const Marker bold = { "\033[1m", "\033[0m" };
  static const Marker brackets = { "[[", "]]" };
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const Marker *marker;

  query = dossier_search_query_parse (text, &error);
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
  hits = dossier_library_store_search (store, query, 0, &error);
  if (hits == NULL)
    {
      fprintf (err, "dossier: %s\n", error->message);
      return 2;
    }

  marker = isatty (fileno (out)) && g_getenv ("NO_COLOR") == NULL ? &bold : &brackets;
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierLibraryHit *hit = g_ptr_array_index (hits, i);

      print_path (out, hit->path);
      fprintf (out, ": %s", dossier_section_to_string (hit->section));
      if (hit->item_id != NULL)
        fprintf (out, " %s", hit->item_id);
      else if (hit->item_index >= 0)
        fprintf (out, " #%d", hit->item_index + 1);
      fputs (": ", out);
      print_snippet (out, hit->snippet, marker);
      fputc ('\n', out);
    }
  fflush (out);
  return hits->len > 0 ? 0 : 1;
}

static void
print_case (FILE                         *out,
            const DossierLibraryCaseInfo *info)
{
  g_autofree char *notes = NULL;
  g_autofree char *events = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *entities = NULL;

  if (info->problem != NULL)
    {
      print_path (out, info->path);
      fprintf (out, ":%u: ", info->problem_line);
      print_snippet (out, info->problem, &(Marker) { "", "" });
      fputc ('\n', out);
      return;
    }
  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", info->n_notes),
                           info->n_notes);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", info->n_events),
                            info->n_events);
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", info->n_sources),
                             info->n_sources);
  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities",
                                           info->n_entities),
                              info->n_entities);
  print_path (out, info->path);
  fputs (": ", out);
  print_snippet (out, info->title != NULL ? info->title : "", &(Marker) { "", "" });
  fputs (" (", out);
  if (info->status != NULL)
    fprintf (out, "%s; ", info->status);
  fprintf (out, "%s, %s, %s, %s)\n", notes, events, sources, entities);
}

static int
list_library (DossierLibraryStore *store,
              FILE                *out,
              FILE                *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = dossier_library_store_list_cases (store, &error);

  if (cases == NULL)
    {
      fprintf (err, "dossier: %s\n", error->message);
      return 2;
    }
  for (guint i = 0; i < cases->len; i++)
    print_case (out, g_ptr_array_index (cases, i));
  fflush (out);
  return 0;
}

/* Adds and removes the folders of @command; FALSE after a message. */
static gboolean
change_folders (DossierLibraryStore         *store,
                const DossierLibraryCommand *command,
                FILE                        *err)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; command->add != NULL && command->add[i] != NULL; i++)
    if (!dossier_library_add_folder (store, command->add[i], &error))
      {
        fprintf (err, "dossier: %s\n", error->message);
        return FALSE;
      }
  for (guint i = 0; command->remove != NULL && command->remove[i] != NULL; i++)
    if (!dossier_library_remove_folder (store, command->remove[i], &error))
      {
        fprintf (err, "dossier: %s\n", error->message);
        return FALSE;
      }
  return TRUE;
}

int
dossier_library_command (const DossierLibraryCommand *command,
                         FILE                        *out,
                         FILE                        *err)
{
  g_autofree char *default_path = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *where = NULL;
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { err, 0, FALSE };
  const char *db_path;
  gboolean updated;

  g_return_val_if_fail (command != NULL, 2);
  g_return_val_if_fail (out != NULL && err != NULL, 2);

  db_path = command->db_path;
  if (db_path == NULL)
    db_path = default_path = dossier_library_sqlite_default_path ();
  where = dossier_library_location_describe (db_path);
  if (command->init)
    {
      g_autofree char *report = NULL;

      if (!dossier_library_location_is_server (db_path))
        {
          fprintf (err, "%s\n", _("dossier: --library-init makes a team library on a PostgreSQL server: "
                                  "give --library-db=postgresql://… or a connection string"));
          return 2;
        }
      if (!dossier_library_pg_init_schema (db_path, &report, &error))
        {
          fprintf (err, "dossier: %s: %s\n", where, error->message);
          return 2;
        }
      fprintf (out, "%s\n", report);
      return 0;
    }
  store = dossier_library_store_open (db_path, &notice, &error);
  if (notice != NULL)
    fprintf (err, "dossier: %s\n", notice);
  if (store == NULL)
    {
      fprintf (err, "dossier: %s: %s\n", where, error->message);
      return 2;
    }
  if (!change_folders (store, command, err))
    return 2;

  updated = dossier_library_update (store, shows_progress (err) ? progress_cb : NULL, &progress,
                                    NULL, NULL, &error);
  progress_end (&progress);
  if (!updated)
    {
      fprintf (err, "dossier: %s\n", error->message);
      return 2;
    }

  if (command->list)
    {
      int status = list_library (store, out, err);

      if (status != 0 || command->search == NULL)
        return status;
    }
  if (command->search != NULL)
    {
      g_auto(GStrv) folders = dossier_library_store_list_folders (store, &error);

      if (folders != NULL && folders[0] == NULL)
        {
          /* Most likely --search without the FILE meant. */
          fprintf (err, "%s\n", _("dossier: the case library has no folders: give --search a FILE, "
                                  "or add a folder with --library-add FOLDER"));
          return 2;
        }
      return search_library (store, command->search, out, err);
    }
  return 0;
}
