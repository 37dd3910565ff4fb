// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"

#include <cmath>
#include <limits>
#include <string>

namespace testsweeps {

/// One final-loss run: one curve with one point (tokens = D, flops = C).
inline core::Run finalLossRun(const std::string& name, double N, double D, double C, double budget,
                              double loss)
{
    core::Run r;
    r.id = r.name = name;
    r.N = N;
    r.D = D;
    r.C = C;
    r.budget = budget;
    core::Curve c;
    c.metric = "loss";
    c.append(0, D, C, loss);
    r.curves.push_back(c);
    return r;
}

/// Five final-loss runs, two budgets; "nan" has a NaN loss and "neg" a loss <= 0, so only the
/// first three are plottable. Sorted by N: beta (3e8), neg (7e8), alpha (1e9), nan (2e9), gamma (5e9).
inline core::Sweep smallFinalLossSweep()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    core::Sweep s;
    s.sourcePath = "hand-built";
    s.layout = "final-loss";
    s.runs.push_back(finalLossRun("alpha", 1e9, 2e10, 1.2e20, 1e20, 2.554));
    s.runs.push_back(finalLossRun("beta", 3e8, 5e10, 9e19, 1e20, 2.8));
    s.runs.push_back(finalLossRun("gamma", 5e9, 1e10, 3e20, 3e20, 2.4));
    s.runs.push_back(finalLossRun("nan", 2e9, 1e10, 1.2e20, 3e20, nan));
    s.runs.push_back(finalLossRun("neg", 7e8, 1e10, 4.2e19, 3e20, -1.0));
    s.leftOut.push_back({5, 3, 0, 0, "loss is NaN"});
    s.leftOut.push_back({6, 4, 0, 0, "loss <= 0 (-1)"});
    return s;
}

} // namespace testsweeps
