/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Building the case element by element: what each element starts when it
 * opens, and finishes when it closes. */

/* Every begin function gets the element's attributes by slot (the
 * DOSSIER_<ELEMENT>_ATTR_* enums of dossier-element-table.h), NULL when
 * absent. */
typedef void (*BeginFunc) (LoadState   *state,
                           Frame       *frame,
                           Frame       *parent,
                           const char **values);

/* The overview: <case> itself. */

static void
begin_case (LoadState   *state,
            Frame       *frame,
            Frame       *parent,
            const char **values)
{
  DossierCase *dcase = state->dcase;
  const char *status = values[DOSSIER_CASE_ATTR_STATUS];

  /* The format was checked before. */
  dcase->id = dossier_arena_strdup (state->arena, values[DOSSIER_CASE_ATTR_ID]);
  dossier_load_register_id (state, frame, dcase->id, DOSSIER_ID_CASE, NULL);
  if (status != NULL)
    dcase->status = strcmp (status, "open") == 0 ? DOSSIER_CASE_STATUS_OPEN
                                                 : DOSSIER_CASE_STATUS_CLOSED;
  frame->section = DOSSIER_SECTION_OVERVIEW;
}

/* The lists that open a section: their items are placed in it. */
static void
begin_section (LoadState   *state,
               Frame       *frame,
               Frame       *parent,
               const char **values)
{
  switch (frame->element)
    {
    case DOSSIER_ELEMENT_ENTITIES:
      frame->section = DOSSIER_SECTION_ENTITIES;
      break;
    case DOSSIER_ELEMENT_SOURCES:
      frame->section = DOSSIER_SECTION_SOURCES;
      break;
    case DOSSIER_ELEMENT_REACTIONS:
      frame->section = DOSSIER_SECTION_REACTIONS;
      break;
    case DOSSIER_ELEMENT_TIMELINE:
      frame->section = DOSSIER_SECTION_TIMELINE;
      break;
    case DOSSIER_ELEMENT_NOTES:
      frame->section = DOSSIER_SECTION_NOTES;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* <exposed> and <attribution> hold the breach's lists. */
static void
begin_breach_list (LoadState   *state,
                   Frame       *frame,
                   Frame       *parent,
                   const char **values)
{
  frame->object = parent->object;
}

/* Text elements: a tree of inline text, a list of paragraphs, or plain
 * text and dates read whole. */

static void
begin_inline_text (LoadState   *state,
                   Frame       *frame,
                   Frame       *parent,
                   const char **values)
{
  dossier_load_begin_text_element (state, frame, parent);
}

static void
begin_blocks (LoadState   *state,
              Frame       *frame,
              Frame       *parent,
              const char **values)
{
  if (frame->element == DOSSIER_ELEMENT_SUMMARY && parent->element == DOSSIER_ELEMENT_CASE)
    frame->blocks = state->dcase->summary;
  else
    frame->blocks = dossier_load_blocks_of (frame, parent);
}

static void
begin_plain_text (LoadState   *state,
                  Frame       *frame,
                  Frame       *parent,
                  const char **values)
{
  dossier_load_text_begin (state);
}

/* Entities and sources. */

static void
begin_entity (LoadState   *state,
              Frame       *frame,
              Frame       *parent,
              const char **values)
{
  g_autoptr(DossierEntity) entity = g_object_new (DOSSIER_TYPE_ENTITY, NULL);
  const char *kind = values[DOSSIER_ENTITY_ATTR_KIND];

  entity->arena = dossier_arena_ref (state->arena);
  entity->aliases = state->empty_strv;
  g_ptr_array_set_free_func (entity->description, NULL);
  entity->id = dossier_arena_strdup (state->arena, values[DOSSIER_ENTITY_ATTR_ID]);
  entity->line = frame->line;
  if (kind != NULL)
    dossier_entity_kind_from_string (kind, &entity->kind);
  dossier_load_add_pending (state, PENDING_ENTITIES, state->dcase->entities, entity);
  frame->object = entity;
  frame->item_id = entity->id;
  dossier_load_register_id (state, frame, entity->id, DOSSIER_ID_ENTITY, G_OBJECT (entity));
}

static void
begin_source (LoadState   *state,
              Frame       *frame,
              Frame       *parent,
              const char **values)
{
  g_autoptr(DossierSource) source = g_object_new (DOSSIER_TYPE_SOURCE, NULL);
  const char *kind = values[DOSSIER_SOURCE_ATTR_KIND];
  const char *reliability = values[DOSSIER_SOURCE_ATTR_RELIABILITY];
  const char *credibility = values[DOSSIER_SOURCE_ATTR_CREDIBILITY];

  source->arena = dossier_arena_ref (state->arena);
  source->authors = state->empty_strv;
  g_ptr_array_set_free_func (source->excerpt, NULL);
  source->id = dossier_arena_strdup (state->arena, values[DOSSIER_SOURCE_ATTR_ID]);
  source->line = frame->line;
  if (kind != NULL)
    dossier_source_kind_from_string (kind, &source->kind);
  /* One letter and one digit, as the enumerations allow. */
  if (reliability != NULL)
    source->reliability = reliability[0];
  if (credibility != NULL)
    source->credibility = credibility[0] - '0';
  dossier_load_add_pending (state, PENDING_SOURCES, state->dcase->sources, source);
  frame->object = source;
  frame->item_id = source->id;
  dossier_load_register_id (state, frame, source->id, DOSSIER_ID_SOURCE, G_OBJECT (source));
}

/* The breach. */

static void
begin_breach (LoadState   *state,
              Frame       *frame,
              Frame       *parent,
              const char **values)
{
  DossierBreach *breach = dossier_breach_new_empty ();

  breach->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (breach->summary, NULL);
  g_ptr_array_set_free_func (breach->impact, NULL);
  g_ptr_array_set_free_func (breach->exposed, NULL);
  breach->line = frame->line;
  g_clear_object (&state->dcase->breach);
  state->dcase->breach = breach;
  frame->object = breach;
  frame->section = DOSSIER_SECTION_BREACH;
}

static void
begin_victim (LoadState   *state,
              Frame       *frame,
              Frame       *parent,
              const char **values)
{
  DOSSIER_BREACH (parent->object)->victim =
    dossier_load_entity_reference (state, frame, DOSSIER_REF_VICTIM,
                                   values[DOSSIER_POINTER_ATTR_REF]);
}

static void
begin_claimed_by (LoadState   *state,
                  Frame       *frame,
                  Frame       *parent,
                  const char **values)
{
  DOSSIER_BREACH (parent->object)->claimed_by =
    dossier_load_entity_reference (state, frame, DOSSIER_REF_CLAIMED_BY,
                                   values[DOSSIER_POINTER_ATTR_REF]);
}

static void
begin_exposed_item (LoadState   *state,
                    Frame       *frame,
                    Frame       *parent,
                    const char **values)
{
  DossierBreach *breach = DOSSIER_BREACH (parent->object);
  DossierExposedItem *item = dossier_arena_alloc (state->arena, sizeof (DossierExposedItem));
  const char *category = values[DOSSIER_ITEM_ATTR_CATEGORY];

  item->line = frame->line;
  if (category != NULL)
    dossier_exposed_category_from_string (category, &item->category);
  item->certainty = dossier_load_certainty_value (values[DOSSIER_ITEM_ATTR_CERTAINTY]);
  g_ptr_array_add (breach->exposed, item);
  frame->object = item;
  frame->item_index = breach->exposed->len - 1;
  dossier_load_begin_text_element (state, frame, parent);
}

static void
begin_hypothesis (LoadState   *state,
                  Frame       *frame,
                  Frame       *parent,
                  const char **values)
{
  g_autoptr(DossierHypothesis) hypothesis = dossier_hypothesis_new_empty ();

  hypothesis->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (hypothesis->evidence, NULL);
  hypothesis->id = dossier_arena_strdup (state->arena, values[DOSSIER_HYPOTHESIS_ATTR_ID]);
  hypothesis->line = frame->line;
  hypothesis->certainty = dossier_load_certainty_value (values[DOSSIER_HYPOTHESIS_ATTR_CERTAINTY]);
  dossier_load_add_pending (state, PENDING_HYPOTHESES, DOSSIER_BREACH (parent->object)->hypotheses,
                            hypothesis);
  frame->object = hypothesis;
  frame->item_id = hypothesis->id;
  dossier_load_register_id (state, frame, hypothesis->id, DOSSIER_ID_HYPOTHESIS, G_OBJECT (hypothesis));
  hypothesis->actor = dossier_load_entity_reference (state, frame, DOSSIER_REF_HYPOTHESIS_ACTOR,
                                                     values[DOSSIER_HYPOTHESIS_ATTR_ACTOR]);
}

static void
begin_evidence (LoadState   *state,
                Frame       *frame,
                Frame       *parent,
                const char **values)
{
  DossierHypothesis *hypothesis = DOSSIER_HYPOTHESIS (parent->object);
  DossierEvidence *evidence = dossier_arena_alloc (state->arena, sizeof (DossierEvidence));
  const char *stance = values[DOSSIER_EVIDENCE_ATTR_STANCE];

  evidence->line = frame->line;
  if (stance != NULL)
    dossier_evidence_stance_from_string (stance, &evidence->stance);
  evidence->certainty = dossier_load_certainty_value (values[DOSSIER_EVIDENCE_ATTR_CERTAINTY]);
  g_ptr_array_add (hypothesis->evidence, evidence);
  frame->object = evidence;
  frame->item_index = hypothesis->evidence->len - 1;
  dossier_load_begin_text_element (state, frame, parent);
}

/* The threat screen. */

static void
begin_threat_screen (LoadState   *state,
                     Frame       *frame,
                     Frame       *parent,
                     const char **values)
{
  DossierThreatScreen *screen = dossier_threat_screen_new_empty ();

  screen->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (screen->message, NULL);
  g_ptr_array_set_free_func (screen->shown_links, NULL);
  screen->line = frame->line;
  g_clear_object (&state->dcase->threat_screen);
  state->dcase->threat_screen = screen;
  frame->object = screen;
  frame->section = DOSSIER_SECTION_THREAT;
}

static void
begin_sender (LoadState   *state,
              Frame       *frame,
              Frame       *parent,
              const char **values)
{
  DOSSIER_THREAT_SCREEN (parent->object)->sender =
    dossier_load_entity_reference (state, frame, DOSSIER_REF_SENDER,
                                   values[DOSSIER_POINTER_ATTR_REF]);
}

static void
begin_image (LoadState   *state,
             Frame       *frame,
             Frame       *parent,
             const char **values)
{
  DossierThreatScreen *screen = DOSSIER_THREAT_SCREEN (parent->object);

  screen->has_image = TRUE;
  state->image_line = frame->line;
  state->image_column = frame->column;
  screen->image_description = dossier_arena_strdup (state->arena, values[DOSSIER_IMAGE_ATTR_DESCRIPTION]);
  screen->image_src = dossier_arena_strdup (state->arena, values[DOSSIER_IMAGE_ATTR_SRC]);
}

static void
begin_shown_link (LoadState   *state,
                  Frame       *frame,
                  Frame       *parent,
                  const char **values)
{
  DossierThreatScreen *screen = DOSSIER_THREAT_SCREEN (parent->object);
  DossierShownLink *link = dossier_arena_alloc (state->arena, sizeof (DossierShownLink));

  link->line = frame->line;
  link->href = dossier_arena_strdup (state->arena, values[DOSSIER_HREF_ATTR_HREF]);
  g_ptr_array_add (screen->shown_links, link);
  frame->object = link;
  frame->item_index = screen->shown_links->len - 1;
  dossier_load_begin_text_element (state, frame, parent);
}

/* Reactions, releases, the timeline, notes. */

static void
begin_reaction (LoadState   *state,
                Frame       *frame,
                Frame       *parent,
                const char **values)
{
  g_autoptr(DossierReaction) reaction = dossier_reaction_new_empty ();
  const char *stance = values[DOSSIER_REACTION_ATTR_STANCE];

  reaction->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (reaction->summary, NULL);
  reaction->id = dossier_arena_strdup (state->arena, values[DOSSIER_REACTION_ATTR_ID]);
  reaction->line = frame->line;
  if (stance != NULL)
    dossier_stance_from_string (stance, &reaction->stance);
  reaction->certainty = dossier_load_certainty_value (values[DOSSIER_REACTION_ATTR_CERTAINTY]);
  dossier_load_add_pending (state, PENDING_REACTIONS, state->dcase->reactions, reaction);
  frame->object = reaction;
  frame->item_id = reaction->id;
  dossier_load_register_id (state, frame, reaction->id, DOSSIER_ID_REACTION, G_OBJECT (reaction));
  reaction->date = dossier_load_parse_date_attribute (state, frame, "date",
                                                      values[DOSSIER_REACTION_ATTR_DATE]);
  reaction->actor = dossier_load_entity_reference (state, frame, DOSSIER_REF_REACTION_ACTOR,
                                                   values[DOSSIER_REACTION_ATTR_ACTOR]);
  reaction->on_behalf_of = dossier_load_entity_reference (state, frame, DOSSIER_REF_ON_BEHALF_OF,
                                                          values[DOSSIER_REACTION_ATTR_ON_BEHALF_OF]);
}

static void
begin_release_history (LoadState   *state,
                       Frame       *frame,
                       Frame       *parent,
                       const char **values)
{
  frame->section = DOSSIER_SECTION_RELEASE;
  state->dcase->has_release_history = TRUE;
  state->dcase->release_work =
    dossier_load_entity_reference (state, frame, DOSSIER_REF_WORK,
                                   values[DOSSIER_RELEASE_HISTORY_ATTR_WORK]);
}

static void
begin_release (LoadState   *state,
               Frame       *frame,
               Frame       *parent,
               const char **values)
{
  g_autoptr(DossierRelease) release = dossier_release_new_empty ();
  const char *status = values[DOSSIER_RELEASE_ATTR_STATUS];

  release->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (release->summary, NULL);
  release->index = state->pending[PENDING_RELEASES]->len;
  release->line = frame->line;
  if (status != NULL)
    dossier_release_status_from_string (status, &release->status);
  release->certainty = dossier_load_certainty_value (values[DOSSIER_RELEASE_ATTR_CERTAINTY]);
  dossier_load_add_pending (state, PENDING_RELEASES, state->dcase->releases, release);
  frame->object = release;
  frame->item_index = release->index;
  release->date = dossier_load_parse_date_attribute (state, frame, "date",
                                                     values[DOSSIER_RELEASE_ATTR_DATE]);
  release->announced = dossier_load_parse_date_attribute (state, frame, "announced",
                                                          values[DOSSIER_RELEASE_ATTR_ANNOUNCED]);
}

static void
begin_event (LoadState   *state,
             Frame       *frame,
             Frame       *parent,
             const char **values)
{
  g_autoptr(DossierEvent) event = dossier_event_new_empty ();

  event->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (event->summary, NULL);
  event->id = dossier_arena_strdup (state->arena, values[DOSSIER_EVENT_ATTR_ID]);
  event->line = frame->line;
  event->certainty = dossier_load_certainty_value (values[DOSSIER_EVENT_ATTR_CERTAINTY]);
  dossier_load_add_pending (state, PENDING_EVENTS, state->dcase->events, event);
  frame->object = event;
  frame->item_id = event->id;
  dossier_load_register_id (state, frame, event->id, DOSSIER_ID_EVENT, G_OBJECT (event));
  event->date = dossier_load_parse_date_attribute (state, frame, "date",
                                                   values[DOSSIER_EVENT_ATTR_DATE]);
}

static void
begin_note (LoadState   *state,
            Frame       *frame,
            Frame       *parent,
            const char **values)
{
  g_autoptr(DossierNote) note = g_object_new (DOSSIER_TYPE_NOTE, NULL);
  /* The values are the state's own buffer, cut into words here. */
  char *tags = (char *)values[DOSSIER_NOTE_ATTR_TAGS];
  char *about = (char *)values[DOSSIER_NOTE_ATTR_ABOUT];

  note->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (note->body, NULL);
  note->id = dossier_arena_strdup (state->arena, values[DOSSIER_NOTE_ATTR_ID]);
  note->line = frame->line;
  note->author = dossier_arena_strdup (state->arena, values[DOSSIER_NOTE_ATTR_AUTHOR]);
  note->tags = state->empty_strv;
  note->about = state->empty_strv;
  if (tags != NULL)
    {
      note->tags = dossier_load_split_words (state, tags);
      for (guint i = 0; note->tags[i] != NULL; i++)
        note->tags[i] = dossier_arena_strdup (state->arena, note->tags[i]);
    }
  if (about != NULL)
    note->about = dossier_load_split_words (state, about);
  dossier_load_add_pending (state, PENDING_NOTES, state->dcase->notes, note);
  frame->object = note;
  frame->item_id = note->id;
  frame->blocks = note->body;
  dossier_load_register_id (state, frame, note->id, DOSSIER_ID_NOTE, G_OBJECT (note));
  note->created = dossier_load_parse_date_attribute (state, frame, "created",
                                                     values[DOSSIER_NOTE_ATTR_CREATED]);
  for (guint i = 0; note->about[i] != NULL; i++)
    note->about[i] = dossier_load_add_reference (state, frame, DOSSIER_REF_ABOUT, note->about[i], NULL);
}

/* Paragraphs and what stands inside text. */

static void
begin_paragraph (LoadState   *state,
                 Frame       *frame,
                 Frame       *parent,
                 const char **values)
{
  DossierParagraph *paragraph = dossier_arena_alloc (state->arena, sizeof (DossierParagraph));

  paragraph->line = frame->line;
  paragraph->certainty = dossier_load_certainty_value (values[DOSSIER_P_ATTR_CERTAINTY]);
  g_ptr_array_add (parent->blocks, paragraph);
  frame->object = paragraph;
  frame->n_citations = state->n_citations;
  dossier_load_begin_text_element (state, frame, parent);
}

/* A new inline node among the children of the open text. */
static DossierInline *
begin_inline_node (LoadState         *state,
                   Frame             *frame,
                   DossierInlineKind  kind)
{
  DossierInline *node = dossier_arena_new_inline (state->arena, kind);

  node->line = frame->line;
  kids_push (state, node);
  frame->node = node;
  frame->kids_start = state->n_kids;
  return node;
}

static void
begin_cite (LoadState   *state,
            Frame       *frame,
            Frame       *parent,
            const char **values)
{
  DossierInline *node = begin_inline_node (state, frame, DOSSIER_INLINE_CITE);
  const char *ref = values[DOSSIER_CITE_ATTR_REF];
  DossierPlace *place;

  node->number = ++state->n_citations;
  node->at = dossier_arena_strdup (state->arena, values[DOSSIER_CITE_ATTR_AT]);

  /* Without its ref (already reported) a citation cites nothing. */
  if (ref == NULL)
    return;

  place = dossier_load_new_place (state, frame);
  place->number = node->number;
  place->at = node->at;
  place->ref = dossier_load_add_reference (state, frame, DOSSIER_REF_CITE, ref, place);
  node->ref = place->ref;
  g_ptr_array_add (state->dcase->citations, place);
}

static void
begin_mention (LoadState   *state,
               Frame       *frame,
               Frame       *parent,
               const char **values)
{
  DossierInline *node = begin_inline_node (state, frame, DOSSIER_INLINE_MENTION);
  const char *ref = values[DOSSIER_POINTER_ATTR_REF];
  DossierPlace *place;

  if (ref == NULL)
    return;

  place = dossier_load_new_place (state, frame);
  place->ref = dossier_load_add_reference (state, frame, DOSSIER_REF_MENTION, ref, place);
  node->ref = place->ref;
  g_ptr_array_add (state->dcase->mentions, place);
}

static void
begin_link (LoadState   *state,
            Frame       *frame,
            Frame       *parent,
            const char **values)
{
  DossierInline *node = begin_inline_node (state, frame, DOSSIER_INLINE_LINK);

  node->ref = dossier_arena_strdup (state->arena, values[DOSSIER_HREF_ATTR_HREF]);
}

static void
begin_emphasis (LoadState   *state,
                Frame       *frame,
                Frame       *parent,
                const char **values)
{
  static const DossierInlineKind kinds[DOSSIER_N_ELEMENTS] = {
    [DOSSIER_ELEMENT_EM] = DOSSIER_INLINE_EM,
    [DOSSIER_ELEMENT_STRONG] = DOSSIER_INLINE_STRONG,
    [DOSSIER_ELEMENT_Q] = DOSSIER_INLINE_QUOTE,
  };

  begin_inline_node (state, frame, kinds[frame->element]);
}

/* What each element does as it opens. */
static const BeginFunc begin_funcs[DOSSIER_N_ELEMENTS] = {
  [DOSSIER_ELEMENT_CASE] = begin_case,
  [DOSSIER_ELEMENT_TITLE] = begin_inline_text,
  [DOSSIER_ELEMENT_SUBTITLE] = begin_inline_text,
  [DOSSIER_ELEMENT_SUMMARY] = begin_blocks,
  [DOSSIER_ELEMENT_UPDATED] = begin_plain_text,
  [DOSSIER_ELEMENT_ENTITIES] = begin_section,
  [DOSSIER_ELEMENT_ENTITY] = begin_entity,
  [DOSSIER_ELEMENT_NAME] = begin_plain_text,
  [DOSSIER_ELEMENT_ALIAS] = begin_plain_text,
  [DOSSIER_ELEMENT_ROLE] = begin_plain_text,
  [DOSSIER_ELEMENT_DESCRIPTION] = begin_blocks,
  [DOSSIER_ELEMENT_SOURCES] = begin_section,
  [DOSSIER_ELEMENT_SOURCE] = begin_source,
  [DOSSIER_ELEMENT_PUBLISHER] = begin_plain_text,
  [DOSSIER_ELEMENT_AUTHOR] = begin_plain_text,
  [DOSSIER_ELEMENT_PUBLISHED] = begin_plain_text,
  [DOSSIER_ELEMENT_ACCESSED] = begin_plain_text,
  [DOSSIER_ELEMENT_URL] = begin_plain_text,
  [DOSSIER_ELEMENT_ARCHIVED_URL] = begin_plain_text,
  [DOSSIER_ELEMENT_EXCERPT] = begin_blocks,
  [DOSSIER_ELEMENT_BREACH] = begin_breach,
  [DOSSIER_ELEMENT_VICTIM] = begin_victim,
  [DOSSIER_ELEMENT_CLAIMED_BY] = begin_claimed_by,
  [DOSSIER_ELEMENT_BEGAN] = begin_plain_text,
  [DOSSIER_ELEMENT_DISCOVERED] = begin_plain_text,
  [DOSSIER_ELEMENT_DISCLOSED] = begin_plain_text,
  [DOSSIER_ELEMENT_METHOD] = begin_inline_text,
  [DOSSIER_ELEMENT_IMPACT] = begin_blocks,
  [DOSSIER_ELEMENT_EXPOSED] = begin_breach_list,
  [DOSSIER_ELEMENT_ITEM] = begin_exposed_item,
  [DOSSIER_ELEMENT_ATTRIBUTION] = begin_breach_list,
  [DOSSIER_ELEMENT_HYPOTHESIS] = begin_hypothesis,
  [DOSSIER_ELEMENT_STATEMENT] = begin_inline_text,
  [DOSSIER_ELEMENT_EVIDENCE] = begin_evidence,
  [DOSSIER_ELEMENT_THREAT_SCREEN] = begin_threat_screen,
  [DOSSIER_ELEMENT_SHOWN] = begin_plain_text,
  [DOSSIER_ELEMENT_SHOWN_ON] = begin_inline_text,
  [DOSSIER_ELEMENT_SENDER] = begin_sender,
  [DOSSIER_ELEMENT_HEADLINE] = begin_inline_text,
  [DOSSIER_ELEMENT_IMAGE] = begin_image,
  [DOSSIER_ELEMENT_MESSAGE] = begin_blocks,
  [DOSSIER_ELEMENT_DEMAND] = begin_inline_text,
  [DOSSIER_ELEMENT_DEADLINE] = begin_plain_text,
  [DOSSIER_ELEMENT_SHOWN_LINK] = begin_shown_link,
  [DOSSIER_ELEMENT_REACTIONS] = begin_section,
  [DOSSIER_ELEMENT_REACTION] = begin_reaction,
  [DOSSIER_ELEMENT_CHANNEL] = begin_inline_text,
  [DOSSIER_ELEMENT_QUOTE] = begin_inline_text,
  [DOSSIER_ELEMENT_RELEASE_HISTORY] = begin_release_history,
  [DOSSIER_ELEMENT_RELEASE] = begin_release,
  [DOSSIER_ELEMENT_MARKET] = begin_inline_text,
  [DOSSIER_ELEMENT_TIMELINE] = begin_section,
  [DOSSIER_ELEMENT_EVENT] = begin_event,
  [DOSSIER_ELEMENT_NOTES] = begin_section,
  [DOSSIER_ELEMENT_NOTE] = begin_note,
  [DOSSIER_ELEMENT_P] = begin_paragraph,
  [DOSSIER_ELEMENT_CITE] = begin_cite,
  [DOSSIER_ELEMENT_MENTION] = begin_mention,
  [DOSSIER_ELEMENT_EM] = begin_emphasis,
  [DOSSIER_ELEMENT_STRONG] = begin_emphasis,
  [DOSSIER_ELEMENT_Q] = begin_emphasis,
  [DOSSIER_ELEMENT_LINK] = begin_link,
};

void
dossier_load_begin_element (LoadState   *state,
                            Frame       *frame,
                            Frame       *parent,
                            const char **values)
{
  BeginFunc begin = begin_funcs[frame->element];

  g_assert (begin != NULL);
  begin (state, frame, parent, values);
}

/* <updated>, <published>, ...: the date as written. */
static void
end_date_element (LoadState *state,
                  Frame     *frame,
                  Frame     *parent)
{
  g_autoptr(GError) error = NULL;
  DossierDate *date;
  DossierDate **slot = NULL;

  if (state->text_too_long)
    return;

  state->text[state->text_len] = '\0';
  date = dossier_date_parse (state->text, &error);
  if (date == NULL)
    {
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                _("the date in <%s> on line %u: %s"),
                                element_name (frame->element), frame->line, error->message);
      return;
    }

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_UPDATED:
      slot = &state->dcase->updated;
      break;
    case DOSSIER_ELEMENT_PUBLISHED:
      slot = &DOSSIER_SOURCE (parent->object)->published;
      break;
    case DOSSIER_ELEMENT_ACCESSED:
      slot = &DOSSIER_SOURCE (parent->object)->accessed;
      break;
    case DOSSIER_ELEMENT_BEGAN:
      slot = &DOSSIER_BREACH (parent->object)->began;
      break;
    case DOSSIER_ELEMENT_DISCOVERED:
      slot = &DOSSIER_BREACH (parent->object)->discovered;
      break;
    case DOSSIER_ELEMENT_DISCLOSED:
      slot = &DOSSIER_BREACH (parent->object)->disclosed;
      break;
    case DOSSIER_ELEMENT_SHOWN:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->shown;
      break;
    case DOSSIER_ELEMENT_DEADLINE:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->deadline;
      break;
    default:
      g_assert_not_reached ();
    }

  g_clear_pointer (slot, dossier_date_free);
  *slot = date;
}

/* <name>, <alias>, <url>, ...: text with its white space collapsed. */
static void
end_plain_element (LoadState *state,
                   Frame     *frame,
                   Frame     *parent)
{
  char *value;

  /* In the arena, like everything a loaded object holds: a value it
   * replaces (there is none in a valid file) stays there too. */
  value = dossier_load_collapse_plain (state->arena, state->text, state->text_len);

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_NAME:
      DOSSIER_ENTITY (parent->object)->name = value;
      break;
    case DOSSIER_ELEMENT_ROLE:
      DOSSIER_ENTITY (parent->object)->role = value;
      break;
    case DOSSIER_ELEMENT_ALIAS:
    case DOSSIER_ELEMENT_AUTHOR:
      {
        GStrv *slot = frame->element == DOSSIER_ELEMENT_ALIAS
                      ? &DOSSIER_ENTITY (parent->object)->aliases
                      : &DOSSIER_SOURCE (parent->object)->authors;
        guint n = *slot != NULL ? g_strv_length (*slot) : 0;
        GStrv longer = dossier_arena_alloc (state->arena, (n + 2) * sizeof (char *));

        if (n > 0)
          memcpy (longer, *slot, n * sizeof (char *));
        longer[n] = value;
        longer[n + 1] = NULL;
        *slot = longer;
      }
      break;
    case DOSSIER_ELEMENT_PUBLISHER:
      DOSSIER_SOURCE (parent->object)->publisher = value;
      break;
    case DOSSIER_ELEMENT_URL:
      DOSSIER_SOURCE (parent->object)->url = value;
      break;
    case DOSSIER_ELEMENT_ARCHIVED_URL:
      DOSSIER_SOURCE (parent->object)->archived_url = value;
      break;
    default:
      g_assert_not_reached ();
    }
}

void
dossier_load_end_element (LoadState *state,
                          Frame     *frame,
                          Frame     *parent)
{
  switch (frame->rule->content)
    {
    case DOSSIER_CONTENT_ELEMENTS:
      {
        DossierElement missing = dossier_element_missing_child (frame->rule, &frame->sequence);

        if (missing != DOSSIER_ELEMENT_UNKNOWN)
          dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                    _("<%s> has no <%s>"), element_name (frame->element), element_name (missing));
      }
      break;

    case DOSSIER_CONTENT_PLAIN:
      end_plain_element (state, frame, parent);
      break;

    case DOSSIER_CONTENT_DATE:
      end_date_element (state, frame, parent);
      break;

    case DOSSIER_CONTENT_INLINE:
      if (frame->rule->is_inline)
        {
          dossier_load_text_flush (state);
          dossier_load_kids_close (state, frame->node, frame->kids_start);
        }
      else
        dossier_load_text_end (state, frame);
      break;

    case DOSSIER_CONTENT_EMPTY:
    default:
      break;
    }

  if (frame->element == DOSSIER_ELEMENT_P
      && state->n_citations == frame->n_citations
      && (frame->section == DOSSIER_SECTION_BREACH || frame->section == DOSSIER_SECTION_REACTIONS))
    {
      DossierProblem *warning;
      g_autofree char *message = NULL;

      if (frame->section == DOSSIER_SECTION_BREACH)
        message = g_strdup_printf (_("the paragraph on line %u in the breach cites no source"),
                                   frame->line);
      else
        message = g_strdup_printf (_("the paragraph on line %u in reaction '%s' cites no source"),
                                   frame->line, frame->item_id != NULL ? frame->item_id : "");

      warning = dossier_problem_new (frame->line, frame->column, message);
      warning->section = frame->section;
      warning->item_id = g_strdup (frame->item_id);
      g_ptr_array_add (state->dcase->warnings, warning);
    }
}
