// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/EnvelopeCurve.h"

#include "core/alloc/ExponentialMovingAverage.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

bool usable(double v)
{
    return std::isfinite(v) && v > 0.0;
}

double interpolate(const std::vector<double>& x, const std::vector<double>& y, double at)
{
    if (x.empty() || at < x.front() || at > x.back())
        return std::numeric_limits<double>::quiet_NaN();
    const auto it = std::upper_bound(x.begin(), x.end(), at);
    if (it == x.end())
        return y.back();
    const auto k = static_cast<std::size_t>(it - x.begin()); // x[k-1] <= at < x[k], k >= 1
    const double t = (at - x[k - 1]) / (x[k] - x[k - 1]);
    return y[k - 1] + t * (y[k] - y[k - 1]);
}

} // namespace

bool EnvelopeCurve::covers(double lnCAt) const
{
    return !lnC.empty() && lnCAt >= lnC.front() && lnCAt <= lnC.back();
}

double EnvelopeCurve::lossAt(double lnCAt) const
{
    return std::exp(interpolate(lnC, lnLoss, lnCAt));
}

double EnvelopeCurve::lnTokensAt(double lnCAt) const
{
    return interpolate(lnC, lnTokens, lnCAt);
}

std::optional<EnvelopeCurve> EnvelopeCurve::fromRun(const Run& run, std::size_t index,
                                                    const EnvelopeOptions& options)
{
    const Curve* curve = options.metric.empty() ? (run.curves.empty() ? nullptr : &run.curves.front())
                                                : run.curve(options.metric);
    if (curve == nullptr || !usable(run.N))
        return std::nullopt;
    struct Pt {
        double step, C, tokens, loss;
    };
    std::vector<Pt> pts;
    bool allSteps = true;
    for (std::size_t i = 0; i < curve->size(); ++i) {
        const double loss = curve->value[i];
        double tokens = curve->tokens[i];
        const double flops = curve->flops[i];
        if (!usable(tokens) && usable(flops))
            tokens = flops / (6.0 * run.N);
        const double C =
            options.flops == EnvelopeOptions::Flops::Auto && usable(flops) ? flops : 6.0 * run.N * tokens;
        if (!usable(loss) || !usable(tokens) || !usable(C))
            continue;
        const double step = curve->step[i];
        if (options.skipSteps > 0.0 && std::isfinite(step) && step <= options.skipSteps)
            continue;
        if (options.skipTokens > 0.0 && tokens <= options.skipTokens)
            continue;
        allSteps = allSteps && std::isfinite(step);
        pts.push_back({step, C, tokens, loss});
    }
    // EMA in step order (C order when some step is unknown).
    std::stable_sort(pts.begin(), pts.end(),
                     [&](const Pt& a, const Pt& b) { return allSteps ? a.step < b.step : a.C < b.C; });
    if (options.emaFactor > 0.0) {
        std::vector<double> loss(pts.size());
        std::transform(pts.begin(), pts.end(), loss.begin(), [](const Pt& p) { return p.loss; });
        const std::vector<double> smooth = exponentialMovingAverage(loss, options.emaFactor);
        for (std::size_t i = 0; i < pts.size(); ++i)
            pts[i].loss = smooth[i];
    }
    std::stable_sort(pts.begin(), pts.end(), [](const Pt& a, const Pt& b) { return a.C < b.C; });

    EnvelopeCurve c;
    c.run = index;
    c.runs = {index};
    c.N = run.N;
    std::size_t merged = 0;
    for (const Pt& p : pts) {
        const double lc = std::log(p.C);
        if (!c.lnC.empty() && lc == c.lnC.back()) {
            // Running mean of the logs over points at the same C.
            ++merged;
            const double w = 1.0 / static_cast<double>(merged + 1);
            c.lnLoss.back() += w * (std::log(p.loss) - c.lnLoss.back());
            c.lnTokens.back() += w * (std::log(p.tokens) - c.lnTokens.back());
            continue;
        }
        merged = 0;
        c.lnC.push_back(lc);
        c.lnLoss.push_back(std::log(p.loss));
        c.lnTokens.push_back(std::log(p.tokens));
    }
    if (c.lnC.size() < 2)
        return std::nullopt;
    return c;
}

} // namespace core
