// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"
#include "core/data/Conventions.h"
#include "core/data/Role.h"
#include "core/io/ImportOptions.h"
#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace core {

/// N, D, C, budget and U of each logged run, and the token count of each point: from the run
/// itself (LoggedRun::N...), else from an attribute: the key in RunMetadataOptions::keys, else
/// the first that the run has of a name-pattern group named N, D, C, budget or unique_tokens and
/// the keys named like the quantity (n_params, params, model_size; train_tokens, tokens...).
/// Text values are read with their size suffix ("70m"). Pure after resolve(); const use from
/// several threads is safe.
class RunQuantities {
public:
    struct Values {
        double N, D, C, budget, U;
    };

    /// `attributes[i]` are run i's attributes (params, join, pattern). Error (parameter --key)
    /// when options.keys names a key no run has, listing the keys there are.
    [[nodiscard]] static tl::expected<RunQuantities, Error>
    resolve(const std::vector<LoggedRun>& runs, const std::vector<std::map<std::string, AttributeValue>>& attributes,
            const RunMetadataOptions& options);

    [[nodiscard]] Values values(std::size_t run) const;
    /// Tokens at point k of `series` of run `run`: the log's own count, else step × tokens per
    /// step, else (a one-point series) the run's D; NaN when none applies.
    [[nodiscard]] double pointTokens(std::size_t run, const LoggedSeries& series, std::size_t k) const;
    /// True when any point can have a token count (so a point without one is left out).
    [[nodiscard]] bool hasTokens() const { return m_hasTokens; }
    [[nodiscard]] std::vector<std::string> notes() const { return m_notes; }
    [[nodiscard]] Conventions conventions() const { return m_conventions; }
    /// Role -> where it came from ("model_size", "step × 2097152"), for Sweep::roleColumns.
    [[nodiscard]] const std::map<Role, std::string>& roleColumns() const { return m_roleColumns; }

private:
    static constexpr std::array<Role, 5> kRoles{Role::N, Role::D, Role::C, Role::Budget, Role::UniqueTokens};

    std::vector<std::array<double, 5>> m_values; ///< per run, in kRoles order
    double m_tokensPerStep = 0;
    bool m_hasTokens = false;
    std::vector<std::string> m_notes;
    Conventions m_conventions;
    std::map<Role, std::string> m_roleColumns;
};

} // namespace core
