// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitJob.h"

namespace core {

namespace {

double quantityOf(const FitData& d, std::size_t i, XQuantity q)
{
    const auto k = static_cast<Eigen::Index>(i);
    switch (q) {
    case XQuantity::N:
        return d.N[k];
    case XQuantity::D:
        return d.D[k];
    case XQuantity::C:
        return d.C[k];
    }
    return d.N[k];
}

/// Scales a sub-task's progress into [from, from + width] of the whole.
Progress part(const Progress& whole, double from, double width)
{
    if (!whole)
        return {};
    return [whole, from, width](double f) { return whole(from + width * f); };
}

} // namespace

tl::expected<FitData, Error> fitJobData(const Sweep& sweep, const FitJobSpec& spec, std::size_t* excluded,
                                        std::size_t* outOfRange)
{
    auto all = spec.selection.select(sweep);
    if (!all)
        return tl::make_unexpected(all.error());
    std::vector<std::size_t> keep;
    std::size_t nExcluded = 0, nOutside = 0;
    for (std::size_t i = 0; i < all->size(); ++i) {
        if (spec.isExcluded(all->run[i])) {
            ++nExcluded;
            continue;
        }
        if (spec.range) {
            const double v = quantityOf(*all, i, spec.range->quantity);
            if (!(v >= spec.range->lower && v <= spec.range->upper)) {
                ++nOutside;
                continue;
            }
        }
        keep.push_back(i);
    }
    if (excluded != nullptr)
        *excluded = nExcluded;
    if (outOfRange != nullptr)
        *outOfRange = nOutside;
    if (keep.empty()) {
        Error e = Error::forParameter("selection", "no point left to fit: " + std::to_string(nExcluded)
                                                       + " excluded, " + std::to_string(nOutside)
                                                       + " outside the fit range");
        e.file = sweep.sourcePath;
        return tl::make_unexpected(e);
    }
    if (keep.size() == all->size())
        return std::move(*all);
    return all->rows(keep);
}

tl::expected<FitJobResult, Error> runFitJob(const Sweep& sweep, const FitJobSpec& spec, const Progress& progress)
{
    auto request = spec.request();
    if (!request)
        return tl::make_unexpected(request.error());
    FitJobResult out;
    out.law = request->law;
    auto data = fitJobData(sweep, spec, &out.excludedPoints, &out.outOfRangePoints);
    if (!data)
        return tl::make_unexpected(data.error());
    out.data = std::move(*data);
    const double fitShare = spec.backtest ? 0.5 : 1.0;
    auto fit = fitLaw(out.data, *request, part(progress, 0.0, fitShare));
    if (!fit)
        return tl::make_unexpected(fit.error());
    out.fit = std::move(*fit);
    if (spec.backtest) {
        auto holdout = holdoutCheck(out.data, *request, *spec.backtest, part(progress, fitShare, 1.0 - fitShare));
        if (!holdout)
            return tl::make_unexpected(holdout.error());
        // holdoutCheck lists the held-out points in data order: those above the threshold.
        for (std::size_t i = 0; i < out.data.size(); ++i) {
            const auto k = static_cast<Eigen::Index>(i);
            const double v = spec.backtest->quantity == 'C' ? out.data.C[k] : out.data.N[k];
            if (v > spec.backtest->threshold)
                out.heldOutRuns.push_back(out.data.run[i]);
        }
        out.backtest = std::move(*holdout);
    }
    return out;
}

tl::expected<FitJobResult, Error> runFitJobBootstrap(const FitJobResult& result, const FitJobSpec& spec,
                                                     const Progress& progress)
{
    FitJobResult out = result;
    if (spec.bootstrap == 0)
        return out;
    auto request = spec.request();
    if (!request)
        return tl::make_unexpected(request.error());
    BootstrapOptions options;
    options.resamples = spec.bootstrap;
    options.seed = spec.seed;
    options.threads = spec.threads;
    auto boot = bootstrapFit(out.data, *request, out.fit.result, out.fit.stats.optima, options, progress);
    if (!boot)
        return tl::make_unexpected(boot.error());
    out.bootstrap = std::move(*boot);
    return out;
}

} // namespace core
