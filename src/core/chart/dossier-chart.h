/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The timeline chart: dates as marks, lanes, ticks, clusters, drawing and
 * export. */
#include "dossier-chart-draw.h"
#include "dossier-chart-export.h"
#include "dossier-chart-layout.h"
#include "dossier-chart-mark.h"
#include "dossier-chart-model.h"
#include "dossier-chart-ticks.h"
