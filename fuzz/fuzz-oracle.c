/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-oracle.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <pango/pango.h>

#include "dossier-core.h"

typedef struct
{
  DossierCase *dcase;
  const char  *what;
  guint        n_citations;
} InlineCheck;

void
fuzz_oracle_fail (const char *format,
                  ...)
{
  va_list args;

  fputs ("fuzz oracle: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

void
fuzz_oracle_init (void)
{
  /* The same words as the tests see, whatever the machine's locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");

  /* The core library never warns about what a file holds: it refuses it
   * with a GError. A warning or a failed g_return_if_fail() is a bug. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  xmlInitParser ();
}

void
fuzz_oracle_check_label (const char *what,
                         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    fuzz_oracle_fail ("%s is not valid UTF-8", what);

  escaped = g_markup_escape_text (text, -1);
  if (!pango_parse_markup (escaped, -1, 0, NULL, NULL, NULL, &error))
    fuzz_oracle_fail ("%s, escaped, is refused by Pango: %s\n  text: %s",
                      what, error->message, text);
}

static gboolean
is_hidden_char (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') ||
         (c >= 0x7f && c <= 0x9f) ||
         (c >= 0x200b && c <= 0x200f) ||   /* zero-width, LRM, RLM */
         (c >= 0x202a && c <= 0x202e) ||   /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||   /* isolates */
         c == 0x2060 || c == 0xfeff;       /* word joiner, BOM */
}

void
fuzz_oracle_check_display (const char *what,
                           const char *text)
{
  if (text == NULL)
    return;

  fuzz_oracle_check_label (what, text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hidden_char (c))
        fuzz_oracle_fail ("%s holds U+%04X at byte %td: %s",
                          what, c, p - text, text);
    }
}

/* An href the link policy lets through must be what the policy says. */
static void
check_link_policy (const char *what,
                   const char *href)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (href == NULL || !dossier_link_is_safe (href))
    return;

  uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    fuzz_oracle_fail ("%s: dossier_link_is_safe() accepts an href GLib cannot parse: %s",
                      what, href);
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    fuzz_oracle_fail ("%s: dossier_link_is_safe() accepts scheme %s: %s", what, scheme, href);
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    fuzz_oracle_fail ("%s: dossier_link_is_safe() accepts an href without host: %s", what, href);
  if (g_uri_get_userinfo (uri) != NULL)
    fuzz_oracle_fail ("%s: dossier_link_is_safe() accepts user-info: %s", what, href);
}

static gboolean
check_inline_node_cb (const DossierInline *node,
                      gpointer             user_data)
{
  InlineCheck *check = user_data;

  switch (node->kind)
    {
    case DOSSIER_INLINE_TEXT:
      fuzz_oracle_check_label (check->what, node->text);
      break;

    case DOSSIER_INLINE_MENTION:
      if (node->ref == NULL || dossier_case_get_entity (check->dcase, node->ref) == NULL)
        fuzz_oracle_fail ("%s: a mention of \"%s\", which is no entity, was loaded",
                          check->what, node->ref != NULL ? node->ref : "(null)");
      break;

    case DOSSIER_INLINE_CITE:
      if (node->ref == NULL || dossier_case_get_source (check->dcase, node->ref) == NULL)
        fuzz_oracle_fail ("%s: a citation of \"%s\", which is no source, was loaded",
                          check->what, node->ref != NULL ? node->ref : "(null)");
      if (node->number < 1 || node->number > check->n_citations)
        fuzz_oracle_fail ("%s: citation number %u of %u", check->what,
                          node->number, check->n_citations);
      fuzz_oracle_check_label (check->what, node->at);
      break;

    case DOSSIER_INLINE_LINK:
      fuzz_oracle_check_label (check->what, node->ref);
      check_link_policy (check->what, node->ref);
      break;

    case DOSSIER_INLINE_ROOT:
    case DOSSIER_INLINE_EM:
    case DOSSIER_INLINE_STRONG:
    case DOSSIER_INLINE_QUOTE:
      break;

    default:
      fuzz_oracle_fail ("%s: inline node of unknown kind %d", check->what, node->kind);
    }

  return TRUE;
}

static void
check_inline (DossierCase         *dcase,
              const char          *what,
              const DossierInline *node)
{
  InlineCheck check = { dcase, what, dossier_case_get_citations (dcase)->len };
  g_autofree char *plain = NULL;

  if (node == NULL)
    return;

  dossier_inline_foreach (node, check_inline_node_cb, &check);
  plain = dossier_inline_to_plain (node);
  fuzz_oracle_check_label (what, plain);
}

static void
check_blocks (DossierCase *dcase,
              const char  *what,
              GPtrArray   *blocks)
{
  g_autofree char *plain = NULL;

  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierParagraph *paragraph = g_ptr_array_index (blocks, i);

      check_inline (dcase, what, paragraph->text);
    }
  plain = dossier_blocks_to_plain (blocks);
  fuzz_oracle_check_label (what, plain);
}

static void
check_strv (const char         *what,
            const char * const *strv)
{
  if (strv == NULL)
    fuzz_oracle_fail ("%s is NULL, documented never NULL", what);
  for (guint i = 0; strv[i] != NULL; i++)
    fuzz_oracle_check_label (what, strv[i]);
}

void
fuzz_oracle_check_case (DossierCase *dcase)
{
  GListModel *list;
  GPtrArray *warnings;
  DossierThreatScreen *screen;

  fuzz_oracle_check_display ("case display title", dossier_case_get_display_title (dcase));
  fuzz_oracle_check_label ("case id", dossier_case_get_id (dcase));
  check_inline (dcase, "case title", dossier_case_get_title (dcase));
  check_inline (dcase, "case subtitle", dossier_case_get_subtitle (dcase));
  check_blocks (dcase, "case summary", dossier_case_get_summary (dcase));

  list = dossier_case_get_entities (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (list, i);

      fuzz_oracle_check_label ("entity name", dossier_entity_get_name (entity));
      check_strv ("entity aliases", dossier_entity_get_aliases (entity));
      fuzz_oracle_check_label ("entity role", dossier_entity_get_role (entity));
      check_blocks (dcase, "entity description", dossier_entity_get_description (entity));
      if (dossier_case_get_entity (dcase, dossier_entity_get_id (entity)) != entity)
        fuzz_oracle_fail ("entity %s is not found by its id", dossier_entity_get_id (entity));
    }

  list = dossier_case_get_sources (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (list, i);

      check_inline (dcase, "source title", dossier_source_get_title (source));
      fuzz_oracle_check_label ("source publisher", dossier_source_get_publisher (source));
      check_strv ("source authors", dossier_source_get_authors (source));
      fuzz_oracle_check_label ("source url", dossier_source_get_url (source));
      check_link_policy ("source url", dossier_source_get_url (source));
      check_link_policy ("source archived url", dossier_source_get_archived_url (source));
    }

  list = dossier_case_get_events (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (list, i);

      check_inline (dcase, "event title", dossier_event_get_title (event));
    }

  list = dossier_case_get_reactions (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierReaction) reaction = g_list_model_get_item (list, i);

      check_inline (dcase, "reaction channel", dossier_reaction_get_channel (reaction));
      check_inline (dcase, "reaction quote", dossier_reaction_get_quote (reaction));
      check_blocks (dcase, "reaction summary", dossier_reaction_get_summary (reaction));
      fuzz_oracle_check_label ("reaction actor name",
                               dossier_case_get_entity_name (dcase, dossier_reaction_get_actor (reaction)));
    }

  list = dossier_case_get_notes (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (list, i);

      check_inline (dcase, "note title", dossier_note_get_title (note));
      fuzz_oracle_check_label ("note author", dossier_note_get_author (note));
      check_strv ("note tags", dossier_note_get_tags (note));
      check_strv ("note about", dossier_note_get_about (note));
      check_blocks (dcase, "note body", dossier_note_get_body (note));
    }

  screen = dossier_case_get_threat_screen (dcase);
  if (screen != NULL)
    {
      check_inline (dcase, "threat screen headline", dossier_threat_screen_get_headline (screen));
      check_inline (dcase, "threat screen shown on", dossier_threat_screen_get_shown_on (screen));
      check_blocks (dcase, "threat screen message", dossier_threat_screen_get_message (screen));
      check_inline (dcase, "threat screen demand", dossier_threat_screen_get_demand (screen));
      fuzz_oracle_check_label ("threat screen image description",
                               dossier_threat_screen_get_image_description (screen));
      fuzz_oracle_check_label ("threat screen image problem",
                               dossier_threat_screen_get_image_problem (screen));
      /* Loaded from bytes there is no folder, so no image may load. */
      if (dossier_case_get_file (dcase) == NULL &&
          dossier_threat_screen_get_image_file (screen) != NULL)
        fuzz_oracle_fail ("an image file was resolved for a case loaded from memory");
    }

  warnings = dossier_case_get_warnings (dcase);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      DossierProblem *problem = g_ptr_array_index (warnings, i);
      g_autofree char *line = dossier_problem_format (problem, "fuzz.case.xml", "warning");

      fuzz_oracle_check_label ("warning", line);
    }
}

void
fuzz_oracle_check_load_error (const GError *error)
{
  if (error == NULL)
    fuzz_oracle_fail ("the load failed without a GError");
  if (error->domain != DOSSIER_CASE_ERROR)
    fuzz_oracle_fail ("the load failed with an error of domain %s: %s",
                      g_quark_to_string (error->domain), error->message);
  if (error->message == NULL || *error->message == '\0')
    fuzz_oracle_fail ("the load failed with an empty message");
  /* The window shows it on its error page. */
  fuzz_oracle_check_label ("load error message", error->message);
}

/* HTML */

static gboolean
href_is_allowed (const char *value)
{
  if (value[0] == '#')
    return TRUE;
  if (g_ascii_strncasecmp (value, "http://", 7) != 0 &&
      g_ascii_strncasecmp (value, "https://", 8) != 0)
    return FALSE;
  return dossier_link_is_safe (value);
}

/* The one picture the export draws is the timeline chart: an <svg> as
 * the child of <figure class="chart">, of drawing elements only (named
 * in lower case by libxml2's HTML parser). */
static void
check_html_chart_element (xmlNode *element)
{
  static const char * const drawing[] = {
    "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "lineargradient", "radialgradient", "stop",
    "clippath", "mask",
  };
  const char *name = (const char *) element->name;
  xmlNode *parent = element->parent;

  if (g_ascii_strcasecmp (name, "svg") == 0)
    {
      g_autofree char *klass = NULL;

      if (parent == NULL || parent->type != XML_ELEMENT_NODE ||
          g_ascii_strcasecmp ((const char *) parent->name, "figure") != 0 ||
          g_strcmp0 (klass = (char *) xmlGetProp (parent, (const xmlChar *) "class"), "chart") != 0)
        fuzz_oracle_fail ("HTML export holds an <svg> that is not the chart (line %d)", element->line);
      return;
    }

  for (; parent != NULL && parent->type == XML_ELEMENT_NODE; parent = parent->parent)
    {
      if (g_ascii_strcasecmp ((const char *) parent->name, "svg") != 0)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (drawing); i++)
        if (g_ascii_strcasecmp (name, drawing[i]) == 0)
          return;
      fuzz_oracle_fail ("HTML export's chart holds a <%s> element (line %d)", name, element->line);
    }
}

static void
check_html_element (xmlNode *element)
{
  static const char * const forbidden[] = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet",
    "base", "form", "input", "button", "math", "template", "portal",
    "foreignobject", "animate", "set", "image",
  };
  const char *name = (const char *) element->name;

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (g_ascii_strcasecmp (name, forbidden[i]) == 0)
      fuzz_oracle_fail ("HTML export holds a <%s> element (line %d)", name, element->line);
  check_html_chart_element (element);

  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    {
      const char *attr_name = (const char *) attr->name;
      g_autofree char *value = (char *) xmlNodeListGetString (element->doc, attr->children, 1);

      if (g_ascii_strncasecmp (attr_name, "on", 2) == 0)
        fuzz_oracle_fail ("HTML export holds an event attribute %s on <%s> (line %d)",
                          attr_name, name, element->line);

      if (g_ascii_strcasecmp (attr_name, "href") == 0 ||
          g_ascii_strcasecmp (attr_name, "src") == 0 ||
          g_ascii_strcasecmp (attr_name, "action") == 0 ||
          g_ascii_strcasecmp (attr_name, "formaction") == 0 ||
          g_ascii_strcasecmp (attr_name, "srcset") == 0 ||
          g_ascii_strcasecmp (attr_name, "poster") == 0 ||
          g_ascii_strcasecmp (attr_name, "background") == 0)
        {
          if (value == NULL || !href_is_allowed (value))
            fuzz_oracle_fail ("HTML export holds %s=\"%s\" on <%s> (line %d)",
                              attr_name, value != NULL ? value : "", name, element->line);
        }

      if (g_ascii_strcasecmp (name, "meta") == 0 &&
          g_ascii_strcasecmp (attr_name, "http-equiv") == 0 &&
          value != NULL && g_ascii_strcasecmp (value, "refresh") == 0)
        fuzz_oracle_fail ("HTML export holds a meta refresh (line %d)", element->line);
    }
}

static gboolean
has_csp_meta (xmlNode *element)
{
  g_autofree char *equiv = NULL;
  g_autofree char *content = NULL;

  if (g_ascii_strcasecmp ((const char *) element->name, "meta") != 0)
    return FALSE;
  equiv = (char *) xmlGetProp (element, (const xmlChar *) "http-equiv");
  content = (char *) xmlGetProp (element, (const xmlChar *) "content");
  return equiv != NULL && g_ascii_strcasecmp (equiv, "Content-Security-Policy") == 0 &&
         content != NULL && strstr (content, "default-src 'none'") != NULL &&
         strstr (content, "script-src") == NULL;
}

void
fuzz_oracle_check_html (const char *html,
                        gsize       length)
{
  htmlDocPtr doc;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  gboolean csp = FALSE;

  if (!g_utf8_validate (html, length, NULL))
    fuzz_oracle_fail ("HTML export is not valid UTF-8");

  /* Whatever the parser makes of it, the raw bytes must not hold a
   * script tag either: case text has its '<' escaped. */
  for (gsize i = 0; i + 7 <= length; i++)
    if (html[i] == '<' && g_ascii_strncasecmp (html + i + 1, "script", 6) == 0)
      fuzz_oracle_fail ("HTML export holds \"<script\" at byte %" G_GSIZE_FORMAT, i);

  doc = htmlReadMemory (html, (int) length, "export.html", "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (doc == NULL)
    fuzz_oracle_fail ("HTML export does not parse");

  /* Iterative walk: depth is not ours to trust. */
  if (xmlDocGetRootElement (doc) != NULL)
    g_ptr_array_add (stack, xmlDocGetRootElement (doc));
  while (stack->len > 0)
    {
      xmlNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      for (; node != NULL; node = node->next)
        {
          if (node->type != XML_ELEMENT_NODE)
            continue;
          check_html_element (node);
          csp = csp || has_csp_meta (node);
          if (node->children != NULL)
            g_ptr_array_add (stack, node->children);
        }
    }
  xmlFreeDoc (doc);

  if (!csp)
    fuzz_oracle_fail ("HTML export has no Content-Security-Policy meta tag");
}

/* Markdown */

/* The one piece of raw HTML the exporter writes: <a id="ANCHOR"></a>. */
static gsize
own_anchor_length (const char *p,
                   const char *end)
{
  const char *q = p;

  if ((gsize) (end - q) < 7 || strncmp (q, "<a id=\"", 7) != 0)
    return 0;
  q += 7;
  if (q >= end || !g_ascii_isalpha (*q))
    return 0;
  while (q < end && (g_ascii_isalnum (*q) || *q == '.' || *q == '_' || *q == '-'))
    q++;
  if ((gsize) (end - q) < 6 || strncmp (q, "\"></a>", 6) != 0)
    return 0;
  return (q + 6) - p;
}

void
fuzz_oracle_check_markdown (const char *markdown,
                            gsize       length)
{
  const char *end = markdown + length;

  if (!g_utf8_validate (markdown, length, NULL))
    fuzz_oracle_fail ("Markdown export is not valid UTF-8");

  for (const char *p = markdown; p < end; p++)
    {
      if (*p == '\\')
        {
          /* An escaped character is literal, whatever it is. */
          p++;
          continue;
        }

      if (*p == '<' && p + 1 < end &&
          (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        {
          gsize n = own_anchor_length (p, end);

          if (n == 0)
            fuzz_oracle_fail ("Markdown export holds raw HTML at byte %td: %.40s",
                              p - markdown, p);
          p += n - 1;
          continue;
        }

      if (*p == ']' && p + 1 < end && p[1] == '(')
        {
          const char *dest = p + 2;
          const char *close = memchr (dest, ')', end - dest);
          g_autofree char *href = NULL;

          if (close == NULL)
            fuzz_oracle_fail ("Markdown export has an unclosed link destination at byte %td",
                              p - markdown);
          href = g_strndup (dest, close - dest);
          if (!href_is_allowed (href))
            fuzz_oracle_fail ("Markdown export links to \"%s\"", href);
          p = close;
        }
    }
}
