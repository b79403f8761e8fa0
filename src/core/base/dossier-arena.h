/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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
/* A GPtrArray holding @n_items (copied from @items), with no free func:
 * unreffed when the arena goes. */
GPtrArray     *dossier_arena_new_array    (DossierArena       *arena,
                                           gpointer           *items,
                                           guint               n_items);

G_END_DECLS
