// SPDX-License-Identifier: GPL-3.0-or-later
#include "FitCommand.h"

#include "JsonWriter.h"

#include "core/fit/Laws.h"
#include "core/fit/LeastSquaresFitter.h"
#include "core/io/Importers.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace {

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
    core::FitRequest request;
    request.law = law;
    request.objective = fit.objective;
    request.fixed = fit.fixed;
    const auto specs = law->parameters();
    for (const core::ParameterSpec& s : specs)
        request.start.push_back(s.start);
    for (const auto& [name, value] : fit.starts) {
        std::size_t i = 0;
        while (i < specs.size() && specs[i].name != name)
            ++i;
        if (i == specs.size()) {
            err << "scalelab-cli: --start: law " << law->id() << " has no parameter '" << name << "'\n";
            return 2;
        }
        request.start[i] = value;
    }
    const auto result = core::fitLeastSquares(*data, request);
    if (!result) {
        core::Error e = result.error();
        if (e.file.empty())
            e.file = options.file;
        err << "scalelab-cli: " << e.toString() << '\n';
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const char* objective = fit.objective == core::Objective::LsqLog ? "lsq-log" : "lsq";
    const std::string initialisation = fit.starts.empty() ? "one start: the law's published values" : "one start: given";

    if (options.format == CliOptions::Format::Json) {
        JsonWriter j;
        j.beginObject();
        j.key("law"); j.value(law->id());
        auto perParam = [&](const char* key, const std::vector<double>& values) {
            j.key(key);
            j.beginObject();
            for (std::size_t i = 0; i < values.size(); ++i) {
                j.key(result->names[i]);
                j.value(values[i]);
            }
            j.endObject();
        };
        perParam("params", result->params);
        perParam("stderr", result->stderrs);
        j.key("objective"); j.value(result->objective);
        j.key("converged"); j.rawBool(result->converged);
        j.key("termination"); j.value(result->termination);
        j.key("gradient_norm"); j.value(result->gradientNorm);
        j.key("iterations"); j.value(result->iterations);
        j.key("n_points"); j.value(data->size());
        j.key("starts"); j.value(std::size_t{1});
        j.key("rmse_log"); j.value(result->rmseLog);
        j.key("r2_log"); j.value(result->r2Log);
        j.key("aic"); j.value(result->aic);
        j.key("bic"); j.value(result->bic);
        j.key("warnings");
        j.beginArray();
        for (const auto& w : result->warnings)
            j.value(w);
        j.endArray();
        j.key("settings");
        j.beginObject();
        j.key("form"); j.value(law->formula());
        j.key("objective"); j.value(objective);
        j.key("optimiser"); j.value("GSL multifit_nlinear trust region, Levenberg-Marquardt with geodesic acceleration");
        j.key("initialisation"); j.value(initialisation);
        j.key("data_selection"); j.value(selectionText(fit.selection));
        j.endObject();
        j.key("conventions");
        j.beginObject();
        j.key("parameter_count"); j.value(sweep->conventions.parameterCount);
        j.key("flop_formula"); j.value(sweep->conventions.flopFormula);
        for (const auto& [role, formula] : sweep->conventions.derived) {
            j.key("derived_" + role);
            j.value(formula);
        }
        j.endObject();
        j.key("seconds"); j.value(seconds);
        j.endObject();
        out << j.str() << '\n';
    } else {
        out << "law:        " << law->id() << "  (" << law->formula() << ")\n";
        out << "points:     " << data->size() << " (" << selectionText(fit.selection) << ")\n";
        out << "objective:  " << objective << " = " << number(result->objective) << "\n";
        for (std::size_t i = 0; i < result->names.size(); ++i)
            out << "  " << result->names[i] << " = " << number(result->params[i]) << "  +- "
                << number(result->stderrs[i]) << '\n';
        out << "status:     " << result->termination << " after " << result->iterations << " iterations\n";
        out << "rmse(log):  " << number(result->rmseLog) << "   R^2(log): " << number(result->r2Log) << '\n';
        for (const auto& w : result->warnings)
            out << "warning:    " << w << '\n';
    }
    return result->converged ? 0 : 1;
}
