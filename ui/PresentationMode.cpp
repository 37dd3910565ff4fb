// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PresentationMode.h"

#include "ui/ChartStyle.h"
#include "ui/ChartViews.h"

#include <QAction>
#include <QChartView>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace ui {

PresentationMode::PresentationMode(QMainWindow* window, ChartViews* views)
    : QObject(window), m_window(window), m_views(views), m_action(new QAction(tr("&Presentation Mode"), window)),
      m_leave(new QAction(window))
{
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F11));
    m_action->setToolTip(tr("Full-screen chart with large fonts and the key numbers (F11; Esc leaves)"));
    connect(m_action, &QAction::toggled, this, &PresentationMode::setEnabled);
    window->addAction(m_action); // the shortcut works while the menu bar is hidden
    m_leave->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leave->setEnabled(false);
    connect(m_leave, &QAction::triggered, this, [this] { setEnabled(false); });
    window->addAction(m_leave);
}

void PresentationMode::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    m_action->setChecked(on);
    m_leave->setEnabled(on);
    if (on) {
        m_layout = m_window->saveState();
        m_wasFullScreen = m_window->isFullScreen();
        m_wasMaximized = m_window->isMaximized();
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            dock->hide();
        for (QToolBar* bar : m_window->findChildren<QToolBar*>())
            bar->hide();
        m_window->menuBar()->hide();
        m_window->statusBar()->hide();
        m_window->showFullScreen();
    } else {
        m_window->menuBar()->show();
        m_window->statusBar()->show();
        m_window->restoreState(m_layout);
        if (!m_wasFullScreen)
            m_wasMaximized ? m_window->showMaximized() : m_window->showNormal();
    }
    for (QChartView* chart : m_views->charts())
        ChartStyle::apply(chart->chart(), on ? ChartStyle::Kind::Presentation : ChartStyle::Kind::Normal);
    applyAnnotation();
}

void PresentationMode::setAnnotationText(const QString& text)
{
    m_text = text;
    applyAnnotation();
}

void PresentationMode::applyAnnotation()
{
    for (QChartView* chart : m_views->charts())
        ChartStyle::setAnnotation(chart->chart(), m_enabled ? m_text : QString());
}

} // namespace ui
