// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>
#include <QTimer>

class QRubberBand;

namespace ui {

class LogLogChartView;

/// Mouse and keyboard navigation for a LogLogChartView, as an event filter on its viewport:
/// wheel zooms around the cursor; left or middle drag pans; a left click (no drag) on a point or
/// curve excludes it from the fit or includes it again; Shift+left drag excludes every run inside
/// the box, Ctrl+Shift+left drag includes them again; right drag zooms to a box; double-click and
/// Home reset; +/- zoom around the centre.
/// Presses are never forwarded to QChartView (avoids QTBUG-115072/118669 in Qt 6.4); plain moves
/// are, so series hover still works. Wheel steps and drag moves that arrive faster than the chart
/// can redraw (a zoom of hundreds of curves costs ~100 ms in Qt Charts) are merged and applied once
/// per event-loop pass, so the view never lags behind the mouse. A child of the view; GUI thread only.
class ChartNavigator : public QObject {
    Q_OBJECT
public:
    explicit ChartNavigator(LogLogChartView* view);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Drag { None, Pan, Band, Exclude, Include };
    static constexpr int kClickSlopPx = 3; ///< a press and release closer than this is a click

    /// Applies the merged zoom and pan now.
    void applyPending();

    LogLogChartView* m_view;
    Drag m_drag = Drag::None;
    QPoint m_start;
    QPoint m_last;
    QRubberBand* m_band = nullptr;
    QTimer m_apply;             ///< 0 ms single shot: runs applyPending() once the queue is drained
    double m_pendingZoom = 1.0; ///< product of the wheel steps not applied yet
    QPointF m_zoomAt;           ///< viewport position of the latest wheel step
    QPointF m_pendingPan;       ///< drag distance not applied yet, viewport pixels
};

} // namespace ui
