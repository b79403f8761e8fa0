/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-interchange-private.h"

/* What the STIX importer reads a bundle with: members by type, ids,
 * text for XML, dates, and the words for a relationship. Nothing here
 * calls back into the importer. */

const char *
dossier_stix_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonArray *
dossier_stix_get_array (JsonObject *object,
                        const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

const char *
dossier_stix_array_string (JsonArray *array,
                           guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
dossier_stix_is_dossier_id (const char *id)
{
  if (id == NULL || !g_ascii_isalpha (id[0]))
    return FALSE;
  for (const char *p = id + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Text for XML 1.0: the characters it cannot hold (C0 controls other than
 * tab and line breaks, U+FFFE, U+FFFF) become spaces. */
char *
dossier_stix_xml_clean (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* An EDTF date for the case file: the x_dossier_ date Dossier wrote, else
 * the STIX timestamp to the second. NULL when neither is a date. */
char *
dossier_stix_edtf_from (JsonObject *object,
                        const char *edtf_member,
                        const char *stamp_member)
{
  const char *edtf = edtf_member != NULL ? dossier_stix_get_string (object, edtf_member) : NULL;
  const char *stamp = stamp_member != NULL ? dossier_stix_get_string (object, stamp_member) : NULL;
  g_autoptr(DossierDate) date = NULL;
  g_autofree char *text = NULL;

  if (edtf != NULL && (date = dossier_date_parse (edtf, NULL)) != NULL)
    return g_strdup (edtf);
  if (stamp == NULL || strlen (stamp) < 20)
    return NULL;

  /* 2014-11-24T23:00:00.000Z -> 2014-11-24T23:00:00Z */
  text = g_strdup_printf ("%.19sZ", stamp);
  date = dossier_date_parse (text, NULL);
  return date != NULL ? g_steal_pointer (&text) : NULL;
}

/* "uses" -> "Uses", in the reader's language; a type STIX does not list
 * ("x-spied-on") as its words ("X spied on"). */
char *
dossier_stix_relationship_words (const char *relationship_type)
{
  static const struct
  {
    const char *type;
    const char *words;
  } known[] = {
    { "analysis-of", N_("Analysis of") },
    { "attributed-to", N_("Attributed to") },
    { "authored-by", N_("Authored by") },
    { "based-on", N_("Based on") },
    { "beacons-to", N_("Beacons to") },
    { "characterizes", N_("Characterizes") },
    { "communicates-with", N_("Communicates with") },
    { "compromises", N_("Compromises") },
    { "consists-of", N_("Consists of") },
    { "controls", N_("Controls") },
    { "delivers", N_("Delivers") },
    { "derived-from", N_("Derived from") },
    { "downloads", N_("Downloads") },
    { "drops", N_("Drops") },
    { "duplicate-of", N_("Duplicate of") },
    { "exfiltrates-to", N_("Exfiltrates to") },
    { "exploits", N_("Exploits") },
    { "has", N_("Has") },
    { "hosts", N_("Hosts") },
    { "impersonates", N_("Impersonates") },
    { "indicates", N_("Indicates") },
    { "investigates", N_("Investigates") },
    { "located-at", N_("Located at") },
    { "mitigates", N_("Mitigates") },
    { "originates-from", N_("Originates from") },
    { "owns", N_("Owns") },
    { "related-to", N_("Related to") },
    { "remediates", N_("Remediates") },
    { "targets", N_("Targets") },
    { "uses", N_("Uses") },
    { "variant-of", N_("Variant of") },
  };
  char *words;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (relationship_type, known[i].type))
      return g_strdup (_(known[i].words));

  words = dossier_stix_xml_clean (relationship_type);
  g_strdelimit (words, "-_", ' ');
  if (g_ascii_islower (words[0]))
    words[0] = g_ascii_toupper (words[0]);
  return words;
}
