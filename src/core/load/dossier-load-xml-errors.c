/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>
#include <string.h>

/* libxml2's errors, in plain words. */

/* libxml2's messages, in plain words. */
static char *
translate_xml_error (LoadState  *state,
                     xmlErrorPtr error)
{
  const char *message = error->message != NULL ? error->message : "";
  const char *str1 = error->str1 != NULL ? error->str1 : "";
  const char *str2 = error->str2 != NULL ? error->str2 : "";

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_END:
      if (!state->root_seen)
        return g_strdup (_("the file holds no XML element"));
      if (!state->root_closed)
        {
          if (state->n_frames > 0 && state->skip_depth == 0)
            {
              Frame *frame = top_frame (state);

              return g_strdup_printf (_("the file ends too early: the tag <%s> opened on line %u is never closed"),
                                      element_name (frame->element), frame->line);
            }
          if (state->ctxt != NULL && state->ctxt->name != NULL)
            return g_strdup_printf (_("the file ends too early: the tag <%s> is never closed"),
                                    (const char *)state->ctxt->name);
          return g_strdup (_("the file ends too early"));
        }
      return g_strdup (_("the file is not well-formed XML: there is more after the end of the root element"));

    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("the file is not XML: it does not start with an element"));

    case XML_ERR_TAG_NOT_FINISHED:
      return g_strdup_printf (_("the file ends too early: the tag <%s> opened on line %d is never closed"),
                              str1, error->int1);

    case XML_ERR_TAG_NAME_MISMATCH:
      return g_strdup_printf (_("the file is not well-formed XML: the tag <%s> opened on line %d is never closed (found </%s>)"),
                              str1, error->int1, str2);

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("the entity &%s; is not defined: a case file may only use &amp;, &lt;, &gt;, &quot; and &apos;"),
                              str1);

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_CHARREF:
      if (g_str_has_prefix (message, "Input is not proper UTF-8"))
        return g_strdup (_("invalid UTF-8"));
      if (g_str_has_prefix (message, "xmlParseCharRef"))
        return g_strdup_printf (_("the character reference &#%d; names a character XML does not allow"),
                                error->int1);
      return g_strdup_printf (_("the character U+%04X is not allowed in XML"), (guint)error->int1);

    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup_printf (_("the file is not well-formed XML: the attribute %s appears twice"), str1);

    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return g_strdup_printf (_("the namespace prefix '%s' is not declared"), str1);

    case XML_ERR_INTERNAL_ERROR:
      if (strstr (message, "Excessive depth") != NULL)
        return g_strdup_printf (_("elements are nested more than %d deep"), DOSSIER_LOADER_MAX_DEPTH);
      break;

    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("the file is not well-formed XML: the start tag <%s> is not closed"), str1);

    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("the file is not well-formed XML: an attribute value holds '<' (write &lt;)"));

    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
      if (strstr (message, "EntityRef") != NULL || strstr (message, "xmlParseEntityRef") != NULL)
        return g_strdup (_("the file is not well-formed XML: a '&' must start a reference such as &amp;"));
      break;

    case XML_WAR_UNKNOWN_VERSION:
      return g_strdup (_("the file declares an XML version other than 1.0"));

    default:
      break;
    }

  {
    /* libxml2 quotes the file in some messages, cutting characters in
     * the middle. */
    g_autofree char *plain = g_strchomp (g_utf8_make_valid (message, -1));

    return g_strdup_printf (_("the file is not well-formed XML: %s"), plain);
  }
}

void
dossier_load_on_structured_error (void        *user_data,
                                  xmlErrorPtr  error)
{
  LoadState *state = user_data;
  g_autofree char *message = NULL;

  /* After the first error, libxml2 goes on only to report consequences
   * of it. */
  if (state->xml_error || error == NULL || error->code == XML_ERR_USER_STOP)
    return;

  /* A stop of our own (a DTD, a wrong root) says everything already. */
  if (state->stopped)
    return;

  /* Warnings are not errors (a relative namespace URI, an odd xml:space
   * value), except these two. */
  if (error->level == XML_ERR_WARNING
      && error->code != XML_WAR_UNKNOWN_VERSION
      && error->code != XML_WAR_UNDECLARED_ENTITY)
    return;

  state->xml_error = TRUE;
  message = translate_xml_error (state, error);
  dossier_load_add_problem (state, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                            error->line > 0 ? error->line : 0,
                            error->int2 > 0 ? error->int2 : 0,
                            "%s", message);
  dossier_load_stop_parsing (state);
}
