// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunAssembler.h"

#include "core/io/logs/RunAttributeSources.h"
#include "core/io/logs/RunFilters.h"
#include "core/io/logs/RunQuantities.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace core {

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& s, const char* part)
{
    return s.find(part) != std::string::npos;
}

/// Named like a loss, and not a bound, spread or extreme of one.
bool lossLike(const std::string& metric)
{
    const std::string m = lower(metric);
    if (!contains(m, "loss"))
        return false;
    for (const char* bad : {"__min", "__max", "lower", "upper", "_std", "/std", "std_", "_ci", "scale", "weight"})
        if (contains(m, bad))
            return false;
    return true;
}

bool validationLike(const std::string& metric)
{
    const std::string m = lower(metric);
    return contains(m, "val") || contains(m, "test") || contains(m, "dev/") || contains(m, "dev_");
}

std::string joinNames(const std::vector<std::string>& names, std::size_t limit = 12)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i)
        out += (i == 0 ? "" : ", ") + names[i];
    if (names.size() > limit)
        out += ", ... (" + std::to_string(names.size()) + " in all)";
    return out;
}

/// An error about the runs read from `sourcePath` (an option that does not fit them) names that
/// source, as the table importers' option errors do.
Error aboutSource(Error e, const std::string& sourcePath)
{
    if (e.file.empty())
        e.file = sourcePath;
    return e;
}

/// An option error (--metric, --key) about the runs of `sourcePath`.
Error optionError(const std::string& sourcePath, std::string parameter, std::string message)
{
    return aboutSource(Error::forParameter(std::move(parameter), std::move(message)), sourcePath);
}

bool usable(double v)
{
    return std::isfinite(v) && v > 0;
}

std::string describe(const char* what, double v)
{
    if (std::isnan(v))
        return std::string(what) + " is NaN";
    if (std::isinf(v))
        return std::string(what) + " is " + (v > 0 ? "inf" : "-inf");
    return std::string(what) + " <= 0 (" + attributeToString(AttributeValue{v}) + ")";
}

} // namespace

ImportOptions withColumnRolesAsLogOptions(ImportOptions options)
{
    for (const auto& [role, column] : options.columns) {
        if (column.empty())
            continue;
        if (role == Role::Loss) {
            if (options.logs.metric.empty())
                options.logs.metric = column;
        } else if (role != Role::Run && role != Role::Step) {
            options.logs.keys.emplace(role, column); // an explicit --key wins
        }
    }
    return options;
}

tl::expected<MetricChoice, Error> chooseLossMetric(const std::vector<LoggedRun>& runs,
                                                   const RunMetadataOptions& options)
{
    MetricChoice out;
    std::map<std::string, std::size_t> runsLogging;
    for (const LoggedRun& run : runs)
        for (const LoggedSeries& s : run.series) {
            if (runsLogging[s.metric]++ == 0)
                out.metrics.push_back(s.metric);
        }
    if (!options.metric.empty()) {
        if (runsLogging.count(options.metric) == 0)
            return tl::unexpected(Error::forParameter(
                "--metric", "no run logs a metric named '" + options.metric + "'; metrics logged: " + joinNames(out.metrics)));
        out.metric = options.metric;
        return out;
    }
    const std::string* best = nullptr;
    for (const std::string& m : out.metrics) {
        if (!lossLike(m))
            continue;
        if (best == nullptr) {
            best = &m;
            continue;
        }
        const bool v = validationLike(m), bv = validationLike(*best);
        if (v != bv ? v : runsLogging[m] > runsLogging[*best])
            best = &m;
    }
    if (best != nullptr) {
        out.metric = *best;
        out.detected = true;
    }
    return out;
}

tl::expected<Sweep, Error> assembleSweep(RunLogs logs, const std::string& sourcePath, const std::string& format,
                                         const ImportOptions& importOptions, const Progress& progress)
{
    const RunMetadataOptions& options = importOptions.logs;
    std::vector<LoggedRun>& runs = logs.runs;
    if (runs.empty())
        return tl::unexpected(Error::at(sourcePath, 0, 0, "no runs found"));
    auto choice = chooseLossMetric(runs, options);
    if (!choice)
        return tl::unexpected(aboutSource(choice.error(), sourcePath));
    if (choice->metrics.empty())
        return tl::unexpected(Error::at(
            sourcePath, 0, 0, "no run logs any metric value (" + std::to_string(runs.size()) + " runs read)"));
    if (choice->metric.empty())
        return tl::unexpected(optionError(sourcePath, "--metric",
                                          "no metric is named like a loss; choose one with --metric from: "
                                              + joinNames(choice->metrics)));
    auto sources = RunAttributeSources::create(options, runs);
    if (!sources)
        return tl::unexpected(aboutSource(sources.error(), sourcePath));
    return assembleSweep(std::move(logs), sourcePath, format, importOptions, *choice, *sources, progress);
}

tl::expected<Sweep, Error> assembleSweep(RunLogs logs, const std::string& sourcePath, const std::string& format,
                                         const ImportOptions& importOptions, const MetricChoice& choice,
                                         const RunAttributeSources& sources, const Progress& progress)
{
    const RunMetadataOptions& options = importOptions.logs;
    std::vector<LoggedRun>& runs = logs.runs;
    Sweep sweep;
    sweep.sourcePath = sourcePath;
    sweep.format = format;
    sweep.runKeyColumns = {"run"};
    sweep.roleColumns[Role::Run] = "run";
    sweep.roleColumns[Role::Step] = "step";
    sweep.roleColumns[Role::Loss] = choice.metric;
    {
        std::string note = "loss metric: '" + choice.metric + "'" + (choice.detected ? " (detected)" : " (chosen)");
        std::vector<std::string> others;
        for (const std::string& m : choice.metrics)
            if (m != choice.metric)
                others.push_back(m);
        if (!others.empty())
            note += "; also logged: " + joinNames(others) + " (choose with --metric)";
        sweep.notes.push_back(std::move(note));
    }
    if (sources.hasJoin())
        sweep.notes.push_back("joined " + sources.joinPath() + " on column '" + sources.joinColumn() + "': "
                              + std::to_string(sources.matchedRuns(runs)) + " of " + std::to_string(runs.size())
                              + " runs matched");

    // Attributes first (params, then join rows, then pattern groups), so quantities can be
    // resolved with keys chosen over all runs.
    std::vector<std::map<std::string, AttributeValue>> attributes(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        attributes[i] = std::move(runs[i].params);
        std::vector<std::string> conflicts;
        for (auto& [key, value] : sources.attributesFor(runs[i], conflicts))
            attributes[i][key] = std::move(value);
        if (!conflicts.empty())
            sweep.notes.push_back("run '" + runs[i].name + "': several rows of " + sources.joinPath()
                                  + " name it; the columns where they differ were not attached: "
                                  + joinNames(conflicts));
    }
    auto filtered = filterRuns(runs, attributes, importOptions.filters);
    if (!filtered)
        return tl::unexpected(aboutSource(filtered.error(), sourcePath));
    if (*filtered > 0)
        sweep.notes.push_back(std::to_string(*filtered) + " runs left out by the filters (--where)");
    auto quantities = RunQuantities::resolve(runs, attributes, options);
    if (!quantities)
        return tl::unexpected(aboutSource(quantities.error(), sourcePath));
    for (std::string& note : quantities->notes())
        sweep.notes.push_back(std::move(note));
    sweep.conventions = quantities->conventions();
    for (const auto& [role, column] : quantities->roleColumns())
        sweep.roleColumns[role] = column;

    bool anyCurve = false;
    bool anyXAxis = false;
    std::vector<std::string> noLoss;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        LoggedRun& logged = runs[i];
        const LoggedSeries* series = logged.find(choice.metric);
        if (series == nullptr || series->size() == 0) {
            noLoss.push_back(logged.name);
            continue;
        }
        Run run;
        run.id = logged.id;
        run.name = logged.name;
        run.attributes = std::move(attributes[i]);
        const RunQuantities::Values q = quantities->values(i);
        run.N = q.N;
        run.budget = q.budget;
        run.U = q.U;
        Curve curve;
        curve.metric = choice.metric;
        curve.reserve(series->size());
        const std::size_t runIndex = sweep.runs.size();
        for (std::size_t k = 0; k < series->size(); ++k) {
            double tokens = quantities->pointTokens(i, *series, k);
            double flops = std::isfinite(run.N) && std::isfinite(tokens) ? 6.0 * run.N * tokens : Run::kUnknown;
            if (series->size() == 1 && !std::isfinite(flops))
                flops = q.C;
            curve.append(series->step[k], tokens, flops, series->value[k]);
            anyXAxis = anyXAxis || usable(run.N) || usable(tokens) || usable(flops);
            std::string reason;
            if (!usable(series->value[k]))
                reason = describe("loss", series->value[k]);
            if (quantities->hasTokens() && !usable(tokens))
                reason += (reason.empty() ? "" : "; ") + describe("tokens", tokens);
            if (!reason.empty()) {
                const double step = series->step[k];
                std::string where = std::isfinite(step) ? "step " + attributeToString(AttributeValue{step}) + ": "
                                                        : "";
                sweep.leftOut.push_back(LeftOutRow{0, runIndex, 0, k, where + reason});
            }
        }
        if (progress && !progress(0.9 + 0.1 * static_cast<double>(i + 1) / static_cast<double>(runs.size())))
            return tl::unexpected(Error::at(sourcePath, 0, 0, "cancelled"));
        anyCurve = anyCurve || curve.size() > 1;
        run.D = std::isfinite(curve.tokens.back()) ? curve.tokens.back() : q.D;
        run.C = std::isfinite(q.C) ? q.C : curve.flops.back();
        if (!std::isfinite(run.D) && usable(run.C) && usable(run.N))
            run.D = run.C / (6.0 * run.N);
        run.curves.push_back(std::move(curve));
        sweep.runs.push_back(std::move(run));
    }
    if (!noLoss.empty())
        sweep.notes.push_back(std::to_string(noLoss.size()) + " runs do not log '" + choice.metric
                              + "' and were left out: " + joinNames(noLoss));
    if (sweep.runs.empty())
        return tl::unexpected(optionError(sourcePath, "--metric", "no run logs '" + choice.metric + "'"));
    if (!anyXAxis)
        return tl::unexpected(optionError(sourcePath, "--key",
                                          "no run has a model size N, a token count or FLOPs, so nothing can go "
                                          "on a log axis; give --key N=<param>, --name-pattern, --join <table> or "
                                          "--tokens-per-step"));
    sweep.layout = anyCurve ? "curves" : "final-loss";
    for (std::string& w : logs.warnings)
        sweep.notes.push_back(std::move(w));
    return sweep;
}

} // namespace core
