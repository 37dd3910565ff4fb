// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/LogTicks.h"

#include <algorithm>
#include <cmath>
#include <vector>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace core {

namespace {

constexpr double kEps = 1e-9; // relative slack so a tick exactly at an end of the range is kept

bool inRange(double v, double lo, double hi)
{
    return v >= lo * (1 - kEps) && v <= hi * (1 + kEps);
}

/// Majors at every k-th power of ten, minors at the unlabelled powers and (when few decades) 2..9.
LogTicks decadeTicks(double lo, double hi, int maxMajor)
{
    LogTicks t;
    const int e0 = static_cast<int>(std::ceil(std::log10(lo) - kEps));
    const int e1 = static_cast<int>(std::floor(std::log10(hi) + kEps));
    const int count = e1 - e0 + 1;
    const int every = std::max(1, (count + maxMajor - 1) / maxMajor);
    const bool fineMinors = count / every <= 12 && every == 1;
    for (int e = e0 - 1; e <= e1; ++e) {
        const double p = std::pow(10.0, e);
        if (e >= e0 && inRange(p, lo, hi)) {
            // Align thinned majors on multiples of `every` so labels stay stable while panning.
            if (((e % every) + every) % every == 0)
                t.major.push_back(p);
            else
                t.minor.push_back(p);
        }
        if (fineMinors)
            for (int m = 2; m <= 9; ++m)
                if (inRange(m * p, lo, hi))
                    t.minor.push_back(m * p);
    }
    std::sort(t.minor.begin(), t.minor.end());
    return t;
}

/// Majors at the given integer mantissas x 10^k (1, 2, 5 or 1, 3), minors at the other integer multiples.
LogTicks mantissaTicks(double lo, double hi, const std::vector<int>& majors)
{
    LogTicks t;
    const int e0 = static_cast<int>(std::floor(std::log10(lo)));
    const int e1 = static_cast<int>(std::floor(std::log10(hi)));
    for (int e = e0; e <= e1; ++e) {
        const double p = std::pow(10.0, e);
        for (int m = 1; m <= 9; ++m) {
            const double v = m * p;
            if (!inRange(v, lo, hi))
                continue;
            (std::find(majors.begin(), majors.end(), m) != majors.end() ? t.major : t.minor).push_back(v);
        }
    }
    return t;
}

/// Majors at the densest of these mantissa sets (x 10^k) that gives at most maxMajor ticks, minors
/// at the other integer multiples: for ranges of a factor 3 to 10, where even linear steps crowd
/// the top of a log axis and leave its bottom bare (a loss axis from 2.3 to 11 reads 2.5, 3, 4,
/// 5, 6, 8, 10 instead of 4, 6, 8, 10). Empty when even the sparsest set has too many or < 2.
LogTicks logSpacedTicks(double lo, double hi, int maxMajor)
{
    static const std::vector<std::vector<double>> kSets{
        {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8}, {1, 1.5, 2, 3, 4, 5, 7}, {1, 2, 3, 5}, {1, 2, 5}};
    const int e0 = static_cast<int>(std::floor(std::log10(lo))) - 1;
    const int e1 = static_cast<int>(std::floor(std::log10(hi)));
    for (const std::vector<double>& set : kSets) {
        LogTicks t;
        for (int e = e0; e <= e1; ++e) {
            const double p = std::pow(10.0, e);
            for (double m : set)
                if (inRange(m * p, lo, hi))
                    t.major.push_back(m * p);
            for (int m = 1; m <= 9; ++m)
                if (inRange(m * p, lo, hi) && std::find(set.begin(), set.end(), static_cast<double>(m)) == set.end())
                    t.minor.push_back(m * p);
        }
        if (static_cast<int>(t.major.size()) <= maxMajor && t.major.size() >= 2)
            return t;
    }
    return {};
}

/// Plain decimal steps (1, 2, 2.5, 5 x 10^k) for a range within about a decade.
LogTicks linearTicks(double lo, double hi, int maxMajor)
{
    static constexpr double kMantissas[] = {1.0, 2.0, 2.5, 5.0, 10.0};
    static constexpr int kSubdivisions[] = {5, 4, 5, 5, 5};
    const double span = hi - lo;
    const double raw = span / std::max(1, maxMajor - 1);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10.0 * p;
    int sub = 5;
    for (std::size_t i = 0; i < std::size(kMantissas); ++i) {
        if (kMantissas[i] * p >= raw * (1 - kEps)) {
            step = kMantissas[i] * p;
            sub = kSubdivisions[i];
            break;
        }
    }
    LogTicks t;
    const double minorStep = step / sub;
    const long k0 = static_cast<long>(std::ceil(lo / minorStep - kEps));
    const long k1 = static_cast<long>(std::floor(hi / minorStep + kEps));
    for (long k = k0; k <= k1; ++k) {
        const double v = static_cast<double>(k) * minorStep;
        if (v <= 0.0)
            continue;
        (k % sub == 0 ? t.major : t.minor).push_back(v);
    }
    return t;
}

/// Shortest plain-decimal text of `v` (no exponent) that reads back within 1e-9 relative.
std::string shortest(double v)
{
    char buf[64];
    int digits = 1;
    for (; digits < 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::abs(std::strtod(buf, nullptr) - v) <= 1e-9 * std::abs(v))
            break;
    }
    const int e = static_cast<int>(std::floor(std::log10(std::abs(v))));
    const int decimals = std::max(0, digits - 1 - e);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string scientific(double v)
{
    const int e = static_cast<int>(std::floor(std::log10(std::abs(v)) + kEps));
    const double m = v / std::pow(10.0, e);
    if (e == 0)
        return shortest(m);
    std::string mant = shortest(m);
    return mant + "e" + std::to_string(e);
}

} // namespace

LogTicks logTicks(double lo, double hi, int maxMajor)
{
    if (!(lo > 0.0) || !(hi > lo) || !std::isfinite(hi))
        return {};
    maxMajor = std::max(2, maxMajor);
    const int e0 = static_cast<int>(std::ceil(std::log10(lo) - kEps));
    const int e1 = static_cast<int>(std::floor(std::log10(hi) + kEps));
    const int decadeMajors = e1 - e0 + 1;
    if (decadeMajors >= 3)
        return decadeTicks(lo, hi, maxMajor);
    if (hi / lo >= 10.0) {
        for (const std::vector<int>& set : {std::vector<int>{1, 2, 5}, std::vector<int>{1, 3}}) {
            LogTicks t = mantissaTicks(lo, hi, set);
            if (static_cast<int>(t.major.size()) <= maxMajor && t.major.size() >= 2)
                return t;
        }
        return decadeTicks(lo, hi, maxMajor);
    }
    if (hi / lo >= 3.0)
        if (LogTicks t = logSpacedTicks(lo, hi, maxMajor); !t.major.empty())
            return t;
    return linearTicks(lo, hi, maxMajor);
}

std::string formatTick(double v, TickStyle style)
{
    if (!std::isfinite(v))
        return "nan";
    if (v == 0.0)
        return "0";
    const double a = std::abs(v);
    switch (style) {
    case TickStyle::Count: {
        static constexpr struct {
            double scale;
            const char* suffix;
        } kUnits[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
        if (a >= 1e15)
            return scientific(v);
        for (const auto& u : kUnits)
            if (a >= u.scale * (1 - kEps))
                return shortest(v / u.scale) + u.suffix;
        return shortest(v);
    }
    case TickStyle::Scientific:
        return scientific(v);
    case TickStyle::Plain:
        if (a >= 1e-4 && a < 1e6)
            return shortest(v);
        return scientific(v);
    }
    return shortest(v);
}

namespace {

/// Whether every label of `t` fits `room` (see fittedLogTicks).
bool labelsFit(const LogTicks& t, double lo, double hi, TickStyle style, const TickLabelRoom& room)
{
    const double n = static_cast<double>(t.major.size());
    const double share = room.lengthPx / (n + 1.0) - 2.0 * room.paddingPx;
    const double scale = room.lengthPx / std::log10(hi / lo);
    double previousEnd = -std::numeric_limits<double>::infinity();
    for (double v : t.major) {
        const double extent = room.extentPx(formatTick(v, style));
        if (extent > share)
            return false;
        const double centre = std::log10(v / lo) * scale;
        if (centre - extent / 2.0 < previousEnd + 2.0 * room.paddingPx)
            return false;
        previousEnd = centre + extent / 2.0;
    }
    return true;
}

} // namespace

LogTicks fittedLogTicks(double lo, double hi, TickStyle style, const TickLabelRoom& room, int maxMajor)
{
    maxMajor = std::max(2, maxMajor);
    if (!room.extentPx || !(room.lengthPx > 0.0))
        return logTicks(lo, hi, maxMajor);
    for (int m = maxMajor; m > 2; --m) {
        LogTicks t = logTicks(lo, hi, m);
        if (t.major.empty() || labelsFit(t, lo, hi, style, room))
            return t;
    }
    return logTicks(lo, hi, 2);
}

} // namespace core
