/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-records.h"

DossierLibraryItem *
dossier_library_item_new (void)
{
  DossierLibraryItem *item = g_new0 (DossierLibraryItem, 1);

  item->item_index = -1;
  item->fields = g_ptr_array_new_with_free_func (g_free);
  item->tags = g_ptr_array_new_with_free_func (g_free);
  item->authors = g_ptr_array_new_with_free_func (g_free);
  item->cites = g_ptr_array_new_with_free_func (g_free);
  return item;
}

void
dossier_library_item_free (DossierLibraryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->item_id);
  g_free (item->title);
  g_ptr_array_unref (item->fields);
  g_ptr_array_unref (item->tags);
  g_ptr_array_unref (item->authors);
  g_ptr_array_unref (item->cites);
  g_free (item->date);
  g_free (item);
}

void
dossier_library_stamp_clear (DossierLibraryStamp *stamp)
{
  g_clear_pointer (&stamp->sha256, g_free);
}

void
dossier_library_case_info_free (DossierLibraryCaseInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  dossier_library_stamp_clear (&info->stamp);
  g_free (info->case_id);
  g_free (info->title);
  g_free (info->status);
  g_free (info->updated);
  g_free (info->problem);
  g_clear_pointer (&info->bytes, g_bytes_unref);
  g_free (info);
}

void
dossier_library_hit_free (DossierLibraryHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->path);
  g_free (hit->case_title);
  g_free (hit->item_id);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

DossierLibraryCaseInfo *
dossier_library_case_info_copy (const DossierLibraryCaseInfo *info)
{
  DossierLibraryCaseInfo *copy = g_memdup2 (info, sizeof *info);

  copy->path = g_strdup (info->path);
  copy->stamp.sha256 = g_strdup (info->stamp.sha256);
  copy->case_id = g_strdup (info->case_id);
  copy->title = g_strdup (info->title);
  copy->status = g_strdup (info->status);
  copy->updated = g_strdup (info->updated);
  copy->problem = g_strdup (info->problem);
  copy->bytes = info->bytes != NULL ? g_bytes_ref (info->bytes) : NULL;
  return copy;
}
