/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* An element's attributes, checked against its rule in the element table
 * and stored by slot. */

/* Attribute values come with '&' kept as "&#38;" (libxml2 does that when
 * it does not replace entities); undo it, appending the value and a NUL
 * to the state's attribute buffer. Returns the offset of the value. */
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

char *
dossier_load_attribute_value (const xmlChar *start,
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

char *
dossier_load_qualified_name (const xmlChar *prefix,
                             const xmlChar *local_name)
{
  if (prefix != NULL)
    return g_strdup_printf ("%s:%s", (const char *)prefix, (const char *)local_name);
  return g_strdup ((const char *)local_name);
}

/* Checks the attributes of @frame's element against its rule; fills
 * @values (borrowed from state->attributes until the next element) in
 * the rule's order. */
void
dossier_load_read_attributes (LoadState      *state,
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
          g_autofree char *qname = dossier_load_qualified_name (attribute[1], attribute[0]);

          if (strcmp (uri, DOSSIER_XML_NAMESPACE) == 0)
            {
              if (frame->element == DOSSIER_ELEMENT_CASE && strcmp (local_name, "lang") == 0)
                {
                  g_autofree char *lang = dossier_load_attribute_value (attribute[3], attribute[4]);

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
    values[i] = offsets[i] >= 0 ? state->attributes + offsets[i] : NULL;

  for (guint i = 0; i < rule->n_attrs; i++)
    {
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
