// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileCommands.h"

#include "JsonWriter.h"

#include "core/alloc/Envelope.h"
#include "core/alloc/FlopModels.h"
#include "core/alloc/IsoFlopProfiles.h"
#include "core/alloc/SweepFlops.h"
#include "core/io/Importers.h"
#include "core/util/NumberText.h"

#include <limits>
#include <optional>

namespace {

int fail(std::ostream& err, const std::string& message)
{
    err << "scalelab-cli: " << message << '\n';
    return 2;
}

/// The file's sweep with its FLOPs counted by --flops (6nd keeps the file's or derived C).
tl::expected<core::Sweep, std::string> loadSweep(const CliOptions& options)
{
    auto sweep = core::importFile(options.file, options.import);
    if (!sweep)
        return tl::make_unexpected(sweep.error().toString());
    const core::FlopModel* model = core::flopModelById(options.optimal.flops);
    if (model == nullptr)
        return tl::make_unexpected("--flops: expected 6nd, kaplan or chinchilla, found '" + options.optimal.flops + "'");
    if (model->id() != "6nd")
        if (auto ok = core::applyFlopModel(*sweep, *model); !ok)
            return tl::make_unexpected(options.file + ": " + ok.error().toString());
    return std::move(*sweep);
}

void powerLaw(JsonWriter& j, const char* key, const std::optional<core::PowerLawInC>& fit)
{
    j.key(key);
    if (!fit) {
        j.value(std::numeric_limits<double>::quiet_NaN()); // written as null
        return;
    }
    j.beginObject();
    j.key("exponent"); j.value(fit->exponent);
    j.key("k"); j.value(fit->k);
    j.key("se_exponent"); j.value(fit->seExponent);
    j.key("r2_log"); j.value(fit->r2);
    j.key("points"); j.value(fit->points);
    j.endObject();
}

/// a, b and the two power laws of an approach-1 or approach-2 result.
template <class Result>
void exponents(JsonWriter& j, const Result& r)
{
    j.key("a"); j.value(r.a());
    j.key("b"); j.value(r.b());
    powerLaw(j, "N_opt_fit", r.nFit);
    powerLaw(j, "D_opt_fit", r.dFit);
}

void strings(JsonWriter& j, const char* key, const std::vector<std::string>& values)
{
    j.key(key);
    j.beginArray();
    for (const auto& v : values)
        j.value(v);
    j.endArray();
}

} // namespace

int runIsoFlopCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    auto sweep = loadSweep(options);
    if (!sweep)
        return fail(err, sweep.error());
    auto r = core::isoFlopProfiles(*sweep, options.profile.isoflop);
    if (!r)
        return fail(err, options.file + ": " + r.error().toString());
    if (options.format == CliOptions::Format::Json) {
        JsonWriter j;
        j.beginObject();
        j.key("flops_formula"); j.value(sweep->conventions.flopFormula);
        j.key("grouping"); j.value(r->grouping);
        j.key("vertex_method"); j.value(r->vertexMethod);
        j.key("budgets");
        j.beginArray();
        for (const core::IsoFlopProfile& p : r->profiles) {
            j.beginObject();
            j.key("C"); j.value(p.C);
            j.key("N_opt"); j.value(p.nOpt);
            j.key("D_opt"); j.value(p.dOpt);
            j.key("loss"); j.value(p.lossOpt);
            j.key("N_opt_ci"); j.beginArray(); j.value(p.nOptInterval[0]); j.value(p.nOptInterval[1]); j.endArray();
            j.key("points"); j.value(p.points());
            j.key("used_in_fit"); j.rawBool(p.usedInFit);
            j.key("warnings");
            j.beginArray();
            for (const core::IsoFlopWarning& w : p.warnings)
                j.value(w.message);
            j.endArray();
            j.endObject();
        }
        j.endArray();
        exponents(j, *r);
        j.key("points_used"); j.value(r->pointsUsed);
        j.key("points_skipped"); j.value(r->pointsSkipped);
        strings(j, "warnings", r->warnings);
        j.endObject();
        out << j.str() << '\n';
    } else {
        out << r->grouping << "; " << r->vertexMethod << '\n';
        for (const core::IsoFlopProfile& p : r->profiles) {
            out << "C = " << core::significantText(p.C, 4) << ": N_opt = " << core::significantText(p.nOpt, 4)
                << " [" << core::significantText(p.nOptInterval[0], 4) << ", "
                << core::significantText(p.nOptInterval[1], 4)
                << "], D_opt = " << core::significantText(p.dOpt, 4)
                << ", loss = " << core::significantText(p.lossOpt, 4) << " (" << p.points() << " runs)\n";
            for (const core::IsoFlopWarning& w : p.warnings)
                out << "  warning: " << w.message << '\n';
        }
        out << "a = " << core::significantText(r->a(), 4) << ", b = " << core::significantText(r->b(), 4)
            << '\n';
        for (const auto& w : r->warnings)
            out << "warning: " << w << '\n';
    }
    return 0;
}

int runEnvelopeCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    auto sweep = loadSweep(options);
    if (!sweep)
        return fail(err, sweep.error());
    auto r = core::envelope(*sweep, options.profile.envelope);
    if (!r)
        return fail(err, options.file + ": " + r.error().toString());
    if (options.format == CliOptions::Format::Json) {
        JsonWriter j;
        j.beginObject();
        j.key("flops_formula"); j.value(sweep->conventions.flopFormula);
        j.key("settings"); j.value(r->settings);
        j.key("budgets");
        j.beginArray();
        for (const core::EnvelopePoint& p : r->points) {
            j.beginObject();
            j.key("C"); j.value(p.C);
            j.key("N_opt"); j.value(p.N);
            j.key("D_opt"); j.value(p.D);
            j.key("loss"); j.value(p.loss);
            j.key("run"); j.value(sweep->runs[p.run].id);
            j.key("points"); j.value(p.candidates);
            j.key("warnings"); j.beginArray(); j.endArray();
            j.endObject();
        }
        j.endArray();
        exponents(j, *r);
        j.key("curves"); j.value(r->curves);
        j.key("runs_skipped"); j.value(r->runsSkipped);
        j.key("distinct_N"); j.value(r->distinctN);
        strings(j, "warnings", r->warnings);
        j.endObject();
        out << j.str() << '\n';
    } else {
        out << r->settings << '\n';
        for (const core::EnvelopePoint& p : r->points)
            out << "C = " << core::significantText(p.C, 4) << ": N = " << core::significantText(p.N, 4)
                << ", D = " << core::significantText(p.D, 4)
                << ", loss = " << core::significantText(p.loss, 4) << " (" << sweep->runs[p.run].id << ")\n";
        out << "a = " << core::significantText(r->a(), 4) << ", b = " << core::significantText(r->b(), 4)
            << '\n';
        for (const auto& w : r->warnings)
            out << "warning: " << w << '\n';
    }
    return 0;
}
