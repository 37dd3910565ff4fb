// SPDX-License-Identifier: GPL-3.0-or-later
// Projects end to end: save then open restores the same fit (refitted, bit for bit), exclusions,
// budget slider and view; the project and its data can move together; a missing data file names
// both paths; unknown run ids are warned about; the recovery file follows unsaved edits, is
// offered after a crash and removed after a save; maybeSave asks only when there is something
// to lose.
#include "core/LawSweep.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/ProjectController.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <bit>
#include <cstdint>

namespace {

/// testsweeps::powerLawSweep() as a CSV (ids run0..run10), every number printed round-trip exact.
void writeLawCsv(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("run,params,tokens,flops,loss\n");
    for (const core::Run& r : testsweeps::powerLawSweep().runs)
        f.write(QStringLiteral("%1,%2,%3,%4,%5\n")
                    .arg(QString::fromStdString(r.id))
                    .arg(r.N, 0, 'g', 17)
                    .arg(r.D, 0, 'g', 17)
                    .arg(r.C, 0, 'g', 17)
                    .arg(r.curves[0].value[0], 0, 'g', 17)
                    .toUtf8());
}

core::FitJobSpec powerSpec()
{
    core::FitJobSpec spec;
    spec.lawId = "power";
    spec.selection.x = core::XQuantity::N;
    spec.seed = 7;
    return spec;
}

/// One window's worth of controllers, the recovery files in `recoveryDir`.
struct Window {
    explicit Window(const QString& recoveryDir)
    {
        fits.setDebounceMs(0);
        projects.setRecoveryDirectory(recoveryDir);
    }
    ui::Document doc;
    ui::FitController fits{&doc};
    ui::ProjectController projects{&doc, &fits};
};

bool load(Window& w, const QString& path)
{
    QSignalSpy loaded(&w.doc, &ui::Document::loaded);
    w.doc.load(path);
    return loaded.wait(10000);
}

bool waitIdle(ui::FitController& fits)
{
    return QTest::qWaitFor([&] { return !fits.isBusy(); }, 60000);
}

/// Opens `project` in `w` and waits for it and its refit; the warnings of opened().
QStringList openAndWait(Window& w, const QString& project, bool* ok)
{
    QSignalSpy opened(&w.projects, &ui::ProjectController::opened);
    *ok = w.projects.open(project) && opened.wait(10000) && waitIdle(w.fits);
    return opened.isEmpty() ? QStringList() : opened.at(0).at(1).toStringList();
}

std::uint64_t bits(double v)
{
    return std::bit_cast<std::uint64_t>(v);
}

} // namespace

class TestProjectController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void saveThenOpenRestoresFitExclusionsAndSlider()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data/law.csv"));
        const QString project = dir.filePath(QStringLiteral("law.scalelab"));
        writeLawCsv(data);
        Window a(dir.filePath(QStringLiteral("recovery")));
        a.projects.setChartRangeAccess([] { return ui::ChartRange{2e7, 3e9, 1.8, 3.5}; }, {});
        QVERIFY(load(a, data));
        QCOMPARE(a.doc.sweep().runs[10].id, std::string("run10"));
        a.doc.setFitSpec(powerSpec(), QStringLiteral("power"));
        a.doc.setRunsExcluded({3, 10}, true);
        a.doc.setBudget(2.5e21);
        a.doc.setBudget(3.3e21); // a slider drag: merged into one step
        a.doc.setRunVisible(2, false);
        a.doc.setXQuantity(core::XQuantity::C);
        a.doc.setView(ui::Document::View::Residuals);
        a.doc.setColorBy(QStringLiteral("run"));
        a.doc.setSmoothing(0.6);
        a.doc.setSeedColumn(QStringLiteral("run"));
        QVERIFY(waitIdle(a.fits));
        QVERIFY2(a.fits.result() != nullptr, qPrintable(a.fits.errorText()));
        const std::vector<double> params = a.fits.result()->fit.result.params;
        QVERIFY(a.projects.needsSave());
        QVERIFY2(a.projects.save(project), qPrintable(a.projects.lastError()));
        QVERIFY(!a.projects.needsSave());
        QCOMPARE(a.projects.projectPath(), project);

        const auto file = ui::readProjectFile(project);
        QVERIFY(file.has_value());
        QCOMPARE(file->excludedRunIds, (std::vector<std::string>{"run3", "run10"}));
        QCOMPARE(file->hiddenRunIds, std::vector<std::string>{"run2"});
        QVERIFY(file->fit.has_value());
        QCOMPARE(file->fit->lawId, std::string("power"));
        QCOMPARE(file->fit->params, params);

        Window b(dir.filePath(QStringLiteral("recovery")));
        std::optional<ui::ChartRange> shown;
        b.projects.setChartRangeAccess({}, [&](const ui::ChartRange& r) { shown = r; });
        QSignalSpy differs(&b.projects, &ui::ProjectController::refitDiffers);
        bool ok = false;
        const QStringList warnings = openAndWait(b, project, &ok);
        QVERIFY(ok);
        QCOMPARE(warnings, QStringList());
        QVERIFY(b.doc.fitSpec() == a.doc.fitSpec());
        QCOMPARE(b.doc.fitSpec().excludedRuns, (std::vector<std::size_t>{3, 10}));
        QVERIFY(b.fits.result() != nullptr);
        QVERIFY(b.fits.resultSpec() == b.doc.fitSpec());
        const std::vector<double>& refit = b.fits.result()->fit.result.params;
        QCOMPARE(refit.size(), params.size());
        for (std::size_t i = 0; i < refit.size(); ++i)
            QCOMPARE(bits(refit[i]), bits(params[i])); // the same fit, exactly
        QCOMPARE(differs.count(), 0);
        QCOMPARE(bits(b.doc.budget()), bits(3.3e21));
        QVERIFY(!b.doc.isRunVisible(2));
        QVERIFY(b.doc.isRunVisible(3));
        QCOMPARE(b.doc.xQuantity(), core::XQuantity::C);
        QCOMPARE(b.doc.view(), ui::Document::View::Residuals);
        QCOMPARE(b.doc.colorBy(), QStringLiteral("run"));
        QCOMPARE(b.doc.smoothing(), 0.6);
        QCOMPARE(b.doc.seedColumn(), QStringLiteral("run"));
        QVERIFY(shown.has_value());
        QVERIFY((*shown == ui::ChartRange{2e7, 3e9, 1.8, 3.5}));
        QCOMPARE(b.doc.undoStack()->count(), 0); // restored without undo entries
        QVERIFY(!b.projects.isDirty());
        QCOMPARE(b.projects.projectPath(), project);
        QCOMPARE(b.projects.displayName(), QStringLiteral("law.scalelab"));
    }

    void projectAndDataMoveTogether()
    {
        QTemporaryDir a, b;
        writeLawCsv(a.filePath(QStringLiteral("data/law.csv")));
        {
            Window w(a.filePath(QStringLiteral("recovery")));
            QVERIFY(load(w, a.filePath(QStringLiteral("data/law.csv"))));
            w.doc.setRunsExcluded({10}, true);
            QVERIFY(w.projects.save(a.filePath(QStringLiteral("p.scalelab"))));
        }
        QVERIFY(QDir(b.path()).mkpath(QStringLiteral("data")));
        QVERIFY(
            QFile::copy(a.filePath(QStringLiteral("p.scalelab")), b.filePath(QStringLiteral("p.scalelab"))));
        QVERIFY(QFile::copy(a.filePath(QStringLiteral("data/law.csv")),
                            b.filePath(QStringLiteral("data/law.csv"))));
        QVERIFY(a.remove());

        Window w(b.filePath(QStringLiteral("recovery")));
        bool ok = false;
        openAndWait(w, b.filePath(QStringLiteral("p.scalelab")), &ok);
        QVERIFY(ok);
        QCOMPARE(w.doc.sourcePath(), b.filePath(QStringLiteral("data/law.csv")));
        QCOMPARE(w.doc.fitSpec().excludedRuns, std::vector<std::size_t>{10});
    }

    void missingDataFileNamesBothPaths()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("law.csv"));
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        writeLawCsv(data);
        {
            Window w(dir.filePath(QStringLiteral("recovery")));
            QVERIFY(load(w, data));
            QVERIFY(w.projects.save(project));
        }
        QVERIFY(QFile::remove(data));
        Window w(dir.filePath(QStringLiteral("recovery")));
        QSignalSpy failed(&w.projects, &ui::ProjectController::failed);
        QVERIFY(!w.projects.open(project));
        QVERIFY(!w.projects.isOpening());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), project);
        QCOMPARE(w.projects.lastError(),
                 QStringLiteral(
                     "Could not open project %1: its data file %2 does not exist (it is looked for relative "
                     "to the project file; move the project and its data together).")
                     .arg(QDir::toNativeSeparators(project), QDir::toNativeSeparators(data)));
        QCOMPARE(w.doc.runCount(), 0);
    }

    void unknownRunIdsAreWarnedNotDropped()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("law.csv"));
        writeLawCsv(data);
        ui::ProjectState state;
        state.dataPath = data;
        state.fitSpec = powerSpec();
        state.excludedRunIds = {"run10", "ghost"};
        state.hiddenRunIds = {"phantom", "run1"};
        state.budget = 1e22;
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        QVERIFY(ui::writeProjectFile(state, project).has_value());
        Window w(dir.filePath(QStringLiteral("recovery")));
        bool ok = false;
        const QStringList warnings = openAndWait(w, project, &ok);
        QVERIFY(ok);
        QCOMPARE(warnings,
                 (QStringList{QStringLiteral("The excluded run \"ghost\" is not in law.csv; ignored."),
                              QStringLiteral("The hidden run \"phantom\" is not in law.csv; ignored.")}));
        QCOMPARE(w.doc.fitSpec().excludedRuns, std::vector<std::size_t>{10});
        QVERIFY(!w.doc.isRunVisible(1));
        QCOMPARE(w.doc.budget(), 1e22);
    }

    void recoveryFileFollowsUnsavedEdits()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("law.csv"));
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        writeLawCsv(data);
        Window w(dir.filePath(QStringLiteral("recovery")));
        w.projects.setAutosaveIntervals(60'000, 20);
        QVERIFY(load(w, data));
        const QString recovery = w.projects.recoveryFilePath();
        QVERIFY(recovery.startsWith(dir.filePath(QStringLiteral("recovery/"))));
        QTest::qWait(50);
        QVERIFY(!QFile::exists(recovery)); // nothing unsaved yet

        w.doc.setBudget(4e21);
        QTRY_VERIFY(QFile::exists(recovery));
        auto saved = ui::readProjectFile(recovery);
        QVERIFY(saved.has_value());
        QCOMPARE(saved->budget, 4e21);
        QCOMPARE(saved->dataPath, data);
        QCOMPARE(saved->originalProjectPath, QString());

        QVERIFY(w.projects.save(project));
        QVERIFY(!QFile::exists(recovery)); // a clean save removes it
        w.doc.setRunsExcluded({10}, true);
        QTRY_VERIFY(QFile::exists(recovery));
        saved = ui::readProjectFile(recovery);
        QCOMPARE(saved->originalProjectPath, project);
        QCOMPARE(saved->excludedRunIds, std::vector<std::string>{"run10"});
        w.doc.undoStack()->undo(); // back to the saved state: nothing to recover
        QTRY_VERIFY(!QFile::exists(recovery));

        // The periodic autosave alone also writes it.
        w.projects.setAutosaveIntervals(30, 600'000);
        w.doc.setBudget(5e21);
        QTRY_VERIFY(QFile::exists(recovery));
        QCOMPARE(ui::readProjectFile(recovery)->budget, 5e21);
    }

    void recoveryAfterACrash()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("law.csv"));
        const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
        writeLawCsv(data);
        // A live window's recovery file is locked: not an orphan.
        auto live = std::make_unique<Window>(recoveryDir);
        QVERIFY(load(*live, data));
        live->doc.setBudget(9e21);
        QVERIFY(live->projects.autosave());
        const QString liveFile = live->projects.recoveryFilePath();
        QVERIFY(QFile::exists(liveFile));

        // What a crashed session left behind: a recovery file without a live owner.
        ui::ProjectState crashed;
        crashed.dataPath = data;
        crashed.fitSpec = powerSpec();
        crashed.excludedRunIds = {"run10"};
        crashed.budget = 7e21;
        crashed.originalProjectPath = dir.filePath(QStringLiteral("p.scalelab"));
        const QString orphan = QDir(recoveryDir).filePath(QStringLiteral("crashed.scalelab"));
        QVERIFY(ui::writeProjectFile(crashed, orphan, ui::DataPathStyle::Absolute).has_value());

        Window w(recoveryDir);
        QVERIFY(w.projects.recoveryAvailable());
        QCOMPARE(w.projects.orphanedRecoveryFiles(), QStringList{orphan});
        QSignalSpy opened(&w.projects, &ui::ProjectController::opened);
        QVERIFY(w.projects.recover());
        QVERIFY(opened.wait(10000));
        QCOMPARE(w.doc.budget(), 7e21);
        QCOMPARE(w.doc.fitSpec().excludedRuns, std::vector<std::size_t>{10});
        QVERIFY(w.projects.isDirty()); // recovered edits are unsaved
        QVERIFY(w.projects.needsSave());
        QCOMPARE(w.projects.projectPath(), crashed.originalProjectPath);
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(QFile::exists(w.projects.recoveryFilePath())); // now held by this window
        QVERIFY(!w.projects.recoveryAvailable());

        live.reset(); // a normal close removes its file
        QVERIFY(!QFile::exists(liveFile));
        w.projects.discardRecovery();
        QVERIFY(QFile::exists(w.projects.recoveryFilePath())); // its own file is no orphan
    }

    void maybeSaveAsksOnlyWithUnsavedChanges()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("law.csv"));
        writeLawCsv(data);
        Window w(dir.filePath(QStringLiteral("recovery")));
        QVERIFY(!w.projects.needsSave()); // no data
        QVERIFY(load(w, data));
        QVERIFY(!w.projects.needsSave());

        int asked = 0;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                ++asked;
                modal->close(); // Escape: Cancel
            }
        });
        closer.start();
        QVERIFY(w.projects.maybeSave(nullptr));
        QCOMPARE(asked, 0);

        w.doc.setRunsExcluded({10}, true);
        QVERIFY(w.projects.needsSave());
        QVERIFY(!w.projects.maybeSave(nullptr)); // asked, and cancelled
        QCOMPARE(asked, 1);
        w.projects.setInteractive(false);
        QVERIFY(w.projects.maybeSave(nullptr));
        QCOMPARE(asked, 1);

        w.doc.undoStack()->undo();
        QVERIFY(!w.projects.needsSave());
    }

    void saveWithoutDataFails()
    {
        QTemporaryDir dir;
        Window w(dir.filePath(QStringLiteral("recovery")));
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        QVERIFY(!w.projects.save(project));
        QCOMPARE(w.projects.lastError(),
                 QStringLiteral("Nothing to save to %1: no data file is open.").arg(project));
        QVERIFY(!QFile::exists(project));
    }
};

QTEST_MAIN(TestProjectController)
#include "tst_ProjectController.moc"
