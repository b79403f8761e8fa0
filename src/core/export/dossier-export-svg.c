/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

/* The chart's SVG made fit to stand inside the HTML export. It is
 * cairo's own output and case text reaches it only as glyph outlines,
 * but it is still rebuilt rather than copied: only drawing elements and
 * attributes from fixed lists go through, every id gets a prefix and
 * every reference must point at one of those ids, styles become
 * presentation attributes, and every value is escaped. Anything else
 * (a script, an event attribute, a link, an image, text) is dropped. */

#define SVG_NS   "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

static const char * const elements[] = {
  "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse",
  "line", "polyline", "polygon", "linearGradient", "radialGradient", "stop",
  "clipPath", "mask", NULL
};

/* Geometry and structure: numbers, keywords, lists of them. */
static const char * const plain_attributes[] = {
  "d", "x", "y", "width", "height", "viewBox", "transform", "x1", "y1", "x2",
  "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "points", "offset",
  "gradientUnits", "gradientTransform", "spreadMethod", "clipPathUnits",
  "maskUnits", "maskContentUnits", "overflow", NULL
};

/* What a style may say; also allowed as attributes. */
static const char * const paint_properties[] = {
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
  "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
  "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
  "stop-color", "stop-opacity", "clip-path", "clip-rule", "mask", NULL
};

typedef struct
{
  GString    *out;
  const char *prefix;
} SvgWriter;

static gboolean
is_id (const char *value,
       gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (value[i]) && value[i] != '-' && value[i] != '_')
      return FALSE;
  return TRUE;
}

/* Numbers, keywords, colours and lists of them: nothing that could end
 * an attribute or name a resource. */
static gboolean
is_plain_value (const char *value)
{
  return *value != '\0' &&
         strspn (value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,+-#%()") ==
         strlen (value) &&
         strstr (value, "url") == NULL;
}

static void
write_attribute (SvgWriter  *w,
                 const char *name,
                 const char *value)
{
  g_string_append_printf (w->out, " %s=\"", name);
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (w->out, "&amp;"); break;
        case '<': g_string_append (w->out, "&lt;"); break;
        case '>': g_string_append (w->out, "&gt;"); break;
        case '"': g_string_append (w->out, "&quot;"); break;
        case '\'': g_string_append (w->out, "&#39;"); break;
        default: g_string_append_c (w->out, *p); break;
        }
    }
  g_string_append_c (w->out, '"');
}

/* A paint property: a plain value, or "url(#ID)" made to point at the
 * prefixed id. */
static void
write_paint (SvgWriter  *w,
             const char *name,
             const char *value)
{
  gsize length = strlen (value);

  if (g_str_has_prefix (value, "url(#") && length > 6 && value[length - 1] == ')' &&
      is_id (value + 5, length - 6))
    {
      g_autofree char *url = g_strdup_printf ("url(#%s%.*s)", w->prefix, (int) (length - 6), value + 5);

      write_attribute (w, name, url);
    }
  else if (is_plain_value (value))
    write_attribute (w, name, value);
}

static void
write_style (SvgWriter  *w,
             const char *style)
{
  g_auto(GStrv) declarations = g_strsplit (style, ";", -1);

  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      g_strstrip (declarations[i]);
      g_strstrip (colon + 1);
      if (g_strv_contains (paint_properties, declarations[i]))
        write_paint (w, declarations[i], colon + 1);
    }
}

static void
write_attributes (SvgWriter *w,
                  xmlNode   *node,
                  gboolean   root)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      const char *ns = attr->ns != NULL ? (const char *) attr->ns->href : NULL;
      g_autofree char *value = (char *) xmlNodeListGetString (node->doc, attr->children, 1);

      if (value == NULL)
        continue;
      /* The export's stylesheet sizes the picture to the page. */
      if (root && (strcmp (name, "width") == 0 || strcmp (name, "height") == 0))
        continue;

      if (g_strcmp0 (ns, XLINK_NS) == 0 || ns == NULL)
        {
          if (strcmp (name, "href") == 0)
            {
              if (value[0] == '#' && is_id (value + 1, strlen (value + 1)))
                {
                  g_autofree char *href = g_strconcat ("#", w->prefix, value + 1, NULL);

                  write_attribute (w, "href", href);
                }
              continue;
            }
          if (ns != NULL)
            continue;
        }
      else
        continue;

      if (strcmp (name, "id") == 0)
        {
          if (is_id (value, strlen (value)))
            {
              g_autofree char *id = g_strconcat (w->prefix, value, NULL);

              write_attribute (w, "id", id);
            }
        }
      else if (strcmp (name, "style") == 0)
        write_style (w, value);
      else if (g_strv_contains (paint_properties, name))
        write_paint (w, name, value);
      else if (g_strv_contains (plain_attributes, name) && is_plain_value (value))
        write_attribute (w, name, value);
    }
}

static gboolean
is_svg_element (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, SVG_NS) == 0 &&
         g_strv_contains (elements, (const char *) node->name);
}

/* Iterative: cairo nests shallowly, but a walk never trusts depth. */
static void
write_tree (SvgWriter  *w,
            xmlNode    *root,
            const char *label)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      const char *name = (const char *) node->name;

      g_string_append_printf (w->out, "<%s", name);
      if (node == root)
        {
          g_string_append (w->out, " xmlns=\"" SVG_NS "\" role=\"img\"");
          write_attribute (w, "aria-label", label);
        }
      write_attributes (w, node, node == root);
      g_string_append_c (w->out, '>');

      /* Down to the first child that is drawing, else close and go to
       * the next sibling that is, or up. */
      {
        xmlNode *child = node->children;

        while (child != NULL && !is_svg_element (child))
          child = child->next;
        if (child != NULL)
          {
            g_string_append_c (w->out, '\n');
            node = child;
            continue;
          }
      }

      while (node != NULL)
        {
          xmlNode *next;

          g_string_append_printf (w->out, "</%s>\n", (const char *) node->name);
          if (node == root)
            return;
          for (next = node->next; next != NULL && !is_svg_element (next); next = next->next)
            ;
          if (next != NULL)
            {
              node = next;
              break;
            }
          node = node->parent;
        }
    }
}

gboolean
dossier_export_svg_write_inline (GBytes     *svg,
                                 const char *prefix,
                                 const char *label,
                                 GString    *out)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  xmlDoc *doc;
  xmlNode *root;
  SvgWriter w = { out, prefix };

  g_return_val_if_fail (is_id (prefix, strlen (prefix)), FALSE);

  /* No entities, no DTD, no network: the same settings as a case file. */
  doc = xmlReadMemory (data, (int) size, "chart.svg", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_svg_element (root) || strcmp ((const char *) root->name, "svg") != 0)
    {
      xmlFreeDoc (doc);
      return FALSE;
    }

  write_tree (&w, root, label);
  xmlFreeDoc (doc);
  return TRUE;
}
