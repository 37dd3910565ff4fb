// SPDX-License-Identifier: GPL-3.0-or-later
#include "PredictCliOptions.h"

#include "FitCliOptions.h"

tl::expected<bool, std::string>
PredictCliOptions::consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value)
{
    if (flag != "--fit" && flag != "--params" && flag != "--at")
        return false;
    anyGiven = true;
    auto v = value();
    if (!v)
        return tl::make_unexpected(v.error());
    if (flag == "--fit") {
        fitFile = *v;
        return true;
    }
    auto m = FitCliOptions::parseAssignments(flag, *v);
    if (!m)
        return tl::make_unexpected(m.error());
    std::map<std::string, double> values(m->begin(), m->end());
    if (flag == "--params")
        params.merge(values);
    else
        at.push_back(std::move(values));
    return true;
}
