// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TaskProgressWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace ui {

namespace {
constexpr int kSteps = 1000;
}

TaskProgressWidget::TaskProgressWidget(QWidget* parent)
    : QWidget(parent), m_stage(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this))
{
    m_bar->setRange(0, kSteps);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(140);
    m_bar->setMaximumHeight(14);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this work; the last finished result stays"));
    m_cancel->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stage);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &TaskProgressWidget::cancelRequested);
    hide();
}

void TaskProgressWidget::showProgress(const QString& stage, double fraction)
{
    m_stage->setText(stage + QStringLiteral("\u2026"));
    if (fraction < 0) {
        m_bar->setRange(0, 0);
    } else {
        m_bar->setRange(0, kSteps);
        m_bar->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kSteps));
    }
    show();
}

void TaskProgressWidget::setFraction(double fraction)
{
    m_bar->setRange(0, kSteps);
    m_bar->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kSteps));
}

void TaskProgressWidget::finish()
{
    hide();
}

} // namespace ui
