// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"

#include <QObject>
#include <QString>

class QWidget;

namespace core {
class Importer;
}

namespace ui {

class Document;

/// The steps of opening a file for a window: for a folder or a run log, the RunLogsDialog (what
/// was found; loss metric, N, tokens); for a run table, a quick preview (column detection), the
/// ColumnMappingDialog when the detection is unsure; the Document's threaded load with a
/// progress in the window's status bar (Document's load signals), and a clear error dialog (core Error: file:line:column) on failure.
/// Non-interactive mode (tests, --screenshot) skips the dialogs and reports through signals only.
/// Does not own the Document; GUI thread only.
class LoadController : public QObject {
    Q_OBJECT
public:
    LoadController(Document* document, QWidget* dialogParent);

    void setInteractive(bool interactive) { m_interactive = interactive; }
    [[nodiscard]] bool isInteractive() const { return m_interactive; }

    /// Previews `path`, asks for the column mapping if needed, then starts the load.
    /// Returns false when it stopped before loading (preview error or mapping cancelled).
    bool open(const QString& path, const core::ImportOptions& options = {});
    /// True for the folder importer and the run-log importers (TensorBoard, MLflow, W&B, Hugging
    /// Face, per-run JSON and histories), which open through the RunLogsDialog, not column mapping.
    [[nodiscard]] static bool isRunLogSource(const core::Importer& importer);
    /// File filters for QFileDialog built from core::importers(), "All supported files" first.
    [[nodiscard]] static QStringList fileDialogFilters();

Q_SIGNALS:
    /// Loading or previewing `path` failed with `message` (already shown when interactive).
    void failed(const QString& path, const QString& message);

private:
    void showError(const QString& path, const QString& message);

    Document* m_document;
    QWidget* m_dialogParent;
    bool m_interactive = true;
};

} // namespace ui
