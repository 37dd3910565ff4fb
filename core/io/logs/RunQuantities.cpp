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
        // The keys to try for each run, in order: the given one; else a name-pattern group named
        // after the role, then every key named like the quantity (most specific name first, the
        // key most runs have first). A run takes the first that it has and that reads as a number,
        // so a folder mixing formats (params in one, model_size from a join in another) resolves.
        std::vector<std::string> keys;
        bool given = false;
        if (auto it = options.keys.find(role); it != options.keys.end() && !it->second.empty()) {
            keys.push_back(it->second);
            given = true;
            if (keyRuns.count(it->second) == 0) {
                Error e = Error::forParameter("--key", "no run has a parameter '" + it->second + "' (for "
                                                           + std::string(roleName(role)) + "); parameters: "
                                                           + listKeys(allKeys));
                return tl::unexpected(std::move(e));
            }
        } else {
            if (keyRuns.count(std::string(roleName(role))) > 0)
                keys.emplace_back(roleName(role));
            for (const std::string& name : candidates(role)) {
                std::vector<std::pair<std::size_t, std::string>> named;
                for (const auto& [k, n] : keyRuns)
                    if (leaf(k) == name && k != roleName(role))
                        named.emplace_back(n, k);
                std::stable_sort(named.begin(), named.end(),
                                 [](const auto& a, const auto& b) { return a.first > b.first; });
                for (auto& [n, k] : named)
                    keys.push_back(std::move(k));
            }
        }
        std::size_t fromRun = 0;
        std::vector<std::pair<std::string, std::size_t>> used; // key -> runs it gave, in first-use order
        std::vector<std::string> unreadable;
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
            std::string firstUnreadable;
            for (const std::string& key : keys) {
                const auto found = attributes[i].find(key);
                if (found == attributes[i].end())
                    continue;
                const double v = numberOf(found->second);
                if (std::isnan(v)) {
                    if (firstUnreadable.empty())
                        firstUnreadable = "'" + key + "' = '" + attributeToString(found->second) + "'";
                    continue;
                }
                out.m_values[i][r] = v;
                auto u = std::find_if(used.begin(), used.end(), [&](const auto& p) { return p.first == key; });
                if (u == used.end())
                    used.emplace_back(key, 1);
                else
                    ++u->second;
                break;
            }
            if (std::isnan(out.m_values[i][r]) && !firstUnreadable.empty())
                unreadable.push_back(run.name + " (" + firstUnreadable + ")");
        }
        const std::string q(roleName(role));
        std::size_t fromKey = 0;
        std::string usedText;
        bool noEmbed = false;
        for (const auto& [key, n] : used) {
            fromKey += n;
            out.m_notes.push_back(q + " from '" + key + "'" + (given ? "" : " (detected)") + " for "
                                  + std::to_string(n) + " of " + std::to_string(runs.size()) + " runs");
            usedText += (usedText.empty() ? "" : ", ") + ("'" + key + "'")
                        + (used.size() > 1 ? " (" + std::to_string(n) + " runs)" : std::string());
            std::string lowered = key;
            for (char& c : lowered)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            noEmbed = noEmbed || lowered.find("no_embed") != std::string::npos
                      || lowered.find("non_embed") != std::string::npos || lowered.find("nonembed") != std::string::npos;
        }
        if (!used.empty())
            out.m_roleColumns[role] = std::max_element(used.begin(), used.end(), [](const auto& a, const auto& b) {
                                          return a.second < b.second;
                                      })->first;
        if (!unreadable.empty()) {
            std::string list;
            for (std::size_t k = 0; k < unreadable.size() && k < 8; ++k)
                list += (k == 0 ? "" : ", ") + unreadable[k];
            out.m_notes.push_back(q + " is not a number for " + std::to_string(unreadable.size()) + " runs: " + list);
        }
        if (role == Role::N) {
            const std::size_t known = fromRun + fromKey;
            if (known < runs.size())
                out.m_notes.push_back("N is unknown for " + std::to_string(runs.size() - known) + " of "
                                      + std::to_string(runs.size())
                                      + " runs (give --key N=<param>, --name-pattern or --join)");
            if (fromKey > 0)
                out.m_conventions.parameterCount =
                    std::string(noEmbed ? "without embeddings, " : "") + "as given in " + usedText;
        }
        if (role == Role::C && fromKey > 0)
            out.m_conventions.flopFormula = "as given in " + usedText;
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
