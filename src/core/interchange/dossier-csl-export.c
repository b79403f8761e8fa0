/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

/* CSL 1.0 item types for the source kinds (docs/interchange.md). */
static const char *
csl_type (DossierSourceKind kind)
{
  switch (kind)
    {
    case DOSSIER_SOURCE_PRESS: return "article-newspaper";
    case DOSSIER_SOURCE_STATE_MEDIA: return "article-newspaper";
    case DOSSIER_SOURCE_OFFICIAL: return "report";
    case DOSSIER_SOURCE_LETTER: return "personal_communication";
    case DOSSIER_SOURCE_SOCIAL: return "post";
    case DOSSIER_SOURCE_FORUM: return "post";
    case DOSSIER_SOURCE_REPORT: return "report";
    case DOSSIER_SOURCE_INTERVIEW: return "interview";
    case DOSSIER_SOURCE_OTHER:
    default:
      return "document";
    }
}

static JsonArray *
date_part (const DossierDateParts *parts)
{
  JsonArray *part = json_array_new ();

  json_array_add_int_element (part, parts->year);
  if (parts->month > 0)
    json_array_add_int_element (part, parts->month);
  if (parts->month > 0 && parts->day > 0)
    json_array_add_int_element (part, parts->day);

  return part;
}

/* {"date-parts": [[2014, 12, 1]], "circa": true}: CSL's date model. The
 * day of an instant is the day as written (its own offset), the time is
 * left out; a season is the year with "season"; `?` and `~` are "circa". */
static void
set_date (JsonObject        *item,
          const char        *key,
          const DossierDate *date)
{
  DossierDateParts parts[2];
  JsonObject *value;
  JsonArray *list;
  guint n;

  if (date == NULL)
    return;

  n = dossier_interchange_date_parts (date, parts);
  value = json_object_new ();
  list = json_array_new ();
  for (guint i = 0; i < n; i++)
    json_array_add_array_element (list, date_part (&parts[i]));
  json_object_set_array_member (value, "date-parts", list);
  if (parts[0].season > 0)
    json_object_set_int_member (value, "season", parts[0].season);
  if (dossier_date_is_approximate (date) || dossier_date_is_uncertain (date))
    json_object_set_boolean_member (value, "circa", TRUE);
  json_object_set_object_member (item, key, value);
}

static void
set_names (JsonObject         *item,
           const char          *key,
           const char * const  *names)
{
  JsonArray *list;

  if (names == NULL || names[0] == NULL)
    return;

  /* Case files hold names as written, not split into given and family:
   * literal names never get reordered or abbreviated wrongly. */
  list = json_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonObject *name = json_object_new ();

      json_object_set_string_member (name, "literal", names[i]);
      json_array_add_object_element (list, name);
    }
  json_object_set_array_member (item, key, list);
}

static char *
grading_note (DossierSource *source)
{
  GString *note = g_string_new (NULL);
  char reliability = dossier_source_get_reliability (source);
  guint credibility = dossier_source_get_credibility (source);
  const char *archived = dossier_source_get_archived_url (source);
  const char *url = dossier_source_get_url (source);

  g_string_append_printf (note, "Dossier source %s (%s)", dossier_source_get_id (source),
                          dossier_source_kind_to_string (dossier_source_get_kind (source)));
  if (reliability != 0)
    g_string_append_printf (note, "; reliability %c (%s)", reliability,
                            dossier_interchange_reliability_words (reliability));
  if (credibility != 0)
    g_string_append_printf (note, "; credibility %u (%s)", credibility,
                            dossier_interchange_credibility_words (credibility));
  if (url != NULL && !dossier_link_is_safe (url))
    g_string_append_printf (note, "; address as written: %s", url);
  if (archived != NULL)
    g_string_append_printf (note, "; archived copy: %s", archived);

  return g_string_free (note, FALSE);
}

static JsonObject *
source_item (DossierSource *source)
{
  JsonObject *item = json_object_new ();
  const char *publisher = dossier_source_get_publisher (source);
  const char *url = dossier_source_get_url (source);
  DossierSourceKind kind = dossier_source_get_kind (source);
  const char *authors[] = { publisher, NULL };
  g_autofree char *note = grading_note (source);

  json_object_set_string_member (item, "id", dossier_source_get_id (source));
  json_object_set_string_member (item, "type", csl_type (kind));
  dossier_json_set_inline (item, "title", dossier_source_get_title (source));
  if (dossier_source_get_authors (source)[0] != NULL)
    set_names (item, "author", dossier_source_get_authors (source));
  else if (publisher != NULL && (kind == DOSSIER_SOURCE_OFFICIAL || kind == DOSSIER_SOURCE_REPORT))
    /* An agency's press release or report is authored by the agency. */
    set_names (item, "author", authors);
  if (publisher != NULL && (kind == DOSSIER_SOURCE_PRESS || kind == DOSSIER_SOURCE_STATE_MEDIA))
    dossier_json_set_string (item, "container-title", publisher);
  dossier_json_set_string (item, "publisher", publisher);
  set_date (item, "issued", dossier_source_get_published (source));
  set_date (item, "accessed", dossier_source_get_accessed (source));
  /* Only addresses Dossier itself would open become links. */
  if (url != NULL && dossier_link_is_safe (url))
    json_object_set_string_member (item, "URL", url);
  dossier_json_set_blocks (item, "abstract", dossier_source_get_excerpt (source));
  json_object_set_string_member (item, "note", note);

  return item;
}

gboolean
dossier_csl_export (DossierCase      *dcase,
                    DossierJsonSink  *sink,
                    GError          **error)
{
  GListModel *sources = dossier_case_get_sources (dcase);
  guint n = g_list_model_get_n_items (sources);

  if (!dossier_json_sink_write_raw (sink, "[", error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      if (!dossier_json_sink_write_raw (sink, i == 0 ? "\n" : ",\n", error) ||
          !dossier_json_sink_write_object (sink, source_item (source), error) ||
          !dossier_json_sink_step (sink, (double) (i + 1) / n, error))
        return FALSE;
    }

  return dossier_json_sink_write_raw (sink, n > 0 ? "\n]\n" : "]\n", error);
}
