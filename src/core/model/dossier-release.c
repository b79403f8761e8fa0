/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-release.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierRelease, dossier_release, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_STATUS_LABEL,
  PROP_SORT_KEY,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Indexed by DossierReleaseStatus. */
static const struct
{
  const char *word;
  const char *label;
} statuses[] = {
  { "planned",   N_("Planned") },
  { "postponed", N_("Postponed") },
  { "released",  N_("Released") },
  { "cancelled", N_("Cancelled") },
  { "leaked",    N_("Leaked") },
};

static void
dossier_release_finalize (GObject *object)
{
  DossierRelease *self = (DossierRelease *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->market, dossier_inline_free);
    }

  g_clear_pointer (&self->date, dossier_date_free);
  g_clear_pointer (&self->announced, dossier_date_free);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_release_parent_class)->finalize (object);
}

static void
dossier_release_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierRelease *self = DOSSIER_RELEASE (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, dossier_release_status_get_label (self->status));
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
dossier_release_class_init (DossierReleaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_release_finalize;
  object_class->get_property = dossier_release_get_property;

  /* Position in the history, the order of announcement. */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The sort key of the release date; G_MAXINT64 (last) without one. */
  properties[PROP_SORT_KEY] =
    g_param_spec_int64 ("sort-key", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_release_init (DossierRelease *self)
{
  self->summary = dossier_blocks_new ();
}

const char *
dossier_release_status_to_string (DossierReleaseStatus status)
{
  if ((guint)status >= G_N_ELEMENTS (statuses))
    return NULL;

  return statuses[status].word;
}

gboolean
dossier_release_status_from_string (const char           *str,
                                    DossierReleaseStatus *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_strcmp0 (str, statuses[i].word) == 0)
        {
          if (out != NULL)
            *out = (DossierReleaseStatus)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_release_status_get_label (DossierReleaseStatus status)
{
  if ((guint)status >= G_N_ELEMENTS (statuses))
    return NULL;

  return _(statuses[status].label);
}

DossierRelease *
dossier_release_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_RELEASE, NULL);
}

guint
dossier_release_get_index (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), 0);

  return self->index;
}

guint
dossier_release_get_line (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), 0);

  return self->line;
}

const DossierDate *
dossier_release_get_date (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), NULL);

  return self->date;
}

DossierReleaseStatus
dossier_release_get_status (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), DOSSIER_RELEASE_PLANNED);

  return self->status;
}

const DossierDate *
dossier_release_get_announced (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), NULL);

  return self->announced;
}

const DossierInline *
dossier_release_get_market (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), NULL);

  return self->market;
}

DossierCertainty
dossier_release_get_certainty (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), DOSSIER_CERTAINTY_NONE);

  return self->certainty;
}

GPtrArray *
dossier_release_get_summary (DossierRelease *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE (self), NULL);

  if (self->summary == NULL)
    self->summary = dossier_blocks_new ();

  return self->summary;
}
