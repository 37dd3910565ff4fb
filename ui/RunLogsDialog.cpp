// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RunLogsDialog.h"

#include "core/io/NumberParser.h"
#include "ui/FolderScanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace ui {

namespace {

const QString kDetect = QStringLiteral("(detect)");

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QComboBox* keyCombo(const QString& name)
{
    auto* combo = new QComboBox;
    combo->setObjectName(name);
    combo->setEditable(true);
    combo->addItem(kDetect);
    return combo;
}

void setKey(QComboBox* combo, const std::string& key)
{
    combo->setCurrentText(key.empty() ? kDetect : qs(key));
}

} // namespace

RunLogsDialog::RunLogsDialog(const QString& path, const core::ImportOptions& current, QWidget* parent)
    : QDialog(parent), m_base(current), m_path(path), m_scanner(new FolderScanner(this))
{
    setWindowTitle(tr("Open Runs: %1").arg(QDir::toNativeSeparators(path)));
    auto* layout = new QVBoxLayout(this);
    m_found = new QLabel(tr("Looking for runs in %1\u2026").arg(QDir::toNativeSeparators(path)));
    m_found->setObjectName(QStringLiteral("found"));
    m_found->setWordWrap(true);
    layout->addWidget(m_found);

    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_cancelScan = new QPushButton(tr("Cancel"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelScan);
    layout->addLayout(progressRow);

    m_sources = new QTableWidget(0, 4);
    m_sources->setObjectName(QStringLiteral("sources"));
    m_sources->setHorizontalHeaderLabels({tr("File or run directory"), tr("Format"), tr("Runs"), tr("Points")});
    m_sources->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_sources->verticalHeader()->hide();
    m_sources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sources->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_sources, 1);

    auto* form = new QFormLayout;
    m_metric = new QComboBox;
    m_metric->setObjectName(QStringLiteral("metric"));
    m_metric->setToolTip(tr("The logged metric fitted and plotted as the loss"));
    form->addRow(tr("&Loss metric:"), m_metric);
    m_tokensPerStep = new QLineEdit;
    m_tokensPerStep->setObjectName(QStringLiteral("tokensPerStep"));
    m_tokensPerStep->setPlaceholderText(tr("global batch \u00d7 sequence length, e.g. 1024 \u00d7 2048"));
    m_tokensPerStep->setToolTip(tr("Tokens = step \u00d7 this, where the log has no token counts"));
    if (current.logs.tokensPerStep > 0)
        m_tokensPerStep->setText(QString::number(current.logs.tokensPerStep, 'g', 17));
    form->addRow(tr("&Tokens per step:"), m_tokensPerStep);
    m_nKey = keyCombo(QStringLiteral("nKey"));
    m_nKey->setToolTip(tr("The run parameter holding the model size N (values like 70m or 1.4B are read)"));
    form->addRow(tr("&N from parameter:"), m_nKey);
    m_dKey = keyCombo(QStringLiteral("dKey"));
    m_dKey->setToolTip(tr("The run parameter holding the training tokens D of a finished run"));
    form->addRow(tr("&D from parameter:"), m_dKey);
    m_pattern = new QLineEdit(qs(current.logs.namePattern));
    m_pattern->setObjectName(QStringLiteral("namePattern"));
    m_pattern->setPlaceholderText(QStringLiteral("(?<N>\\d+m)-seed(?<seed>\\d+)"));
    m_pattern->setToolTip(tr("Named groups found in run or file names become attributes; N, D and C set those"));
    form->addRow(tr("Run name &pattern:"), m_pattern);
    auto* joinRow = new QHBoxLayout;
    m_joinTable = new QLineEdit(qs(current.logs.joinTable));
    m_joinTable->setObjectName(QStringLiteral("joinTable"));
    m_joinTable->setPlaceholderText(tr("found in the folder, or none"));
    auto* browse = new QPushButton(tr("&Browse\u2026"));
    joinRow->addWidget(m_joinTable, 1);
    joinRow->addWidget(browse);
    auto* joinLabel = new QLabel(tr("&Join table:"));
    joinLabel->setBuddy(m_joinTable);
    form->addRow(joinLabel, joinRow);
    m_joinColumn = new QLineEdit(qs(current.logs.joinColumn));
    m_joinColumn->setObjectName(QStringLiteral("joinColumn"));
    m_joinColumn->setPlaceholderText(tr("the column naming the most runs"));
    form->addRow(tr("Join &column:"), m_joinColumn);
    layout->addLayout(form);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    resize(760, 560);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancelScan, &QPushButton::clicked, m_scanner, &FolderScanner::cancel);
    connect(m_scanner, &FolderScanner::progress, this,
            [this](double f) { m_progress->setValue(static_cast<int>(std::lround(f * 1000))); });
    connect(m_scanner, &FolderScanner::finished, this, [this](std::shared_ptr<FolderScanner::Result> result) {
        m_progress->hide();
        m_cancelScan->hide();
        if (*result) {
            m_contents = std::move(**result);
            m_scanError.clear();
        } else {
            m_contents.reset();
            m_scanError = qs(result->error().toString());
        }
        showContents();
        Q_EMIT scanned();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Table of Run Attributes"), m_path,
                                                          tr("Tables (*.csv *.tsv *.txt);;All files (*)"));
        if (!file.isEmpty())
            m_joinTable->setText(file);
    });
    for (QLineEdit* edit : {m_tokensPerStep, m_pattern, m_joinTable, m_joinColumn})
        connect(edit, &QLineEdit::textChanged, this, &RunLogsDialog::updateSummary);
    for (QComboBox* combo : {m_metric, m_nKey, m_dKey})
        connect(combo, &QComboBox::currentTextChanged, this, &RunLogsDialog::updateSummary);

    core::ImportOptions scanOptions = current;
    scanOptions.logs.metric.clear(); // list every metric; the chosen one is selected below
    m_scanner->start(path, scanOptions);
}

RunLogsDialog::~RunLogsDialog() = default;

void RunLogsDialog::showContents()
{
    if (!m_contents) {
        m_found->setText(tr("<b>No runs could be read.</b> %1").arg(m_scanError.toHtmlEscaped()));
        updateSummary();
        return;
    }
    const core::FolderContents& c = *m_contents;
    QStringList perFormat;
    for (const auto& [format, runs] : c.runsPerFormat)
        perFormat << tr("%1 %2").arg(runs).arg(qs(format));
    std::size_t points = 0;
    for (const auto& s : c.sources)
        points += s.points;
    QString text = tr("Found <b>%1 runs</b> (%2) with %3 points in %4 files or run directories.")
                       .arg(c.logs.runs.size())
                       .arg(perFormat.join(QStringLiteral(", ")))
                       .arg(points)
                       .arg(c.sources.size());
    if (!c.skipped.empty())
        text += QLatin1Char(' ') + tr("%n skipped (see the table).", nullptr, static_cast<int>(c.skipped.size()));
    if (c.joinTable && m_joinTable->text().isEmpty())
        text += QLatin1Char(' ')
                + tr("Run attributes from %1, column \u201c%2\u201d (%3 runs).")
                      .arg(QDir::toNativeSeparators(qs(c.joinTable->path)).toHtmlEscaped(), qs(c.joinColumn).toHtmlEscaped())
                      .arg(c.joinMatches);
    m_found->setText(text);
    fillSources();

    {
        const QSignalBlocker block(m_metric);
        m_metric->clear();
        for (const std::string& m : c.metrics.metrics)
            m_metric->addItem(qs(m));
        const std::string wanted = m_base.logs.metric.empty() ? c.metrics.metric : m_base.logs.metric;
        m_metric->setCurrentIndex(std::max(0, m_metric->findText(qs(wanted))));
    }
    std::set<std::string> keys;
    for (const core::LoggedRun& run : c.logs.runs)
        for (const auto& [key, value] : run.params)
            keys.insert(key);
    if (c.joinTable)
        for (const std::string& column : c.joinTable->columns)
            keys.insert(column);
    for (QComboBox* combo : {m_nKey, m_dKey}) {
        const QSignalBlocker block(combo);
        for (const std::string& k : keys)
            combo->addItem(qs(k));
    }
    const auto keyOf = [this](core::Role role) {
        const auto it = m_base.logs.keys.find(role);
        return it == m_base.logs.keys.end() ? std::string() : it->second;
    };
    setKey(m_nKey, keyOf(core::Role::N));
    setKey(m_dKey, keyOf(core::Role::D));
    updateSummary();
}

void RunLogsDialog::fillSources()
{
    const core::FolderContents& c = *m_contents;
    m_sources->setRowCount(static_cast<int>(c.sources.size() + c.skipped.size()));
    int row = 0;
    for (const auto& s : c.sources) {
        const QStringList cells{qs(s.path), qs(s.format), QString::number(s.runs), QString::number(s.points)};
        for (int col = 0; col < cells.size(); ++col)
            m_sources->setItem(row, col, new QTableWidgetItem(cells[col]));
        ++row;
    }
    for (const auto& s : c.skipped) {
        auto* item = new QTableWidgetItem(qs(s.path));
        item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        item->setToolTip(qs(s.reason));
        m_sources->setItem(row, 0, item);
        auto* why = new QTableWidgetItem(tr("skipped: %1").arg(qs(s.reason)));
        why->setToolTip(qs(s.reason));
        m_sources->setItem(row, 1, why);
        m_sources->setSpan(row, 1, 1, 3);
        ++row;
    }
}

core::RunMetadataOptions RunLogsDialog::logOptions(QString* problem) const
{
    core::RunMetadataOptions o = m_base.logs;
    o.metric = m_metric->currentText().toStdString();
    o.namePattern = m_pattern->text().trimmed().toStdString();
    o.joinTable = m_joinTable->text().trimmed().toStdString();
    o.joinColumn = m_joinColumn->text().trimmed().toStdString();
    for (const auto& [role, combo] : {std::pair{core::Role::N, m_nKey}, std::pair{core::Role::D, m_dKey}}) {
        const QString key = combo->currentText().trimmed();
        if (key.isEmpty() || key == kDetect)
            o.keys.erase(role);
        else
            o.keys[role] = key.toStdString();
    }
    o.tokensPerStep = 0;
    const QString tokens = m_tokensPerStep->text().trimmed();
    if (!tokens.isEmpty()) {
        // A number, or a product such as "1024 × 2048" or "1024*2048" (batch × sequence length).
        double product = 1;
        bool ok = true;
        for (const QString& factor : tokens.split(QRegularExpression(QStringLiteral("[*\u00d7xX]")))) {
            double value = 0;
            ok = ok && core::parseNumber(factor.trimmed().toStdString(), value) && std::isfinite(value) && value > 0;
            product *= value;
        }
        if (ok && std::isfinite(product))
            o.tokensPerStep = product;
        else if (problem != nullptr)
            *problem = tr("Tokens per step must be a positive number or a product such as 1024 \u00d7 2048, "
                          "not \u201c%1\u201d.").arg(tokens);
    }
    return o;
}

void RunLogsDialog::updateSummary()
{
    QPushButton* load = m_buttons->button(QDialogButtonBox::Ok);
    if (!m_contents) {
        load->setEnabled(false);
        return;
    }
    QString problem;
    const core::RunMetadataOptions o = logOptions(&problem);
    if (problem.isEmpty() && o.metric.empty())
        problem = tr("Choose the metric to use as loss.");
    QStringList lines;
    if (problem.isEmpty()) {
        auto notes = core::describeQuantities(*m_contents, o);
        if (!notes)
            problem = qs(notes.error().toString());
        else
            for (const std::string& n : *notes)
                lines << qs(n).toHtmlEscaped();
    }
    if (!problem.isEmpty())
        m_summary->setText(QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(problem.toHtmlEscaped()));
    else
        m_summary->setText(lines.join(QStringLiteral("<br>")));
    load->setEnabled(problem.isEmpty());
}

core::ImportOptions RunLogsDialog::options() const
{
    core::ImportOptions out = m_base;
    out.logs = logOptions(nullptr);
    return out;
}

} // namespace ui
