/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/catalog.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* The SAX push parser: libxml2 set up to refuse DTDs and every entity
 * and to fetch nothing, and the file fed to it in chunks, with progress
 * and cancellation between them. The callbacks that read the elements
 * are in dossier-load-elements.c. */

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
      sax->startElementNs = dossier_load_on_start_element;
      sax->endElementNs = dossier_load_on_end_element;
      sax->characters = dossier_load_on_characters;
      sax->cdataBlock = dossier_load_on_characters;
      sax->ignorableWhitespace = dossier_load_on_characters;
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

      /* A file the prescan refuses never reaches the parser. */
      if (dossier_load_wait_prescan (state->prescan_job, offset + n) < offset + n)
        {
          state->stopped = TRUE;
          break;
        }

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
