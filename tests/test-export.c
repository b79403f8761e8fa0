/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "dossier-core.h"
#include "dossier-export.h"
#include "dossier-export-command.h"
#include "dossier-chart-export.h"

/* The exports of the sample case are compared byte for byte with the
 * files in tests/golden/ (build-aux/update-golden.sh writes them again;
 * a change there is a change users see and must be reviewed). The hostile
 * fixture is exported in every format and checked to stay inert. */


static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  return path != NULL;
}

static DossierCase *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierCase *dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dcase);
  return dcase;
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "cases", "sony-pictures-2014.case.xml", NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cases", "good", name, NULL);
}

static DossierCase *
load_sample (void)
{
  g_autofree char *path = sample_path ();

  return load_path (path);
}

static DossierCase *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return load_path (path);
}

/* The options the golden files are made with. */
static void
golden_options (DossierExportOptions *options,
                DossierExportFormat   format)
{
  dossier_export_options_init (options);
  options->format = format;
  options->sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options->notes = DOSSIER_EXPORT_NOTES_ALL;
  options->local_time = FALSE;
  options->paper = DOSSIER_PAPER_A4;
}

static char *
export_string (DossierCase                *dcase,
               const DossierExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = dossier_export_to_bytes (dcase, options, NULL, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));

  return g_strndup (data, size);
}

static char *
export_format (DossierCase         *dcase,
               DossierExportFormat  format)
{
  DossierExportOptions options;

  golden_options (&options, format);
  return export_string (dcase, &options);
}

/* Golden files */

static void
check_golden (DossierExportFormat  format,
              const char          *name)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autofree char *actual = export_format (dcase, format);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) expected_lines = NULL;
  g_auto(GStrv) actual_lines = NULL;

  if (g_getenv ("DOSSIER_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  if (error != NULL)
    g_test_message ("%s is missing: run build-aux/update-golden.sh and review the result", path);
  g_assert_no_error (error);

  /* Say where they differ first, then compare every byte. */
  expected_lines = g_strsplit (expected, "\n", -1);
  actual_lines = g_strsplit (actual, "\n", -1);
  for (guint i = 0; expected_lines[i] != NULL && actual_lines[i] != NULL; i++)
    {
      if (g_strcmp0 (expected_lines[i], actual_lines[i]) != 0)
        {
          g_test_message ("%s:%u differs", name, i + 1);
          g_assert_cmpstr (actual_lines[i], ==, expected_lines[i]);
        }
    }
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_golden_markdown (void)
{
  check_golden (DOSSIER_EXPORT_MARKDOWN, "sony-pictures-2014.md");
}

static void
test_golden_html (void)
{
  check_golden (DOSSIER_EXPORT_HTML, "sony-pictures-2014.html");
}

static void
test_golden_text (void)
{
  check_golden (DOSSIER_EXPORT_TEXT, "sony-pictures-2014.txt");
}

/* HTML */

static const char csp[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

typedef struct
{
  guint    n_csp;
  guint    n_links;
  guint    n_elements;
  GString *h1;
} HtmlFacts;

static gboolean
href_is_allowed (const char *value)
{
  return g_str_has_prefix (value, "https://") || g_str_has_prefix (value, "http://") ||
         value[0] == '#';
}

static void
collect_text (xmlNode *node,
              GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        collect_text (child, out);
    }
}

static void
check_html_node (xmlNode   *node,
                 HtmlFacts *facts)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      facts->n_elements++;
      g_assert_cmpstr (name, !=, "script");
      g_assert_cmpstr (name, !=, "iframe");
      g_assert_cmpstr (name, !=, "object");
      g_assert_cmpstr (name, !=, "embed");
      g_assert_cmpstr (name, !=, "img");
      g_assert_cmpstr (name, !=, "form");
      g_assert_cmpstr (name, !=, "base");
      g_assert_cmpstr (name, !=, "link");
      /* Case text never makes an element: these only exist as text. */
      g_assert_cmpstr (name, !=, "b");
      if (g_strcmp0 (name, "span") == 0)
        {
          g_autofree char *klass = (char *) xmlGetProp (node, (const xmlChar *) "class");

          /* The export's own mentions, never a <span size=...> of the case. */
          g_assert_cmpstr (klass, ==, "mention");
          g_assert_null (node->properties->next);
        }
      g_assert_cmpstr (name, !=, "marquee");
      g_assert_cmpstr (name, !=, "blink");
      g_assert_cmpstr (name, !=, "u");
      g_assert_cmpstr (name, !=, "i");

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);
          const char *attr_name = (const char *) attr->name;

          g_assert_false (g_ascii_strncasecmp (attr_name, "on", 2) == 0);
          g_assert_cmpstr (attr_name, !=, "style");
          g_assert_cmpstr (attr_name, !=, "src");
          g_assert_cmpstr (attr_name, !=, "srcdoc");
          if (g_ascii_strcasecmp (attr_name, "href") == 0)
            {
              if (!href_is_allowed (value))
                g_error ("href=\"%s\" is not http, https or a fragment", value);
              if (value[0] != '#')
                {
                  g_autofree char *rel = (char *) xmlGetProp (node, (const xmlChar *) "rel");

                  g_assert_cmpstr (rel, ==, "noopener noreferrer");
                  facts->n_links++;
                }
            }
        }

      if (g_strcmp0 (name, "meta") == 0)
        {
          g_autofree char *equiv = (char *) xmlGetProp (node, (const xmlChar *) "http-equiv");
          g_autofree char *content = (char *) xmlGetProp (node, (const xmlChar *) "content");

          if (g_strcmp0 (equiv, "Content-Security-Policy") == 0)
            {
              g_assert_cmpstr (content, ==, csp);
              facts->n_csp++;
            }
        }

      if (g_strcmp0 (name, "h1") == 0)
        collect_text (node, facts->h1);

      check_html_node (node->children, facts);
    }
}

static void
check_html (const char *html,
            HtmlFacts  *facts)
{
  htmlDocPtr doc;

  doc = htmlReadMemory (html, strlen (html), "export.html", "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  check_html_node (xmlDocGetRootElement (doc), facts);
  xmlFreeDoc (doc);

  g_assert_cmpuint (facts->n_csp, ==, 1);
  /* Words such as "javascript:" may stand in the text, never in markup. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "\"javascript:"));
}

static void
test_html_sample_inert (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autofree char *html = export_format (dcase, DOSSIER_EXPORT_HTML);
  HtmlFacts facts = { 0, 0, 0, g_string_new (NULL) };

  check_html (html, &facts);
  g_assert_cmpuint (facts.n_elements, >, 50);
  g_assert_cmpstr (facts.h1->str, ==, "The Sony Pictures hack, November 2014");
  /* Citations link to their source, and back. */
  g_assert_nonnull (strstr (html, "<sup class=\"cite\" id=\"cite-1\"><a href=\"#source-article\">[1, para. 1]</a></sup>"));
  g_assert_nonnull (strstr (html, "<li id=\"source-article\" value=\"1\">"));
  g_assert_nonnull (strstr (html, "href=\"#cite-1\""));
  g_assert_nonnull (strstr (html, "@media print"));
  g_string_free (facts.h1, TRUE);
}

static guint
count_substrings (GBytes     *bytes,
                  const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The <figure class="chart"> of the export: drawing only, no words (case
 * text reaches it as glyph outlines, never as text or markup). Returns
 * the number of its marks (paths with the marks' line width). */
static guint
check_html_chart (xmlNode *node,
                  gboolean in_chart)
{
  static const char * const drawing[] = {
    /* as the HTML parser names them: in lower case */
    "svg", "g", "defs", "symbol", "use", "path", "rect", "lineargradient", "stop", NULL
  };
  guint marks = 0;

  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;
      gboolean chart = in_chart;

      if (in_chart && node->type == XML_TEXT_NODE)
        {
          g_autofree char *text = g_strdup ((const char *) node->content);

          g_assert_cmpstr (g_strstrip (text), ==, "");
        }
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_strcmp0 (name, "figure") == 0)
        {
          g_autofree char *klass = (char *) xmlGetProp (node, (const xmlChar *) "class");

          g_assert_cmpstr (klass, ==, "chart");
          chart = TRUE;
        }
      else if (in_chart)
        {
          g_autofree char *width = (char *) xmlGetProp (node, (const xmlChar *) "stroke-width");

          if (!g_strv_contains (drawing, name))
            g_error ("<%s> in the chart", name);
          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            {
              g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);

              g_assert_null (strchr (value, '<'));
              if (g_strcmp0 ((const char *) attr->name, "id") == 0)
                g_assert_true (g_str_has_prefix (value, "chart-"));
              if (g_strcmp0 ((const char *) attr->name, "href") == 0)
                g_assert_true (g_str_has_prefix (value, "#chart-"));
            }
          if (g_strcmp0 (name, "path") == 0 && g_strcmp0 (width, "1.25") == 0)
            marks++;
        }
      marks += check_html_chart (node->children, chart);
    }

  return marks;
}

static guint
html_chart_marks (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), "export.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  guint marks;

  g_assert_nonnull (doc);
  marks = check_html_chart (xmlDocGetRootElement (doc), FALSE);
  xmlFreeDoc (doc);
  return marks;
}

/* The chart stands at the top of the timeline, inline, and draws what
 * the chart export draws: one mark for each item its SVG has. */
static void
test_html_chart (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autofree char *html = export_format (dcase, DOSSIER_EXPORT_HTML);
  g_autoptr(DossierChartModel) model = NULL;
  g_autoptr(GBytes) svg = NULL;
  DossierExportOptions options;
  const char *timeline = strstr (html, "<h2 id=\"timeline\">Timeline</h2>\n");
  guint marks;

  g_assert_nonnull (timeline);
  g_assert_true (g_str_has_prefix (timeline + strlen ("<h2 id=\"timeline\">Timeline</h2>\n"),
                                   "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""
                                   " role=\"img\" aria-label=\"Timeline chart\" viewBox=\"0 0 760 "));
  /* One chart, sized by the stylesheet, drawn without a style attribute
   * (check_html() refuses those anywhere). */
  g_assert_null (strstr (strstr (html, "<figure") + 1, "<figure"));
  g_assert_nonnull (strstr (html, ".chart svg { display: block; width: 100%; height: auto; }"));

  marks = html_chart_marks (html);
  golden_options (&options, DOSSIER_EXPORT_HTML);
  model = dossier_chart_model_new_for_export (dcase, &options, NULL, NULL);
  svg = dossier_chart_image_to_bytes (model, DOSSIER_CHART_EXPORT_SVG, 760, NULL);
  g_assert_cmpuint (marks, >, 0);
  g_assert_cmpuint (marks, ==, count_substrings (svg, "stroke-width:1.25;"));

  /* Markdown and text have no chart, and no word of one. */
  {
    g_autofree char *md = export_format (dcase, DOSSIER_EXPORT_MARKDOWN);
    g_autofree char *text = export_format (dcase, DOSSIER_EXPORT_TEXT);

    g_assert_null (strstr (md, "svg"));
    g_assert_null (strstr (text, "svg"));
  }
}

static void
test_html_hostile_inert (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("hostile-text.case.xml");
  g_autofree char *html = export_format (dcase, DOSSIER_EXPORT_HTML);
  HtmlFacts facts = { 0, 0, 0, g_string_new (NULL) };

  check_html (html, &facts);
  /* The markup of the title is shown as the characters it is; the
   * right-to-left override is gone. */
  g_assert_cmpstr (facts.h1->str, ==,
                   "../../etc/passwd <b>fdp.exe</b> &amp; <span size='2147483647'>huge</span>");
  g_assert_null (strstr (html, "\xe2\x80\xae"));
  /* Unsafe addresses are shown as evidence, never as links. */
  g_assert_nonnull (strstr (html, "<code>data:text/html;base64,"));
  g_assert_nonnull (strstr (html, "<code>javascript:alert(&#39;url&#39;)</code>"));
  g_assert_null (strstr (html, "href=\"data:"));
  g_assert_null (strstr (html, "href=\"file:"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  /* Its dated items are drawn, as shapes only. */
  g_assert_cmpuint (html_chart_marks (html), >, 0);
  g_string_free (facts.h1, TRUE);
}

/* Markdown */

static void
check_markdown_inert (const char *md)
{
  /* Every '<' is escaped: no raw HTML at all. */
  for (const char *p = strchr (md, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      if (p > md && p[-1] == '\\')
        continue;
      g_error ("raw '<' in the Markdown: %.40s", p);
    }

  /* Every link destination is http or https. */
  for (const char *p = strstr (md, "]("); p != NULL; p = strstr (p + 1, "]("))
    {
      if (p > md && p[-1] == '\\')
        continue;
      if (!href_is_allowed (p + 2) || p[2] == '#')
        g_error ("link to something else than http or https: %.40s", p);
    }

  g_assert_null (strstr (md, "\xe2\x80\xae"));
}

static void
test_markdown_hostile_inert (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("hostile-text.case.xml");
  g_autofree char *md = export_format (dcase, DOSSIER_EXPORT_MARKDOWN);

  check_markdown_inert (md);
  g_assert_true (g_str_has_prefix (md, "# ../../etc/passwd \\<b\\>fdp.exe\\</b\\> \\&amp; \\<span size='2147483647'\\>huge\\</span\\>\n"));
  /* Markdown syntax in case text stays text. */
  g_assert_nonnull (strstr (md, "\\[click\\](javascript:alert(1))"));
  g_assert_nonnull (strstr (md, "\\# Not a heading"));
  g_assert_nonnull (strstr (md, "\\*\\*not bold\\*\\*"));
  g_assert_nonnull (strstr (md, "\n\\- not a list item"));
  /* An unsafe link keeps its words and loses its address. */
  g_assert_nonnull (strstr (md, "javascript link,"));
  g_assert_nonnull (strstr (md, "javascript\\:alert('url')"));
}

static void
test_markdown_sample (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autofree char *md = export_format (dcase, DOSSIER_EXPORT_MARKDOWN);

  check_markdown_inert (md);
  g_assert_true (g_str_has_prefix (md, "# The Sony Pictures hack, November 2014\n"));
  /* A citation is a footnote reference, its locator after it. */
  g_assert_nonnull (strstr (md, "computer network[^1] (para. 1). Employees"));
  g_assert_nonnull (strstr (md, "ties to North Korea[^1] (para. 2)[^2]. *(unverified)*"));
  /* A cited source is a footnote definition. */
  g_assert_nonnull (strstr (md, "\n## Sources\n\n[^1]: North Korea And Kim Jong-un Might Be Kind Of Pissed"));
  g_assert_nonnull (strstr (md, "\n\n[^3]: Update on Sony Investigation. FBI National Press Office, 19 December 2014. "
                                "[https://www.fbi.gov/news/press-releases/update-on-sony-investigation]"
                                "(https://www.fbi.gov/news/press-releases/update-on-sony-investigation) "
                                "*(A: Completely reliable; 2: Probably true)*\n"));
}

/* The citations a full export holds: every one in the case but those in
 * what the export leaves out, the descriptions of entities (shown by name,
 * kind and role) and the summaries of events (shown by date and title). */
static guint
count_exported_citations (DossierCase *dcase)
{
  GPtrArray *citations = dossier_case_get_citations (dcase);
  guint n = 0;

  for (guint i = 0; i < citations->len; i++)
    {
      DossierPlace *place = g_ptr_array_index (citations, i);

      if (place->section != DOSSIER_SECTION_ENTITIES && place->section != DOSSIER_SECTION_TIMELINE)
        n++;
    }

  return n;
}

/* HTML from cmark-gfm, GitHub's CommonMark, in its default safe mode
 * (raw HTML is left out and says so), with footnotes and tables; NULL
 * when it is not installed. */
static char *
render_with_cmark_gfm (const char *md)
{
  g_autofree char *program = g_find_program_in_path ("cmark-gfm");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *html = NULL;

  if (program == NULL)
    return NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, "--extension", "footnotes", "--extension", "table", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, md, NULL, &html, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return html;
}

/* Checks the HTML cmark-gfm makes of a Markdown export: no raw HTML was
 * dropped, every footnote reference links to a footnote that exists, and
 * there are @n_citations of them. */
static void
check_footnotes_rendered (const char *html,
                          guint       n_citations)
{
  const char *ref = "<sup class=\"footnote-ref\"><a href=\"#fn-";
  guint n_refs = 0;

  g_assert_null (strstr (html, "raw HTML omitted"));
  /* A reference without a definition stays as its characters. */
  g_assert_null (strstr (html, "[^"));

  for (const char *p = strstr (html, ref); p != NULL; p = strstr (p + 1, ref))
    {
      const char *label = p + strlen (ref);
      g_autofree char *id = g_strndup (label, strcspn (label, "\""));
      g_autofree char *item = g_strdup_printf ("<li id=\"fn-%s\">", id);

      if (strstr (html, item) == NULL)
        g_error ("footnote reference to fn-%s, which does not exist", id);
      n_refs++;
    }

  g_assert_cmpuint (n_refs, ==, n_citations);
}

static void
test_markdown_footnotes_render (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autofree char *md = export_format (dcase, DOSSIER_EXPORT_MARKDOWN);
  g_autofree char *html = render_with_cmark_gfm (md);

  if (html == NULL)
    {
      g_test_skip ("cmark-gfm is not installed (build-aux/install-deps.sh --tests)");
      return;
    }

  check_footnotes_rendered (html, count_exported_citations (dcase));
  /* One footnote per cited source, in the order of first citation. */
  g_assert_nonnull (strstr (html, "<li id=\"fn-7\">\n<p>Seth Rogen and James Franco’s"));
  g_assert_null (strstr (html, "<li id=\"fn-8\">"));
  g_assert_nonnull (strstr (html, "<a href=\"https://www.fbi.gov/news/press-releases/update-on-sony-investigation\">"));
}

/* What a Markdown renderer makes of the hostile case: only the elements
 * Markdown itself makes, no link but http(s) and the footnotes'. */
static void
test_markdown_hostile_renders_inert (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("hostile-text.case.xml");
  g_autofree char *md = export_format (dcase, DOSSIER_EXPORT_MARKDOWN);
  g_autofree char *html = render_with_cmark_gfm (md);
  const char *elements[] = { "<script", "<img", "<iframe", "<marquee", "<blink", "<span", "<b>", "<i>", "<u>" };

  if (html == NULL)
    {
      g_test_skip ("cmark-gfm is not installed (build-aux/install-deps.sh --tests)");
      return;
    }

  check_footnotes_rendered (html, count_exported_citations (dcase));
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      if (strstr (html, elements[i]) != NULL)
        g_error ("cmark-gfm made %s> of the hostile case's Markdown", elements[i]);
    }
  for (const char *p = strstr (html, "href=\""); p != NULL; p = strstr (p + 1, "href=\""))
    {
      const char *value = p + strlen ("href=\"");

      if (!g_str_has_prefix (value, "https://") && !g_str_has_prefix (value, "http://") &&
          !g_str_has_prefix (value, "#fn-") && !g_str_has_prefix (value, "#fnref-"))
        g_error ("cmark-gfm made a link of the hostile case's Markdown: %.40s", p);
    }
}

/* A reference stays a reference next to what could make it something
 * else, and a source nothing cites stays in the list. */
static void
test_markdown_footnotes_neighbours (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("markdown-footnotes.case.xml");
  g_autofree char *md = export_format (dcase, DOSSIER_EXPORT_MARKDOWN);
  g_autofree char *html = NULL;

  check_markdown_inert (md);
  /* A citation inside a link's words follows the link. */
  g_assert_nonnull (strstr (md, "[its network](https://example.org/network)[^1] on Monday."));
  g_assert_nonnull (strstr (md, "\n[^2]\\: the memo says so.\n"));
  g_assert_nonnull (strstr (md, "The memo[^2] (p. 2)(see above) and the report[^1]\\(https://example.org/x)."));
  g_assert_nonnull (strstr (md, "\n[^2]: Internal memo. javascript\\:alert(1)\n\n3. A report nothing cites.\n"));

  html = render_with_cmark_gfm (md);
  if (html == NULL)
    {
      g_test_skip ("cmark-gfm is not installed (build-aux/install-deps.sh --tests)");
      return;
    }

  check_footnotes_rendered (html, count_exported_citations (dcase));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/network\">its network</a><sup class=\"footnote-ref\">"));
  g_assert_nonnull (strstr (html, "</sup>: the memo says so.</p>"));
  g_assert_nonnull (strstr (html, "</sup> (p. 2)(see above) and the report<sup"));
  g_assert_null (strstr (html, "href=\"see"));
  g_assert_null (strstr (html, "href=\"https://example.org/x"));
  g_assert_null (strstr (html, "href=\"javascript"));
  g_assert_nonnull (strstr (html, "<ol start=\"3\">\n<li>A report nothing cites.</li>"));
}

/* Plain text */

static guint
test_display_width (const char *line)
{
  guint width = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
check_text_width (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (test_display_width (lines[i]) > 72)
        g_error ("line %u is %u columns wide: %s", i + 1, test_display_width (lines[i]), lines[i]);
    }
}

static void
test_text_width (void)
{
  g_autoptr(DossierCase) sample = load_sample ();
  g_autoptr(DossierCase) hostile = load_fixture ("hostile-text.case.xml");
  g_autofree char *a = export_format (sample, DOSSIER_EXPORT_TEXT);
  g_autofree char *b = export_format (hostile, DOSSIER_EXPORT_TEXT);

  check_text_width (a);
  check_text_width (b);
  g_assert_null (strstr (b, "\xe2\x80\xae"));
  g_assert_true (g_str_has_prefix (a, "The Sony Pictures hack, November 2014\n"
                                      "=====================================\n"));
}

static const char wide_case[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"wide\">\n"
  "  <title>東京の事件</title>\n"
  "  <summary><p>これは非常に長い日本語の段落であり、空白を含まないため、表示幅に基づいて"
  "折り返す必要があります。全角文字は二列を占めるので、一行には三十六文字までしか入りません。"
  "Latin words follow the wide ones and wrap at spaces as usual in the same paragraph.</p></summary>\n"
  "</case>\n";

static void
test_text_wide_characters (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (wide_case, sizeof wide_case - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = dossier_case_load_bytes (bytes, "wide.case.xml", NULL, NULL, NULL, NULL, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint full_wide_lines = 0;

  g_assert_no_error (error);
  text = export_format (dcase, DOSSIER_EXPORT_TEXT);
  check_text_width (text);

  lines = g_strsplit (text, "\n", -1);
  /* The title (5 wide characters) is underlined 10 columns wide. */
  g_assert_cmpstr (lines[0], ==, "東京の事件");
  g_assert_cmpstr (lines[1], ==, "==========");
  for (guint i = 0; lines[i] != NULL; i++)
    if (test_display_width (lines[i]) == 72 && g_utf8_strlen (lines[i], -1) == 36)
      full_wide_lines++;
  g_assert_cmpuint (full_wide_lines, >=, 1);
}

/* PDF */

static char *
write_temp (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-export-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static GBytes *
export_pdf (DossierCase      *dcase,
            DossierPaperSize  paper)
{
  DossierExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  golden_options (&options, DOSSIER_EXPORT_PDF);
  options.paper = paper;
  bytes = dossier_export_to_bytes (dcase, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) == 0);

  return bytes;
}

static char *
pdf_to_text (GBytes *pdf)
{
  g_autofree char *path = write_temp (pdf, "export.pdf");
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  remove_temp (path);

  return text;
}

/* memmem () without _GNU_SOURCE: PDF bytes hold NULs. */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle)
{
  gsize len = strlen (needle);

  for (gsize i = 0; len <= size && i <= size - len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, len) == 0)
      return data + i;

  return NULL;
}

/* Link annotations, the outline and the document information are
 * uncompressed objects of the PDF. */
static gboolean
pdf_contains (GBytes     *pdf,
              const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  return find_bytes (data, size, needle) != NULL;
}

static void
check_pdf_uris (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *end = data + size;
  guint n = 0;

  for (const char *p = find_bytes (data, size, "/URI"); p != NULL;
       p = find_bytes (p + 4, end - (p + 4), "/URI"))
    {
      const char *value = p + 4;

      while (value < end && *value == ' ')
        value++;
      /* Only the /URI keys of link actions (/S /URI has a name, not a
       * string, after it). */
      if (value < end && *value == '(')
        {
          g_assert_true (g_str_has_prefix (value, "(https://") || g_str_has_prefix (value, "(http://"));
          n++;
        }
    }
  g_test_message ("%u URI links", n);
}

static void
test_pdf_sample (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autoptr(GBytes) first = export_pdf (dcase, DOSSIER_PAPER_A4);
  g_autoptr(GBytes) second = export_pdf (dcase, DOSSIER_PAPER_A4);
  g_autofree char *text = NULL;

  /* The same case and options give the same bytes. */
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (pdf_contains (first, "/MediaBox [ 0 0 595.275591 841.889764 ]"));
  g_assert_true (pdf_contains (first, "/CreationDate (20261127000000Z)"));
  g_assert_true (pdf_contains (first, "/Outlines"));
  /* The outline starts with the title. */
  g_assert_true (pdf_contains (first, "<< /Title (The Sony Pictures hack, November 2014)"));
  g_assert_true (pdf_contains (first, "<< /Title (Sources)"));
  /* Citations are links to their source's entry. */
  g_assert_true (pdf_contains (first, "/Subtype /Link"));
  g_assert_true (pdf_contains (first, "/Dest (source-article)"));
  g_assert_true (pdf_contains (first, "/Dest (cite-1)"));
  check_pdf_uris (first);

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  text = pdf_to_text (first);
  g_assert_nonnull (strstr (text, "The Sony Pictures hack, November 2014"));
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_nonnull (strstr (text, "[1, para. 1]"));
  g_assert_nonnull (strstr (text, "sony-pictures-2014"));
  /* The chart heads the timeline: its lanes and its legend, as text. */
  g_assert_nonnull (strstr (text, "Timeline\n"));
  g_assert_nonnull (strstr (strstr (text, "Timeline\n"), "Release History"));
  g_assert_nonnull (strstr (text, "a day or an instant"));
  /* Page numbers. */
  g_assert_nonnull (strstr (text, "\n1\n"));
  g_assert_nonnull (strstr (text, "\n2\n"));
}

static void
test_pdf_letter (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  g_autoptr(GBytes) pdf = export_pdf (dcase, DOSSIER_PAPER_LETTER);

  g_assert_true (pdf_contains (pdf, "/MediaBox [ 0 0 612 792 ]"));
  /* updated is 2014-11-24T23:00:30Z. */
  g_assert_true (pdf_contains (pdf, "/CreationDate (20141124230030Z)"));
  g_assert_true (pdf_contains (pdf, "/ModDate (20141124230030Z)"));
}

static void
test_pdf_hostile (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("hostile-text.case.xml");
  g_autoptr(GBytes) pdf = export_pdf (dcase, DOSSIER_PAPER_A4);
  g_autofree char *text = NULL;

  check_pdf_uris (pdf);
  /* The one safe link, its quote, parentheses and angle brackets
   * percent-encoded before cairo sees them. */
  g_assert_true (pdf_contains (pdf, "/URI (https://example.org/it%27s%281%29%22%3Cx%3E)"));
  g_assert_false (pdf_contains (pdf, "javascript:"));
  g_assert_false (pdf_contains (pdf, "(file:"));
  g_assert_false (pdf_contains (pdf, "(data:"));

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* Pango markup in case text is shown as text, not applied. */
  text = pdf_to_text (pdf);
  g_assert_nonnull (strstr (text, "<span size='2147483647'>huge</span>"));
  g_assert_nonnull (strstr (text, "<b>fdp.exe</b>"));
  g_assert_null (strstr (text, "\xe2\x80\xae"));
}

/* What goes in */

static void
test_citations_renumbered (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierExportOptions options;
  g_autofree char *text = NULL;

  /* Only the threat screen: its first citation is [1] in the export,
   * whatever its number in the whole case. */
  golden_options (&options, DOSSIER_EXPORT_TEXT);
  options.sections = 1u << DOSSIER_SECTION_THREAT;
  text = export_string (dcase, &options);

  g_assert_nonnull (strstr (text, "We have your data[1]. (reported)"));
  g_assert_nonnull (strstr (text, "\n[1] Something else. Winter 2014.\n"));
  g_assert_null (strstr (text, "[2]"));
  g_assert_null (strstr (text, "Trade Daily"));
  /* A link printed on the screen is evidence: shown, never a link. */
  g_assert_nonnull (strstr (text, "javascript:alert(1) A link that is never opened"));
}

static void
test_sources_section_lists_uncited (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierExportOptions options;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  golden_options (&options, DOSSIER_EXPORT_TEXT);
  options.sections = 1u << DOSSIER_SECTION_THREAT;
  without = export_string (dcase, &options);
  options.sections |= 1u << DOSSIER_SECTION_SOURCES;
  with = export_string (dcase, &options);

  g_assert_null (strstr (without, "Official gazette"));
  g_assert_nonnull (strstr (with, "[1] Something else."));
  g_assert_nonnull (strstr (with, "Official gazette"));
  g_assert_nonnull (strstr (with, "[9] "));
}

static void
test_notes_modes (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierExportOptions options;
  g_autofree char *none = NULL;
  g_autofree char *all = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *untagged = NULL;

  golden_options (&options, DOSSIER_EXPORT_TEXT);
  options.sections = 1u << DOSSIER_SECTION_NOTES;
  options.notes = DOSSIER_EXPORT_NOTES_NONE;
  none = export_string (dcase, &options);
  options.notes = DOSSIER_EXPORT_NOTES_ALL;
  all = export_string (dcase, &options);
  options.notes = DOSSIER_EXPORT_NOTES_TAG;
  options.notes_arg = "one";
  tagged = export_string (dcase, &options);
  options.notes_arg = "three";
  untagged = export_string (dcase, &options);

  g_assert_null (strstr (none, "Notes\n-----"));
  g_assert_nonnull (strstr (all, "A note about several things"));
  g_assert_nonnull (strstr (all, "A note with only a title"));
  g_assert_nonnull (strstr (all, "Written: 24 November 2014 · By: Tester · Tags: one, two"));
  g_assert_nonnull (strstr (tagged, "A note about several things"));
  g_assert_null (strstr (tagged, "A note with only a title"));
  g_assert_null (strstr (untagged, "Notes\n-----"));
}

static void
test_notes_query (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GBytes) bytes = NULL;

  golden_options (&options, DOSSIER_EXPORT_TEXT);
  options.sections = 1u << DOSSIER_SECTION_NOTES;
  options.notes = DOSSIER_EXPORT_NOTES_QUERY;
  options.notes_arg = "\"only a title\"";
  found = export_string (dcase, &options);
  g_assert_nonnull (strstr (found, "A note with only a title"));
  g_assert_null (strstr (found, "A note about several things"));

  options.notes_arg = "\"unclosed";
  bytes = dossier_export_to_bytes (dcase, &options, NULL, &error);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION);
  g_assert_null (bytes);
}

static void
test_reactions_in_date_order (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierExportOptions options;
  g_autofree char *text = NULL;
  const char *order[] = {
    "June 2014 — Daily Wire",
    "Summer 2014 — An Envoy (on behalf of Ruritania)",
    "July 2014 — An Envoy",
    "December 2014 — Ruritania",
    "20 December 2014 — Bystanders",
    "21 December 2014 — Acme Films",
  };
  const char *previous = NULL;

  golden_options (&options, DOSSIER_EXPORT_TEXT);
  options.sections = 1u << DOSSIER_SECTION_REACTIONS;
  text = export_string (dcase, &options);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *at = strstr (text, order[i]);

      if (at == NULL)
        g_error ("“%s” missing from:\n%s", order[i], text);
      g_assert_true (previous == NULL || at > previous);
      previous = at;
    }
  /* The quote, verbatim, under its reaction. */
  g_assert_nonnull (strstr (text, "\n    an act of war\n"));
}

static void
test_time_zone (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierThreatScreen *threat = dossier_case_get_threat_screen (dcase);
  DossierExportOptions options;
  g_autofree char *utc = NULL;
  g_autofree char *local = NULL;
  g_autofree char *expected_local = NULL;
  g_autofree char *line = NULL;

  golden_options (&options, DOSSIER_EXPORT_TEXT);
  options.sections = 1u << DOSSIER_SECTION_THREAT;
  utc = export_string (dcase, &options);
  g_assert_nonnull (strstr (utc, "- Deadline: 24 November 2014, 23:00 UTC\n"));

  options.local_time = TRUE;
  local = export_string (dcase, &options);
  expected_local = dossier_date_format_in_zone (dossier_threat_screen_get_deadline (threat), NULL);
  line = g_strdup_printf ("- Deadline: %s\n", expected_local);
  g_assert_nonnull (strstr (local, line));
}

static void
test_paper_for_locale (void)
{
  const char *vars[] = { "LC_ALL", "LC_PAPER", "LANG" };
  char *saved[G_N_ELEMENTS (vars)];

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    saved[i] = g_strdup (g_getenv (vars[i]));

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_PAPER");
  g_setenv ("LANG", "en_US.UTF-8", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_LETTER);
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_A4);
  g_setenv ("LC_PAPER", "fr_CA.UTF-8", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_LETTER);
  g_setenv ("LC_PAPER", "es_MX", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_LETTER);
  g_setenv ("LC_PAPER", "en_PH.UTF-8@x", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_LETTER);
  g_setenv ("LC_ALL", "en_GB.UTF-8", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_A4);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpint (dossier_paper_size_for_locale (), ==, DOSSIER_PAPER_A4);

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      if (saved[i] != NULL)
        g_setenv (vars[i], saved[i], TRUE);
      else
        g_unsetenv (vars[i]);
      g_free (saved[i]);
    }
}

static void
test_suggest_filename (void)
{
  g_autoptr(DossierCase) sample = load_sample ();
  g_autoptr(DossierCase) hostile = load_fixture ("hostile-text.case.xml");
  g_autofree char *md = dossier_export_suggest_filename (sample, DOSSIER_EXPORT_MARKDOWN);
  g_autofree char *pdf = dossier_export_suggest_filename (sample, DOSSIER_EXPORT_PDF);
  g_autofree char *bad = dossier_export_suggest_filename (hostile, DOSSIER_EXPORT_HTML);
  g_autofree char *txt = dossier_export_suggest_filename (hostile, DOSSIER_EXPORT_TEXT);

  g_assert_cmpstr (md, ==, "The-Sony-Pictures-hack-November-2014.md");
  g_assert_cmpstr (pdf, ==, "The-Sony-Pictures-hack-November-2014.pdf");
  g_assert_cmpstr (bad, ==, "etc-passwd-b-fdp-exe-b-amp-span-size-2147483647-huge-span.html");
  g_assert_cmpstr (txt, ==, "etc-passwd-b-fdp-exe-b-amp-span-size-2147483647-huge-span.txt");
  g_assert_null (strchr (bad, '/'));
  g_assert_cmpint (bad[0], !=, '.');
}

static void
test_suggest_filename_limits (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"x\">"
    "<title>...\xe2\x80\xae\xe2\x80\x8b/.. Ünïcödé "
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "</title></case>";
  static const char empty[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"x\"><title>../..</title></case>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GBytes) empty_bytes = g_bytes_new_static (empty, sizeof empty - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(DossierCase) empty_case = NULL;
  g_autofree char *name = NULL;
  g_autofree char *empty_name = NULL;
  g_autofree char *as = g_strnfill (56, 'a');
  g_autofree char *expected = NULL;

  dcase = dossier_case_load_bytes (bytes, "x.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  name = dossier_export_suggest_filename (dcase, DOSSIER_EXPORT_PDF);
  /* Dots, slashes and invisible characters gone, cut at 64 characters. */
  expected = g_strdup_printf ("Ünïcödé-%s.pdf", as);
  g_assert_cmpstr (name, ==, expected);
  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 64 + 4);

  empty_case = dossier_case_load_bytes (empty_bytes, "x.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  empty_name = dossier_export_suggest_filename (empty_case, DOSSIER_EXPORT_MARKDOWN);
  g_assert_cmpstr (empty_name, ==, "case.md");
}

/* Options */

static void
test_parse_options (void)
{
  g_autoptr(GError) error = NULL;
  DossierExportNotes mode;
  const char *arg;
  DossierExportFormat format;
  guint sections = 0;

  g_assert_true (dossier_export_parse_sections ("breach, threat,notes", &sections, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sections, ==, (1u << DOSSIER_SECTION_BREACH) | (1u << DOSSIER_SECTION_THREAT) |
                                  (1u << DOSSIER_SECTION_NOTES));
  g_assert_true (dossier_export_parse_sections ("all", &sections, &error));
  g_assert_cmpuint (sections, ==, DOSSIER_EXPORT_ALL_SECTIONS);
  g_assert_false (dossier_export_parse_sections ("breach,nonsense", &sections, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION);
  g_assert_cmpstr (error->message, ==,
                   "Unknown section “nonsense”; use overview, entities, sources, breach, threat, reactions, release, timeline, notes or all");
  g_clear_error (&error);

  g_assert_true (dossier_export_parse_notes ("tag:leak", &mode, &arg, &error));
  g_assert_cmpint (mode, ==, DOSSIER_EXPORT_NOTES_TAG);
  g_assert_cmpstr (arg, ==, "leak");
  g_assert_true (dossier_export_parse_notes ("passports before:2014-12", &mode, &arg, &error));
  g_assert_cmpint (mode, ==, DOSSIER_EXPORT_NOTES_QUERY);
  g_assert_true (dossier_export_parse_notes ("all", &mode, &arg, &error));
  g_assert_cmpint (mode, ==, DOSSIER_EXPORT_NOTES_ALL);
  g_assert_null (arg);
  g_assert_false (dossier_export_parse_notes ("tag:", &mode, &arg, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION);
  g_clear_error (&error);

  g_assert_true (dossier_export_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_PDF);
  g_assert_false (dossier_export_format_from_string ("docx", &format));
  g_assert_cmpstr (dossier_export_format_get_extension (DOSSIER_EXPORT_TEXT), ==, "txt");
}

/* Progress and cancellation */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DossierExportOptions options;

  for (DossierExportFormat format = DOSSIER_EXPORT_MARKDOWN; format <= DOSSIER_EXPORT_PDF; format++)
    {
      golden_options (&options, format);
      options.progress = progress_cb;
      options.progress_data = seen;
      g_array_set_size (seen, 0);
      bytes = dossier_export_to_bytes (dcase, &options, NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&bytes, g_bytes_unref);

      g_assert_cmpuint (seen->len, >=, 2);
      for (guint i = 1; i < seen->len; i++)
        g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
      g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

      g_cancellable_cancel (cancellable);
      bytes = dossier_export_to_bytes (dcase, &options, cancellable, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (bytes);
      g_clear_error (&error);
      g_cancellable_reset (cancellable);
    }
}

/* The command line */

typedef struct
{
  char *dir;
  char *case_path;
  FILE *out;
  FILE *err;
} CommandFixture;

static void
command_setup (CommandFixture *f,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = sample_path ();
  g_autofree char *contents = NULL;
  gsize size;

  f->dir = g_dir_make_tmp ("dossier-export-command-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (sample, &contents, &size, &error);
  g_assert_no_error (error);
  f->case_path = g_build_filename (f->dir, "sample.case.xml", NULL);
  g_file_set_contents (f->case_path, contents, size, &error);
  g_assert_no_error (error);
  f->out = tmpfile ();
  f->err = tmpfile ();
}

static char *
read_back (FILE *file)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  fflush (file);
  rewind (file);
  while ((n = fread (buffer, 1, sizeof buffer, file)) > 0)
    g_string_append_len (text, buffer, n);
  rewind (file);
  if (ftruncate (fileno (file), 0) != 0)
    g_error ("ftruncate failed");

  return g_string_free (text, FALSE);
}

static void
command_teardown (CommandFixture *f,
                  gconstpointer   data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->case_path);
  fclose (f->out);
  fclose (f->err);
}

static void
test_command_stdout (CommandFixture *f,
                     gconstpointer   data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", "sony-pictures-2014.txt", NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpint (dossier_export_command (f->case_path, "text", NULL, NULL, "all", FALSE, f->out, f->err), ==, 0);
  out = read_back (f->out);
  err = read_back (f->err);
  g_assert_cmpstr (err, ==, "");
  /* The same words as the golden file; the footer's SHA-256 is the same
   * file's too, only its path differs. */
  g_assert_true (g_file_get_contents (golden, &expected, NULL, NULL));
  g_assert_cmpstr (out, ==, expected);
}

static void
test_command_output (CommandFixture *f,
                     gconstpointer   data)
{
  g_autofree char *target = g_build_filename (f->dir, "summary.html", NULL);
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (dossier_export_command (f->case_path, "html", target, "breach", NULL, FALSE, f->out, f->err), ==, 0);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>\n"));
  g_assert_nonnull (strstr (contents, "<h2 id=\"breach\">"));
  g_assert_null (strstr (contents, "<h2 id=\"reactions\">"));

  /* Not replaced without --force. */
  g_assert_cmpint (dossier_export_command (f->case_path, "text", target, NULL, NULL, FALSE, f->out, f->err), ==, 1);
  err = read_back (f->err);
  expected = g_strdup_printf ("dossier: %s already exists; use --force to replace it\n", target);
  g_assert_cmpstr (err, ==, expected);

  g_assert_cmpint (dossier_export_command (f->case_path, "text", target, NULL, NULL, TRUE, f->out, f->err), ==, 0);
  g_free (contents);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "The Sony Pictures hack, November 2014\n"));
}

static void
test_command_refusals (CommandFixture *f,
                       gconstpointer   data)
{
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (f->case_path, &before, NULL, NULL));
  /* The case file is never the target, not even with --force. */
  g_assert_cmpint (dossier_export_command (f->case_path, "markdown", f->case_path, NULL, NULL, TRUE, f->out, f->err), ==, 1);
  err = read_back (f->err);
  expected = g_strdup_printf ("dossier: %s is the case file being exported; choose another name\n", f->case_path);
  g_assert_cmpstr (err, ==, expected);
  g_assert_true (g_file_get_contents (f->case_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  g_free (err);
  g_assert_cmpint (dossier_export_command (f->case_path, "docx", NULL, NULL, NULL, FALSE, f->out, f->err), ==, 2);
  err = read_back (f->err);
  g_assert_cmpstr (err, ==, "dossier: unknown export format “docx”; use markdown, html, text, pdf, timeline-svg, timeline-png, stix, csl-json, timesketch or timesketch-csv\n");

  g_free (err);
  g_assert_cmpint (dossier_export_command (f->case_path, "text", NULL, "breach,plot", NULL, FALSE, f->out, f->err), ==, 2);
  err = read_back (f->err);
  g_assert_cmpstr (err, ==, "dossier: Unknown section “plot”; use overview, entities, sources, breach, threat, reactions, release, timeline, notes or all\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/golden/markdown", test_golden_markdown);
  g_test_add_func ("/export/golden/html", test_golden_html);
  g_test_add_func ("/export/golden/text", test_golden_text);
  g_test_add_func ("/export/html/sample-inert", test_html_sample_inert);
  g_test_add_func ("/export/html/hostile-inert", test_html_hostile_inert);
  g_test_add_func ("/export/html/chart", test_html_chart);
  g_test_add_func ("/export/markdown/sample", test_markdown_sample);
  g_test_add_func ("/export/markdown/hostile-inert", test_markdown_hostile_inert);
  g_test_add_func ("/export/markdown/footnotes-render", test_markdown_footnotes_render);
  g_test_add_func ("/export/markdown/footnotes-neighbours", test_markdown_footnotes_neighbours);
  g_test_add_func ("/export/markdown/hostile-renders-inert", test_markdown_hostile_renders_inert);
  g_test_add_func ("/export/text/width", test_text_width);
  g_test_add_func ("/export/text/wide-characters", test_text_wide_characters);
  g_test_add_func ("/export/pdf/sample", test_pdf_sample);
  g_test_add_func ("/export/pdf/letter", test_pdf_letter);
  g_test_add_func ("/export/pdf/hostile", test_pdf_hostile);
  g_test_add_func ("/export/citations/renumbered", test_citations_renumbered);
  g_test_add_func ("/export/sources/uncited-with-section", test_sources_section_lists_uncited);
  g_test_add_func ("/export/notes/modes", test_notes_modes);
  g_test_add_func ("/export/notes/query", test_notes_query);
  g_test_add_func ("/export/reactions/date-order", test_reactions_in_date_order);
  g_test_add_func ("/export/time-zone", test_time_zone);
  g_test_add_func ("/export/paper/locale", test_paper_for_locale);
  g_test_add_func ("/export/filename/safe", test_suggest_filename);
  g_test_add_func ("/export/filename/limits", test_suggest_filename_limits);
  g_test_add_func ("/export/options/parse", test_parse_options);
  g_test_add_func ("/export/progress-and-cancel", test_progress_and_cancel);
  g_test_add ("/export/command/stdout", CommandFixture, NULL, command_setup, test_command_stdout, command_teardown);
  g_test_add ("/export/command/output", CommandFixture, NULL, command_setup, test_command_output, command_teardown);
  g_test_add ("/export/command/refusals", CommandFixture, NULL, command_setup, test_command_refusals, command_teardown);

  return g_test_run ();
}
