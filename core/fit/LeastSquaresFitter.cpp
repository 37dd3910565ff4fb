// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/LeastSquaresFitter.h"

#include "core/fit/FitQuality.h"
#include "core/util/Gsl.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace core {

namespace {

constexpr double kXTol = 1e-12;
constexpr double kGTol = 1e-12;
constexpr double kLooseTol = 1e-8;
/// Stands in for a residual the law cannot evaluate at a trial point, so that the trust region
/// rejects the step and shrinks instead of the solver stopping (its square stays finite).
constexpr double kPenaltyResidual = 1e100;

/// Keeps a parameter inside [lo, hi] while the solver searches an unbounded q.
struct BoxMap {
    double lo;
    double hi;

    [[nodiscard]] double toP(double q) const
    {
        if (std::isfinite(lo) && std::isfinite(hi))
            return lo + (hi - lo) / (1.0 + std::exp(-q));
        if (std::isfinite(lo))
            return lo + std::exp(q);
        if (std::isfinite(hi))
            return hi - std::exp(-q);
        return q;
    }
    [[nodiscard]] double dPdQ(double q) const
    {
        if (std::isfinite(lo) && std::isfinite(hi)) {
            const double s = 1.0 / (1.0 + std::exp(-q));
            return (hi - lo) * s * (1.0 - s);
        }
        if (std::isfinite(lo))
            return std::exp(q);
        if (std::isfinite(hi))
            return std::exp(-q);
        return 1.0;
    }
    /// Inverse of toP for a start value, nudged strictly inside the bounds.
    [[nodiscard]] double toQ(double p) const
    {
        const double span = std::isfinite(lo) && std::isfinite(hi) ? hi - lo : std::max(1.0, std::abs(p));
        const double eps = 1e-9 * span;
        if (std::isfinite(lo))
            p = std::max(p, lo + eps);
        if (std::isfinite(hi))
            p = std::min(p, hi - eps);
        if (std::isfinite(lo) && std::isfinite(hi)) {
            const double s = (p - lo) / (hi - lo);
            return std::log(s / (1.0 - s));
        }
        if (std::isfinite(lo))
            return std::log(p - lo);
        if (std::isfinite(hi))
            return -std::log(hi - p);
        return p;
    }
};

/// The least-squares problem in the solver's variables q (free parameters only).
struct Problem {
    const Law& law;
    const FitData& data;
    Objective objective;
    std::vector<double> params;         ///< all parameters, fixed ones in place
    std::vector<std::size_t> freeIndex; ///< law parameter index of each q
    std::vector<BoxMap> maps;
    std::vector<double> grad;           ///< scratch, one per law parameter
    bool penalise = false;              ///< after the start: non-finite residuals -> kPenaltyResidual

    void setQ(const gsl_vector* q)
    {
        for (std::size_t j = 0; j < freeIndex.size(); ++j)
            params[freeIndex[j]] = maps[j].toP(gsl_vector_get(q, j));
    }
    [[nodiscard]] bool logSpace() const { return objective == Objective::LsqLog; }
};

int residuals(const gsl_vector* q, void* context, gsl_vector* f)
{
    auto& pb = *static_cast<Problem*>(context);
    pb.setQ(q);
    for (std::size_t i = 0; i < pb.data.size(); ++i) {
        const double pred = pb.law.eval(pb.params, pb.data.point(i));
        const double y = pb.data.y[static_cast<Eigen::Index>(i)];
        const double r = pb.logSpace() ? std::log(pred) - std::log(y) : pred - y;
        if (!std::isfinite(r) && !pb.penalise)
            return GSL_EDOM;
        gsl_vector_set(f, i, std::isfinite(r) ? std::sqrt(pb.data.weightAt(i)) * r : kPenaltyResidual);
    }
    return GSL_SUCCESS;
}

int jacobian(const gsl_vector* q, void* context, gsl_matrix* J)
{
    auto& pb = *static_cast<Problem*>(context);
    pb.setQ(q);
    for (std::size_t i = 0; i < pb.data.size(); ++i) {
        const LawPoint at = pb.data.point(i);
        pb.law.gradient(pb.params, at, pb.grad);
        const double scale = std::sqrt(pb.data.weightAt(i)) / (pb.logSpace() ? pb.law.eval(pb.params, at) : 1.0);
        for (std::size_t j = 0; j < pb.freeIndex.size(); ++j) {
            const double v = scale * pb.grad[pb.freeIndex[j]] * pb.maps[j].dPdQ(gsl_vector_get(q, j));
            if (!std::isfinite(v))
                return GSL_EDOM;
            gsl_matrix_set(J, i, j, v);
        }
    }
    return GSL_SUCCESS;
}

/// Checks the inputs the law reads and the loss; names the first offending point.
tl::expected<void, Error> validate(const FitData& data, const Law& law, Objective objective)
{
    const bool positive = law.needsPositiveInputs();
    auto bad = [positive](double v) { return !std::isfinite(v) || (positive && v <= 0.0); };
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto k = static_cast<Eigen::Index>(i);
        const LawPoint p = data.point(i);
        if (law.usesX() ? bad(p.x) : (bad(p.N) || bad(p.D)))
            return tl::make_unexpected(Error::forParameter(law.usesX() ? "x" : "N, D",
                "point " + std::to_string(i + 1) + (positive ? " has a non-positive or non-finite input"
                                                                      : " has a non-finite input")));
        const double y = data.y[k];
        if (!std::isfinite(y) || (objective == Objective::LsqLog && y <= 0.0))
            return tl::make_unexpected(Error::forParameter("loss", "point " + std::to_string(i + 1)
                + " has loss " + std::to_string(y) + "; a log objective needs finite loss > 0"));
        if (!(data.weightAt(i) >= 0.0) || !std::isfinite(data.weightAt(i)))
            return tl::make_unexpected(Error::forParameter("weights", "point " + std::to_string(i + 1) + " has an invalid weight"));
    }
    return {};
}

} // namespace

tl::expected<FitResult, Error> fitLeastSquares(const FitData& data, const FitRequest& request,
                                               const Progress& progress)
{
    gsl::disableAbortOnError();
    if (request.law == nullptr)
        return tl::make_unexpected(Error::forParameter("--law", "no law given"));
    const Law& law = *request.law;
    const auto specs = law.parameters();
    if (!request.start.empty() && request.start.size() != specs.size())
        return tl::make_unexpected(Error::forParameter("--start", "expected " + std::to_string(specs.size()) + " start values"));
    if (auto ok = validate(data, law, request.objective); !ok)
        return tl::make_unexpected(ok.error());

    Problem pb{law, data, request.objective, {}, {}, {}, std::vector<double>(specs.size())};
    for (std::size_t i = 0; i < specs.size(); ++i)
        pb.params.push_back(request.start.empty() ? specs[i].start : request.start[i]);
    for (const auto& [name, value] : request.fixed) {
        const auto index = law.parameterIndex(name);
        if (!index)
            return tl::make_unexpected(Error::forParameter("--fix", "law " + std::string(law.id()) + " has no parameter '" + name + "'"));
        pb.params[*index] = value;
    }
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (!request.fixed.count(specs[i].name)) {
            pb.freeIndex.push_back(i);
            pb.maps.push_back({specs[i].lower, specs[i].upper});
        }
    const std::size_t n = data.size(), k = pb.freeIndex.size();
    if (n < k || k == 0)
        return tl::make_unexpected(Error::forParameter("--law", "law " + std::string(law.id()) + " has " + std::to_string(k)
            + " free parameters but the fit has " + std::to_string(n) + " points"));

    gsl::Vector q0(gsl_vector_alloc(k));
    for (std::size_t j = 0; j < k; ++j)
        gsl_vector_set(q0.get(), j, pb.maps[j].toQ(pb.params[pb.freeIndex[j]]));
    gsl_multifit_nlinear_fdf fdf{};
    fdf.f = residuals;
    fdf.df = jacobian;
    fdf.fvv = nullptr; // geodesic acceleration's second directional derivative by finite differences
    fdf.n = n;
    fdf.p = k;
    fdf.params = &pb;
    gsl_multifit_nlinear_parameters settings = gsl_multifit_nlinear_default_parameters();
    settings.trs = gsl_multifit_nlinear_trs_lmaccel;
    gsl::NlinearWorkspace w(gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &settings, n, k));
    if (!w || gsl_multifit_nlinear_init(q0.get(), &fdf, w.get()) != GSL_SUCCESS)
        return tl::make_unexpected(Error::forParameter("--start", "the law cannot be evaluated at the start values"));
    pb.penalise = true;

    FitResult result;
    result.termination = "iteration limit reached";
    for (std::size_t iter = 0; iter < request.maxIterations; ++iter) {
        const int status = gsl_multifit_nlinear_iterate(w.get());
        result.iterations = iter + 1;
        if (status == GSL_ENOPROG) {
            // No step decreases the objective any more: at the optimum when the first-order
            // conditions hold to a looser tolerance, else stuck. Only the gradient test counts here:
            // the last (rejected) step is tiny whether or not this is an optimum.
            int info = 0;
            result.converged = gsl_multifit_nlinear_test(0.0, kLooseTol, 0.0, &info, w.get()) == GSL_SUCCESS;
            result.termination = result.converged ? "converged: no smaller objective within machine precision"
                                                  : "no further progress possible";
            break;
        }
        if (status != GSL_SUCCESS) {
            result.termination = std::string("solver stopped: ") + gsl_strerror(status);
            break;
        }
        // GSL's gradient test compares with kGTol * max(phi, 1), phi = |f|^2 / 2; scaling kGTol by
        // min(phi, 1) makes it relative (kGTol * phi) for small residuals too (e.g. NIST Lanczos).
        const gsl_vector* f = gsl_multifit_nlinear_residual(w.get());
        double phi = 0.0;
        gsl_blas_ddot(f, f, &phi);
        phi *= 0.5;
        int info = 0;
        if (gsl_multifit_nlinear_test(kXTol, kGTol * std::min(phi, 1.0), 0.0, &info, w.get()) == GSL_SUCCESS) {
            result.converged = true;
            result.termination = info == 1 ? "converged: step below tolerance" : "converged: gradient below tolerance";
            break;
        }
        if (progress && !progress(static_cast<double>(iter + 1) / static_cast<double>(request.maxIterations)))
            return tl::make_unexpected(Error::forParameter("fit", "cancelled"));
    }
    pb.setQ(gsl_multifit_nlinear_position(w.get()));

    // Residuals, objective, gradient and standard errors in the law's own parameters.
    Eigen::MatrixXd J(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    Eigen::VectorXd r(static_cast<Eigen::Index>(n)), wts(static_cast<Eigen::Index>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const auto row = static_cast<Eigen::Index>(i);
        const LawPoint at = data.point(i);
        const double pred = law.eval(pb.params, at);
        const double y = data.y[row];
        r[row] = pb.logSpace() ? std::log(pred) - std::log(y) : pred - y;
        wts[row] = data.weightAt(i);
        law.gradient(pb.params, at, pb.grad);
        for (std::size_t j = 0; j < k; ++j)
            J(row, static_cast<Eigen::Index>(j)) = pb.grad[pb.freeIndex[j]] / (pb.logSpace() ? pred : 1.0);
    }
    result.objective = (wts.array() * r.array().square()).sum();
    {
        // Goodness of fit in log loss, comparable across objectives; AIC/BIC for Gaussian residuals.
        std::vector<double> logRes(n);
        for (std::size_t i = 0; i < n; ++i)
            logRes[i] = std::log(law.eval(pb.params, data.point(i))) - std::log(data.y[static_cast<Eigen::Index>(i)]);
        setLogFitQuality(result, logRes, data.y);
        const double nd = static_cast<double>(n), kd = static_cast<double>(k);
        result.aic = nd * std::log(result.objective / nd) + 2.0 * kd;
        result.bic = nd * std::log(result.objective / nd) + kd * std::log(nd);
    }
    result.gradientNorm = (2.0 * J.transpose() * (wts.array() * r.array()).matrix()).cwiseAbs().maxCoeff();
    result.residuals.assign(r.data(), r.data() + r.size());
    result.params = pb.params;
    result.stderrs.assign(specs.size(), 0.0);
    for (const ParameterSpec& s : specs)
        result.names.push_back(s.name);
    const Eigen::MatrixXd info = J.transpose() * wts.asDiagonal() * J;
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(info);
    if (n > k && ldlt.info() == Eigen::Success && ldlt.isPositive() && ldlt.vectorD().minCoeff() > 0.0) {
        const double s2 = result.objective / static_cast<double>(n - k);
        const Eigen::MatrixXd cov = s2 * ldlt.solve(Eigen::MatrixXd::Identity(info.rows(), info.cols()));
        for (std::size_t j = 0; j < k; ++j)
            result.stderrs[pb.freeIndex[j]] = std::sqrt(std::max(0.0, cov(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(j))));
    } else {
        for (std::size_t j = 0; j < k; ++j)
            result.stderrs[pb.freeIndex[j]] = std::numeric_limits<double>::quiet_NaN();
        result.warnings.push_back(n > k ? "standard errors unavailable: the parameters are not identifiable from these points"
                                        : "standard errors unavailable: as many points as free parameters");
    }
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t i = pb.freeIndex[j];
        const double p = pb.params[i], span = std::max(1.0, std::abs(p));
        if (std::isfinite(specs[i].lower) && p - specs[i].lower <= 1e-6 * span)
            result.warnings.push_back(specs[i].name + " is at its lower bound " + std::to_string(specs[i].lower));
        if (std::isfinite(specs[i].upper) && specs[i].upper - p <= 1e-6 * span)
            result.warnings.push_back(specs[i].name + " is at its upper bound " + std::to_string(specs[i].upper));
    }
    if (!result.converged)
        result.warnings.push_back("not converged: " + result.termination);
    return result;
}

} // namespace core
