/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Building the case element by element: what each element starts when it
 * opens, and finishes when it closes. */

/* @values holds the element's own attributes in the order of its rule
 * (NULL when absent). */
void
dossier_load_begin_element (LoadState   *state,
                            Frame       *frame,
                            Frame       *parent,
                            const char **values)
{
  DossierCase *self = state->self;

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_CASE:
      /* format (0) was checked before; id (1), status (2) */
      self->id = dossier_arena_strdup (state->arena, values[1]);
      dossier_load_register_id (state, frame, self->id, DOSSIER_ID_CASE, NULL);
      if (values[2] != NULL)
        self->status = strcmp (values[2], "open") == 0 ? DOSSIER_CASE_STATUS_OPEN
                                                       : DOSSIER_CASE_STATUS_CLOSED;
      frame->section = DOSSIER_SECTION_OVERVIEW;
      break;

    case DOSSIER_ELEMENT_TITLE:
    case DOSSIER_ELEMENT_SUBTITLE:
    case DOSSIER_ELEMENT_METHOD:
    case DOSSIER_ELEMENT_STATEMENT:
    case DOSSIER_ELEMENT_SHOWN_ON:
    case DOSSIER_ELEMENT_HEADLINE:
    case DOSSIER_ELEMENT_DEMAND:
    case DOSSIER_ELEMENT_CHANNEL:
    case DOSSIER_ELEMENT_QUOTE:
    case DOSSIER_ELEMENT_MARKET:
      dossier_load_begin_text_element (state, frame, parent);
      break;

    case DOSSIER_ELEMENT_SUMMARY:
    case DOSSIER_ELEMENT_DESCRIPTION:
    case DOSSIER_ELEMENT_EXCERPT:
    case DOSSIER_ELEMENT_IMPACT:
    case DOSSIER_ELEMENT_MESSAGE:
      if (frame->element == DOSSIER_ELEMENT_SUMMARY && parent->element == DOSSIER_ELEMENT_CASE)
        frame->blocks = self->summary;
      else
        frame->blocks = dossier_load_blocks_of (frame, parent);
      break;

    case DOSSIER_ELEMENT_NAME:
    case DOSSIER_ELEMENT_ALIAS:
    case DOSSIER_ELEMENT_ROLE:
    case DOSSIER_ELEMENT_PUBLISHER:
    case DOSSIER_ELEMENT_AUTHOR:
    case DOSSIER_ELEMENT_URL:
    case DOSSIER_ELEMENT_ARCHIVED_URL:
    case DOSSIER_ELEMENT_UPDATED:
    case DOSSIER_ELEMENT_PUBLISHED:
    case DOSSIER_ELEMENT_ACCESSED:
    case DOSSIER_ELEMENT_BEGAN:
    case DOSSIER_ELEMENT_DISCOVERED:
    case DOSSIER_ELEMENT_DISCLOSED:
    case DOSSIER_ELEMENT_SHOWN:
    case DOSSIER_ELEMENT_DEADLINE:
      dossier_load_text_begin (state);
      break;

    case DOSSIER_ELEMENT_ENTITIES:
      frame->section = DOSSIER_SECTION_ENTITIES;
      break;

    case DOSSIER_ELEMENT_ENTITY:
      {
        g_autoptr(DossierEntity) entity = g_object_new (DOSSIER_TYPE_ENTITY, NULL);

        entity->arena = dossier_arena_ref (state->arena);
        entity->aliases = state->empty_strv;
        g_ptr_array_set_free_func (entity->description, NULL);
        entity->id = dossier_arena_strdup (state->arena, values[0]);
        entity->line = frame->line;
        if (values[1] != NULL)
          dossier_entity_kind_from_string (values[1], &entity->kind);
        dossier_load_add_pending (state, PENDING_ENTITIES, self->entities, entity);
        frame->object = entity;
        frame->item_id = entity->id;
        dossier_load_register_id (state, frame, entity->id, DOSSIER_ID_ENTITY, G_OBJECT (entity));
      }
      break;

    case DOSSIER_ELEMENT_SOURCES:
      frame->section = DOSSIER_SECTION_SOURCES;
      break;

    case DOSSIER_ELEMENT_SOURCE:
      {
        g_autoptr(DossierSource) source = g_object_new (DOSSIER_TYPE_SOURCE, NULL);

        source->arena = dossier_arena_ref (state->arena);
        source->authors = state->empty_strv;
        g_ptr_array_set_free_func (source->excerpt, NULL);
        source->id = dossier_arena_strdup (state->arena, values[0]);
        source->line = frame->line;
        if (values[1] != NULL)
          dossier_source_kind_from_string (values[1], &source->kind);
        if (values[2] != NULL)
          source->reliability = values[2][0];
        if (values[3] != NULL)
          source->credibility = values[3][0] - '0';
        dossier_load_add_pending (state, PENDING_SOURCES, self->sources, source);
        frame->object = source;
        frame->item_id = source->id;
        dossier_load_register_id (state, frame, source->id, DOSSIER_ID_SOURCE, G_OBJECT (source));
      }
      break;

    case DOSSIER_ELEMENT_BREACH:
      {
        DossierBreach *breach = dossier_breach_new_empty ();

        breach->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (breach->summary, NULL);
        g_ptr_array_set_free_func (breach->impact, NULL);
        g_ptr_array_set_free_func (breach->exposed, NULL);
        breach->line = frame->line;
        g_clear_object (&self->breach);
        self->breach = breach;
        frame->object = breach;
        frame->section = DOSSIER_SECTION_BREACH;
      }
      break;

    case DOSSIER_ELEMENT_VICTIM:
      DOSSIER_BREACH (parent->object)->victim =
        dossier_load_entity_reference (state, frame, DOSSIER_REF_VICTIM, values[0]);
      break;

    case DOSSIER_ELEMENT_CLAIMED_BY:
      DOSSIER_BREACH (parent->object)->claimed_by =
        dossier_load_entity_reference (state, frame, DOSSIER_REF_CLAIMED_BY, values[0]);
      break;

    case DOSSIER_ELEMENT_ITEM:
      {
        DossierBreach *breach = DOSSIER_BREACH (parent->object);
        DossierExposedItem *item = dossier_arena_alloc (state->arena, sizeof (DossierExposedItem));

        item->line = frame->line;
        if (values[0] != NULL)
          dossier_exposed_category_from_string (values[0], &item->category);
        item->certainty = dossier_load_certainty_value (values[1]);
        g_ptr_array_add (breach->exposed, item);
        frame->object = item;
        frame->item_index = breach->exposed->len - 1;
        dossier_load_begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_EXPOSED:
    case DOSSIER_ELEMENT_ATTRIBUTION:
      frame->object = parent->object;
      break;

    case DOSSIER_ELEMENT_HYPOTHESIS:
      {
        g_autoptr(DossierHypothesis) hypothesis = dossier_hypothesis_new_empty ();

        hypothesis->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (hypothesis->evidence, NULL);
        hypothesis->id = dossier_arena_strdup (state->arena, values[0]);
        hypothesis->line = frame->line;
        hypothesis->certainty = dossier_load_certainty_value (values[2]);
        dossier_load_add_pending (state, PENDING_HYPOTHESES, DOSSIER_BREACH (parent->object)->hypotheses, hypothesis);
        frame->object = hypothesis;
        frame->item_id = hypothesis->id;
        dossier_load_register_id (state, frame, hypothesis->id, DOSSIER_ID_HYPOTHESIS, G_OBJECT (hypothesis));
        hypothesis->actor = dossier_load_entity_reference (state, frame, DOSSIER_REF_HYPOTHESIS_ACTOR, values[1]);
      }
      break;

    case DOSSIER_ELEMENT_EVIDENCE:
      {
        DossierHypothesis *hypothesis = DOSSIER_HYPOTHESIS (parent->object);
        DossierEvidence *evidence = dossier_arena_alloc (state->arena, sizeof (DossierEvidence));

        evidence->line = frame->line;
        if (values[0] != NULL)
          dossier_evidence_stance_from_string (values[0], &evidence->stance);
        evidence->certainty = dossier_load_certainty_value (values[1]);
        g_ptr_array_add (hypothesis->evidence, evidence);
        frame->object = evidence;
        frame->item_index = hypothesis->evidence->len - 1;
        dossier_load_begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_THREAT_SCREEN:
      {
        DossierThreatScreen *screen = dossier_threat_screen_new_empty ();

        screen->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (screen->message, NULL);
        g_ptr_array_set_free_func (screen->shown_links, NULL);
        screen->line = frame->line;
        g_clear_object (&self->threat_screen);
        self->threat_screen = screen;
        frame->object = screen;
        frame->section = DOSSIER_SECTION_THREAT;
      }
      break;

    case DOSSIER_ELEMENT_SENDER:
      DOSSIER_THREAT_SCREEN (parent->object)->sender =
        dossier_load_entity_reference (state, frame, DOSSIER_REF_SENDER, values[0]);
      break;

    case DOSSIER_ELEMENT_IMAGE:
      {
        DossierThreatScreen *screen = DOSSIER_THREAT_SCREEN (parent->object);

        screen->has_image = TRUE;
        state->image_line = frame->line;
        state->image_column = frame->column;
        screen->image_description = dossier_arena_strdup (state->arena, values[0]);
        screen->image_src = dossier_arena_strdup (state->arena, values[1]);
      }
      break;

    case DOSSIER_ELEMENT_SHOWN_LINK:
      {
        DossierThreatScreen *screen = DOSSIER_THREAT_SCREEN (parent->object);
        DossierShownLink *link = dossier_arena_alloc (state->arena, sizeof (DossierShownLink));

        link->line = frame->line;
        link->href = dossier_arena_strdup (state->arena, values[0]);
        g_ptr_array_add (screen->shown_links, link);
        frame->object = link;
        frame->item_index = screen->shown_links->len - 1;
        dossier_load_begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_REACTIONS:
      frame->section = DOSSIER_SECTION_REACTIONS;
      break;

    case DOSSIER_ELEMENT_REACTION:
      {
        g_autoptr(DossierReaction) reaction = dossier_reaction_new_empty ();

        reaction->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (reaction->summary, NULL);
        reaction->id = dossier_arena_strdup (state->arena, values[0]);
        reaction->line = frame->line;
        if (values[4] != NULL)
          dossier_stance_from_string (values[4], &reaction->stance);
        reaction->certainty = dossier_load_certainty_value (values[5]);
        dossier_load_add_pending (state, PENDING_REACTIONS, self->reactions, reaction);
        frame->object = reaction;
        frame->item_id = reaction->id;
        dossier_load_register_id (state, frame, reaction->id, DOSSIER_ID_REACTION, G_OBJECT (reaction));
        reaction->date = dossier_load_parse_date_attribute (state, frame, "date", values[1]);
        reaction->actor = dossier_load_entity_reference (state, frame, DOSSIER_REF_REACTION_ACTOR, values[2]);
        reaction->on_behalf_of = dossier_load_entity_reference (state, frame, DOSSIER_REF_ON_BEHALF_OF, values[3]);
      }
      break;

    case DOSSIER_ELEMENT_RELEASE_HISTORY:
      frame->section = DOSSIER_SECTION_RELEASE;
      self->has_release_history = TRUE;
      self->release_work = dossier_load_entity_reference (state, frame, DOSSIER_REF_WORK, values[0]);
      break;

    case DOSSIER_ELEMENT_RELEASE:
      {
        g_autoptr(DossierRelease) release = dossier_release_new_empty ();

        release->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (release->summary, NULL);
        release->index = state->pending[PENDING_RELEASES]->len;
        release->line = frame->line;
        if (values[1] != NULL)
          dossier_release_status_from_string (values[1], &release->status);
        release->certainty = dossier_load_certainty_value (values[3]);
        dossier_load_add_pending (state, PENDING_RELEASES, self->releases, release);
        frame->object = release;
        frame->item_index = release->index;
        release->date = dossier_load_parse_date_attribute (state, frame, "date", values[0]);
        release->announced = dossier_load_parse_date_attribute (state, frame, "announced", values[2]);
      }
      break;

    case DOSSIER_ELEMENT_TIMELINE:
      frame->section = DOSSIER_SECTION_TIMELINE;
      break;

    case DOSSIER_ELEMENT_EVENT:
      {
        g_autoptr(DossierEvent) event = dossier_event_new_empty ();

        event->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (event->summary, NULL);
        event->id = dossier_arena_strdup (state->arena, values[0]);
        event->line = frame->line;
        event->certainty = dossier_load_certainty_value (values[2]);
        dossier_load_add_pending (state, PENDING_EVENTS, self->events, event);
        frame->object = event;
        frame->item_id = event->id;
        dossier_load_register_id (state, frame, event->id, DOSSIER_ID_EVENT, G_OBJECT (event));
        event->date = dossier_load_parse_date_attribute (state, frame, "date", values[1]);
      }
      break;

    case DOSSIER_ELEMENT_NOTES:
      frame->section = DOSSIER_SECTION_NOTES;
      break;

    case DOSSIER_ELEMENT_NOTE:
      {
        g_autoptr(DossierNote) note = g_object_new (DOSSIER_TYPE_NOTE, NULL);

        note->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (note->body, NULL);
        note->id = dossier_arena_strdup (state->arena, values[0]);
        note->line = frame->line;
        note->author = dossier_arena_strdup (state->arena, values[2]);
        note->tags = state->empty_strv;
        note->about = state->empty_strv;
        /* The values are the state's own buffer, cut into words here. */
        if (values[3] != NULL)
          {
            note->tags = dossier_load_split_words (state, (char *)values[3]);
            for (guint i = 0; note->tags[i] != NULL; i++)
              note->tags[i] = dossier_arena_strdup (state->arena, note->tags[i]);
          }
        if (values[4] != NULL)
          note->about = dossier_load_split_words (state, (char *)values[4]);
        dossier_load_add_pending (state, PENDING_NOTES, self->notes, note);
        frame->object = note;
        frame->item_id = note->id;
        frame->blocks = note->body;
        dossier_load_register_id (state, frame, note->id, DOSSIER_ID_NOTE, G_OBJECT (note));
        note->created = dossier_load_parse_date_attribute (state, frame, "created", values[1]);
        for (guint i = 0; note->about[i] != NULL; i++)
          note->about[i] = dossier_load_add_reference (state, frame, DOSSIER_REF_ABOUT, note->about[i], NULL);
      }
      break;

    case DOSSIER_ELEMENT_P:
      {
        DossierParagraph *paragraph = dossier_arena_alloc (state->arena, sizeof (DossierParagraph));

        paragraph->line = frame->line;
        paragraph->certainty = dossier_load_certainty_value (values[0]);
        g_ptr_array_add (parent->blocks, paragraph);
        frame->object = paragraph;
        frame->n_citations = state->n_citations;
        dossier_load_begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_CITE:
      {
        DossierInline *node = dossier_arena_new_inline (state->arena, DOSSIER_INLINE_CITE);
        DossierPlace *place;

        node->line = frame->line;
        node->number = ++state->n_citations;
        node->at = dossier_arena_strdup (state->arena, values[1]);
        kids_push (state, node);
        frame->node = node;
        frame->kids_start = state->n_kids;

        /* Without its ref (already reported) a citation cites nothing. */
        if (values[0] == NULL)
          break;

        place = dossier_load_new_place (state, frame);
        place->number = node->number;
        place->at = node->at;
        place->ref = dossier_load_add_reference (state, frame, DOSSIER_REF_CITE, values[0], place);
        node->ref = place->ref;
        g_ptr_array_add (self->citations, place);
      }
      break;

    case DOSSIER_ELEMENT_MENTION:
    case DOSSIER_ELEMENT_EM:
    case DOSSIER_ELEMENT_STRONG:
    case DOSSIER_ELEMENT_Q:
    case DOSSIER_ELEMENT_LINK:
      {
        static const DossierInlineKind kinds[] = {
          [DOSSIER_ELEMENT_MENTION] = DOSSIER_INLINE_MENTION,
          [DOSSIER_ELEMENT_EM] = DOSSIER_INLINE_EM,
          [DOSSIER_ELEMENT_STRONG] = DOSSIER_INLINE_STRONG,
          [DOSSIER_ELEMENT_Q] = DOSSIER_INLINE_QUOTE,
          [DOSSIER_ELEMENT_LINK] = DOSSIER_INLINE_LINK,
        };
        DossierInline *node = dossier_arena_new_inline (state->arena, kinds[frame->element]);

        node->line = frame->line;
        kids_push (state, node);
        frame->node = node;
        frame->kids_start = state->n_kids;

        if (frame->element == DOSSIER_ELEMENT_MENTION && values[0] != NULL)
          {
            DossierPlace *place = dossier_load_new_place (state, frame);

            place->ref = dossier_load_add_reference (state, frame, DOSSIER_REF_MENTION, values[0], place);
            node->ref = place->ref;
            g_ptr_array_add (self->mentions, place);
          }
        else if (frame->rule->n_attrs > 0)
          node->ref = dossier_arena_strdup (state->arena, values[0]);
      }
      break;

    case DOSSIER_ELEMENT_UNKNOWN:
    case DOSSIER_N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
end_plain_element (LoadState *state,
                   Frame     *frame,
                   Frame     *parent)
{
  char *value;

  if (frame->rule->content == DOSSIER_CONTENT_DATE)
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
          slot = &state->self->updated;
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
      return;
    }

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
    case DOSSIER_CONTENT_DATE:
      end_plain_element (state, frame, parent);
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
      g_ptr_array_add (state->self->warnings, warning);
    }
}
