// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitJobSpec.h"

#include "core/fit/Laws.h"

#include <algorithm>

namespace core {

namespace {

std::string lawIds()
{
    std::string out;
    for (const Law* law : laws())
        out += (out.empty() ? "" : ", ") + std::string(law->id());
    return out;
}

} // namespace

bool FitJobSpec::isExcluded(std::size_t run) const
{
    return std::binary_search(excludedRuns.begin(), excludedRuns.end(), run);
}

FitJobSpec FitJobSpec::withExcluded(const std::vector<std::size_t>& runs, bool exclude) const
{
    FitJobSpec out = *this;
    if (exclude) {
        out.excludedRuns.insert(out.excludedRuns.end(), runs.begin(), runs.end());
        std::sort(out.excludedRuns.begin(), out.excludedRuns.end());
        out.excludedRuns.erase(std::unique(out.excludedRuns.begin(), out.excludedRuns.end()), out.excludedRuns.end());
    } else {
        std::vector<std::size_t> drop = runs;
        std::sort(drop.begin(), drop.end());
        std::vector<std::size_t> kept;
        std::set_difference(out.excludedRuns.begin(), out.excludedRuns.end(), drop.begin(), drop.end(),
                            std::back_inserter(kept));
        out.excludedRuns = std::move(kept);
    }
    return out;
}

tl::expected<FitRequest, Error> FitJobSpec::request() const
{
    const Law* law = lawById(lawId);
    if (law == nullptr)
        return tl::make_unexpected(Error::forParameter("law", "unknown law '" + lawId + "' (laws: " + lawIds() + ")"));
    auto check = [&](const char* what, const std::string& name) -> tl::expected<void, Error> {
        if (!law->parameterIndex(name))
            return tl::make_unexpected(Error::forParameter(
                what, "law " + lawId + " has no parameter '" + name + "'"));
        return {};
    };
    FitRequest r;
    r.law = law;
    r.objective = objective;
    r.delta = delta;
    r.grid = grid;
    r.lhsStarts = lhsStarts;
    r.seed = seed;
    r.threads = threads;
    for (const auto& [name, value] : fixed)
        if (auto ok = check("fixed", name); !ok)
            return tl::make_unexpected(ok.error());
    for (const auto& [name, value] : bounds)
        if (auto ok = check("bounds", name); !ok)
            return tl::make_unexpected(ok.error());
    r.fixed = fixed;
    r.bounds = bounds;
    if (!starts.empty()) {
        for (const ParameterSpec& s : law->parameters())
            r.start.push_back(s.start);
        for (const auto& [name, value] : starts) {
            if (auto ok = check("start", name); !ok)
                return tl::make_unexpected(ok.error());
            r.start[*law->parameterIndex(name)] = value;
        }
    }
    return r;
}

} // namespace core
