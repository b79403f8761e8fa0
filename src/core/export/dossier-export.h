/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dossier-case.h"
#include "dossier-place.h"

G_BEGIN_DECLS

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())

/**
 * DossierExportError:
 * @DOSSIER_EXPORT_ERROR_INVALID_OPTION: an option value that makes no
 *   sense (unknown format, section or notes mode).
 * @DOSSIER_EXPORT_ERROR_FAILED: the document could not be produced (the
 *   PDF surface failed, the stream refused to take the bytes).
 */
typedef enum
{
  DOSSIER_EXPORT_ERROR_INVALID_OPTION,
  DOSSIER_EXPORT_ERROR_FAILED,
} DossierExportError;

GQuark dossier_export_error_quark (void);

typedef enum
{
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_TEXT,
  DOSSIER_EXPORT_PDF,
} DossierExportFormat;

/* "markdown", "html", "text", "pdf". */
const char *dossier_export_format_to_string   (DossierExportFormat  format);
gboolean    dossier_export_format_from_string (const char          *str,
                                               DossierExportFormat *out);
/* "md", "html", "txt", "pdf". */
const char *dossier_export_format_get_extension (DossierExportFormat format);
/* "text/markdown", "text/html", "text/plain", "application/pdf". */
const char *dossier_export_format_get_mime_type (DossierExportFormat format);

/**
 * DossierExportNotes:
 * @DOSSIER_EXPORT_NOTES_NONE: no notes.
 * @DOSSIER_EXPORT_NOTES_ALL: every note, in file order.
 * @DOSSIER_EXPORT_NOTES_TAG: the notes carrying the tag in @notes_arg.
 * @DOSSIER_EXPORT_NOTES_QUERY: the notes matching the search query in
 *   @notes_arg (the search index's query language).
 */
typedef enum
{
  DOSSIER_EXPORT_NOTES_NONE,
  DOSSIER_EXPORT_NOTES_ALL,
  DOSSIER_EXPORT_NOTES_TAG,
  DOSSIER_EXPORT_NOTES_QUERY,
} DossierExportNotes;

typedef enum
{
  DOSSIER_PAPER_A4,
  DOSSIER_PAPER_LETTER,
} DossierPaperSize;

/* Called from the exporting thread with a fraction in [0, 1]. */
typedef void (*DossierExportProgressFunc) (double   fraction,
                                           gpointer user_data);

/**
 * DossierExportOptions:
 * @format: the output format.
 * @sections: a set of #DossierSection, bit `1 << section` for each one
 *   shown. The title block and the footer are always there; the list of
 *   sources holds every cited source, and the uncited ones too when
 *   %DOSSIER_SECTION_SOURCES is in the set. Notes need both
 *   %DOSSIER_SECTION_NOTES in the set and a @notes mode other than NONE.
 * @notes: which notes go in.
 * @notes_arg: the tag or the query for @notes; borrowed.
 * @local_time: instants (a deadline, a reaction at a given hour) in the
 *   local time zone instead of UTC.
 * @paper: the page size of a PDF.
 * @progress: (nullable): called as the export advances.
 * @progress_data: for @progress.
 *
 * Plain values; initialise with dossier_export_options_init().
 */
typedef struct
{
  DossierExportFormat        format;
  guint                      sections;
  DossierExportNotes         notes;
  const char                *notes_arg;
  gboolean                   local_time;
  DossierPaperSize           paper;
  DossierExportProgressFunc  progress;
  gpointer                   progress_data;
} DossierExportOptions;

#define DOSSIER_EXPORT_ALL_SECTIONS ((1u << DOSSIER_N_SECTIONS) - 1)

/* Markdown, every section, no notes, UTC, the paper of the locale. */
void             dossier_export_options_init   (DossierExportOptions *options);

/* Parses "breach,threat,notes" (names of dossier_section_from_string(),
 * separated by commas, "all" for every one) into a section set. */
gboolean         dossier_export_parse_sections (const char           *list,
                                                guint                *out,
                                                GError              **error);
/* Parses "none", "all", "tag:TAG" or anything else as a query; @arg_out
 * points into @str (the tag or the query), NULL for none and all. */
gboolean         dossier_export_parse_notes    (const char           *str,
                                                DossierExportNotes   *mode_out,
                                                const char          **arg_out,
                                                GError              **error);

/* Letter for the territories that use it (US, CA, MX, PH, ...) as named
 * by LC_ALL, LC_PAPER or LANG, else A4. */
DossierPaperSize dossier_paper_size_for_locale (void);

/**
 * dossier_export_to_stream:
 * @dcase: a loaded case
 * @options: what to export
 * @stream: where the bytes go; not closed
 * @cancellable: (nullable)
 * @error: a DOSSIER_EXPORT_ERROR, a G_IO_ERROR from the stream, or
 *   G_IO_ERROR_CANCELLED
 *
 * Writes a summary of the case. The same case and options always give
 * the same bytes (PDF included: its dates come from the case). Blocking;
 * run it in a worker thread in a UI. Case text always stays text: it is
 * escaped for the format, and only links that pass dossier_link_is_safe()
 * become links.
 */
gboolean         dossier_export_to_stream      (DossierCase                *dcase,
                                                const DossierExportOptions *options,
                                                GOutputStream              *stream,
                                                GCancellable               *cancellable,
                                                GError                    **error);
/* The same into memory. */
GBytes          *dossier_export_to_bytes       (DossierCase                *dcase,
                                                const DossierExportOptions *options,
                                                GCancellable               *cancellable,
                                                GError                    **error);

/* A safe base name for the export: the case title with anything but
 * letters and digits turned into '-', no leading dot, no slash, no
 * control, bidi or zero-width character, at most 64 characters, and the
 * extension of @format ("The-Interview-hack.pdf"). */
char            *dossier_export_suggest_filename (DossierCase         *dcase,
                                                  DossierExportFormat  format);

/**
 * DossierExportPages:
 *
 * The PDF export's layout cut into pages, for printing: the same blocks,
 * fonts and page breaks as the PDF of the same size, without links or
 * outline. A page is laid out again each time it is drawn (cairo 1.16
 * crashes when a recording surface painted on a PDF surface is freed).
 */
typedef struct _DossierExportPages DossierExportPages;

/* Lays out the summary on pages @page_width by @page_height points
 * (@options->format and @options->paper are not used). Blocking. */
DossierExportPages *dossier_export_pages_new         (DossierCase                *dcase,
                                                      const DossierExportOptions *options,
                                                      double                      page_width,
                                                      double                      page_height,
                                                      GCancellable               *cancellable,
                                                      GError                    **error);
guint               dossier_export_pages_get_n_pages (DossierExportPages         *pages);
/* Draws page @page (from 0) in points, its top left corner at the
 * origin of @cr; @cr's state is kept. */
void                dossier_export_pages_draw        (DossierExportPages         *pages,
                                                      guint                       page,
                                                      cairo_t                    *cr);
void                dossier_export_pages_free        (DossierExportPages         *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportPages, dossier_export_pages_free)

G_END_DECLS
