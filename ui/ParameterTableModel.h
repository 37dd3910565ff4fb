// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace core {
class Law;
}

namespace ui {

class Document;
class FitController;

/// The fit panel's parameter table: one row per parameter of the spec's law, columns name,
/// fitted value, standard error, 95% interval (bootstrap percentiles when the fit has them, else
/// value +- 1.96 SE, marked "Wald" in the tooltip), fixed (checkbox), lower and upper bound, and
/// start. Reads the Document's fit spec and the FitController's result; edits (fix at the
/// current value, change a fixed value, bounds, starts; an empty cell restores the default) go to
/// Document::setFitSpec, so they are undoable and trigger a refit. Text is parsed with
/// core::parseNumber (1e-3, 2.5e+21, 7B); unparsable text is refused. Values are only rounded for
/// display (6 significant digits; the tooltip has the full value). GUI thread only.
class ParameterTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Value, StdErr, Interval, Fixed, Lower, Upper, Start, ColumnCount };

    ParameterTableModel(Document* document, FitController* fits, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    void refresh();
    [[nodiscard]] const core::Law* law() const;
    /// The fitted value of parameter `row` when the result is for the spec's law, else NaN.
    [[nodiscard]] double fitted(int row) const;

    Document* m_document;
    FitController* m_fits;
    int m_rows = 0;
};

} // namespace ui
