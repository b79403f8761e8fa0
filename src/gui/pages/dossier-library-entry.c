/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-entry.h"

#include "dossier-core.h"

struct _DossierLibraryEntry
{
  GObject                  parent_instance;

  DossierLibraryEntryKind  kind;
  DossierLibraryCaseInfo  *info;
  DossierLibraryHit       *hit;
  char                    *path;
  char                    *title;
  char                    *title_key;
  char                    *folder_key;
  char                    *haystack;   /* folded title and path, made when first filtered */
  gboolean                 elsewhere;
};

G_DEFINE_FINAL_TYPE (DossierLibraryEntry, dossier_library_entry, G_TYPE_OBJECT)

static void
dossier_library_entry_finalize (GObject *object)
{
  DossierLibraryEntry *self = DOSSIER_LIBRARY_ENTRY (object);

  g_clear_pointer (&self->info, dossier_library_case_info_free);
  g_clear_pointer (&self->hit, dossier_library_hit_free);
  g_free (self->path);
  g_free (self->title);
  g_free (self->title_key);
  g_free (self->folder_key);
  g_free (self->haystack);

  G_OBJECT_CLASS (dossier_library_entry_parent_class)->finalize (object);
}

static void
dossier_library_entry_class_init (DossierLibraryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_library_entry_finalize;
}

static void
dossier_library_entry_init (DossierLibraryEntry *self)
{
}

/* The title to show: the case's, else its file name; never raw text. */
static char *
display_title (const char *title,
               const char *path)
{
  g_autofree char *basename = NULL;

  if (title != NULL && *title != '\0')
    return dossier_sanitize_display_text (title);

  basename = g_path_get_basename (path);
  return dossier_sanitize_display_text (basename);
}

static DossierLibraryEntry *
entry_new (DossierLibraryEntryKind  kind,
           const char              *path,
           const char              *title)
{
  DossierLibraryEntry *self = g_object_new (DOSSIER_TYPE_LIBRARY_ENTRY, NULL);

  self->kind = kind;
  self->path = g_strdup (path);
  self->title = display_title (title, path);

  return self;
}

DossierLibraryEntry *
dossier_library_entry_new_case (DossierLibraryCaseInfo *info)
{
  DossierLibraryEntry *self;
  g_autofree char *folded_title = NULL;

  g_return_val_if_fail (info != NULL && info->path != NULL, NULL);

  self = entry_new (DOSSIER_LIBRARY_ENTRY_CASE, info->path, info->title);
  self->info = info;

  folded_title = g_utf8_casefold (self->title, -1);
  self->title_key = g_utf8_collate_key (folded_title, -1);
  /* Folders sort by their bytes: a collation key for every path would
   * cost more than the rest of the entry. */
  self->folder_key = g_path_get_dirname (info->path);

  return self;
}

DossierLibraryEntry *
dossier_library_entry_new_header (const DossierLibraryHit *hit)
{
  g_return_val_if_fail (hit != NULL && hit->path != NULL, NULL);

  return entry_new (DOSSIER_LIBRARY_ENTRY_HEADER, hit->path, hit->case_title);
}

DossierLibraryEntry *
dossier_library_entry_new_hit (DossierLibraryHit *hit)
{
  DossierLibraryEntry *self;

  g_return_val_if_fail (hit != NULL && hit->path != NULL, NULL);

  self = entry_new (DOSSIER_LIBRARY_ENTRY_HIT, hit->path, hit->case_title);
  self->hit = hit;

  return self;
}

DossierLibraryEntryKind
dossier_library_entry_get_kind (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), DOSSIER_LIBRARY_ENTRY_CASE);

  return self->kind;
}

const char *
dossier_library_entry_get_path (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), NULL);

  return self->path;
}

const char *
dossier_library_entry_get_title (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), NULL);

  return self->title;
}

const DossierLibraryCaseInfo *
dossier_library_entry_get_case_info (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), NULL);

  return self->info;
}

const DossierLibraryHit *
dossier_library_entry_get_hit (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), NULL);

  return self->hit;
}

const char *
dossier_library_entry_get_title_key (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), "");

  return self->title_key != NULL ? self->title_key : "";
}

const char *
dossier_library_entry_get_folder_key (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), "");

  return self->folder_key != NULL ? self->folder_key : "";
}

const char *
dossier_library_entry_get_updated (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), "");

  return self->info != NULL && self->info->updated != NULL ? self->info->updated : "";
}

void
dossier_library_entry_set_elsewhere (DossierLibraryEntry *self,
                                     gboolean             elsewhere)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self));

  self->elsewhere = elsewhere;
}

gboolean
dossier_library_entry_is_elsewhere (DossierLibraryEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), FALSE);

  return self->elsewhere;
}

gboolean
dossier_library_entry_matches (DossierLibraryEntry *self,
                               const char          *folded_words)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_ENTRY (self), FALSE);

  if (folded_words == NULL || *folded_words == '\0')
    return TRUE;
  if (self->info == NULL)
    return FALSE;
  if (self->haystack == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", self->title, self->path, NULL);

      self->haystack = g_utf8_casefold (joined, -1);
    }

  words = g_strsplit_set (folded_words, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}
