// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/Laws.h"

#include "core/fit/BrokenPowerLaw.h"
#include "core/fit/ChinchillaLaw.h"
#include "core/fit/DataConstrainedLaw.h"
#include "core/fit/KaplanLaw.h"
#include "core/fit/PowerLaw.h"

#include <array>

namespace core {

std::span<const Law* const> laws()
{
    static const PowerLaw power;
    static const ChinchillaLaw chinchilla;
    static const KaplanLaw kaplan;
    static const DataConstrainedLaw datacon;
    static const BrokenPowerLaw bnsl1(1);
    static const BrokenPowerLaw bnsl2(2);
    static const BrokenPowerLaw bnsl3(3);
    static const std::array<const Law*, 7> table{&power, &chinchilla, &kaplan, &datacon,
                                                 &bnsl1,  &bnsl2,      &bnsl3};
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
