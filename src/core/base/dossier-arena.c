/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-arena.h"

#include <string.h>

/* Chunks grow from the first size to the last, so a small case takes
 * little and a large one few chunks. */
#define ARENA_FIRST_CHUNK (16 * 1024)
#define ARENA_LAST_CHUNK  (1024 * 1024)
#define ARENA_ALIGN       ((gsize) 8)

typedef struct _ArenaChunk ArenaChunk;

struct _ArenaChunk
{
  ArenaChunk *next;
  gsize       pad;      /* keeps the data 16-byte aligned */
};

struct _DossierArena
{
  gatomicrefcount  ref_count;
  char            *pos;        /* the next free byte of the current chunk */
  char            *end;
  ArenaChunk      *chunks;     /* newest first */
  gsize            next_size;
  GPtrArray       *arrays;     /* children arrays, unreffed at the end */
};

G_STATIC_ASSERT (sizeof (ArenaChunk) % 16 == 0);

DossierArena *
dossier_arena_new (void)
{
  DossierArena *arena = g_new0 (DossierArena, 1);

  g_atomic_ref_count_init (&arena->ref_count);
  arena->next_size = ARENA_FIRST_CHUNK;
  arena->arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return arena;
}

DossierArena *
dossier_arena_ref (DossierArena *arena)
{
  g_return_val_if_fail (arena != NULL, NULL);

  g_atomic_ref_count_inc (&arena->ref_count);
  return arena;
}

void
dossier_arena_unref (DossierArena *arena)
{
  ArenaChunk *chunk;

  g_return_if_fail (arena != NULL);

  if (!g_atomic_ref_count_dec (&arena->ref_count))
    return;

  g_ptr_array_unref (arena->arrays);

  chunk = arena->chunks;
  while (chunk != NULL)
    {
      ArenaChunk *next = chunk->next;

      g_free (chunk);
      chunk = next;
    }

  g_free (arena);
}

static gpointer
arena_alloc_slow (DossierArena *arena,
                  gsize         size)
{
  ArenaChunk *chunk;
  gsize chunk_size;

  /* Strings come unaligned; keep the room for aligned blocks. */
  size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);

  /* A big block gets a chunk of its own, behind the current one, so the
   * room left in the current one is not lost. */
  if (size > ARENA_LAST_CHUNK / 4)
    {
      chunk = g_malloc0 (sizeof (ArenaChunk) + size);
      if (arena->chunks != NULL)
        {
          chunk->next = arena->chunks->next;
          arena->chunks->next = chunk;
        }
      else
        arena->chunks = chunk;
      return (char *) chunk + sizeof (ArenaChunk);
    }

  chunk_size = MAX (arena->next_size, sizeof (ArenaChunk) + size);
  if (arena->next_size < ARENA_LAST_CHUNK)
    arena->next_size *= 2;

  chunk = g_malloc0 (chunk_size);
  chunk->next = arena->chunks;
  arena->chunks = chunk;
  arena->pos = (char *) chunk + sizeof (ArenaChunk) + size;
  arena->end = (char *) chunk + chunk_size;
  return (char *) chunk + sizeof (ArenaChunk);
}

gpointer
dossier_arena_alloc (DossierArena *arena,
                     gsize         size)
{
  char *block = (char *) (((guintptr) arena->pos + ARENA_ALIGN - 1) & ~(guintptr) (ARENA_ALIGN - 1));

  if (G_UNLIKELY (block > arena->end || (gsize) (arena->end - block) < size))
    return arena_alloc_slow (arena, size);

  arena->pos = block + size;
  return block;
}

/* Strings need no alignment: a million short ones waste no padding. */
static char *
arena_alloc_chars (DossierArena *arena,
                   gsize         size)
{
  char *block = arena->pos;

  if (G_UNLIKELY ((gsize) (arena->end - block) < size))
    return arena_alloc_slow (arena, size);

  arena->pos = block + size;
  return block;
}

char *
dossier_arena_strndup (DossierArena *arena,
                       const char   *str,
                       gsize         length)
{
  char *copy = arena_alloc_chars (arena, length + 1);

  memcpy (copy, str, length);
  copy[length] = '\0';
  return copy;
}

char *
dossier_arena_strdup (DossierArena *arena,
                      const char   *str)
{
  if (str == NULL)
    return NULL;

  return dossier_arena_strndup (arena, str, strlen (str));
}

GPtrArray *
dossier_arena_new_array (DossierArena *arena,
                         gpointer     *items,
                         guint         n_items)
{
  GPtrArray *array = g_ptr_array_sized_new (n_items);

  g_ptr_array_set_size (array, n_items);
  memcpy (array->pdata, items, n_items * sizeof (gpointer));
  g_ptr_array_add (arena->arrays, array);
  return array;
}
