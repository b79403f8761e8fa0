/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Everything src/core offers to the GUI, the command line and the tests. */
#include "dossier-breach.h"
#include "dossier-case.h"
#include "dossier-date.h"
#include "dossier-entity.h"
#include "dossier-error.h"
#include "dossier-event.h"
#include "dossier-hypothesis.h"
#include "dossier-inline.h"
#include "dossier-loader.h"
#include "dossier-note.h"
#include "dossier-place.h"
#include "dossier-problem.h"
#include "dossier-reaction.h"
#include "dossier-release.h"
#include "dossier-source.h"
#include "dossier-threat-screen.h"
