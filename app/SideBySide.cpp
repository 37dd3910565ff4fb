// SPDX-License-Identifier: GPL-3.0-or-later
#include "SideBySide.h"

#include "core/alloc/ComputeOptimal.h"
#include "core/alloc/Envelope.h"
#include "core/alloc/IsoFlopProfiles.h"
#include "core/fit/DerivedQuantities.h"
#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Fills an answer from power laws N_opt = k C^a and D_opt = k' C^b.
template <class Result>
void fromPowerLaws(ApproachAnswer& answer, const Result& r, const std::vector<double>& budgets)
{
    if (!r.nFit || !r.dFit) {
        answer.unavailable = "too few optima to fit N_opt and D_opt against C";
        return;
    }
    answer.a = r.a();
    answer.b = r.b();
    for (double C : budgets) {
        answer.nOpt.push_back(r.nFit->at(C));
        answer.dOpt.push_back(r.dFit->at(C));
    }
}

} // namespace

std::vector<ApproachAnswer> compareApproaches(const core::Sweep& sweep, const core::Law& law,
                                              std::span<const double> params,
                                              const std::vector<double>& budgets)
{
    std::vector<ApproachAnswer> out;
    ApproachAnswer three{3, "parametric fit (" + std::string(law.id()) + ")", "", kNaN, kNaN, {}, {}};
    for (double C : budgets) {
        const auto a = core::computeOptimal(law, params, C);
        three.nOpt.push_back(a ? a->N : kNaN);
        three.dOpt.push_back(a ? a->D : kNaN);
    }
    const auto derived = core::derivedQuantities(law, params);
    if (derived.size() >= 2) {
        three.a = derived[0].second;
        three.b = derived[1].second;
    } else if (!budgets.empty()) { // the local slope d ln N_opt / d ln C at the first budget
        const auto lo = core::computeOptimal(law, params, budgets[0] / 1.01);
        const auto hi = core::computeOptimal(law, params, budgets[0] * 1.01);
        if (lo && hi) {
            three.a = std::log(hi->N / lo->N) / std::log(1.01 * 1.01);
            three.b = std::log(hi->D / lo->D) / std::log(1.01 * 1.01);
        }
    }
    out.push_back(std::move(three));

    ApproachAnswer two{2, "IsoFLOP profiles", "", kNaN, kNaN, {}, {}};
    ApproachAnswer one{1, "envelope of training curves", "", kNaN, kNaN, {}, {}};
    const auto iso = core::isoFlopProfiles(sweep, core::IsoFlopOptions{});
    if (iso)
        fromPowerLaws(two, *iso, budgets);
    else
        two.unavailable = iso.error().message;
    const bool curves = std::any_of(sweep.runs.begin(), sweep.runs.end(),
                                    [](const core::Run& r) { return r.pointCount() >= 2; });
    if (!curves) {
        one.unavailable = "the file has final losses only, no training curves";
    } else if (const auto env = core::envelope(sweep, core::EnvelopeOptions{}); env) {
        fromPowerLaws(one, *env, budgets);
    } else {
        one.unavailable = env.error().message;
    }
    out.push_back(std::move(two));
    out.push_back(std::move(one));
    return out;
}

void writeSideBySide(JsonWriter& j, const std::vector<ApproachAnswer>& answers, const std::vector<double>& budgets)
{
    j.key("approaches");
    j.beginArray();
    for (const ApproachAnswer& a : answers) {
        j.beginObject();
        j.key("approach"); j.value(static_cast<double>(a.approach));
        j.key("name"); j.value(a.name);
        if (!a.unavailable.empty()) {
            j.key("unavailable"); j.value(a.unavailable);
        } else {
            j.key("a"); j.value(a.a);
            j.key("b"); j.value(a.b);
            j.key("budgets");
            j.beginArray();
            for (std::size_t k = 0; k < budgets.size(); ++k) {
                j.beginObject();
                j.key("C"); j.value(budgets[k]);
                j.key("N_opt"); j.value(a.nOpt[k]);
                j.key("D_opt"); j.value(a.dOpt[k]);
                j.endObject();
            }
            j.endArray();
        }
        j.endObject();
    }
    j.endArray();
    j.key("N_opt_spread");
    j.beginArray();
    for (std::size_t k = 0; k < budgets.size(); ++k) {
        double lo = kNaN, hi = kNaN;
        for (const ApproachAnswer& a : answers)
            if (a.unavailable.empty() && std::isfinite(a.nOpt[k])) {
                lo = std::isnan(lo) ? a.nOpt[k] : std::min(lo, a.nOpt[k]);
                hi = std::isnan(hi) ? a.nOpt[k] : std::max(hi, a.nOpt[k]);
            }
        j.value(hi / lo);
    }
    j.endArray();
}

void writeSideBySideText(std::ostream& out, const std::vector<ApproachAnswer>& answers, const std::vector<double>& budgets)
{
    out << "side by side:\n";
    for (const ApproachAnswer& a : answers) {
        out << "  approach " << a.approach << " (" << a.name << "): ";
        if (!a.unavailable.empty()) {
            out << "unavailable: " << a.unavailable << '\n';
            continue;
        }
        out << "a = " << core::significantText(a.a, 4) << ", b = " << core::significantText(a.b, 4);
        for (std::size_t k = 0; k < budgets.size(); ++k)
            out << "; at C = " << core::significantText(budgets[k], 4)
                << " N_opt = " << core::significantText(a.nOpt[k], 4)
                << ", D_opt = " << core::significantText(a.dOpt[k], 4);
        out << '\n';
    }
}
