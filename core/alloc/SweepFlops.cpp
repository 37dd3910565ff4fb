// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/SweepFlops.h"

#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

namespace core {

tl::expected<void, Error> applyFlopModel(Sweep& sweep, const FlopModel& model)
{
    // First every run's per-token count (so an error leaves the sweep untouched), then the writes.
    std::vector<double> perToken(sweep.runs.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t r = 0; r < sweep.runs.size(); ++r) {
        const Run& run = sweep.runs[r];
        if (!(std::isfinite(run.N) && run.N > 0.0))
            continue;
        ArchitectureColumns columns;
        for (const auto& [name, value] : run.attributes)
            if (const double* v = std::get_if<double>(&value))
                columns.emplace(name, *v);
        auto count = model.flopsPerToken(run.N, columns);
        if (!count) {
            Error e = count.error();
            e.message = "run '" + run.id + "': " + e.message;
            return tl::make_unexpected(e);
        }
        perToken[r] = *count;
    }
    for (std::size_t r = 0; r < sweep.runs.size(); ++r) {
        if (std::isnan(perToken[r]))
            continue;
        Run& run = sweep.runs[r];
        if (std::isfinite(run.D) && run.D > 0.0)
            run.C = perToken[r] * run.D;
        for (Curve& curve : run.curves)
            for (std::size_t i = 0; i < curve.size(); ++i)
                curve.flops[i] = perToken[r] * curve.tokens[i];
    }
    sweep.conventions.flopFormula = std::string(model.formula());
    return {};
}

} // namespace core
