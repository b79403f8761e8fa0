/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Instance structs of the model, shared inside src/core only: the loader
 * fills them, the class files read them. Nothing outside src/core
 * includes this header. */

#include "dossier-case.h"

G_BEGIN_DECLS

/* Where the loader puts everything small a case holds: inline trees,
 * paragraphs, places, strings, string arrays. A bump allocator freed at
 * once: a large case holds millions of these, and a malloc and a free
 * each cost more than the parse. Reference counted: the case and every
 * object it built hold a reference, so an object that outlives its case
 * keeps its text.
 *
 * An object whose arena is set owns none of those things one by one: its
 * finalize frees only what is not in the arena (dates, GObjects, the
 * arrays themselves, which the loader gives no free func). Objects built
 * by hand (arena NULL) own their strings, trees and paragraphs as
 * before. */
typedef struct _DossierArena DossierArena;

DossierArena  *dossier_arena_new          (void);
DossierArena  *dossier_arena_ref          (DossierArena       *arena);
void           dossier_arena_unref        (DossierArena       *arena);
/* @size bytes, zeroed, aligned for any field of the model's structs. */
gpointer       dossier_arena_alloc        (DossierArena       *arena,
                                           gsize               size);
/* A NUL-terminated copy of @length bytes of @str. */
char          *dossier_arena_strndup      (DossierArena       *arena,
                                           const char         *str,
                                           gsize               length);
/* NULL for NULL. */
char          *dossier_arena_strdup       (DossierArena       *arena,
                                           const char         *str);
DossierInline *dossier_arena_new_inline   (DossierArena       *arena,
                                           DossierInlineKind   kind);
/* A children array for a node of the arena holding @n_children (copied
 * from @children): no free func, unreffed when the arena goes. */
GPtrArray     *dossier_arena_new_children (DossierArena       *arena,
                                           DossierInline     **children,
                                           guint               n_children);

struct _DossierEntity
{
  GObject            parent_instance;
  DossierArena       *arena;   /* NULL when built by hand */
  char              *id;
  DossierEntityKind  kind;
  guint              line;
  char              *name;
  GStrv              aliases;     /* never NULL */
  char              *role;
  GPtrArray         *description; /* of DossierParagraph */
  GPtrArray         *mentions;    /* of DossierPlace, borrowed from case->mentions */
};

struct _DossierSource
{
  GObject             parent_instance;
  DossierArena        *arena;   /* NULL when built by hand */
  char               *id;
  DossierSourceKind   kind;
  guint               line;
  char                reliability;
  guint               credibility;
  DossierInline      *title;
  char               *publisher;
  GStrv               authors;    /* never NULL */
  DossierDate        *published;
  DossierDate        *accessed;
  char               *url;
  char               *archived_url;
  GPtrArray          *excerpt;    /* of DossierParagraph */
  GPtrArray          *citations;  /* of DossierPlace, borrowed from case->citations */
};

struct _DossierHypothesis
{
  GObject           parent_instance;
  DossierArena      *arena;   /* NULL when built by hand */
  char             *id;
  guint             line;
  char             *actor;
  DossierCertainty  certainty;
  DossierInline    *statement;
  GPtrArray        *evidence;     /* of DossierEvidence */
};

struct _DossierBreach
{
  GObject         parent_instance;
  DossierArena    *arena;   /* NULL when built by hand */
  guint           line;
  char           *victim;
  char           *claimed_by;
  DossierDate    *began;
  DossierDate    *discovered;
  DossierDate    *disclosed;
  DossierInline  *method;
  GPtrArray      *summary;        /* of DossierParagraph */
  GPtrArray      *impact;         /* of DossierParagraph */
  GPtrArray      *exposed;        /* of DossierExposedItem */
  GListStore     *hypotheses;     /* of DossierHypothesis */
};

struct _DossierThreatScreen
{
  GObject         parent_instance;
  DossierArena    *arena;   /* NULL when built by hand */
  guint           line;
  DossierDate    *shown;
  DossierInline  *shown_on;
  char           *sender;
  DossierInline  *headline;
  gboolean        has_image;
  char           *image_description;
  char           *image_src;
  GFile          *image_file;
  char           *image_problem;
  GPtrArray      *message;        /* of DossierParagraph */
  DossierInline  *demand;
  DossierDate    *deadline;
  GPtrArray      *shown_links;    /* of DossierShownLink */
};

struct _DossierReaction
{
  GObject           parent_instance;
  DossierArena      *arena;   /* NULL when built by hand */
  char             *id;
  guint             line;
  DossierDate      *date;
  char             *actor;
  char             *on_behalf_of;
  DossierInline    *channel;
  DossierStance     stance;
  DossierCertainty  certainty;
  DossierInline    *quote;
  GPtrArray        *summary;      /* of DossierParagraph */
};

struct _DossierRelease
{
  GObject               parent_instance;
  DossierArena          *arena;   /* NULL when built by hand */
  guint                 index;
  guint                 line;
  DossierDate          *date;
  DossierReleaseStatus  status;
  DossierDate          *announced;
  DossierInline        *market;
  DossierCertainty      certainty;
  GPtrArray            *summary;  /* of DossierParagraph */
};

struct _DossierEvent
{
  GObject           parent_instance;
  DossierArena      *arena;   /* NULL when built by hand */
  char             *id;
  guint             line;
  DossierDate      *date;
  DossierInline    *title;
  DossierCertainty  certainty;
  GPtrArray        *summary;      /* of DossierParagraph */
};

struct _DossierNote
{
  GObject         parent_instance;
  DossierArena    *arena;   /* NULL when built by hand */
  char           *id;
  guint           line;
  DossierDate    *created;
  char           *author;
  GStrv           tags;           /* never NULL */
  GStrv           about;          /* never NULL */
  DossierInline  *title;
  GPtrArray      *body;           /* of DossierParagraph */
};

struct _DossierCase
{
  GObject              parent_instance;
  DossierArena         *arena;   /* NULL when built by hand */
  GFile               *file;
  char                *sha256;
  gsize                size;

  char                *id;
  char                *language;
  DossierCaseStatus    status;
  DossierInline       *title;
  char                *display_title;
  DossierInline       *subtitle;
  GPtrArray           *summary;   /* of DossierParagraph */
  DossierDate         *updated;

  GListStore          *entities;
  GListStore          *sources;
  DossierBreach       *breach;
  DossierThreatScreen *threat_screen;
  GListStore          *reactions;
  char                *release_work;
  gboolean             has_release_history;
  GListStore          *releases;
  GListStore          *events;
  GListStore          *notes;

  GHashTable          *by_id;     /* id -> GObject (borrowed from the stores) */
  GPtrArray           *citations; /* of DossierPlace, reading order */
  GPtrArray           *mentions;  /* of DossierPlace, reading order */
  GPtrArray           *warnings;  /* of DossierProblem */
};

/* Constructors that set every list and array to empty, never NULL. */
DossierCase         *dossier_case_new_empty          (void);
DossierEntity       *dossier_entity_new_empty        (void);
DossierSource       *dossier_source_new_empty        (void);
DossierHypothesis   *dossier_hypothesis_new_empty    (void);
DossierBreach       *dossier_breach_new_empty        (void);
DossierThreatScreen *dossier_threat_screen_new_empty (void);
DossierReaction     *dossier_reaction_new_empty      (void);
DossierRelease      *dossier_release_new_empty       (void);
DossierEvent        *dossier_event_new_empty         (void);
DossierNote         *dossier_note_new_empty          (void);

/* A new GPtrArray of DossierParagraph with the right free func. */
GPtrArray           *dossier_blocks_new              (void);

G_END_DECLS
