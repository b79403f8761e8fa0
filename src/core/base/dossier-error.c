/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-error.h"

G_DEFINE_QUARK (dossier-case-error-quark, dossier_case_error)
