// SPDX-License-Identifier: GPL-3.0-or-later
#include "PredictCommand.h"

#include "FittedModel.h"
#include "JsonWriter.h"

#include "core/plot/PlotPoints.h"


#include <cmath>
#include <cstdio>
#include <vector>

namespace {

/// The law's inputs at one --at point; an error names what is missing or not > 0.
tl::expected<core::LawPoint, std::string> pointFrom(const std::map<std::string, double>& at, const FittedModel& m, std::size_t k)
{
    auto get = [&](const char* key) -> tl::expected<double, std::string> {
        const auto it = at.find(key);
        if (it == at.end())
            return tl::make_unexpected("--at #" + std::to_string(k + 1) + ": missing " + key);
        if (!(std::isfinite(it->second) && it->second > 0.0))
            return tl::make_unexpected("--at #" + std::to_string(k + 1) + ": " + key + " must be > 0");
        return it->second;
    };
    core::LawPoint p;
    if (m.law->usesX()) {
        const std::string name(core::xQuantityName(m.x));
        auto v = get(name.c_str());
        if (!v)
            return tl::make_unexpected(v.error() + " (the power law's x is " + name + ")");
        p.x = *v;
    } else {
        auto n = get("N");
        auto d = get("D");
        if (!n)
            return tl::make_unexpected(n.error());
        if (!d)
            return tl::make_unexpected(d.error());
        p.N = *n;
        p.D = *d;
        p.C = 6.0 * p.N * p.D;
    }
    return p;
}

} // namespace

int runPredictCommand(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    const auto model = options.predict.fitFile.empty()
                           ? fittedModelFromParams(options.fit.law, options.predict.params, options.fit.selection.x, "")
                           : fittedModelFromFile(options.predict.fitFile, options.fit);
    if (!model) {
        err << "scalelab-cli: " << model.error() << '\n';
        return 2;
    }
    std::vector<std::pair<std::map<std::string, double>, double>> rows;
    for (std::size_t k = 0; k < options.predict.at.size(); ++k) {
        const auto p = pointFrom(options.predict.at[k], *model, k);
        if (!p) {
            err << "scalelab-cli: " << p.error() << '\n';
            return 2;
        }
        rows.emplace_back(options.predict.at[k], model->law->eval(model->params, *p));
    }
    if (options.format == CliOptions::Format::Json) {
        JsonWriter j;
        j.beginObject();
        j.key("law"); j.value(model->law->id());
        writeModelParams(j, *model);
        j.key("predictions");
        j.beginArray();
        for (const auto& [at, loss] : rows) {
            j.beginObject();
            for (const auto& [key, value] : at) {
                j.key(key);
                j.value(value);
            }
            j.key("loss"); j.value(loss);
            j.endObject();
        }
        j.endArray();
        j.endObject();
        out << j.str() << '\n';
    } else {
        for (const auto& [at, loss] : rows) {
            for (const auto& [key, value] : at) {
                char buf[48];
                std::snprintf(buf, sizeof buf, "%s=%.6g ", key.c_str(), value);
                out << buf;
            }
            char buf[48];
            std::snprintf(buf, sizeof buf, "loss=%.10g", loss);
            out << buf << '\n';
        }
    }
    return 0;
}
