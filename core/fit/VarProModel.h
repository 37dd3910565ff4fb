// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/ResidualLoss.h"
#include "core/fit/VariableProjection.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace core {

/// The validated layout of one variableProjection call: the law's linear terms (E, A[, B]) as
/// 0-3 unknown coefficients (fixed terms move into an offset, tied terms share an unknown whose
/// column is the sum of theirs), the exponent lattice (rows x cols grid points; a 1-D lattice for
/// `power`, a fixed exponent or alpha = beta tied), the per-point data the objective reads, and
/// the columns x^-alpha (or N^-alpha) and D^-beta computed once per exponent value.
/// reset() reuses the object's storage, so a long-lived (e.g. thread_local) model does not
/// allocate once warm. Read-only after reset(); then safe to share between threads.
class VarProModel {
public:
    static constexpr std::size_t kTerms = 3; ///< E, A, B (B unused by `power`)

    /// Validates data, request and grid (errors as documented by variableProjection) and lays
    /// the problem out.
    [[nodiscard]] tl::expected<void, Error> reset(const FitData& data, const FitRequest& request,
                                                  const VarProGrid& grid);

    [[nodiscard]] std::size_t points() const { return m_n; }
    [[nodiscard]] std::size_t rows() const { return m_rows; }
    [[nodiscard]] std::size_t cols() const { return m_cols; }
    [[nodiscard]] std::size_t gridSize() const { return m_rows * m_cols; }
    [[nodiscard]] const ResidualLoss& loss() const { return m_loss; }

    /// Number of unknown coefficients (0-3) and their bounds (lower >= 0).
    [[nodiscard]] std::size_t unknowns() const { return m_k; }
    [[nodiscard]] double lower(std::size_t u) const { return m_lo[u]; }
    [[nodiscard]] double upper(std::size_t u) const { return m_hi[u]; }
    /// The unknown term t (0 E, 1 A, 2 B) reads, or -1 when it is fixed (or absent).
    [[nodiscard]] int unknownOf(std::size_t t) const { return m_unknownOf[t]; }
    [[nodiscard]] double fixedValue(std::size_t t) const { return m_fixedValue[t]; }
    /// Whether a fixed term is non-zero (the fit then has an offset) / terms share an unknown.
    [[nodiscard]] bool hasOffset() const { return m_hasOffset; }
    [[nodiscard]] bool hasSharedUnknown() const { return m_shared; }

    /// Column of term t at lattice point p (the ones column for E).
    [[nodiscard]] const double* column(std::size_t t, std::size_t p) const;
    [[nodiscard]] std::span<const double> y() const { return m_y; }
    [[nodiscard]] std::span<const double> logY() const { return m_logY; }
    [[nodiscard]] std::span<const double> weight() const { return m_w; }
    /// Weights of the first solve on L: w, or w / y^2 for the log objectives (so that it
    /// approximates the log residuals to first order).
    [[nodiscard]] std::span<const double> initialWeight() const { return m_w0; }

    /// All law parameters (law order) at lattice point p with the unknowns' values `coef`.
    [[nodiscard]] std::vector<double> params(std::size_t p, std::span<const double> coef) const;
    /// The request's objective at `params`, through Law::eval and ResidualLoss (summed).
    [[nodiscard]] double objectiveAt(const FitData& data, std::span<const double> params) const;
    /// Whether the unknowns of `a` and `b` (same lattice size) describe the same law: equal
    /// coefficients and, for each exponent that differs, a zero coefficient on its column.
    [[nodiscard]] bool sameLaw(std::size_t pa, std::span<const double> ca, std::size_t pb,
                               std::span<const double> cb) const;

private:
    [[nodiscard]] std::size_t alphaIndex(std::size_t p) const;
    [[nodiscard]] std::size_t betaIndex(std::size_t p) const;
    [[nodiscard]] tl::expected<void, Error> layout(const FitRequest& request, const VarProGrid& grid);
    [[nodiscard]] tl::expected<void, Error> loadData(const FitData& data, Objective objective);

    const Law* m_law = nullptr;
    bool m_chinchilla = false;
    ResidualLoss m_loss;
    std::size_t m_n = 0;
    std::vector<double> m_y, m_logY, m_w, m_w0, m_ones, m_xA, m_xB; ///< per point (xA: x or N; xB: D)
    std::vector<double> m_alphas, m_betas;  ///< lattice axis values
    std::vector<double> m_colA, m_colB;     ///< per axis value, n entries each
    bool m_diagonal = false;                ///< alpha = beta tied: one axis, p -> (p, p)
    std::size_t m_rows = 0, m_cols = 0;
    std::size_t m_k = 0;
    std::array<int, kTerms> m_unknownOf{};
    std::array<double, kTerms> m_fixedValue{};
    std::array<double, kTerms> m_lo{}, m_hi{};
    bool m_hasOffset = false, m_shared = false;
};

} // namespace core
