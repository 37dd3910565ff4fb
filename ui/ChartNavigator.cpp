// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartNavigator.h"

#include "ui/LogLogChartView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <cmath>

namespace ui {

namespace {
constexpr double kWheelStepFactor = 0.8; // per 120 units (one notch): zoom in by 20 %
}

ChartNavigator::ChartNavigator(LogLogChartView* view) : QObject(view), m_view(view)
{
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    m_apply.setSingleShot(true);
    m_apply.setInterval(0);
    connect(&m_apply, &QTimer::timeout, this, &ChartNavigator::applyPending);
}

void ChartNavigator::applyPending()
{
    m_apply.stop();
    if (!m_pendingPan.isNull())
        m_view->panByPixels(m_pendingPan);
    if (m_pendingZoom != 1.0)
        m_view->zoomAt(m_zoomAt, m_pendingZoom);
    m_pendingPan = QPointF();
    m_pendingZoom = 1.0;
}

bool ChartNavigator::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view) { // keys arrive at the view itself
        if (event->type() != QEvent::KeyPress)
            return false;
        applyPending(); // keys act after any merged wheel or drag moves
        const auto* key = static_cast<QKeyEvent*>(event);
        const QPointF centre = m_view->plotAreaInView().center();
        switch (key->key()) {
        case Qt::Key_Home: m_view->resetZoom(); return true;
        case Qt::Key_Plus:
        case Qt::Key_Equal: m_view->zoomAt(centre, kWheelStepFactor); return true;
        case Qt::Key_Minus: m_view->zoomAt(centre, 1.0 / kWheelStepFactor); return true;
        default: return false;
        }
    }
    switch (event->type()) {
    case QEvent::Wheel: {
        const auto* wheel = static_cast<QWheelEvent*>(event);
        const double notches = wheel->angleDelta().y() / 120.0;
        if (notches != 0) {
            if (!m_pendingPan.isNull() || (m_pendingZoom != 1.0 && wheel->position() != m_zoomAt))
                applyPending(); // keep the order of moves; merge only steps at one position
            m_pendingZoom *= std::pow(kWheelStepFactor, notches);
            m_zoomAt = wheel->position();
            m_apply.start();
        }
        return true;
    }
    case QEvent::MouseButtonPress: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        m_start = m_last = mouse->position().toPoint();
        const bool shiftLeft = mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ShiftModifier);
        if (mouse->button() == Qt::RightButton || shiftLeft) {
            m_drag = mouse->button() == Qt::RightButton ? Drag::Band
                     : (mouse->modifiers() & Qt::ControlModifier) ? Drag::Include
                                                                  : Drag::Exclude;
            if (m_band == nullptr)
                m_band = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());
            m_band->setGeometry(QRect(m_start, QSize()));
            m_band->show();
        } else if (mouse->button() == Qt::LeftButton || mouse->button() == Qt::MiddleButton) {
            m_drag = Drag::Pan;
            m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        }
        return true;
    }
    case QEvent::MouseMove: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QPoint pos = mouse->position().toPoint();
        if (m_drag == Drag::Pan) {
            if (m_pendingZoom != 1.0)
                applyPending();
            m_pendingPan += QPointF(pos - m_last);
            m_last = pos;
            m_apply.start();
            return true;
        }
        if (m_drag == Drag::Band || m_drag == Drag::Exclude || m_drag == Drag::Include) {
            m_band->setGeometry(QRect(m_start, pos).normalized());
            return true;
        }
        return false; // hover handling in QGraphicsView
    }
    case QEvent::MouseButtonRelease: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        applyPending();
        const QRect box = QRect(m_start, mouse->position().toPoint()).normalized();
        if (m_drag == Drag::Band || m_drag == Drag::Exclude || m_drag == Drag::Include)
            m_band->hide();
        if (m_drag == Drag::Band)
            m_view->zoomToViewRect(QRectF(box));
        else if (m_drag == Drag::Exclude || m_drag == Drag::Include)
            m_view->excludeInViewRect(QRectF(box), m_drag == Drag::Exclude);
        if (m_drag == Drag::Pan) {
            m_view->viewport()->unsetCursor();
            const QPoint moved = mouse->position().toPoint() - m_start;
            if (mouse->button() == Qt::LeftButton && moved.manhattanLength() < kClickSlopPx)
                m_view->toggleExclusionAt(mouse->position());
        }
        m_drag = Drag::None;
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        // The first click of a double-click on a point already toggled it: only empty space resets.
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (m_view->runAt(mouse->position()) >= 0)
            return true;
        m_pendingPan = QPointF();
        m_pendingZoom = 1.0;
        m_view->resetZoom();
        return true;
    }
    default:
        return false;
    }
}

} // namespace ui
