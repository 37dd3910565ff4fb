// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/LawPoint.h"
#include "core/fit/ParameterSpec.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace core {

/// A scaling-law form: predicted loss (nats/token) as a function of the point and its parameters.
/// Implementations are stateless and const, so one instance serves any number of threads.
/// Parameters are passed in the order of parameters(). eval() and gradient() do not check their
/// inputs: callers keep parameters within bounds and points positive (or finite, see
/// needsPositiveInputs()); outside that the result may be NaN or infinite (never an exception or abort).
class Law {
public:
    virtual ~Law() = default;

    /// Stable id used by the CLI and in results, e.g. "chinchilla".
    [[nodiscard]] virtual std::string_view id() const = 0;
    /// The formula in plain text, e.g. "L = E + A/N^alpha + B/D^beta".
    [[nodiscard]] virtual std::string_view formula() const = 0;
    /// Names, bounds and default starts, in the order eval() takes them.
    [[nodiscard]] virtual std::span<const ParameterSpec> parameters() const = 0;
    /// Position of the parameter called `name` in parameters(), or nullopt.
    [[nodiscard]] std::optional<std::size_t> parameterIndex(std::string_view name) const
    {
        const auto specs = parameters();
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (specs[i].name == name)
                return i;
        return std::nullopt;
    }
    /// Whether the law reads LawPoint::x (one-variable laws) rather than N and D.
    [[nodiscard]] virtual bool usesX() const = 0;
    /// Whether the inputs the law reads must be > 0 (true for scaling laws; fitters reject other
    /// points). User formulas override this to accept any finite input.
    [[nodiscard]] virtual bool needsPositiveInputs() const { return true; }

    /// Predicted loss at `point`.
    [[nodiscard]] virtual double eval(std::span<const double> params, const LawPoint& point) const = 0;
    /// Analytic partial derivatives of eval() with respect to each parameter, into `grad`
    /// (size parameters().size()).
    virtual void gradient(std::span<const double> params, const LawPoint& point,
                          std::span<double> grad) const = 0;
    /// eval() and gradient() in one call (laws override it to share work, e.g. the powers).
    virtual double evalWithGradient(std::span<const double> params, const LawPoint& point,
                                    std::span<double> grad) const
    {
        gradient(params, point, grad);
        return eval(params, point);
    }
};

} // namespace core
