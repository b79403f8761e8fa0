/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the loader and the checker, inside
 * src/core/load only. */

#include <gio/gio.h>

#include "dossier-error.h"
#include "dossier-load-problems.h"
#include "dossier-loader.h"

G_BEGIN_DECLS

/* Text of one element, and one attribute value. */
#define DOSSIER_LOADER_MAX_TEXT          (1024u * 1024u)
#define DOSSIER_LOADER_MAX_ATTRIBUTES    32
#define DOSSIER_LOADER_MAX_INLINE_DEPTH  32
/* Elements nested, counting foreign ones (libxml2's limit for its pull
 * parser; its push parser has none). */
#define DOSSIER_LOADER_MAX_DEPTH         256

G_END_DECLS
