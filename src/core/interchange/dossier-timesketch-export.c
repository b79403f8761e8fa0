/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

/* The columns of the CSV, in order; the JSON Lines events have the same
 * keys (sources as an array there, joined by "; " here). Timesketch
 * requires message, datetime and timestamp_desc. */
static const char * const columns[] = {
  "message", "datetime", "timestamp_desc", "timestamp", "case_id", "section",
  "item_id", "certainty", "edtf_date", "date_precision", "date_end", "sources",
};

typedef struct
{
  char        *datetime;
  char        *date_end;
  const char **sources;   /* borrowed strings */
} EventFields;

static void
event_fields_clear (EventFields *fields)
{
  g_free (fields->datetime);
  g_free (fields->date_end);
  g_free (fields->sources);
}

static void
event_fields_init (EventFields            *fields,
                   DossierCase            *dcase,
                   GHashTable             *titles,
                   const DossierDatedItem *item)
{
  fields->datetime = dossier_interchange_timestamp (item->key, FALSE);
  fields->date_end = dossier_interchange_timestamp (dossier_date_get_end_key (item->date), FALSE);
  fields->sources = dossier_interchange_item_source_titles (dcase, titles, item);
}

static gboolean
write_json_event (DossierJsonSink        *sink,
                  DossierCase            *dcase,
                  const DossierDatedItem *item,
                  const EventFields      *fields,
                  GError                **error)
{
  JsonObject *event = json_object_new ();
  JsonArray *sources = json_array_new ();
  const char *certainty = dossier_certainty_to_string (item->certainty);

  json_object_set_string_member (event, "message", item->message);
  json_object_set_string_member (event, "datetime", fields->datetime);
  json_object_set_string_member (event, "timestamp_desc", item->what);
  json_object_set_int_member (event, "timestamp", item->key * G_GINT64_CONSTANT (1000000));
  json_object_set_string_member (event, "case_id", dossier_case_get_id (dcase));
  json_object_set_string_member (event, "section", dossier_section_to_string (item->section));
  json_object_set_string_member (event, "item_id", item->item_id);
  json_object_set_string_member (event, "certainty", certainty != NULL ? certainty : "");
  json_object_set_string_member (event, "edtf_date", dossier_date_get_text (item->date));
  json_object_set_string_member (event, "date_precision",
                                 dossier_interchange_precision_to_string (dossier_date_get_precision (item->date)));
  json_object_set_string_member (event, "date_end", fields->date_end);
  for (guint i = 0; fields->sources[i] != NULL; i++)
    json_array_add_string_element (sources, fields->sources[i]);
  json_object_set_array_member (event, "sources", sources);

  return dossier_json_sink_write_object (sink, event, error) &&
         dossier_json_sink_write_raw (sink, "\n", error);
}

static gboolean
write_csv_event (DossierJsonSink        *sink,
                 DossierCase            *dcase,
                 const DossierDatedItem *item,
                 const EventFields      *fields,
                 GError                **error)
{
  g_autofree char *sources = g_strjoinv ("; ", (char **) fields->sources);
  /* Timesketch's own field: microseconds since the epoch. */
  g_autofree char *timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, item->key * G_GINT64_CONSTANT (1000000));
  const char *values[G_N_ELEMENTS (columns)];

  values[0] = item->message;
  values[1] = fields->datetime;
  values[2] = item->what;
  values[3] = timestamp;
  values[4] = dossier_case_get_id (dcase);
  values[5] = dossier_section_to_string (item->section);
  values[6] = item->item_id;
  values[7] = dossier_certainty_to_string (item->certainty);
  values[8] = dossier_date_get_text (item->date);
  values[9] = dossier_interchange_precision_to_string (dossier_date_get_precision (item->date));
  values[10] = fields->date_end;
  values[11] = sources;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (i > 0 && !dossier_json_sink_write_raw (sink, ",", error))
        return FALSE;
      dossier_json_sink_append_csv_field (sink, values[i]);
    }

  /* RFC 4180 ends every record with CRLF. */
  return dossier_json_sink_write_raw (sink, "\r\n", error);
}

typedef struct
{
  DossierCase *dcase;
  GPtrArray   *items;   /* of DossierDatedItem */
  GHashTable  *titles;
  gboolean     csv;
} EventJob;

/* In any thread: the item, the case and the titles are only read. */
static void
write_event_item (DossierJsonSink *part,
                  guint            index,
                  gpointer         data)
{
  EventJob *job = data;
  const DossierDatedItem *item = g_ptr_array_index (job->items, index);
  EventFields fields;

  event_fields_init (&fields, job->dcase, job->titles, item);
  /* A sink without a stream cannot fail. */
  if (job->csv)
    write_csv_event (part, job->dcase, item, &fields, NULL);
  else
    write_json_event (part, job->dcase, item, &fields, NULL);
  event_fields_clear (&fields);
}

gboolean
dossier_timesketch_export (DossierCase      *dcase,
                           DossierJsonSink  *sink,
                           gboolean          csv,
                           GError          **error)
{
  g_autoptr(GPtrArray) items = dossier_interchange_collect_dates (dcase);
  g_autoptr(GHashTable) titles = dossier_interchange_title_cache_new (dcase);
  EventJob job = { dcase, items, titles, csv };

  if (csv)
    {
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if ((i > 0 && !dossier_json_sink_write_raw (sink, ",", error)) ||
            !dossier_json_sink_write_raw (sink, columns[i], error))
          return FALSE;
      if (!dossier_json_sink_write_raw (sink, "\r\n", error))
        return FALSE;
    }

  return dossier_json_sink_write_items (sink, items->len, write_event_item, &job, 0.0, 1.0, error);
}
