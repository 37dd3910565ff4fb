// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace ui {

/// Edits how a loaded file is read again: the row filters (each a column of the file, "=" or "≠",
/// and a value; all must hold for a row to be kept) and the run key (the columns whose values
/// together identify a run; none checked = the importer's detection). The file's columns come
/// from the importer's preview of `path`; when that fails the dialog says why and offers no
/// editing. Only collects core::ImportOptions (Document::setImportOptions re-reads); other
/// fields of the options pass through unchanged. GUI thread only.
class ImportSettingsDialog : public QDialog {
    Q_OBJECT
public:
    ImportSettingsDialog(const QString& path, const core::ImportOptions& current, QWidget* parent = nullptr);

    /// `current` with the edited filters and run key (role columns and delimiter kept). The run key
    /// keeps the order of `current` for columns still checked; newly checked ones follow in file order.
    [[nodiscard]] core::ImportOptions options() const;

    /// The file's columns from the preview (empty when it failed).
    [[nodiscard]] const QStringList& columns() const { return m_columns; }
    /// Empty when the preview worked, else the importer's message as shown.
    [[nodiscard]] QString errorText() const;

    // Widgets, for tests.
    [[nodiscard]] int filterCount() const { return static_cast<int>(m_filters.size()); }
    [[nodiscard]] QComboBox* filterColumn(int i) const
    {
        return m_filters.at(static_cast<std::size_t>(i)).column;
    }
    /// Item 0 "=" (equals), item 1 "≠" (does not equal).
    [[nodiscard]] QComboBox* filterOperator(int i) const
    {
        return m_filters.at(static_cast<std::size_t>(i)).op;
    }
    [[nodiscard]] QLineEdit* filterValue(int i) const
    {
        return m_filters.at(static_cast<std::size_t>(i)).value;
    }
    [[nodiscard]] QToolButton* removeFilterButton(int i) const
    {
        return m_filters.at(static_cast<std::size_t>(i)).remove;
    }
    [[nodiscard]] QPushButton* addFilterButton() const { return m_add; }
    [[nodiscard]] QListWidget* runKeyList() const { return m_runKey; }

private:
    struct FilterRow {
        QWidget* row = nullptr;
        QComboBox* column = nullptr;
        QComboBox* op = nullptr;
        QLineEdit* value = nullptr;
        QToolButton* remove = nullptr;
    };

    void addFilterRow(const core::RowFilter& filter);
    void removeFilterRow(QWidget* row);

    core::ImportOptions m_base;
    QStringList m_columns;
    std::vector<FilterRow> m_filters;
    QVBoxLayout* m_filterLayout = nullptr;
    QLabel* m_noFilters = nullptr;
    QPushButton* m_add = nullptr;
    QListWidget* m_runKey = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ui
