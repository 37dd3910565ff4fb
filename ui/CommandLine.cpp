// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>

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
    const QCommandLineOption view(QStringList{QStringLiteral("view")},
                                  QCoreApplication::translate("CommandLine", "Start in a view: loss, isoflop, allocation or residuals."),
                                  QStringLiteral("VIEW"));
    const QCommandLineOption xAxis(QStringList{QStringLiteral("x")},
                                   QCoreApplication::translate("CommandLine", "Plot against N, D or C."), QStringLiteral("Q"));
    const QCommandLineOption law(QStringList{QStringLiteral("law")},
                                 QCoreApplication::translate("CommandLine", "Fit this law (e.g. chinchilla, power)."), QStringLiteral("ID"));
    const QCommandLineOption objective(QStringList{QStringLiteral("objective")},
                                       QCoreApplication::translate("CommandLine", "Fit objective: lsq-log, lsq or huber-log."),
                                       QStringLiteral("O"));
    const QCommandLineOption dropTop(QStringList{QStringLiteral("drop-top")},
                                     QCoreApplication::translate("CommandLine", "Leave the K highest final losses out of the fit."),
                                     QStringLiteral("K"));
    const QCommandLineOption budget(QStringList{QStringLiteral("budget")},
                                    QCoreApplication::translate("CommandLine", "Training budget C in FLOPs (e.g. 5.76e23)."),
                                    QStringLiteral("C"));
    const QCommandLineOption metric(QStringList{QStringLiteral("metric")},
                                    QCoreApplication::translate("CommandLine", "Run logs: the metric used as loss."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption tokensPerStep(QStringList{QStringLiteral("tokens-per-step")},
                                           QCoreApplication::translate("CommandLine", "Run logs: tokens = step x T where the log has no token counts."),
                                           QStringLiteral("T"));
    const QCommandLineOption presentation(QStringList{QStringLiteral("presentation")},
                                          QCoreApplication::translate("CommandLine", "Start in presentation mode."));
    parser.addOption(where);
    parser.addOption(runKey);
    parser.addOption(screenshot);
    for (const QCommandLineOption* o : {&view, &xAxis, &law, &objective, &dropTop, &budget, &metric, &tokensPerStep, &presentation})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("CommandLine", "Run table, run log or folder of runs to open (default: the bundled sample)."),
                                 QStringLiteral("[file...]"));
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
    if (!positional.isEmpty())
        out.path = positional.front();
    out.morePaths = positional.mid(1); // a file manager's "Open with" on several files (Exec=scalelab %F)
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
    out.options.logs.metric = parser.value(metric).toStdString();
    if (parser.isSet(tokensPerStep)) {
        bool ok = false;
        out.options.logs.tokensPerStep = parser.value(tokensPerStep).toDouble(&ok);
        if (!ok || !(out.options.logs.tokensPerStep > 0) || !std::isfinite(out.options.logs.tokensPerStep)) {
            *error = QCoreApplication::translate("CommandLine", "--tokens-per-step expects a positive number, got \"%1\".")
                         .arg(parser.value(tokensPerStep));
            return std::nullopt;
        }
    }
    out.screenshot = parser.value(screenshot);
    out.view = parser.value(view);
    if (!out.view.isEmpty()
        && !QStringList{QStringLiteral("loss"), QStringLiteral("isoflop"), QStringLiteral("allocation"), QStringLiteral("residuals")}
                .contains(out.view)) {
        *error = QCoreApplication::translate("CommandLine", "--view expects loss, isoflop, allocation or residuals, got \"%1\".").arg(out.view);
        return std::nullopt;
    }
    out.x = parser.value(xAxis);
    if (!out.x.isEmpty() && !QStringList{QStringLiteral("N"), QStringLiteral("D"), QStringLiteral("C")}.contains(out.x)) {
        *error = QCoreApplication::translate("CommandLine", "--x expects N, D or C, got \"%1\".").arg(out.x);
        return std::nullopt;
    }
    out.law = parser.value(law);
    out.objective = parser.value(objective);
    if (!out.objective.isEmpty()
        && !QStringList{QStringLiteral("lsq-log"), QStringLiteral("lsq"), QStringLiteral("huber-log")}.contains(out.objective)) {
        *error = QCoreApplication::translate("CommandLine", "--objective expects lsq-log, lsq or huber-log, got \"%1\".").arg(out.objective);
        return std::nullopt;
    }
    if (parser.isSet(dropTop)) {
        bool ok = false;
        out.dropTop = parser.value(dropTop).toInt(&ok);
        if (!ok || out.dropTop < 0) {
            *error = QCoreApplication::translate("CommandLine", "--drop-top expects a count >= 0, got \"%1\".").arg(parser.value(dropTop));
            return std::nullopt;
        }
    }
    if (parser.isSet(budget)) {
        bool ok = false;
        const double C = parser.value(budget).toDouble(&ok);
        if (!ok || !std::isfinite(C) || C <= 0) {
            *error = QCoreApplication::translate("CommandLine", "--budget expects FLOPs > 0 such as 5.76e23, got \"%1\".").arg(parser.value(budget));
            return std::nullopt;
        }
        out.budget = C;
    }
    out.presentation = parser.isSet(presentation);
    return out;
}

} // namespace ui
