// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/Role.h"

#include <algorithm>
#include <cctype>

namespace core {

std::string_view roleName(Role r)
{
    switch (r) {
    case Role::N: return "N";
    case Role::D: return "D";
    case Role::C: return "C";
    case Role::Budget: return "budget";
    case Role::Loss: return "loss";
    case Role::Run: return "run";
    case Role::Step: return "step";
    case Role::UniqueTokens: return "unique_tokens";
    }
    return "?";
}

std::optional<Role> roleFromName(std::string_view name)
{
    auto lower = [](std::string_view s) {
        std::string out(s);
        std::transform(out.begin(), out.end(), out.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return out;
    };
    const std::string wanted = lower(name);
    for (Role r : kAllRoles)
        if (lower(roleName(r)) == wanted)
            return r;
    return std::nullopt;
}

} // namespace core
