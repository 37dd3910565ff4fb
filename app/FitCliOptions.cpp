// SPDX-License-Identifier: GPL-3.0-or-later
#include "FitCliOptions.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace {

/// Splits "a,b,c" at commas (no quoting: names and numbers only).
std::vector<std::string> splitCommas(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

/// The whole of `text` as a number, or nullopt.
std::optional<double> number(const std::string& text)
{
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size())
        return std::nullopt;
    return v;
}

std::optional<unsigned long long> wholeNumber(const std::string& text)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (end != text.c_str() + text.size())
        return std::nullopt;
    return v;
}

} // namespace

tl::expected<std::vector<std::pair<std::string, double>>, std::string>
FitCliOptions::parseAssignments(const std::string& flag, const std::string& text)
{
    std::vector<std::pair<std::string, double>> out;
    for (const std::string& item : splitCommas(text)) {
        const auto eq = item.find('=');
        const auto v = eq == std::string::npos ? std::nullopt : number(item.substr(eq + 1));
        if (eq == std::string::npos || eq == 0 || !v)
            return tl::make_unexpected(flag + ": expected name=number[,name=number...], found '" + item + "'");
        const std::string name = item.substr(0, eq);
        std::erase_if(out, [&](const auto& p) { return p.first == name; });
        out.emplace_back(name, *v);
    }
    return out;
}

tl::expected<bool, std::string>
FitCliOptions::consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value)
{
    static const char* const kFlags[] = {"--law", "--x", "--objective", "--fix", "--start", "--points",
                                         "--exclude-top-loss", "--delta", "--grid", "--formula", "--bounds",
                                         "--tie", "--overestimate-penalty", "--weights", "--bootstrap", "--seed",
                                         "--holdout-above"};
    if (std::find(std::begin(kFlags), std::end(kFlags), flag) == std::end(kFlags))
        return false;
    anyGiven = true;
    auto v = value();
    if (!v)
        return tl::make_unexpected(v.error());
    if (flag == "--law") {
        law = *v;
    } else if (flag == "--formula") {
        formula = *v;
    } else if (flag == "--x") {
        xGiven = true;
        const auto q = core::xQuantityFromName(*v);
        if (!q)
            return tl::make_unexpected("--x: expected N, D or C, found '" + *v + "'");
        selection.x = *q;
    } else if (flag == "--objective") {
        if (*v == "lsq-log")
            objective = core::Objective::LsqLog;
        else if (*v == "lsq")
            objective = core::Objective::Lsq;
        else if (*v == "huber-log")
            objective = core::Objective::HuberLog;
        else
            return tl::make_unexpected("--objective: expected lsq-log, lsq or huber-log, found '" + *v + "'");
    } else if (flag == "--delta" || flag == "--overestimate-penalty") {
        const auto x = number(*v);
        const bool isDelta = flag == "--delta";
        if (!x || !std::isfinite(*x) || (isDelta ? !(*x > 0.0) : !(*x >= 1.0)))
            return tl::make_unexpected(flag + (isDelta ? ": expected a number > 0" : ": expected a number >= 1")
                                       + ", found '" + *v + "'");
        (isDelta ? delta : overestimatePenalty) = *x;
    } else if (flag == "--weights") {
        if (v->empty())
            return tl::make_unexpected("--weights: expected a column name");
        weightsColumn = *v;
    } else if (flag == "--grid") {
        if (*v == "default") {
            grid = core::StartGrid::Default;
        } else if (*v == "chinchilla") {
            grid = core::StartGrid::Chinchilla;
        } else if (*v == "none") {
            grid = core::StartGrid::None;
        } else if (v->rfind("lhs:", 0) == 0) {
            const auto k = wholeNumber(v->substr(4));
            if (!k || *k == 0 || *k > 1000000)
                return tl::make_unexpected("--grid lhs:K: K must be a whole number from 1 to 1000000, found '" + *v + "'");
            grid = core::StartGrid::Lhs;
            lhsStarts = static_cast<std::size_t>(*k);
        } else {
            return tl::make_unexpected("--grid: expected default, chinchilla, lhs:K or none, found '" + *v + "'");
        }
    } else if (flag == "--fix" || flag == "--start") {
        auto m = parseAssignments(flag, *v);
        if (!m)
            return tl::make_unexpected(m.error());
        for (const auto& [name, x] : *m) {
            if (flag == "--fix") {
                fixed[name] = x;
            } else {
                std::erase_if(starts, [&](const auto& p) { return p.first == name; });
                starts.emplace_back(name, x);
            }
        }
    } else if (flag == "--bounds") {
        for (const std::string& item : splitCommas(*v)) {
            const auto eq = item.find('=');
            const auto colon = item.find(':', eq == std::string::npos ? 0 : eq);
            const auto lo = colon == std::string::npos ? std::nullopt : number(item.substr(eq + 1, colon - eq - 1));
            const auto hi = colon == std::string::npos ? std::nullopt : number(item.substr(colon + 1));
            if (eq == std::string::npos || eq == 0 || !lo || !hi)
                return tl::make_unexpected("--bounds: expected name=low:high[,...] (inf allowed), found '" + item + "'");
            if (!(*lo < *hi))
                return tl::make_unexpected("--bounds: " + item + ": the low end must be below the high end");
            bounds[item.substr(0, eq)] = {*lo, *hi};
        }
    } else if (flag == "--tie") {
        for (const std::string& item : splitCommas(*v)) {
            const auto eq = item.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
                return tl::make_unexpected("--tie: expected follower=leader[,...] (e.g. beta=alpha), found '" + item + "'");
            ties.push_back({item.substr(0, eq), item.substr(eq + 1)});
        }
    } else if (flag == "--bootstrap" || flag == "--seed") {
        const auto k = wholeNumber(*v);
        if (!k || (flag == "--bootstrap" && (*k == 0 || *k > 1000000)))
            return tl::make_unexpected(flag + (flag == "--bootstrap" ? ": expected a whole number from 1 to 1000000"
                                                                      : ": expected a whole number >= 0")
                                       + ", found '" + *v + "'");
        if (flag == "--bootstrap")
            bootstrap = static_cast<std::size_t>(*k);
        else
            seed = static_cast<std::uint64_t>(*k);
    } else if (flag == "--holdout-above") {
        const auto eq = v->find('=');
        const double x = eq == std::string::npos ? std::nan("") : number(v->substr(eq + 1)).value_or(std::nan(""));
        const std::string q = eq == std::string::npos ? "" : v->substr(0, eq);
        if ((q != "N" && q != "C") || !(x > 0.0) || !std::isfinite(x))
            return tl::make_unexpected("--holdout-above: expected N=VALUE or C=VALUE with VALUE > 0, found '" + *v + "'");
        holdout = core::HoldoutSplit{q[0], x};
    } else if (flag == "--points") {
        if (*v == "final")
            selection.points = core::FitSelection::Points::Final;
        else if (*v == "min")
            selection.points = core::FitSelection::Points::Min;
        else if (*v == "all")
            selection.points = core::FitSelection::Points::All;
        else
            return tl::make_unexpected("--points: expected final, min or all, found '" + *v + "'");
    } else { // --exclude-top-loss
        const auto k = wholeNumber(*v);
        if (!k)
            return tl::make_unexpected("--exclude-top-loss: expected a whole number >= 0, found '" + *v + "'");
        selection.excludeTopLoss = static_cast<std::size_t>(*k);
    }
    return true;
}
