// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProjectController.h"

#include "core/fit/Law.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLockFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <map>

namespace ui {

namespace {
/// ".scalelab": projects and recovery files alike.
const QString kDotSuffix = QStringLiteral(".") + QLatin1String(kProjectSuffix);
const QString kLockSuffix = QStringLiteral(".lock");

QString lockPathOf(const QString& recoveryFile)
{
    return recoveryFile.chopped(kDotSuffix.size()) + kLockSuffix;
}
} // namespace

/// An open() waiting for its data file.
struct ProjectController::Pending {
    ProjectState state;
    QString projectPath;   ///< the file read (a project, or an orphaned recovery file)
    bool recovery = false; ///< `projectPath` is an orphaned recovery file
};

ProjectController::ProjectController(Document* document, FitController* fits, QObject* parent)
    : QObject(parent), m_document(document), m_fits(fits),
      m_recoveryBase(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_periodic.setInterval(kDefaultAutosaveMs);
    m_afterEdit.setInterval(kDefaultAfterEditMs);
    m_afterEdit.setSingleShot(true);
    connect(&m_periodic, &QTimer::timeout, this, &ProjectController::autosave);
    connect(&m_afterEdit, &QTimer::timeout, this, &ProjectController::autosave);
    m_periodic.start();

    QUndoStack* undo = m_document->undoStack();
    connect(undo, &QUndoStack::indexChanged, this, [this] { m_afterEdit.start(); });
    connect(undo, &QUndoStack::cleanChanged, this, &ProjectController::titleChanged);
    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        // Another data file replaced the project's (not the one an open() waits for).
        if (what.testFlag(Document::Change::Sweep) && !m_document->isApplyingReread() && m_pending == nullptr
            && !m_projectPath.isEmpty()) { // a re-read with new filters stays in the project
            m_projectPath.clear();
            m_refitCheck.reset();
        }
        if (what.testFlag(Document::Change::Sweep))
            Q_EMIT titleChanged();
    });
    connect(m_document, &Document::loadStarted, this, [this](const QString& path) {
        if (m_pending != nullptr && path != m_pending->state.dataPath)
            m_pending.reset(); // the user opened something else meanwhile
    });
    connect(m_document, &Document::loaded, this, [this](const QString& path) {
        if (m_pending != nullptr && path == m_pending->state.dataPath)
            finishOpen();
    });
    connect(m_document, &Document::loadFailed, this, [this](const QString& path, const QString& message) {
        if (m_pending == nullptr || path != m_pending->state.dataPath)
            return;
        const QString project = m_pending->projectPath;
        m_pending.reset();
        fail(project, tr("Could not open project %1: its data file %2 could not be read: %3")
                          .arg(QDir::toNativeSeparators(project), QDir::toNativeSeparators(path), message));
    });
    connect(m_document, &Document::loadCanceled, this, [this](const QString& path) {
        if (m_pending != nullptr && path == m_pending->state.dataPath)
            m_pending.reset();
    });
    if (m_fits != nullptr)
        connect(m_fits, &FitController::resultChanged, this, &ProjectController::checkRefit);
}

ProjectController::~ProjectController()
{
    removeRecoveryFile();
}

void ProjectController::setChartRangeAccess(RangeGetter get, RangeSetter set)
{
    m_getRange = std::move(get);
    m_setRange = std::move(set);
}

QString ProjectController::displayName() const
{
    if (!m_projectPath.isEmpty())
        return QFileInfo(m_projectPath).fileName();
    if (!m_document->sourcePath().isEmpty())
        return QFileInfo(m_document->sourcePath()).fileName();
    return tr("Untitled");
}

bool ProjectController::isDirty() const
{
    return !m_document->undoStack()->isClean();
}

bool ProjectController::needsSave() const
{
    return !m_document->sourcePath().isEmpty() && isDirty();
}

ProjectState ProjectController::captureState() const
{
    const core::Sweep& sweep = m_document->sweep();
    ProjectState s;
    if (!m_document->sourcePath().isEmpty())
        s.dataPath = QFileInfo(m_document->sourcePath()).absoluteFilePath();
    s.importOptions = m_document->importOptions();
    s.fitSpec = m_document->fitSpec();
    s.fitSpec.excludedRuns.clear();
    for (std::size_t r : m_document->fitSpec().excludedRuns)
        if (r < sweep.runs.size())
            s.excludedRunIds.push_back(sweep.runs[r].id);
    if (m_fits != nullptr && m_fits->result() != nullptr && m_fits->result()->law != nullptr &&
        m_fits->resultSpec() == m_document->fitSpec()) {
        const core::FitResult& fit = m_fits->result()->fit.result;
        s.fit = SavedFit{std::string(m_fits->result()->law->id()), fit.names, fit.params, fit.objective};
    }
    s.budget = m_document->budget();
    s.view = m_document->view();
    s.x = m_document->xQuantity();
    s.colorBy = m_document->colorBy();
    s.smoothing = m_document->smoothing();
    s.seedColumn = m_document->seedColumn();
    for (int i = 0; i < m_document->runCount(); ++i)
        if (!m_document->isRunVisible(i))
            s.hiddenRunIds.push_back(sweep.runs[static_cast<std::size_t>(i)].id);
    if (m_getRange)
        s.chart = m_getRange();
    return s;
}

QStringList ProjectController::applyState(const ProjectState& state)
{
    const core::Sweep& sweep = m_document->sweep();
    const QString file = QFileInfo(m_document->sourcePath()).fileName();
    std::map<std::string, std::vector<std::size_t>> byId;
    for (std::size_t i = 0; i < sweep.runs.size(); ++i)
        byId[sweep.runs[i].id].push_back(i);
    QStringList warnings;
    auto indicesOf = [&](const std::string& id, const QString& what) {
        const auto it = byId.find(id);
        if (it == byId.end()) {
            warnings
                << tr("The %1 run \"%2\" is not in %3; ignored.").arg(what, QString::fromStdString(id), file);
            return std::vector<std::size_t>{};
        }
        return it->second;
    };

    core::FitJobSpec spec = state.fitSpec;
    spec.excludedRuns.clear();
    for (const std::string& id : state.excludedRunIds)
        for (std::size_t r : indicesOf(id, tr("excluded")))
            spec.excludedRuns.push_back(r);
    std::sort(spec.excludedRuns.begin(), spec.excludedRuns.end());
    spec.excludedRuns.erase(std::unique(spec.excludedRuns.begin(), spec.excludedRuns.end()),
                            spec.excludedRuns.end());

    std::vector<char> visible(sweep.runs.size(), 1);
    for (const std::string& id : state.hiddenRunIds)
        for (std::size_t r : indicesOf(id, tr("hidden")))
            visible[r] = 0;

    QString colorBy = state.colorBy;
    if (!ColorScale::attributesOf(sweep).contains(colorBy)) {
        if (!colorBy.isEmpty())
            warnings << tr("Colour by \"%1\" is not available for %2; kept \"%3\".")
                            .arg(colorBy, file, m_document->colorBy());
        colorBy = m_document->colorBy();
    }
    m_document->restoreState(spec, state.budget, state.view, state.x, colorBy, visible, state.smoothing,
                             state.seedColumn);
    if (state.chart && m_setRange)
        m_setRange(*state.chart);
    return warnings;
}

void ProjectController::fail(const QString& path, const QString& message)
{
    m_error = message;
    Q_EMIT failed(path, message);
}

bool ProjectController::save(const QString& path)
{
    if (m_document->sourcePath().isEmpty()) {
        fail(path, tr("Nothing to save to %1: no data file is open.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    const auto written = writeProjectFile(captureState(), path);
    if (!written) {
        fail(path, written.error().toString());
        return false;
    }
    m_error.clear();
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_document->undoStack()->setClean();
    removeRecoveryFile();
    Q_EMIT saved(m_projectPath);
    Q_EMIT titleChanged();
    return true;
}

bool ProjectController::save(QWidget* dialogParent)
{
    return m_projectPath.isEmpty() ? saveAs(dialogParent) : save(m_projectPath);
}

bool ProjectController::saveAs(QWidget* dialogParent)
{
    QString suggested = m_projectPath;
    if (suggested.isEmpty()) {
        const QFileInfo data(m_document->sourcePath());
        const QString dir =
            data.fileName().isEmpty() ? Settings::lastDirectory().value() : data.absolutePath();
        suggested = QDir(dir).filePath(
            (data.completeBaseName().isEmpty() ? tr("untitled") : data.completeBaseName()) + kDotSuffix);
    }
    QString path =
        QFileDialog::getSaveFileName(dialogParent, tr("Save Project"), suggested,
                                     tr("ScaleLab project (*.%1)").arg(QLatin1String(kProjectSuffix)));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += kDotSuffix;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    return save(path); // an error is reported through failed()
}

bool ProjectController::open(const QString& path)
{
    const auto state = readProjectFile(path);
    if (!state) {
        fail(path, state.error().toString());
        return false;
    }
    if (!QFileInfo(state->dataPath).isFile()) {
        fail(path, tr("Could not open project %1: its data file %2 does not exist (it is looked for relative "
                      "to the project file; move the project and its data together).")
                       .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(state->dataPath)));
        return false;
    }
    m_error.clear();
    m_pending = std::make_unique<Pending>(Pending{*state, QFileInfo(path).absoluteFilePath(), false});
    m_document->load(state->dataPath, state->importOptions);
    return true;
}

void ProjectController::finishOpen()
{
    const std::unique_ptr<Pending> pending = std::move(m_pending);
    const QStringList warnings = applyState(pending->state);
    m_refitCheck = pending->state.fit;
    if (pending->recovery) {
        m_projectPath = pending->state.originalProjectPath;
        m_document->undoStack()->resetClean(); // recovered edits are unsaved
        QFile::remove(pending->projectPath);
        QFile::remove(lockPathOf(pending->projectPath));
        autosave();
    } else {
        m_projectPath = pending->projectPath;
        removeRecoveryFile();
    }
    checkRefit();
    Q_EMIT opened(pending->projectPath, warnings);
    Q_EMIT titleChanged();
}

void ProjectController::checkRefit()
{
    // The fit lands before its bootstrap, which does not change the parameters.
    if (!m_refitCheck || m_fits == nullptr || m_fits->resultSpec() != m_document->fitSpec())
        return;
    const auto& result = m_fits->result();
    if (result == nullptr)
        return;
    const SavedFit saved = *m_refitCheck;
    m_refitCheck.reset();
    if (result->fit.result.names != saved.names || result->fit.result.params != saved.params)
        Q_EMIT refitDiffers(tr("The refitted parameters differ from those saved in the project "
                               "(has the data file changed since?)."));
}

bool ProjectController::maybeSave(QWidget* dialogParent)
{
    if (!needsSave() || !m_interactive)
        return true;
    const auto answer = QMessageBox::warning(
        dialogParent, tr("Unsaved changes"), tr("Save the changes to %1 before closing?").arg(displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save(dialogParent);
    if (answer == QMessageBox::Discard) {
        removeRecoveryFile();
        return true;
    }
    return false;
}

void ProjectController::setRecoveryDirectory(const QString& directory)
{
    removeRecoveryFile();
    m_recoveryDir = directory;
}

QString ProjectController::recoveryDirectory() const
{
    if (!m_recoveryDir.isEmpty())
        return m_recoveryDir;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

QString ProjectController::recoveryFilePath() const
{
    return QDir(recoveryDirectory()).filePath(m_recoveryBase + kDotSuffix);
}

void ProjectController::setAutosaveIntervals(int periodicMs, int afterEditMs)
{
    m_periodic.setInterval(periodicMs);
    m_afterEdit.setInterval(afterEditMs);
}

bool ProjectController::ensureLock()
{
    if (m_lock != nullptr)
        return true;
    if (!QDir().mkpath(recoveryDirectory()))
        return false;
    auto lock = std::make_unique<QLockFile>(lockPathOf(recoveryFilePath()));
    lock->setStaleLockTime(0); // held for the window's life; only a dead owner makes it stale
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    return true;
}

bool ProjectController::autosave()
{
    if (!needsSave()) {
        removeRecoveryFile();
        return false;
    }
    if (isOpening())
        return false;
    ProjectState state = captureState();
    state.originalProjectPath = m_projectPath;
    if (m_autosaved && *m_autosaved == state && QFileInfo::exists(recoveryFilePath()))
        return true;
    if (!ensureLock() || !writeProjectFile(state, recoveryFilePath(), DataPathStyle::Absolute))
        return false; // best effort: the user's own saves still work
    m_autosaved = std::move(state);
    return true;
}

void ProjectController::removeRecoveryFile()
{
    m_afterEdit.stop();
    m_autosaved.reset();
    if (m_lock == nullptr)
        return;
    QFile::remove(recoveryFilePath());
    m_lock.reset(); // unlocks and deletes the lock file
}

QStringList ProjectController::orphanedRecoveryFiles() const
{
    QStringList orphans;
    const QDir dir(recoveryDirectory());
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*") + kDotSuffix}, QDir::Files, QDir::Time);
    for (const QFileInfo& f : files) {
        if (f.absoluteFilePath() == QFileInfo(recoveryFilePath()).absoluteFilePath())
            continue;
        QLockFile lock(lockPathOf(f.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (lock.tryLock(0)) // its owner is gone; the destructor removes the lock again
            orphans << f.absoluteFilePath();
    }
    return orphans;
}

bool ProjectController::recover()
{
    const QStringList orphans = orphanedRecoveryFiles();
    if (orphans.isEmpty())
        return false;
    const QString file = orphans.front();
    if (!open(file))
        return false;
    m_pending->recovery = true;
    return true;
}

void ProjectController::discardRecovery()
{
    for (const QString& file : orphanedRecoveryFiles())
        QFile::remove(file);
}

} // namespace ui
