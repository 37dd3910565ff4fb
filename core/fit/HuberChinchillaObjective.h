// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <vector>

namespace core {

/// Chinchilla approach-3 objective (Hoffmann et al. 2022, App. D.2), summed over points:
///   f(a, b, e, alpha, beta) = sum_i Huber_delta( LSE(a - alpha log N_i, b - beta log D_i, e) - log L_i )
/// with Huber_delta(r) = r^2/2 for |r| <= delta, delta (|r| - delta/2) otherwise (scipy.special.huber).
/// N in parameters, D in tokens, L in nats/token, all > 0 (the caller checks). Parameters are
/// ordered (a, b, e, alpha, beta) with A = e^a, B = e^b, E = e^e. Immutable after construction, so
/// one instance may be evaluated from any number of threads at once.
class HuberChinchillaObjective {
public:
    static constexpr std::size_t kParams = 5;

    HuberChinchillaObjective(std::span<const double> N, std::span<const double> D, std::span<const double> L,
                             double delta);

    /// The objective at x (size 5); writes its analytic gradient into grad (size 5).
    double operator()(std::span<const double> x, std::span<double> grad) const;
    /// The objective alone.
    [[nodiscard]] double value(std::span<const double> x) const;
    /// Per-point residuals LSE(...) - log L_i, in nats of log-loss.
    [[nodiscard]] std::vector<double> residuals(std::span<const double> x) const;
    [[nodiscard]] std::size_t size() const { return logL_.size(); }
    [[nodiscard]] double delta() const { return delta_; }

private:
    std::vector<double> logN_, logD_, logL_;
    double delta_;
};

} // namespace core
