/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-result.h"

#include "dossier-library-snippet.h"
#include "dossier-text-safety.h"

struct _DossierLibraryResult
{
  GObject            parent_instance;

  gboolean           is_case;
  gboolean           is_open_case;
  char              *path;
  char              *file_name;
  char              *case_title;
  guint              n_hits;

  DossierLibraryHit *hit;
  char              *title;
  char              *snippet;
  GArray            *snippet_marks;
  GArray            *title_marks;
};

G_DEFINE_FINAL_TYPE (DossierLibraryResult, dossier_library_result, G_TYPE_OBJECT)

/* Text from the library is the case's text as written: like in-case
 * search's, it is shown without bidi overrides, invisible or control
 * characters. NULL stays NULL. */
static char *
sanitize (const char *text)
{
  return text != NULL ? dossier_sanitize_display_text (text) : NULL;
}

static char *
safe_file_name (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  return sanitize (name);
}

static void
add_terms (GStrvBuilder *builder,
           GHashTable   *seen,
           const char   *text,
           GArray       *marks)
{
  for (guint i = 0; i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);
      char *term = g_strndup (text + range->start, range->end - range->start);

      if (g_hash_table_add (seen, term))
        g_strv_builder_add (builder, term);
    }
}

static void
dossier_library_result_finalize (GObject *object)
{
  DossierLibraryResult *self = DOSSIER_LIBRARY_RESULT (object);

  g_free (self->path);
  g_free (self->file_name);
  g_free (self->case_title);
  g_free (self->title);
  g_clear_pointer (&self->hit, dossier_library_hit_free);
  g_free (self->snippet);
  g_clear_pointer (&self->snippet_marks, g_array_unref);
  g_clear_pointer (&self->title_marks, g_array_unref);

  G_OBJECT_CLASS (dossier_library_result_parent_class)->finalize (object);
}

static void
dossier_library_result_class_init (DossierLibraryResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_library_result_finalize;
}

static void
dossier_library_result_init (DossierLibraryResult *self)
{
  self->snippet_marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  self->title_marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
}

DossierLibraryResult *
dossier_library_result_new_case (const char *path,
                                 const char *case_title,
                                 gboolean    is_open_case,
                                 guint       n_hits)
{
  DossierLibraryResult *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_RESULT, NULL);
  self->is_case = TRUE;
  self->is_open_case = is_open_case;
  self->path = g_strdup (path);
  self->file_name = safe_file_name (path);
  self->case_title = sanitize (case_title);
  self->n_hits = n_hits;
  self->snippet = g_strdup ("");
  return self;
}

DossierLibraryResult *
dossier_library_result_new_hit (DossierLibraryHit *hit,
                                gboolean           is_open_case)
{
  DossierLibraryResult *self;

  g_return_val_if_fail (hit != NULL && hit->path != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_RESULT, NULL);
  self->is_open_case = is_open_case;
  self->path = g_strdup (hit->path);
  self->file_name = safe_file_name (hit->path);
  self->case_title = sanitize (hit->case_title);
  self->title = sanitize (hit->title);
  self->snippet = dossier_library_snippet_parse (hit->snippet, self->snippet_marks);
  self->hit = hit;
  dossier_library_snippet_split_title (self->title, &self->snippet,
                                       self->snippet_marks, self->title_marks);
  return self;
}

DossierLibraryResult *
dossier_library_result_new_search_hit (const char             *path,
                                       const char             *case_title,
                                       const DossierSearchHit *hit)
{
  DossierLibraryResult *self;
  DossierLibraryHit *copy;

  g_return_val_if_fail (path != NULL && hit != NULL, NULL);

  copy = g_new0 (DossierLibraryHit, 1);
  copy->path = g_strdup (path);
  copy->case_title = g_strdup (case_title);
  copy->section = hit->section;
  copy->item_id = g_strdup (hit->item_id);
  copy->item_index = hit->item_index;
  copy->title = g_strdup (hit->title);

  /* In-case search's text is already safe to show, its marks in place. */
  self = g_object_new (DOSSIER_TYPE_LIBRARY_RESULT, NULL);
  self->is_open_case = TRUE;
  self->path = g_strdup (path);
  self->file_name = safe_file_name (path);
  self->case_title = sanitize (case_title);
  self->title = g_strdup (hit->title);
  self->snippet = g_strdup (hit->snippet != NULL ? hit->snippet : "");
  if (hit->title_marks != NULL)
    g_array_append_vals (self->title_marks, hit->title_marks->data, hit->title_marks->len);
  if (hit->snippet_marks != NULL)
    g_array_append_vals (self->snippet_marks, hit->snippet_marks->data, hit->snippet_marks->len);
  self->hit = copy;
  return self;
}

gboolean
dossier_library_result_is_case (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), FALSE);

  return self->is_case;
}

gboolean
dossier_library_result_is_open_case (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), FALSE);

  return self->is_open_case;
}

const char *
dossier_library_result_get_path (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->path;
}

const char *
dossier_library_result_get_file_name (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->file_name;
}

const char *
dossier_library_result_get_title (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->title;
}

const char *
dossier_library_result_get_case_title (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->case_title;
}

guint
dossier_library_result_get_n_hits (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), 0);

  return self->n_hits;
}

const DossierLibraryHit *
dossier_library_result_get_hit (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->hit;
}

const char *
dossier_library_result_get_snippet (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->snippet;
}

GArray *
dossier_library_result_get_snippet_marks (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->snippet_marks;
}

GArray *
dossier_library_result_get_title_marks (DossierLibraryResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  return self->title_marks;
}

GStrv
dossier_library_result_dup_terms (DossierLibraryResult *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_RESULT (self), NULL);

  if (self->title != NULL)
    add_terms (builder, seen, self->title, self->title_marks);
  add_terms (builder, seen, self->snippet, self->snippet_marks);

  return g_strv_builder_end (builder);
}
