// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/ColumnDetector.h"

#include <array>
#include <cctype>

namespace core {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

constexpr std::array<std::string_view, 5> kN{"N", "params", "n_params", "num_params", "Model Size"};
constexpr std::array<std::string_view, 4> kD{"D", "tokens", "n_tokens", "train_tokens"};
constexpr std::array<std::string_view, 4> kC{"C", "flops", "compute", "Training FLOP"};
constexpr std::array<std::string_view, 1> kBudget{"budget"};
constexpr std::array<std::string_view, 7> kLoss{"loss",      "val_loss",   "val/loss",     "eval/loss",
                                                "eval_loss", "train/loss", "train/lm_loss"};
constexpr std::array<std::string_view, 3> kRun{"run", "name", "run_id"};
constexpr std::array<std::string_view, 1> kStep{"step"};
constexpr std::array<std::string_view, 4> kUniqueTokens{"unique_tokens", "unique tokens", "U_D", "UD"};

} // namespace

std::span<const std::string_view> roleAliases(Role role)
{
    switch (role) {
    case Role::N: return kN;
    case Role::D: return kD;
    case Role::C: return kC;
    case Role::Budget: return kBudget;
    case Role::Loss: return kLoss;
    case Role::Run: return kRun;
    case Role::Step: return kStep;
    case Role::UniqueTokens: return kUniqueTokens;
    }
    return {};
}

int findColumn(const std::vector<std::string>& columns, std::string_view name)
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (equalsIgnoreCase(columns[i], name))
            return static_cast<int>(i);
    return -1;
}

std::string listColumns(const std::vector<std::string>& columns)
{
    if (columns.empty())
        return "(none)";
    std::string out;
    for (const std::string& c : columns) {
        if (!out.empty())
            out += ", ";
        out += c;
    }
    return out;
}

tl::expected<ColumnDetection, Error>
detectColumns(const std::vector<std::string>& columns, const ImportOptions& options,
              const std::string& file)
{
    ColumnDetection detection;
    std::vector<bool> taken(columns.size(), false);
    for (const auto& [role, name] : options.columns) {
        const int index = findColumn(columns, name);
        if (index < 0) {
            Error error;
            error.file = file;
            error.parameter = "--columns";
            error.message = "column '" + name + "' given for role " + std::string(roleName(role))
                            + " does not exist; available columns: " + listColumns(columns);
            return tl::unexpected(std::move(error));
        }
        detection.roles[role] = columns[static_cast<std::size_t>(index)];
        taken[static_cast<std::size_t>(index)] = true;
    }
    for (Role role : kAllRoles) {
        if (detection.roles.count(role) != 0)
            continue;
        std::vector<std::size_t> matches; // in alias order
        for (std::string_view alias : roleAliases(role))
            for (std::size_t i = 0; i < columns.size(); ++i)
                if (!taken[i] && equalsIgnoreCase(columns[i], alias))
                    matches.push_back(i);
        if (matches.empty())
            continue;
        detection.roles[role] = columns[matches.front()];
        taken[matches.front()] = true;
        if (matches.size() > 1) {
            std::vector<std::string> names;
            for (std::size_t i : matches)
                names.push_back(columns[i]);
            detection.unsure = true;
            detection.notes.push_back("several columns could be " + std::string(roleName(role))
                                      + " (" + listColumns(names) + "); using '"
                                      + columns[matches.front()] + "'");
        }
    }
    if (detection.roles.count(Role::Loss) == 0) {
        detection.unsure = true;
        detection.notes.push_back("no loss column found; columns: " + listColumns(columns));
    }
    if (detection.roles.count(Role::N) == 0 && detection.roles.count(Role::D) == 0
        && detection.roles.count(Role::C) == 0) {
        detection.unsure = true;
        detection.notes.push_back("no N, D or C column found; columns: " + listColumns(columns));
    }
    return detection;
}

} // namespace core
