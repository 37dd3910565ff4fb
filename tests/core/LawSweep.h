// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"

#include <cmath>
#include <string>

namespace testsweeps {

constexpr double kLawE = 1.7, kLawA = 400.0, kLawAlpha = 0.34;

/// L = 1.7 + 400 N^-0.34, the law the power-law sweep below lies on exactly.
inline double lawLoss(double N)
{
    return kLawE + kLawA * std::pow(N, -kLawAlpha);
}

/// Ten final-loss runs on lawLoss exactly (N = 10^(7 + i/3), i = 0..9, D = 20 N, C = 6 N D)
/// plus run 10, an outlier at N = 3e8 whose loss is 1.3x the law's.
inline core::Sweep powerLawSweep()
{
    core::Sweep s;
    s.sourcePath = "law.csv";
    s.layout = "final-loss";
    auto add = [&](double N, double loss) {
        core::Run r;
        r.id = r.name = "run" + std::to_string(s.runs.size());
        r.N = N;
        r.D = 20 * N;
        r.C = 6 * N * r.D;
        core::Curve c;
        c.metric = "loss";
        c.append(1, r.D, r.C, loss);
        r.curves.push_back(c);
        s.runs.push_back(r);
    };
    for (int i = 0; i < 10; ++i)
        add(std::pow(10.0, 7.0 + i / 3.0), lawLoss(std::pow(10.0, 7.0 + i / 3.0)));
    add(3e8, 1.3 * lawLoss(3e8));
    return s;
}

} // namespace testsweeps
