// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

namespace core {

/// A 1-D function searched by the allocation code, usually of a logarithm (x = ln N or ln C).
/// It may return +inf or NaN where x is infeasible; it must not throw.
using LineFunction = std::function<double(double x)>;

/// Outcome of minimiseOnGrid().
struct LineMinimum {
    double x = 0.0;      ///< the minimiser (an edge when atEdge)
    double value = 0.0;  ///< f(x)
    bool found = false;  ///< false when f is not finite anywhere on the grid
    bool atEdge = false; ///< the smallest grid value is at lo or hi: no interior minimum was seen
};

/// Minimum of f over [lo, hi]: f at `points` (>= 3) equally spaced values, then Brent's method
/// (GSL) between the neighbours of the smallest grid value until the bracket is under 1e-10
/// wide, then up to three Newton steps on central differences (step 1e-4), each kept only if it
/// does not raise f beyond rounding. On smooth functions this places x to about 1e-9 even where f is
/// flat to rounding over ~1e-7. The grid assumes the minimum's basin spans more than one grid step.
/// Single-threaded and reentrant (one GSL workspace per call).
[[nodiscard]] LineMinimum minimiseOnGrid(const LineFunction& f, double lo, double hi, std::size_t points);

/// Outcome of firstCrossing().
struct LineRoot {
    enum class Status {
        Found,        ///< x is where f reaches 0
        AlreadyBelow, ///< f(lo) <= 0: the crossing, if any, lies below lo
        NeverBelow,   ///< f > 0 or not finite at every grid point up to hi
    };
    Status status = Status::NeverBelow;
    double x = 0.0;
};

/// For f falling through 0 as x grows: the first x in [lo, hi] where f reaches 0. f is scanned at
/// `points` (>= 2) equally spaced values to the first value <= 0, then the root in that cell is
/// refined by Brent's method (GSL) to |dx| <= xTolerance. A value that is not finite counts as
/// above 0 (not reached yet). Single-threaded and reentrant.
[[nodiscard]] LineRoot firstCrossing(const LineFunction& f, double lo, double hi, std::size_t points, double xTolerance);

} // namespace core
