// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LeftOutRowsDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

LeftOutRowsDialog::LeftOutRowsDialog(const core::Sweep& sweep, QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(static_cast<int>(sweep.leftOut.size()), 3, this))
{
    const QString file = QFileInfo(QString::fromStdString(sweep.sourcePath)).fileName();
    setWindowTitle(tr("Rows left out of %1").arg(file));
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Run"), tr("Reason")});
    int row = 0;
    for (const core::LeftOutRow& r : sweep.leftOut) {
        auto* line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, static_cast<qulonglong>(r.line));
        m_table->setItem(row, 0, line);
        const QString run = r.run < sweep.runs.size() ? QString::fromStdString(sweep.runs[r.run].name) : QString();
        m_table->setItem(row, 1, new QTableWidgetItem(run));
        m_table->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(r.reason)));
        ++row;
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n row(s) are kept but left out of log plots and fits:", nullptr,
                                    static_cast<int>(sweep.leftOut.size())),
                                 this));
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

} // namespace ui
