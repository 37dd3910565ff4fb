// SPDX-License-Identifier: GPL-3.0-or-later
// Never lose work (issue 7, item 5): a writer killed with SIGKILL half-way through saving a
// project leaves the previous file whole, and one killed half-way through an autosave leaves the
// previous recovery file whole and offered for recovery, with the state it held.
#include "ui/Document.h"
#include "ui/ProjectController.h"
#include "ui/ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kWriter = QStringLiteral(SCALELAB_TEST_SAVE_WRITER);
const QString kData = QStringLiteral(SCALELAB_TEST_DATA_DIR "/ui/leftout.csv");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Starts the writer, waits until it pauses inside the write (its marker exists), kills it.
bool killWhilePaused(const QStringList& args, const QString& marker)
{
    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(kWriter, args);
    if (!writer.waitForStarted(30000))
        return false;
    for (int i = 0; i < 600 && !QFileInfo::exists(marker); ++i) {
        if (writer.state() == QProcess::NotRunning)
            return false; // it finished or failed instead of pausing
        QTest::qWait(50);
    }
    if (!QFileInfo::exists(marker))
        return false;
    writer.kill(); // SIGKILL: no destructor, no cleanup
    return writer.waitForFinished(30000) && writer.exitStatus() == QProcess::CrashExit;
}

} // namespace

class TestKilledSave : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedProjectSaveKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        ui::ProjectState old;
        old.dataPath = QStringLiteral("/data/runs.csv");
        old.budget = 1e22;
        QVERIFY(ui::writeProjectFile(old, project).has_value());
        const QByteArray before = readAll(project);
        QVERIFY(!before.isEmpty());
        const QString marker = dir.filePath(QStringLiteral("marker"));
        QVERIFY(killWhilePaused({QStringLiteral("save"), project, marker}, marker));
        QCOMPARE(readAll(project), before); // byte for byte
        const auto read = ui::readProjectFile(project);
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(read->budget, 1e22);
        // Half of the new file went to a temporary file (unnamed with O_TMPFILE, else
        // "p.scalelab.XXXXXX" beside it), never to p.scalelab.
        for (const QString& name : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY2(name == QStringLiteral("p.scalelab") || name == QStringLiteral("marker")
                         || name.startsWith(QStringLiteral("p.scalelab.")),
                     qPrintable(name));
    }

    void killedAutosaveOffersThePreviousRecoveryFile()
    {
        QTemporaryDir dir;
        const QString recovery = dir.filePath(QStringLiteral("recovery"));
        const QString marker = dir.filePath(QStringLiteral("marker"));
        QVERIFY(killWhilePaused({QStringLiteral("autosave"), recovery, kData, marker}, marker));

        ui::Document document;
        ui::ProjectController projects(&document);
        projects.setInteractive(false);
        projects.setRecoveryDirectory(recovery);
        QVERIFY(projects.recoveryAvailable()); // its owner died: offered
        const QStringList orphans = projects.orphanedRecoveryFiles();
        QCOMPARE(orphans.size(), 1);
        const auto saved = ui::readProjectFile(orphans.front()); // whole: the first autosave
        QVERIFY2(saved.has_value(), qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(saved->budget, 1e22);
        QSignalSpy opened(&projects, &ui::ProjectController::opened);
        QVERIFY(projects.recover());
        QVERIFY(opened.wait(30000));
        QCOMPARE(document.budget(), 1e22);
        QVERIFY(projects.isDirty()); // recovered edits are unsaved edits
        QVERIFY(!projects.recoveryAvailable());
    }
};

QTEST_MAIN(TestKilledSave)
#include "tst_KilledSave.moc"
