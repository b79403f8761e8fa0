/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-entity.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierEntity, dossier_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND_LABEL,
  PROP_ROLE,
  PROP_LINE,
  PROP_MENTION_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

/* Indexed by DossierEntityKind: the word a file writes, the label a reader
 * sees. */
static const struct
{
  const char *word;
  const char *label;
} entity_kinds[] = {
  { "person",       N_("Person") },
  { "organization", N_("Organization") },
  { "group",        N_("Group") },
  { "state",        N_("State") },
  { "media",        N_("Media") },
  { "work",         N_("Work") },
  { "other",        N_("Other") },
};

static void
dossier_entity_finalize (GObject *object)
{
  DossierEntity *self = (DossierEntity *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->name, g_free);
      g_clear_pointer (&self->aliases, g_strfreev);
      g_clear_pointer (&self->role, g_free);
    }

  g_clear_pointer (&self->description, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_entity_parent_class)->finalize (object);
}

static void
dossier_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierEntity *self = DOSSIER_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, dossier_entity_get_name (self));
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, dossier_entity_kind_get_label (self->kind));
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    case PROP_MENTION_COUNT:
      g_value_set_uint (value, dossier_entity_get_mentions (self)->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_class_init (DossierEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_entity_finalize;
  object_class->get_property = dossier_entity_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The name, or the id when the name is missing. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTION_COUNT] =
    g_param_spec_uint ("mention-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_entity_init (DossierEntity *self)
{
  self->kind = DOSSIER_ENTITY_OTHER;
  self->description = dossier_blocks_new ();
  self->mentions = g_ptr_array_new ();
}

const char *
dossier_entity_kind_to_string (DossierEntityKind kind)
{
  if ((guint)kind >= G_N_ELEMENTS (entity_kinds))
    return NULL;

  return entity_kinds[kind].word;
}

gboolean
dossier_entity_kind_from_string (const char        *str,
                                 DossierEntityKind *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entity_kinds); i++)
    {
      if (g_strcmp0 (str, entity_kinds[i].word) == 0)
        {
          if (out != NULL)
            *out = (DossierEntityKind)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_entity_kind_get_label (DossierEntityKind kind)
{
  if ((guint)kind >= G_N_ELEMENTS (entity_kinds))
    return NULL;

  return _(entity_kinds[kind].label);
}

DossierEntity *
dossier_entity_new_empty (void)
{
  DossierEntity *self = g_object_new (DOSSIER_TYPE_ENTITY, NULL);

  self->aliases = g_new0 (char *, 1);
  return self;
}

const char *
dossier_entity_get_id (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->id;
}

DossierEntityKind
dossier_entity_get_kind (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), DOSSIER_ENTITY_OTHER);

  return self->kind;
}

guint
dossier_entity_get_line (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), 0);

  return self->line;
}

const char *
dossier_entity_get_name (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  /* A loaded entity always has a name; an empty one still shows its id. */
  if (self->name == NULL || self->name[0] == '\0')
    return self->id;

  return self->name;
}

const char * const *
dossier_entity_get_aliases (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), empty_strv);

  if (self->aliases == NULL)
    return empty_strv;

  return (const char * const *)self->aliases;
}

const char *
dossier_entity_get_role (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->role;
}

GPtrArray *
dossier_entity_get_description (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  if (self->description == NULL)
    self->description = dossier_blocks_new ();

  return self->description;
}

GPtrArray *
dossier_entity_get_mentions (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  if (self->mentions == NULL)
    self->mentions = g_ptr_array_new ();

  return self->mentions;
}
