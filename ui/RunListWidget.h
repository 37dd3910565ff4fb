// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ui {

class Document;
class RunTableModel;

/// The run list: a filter line edit (matches run names, case-insensitive) above a sortable table
/// of RunTableModel through a QSortFilterProxyModel. Owns its model, proxy and child widgets; does
/// not own the Document. GUI thread only.
class RunListWidget : public QWidget {
    Q_OBJECT
public:
    explicit RunListWidget(Document* document, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] RunTableModel* model() const { return m_model; }

private:
    RunTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
};

} // namespace ui
