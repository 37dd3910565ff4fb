// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/IsoFlopPoint.h"

#include <variant>

namespace core {

namespace {

bool usable(double v)
{
    return std::isfinite(v) && v > 0.0;
}

} // namespace

tl::expected<IsoFlopPointSet, Error> isoFlopPoints(const Sweep& sweep, const std::string& weightColumn)
{
    IsoFlopPointSet set;
    for (std::size_t r = 0; r < sweep.runs.size(); ++r) {
        const Run& run = sweep.runs[r];
        IsoFlopPoint p;
        p.N = run.N;
        p.D = run.D;
        p.C = run.C;
        p.budget = run.budget;
        p.loss = run.finalValue();
        p.run = r;
        if (!usable(p.N) || !usable(p.D) || !usable(p.loss) || (!usable(p.C) && !usable(p.budget))) {
            ++set.skipped;
            continue;
        }
        if (!weightColumn.empty()) {
            const auto it = run.attributes.find(weightColumn);
            const double* w = it == run.attributes.end() ? nullptr : std::get_if<double>(&it->second);
            if (w == nullptr || !usable(*w)) {
                Error e = Error::forParameter(
                    "--weights", "run '" + run.name + "' has no weight > 0 in column '" + weightColumn + "'");
                e.file = sweep.sourcePath;
                return tl::make_unexpected(e);
            }
            p.weight = *w;
        }
        set.points.push_back(p);
    }
    return set;
}

IsoFlopPointSet isoFlopPoints(const FitData& data)
{
    IsoFlopPointSet set;
    auto at = [](const Eigen::VectorXd& v, std::size_t i) {
        return static_cast<std::size_t>(v.size()) > i ? v[static_cast<Eigen::Index>(i)]
                                                      : std::numeric_limits<double>::quiet_NaN();
    };
    for (std::size_t i = 0; i < data.size(); ++i) {
        IsoFlopPoint p;
        p.N = at(data.N, i);
        p.D = at(data.D, i);
        p.C = at(data.C, i);
        p.loss = at(data.y, i);
        p.weight = data.weightAt(i);
        p.run = i;
        if (!usable(p.N) || !usable(p.D) || !usable(p.C) || !usable(p.loss) || !usable(p.weight)) {
            ++set.skipped;
            continue;
        }
        set.points.push_back(p);
    }
    return set;
}

} // namespace core
