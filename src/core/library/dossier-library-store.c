/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-store.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (dossier-library-error-quark, dossier_library_error)

G_DEFINE_INTERFACE (DossierLibraryStore, dossier_library_store, G_TYPE_OBJECT)

static void
dossier_library_store_default_init (DossierLibraryStoreInterface *iface)
{
}

gboolean
dossier_library_store_add_folder (DossierLibraryStore  *self,
                                  const char           *path,
                                  GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->add_folder (self, path, error);
}

gboolean
dossier_library_store_remove_folder (DossierLibraryStore  *self,
                                     const char           *path,
                                     GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->remove_folder (self, path, error);
}

GStrv
dossier_library_store_list_folders (DossierLibraryStore  *self,
                                    GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), NULL);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->list_folders (self, error);
}

gboolean
dossier_library_store_get_stamp (DossierLibraryStore *self,
                                 const char          *path,
                                 DossierLibraryStamp *stamp)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && stamp != NULL, FALSE);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->get_stamp (self, path, stamp);
}

gboolean
dossier_library_store_touch_case (DossierLibraryStore        *self,
                                  const char                 *path,
                                  const DossierLibraryStamp  *stamp,
                                  GError                    **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && stamp != NULL, FALSE);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->touch_case (self, path, stamp, error);
}

gboolean
dossier_library_store_put_case (DossierLibraryStore           *self,
                                const DossierLibraryCaseInfo  *info,
                                GPtrArray                     *items,
                                GError                       **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL && info->path != NULL, FALSE);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->put_case (self, info, items, error);
}

gboolean
dossier_library_store_remove_case (DossierLibraryStore  *self,
                                   const char           *path,
                                   GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->remove_case (self, path, error);
}

GPtrArray *
dossier_library_store_list_cases (DossierLibraryStore  *self,
                                  GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), NULL);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->list_cases (self, error);
}

GPtrArray *
dossier_library_store_search (DossierLibraryStore  *self,
                              DossierSearchQuery   *query,
                              guint                 max_results,
                              GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return DOSSIER_LIBRARY_STORE_GET_IFACE (self)->search (self, query, max_results, error);
}

gboolean
dossier_library_store_begin_batch (DossierLibraryStore  *self,
                                   GError              **error)
{
  DossierLibraryStoreInterface *iface;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);

  iface = DOSSIER_LIBRARY_STORE_GET_IFACE (self);
  return iface->begin_batch == NULL || iface->begin_batch (self, error);
}

gboolean
dossier_library_store_end_batch (DossierLibraryStore  *self,
                                 GError              **error)
{
  DossierLibraryStoreInterface *iface;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);

  iface = DOSSIER_LIBRARY_STORE_GET_IFACE (self);
  return iface->end_batch == NULL || iface->end_batch (self, error);
}

gboolean
dossier_library_store_is_read_only (DossierLibraryStore *self)
{
  DossierLibraryStoreInterface *iface;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);

  iface = DOSSIER_LIBRARY_STORE_GET_IFACE (self);
  return iface->is_read_only != NULL && iface->is_read_only (self);
}

gboolean
dossier_library_store_is_shared (DossierLibraryStore *self)
{
  DossierLibraryStoreInterface *iface;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), FALSE);

  iface = DOSSIER_LIBRARY_STORE_GET_IFACE (self);
  return iface->is_shared != NULL && iface->is_shared (self);
}

GBytes *
dossier_library_store_get_case_file (DossierLibraryStore  *self,
                                     const char           *path,
                                     char                **out_sha256,
                                     GError              **error)
{
  DossierLibraryStoreInterface *iface;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  iface = DOSSIER_LIBRARY_STORE_GET_IFACE (self);
  if (iface->get_case_file == NULL)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("This library keeps no case files"));
      return NULL;
    }
  return iface->get_case_file (self, path, out_sha256, error);
}
