/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-case.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierCase, dossier_case, G_TYPE_OBJECT)

static void
dossier_case_finalize (GObject *object)
{
  DossierCase *self = (DossierCase *)object;

  /* The index borrows from the stores; the stores' objects borrow the
   * places: drop them in that order. */
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  g_clear_object (&self->entities);
  g_clear_object (&self->sources);
  g_clear_object (&self->breach);
  g_clear_object (&self->threat_screen);
  g_clear_object (&self->reactions);
  g_clear_object (&self->releases);
  g_clear_object (&self->events);
  g_clear_object (&self->notes);

  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  /* A loaded case keeps these in its arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->language, g_free);
      g_clear_pointer (&self->title, dossier_inline_free);
      g_clear_pointer (&self->subtitle, dossier_inline_free);
      g_clear_pointer (&self->release_work, g_free);
    }

  g_clear_object (&self->file);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->display_title, g_free);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  g_clear_pointer (&self->updated, dossier_date_free);
  /* Last: everything above may point into it. */
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_case_parent_class)->finalize (object);
}

static void
dossier_case_class_init (DossierCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_case_finalize;
}

static void
dossier_case_init (DossierCase *self)
{
  self->summary = dossier_blocks_new ();
  self->entities = g_list_store_new (DOSSIER_TYPE_ENTITY);
  self->sources = g_list_store_new (DOSSIER_TYPE_SOURCE);
  self->reactions = g_list_store_new (DOSSIER_TYPE_REACTION);
  self->releases = g_list_store_new (DOSSIER_TYPE_RELEASE);
  self->events = g_list_store_new (DOSSIER_TYPE_EVENT);
  self->notes = g_list_store_new (DOSSIER_TYPE_NOTE);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_place_free);
  self->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_place_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_problem_free);
}

const char *
dossier_case_status_get_label (DossierCaseStatus status)
{
  switch (status)
    {
    case DOSSIER_CASE_STATUS_OPEN:
      return _("Open");

    case DOSSIER_CASE_STATUS_CLOSED:
      return _("Closed");

    case DOSSIER_CASE_STATUS_NONE:
    default:
      return NULL;
    }
}

DossierCase *
dossier_case_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_CASE, NULL);
}

GFile *
dossier_case_get_file (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->file;
}

const char *
dossier_case_get_sha256 (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->sha256;
}

void
dossier_case_set_file_digest (DossierCase *dcase,
                              const char  *sha256,
                              gsize        size)
{
  g_return_if_fail (DOSSIER_IS_CASE (dcase));
  g_return_if_fail (sha256 != NULL);

  g_free (dcase->sha256);
  dcase->sha256 = g_strdup (sha256);
  dcase->size = size;
}

gsize
dossier_case_get_size (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), 0);

  return self->size;
}

const char *
dossier_case_get_id (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->id;
}

const char *
dossier_case_get_language (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->language;
}

DossierCaseStatus
dossier_case_get_status (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), DOSSIER_CASE_STATUS_NONE);

  return self->status;
}

const DossierInline *
dossier_case_get_title (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->title;
}

/**
 * dossier_case_get_display_title:
 * @self: a case
 *
 * The title as plain text with bidi overrides, zero-width and control
 * characters removed, for a window title or a suggested file name. Falls
 * back to the case id, then to "Untitled case", so it is never empty.
 *
 * Returns: (transfer none): the display title.
 */
const char *
dossier_case_get_display_title (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  if (self->display_title == NULL)
    {
      g_autofree char *plain = NULL;
      g_autofree char *clean = NULL;

      if (self->title != NULL)
        plain = dossier_inline_to_plain (self->title);
      clean = dossier_sanitize_display_text (plain != NULL ? plain : "");
      g_strstrip (clean);

      if (clean[0] != '\0')
        self->display_title = g_steal_pointer (&clean);
      else if (self->id != NULL && self->id[0] != '\0')
        self->display_title = g_strdup (self->id);
      else
        self->display_title = g_strdup (_("Untitled case"));
    }

  return self->display_title;
}

const DossierInline *
dossier_case_get_subtitle (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->subtitle;
}

GPtrArray *
dossier_case_get_summary (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  if (self->summary == NULL)
    self->summary = dossier_blocks_new ();

  return self->summary;
}

const DossierDate *
dossier_case_get_updated (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->updated;
}

static GListModel *
ensure_store (GListStore **store,
              GType        item_type)
{
  if (*store == NULL)
    *store = g_list_store_new (item_type);

  return G_LIST_MODEL (*store);
}

GListModel *
dossier_case_get_entities (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return ensure_store (&self->entities, DOSSIER_TYPE_ENTITY);
}

GListModel *
dossier_case_get_sources (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return ensure_store (&self->sources, DOSSIER_TYPE_SOURCE);
}

GListModel *
dossier_case_get_reactions (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return ensure_store (&self->reactions, DOSSIER_TYPE_REACTION);
}

GListModel *
dossier_case_get_releases (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return ensure_store (&self->releases, DOSSIER_TYPE_RELEASE);
}

GListModel *
dossier_case_get_events (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return ensure_store (&self->events, DOSSIER_TYPE_EVENT);
}

GListModel *
dossier_case_get_notes (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return ensure_store (&self->notes, DOSSIER_TYPE_NOTE);
}

DossierBreach *
dossier_case_get_breach (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->breach;
}

DossierThreatScreen *
dossier_case_get_threat_screen (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->threat_screen;
}

const char *
dossier_case_get_release_work (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  return self->release_work;
}

gboolean
dossier_case_has_release_history (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), FALSE);

  return self->has_release_history;
}

GObject *
dossier_case_lookup (DossierCase *self,
                     const char  *id)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  if (id == NULL || self->by_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

DossierEntity *
dossier_case_get_entity (DossierCase *self,
                         const char  *id)
{
  GObject *object;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  object = dossier_case_lookup (self, id);
  if (object == NULL || !DOSSIER_IS_ENTITY (object))
    return NULL;

  return DOSSIER_ENTITY (object);
}

DossierSource *
dossier_case_get_source (DossierCase *self,
                         const char  *id)
{
  GObject *object;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  object = dossier_case_lookup (self, id);
  if (object == NULL || !DOSSIER_IS_SOURCE (object))
    return NULL;

  return DOSSIER_SOURCE (object);
}

const char *
dossier_case_get_entity_name (DossierCase *self,
                              const char  *id)
{
  DossierEntity *entity;

  g_return_val_if_fail (DOSSIER_IS_CASE (self), id);

  entity = dossier_case_get_entity (self, id);
  if (entity == NULL)
    return id;

  return dossier_entity_get_name (entity);
}

GPtrArray *
dossier_case_get_citations (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  if (self->citations == NULL)
    self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_place_free);

  return self->citations;
}

GPtrArray *
dossier_case_get_warnings (DossierCase *self)
{
  g_return_val_if_fail (DOSSIER_IS_CASE (self), NULL);

  if (self->warnings == NULL)
    self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_problem_free);

  return self->warnings;
}
