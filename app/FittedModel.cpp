// SPDX-License-Identifier: GPL-3.0-or-later
#include "FittedModel.h"

#include "JsonWriter.h"

#include "core/fit/Laws.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <limits>
#include <sstream>

void writeModelParams(JsonWriter& j, const FittedModel& model)
{
    j.key("params");
    j.beginObject();
    for (std::size_t i = 0; i < model.params.size(); ++i) {
        j.key(model.law->parameters()[i].name);
        j.value(model.params[i]);
    }
    j.endObject();
}

tl::expected<FittedModel, std::string> fittedModelFromParams(const std::string& lawId,
                                                             const std::map<std::string, double>& given,
                                                             core::XQuantity x, const std::string& where)
{
    FittedModel m;
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

tl::expected<FittedModel, std::string> fittedModelFromFile(const std::string& path, const FitCliOptions& fit)
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
    auto model = fittedModelFromParams(doc["law"].GetString(), params, x, path + ": ");
    if (!model || !doc.HasMember("bootstrap") || !doc["bootstrap"].IsObject())
        return model;
    const auto& boot = doc["bootstrap"];
    if (!boot.HasMember("names") || !boot["names"].IsArray() || !boot.HasMember("samples") || !boot["samples"].IsArray())
        return tl::make_unexpected(path + ": bootstrap needs \"names\" and \"samples\"");
    const auto specs = model->law->parameters();
    const auto& names = boot["names"];
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (i >= names.Size() || !names[static_cast<rapidjson::SizeType>(i)].IsString()
            || names[static_cast<rapidjson::SizeType>(i)].GetString() != specs[i].name)
            return tl::make_unexpected(path + ": bootstrap.names must start with the law's parameters in order");
    for (const auto& row : boot["samples"].GetArray()) {
        if (!row.IsArray() || row.Size() != names.Size())
            return tl::make_unexpected(path + ": every bootstrap sample needs one value per name");
        std::vector<double> values;
        for (const auto& v : row.GetArray())
            values.push_back(v.IsNumber() ? v.GetDouble() : std::numeric_limits<double>::quiet_NaN());
        model->draws.push_back(std::move(values));
    }
    return model;
}
