// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FitPanel.h"

#include "core/fit/Laws.h"
#include "core/io/NumberParser.h"
#include "core/util/NumberText.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/FitSummary.h"
#include "ui/ParameterTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <optional>

namespace ui {

namespace {

QLabel* wrappedLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

void selectData(QComboBox* combo, const QVariant& data)
{
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

} // namespace

FitPanel::FitPanel(Document* document, FitController* fits, QWidget* parent)
    : QWidget(parent), m_document(document), m_fits(fits), m_law(new QComboBox(this)), m_formula(wrappedLabel(this)),
      m_x(new QComboBox(this)), m_objective(new QComboBox(this)), m_grid(new QComboBox(this)),
      m_points(new QComboBox(this)), m_bootstrap(new QSpinBox(this)), m_dropTop(new QSpinBox(this)), m_backtest(new QCheckBox(tr("Fit below"), this)),
      m_backtestQuantity(new QComboBox(this)), m_backtestCutoff(new QLineEdit(this)),
      m_rangeQuantity(new QComboBox(this)), m_rangeLo(new QLineEdit(this)), m_rangeHi(new QLineEdit(this)),
      m_model(new ParameterTableModel(document, fits, this)), m_table(new QTableView(this)), m_stats(wrappedLabel(this)),
      m_optima(wrappedLabel(this)), m_warnings(wrappedLabel(this)), m_error(wrappedLabel(this))
{
    for (const core::Law* law : core::laws()) {
        m_law->addItem(QString::fromUtf8(law->id().data(), static_cast<qsizetype>(law->id().size())),
                       QString::fromUtf8(law->id().data(), static_cast<qsizetype>(law->id().size())));
        m_law->setItemData(m_law->count() - 1, QString::fromUtf8(law->formula().data(), static_cast<qsizetype>(law->formula().size())),
                           Qt::ToolTipRole);
    }
    for (auto q : {core::XQuantity::N, core::XQuantity::D, core::XQuantity::C})
        m_x->addItem(QString::fromUtf8(core::xQuantityName(q).data()), static_cast<int>(q));
    m_x->setToolTip(tr("The input of a one-variable law"));
    m_objective->addItem(tr("least squares of log loss"), static_cast<int>(core::Objective::LsqLog));
    m_objective->addItem(tr("least squares of loss"), static_cast<int>(core::Objective::Lsq));
    m_objective->addItem(tr("Huber of log loss (\u03b4 = 10\u207b\u00b3)"), static_cast<int>(core::Objective::HuberLog));
    m_grid->addItem(tr("default (exponent grid)"), static_cast<int>(core::StartGrid::Default));
    m_grid->addItem(tr("Hoffmann's 4,500 starts"), static_cast<int>(core::StartGrid::Chinchilla));
    m_grid->addItem(tr("Latin hypercube, 32 starts"), static_cast<int>(core::StartGrid::Lhs));
    m_grid->addItem(tr("the start values only"), static_cast<int>(core::StartGrid::None));
    m_points->addItem(tr("final point of each run"), static_cast<int>(core::FitSelection::Points::Final));
    m_points->addItem(tr("lowest loss of each run"), static_cast<int>(core::FitSelection::Points::Min));
    m_points->addItem(tr("every point"), static_cast<int>(core::FitSelection::Points::All));
    m_dropTop->setRange(0, 100000);
    m_dropTop->setPrefix(tr("drop "));
    m_dropTop->setSuffix(tr(" highest"));
    m_dropTop->setToolTip(tr("Leave the highest losses out of the fit (Epoch's replication drops 5 of Chinchilla's points)"));
    m_bootstrap->setRange(0, 10000);
    m_bootstrap->setSingleStep(100);
    m_bootstrap->setSpecialValueText(tr("off"));
    m_bootstrap->setSuffix(tr(" resamples"));
    m_bootstrap->setToolTip(tr("Resample runs with replacement and refit, for percentile intervals"));
    m_backtestQuantity->addItem(QStringLiteral("N"), QStringLiteral("N"));
    m_backtestQuantity->addItem(QStringLiteral("C"), QStringLiteral("C"));
    m_backtestCutoff->setPlaceholderText(tr("e.g. 1e9"));
    m_backtest->setToolTip(tr("Fit only the runs at or below the cutoff and show how well the fit predicts the larger ones"));

    for (auto q : {core::XQuantity::N, core::XQuantity::D, core::XQuantity::C})
        m_rangeQuantity->addItem(QString::fromUtf8(core::xQuantityName(q).data()), static_cast<int>(q));
    m_rangeLo->setPlaceholderText(tr("from"));
    m_rangeHi->setPlaceholderText(tr("to"));
    for (QLineEdit* e : {m_rangeLo, m_rangeHi})
        e->setToolTip(tr("Fit only points in this range (blank: no limit), e.g. 1e8 or 3e21"));
    auto* form = new QFormLayout;
    form->addRow(tr("Law"), m_law);
    form->addRow(m_formula);
    form->addRow(tr("x"), m_x);
    form->addRow(tr("Objective"), m_objective);
    form->addRow(tr("Starts"), m_grid);
    auto* pointsRow = new QHBoxLayout;
    pointsRow->addWidget(m_points, 1);
    pointsRow->addWidget(m_dropTop);
    form->addRow(tr("Points"), pointsRow);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_rangeQuantity);
    rangeRow->addWidget(m_rangeLo, 1);
    rangeRow->addWidget(new QLabel(QStringLiteral("\u2013"), this));
    rangeRow->addWidget(m_rangeHi, 1);
    form->addRow(tr("Fit range"), rangeRow);
    form->addRow(tr("Bootstrap"), m_bootstrap);
    auto* backtestRow = new QHBoxLayout;
    backtestRow->addWidget(m_backtest);
    backtestRow->addWidget(m_backtestQuantity);
    backtestRow->addWidget(new QLabel(QStringLiteral("\u2264"), this));
    backtestRow->addWidget(m_backtestCutoff, 1);
    form->addRow(tr("Backtest"), backtestRow);

    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setMinimumHeight(150);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0b040; padding: 4px; color: #5a4000; }"));
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fde7ea; border: 1px solid #d04050; padding: 4px; color: #800018; }"));
    m_warnings->hide();
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_warnings);
    layout->addWidget(m_stats);
    layout->addWidget(m_optima);

    auto edit = [this](auto change, const QString& text) {
        core::FitJobSpec spec = m_document->fitSpec();
        change(spec);
        m_document->setFitSpec(spec, text);
    };
    connect(m_law, &QComboBox::activated, this, [this, edit](int i) {
        const std::string id = m_law->itemData(i).toString().toStdString();
        edit([&](core::FitJobSpec& s) {
            if (s.lawId == id)
                return;
            s.lawId = id;
            s.fixed.clear(); // parameter names belong to the old law
            s.bounds.clear();
            s.starts.clear();
            if (s.grid == core::StartGrid::Chinchilla && id != "chinchilla")
                s.grid = core::StartGrid::Default;
        }, tr("Fit law %1").arg(QString::fromStdString(id)));
    });
    connect(m_x, &QComboBox::activated, this, [this, edit](int i) {
        edit([&](core::FitJobSpec& s) { s.selection.x = static_cast<core::XQuantity>(m_x->itemData(i).toInt()); },
             tr("Fit against %1").arg(m_x->itemText(i)));
    });
    connect(m_objective, &QComboBox::activated, this, [this, edit](int i) {
        edit([&](core::FitJobSpec& s) { s.objective = static_cast<core::Objective>(m_objective->itemData(i).toInt()); },
             tr("Objective %1").arg(m_objective->itemText(i)));
    });
    connect(m_grid, &QComboBox::activated, this, [this, edit](int i) {
        edit([&](core::FitJobSpec& s) { s.grid = static_cast<core::StartGrid>(m_grid->itemData(i).toInt()); },
             tr("Starts: %1").arg(m_grid->itemText(i)));
    });
    connect(m_points, &QComboBox::activated, this, [this, edit](int i) {
        edit([&](core::FitJobSpec& s) {
            s.selection.points = static_cast<core::FitSelection::Points>(m_points->itemData(i).toInt());
        }, tr("Fit the %1").arg(m_points->itemText(i)));
    });
    connect(m_dropTop, &QSpinBox::editingFinished, this, [this, edit] {
        edit([&](core::FitJobSpec& s) { s.selection.excludeTopLoss = static_cast<std::size_t>(m_dropTop->value()); },
             tr("Drop the %1 highest losses").arg(m_dropTop->value()));
    });
    connect(m_bootstrap, &QSpinBox::editingFinished, this, [this, edit] {
        edit([&](core::FitJobSpec& s) { s.bootstrap = static_cast<std::size_t>(m_bootstrap->value()); },
             tr("Bootstrap %1 resamples").arg(m_bootstrap->value()));
    });
    connect(m_rangeQuantity, &QComboBox::activated, this, &FitPanel::applyRange);
    connect(m_rangeLo, &QLineEdit::editingFinished, this, &FitPanel::applyRange);
    connect(m_rangeHi, &QLineEdit::editingFinished, this, &FitPanel::applyRange);
    connect(m_backtest, &QCheckBox::toggled, this, &FitPanel::applyBacktest);
    connect(m_backtestQuantity, &QComboBox::activated, this, &FitPanel::applyBacktest);
    connect(m_backtestCutoff, &QLineEdit::editingFinished, this, &FitPanel::applyBacktest);

    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what & (Document::Change::FitSettings | Document::Change::Sweep))
            syncFromSpec();
    });
    connect(m_fits, &FitController::resultChanged, this, &FitPanel::showResult);
    syncFromSpec();
    showResult();
}

void FitPanel::applyBacktest()
{
    core::FitJobSpec spec = m_document->fitSpec();
    std::optional<core::HoldoutSplit> split;
    if (m_backtest->isChecked()) {
        const QByteArray text = m_backtestCutoff->text().trimmed().toUtf8();
        const auto v = core::parseNumber(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        const bool valid = v && std::isfinite(*v) && *v > 0;
        m_backtestCutoff->setStyleSheet(valid || text.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #fde7ea; }"));
        m_backtestCutoff->setToolTip(valid || text.isEmpty() ? QString() : tr("Not a number > 0: %1").arg(QString::fromUtf8(text)));
        if (!valid)
            return; // wait for a usable cutoff
        split = core::HoldoutSplit{m_backtestQuantity->currentData().toString().at(0).toLatin1(), *v};
    }
    spec.backtest = split;
    m_document->setFitSpec(spec, split ? tr("Backtest below %1").arg(m_backtestCutoff->text().trimmed()) : tr("No backtest"));
}

void FitPanel::applyRange()
{
    // Blank: no limit; otherwise a number > 0 (1e8, 3e21); bad text is marked and not applied.
    auto read = [this](QLineEdit* e, double blank) -> std::optional<double> {
        const QByteArray text = e->text().trimmed().toUtf8();
        if (text.isEmpty()) {
            e->setStyleSheet(QString());
            return blank;
        }
        const auto v = core::parseNumber(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        const bool ok = v && std::isfinite(*v) && *v > 0;
        e->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { background: #fde7ea; }"));
        e->setToolTip(ok ? QString() : tr("Not a number > 0: %1").arg(QString::fromUtf8(text)));
        return ok ? v : std::nullopt;
    };
    const auto lo = read(m_rangeLo, 0.0);
    const auto hi = read(m_rangeHi, std::numeric_limits<double>::infinity());
    if (!lo || !hi)
        return;
    core::FitJobSpec spec = m_document->fitSpec();
    if (*lo == 0.0 && std::isinf(*hi)) {
        spec.range.reset();
    } else if (*lo < *hi) {
        spec.range = core::FitRange{static_cast<core::XQuantity>(m_rangeQuantity->currentData().toInt()), *lo, *hi};
    } else {
        m_rangeHi->setStyleSheet(QStringLiteral("QLineEdit { background: #fde7ea; }"));
        m_rangeHi->setToolTip(tr("The upper end must be above the lower end"));
        return;
    }
    m_document->setFitSpec(spec, spec.range ? tr("Fit range %1 %2\u2013%3").arg(m_rangeQuantity->currentText(),
                                                                                 m_rangeLo->text(), m_rangeHi->text())
                                            : tr("No fit range"));
}

void FitPanel::syncFromSpec()
{
    const core::FitJobSpec& s = m_document->fitSpec();
    selectData(m_law, QString::fromStdString(s.lawId));
    const core::Law* law = core::lawById(s.lawId);
    m_formula->setText(law != nullptr ? QStringLiteral("<i>%1</i>").arg(QString::fromUtf8(law->formula().data(), static_cast<qsizetype>(law->formula().size())).toHtmlEscaped()) : QString());
    selectData(m_x, static_cast<int>(s.selection.x));
    m_x->setEnabled(law != nullptr && law->usesX());
    selectData(m_objective, static_cast<int>(s.objective));
    selectData(m_grid, static_cast<int>(s.grid));
    selectData(m_points, static_cast<int>(s.selection.points));
    {
        const QSignalBlocker block(m_bootstrap), block2(m_dropTop);
        m_bootstrap->setValue(static_cast<int>(s.bootstrap));
        m_dropTop->setValue(static_cast<int>(s.selection.excludeTopLoss));
    }
    {
        const QSignalBlocker r1(m_rangeQuantity), r2(m_rangeLo), r3(m_rangeHi);
        if (s.range) {
            selectData(m_rangeQuantity, static_cast<int>(s.range->quantity));
            m_rangeLo->setText(s.range->lower > 0 ? QString::fromStdString(core::shortestText(s.range->lower)) : QString());
            m_rangeHi->setText(std::isfinite(s.range->upper) ? QString::fromStdString(core::shortestText(s.range->upper))
                                                             : QString());
        } else {
            m_rangeLo->clear();
            m_rangeHi->clear();
        }
    }
    const QSignalBlocker b1(m_backtest), b2(m_backtestQuantity), b3(m_backtestCutoff);
    m_backtest->setChecked(s.backtest.has_value());
    if (s.backtest) {
        selectData(m_backtestQuantity, QString(QChar::fromLatin1(s.backtest->quantity)));
        m_backtestCutoff->setText(QString::fromStdString(core::shortestText(s.backtest->threshold)));
    }
}

void FitPanel::showResult()
{
    const auto& result = m_fits->result();
    m_error->setVisible(!m_fits->errorText().isEmpty());
    m_error->setText(m_fits->errorText().toHtmlEscaped());
    if (result == nullptr) {
        m_stats->setText(m_fits->isBusy() ? tr("Fitting\u2026") : QString());
        m_optima->clear();
        m_warnings->hide();
        return;
    }
    QString stats = FitSummary::statistics(*result, m_fits->resultSpec());
    if (m_fits->bootstrapPending() && m_fits->isBusy())
        stats += tr("<br><i>Bootstrap running\u2026</i>");
    m_stats->setText(stats);
    const QStringList optima = FitSummary::optima(*result);
    m_optima->setText(optima.size() > 1 ? tr("<b>Distinct optima</b> (objective, parameters):<br>%1").arg(optima.join(QStringLiteral("<br>")))
                                        : QString());
    const QStringList warnings = FitSummary::warnings(*result);
    m_warnings->setVisible(!warnings.isEmpty());
    QStringList items;
    for (const QString& w : warnings)
        items << QStringLiteral("\u26a0 ") + w.toHtmlEscaped();
    m_warnings->setText(items.join(QStringLiteral("<br>")));
}

} // namespace ui
