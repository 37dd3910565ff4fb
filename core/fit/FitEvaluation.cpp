// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitEvaluation.h"

#include "core/fit/FitQuality.h"
#include "core/util/NumberText.h"

#include <Eigen/Cholesky>

#include <cmath>
#include <limits>
#include <string>

namespace core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

FitResult evaluateFit(const Law& law, const FitData& data, const ParameterMap& map, const ResidualLoss& loss,
                      std::span<const double> params)
{
    const auto specs = law.parameters();
    const std::size_t n = data.size(), k = map.freeCount(), np = specs.size();
    FitResult result;
    for (const ParameterSpec& s : specs)
        result.names.push_back(s.name);
    result.params.assign(params.begin(), params.end());

    Eigen::MatrixXd J(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    Eigen::VectorXd r(static_cast<Eigen::Index>(n)), c(static_cast<Eigen::Index>(n));
    std::vector<double> grad(np), gradLeader(k), logRes(n);
    Eigen::VectorXd g = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(k));
    result.objective = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto row = static_cast<Eigen::Index>(i);
        const LawPoint at = data.point(i);
        const double pred = law.evalWithGradient(params, at, grad);
        const double y = data.y[row];
        r[row] = loss.residual(pred, y);
        logRes[i] = std::log(pred) - std::log(y);
        c[row] = loss.factor(r[row], data.weightAt(i));
        result.objective += c[row] * loss.rho(r[row]);
        map.collapse(grad, gradLeader);
        const double scale = loss.logSpace() ? 1.0 / pred : 1.0;
        for (std::size_t j = 0; j < k; ++j)
            J(row, static_cast<Eigen::Index>(j)) = scale * gradLeader[j];
        g += c[row] * loss.rhoPrime(r[row]) * J.row(row).transpose();
    }
    result.residuals.assign(r.data(), r.data() + r.size());
    result.gradientNorm = k ? g.cwiseAbs().maxCoeff() : 0.0;
    setLogFitQuality(result, logRes, data.y);
    const double nd = static_cast<double>(n), kd = static_cast<double>(k);
    if (loss.objective == Objective::HuberLog) {
        result.aic = result.bic = kNaN;
    } else {
        result.aic = nd * std::log(result.objective / nd) + 2.0 * kd;
        result.bic = nd * std::log(result.objective / nd) + kd * std::log(nd);
    }

    // Covariance of the free parameters.
    Eigen::MatrixXd cov;
    bool ok = n > k;
    if (ok) {
        Eigen::MatrixXd a = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
        Eigen::MatrixXd b = a;
        for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(n); ++i) {
            const Eigen::VectorXd ji = J.row(i).transpose();
            if (loss.objective == Objective::HuberLog) {
                const double inside = std::abs(r[i]) <= loss.delta ? 1.0 : 0.0;
                const double psi = c[i] * loss.rhoPrime(r[i]);
                a += c[i] * inside * ji * ji.transpose();
                b += psi * psi * ji * ji.transpose();
            } else {
                a += c[i] * ji * ji.transpose();
            }
        }
        // Judge and invert the information matrix scaled to unit diagonal, so that parameters of
        // very different magnitudes (NIST MGH10: 0.0056 and 6181) do not look singular.
        const Eigen::VectorXd d = a.diagonal().cwiseMax(0.0).cwiseSqrt();
        ok = (d.array() > 0.0).all() && d.allFinite();
        Eigen::MatrixXd inv;
        if (ok) {
            const Eigen::VectorXd dInv = d.cwiseInverse();
            const Eigen::MatrixXd scaled = dInv.asDiagonal() * a * dInv.asDiagonal();
            const Eigen::LDLT<Eigen::MatrixXd> ldlt(scaled);
            ok = ldlt.info() == Eigen::Success && ldlt.isPositive() && ldlt.vectorD().minCoeff() > 0.0
                 && ldlt.vectorD().minCoeff() > 1e-15 * ldlt.vectorD().maxCoeff();
            if (ok)
                inv = dInv.asDiagonal() * ldlt.solve(Eigen::MatrixXd::Identity(a.rows(), a.cols())) * dInv.asDiagonal();
        }
        if (ok) {
            if (loss.objective == Objective::HuberLog)
                cov = inv * b * inv * (nd / (nd - kd));
            else
                cov = (result.objective / (nd - kd)) * inv;
        }
    }
    result.stderrs.assign(np, 0.0);
    for (std::size_t i = 0; i < np; ++i) {
        const long j = map.sourceOf(i);
        if (j < 0)
            continue;
        result.stderrs[i] = ok ? std::sqrt(std::max(0.0, cov(j, j))) : kNaN;
    }
    if (!ok)
        result.warnings.push_back(n > k ? "standard errors unavailable: the parameters are not identifiable from these points"
                                        : "standard errors unavailable: as many points as free parameters");
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t i = map.leaderOf(j);
        const double p = params[i], span = std::max(1.0, std::abs(p));
        if (std::isfinite(map.lower(i)) && p - map.lower(i) <= 1e-6 * span)
            result.warnings.push_back(specs[i].name + " is at its lower bound " + shortestText(map.lower(i)));
        if (std::isfinite(map.upper(i)) && map.upper(i) - p <= 1e-6 * span)
            result.warnings.push_back(specs[i].name + " is at its upper bound " + shortestText(map.upper(i)));
    }
    return result;
}

} // namespace core
