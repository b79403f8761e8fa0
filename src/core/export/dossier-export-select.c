/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <glib/gi18n-lib.h>

#include "dossier-search-index.h"
#include "dossier-search-query.h"

/* Which notes and which dated items the options select: shared by the
 * document (its notes and its chart) and the chart's own export, so the
 * two never disagree and a query runs once an export. */

/* The ids of the notes the query selects, borrowed from the case. */
static GHashTable *
match_notes_query (DossierCase                *dcase,
                   const DossierExportOptions *options,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(DossierSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;

  query = dossier_search_query_parse (options->notes_arg != NULL ? options->notes_arg : "",
                                      &local_error);
  if (query == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("Cannot select notes by “%s”: %s"), options->notes_arg, local_error->message);
      return NULL;
    }

  index = dossier_search_index_new (dcase);
  hits = dossier_search_index_run (index, query, 0, NULL, cancellable, error);
  if (hits == NULL)
    return NULL;

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);
      GObject *object;

      if (hit->section != DOSSIER_SECTION_NOTES || hit->item_id == NULL)
        continue;
      object = dossier_case_lookup (dcase, hit->item_id);
      if (DOSSIER_IS_NOTE (object))
        g_hash_table_add (ids, (gpointer) dossier_note_get_id (DOSSIER_NOTE (object)));
    }

  return g_steal_pointer (&ids);
}

gboolean
dossier_export_select_notes (DossierCase                *dcase,
                             const DossierExportOptions *options,
                             GHashTable                **ids_out,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  g_autoptr(GHashTable) ids = NULL;

  *ids_out = NULL;
  switch (options->notes)
    {
    case DOSSIER_EXPORT_NOTES_NONE:
    case DOSSIER_EXPORT_NOTES_ALL:
      return TRUE;

    case DOSSIER_EXPORT_NOTES_TAG:
      {
        GListModel *notes = dossier_case_get_notes (dcase);
        guint n = g_list_model_get_n_items (notes);

        ids = g_hash_table_new (g_str_hash, g_str_equal);
        for (guint i = 0; i < n && options->notes_arg != NULL; i++)
          {
            g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);

            if (dossier_note_has_tag (note, options->notes_arg))
              g_hash_table_add (ids, (gpointer) dossier_note_get_id (note));
          }
        break;
      }

    case DOSSIER_EXPORT_NOTES_QUERY:
      ids = match_notes_query (dcase, options, cancellable, error);
      if (ids == NULL)
        return FALSE;
      break;

    default:
      g_assert_not_reached ();
    }

  *ids_out = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
dossier_export_note_is_wanted (const DossierExportOptions *options,
                               GHashTable                 *note_ids,
                               DossierNote                *note)
{
  if (options->notes == DOSSIER_EXPORT_NOTES_NONE)
    return FALSE;
  return note_ids == NULL || g_hash_table_contains (note_ids, dossier_note_get_id (note));
}

DossierChartModel *
dossier_export_chart_model_new (DossierCase                *dcase,
                                const DossierExportOptions *options,
                                GHashTable                 *note_ids)
{
  guint sections = options->sections;

  if (options->notes == DOSSIER_EXPORT_NOTES_NONE)
    sections &= ~(1u << DOSSIER_SECTION_NOTES);
  return dossier_chart_model_new (dcase, sections, note_ids);
}
