// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/LawCurves.h"

#include "core/alloc/ComputeOptimal.h"
#include "core/util/NumberText.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace core {

namespace {

bool logValid(double v)
{
    return std::isfinite(v) && v > 0.0;
}

tl::expected<void, Error> checkRange(double lo, double hi, std::size_t samples)
{
    if (!(logValid(lo) && logValid(hi) && lo < hi))
        return tl::unexpected(Error::forParameter("range", "must be finite numbers 0 < lo < hi, got [" +
                                                               shortestText(lo) + ", " + shortestText(hi) +
                                                               "]"));
    if (samples < 2 || samples > kMaxCurveSamples)
        return tl::unexpected(Error::forParameter("samples", "must be from 2 to " +
                                                                 std::to_string(kMaxCurveSamples) + ", got " +
                                                                 std::to_string(samples)));
    return {};
}

tl::expected<void, Error> checkParams(const Law& law, std::span<const double> params)
{
    const auto specs = law.parameters();
    if (params.size() != specs.size())
        return tl::unexpected(Error::forParameter(
            "--params", "law '" + std::string(law.id()) + "' has " + std::to_string(specs.size()) +
                            " parameters, got " + std::to_string(params.size())));
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (!std::isfinite(params[i]))
            return tl::unexpected(Error::forParameter(specs[i].name, "is " + shortestText(params[i]) +
                                                                         ", not a finite number"));
    return {};
}

void pushIfValid(PlotPoints& out, double x, double y)
{
    if (logValid(x) && logValid(y)) {
        out.x.push_back(x);
        out.y.push_back(y);
    }
}

} // namespace

std::vector<double> logUniformSamples(double lo, double hi, std::size_t samples)
{
    if (!checkRange(lo, hi, samples))
        return {};
    std::vector<double> x(samples);
    const double lnLo = std::log(lo);
    const double step = (std::log(hi) - lnLo) / static_cast<double>(samples - 1);
    for (std::size_t i = 0; i < samples; ++i)
        x[i] = std::exp(lnLo + static_cast<double>(i) * step);
    x.front() = lo;
    x.back() = hi;
    return x;
}

LawPoint curvePoint(const CurveSpec& spec, double x)
{
    LawPoint p;
    p.x = x;
    switch (spec.family) {
    case CurveFamily::IsoFlop:
        p.N = x;
        p.C = spec.fixed;
        p.D = spec.fixed / (6.0 * x);
        break;
    case CurveFamily::AlongD:
        p.N = spec.fixed;
        p.D = x;
        p.C = 6.0 * p.N * p.D;
        break;
    case CurveFamily::AlongNFixedD:
        p.N = x;
        p.D = spec.fixed;
        p.C = 6.0 * p.N * p.D;
        break;
    case CurveFamily::AlongX:
        if (spec.xQuantity == XQuantity::N)
            p.N = x;
        else if (spec.xQuantity == XQuantity::D)
            p.D = x;
        else if (spec.xQuantity == XQuantity::C)
            p.C = x;
        break;
    }
    return p;
}

tl::expected<void, Error> checkCurveSpec(const Law& law, const CurveSpec& spec)
{
    const std::string id(law.id());
    if (spec.family == CurveFamily::AlongX && !law.usesX())
        return tl::unexpected(Error::forParameter(
            "--law", "law '" + id + "' is in N and D; plot it along N or D, not along a single x"));
    if (spec.family != CurveFamily::AlongX && law.usesX())
        return tl::unexpected(Error::forParameter(
            "--law", "law '" + id + "' is in one variable; plot it along its x, not along N or D"));
    if (spec.family != CurveFamily::AlongX && !logValid(spec.fixed))
        return tl::unexpected(Error::forParameter(
            "fixed", "the quantity held fixed must be a finite number > 0, got " + shortestText(spec.fixed)));
    return checkRange(spec.lo, spec.hi, spec.samples);
}

tl::expected<void, Error> checkFrontierRange(const Law& law, double cLo, double cHi, std::size_t samples)
{
    if (law.usesX())
        return tl::unexpected(
            Error::forParameter("--law", "law '" + std::string(law.id()) +
                                             "' is in one variable; a frontier needs a law in N and D"));
    if (std::isfinite(cLo) && cLo <= 6.0)
        return tl::unexpected(Error::forParameter(
            "range", "budgets must exceed 6 FLOPs (C = 6ND with N, D >= 1), got " + shortestText(cLo)));
    return checkRange(cLo, cHi, samples);
}

tl::expected<PlotPoints, Error> lawCurve(const Law& law, std::span<const double> params,
                                         const CurveSpec& spec)
{
    if (auto ok = checkCurveSpec(law, spec); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkParams(law, params); !ok)
        return tl::unexpected(ok.error());
    PlotPoints out;
    out.x.reserve(spec.samples);
    out.y.reserve(spec.samples);
    for (double x : logUniformSamples(spec.lo, spec.hi, spec.samples))
        pushIfValid(out, x, law.eval(params, curvePoint(spec, x)));
    return out;
}

tl::expected<PlotPoints, Error> lawAlongN(const Law& law, std::span<const double> params, double C,
                                          double nLo, double nHi, std::size_t samples)
{
    return lawCurve(law, params, CurveSpec{CurveFamily::IsoFlop, C, nLo, nHi, samples, std::nullopt});
}

tl::expected<PlotPoints, Error> lawAlongD(const Law& law, std::span<const double> params, double N,
                                          double dLo, double dHi, std::size_t samples)
{
    return lawCurve(law, params, CurveSpec{CurveFamily::AlongD, N, dLo, dHi, samples, std::nullopt});
}

tl::expected<PlotPoints, Error> lawAlongNFixedD(const Law& law, std::span<const double> params, double D,
                                                double nLo, double nHi, std::size_t samples)
{
    return lawCurve(law, params, CurveSpec{CurveFamily::AlongNFixedD, D, nLo, nHi, samples, std::nullopt});
}

tl::expected<PlotPoints, Error> lawAlongX(const Law& law, std::span<const double> params, double xLo,
                                          double xHi, std::size_t samples, std::optional<XQuantity> xIs)
{
    return lawCurve(law, params, CurveSpec{CurveFamily::AlongX, 0.0, xLo, xHi, samples, xIs});
}

tl::expected<FrontierCurves, Error> frontier(const Law& law, std::span<const double> params, double cLo,
                                             double cHi, std::size_t samples,
                                             const AllocationOptions& options)
{
    if (auto ok = checkFrontierRange(law, cLo, cHi, samples); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkParams(law, params); !ok)
        return tl::unexpected(ok.error());
    FrontierCurves out;
    std::optional<Error> firstError;
    for (double C : logUniformSamples(cLo, cHi, samples)) {
        const auto a = computeOptimal(law, params, C, options);
        if (!a) {
            ++out.failed;
            if (!firstError)
                firstError = a.error();
            continue;
        }
        pushIfValid(out.loss, C, a->loss);
        pushIfValid(out.N, C, a->N);
        pushIfValid(out.D, C, a->D);
    }
    if (out.failed == samples)
        return tl::unexpected(Error::forParameter(
            "range", "no budget in [" + shortestText(cLo) + ", " + shortestText(cHi) +
                         "] FLOPs gave a compute-optimal allocation: " + firstError->toString()));
    if (out.failed > 0)
        out.warnings.push_back(std::to_string(out.failed) + " of " + std::to_string(samples) +
                               " budgets gave no allocation and are left out of the frontier (first: " +
                               firstError->toString() + ")");
    return out;
}

tl::expected<std::vector<double>, Error> logResiduals(const Law& law, std::span<const double> params,
                                                      const FitData& data)
{
    const auto specs = law.parameters();
    if (params.size() != specs.size())
        return tl::unexpected(Error::forParameter(
            "--params", "law '" + std::string(law.id()) + "' has " + std::to_string(specs.size()) +
                            " parameters, got " + std::to_string(params.size())));
    std::vector<double> out(data.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < data.size(); ++i) {
        const double predicted = law.eval(params, data.point(i));
        const double observed = data.y[static_cast<Eigen::Index>(i)];
        if (logValid(predicted) && logValid(observed))
            out[i] = std::log(predicted) - std::log(observed);
    }
    return out;
}

} // namespace core
