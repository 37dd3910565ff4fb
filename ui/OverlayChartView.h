// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/LogTicks.h"
#include "ui/OverlayLayer.h"

#include <QChartView>

class QValueAxis;

namespace ui {

class LogTickAxis;

/// A chart whose whole content is one OverlayLayer: the allocation view (N_opt and D_opt against
/// C, log-log) and the residual view (log residual against N, D or C: log x, linear y). The x axis
/// is a LogTickAxis over log10 x; the y axis is a LogTickAxis (logY) or a plain linear axis.
/// setContent() draws the content and, unless the user zoomed, fits the axes to it. Wheel zooms
/// about the cursor and double-click resets. No Qt series (so nothing <= 0 ever reaches a log axis,
/// and PNG/SVG/PDF exports draw the same items). Never OpenGL. GUI thread only.
class OverlayChartView : public QChartView {
    Q_OBJECT
public:
    OverlayChartView(bool logY, QWidget* parent = nullptr);

    void setTitles(const QString& x, const QString& y);
    void setXTickStyle(core::TickStyle style);
    /// Draws `content`; the axes show `content`'s bounds padded by 5% (or keep the user's zoom
    /// when keepZoom is true and the user has zoomed).
    void setContent(OverlayLayer::Content content, bool keepZoom = false);
    /// Back to the bounds of the content.
    void resetZoom();

    [[nodiscard]] OverlayLayer* overlay() const { return m_overlay; }
    [[nodiscard]] LogTickAxis* axisX() const { return m_axisX; }
    [[nodiscard]] QValueAxis* axisY() const { return m_axisY; }
    [[nodiscard]] bool isLogY() const { return m_logY; }

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    bool m_logY;
    LogTickAxis* m_axisX;
    QValueAxis* m_axisY;
    OverlayLayer* m_overlay;
    QRectF m_home;
    bool m_zoomed = false;
};

} // namespace ui
