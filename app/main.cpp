// SPDX-License-Identifier: GPL-3.0-or-later
// The ScaleLab GUI: parse the command line, show the main window, open a file or the sample.
#include "ui/CommandLine.h"
#include "ui/MainWindow.h"
#include "ui/StartupDriver.h"

#include <QApplication>
#include <QIcon>
#include <QProcess>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ScaleLab"));
    QApplication::setOrganizationName(QStringLiteral("ScaleLab"));
    QApplication::setApplicationVersion(QStringLiteral(SCALELAB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scalelab.svg")));
    // Matches the window to its desktop entry (icon and grouping on Wayland).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.scalelab.ScaleLab"));

    QString error;
    const auto startup = ui::CommandLine::parse(QApplication::arguments(), &error);
    if (!startup) {
        std::fprintf(stderr, "scalelab: %s\nTry 'scalelab --help'.\n", error.toLocal8Bit().constData());
        return 2;
    }

    // One window per file: a file manager passes every selected file (Exec=scalelab %F); each
    // after the first opens in a ScaleLab process of its own.
    for (const QString& path : startup->morePaths)
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {path}))
            std::fprintf(stderr, "scalelab: could not open %s in a new window\n", path.toLocal8Bit().constData());

    ui::MainWindow window;
    if (startup->screenshot.isEmpty())
        window.restoreLayout();
    window.show();
    auto* driver = new ui::StartupDriver(&window, *startup); // owned by the window
    if (!driver->start() && !startup->screenshot.isEmpty())
        return 1;
    return QApplication::exec();
}
