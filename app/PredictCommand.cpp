// SPDX-License-Identifier: GPL-3.0-or-later
#include "PredictCommand.h"

#include "JsonWriter.h"

#include "core/fit/Laws.h"
#include "core/plot/PlotPoints.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

namespace {

/// What predict evaluates: a law, all its parameters in order, and the power law's x quantity.
struct Model {
    const core::Law* law = nullptr;
    std::vector<double> params;
    core::XQuantity x = core::XQuantity::N;
};

tl::expected<Model, std::string> modelFrom(const std::string& lawId, const std::map<std::string, double>& given,
                                           core::XQuantity x, const std::string& where)
{
    Model m;
    m.x = x;
    m.law = core::lawById(lawId);
    if (m.law == nullptr)
        return tl::make_unexpected(where + "unknown law '" + lawId + "'");
    for (const auto& [name, value] : given) {
        if (!m.law->parameterIndex(name))
            return tl::make_unexpected(where + "law " + lawId + " has no parameter '" + name + "'");
    }
    for (const core::ParameterSpec& s : m.law->parameters()) {
        const auto it = given.find(s.name);
        if (it == given.end())
            return tl::make_unexpected(where + "missing parameter '" + s.name + "' of law " + lawId);
        m.params.push_back(it->second);
    }
    return m;
}

tl::expected<Model, std::string> modelFromFitFile(const std::string& path, const FitCliOptions& fit)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return tl::make_unexpected("--fit: cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document doc;
    const std::string json = text.str();
    doc.Parse<rapidjson::kParseNanAndInfFlag>(json.c_str(), json.size());
    if (doc.HasParseError())
        return tl::make_unexpected(path + ": not a fit result: JSON error at offset " + std::to_string(doc.GetErrorOffset())
                                   + ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    if (!doc.IsObject() || !doc.HasMember("law") || !doc["law"].IsString() || !doc.HasMember("params")
        || !doc["params"].IsObject())
        return tl::make_unexpected(path + ": not a fit result (needs \"law\" and \"params\")");
    std::map<std::string, double> params;
    for (const auto& p : doc["params"].GetObject()) {
        if (!p.value.IsNumber())
            return tl::make_unexpected(path + ": parameter '" + p.name.GetString() + "' is not a number");
        params[p.name.GetString()] = p.value.GetDouble();
    }
    core::XQuantity x = fit.selection.x;
    if (!fit.xGiven && doc.HasMember("settings") && doc["settings"].IsObject() && doc["settings"].HasMember("x")
        && doc["settings"]["x"].IsString()) {
        const auto q = core::xQuantityFromName(doc["settings"]["x"].GetString());
        if (!q)
            return tl::make_unexpected(path + ": settings.x must be N, D or C");
        x = *q;
    }
    return modelFrom(doc["law"].GetString(), params, x, path + ": ");
}

/// The law's inputs at one --at point; an error names what is missing or not > 0.
tl::expected<core::LawPoint, std::string> pointFrom(const std::map<std::string, double>& at, const Model& m, std::size_t k)
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
                           ? modelFrom(options.fit.law, options.predict.params, options.fit.selection.x, "")
                           : modelFromFitFile(options.predict.fitFile, options.fit);
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
        j.key("params");
        j.beginObject();
        for (std::size_t i = 0; i < model->params.size(); ++i) {
            j.key(model->law->parameters()[i].name);
            j.value(model->params[i]);
        }
        j.endObject();
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
