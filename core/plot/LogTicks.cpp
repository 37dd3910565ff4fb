#include "core/plot/PlotPoints.h"
