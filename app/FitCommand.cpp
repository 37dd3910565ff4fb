// SPDX-License-Identifier: GPL-3.0-or-later
#include "FitCommand.h"

#include "JsonWriter.h"

#include "core/fit/HuberChinchillaFit.h"
#include "core/fit/Laws.h"
#include "core/fit/LeastSquaresFitter.h"
#include "core/io/Importers.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace {

/// A finished fit with how it was made, ready to print.
struct Outcome {
    core::FitResult result;
    std::optional<core::MultiStartStats> stats;
    std::string objective;
    std::string optimiser;
    std::string initialisation;
};

std::string lawList()
{
    std::string out;
    for (const core::Law* law : core::laws())
        out += (out.empty() ? "" : ", ") + std::string(law->id());
    return out;
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

std::string number(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

/// Least squares from one start: the law's published values, overridden by --start.
tl::expected<Outcome, std::string> leastSquares(const core::Law& law, const core::FitData& data, const FitCliOptions& fit)
{
    if (!fit.grid.empty() && fit.grid != "none")
        return tl::make_unexpected("--grid " + fit.grid + ": multi-start least squares is not implemented yet; "
                                   "least-squares fits use one start (--grid none)");
    core::FitRequest request;
    request.law = &law;
    request.objective = fit.objective;
    request.fixed = fit.fixed;
    for (const core::ParameterSpec& s : law.parameters())
        request.start.push_back(s.start);
    for (const auto& [name, value] : fit.starts) {
        const auto index = law.parameterIndex(name);
        if (!index)
            return tl::make_unexpected("--start: law " + std::string(law.id()) + " has no parameter '" + name + "'");
        request.start[*index] = value;
    }
    auto r = core::fitLeastSquares(data, request);
    if (!r)
        return tl::make_unexpected(r.error().toString());
    return Outcome{std::move(*r), std::nullopt, fit.objective == core::Objective::LsqLog ? "lsq-log" : "lsq",
                   "GSL multifit_nlinear trust region, Levenberg-Marquardt with geodesic acceleration",
                   fit.starts.empty() ? "one start: the law's published values" : "one start: given"};
}

/// Chinchilla approach 3: summed Huber on log loss, L-BFGS from Hoffmann's 4,500 starts.
tl::expected<Outcome, std::string> huber(const core::Law& law, const core::FitData& data, const FitCliOptions& fit)
{
    if (law.id() != "chinchilla")
        return tl::make_unexpected("--objective huber-log: only --law chinchilla so far");
    if (!fit.grid.empty() && fit.grid != "chinchilla")
        return tl::make_unexpected("--grid " + fit.grid + ": huber-log fits use Hoffmann's grid (--grid chinchilla) "
                                   "so far; variable projection (default), lhs:K and none are not implemented yet");
    if (!fit.fixed.empty() || !fit.starts.empty())
        return tl::make_unexpected("--fix and --start are not supported with huber-log yet");
    core::HuberChinchillaOptions options = core::HuberChinchillaOptions::hoffmannGrid();
    options.delta = fit.delta;
    auto r = core::fitChinchillaHuber(data, options);
    if (!r)
        return tl::make_unexpected(r.error().toString());
    return Outcome{std::move(r->result), std::move(r->stats), "huber-log, delta " + number(fit.delta) + ", summed",
                   "L-BFGS (strong Wolfe line search) from every start, best kept",
                   "Hoffmann et al.'s grid: " + std::to_string(r->stats.starts) + " starts"};
}

void writeJson(const Outcome& o, const core::Law& law, const core::Sweep& sweep, const FitCliOptions& fit,
               std::size_t points, double seconds, std::ostream& out)
{
    const core::FitResult& r = o.result;
    JsonWriter j;
    j.beginObject();
    j.key("law"); j.value(law.id());
    auto perParam = [&](const char* key, const std::vector<double>& values) {
        j.key(key);
        j.beginObject();
        for (std::size_t i = 0; i < values.size() && i < r.names.size(); ++i) {
            j.key(r.names[i]);
            j.value(values[i]);
        }
        j.endObject();
    };
    perParam("params", r.params);
    if (!r.stderrs.empty())
        perParam("stderr", r.stderrs);
    j.key("objective"); j.value(r.objective);
    j.key("converged"); j.rawBool(r.converged);
    j.key("termination"); j.value(r.termination);
    j.key("gradient_norm"); j.value(r.gradientNorm);
    j.key("iterations"); j.value(r.iterations);
    j.key("n_points"); j.value(points);
    j.key("starts"); j.value(o.stats ? o.stats->starts : std::size_t{1});
    j.key("best_hits"); j.value(o.stats ? o.stats->reachedBest : std::size_t{1});
    if (o.stats) {
        j.key("optima");
        j.beginArray();
        for (const core::MultiStartOptimum& opt : o.stats->optima) {
            j.beginObject();
            j.key("objective"); j.value(opt.objective);
            j.key("starts"); j.value(opt.starts);
            j.key("params");
            j.beginObject();
            for (std::size_t i = 0; i < opt.params.size() && i < r.names.size(); ++i) {
                j.key(r.names[i]);
                j.value(opt.params[i]);
            }
            j.endObject();
            j.endObject();
        }
        j.endArray();
    }
    j.key("rmse_log"); j.value(r.rmseLog);
    j.key("r2_log"); j.value(r.r2Log);
    j.key("aic"); j.value(r.aic);
    j.key("bic"); j.value(r.bic);
    j.key("warnings");
    j.beginArray();
    for (const auto& w : r.warnings)
        j.value(w);
    j.endArray();
    j.key("settings");
    j.beginObject();
    j.key("form"); j.value(law.formula());
    j.key("objective"); j.value(o.objective);
    j.key("optimiser"); j.value(o.optimiser);
    j.key("initialisation"); j.value(o.initialisation);
    j.key("data_selection"); j.value(selectionText(fit.selection));
    if (law.usesX()) {
        j.key("x");
        j.value(core::xQuantityName(fit.selection.x));
    }
    j.endObject();
    j.key("conventions");
    j.beginObject();
    j.key("parameter_count"); j.value(sweep.conventions.parameterCount);
    j.key("flop_formula"); j.value(sweep.conventions.flopFormula);
    for (const auto& [role, formula] : sweep.conventions.derived) {
        j.key("derived_" + role);
        j.value(formula);
    }
    j.endObject();
    j.key("seconds"); j.value(seconds);
    j.endObject();
    out << j.str() << '\n';
}

void writeText(const Outcome& o, const core::Law& law, const FitCliOptions& fit, std::size_t points, std::ostream& out)
{
    const core::FitResult& r = o.result;
    out << "law:        " << law.id() << "  (" << law.formula() << ")\n";
    out << "points:     " << points << " (" << selectionText(fit.selection) << ")\n";
    out << "objective:  " << o.objective << " = " << number(r.objective) << "\n";
    for (std::size_t i = 0; i < r.names.size(); ++i) {
        out << "  " << r.names[i] << " = " << number(r.params[i]);
        if (i < r.stderrs.size())
            out << "  +- " << number(r.stderrs[i]);
        out << '\n';
    }
    out << "status:     " << r.termination << " after " << r.iterations << " iterations\n";
    if (o.stats)
        out << "starts:     " << o.stats->starts << ", " << o.stats->reachedBest << " reached the best; "
            << o.stats->distinctOptima << " distinct optima\n";
    out << "rmse(log):  " << number(r.rmseLog) << "   R^2(log): " << number(r.r2Log) << '\n';
    for (const auto& w : r.warnings)
        out << "warning:    " << w << '\n';
}

} // namespace

int runFitCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    const auto started = std::chrono::steady_clock::now();
    const FitCliOptions& fit = options.fit;
    const core::Law* law = core::lawById(fit.law);
    if (law == nullptr) {
        err << "scalelab-cli: --law: unknown law '" << fit.law << "' (laws: " << lawList() << ")\n";
        return 2;
    }
    auto sweep = core::importFile(options.file, options.import);
    if (!sweep) {
        err << "scalelab-cli: " << sweep.error().toString() << '\n';
        return 2;
    }
    auto data = fit.selection.select(*sweep);
    if (!data) {
        err << "scalelab-cli: " << data.error().toString() << '\n';
        return 2;
    }
    const auto outcome = fit.huberLog ? huber(*law, *data, fit) : leastSquares(*law, *data, fit);
    if (!outcome) {
        err << "scalelab-cli: " << options.file << ": " << outcome.error() << '\n';
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.format == CliOptions::Format::Json)
        writeJson(*outcome, *law, *sweep, fit, data->size(), seconds, out);
    else
        writeText(*outcome, *law, fit, data->size(), out);
    return outcome->result.converged ? 0 : 1;
}
