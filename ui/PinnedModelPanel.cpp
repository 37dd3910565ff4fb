// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PinnedModelPanel.h"

#include "core/io/NumberParser.h"
#include "ui/NumberFormat.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include <cmath>
#include <string_view>
#include <utility>

namespace ui {

namespace {

const QString kMissing = QStringLiteral("\u2013");

QLabel* readoutLabel(QWidget* parent)
{
    auto* label = new QLabel(kMissing, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

WrappedLabel* errorLabel(QWidget* parent)
{
    auto* label = new WrappedLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #c0392b;"));
    label->hide();
    return label;
}

/// "+" or "-" for a signed difference (a typographic minus).
QString sign(double v)
{
    return v < 0.0 ? QStringLiteral("\u2212") : QStringLiteral("+");
}

} // namespace

PinnedModelPanel::PinnedModelPanel(QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_edit(new QLineEdit(this))
    , m_valueError(errorLabel(this))
    , m_message(errorLabel(this))
    , m_readouts(new QWidget(this))
    , m_otherCaption(new QLabel(m_readouts))
    , m_other(readoutLabel(m_readouts))
    , m_ratio(readoutLabel(m_readouts))
    , m_loss(readoutLabel(m_readouts))
    , m_penalty(readoutLabel(m_readouts))
    , m_sameLossFlops(readoutLabel(m_readouts))
    , m_sameLossAllocation(readoutLabel(m_readouts))
    , m_extra(readoutLabel(m_readouts))
{
    m_combo->addItem(tr("No pin"));
    m_combo->addItem(tr("Pin model size N"));
    m_combo->addItem(tr("Pin token count D"));
    m_combo->setToolTip(tr("Fix the model size or the token count at the current budget and compare the "
                           "result with the compute-optimal allocation"));
    m_penalty->setToolTip(tr("Predicted loss minus the compute-optimal loss at the same budget C"));
    m_sameLossFlops->setToolTip(tr("C*: the smallest budget whose compute-optimal allocation reaches the "
                                   "pinned allocation's predicted loss"));
    m_sameLossAllocation->setToolTip(tr("N* and D*: the compute-optimal allocation at C*"));
    m_extra->setToolTip(tr("C / C* \u2212 1 and C \u2212 C*: the compute the pin spends beyond the optimum "
                           "for the same loss"));

    auto* readoutForm = new QFormLayout(m_readouts);
    readoutForm->setContentsMargins(0, 0, 0, 0);
    readoutForm->addRow(m_otherCaption, m_other);
    readoutForm->addRow(tr("Tokens per parameter"), m_ratio);
    readoutForm->addRow(tr("Predicted loss"), m_loss);
    readoutForm->addRow(tr("Loss vs optimum at C"), m_penalty);
    readoutForm->addRow(tr("Optimum's FLOPs for this loss"), m_sameLossFlops);
    readoutForm->addRow(tr("Optimum's allocation"), m_sameLossAllocation);
    readoutForm->addRow(tr("Extra compute"), m_extra);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Pin"), m_combo);
    form->addRow(tr("Pinned value"), m_edit);
    form->addRow(QString(), m_valueError);
    form->addRow(QString(), m_message);
    form->addRow(m_readouts);

    connect(m_combo, &QComboBox::currentIndexChanged, this, &PinnedModelPanel::onPinChosen);
    connect(m_edit, &QLineEdit::editingFinished, this, &PinnedModelPanel::onValueEdited);
    onPinChosen(m_combo->currentIndex());
}

void PinnedModelPanel::setModel(const core::Law* law, std::vector<double> params)
{
    m_law = law;
    m_params = std::move(params);
    recompute();
}

void PinnedModelPanel::setBudget(double C)
{
    m_budget = C;
    recompute();
}

void PinnedModelPanel::setPin(Pin pin)
{
    const int index = static_cast<int>(pin);
    if (m_combo->currentIndex() == index)
        onPinChosen(index);
    else
        m_combo->setCurrentIndex(index); // onPinChosen() via currentIndexChanged
}

PinnedModelPanel::Pin PinnedModelPanel::pin() const
{
    return static_cast<Pin>(m_combo->currentIndex());
}

std::optional<double> PinnedModelPanel::pinnedValue(Pin pin) const
{
    return pin == Pin::None ? std::nullopt : m_values[slot(pin)];
}

std::size_t PinnedModelPanel::slot(Pin pin)
{
    return pin == Pin::Tokens ? 1 : 0;
}

QString PinnedModelPanel::penaltyText(double lossPenalty, double optimalLoss)
{
    if (!std::isfinite(lossPenalty) || !std::isfinite(optimalLoss))
        return kMissing;
    const QString optimum = NumberFormat::loss(optimalLoss);
    if (std::abs(lossPenalty) <= kAtOptimum * std::abs(optimalLoss))
        return tr("+0 (the optimum, %1)").arg(optimum);
    return tr("%1%2 (optimum %3)").arg(sign(lossPenalty), NumberFormat::loss(std::abs(lossPenalty)), optimum);
}

QString PinnedModelPanel::extraText(double extraFraction, double extraFlops)
{
    if (!std::isfinite(extraFraction) || !std::isfinite(extraFlops))
        return kMissing;
    if (std::abs(extraFraction) <= kAtOptimum)
        return tr("+0% FLOPs (this is the compute-optimal allocation)");
    const double percent = 100.0 * std::abs(extraFraction);
    const QString digits = percent < 0.01  ? QStringLiteral("<0.01")
                           : percent < 100 ? QString::number(percent, 'g', 3)
                                           : QString::number(percent, 'f', 0);
    const QString flops = NumberFormat::flops(std::abs(extraFlops));
    return extraFlops < 0.0 ? tr("%1%2% FLOPs (%3 fewer)").arg(sign(extraFraction), digits, flops)
                            : tr("%1%2% FLOPs (%3 more)").arg(sign(extraFraction), digits, flops);
}

QString PinnedModelPanel::allocationText(double N, double D)
{
    return tr("%1 parameters, %2 tokens").arg(NumberFormat::count(N), NumberFormat::count(D));
}

QString PinnedModelPanel::ratioText(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 3) : kMissing;
}

void PinnedModelPanel::onPinChosen(int index)
{
    const Pin chosen = static_cast<Pin>(index);
    m_valueError->hide();
    if (chosen == Pin::None) {
        m_edit->clear();
        m_edit->setPlaceholderText(QString());
        m_edit->setToolTip(QString());
    } else {
        const bool size = chosen == Pin::ModelSize;
        m_edit->setText(m_texts[slot(chosen)]);
        m_edit->setPlaceholderText(size ? tr("parameters, e.g. 7B or 70e9") : tr("tokens, e.g. 1.4T or 2e12"));
        m_edit->setToolTip(size ? tr("Model size N in parameters: 7B, 70e9, 350M (suffixes K, M, B or G, T)")
                                : tr("Training tokens D: 1.4T, 2e12, 300B (suffixes K, M, B or G, T)"));
        m_otherCaption->setText(size ? tr("D (tokens)") : tr("N (parameters)"));
    }
    m_edit->setEnabled(chosen != Pin::None);
    recompute();
}

void PinnedModelPanel::onValueEdited()
{
    const Pin current = pin();
    if (current == Pin::None)
        return;
    const std::size_t i = slot(current);
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        m_values[i].reset();
        m_texts[i].clear();
        m_valueError->hide();
        recompute();
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    double v = 0.0;
    if (!core::parseNumber(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), v)
        || !std::isfinite(v) || v <= 0.0) {
        const QString kept = m_values[i] ? tr("keeping %1").arg(m_texts[i]) : tr("nothing pinned yet");
        m_valueError->show();
        m_valueError->setWrappedText(current == Pin::ModelSize
                                  ? tr("Not a model size: enter a positive number of parameters such as 7B, "
                                       "70e9 or 350M; %1")
                                        .arg(kept)
                                  : tr("Not a token count: enter a positive number of tokens such as 1.4T, "
                                       "2e12 or 300B; %1")
                                        .arg(kept));
        return;
    }
    m_valueError->hide();
    m_values[i] = v;
    m_texts[i] = text;
    recompute();
}

void PinnedModelPanel::showMessage(const QString& text)
{
    m_message->setVisible(!text.isEmpty());
    m_message->setWrappedText(text);
}

void PinnedModelPanel::recompute()
{
    m_result.reset();
    for (QLabel* label : {m_other, m_ratio, m_loss, m_penalty, m_sameLossFlops, m_sameLossAllocation, m_extra})
        label->setText(kMissing);
    const Pin current = pin();
    m_readouts->setVisible(current != Pin::None);
    if (current == Pin::None) {
        showMessage(QString());
    } else if (m_law == nullptr) {
        showMessage(tr("No fitted law in N and D yet."));
    } else if (!m_values[slot(current)]) {
        showMessage(current == Pin::ModelSize ? tr("Enter a model size to pin, e.g. 70B.")
                                              : tr("Enter a token count to pin, e.g. 1.4T."));
    } else {
        const char which = current == Pin::ModelSize ? 'N' : 'D';
        auto r = core::pinnedAllocation(*m_law, m_params, m_budget, which, *m_values[slot(current)]);
        if (!r) {
            showMessage(QString::fromStdString(r.error().toString()));
        } else {
            showMessage(QString());
            m_result = *r;
            const core::PinnedAllocation& p = *m_result;
            m_other->setText(NumberFormat::count(which == 'N' ? p.D : p.N));
            m_ratio->setText(ratioText(p.tokensPerParam));
            m_loss->setText(NumberFormat::loss(p.loss));
            m_penalty->setText(penaltyText(p.lossPenalty, p.optimalLoss));
            m_sameLossFlops->setText(NumberFormat::flops(p.cForSameLoss));
            m_sameLossAllocation->setText(allocationText(p.nForSameLoss, p.dForSameLoss));
            m_extra->setText(extraText(p.extraFraction, p.extraFlops));
        }
    }
    Q_EMIT resultChanged();
}

} // namespace ui
