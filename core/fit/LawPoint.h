// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace core {

/// Where a law is evaluated: parameters N, tokens D, FLOPs C (each > 0 where a law uses it),
/// x, the single input of one-variable laws (one of N, D or C, chosen by the fit's x quantity),
/// and U, the unique tokens among D, read by data-constrained laws only (0 = unknown; such laws
/// then treat the data as not repeated).
struct LawPoint {
    double N = 0.0;
    double D = 0.0;
    double C = 0.0;
    double x = 0.0;
    double U = 0.0;
};

} // namespace core
