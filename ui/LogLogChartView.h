// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/PlotPoints.h"
#include "ui/RunPlotContent.h"

#include <QChartView>
#include <QColor>
#include <QTimer>

#include <optional>
#include <utility>
#include <vector>

class QScatterSeries;
class QXYSeries;

namespace ui {

class Document;
class LogTickAxis;
class CurveLayer;
class OverlayLayer;

/// Loss against N, D or C on log-log axes for the Document's visible runs. Plots log10(x) and
/// log10(y) on linear LogTickAxis axes labelled from core::logTicks/formatTick, with lighter minor
/// grid lines. Runs with several points are curves drawn by one CurveLayer from core::decimateLogMinMax
/// output for the visible x range and plot width (re-decimated on zoom and resize, coalesced by a
/// timer); runs with one point are markers, one QScatterSeries per legend entry of the ColorScale.
/// Only core::logPlotPoints output is plotted, so no series ever gets a point <= 0 or NaN.
/// Mouse and keyboard navigation is a ChartNavigator installed by the constructor (wheel zoom,
/// drag pan, rubber band, reset, click or Shift+drag to exclude); hovering a series shows run, x and
/// loss in a tooltip. Runs excluded from the fit are drawn hollow (markers) or faint (curves).
/// Never uses OpenGL or animations. Does not own the Document. GUI thread only.
class LogLogChartView : public QChartView {
    Q_OBJECT
public:
    explicit LogLogChartView(Document* document, QWidget* parent = nullptr);
    ~LogLogChartView() override;

    /// Visible range in data units (> 0), lower then upper.
    [[nodiscard]] std::pair<double, double> visibleXRange() const;
    [[nodiscard]] std::pair<double, double> visibleYRange() const;
    /// Shows [xLo, xHi] x [yLo, yHi] (data units, > 0).
    void setVisibleRange(double xLo, double xHi, double yLo, double yHi);
    /// Back to the range of all plotted points (and the extra home point, if set).
    void resetZoom();
    /// A point (axis units: log10 x, log10 loss) that resetZoom() shows besides the data, e.g. the
    /// budget's optimum; nullopt removes it. Does not move the current view.
    void setHomeExtra(std::optional<QPointF> logPoint);
    /// Zooms both axes by `factor` (< 1 zooms in) keeping the value under `viewPos` in place.
    void zoomAt(QPointF viewPos, double factor);

    /// Indices: curves first, then marker groups. series() is null for a curve (curves are not
    /// Qt series); pointCount() and shownPoints() work for both.
    [[nodiscard]] int seriesCount() const;
    [[nodiscard]] int curveCount() const { return static_cast<int>(m_content.curves.size()); }
    [[nodiscard]] int markerSeriesCount() const { return static_cast<int>(m_markerSeries.size()); }
    [[nodiscard]] QXYSeries* series(int index) const;
    [[nodiscard]] int pointCount(int index) const;
    /// The points series `index` currently shows, in data units (exact, not round-tripped).
    [[nodiscard]] const core::PlotPoints& shownPoints(int index) const;
    [[nodiscard]] int markerCount() const;
    /// Applies a pending (timer-coalesced) re-decimation now; tests call this after a zoom.
    void flushPendingUpdate();
    [[nodiscard]] const CurveLayer* curveLayer() const { return m_curveLayer; }
    [[nodiscard]] LogTickAxis* axisX() const { return m_axisX; }
    [[nodiscard]] LogTickAxis* axisY() const { return m_axisY; }
    /// Plot area width in pixels (the decimation's column count).
    [[nodiscard]] int plotWidthPixels() const;

    /// The plot area in viewport coordinates.
    [[nodiscard]] QRectF plotAreaInView() const;
    /// The log10 (x, y) under a viewport position (extrapolated outside the plot area).
    [[nodiscard]] QPointF viewToLog(QPointF viewPos) const;
    /// Moves the visible range so content follows a mouse drag of `delta` viewport pixels.
    void panByPixels(QPointF delta);
    /// Zooms to the part of the plot area inside `rect` (viewport coordinates).
    void zoomToViewRect(const QRectF& rect);

    /// The run whose drawn point (marker or curve point) is nearest to `viewPos` within a few
    /// pixels, or -1.
    [[nodiscard]] int runAt(QPointF viewPos) const;
    /// Runs with a drawn point inside `rect` (viewport coordinates), ascending.
    [[nodiscard]] std::vector<std::size_t> runsInViewRect(const QRectF& rect) const;
    /// Excludes the run at `viewPos` from the fit, or includes it again (undoable); false if none.
    bool toggleExclusionAt(QPointF viewPos);
    /// Excludes (or includes) every run drawn inside `rect`, as one undoable step.
    void excludeInViewRect(const QRectF& rect, bool exclude);
    /// Runs the current fit leaves out by its own rules (the highest losses dropped, outside the
    /// fit range), one flag per sweep run; they are drawn hollow like the runs the user excluded.
    /// An empty vector: none. Rebuilds the markers when it changes.
    void setLeftOutByFit(std::vector<char> runs);
    /// The layer the fit's curves, bands and markers are drawn on.
    [[nodiscard]] OverlayLayer* overlay() const { return m_overlay; }
    /// Viewport position of an axis-unit point (log10 x, log10 y).
    [[nodiscard]] QPointF logToView(QPointF logPoint) const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuild(bool resetRange);
    void updateHome();
    /// Excluded by the user or left out by the fit's rules: drawn hollow (markers) or faint (curves).
    [[nodiscard]] bool isHollow(int run) const;
    void redecimate();
    void scheduleRedecimate();
    void updateAxisTitles();
    void showHoverTip(const QString& name, QPointF logPoint, bool state);
    /// Adds marker group `k` of m_content to the chart as a scatter series (hollow if excluded).
    void addMarkerSeries(std::size_t k);

    Document* m_document;
    LogTickAxis* m_axisX;
    LogTickAxis* m_axisY;
    CurveLayer* m_curveLayer; ///< draws m_content.curves; a child item of the chart
    OverlayLayer* m_overlay;  ///< the fit's curves and markers; a child item of the chart
    RunPlotContent m_content;
    std::vector<QScatterSeries*> m_markerSeries; ///< one per m_content.markers group; owned by the chart
    std::vector<char> m_leftOutByFit;
    std::optional<QRectF> m_dataBox; ///< log10 extent of the plotted points
    std::optional<QPointF> m_homeExtra;
    double m_homeX[2] = {0, 1};
    double m_homeY[2] = {0, 1};
    QTimer m_redecimateTimer;
};

} // namespace ui
