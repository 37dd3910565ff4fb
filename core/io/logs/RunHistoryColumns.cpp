// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunHistoryColumns.h"

#include "core/io/ColumnDetector.h"

#include <array>
#include <cctype>

namespace core {

namespace {

constexpr std::array<std::string_view, 6> kStepNames{
    "_step", "step", "global_step", "trainer/global_step", "iteration", "iter"};
constexpr std::array<std::string_view, 5> kTokensNames{"tokens", "num_tokens", "tokens_seen",
                                                       "num_input_tokens_seen", "trainer/tokens"};

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

} // namespace

int historyStepRank(std::string_view name)
{
    for (std::size_t i = 0; i < kStepNames.size(); ++i)
        if (equalsIgnoreCase(name, kStepNames[i]))
            return static_cast<int>(i);
    return -1;
}

int findHistoryStepColumn(const std::vector<std::string>& columns)
{
    int best = -1;
    int bestRank = static_cast<int>(kStepNames.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int rank = historyStepRank(columns[i]);
        if (rank >= 0 && rank < bestRank) {
            best = static_cast<int>(i);
            bestRank = rank;
        }
    }
    return best;
}

bool isHistoryTokensName(std::string_view name)
{
    for (std::string_view tokens : kTokensNames)
        if (equalsIgnoreCase(name, tokens))
            return true;
    return false;
}

bool isHistorySkippedName(std::string_view name)
{
    if (name.empty() || name == "_runtime" || name == "_timestamp")
        return true;
    constexpr std::string_view kWandb = "_wandb";
    return name.substr(0, kWandb.size()) == kWandb &&
           (name.size() == kWandb.size() || name[kWandb.size()] == '.' || name[kWandb.size()] == '/');
}

std::string historyStepNames()
{
    std::string out;
    for (std::string_view name : kStepNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

bool looksLikeRunHistory(const std::vector<std::string>& columns)
{
    const int step = findHistoryStepColumn(columns);
    if (step < 0)
        return false;
    bool metric = false;
    for (std::size_t i = 0; i < columns.size(); ++i)
        metric = metric || (static_cast<int>(i) != step && !isHistoryTokensName(columns[i]) &&
                            !isHistorySkippedName(columns[i]));
    if (!metric)
        return false;
    auto detection = detectColumns(columns, ImportOptions{}, std::string());
    if (!detection)
        return false;
    const auto& roles = detection->roles;
    if (roles.count(Role::N) != 0 || roles.count(Role::C) != 0 || roles.count(Role::Run) != 0)
        return false;
    const auto d = roles.find(Role::D);
    return d == roles.end() || isHistoryTokensName(d->second);
}

} // namespace core
