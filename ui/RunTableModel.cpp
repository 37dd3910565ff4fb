// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RunTableModel.h"

#include "ui/Document.h"
#include "ui/NumberFormat.h"

#include <cmath>

namespace ui {

RunTableModel::RunTableModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what.testFlag(Document::Change::Sweep)) {
            beginResetModel();
            endResetModel();
            return;
        }
        if (rowCount() == 0)
            return;
        if (what.testFlag(Document::Change::Visibility))
            Q_EMIT dataChanged(index(0, Name), index(rowCount() - 1, Name), {Qt::CheckStateRole});
        if (what.testFlag(Document::Change::Colors))
            Q_EMIT dataChanged(index(0, Name), index(rowCount() - 1, Name), {Qt::DecorationRole});
    });
}

int RunTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_document->runCount();
}

int RunTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Run& run = m_document->sweep().runs[static_cast<std::size_t>(index.row())];
    double value = 0;
    switch (index.column()) {
    case Name:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case kSortRole:
            return QString::fromStdString(run.name);
        case Qt::CheckStateRole:
            return m_document->isRunVisible(index.row()) ? Qt::Checked : Qt::Unchecked;
        case Qt::DecorationRole:
            return m_document->runColor(index.row());
        default:
            return {};
        }
    case N: value = run.N; break;
    case D: value = run.D; break;
    case C: value = run.C; break;
    case FinalLoss: value = run.finalValue(); break;
    default: return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case C: return NumberFormat::flops(value);
        case FinalLoss: return NumberFormat::loss(value);
        default: return NumberFormat::count(value);
        }
    case Qt::ToolTipRole:
        return std::isfinite(value) ? QString::number(value, 'g', 17) : tr("unknown");
    case kSortRole:
        return std::isfinite(value) ? QVariant(value) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name: return tr("Run");
        case N: return tr("N");
        case D: return tr("D");
        case C: return tr("C");
        case FinalLoss: return tr("Final loss");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Name: return tr("Run name; the checkbox shows or hides the run in the chart");
        case N: return tr("Parameters");
        case D: return tr("Training tokens");
        case C: return tr("Training compute (FLOPs)");
        case FinalLoss: return tr("Loss at the last point (nats/token)");
        default: return {};
        }
    }
    return {};
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool RunTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.column() != Name)
        return false;
    const bool visible = value.toInt() == Qt::Checked;
    m_document->setRunVisible(index.row(), visible);
    return true;
}

} // namespace ui
