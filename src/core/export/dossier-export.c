/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-export-private.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

#define FILENAME_MAX_CHARS 64

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  { "markdown", "md",   "text/markdown" },
  { "html",     "html", "text/html" },
  { "text",     "txt",  "text/plain" },
  { "pdf",      "pdf",  "application/pdf" },
};

/* Territories whose paper is Letter (glibc's LC_PAPER data). */
static const char * const letter_territories[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "PR",
  "SV", "VE", NULL
};

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

static GPtrArray *
run_new (void)
{
  return g_ptr_array_new_with_free_func (piece_free);
}

static void
run_add_text (GPtrArray              *run,
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

static void
run_add_inline (GPtrArray           *run,
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

static void
run_add_certainty (GPtrArray        *run,
                   DossierCertainty  certainty)
{
  if (certainty == DOSSIER_CERTAINTY_NONE || certainty >= G_N_ELEMENTS (certainty_marks))
    return;

  run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
  run_add_text (run, DOSSIER_EXPORT_PIECE_CERTAINTY, _(certainty_marks[certainty]));
}

/* "Label:" and a value, the shape of every key fact. */
static void
run_add_field (GPtrArray  *run,
               const char *label,
               const char *value)
{
  run_add_text (run, DOSSIER_EXPORT_PIECE_LABEL, label);
  run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
  run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, value);
}

static void
block_free (gpointer data)
{
  DossierExportBlock *block = data;

  g_free (block->id);
  g_clear_pointer (&block->run, g_ptr_array_unref);
  g_clear_pointer (&block->header, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static DossierExportBlock *
doc_add_block (DossierExportDoc       *doc,
               DossierExportBlockKind  kind,
               guint                   level)
{
  DossierExportBlock *block = g_new0 (DossierExportBlock, 1);

  block->kind = kind;
  block->level = level;
  block->run = run_new ();
  g_ptr_array_add (doc->blocks, block);

  return block;
}

static void
doc_add_heading (DossierExportDoc *doc,
                 guint             level,
                 const char       *id,
                 const char       *label)
{
  DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_HEADING, level);

  block->id = g_strdup (id);
  run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, label);
}

static void
doc_add_paragraphs (DossierExportDoc       *doc,
                    GPtrArray              *blocks,
                    DossierExportBlockKind  kind)
{
  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierParagraph *paragraph = g_ptr_array_index (blocks, i);
      DossierExportBlock *block = doc_add_block (doc, kind, 1);

      run_add_inline (block->run, paragraph->text);
      run_add_certainty (block->run, paragraph->certainty);
    }
}

/* Every paragraph of @blocks in one run, separated by spaces: for table
 * cells. */
static void
run_add_blocks (GPtrArray *run,
                GPtrArray *blocks)
{
  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierParagraph *paragraph = g_ptr_array_index (blocks, i);

      if (i > 0)
        run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_inline (run, paragraph->text);
      run_add_certainty (run, paragraph->certainty);
    }
}

static void
doc_add_date_field (DossierExportDoc  *doc,
                    const char        *label,
                    const DossierDate *date)
{
  g_autofree char *text = NULL;
  DossierExportBlock *block;

  if (date == NULL)
    return;

  text = dossier_export_doc_format_date (doc, date);
  block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
  run_add_field (block->run, label, text);
}

static void
doc_add_entity_field (DossierExportDoc *doc,
                      const char       *label,
                      const char       *entity_id)
{
  DossierExportBlock *block;

  if (entity_id == NULL)
    return;

  block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
  run_add_field (block->run, label,
                 dossier_case_get_entity_name (doc->kase, entity_id));
}

static void
doc_add_inline_field (DossierExportDoc    *doc,
                      const char          *label,
                      const DossierInline *value)
{
  DossierExportBlock *block;

  if (value == NULL)
    return;

  block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
  run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
  run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
  run_add_inline (block->run, value);
}

static gboolean
doc_wants (const DossierExportDoc *doc,
           DossierSection          section)
{
  return (doc->options->sections & (1u << section)) != 0;
}

/* The sections */

static void
build_title_block (DossierExportDoc *doc)
{
  DossierCase *kase = doc->kase;
  DossierExportBlock *block;
  const char *status;
  const DossierDate *updated;

  block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_TITLE, 1);
  block->id = g_strdup ("title");
  if (dossier_case_get_title (kase) != NULL)
    run_add_inline (block->run, dossier_case_get_title (kase));
  else
    run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, dossier_case_get_id (kase));

  if (dossier_case_get_subtitle (kase) != NULL)
    {
      block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_SUBTITLE, 1);
      run_add_inline (block->run, dossier_case_get_subtitle (kase));
    }

  status = dossier_case_status_get_label (dossier_case_get_status (kase));
  updated = dossier_case_get_updated (kase);
  if (status != NULL || updated != NULL)
    {
      block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_META, 1);
      if (status != NULL)
        run_add_field (block->run, _("Status:"), status);
      if (updated != NULL)
        {
          g_autofree char *text = dossier_export_doc_format_date (doc, updated);

          if (status != NULL)
            run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
          run_add_field (block->run, _("Last update:"), text);
        }
    }
}

static void
build_overview (DossierExportDoc *doc)
{
  GPtrArray *summary = dossier_case_get_summary (doc->kase);

  if (summary == NULL || summary->len == 0)
    return;

  doc_add_heading (doc, 2, "summary", _("Summary"));
  doc_add_paragraphs (doc, summary, DOSSIER_EXPORT_BLOCK_PARAGRAPH);
}

static void
build_entities (DossierExportDoc *doc)
{
  GListModel *entities = dossier_case_get_entities (doc->kase);
  guint n = g_list_model_get_n_items (entities);

  if (n == 0)
    return;

  doc_add_heading (doc, 2, "entities", dossier_section_get_label (DOSSIER_SECTION_ENTITIES));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
      const char *role = dossier_entity_get_role (entity);

      run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, dossier_entity_get_name (entity));
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " (");
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT,
                    dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, ")");
      if (role != NULL && *role != '\0')
        {
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " — ");
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, role);
        }
    }
}

static void
build_attribution (DossierExportDoc *doc,
                   DossierBreach    *breach)
{
  GListModel *hypotheses = dossier_breach_get_hypotheses (breach);
  guint n = g_list_model_get_n_items (hypotheses);

  if (n == 0)
    return;

  doc_add_heading (doc, 3, "attribution", _("Attribution"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);
      GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);
      DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
      g_autofree char *label = NULL;

      label = g_strdup_printf (_("%s:"), dossier_case_get_entity_name (doc->kase,
                                                                        dossier_hypothesis_get_actor (hypothesis)));
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_inline (block->run, dossier_hypothesis_get_statement (hypothesis));
      run_add_certainty (block->run, dossier_hypothesis_get_certainty (hypothesis));

      for (guint j = 0; j < evidence->len; j++)
        {
          DossierEvidence *item = g_ptr_array_index (evidence, j);
          g_autofree char *stance = NULL;

          stance = g_strdup_printf (_("%s:"), dossier_evidence_stance_get_label (item->stance));
          block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 2);
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, stance);
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
          run_add_inline (block->run, item->text);
          run_add_certainty (block->run, item->certainty);
        }
    }
}

static void
build_breach (DossierExportDoc *doc)
{
  DossierBreach *breach = dossier_case_get_breach (doc->kase);
  GPtrArray *impact;
  GPtrArray *exposed;

  if (breach == NULL)
    return;

  doc_add_heading (doc, 2, "breach", dossier_section_get_label (DOSSIER_SECTION_BREACH));
  doc_add_entity_field (doc, _("Victim:"), dossier_breach_get_victim (breach));
  doc_add_entity_field (doc, _("Claimed by:"), dossier_breach_get_claimed_by (breach));
  doc_add_date_field (doc, _("Began:"), dossier_breach_get_began (breach));
  doc_add_date_field (doc, _("Discovered:"), dossier_breach_get_discovered (breach));
  doc_add_date_field (doc, _("Disclosed:"), dossier_breach_get_disclosed (breach));
  doc_add_inline_field (doc, _("Method:"), dossier_breach_get_method (breach));
  doc_add_paragraphs (doc, dossier_breach_get_summary (breach), DOSSIER_EXPORT_BLOCK_PARAGRAPH);

  impact = dossier_breach_get_impact (breach);
  if (impact != NULL && impact->len > 0)
    {
      doc_add_heading (doc, 3, "impact", _("Impact"));
      doc_add_paragraphs (doc, impact, DOSSIER_EXPORT_BLOCK_PARAGRAPH);
    }

  exposed = dossier_breach_get_exposed (breach);
  if (exposed != NULL && exposed->len > 0)
    {
      doc_add_heading (doc, 3, "exposed", _("Exposed data"));
      /* Grouped by category in the order of the enumeration, uncategorized
       * last; file order inside a group. */
      for (guint c = DOSSIER_EXPOSED_PERSONAL; c <= DOSSIER_EXPOSED_OTHER + 1; c++)
        {
          DossierExposedCategory category = c <= DOSSIER_EXPOSED_OTHER ? c : DOSSIER_EXPOSED_NONE;
          gboolean first = TRUE;

          for (guint i = 0; i < exposed->len; i++)
            {
              DossierExposedItem *item = g_ptr_array_index (exposed, i);
              DossierExportBlock *block;

              if (item->category != category)
                continue;

              if (first)
                {
                  block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
                  run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL,
                                dossier_exposed_category_get_label (category));
                  first = FALSE;
                }
              block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 2);
              run_add_inline (block->run, item->text);
              run_add_certainty (block->run, item->certainty);
            }
        }
    }

  build_attribution (doc, breach);
}

static void
build_threat (DossierExportDoc *doc)
{
  DossierThreatScreen *threat = dossier_case_get_threat_screen (doc->kase);
  GPtrArray *links;

  if (threat == NULL)
    return;

  doc_add_heading (doc, 2, "threat", dossier_section_get_label (DOSSIER_SECTION_THREAT));
  doc_add_inline_field (doc, _("Headline:"), dossier_threat_screen_get_headline (threat));
  doc_add_date_field (doc, _("Shown:"), dossier_threat_screen_get_shown (threat));
  doc_add_inline_field (doc, _("Shown on:"), dossier_threat_screen_get_shown_on (threat));
  doc_add_entity_field (doc, _("Sender:"), dossier_threat_screen_get_sender (threat));
  doc_add_inline_field (doc, _("Demand:"), dossier_threat_screen_get_demand (threat));
  doc_add_date_field (doc, _("Deadline:"), dossier_threat_screen_get_deadline (threat));
  if (dossier_threat_screen_has_image (threat) &&
      dossier_threat_screen_get_image_description (threat) != NULL)
    {
      DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);

      run_add_field (block->run, _("Image:"),
                     dossier_threat_screen_get_image_description (threat));
    }

  doc_add_paragraphs (doc, dossier_threat_screen_get_message (threat), DOSSIER_EXPORT_BLOCK_QUOTE);

  links = dossier_threat_screen_get_shown_links (threat);
  if (links != NULL && links->len > 0)
    {
      DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_PARAGRAPH, 1);

      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT,
                    _("Links printed on the screen (evidence, not opened):"));
      for (guint i = 0; i < links->len; i++)
        {
          DossierShownLink *link = g_ptr_array_index (links, i);

          block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_CODE, link->href);
          if (link->text != NULL)
            {
              run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
              run_add_inline (block->run, link->text);
            }
        }
    }
}

static int
compare_reactions (gconstpointer a,
                   gconstpointer b)
{
  DossierReaction *ra = *(DossierReaction **) a;
  DossierReaction *rb = *(DossierReaction **) b;

  return dossier_date_compare (dossier_reaction_get_date (ra), dossier_reaction_get_date (rb));
}

static void
build_reactions (DossierExportDoc *doc)
{
  GListModel *reactions = dossier_case_get_reactions (doc->kase);
  guint n = g_list_model_get_n_items (reactions);
  g_autoptr(GPtrArray) sorted = NULL;

  if (n == 0)
    return;

  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (reactions, i));
  /* GLib's sort is stable: reactions of one date keep file order. */
  g_ptr_array_sort (sorted, compare_reactions);

  doc_add_heading (doc, 2, "reactions", dossier_section_get_label (DOSSIER_SECTION_REACTIONS));
  for (guint i = 0; i < n; i++)
    {
      DossierReaction *reaction = g_ptr_array_index (sorted, i);
      DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_PARAGRAPH, 1);
      g_autofree char *date = dossier_export_doc_format_date (doc, dossier_reaction_get_date (reaction));
      g_autofree char *label = NULL;
      const char *behalf = dossier_reaction_get_on_behalf_of (reaction);

      label = g_strdup_printf (_("%s — %s"), date,
                               dossier_case_get_entity_name (doc->kase, dossier_reaction_get_actor (reaction)));
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
      if (behalf != NULL)
        {
          g_autofree char *text = g_strdup_printf (_(" (on behalf of %s)"),
                                                   dossier_case_get_entity_name (doc->kase, behalf));
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, text);
        }
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT,
                    dossier_stance_get_label (dossier_reaction_get_stance (reaction)));
      run_add_certainty (block->run, dossier_reaction_get_certainty (reaction));
      if (dossier_reaction_get_channel (reaction) != NULL)
        {
          block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_META, 2);
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, _("Channel:"));
          run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
          run_add_inline (block->run, dossier_reaction_get_channel (reaction));
        }

      if (dossier_reaction_get_quote (reaction) != NULL)
        {
          block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_QUOTE, 1);
          run_add_inline (block->run, dossier_reaction_get_quote (reaction));
        }
      doc_add_paragraphs (doc, dossier_reaction_get_summary (reaction), DOSSIER_EXPORT_BLOCK_PARAGRAPH);
    }
}

static void
build_release (DossierExportDoc *doc)
{
  GListModel *releases = dossier_case_get_releases (doc->kase);
  guint n = g_list_model_get_n_items (releases);
  const char *work = dossier_case_get_release_work (doc->kase);
  DossierExportBlock *block;
  const char *columns[] = {
    N_("Announced"), N_("Date"), N_("Status"), N_("Market"), N_("Summary"),
  };

  if (n == 0)
    return;

  doc_add_heading (doc, 2, "release", dossier_section_get_label (DOSSIER_SECTION_RELEASE));
  if (work != NULL)
    {
      block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_PARAGRAPH, 1);
      run_add_field (block->run, _("Work:"), dossier_case_get_entity_name (doc->kase, work));
    }

  block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_TABLE, 1);
  block->header = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GPtrArray *cell = run_new ();

      run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, _(columns[i]));
      g_ptr_array_add (block->header, cell);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierRelease) release = g_list_model_get_item (releases, i);
      GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autofree char *announced = dossier_export_doc_format_date (doc, dossier_release_get_announced (release));
      g_autofree char *date = dossier_export_doc_format_date (doc, dossier_release_get_date (release));
      GPtrArray *cell;

      cell = run_new ();
      run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, announced != NULL ? announced : "—");
      g_ptr_array_add (row, cell);

      cell = run_new ();
      run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, date);
      g_ptr_array_add (row, cell);

      cell = run_new ();
      run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT,
                    dossier_release_status_get_label (dossier_release_get_status (release)));
      run_add_certainty (cell, dossier_release_get_certainty (release));
      g_ptr_array_add (row, cell);

      cell = run_new ();
      if (dossier_release_get_market (release) != NULL)
        run_add_inline (cell, dossier_release_get_market (release));
      else
        run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, "—");
      g_ptr_array_add (row, cell);

      cell = run_new ();
      run_add_blocks (cell, dossier_release_get_summary (release));
      g_ptr_array_add (row, cell);

      g_ptr_array_add (block->rows, row);
    }
}

static void
build_timeline (DossierExportDoc *doc)
{
  GListModel *events = dossier_case_get_events (doc->kase);
  guint n = g_list_model_get_n_items (events);

  if (n == 0)
    return;

  doc_add_heading (doc, 2, "timeline", dossier_section_get_label (DOSSIER_SECTION_TIMELINE));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
      DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
      g_autofree char *date = dossier_export_doc_format_date (doc, dossier_event_get_date (event));
      g_autofree char *label = g_strdup_printf (_("%s:"), date);

      run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_inline (block->run, dossier_event_get_title (event));
      run_add_certainty (block->run, dossier_event_get_certainty (event));
    }
}

static gboolean
note_is_wanted (DossierExportDoc *doc,
                DossierNote      *note,
                GHashTable       *matches)
{
  switch (doc->options->notes)
    {
    case DOSSIER_EXPORT_NOTES_NONE:
      return FALSE;
    case DOSSIER_EXPORT_NOTES_ALL:
      return TRUE;
    case DOSSIER_EXPORT_NOTES_TAG:
      return doc->options->notes_arg != NULL &&
             dossier_note_has_tag (note, doc->options->notes_arg);
    case DOSSIER_EXPORT_NOTES_QUERY:
      return matches != NULL && g_hash_table_contains (matches, dossier_note_get_id (note));
    default:
      g_assert_not_reached ();
    }
}

/* The ids of the notes the query selects, or NULL and @error. */
static GHashTable *
match_notes_query (DossierExportDoc  *doc,
                   GError           **error)
{
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(DossierSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;

  query = dossier_search_query_parse (doc->options->notes_arg != NULL ? doc->options->notes_arg : "",
                                      &local_error);
  if (query == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("Cannot select notes by “%s”: %s"), doc->options->notes_arg, local_error->message);
      return NULL;
    }

  index = dossier_search_index_new (doc->kase);
  hits = dossier_search_index_run (index, query, 0, NULL, doc->cancellable, error);
  if (hits == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->section == DOSSIER_SECTION_NOTES && hit->item_id != NULL)
        g_hash_table_add (ids, g_strdup (hit->item_id));
    }

  return g_steal_pointer (&ids);
}

static gboolean
build_notes (DossierExportDoc  *doc,
             GError           **error)
{
  GListModel *notes = dossier_case_get_notes (doc->kase);
  guint n = g_list_model_get_n_items (notes);
  g_autoptr(GHashTable) matches = NULL;
  gboolean heading = FALSE;

  if (doc->options->notes == DOSSIER_EXPORT_NOTES_NONE || n == 0)
    return TRUE;

  if (doc->options->notes == DOSSIER_EXPORT_NOTES_QUERY)
    {
      matches = match_notes_query (doc, error);
      if (matches == NULL)
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      const char * const *tags = dossier_note_get_tags (note);
      DossierExportBlock *block;
      g_autofree char *created = NULL;

      if (!note_is_wanted (doc, note, matches))
        continue;

      if (!heading)
        {
          doc_add_heading (doc, 2, "notes", dossier_section_get_label (DOSSIER_SECTION_NOTES));
          heading = TRUE;
        }

      block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_HEADING, 3);
      block->id = g_strconcat ("note-", dossier_note_get_id (note), NULL);
      run_add_inline (block->run, dossier_note_get_title (note));

      block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_META, 2);
      created = dossier_export_doc_format_date (doc, dossier_note_get_created (note));
      if (created != NULL)
        run_add_field (block->run, _("Written:"), created);
      if (dossier_note_get_author (note) != NULL)
        {
          if (block->run->len > 0)
            run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
          run_add_field (block->run, _("By:"), dossier_note_get_author (note));
        }
      if (tags != NULL && tags[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) tags);

          if (block->run->len > 0)
            run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
          run_add_field (block->run, _("Tags:"), joined);
        }
      if (block->run->len == 0)
        {
          g_ptr_array_remove_index (doc->blocks, doc->blocks->len - 1);
        }

      doc_add_paragraphs (doc, dossier_note_get_body (note), DOSSIER_EXPORT_BLOCK_PARAGRAPH);
    }

  return TRUE;
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
  entry->run = run_new ();
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

  source = dossier_case_get_source (doc->kase, node->ref);
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
    run_add_inline (run, dossier_source_get_title (source));
  else
    run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, dossier_source_get_id (source));
  run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ".");

  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) authors);

      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, joined);
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ".");
    }
  if (publisher != NULL)
    {
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, publisher);
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, published != NULL ? "," : ".");
    }
  if (published != NULL)
    {
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, published);
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ".");
    }
  if (url != NULL)
    {
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_URL, url);
    }
  if (archived != NULL)
    {
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, _("(archived:"));
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_URL, archived);
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, ")");
    }
  if (rating != NULL)
    {
      run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (run, DOSSIER_EXPORT_PIECE_CERTAINTY, rating);
    }
}

static void
number_citations (DossierExportDoc *doc)
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

  if (doc_wants (doc, DOSSIER_SECTION_SOURCES))
    {
      GListModel *sources = dossier_case_get_sources (doc->kase);
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

static void
build_footer (DossierExportDoc *doc)
{
  DossierExportBlock *block = doc_add_block (doc, DOSSIER_EXPORT_BLOCK_FOOTER, 1);
  const DossierDate *updated = dossier_case_get_updated (doc->kase);
  const char *sha256 = dossier_case_get_sha256 (doc->kase);

  run_add_field (block->run, _("Case:"), dossier_case_get_id (doc->kase));
  if (updated != NULL)
    {
      g_autofree char *text = dossier_export_doc_format_date (doc, updated);

      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
      run_add_field (block->run, _("Updated:"), text);
    }
  if (sha256 != NULL)
    {
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, _("SHA-256:"));
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      run_add_text (block->run, DOSSIER_EXPORT_PIECE_CODE, sha256);
    }
}

static void
doc_free (DossierExportDoc *doc)
{
  g_clear_pointer (&doc->zone, g_time_zone_unref);
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_clear_pointer (&doc->sources, g_ptr_array_unref);
  g_clear_pointer (&doc->cites, g_hash_table_unref);
  g_clear_pointer (&doc->case_to_export, g_hash_table_unref);
  g_free (doc->title_plain);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportDoc, doc_free)

static DossierExportDoc *
doc_build (DossierCase                *kase,
           const DossierExportOptions *options,
           GCancellable               *cancellable,
           GError                    **error)
{
  g_autoptr(DossierExportDoc) doc = g_new0 (DossierExportDoc, 1);
  const DossierInline *title = dossier_case_get_title (kase);

  doc->kase = kase;
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
    doc->title_plain = g_strdup (dossier_case_get_id (kase));

  build_title_block (doc);
  if (doc_wants (doc, DOSSIER_SECTION_OVERVIEW))
    build_overview (doc);
  if (doc_wants (doc, DOSSIER_SECTION_ENTITIES))
    build_entities (doc);
  if (doc_wants (doc, DOSSIER_SECTION_BREACH))
    build_breach (doc);
  if (doc_wants (doc, DOSSIER_SECTION_THREAT))
    build_threat (doc);
  if (doc_wants (doc, DOSSIER_SECTION_REACTIONS))
    build_reactions (doc);
  if (doc_wants (doc, DOSSIER_SECTION_RELEASE))
    build_release (doc);
  if (doc_wants (doc, DOSSIER_SECTION_TIMELINE))
    build_timeline (doc);
  if (doc_wants (doc, DOSSIER_SECTION_NOTES) && !build_notes (doc, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  number_citations (doc);
  if (doc->sources->len > 0)
    {
      doc_add_heading (doc, 2, "sources", _("Sources"));
      doc_add_block (doc, DOSSIER_EXPORT_BLOCK_SOURCES, 1);
    }
  build_footer (doc);

  return g_steal_pointer (&doc);
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

/* Public API */

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].name;
}

gboolean
dossier_export_format_from_string (const char          *str,
                                   DossierExportFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (str, formats[i].name) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_export_format_get_extension (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

const char *
dossier_export_format_get_mime_type (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

DossierPaperSize
dossier_paper_size_for_locale (void)
{
  const char *vars[] = { "LC_ALL", "LC_PAPER", "LANG" };
  const char *locale = NULL;
  const char *underscore;
  g_autofree char *territory = NULL;
  gsize len;

  /* POSIX precedence: the first one set and not empty wins. */
  for (guint i = 0; i < G_N_ELEMENTS (vars) && locale == NULL; i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        locale = value;
    }

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return DOSSIER_PAPER_A4;

  len = strcspn (underscore + 1, ".@");
  territory = g_strndup (underscore + 1, len);
  if (g_strv_contains (letter_territories, territory))
    return DOSSIER_PAPER_LETTER;

  return DOSSIER_PAPER_A4;
}

void
dossier_export_options_init (DossierExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = DOSSIER_EXPORT_MARKDOWN;
  options->sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options->notes = DOSSIER_EXPORT_NOTES_NONE;
  options->local_time = FALSE;
  options->paper = dossier_paper_size_for_locale ();
}

gboolean
dossier_export_parse_sections (const char  *list,
                               guint       *out,
                               GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint set = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      DossierSection section;

      if (*name == '\0')
        continue;
      if (g_strcmp0 (name, "all") == 0)
        {
          set |= DOSSIER_EXPORT_ALL_SECTIONS;
          continue;
        }
      if (!dossier_section_from_string (name, &section))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                       _("Unknown section “%s”; use overview, entities, sources, breach, threat, reactions, release, timeline, notes or all"),
                       name);
          return FALSE;
        }
      set |= 1u << section;
    }

  if (set == 0)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("No section named in “%s”"), list);
      return FALSE;
    }

  *out = set;
  return TRUE;
}

gboolean
dossier_export_parse_notes (const char          *str,
                            DossierExportNotes  *mode_out,
                            const char         **arg_out,
                            GError             **error)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (mode_out != NULL, FALSE);
  g_return_val_if_fail (arg_out != NULL, FALSE);

  *arg_out = NULL;
  if (g_strcmp0 (str, "none") == 0)
    *mode_out = DOSSIER_EXPORT_NOTES_NONE;
  else if (g_strcmp0 (str, "all") == 0)
    *mode_out = DOSSIER_EXPORT_NOTES_ALL;
  else if (g_str_has_prefix (str, "tag:"))
    {
      if (str[4] == '\0')
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                       _("“tag:” needs a tag, as in tag:attribution"));
          return FALSE;
        }
      *mode_out = DOSSIER_EXPORT_NOTES_TAG;
      *arg_out = str + 4;
    }
  else if (*str == '\0')
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("--notes needs none, all, tag:TAG or a search query"));
      return FALSE;
    }
  else
    {
      *mode_out = DOSSIER_EXPORT_NOTES_QUERY;
      *arg_out = str;
    }

  return TRUE;
}

gboolean
dossier_export_to_stream (DossierCase                *self,
                          const DossierExportOptions *options,
                          GOutputStream              *stream,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(DossierExportDoc) doc = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = doc_build (self, options, cancellable, error);
  if (doc == NULL)
    return FALSE;

  switch (options->format)
    {
    case DOSSIER_EXPORT_MARKDOWN:
      return dossier_export_render_markdown (doc, stream, error);
    case DOSSIER_EXPORT_HTML:
      return dossier_export_render_html (doc, stream, error);
    case DOSSIER_EXPORT_TEXT:
      return dossier_export_render_text (doc, stream, error);
    case DOSSIER_EXPORT_PDF:
      return dossier_export_render_pdf (doc, stream, error);
    default:
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown export format %d"), (int) options->format);
      return FALSE;
    }
}

struct _DossierExportPages
{
  DossierCase          *kase;
  DossierExportOptions  options;
  char                 *notes_arg;
  DossierExportDoc     *doc;
  double                width;
  double                height;
  guint                 n_pages;
};

DossierExportPages *
dossier_export_pages_new (DossierCase                *self,
                          const DossierExportOptions *options,
                          double                      page_width,
                          double                      page_height,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(DossierExportPages) pages = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pages = g_new0 (DossierExportPages, 1);
  pages->kase = g_object_ref (self);
  /* The document points at its options: they live here. */
  pages->options = *options;
  pages->notes_arg = g_strdup (options->notes_arg);
  pages->options.notes_arg = pages->notes_arg;
  pages->width = page_width;
  pages->height = page_height;

  pages->doc = doc_build (self, &pages->options, cancellable, error);
  if (pages->doc == NULL)
    return NULL;
  if (!dossier_export_render_pages (pages->doc, page_width, page_height, 0, NULL, &pages->n_pages, error))
    return NULL;

  /* Drawing a page later is not cancellable, nor reports progress. */
  pages->doc->cancellable = NULL;
  pages->options.progress = NULL;

  return g_steal_pointer (&pages);
}

guint
dossier_export_pages_get_n_pages (DossierExportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);

  return pages->n_pages;
}

void
dossier_export_pages_draw (DossierExportPages *pages,
                           guint               page,
                           cairo_t            *cr)
{
  g_return_if_fail (pages != NULL);
  g_return_if_fail (page < pages->n_pages);
  g_return_if_fail (cr != NULL);

  dossier_export_render_pages (pages->doc, pages->width, pages->height, page, cr, NULL, NULL);
}

void
dossier_export_pages_free (DossierExportPages *pages)
{
  if (pages == NULL)
    return;

  g_clear_pointer (&pages->doc, doc_free);
  g_clear_object (&pages->kase);
  g_free (pages->notes_arg);
  g_free (pages);
}

GBytes *
dossier_export_to_bytes (DossierCase                *self,
                         const DossierExportOptions *options,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  stream = g_memory_output_stream_new_resizable ();
  if (!dossier_export_to_stream (self, options, stream, cancellable, error))
    return NULL;
  if (!g_output_stream_close (stream, cancellable, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

char *
dossier_export_suggest_filename (DossierCase         *self,
                                 DossierExportFormat  format)
{
  g_autofree char *clean = NULL;
  GString *name;
  const char *title;
  guint chars = 0;
  gboolean dash = FALSE;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  title = dossier_case_get_display_title (self);
  if (title == NULL || *title == '\0')
    title = dossier_case_get_id (self);
  clean = dossier_export_clean_text (title != NULL ? title : "");

  /* Letters, digits and marks stay; every run of anything else (slashes,
   * dots, spaces, quotes, controls that slipped through) is one dash. */
  name = g_string_new (NULL);
  for (const char *p = clean; *p != '\0' && chars < FILENAME_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_isalnum (c) || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        {
          if (dash && name->len > 0)
            {
              g_string_append_c (name, '-');
              chars++;
            }
          dash = FALSE;
          g_string_append_unichar (name, c);
          chars++;
        }
      else
        dash = TRUE;
    }

  /* Marks need a base letter before them. */
  while (name->len > 0 && !g_unichar_isalnum (g_utf8_get_char (name->str)))
    g_string_erase (name, 0, g_utf8_next_char (name->str) - name->str);

  if (name->len == 0)
    g_string_append (name, "case");

  g_string_append_c (name, '.');
  g_string_append (name, formats[format].extension);

  return g_string_free (name, FALSE);
}
