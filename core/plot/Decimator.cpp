// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/Decimator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace core {

namespace {

/// The points of one pixel column so far: the first, the last, and where y is smallest and largest.
struct Bucket {
    std::size_t first = 0, last = 0, iMin = 0, iMax = 0;

    void start(std::size_t i) { first = last = iMin = iMax = i; }
    void add(const PlotPoints& in, std::size_t i)
    {
        last = i;
        if (in.y[i] < in.y[iMin])
            iMin = i;
        if (in.y[i] > in.y[iMax])
            iMax = i;
    }
    /// Appends the distinct indices among {first, min, max, last}, in index order.
    void flush(const PlotPoints& in, PlotPoints& out) const
    {
        std::array<std::size_t, 4> idx{first, iMin, iMax, last};
        std::sort(idx.begin(), idx.end());
        const auto end = std::unique(idx.begin(), idx.end());
        for (auto it = idx.begin(); it != end; ++it) {
            out.x.push_back(in.x[*it]);
            out.y.push_back(in.y[*it]);
        }
    }
};

/// x ascending: binary-search the visible range and walk it against precomputed column boundaries,
/// so no logarithm is taken per point. O(log n + visible points + columns).
PlotPoints decimateSorted(const PlotPoints& in, double xMin, double xMax, int columns)
{
    const std::vector<double>& x = in.x;
    const std::size_t n = x.size();
    const auto lo = static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), xMin) - x.begin());
    const auto hi = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), xMax) - x.begin());

    // bound[k] is where column k + 1 starts; the last column runs to xMax inclusive.
    const auto cols = static_cast<std::size_t>(columns);
    const double l0 = std::log10(xMin);
    const double step = (std::log10(xMax) - l0) / columns;
    std::vector<double> bound(cols);
    for (std::size_t k = 0; k + 1 < cols; ++k)
        bound[k] = std::pow(10.0, l0 + static_cast<double>(k + 1) * step);
    bound[cols - 1] = std::numeric_limits<double>::infinity();

    PlotPoints out;
    out.x.reserve(4 * cols + 2);
    out.y.reserve(4 * cols + 2);
    auto keep = [&](std::size_t i) {
        out.x.push_back(in.x[i]);
        out.y.push_back(in.y[i]);
    };
    if (lo > 0 && lo < n)
        keep(lo - 1); // the line runs in from the left edge
    std::size_t col = 0;
    Bucket bucket;
    for (std::size_t i = lo; i < hi; ++i) {
        if (i > lo && x[i] < bound[col]) {
            bucket.add(in, i);
            continue;
        }
        if (i > lo)
            bucket.flush(in, out);
        while (x[i] >= bound[col])
            ++col;
        bucket.start(i);
    }
    if (hi > lo)
        bucket.flush(in, out);
    if (hi < n && hi > 0)
        keep(hi); // and out at the right edge
    return out;
}

/// Any order: bucket each point by its own log10; off-screen points kept only at edge crossings.
PlotPoints decimateUnsorted(const PlotPoints& in, double xMin, double xMax, int columns)
{
    const std::size_t n = in.size();
    const double l0 = std::log10(xMin);
    const double scale = columns / (std::log10(xMax) - l0);
    // Bucket index in screen columns; -1 left of the view, `columns` right of it.
    auto bucketOf = [&](double x) -> long {
        const double b = std::floor((std::log10(x) - l0) * scale);
        if (b < 0.0)
            return -1;
        if (b >= columns)
            return x <= xMax ? columns - 1 : columns; // x == xMax belongs to the last column
        return static_cast<long>(b);
    };

    PlotPoints out;
    out.x.reserve(4 * static_cast<std::size_t>(columns) + 8);
    out.y.reserve(out.x.capacity());

    bool open = false;
    long current = 0;
    Bucket bucket;
    for (std::size_t i = 0; i < n; ++i) {
        const long b = bucketOf(in.x[i]);
        const bool outside = b < 0 || b >= columns;
        if (outside) {
            // Keep an off-screen point only where the line crosses into or out of the view.
            const bool prevInside = i > 0 && [&] {
                const long pb = bucketOf(in.x[i - 1]);
                return pb >= 0 && pb < columns;
            }();
            const bool nextInside = i + 1 < n && [&] {
                const long nb = bucketOf(in.x[i + 1]);
                return nb >= 0 && nb < columns;
            }();
            if (open) {
                bucket.flush(in, out);
                open = false;
            }
            if (prevInside || nextInside) {
                out.x.push_back(in.x[i]);
                out.y.push_back(in.y[i]);
            }
            continue;
        }
        if (open && b == current) {
            bucket.add(in, i);
            continue;
        }
        if (open)
            bucket.flush(in, out);
        open = true;
        current = b;
        bucket.start(i);
    }
    if (open)
        bucket.flush(in, out);
    return out;
}

} // namespace

PlotPoints decimateLogMinMax(const PlotPoints& in, double xMin, double xMax, int columns)
{
    if (columns < 1 || in.size() <= 4 * static_cast<std::size_t>(columns) || !(xMin > 0.0) || !(xMax > xMin))
        return in;
    if (std::is_sorted(in.x.begin(), in.x.end()))
        return decimateSorted(in, xMin, xMax, columns);
    return decimateUnsorted(in, xMin, xMax, columns);
}

} // namespace core
