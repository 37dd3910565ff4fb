// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace core {

/// How computeOptimal() and the variants find the optimum.
enum class AllocationMethod {
    Auto,       ///< the closed form where the law has one (chinchilla), else numeric
    ClosedForm, ///< the closed form only; an error for laws without one
    Numeric,    ///< 1-D minimisation over log N for every law (chinchilla too, for cross-checks)
};

/// Settings shared by the allocation functions.
struct AllocationOptions {
    AllocationMethod method = AllocationMethod::Auto;
    /// Unique training tokens U (0 = no cap). Passed to the law as LawPoint::U, so only the
    /// data-constrained law `datacon` reads it: it discounts repeated epochs (D > U) itself, and
    /// the optimum is searched numerically along the budget line. Any other law with U > 0 is an
    /// error (its optimum would silently ignore the cap).
    double uniqueTokens = 0.0;
};

/// A compute-optimal allocation under C = 6ND (with inference: C_total = 6 N D + 2 N D_inf).
/// Units: N parameters, D and D_inf tokens, C FLOPs, loss in nats/token. Values are never rounded.
struct Allocation {
    double C = 0.0;              ///< training FLOPs, 6 N D
    double N = 0.0;              ///< parameters
    double D = 0.0;              ///< training tokens
    double tokensPerParam = 0.0; ///< D / N
    double loss = 0.0;           ///< the law's predicted loss at (N, D)
    double inferenceTokens = 0.0; ///< D_inf served after training (0 = training only)
    double inferenceFlops = 0.0;  ///< 2 N D_inf
    double totalFlops = 0.0;      ///< C + inferenceFlops
    double uniqueTokens = 0.0;    ///< U given to the law (0 = none)
    std::string law;              ///< the law's id
    std::string method;           ///< how it was found, in words
    std::string flopModel = "6nd";
    std::string flopFormula = "C = 6ND";
};

} // namespace core
