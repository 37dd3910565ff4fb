// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunQuantities.h"

#include "core/io/logs/SizeText.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Key names that hold each quantity, most specific first (compared with the key's last
/// '.'- or '/'-separated part, lower-cased).
std::vector<std::string> candidates(Role role)
{
    switch (role) {
    case Role::N:
        return {"n_params", "num_params", "nparams", "num_parameters", "n_parameters", "params", "parameters",
                "param_count", "model_params", "model_size"};
    case Role::D:
        return {"train_tokens", "training_tokens", "num_tokens", "total_tokens", "n_tokens", "tokens",
                "num_input_tokens_seen", "dataset_size"};
    case Role::C:
        return {"training_flops", "train_flops", "total_flops", "flops", "compute"};
    case Role::Budget:
        return {"budget", "flop_budget", "compute_budget"};
    case Role::UniqueTokens:
        return {"unique_tokens", "tokens_per_epoch"};
    default:
        return {};
    }
}

std::string leaf(const std::string& key)
{
    const std::size_t cut = key.find_last_of("./");
    std::string out = cut == std::string::npos ? key : key.substr(cut + 1);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

double numberOf(const AttributeValue& value)
{
    if (const double* d = std::get_if<double>(&value))
        return *d;
    return parseSizeText(std::get<std::string>(value)).value_or(kNaN);
}

std::string listKeys(const std::set<std::string>& keys)
{
    std::string out;
    std::size_t n = 0;
    for (const std::string& k : keys) {
        if (n++ == 20) {
            out += ", ...";
            break;
        }
        out += (out.empty() ? "" : ", ") + k;
    }
    return out.empty() ? "(none)" : out;
}

} // namespace

tl::expected<RunQuantities, Error>
RunQuantities::resolve(const std::vector<LoggedRun>& runs,
                       const std::vector<std::map<std::string, AttributeValue>>& attributes,
                       const RunMetadataOptions& options)
{
    RunQuantities out;
    out.m_tokensPerStep = options.tokensPerStep;
    out.m_values.assign(runs.size(), {kNaN, kNaN, kNaN, kNaN, kNaN});
    std::map<std::string, std::size_t> keyRuns; // key -> runs having it
    for (const auto& a : attributes)
        for (const auto& [key, value] : a)
            ++keyRuns[key];
    std::set<std::string> allKeys;
    for (const auto& [key, n] : keyRuns)
        allKeys.insert(key);

    for (std::size_t r = 0; r < kRoles.size(); ++r) {
        const Role role = kRoles[r];
        std::string key;
        bool given = false;
        if (auto it = options.keys.find(role); it != options.keys.end() && !it->second.empty()) {
            key = it->second;
            given = true;
            if (keyRuns.count(key) == 0) {
                Error e = Error::forParameter("--key", "no run has a parameter '" + key + "' (for "
                                                           + std::string(roleName(role)) + "); parameters: "
                                                           + listKeys(allKeys));
                return tl::unexpected(std::move(e));
            }
        } else if (keyRuns.count(std::string(roleName(role))) > 0) {
            key = std::string(roleName(role)); // a name-pattern group such as (?<N>...)
        } else {
            for (const std::string& name : candidates(role)) {
                std::size_t best = 0;
                for (const auto& [k, n] : keyRuns)
                    if (leaf(k) == name && n > best) {
                        best = n;
                        key = k;
                    }
                if (!key.empty())
                    break;
            }
        }
        std::size_t fromRun = 0, fromKey = 0;
        std::vector<std::string> unreadable, missing;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const LoggedRun& run = runs[i];
            const double own = role == Role::N   ? run.N
                               : role == Role::D ? run.D
                               : role == Role::C ? run.C
                               : role == Role::Budget ? run.budget
                                                      : run.U;
            if (std::isfinite(own)) {
                out.m_values[i][r] = own;
                ++fromRun;
                continue;
            }
            if (key.empty())
                continue;
            const auto found = attributes[i].find(key);
            if (found == attributes[i].end()) {
                missing.push_back(run.name);
                continue;
            }
            const double v = numberOf(found->second);
            if (std::isnan(v))
                unreadable.push_back(run.name + " ('" + attributeToString(found->second) + "')");
            else {
                out.m_values[i][r] = v;
                ++fromKey;
            }
        }
        const std::string q(roleName(role));
        if (fromKey > 0) {
            out.m_roleColumns[role] = key;
            out.m_notes.push_back(q + " from '" + key + "'" + (given ? "" : " (detected)") + " for "
                                  + std::to_string(fromKey) + " of " + std::to_string(runs.size()) + " runs");
        }
        if (!unreadable.empty()) {
            std::string list;
            for (std::size_t k = 0; k < unreadable.size() && k < 8; ++k)
                list += (k == 0 ? "" : ", ") + unreadable[k];
            out.m_notes.push_back(q + ": '" + key + "' is not a number for " + std::to_string(unreadable.size())
                                  + " runs: " + list);
        }
        if (role == Role::N) {
            const std::size_t known = fromRun + fromKey;
            if (known < runs.size())
                out.m_notes.push_back("N is unknown for " + std::to_string(runs.size() - known) + " of "
                                      + std::to_string(runs.size())
                                      + " runs (give --key N=<param>, --name-pattern or --join)");
            if (fromKey > 0) {
                const std::string k = [&] {
                    std::string s = key;
                    for (char& c : s)
                        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    return s;
                }();
                const bool noEmbed = k.find("no_embed") != std::string::npos || k.find("non_embed") != std::string::npos
                                     || k.find("nonembed") != std::string::npos;
                out.m_conventions.parameterCount = std::string(noEmbed ? "without embeddings, " : "")
                                                   + "as given in '" + key + "'";
            }
        }
        if (role == Role::C && fromKey > 0)
            out.m_conventions.flopFormula = "as given in '" + key + "'";
    }

    for (std::size_t i = 0; i < runs.size() && !out.m_hasTokens; ++i) {
        if (std::isfinite(out.m_values[i][1]))
            out.m_hasTokens = true;
        for (const LoggedSeries& s : runs[i].series)
            if (std::any_of(s.tokens.begin(), s.tokens.end(), [](double t) { return std::isfinite(t); }))
                out.m_hasTokens = true;
    }
    if (options.tokensPerStep > 0) {
        out.m_hasTokens = true;
        const std::string formula = "step × " + attributeToString(AttributeValue{options.tokensPerStep});
        out.m_conventions.derived["D"] = formula;
        out.m_roleColumns[Role::D] = formula;
        out.m_notes.push_back("tokens = " + formula + " where the log has no token count");
    }
    if (out.m_conventions.flopFormula == "none" && out.m_hasTokens) {
        out.m_conventions.flopFormula = "C = 6ND";
        out.m_conventions.derived["C"] = "6ND";
    }
    return out;
}

RunQuantities::Values RunQuantities::values(std::size_t run) const
{
    const auto& v = m_values[run];
    return Values{v[0], v[1], v[2], v[3], v[4]};
}

double RunQuantities::pointTokens(std::size_t run, const LoggedSeries& series, std::size_t k) const
{
    if (std::isfinite(series.tokens[k]))
        return series.tokens[k];
    if (m_tokensPerStep > 0 && std::isfinite(series.step[k]))
        return series.step[k] * m_tokensPerStep;
    if (series.size() == 1)
        return m_values[run][1];
    return kNaN;
}

} // namespace core
