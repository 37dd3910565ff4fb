// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace ui {

std::optional<StartupOptions> CommandLine::parse(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Explore neural scaling-law sweeps on log-log charts."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption where(QStringList{QStringLiteral("where")},
                                   QCoreApplication::translate("CommandLine", "Keep only rows where COLUMN equals VALUE (repeatable)."),
                                   QStringLiteral("COLUMN=VALUE"));
    const QCommandLineOption runKey(QStringList{QStringLiteral("run-key")},
                                    QCoreApplication::translate("CommandLine", "Columns that together identify a run, joined by '+'."),
                                    QStringLiteral("A+B"));
    const QCommandLineOption screenshot(QStringList{QStringLiteral("screenshot")},
                                        QCoreApplication::translate("CommandLine", "After the first load, save the window to FILE.png and quit."),
                                        QStringLiteral("FILE.png"));
    parser.addOption(where);
    parser.addOption(runKey);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("CommandLine", "Run table to open (default: the bundled sample)."),
                                 QStringLiteral("[file]"));
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();

    StartupOptions out;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error = QCoreApplication::translate("CommandLine", "Expected at most one file, got %1.").arg(positional.size());
        return std::nullopt;
    }
    if (!positional.isEmpty())
        out.path = positional.front();
    for (const QString& w : parser.values(where)) {
        const qsizetype eq = w.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QCoreApplication::translate("CommandLine", "--where expects COLUMN=VALUE, got \"%1\".").arg(w);
            return std::nullopt;
        }
        out.options.filters.push_back({w.left(eq).toStdString(), w.mid(eq + 1).toStdString(), true});
    }
    if (parser.isSet(runKey))
        for (const QString& k : parser.value(runKey).split(QLatin1Char('+'), Qt::SkipEmptyParts))
            out.options.runKey.push_back(k.trimmed().toStdString());
    out.screenshot = parser.value(screenshot);
    return out;
}

} // namespace ui
