// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>

namespace core {

/// How the numbers of a sweep are to be read; recorded with every sweep and, later, every result.
struct Conventions {
    /// Whether N counts embedding parameters: "as given" unless the user or the importer knows.
    std::string parameterCount = "as given";
    /// How C was obtained: "C = 6ND" when the importer derived C (or D from C), "as given in column
    /// '<name>'" when the file had FLOPs, "none" when the sweep has no C.
    std::string flopFormula = "none";
    /// Role name -> formula for each quantity the importer derived, e.g. {"D": "C/(6N)"}.
    std::map<std::string, std::string> derived;
};

} // namespace core
