// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace ui {

class Document;

/// A thin table over the Document's runs: one row per run (in sweep order), columns name, N, D, C
/// and final loss. The name cell carries the run's visibility checkbox (Qt::CheckStateRole,
/// editable: it goes through the Document's undo stack) and its colour swatch (Qt::DecorationRole).
/// Numbers display readably (1.02B, 1.8e20, 2.554); kSortRole gives the raw double (an invalid
/// QVariant for unknown values, so they sort last) or the name. Does not own the Document.
/// GUI thread only.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, N, D, C, FinalLoss, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;

    explicit RunTableModel(Document* document, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    Document* m_document;
};

} // namespace ui
