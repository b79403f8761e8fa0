/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

#include <string.h>

/* Large enough that a 50 MB export is a few hundred writes. */
#define FLUSH_SIZE (256 * 1024)

struct _DossierJsonSink
{
  GOutputStream                  *stream;
  GCancellable                   *cancellable;
  DossierInterchangeProgressFunc  progress;
  gpointer                        progress_data;
  JsonGenerator                  *generator;
  GString                        *buffer;
  guint                           steps;
};

static gboolean
flush (DossierJsonSink  *self,
       GError          **error)
{
  /* A sink without a stream keeps everything for dossier_json_sink_take(). */
  if (self->buffer->len == 0 || self->stream == NULL)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, self->cancellable, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);

  return TRUE;
}

DossierJsonSink *
dossier_json_sink_new (GOutputStream                  *stream,
                       GCancellable                   *cancellable,
                       DossierInterchangeProgressFunc  progress,
                       gpointer                        progress_data)
{
  DossierJsonSink *self;

  g_return_val_if_fail (stream == NULL || G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (DossierJsonSink, 1);
  self->stream = stream != NULL ? g_object_ref (stream) : NULL;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->progress = progress;
  self->progress_data = progress_data;
  self->generator = json_generator_new ();
  json_generator_set_pretty (self->generator, FALSE);
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);

  return self;
}

void
dossier_json_sink_free (DossierJsonSink *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->generator);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

gboolean
dossier_json_sink_write_raw (DossierJsonSink  *self,
                             const char       *text,
                             GError          **error)
{
  g_string_append (self->buffer, text);

  return self->buffer->len < FLUSH_SIZE || flush (self, error);
}

gboolean
dossier_json_sink_write_node (DossierJsonSink  *self,
                              JsonNode         *node,
                              GError          **error)
{
  json_generator_set_root (self->generator, node);
  json_generator_to_gstring (self->generator, self->buffer);
  json_generator_set_root (self->generator, NULL);

  return self->buffer->len < FLUSH_SIZE || flush (self, error);
}

gboolean
dossier_json_sink_write_object (DossierJsonSink  *self,
                                JsonObject       *object,
                                GError          **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return dossier_json_sink_write_node (self, node, error);
}

char *
dossier_json_sink_to_text (DossierJsonSink *self,
                           JsonObject      *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  char *text;

  json_node_set_object (node, object);
  json_generator_set_root (self->generator, node);
  text = json_generator_to_data (self->generator, NULL);
  json_generator_set_root (self->generator, NULL);

  return text;
}

gboolean
dossier_json_sink_write_object_with_list (DossierJsonSink  *self,
                                          JsonObject       *object,
                                          const char       *key,
                                          GPtrArray        *texts,
                                          GError          **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  json_generator_set_root (self->generator, node);
  json_generator_to_gstring (self->generator, self->buffer);
  json_generator_set_root (self->generator, NULL);

  if (texts != NULL && texts->len > 0)
    {
      /* Reopen the object json-glib just closed and add the member:
       * "KEY":[TEXT,...]}. */
      g_assert (self->buffer->len >= 2 && self->buffer->str[self->buffer->len - 1] == '}');
      g_string_truncate (self->buffer, self->buffer->len - 1);
      if (self->buffer->str[self->buffer->len - 1] != '{')
        g_string_append_c (self->buffer, ',');
      g_string_append_c (self->buffer, '"');
      g_string_append (self->buffer, key);
      g_string_append (self->buffer, "\":[");
      for (guint i = 0; i < texts->len; i++)
        {
          if (i > 0)
            g_string_append_c (self->buffer, ',');
          g_string_append (self->buffer, g_ptr_array_index (texts, i));
        }
      g_string_append (self->buffer, "]}");
    }

  return self->buffer->len < FLUSH_SIZE || flush (self, error);
}

void
dossier_json_sink_append_csv_field (DossierJsonSink *self,
                                    const char      *text)
{
  /* RFC 4180: a field with a comma, a quote or a line break is quoted,
   * its quotes doubled. */
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (self->buffer, text);
      return;
    }

  g_string_append_c (self->buffer, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

gboolean
dossier_json_sink_step (DossierJsonSink  *self,
                        double            fraction,
                        GError          **error)
{
  /* Every 256 items: cheap enough for 100,000 notes, often enough for a
   * Cancel button. */
  if ((++self->steps & 0xff) != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), self->progress_data);

  return self->buffer->len < FLUSH_SIZE || flush (self, error);
}

gboolean
dossier_json_sink_take (DossierJsonSink  *self,
                        DossierJsonSink  *part,
                        double            fraction,
                        GError          **error)
{
  g_string_append_len (self->buffer, part->buffer->str, part->buffer->len);
  g_string_truncate (part->buffer, 0);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), self->progress_data);

  return self->buffer->len < FLUSH_SIZE || flush (self, error);
}

/* Writing many items on every processor */

#define ITEMS_ROUND 4096
/* A round is cut in more slices than there are threads, which take the
 * next free slice each: on a busy machine a thread that gets no processor
 * holds back no one for long. */
#define ITEMS_SLICES 32

typedef struct
{
  DossierJsonItemFunc  func;
  gpointer             data;
  guint                start;    /* this round's first item */
  guint                count;    /* and how many */
  DossierJsonSink     *sinks[ITEMS_SLICES];
  guint                n_slices;
  gint                 next;     /* atomic: the next slice to take */
  GMutex               mutex;
  GCond                cond;
  guint                workers;  /* pool threads still in the round */
} ItemsRound;

static void
write_slices (ItemsRound *round)
{
  gint k;

  while ((k = g_atomic_int_add (&round->next, 1)) < (gint) round->n_slices)
    {
      guint from = round->start + round->count * k / round->n_slices;
      guint to = round->start + round->count * (k + 1) / round->n_slices;

      for (guint i = from; i < to; i++)
        round->func (round->sinks[k], i, round->data);
    }
}

static void
items_worker_thread (gpointer data,
                     gpointer user_data)
{
  ItemsRound *round = user_data;

  write_slices (round);

  g_mutex_lock (&round->mutex);
  round->workers--;
  g_cond_signal (&round->cond);
  g_mutex_unlock (&round->mutex);
}

gboolean
dossier_json_sink_write_items (DossierJsonSink      *self,
                               guint                 n_items,
                               DossierJsonItemFunc   func,
                               gpointer              data,
                               double                from,
                               double                to,
                               GError              **error)
{
  guint n_threads = n_items < 2 * ITEMS_ROUND ? 1 : CLAMP (g_get_num_processors (), 1, 8);
  ItemsRound round = { 0 };
  GThreadPool *pool = NULL;
  gboolean ok = TRUE;

  round.func = func;
  round.data = data;
  round.n_slices = n_threads > 1 ? ITEMS_SLICES : 1;
  for (guint k = 0; k < round.n_slices; k++)
    round.sinks[k] = dossier_json_sink_new (NULL, NULL, NULL, NULL);
  g_mutex_init (&round.mutex);
  g_cond_init (&round.cond);
  if (n_threads > 1)
    pool = g_thread_pool_new (items_worker_thread, &round, n_threads - 1, FALSE, NULL);

  for (guint start = 0; ok && start < n_items; start += ITEMS_ROUND)
    {
      round.start = start;
      round.count = MIN (ITEMS_ROUND, n_items - start);
      g_atomic_int_set (&round.next, 0);
      round.workers = n_threads - 1;
      for (guint t = 1; t < n_threads; t++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (t), NULL);
      write_slices (&round);
      g_mutex_lock (&round.mutex);
      while (round.workers > 0)
        g_cond_wait (&round.cond, &round.mutex);
      g_mutex_unlock (&round.mutex);

      /* In item order, whichever thread wrote them. */
      for (guint k = 0; ok && k < round.n_slices; k++)
        ok = dossier_json_sink_take (self, round.sinks[k],
                                     from + (to - from) * (start + round.count) / n_items, error);
    }

  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  for (guint k = 0; k < round.n_slices; k++)
    dossier_json_sink_free (round.sinks[k]);
  g_mutex_clear (&round.mutex);
  g_cond_clear (&round.cond);

  return ok;
}

gboolean
dossier_json_sink_finish (DossierJsonSink  *self,
                          GError          **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!flush (self, error))
    return FALSE;
  if (self->progress != NULL)
    self->progress (1.0, self->progress_data);

  return TRUE;
}

void
dossier_json_set_string (JsonObject *object,
                         const char *key,
                         const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, key, value);
}

void
dossier_json_set_inline (JsonObject          *object,
                         const char          *key,
                         const DossierInline *text)
{
  g_autofree char *plain = NULL;

  if (text == NULL)
    return;
  plain = dossier_inline_to_plain (text);
  dossier_json_set_string (object, key, plain);
}

void
dossier_json_set_blocks (JsonObject *object,
                         const char *key,
                         GPtrArray  *blocks)
{
  g_autofree char *plain = NULL;

  if (blocks == NULL || blocks->len == 0)
    return;
  plain = dossier_blocks_to_plain (blocks);
  dossier_json_set_string (object, key, plain);
}

void
dossier_json_set_strv (JsonObject         *object,
                       const char         *key,
                       const char * const *values)
{
  JsonArray *array;

  if (values == NULL || values[0] == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (object, key, array);
}
