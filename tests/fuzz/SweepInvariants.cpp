// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepInvariants.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace fuzz {

namespace {

bool same(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

bool same(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i]))
            return false;
    return true;
}

std::string runDifference(const core::Run& x, const core::Run& y)
{
    if (x.id != y.id || x.name != y.name)
        return "id/name";
    if (!same(x.N, y.N) || !same(x.D, y.D) || !same(x.C, y.C) || !same(x.budget, y.budget) || !same(x.U, y.U))
        return "N/D/C/budget/U";
    if (x.attributes != y.attributes)
        return "attributes";
    if (x.curves.size() != y.curves.size())
        return "curve count";
    for (std::size_t c = 0; c < x.curves.size(); ++c) {
        const core::Curve& p = x.curves[c];
        const core::Curve& q = y.curves[c];
        if (p.metric != q.metric || !same(p.step, q.step) || !same(p.tokens, q.tokens) || !same(p.flops, q.flops)
            || !same(p.value, q.value))
            return "curve " + std::to_string(c);
    }
    return {};
}

std::string sweepDifference(const core::Sweep& a, const core::Sweep& b)
{
    if (a.sourcePath != b.sourcePath || a.format != b.format || a.layout != b.layout)
        return "path/format/layout";
    if (a.roleColumns != b.roleColumns || a.runKeyColumns != b.runKeyColumns || a.notes != b.notes)
        return "roles/run key/notes";
    if (a.conventions.derived != b.conventions.derived || a.conventions.flopFormula != b.conventions.flopFormula
        || a.conventions.parameterCount != b.conventions.parameterCount)
        return "conventions";
    if (a.runs.size() != b.runs.size())
        return "run count " + std::to_string(a.runs.size()) + " vs " + std::to_string(b.runs.size());
    for (std::size_t i = 0; i < a.runs.size(); ++i)
        if (std::string d = runDifference(a.runs[i], b.runs[i]); !d.empty())
            return "run " + std::to_string(i) + " (" + a.runs[i].id + "): " + d;
    if (a.leftOut.size() != b.leftOut.size())
        return "left-out count " + std::to_string(a.leftOut.size()) + " vs " + std::to_string(b.leftOut.size());
    for (std::size_t i = 0; i < a.leftOut.size(); ++i) {
        const core::LeftOutRow& x = a.leftOut[i];
        const core::LeftOutRow& y = b.leftOut[i];
        if (x.line != y.line || x.run != y.run || x.curve != y.curve || x.point != y.point || x.reason != y.reason)
            return "left-out row " + std::to_string(i) + " (line " + std::to_string(x.line) + " vs "
                   + std::to_string(y.line) + ")";
    }
    return {};
}

/// SCALELAB_FUZZ_VERBOSE=1 prints each result (when replaying a corpus to see what it reaches).
bool verbose()
{
    static const bool on = [] {
        const char* v = std::getenv("SCALELAB_FUZZ_VERBOSE");
        return v != nullptr && std::string(v) == "1";
    }();
    return on;
}

} // namespace

void fail(const std::string& what)
{
    std::fprintf(stderr, "fuzz oracle: %s\n", what.c_str());
    std::abort();
}

void check(const core::Error& error)
{
    if (verbose())
        std::fprintf(stderr, "fuzz: error: %s\n", error.toString().c_str());
    if (error.message.empty())
        fail("an Error without a message: '" + error.toString() + "'");
}

void check(const tl::expected<core::Sweep, core::Error>& result)
{
    if (!result) {
        check(result.error());
        return;
    }
    const core::Sweep& sweep = *result;
    if (verbose())
        std::fprintf(stderr, "fuzz: sweep (%s): %zu runs, %zu points, %zu left out\n", sweep.format.c_str(),
                     sweep.runs.size(), sweep.pointCount(), sweep.leftOut.size());
    for (const core::Run& run : sweep.runs)
        for (const core::Curve& curve : run.curves)
            if (curve.step.size() != curve.size() || curve.tokens.size() != curve.size()
                || curve.flops.size() != curve.size())
                fail("run '" + run.id + "' curve '" + curve.metric + "': columns of different lengths");
    for (const core::LeftOutRow& row : sweep.leftOut) {
        if (row.run >= sweep.runs.size() || row.curve >= sweep.runs[row.run].curves.size()
            || row.point >= sweep.runs[row.run].curves[row.curve].size())
            fail("left-out row (line " + std::to_string(row.line) + ", " + row.reason + ") indexes no point");
    }
}

void check(const tl::expected<core::RunLogs, core::Error>& result)
{
    if (!result) {
        check(result.error());
        return;
    }
    for (const core::LoggedRun& run : result->runs)
        for (const core::LoggedSeries& series : run.series)
            if (series.step.size() != series.size() || series.tokens.size() != series.size())
                fail("run '" + run.id + "' series '" + series.metric + "': columns of different lengths");
}

core::Progress checkedProgress()
{
    return [](double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0))
            fail("progress fraction " + std::to_string(fraction) + " outside [0, 1]");
        return true;
    };
}

core::ImportOptions logOptions()
{
    core::ImportOptions options;
    options.logs.tokensPerStep = 1024;
    return options;
}

std::string difference(const tl::expected<core::Sweep, core::Error>& a,
                       const tl::expected<core::Sweep, core::Error>& b)
{
    if (a.has_value() != b.has_value())
        return a ? "a Sweep vs the error " + b.error().toString() : "the error " + a.error().toString() + " vs a Sweep";
    if (!a)
        return a.error().toString() == b.error().toString() && a.error().parameter == b.error().parameter
                   ? std::string()
                   : a.error().toString() + " vs " + b.error().toString();
    return sweepDifference(*a, *b);
}

} // namespace fuzz
