// SPDX-License-Identifier: GPL-3.0-or-later
#include "OptimalCommand.h"

#include "FitCommand.h"
#include "FittedModel.h"
#include "JsonWriter.h"
#include "SideBySide.h"

#include "core/alloc/AllocationIntervals.h"
#include "core/alloc/ComputeOptimal.h"
#include "core/alloc/FlopModels.h"
#include "core/alloc/InferenceAware.h"
#include "core/util/NumberText.h"

#include <memory>
#include <optional>

namespace {

/// One row of the answer: the allocation and, with bootstrap samples, its intervals.
struct Row {
    core::Allocation allocation;
    std::optional<core::AllocationIntervals> ci;
};

void interval(JsonWriter& j, const char* key, const core::PercentileInterval& p)
{
    j.key(key);
    j.beginArray();
    j.value(p.lower);
    j.value(p.upper);
    j.endArray();
}

} // namespace

int runOptimalCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    auto fail = [&](const std::string& message) {
        err << "scalelab-cli: " << message << '\n';
        return 2;
    };
    const OptimalCliOptions& opt = options.optimal;
    const core::FlopModel* flops = core::flopModelById(opt.flops);
    if (flops == nullptr)
        return fail("--flops: expected 6nd, kaplan or chinchilla, found '" + opt.flops + "'");
    if (flops->id() != "6nd")
        return fail("--flops " + opt.flops + ": approach 3 allocates along C = 6ND (the architecture FLOP models "
                    "count individual runs from their columns and have no form in N alone); use --flops 6nd");

    // The fitted law: fitted here, read from a fit's JSON, or given.
    FittedModel model;
    std::shared_ptr<const core::Law> owned;
    bool converged = true;
    std::shared_ptr<const core::Sweep> sweep; // the file's runs, for the side-by-side approaches
    if (!options.file.empty()) {
        auto report = fitFromOptions(options);
        if (!report)
            return fail(report.error());
        owned = report->ownedLaw;
        sweep = report->sweep;
        model.law = report->law;
        model.params = report->fit.result.params;
        converged = report->fit.result.converged;
        if (report->bootstrap)
            model.draws = report->bootstrap->draws;
    } else {
        auto m = options.predict.fitFile.empty()
                     ? fittedModelFromParams(options.fit.law, options.predict.params, options.fit.selection.x, "")
                     : fittedModelFromFile(options.predict.fitFile, options.fit);
        if (!m)
            return fail(m.error());
        model = std::move(*m);
    }
    const core::Law& law = *model.law;
    core::AllocationOptions allocation;
    allocation.uniqueTokens = opt.uniqueTokens;
    const double dInf = opt.inferenceTokens;
    auto allocateBudget = [&](std::span<const double> p, double C) {
        return dInf > 0.0 ? core::inferenceAwareForBudget(law, p, C, dInf, allocation)
                          : core::computeOptimal(law, p, C, allocation);
    };
    auto allocateLoss = [&](std::span<const double> p, double loss) {
        return dInf > 0.0 ? core::inferenceAwareForLoss(law, p, loss, dInf, allocation)
                          : core::computeOptimalForLoss(law, p, loss, allocation);
    };

    std::vector<Row> rows;
    std::vector<std::string> warnings;
    auto add = [&](const std::function<tl::expected<core::Allocation, core::Error>(std::span<const double>)>& f)
        -> std::optional<std::string> {
        auto a = f(model.params);
        if (!a)
            return a.error().toString();
        Row row{std::move(*a), std::nullopt};
        if (!model.draws.empty()) {
            auto ci = core::allocationIntervals(law, model.draws, f);
            if (!ci)
                warnings.push_back("no interval: " + ci.error().toString());
            else {
                warnings.insert(warnings.end(), ci->warnings.begin(), ci->warnings.end());
                row.ci = std::move(*ci);
            }
        }
        rows.push_back(std::move(row));
        return std::nullopt;
    };
    if (opt.targetLoss) {
        if (auto e = add([&](std::span<const double> p) { return allocateLoss(p, *opt.targetLoss); }))
            return fail(*e);
    }
    for (double C : opt.budgets)
        if (auto e = add([&](std::span<const double> p) { return allocateBudget(p, C); }))
            return fail(*e);

    // With a file, every approach the data support, side by side at the budgets.
    std::vector<ApproachAnswer> sideBySide;
    if (sweep && !opt.budgets.empty() && dInf == 0.0 && opt.uniqueTokens == 0.0 && !law.usesX())
        sideBySide = compareApproaches(*sweep, law, model.params, opt.budgets);

    if (options.format == CliOptions::Format::Json) {
        JsonWriter j;
        j.beginObject();
        j.key("law"); j.value(law.id());
        writeModelParams(j, model);
        j.key("flops_model"); j.value(flops->id());
        j.key("flops_formula"); j.value(flops->formula());
        j.key("inference_tokens"); j.value(dInf);
        j.key("unique_tokens"); j.value(opt.uniqueTokens);
        if (opt.targetLoss) {
            j.key("target_loss");
            j.value(*opt.targetLoss);
        }
        j.key("budgets");
        j.beginArray();
        for (const Row& r : rows) {
            const core::Allocation& a = r.allocation;
            j.beginObject();
            j.key("C"); j.value(dInf > 0.0 ? a.totalFlops : a.C);
            j.key("training_flops"); j.value(a.C);
            j.key("inference_flops"); j.value(a.inferenceFlops);
            j.key("N_opt"); j.value(a.N);
            j.key("D_opt"); j.value(a.D);
            j.key("tokens_per_param"); j.value(a.tokensPerParam);
            j.key("loss"); j.value(a.loss);
            j.key("method"); j.value(a.method);
            if (r.ci) {
                j.key("ci95");
                j.beginObject();
                interval(j, "N_opt", r.ci->N);
                interval(j, "D_opt", r.ci->D);
                interval(j, "loss", r.ci->loss);
                interval(j, "tokens_per_param", r.ci->tokensPerParam);
                if (dInf > 0.0 || opt.targetLoss)
                    interval(j, "C", dInf > 0.0 ? r.ci->totalFlops : r.ci->C);
                j.key("draws"); j.value(r.ci->draws);
                j.endObject();
            }
            j.endObject();
        }
        j.endArray();
        if (!sideBySide.empty())
            writeSideBySide(j, sideBySide, opt.budgets);
        j.key("warnings");
        j.beginArray();
        for (const auto& w : warnings)
            j.value(w);
        j.endArray();
        j.endObject();
        out << j.str() << '\n';
    } else {
        out << "law " << law.id() << ", " << flops->formula() << (dInf > 0.0 ? ", plus 2 N D_inf for inference" : "")
            << '\n';
        for (const Row& r : rows) {
            const core::Allocation& a = r.allocation;
            out << "C = " << core::significantText(dInf > 0.0 ? a.totalFlops : a.C, 4)
                << ":  N_opt = " << core::significantText(a.N, 4)
                << ", D_opt = " << core::significantText(a.D, 4)
                << ", D/N = " << core::significantText(a.tokensPerParam, 4)
                << ", loss = " << core::shortestText(a.loss);
            if (r.ci)
                out << "   95% CI N [" << core::significantText(r.ci->N.lower, 4) << ", "
                    << core::significantText(r.ci->N.upper, 4) << "], D/N ["
                    << core::significantText(r.ci->tokensPerParam.lower, 4) << ", "
                    << core::significantText(r.ci->tokensPerParam.upper, 4) << "], loss ["
                    << core::significantText(r.ci->loss.lower, 4) << ", "
                    << core::significantText(r.ci->loss.upper, 4) << "]";
            out << '\n';
        }
        if (!sideBySide.empty())
            writeSideBySideText(out, sideBySide, opt.budgets);
        for (const auto& w : warnings)
            out << "warning: " << w << '\n';
    }
    return converged ? 0 : 1;
}
