/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-threat-screen.h"

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierThreatScreen, dossier_threat_screen, G_TYPE_OBJECT)

static void
dossier_threat_screen_finalize (GObject *object)
{
  DossierThreatScreen *self = (DossierThreatScreen *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->shown_on, dossier_inline_free);
      g_clear_pointer (&self->sender, g_free);
      g_clear_pointer (&self->headline, dossier_inline_free);
      g_clear_pointer (&self->image_description, g_free);
      g_clear_pointer (&self->image_src, g_free);
      g_clear_pointer (&self->demand, dossier_inline_free);
    }

  g_clear_pointer (&self->shown, dossier_date_free);
  g_clear_object (&self->image_file);
  g_clear_pointer (&self->image_problem, g_free);
  g_clear_pointer (&self->message, g_ptr_array_unref);
  g_clear_pointer (&self->deadline, dossier_date_free);
  g_clear_pointer (&self->shown_links, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_threat_screen_parent_class)->finalize (object);
}

static void
dossier_threat_screen_class_init (DossierThreatScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_threat_screen_finalize;
}

static void
dossier_threat_screen_init (DossierThreatScreen *self)
{
  self->message = dossier_blocks_new ();
  self->shown_links = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_shown_link_free);
}

void
dossier_shown_link_free (DossierShownLink *link)
{
  if (link == NULL)
    return;

  g_clear_pointer (&link->href, g_free);
  g_clear_pointer (&link->text, dossier_inline_free);
  g_free (link);
}

DossierThreatScreen *
dossier_threat_screen_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_THREAT_SCREEN, NULL);
}

guint
dossier_threat_screen_get_line (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), 0);

  return self->line;
}

const DossierDate *
dossier_threat_screen_get_shown (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->shown;
}

const DossierInline *
dossier_threat_screen_get_shown_on (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->shown_on;
}

const char *
dossier_threat_screen_get_sender (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->sender;
}

const DossierInline *
dossier_threat_screen_get_headline (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->headline;
}

gboolean
dossier_threat_screen_has_image (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), FALSE);

  return self->has_image;
}

const char *
dossier_threat_screen_get_image_description (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->image_description;
}

const char *
dossier_threat_screen_get_image_src (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->image_src;
}

GFile *
dossier_threat_screen_get_image_file (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->image_file;
}

const char *
dossier_threat_screen_get_image_problem (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->image_problem;
}

GPtrArray *
dossier_threat_screen_get_message (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  if (self->message == NULL)
    self->message = dossier_blocks_new ();

  return self->message;
}

const DossierInline *
dossier_threat_screen_get_demand (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->demand;
}

const DossierDate *
dossier_threat_screen_get_deadline (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  return self->deadline;
}

GPtrArray *
dossier_threat_screen_get_shown_links (DossierThreatScreen *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_SCREEN (self), NULL);

  if (self->shown_links == NULL)
    self->shown_links = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_shown_link_free);

  return self->shown_links;
}
