// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitDataCheck.h"

#include "core/util/NumberText.h"

#include <cmath>
#include <string>

namespace core {

namespace {

tl::expected<void, Error> fail(const char* parameter, std::string message)
{
    return tl::make_unexpected(Error::forParameter(parameter, std::move(message)));
}

/// Whether column v (read by the law) has at least two distinct values.
bool varies(const Eigen::VectorXd& v)
{
    return v.size() > 1 && v.maxCoeff() > v.minCoeff();
}

} // namespace

tl::expected<void, Error> checkFitData(const FitData& data, const FitRequest& request, std::size_t freeParameters)
{
    if (request.law == nullptr)
        return fail("--law", "no law given");
    const Law& law = *request.law;
    if (request.objective == Objective::HuberLog && !(request.delta > 0.0 && std::isfinite(request.delta)))
        return fail("--delta", "the Huber threshold must be a finite number > 0, not " + shortestText(request.delta));
    if (!(request.overestimatePenalty >= 1.0 && std::isfinite(request.overestimatePenalty)))
        return fail("--overestimate-penalty", "must be a finite number >= 1, not " + shortestText(request.overestimatePenalty));
    const std::size_t n = data.size();
    const bool positive = law.needsPositiveInputs();
    const bool logObjective = request.objective != Objective::Lsq;
    const auto columnOk = [&](const Eigen::VectorXd& v, const char* name) -> tl::expected<void, Error> {
        if (static_cast<std::size_t>(v.size()) != n)
            return fail(name, std::string("the fit needs ") + name + " for each of its " + std::to_string(n) + " points");
        for (std::size_t i = 0; i < n; ++i) {
            const double x = v[static_cast<Eigen::Index>(i)];
            if (!std::isfinite(x) || (positive && x <= 0.0))
                return fail(name, "point " + std::to_string(i + 1) + " has " + name + " = " + shortestText(x)
                                  + (positive ? "; the law needs finite values > 0" : "; the law needs finite values"));
        }
        return {};
    };
    if (law.usesX()) {
        if (auto ok = columnOk(data.x, "x"); !ok)
            return ok;
    } else {
        if (auto ok = columnOk(data.N, "N"); !ok)
            return ok;
        if (auto ok = columnOk(data.D, "D"); !ok)
            return ok;
    }
    if (static_cast<std::size_t>(data.y.size()) != n)
        return fail("loss", "the loss column has the wrong length");
    for (std::size_t i = 0; i < n; ++i) {
        const double y = data.y[static_cast<Eigen::Index>(i)];
        if (!std::isfinite(y) || (logObjective && y <= 0.0))
            return fail("loss", "point " + std::to_string(i + 1) + " has loss " + shortestText(y)
                                + (logObjective ? "; a log objective needs finite loss > 0" : "; the loss must be finite"));
        const double w = data.weightAt(i);
        if (!std::isfinite(w) || w < 0.0)
            return fail("weights", "point " + std::to_string(i + 1) + " has weight " + shortestText(w)
                                   + "; weights must be finite and >= 0");
    }
    if (n < freeParameters)
        return fail("--law", "law " + std::string(law.id()) + " has " + std::to_string(freeParameters)
                             + " free parameters but the fit has " + std::to_string(n) + " points");
    if (law.usesX() && !varies(data.x))
        return fail("x", "every point has the same x; a law in x needs at least two distinct values");
    if (!law.usesX() && !varies(data.N))
        return fail("N", "every run has the same N; the law cannot separate the N term from the constant");
    if (!law.usesX() && !varies(data.D))
        return fail("D", "every run has the same D; the law cannot separate the D term from the constant");
    return {};
}

} // namespace core
