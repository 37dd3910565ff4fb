// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Role.h"

#include <map>
#include <string>
#include <vector>

namespace core {

/// Which column got which role, and whether a person should confirm it.
/// `unsure` is true when no loss column or no N/D/C column was found, or when several columns
/// matched one role; `notes` says which, in words fit for a dialog or stderr.
struct ColumnDetection {
    std::map<Role, std::string> roles;
    std::vector<std::string> notes;
    bool unsure = false;
};

/// The head of a table for a column-mapping dialog: column names, the first rows as text, detection.
struct TablePreview {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    ColumnDetection detection;
};

} // namespace core
