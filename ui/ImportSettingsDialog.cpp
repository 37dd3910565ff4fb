// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ImportSettingsDialog.h"

#include "core/io/Importers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {
constexpr std::size_t kPreviewRows = 1; // only the column names are needed

/// The file's column names, or the importer's message.
tl::expected<QStringList, QString> fileColumns(const QString& path, const core::ImportOptions& current)
{
    const std::string file = path.toStdString();
    const auto importer = core::importerFor(file);
    if (!importer)
        return tl::unexpected(QString::fromStdString(importer.error().toString()));
    core::ImportOptions options = current; // role columns and delimiter shape the preview; the rest does not
    options.filters.clear();
    options.runKey.clear();
    const auto preview = (*importer)->preview(file, options, kPreviewRows);
    if (!preview)
        return tl::unexpected(QString::fromStdString(preview.error().toString()));
    QStringList columns;
    for (const std::string& c : preview->columns)
        columns << QString::fromStdString(c);
    return columns;
}
} // namespace

ImportSettingsDialog::ImportSettingsDialog(const QString& path, const core::ImportOptions& current,
                                           QWidget* parent)
    : QDialog(parent), m_base(current)
{
    setWindowTitle(tr("Filter Rows and Run Key \u2014 %1").arg(QFileInfo(path).fileName()));

    const auto columns = fileColumns(path, current);
    if (columns)
        m_columns = *columns;
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    if (!columns)
        m_error->setText(
            tr("Could not read the columns of %1: %2").arg(QFileInfo(path).fileName(), columns.error()));
    m_error->setVisible(!columns);

    // Row filters.
    auto* filterBox = new QGroupBox(tr("Keep only rows where"), this);
    auto* filterOuter = new QVBoxLayout(filterBox);
    m_noFilters = new QLabel(tr("No filters: every row is kept."), filterBox);
    filterOuter->addWidget(m_noFilters);
    m_filterLayout = new QVBoxLayout;
    m_filterLayout->setContentsMargins(0, 0, 0, 0);
    filterOuter->addLayout(m_filterLayout);
    m_add = new QPushButton(tr("Add Filter"), filterBox);
    m_add->setToolTip(
        tr("Keep only rows whose column equals (or does not equal) a value; all filters must hold"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        core::RowFilter filter;
        if (!m_columns.isEmpty())
            filter.column = m_columns.front().toStdString();
        addFilterRow(filter);
    });
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    filterOuter->addLayout(addRow);
    filterOuter->addStretch(1);
    for (const core::RowFilter& f : current.filters)
        addFilterRow(f);

    // Run key.
    auto* keyBox = new QGroupBox(tr("Run key columns"), this);
    auto* keyLayout = new QVBoxLayout(keyBox);
    auto* keyNote =
        new QLabel(tr("Rows with equal values in the checked columns form one run. "
                      "None checked: the importer decides (the run column, else one run per row)."),
                   keyBox);
    keyNote->setWordWrap(true);
    m_runKey = new QListWidget(keyBox);
    m_runKey->setToolTip(tr("Columns whose values together identify a run"));
    for (const QString& c : m_columns) {
        auto* item = new QListWidgetItem(c, m_runKey);
        const bool inKey =
            std::find(current.runKey.begin(), current.runKey.end(), c.toStdString()) != current.runKey.end();
        item->setCheckState(inKey ? Qt::Checked : Qt::Unchecked);
    }
    keyLayout->addWidget(keyNote);
    keyLayout->addWidget(m_runKey);

    auto* top = new QHBoxLayout;
    top->addWidget(filterBox, 3);
    top->addWidget(keyBox, 2);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Read Again"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!columns) {
        filterBox->setEnabled(false);
        keyBox->setEnabled(false);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addLayout(top, 1);
    layout->addWidget(m_buttons);
    resize(720, 420);
}

void ImportSettingsDialog::addFilterRow(const core::RowFilter& filter)
{
    FilterRow f;
    f.row = new QWidget(this);
    auto* h = new QHBoxLayout(f.row);
    h->setContentsMargins(0, 0, 0, 0);
    f.column = new QComboBox(f.row);
    f.column->addItems(m_columns);
    const QString column = QString::fromStdString(filter.column);
    if (!column.isEmpty() && f.column->findText(column) < 0)
        f.column->addItem(column); // not in the file (any more): kept so the options round-trip
    f.column->setCurrentIndex(std::max(0, f.column->findText(column)));
    f.op = new QComboBox(f.row);
    f.op->addItem(QStringLiteral("="), true);
    f.op->addItem(QStringLiteral("\u2260"), false);
    f.op->setCurrentIndex(filter.equals ? 0 : 1);
    f.op->setToolTip(tr("Equals / does not equal (numbers compare as numbers: 1e-3 = 0.001)"));
    f.value = new QLineEdit(QString::fromStdString(filter.value), f.row);
    f.value->setPlaceholderText(tr("value"));
    f.remove = new QToolButton(f.row);
    f.remove->setText(tr("Remove"));
    f.remove->setToolTip(tr("Remove this filter"));
    QWidget* row = f.row;
    connect(f.remove, &QToolButton::clicked, this, [this, row] { removeFilterRow(row); });
    h->addWidget(f.column, 2);
    h->addWidget(f.op);
    h->addWidget(f.value, 2);
    h->addWidget(f.remove);
    m_filterLayout->addWidget(f.row);
    m_filters.push_back(f);
    m_noFilters->setVisible(false);
}

void ImportSettingsDialog::removeFilterRow(QWidget* row)
{
    const auto it =
        std::find_if(m_filters.begin(), m_filters.end(), [row](const FilterRow& f) { return f.row == row; });
    if (it == m_filters.end())
        return;
    m_filters.erase(it);
    row->hide();
    row->deleteLater();
    m_noFilters->setVisible(m_filters.empty());
}

QString ImportSettingsDialog::errorText() const
{
    return m_error->text();
}

core::ImportOptions ImportSettingsDialog::options() const
{
    core::ImportOptions out = m_base;
    if (!m_error->text().isEmpty())
        return out; // nothing could be edited
    out.filters.clear();
    for (const FilterRow& f : m_filters) {
        core::RowFilter filter;
        filter.column = f.column->currentText().toStdString();
        filter.value = f.value->text().trimmed().toStdString();
        filter.equals = f.op->currentData().toBool();
        if (!filter.column.empty())
            out.filters.push_back(std::move(filter));
    }
    std::vector<std::string> checked;
    for (int i = 0; i < m_runKey->count(); ++i)
        if (m_runKey->item(i)->checkState() == Qt::Checked)
            checked.push_back(m_runKey->item(i)->text().toStdString());
    out.runKey.clear();
    for (const std::string& c : m_base.runKey) // the old order first: run ids keep their spelling
        if (std::find(checked.begin(), checked.end(), c) != checked.end())
            out.runKey.push_back(c);
    for (const std::string& c : checked)
        if (std::find(out.runKey.begin(), out.runKey.end(), c) == out.runKey.end())
            out.runKey.push_back(c);
    return out;
}

} // namespace ui
