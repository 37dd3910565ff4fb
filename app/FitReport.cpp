// SPDX-License-Identifier: GPL-3.0-or-later
#include "FitReport.h"

#include "JsonWriter.h"

#include "core/fit/DerivedQuantities.h"
#include "core/util/NumberText.h"


namespace {

void paramObject(JsonWriter& j, const std::vector<std::string>& names, const std::vector<double>& values)
{
    j.beginObject();
    for (std::size_t i = 0; i < values.size() && i < names.size(); ++i) {
        j.key(names[i]);
        j.value(values[i]);
    }
    j.endObject();
}

} // namespace

void writeFitJson(const FitReport& rep, std::ostream& out)
{
    const core::FitResult& r = rep.fit.result;
    const core::MultiStartStats& s = rep.fit.stats;
    JsonWriter j;
    j.beginObject();
    j.key("law"); j.value(rep.law->id());
    j.key("params"); paramObject(j, r.names, r.params);
    j.key("stderr"); paramObject(j, r.names, r.stderrs);
    if (rep.bootstrap) {
        j.key("ci95");
        j.beginObject();
        for (std::size_t i = 0; i < rep.bootstrap->names.size(); ++i) {
            j.key(rep.bootstrap->names[i]);
            j.beginArray();
            j.value(rep.bootstrap->lower[i]);
            j.value(rep.bootstrap->upper[i]);
            j.endArray();
        }
        j.endObject();
        j.key("bootstrap");
        j.beginObject();
        j.key("resamples"); j.value(rep.bootstrap->resamples);
        j.key("failed"); j.value(rep.bootstrap->failed);
        j.key("stddev"); paramObject(j, rep.bootstrap->names, rep.bootstrap->stddev);
        j.key("names");
        j.beginArray();
        for (const auto& name : rep.bootstrap->names)
            j.value(name);
        j.endArray();
        j.key("samples");
        j.beginArray();
        for (const auto& draw : rep.bootstrap->draws) {
            j.beginArray();
            for (double v : draw)
                j.value(v);
            j.endArray();
        }
        j.endArray();
        j.endObject();
    }
    const auto derived = core::derivedQuantities(*rep.law, r.params);
    if (!derived.empty()) {
        j.key("derived");
        j.beginObject();
        for (const auto& [name, value] : derived) {
            j.key(name);
            j.value(value);
        }
        j.endObject();
    }
    j.key("objective"); j.value(r.objective);
    j.key("converged"); j.rawBool(r.converged);
    j.key("termination"); j.value(r.termination);
    j.key("gradient_norm"); j.value(r.gradientNorm);
    j.key("iterations"); j.value(r.iterations);
    j.key("n_points"); j.value(rep.points);
    j.key("starts"); j.value(s.starts);
    j.key("best_hits"); j.value(s.reachedBest);
    j.key("distinct_optima"); j.value(s.distinctOptima);
    j.key("optima");
    j.beginArray();
    for (const core::MultiStartOptimum& opt : s.optima) {
        j.beginObject();
        j.key("objective"); j.value(opt.objective);
        j.key("starts"); j.value(opt.starts);
        j.key("params"); paramObject(j, r.names, opt.params);
        j.endObject();
    }
    j.endArray();
    j.key("rmse_log"); j.value(r.rmseLog);
    j.key("r2_log"); j.value(r.r2Log);
    j.key("aic"); j.value(r.aic);
    j.key("bic"); j.value(r.bic);
    j.key("residuals");
    j.beginArray();
    for (double v : r.residuals)
        j.value(v);
    j.endArray();
    if (rep.holdout) {
        const core::HoldoutResult& h = *rep.holdout;
        j.key("holdout");
        j.beginObject();
        j.key("above"); j.value(std::string(1, h.split.quantity));
        j.key("threshold"); j.value(h.split.threshold);
        j.key("fit_points"); j.value(h.fit.result.residuals.size());
        j.key("params"); paramObject(j, h.fit.result.names, h.fit.result.params);
        j.key("converged"); j.rawBool(h.fit.result.converged);
        j.key("held_out"); j.value(h.observed.size());
        j.key("mean_abs_rel_error"); j.value(h.meanAbsRelError);
        j.key("max_abs_rel_error"); j.value(h.maxAbsRelError);
        j.key("observed"); j.beginArray(); for (double v : h.observed) j.value(v); j.endArray();
        j.key("predicted"); j.beginArray(); for (double v : h.predicted) j.value(v); j.endArray();
        j.endObject();
    }
    j.key("warnings");
    j.beginArray();
    for (const auto& w : r.warnings)
        j.value(w);
    if (rep.bootstrap)
        for (const auto& w : rep.bootstrap->warnings)
            j.value(w);
    j.endArray();
    j.key("settings");
    j.beginObject();
    j.key("form"); j.value(rep.law->formula());
    j.key("objective"); j.value(rep.objective);
    j.key("optimiser"); j.value(rep.fit.optimiser);
    j.key("initialisation"); j.value(rep.fit.initialisation);
    j.key("data_selection"); j.value(rep.selection);
    if (!rep.weights.empty()) {
        j.key("weights"); j.value(rep.weights);
    }
    if (!rep.x.empty()) {
        j.key("x"); j.value(rep.x);
    }
    j.endObject();
    j.key("conventions");
    j.beginObject();
    for (const auto& [key, value] : rep.conventions) {
        j.key(key);
        j.value(value);
    }
    j.endObject();
    j.key("seconds"); j.value(rep.seconds);
    j.endObject();
    out << j.str() << '\n';
}

void writeFitText(const FitReport& rep, std::ostream& out)
{
    const core::FitResult& r = rep.fit.result;
    out << "law:        " << rep.law->id() << "  (" << rep.law->formula() << ")\n";
    out << "points:     " << rep.points << " (" << rep.selection << ")\n";
    out << "objective:  " << rep.objective << " = " << core::significantText(r.objective, 10) << "\n";
    for (std::size_t i = 0; i < r.names.size(); ++i) {
        out << "  " << r.names[i] << " = " << core::significantText(r.params[i], 10);
        if (i < r.stderrs.size())
            out << "  +- " << core::significantText(r.stderrs[i], 10);
        if (rep.bootstrap && i < rep.bootstrap->names.size())
            out << "  95% CI [" << core::significantText(rep.bootstrap->lower[i], 10) << ", "
                << core::significantText(rep.bootstrap->upper[i], 10) << "]";
        out << '\n';
    }
    const auto derived = core::derivedQuantities(*rep.law, r.params);
    for (std::size_t k = 0; k < derived.size(); ++k) {
        out << "  " << derived[k].first << " = " << core::significantText(derived[k].second, 10);
        const std::size_t i = r.names.size() + k;
        if (rep.bootstrap && i < rep.bootstrap->names.size())
            out << "  95% CI [" << core::significantText(rep.bootstrap->lower[i], 10) << ", "
                << core::significantText(rep.bootstrap->upper[i], 10) << "]";
        out << "   (derived)\n";
    }
    out << "status:     " << r.termination << " after " << r.iterations << " iterations; gradient "
        << core::significantText(r.gradientNorm, 10) << '\n';
    out << "starts:     " << rep.fit.stats.starts << " (" << rep.fit.initialisation << "), " << rep.fit.stats.reachedBest
        << " reached the best; " << rep.fit.stats.distinctOptima << (rep.fit.stats.distinctOptima == 1 ? " distinct optimum\n" : " distinct optima\n");
    out << "rmse(log):  " << core::significantText(r.rmseLog, 10)
        << "   R^2(log): " << core::significantText(r.r2Log, 10) << '\n';
    if (rep.bootstrap)
        out << "bootstrap:  " << rep.bootstrap->resamples << " resamples of runs, " << rep.bootstrap->failed << " failed\n";
    if (rep.holdout)
        out << "holdout:    fit on " << rep.holdout->split.quantity
            << " <= " << core::significantText(rep.holdout->split.threshold, 10) << " ("
            << rep.holdout->fit.result.residuals.size() << " points); on the " << rep.holdout->observed.size()
            << " above it the loss is off by "
            << core::significantText(100 * rep.holdout->meanAbsRelError, 10) << "% on average, "
            << core::significantText(100 * rep.holdout->maxAbsRelError, 10) << "% at most\n";
    for (const auto& w : r.warnings)
        out << "warning:    " << w << '\n';
    if (rep.bootstrap)
        for (const auto& w : rep.bootstrap->warnings)
            out << "warning:    " << w << '\n';
}
