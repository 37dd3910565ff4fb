// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace core {

/// A law given by the user as an expression in x (and N, D, C) with named parameters, e.g.
/// "b1*(1-exp(-b2*x))" with b1, b2. Parsed and evaluated by muparser (arithmetic only, no code
/// execution). Besides muparser's functions and constants it knows `pi` and `arctan` (= atan).
/// Parameters have no bounds (+-infinity) and the given starts.
/// gradient() uses Ridders' method: central differences extrapolated (Richardson) over a shrinking
/// step sequence, the step scaled to each parameter's magnitude; relative accuracy is typically
/// 1e-10 or better for smooth expressions.
/// Threading: a muparser Parser binds variables by pointer and is not thread-safe, so the law keeps
/// a pool of evaluators (a parser with its own variables); a call takes one from the pool under a
/// mutex held only for the take and the return (a new one is built when the pool is empty), then
/// evaluates without the lock. Hence one const instance serves any number of threads concurrently.
/// Errors: create() returns an Error (parameter "--formula") naming the problem and its 1-based
/// character position for a syntax error, an unknown variable or an invalid parameter name.
/// eval() and gradient() never throw: a muparser failure at evaluation gives NaN.
class FormulaLaw final : public Law {
public:
    /// Parses `expression` with the parameters (name, start) in eval()'s order.
    [[nodiscard]] static tl::expected<std::unique_ptr<FormulaLaw>, Error>
    create(std::string expression, std::vector<std::pair<std::string, double>> parametersWithStarts);

    ~FormulaLaw() override;
    FormulaLaw(const FormulaLaw&) = delete;
    FormulaLaw& operator=(const FormulaLaw&) = delete;

    [[nodiscard]] std::string_view id() const override { return "formula"; }
    [[nodiscard]] std::string_view formula() const override { return m_expression; }
    [[nodiscard]] std::span<const ParameterSpec> parameters() const override { return m_specs; }
    [[nodiscard]] bool usesX() const override { return true; }
    /// Any finite x, N, D, C: a user formula decides its own domain.
    [[nodiscard]] bool needsPositiveInputs() const override { return false; }
    [[nodiscard]] double eval(std::span<const double> params, const LawPoint& point) const override;
    void gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const override;

    class Evaluator; ///< one parser and its variables (defined in the .cpp)

private:
    FormulaLaw(std::string expression, std::vector<ParameterSpec> specs);

    /// A pooled evaluator, returned to the pool when the handle goes out of scope.
    struct Lease {
        const FormulaLaw* owner;
        std::unique_ptr<Evaluator> evaluator;
        ~Lease();
    };
    [[nodiscard]] Lease lease() const;

    std::string m_expression;
    std::vector<ParameterSpec> m_specs;
    mutable std::mutex m_poolMutex;
    mutable std::vector<std::unique_ptr<Evaluator>> m_pool;
};

} // namespace core
