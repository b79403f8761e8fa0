/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-views.h"

#include "dossier-breach-view.h"
#include "dossier-notes-view.h"
#include "dossier-overview-view.h"
#include "dossier-reactions-view.h"
#include "dossier-release-view.h"
#include "dossier-sources-view.h"
#include "dossier-threat-view.h"
#include "dossier-timeline-view.h"
#include "dossier-view.h"

static GType (* const view_types[]) (void) = {
  dossier_overview_view_get_type,
  dossier_breach_view_get_type,
  dossier_threat_view_get_type,
  dossier_reactions_view_get_type,
  dossier_release_view_get_type,
  dossier_sources_view_get_type,
  dossier_notes_view_get_type,
  dossier_timeline_view_get_type,
};

G_STATIC_ASSERT (G_N_ELEMENTS (view_types) == DOSSIER_N_VIEWS);

GType
dossier_views_get_type_at (guint index)
{
  g_return_val_if_fail (index < DOSSIER_N_VIEWS, G_TYPE_INVALID);

  return view_types[index] ();
}

const char * const *
dossier_views_get_names (void)
{
  static const char *names[DOSSIER_N_VIEWS + 1];
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < DOSSIER_N_VIEWS; i++)
        names[i] = dossier_view_type_get_name (view_types[i] ());
      g_once_init_leave (&filled, 1);
    }

  return names;
}
