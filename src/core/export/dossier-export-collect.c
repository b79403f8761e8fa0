/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <glib/gi18n-lib.h>

/* What goes in an export, collected from the case: the title block, a
 * run of blocks per section in the order the options ask for, the notes
 * the options select, then the list of sources and the footer. */

/* Blocks the sections share */

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
      DossierExportBlock *block = dossier_export_doc_add_block (doc, kind, 1);

      dossier_export_run_add_inline (block->run, paragraph->text);
      dossier_export_run_add_certainty (block->run, paragraph->certainty);
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
        dossier_export_run_add_text (run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_inline (run, paragraph->text);
      dossier_export_run_add_certainty (run, paragraph->certainty);
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
  block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
  dossier_export_run_add_field (block->run, label, text);
}

static void
doc_add_entity_field (DossierExportDoc *doc,
                      const char       *label,
                      const char       *entity_id)
{
  DossierExportBlock *block;

  if (entity_id == NULL)
    return;

  block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
  dossier_export_run_add_field (block->run, label,
                                dossier_case_get_entity_name (doc->dcase, entity_id));
}

static void
doc_add_inline_field (DossierExportDoc    *doc,
                      const char          *label,
                      const DossierInline *value)
{
  DossierExportBlock *block;

  if (value == NULL)
    return;

  block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
  dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
  dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
  dossier_export_run_add_inline (block->run, value);
}

/* The sections */

static void
build_title_block (DossierExportDoc *doc)
{
  DossierCase *dcase = doc->dcase;
  DossierExportBlock *block;
  const char *status;
  const DossierDate *updated;

  block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_TITLE, 1);
  block->id = g_strdup ("title");
  if (dossier_case_get_title (dcase) != NULL)
    dossier_export_run_add_inline (block->run, dossier_case_get_title (dcase));
  else
    dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, dossier_case_get_id (dcase));

  if (dossier_case_get_subtitle (dcase) != NULL)
    {
      block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_SUBTITLE, 1);
      dossier_export_run_add_inline (block->run, dossier_case_get_subtitle (dcase));
    }

  status = dossier_case_status_get_label (dossier_case_get_status (dcase));
  updated = dossier_case_get_updated (dcase);
  if (status != NULL || updated != NULL)
    {
      block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_META, 1);
      if (status != NULL)
        dossier_export_run_add_field (block->run, _("Status:"), status);
      if (updated != NULL)
        {
          g_autofree char *text = dossier_export_doc_format_date (doc, updated);

          if (status != NULL)
            dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
          dossier_export_run_add_field (block->run, _("Last update:"), text);
        }
    }
}

static void
build_overview (DossierExportDoc *doc)
{
  GPtrArray *summary = dossier_case_get_summary (doc->dcase);

  if (summary == NULL || summary->len == 0)
    return;

  dossier_export_doc_add_heading (doc, 2, "summary", _("Summary"));
  doc_add_paragraphs (doc, summary, DOSSIER_EXPORT_BLOCK_PARAGRAPH);
}

static void
build_entities (DossierExportDoc *doc)
{
  GListModel *entities = dossier_case_get_entities (doc->dcase);
  guint n = g_list_model_get_n_items (entities);

  if (n == 0)
    return;

  dossier_export_doc_add_heading (doc, 2, "entities", dossier_section_get_label (DOSSIER_SECTION_ENTITIES));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
      const char *role = dossier_entity_get_role (entity);

      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, dossier_entity_get_name (entity));
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " (");
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT,
                                   dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, ")");
      if (role != NULL && *role != '\0')
        {
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " — ");
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, role);
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

  dossier_export_doc_add_heading (doc, 3, "attribution", _("Attribution"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);
      GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
      g_autofree char *label = NULL;

      label = g_strdup_printf (_("%s:"), dossier_case_get_entity_name (doc->dcase,
                                                                        dossier_hypothesis_get_actor (hypothesis)));
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_inline (block->run, dossier_hypothesis_get_statement (hypothesis));
      dossier_export_run_add_certainty (block->run, dossier_hypothesis_get_certainty (hypothesis));

      for (guint j = 0; j < evidence->len; j++)
        {
          DossierEvidence *item = g_ptr_array_index (evidence, j);
          g_autofree char *stance = NULL;

          stance = g_strdup_printf (_("%s:"), dossier_evidence_stance_get_label (item->stance));
          block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 2);
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, stance);
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
          dossier_export_run_add_inline (block->run, item->text);
          dossier_export_run_add_certainty (block->run, item->certainty);
        }
    }
}

static void
build_breach (DossierExportDoc *doc)
{
  DossierBreach *breach = dossier_case_get_breach (doc->dcase);
  GPtrArray *impact;
  GPtrArray *exposed;

  if (breach == NULL)
    return;

  dossier_export_doc_add_heading (doc, 2, "breach", dossier_section_get_label (DOSSIER_SECTION_BREACH));
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
      dossier_export_doc_add_heading (doc, 3, "impact", _("Impact"));
      doc_add_paragraphs (doc, impact, DOSSIER_EXPORT_BLOCK_PARAGRAPH);
    }

  exposed = dossier_breach_get_exposed (breach);
  if (exposed != NULL && exposed->len > 0)
    {
      dossier_export_doc_add_heading (doc, 3, "exposed", _("Exposed data"));
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
                  block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
                  dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL,
                                               dossier_exposed_category_get_label (category));
                  first = FALSE;
                }
              block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 2);
              dossier_export_run_add_inline (block->run, item->text);
              dossier_export_run_add_certainty (block->run, item->certainty);
            }
        }
    }

  build_attribution (doc, breach);
}

static void
build_threat (DossierExportDoc *doc)
{
  DossierThreatScreen *threat = dossier_case_get_threat_screen (doc->dcase);
  GPtrArray *links;

  if (threat == NULL)
    return;

  dossier_export_doc_add_heading (doc, 2, "threat", dossier_section_get_label (DOSSIER_SECTION_THREAT));
  doc_add_inline_field (doc, _("Headline:"), dossier_threat_screen_get_headline (threat));
  doc_add_date_field (doc, _("Shown:"), dossier_threat_screen_get_shown (threat));
  doc_add_inline_field (doc, _("Shown on:"), dossier_threat_screen_get_shown_on (threat));
  doc_add_entity_field (doc, _("Sender:"), dossier_threat_screen_get_sender (threat));
  doc_add_inline_field (doc, _("Demand:"), dossier_threat_screen_get_demand (threat));
  doc_add_date_field (doc, _("Deadline:"), dossier_threat_screen_get_deadline (threat));
  if (dossier_threat_screen_has_image (threat) &&
      dossier_threat_screen_get_image_description (threat) != NULL)
    {
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);

      dossier_export_run_add_field (block->run, _("Image:"),
                                    dossier_threat_screen_get_image_description (threat));
    }

  doc_add_paragraphs (doc, dossier_threat_screen_get_message (threat), DOSSIER_EXPORT_BLOCK_QUOTE);

  links = dossier_threat_screen_get_shown_links (threat);
  if (links != NULL && links->len > 0)
    {
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_PARAGRAPH, 1);

      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT,
                                   _("Links printed on the screen (evidence, not opened):"));
      for (guint i = 0; i < links->len; i++)
        {
          DossierShownLink *link = g_ptr_array_index (links, i);

          block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_CODE, link->href);
          if (link->text != NULL)
            {
              dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
              dossier_export_run_add_inline (block->run, link->text);
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
  GListModel *reactions = dossier_case_get_reactions (doc->dcase);
  guint n = g_list_model_get_n_items (reactions);
  g_autoptr(GPtrArray) sorted = NULL;

  if (n == 0)
    return;

  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (reactions, i));
  /* GLib's sort is stable: reactions of one date keep file order. */
  g_ptr_array_sort (sorted, compare_reactions);

  dossier_export_doc_add_heading (doc, 2, "reactions", dossier_section_get_label (DOSSIER_SECTION_REACTIONS));
  for (guint i = 0; i < n; i++)
    {
      DossierReaction *reaction = g_ptr_array_index (sorted, i);
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_PARAGRAPH, 1);
      g_autofree char *date = dossier_export_doc_format_date (doc, dossier_reaction_get_date (reaction));
      g_autofree char *label = NULL;
      const char *behalf = dossier_reaction_get_on_behalf_of (reaction);

      label = g_strdup_printf (_("%s — %s"), date,
                               dossier_case_get_entity_name (doc->dcase, dossier_reaction_get_actor (reaction)));
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
      if (behalf != NULL)
        {
          g_autofree char *text = g_strdup_printf (_(" (on behalf of %s)"),
                                                   dossier_case_get_entity_name (doc->dcase, behalf));
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, text);
        }
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT,
                                   dossier_stance_get_label (dossier_reaction_get_stance (reaction)));
      dossier_export_run_add_certainty (block->run, dossier_reaction_get_certainty (reaction));
      if (dossier_reaction_get_channel (reaction) != NULL)
        {
          block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_META, 2);
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, _("Channel:"));
          dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
          dossier_export_run_add_inline (block->run, dossier_reaction_get_channel (reaction));
        }

      if (dossier_reaction_get_quote (reaction) != NULL)
        {
          block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_QUOTE, 1);
          dossier_export_run_add_inline (block->run, dossier_reaction_get_quote (reaction));
        }
      doc_add_paragraphs (doc, dossier_reaction_get_summary (reaction), DOSSIER_EXPORT_BLOCK_PARAGRAPH);
    }
}

static void
build_release (DossierExportDoc *doc)
{
  GListModel *releases = dossier_case_get_releases (doc->dcase);
  guint n = g_list_model_get_n_items (releases);
  const char *work = dossier_case_get_release_work (doc->dcase);
  DossierExportBlock *block;
  const char *columns[] = {
    N_("Announced"), N_("Date"), N_("Status"), N_("Market"), N_("Summary"),
  };

  if (n == 0)
    return;

  dossier_export_doc_add_heading (doc, 2, "release", dossier_section_get_label (DOSSIER_SECTION_RELEASE));
  if (work != NULL)
    {
      block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_PARAGRAPH, 1);
      dossier_export_run_add_field (block->run, _("Work:"), dossier_case_get_entity_name (doc->dcase, work));
    }

  block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_TABLE, 1);
  block->header = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GPtrArray *cell = dossier_export_run_new ();

      dossier_export_run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, _(columns[i]));
      g_ptr_array_add (block->header, cell);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierRelease) release = g_list_model_get_item (releases, i);
      GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autofree char *announced = dossier_export_doc_format_date (doc, dossier_release_get_announced (release));
      g_autofree char *date = dossier_export_doc_format_date (doc, dossier_release_get_date (release));
      GPtrArray *cell;

      cell = dossier_export_run_new ();
      dossier_export_run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, announced != NULL ? announced : "—");
      g_ptr_array_add (row, cell);

      cell = dossier_export_run_new ();
      dossier_export_run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, date);
      g_ptr_array_add (row, cell);

      cell = dossier_export_run_new ();
      dossier_export_run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT,
                                   dossier_release_status_get_label (dossier_release_get_status (release)));
      dossier_export_run_add_certainty (cell, dossier_release_get_certainty (release));
      g_ptr_array_add (row, cell);

      cell = dossier_export_run_new ();
      if (dossier_release_get_market (release) != NULL)
        dossier_export_run_add_inline (cell, dossier_release_get_market (release));
      else
        dossier_export_run_add_text (cell, DOSSIER_EXPORT_PIECE_TEXT, "—");
      g_ptr_array_add (row, cell);

      cell = dossier_export_run_new ();
      run_add_blocks (cell, dossier_release_get_summary (release));
      g_ptr_array_add (row, cell);

      g_ptr_array_add (block->rows, row);
    }
}

/* The timeline: the chart of every dated item the export holds (the
 * formats with pictures show it), then the events in file order. */
static void
build_timeline (DossierExportDoc *doc,
                GHashTable       *note_ids)
{
  GListModel *events = dossier_case_get_events (doc->dcase);
  guint n = g_list_model_get_n_items (events);
  g_autoptr(DossierChartModel) chart = NULL;

  /* Markdown and text have no pictures: they are not made to wait for
   * one (a chart of a large case takes a while to collect). */
  if (doc->options->format == DOSSIER_EXPORT_HTML || doc->options->format == DOSSIER_EXPORT_PDF)
    chart = dossier_export_chart_model_new (doc->dcase, doc->options, note_ids);
  if (n == 0 && (chart == NULL || dossier_chart_model_get_n_items (chart) == 0))
    return;

  dossier_export_doc_add_heading (doc, 2, "timeline", dossier_section_get_label (DOSSIER_SECTION_TIMELINE));
  if (chart != NULL && dossier_chart_model_get_n_items (chart) > 0)
    {
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_CHART, 1);

      block->chart = g_steal_pointer (&chart);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
      DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_ITEM, 1);
      g_autofree char *date = dossier_export_doc_format_date (doc, dossier_event_get_date (event));
      g_autofree char *label = g_strdup_printf (_("%s:"), date);

      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, label);
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_inline (block->run, dossier_event_get_title (event));
      dossier_export_run_add_certainty (block->run, dossier_event_get_certainty (event));
    }
}

static void
build_notes (DossierExportDoc *doc,
             GHashTable       *note_ids)
{
  GListModel *notes = dossier_case_get_notes (doc->dcase);
  guint n = g_list_model_get_n_items (notes);
  gboolean heading = FALSE;

  if (doc->options->notes == DOSSIER_EXPORT_NOTES_NONE || n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      const char * const *tags = dossier_note_get_tags (note);
      DossierExportBlock *block;
      g_autofree char *created = NULL;

      if (!dossier_export_note_is_wanted (doc->options, note_ids, note))
        continue;

      if (!heading)
        {
          dossier_export_doc_add_heading (doc, 2, "notes", dossier_section_get_label (DOSSIER_SECTION_NOTES));
          heading = TRUE;
        }

      block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_HEADING, 3);
      block->id = g_strconcat ("note-", dossier_note_get_id (note), NULL);
      dossier_export_run_add_inline (block->run, dossier_note_get_title (note));

      block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_META, 2);
      created = dossier_export_doc_format_date (doc, dossier_note_get_created (note));
      if (created != NULL)
        dossier_export_run_add_field (block->run, _("Written:"), created);
      if (dossier_note_get_author (note) != NULL)
        {
          if (block->run->len > 0)
            dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
          dossier_export_run_add_field (block->run, _("By:"), dossier_note_get_author (note));
        }
      if (tags != NULL && tags[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) tags);

          if (block->run->len > 0)
            dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
          dossier_export_run_add_field (block->run, _("Tags:"), joined);
        }
      if (block->run->len == 0)
        {
          g_ptr_array_remove_index (doc->blocks, doc->blocks->len - 1);
        }

      doc_add_paragraphs (doc, dossier_note_get_body (note), DOSSIER_EXPORT_BLOCK_PARAGRAPH);
    }
}

static void
build_footer (DossierExportDoc *doc)
{
  DossierExportBlock *block = dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_FOOTER, 1);
  const DossierDate *updated = dossier_case_get_updated (doc->dcase);
  const char *sha256 = dossier_case_get_sha256 (doc->dcase);

  dossier_export_run_add_field (block->run, _("Case:"), dossier_case_get_id (doc->dcase));
  if (updated != NULL)
    {
      g_autofree char *text = dossier_export_doc_format_date (doc, updated);

      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
      dossier_export_run_add_field (block->run, _("Updated:"), text);
    }
  if (sha256 != NULL)
    {
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " · ");
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_LABEL, _("SHA-256:"));
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_TEXT, " ");
      dossier_export_run_add_text (block->run, DOSSIER_EXPORT_PIECE_CODE, sha256);
    }
}

/* The whole document */

DossierExportDoc *
dossier_export_doc_build (DossierCase                *dcase,
                          const DossierExportOptions *options,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(DossierExportDoc) doc = dossier_export_doc_new (dcase, options, cancellable);
  g_autoptr(GHashTable) note_ids = NULL;

  /* A query is run (and refused) only when there are notes to choose. */
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_NOTES) &&
      g_list_model_get_n_items (dossier_case_get_notes (dcase)) > 0 &&
      !dossier_export_select_notes (dcase, options, &note_ids, cancellable, error))
    return NULL;

  build_title_block (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_OVERVIEW))
    build_overview (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_ENTITIES))
    build_entities (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_BREACH))
    build_breach (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_THREAT))
    build_threat (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_REACTIONS))
    build_reactions (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_RELEASE))
    build_release (doc);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_TIMELINE))
    build_timeline (doc, note_ids);
  if (dossier_export_doc_wants (doc, DOSSIER_SECTION_NOTES))
    build_notes (doc, note_ids);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  dossier_export_doc_number_citations (doc);
  if (doc->sources->len > 0)
    {
      dossier_export_doc_add_heading (doc, 2, "sources", _("Sources"));
      dossier_export_doc_add_block (doc, DOSSIER_EXPORT_BLOCK_SOURCES, 1);
    }
  build_footer (doc);

  return g_steal_pointer (&doc);
}
