// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/VarProSolver.h"

#include "core/fit/ResidualLoss.h"
#include "core/fit/VarProBoxLsq.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSmallGain = 1e-10; ///< a step gaining or promising less (relative) ends the solve
constexpr int kAttempts = 8;       ///< trial points per step
constexpr double kMuStart = 0.25; ///< first weight of the IRLS curvature (1 = IRLS, 0 = Newton)
constexpr double kMuDown = 0.25;  ///< its factor after an accepted step
constexpr double kMuUp = 4.0;     ///< and after a rejected one (up to 1, then the step is halved)
using Vec = VarProBoxLsq::Vec;
using Mat = VarProBoxLsq::Mat;

/// The quadratic models of the objective at the current coefficients: gradient, Gauss-Newton
/// Hessian (Newton model), and the extra curvature the IRLS majoriser gives Huber's outer points.
struct Models {
    Vec grad{};
    Mat newton{};
    Mat outer{};
};

/// One pass over the data at coefficients c: returns the objective (+inf if not finite) and
/// fills `models` (lower triangles only).
template <std::size_t K, Objective O>
double pass(const VarProModel& m, const ResidualLoss& lossIn, const double* const* colIn, const double* offset,
            const double* cIn, double* scratch, Models& models)
{
    // Locals throughout, so that the sums stay in registers (no aliasing with the data).
    const ResidualLoss loss{O, lossIn.delta, lossIn.penalty}; // O known here: branches fold away
    const std::size_t n = m.points();
    const double* y = O == Objective::Lsq ? m.y().data() : m.logY().data();
    const double* w = m.weight().data();
    const double* col[K > 0 ? K : 1] = {};
    double c[K > 0 ? K : 1] = {}, grad[K > 0 ? K : 1] = {};
    double newton[K > 0 ? K : 1][K > 0 ? K : 1] = {}, outer[K > 0 ? K : 1][K > 0 ? K : 1] = {};
    for (std::size_t u = 0; u < K; ++u) {
        col[u] = colIn[u];
        c[u] = cIn[u];
    }
    // The predictions and residuals first: the log is a library call, which would otherwise
    // force the sums below out of registers on every point.
    double* pred = scratch;
    double* res = scratch + n;
    for (std::size_t i = 0; i < n; ++i) {
        double l = offset ? offset[i] : 0.0;
        for (std::size_t u = 0; u < K; ++u)
            l += c[u] * col[u][i];
        pred[i] = l;
        res[i] = O == Objective::Lsq ? l - y[i] : std::log(l) - y[i];
    }
    double f = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double l = pred[i], r = res[i];
        const double cf = loss.factor(r, w[i]);
        f += cf * loss.rho(r);
        double scale = 1.0;         // d r / d c_u = col_u * scale
        double hn = 2.0 * cf, ho = 0.0; // rho'' and the IRLS excess
        if constexpr (O == Objective::LsqLog)
            scale = 1.0 / l;
        if constexpr (O == Objective::HuberLog) {
            const double a = std::abs(r);
            const bool inner = a <= loss.delta;
            const double t = 1.0 / (inner ? l : a * l); // one division for 1/l and 1/|r|
            scale = inner ? t : a * t;
            hn = inner ? cf : 0.0;
            ho = inner ? 0.0 : cf * loss.delta * l * t;
        }
        const double g = cf * loss.rhoPrime(r) * scale;
        hn *= scale * scale;
        ho *= scale * scale;
        for (std::size_t u = 0; u < K; ++u) {
            const double cu = col[u][i];
            grad[u] += g * cu;
            for (std::size_t v = 0; v <= u; ++v) {
                const double cc = cu * col[v][i];
                newton[u][v] += hn * cc;
                if constexpr (O == Objective::HuberLog)
                    outer[u][v] += ho * cc;
            }
        }
    }
    for (std::size_t u = 0; u < K; ++u) {
        models.grad[u] = grad[u];
        for (std::size_t v = 0; v <= u; ++v) {
            models.newton[u][v] = newton[u][v];
            models.outer[u][v] = outer[u][v];
        }
    }
    return f < kInf ? f : kInf; // NaN (a log of a non-positive prediction) counts as +inf
}

} // namespace

void VarProSolver::bind(const VarProModel& model)
{
    m_model = &model;
    m_shared.resize(model.hasSharedUnknown() ? VarProBoxLsq::kMax * model.points() : 0);
    m_offset.resize(model.hasOffset() ? model.points() : 0);
    m_scratch.resize(2 * model.points());
}

double VarProSolver::solve(std::size_t p, std::span<double> coef)
{
    const Objective o = m_model->loss().objective;
    switch (m_model->unknowns()) {
    case 0:
        return o == Objective::Lsq      ? solveK<0, Objective::Lsq>(p, coef)
               : o == Objective::LsqLog ? solveK<0, Objective::LsqLog>(p, coef)
                                        : solveK<0, Objective::HuberLog>(p, coef);
    case 1:
        return o == Objective::Lsq      ? solveK<1, Objective::Lsq>(p, coef)
               : o == Objective::LsqLog ? solveK<1, Objective::LsqLog>(p, coef)
                                        : solveK<1, Objective::HuberLog>(p, coef);
    case 2:
        return o == Objective::Lsq      ? solveK<2, Objective::Lsq>(p, coef)
               : o == Objective::LsqLog ? solveK<2, Objective::LsqLog>(p, coef)
                                        : solveK<2, Objective::HuberLog>(p, coef);
    default:
        return o == Objective::Lsq      ? solveK<3, Objective::Lsq>(p, coef)
               : o == Objective::LsqLog ? solveK<3, Objective::LsqLog>(p, coef)
                                        : solveK<3, Objective::HuberLog>(p, coef);
    }
}

template <std::size_t K, Objective O>
double VarProSolver::solveK(std::size_t p, std::span<double> coef)
{
    const VarProModel& m = *m_model;
    const std::size_t n = m.points();
    const ResidualLoss loss{O, m.loss().delta, m.loss().penalty};

    // Columns of the unknowns (summed where tied terms share one) and the fixed terms' offset.
    const double* col[VarProBoxLsq::kMax] = {};
    if (m.hasSharedUnknown())
        std::fill(m_shared.begin(), m_shared.end(), 0.0);
    for (std::size_t t = 0; t < VarProModel::kTerms; ++t) {
        const int u = m.unknownOf(t);
        if (u < 0)
            continue;
        const double* column = m.column(t, p);
        if (m.hasSharedUnknown()) {
            double* sum = m_shared.data() + static_cast<std::size_t>(u) * n;
            for (std::size_t i = 0; i < n; ++i)
                sum[i] += column[i];
            column = sum;
        }
        col[u] = column;
    }
    const double* offset = nullptr;
    if (m.hasOffset()) {
        std::fill(m_offset.begin(), m_offset.end(), 0.0);
        for (std::size_t t = 0; t < VarProModel::kTerms; ++t)
            if (m.unknownOf(t) < 0 && m.fixedValue(t) != 0.0) {
                const double* column = m.column(t, p);
                for (std::size_t i = 0; i < n; ++i)
                    m_offset[i] += m.fixedValue(t) * column[i];
            }
        offset = m_offset.data();
    }

    // 1. Exact box-constrained weighted least squares on L.
    VarProBoxLsq ls;
    ls.k = K;
    if constexpr (K > 0) {
        const double* y = m.y().data();
        const double* w0 = m.initialWeight().data();
        for (std::size_t i = 0; i < n; ++i) {
            const double target = offset ? y[i] - offset[i] : y[i];
            for (std::size_t u = 0; u < K; ++u) {
                const double wc = w0[i] * col[u][i];
                ls.b[u] += wc * target;
                for (std::size_t v = 0; v <= u; ++v)
                    ls.G[u][v] += wc * col[v][i];
            }
        }
    }
    for (std::size_t u = 0; u < K; ++u) {
        ls.lo[u] = m.lower(u);
        ls.hi[u] = m.upper(u);
        for (std::size_t v = 0; v < u; ++v)
            ls.G[v][u] = ls.G[u][v];
    }
    Vec c = ls.solve();
    Models models;
    double f = pass<K, O>(m, loss, col, offset, c.data(), m_scratch.data(), models);

    // 2. Newton / IRLS steps on the objective, never increasing it.
    double mu = kMuStart; // weight of the IRLS curvature of Huber's outer points: 1 = IRLS, -> 0 Newton
    for (int step = 0; K > 0 && step < kMaxSteps && f > 0.0 && f < kInf; ++step) {
        VarProBoxLsq qp;
        qp.k = K;
        for (std::size_t u = 0; u < K; ++u) {
            qp.b[u] = -0.5 * models.grad[u]; // minimises d^T H d / 2 + g^T d, i.e. q(d) / 2
            qp.lo[u] = m.lower(u) - c[u];
            qp.hi[u] = m.upper(u) - c[u];
        }
        bool accepted = false;
        Vec next{};
        Models nextModels;
        double fNext = kInf, scale = 1.0;
        bool stalled = false;
        for (int attempt = 0; attempt < kAttempts && !accepted && !stalled; ++attempt) {
            for (std::size_t u = 0; u < K; ++u)
                for (std::size_t v = 0; v <= u; ++v)
                    qp.G[u][v] = qp.G[v][u] = 0.5 * (models.newton[u][v] + mu * models.outer[u][v]);
            const Vec d = qp.solve();
            double model = 0.0; // the quadratic model's change for the step scale * d
            for (std::size_t u = 0; u < K; ++u) {
                double gd = 0.0;
                for (std::size_t v = 0; v < K; ++v)
                    gd += qp.G[u][v] * d[v];
                model += scale * d[u] * (scale * gd - 2.0 * qp.b[u]);
            }
            if (!(-model > kSmallGain * f)) { // converged: the model promises nothing measurable
                stalled = true;
                break;
            }
            for (std::size_t u = 0; u < K; ++u)
                next[u] = std::clamp(c[u] + scale * d[u], m.lower(u), m.upper(u));
            nextModels = Models{};
            fNext = pass<K, O>(m, loss, col, offset, next.data(), m_scratch.data(), nextModels);
            accepted = fNext <= f;
            if (accepted)
                mu *= kMuDown;
            else if (O == Objective::HuberLog && mu < 1.0)
                mu = std::min(1.0, mu * kMuUp);
            else
                scale *= 0.5;
        }
        if (!accepted)
            break;
        const double gain = f - fNext;
        c = next;
        f = fNext;
        models = nextModels;
        if (gain <= kSmallGain * (f + gain))
            break;
    }
    for (std::size_t u = 0; u < K; ++u)
        coef[u] = c[u];
    return f;
}

} // namespace core
