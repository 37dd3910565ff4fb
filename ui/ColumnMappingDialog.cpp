// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ColumnMappingDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {
QString roleLabel(core::Role role)
{
    switch (role) {
    case core::Role::N: return ColumnMappingDialog::tr("Parameters N");
    case core::Role::D: return ColumnMappingDialog::tr("Training tokens D");
    case core::Role::C: return ColumnMappingDialog::tr("Training compute C (FLOPs)");
    case core::Role::Budget: return ColumnMappingDialog::tr("IsoFLOP budget");
    case core::Role::Loss: return ColumnMappingDialog::tr("Loss");
    case core::Role::Run: return ColumnMappingDialog::tr("Run name");
    case core::Role::Step: return ColumnMappingDialog::tr("Step");
    case core::Role::UniqueTokens: return ColumnMappingDialog::tr("Unique tokens U_D");
    }
    return {};
}
} // namespace

ColumnMappingDialog::ColumnMappingDialog(const QString& fileName, const core::TablePreview& preview,
                                         const core::ImportOptions& current, QWidget* parent)
    : QDialog(parent), m_base(current), m_runKey(new QListWidget(this))
{
    setWindowTitle(tr("Columns of %1").arg(fileName));

    auto* roles = new QGroupBox(tr("Which column is which"), this);
    auto* form = new QFormLayout(roles);
    for (core::Role role : core::kAllRoles) {
        auto* combo = new QComboBox(roles);
        combo->addItem(tr("(none)"), QString());
        for (const std::string& c : preview.columns)
            combo->addItem(QString::fromStdString(c), QString::fromStdString(c));
        std::string chosen;
        if (auto it = current.columns.find(role); it != current.columns.end())
            chosen = it->second;
        else if (auto d = preview.detection.roles.find(role); d != preview.detection.roles.end())
            chosen = d->second;
        combo->setCurrentIndex(std::max(0, combo->findData(QString::fromStdString(chosen))));
        form->addRow(roleLabel(role), combo);
        m_combos[role] = combo;
    }

    m_runKey->setToolTip(tr("Columns whose values together identify a run (optional)"));
    for (const std::string& c : preview.columns) {
        auto* item = new QListWidgetItem(QString::fromStdString(c), m_runKey);
        const bool inKey = std::find(current.runKey.begin(), current.runKey.end(), c) != current.runKey.end();
        item->setCheckState(inKey ? Qt::Checked : Qt::Unchecked);
    }
    auto* keyBox = new QGroupBox(tr("Run key columns"), this);
    auto* keyLayout = new QVBoxLayout(keyBox);
    keyLayout->addWidget(m_runKey);

    auto* top = new QHBoxLayout;
    top->addWidget(roles, 2);
    top->addWidget(keyBox, 1);

    QStringList notes;
    for (const std::string& n : preview.detection.notes)
        notes << QString::fromStdString(n);
    auto* notesLabel = new QLabel(notes.isEmpty() ? tr("Please check the detected columns.")
                                                  : notes.join(QLatin1Char('\n')),
                                  this);
    notesLabel->setWordWrap(true);

    auto* table = new QTableWidget(static_cast<int>(preview.rows.size()),
                                   static_cast<int>(preview.columns.size()), this);
    QStringList headers;
    for (const std::string& c : preview.columns)
        headers << QString::fromStdString(c);
    table->setHorizontalHeaderLabels(headers);
    for (std::size_t r = 0; r < preview.rows.size(); ++r)
        for (std::size_t c = 0; c < preview.rows[r].size() && c < preview.columns.size(); ++c)
            table->setItem(static_cast<int>(r), static_cast<int>(c),
                           new QTableWidgetItem(QString::fromStdString(preview.rows[r][c])));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Load"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notesLabel);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("First rows:"), this));
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(820, 620);
}

core::ImportOptions ColumnMappingDialog::options() const
{
    core::ImportOptions out = m_base;
    out.columns.clear();
    for (const auto& [role, combo] : m_combos) {
        const QString column = combo->currentData().toString();
        if (!column.isEmpty())
            out.columns[role] = column.toStdString();
    }
    out.runKey.clear();
    for (int i = 0; i < m_runKey->count(); ++i)
        if (m_runKey->item(i)->checkState() == Qt::Checked)
            out.runKey.push_back(m_runKey->item(i)->text().toStdString());
    return out;
}

QComboBox* ColumnMappingDialog::comboFor(core::Role role) const
{
    const auto it = m_combos.find(role);
    return it == m_combos.end() ? nullptr : it->second;
}

} // namespace ui
