/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-pg.h"

#include <glib/gi18n-lib.h>

/* The team library on PostgreSQL (being written). */

struct _DossierLibraryPg
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierLibraryPg, dossier_library_pg, G_TYPE_OBJECT)

DossierLibraryPg *
dossier_library_pg_open (const char  *conninfo,
                         GError     **error)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION,
               _("The team library cannot be reached"));
  return NULL;
}

gboolean
dossier_library_pg_init_schema (const char  *conninfo,
                                char       **out_report,
                                GError     **error)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION,
               _("The team library cannot be reached"));
  return FALSE;
}

static void
dossier_library_pg_class_init (DossierLibraryPgClass *klass)
{
}

static void
dossier_library_pg_init (DossierLibraryPg *self)
{
}
