/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-reaction.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierReaction, dossier_reaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTOR,
  PROP_STANCE_LABEL,
  PROP_CHANNEL,
  PROP_SORT_KEY,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark channel_plain_quark;

/* Indexed by DossierStance. Labels are verbs: a reaction list reads
 * "North Korea — Condemns". */
static const struct
{
  const char *word;
  const char *label;
} stances[] = {
  { "condemn",  N_("Condemns") },
  { "threaten", N_("Threatens") },
  { "demand",   N_("Demands") },
  { "deny",     N_("Denies") },
  { "support",  N_("Supports") },
  { "neutral",  N_("Neutral") },
};

/* Plain, sanitized channel, computed once for sorting and filtering. */
static const char *
dossier_reaction_get_channel_plain (DossierReaction *self)
{
  char *plain = g_object_get_qdata (G_OBJECT (self), channel_plain_quark);

  if (plain == NULL)
    {
      g_autofree char *raw = NULL;

      raw = self->channel != NULL ? dossier_inline_to_plain (self->channel) : g_strdup ("");
      plain = dossier_sanitize_display_text (raw);
      g_object_set_qdata_full (G_OBJECT (self), channel_plain_quark, plain, g_free);
    }

  return plain;
}

static void
dossier_reaction_finalize (GObject *object)
{
  DossierReaction *self = (DossierReaction *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->actor, g_free);
      g_clear_pointer (&self->on_behalf_of, g_free);
      g_clear_pointer (&self->channel, dossier_inline_free);
      g_clear_pointer (&self->quote, dossier_inline_free);
    }

  g_clear_pointer (&self->date, dossier_date_free);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_reaction_parent_class)->finalize (object);
}

static void
dossier_reaction_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierReaction *self = DOSSIER_REACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_STANCE_LABEL:
      g_value_set_string (value, dossier_stance_get_label (self->stance));
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, dossier_reaction_get_channel_plain (self));
      break;

    case PROP_SORT_KEY:
      g_value_set_int64 (value,
                         self->date != NULL
                         ? dossier_date_get_sort_key (self->date)
                         : G_MAXINT64);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reaction_class_init (DossierReactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_reaction_finalize;
  object_class->get_property = dossier_reaction_get_property;

  channel_plain_quark = g_quark_from_static_string ("dossier-reaction-channel-plain");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The entity id of the actor. */
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STANCE_LABEL] =
    g_param_spec_string ("stance-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The channel as plain, sanitized text ("" when absent). */
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The sort key of the date; G_MAXINT64 (last) without one. */
  properties[PROP_SORT_KEY] =
    g_param_spec_int64 ("sort-key", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_reaction_init (DossierReaction *self)
{
  self->stance = DOSSIER_STANCE_NEUTRAL;
  self->summary = dossier_blocks_new ();
}

const char *
dossier_stance_to_string (DossierStance stance)
{
  if ((guint)stance >= G_N_ELEMENTS (stances))
    return NULL;

  return stances[stance].word;
}

gboolean
dossier_stance_from_string (const char    *str,
                            DossierStance *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    {
      if (g_strcmp0 (str, stances[i].word) == 0)
        {
          if (out != NULL)
            *out = (DossierStance)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_stance_get_label (DossierStance stance)
{
  if ((guint)stance >= G_N_ELEMENTS (stances))
    return NULL;

  return _(stances[stance].label);
}

DossierReaction *
dossier_reaction_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_REACTION, NULL);
}

const char *
dossier_reaction_get_id (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  return self->id;
}

guint
dossier_reaction_get_line (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), 0);

  return self->line;
}

const DossierDate *
dossier_reaction_get_date (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  return self->date;
}

const char *
dossier_reaction_get_actor (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  return self->actor;
}

const char *
dossier_reaction_get_on_behalf_of (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  return self->on_behalf_of;
}

const DossierInline *
dossier_reaction_get_channel (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  return self->channel;
}

DossierStance
dossier_reaction_get_stance (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), DOSSIER_STANCE_NEUTRAL);

  return self->stance;
}

DossierCertainty
dossier_reaction_get_certainty (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), DOSSIER_CERTAINTY_NONE);

  return self->certainty;
}

const DossierInline *
dossier_reaction_get_quote (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  return self->quote;
}

GPtrArray *
dossier_reaction_get_summary (DossierReaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REACTION (self), NULL);

  if (self->summary == NULL)
    self->summary = dossier_blocks_new ();

  return self->summary;
}
