/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"

/* The items of a case as in-case search sees them: the same documents
 * in the same order, the same fields with the same text, the same
 * filter values. It follows src/core/search/dossier-search-collect.c
 * through the model's public getters (that walk is private to search/);
 * the same-results test holds the two together. */

static gboolean
find_cites_cb (const DossierInline *node,
               gpointer             user_data)
{
  DossierLibraryItem *item = user_data;

  if (node->kind == DOSSIER_INLINE_CITE && node->ref != NULL)
    g_ptr_array_add (item->cites, g_strdup (node->ref));
  return TRUE;
}

static void
append_inline (DossierLibraryItem  *item,
               GString             *plain,
               const DossierInline *node)
{
  dossier_inline_append_plain (node, plain);
  dossier_inline_foreach (node, find_cites_cb, item);
}

static void
add_field (DossierLibraryItem *item,
           gboolean            is_title,
           const char         *text,
           gsize               len)
{
  if (is_title)
    {
      g_free (item->title);
      item->title = g_strndup (text, len);
    }
  if (is_title || len > 0)
    g_ptr_array_add (item->fields, g_strndup (text, len));
}

static void
field_inline (DossierLibraryItem  *item,
              gboolean             is_title,
              const DossierInline *node)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  if (node != NULL)
    append_inline (item, plain, node);
  add_field (item, is_title, plain->str, plain->len);
}

static void
field_string (DossierLibraryItem *item,
              gboolean            is_title,
              const char         *text)
{
  if (text == NULL)
    text = "";
  add_field (item, is_title, text, strlen (text));
}

static void
field_strv (DossierLibraryItem *item,
            const char * const *strv,
            const char         *separator)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (plain->len > 0 || (i > 0 && *separator == ' '))
        g_string_append (plain, separator);
      g_string_append (plain, strv[i]);
    }
  add_field (item, FALSE, plain->str, plain->len);
}

static void
field_blocks (DossierLibraryItem *item,
              GPtrArray          *blocks)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const DossierParagraph *para = g_ptr_array_index (blocks, i);

      if (i > 0)
        g_string_append_c (plain, '\n');
      if (para->text != NULL)
        append_inline (item, plain, para->text);
      item->certainties |= 1u << para->certainty;
    }
  add_field (item, FALSE, plain->str, plain->len);
}

static void
collect_hypothesis (DossierLibraryItem *item,
                    DossierHypothesis  *hypothesis)
{
  GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);
  g_autoptr(GString) plain = g_string_new (NULL);

  field_inline (item, TRUE, dossier_hypothesis_get_statement (hypothesis));
  item->certainties |= 1u << dossier_hypothesis_get_certainty (hypothesis);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const DossierEvidence *e = g_ptr_array_index (evidence, i);

      if (i > 0)
        g_string_append_c (plain, '\n');
      if (e->text != NULL)
        append_inline (item, plain, e->text);
      item->certainties |= 1u << e->certainty;
    }
  add_field (item, FALSE, plain->str, plain->len);
}

static void
collect_threat (DossierLibraryItem  *item,
                DossierThreatScreen *screen)
{
  GPtrArray *links = dossier_threat_screen_get_shown_links (screen);
  g_autoptr(GString) plain = g_string_new (NULL);

  field_inline (item, TRUE, dossier_threat_screen_get_headline (screen));
  field_inline (item, FALSE, dossier_threat_screen_get_shown_on (screen));
  field_blocks (item, dossier_threat_screen_get_message (screen));
  field_inline (item, FALSE, dossier_threat_screen_get_demand (screen));
  field_string (item, FALSE, dossier_threat_screen_get_image_description (screen));
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const DossierShownLink *link = g_ptr_array_index (links, i);

      if (i > 0)
        g_string_append_c (plain, '\n');
      if (link->text != NULL)
        append_inline (item, plain, link->text);
      if (link->href != NULL)
        {
          g_string_append_c (plain, ' ');
          g_string_append (plain, link->href);
        }
    }
  add_field (item, FALSE, plain->str, plain->len);
}

static void
collect_note (DossierLibraryItem *item,
              DossierNote        *note)
{
  const char * const *tags = dossier_note_get_tags (note);
  const char *author = dossier_note_get_author (note);

  field_inline (item, TRUE, dossier_note_get_title (note));
  field_blocks (item, dossier_note_get_body (note));
  field_strv (item, tags, " ");
  field_string (item, FALSE, author);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (item->tags, g_strdup (tags[i]));
  if (author != NULL)
    g_ptr_array_add (item->authors, g_strdup (author));
}

static void
collect_source (DossierLibraryItem *item,
                DossierSource      *source)
{
  const char * const *authors = dossier_source_get_authors (source);

  field_inline (item, TRUE, dossier_source_get_title (source));
  field_string (item, FALSE, dossier_source_get_publisher (source));
  field_strv (item, authors, ", ");
  field_blocks (item, dossier_source_get_excerpt (source));
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    g_ptr_array_add (item->authors, g_strdup (authors[i]));
}

static void
set_date (DossierLibraryItem *item,
          const DossierDate  *date)
{
  if (date == NULL)
    return;
  item->date = g_strdup (dossier_date_get_text (date));
  item->date_start = dossier_date_get_sort_key (date);
  item->date_end = dossier_date_get_end_key (date);
}

static DossierLibraryItem *
item_new (GPtrArray          *items,
          DossierSection      section,
          const char         *id,
          int                 index,
          const DossierDate  *date)
{
  DossierLibraryItem *item = dossier_library_item_new ();

  item->section = section;
  item->ord = items->len;
  item->item_id = g_strdup (id);
  item->item_index = index;
  set_date (item, date);
  g_ptr_array_add (items, item);
  return item;
}

/* Whatever an item adds, NONE is no certainty. */
static void
item_done (DossierLibraryItem *item)
{
  item->certainties &= ~1u;
}

static void
collect_breach (GPtrArray     *items,
                DossierBreach *breach)
{
  const DossierDate *date = dossier_breach_get_discovered (breach);
  GPtrArray *exposed = dossier_breach_get_exposed (breach);
  GListModel *hypotheses = dossier_breach_get_hypotheses (breach);
  guint n = hypotheses != NULL ? g_list_model_get_n_items (hypotheses) : 0;
  DossierLibraryItem *item;

  if (date == NULL)
    date = dossier_breach_get_began (breach);
  if (date == NULL)
    date = dossier_breach_get_disclosed (breach);

  item = item_new (items, DOSSIER_SECTION_BREACH, NULL, -1, date);
  field_inline (item, TRUE, dossier_breach_get_method (breach));
  field_blocks (item, dossier_breach_get_summary (breach));
  field_blocks (item, dossier_breach_get_impact (breach));
  item_done (item);

  for (guint i = 0; exposed != NULL && i < exposed->len; i++)
    {
      DossierExposedItem *exposed_item = g_ptr_array_index (exposed, i);

      item = item_new (items, DOSSIER_SECTION_BREACH, NULL, i, date);
      field_inline (item, TRUE, exposed_item->text);
      item->certainties |= 1u << exposed_item->certainty;
      item_done (item);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);

      item = item_new (items, DOSSIER_SECTION_BREACH,
                       dossier_hypothesis_get_id (hypothesis), -1, date);
      collect_hypothesis (item, hypothesis);
      item_done (item);
    }
}

static void
collect_list (GPtrArray      *items,
              DossierCase    *dcase,
              GListModel     *list,
              DossierSection  section)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      DossierLibraryItem *item;

      switch (section)
        {
        case DOSSIER_SECTION_ENTITIES:
          {
            DossierEntity *entity = DOSSIER_ENTITY (object);

            item = item_new (items, section, dossier_entity_get_id (entity), -1, NULL);
            field_string (item, TRUE, dossier_entity_get_name (entity));
            field_strv (item, dossier_entity_get_aliases (entity), ", ");
            field_string (item, FALSE, dossier_entity_get_role (entity));
            field_blocks (item, dossier_entity_get_description (entity));
          }
          break;
        case DOSSIER_SECTION_SOURCES:
          item = item_new (items, section, dossier_source_get_id (DOSSIER_SOURCE (object)), -1,
                           dossier_source_get_published (DOSSIER_SOURCE (object)));
          collect_source (item, DOSSIER_SOURCE (object));
          break;
        case DOSSIER_SECTION_REACTIONS:
          {
            DossierReaction *reaction = DOSSIER_REACTION (object);
            const char *actor = dossier_reaction_get_actor (reaction);

            item = item_new (items, section, dossier_reaction_get_id (reaction), -1,
                             dossier_reaction_get_date (reaction));
            field_inline (item, TRUE, dossier_reaction_get_channel (reaction));
            if (actor != NULL)
              field_string (item, FALSE, dossier_case_get_entity_name (dcase, actor));
            field_inline (item, FALSE, dossier_reaction_get_quote (reaction));
            field_blocks (item, dossier_reaction_get_summary (reaction));
            item->certainties |= 1u << dossier_reaction_get_certainty (reaction);
          }
          break;
        case DOSSIER_SECTION_RELEASE:
          {
            DossierRelease *release = DOSSIER_RELEASE (object);

            item = item_new (items, section, NULL, dossier_release_get_index (release),
                             dossier_release_get_date (release));
            field_inline (item, TRUE, dossier_release_get_market (release));
            field_blocks (item, dossier_release_get_summary (release));
            item->certainties |= 1u << dossier_release_get_certainty (release);
          }
          break;
        case DOSSIER_SECTION_TIMELINE:
          {
            DossierEvent *event = DOSSIER_EVENT (object);

            item = item_new (items, section, dossier_event_get_id (event), -1,
                             dossier_event_get_date (event));
            field_inline (item, TRUE, dossier_event_get_title (event));
            field_blocks (item, dossier_event_get_summary (event));
            item->certainties |= 1u << dossier_event_get_certainty (event);
          }
          break;
        case DOSSIER_SECTION_NOTES:
          item = item_new (items, section, dossier_note_get_id (DOSSIER_NOTE (object)), -1,
                           dossier_note_get_created (DOSSIER_NOTE (object)));
          collect_note (item, DOSSIER_NOTE (object));
          break;
        case DOSSIER_SECTION_OVERVIEW:
        case DOSSIER_SECTION_BREACH:
        case DOSSIER_SECTION_THREAT:
        default:
          g_assert_not_reached ();
        }
      item_done (item);
    }
}

GPtrArray *
dossier_library_collect_items (DossierCase *dcase)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_item_free);
  DossierBreach *breach = dossier_case_get_breach (dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (dcase);
  DossierLibraryItem *item;

  item = item_new (items, DOSSIER_SECTION_OVERVIEW, NULL, -1, dossier_case_get_updated (dcase));
  field_inline (item, TRUE, dossier_case_get_title (dcase));
  field_inline (item, FALSE, dossier_case_get_subtitle (dcase));
  field_blocks (item, dossier_case_get_summary (dcase));
  item_done (item);

  collect_list (items, dcase, dossier_case_get_entities (dcase), DOSSIER_SECTION_ENTITIES);
  collect_list (items, dcase, dossier_case_get_sources (dcase), DOSSIER_SECTION_SOURCES);
  if (breach != NULL)
    collect_breach (items, breach);
  if (screen != NULL)
    {
      const DossierDate *date = dossier_threat_screen_get_shown (screen);

      if (date == NULL)
        date = dossier_threat_screen_get_deadline (screen);
      item = item_new (items, DOSSIER_SECTION_THREAT, NULL, -1, date);
      collect_threat (item, screen);
      item_done (item);
    }
  collect_list (items, dcase, dossier_case_get_reactions (dcase), DOSSIER_SECTION_REACTIONS);
  collect_list (items, dcase, dossier_case_get_releases (dcase), DOSSIER_SECTION_RELEASE);
  collect_list (items, dcase, dossier_case_get_events (dcase), DOSSIER_SECTION_TIMELINE);
  collect_list (items, dcase, dossier_case_get_notes (dcase), DOSSIER_SECTION_NOTES);
  return items;
}
