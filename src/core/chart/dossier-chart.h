/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The timeline chart: dates as marks, lanes, ticks, clusters, drawing, the
 * whole chart as a picture. Its export with the export options is
 * dossier-chart-export.h (core/export). */
#include "dossier-chart-draw.h"
#include "dossier-chart-image.h"
#include "dossier-chart-layout.h"
#include "dossier-chart-mark.h"
#include "dossier-chart-model.h"
#include "dossier-chart-ticks.h"
