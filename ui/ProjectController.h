// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/ProjectFile.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QWidget;

namespace ui {

class Document;
class FitController;

/// Saves and opens ScaleLab projects (ProjectFile) for one window's Document, keeps a recovery
/// file of unsaved edits, and asks before unsaved changes are lost.
///
/// Saving captures the Document (and the landed fit of its spec, for reference) into a
/// ProjectState and writes it through QSaveFile; the undo stack is then marked clean. Opening
/// reads the project, loads its data file through Document::load (asynchronous; a relative path is
/// resolved against the project file's directory) and, when Document::loaded reports that file,
/// applies the saved state without undo entries (Document::restoreState); the FitController then
/// refits the same spec, deterministically. Runs are matched by id; saved ids missing from the
/// data are reported as warnings in opened().
///
/// Autosave: while the document has unsaved edits, its state is written to a recovery file in
/// recoveryDirectory() (default: QStandardPaths::AppDataLocation + "/recovery") a few seconds
/// after each edit and every minute. Each controller's file is guarded by a QLockFile, so files
/// whose owner is gone (a crash) are "orphaned" and offered by recoveryAvailable()/recover(). The
/// controller's own file is removed after a save, when the edits are undone back to the saved
/// state, and by the destructor (a normal close).
///
/// Does not own the Document or the FitController (which may be null). GUI thread only.
class ProjectController : public QObject {
    Q_OBJECT
public:
    /// The chart's visible range, if any (kept out of this class so it needs no chart).
    using RangeGetter = std::function<std::optional<ChartRange>()>;
    using RangeSetter = std::function<void(const ChartRange&)>;
    static constexpr int kDefaultAutosaveMs = 60'000;
    static constexpr int kDefaultAfterEditMs = 3'000;

    explicit ProjectController(Document* document, FitController* fits = nullptr, QObject* parent = nullptr);
    /// Removes this controller's recovery file: the window closed normally.
    ~ProjectController() override;

    void setChartRangeAccess(RangeGetter get, RangeSetter set);
    /// Non-interactive (tests, automation): maybeSave() never asks and returns true.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    /// The project file the document was last saved to or opened from; empty if none.
    [[nodiscard]] const QString& projectPath() const { return m_projectPath; }
    /// The project's file name, else the data file's name, else "Untitled" (for the window title).
    [[nodiscard]] QString displayName() const;
    /// The undo stack is not at its saved (clean) state.
    [[nodiscard]] bool isDirty() const;
    /// Data is loaded and has unsaved edits: closing would lose them. What maybeSave() asks about.
    [[nodiscard]] bool needsSave() const;
    /// An open() waits for its data file to load.
    [[nodiscard]] bool isOpening() const { return m_pending != nullptr; }
    /// The last save or open error, as shown to the user (names the file(s) and what failed).
    [[nodiscard]] const QString& lastError() const { return m_error; }

    /// The document's state as a project holds it (data path absolute; runs by id).
    [[nodiscard]] ProjectState captureState() const;
    /// Applies `state` to the document, which must already hold the state's data. No undo
    /// entries; the undo stack ends clean. Returns warnings (unknown run ids, unknown colour-by).
    QStringList applyState(const ProjectState& state);

    /// Writes the project to `path` (QSaveFile). On success the stack is clean, projectPath() is
    /// `path` and the recovery file is removed. False (lastError(), failed()) on error or no data.
    bool save(const QString& path);
    /// Saves to projectPath(), or asks for a path (saveAs) when there is none.
    bool save(QWidget* dialogParent);
    /// Asks for a path (default suffix ".scalelab"), then save(path). False if cancelled or on
    /// error (failed() carries the message; no dialog is shown for it here).
    bool saveAs(QWidget* dialogParent);
    /// Starts opening the project at `path`. False (lastError(), failed()) when the file cannot be
    /// read or parsed or its data file does not exist; otherwise opened() or failed() follows.
    bool open(const QString& path);
    /// When needsSave(), asks Save / Discard / Cancel. True when closing may go on (saved, or
    /// discarded: the recovery file is removed); false on Cancel or a failed save.
    bool maybeSave(QWidget* dialogParent);

    void setRecoveryDirectory(const QString& directory);
    [[nodiscard]] QString recoveryDirectory() const;
    /// This controller's recovery file (it exists only while there are unsaved edits).
    [[nodiscard]] QString recoveryFilePath() const;
    void setAutosaveIntervals(int periodicMs, int afterEditMs);
    /// Writes the recovery file now if there are unsaved edits (removes it if there are none).
    /// True when a recovery file holds the current state.
    bool autosave();
    /// Recovery files in recoveryDirectory() whose owner is gone (crashed), newest first.
    [[nodiscard]] QStringList orphanedRecoveryFiles() const;
    [[nodiscard]] bool recoveryAvailable() const { return !orphanedRecoveryFiles().isEmpty(); }
    /// Opens the newest orphaned recovery file like open(); once applied, the document is dirty,
    /// projectPath() is the project it came from (if any), and the orphaned file is removed.
    bool recover();
    /// Deletes all orphaned recovery files (the user declined recovery).
    void discardRecovery();

Q_SIGNALS:
    /// A project finished opening; `warnings` lists saved runs or settings the data lacked.
    void opened(const QString& projectPath, const QStringList& warnings);
    void saved(const QString& projectPath);
    /// Saving or opening `path` failed; `message` names the file(s) and the reason.
    void failed(const QString& path, const QString& message);
    /// projectPath(), displayName() or isDirty() changed: update the window title.
    void titleChanged();
    /// The refit after open differs from the result stored in the project (data changed?).
    void refitDiffers(const QString& message);

private:
    struct Pending;
    void fail(const QString& path, const QString& message);
    void finishOpen();
    void checkRefit();
    void removeRecoveryFile();
    bool ensureLock();

    Document* m_document;
    FitController* m_fits;
    RangeGetter m_getRange;
    RangeSetter m_setRange;
    bool m_interactive = true;
    QString m_projectPath;
    QString m_error;
    std::unique_ptr<Pending> m_pending;
    std::optional<SavedFit> m_refitCheck;
    QString m_recoveryDir;
    QString m_recoveryBase; ///< this controller's recovery file name without suffix (a UUID)
    std::unique_ptr<QLockFile> m_lock;
    std::optional<ProjectState> m_autosaved; ///< what the recovery file holds
    QTimer m_periodic;
    QTimer m_afterEdit;
};

} // namespace ui
