// SPDX-License-Identifier: GPL-3.0-or-later
// scalelab-cli: the ScaleLab core, headless, for scripts and CI.
#include "CliOptions.h"
#include "FitCommand.h"
#include "InfoCommand.h"
#include "OptimalCommand.h"
#include "PredictCommand.h"
#include "ProfileCommands.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    try {
        const std::vector<std::string> args(argv, argv + argc);
        const auto options = CliOptions::parse(args);
        if (!options) {
            std::cerr << "scalelab-cli: " << options.error() << '\n';
            return 2;
        }
        switch (options->command) {
        case CliOptions::Command::Help:
            std::cout << CliOptions::usage();
            return 0;
        case CliOptions::Command::Version:
            std::cout << "scalelab-cli " << SCALELAB_VERSION << '\n';
            return 0;
        case CliOptions::Command::Info:
            return runInfoCommand(*options, std::cout, std::cerr);
        case CliOptions::Command::Fit:
            return runFitCommand(*options, std::cout, std::cerr);
        case CliOptions::Command::Predict:
            return runPredictCommand(*options, std::cout, std::cerr);
        case CliOptions::Command::Optimal:
            return runOptimalCommand(*options, std::cout, std::cerr);
        case CliOptions::Command::IsoFlop:
            return runIsoFlopCommand(*options, std::cout, std::cerr);
        case CliOptions::Command::Envelope:
            return runEnvelopeCommand(*options, std::cout, std::cerr);
        }
    } catch (const std::exception& e) { // e.g. std::bad_alloc on a file larger than memory
        std::cerr << "scalelab-cli: " << e.what() << '\n';
        return 2;
    }
    return 2;
}
