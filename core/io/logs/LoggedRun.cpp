// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/LoggedRun.h"

namespace core {

void LoggedSeries::append(double stepValue, double metricValue, double tokenCount)
{
    step.push_back(stepValue);
    value.push_back(metricValue);
    tokens.push_back(tokenCount);
}

const LoggedSeries* LoggedRun::find(const std::string& metric) const
{
    for (const LoggedSeries& s : series)
        if (s.metric == metric)
            return &s;
    return nullptr;
}

LoggedSeries& LoggedRun::seriesFor(const std::string& metric)
{
    for (LoggedSeries& s : series)
        if (s.metric == metric)
            return s;
    series.push_back(LoggedSeries{});
    series.back().metric = metric;
    return series.back();
}

std::size_t LoggedRun::pointCount() const
{
    std::size_t n = 0;
    for (const LoggedSeries& s : series)
        n += s.size();
    return n;
}

} // namespace core
