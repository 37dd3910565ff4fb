// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/CommandLine.h"

#include <QObject>

namespace ui {

class MainWindow;

/// Carries out the GUI's command line on a window: offers to recover a crashed session's unsaved
/// edits (only when no file is named and no screenshot is asked for), opens the file or the
/// bundled sample, applies --law/--objective/--drop-top/--x/--budget/--view/--presentation once
/// the data has loaded
/// (as the starting state: the undo stack is cleared), and for --screenshot waits for the fit and
/// its bootstrap to land, saves the window as PNG and quits with 0 (1 when the load or the write
/// failed). A child of the window; GUI thread only.
class StartupDriver : public QObject {
    Q_OBJECT
public:
    StartupDriver(MainWindow* window, StartupOptions options);

    /// Starts; false when nothing could be started (an error was reported).
    bool start();
    /// Asks whether to recover a crashed session (Recover / Discard / Later); true when a recovery
    /// load was started.
    bool offerRecovery();

private:
    void applyOnLoad();
    void screenshotOnLoad();
    void grabAndExit(bool ok);

    MainWindow* m_window;
    StartupOptions m_options;
};

} // namespace ui
