// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitSelection.h"
#include "core/io/Importers.h"

#include <string>

/// Epoch's Chinchilla points as a fit sees them (domain.md section C): the 245 digitised runs of
/// ../shared/data/epoch-chinchilla-replication minus the 5 highest losses (240 points), N and
/// D = C/(6N) as the importer derives, the final loss. Empty FitData when the file is absent.
inline core::FitData epochFitData()
{
    const auto sweep = core::importFile(std::string(SCALELAB_SHARED_DATA_DIR)
                                        + "/epoch-chinchilla-replication/svg_extracted_data.csv");
    if (!sweep)
        return {};
    core::FitSelection selection;
    selection.excludeTopLoss = 5;
    auto data = selection.select(*sweep);
    return data ? std::move(*data) : core::FitData{};
}
