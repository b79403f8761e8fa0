/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-event.h"

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierEvent, dossier_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SORT_KEY,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark title_plain_quark;

/* Plain, sanitized title, computed once: the timeline sorts and filters
 * on it for every row. */
static const char *
dossier_event_get_title_plain (DossierEvent *self)
{
  char *plain = g_object_get_qdata (G_OBJECT (self), title_plain_quark);

  if (plain == NULL)
    {
      g_autofree char *raw = NULL;

      raw = self->title != NULL ? dossier_inline_to_plain (self->title) : g_strdup ("");
      plain = dossier_sanitize_display_text (raw);
      g_object_set_qdata_full (G_OBJECT (self), title_plain_quark, plain, g_free);
    }

  return plain;
}

static void
dossier_event_finalize (GObject *object)
{
  DossierEvent *self = (DossierEvent *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->title, dossier_inline_free);
    }

  g_clear_pointer (&self->date, dossier_date_free);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_event_parent_class)->finalize (object);
}

static void
dossier_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierEvent *self = DOSSIER_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, dossier_event_get_title_plain (self));
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
dossier_event_class_init (DossierEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_event_finalize;
  object_class->get_property = dossier_event_get_property;

  title_plain_quark = g_quark_from_static_string ("dossier-event-title-plain");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The title as plain, sanitized text. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
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
dossier_event_init (DossierEvent *self)
{
  self->summary = dossier_blocks_new ();
}

DossierEvent *
dossier_event_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_EVENT, NULL);
}

const char *
dossier_event_get_id (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->id;
}

guint
dossier_event_get_line (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), 0);

  return self->line;
}

const DossierDate *
dossier_event_get_date (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->date;
}

const DossierInline *
dossier_event_get_title (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->title;
}

DossierCertainty
dossier_event_get_certainty (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), DOSSIER_CERTAINTY_NONE);

  return self->certainty;
}

GPtrArray *
dossier_event_get_summary (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  if (self->summary == NULL)
    self->summary = dossier_blocks_new ();

  return self->summary;
}
