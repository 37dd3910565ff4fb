// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/FlopModels.h"

#include "core/alloc/ChinchillaFlopModel.h"
#include "core/alloc/KaplanFlopModel.h"
#include "core/alloc/SixNdFlopModel.h"

#include <array>

namespace core {

std::span<const FlopModel* const> flopModels()
{
    static const SixNdFlopModel sixNd;
    static const KaplanFlopModel kaplan;
    static const ChinchillaFlopModel chinchilla;
    static const std::array<const FlopModel*, 3> table{&sixNd, &kaplan, &chinchilla};
    return table;
}

const FlopModel* flopModelById(std::string_view id)
{
    for (const FlopModel* model : flopModels())
        if (model->id() == id)
            return model;
    return nullptr;
}

const FlopModel& defaultFlopModel()
{
    return *flopModels().front();
}

} // namespace core
