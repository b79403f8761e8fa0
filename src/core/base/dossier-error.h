/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_CASE_ERROR (dossier_case_error_quark ())

/**
 * DossierCaseError:
 * @DOSSIER_CASE_ERROR_IO: the file could not be read (missing, not a
 *   regular file, permission denied, over the size cap).
 * @DOSSIER_CASE_ERROR_NOT_WELL_FORMED: not well-formed XML, bad encoding,
 *   a DTD or entity, nesting too deep.
 * @DOSSIER_CASE_ERROR_NOT_A_CASE: the root element is not a Dossier case.
 * @DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT: the `format` attribute names a
 *   version this Dossier does not read.
 * @DOSSIER_CASE_ERROR_INVALID: the file is a case file but breaks the
 *   format: schema, ids, references, dates, limits. The message lists
 *   every problem, one `FILE:LINE:COLUMN: error: MESSAGE` a line.
 * @DOSSIER_CASE_ERROR_CANCELLED: loading was cancelled.
 * @DOSSIER_CASE_ERROR_INVALID_BUNDLE: the file is JSON that is not a STIX
 *   2.1 bundle Dossier can read: broken or hostile JSON
 *   (`FILE:LINE:COLUMN: error: ...`), or objects that break STIX's rules
 *   (`FILE: error: ...` naming the object).
 *
 * Why a case file was refused. The message of the #GError always holds
 * the full human-readable list of problems.
 */
typedef enum
{
  DOSSIER_CASE_ERROR_IO,
  DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
  DOSSIER_CASE_ERROR_NOT_A_CASE,
  DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT,
  DOSSIER_CASE_ERROR_INVALID,
  DOSSIER_CASE_ERROR_CANCELLED,
  DOSSIER_CASE_ERROR_INVALID_BUNDLE,
} DossierCaseError;

GQuark dossier_case_error_quark (void);

G_END_DECLS
