/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-note.h"

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierNote, dossier_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_TAGS,
  PROP_TAGS_TEXT,
  PROP_SORT_KEY,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark title_plain_quark;
static GQuark tags_text_quark;

static const char * const empty_strv[] = { NULL };

/* Plain, sanitized title, computed once: the notes list sorts and filters
 * on it for every row, and a case may hold 100,000 notes. */
static const char *
dossier_note_get_title_plain (DossierNote *self)
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

static const char *
dossier_note_get_tags_text (DossierNote *self)
{
  char *text = g_object_get_qdata (G_OBJECT (self), tags_text_quark);

  if (text == NULL)
    {
      g_autofree char *raw = g_strjoinv (" ", (GStrv)dossier_note_get_tags (self));

      text = dossier_sanitize_display_text (raw);
      g_object_set_qdata_full (G_OBJECT (self), tags_text_quark, text, g_free);
    }

  return text;
}

static void
dossier_note_finalize (GObject *object)
{
  DossierNote *self = (DossierNote *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->author, g_free);
      g_clear_pointer (&self->tags, g_strfreev);
      g_clear_pointer (&self->about, g_strfreev);
      g_clear_pointer (&self->title, dossier_inline_free);
    }

  g_clear_pointer (&self->created, dossier_date_free);
  g_clear_pointer (&self->body, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_note_parent_class)->finalize (object);
}

static void
dossier_note_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierNote *self = DOSSIER_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, dossier_note_get_title_plain (self));
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, dossier_note_get_tags (self));
      break;

    case PROP_TAGS_TEXT:
      g_value_set_string (value, dossier_note_get_tags_text (self));
      break;

    case PROP_SORT_KEY:
      g_value_set_int64 (value,
                         self->created != NULL
                         ? dossier_date_get_sort_key (self->created)
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
dossier_note_class_init (DossierNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_note_finalize;
  object_class->get_property = dossier_note_get_property;

  title_plain_quark = g_quark_from_static_string ("dossier-note-title-plain");
  tags_text_quark = g_quark_from_static_string ("dossier-note-tags-text");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The title as plain, sanitized text. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The tags joined by single spaces, for a string filter. */
  properties[PROP_TAGS_TEXT] =
    g_param_spec_string ("tags-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The sort key of the creation date; G_MAXINT64 (last) without one. */
  properties[PROP_SORT_KEY] =
    g_param_spec_int64 ("sort-key", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_note_init (DossierNote *self)
{
  self->body = dossier_blocks_new ();
}

DossierNote *
dossier_note_new_empty (void)
{
  DossierNote *self = g_object_new (DOSSIER_TYPE_NOTE, NULL);

  self->tags = g_new0 (char *, 1);
  self->about = g_new0 (char *, 1);
  return self;
}

const char *
dossier_note_get_id (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);

  return self->id;
}

guint
dossier_note_get_line (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), 0);

  return self->line;
}

const DossierDate *
dossier_note_get_created (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);

  return self->created;
}

const char *
dossier_note_get_author (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);

  return self->author;
}

const char * const *
dossier_note_get_tags (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), empty_strv);

  if (self->tags == NULL)
    return empty_strv;

  return (const char * const *)self->tags;
}

const char * const *
dossier_note_get_about (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), empty_strv);

  if (self->about == NULL)
    return empty_strv;

  return (const char * const *)self->about;
}

/**
 * dossier_note_has_tag:
 * @self: a note
 * @tag: a tag word, as written in the file
 *
 * Tags are compared exactly (case matters, as in the file), so the
 * `tag:` search and the tag filter agree with what the file says.
 *
 * Returns: TRUE when @tag is one of the note's tags.
 */
gboolean
dossier_note_has_tag (DossierNote *self,
                      const char  *tag)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), FALSE);

  if (tag == NULL || self->tags == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *)self->tags, tag);
}

const DossierInline *
dossier_note_get_title (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);

  return self->title;
}

GPtrArray *
dossier_note_get_body (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);

  if (self->body == NULL)
    self->body = dossier_blocks_new ();

  return self->body;
}
