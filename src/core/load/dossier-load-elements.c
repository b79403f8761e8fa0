/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The SAX callbacks: each start tag checked against the element table
 * (where it stands, its attributes by slot) and handed to the builder,
 * each end tag and run of text passed on. */

static gsize
append_attribute_value (LoadState     *state,
                        const xmlChar *start,
                        const xmlChar *end)
{
  const char *s = (const char *)start;
  gsize length = end - start;
  gsize offset = state->attributes_len;
  const char *amp;
  char *out;

  /* The value never grows. */
  if (state->attributes_alloc - state->attributes_len < length + 1)
    {
      state->attributes_alloc = MAX (state->attributes_alloc * 2, state->attributes_len + length + 1);
      state->attributes = g_realloc (state->attributes, state->attributes_alloc);
    }
  out = state->attributes + offset;

  while ((amp = memchr (s, '&', length)) != NULL)
    {
      memcpy (out, s, amp - s);
      out += amp - s;
      length -= amp - s;
      s = amp;
      *out++ = '&';
      if (length >= 5 && memcmp (s, "&#38;", 5) == 0)
        {
          s += 5;
          length -= 5;
        }
      else
        {
          s++;
          length--;
        }
    }

  memcpy (out, s, length);
  out += length;
  *out++ = '\0';
  state->attributes_len = out - state->attributes;
  return offset;
}

static char *
attribute_value (const xmlChar *start,
                 const xmlChar *end)
{
  const char *s = (const char *)start;
  gsize length = end - start;
  const char *amp = memchr (s, '&', length);
  GString *out;

  if (amp == NULL)
    return g_strndup (s, length);

  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      if (s[i] == '&' && length - i >= 5 && memcmp (s + i, "&#38;", 5) == 0)
        {
          g_string_append_c (out, '&');
          i += 4;
          continue;
        }
      g_string_append_c (out, s[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
language_is_valid (const char *lang)
{
  const char *p = lang;
  guint n;

  if (*p == '\0')
    return TRUE;

  for (n = 0; g_ascii_isalpha (*p); p++)
    n++;
  if (n < 1 || n > 8)
    return FALSE;

  while (*p == '-')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return *p == '\0';
}

static const DossierAttrRule *
find_attr (LoadState     *state,
           Frame         *frame,
           const xmlChar *local_name)
{
  const xmlChar **names = state->attr_names[frame->element];
  const DossierElementRule *rule = frame->rule;
  const DossierAttrRule *attr;

  for (guint i = 0; i < rule->n_attrs; i++)
    if (names[i] == local_name)
      return &rule->attrs[i];

  attr = dossier_element_find_attr (rule, (const char *)local_name);
  if (attr != NULL)
    names[attr - rule->attrs] = local_name;
  return attr;
}

static char *
qualified_name (const xmlChar *prefix,
                const xmlChar *local_name)
{
  if (prefix != NULL)
    return g_strdup_printf ("%s:%s", (const char *)prefix, (const char *)local_name);
  return g_strdup ((const char *)local_name);
}

/* Checks the attributes of @frame's element against its rule; fills
 * @values (borrowed from state->attributes until the next element) in
 * the rule's order. */
static void
read_attributes (LoadState      *state,
                 Frame          *frame,
                 int             n_namespaces,
                 int             n_attributes,
                 const xmlChar **attributes,
                 const char    **values)
{
  const DossierElementRule *rule = frame->rule;
  const char *name = rule->name;
  gssize offsets[DOSSIER_MAX_ATTR_RULES];

  g_assert (rule->n_attrs <= DOSSIER_MAX_ATTR_RULES);
  for (guint i = 0; i < DOSSIER_MAX_ATTR_RULES; i++)
    offsets[i] = -1;
  state->attributes_len = 0;

  if (n_attributes + n_namespaces > DOSSIER_LOADER_MAX_ATTRIBUTES)
    dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                              _("the element <%s> has more than %d attributes"),
                              name, DOSSIER_LOADER_MAX_ATTRIBUTES);

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + i * 5;
      const char *local_name = (const char *)attribute[0];
      const char *uri = (const char *)attribute[2];
      gsize length = attribute[4] - attribute[3];
      const DossierAttrRule *attr;
      guint index;

      if (uri != NULL)
        {
          g_autofree char *qname = qualified_name (attribute[1], attribute[0]);

          if (strcmp (uri, DOSSIER_XML_NAMESPACE) == 0)
            {
              if (frame->element == DOSSIER_ELEMENT_CASE && strcmp (local_name, "lang") == 0)
                {
                  g_autofree char *lang = attribute_value (attribute[3], attribute[4]);

                  if (!language_is_valid (lang))
                    dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                              _("the language '%s' in xml:lang is not a language tag like en or pt-BR"),
                                              lang);
                  else
                    state->dcase->language = dossier_arena_strdup (state->arena, lang);
                }
              else
                dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                          _("the attribute %s is not allowed on <%s>"), qname, name);
            }
          else if (strcmp (uri, DOSSIER_CASE_NAMESPACE) == 0)
            dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                      _("unknown attribute '%s' on <%s>"), qname, name);
          /* Any other namespace: room for other tools' data, ignored. */
          continue;
        }

      attr = find_attr (state, frame, attribute[0]);
      if (attr == NULL)
        {
          dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                    _("unknown attribute '%s' on <%s>"), local_name, name);
          continue;
        }

      if (length > DOSSIER_LOADER_MAX_TEXT)
        {
          dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                    _("the attribute %s of <%s> on line %u is longer than the 1 MiB limit"),
                                    local_name, name, frame->line);
          continue;
        }

      index = attr - rule->attrs;
      offsets[index] = append_attribute_value (state, attribute[3], attribute[4]);

      if (attr->type == DOSSIER_ATTR_ENUM
          && !g_strv_contains (attr->values, state->attributes + offsets[index]))
        {
          g_autofree char *allowed = dossier_element_join_values (attr->values);

          dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                    _("the attribute %s of <%s> is '%s'; it must be %s"),
                                    local_name, name, state->attributes + offsets[index], allowed);
          offsets[index] = -1;
        }
    }

  /* The buffer does not move any more: offsets become pointers. */
  for (guint i = 0; i < rule->n_attrs; i++)
    {
      values[i] = offsets[i] >= 0 ? state->attributes + offsets[i] : NULL;

      if (rule->attrs[i].required && values[i] == NULL)
        {
          /* A present but wrong enumeration was reported already. */
          gboolean present = FALSE;

          for (int j = 0; j < n_attributes; j++)
            if (attributes[j * 5 + 2] == NULL
                && strcmp ((const char *)attributes[j * 5], rule->attrs[i].name) == 0)
              present = TRUE;

          if (!present)
            dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                      _("<%s> has no %s attribute"), name, rule->attrs[i].name);
        }
    }
}

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
  g_autofree char *name = qualified_name (prefix, local_name);
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
          format_value = attribute_value (attribute[3], attribute[4]);
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
      name = qualified_name (prefix, local_name);

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
      name = qualified_name (prefix, local_name);
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

void
dossier_load_on_start_element (void           *user_data,
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

  read_attributes (state, frame, n_namespaces, n_attributes, attributes, values);

  /* Inline elements start in the text of their parent. */
  if (frame->rule->is_inline)
    dossier_load_text_before_child (state, parent->node);

  dossier_load_begin_element (state, frame, parent, values);
}

void
dossier_load_on_end_element (void          *user_data,
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

void
dossier_load_on_characters (void          *user_data,
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
