// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FitCliOptions.h"
#include "LogCliOptions.h"
#include "OptimalCliOptions.h"
#include "PredictCliOptions.h"
#include "ProfileCliOptions.h"

#include "core/io/ImportOptions.h"

#include <tl/expected.hpp>

#include <map>
#include <string>
#include <vector>

/// The parsed command line of scalelab-cli. Parsing never exits or prints: a usage error comes back
/// as a message for stderr (the caller exits with status 2).
struct CliOptions {
    enum class Command { Help, Version, Info, Fit, Predict, Optimal, IsoFlop, Envelope };
    enum class Format { Text, Json };

    Command command = Command::Help;
    std::string file;
    core::ImportOptions import;
    std::map<std::string, std::string> xyColumns; ///< --columns x=NAME,y=NAME (for --law formula)
    Format format = Format::Text;
    FitCliOptions fit;         ///< for `fit` (and --law/--x for `predict`)
    PredictCliOptions predict; ///< for `predict` (--fit and --params also for `optimal`)
    OptimalCliOptions optimal; ///< for `optimal` (--flops also for `isoflop` and `envelope`)
    ProfileCliOptions profile; ///< for `isoflop` and `envelope`
    LogCliOptions logs;        ///< run-log and folder options, written into import.logs

    /// Parses argv (argv[0] is the program name).
    [[nodiscard]] static tl::expected<CliOptions, std::string> parse(const std::vector<std::string>& args);
    /// The --help text.
    [[nodiscard]] static std::string usage();
};
