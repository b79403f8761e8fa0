/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The export document: its pieces, runs and blocks, the numbering of
 * its citations and the list of sources they point at, and what the
 * renderers ask of it (dates in the export's zone, citation labels,
 * anchors, clean text). dossier-export-collect.c fills it from a case;
 * the renderers read it. This file calls neither. */

/* Indexed by DossierCertainty. */
static const char * const certainty_marks[] = {
  NULL,
  N_("(confirmed)"),
  N_("(reported)"),
  N_("(alleged)"),
  N_("(disputed)"),
  N_("(unverified)"),
};

/* Pieces, runs and blocks */

static void
piece_free (gpointer data)
{
  DossierExportPiece *piece = data;

  g_free (piece->text);
  g_free (piece);
}

GPtrArray *
dossier_export_run_new (void)
{
  return g_ptr_array_new_with_free_func (piece_free);
}

void
dossier_export_run_add_text (GPtrArray              *run,
                             DossierExportPieceKind  kind,
                             const char             *text)
{
  DossierExportPiece *piece;

  if (text == NULL || *text == '\0')
    return;

  piece = g_new0 (DossierExportPiece, 1);
  piece->kind = kind;
  piece->text = dossier_export_clean_text (text);
  g_ptr_array_add (run, piece);
}

void
dossier_export_run_add_inline (GPtrArray           *run,
                               const DossierInline *node)
{
  DossierExportPiece *piece;

  if (node == NULL)
    return;

  piece = g_new0 (DossierExportPiece, 1);
  piece->kind = DOSSIER_EXPORT_PIECE_INLINE;
  piece->node = node;
  g_ptr_array_add (run, piece);
}

void
dossier_export_run_add_certainty (GPtrArray        *run,
                                  DossierCertainty  certainty)
{
  if (certainty == DOSSIER_CERTAINTY_NONE || certainty >= G_N_ELEMENTS (certainty_marks))
    return;

  dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
  dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_CERTAINTY, _(certainty_marks[certainty]));
}

/* "Label:" and a value, the shape of every key fact. */
void
dossier_export_run_add_field (GPtrArray  *run,
                              const char *label,
                              const char *value)
{
  dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_LABEL, label);
  dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
  dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, value);
}

static void
block_free (gpointer data)
{
  DossierExportBlock *block = data;

  g_free (block->id);
  g_clear_pointer (&block->run, g_ptr_array_unref);
  g_clear_pointer (&block->header, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->chart, dossier_chart_model_unref);
  g_free (block);
}

DossierExportBlock *
dossier_export_doc_add_block (DossierExportDoc       *doc,
                              DossierExportBlockKind  kind,
                              guint                   level)
{
  DossierExportBlock *block = g_new0 (DossierExportBlock, 1);

  block->kind = kind;
  block->level = level;
  block->run = dossier_export_run_new ();
  g_ptr_array_add (doc->blocks, block);

  return block;
}

void
dossier_export_doc_add_heading (DossierExportDoc *doc,
                                guint             level,
                                const char       *id,
                                const char       *label)
{
  DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_HEADING, level);

  block->id = g_strdup (id);
  dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, label);
}

gboolean
dossier_export_doc_wants (const DossierExportDoc *doc,
                          DossierSection          section)
{
  return (doc->options->sections & (1u << section)) != 0;
}

/* Citations and the list of sources */

typedef struct
{
  DossierExportDoc *doc;
  GHashTable       *by_id;  /* source id -> DossierExportSource* */
  guint             occurrence;
} NumberingState;

static void
export_source_free (gpointer data)
{
  DossierExportSource *source = data;

  g_array_unref (source->occurrences);
  g_ptr_array_unref (source->run);
  g_free (source);
}

static DossierExportSource *
add_export_source (DossierExportDoc *doc,
                   GHashTable       *by_id,
                   DossierSource    *source)
{
  DossierExportSource *entry = g_new0 (DossierExportSource, 1);

  entry->source = source;
  entry->number = doc->sources->len + 1;
  entry->occurrences = g_array_new (FALSE, FALSE, sizeof (guint));
  entry->run = dossier_export_run_new ();
  g_ptr_array_add (doc->sources, entry);
  g_hash_table_insert (by_id, (gpointer) dossier_source_get_id (source), entry);

  return entry;
}

static gboolean
number_cite_cb (const DossierInline *node,
                gpointer             user_data)
{
  NumberingState *state = user_data;
  DossierExportDoc *doc = state->doc;
  DossierExportSource *entry;
  DossierExportCite *cite;
  DossierSource *source;

  if (node->kind != DOSSIER_INLINE_CITE || node->ref == NULL)
    return TRUE;
  /* The same node reached twice keeps its first number. */
  if (g_hash_table_contains (doc->cites, node))
    return TRUE;

  source = dossier_case_get_source (doc->dcase, node->ref);
  if (source == NULL)
    return TRUE;

  entry = g_hash_table_lookup (state->by_id, node->ref);
  if (entry == NULL)
    entry = add_export_source (doc, state->by_id, source);

  cite = g_new0 (DossierExportCite, 1);
  cite->occurrence = ++state->occurrence;
  cite->number = entry->number;
  cite->source = entry;
  g_array_append_val (entry->occurrences, cite->occurrence);
  g_hash_table_insert (doc->cites, (gpointer) node, cite);
  if (node->number > 0)
    g_hash_table_insert (doc->case_to_export, GUINT_TO_POINTER (node->number),
                         GUINT_TO_POINTER (cite->occurrence));

  return TRUE;
}

static void
number_run (NumberingState *state,
            GPtrArray      *run)
{
  for (guint i = 0; run != NULL && i < run->len; i++)
    {
      DossierExportPiece *piece = g_ptr_array_index (run, i);

      if (piece->kind == DOSSIER_EXPORT_PIECE_INLINE)
        dossier_inline_foreach (piece->node, number_cite_cb, state);
    }
}

static void
build_source_run (DossierExportDoc    *doc,
                  DossierExportSource *entry)
{
  DossierSource *source = entry->source;
  GPtrArray *run = entry->run;
  const char * const *authors = dossier_source_get_authors (source);
  const char *publisher = dossier_source_get_publisher (source);
  g_autofree char *published = dossier_export_doc_format_date (doc, dossier_source_get_published (source));
  g_autofree char *rating = dossier_export_source_rating (source);
  const char *url = dossier_source_get_url (source);
  const char *archived = dossier_source_get_archived_url (source);

  if (dossier_source_get_title (source) != NULL)
    dossier_export_run_add_inline (run, dossier_source_get_title (source));
  else
    dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, dossier_source_get_id (source));
  dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ".");

  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) authors);

      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, joined);
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ".");
    }
  if (publisher != NULL)
    {
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, publisher);
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, published != NULL ? "," : ".");
    }
  if (published != NULL)
    {
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, published);
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ".");
    }
  if (url != NULL)
    {
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_URL, url);
    }
  if (archived != NULL)
    {
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, _("(archived:"));
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_URL, archived);
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ")");
    }
  if (rating != NULL)
    {
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_CERTAINTY, rating);
    }
}

void
dossier_export_doc_number_citations (DossierExportDoc *doc)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  NumberingState state = { doc, by_id, 0 };

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierExportBlock *block = g_ptr_array_index (doc->blocks, i);

      number_run (&state, block->run);
      for (guint j = 0; block->header != NULL && j < block->header->len; j++)
        number_run (&state, g_ptr_array_index (block->header, j));
      for (guint j = 0; block->rows != NULL && j < block->rows->len; j++)
        {
          GPtrArray *row = g_ptr_array_index (block->rows, j);

          for (guint k = 0; k < row->len; k++)
            number_run (&state, g_ptr_array_index (row, k));
        }
    }

  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_SOURCES))
    {
      GListModel *sources = dossier_case_get_sources (doc->dcase);
      guint n = g_list_model_get_n_items (sources);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

          if (!g_hash_table_contains (by_id, dossier_source_get_id (source)))
            add_export_source (doc, by_id, source);
        }
    }

  for (guint i = 0; i < doc->sources->len; i++)
    build_source_run (doc, g_ptr_array_index (doc->sources, i));
}

/* The document */

DossierExportDoc *
dossier_export_doc_new (DossierCase                *dcase,
                        const DossierExportOptions *options,
                        GCancellable               *cancellable)
{
  DossierExportDoc *doc = g_new0 (DossierExportDoc, 1);
  const DossierInline *title = dossier_case_get_title (dcase);

  doc->dcase = dcase;
  doc->options = options;
  doc->cancellable = cancellable;
  doc->zone = options->local_time ? g_time_zone_new_local () : g_time_zone_new_utc ();
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->sources = g_ptr_array_new_with_free_func (export_source_free);
  doc->cites = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  doc->case_to_export = g_hash_table_new (NULL, NULL);
  if (title != NULL)
    {
      g_autofree char *plain = dossier_inline_to_plain (title);

      doc->title_plain = dossier_export_clean_text (plain);
    }
  else
    doc->title_plain = g_strdup (dossier_case_get_id (dcase));

  return doc;
}

void
dossier_export_doc_free (DossierExportDoc *doc)
{
  g_clear_pointer (&doc->zone, g_time_zone_unref);
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_clear_pointer (&doc->sources, g_ptr_array_unref);
  g_clear_pointer (&doc->cites, g_hash_table_unref);
  g_clear_pointer (&doc->case_to_export, g_hash_table_unref);
  g_free (doc->title_plain);
  g_free (doc);
}

/* Shared with the renderers */

const DossierExportCite *
dossier_export_doc_lookup_cite (const DossierExportDoc *doc,
                                const DossierInline    *node)
{
  return g_hash_table_lookup (doc->cites, node);
}

gboolean
dossier_export_doc_progress (const DossierExportDoc *doc,
                             guint                   done,
                             guint                   total,
                             GError                **error)
{
  if (g_cancellable_set_error_if_cancelled (doc->cancellable, error))
    return FALSE;

  if (doc->options->progress != NULL && total > 0)
    doc->options->progress (MIN (1.0, (double) done / total), doc->options->progress_data);

  return TRUE;
}

char *
dossier_export_doc_format_date (const DossierExportDoc *doc,
                                const DossierDate      *date)
{
  if (date == NULL)
    return NULL;

  if (dossier_date_is_instant (date))
    return dossier_date_format_in_zone (date, doc->zone);

  return dossier_date_format (date);
}

char *
dossier_export_source_rating (DossierSource *source)
{
  char reliability = dossier_source_get_reliability (source);
  guint credibility = dossier_source_get_credibility (source);
  const char *reliability_label = dossier_reliability_get_label (reliability);
  const char *credibility_label = dossier_credibility_get_label (credibility);
  GString *out = g_string_new (NULL);

  /* The Admiralty grade and its words: "A: Completely reliable; 2:
   * Probably true". */
  if (reliability_label != NULL)
    g_string_append_printf (out, _("%c: %s"), reliability, reliability_label);
  if (credibility_label != NULL)
    {
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, _("%u: %s"), credibility, credibility_label);
    }
  if (out->len > 0)
    {
      g_string_prepend_c (out, '(');
      g_string_append_c (out, ')');
    }

  return g_string_free (out, out->len == 0);
}

char *
dossier_export_cite_label (const DossierExportCite *cite,
                           const DossierInline     *node)
{
  if (node->at != NULL && *node->at != '\0')
    {
      g_autofree char *at = dossier_export_clean_text (node->at);

      return g_strdup_printf ("%u, %s", cite->number, at);
    }

  return g_strdup_printf ("%u", cite->number);
}

char *
dossier_export_source_anchor (const DossierExportSource *source)
{
  GString *out = g_string_new ("source-");

  for (const char *p = dossier_source_get_id (source->source); *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || strchr ("._-", *p) != NULL ? *p : '-');

  return g_string_free (out, FALSE);
}

char *
dossier_export_clean_text (const char *text)
{
  if (text == NULL)
    return NULL;

  /* Printable ASCII has nothing to drop: most case text, every time. */
  for (const guchar *p = (const guchar *) text; ; p++)
    {
      if (*p == '\0')
        return g_strdup (text);
      if (*p < 0x20 || *p >= 0x7f)
        break;
    }

  return dossier_sanitize_display_text (text);
}

char *
dossier_export_encode_href (const char *href)
{
  GString *out = g_string_sized_new (strlen (href));

  for (const guchar *p = (const guchar *) href; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("-._~:/?#[]@!$&*+,;=%", *p) != NULL)
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }

  return g_string_free (out, FALSE);
}

gboolean
dossier_export_flush (GString        *buffer,
                      GOutputStream  *stream,
                      gboolean        force,
                      GCancellable   *cancellable,
                      GError        **error)
{
  if (buffer->len == 0 || (!force && buffer->len < 64 * 1024))
    return TRUE;

  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (buffer, 0);
  return TRUE;
}

