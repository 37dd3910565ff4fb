// SPDX-License-Identifier: GPL-3.0-or-later
#include "FitCommand.h"

#include "FitReport.h"

#include "core/fit/FormulaLaw.h"
#include "core/fit/Laws.h"
#include "core/io/Importers.h"
#include "core/io/XyTableReader.h"
#include "core/util/NumberText.h"

#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <variant>

namespace {

std::string lawList()
{
    std::string out;
    for (const core::Law* law : core::laws())
        out += (out.empty() ? "" : ", ") + std::string(law->id());
    return out + ", formula";
}

std::string selectionText(const core::FitSelection& s)
{
    static const char* const kPoints[] = {"final point of each run", "lowest-loss point of each run",
                                          "all points"};
    std::string text = kPoints[static_cast<int>(s.points)];
    if (s.excludeTopLoss > 0)
        text += ", minus the " + std::to_string(s.excludeTopLoss) + " highest losses";
    return text;
}

std::string objectiveText(const FitCliOptions& fit)
{
    const core::Objective o = fit.effectiveObjective();
    std::string text = core::objectiveName(o);
    if (o == core::Objective::HuberLog)
        text += ", delta " + core::shortestText(fit.delta) + ", summed";
    else
        text += ", summed";
    if (fit.overestimatePenalty != 1.0)
        text += ", over-predictions weighted x" + core::shortestText(fit.overestimatePenalty);
    return text;
}

/// Per-point weights from a numeric run column.
tl::expected<void, std::string> applyWeights(const core::Sweep& sweep, core::FitData& data, const std::string& column)
{
    data.weight.resize(static_cast<Eigen::Index>(data.size()));
    for (std::size_t i = 0; i < data.size(); ++i) {
        const core::Run& run = sweep.runs[data.run[i]];
        const auto it = run.attributes.find(column);
        if (it == run.attributes.end())
            return tl::make_unexpected("--weights: run '" + run.id + "' has no column '" + column + "'");
        const double* w = std::get_if<double>(&it->second);
        if (w == nullptr || !std::isfinite(*w) || *w < 0.0)
            return tl::make_unexpected("--weights: run '" + run.id + "' has " + column + " = '"
                                       + core::attributeToString(it->second) + "'; weights must be finite numbers >= 0");
        data.weight[static_cast<Eigen::Index>(i)] = *w;
    }
    return {};
}

} // namespace

tl::expected<FitReport, std::string> fitFromOptions(const CliOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    const FitCliOptions& fit = options.fit;
    const bool isFormula = fit.law == "formula";
    std::shared_ptr<const core::Law> formula;
    const core::Law* law = nullptr;
    if (isFormula) {
        if (fit.formula.empty())
            return tl::make_unexpected("--law formula needs --formula EXPR and --start name=value,... for each parameter");
        auto f = core::FormulaLaw::create(fit.formula, fit.starts);
        if (!f)
            return tl::make_unexpected(f.error().toString());
        formula = std::move(*f);
        law = formula.get();
    } else {
        if (!fit.formula.empty())
            return tl::make_unexpected("--formula needs --law formula");
        law = core::lawById(fit.law);
        if (law == nullptr)
            return tl::make_unexpected("--law: unknown law '" + fit.law + "' (laws: " + lawList() + ")");
    }

    FitReport report;
    report.law = law;
    report.ownedLaw = formula;
    core::FitData data;
    if (isFormula) {
        auto d = core::readXyTable(options.file, options.xyColumns.count("x") ? options.xyColumns.at("x") : "",
                                   options.xyColumns.count("y") ? options.xyColumns.at("y") : "");
        if (!d)
            return tl::make_unexpected(d.error().toString());
        data = std::move(*d);
        report.selection = "every row of the table";
        if (!fit.weightsColumn.empty())
            return tl::make_unexpected("--weights is for run tables, not --law formula");
    } else {
        auto sweep = core::importFile(options.file, options.import);
        if (!sweep)
            return tl::make_unexpected(sweep.error().toString());
        auto d = fit.selection.select(*sweep);
        if (!d)
            return tl::make_unexpected(d.error().toString());
        data = std::move(*d);
        if (!fit.weightsColumn.empty())
            if (auto ok = applyWeights(*sweep, data, fit.weightsColumn); !ok)
                return tl::make_unexpected(options.file + ": " + ok.error());
        report.selection = selectionText(fit.selection);
        report.conventions = {{"parameter_count", sweep->conventions.parameterCount},
                              {"flop_formula", sweep->conventions.flopFormula}};
        for (const auto& [role, how] : sweep->conventions.derived)
            report.conventions.emplace_back("derived_" + role, how);
        if (law->usesX())
            report.x = core::xQuantityName(fit.selection.x);
        report.sweep = std::make_shared<const core::Sweep>(std::move(*sweep));
    }

    core::FitRequest request;
    request.law = law;
    request.objective = fit.effectiveObjective();
    request.delta = fit.delta;
    request.overestimatePenalty = fit.overestimatePenalty;
    request.fixed = fit.fixed;
    request.bounds = fit.bounds;
    request.ties = fit.ties;
    request.grid = fit.grid;
    request.lhsStarts = fit.lhsStarts;
    request.seed = fit.seed;
    if (isFormula) {
        for (const auto& [name, value] : fit.starts)
            request.start.push_back(value); // the formula's parameters are the --start names, in order
    } else if (!fit.starts.empty()) {
        for (const core::ParameterSpec& s : law->parameters())
            request.start.push_back(s.start);
        for (const auto& [name, value] : fit.starts) {
            const auto index = law->parameterIndex(name);
            if (!index)
                return tl::make_unexpected("--start: law " + std::string(law->id()) + " has no parameter '" + name + "'");
            request.start[*index] = value;
        }
    }
    auto result = core::fitLaw(data, request);
    if (!result)
        return tl::make_unexpected(options.file + ": " + result.error().toString());
    report.fit = std::move(*result);
    if (fit.bootstrap > 0) {
        core::BootstrapOptions b;
        b.resamples = fit.bootstrap;
        b.seed = fit.seed;
        auto boot = core::bootstrapFit(data, request, report.fit.result, report.fit.stats.optima, b);
        if (!boot)
            return tl::make_unexpected(options.file + ": " + boot.error().toString());
        report.bootstrap = std::move(*boot);
    }
    if (fit.holdout) {
        auto h = core::holdoutCheck(data, request, *fit.holdout);
        if (!h)
            return tl::make_unexpected(options.file + ": " + h.error().toString());
        report.holdout = std::move(*h);
    }
    report.objective = objectiveText(fit);
    report.weights = fit.weightsColumn;
    report.points = data.size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

int runFitCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    const auto report = fitFromOptions(options);
    if (!report) {
        err << "scalelab-cli: " << report.error() << '\n';
        return 2;
    }
    if (options.format == CliOptions::Format::Json)
        writeFitJson(*report, out);
    else
        writeFitText(*report, out);
    return report->fit.result.converged ? 0 : 1;
}
