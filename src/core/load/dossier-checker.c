/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-checker-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Only this many dangling references get a "did you mean" suggestion:
 * each search walks every id of the right kind. */
#define MAX_SUGGESTIONS     100
/* Ids longer than this get no suggestion. */
#define MAX_SUGGESTION_LEN  128

typedef struct
{
  const char    *id;
  DossierIdKind  kind;
  GObject       *object;
  guint          line;
} IdRecord;

typedef struct
{
  DossierRefSite  site;
  guint           record;   /* index + 1 into records when known, or 0 */
  const char     *id;       /* the id's own string, or a copy in the arena */
  guint           line;
  guint           column;
  DossierPlace   *place;
} RefRecord;

/* A slot of the id table: the hash of an id and where its record is. */
typedef struct
{
  guint32 hash;
  guint32 record;           /* index + 1 into records; 0 for an empty slot */
} IdSlot;

#define FIRST_ID_SLOTS 256

struct _DossierChecker
{
  /* Open addressing, at most half full: a lookup compares hashes in one
   * small array and reads a string only when they match. A large case
   * looks up a reference for every citation and mention. */
  IdSlot       *slots;
  guint32       mask;
  GArray       *records;    /* of IdRecord, file order */
  GArray       *refs;       /* of RefRecord, file order */
  DossierArena *arena;
};

/* ------------------------------------------------------------------ */
/* Ids and references                                                  */
/* ------------------------------------------------------------------ */

gboolean
dossier_checker_id_is_valid (const char *id)
{
  if (!g_ascii_isalpha (id[0]))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

DossierChecker *
dossier_checker_new (DossierArena *arena)
{
  DossierChecker *checker = g_new0 (DossierChecker, 1);

  checker->slots = g_new0 (IdSlot, FIRST_ID_SLOTS);
  checker->mask = FIRST_ID_SLOTS - 1;
  checker->records = g_array_new (FALSE, FALSE, sizeof (IdRecord));
  checker->refs = g_array_new (FALSE, FALSE, sizeof (RefRecord));
  checker->arena = arena;
  return checker;
}

void
dossier_checker_free (DossierChecker *checker)
{
  if (checker == NULL)
    return;

  g_free (checker->slots);
  g_array_unref (checker->records);
  g_array_unref (checker->refs);
  g_free (checker);
}

static inline guint32
hash_id (const char *id)
{
  guint32 hash = 5381;

  for (const guchar *p = (const guchar *)id; *p != '\0'; p++)
    hash = hash * 33 + *p;

  /* Ids such as n-000001, n-000002 hash to neighbours: mix the bits
   * (MurmurHash3's finalizer) so they do not fill runs of slots. */
  hash ^= hash >> 16;
  hash *= 0x85ebca6bu;
  hash ^= hash >> 13;
  hash *= 0xc2b2ae35u;
  hash ^= hash >> 16;
  return hash;
}

/* The slot holding @id, or the empty slot where it would go. */
static IdSlot *
find_slot (DossierChecker *checker,
           const char     *id,
           guint32         hash)
{
  for (guint32 i = hash & checker->mask;; i = (i + 1) & checker->mask)
    {
      IdSlot *slot = &checker->slots[i];

      if (slot->record == 0)
        return slot;
      if (slot->hash == hash
          && strcmp (g_array_index (checker->records, IdRecord, slot->record - 1).id, id) == 0)
        return slot;
    }
}

static void
grow_slots (DossierChecker *checker)
{
  IdSlot *old = checker->slots;
  guint32 old_size = checker->mask + 1;

  checker->mask = old_size * 2 - 1;
  checker->slots = g_new0 (IdSlot, old_size * 2);

  for (guint32 i = 0; i < old_size; i++)
    {
      guint32 j;

      if (old[i].record == 0)
        continue;
      for (j = old[i].hash & checker->mask; checker->slots[j].record != 0; j = (j + 1) & checker->mask)
        ;
      checker->slots[j] = old[i];
    }

  g_free (old);
}

gboolean
dossier_checker_add_id (DossierChecker *checker,
                        const char     *id,
                        DossierIdKind   kind,
                        GObject        *object,
                        guint           line,
                        guint          *first_line)
{
  IdRecord record = { id, kind, object, line };
  guint32 hash = hash_id (id);
  IdSlot *slot = find_slot (checker, id, hash);

  if (slot->record != 0)
    {
      if (first_line != NULL)
        *first_line = g_array_index (checker->records, IdRecord, slot->record - 1).line;
      return FALSE;
    }

  g_array_append_val (checker->records, record);
  slot->hash = hash;
  slot->record = checker->records->len;

  if (checker->records->len * 2 > checker->mask + 1)
    grow_slots (checker);
  return TRUE;
}

const char *
dossier_checker_add_ref (DossierChecker *checker,
                         DossierRefSite  site,
                         const char     *id,
                         guint           line,
                         guint           column,
                         DossierPlace   *place)
{
  RefRecord record;
  guint found;

  g_return_val_if_fail (id != NULL, NULL);

  /* Most references come after their ids: looked up once, here, they
   * share the id's string and need no lookup at the end. The first use
   * of an id wins at the end too, so the answer is the same. */
  found = find_slot (checker, id, hash_id (id))->record;
  if (found != 0)
    {
      const char *known = g_array_index (checker->records, IdRecord, found - 1).id;

      /* A known id is anything a note may be about: nothing left to do. */
      if (site == DOSSIER_REF_ABOUT && place == NULL)
        return known;
      record.id = known;
    }
  else
    record.id = dossier_arena_strdup (checker->arena, id);
  record.site = site;
  record.record = found;
  record.line = line;
  record.column = column;
  record.place = place;
  g_array_append_val (checker->refs, record);
  return record.id;
}

static const IdRecord *
lookup_record (DossierChecker *checker,
               const char     *id)
{
  guint found = find_slot (checker, id, hash_id (id))->record;

  if (found == 0)
    return NULL;

  return &g_array_index (checker->records, IdRecord, found - 1);
}

static const char *
id_kind_phrase (DossierIdKind kind)
{
  switch (kind)
    {
    case DOSSIER_ID_CASE:
      return _("the case itself");
    case DOSSIER_ID_ENTITY:
      return _("an entity");
    case DOSSIER_ID_SOURCE:
      return _("a source");
    case DOSSIER_ID_HYPOTHESIS:
      return _("a hypothesis");
    case DOSSIER_ID_REACTION:
      return _("a reaction");
    case DOSSIER_ID_EVENT:
      return _("an event");
    case DOSSIER_ID_NOTE:
    default:
      return _("a note");
    }
}

/* What a reference must point at: a source, an entity, or anything. */
static gboolean
site_wants_source (DossierRefSite site)
{
  return site == DOSSIER_REF_CITE;
}

static gboolean
site_wants_anything (DossierRefSite site)
{
  return site == DOSSIER_REF_ABOUT;
}

/* The messages, whole, so translators see whole sentences. */
static char *
dangling_message (DossierRefSite  site,
                  const char     *id)
{
  switch (site)
    {
    case DOSSIER_REF_CITE:
      return g_strdup_printf (_("the citation refers to '%s', but no source has that id"), id);
    case DOSSIER_REF_MENTION:
      return g_strdup_printf (_("the mention refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_VICTIM:
      return g_strdup_printf (_("the victim refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_CLAIMED_BY:
      return g_strdup_printf (_("<claimed-by> refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_SENDER:
      return g_strdup_printf (_("the sender refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_HYPOTHESIS_ACTOR:
      return g_strdup_printf (_("the actor of the hypothesis refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_REACTION_ACTOR:
      return g_strdup_printf (_("the actor of the reaction refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_ON_BEHALF_OF:
      return g_strdup_printf (_("on-behalf-of refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_WORK:
      return g_strdup_printf (_("the work of the release history refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_ABOUT:
    default:
      return g_strdup_printf (_("the note is about '%s', but nothing in the case has that id"), id);
    }
}

static char *
wrong_kind_message (DossierRefSite  site,
                    const char     *id,
                    const char     *what)
{
  switch (site)
    {
    case DOSSIER_REF_CITE:
      return g_strdup_printf (_("the citation refers to '%s', which is %s, not a source"), id, what);
    case DOSSIER_REF_MENTION:
      return g_strdup_printf (_("the mention refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_VICTIM:
      return g_strdup_printf (_("the victim refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_CLAIMED_BY:
      return g_strdup_printf (_("<claimed-by> refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_SENDER:
      return g_strdup_printf (_("the sender refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_HYPOTHESIS_ACTOR:
      return g_strdup_printf (_("the actor of the hypothesis refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_REACTION_ACTOR:
      return g_strdup_printf (_("the actor of the reaction refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_ON_BEHALF_OF:
      return g_strdup_printf (_("on-behalf-of refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_WORK:
      return g_strdup_printf (_("the work of the release history refers to '%s', which is %s, not a work"), id, what);
    case DOSSIER_REF_ABOUT:
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

static gboolean
record_fits (const IdRecord *record,
             DossierRefSite  site)
{
  if (site_wants_anything (site))
    return TRUE;
  if (site_wants_source (site))
    return record->kind == DOSSIER_ID_SOURCE;
  if (record->kind != DOSSIER_ID_ENTITY)
    return FALSE;
  if (site == DOSSIER_REF_WORK)
    return DOSSIER_ENTITY (record->object)->kind == DOSSIER_ENTITY_WORK;
  return TRUE;
}

guint
dossier_checker_edit_distance (const char *a,
                               const char *b,
                               guint       limit)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  guint *row;
  guint result;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint row_min;

      row[0] = i;
      row_min = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint best = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);

          best = MIN (best, above + 1);
          best = MIN (best, row[j - 1] + 1);
          row[j] = best;
          diagonal = above;
          row_min = MIN (row_min, best);
        }

      if (row_min > limit)
        {
          g_free (row);
          return limit + 1;
        }
    }

  result = row[lb];
  g_free (row);
  return MIN (result, limit + 1);
}

/* The id of the right kind closest to @id, within 2 edits. */
static const char *
suggest (DossierChecker *checker,
         const char     *id,
         DossierRefSite  site)
{
  const char *best = NULL;
  guint best_distance = 3;

  if (strlen (id) > MAX_SUGGESTION_LEN)
    return NULL;

  for (guint i = 0; i < checker->records->len; i++)
    {
      const IdRecord *record = &g_array_index (checker->records, IdRecord, i);
      guint distance;

      if (!record_fits (record, site))
        continue;

      distance = dossier_checker_edit_distance (id, record->id, 2);
      if (distance < best_distance)
        {
          best = record->id;
          best_distance = distance;
        }
    }

  return best;
}

void
dossier_checker_resolve (DossierChecker      *checker,
                         DossierLoadProblems *problems)
{
  guint n_suggestions = 0;

  for (guint i = 0; i < checker->refs->len; i++)
    {
      const RefRecord *ref = &g_array_index (checker->refs, RefRecord, i);
      const IdRecord *record = ref->record != 0
                               ? &g_array_index (checker->records, IdRecord, ref->record - 1)
                               : lookup_record (checker, ref->id);

      if (record == NULL)
        {
          g_autofree char *message = NULL;
          const char *suggestion = NULL;

          if (dossier_load_problems_full (problems))
            {
              dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column, "-");
              continue;
            }

          if (n_suggestions < MAX_SUGGESTIONS)
            {
              n_suggestions++;
              suggestion = suggest (checker, ref->id, ref->site);
            }

          message = dangling_message (ref->site, ref->id);
          if (suggestion != NULL)
            dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column,
                                       _("%s; did you mean '%s'?"), message, suggestion);
          else
            dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column,
                                       "%s", message);
          continue;
        }

      if (!record_fits (record, ref->site))
        {
          g_autofree char *what = NULL;
          g_autofree char *message = NULL;

          if (record->kind == DOSSIER_ID_ENTITY && ref->site == DOSSIER_REF_WORK)
            what = g_strdup_printf (_("an entity of kind %s"),
                                    dossier_entity_kind_to_string (DOSSIER_ENTITY (record->object)->kind));
          else
            what = g_strdup (id_kind_phrase (record->kind));

          message = wrong_kind_message (ref->site, ref->id, what);
          dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column,
                                     "%s", message);
          continue;
        }

      if (ref->place == NULL)
        continue;

      if (record->kind == DOSSIER_ID_SOURCE)
        g_ptr_array_add (DOSSIER_SOURCE (record->object)->citations, ref->place);
      else if (record->kind == DOSSIER_ID_ENTITY)
        g_ptr_array_add (DOSSIER_ENTITY (record->object)->mentions, ref->place);
    }
}

/* ------------------------------------------------------------------ */
/* Warnings                                                            */
/* ------------------------------------------------------------------ */

static void
add_warning (DossierCase    *dcase,
             guint           line,
             DossierSection  section,
             const char     *item_id,
             char           *message)
{
  DossierProblem *problem = dossier_problem_new (line, 0, message);

  problem->section = section;
  problem->item_id = g_strdup (item_id);
  g_ptr_array_add (dcase->warnings, problem);
  g_free (message);
}

void
dossier_checker_add_warnings (DossierChecker *checker,
                              DossierCase    *dcase)
{
  for (guint i = 0; i < checker->records->len; i++)
    {
      const IdRecord *record = &g_array_index (checker->records, IdRecord, i);

      switch (record->kind)
        {
        case DOSSIER_ID_SOURCE:
          {
            DossierSource *source = DOSSIER_SOURCE (record->object);

            if (source->citations->len == 0)
              add_warning (dcase, record->line, DOSSIER_SECTION_SOURCES, record->id,
                           g_strdup_printf (_("source '%s' on line %u is never cited"),
                                            record->id, record->line));
          }
          break;

        case DOSSIER_ID_ENTITY:
          {
            DossierEntity *entity = DOSSIER_ENTITY (record->object);

            if (entity->mentions->len == 0)
              add_warning (dcase, record->line, DOSSIER_SECTION_ENTITIES, record->id,
                           g_strdup_printf (_("entity '%s' on line %u is never mentioned"),
                                            record->id, record->line));
          }
          break;

        case DOSSIER_ID_NOTE:
          {
            DossierNote *note = DOSSIER_NOTE (record->object);

            if (note->about == NULL || note->about[0] == NULL)
              add_warning (dcase, record->line, DOSSIER_SECTION_NOTES, record->id,
                           g_strdup_printf (_("note '%s' on line %u is not about anything in the case"),
                                            record->id, record->line));
          }
          break;

        case DOSSIER_ID_CASE:
        case DOSSIER_ID_HYPOTHESIS:
        case DOSSIER_ID_REACTION:
        case DOSSIER_ID_EVENT:
        default:
          break;
        }
    }

  /* Stable: warnings on one line keep the order they were found in. */
  g_ptr_array_sort (dcase->warnings, dossier_problem_compare_places);
}

/* ------------------------------------------------------------------ */
/* The threat screen's image                                           */
/* ------------------------------------------------------------------ */

static gboolean
has_image_magic (const guchar *head,
                 gsize         length)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };

  if (length >= sizeof png && memcmp (head, png, sizeof png) == 0)
    return TRUE;
  if (length >= sizeof jpeg && memcmp (head, jpeg, sizeof jpeg) == 0)
    return TRUE;
  if (length >= 6 && (memcmp (head, "GIF87a", 6) == 0 || memcmp (head, "GIF89a", 6) == 0))
    return TRUE;
  if (length >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
    return TRUE;

  return FALSE;
}

/* Reads the first bytes of @path without blocking on anything that is not
 * a regular file; returns a problem in words, or NULL. */
static char *
check_image_file (const char *path)
{
  guchar head[16];
  struct stat st;
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return g_strdup_printf (_("the image cannot be read: %s"), g_strerror (errno));

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return g_strdup (_("the image is not a regular file"));
    }

  do
    n_read = read (fd, head, sizeof head);
  while (n_read < 0 && errno == EINTR);
  close (fd);

  if (n_read < 0)
    return g_strdup_printf (_("the image cannot be read: %s"), g_strerror (errno));

  if (!has_image_magic (head, n_read))
    return g_strdup (_("the file is not a PNG, JPEG, GIF or WebP image"));

  return NULL;
}

static char *
image_problem (const char  *src,
               GFile       *base_dir,
               GFile      **image_file)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *real_base = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real_image = NULL;
  g_autofree char *prefix = NULL;
  const char *base_path;
  char *problem;

  if (src[0] == '\0')
    return g_strdup (_("the image path is empty"));

  if (g_path_is_absolute (src) || src[0] == '/' || src[0] == '\\' || strchr (src, ':') != NULL)
    return g_strdup (_("the image path is absolute or a URI; it must be a path inside the case file's folder"));

  parts = g_strsplit_set (src, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return g_strdup (_("the image path leaves the case file's folder"));

  if (base_dir == NULL || (base_path = g_file_peek_path (base_dir)) == NULL)
    return g_strdup (_("the case was not opened from a folder on this computer"));

  real_base = realpath (base_path, NULL);
  if (real_base == NULL)
    return g_strdup_printf (_("the case file's folder cannot be read: %s"), g_strerror (errno));

  joined = g_build_filename (real_base, src, NULL);
  real_image = realpath (joined, NULL);
  if (real_image == NULL)
    {
      if (errno == ENOENT)
        return g_strdup (_("the image file does not exist"));
      return g_strdup_printf (_("the image cannot be read: %s"), g_strerror (errno));
    }

  prefix = g_str_has_suffix (real_base, "/") ? g_strdup (real_base) : g_strconcat (real_base, "/", NULL);
  if (!g_str_has_prefix (real_image, prefix))
    return g_strdup (_("the image path leads outside the case file's folder through a symbolic link"));

  problem = check_image_file (real_image);
  if (problem != NULL)
    return problem;

  *image_file = g_file_new_for_path (real_image);
  return NULL;
}

void
dossier_checker_check_image (DossierThreatScreen *screen,
                             GFile               *base_dir)
{
  GFile *image_file = NULL;

  g_clear_object (&screen->image_file);
  g_clear_pointer (&screen->image_problem, g_free);

  if (!screen->has_image || screen->image_src == NULL)
    return;

  screen->image_problem = image_problem (screen->image_src, base_dir, &image_file);
  screen->image_file = image_file;
}
