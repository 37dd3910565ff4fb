// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Role.h"
#include "core/io/ColumnDetection.h"
#include "core/io/ImportOptions.h"

#include <QDialog>

#include <map>

class QComboBox;
class QListWidget;

namespace ui {

/// Lets a person confirm or change which column plays which role before a file is loaded: one
/// combo per role listing the file's columns (preselected from the detection or the current
/// options), the detection notes, a preview table of the first rows, and optional run-key columns.
/// Only collects core::ImportOptions; never reads the file itself. GUI thread only.
class ColumnMappingDialog : public QDialog {
    Q_OBJECT
public:
    ColumnMappingDialog(const QString& fileName, const core::TablePreview& preview,
                        const core::ImportOptions& current, QWidget* parent = nullptr);

    /// `current` with the chosen role columns and run key (filters and delimiter kept).
    [[nodiscard]] core::ImportOptions options() const;
    [[nodiscard]] QComboBox* comboFor(core::Role role) const;
    [[nodiscard]] QListWidget* runKeyList() const { return m_runKey; }

private:
    core::ImportOptions m_base;
    std::map<core::Role, QComboBox*> m_combos;
    QListWidget* m_runKey;
};

} // namespace ui
