// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ui {

/// What the GUI was asked to do at start-up.
struct StartupOptions {
    QString path;                ///< file to open; empty = the bundled sample
    QStringList morePaths;       ///< further files: each opens in a window of its own (a new process)
    core::ImportOptions options; ///< from --where, --run-key, --metric and --tokens-per-step
    QString screenshot;          ///< --screenshot FILE.png: grab the window after the first load and quit
    QString view;                ///< --view loss|isoflop|allocation|residuals (empty: the default)
    QString x;                   ///< --x N|D|C (empty: the default for the data)
    QString law;                 ///< --law ID (empty: the default for the data)
    QString objective;           ///< --objective lsq-log|lsq|huber-log (empty: the default)
    int dropTop = 0;             ///< --drop-top K: leave the K highest final losses out of the fit
    std::optional<double> budget; ///< --budget C in FLOPs (e.g. 5.76e23)
    bool presentation = false;   ///< --presentation: start in presentation mode
};

/// The GUI's command line (QCommandLineParser): [FILE] --where COLUMN=VALUE (repeatable)
/// --run-key A+B --screenshot FILE.png --view V --x Q --law ID --objective O --drop-top K
/// --budget C --metric NAME --tokens-per-step T --presentation, plus
/// --help and --version. Values of --view, --x and --budget are checked here; --law against the
/// registry when it is applied. Stateless; GUI thread.
class CommandLine {
public:
    /// Parses `arguments` (argv including the program name). --help and --version print and exit
    /// the process like QCommandLineParser::process. On a bad option returns nullopt and sets
    /// `error` to a one-line message.
    static std::optional<StartupOptions> parse(const QStringList& arguments, QString* error);
};

} // namespace ui
