// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/AllocationIntervals.h"

#include "core/util/Quantile.h"

#include "core/util/NumberText.h"
#include "core/util/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace core {

namespace {

PercentileInterval interval(const std::vector<Allocation>& done, double Allocation::*field, double level)
{
    std::vector<double> values;
    values.reserve(done.size());
    for (const Allocation& a : done)
        values.push_back(a.*field);
    return {quantile(values, (1.0 - level) / 2.0), quantile(values, (1.0 + level) / 2.0)};
}

} // namespace

tl::expected<void, Error> checkBootstrapDraws(const Law& law, const std::vector<std::vector<double>>& draws, double level)
{
    if (draws.empty())
        return tl::unexpected(Error::forParameter("--bootstrap", "no bootstrap draws to take intervals from"));
    if (!(level > 0.0 && level < 1.0))
        return tl::unexpected(Error::forParameter("level", "must be in (0, 1), got " + shortestText(level)));
    const std::size_t n = law.parameters().size();
    for (std::size_t i = 0; i < draws.size(); ++i)
        if (draws[i].size() < n)
            return tl::unexpected(Error::forParameter(
                "--bootstrap", "draw " + std::to_string(i + 1) + " has " + std::to_string(draws[i].size()) +
                                   " values, fewer than the " + std::to_string(n) + " parameters of law '" +
                                   std::string(law.id()) + "'"));
    return {};
}

tl::expected<AllocationIntervals, Error> allocationIntervals(const Law& law, const std::vector<std::vector<double>>& draws,
                                                             const AllocateFunction& allocate, double level,
                                                             unsigned threads)
{
    if (auto ok = checkBootstrapDraws(law, draws, level); !ok)
        return tl::unexpected(ok.error());
    const std::size_t n = law.parameters().size();

    std::vector<std::optional<tl::expected<Allocation, Error>>> results(draws.size());
    parallelFor(draws.size(), threads, [&](std::size_t i, const std::function<bool()>&) {
        results[i] = allocate(std::span<const double>(draws[i].data(), n));
    });

    AllocationIntervals out;
    out.level = level;
    std::vector<Allocation> done;
    std::optional<Error> firstError;
    for (const auto& r : results) {
        if (r && *r) {
            done.push_back(**r);
            continue;
        }
        ++out.failed;
        if (!firstError && r)
            firstError = r->error();
    }
    if (done.empty())
        return tl::unexpected(Error::forParameter(
            "--bootstrap", "no bootstrap draw gave an allocation" + (firstError ? ": " + firstError->toString() : std::string())));
    out.draws = done.size();
    if (out.failed > 0)
        out.warnings.push_back(std::to_string(out.failed) + " of " + std::to_string(draws.size()) +
                               " bootstrap draws gave no allocation and are left out of the intervals" +
                               (firstError ? " (first: " + firstError->toString() + ")" : std::string()));
    out.C = interval(done, &Allocation::C, level);
    out.N = interval(done, &Allocation::N, level);
    out.D = interval(done, &Allocation::D, level);
    out.tokensPerParam = interval(done, &Allocation::tokensPerParam, level);
    out.loss = interval(done, &Allocation::loss, level);
    out.totalFlops = interval(done, &Allocation::totalFlops, level);
    return out;
}

} // namespace core
