/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The document every exporter renders, shared only by the files of
 * src/core/export/. dossier-export-collect.c turns a case and the options
 * into a list of blocks, dossier-export-document.c numbers the citations
 * in the order they appear in that list, and dossier-export.c hands the
 * document to one renderer. The renderers only escape and lay out: they
 * never choose what goes in. */

#include "dossier-export.h"

#include <cairo.h>

#include "dossier-chart-model.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_EXPORT_PIECE_TEXT,      /* @text: generated or case words */
  DOSSIER_EXPORT_PIECE_LABEL,     /* @text: a field's label, strong */
  DOSSIER_EXPORT_PIECE_CERTAINTY, /* @text: "(alleged)", emphasised */
  DOSSIER_EXPORT_PIECE_CODE,      /* @text: evidence (a printed link), never a link */
  DOSSIER_EXPORT_PIECE_URL,       /* @text: a source's address; a link only
                                   * when dossier_link_is_safe() says so */
  DOSSIER_EXPORT_PIECE_INLINE,    /* @node: case text, borrowed */
} DossierExportPieceKind;

typedef struct
{
  DossierExportPieceKind  kind;
  char                   *text;
  const DossierInline    *node;
} DossierExportPiece;

typedef enum
{
  DOSSIER_EXPORT_BLOCK_TITLE,     /* level-1 heading: the case title */
  DOSSIER_EXPORT_BLOCK_SUBTITLE,
  DOSSIER_EXPORT_BLOCK_META,      /* status and last update under the title */
  DOSSIER_EXPORT_BLOCK_HEADING,   /* @level 2 or 3, @id its anchor */
  DOSSIER_EXPORT_BLOCK_PARAGRAPH,
  DOSSIER_EXPORT_BLOCK_ITEM,      /* a list item at @level 1 or 2 */
  DOSSIER_EXPORT_BLOCK_QUOTE,     /* verbatim words */
  DOSSIER_EXPORT_BLOCK_TABLE,     /* @header and @rows of runs */
  DOSSIER_EXPORT_BLOCK_SOURCES,   /* the list in DossierExportDoc.sources */
  DOSSIER_EXPORT_BLOCK_FOOTER,    /* @run: case id, updated, SHA-256 */
  DOSSIER_EXPORT_BLOCK_CHART,     /* @chart: the timeline drawn; only the
                                   * formats that hold pictures show it */
} DossierExportBlockKind;

typedef struct
{
  DossierExportBlockKind  kind;
  guint                   level;
  char                   *id;
  GPtrArray              *run;    /* of DossierExportPiece */
  GPtrArray              *header; /* TABLE: of run */
  GPtrArray              *rows;   /* TABLE: of GPtrArray of run */
  DossierChartModel      *chart;  /* CHART */
} DossierExportBlock;

/* A source in the list at the end, numbered in order of first citation
 * in the export; uncited sources (when listed) follow. */
typedef struct
{
  DossierSource *source;
  guint          number;
  GArray        *occurrences; /* of guint: the `cite-K` of each citing place */
  GPtrArray     *run;         /* title, publisher, date, links, rating */
} DossierExportSource;

/* A citation as the export shows it: the K-th citing place (its anchor
 * is `cite-K`), pointing at the source numbered @number. */
typedef struct
{
  guint                occurrence;
  guint                number;
  DossierExportSource *source;
} DossierExportCite;

typedef struct
{
  DossierCase                *dcase;
  const DossierExportOptions *options;
  GTimeZone                  *zone;
  GPtrArray                  *blocks;   /* of DossierExportBlock */
  GPtrArray                  *sources;  /* of DossierExportSource, by number */
  GHashTable                 *cites;    /* DossierInline* -> DossierExportCite* */
  GHashTable                 *case_to_export; /* case citation number -> occurrence */
  char                       *title_plain;
  GCancellable               *cancellable;
} DossierExportDoc;

/* Building the document (dossier-export-document.c) */

/* A run is a GPtrArray of DossierExportPiece. Text is cleaned with
 * dossier_export_clean_text(); NULL or empty text adds nothing. */
GPtrArray          *dossier_export_run_new           (void);
void                dossier_export_run_add_text      (GPtrArray              *run,
                                                      DossierExportPieceKind  kind,
                                                      const char             *text);
void                dossier_export_run_add_inline    (GPtrArray              *run,
                                                      const DossierInline    *node);
/* " (alleged)" after a statement; nothing for no certainty. */
void                dossier_export_run_add_certainty (GPtrArray              *run,
                                                      DossierCertainty        certainty);
/* "Label:" and a value, the shape of every key fact. */
void                dossier_export_run_add_field     (GPtrArray              *run,
                                                      const char             *label,
                                                      const char             *value);
DossierExportBlock *dossier_export_doc_add_block     (DossierExportDoc       *doc,
                                                      DossierExportBlockKind  kind,
                                                      guint                   level);
void                dossier_export_doc_add_heading   (DossierExportDoc       *doc,
                                                      guint                   level,
                                                      const char             *id,
                                                      const char             *label);
gboolean            dossier_export_doc_wants         (const DossierExportDoc *doc,
                                                      DossierSection          section);

/* An empty document; @dcase, @options and @cancellable are borrowed. */
DossierExportDoc   *dossier_export_doc_new           (DossierCase                *dcase,
                                                      const DossierExportOptions *options,
                                                      GCancellable               *cancellable);
void                dossier_export_doc_free          (DossierExportDoc           *doc);
/* Numbers the citations of the blocks in order, builds the list of
 * sources (the uncited ones too when the sources section is wanted). */
void                dossier_export_doc_number_citations (DossierExportDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportDoc, dossier_export_doc_free)

/* What the options select (dossier-export-select.c) */

/* The ids of the notes @options selects by tag or query, borrowed from
 * the case; NULL for all notes and for none. FALSE and @error for a
 * query that does not parse or a cancelled search. */
gboolean            dossier_export_select_notes      (DossierCase                *dcase,
                                                      const DossierExportOptions *options,
                                                      GHashTable                **ids_out,
                                                      GCancellable               *cancellable,
                                                      GError                    **error);
/* Whether @note goes in, @note_ids from dossier_export_select_notes(). */
gboolean            dossier_export_note_is_wanted    (const DossierExportOptions *options,
                                                      GHashTable                 *note_ids,
                                                      DossierNote                *note);
/* The chart of the sections in @options, notes as @note_ids selects them. */
DossierChartModel  *dossier_export_chart_model_new   (DossierCase                *dcase,
                                                      const DossierExportOptions *options,
                                                      GHashTable                 *note_ids);

/* The chart's SVG (cairo's, from dossier_chart_image_to_bytes()) rebuilt
 * into @out as an inline <svg> element of drawing only, labelled @label,
 * its ids prefixed with @prefix (dossier-export-svg.c). FALSE when it does
 * not parse. */
gboolean            dossier_export_svg_write_inline  (GBytes                     *svg,
                                                      const char                 *prefix,
                                                      const char                 *label,
                                                      GString                    *out);

/* The whole document of @dcase as @options ask (dossier-export-collect.c),
 * or NULL and @error (a notes query that does not parse, cancelled). */
DossierExportDoc   *dossier_export_doc_build         (DossierCase                *dcase,
                                                      const DossierExportOptions *options,
                                                      GCancellable               *cancellable,
                                                      GError                    **error);

/* What the renderers ask of the document (dossier-export-document.c) */

/* The citation the export gave @node (a CITE), or NULL when it is not
 * part of the export (a cite inside a source title). */
const DossierExportCite *dossier_export_doc_lookup_cite (const DossierExportDoc *doc,
                                                         const DossierInline    *node);
/* Calls the progress callback; checks for cancellation. */
gboolean  dossier_export_doc_progress (const DossierExportDoc *doc,
                                       guint                   done,
                                       guint                   total,
                                       GError                **error);
/* A date as the export shows it, in the export's zone; NULL for NULL. */
char     *dossier_export_doc_format_date (const DossierExportDoc *doc,
                                          const DossierDate      *date);
/* "(B: Usually reliable; 2: Probably true)", or NULL when the source
 * gives neither. */
char     *dossier_export_source_rating   (DossierSource *source);
/* The words of a citation marker without brackets: "3" or "3, p. 5". */
char     *dossier_export_cite_label      (const DossierExportCite *cite,
                                          const DossierInline     *node);

/* "source-ID" with anything but [A-Za-z0-9._-] in the id made '-'. */
char     *dossier_export_source_anchor   (const DossierExportSource *source);

/* Case text made safe to show: bidi, zero-width and control characters
 * dropped. */
char     *dossier_export_clean_text      (const char *text);
/* Percent-encodes what may not stand bare in a link destination (space,
 * quotes, angle brackets, parentheses, backslash, non-ASCII). Only for
 * hrefs that passed dossier_link_is_safe(). */
char     *dossier_export_encode_href     (const char *href);

/* Buffered writing for the text renderers: appends to @buffer and flushes
 * to @stream past 64 KiB (or always when @force). */
gboolean  dossier_export_flush           (GString        *buffer,
                                          GOutputStream  *stream,
                                          gboolean        force,
                                          GCancellable   *cancellable,
                                          GError        **error);

/* The renderers: each writes the whole document to @stream. */
gboolean  dossier_export_render_markdown (DossierExportDoc *doc,
                                          GOutputStream    *stream,
                                          GError          **error);
gboolean  dossier_export_render_html     (DossierExportDoc *doc,
                                          GOutputStream    *stream,
                                          GError          **error);
gboolean  dossier_export_render_text     (DossierExportDoc *doc,
                                          GOutputStream    *stream,
                                          GError          **error);
gboolean  dossier_export_render_pdf      (DossierExportDoc *doc,
                                          GOutputStream    *stream,
                                          GError          **error);
/* The PDF's layout on pages of the given size (points), without links or
 * outline: counts the pages into @n_pages and, when @target is given,
 * draws page @page (from 0) on it. */
gboolean  dossier_export_render_pages    (DossierExportDoc *doc,
                                          double            page_width,
                                          double            page_height,
                                          guint             page,
                                          cairo_t          *target,
                                          guint            *n_pages,
                                          GError          **error);

/* The PDF surface, fed pages on a thread of its own
 * (dossier-export-pdf-emitter.c) by the PDF layout (dossier-export-pdf.c). */

typedef enum
{
  DOSSIER_EXPORT_PDF_TARGET_URI,
  DOSSIER_EXPORT_PDF_TARGET_DEST,
  DOSSIER_EXPORT_PDF_TARGET_ANCHOR, /* not a link: a destination named @target */
} DossierExportPdfTarget;

/* A page drawn into a recording, with the links, destinations and
 * outline entries the emitter issues when it shows the page. */
typedef struct _DossierExportPdfPage DossierExportPdfPage;

DossierExportPdfPage *dossier_export_pdf_page_new           (double                  width,
                                                             double                  height);
cairo_surface_t      *dossier_export_pdf_page_get_recording (DossierExportPdfPage   *page);
/* A link over the rectangle (or, for an anchor, a destination at @x, @y)
 * in points from the page's top left corner. */
void                  dossier_export_pdf_page_add_link      (DossierExportPdfPage   *page,
                                                             DossierExportPdfTarget  kind,
                                                             const char             *target,
                                                             double                  x,
                                                             double                  y,
                                                             double                  width,
                                                             double                  height);
/* An outline entry under the last level-2 entry when @level is 3. */
void                  dossier_export_pdf_page_add_outline   (DossierExportPdfPage   *page,
                                                             guint                   level,
                                                             const char             *title,
                                                             int                     page_number,
                                                             double                  x,
                                                             double                  y);
void                  dossier_export_pdf_page_free          (DossierExportPdfPage   *page);

typedef struct _DossierExportPdfEmitter DossierExportPdfEmitter;

/* The PDF surface writing to @stream, its metadata from @doc. */
DossierExportPdfEmitter *dossier_export_pdf_emitter_new    (DossierExportDoc         *doc,
                                                            GOutputStream            *stream,
                                                            double                    page_width,
                                                            double                    page_height);
/* The PDF surface's cairo_t, for its font options: only until
 * dossier_export_pdf_emitter_start(). */
cairo_t                 *dossier_export_pdf_emitter_get_cr (DossierExportPdfEmitter  *e);
/* Starts the emitter thread. */
void                     dossier_export_pdf_emitter_start  (DossierExportPdfEmitter  *e);
/* Hands @page over; blocks while too many pages wait. */
void                     dossier_export_pdf_emitter_push   (DossierExportPdfEmitter  *e,
                                                            DossierExportPdfPage     *page);
/* TRUE once writing to the stream failed: the export should stop. */
gboolean                 dossier_export_pdf_emitter_failed (DossierExportPdfEmitter  *e);
/* Waits until every page pushed is shown. */
void                     dossier_export_pdf_emitter_join   (DossierExportPdfEmitter  *e);
/* Finishes the PDF, writes out the rest and frees @e; FALSE with the
 * stream's error or DOSSIER_EXPORT_ERROR_FAILED. */
gboolean                 dossier_export_pdf_emitter_close  (DossierExportPdfEmitter  *e,
                                                            GError                  **error);

G_END_DECLS
