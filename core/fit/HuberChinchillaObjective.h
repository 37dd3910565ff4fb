// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace core {

/// Chinchilla approach-3 objective (Hoffmann et al. 2022, App. D.2), summed over points:
///   f(a, b, e, alpha, beta) = sum_i Huber_delta( LSE(a - alpha log N_i, b - beta log D_i, e) - log L_i )
/// with Huber_delta(r) = r^2/2 for |r| <= delta, delta (|r| - delta/2) otherwise (scipy.special.huber).
/// N in parameters, D in tokens, L in nats/token, all > 0 (the caller checks). Parameters are
/// ordered (a, b, e, alpha, beta) with A = e^a, B = e^b, E = e^e. Immutable after construction, so
/// one instance may be evaluated from any number of threads at once.
///
/// Evaluation: operator() runs a data-parallel kernel over the points (GCC/Clang vector
/// extensions; exp and log by range reduction and polynomials, within about 1 ulp of exp and
/// 2.3e-16 of log; no libm calls in the loop), compiled for the baseline instruction set (SSE2 on
/// x86-64) and, on x86-64, also for AVX2 and AVX-512F, the widest the CPU supports chosen once at
/// run time. All versions perform the same IEEE operations in the same order (the file disables
/// FMA contraction; point i is summed into accumulator slot i % 8, in point order), so they return
/// bit-identical results: the machine's instruction set never changes a fit. Outside the kernel's
/// safe range (e outside [-600, 700], an exponent a - alpha log N or b - beta log D above 700, or
/// a non-finite result) and on compilers without vector extensions, the scalar evaluation
/// (Kernel::Reference: log-sum-exp shifted by the largest term, libm exp and log) is used instead.
/// The two agree to a few parts in 1e15 (tests/core/tst_HuberChinchillaFit.cpp).
class HuberChinchillaObjective {
public:
    static constexpr std::size_t kParams = 5;

    /// Which evaluation path to use (for tests and benchmarks; operator() uses Auto). A vector
    /// kernel the CPU lacks falls back to the next narrower one.
    enum class Kernel {
        Auto,      ///< the widest vector kernel the CPU supports (autoKernel())
        Portable,  ///< the vector kernel compiled for the baseline instruction set (SSE2 on x86-64)
        Avx2,      ///< compiled for AVX2 (x86-64)
        Avx512,    ///< compiled for AVX-512F (x86-64)
        Reference, ///< scalar, shifted log-sum-exp with libm exp/log
    };

    HuberChinchillaObjective(std::span<const double> N, std::span<const double> D, std::span<const double> L,
                             double delta);

    /// The objective at x (size 5); writes its analytic gradient into grad (size 5).
    double operator()(std::span<const double> x, std::span<double> grad) const
    {
        return evaluate(x, grad, Kernel::Auto);
    }
    /// The objective and gradient through a chosen kernel.
    double evaluate(std::span<const double> x, std::span<double> grad, Kernel kernel) const;
    /// The objective alone.
    [[nodiscard]] double value(std::span<const double> x) const;
    /// Per-point residuals LSE(...) - log L_i, in nats of log-loss (scalar reference evaluation).
    [[nodiscard]] std::vector<double> residuals(std::span<const double> x) const;
    [[nodiscard]] std::size_t size() const { return logL_.size(); }
    [[nodiscard]] double delta() const { return delta_; }
    /// The kernel Kernel::Auto uses on this machine (Reference without vector extensions).
    [[nodiscard]] static Kernel autoKernel();
    /// A short name of `kernel`, e.g. "AVX2".
    [[nodiscard]] static const char* kernelName(Kernel kernel);

private:
    double reference(std::span<const double> x, std::span<double> grad) const;

    std::vector<double> logN_, logD_, logL_;
    /// The same columns padded for the vector kernel (copies of the last point with weight 0).
    std::vector<double> padN_, padD_, padL_, padW_;
    double delta_;
};

} // namespace core
