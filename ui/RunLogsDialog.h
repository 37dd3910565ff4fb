// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"
#include "core/io/logs/FolderContents.h"

#include <QDialog>
#include <QString>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace ui {

class FolderScanner;

/// What a folder of runs (or one run log) holds, before loading it: the runs found per format,
/// each file or run directory with its runs and points, what was skipped and why, the join table
/// found; and the choices that shape the load: the metric used as loss, tokens per step, the
/// parameters holding N and D, a run-name pattern, a join table. The folder is read on a worker
/// (FolderScanner) with a progress bar and a Cancel button; the summary of what loading would
/// attach (core::describeQuantities) updates as the user edits. Only collects ImportOptions;
/// GUI thread only.
class RunLogsDialog : public QDialog {
    Q_OBJECT
public:
    RunLogsDialog(const QString& path, const core::ImportOptions& current, QWidget* parent = nullptr);
    ~RunLogsDialog() override;

    /// `current` with its logs options replaced by the dialog's choices.
    [[nodiscard]] core::ImportOptions options() const;
    /// The scan's result once it has finished (nullopt before, or after an error).
    [[nodiscard]] const std::optional<core::FolderContents>& contents() const { return m_contents; }
    /// The scan's error text, empty when none.
    [[nodiscard]] const QString& scanError() const { return m_scanError; }

Q_SIGNALS:
    /// The scan finished (successfully or not); contents() and scanError() say which.
    void scanned();

private:
    void showContents();
    void fillSources();
    void updateSummary();
    [[nodiscard]] core::RunMetadataOptions logOptions(QString* problem) const;

    core::ImportOptions m_base;
    QString m_path;
    FolderScanner* m_scanner;
    std::optional<core::FolderContents> m_contents;
    QString m_scanError;
    QLabel* m_found;
    QProgressBar* m_progress;
    QPushButton* m_cancelScan;
    QTableWidget* m_sources;
    QComboBox* m_metric;
    QLineEdit* m_tokensPerStep;
    QComboBox* m_nKey;
    QComboBox* m_dKey;
    QLineEdit* m_pattern;
    QLineEdit* m_joinTable;
    QLineEdit* m_joinColumn;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
};

} // namespace ui
