/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-source.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierSource, dossier_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND_LABEL,
  PROP_PUBLISHER,
  PROP_SORT_KEY,
  PROP_LINE,
  PROP_CITATION_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark title_plain_quark;

static const char * const empty_strv[] = { NULL };

/* Indexed by DossierSourceKind. */
static const struct
{
  const char *word;
  const char *label;
} source_kinds[] = {
  { "press",       N_("Press") },
  { "state-media", N_("State media") },
  { "official",    N_("Official") },
  { "letter",      N_("Letter") },
  { "social",      N_("Social media") },
  { "forum",       N_("Forum") },
  { "report",      N_("Report") },
  { "interview",   N_("Interview") },
  { "other",       N_("Other") },
};

/* The Admiralty (NATO) scale. */
static const char * const reliability_labels[] = {
  N_("Completely reliable"),          /* A */
  N_("Usually reliable"),             /* B */
  N_("Fairly reliable"),              /* C */
  N_("Not usually reliable"),         /* D */
  N_("Unreliable"),                   /* E */
  N_("Reliability cannot be judged"), /* F */
};

static const char * const credibility_labels[] = {
  N_("Confirmed by other sources"),   /* 1 */
  N_("Probably true"),                /* 2 */
  N_("Possibly true"),                /* 3 */
  N_("Doubtful"),                     /* 4 */
  N_("Improbable"),                   /* 5 */
  N_("Truth cannot be judged"),       /* 6 */
};

/* Plain, sanitized title, computed once: list views sort and filter on it
 * for every row. */
static const char *
dossier_source_get_title_plain (DossierSource *self)
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
dossier_source_finalize (GObject *object)
{
  DossierSource *self = (DossierSource *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->title, dossier_inline_free);
      g_clear_pointer (&self->publisher, g_free);
      g_clear_pointer (&self->authors, g_strfreev);
      g_clear_pointer (&self->url, g_free);
      g_clear_pointer (&self->archived_url, g_free);
    }

  g_clear_pointer (&self->published, dossier_date_free);
  g_clear_pointer (&self->accessed, dossier_date_free);
  g_clear_pointer (&self->excerpt, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_source_parent_class)->finalize (object);
}

static void
dossier_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierSource *self = DOSSIER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, dossier_source_get_title_plain (self));
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, dossier_source_kind_get_label (self->kind));
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_SORT_KEY:
      g_value_set_int64 (value,
                         self->published != NULL
                         ? dossier_date_get_sort_key (self->published)
                         : G_MAXINT64);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    case PROP_CITATION_COUNT:
      g_value_set_uint (value, dossier_source_get_citations (self)->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_class_init (DossierSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_source_finalize;
  object_class->get_property = dossier_source_get_property;

  title_plain_quark = g_quark_from_static_string ("dossier-source-title-plain");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The title as plain, sanitized text. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The sort key of the publication date; G_MAXINT64 (last) when the
   * source gives none. */
  properties[PROP_SORT_KEY] =
    g_param_spec_int64 ("sort-key", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATION_COUNT] =
    g_param_spec_uint ("citation-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_source_init (DossierSource *self)
{
  self->kind = DOSSIER_SOURCE_OTHER;
  self->excerpt = dossier_blocks_new ();
  self->citations = g_ptr_array_new ();
}

const char *
dossier_source_kind_to_string (DossierSourceKind kind)
{
  if ((guint)kind >= G_N_ELEMENTS (source_kinds))
    return NULL;

  return source_kinds[kind].word;
}

gboolean
dossier_source_kind_from_string (const char        *str,
                                 DossierSourceKind *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (source_kinds); i++)
    {
      if (g_strcmp0 (str, source_kinds[i].word) == 0)
        {
          if (out != NULL)
            *out = (DossierSourceKind)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_source_kind_get_label (DossierSourceKind kind)
{
  if ((guint)kind >= G_N_ELEMENTS (source_kinds))
    return NULL;

  return _(source_kinds[kind].label);
}

const char *
dossier_reliability_get_label (char code)
{
  if (code < 'A' || code > 'F')
    return NULL;

  return _(reliability_labels[code - 'A']);
}

const char *
dossier_credibility_get_label (guint code)
{
  if (code < 1 || code > G_N_ELEMENTS (credibility_labels))
    return NULL;

  return _(credibility_labels[code - 1]);
}

DossierSource *
dossier_source_new_empty (void)
{
  DossierSource *self = g_object_new (DOSSIER_TYPE_SOURCE, NULL);

  self->authors = g_new0 (char *, 1);
  return self;
}

const char *
dossier_source_get_id (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->id;
}

DossierSourceKind
dossier_source_get_kind (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), DOSSIER_SOURCE_OTHER);

  return self->kind;
}

guint
dossier_source_get_line (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->line;
}

char
dossier_source_get_reliability (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->reliability;
}

guint
dossier_source_get_credibility (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->credibility;
}

const DossierInline *
dossier_source_get_title (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
dossier_source_get_publisher (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->publisher;
}

const char * const *
dossier_source_get_authors (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), empty_strv);

  if (self->authors == NULL)
    return empty_strv;

  return (const char * const *)self->authors;
}

const DossierDate *
dossier_source_get_published (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->published;
}

const DossierDate *
dossier_source_get_accessed (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->accessed;
}

const char *
dossier_source_get_url (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->url;
}

const char *
dossier_source_get_archived_url (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->archived_url;
}

GPtrArray *
dossier_source_get_excerpt (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  if (self->excerpt == NULL)
    self->excerpt = dossier_blocks_new ();

  return self->excerpt;
}

GPtrArray *
dossier_source_get_citations (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  if (self->citations == NULL)
    self->citations = g_ptr_array_new ();

  return self->citations;
}
