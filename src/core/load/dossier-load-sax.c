/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/catalog.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* The SAX push parser: libxml2 set up to refuse DTDs and every entity,
 * the callbacks that check each element against the table and hand it
 * to the builder, and the chunked feeding with progress and cancel. */

static DossierElement
lookup_element (LoadState     *state,
                const xmlChar *local_name)
{
  /* Names come from the parser's dictionary: the pointer is the name. */
  guint slot = ((guintptr)local_name >> 3) % ELEMENT_CACHE_SIZE;
  DossierElement element;

  for (guint i = 0; i < ELEMENT_CACHE_SIZE; i++)
    {
      CachedElement *cached = &state->element_cache[(slot + i) % ELEMENT_CACHE_SIZE];

      if (cached->name == local_name)
        return cached->element;

      if (cached->name == NULL)
        {
          element = dossier_element_lookup ((const char *)local_name);
          cached->name = local_name;
          cached->element = element;
          return element;
        }
    }

  /* A full cache (a file of many unknown names) asks every time. */
  return dossier_element_lookup ((const char *)local_name);
}

static void
handle_root (LoadState      *state,
             const xmlChar  *local_name,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_attributes,
             const xmlChar **attributes,
             guint           line,
             guint           column)
{
  g_autofree char *name = dossier_load_qualified_name (prefix, local_name);
  const char *format = NULL;
  g_autofree char *format_value = NULL;

  state->root_seen = TRUE;

  if (strcmp ((const char *)local_name, "case") != 0)
    {
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_NOT_A_CASE, line, column,
                                _("not a Dossier case file: the root element is <%s>, expected <case> in the namespace %s"),
                                name, DOSSIER_CASE_NAMESPACE);
      dossier_load_stop_parsing (state);
      return;
    }

  if (uri == NULL)
    {
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_NOT_A_CASE, line, column,
                                _("not a Dossier case file: the root element <%s> has no namespace, expected <case> in the namespace %s"),
                                name, DOSSIER_CASE_NAMESPACE);
      dossier_load_stop_parsing (state);
      return;
    }

  if (strcmp ((const char *)uri, DOSSIER_CASE_NAMESPACE) != 0)
    {
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_NOT_A_CASE, line, column,
                                _("not a Dossier case file: the root element is <%s> in the namespace %s, expected <case> in the namespace %s"),
                                name, (const char *)uri, DOSSIER_CASE_NAMESPACE);
      dossier_load_stop_parsing (state);
      return;
    }

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + i * 5;

      if (attribute[2] == NULL && strcmp ((const char *)attribute[0], "format") == 0)
        {
          format_value = dossier_load_attribute_value (attribute[3], attribute[4]);
          format = format_value;
        }
    }

  if (format != NULL && strcmp (format, "1") != 0)
    {
      gboolean number = format[0] != '\0' && strlen (format) < 10;

      for (const char *p = format; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          number = FALSE;

      if (number && g_ascii_strtoull (format, NULL, 10) > 1)
        dossier_load_add_problem (state, DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT, line, column,
                                  _("format %s is newer than this Dossier supports (1)"),
                                  format);
      else
        dossier_load_add_problem (state, DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT, line, column,
                                  _("format '%s' is not a format this Dossier knows; it reads format 1"),
                                  format);
      dossier_load_stop_parsing (state);
    }
}

static void
skip_subtree (LoadState *state)
{
  state->skip_depth = 1;
}

/* Whether @element may stand where it is in @parent; reports why not. */
static gboolean
accept_in_parent (LoadState      *state,
                  Frame          *parent,
                  DossierElement  element,
                  guint           line,
                  guint           column)
{
  const DossierElementRule *rule = dossier_element_get_rule (element);
  const char *parent_name = parent->rule->name;
  DossierElement after = DOSSIER_ELEMENT_UNKNOWN;

  switch (parent->rule->content)
    {
    case DOSSIER_CONTENT_EMPTY:
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                _("<%s> is not allowed in <%s>, which must be empty"), rule->name, parent_name);
      return FALSE;

    case DOSSIER_CONTENT_PLAIN:
    case DOSSIER_CONTENT_DATE:
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                _("the element <%s> is not allowed in <%s>, which holds only text"),
                                rule->name, parent_name);
      return FALSE;

    case DOSSIER_CONTENT_INLINE:
      if (!rule->is_inline)
        {
          dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                    _("<%s> is not allowed in <%s>"), rule->name, parent_name);
          return FALSE;
        }
      if (parent->inline_depth + 1 > DOSSIER_LOADER_MAX_INLINE_DEPTH)
        {
          dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                    _("inline elements are nested more than %d deep"),
                                    DOSSIER_LOADER_MAX_INLINE_DEPTH);
          return FALSE;
        }
      return TRUE;

    case DOSSIER_CONTENT_ELEMENTS:
    default:
      break;
    }

  switch (dossier_element_accept_child (parent->rule, &parent->sequence, element, &after))
    {
    case DOSSIER_CHILD_OK:
      return TRUE;
    case DOSSIER_CHILD_TOO_MANY:
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                _("<%s> may hold only one <%s>"), parent_name, rule->name);
      return FALSE;
    case DOSSIER_CHILD_OUT_OF_ORDER:
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                _("<%s> is out of order in <%s>: it must come before <%s>"),
                                rule->name, parent_name, element_name (after));
      return FALSE;
    case DOSSIER_CHILD_NOT_ALLOWED:
    default:
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                _("<%s> is not allowed in <%s>"), rule->name, parent_name);
      return FALSE;
    }
}

/* The element a start tag inside the root opens, or UNKNOWN when it is
 * skipped with everything in it (reported when it is wrong). */
static DossierElement
child_element (LoadState     *state,
               Frame         *parent,
               const xmlChar *local_name,
               const xmlChar *prefix,
               const xmlChar *uri,
               guint          line,
               guint          column)
{
  const char *parent_name = parent->rule->name;
  g_autofree char *name = NULL;
  DossierElement element;

  /* Namespace names are interned too: one comparison of strings. */
  if (uri != NULL && uri != state->case_namespace
      && strcmp ((const char *)uri, DOSSIER_CASE_NAMESPACE) == 0)
    state->case_namespace = uri;

  if (uri == NULL || uri != state->case_namespace)
    {
      name = dossier_load_qualified_name (prefix, local_name);

      if (uri == NULL)
        dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                  _("unknown element <%s> in <%s>: it has no namespace"), name, parent_name);
      else if (parent->rule->content == DOSSIER_CONTENT_PLAIN
               || parent->rule->content == DOSSIER_CONTENT_DATE)
        dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                  _("the element <%s> is not allowed in <%s>, which holds only text"),
                                  name, parent_name);
      /* Elements of other namespaces are skipped with everything in
       * them: room for other tools' data. */
      return DOSSIER_ELEMENT_UNKNOWN;
    }

  element = lookup_element (state, local_name);
  if (element == DOSSIER_ELEMENT_UNKNOWN)
    {
      name = dossier_load_qualified_name (prefix, local_name);
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                                _("unknown element <%s> in <%s>"), name, parent_name);
      return DOSSIER_ELEMENT_UNKNOWN;
    }

  if (!accept_in_parent (state, parent, element, line, column))
    return DOSSIER_ELEMENT_UNKNOWN;

  return element;
}

/* Opens a frame for @element inside the innermost one (none for the
 * root); returns it. */
static Frame *
push_frame (LoadState      *state,
            DossierElement  element,
            guint           line,
            guint           column)
{
  Frame *parent = state->n_frames > 0 ? top_frame (state) : NULL;
  Frame frame = { 0 };

  frame.element = element;
  frame.rule = dossier_element_get_rule (element);
  frame.line = line;
  frame.column = column;
  frame.item_index = -1;
  if (parent != NULL)
    {
      frame.section = parent->section;
      frame.item_id = parent->item_id;
      frame.item_index = parent->item_index;
      frame.inline_depth = parent->inline_depth + (frame.rule->is_inline ? 1 : 0);
    }

  if (G_UNLIKELY (state->n_frames == state->frames_alloc))
    {
      state->frames_alloc *= 2;
      state->frames = g_renew (Frame, state->frames, state->frames_alloc);
    }
  state->frames[state->n_frames++] = frame;
  return top_frame (state);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *local_name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  LoadState *state = user_data;
  DossierElement element;
  Frame *frame;
  Frame *parent;
  const char *values[DOSSIER_MAX_ATTR_RULES] = { NULL };
  guint line, column;

  if (state->stopped)
    return;

  /* libxml2's own depth limit does not apply to the push parser. */
  if (++state->depth > DOSSIER_LOADER_MAX_DEPTH)
    {
      dossier_load_element_position (state, &line, &column);
      dossier_load_add_problem (state, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, line, column,
                                _("elements are nested more than %d deep"), DOSSIER_LOADER_MAX_DEPTH);
      dossier_load_stop_parsing (state);
      return;
    }

  if (state->skip_depth > 0)
    {
      state->skip_depth++;
      return;
    }

  dossier_load_element_position (state, &line, &column);

  if (!state->root_seen)
    {
      handle_root (state, local_name, prefix, uri, n_attributes, attributes, line, column);
      if (state->stopped)
        return;
      element = DOSSIER_ELEMENT_CASE;
    }
  else
    {
      element = child_element (state, top_frame (state), local_name, prefix, uri, line, column);
      if (element == DOSSIER_ELEMENT_UNKNOWN)
        {
          skip_subtree (state);
          return;
        }
    }

  frame = push_frame (state, element, line, column);
  parent = parent_frame (state);

  dossier_load_read_attributes (state, frame, n_namespaces, n_attributes, attributes, values);

  /* Inline elements start in the text of their parent. */
  if (frame->rule->is_inline)
    dossier_load_text_before_child (state, parent->node);

  dossier_load_begin_element (state, frame, parent, values);
}

static void
on_end_element (void          *user_data,
                const xmlChar *local_name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  LoadState *state = user_data;
  Frame *frame;

  if (state->stopped)
    return;

  state->depth--;

  if (state->skip_depth > 0)
    {
      state->skip_depth--;
      return;
    }

  if (state->n_frames == 0)
    return;

  frame = top_frame (state);
  dossier_load_end_element (state, frame, parent_frame (state));
  state->n_frames--;

  if (state->n_frames == 0)
    state->root_closed = TRUE;
}

static void
on_characters (void          *user_data,
               const xmlChar *chars,
               int            length)
{
  LoadState *state = user_data;
  Frame *frame;

  if (state->stopped || state->skip_depth > 0 || state->n_frames == 0 || length <= 0)
    return;

  frame = top_frame (state);

  switch (frame->rule->content)
    {
    case DOSSIER_CONTENT_INLINE:
      dossier_load_text_append_inline (state, (const char *)chars, length);
      break;

    case DOSSIER_CONTENT_PLAIN:
    case DOSSIER_CONTENT_DATE:
      if (dossier_load_text_accept_bytes (state, length))
        {
          text_reserve (state, length);
          memcpy (state->text + state->text_len, chars, length);
          state->text_len += length;
        }
      break;

    case DOSSIER_CONTENT_EMPTY:
    case DOSSIER_CONTENT_ELEMENTS:
    default:
      if (!frame->text_reported)
        {
          for (int i = 0; i < length; i++)
            {
              if (!is_xml_space (chars[i]))
                {
                  frame->text_reported = TRUE;
                  dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                            _("text is not allowed directly in <%s>"),
                                            element_name (frame->element));
                  break;
                }
            }
        }
      break;
    }
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  LoadState *state = user_data;
  xmlParserInputPtr input = state->ctxt->input;

  dossier_load_add_problem (state, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                            input != NULL ? input->line : 0, 0,
                            _("DTD not allowed: a case file may not hold a <!DOCTYPE>"));
  dossier_load_stop_parsing (state);
}

static void
on_external_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  on_internal_subset (user_data, name, external_id, system_id);
}

static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  return NULL;
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  on_internal_subset (user_data, name, public_id, system_id);
}

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Nothing is ever fetched or read on behalf of a case file. */
  return NULL;
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity);
  xmlCatalogSetDefaults (XML_CATA_ALLOW_NONE);
  return NULL;
}

void
dossier_load_ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_libxml, NULL);
}

void
dossier_load_init_sax (xmlSAXHandler *sax,
                       gboolean       build)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->internalSubset = on_internal_subset;
  sax->externalSubset = on_external_subset;
  sax->getEntity = on_get_entity;
  sax->getParameterEntity = on_get_entity;
  sax->entityDecl = on_entity_decl;
  sax->serror = dossier_load_on_structured_error;
  if (build)
    {
      sax->startElementNs = on_start_element;
      sax->endElementNs = on_end_element;
      sax->characters = on_characters;
      sax->cdataBlock = on_characters;
      sax->ignorableWhitespace = on_characters;
    }
}

xmlParserCtxtPtr
dossier_load_new_parser (xmlSAXHandler *sax,
                         LoadState     *state)
{
  xmlParserCtxtPtr ctxt;

  ctxt = xmlCreatePushParserCtxt (sax, state, NULL, 0, NULL);
  if (ctxt == NULL)
    return NULL;

  /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER.
   * The bytes are UTF-8 by now: the declaration's encoding was checked
   * and is not to be acted on. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_NOXINCNODE);
  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
  return ctxt;
}

/* Feeds @text to the parser chunk by chunk; FALSE when cancelled. */
gboolean
dossier_load_run_parser (LoadState               *state,
                         const char              *text,
                         gsize                    length,
                         GCancellable            *cancellable,
                         DossierLoadProgressFunc  progress,
                         gpointer                 progress_data)
{
  gsize offset = 0;

  while (offset < length && !state->stopped)
    {
      gsize n = MIN (length - offset, PARSE_CHUNK);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      xmlParseChunk (state->ctxt, text + offset, n, 0);
      offset += n;

      if (progress != NULL)
        progress (0.05 + 0.9 * ((double)offset / length), progress_data);
    }

  if (!state->stopped)
    xmlParseChunk (state->ctxt, NULL, 0, 1);

  return TRUE;
}

gboolean
dossier_loader_sax_only_pass (const char *data,
                              gsize       length)
{
  xmlSAXHandler sax;
  LoadState state = { 0 };
  DossierLoadProblems problems;
  gboolean ok;

  dossier_load_ensure_libxml ();
  dossier_load_problems_init (&problems);
  state.problems = &problems;
  dossier_load_init_sax (&sax, FALSE);
  state.ctxt = dossier_load_new_parser (&sax, &state);
  if (state.ctxt == NULL)
    return FALSE;

  dossier_load_run_parser (&state, data, length, NULL, NULL, NULL);
  ok = problems.n_total == 0 && state.ctxt->wellFormed;
  xmlFreeParserCtxt (state.ctxt);
  dossier_load_problems_clear (&problems);
  return ok;
}
