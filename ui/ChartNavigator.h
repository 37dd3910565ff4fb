// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPoint>

class QRubberBand;

namespace ui {

class LogLogChartView;

/// Mouse and keyboard navigation for a LogLogChartView, as an event filter on its viewport:
/// wheel zooms around the cursor; left or middle drag pans; Shift+left or right drag draws a
/// rubber band and zooms to it; double-click and Home reset; +/- zoom around the centre.
/// Presses are never forwarded to QChartView (avoids QTBUG-115072/118669 in Qt 6.4); plain moves
/// are, so series hover still works. A child of the view; GUI thread only.
class ChartNavigator : public QObject {
    Q_OBJECT
public:
    explicit ChartNavigator(LogLogChartView* view);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Drag { None, Pan, Band };

    LogLogChartView* m_view;
    Drag m_drag = Drag::None;
    QPoint m_start;
    QPoint m_last;
    QRubberBand* m_band = nullptr;
};

} // namespace ui
