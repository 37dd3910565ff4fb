// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

/// Runs the built scalelab-cli (SCALELAB_CLI_PATH) as a script would: exit code (-1 for a crash),
/// stdout and stderr. Fails the test program if it runs over 2 minutes.
struct CliProcess {
    int exitCode = -1;
    QByteArray out, err;

    static CliProcess run(const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral(SCALELAB_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            qFatal("scalelab-cli did not finish");
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    /// Whether `args` fail as bad usage: exit status 2 and `message` on stderr (for QVERIFY2).
    static bool failsWith(const QStringList& args, const QString& message, QByteArray* stderrText = nullptr)
    {
        const CliProcess r = run(args);
        if (stderrText)
            *stderrText = r.err;
        return r.exitCode == 2 && QString::fromUtf8(r.err).contains(message);
    }

    /// A committed fixture under tests/data/cli.
    static QString fixture(const char* name)
    {
        return QStringLiteral(SCALELAB_TEST_DATA_DIR "/cli/") + QLatin1String(name);
    }

    /// A file under ../shared/data, or an empty string when it is absent.
    static QString shared(const char* path)
    {
        const QString p = QStringLiteral(SCALELAB_SHARED_DATA_DIR "/") + QLatin1String(path);
        return QFileInfo::exists(p) ? p : QString();
    }
};
