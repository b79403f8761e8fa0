/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The builder API of the model: how a case is built, not how it is read.
 *
 * The loader (src/core/load) builds a case through this header and only
 * through it: it takes the empty objects of the constructors below and
 * fills their instance structs field by field, putting everything small
 * in the case's arena, because a setter per field would cost more than
 * the parse on a large case. The model's own class files read the same
 * structs; tests that build a case by hand use it too, and so does the
 * one door that opens a STIX bundle (src/core/interchange), to say which
 * file the case came from. Everything else (search, export, the command
 * line, the GUI) reads a case through the public getters of the class
 * headers and never includes this one. */

#include "dossier-arena.h"
#include "dossier-case.h"

G_BEGIN_DECLS

/* For a case built from another file than its case file (a STIX bundle
 * turned into one), the SHA-256 and size of that file, which exports
 * and the window show as the case file's. */
void           dossier_case_set_file_digest (DossierCase        *dcase,
                                             const char         *sha256,
                                             gsize               size);

/* A node of @kind in @arena, zeroed. */
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
