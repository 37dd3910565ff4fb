// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/MlflowRunRecord.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <system_error>
#include <tuple>

namespace core {

namespace {

/// (0, value) for an integer id, (1, 0) otherwise, so numeric ids sort first and by value.
std::pair<int, std::int64_t> numericKey(const std::string& id)
{
    std::int64_t v = 0;
    const char* const last = id.data() + id.size();
    const auto [ptr, ec] = std::from_chars(id.data(), last, v);
    if (ec == std::errc() && ptr == last && !id.empty())
        return {0, v};
    return {1, 0};
}

} // namespace

AttributeValue mlflowParamValue(std::string_view text)
{
    std::string_view t = text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r'))
        t.remove_suffix(1);
    if (!t.empty() && t.front() == '+')
        t.remove_prefix(1);
    double v = 0;
    if (!t.empty() && t.front() != '+') {
        const auto [ptr, ec] = fast_float::from_chars(t.data(), t.data() + t.size(), v);
        if (ec == std::errc() && ptr == t.data() + t.size())
            return v;
    }
    return std::string(text);
}

std::vector<LoggedRun> orderMlflowRuns(std::vector<MlflowRunRecord> records)
{
    std::stable_sort(records.begin(), records.end(), [](const MlflowRunRecord& a, const MlflowRunRecord& b) {
        const auto ka = numericKey(a.experimentId);
        const auto kb = numericKey(b.experimentId);
        if (ka != kb)
            return ka < kb;
        if (a.experimentId != b.experimentId)
            return a.experimentId < b.experimentId;
        const bool ta = !std::isnan(a.startTime);
        const bool tb = !std::isnan(b.startTime);
        if (ta != tb)
            return ta; // known start times first
        if (ta && a.startTime != b.startTime)
            return a.startTime < b.startTime;
        return a.runId < b.runId;
    });
    std::map<std::string, int> uses;
    for (MlflowRunRecord& r : records) {
        r.run.id = r.experimentName + "/" + (r.run.name.empty() ? r.runId : r.run.name);
        ++uses[r.run.id];
    }
    std::vector<LoggedRun> runs;
    runs.reserve(records.size());
    for (MlflowRunRecord& r : records) {
        if (uses[r.run.id] > 1)
            r.run.id += " [" + r.runId + "]";
        if (r.run.name.empty())
            r.run.name = r.runId;
        r.run.params.emplace("experiment", AttributeValue{r.experimentName});
        r.run.params.emplace("run_id", AttributeValue{r.runId});
        runs.push_back(std::move(r.run));
    }
    return runs;
}

} // namespace core
