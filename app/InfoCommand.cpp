// SPDX-License-Identifier: GPL-3.0-or-later
#include "InfoCommand.h"

#include "JsonWriter.h"

#include "core/data/SweepSummary.h"
#include "core/io/Importers.h"
#include "core/plot/LogTicks.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr std::size_t kTextLeftOutRows = 20;
constexpr std::size_t kTextRuns = 40;
constexpr std::size_t kTextAttributes = 10;

const std::string& runLabel(const core::Sweep& s, std::size_t run)
{
    static const std::string none;
    return run < s.runs.size() ? s.runs[run].name : none;
}

void writeJson(const core::Sweep& s, std::ostream& out)
{
    const auto summary = core::SweepSummary::of(s);
    JsonWriter j;
    j.beginObject();
    j.key("file"); j.value(s.sourcePath);
    j.key("format"); j.value(s.format);
    j.key("layout"); j.value(s.layout);
    j.key("runs"); j.value(s.runs.size());
    j.key("points"); j.value(s.pointCount());
    j.key("metrics");
    j.beginObject();
    for (const auto& [name, count] : s.metricPointCounts()) {
        j.key(name);
        j.value(count);
    }
    j.endObject();
    j.key("roles");
    j.beginObject();
    for (const auto& [role, column] : s.roleColumns) {
        j.key(core::roleName(role));
        j.value(column);
    }
    j.endObject();
    j.key("run_key");
    j.beginArray();
    for (const auto& c : s.runKeyColumns)
        j.value(c);
    j.endArray();
    j.key("derived");
    j.beginObject();
    for (const auto& [role, formula] : s.conventions.derived) {
        j.key(role);
        j.value(formula);
    }
    j.endObject();
    j.key("conventions");
    j.beginObject();
    j.key("parameter_count"); j.value(s.conventions.parameterCount);
    j.key("flop_formula"); j.value(s.conventions.flopFormula);
    j.endObject();
    j.key("ranges");
    j.beginObject();
    for (const auto& [role, range] : summary.ranges) {
        j.key(core::roleName(role));
        j.beginArray();
        j.value(range.first);
        j.value(range.second);
        j.endArray();
    }
    j.endObject();
    j.key("notes");
    j.beginArray();
    for (const auto& note : s.notes)
        j.value(note);
    j.endArray();
    j.key("run_list");
    j.beginArray();
    for (const core::Run& run : s.runs) {
        j.beginObject();
        j.key("id"); j.value(run.id);
        j.key("name"); j.value(run.name);
        j.key("N"); j.value(run.N);
        j.key("D"); j.value(run.D);
        j.key("C"); j.value(run.C);
        j.key("points"); j.value(run.pointCount());
        j.key("attributes");
        j.beginObject();
        for (const auto& [key, value] : run.attributes) {
            j.key(key);
            if (const double* d = std::get_if<double>(&value))
                j.value(*d);
            else
                j.value(std::get<std::string>(value));
        }
        j.endObject();
        j.endObject();
    }
    j.endArray();
    j.key("left_out");
    j.beginObject();
    j.key("count"); j.value(s.leftOut.size());
    j.key("rows");
    j.beginArray();
    for (const auto& row : s.leftOut) {
        j.beginObject();
        j.key("line"); j.value(row.line);
        j.key("run"); j.value(runLabel(s, row.run));
        j.key("reason"); j.value(row.reason);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    j.endObject();
    out << j.str() << '\n';
}

std::string number(double v, core::Role role)
{
    const auto style = role == core::Role::Loss || role == core::Role::Step
                           ? core::TickStyle::Plain
                           : (role == core::Role::N || role == core::Role::D ? core::TickStyle::Count
                                                                             : core::TickStyle::Scientific);
    // Ranges are shown exactly enough to read; the JSON output carries full precision.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    const std::string nice = core::formatTick(std::strtod(buf, nullptr), style);
    return nice;
}

/// One line per run (the first kTextRuns): name, N, D, points and a few attributes.
void writeRuns(const core::Sweep& s, std::ostream& out)
{
    if (s.runs.size() < 2 && s.runs.empty())
        return;
    out << "run list (name: N, D, points; attributes):\n";
    for (std::size_t i = 0; i < s.runs.size() && i < kTextRuns; ++i) {
        const core::Run& run = s.runs[i];
        out << "  " << run.name << ": N " << number(run.N, core::Role::N) << ", D " << number(run.D, core::Role::D)
            << ", " << run.pointCount() << " points";
        std::size_t shown = 0;
        for (const auto& [key, value] : run.attributes) {
            if (shown++ == kTextAttributes) {
                out << ", ... (" << run.attributes.size() << " attributes)";
                break;
            }
            out << (shown == 1 ? "; " : ", ") << key << '=' << core::attributeToString(value);
        }
        out << '\n';
    }
    if (s.runs.size() > kTextRuns)
        out << "  ... and " << s.runs.size() - kTextRuns << " more (use --format json for all)\n";
}

void writeText(const core::Sweep& s, std::ostream& out)
{
    out << "file:     " << s.sourcePath << '\n';
    out << "format:   " << s.format << " (" << s.layout << ")\n";
    out << "runs:     " << s.runs.size() << '\n';
    out << "points:   " << s.pointCount() << '\n';
    out << "metrics: ";
    for (const auto& [name, count] : s.metricPointCounts())
        out << ' ' << name << " (" << count << " points)";
    out << "\nroles:\n";
    for (const auto& [role, column] : s.roleColumns)
        out << "  " << core::roleName(role) << " <- column \"" << column << "\"\n";
    if (!s.runKeyColumns.empty()) {
        out << "run key: ";
        for (std::size_t i = 0; i < s.runKeyColumns.size(); ++i)
            out << (i ? " + " : "") << s.runKeyColumns[i];
        out << '\n';
    }
    for (const auto& [role, formula] : s.conventions.derived)
        out << "derived:  " << role << " = " << formula << '\n';
    out << "conventions: N " << s.conventions.parameterCount << "; FLOPs: " << s.conventions.flopFormula << '\n';
    out << "ranges:\n";
    for (const auto& [role, range] : core::SweepSummary::of(s).ranges)
        out << "  " << core::roleName(role) << ": " << number(range.first, role) << " .. "
            << number(range.second, role) << '\n';
    for (const auto& note : s.notes)
        out << "note:     " << note << '\n';
    writeRuns(s, out);
    out << "left out: " << s.leftOut.size() << " rows (kept in the sweep, excluded from log plots and fits)\n";
    for (std::size_t i = 0; i < s.leftOut.size() && i < kTextLeftOutRows; ++i) {
        const auto& row = s.leftOut[i];
        if (row.line > 0)
            out << "  line " << row.line << " (run " << runLabel(s, row.run) << "): " << row.reason << '\n';
        else
            out << "  run " << runLabel(s, row.run) << ", point " << row.point + 1 << ": " << row.reason << '\n';
    }
    if (s.leftOut.size() > kTextLeftOutRows)
        out << "  ... and " << s.leftOut.size() - kTextLeftOutRows << " more (use --format json for all)\n";
}

} // namespace

int runInfoCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    auto sweep = core::importFile(options.file, options.import);
    if (!sweep) {
        err << "scalelab-cli: " << sweep.error().toString() << '\n';
        return 2;
    }
    if (options.format == CliOptions::Format::Json)
        writeJson(*sweep, out);
    else
        writeText(*sweep, out);
    return 0;
}
