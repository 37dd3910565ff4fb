// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/FitData.h"
#include "core/fit/Law.h"
#include "core/fit/LawPoint.h"
#include "core/plot/CurveSpec.h"
#include "core/plot/FrontierCurves.h"
#include "core/plot/PlotPoints.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace core {

// Curves of a fitted law for the GUI's log-log views. Every function is pure and thread-safe
// (laws are stateless), takes `params` in the order of law.parameters() and returns x in data
// units, log-uniformly sampled and ascending. A returned curve never holds a point whose x or y is
// NaN, infinite or <= 0: such samples (e.g. where a law with a negative coefficient dips below
// zero, or a formula is undefined) are left out, so a curve may be shorter than `samples` or empty.
// Values are never rounded. Data-constrained laws see U = 0 (no repetition), except that frontier()
// passes AllocationOptions::uniqueTokens on to computeOptimal().

/// `samples` points from lo to hi (0 < lo < hi, both finite; samples >= 2), equally spaced in ln x:
/// x_i = exp(ln lo + i (ln hi - ln lo) / (samples - 1)), with x_0 = lo and x_last = hi exactly.
/// Returns an empty vector for invalid input (checkCurveSpec() reports why). Pure function.
[[nodiscard]] std::vector<double> logUniformSamples(double lo, double hi, std::size_t samples);

/// The LawPoint a curve of `spec`'s family evaluates at x (data units): IsoFlop {N = x,
/// D = C/(6x), C}; AlongD {N, D = x, C = 6ND}; AlongNFixedD {N = x, D, C = 6ND}; each with
/// LawPoint::x = x. AlongX sets x (and N, D or C = x per spec.xQuantity), the rest 0. U is 0.
[[nodiscard]] LawPoint curvePoint(const CurveSpec& spec, double x);

/// Checks `spec` against `law`: a one-variable law only along x, a law in N and D only in the
/// other families; spec.fixed (except AlongX), lo and hi finite and > 0 with lo < hi; samples in
/// [2, kMaxCurveSamples]. Errors name the offending field ("--law", "fixed", "range", "samples").
[[nodiscard]] tl::expected<void, Error> checkCurveSpec(const Law& law, const CurveSpec& spec);

/// Checks a frontier's budget range: a law in N and D ("--law"), cLo and cHi finite with
/// 6 < cLo < cHi FLOPs ("range"; computeOptimal() needs C > 6), samples in [2, kMaxCurveSamples].
[[nodiscard]] tl::expected<void, Error> checkFrontierRange(const Law& law, double cLo, double cHi,
                                                           std::size_t samples);

/// The law along `spec`: y = law.eval(params, curvePoint(spec, x)) at logUniformSamples(lo, hi,
/// samples), keeping the log-valid points. Errors: checkCurveSpec()'s, a parameter count other than
/// law.parameters().size() ("--params") or a non-finite parameter (named).
[[nodiscard]] tl::expected<PlotPoints, Error> lawCurve(const Law& law, std::span<const double> params,
                                                       const CurveSpec& spec);

/// IsoFLOP curve: loss (nats/token) against N (parameters) in [nLo, nHi] at budget C (FLOPs),
/// D = C/(6N). Its minimum is the compute-optimal N of C. Errors as lawCurve().
[[nodiscard]] tl::expected<PlotPoints, Error> lawAlongN(const Law& law, std::span<const double> params,
                                                        double C, double nLo, double nHi,
                                                        std::size_t samples);

/// Loss against D (tokens) in [dLo, dHi] at a fixed N (parameters), C = 6ND. Errors as lawCurve().
[[nodiscard]] tl::expected<PlotPoints, Error> lawAlongD(const Law& law, std::span<const double> params,
                                                        double N, double dLo, double dHi,
                                                        std::size_t samples);

/// Loss against N (parameters) in [nLo, nHi] at a fixed D (tokens), C = 6ND. Errors as lawCurve().
[[nodiscard]] tl::expected<PlotPoints, Error> lawAlongNFixedD(const Law& law, std::span<const double> params,
                                                              double D, double nLo, double nHi,
                                                              std::size_t samples);

/// A one-variable law (Law::usesX()) against its input x in [xLo, xHi] (the fit's x quantity;
/// `xIs` optionally says which, see CurveSpec::xQuantity). Errors as lawCurve().
[[nodiscard]] tl::expected<PlotPoints, Error> lawAlongX(const Law& law, std::span<const double> params,
                                                        double xLo, double xHi, std::size_t samples,
                                                        std::optional<XQuantity> xIs = std::nullopt);

/// The compute-optimal frontier over budgets C in [cLo, cHi] (FLOPs, log-uniform, C = 6ND):
/// L_opt(C), N_opt(C) and D_opt(C) from computeOptimal(law, params, C, options) at each sample, so
/// one call gives the allocation view's two lines and the loss frontier. A budget whose allocation
/// fails is left out of all three curves and counted (FrontierCurves::failed, with a warning).
/// Errors: checkFrontierRange()'s, a bad parameter vector (as lawCurve()), or every budget failing
/// (the first error is quoted).
[[nodiscard]] tl::expected<FrontierCurves, Error> frontier(const Law& law, std::span<const double> params,
                                                           double cLo, double cHi, std::size_t samples,
                                                           const AllocationOptions& options = {});

/// Residuals for a residual plot, per point of `data`: ln(predicted) - ln(observed), i.e.
/// ln(law.eval(params, data.point(i))) - ln(data.y[i]) (positive = the law over-predicts; the sign of
/// FitResult's log residuals). NaN where either value is not finite and > 0. Dimensionless (nats of
/// log loss). Errors: a parameter count other than law.parameters().size() ("--params").
[[nodiscard]] tl::expected<std::vector<double>, Error>
logResiduals(const Law& law, std::span<const double> params, const FitData& data);

} // namespace core
