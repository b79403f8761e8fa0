/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What building every part of the case shares: the lists filled in one
 * splice, places, references and ids for the checker, dates and
 * certainties from attributes, and where a text element goes. */

/* The words of @text, which this cuts in place (it is the state's
 * attribute buffer): a NULL-terminated array in the arena of pointers
 * into @text, for the caller to replace. */
GStrv
dossier_load_split_words (LoadState *state,
                          char      *text)
{
  GStrv words;
  guint n = 0;
  char *p = text;

  for (const char *q = text; *q != '\0';)
    {
      while (is_xml_space (*q))
        q++;
      if (*q == '\0')
        break;
      n++;
      while (*q != '\0' && !is_xml_space (*q))
        q++;
    }

  if (n == 0)
    return state->empty_strv;

  words = dossier_arena_alloc (state->arena, (n + 1) * sizeof (char *));
  n = 0;

  while (*p != '\0')
    {
      while (is_xml_space (*p))
        p++;
      if (*p == '\0')
        break;
      words[n++] = p;
      while (*p != '\0' && !is_xml_space (*p))
        p++;
      if (*p != '\0')
        *p++ = '\0';
    }

  words[n] = NULL;
  return words;
}

void
dossier_load_add_pending (LoadState  *state,
                          guint       list,
                          GListStore *store,
                          gpointer    object)
{
  /* One breach, so one store of hypotheses. */
  g_assert (state->pending_store[list] == NULL || state->pending_store[list] == store);
  state->pending_store[list] = store;
  g_ptr_array_add (state->pending[list], g_object_ref (object));
}

void
dossier_load_flush_pending (LoadState *state)
{
  for (guint i = 0; i < N_PENDING; i++)
    {
      if (state->pending[i] == NULL)
        continue;
      if (state->pending_store[i] != NULL && state->pending[i]->len > 0)
        g_list_store_splice (state->pending_store[i], 0, 0,
                             state->pending[i]->pdata, state->pending[i]->len);
      g_clear_pointer (&state->pending[i], g_ptr_array_unref);
    }
}

/* A reference from an attribute that names an entity: a mention. */
char *
dossier_load_entity_reference (LoadState      *state,
                               Frame          *frame,
                               DossierRefSite  site,
                               const char     *id)
{
  DossierPlace *place;

  if (id == NULL)
    return NULL;

  place = dossier_load_new_place (state, frame);
  place->ref = dossier_load_add_reference (state, frame, site, id, place);
  g_ptr_array_add (state->dcase->mentions, place);
  return place->ref;
}

void
dossier_load_register_id (LoadState     *state,
                          Frame         *frame,
                          const char    *id,
                          DossierIdKind  kind,
                          GObject       *object)
{
  guint first_line = 0;

  if (id == NULL)
    return;

  if (!dossier_checker_id_is_valid (id))
    {
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                _("the id '%s' is not valid: an id starts with a letter and holds only letters, digits, '.', '_' and '-'"),
                                id);
      return;
    }

  if (!dossier_checker_add_id (state->checker, id, kind, object, frame->line, &first_line))
    {
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                _("the id '%s' on line %u is already used on line %u"),
                                id, frame->line, first_line);
      return;
    }

  if (object != NULL)
    g_hash_table_insert (state->dcase->by_id, (gpointer)id, object);
}

DossierDate *
dossier_load_parse_date_attribute (LoadState  *state,
                                   Frame      *frame,
                                   const char *name,
                                   const char *value)
{
  g_autoptr(GError) error = NULL;
  DossierDate *date;

  if (value == NULL)
    return NULL;

  date = dossier_date_parse (value, &error);
  if (date == NULL)
    dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                              _("the date in the attribute %s of <%s> on line %u: %s"),
                              name, element_name (frame->element), frame->line, error->message);
  return date;
}

/* A text element begins: its tree goes straight into the model so that
 * a refused file frees it with the case. */
void
dossier_load_begin_text_element (LoadState *state,
                                 Frame     *frame,
                                 Frame     *parent)
{
  DossierInline *root = dossier_arena_new_inline (state->arena, DOSSIER_INLINE_ROOT);
  DossierInline **slot = NULL;

  root->line = frame->line;

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_TITLE:
      switch (parent->element)
        {
        case DOSSIER_ELEMENT_CASE:
          slot = &state->dcase->title;
          break;
        case DOSSIER_ELEMENT_SOURCE:
          slot = &DOSSIER_SOURCE (parent->object)->title;
          break;
        case DOSSIER_ELEMENT_EVENT:
          slot = &DOSSIER_EVENT (parent->object)->title;
          break;
        case DOSSIER_ELEMENT_NOTE:
          slot = &DOSSIER_NOTE (parent->object)->title;
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    case DOSSIER_ELEMENT_SUBTITLE:
      slot = &state->dcase->subtitle;
      break;
    case DOSSIER_ELEMENT_METHOD:
      slot = &DOSSIER_BREACH (parent->object)->method;
      break;
    case DOSSIER_ELEMENT_STATEMENT:
      slot = &DOSSIER_HYPOTHESIS (parent->object)->statement;
      break;
    case DOSSIER_ELEMENT_SHOWN_ON:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->shown_on;
      break;
    case DOSSIER_ELEMENT_HEADLINE:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->headline;
      break;
    case DOSSIER_ELEMENT_DEMAND:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->demand;
      break;
    case DOSSIER_ELEMENT_CHANNEL:
      slot = &DOSSIER_REACTION (parent->object)->channel;
      break;
    case DOSSIER_ELEMENT_QUOTE:
      slot = &DOSSIER_REACTION (parent->object)->quote;
      break;
    case DOSSIER_ELEMENT_MARKET:
      slot = &DOSSIER_RELEASE (parent->object)->market;
      break;
    case DOSSIER_ELEMENT_P:
      slot = &((DossierParagraph *)frame->object)->text;
      break;
    case DOSSIER_ELEMENT_ITEM:
      slot = &((DossierExposedItem *)frame->object)->text;
      break;
    case DOSSIER_ELEMENT_EVIDENCE:
      slot = &((DossierEvidence *)frame->object)->text;
      break;
    case DOSSIER_ELEMENT_SHOWN_LINK:
      slot = &((DossierShownLink *)frame->object)->text;
      break;
    default:
      g_assert_not_reached ();
    }

  /* An earlier tree in the slot (there is none in a valid file) stays in
   * the arena. */
  *slot = root;
  frame->node = root;
  frame->kids_start = state->n_kids;
  frame->inline_depth = 0;
  dossier_load_text_begin (state);
}

GPtrArray *
dossier_load_blocks_of (Frame *frame,
                        Frame *parent)
{
  switch (frame->element)
    {
    case DOSSIER_ELEMENT_SUMMARY:
      switch (parent->element)
        {
        case DOSSIER_ELEMENT_CASE:
          return NULL;  /* set by the caller: the case is not a frame object */
        case DOSSIER_ELEMENT_BREACH:
          return DOSSIER_BREACH (parent->object)->summary;
        case DOSSIER_ELEMENT_REACTION:
          return DOSSIER_REACTION (parent->object)->summary;
        case DOSSIER_ELEMENT_RELEASE:
          return DOSSIER_RELEASE (parent->object)->summary;
        case DOSSIER_ELEMENT_EVENT:
          return DOSSIER_EVENT (parent->object)->summary;
        default:
          g_assert_not_reached ();
        }
      break;
    case DOSSIER_ELEMENT_DESCRIPTION:
      return DOSSIER_ENTITY (parent->object)->description;
    case DOSSIER_ELEMENT_EXCERPT:
      return DOSSIER_SOURCE (parent->object)->excerpt;
    case DOSSIER_ELEMENT_IMPACT:
      return DOSSIER_BREACH (parent->object)->impact;
    case DOSSIER_ELEMENT_MESSAGE:
      return DOSSIER_THREAT_SCREEN (parent->object)->message;
    default:
      g_assert_not_reached ();
    }

  return NULL;
}
