// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/SweepFlops.h"

#include <cmath>
#include <string>
#include <variant>

namespace core {

tl::expected<void, Error> applyFlopModel(Sweep& sweep, const FlopModel& model)
{
    Sweep out = sweep;
    for (Run& run : out.runs) {
        if (!(std::isfinite(run.N) && run.N > 0.0))
            continue;
        ArchitectureColumns columns;
        for (const auto& [name, value] : run.attributes)
            if (const double* v = std::get_if<double>(&value))
                columns.emplace(name, *v);
        auto perToken = model.flopsPerToken(run.N, columns);
        if (!perToken) {
            Error e = perToken.error();
            e.message = "run '" + run.id + "': " + e.message;
            return tl::make_unexpected(e);
        }
        if (std::isfinite(run.D) && run.D > 0.0)
            run.C = *perToken * run.D;
        for (Curve& curve : run.curves)
            for (std::size_t i = 0; i < curve.size(); ++i)
                curve.flops[i] = *perToken * curve.tokens[i];
    }
    out.conventions.flopFormula = std::string(model.formula());
    sweep = std::move(out);
    return {};
}

} // namespace core
