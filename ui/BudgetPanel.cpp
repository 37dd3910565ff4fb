// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/BudgetPanel.h"

#include "core/alloc/ComputeOptimal.h"
#include "core/io/NumberParser.h"
#include "ui/NumberFormat.h"
#include "ui/WrappedLabel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

namespace ui {

namespace {

const QString kMissing = QStringLiteral("\u2013");

/// The number in `edit`, if it parses (core::parseNumber) and is finite and > 0.
std::optional<double> positiveNumber(const QLineEdit* edit)
{
    const QByteArray text = edit->text().toUtf8();
    double v = 0.0;
    if (!core::parseNumber(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), v)
        || !std::isfinite(v) || v <= 0.0)
        return std::nullopt;
    return v;
}

QLabel* readoutLabel(QWidget* parent)
{
    auto* label = new QLabel(kMissing, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BudgetPanel::BudgetPanel(QWidget* parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_budgetEdit(new QLineEdit(this))
    , m_budgetError(new QLabel(this))
    , m_n(readoutLabel(this))
    , m_d(readoutLabel(this))
    , m_ratio(readoutLabel(this))
    , m_loss(readoutLabel(this))
    , m_message(new WrappedLabel(this))
    , m_throughputEdit(new QLineEdit(budgetText(kDefaultFlopsPerGpu), this))
    , m_utilisationEdit(new QLineEdit(QString::number(kDefaultUtilisation), this))
    , m_gpuHours(readoutLabel(this))
{
    m_slider->setToolTip(tr("Training budget C in FLOPs (logarithmic)"));
    m_budgetEdit->setToolTip(tr("Training budget C in FLOPs, e.g. 5.76e23, 1e24 or 2.5e+21"));
    m_budgetError->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_budgetError->hide();
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();
    m_throughputEdit->setToolTip(
        tr("Peak throughput per GPU in FLOP/s; the default, 989e12, is an NVIDIA H100 SXM in dense BF16"));
    m_utilisationEdit->setToolTip(
        tr("Model-FLOP utilisation: the fraction of peak throughput used (0 to 1); the default is 0.4"));
    m_gpuHours->setToolTip(tr("GPU-hours = C / (FLOP/s per GPU \u00d7 utilisation) / 3600"));

    auto* budgetRow = new QHBoxLayout;
    budgetRow->addWidget(m_slider, 1);
    budgetRow->addWidget(m_budgetEdit);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Budget C (FLOPs)"), budgetRow);
    form->addRow(QString(), m_budgetError);
    form->addRow(QString(), m_message);
    form->addRow(tr("N_opt (parameters)"), m_n);
    form->addRow(tr("D_opt (tokens)"), m_d);
    form->addRow(tr("Tokens per parameter"), m_ratio);
    form->addRow(tr("Predicted loss"), m_loss);
    form->addRow(tr("FLOP/s per GPU"), m_throughputEdit);
    form->addRow(tr("Utilisation"), m_utilisationEdit);
    form->addRow(tr("GPU-hours"), m_gpuHours);

    setDataRange(1e18, 1e22);
    m_budgetEdit->setText(budgetText(m_budget));
    placeSlider();
    connect(m_slider, &QSlider::valueChanged, this, &BudgetPanel::onSliderMoved);
    connect(m_budgetEdit, &QLineEdit::editingFinished, this, &BudgetPanel::onBudgetEdited);
    connect(m_throughputEdit, &QLineEdit::editingFinished, this, &BudgetPanel::updateGpuHours);
    connect(m_utilisationEdit, &QLineEdit::editingFinished, this, &BudgetPanel::updateGpuHours);
    recompute();
}

void BudgetPanel::setModel(const core::Law* law, std::vector<double> params,
                           std::vector<std::vector<double>> bootstrapDraws)
{
    m_law = law;
    m_params = std::move(params);
    m_draws = std::move(bootstrapDraws);
    recompute();
}

void BudgetPanel::setDataRange(double cMin, double cMax)
{
    if (!(cMin > 0.0) || !(cMax >= cMin) || !std::isfinite(cMax))
        return;
    const int lo = static_cast<int>(std::floor((std::log10(cMin) - 1.0) * kTicksPerDecade));
    const int hi = static_cast<int>(std::ceil((std::log10(cMax) + 3.0) * kTicksPerDecade));
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(lo, hi);
        m_slider->setSingleStep(1);
        m_slider->setPageStep(kTicksPerDecade / 10);
    }
    placeSlider();
}

void BudgetPanel::setBudget(double C)
{
    if (!std::isfinite(C) || C <= 0.0 || C == m_budget)
        return; // the same budget: nothing to recompute (a slider move comes back here via the Document)
    m_budgetEdit->setText(budgetText(C));
    m_budgetError->hide();
    m_budget = C;
    placeSlider();
    recompute();
    Q_EMIT budgetChanged(C);
}

QString BudgetPanel::readoutText(double value, const core::PercentileInterval* interval, QString (*format)(double))
{
    QString text = format(value);
    if (interval != nullptr)
        text += QStringLiteral(" [%1 \u2013 %2]").arg(format(interval->lower), format(interval->upper));
    return text;
}

QString BudgetPanel::ratioText(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 3) : kMissing;
}

QString BudgetPanel::budgetText(double C)
{
    return NumberFormat::budget(C);
}

void BudgetPanel::onSliderMoved(int tick)
{
    const double C = std::pow(10.0, static_cast<double>(tick) / kTicksPerDecade);
    m_budgetEdit->setText(budgetText(C));
    m_budgetError->hide();
    if (C == m_budget)
        return;
    m_budget = C;
    recompute();
    Q_EMIT budgetChanged(C);
}

void BudgetPanel::onBudgetEdited()
{
    const std::optional<double> C = positiveNumber(m_budgetEdit);
    if (!C) {
        m_budgetError->setText(tr("Not a budget: enter a positive number of FLOPs such as 5.76e23 or 1e24; "
                                  "keeping %1")
                                   .arg(budgetText(m_budget)));
        m_budgetError->show();
        return;
    }
    m_budgetError->hide();
    if (*C == m_budget)
        return;
    m_budget = *C;
    placeSlider();
    recompute();
    Q_EMIT budgetChanged(*C);
}

void BudgetPanel::placeSlider()
{
    const double t = std::round(std::log10(m_budget) * kTicksPerDecade);
    const double clamped = std::clamp(t, static_cast<double>(m_slider->minimum()),
                                      static_cast<double>(m_slider->maximum()));
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(static_cast<int>(clamped));
}

void BudgetPanel::showMessage(const QString& text)
{
    m_message->setVisible(!text.isEmpty());
    m_message->setWrappedText(text);
}

void BudgetPanel::recompute()
{
    updateGpuHours();
    m_allocation.reset();
    m_intervals.reset();
    for (QLabel* label : {m_n, m_d, m_ratio, m_loss})
        label->setText(kMissing);
    if (m_law == nullptr) {
        showMessage(tr("No fitted law in N and D yet."));
        return;
    }
    const core::Law& law = *m_law;
    const double C = m_budget;
    auto allocation = core::computeOptimal(law, m_params, C);
    if (!allocation) {
        showMessage(QString::fromStdString(allocation.error().message)); // no "--law:" prefix in the GUI
        return;
    }
    m_allocation = *allocation;

    std::optional<core::AllocationIntervals> intervals;
    QString message;
    if (!m_draws.empty()) {
        auto result = core::allocationIntervals(
            law, m_draws, [&law, C](std::span<const double> p) { return core::computeOptimal(law, p, C); }, 0.95,
            1);
        if (result) {
            intervals = std::move(*result);
            if (intervals->failed > 0)
                message = tr("%n bootstrap draw(s) had no allocation and were left out of the intervals.", nullptr,
                             static_cast<int>(intervals->failed));
        } else {
            message = tr("No intervals: %1").arg(QString::fromStdString(result.error().toString()));
        }
    }
    showMessage(message);
    m_intervals = intervals;
    const core::Allocation& a = *m_allocation;
    const auto* ci = intervals ? &*intervals : nullptr;
    m_n->setText(readoutText(a.N, ci ? &ci->N : nullptr, &NumberFormat::count));
    m_d->setText(readoutText(a.D, ci ? &ci->D : nullptr, &NumberFormat::count));
    m_ratio->setText(readoutText(a.tokensPerParam, ci ? &ci->tokensPerParam : nullptr, &BudgetPanel::ratioText));
    m_loss->setText(readoutText(a.loss, ci ? &ci->loss : nullptr, &NumberFormat::loss));
    const QString level = ci ? tr("95% percentile interval over %n bootstrap draw(s)", nullptr,
                                  static_cast<int>(ci->draws))
                             : QString();
    for (QLabel* label : {m_n, m_d, m_ratio, m_loss})
        label->setToolTip(level);
}

void BudgetPanel::updateGpuHours()
{
    const std::optional<double> flopsPerGpu = positiveNumber(m_throughputEdit);
    const std::optional<double> utilisation = positiveNumber(m_utilisationEdit);
    if (!flopsPerGpu) {
        m_gpuHours->setText(tr("Enter a positive FLOP/s per GPU"));
        return;
    }
    if (!utilisation || *utilisation > 1.0) {
        m_gpuHours->setText(tr("Enter a utilisation in (0, 1]"));
        return;
    }
    m_gpuHours->setText(NumberFormat::count(m_budget / (*flopsPerGpu * *utilisation) / 3600.0));
}

} // namespace ui
