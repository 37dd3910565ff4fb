// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/Laws.h"

#include "core/fit/ChinchillaLaw.h"
#include "core/fit/KaplanLaw.h"
#include "core/fit/PowerLaw.h"

#include <array>

namespace core {

std::span<const Law* const> laws()
{
    static const PowerLaw power;
    static const ChinchillaLaw chinchilla;
    static const KaplanLaw kaplan;
    static const std::array<const Law*, 3> table{&power, &chinchilla, &kaplan};
    return table;
}

const Law* lawById(std::string_view id)
{
    for (const Law* law : laws())
        if (law->id() == id)
            return law;
    return nullptr;
}

} // namespace core
