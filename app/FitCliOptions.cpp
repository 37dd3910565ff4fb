// SPDX-License-Identifier: GPL-3.0-or-later
#include "FitCliOptions.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

tl::expected<std::map<std::string, double>, std::string> FitCliOptions::parseAssignments(const std::string& flag,
                                                                                         const std::string& text)
{
    std::map<std::string, double> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        const auto eq = item.find('=');
        char* end = nullptr;
        const double v = eq == std::string::npos ? 0.0 : std::strtod(item.c_str() + eq + 1, &end);
        if (eq == std::string::npos || eq == 0 || end == item.c_str() + eq + 1 || *end != '\0')
            return tl::make_unexpected(flag + ": expected name=number[,name=number...], found '" + item + "'");
        out[item.substr(0, eq)] = v;
        start = comma + 1;
    }
    return out;
}

tl::expected<bool, std::string>
FitCliOptions::consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value)
{
    static const char* const kFlags[] = {"--law", "--x", "--objective", "--fix", "--start", "--points",
                                         "--exclude-top-loss", "--delta", "--grid"};
    if (std::find(std::begin(kFlags), std::end(kFlags), flag) == std::end(kFlags))
        return false;
    anyGiven = true;
    auto v = value();
    if (!v)
        return tl::make_unexpected(v.error());
    if (flag == "--law") {
        law = *v;
    } else if (flag == "--x") {
        xGiven = true;
        const auto q = core::xQuantityFromName(*v);
        if (!q)
            return tl::make_unexpected("--x: expected N, D or C, found '" + *v + "'");
        selection.x = *q;
    } else if (flag == "--objective") {
        huberLog = *v == "huber-log";
        if (*v == "lsq-log" || huberLog)
            objective = core::Objective::LsqLog;
        else if (*v == "lsq")
            objective = core::Objective::Lsq;
        else
            return tl::make_unexpected("--objective: expected lsq-log, lsq or huber-log, found '" + *v + "'");
    } else if (flag == "--delta") {
        char* end = nullptr;
        delta = std::strtod(v->c_str(), &end);
        if (v->empty() || *end != '\0' || !(delta > 0.0))
            return tl::make_unexpected("--delta: expected a number > 0, found '" + *v + "'");
    } else if (flag == "--grid") {
        if (*v != "chinchilla" && *v != "none" && *v != "default" && v->rfind("lhs:", 0) != 0)
            return tl::make_unexpected("--grid: expected default, chinchilla, lhs:K or none, found '" + *v + "'");
        grid = *v;
    } else if (flag == "--fix" || flag == "--start") {
        auto m = parseAssignments(flag, *v);
        if (!m)
            return tl::make_unexpected(m.error());
        (flag == "--fix" ? fixed : starts).merge(*m);
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
        char* end = nullptr;
        const long k = std::strtol(v->c_str(), &end, 10);
        if (v->empty() || *end != '\0' || k < 0)
            return tl::make_unexpected("--exclude-top-loss: expected a whole number >= 0, found '" + *v + "'");
        selection.excludeTopLoss = static_cast<std::size_t>(k);
    }
    return true;
}
