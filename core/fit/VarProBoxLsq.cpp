// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/VarProBoxLsq.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

/// A pivot below this (on a unit-diagonal matrix) counts as singular: condition number ~1e14.
constexpr double kSingularPivot = 1e-14;

/// Solves A x = r for the m x m (m <= 3) symmetric unit-diagonal block of A picked by `idx`, by
/// Cholesky; false when singular to working precision.
bool choleskySolve(const VarProBoxLsq::Mat& A, const std::size_t* idx, std::size_t m, VarProBoxLsq::Vec& r)
{
    double L[VarProBoxLsq::kMax][VarProBoxLsq::kMax] = {};
    for (std::size_t j = 0; j < m; ++j) {
        double d = A[idx[j]][idx[j]];
        for (std::size_t p = 0; p < j; ++p)
            d -= L[j][p] * L[j][p];
        if (!(d > kSingularPivot))
            return false;
        L[j][j] = std::sqrt(d);
        for (std::size_t i = j + 1; i < m; ++i) {
            double v = A[idx[i]][idx[j]];
            for (std::size_t p = 0; p < j; ++p)
                v -= L[i][p] * L[j][p];
            L[i][j] = v / L[j][j];
        }
    }
    for (std::size_t i = 0; i < m; ++i) { // L z = r
        for (std::size_t p = 0; p < i; ++p)
            r[i] -= L[i][p] * r[p];
        r[i] /= L[i][i];
    }
    for (std::size_t i = m; i-- > 0;) { // L^T x = z
        for (std::size_t p = i + 1; p < m; ++p)
            r[i] -= L[p][i] * r[p];
        r[i] /= L[i][i];
    }
    return true;
}

} // namespace

VarProBoxLsq::Vec VarProBoxLsq::solve() const
{
    Vec c{};
    // Diagonal scaling x_u = c_u / s_u with s_u = G_uu^-1/2; unknowns with a zero column are "dead".
    Vec s{}, bs{}, los{}, his{};
    Mat gs{};
    std::size_t live[kMax] = {};
    std::size_t m = 0;
    for (std::size_t u = 0; u < k; ++u) {
        if (G[u][u] > 0.0 && std::isfinite(G[u][u])) {
            s[u] = 1.0 / std::sqrt(G[u][u]);
            live[m++] = u;
        } else {
            c[u] = std::clamp(0.0, lo[u], hi[u]);
        }
    }
    for (std::size_t a = 0; a < m; ++a) {
        const std::size_t u = live[a];
        bs[a] = b[u] * s[u];
        los[a] = lo[u] / s[u];
        his[a] = hi[u] / s[u];
        for (std::size_t e = 0; e < m; ++e)
            gs[a][e] = s[u] * G[u][live[e]] * s[live[e]];
        gs[a][a] = 1.0;
    }

    // Mixed-radix enumeration of states: 0 free, 1 at lo, 2 at hi (only when hi is finite).
    std::size_t radix[kMax] = {};
    std::size_t combos = 1;
    for (std::size_t a = 0; a < m; ++a) {
        radix[a] = std::isfinite(his[a]) ? 3 : 2;
        combos *= radix[a];
    }
    double bestQ = std::numeric_limits<double>::infinity();
    Vec best{};
    for (std::size_t code = 0; code < combos; ++code) {
        Vec x{};
        std::size_t freeIdx[kMax] = {};
        std::size_t nf = 0;
        std::size_t rest = code;
        for (std::size_t a = 0; a < m; ++a) {
            const std::size_t state = rest % radix[a];
            rest /= radix[a];
            if (state == 0)
                freeIdx[nf++] = a;
            else
                x[a] = state == 1 ? los[a] : his[a];
        }
        Vec r{};
        for (std::size_t f = 0; f < nf; ++f) {
            const std::size_t a = freeIdx[f];
            r[f] = bs[a];
            for (std::size_t e = 0; e < m; ++e)
                if (x[e] != 0.0)
                    r[f] -= gs[a][e] * x[e];
        }
        if (nf > 0 && !choleskySolve(gs, freeIdx, nf, r))
            continue;
        bool feasible = true;
        for (std::size_t f = 0; f < nf; ++f) {
            const std::size_t a = freeIdx[f];
            x[a] = r[f];
            feasible = feasible && x[a] >= los[a] && x[a] <= his[a];
        }
        if (!feasible)
            continue;
        if (code == 0) { // the unconstrained minimiser is feasible: it is the answer
            best = x;
            break;
        }
        double q = 0.0;
        for (std::size_t a = 0; a < m; ++a) {
            double gx = 0.0;
            for (std::size_t e = 0; e < m; ++e)
                gx += gs[a][e] * x[e];
            q += x[a] * (gx - 2.0 * bs[a]);
        }
        if (q < bestQ) {
            bestQ = q;
            best = x;
        }
    }
    for (std::size_t a = 0; a < m; ++a)
        c[live[a]] = std::clamp(best[a] * s[live[a]], lo[live[a]], hi[live[a]]);
    return c;
}

} // namespace core
