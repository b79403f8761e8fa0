/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-core.h"
#include "dossier-library-client.h"
#include "dossier-search-panel.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* The application every widget test drives (NON_UNIQUE, own recent list,
 * animations off so panels appear at once). */
extern DossierApplication *app;

typedef gboolean (*Condition) (gpointer data);

void           setup_application (int          *argc,
                                  char       ***argv);
/* Iterates the main context until @condition holds, for at most 30 s
 * (two minutes under AddressSanitizer); FALSE on timeout. Never a fixed
 * sleep. */
gboolean       wait_until        (Condition     condition,
                                  gpointer      data);
gboolean       window_settled    (gpointer      window);
/* wait_until(), failing the test when @condition never holds. */
void           wait_for          (Condition     condition,
                                  gpointer      data);
/* Runs what is ready, then waits until every shown window has painted
 * two more frames, so that lazily built widgets are laid out. */
void           settle            (void);
/* @relative inside the source tree ($DOSSIER_SOURCE_ROOT). */
char          *case_path         (const char   *relative);
/* Opens @relative in a window at @view (NULL for the default) and waits
 * until it is shown. */
DossierWindow *open_case         (const char   *relative,
                                  const char   *view);
/* Everything a reader sees in @widget right now, one label a line. */
char          *shown_text        (GtkWidget    *widget);
/* Waits until @widget shows @needle (panels are laid out on the next
 * frame); on timeout the caller's assertion shows what is there. */
void           wait_for_text     (GtkWidget    *widget,
                                  const char   *needle);
void           close_all_windows (void);
/* The first widget of @type at or below @widget, or NULL. */
GtkWidget     *find_first_of_type (GtkWidget    *widget,
                                  GType         type);
/* The first widget at or below @widget that a reveal highlights (the
 * "highlighted" style class), or NULL. */
GtkWidget     *find_highlighted  (GtkWidget    *widget);

/* For wait_until (search_panel_answered, &wait): the panel is done with
 * @query (it shows what belongs to it). */
typedef struct
{
  DossierSearchPanel *panel;
  const char         *query;
} PanelWait;

gboolean       search_panel_answered (gpointer  data);

#define assert_shows(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("expected to see “%s” in:\n%s", (needle), (text)); \
  } G_STMT_END

/* How many times longer than usual things may take here: 4 under
 * AddressSanitizer, else 1. For the few bounds a test must set on
 * time, such as "the main loop never stopped for a second". */
guint          time_scale         (void);

/* Copies the case file at @relative (from the source root) into
 * @folder under its own name; returns the copy's path. */
char          *copy_case_into     (const char           *relative,
                                   const char           *folder);

/* Adds @folder to @client's library and iterates until that is done
 * (the update it starts may still run). */
void           add_library_folder (DossierLibraryClient *client,
                                   const char           *folder);

G_END_DECLS
