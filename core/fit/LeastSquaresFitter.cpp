// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/LeastSquaresFitter.h"

#include "core/fit/LocalFitSetup.h"
#include "core/fit/FitEvaluation.h"
#include "core/fit/ParameterMap.h"
#include "core/fit/ResidualLoss.h"
#include "core/util/Gsl.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>
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
constexpr double kGainTol = 1e-10;   ///< relative objective reduction still available at "converged"
constexpr double kEarlyGainTol = 1e-20; ///< the same, to stop before GSL's own tests are met
constexpr double kResidualFloor = 1e-10; ///< residuals this small (relative, see gainFloor) are roundoff
/// Stands in for a residual the law cannot evaluate at a trial point, so that the trust region
/// rejects the step and shrinks instead of the solver stopping (its square stays finite).
constexpr double kPenaltyResidual = 1e100;

/// The least-squares problem in the solver's variables q (free parameters only). Residuals are
/// scaled by sqrt(c_i), c_i = weight times the over-estimate penalty where the law over-predicts.
struct Problem {
    const Law& law;
    const FitData& data;
    const ParameterMap& map;
    ResidualLoss loss;
    std::vector<double> params; ///< all parameters, fixed ones in place
    std::vector<double> grad;   ///< scratch, one per law parameter
    std::vector<double> gradQ;  ///< scratch, one per free variable
    bool penalise = false;      ///< after the start: non-finite residuals -> kPenaltyResidual
    std::vector<double> target; ///< y_i, or log y_i for the log objectives (computed once)

    void setQ(const gsl_vector* q)
    {
        map.toParams(std::span<const double>(q->data, q->size), params);
    }
    /// The residual of prediction `pred` at point i, in the objective's space.
    [[nodiscard]] double residual(double pred, std::size_t i) const
    {
        return (loss.logSpace() ? std::log(pred) : pred) - target[i];
    }
};

int residuals(const gsl_vector* q, void* context, gsl_vector* f)
{
    auto& pb = *static_cast<Problem*>(context);
    pb.setQ(q);
    for (std::size_t i = 0; i < pb.data.size(); ++i) {
        const double r = pb.residual(pb.law.eval(pb.params, pb.data.point(i)), i);
        if (!std::isfinite(r) && !pb.penalise)
            return GSL_EDOM;
        gsl_vector_set(f, i, std::isfinite(r) ? std::sqrt(pb.loss.factor(r, pb.data.weightAt(i))) * r : kPenaltyResidual);
    }
    return GSL_SUCCESS;
}

int jacobian(const gsl_vector* q, void* context, gsl_matrix* J)
{
    auto& pb = *static_cast<Problem*>(context);
    pb.setQ(q);
    const std::span<const double> qs(q->data, q->size);
    for (std::size_t i = 0; i < pb.data.size(); ++i) {
        const LawPoint at = pb.data.point(i);
        const double pred = pb.law.evalWithGradient(pb.params, at, pb.grad);
        // The residual's sign matters only with an over-estimate penalty.
        const double r = pb.loss.penalty != 1.0 ? pb.residual(pred, i) : 0.0;
        pb.map.chain(qs, pb.grad, pb.gradQ);
        const double scale = std::sqrt(pb.loss.factor(r, pb.data.weightAt(i))) / (pb.loss.logSpace() ? pred : 1.0);
        for (std::size_t j = 0; j < pb.gradQ.size(); ++j) {
            const double v = scale * pb.gradQ[j];
            if (!std::isfinite(v))
                return GSL_EDOM;
            gsl_matrix_set(J, i, j, v);
        }
    }
    return GSL_SUCCESS;
}

/// Whether a full Gauss-Newton step from the solver's position would lower the sum of squares
/// by at most kGainTol of itself (g^T (J^T J)^+ g <= kGainTol |f|^2, g = J^T f): a test of
/// optimality that, unlike GSL's gradient test, does not depend on the parameters' scales.
/// `floor`: an absolute slack for (near) zero-residual problems, where the achievable objective is
/// roundoff.
bool gaussNewtonGainNegligible(gsl_multifit_nlinear_workspace* w, double floor, double tolerance = kGainTol)
{
    const gsl_matrix* jac = gsl_multifit_nlinear_jac(w);
    const gsl_vector* f = gsl_multifit_nlinear_residual(w);
    const auto n = static_cast<Eigen::Index>(jac->size1), k = static_cast<Eigen::Index>(jac->size2);
    Eigen::MatrixXd J(n, k);
    Eigen::VectorXd r(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        r[i] = gsl_vector_get(f, static_cast<std::size_t>(i));
        for (Eigen::Index j = 0; j < k; ++j)
            J(i, j) = gsl_matrix_get(jac, static_cast<std::size_t>(i), static_cast<std::size_t>(j));
    }
    if (!J.allFinite() || !r.allFinite())
        return false;
    const Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(J);
    if (cod.rank() < k)
        return false; // a flat direction: no gain along it proves nothing
    const Eigen::VectorXd step = cod.solve(r); // least-squares step
    const double gain = (J * step).squaredNorm(); // reduction of |f|^2 a full step would give
    return gain <= tolerance * r.squaredNorm() + floor;
}

} // namespace

tl::expected<FitResult, Error> fitLeastSquares(const FitData& data, const FitRequest& request,
                                               const Progress& progress)
{
    gsl::disableAbortOnError();
    if (request.objective == Objective::HuberLog)
        return tl::make_unexpected(Error::forParameter("--objective", "least squares cannot minimise huber-log; use fitLaw"));
    auto setup = LocalFitSetup::prepare(data, request);
    if (!setup)
        return tl::make_unexpected(setup.error());
    const Law& law = *request.law;
    const auto specs = law.parameters();
    const ParameterMap* const map = &setup->map;
    const ResidualLoss loss = setup->loss;
    Problem pb{law, data, *map, loss, setup->start, std::vector<double>(specs.size()),
               std::vector<double>(map->freeCount()), false, {}};
    const std::size_t n = data.size(), k = map->freeCount();
    for (std::size_t i = 0; i < n; ++i) {
        const double y = data.y[static_cast<Eigen::Index>(i)];
        pb.target.push_back(loss.logSpace() ? std::log(y) : y);
    }
    const std::vector<double> qStart = map->toSolver(pb.params);
    // Residuals of kResidualFloor relative to the data (log space: absolute) count as zero.
    const double yScale = loss.logSpace() ? 1.0 : std::sqrt(data.y.squaredNorm() / static_cast<double>(n));
    const double gainFloor = static_cast<double>(n) * std::pow(kResidualFloor * yScale, 2);

    gsl::Vector q0(gsl_vector_alloc(k));
    for (std::size_t j = 0; j < k; ++j)
        gsl_vector_set(q0.get(), j, qStart[j]);
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
            result.converged = gsl_multifit_nlinear_test(0.0, kLooseTol, 0.0, &info, w.get()) == GSL_SUCCESS
                               || gaussNewtonGainNegligible(w.get(), gainFloor);
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
            // A tiny step alone also happens when the solver is stuck far from an optimum.
            result.converged = info != 1 || gaussNewtonGainNegligible(w.get(), gainFloor);
            result.termination = !result.converged ? "stopped: step below tolerance away from an optimum"
                                 : (info == 1 ? "converged: step below tolerance" : "converged: gradient below tolerance");
            break;
        }
        // Stop as soon as a full Gauss-Newton step could not lower the objective by more than
        // kEarlyGainTol of itself: further iterations would only move the parameters within
        // ~1e-10 of their standard errors.
        if (gaussNewtonGainNegligible(w.get(), 0.0, kEarlyGainTol)) {
            result.converged = true;
            result.termination = "converged: Gauss-Newton gain below tolerance";
            break;
        }
        if (progress && !progress(static_cast<double>(iter + 1) / static_cast<double>(request.maxIterations)))
            return tl::make_unexpected(Error::forParameter("fit", "cancelled"));
    }
    pb.setQ(gsl_multifit_nlinear_position(w.get()));
    FitResult out = evaluateFit(law, data, *map, loss, pb.params);
    out.iterations = result.iterations;
    out.termination = result.termination;
    out.converged = result.converged;
    result = std::move(out);
    if (!result.converged)
        result.warnings.push_back("not converged: " + result.termination);
    return result;
}

} // namespace core
