// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"
#include "ui/CurveLayer.h"
#include "ui/LogLogChartView.h"
#include "ui/LogTickAxis.h"
#include "ui/TestSweeps.h"

#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QScatterSeries>
#include <QLineSeries>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

class TestLogLogChartView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markersGetExactlyTheValidPoints();
    void rangesArePositiveAndContainData();
    void tickLabels();
    void narrowChartsNeverTruncateTickLabels();
    void visibilityAndXQuantity();
    void millionPointCurveIsDecimated();
    void manyCurvesShareAPointBudget();
    void rubberBandAndResetZoom();
    void wheelStepsAreMergedAroundTheCursor();
    void dragPans();
    void hoverShowsRunNameAndValues();
    void hoverOnACurveShowsItsNearestPoint();
    void clickExcludesAndShiftDragExcludesABox();
    void smoothingAndSeedBands();
};

namespace {
/// A curve run of `n` points against tokens 1e6..1e12 with a dip to 1.5 and a spike to 9.
core::Sweep bigCurveSweep(std::size_t n)
{
    core::Sweep s;
    s.layout = "curves";
    core::Run r;
    r.id = r.name = "big";
    r.N = 1e8;
    core::Curve c;
    c.metric = "loss";
    c.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = 1e6 * std::pow(1e6, static_cast<double>(i) / static_cast<double>(n - 1));
        double y = 3.0 + 0.1 * std::sin(static_cast<double>(i) * 0.01);
        if (i == 123456)
            y = 9.0;
        if (i == 500000)
            y = 1.5;
        if (i == 700000)
            y = std::numeric_limits<double>::quiet_NaN();
        if (i == 700001)
            y = 0.0;
        c.append(static_cast<double>(i), t, 6 * 1e8 * t, y);
    }
    r.curves.push_back(std::move(c));
    s.runs.push_back(std::move(r));
    return s;
}

/// `runs` curves of `n` points each over tokens 1e6..1e10; run k has a spike to 9 and a dip to 1 at
/// points that differ between runs.
core::Sweep manyCurvesSweep(std::size_t runs, std::size_t n)
{
    core::Sweep s;
    s.layout = "curves";
    for (std::size_t k = 0; k < runs; ++k) {
        core::Run r;
        r.id = r.name = "run " + std::to_string(k);
        r.N = 1e7 * static_cast<double>(k + 1);
        core::Curve c;
        c.metric = "loss";
        c.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double t = 1e6 * std::pow(1e4, static_cast<double>(i) / static_cast<double>(n - 1));
            double y = 2.0 + 1.0 / (1.0 + static_cast<double>(k)) + 0.01 * std::sin(static_cast<double>(i));
            if (i == (17 * k) % n)
                y = 9.0;
            if (i == (31 * k + 7) % n)
                y = 1.0;
            c.append(static_cast<double>(i), t, 6 * r.N * t, y);
        }
        r.curves.push_back(std::move(c));
        s.runs.push_back(std::move(r));
    }
    return s;
}

struct Shown {
    ui::Document doc;
    ui::LogLogChartView view{&doc};
    explicit Shown(core::Sweep s)
    {
        doc.setSweep(std::move(s));
        view.resize(900, 600);
        view.show();
    }
};
} // namespace

void TestLogLogChartView::markersGetExactlyTheValidPoints()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    QCOMPARE(t.view.curveCount(), 0);
    QCOMPARE(t.view.markerSeriesCount(), 2); // budgets 1e20 and 3e20
    QCOMPARE(t.view.seriesCount(), 2);
    QCOMPARE(t.view.markerCount(), 3);       // "nan" and "neg" are left out
    QCOMPARE(t.view.series(0)->name(), QStringLiteral("1e20 FLOPs"));
    QCOMPARE(t.view.series(1)->name(), QStringLiteral("3e20 FLOPs"));
    QCOMPARE(t.view.pointCount(0), 2);
    QCOMPARE(t.view.pointCount(1), 1);
    QCOMPARE(t.view.shownPoints(0).x, (std::vector<double>{1e9, 3e8}));
    QCOMPARE(t.view.shownPoints(0).y, (std::vector<double>{2.554, 2.8}));
    QCOMPARE(t.view.shownPoints(1).x, (std::vector<double>{5e9}));
    QCOMPARE(t.view.shownPoints(1).y, (std::vector<double>{2.4}));
    // The series itself holds log10 of exactly those points, all finite.
    QCOMPARE(t.view.series(0)->at(0), QPointF(std::log10(1e9), std::log10(2.554)));
    QCOMPARE(t.view.series(0)->at(1), QPointF(std::log10(3e8), std::log10(2.8)));
    QCOMPARE(t.view.series(1)->at(0), QPointF(std::log10(5e9), std::log10(2.4)));
    QCOMPARE(t.view.series(0)->color(), t.doc.runColor(0));
}

void TestLogLogChartView::rangesArePositiveAndContainData()
{
    Shown t(testsweeps::smallFinalLossSweep());
    const auto [xLo, xHi] = t.view.visibleXRange();
    const auto [yLo, yHi] = t.view.visibleYRange();
    QVERIFY(xLo > 0 && yLo > 0);
    QVERIFY2(xLo < 3e8 && xHi > 5e9, qPrintable(QStringLiteral("%1 %2").arg(xLo).arg(xHi)));
    QVERIFY2(yLo < 2.4 && yHi > 2.8, qPrintable(QStringLiteral("%1 %2").arg(yLo).arg(yHi)));
    // Padding is 5 % of the span in log space on each side.
    QVERIFY(xLo > 2e8 && xHi < 8e9);
    t.view.setVisibleRange(1e8, 1e10, 2, 3);
    QCOMPARE(t.view.visibleXRange().first, 1e8);
    QCOMPARE(t.view.visibleYRange().second, 3.0);
    t.view.setVisibleRange(-1, 1e10, 2, 3); // refused: not log-valid
    QCOMPARE(t.view.visibleXRange().first, 1e8);
}

void TestLogLogChartView::tickLabels()
{
    Shown t(testsweeps::smallFinalLossSweep());
    const auto [yLo, yHi] = t.view.visibleYRange();
    const QStringList yLabels = t.view.axisY()->categoriesLabels();
    QVERIFY2(yLabels.size() >= 2, qPrintable(yLabels.join(QLatin1Char(' '))));
    for (const QString& l : yLabels) {
        bool ok = false;
        const double v = l.toDouble(&ok);
        QVERIFY2(ok && !l.contains(QLatin1Char('e')) && v >= yLo && v <= yHi, qPrintable(l));
    }
    QVERIFY2(t.view.axisX()->categoriesLabels().contains(QStringLiteral("1B")),
             qPrintable(t.view.axisX()->categoriesLabels().join(QLatin1Char(' '))));
    QCOMPARE(t.view.axisX()->titleText(), QStringLiteral("Parameters N"));
    QCOMPARE(t.view.axisY()->titleText(), QStringLiteral("Loss (nats/token)"));
    t.doc.setXQuantity(core::XQuantity::C);
    QCOMPARE(t.view.axisX()->titleText(), QStringLiteral("Training compute C (FLOPs)"));
    QVERIFY2(t.view.axisX()->categoriesLabels().contains(QStringLiteral("1e20")),
             qPrintable(t.view.axisX()->categoriesLabels().join(QLatin1Char(' '))));
}

namespace {
/// Every tick label Qt Charts shows in `view`'s scene, as drawn (truncated ones end in "...").
QStringList shownAxisLabels(const ui::LogLogChartView& view, const QStringList& categories)
{
    QStringList shown;
    for (QGraphicsItem* item : view.chart()->scene()->items()) {
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (text == nullptr || !text->isVisible())
            continue;
        const QString plain = text->toPlainText();
        if (categories.contains(plain) || plain.endsWith(QStringLiteral("...")))
            shown << plain;
    }
    return shown;
}
} // namespace

void TestLogLogChartView::narrowChartsNeverTruncateTickLabels()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    t.view.setVisibleRange(1.5e8, 1.2e10, 2.1, 3.4);
    // Wide: every 1-2-5 tick and every 0.2 of loss is labelled (core::logTicks' choice).
    QTRY_COMPARE(t.view.axisX()->categoriesLabels(),
                 QStringLiteral("200M 500M 1B 2B 5B 10B").split(QLatin1Char(' ')));
    QCOMPARE(t.view.axisY()->categoriesLabels(), QStringLiteral("2.2 2.4 2.6 2.8 3 3.2 3.4").split(QLatin1Char(' ')));
    // Narrow (the view's minimum size): Qt Charts would truncate those to "2..." and hide some;
    // fewer ticks are labelled instead, and every label drawn is whole.
    t.view.resize(t.view.minimumSize());
    QTRY_VERIFY(t.view.axisX()->categoriesLabels().size() < 6);
    QTRY_VERIFY(t.view.axisY()->categoriesLabels().size() < 7);
    QCoreApplication::processEvents();
    const QStringList categories = t.view.axisX()->categoriesLabels() + t.view.axisY()->categoriesLabels();
    QVERIFY2(t.view.axisX()->categoriesLabels().size() >= 2, qPrintable(categories.join(QLatin1Char(' '))));
    QVERIFY2(t.view.axisY()->categoriesLabels().size() >= 2, qPrintable(categories.join(QLatin1Char(' '))));
    const QStringList shown = shownAxisLabels(t.view, categories);
    QVERIFY2(!shown.isEmpty(), "no axis label found in the scene");
    for (const QString& label : shown)
        QVERIFY2(!label.endsWith(QStringLiteral("...")),
                 qPrintable(QStringLiteral("truncated label '%1' among %2").arg(label, shown.join(QLatin1Char(' ')))));
    // Back to wide: all the labels return.
    t.view.resize(900, 600);
    QTRY_COMPARE(t.view.axisX()->categoriesLabels().size(), 6);
}

void TestLogLogChartView::visibilityAndXQuantity()
{
    Shown t(testsweeps::smallFinalLossSweep());
    t.doc.setRunVisible(0, false);
    QCOMPARE(t.view.markerCount(), 2);
    QCOMPARE(t.view.shownPoints(0).x, (std::vector<double>{3e8}));
    t.doc.undoStack()->undo();
    QCOMPARE(t.view.markerCount(), 3);
    t.doc.setXQuantity(core::XQuantity::D);
    QCOMPARE(t.view.shownPoints(0).x, (std::vector<double>{2e10, 5e10}));
    QCOMPARE(t.view.shownPoints(1).x, (std::vector<double>{1e10}));
    QCOMPARE(t.view.axisX()->titleText(), QStringLiteral("Training tokens D"));
    const auto [xLo, xHi] = t.view.visibleXRange();
    QVERIFY(xLo < 1e10 && xHi > 5e10);
}

void TestLogLogChartView::millionPointCurveIsDecimated()
{
    constexpr std::size_t kPoints = 1000000;
    Shown t(bigCurveSweep(kPoints));
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    t.view.flushPendingUpdate();
    QCOMPARE(t.doc.xQuantity(), core::XQuantity::D);
    QCOMPARE(t.view.curveCount(), 1);
    QCOMPARE(t.view.markerSeriesCount(), 1); // the legend entry of the colour scale ("100M params")
    QCOMPARE(t.view.markerCount(), 0);
    QCOMPARE(t.view.series(1)->name(), QStringLiteral("100M params"));
    const int width = t.view.plotWidthPixels();
    QVERIFY2(width > 500 && width < 900, qPrintable(QString::number(width)));
    const int shown = t.view.pointCount(0);
    QVERIFY2(shown > 0 && shown <= 4 * width, qPrintable(QStringLiteral("%1 > 4 x %2").arg(shown).arg(width)));
    const auto& ys = t.view.shownPoints(0).y;
    QCOMPARE(*std::max_element(ys.begin(), ys.end()), 9.0);
    QCOMPARE(*std::min_element(ys.begin(), ys.end()), 1.5);
    QVERIFY(t.view.series(0) == nullptr); // a curve is drawn by the layer, not as a Qt series
    const ui::CurveLayer* layer = t.view.curveLayer();
    QCOMPARE(layer->curveCount(), std::size_t(1));
    QCOMPARE(layer->curve(0).logPoints.size(), qsizetype(shown));
    for (const QPointF& p : layer->curve(0).logPoints)
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
    // It is really drawn: a grab shows a line's worth of pixels in the run's colour (the legend's
    // one marker of that colour is far fewer).
    const QImage image = t.view.grab().toImage();
    const QColor colour = t.doc.runColor(0);
    int near = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue()) < 40)
                ++near;
        }
    QVERIFY2(near > 600, qPrintable(QString::number(near)));
    QVERIFY(t.view.visibleYRange().first < 1.5 && t.view.visibleYRange().second > 9.0);

    // Zoom in to one decade of tokens: re-decimated for the new range, still bounded.
    t.view.setVisibleRange(1e8, 1e9, 1, 10);
    t.view.flushPendingUpdate();
    const auto& xs = t.view.shownPoints(0).x;
    QVERIFY(t.view.pointCount(0) <= 4 * width + 2);
    // At most one neighbour outside the visible range on each side (a point within 1e-9 of the
    // edge may land in the edge column through log10 rounding).
    QVERIFY(std::count_if(xs.begin(), xs.end(), [](double x) { return x < 1e8 * (1 - 1e-9); }) <= 1);
    QVERIFY(std::count_if(xs.begin(), xs.end(), [](double x) { return x > 1e9 * (1 + 1e-9); }) <= 1);
    QVERIFY(xs.size() > 100);
}

void TestLogLogChartView::manyCurvesShareAPointBudget()
{
    // 400 curves x 5000 points: each curve alone would fit 4 points per pixel column, but together
    // they would hand Qt Charts over a million points. The chart keeps the total near 100k.
    constexpr std::size_t kRuns = 400, kPoints = 5000;
    Shown t(manyCurvesSweep(kRuns, kPoints));
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    t.view.flushPendingUpdate();
    QCOMPARE(t.view.curveCount(), int(kRuns));
    std::size_t total = 0;
    for (int k = 0; k < int(kRuns); ++k) {
        const auto& ys = t.view.shownPoints(k).y;
        total += ys.size();
        QVERIFY(ys.size() < kPoints);
        // Every curve's spike and dip survive the coarser buckets.
        QCOMPARE(*std::max_element(ys.begin(), ys.end()), 9.0);
        QCOMPARE(*std::min_element(ys.begin(), ys.end()), 1.0);
    }
    QVERIFY2(total <= 100000 + 2 * kRuns, qPrintable(QString::number(total)));
}

void TestLogLogChartView::wheelStepsAreMergedAroundTheCursor()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    const auto [x0, x1] = t.view.visibleXRange();
    const QRectF area = t.view.plotAreaInView();
    const QPointF at = area.topLeft() + QPointF(area.width() * 0.25, area.height() * 0.5);
    const double anchor = t.view.viewToLog(at).x();
    // Two notches delivered before the event loop runs: one zoom by 0.8^2, about the cursor.
    for (int i = 0; i < 2; ++i) {
        QWheelEvent wheel(at, t.view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(t.view.viewport(), &wheel);
    }
    QCOMPARE(t.view.visibleXRange().first, x0); // not applied yet: merged
    QCoreApplication::processEvents();
    const auto [z0, z1] = t.view.visibleXRange();
    const double before = std::log10(x1) - std::log10(x0);
    const double after = std::log10(z1) - std::log10(z0);
    QVERIFY2(std::abs(after - 0.64 * before) < 1e-9 * before, qPrintable(QString::number(after / before)));
    QVERIFY(std::abs(t.view.viewToLog(at).x() - anchor) < 1e-9 * std::abs(anchor));
}

void TestLogLogChartView::dragPans()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    const auto [x0, x1] = t.view.visibleXRange();
    const QRectF area = t.view.plotAreaInView();
    const QPoint a = area.center().toPoint();
    const QPoint b = a + QPoint(100, 0);
    const double logPerPixel = (std::log10(x1) - std::log10(x0)) / area.width();
    QTest::mousePress(t.view.viewport(), Qt::LeftButton, Qt::NoModifier, a);
    QMouseEvent move(QEvent::MouseMove, QPointF(a + QPoint(50, 0)), t.view.viewport()->mapToGlobal(QPointF(a + QPoint(50, 0))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(t.view.viewport(), &move);
    QMouseEvent move2(QEvent::MouseMove, QPointF(b), t.view.viewport()->mapToGlobal(QPointF(b)), Qt::NoButton,
                      Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(t.view.viewport(), &move2);
    QTest::mouseRelease(t.view.viewport(), Qt::LeftButton, Qt::NoModifier, b);
    // Content follows the mouse: 100 px to the right shows values 100 px further left.
    const auto [p0, p1] = t.view.visibleXRange();
    QVERIFY2(std::abs((std::log10(x0) - std::log10(p0)) - 100 * logPerPixel) < 1e-6,
             qPrintable(QStringLiteral("%1 %2").arg(p0).arg(x0)));
    QVERIFY(std::abs((std::log10(p1) - std::log10(p0)) - (std::log10(x1) - std::log10(x0))) < 1e-9);
}

void TestLogLogChartView::rubberBandAndResetZoom()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    const auto home = t.view.visibleXRange();
    const QRectF area = t.view.plotAreaInView();
    const QPoint a = (area.topLeft() + QPointF(area.width() * 0.25, area.height() * 0.25)).toPoint();
    const QPoint b = (area.topLeft() + QPointF(area.width() * 0.75, area.height() * 0.75)).toPoint();
    QTest::mousePress(t.view.viewport(), Qt::RightButton, Qt::NoModifier, a);
    QTest::mouseMove(t.view.viewport(), b);
    QTest::mouseRelease(t.view.viewport(), Qt::RightButton, Qt::NoModifier, b);
    const auto zoomed = t.view.visibleXRange();
    // Half the span in log space, centred.
    const double span = std::log10(home.second) - std::log10(home.first);
    QVERIFY2(std::abs((std::log10(zoomed.second) - std::log10(zoomed.first)) - span / 2) < span * 0.01,
             qPrintable(QStringLiteral("%1 %2").arg(zoomed.first).arg(zoomed.second)));
    QTest::mouseDClick(t.view.viewport(), Qt::LeftButton, Qt::NoModifier, a);
    QCOMPARE(t.view.visibleXRange(), home);
    t.view.zoomAt(area.center(), 0.5);
    QVERIFY(t.view.visibleXRange().first > home.first);
    QTest::keyClick(&t.view, Qt::Key_Home);
    QCOMPARE(t.view.visibleXRange(), home);
}

void TestLogLogChartView::clickExcludesAndShiftDragExcludesABox()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    const QPoint gamma = t.view.logToView(QPointF(std::log10(5e9), std::log10(2.4))).toPoint();
    QCOMPARE(t.view.runAt(gamma), 2);
    QCOMPARE(t.view.runAt(gamma + QPoint(40, 40)), -1); // empty space
    QTest::mouseClick(t.view.viewport(), Qt::LeftButton, Qt::NoModifier, gamma);
    QVERIFY(t.doc.isRunExcluded(2));
    // Gamma now sits alone in a hollow group: white fill, outlined in its budget's colour.
    QCOMPARE(t.view.markerSeriesCount(), 3);
    QScatterSeries* hollow = nullptr;
    for (int i = 0; i < t.view.seriesCount(); ++i)
        if (auto* s = qobject_cast<QScatterSeries*>(t.view.series(i)); s && s->color() == QColor(Qt::white))
            hollow = s;
    QVERIFY(hollow != nullptr);
    QCOMPARE(hollow->count(), 1);
    QCOMPARE(hollow->borderColor(), t.doc.runColor(2));
    // Clicking it again includes it; undo twice is back to excluded, then included.
    QTest::mouseClick(t.view.viewport(), Qt::LeftButton, Qt::NoModifier, gamma);
    QVERIFY(!t.doc.isRunExcluded(2));
    t.doc.undoStack()->undo();
    QVERIFY(t.doc.isRunExcluded(2));
    t.doc.undoStack()->undo();
    QVERIFY(!t.doc.isRunExcluded(2));
    QCOMPARE(t.view.markerSeriesCount(), 2);

    // Shift+drag a box around alpha (1e9, 2.554) and beta (3e8, 2.8): one undo step excludes both.
    const QPointF a = t.view.logToView(QPointF(std::log10(2e8), std::log10(2.9)));
    const QPointF b = t.view.logToView(QPointF(std::log10(2e9), std::log10(2.5)));
    const int steps = t.doc.undoStack()->index();
    QTest::mousePress(t.view.viewport(), Qt::LeftButton, Qt::ShiftModifier, a.toPoint());
    QTest::mouseMove(t.view.viewport(), b.toPoint());
    QTest::mouseRelease(t.view.viewport(), Qt::LeftButton, Qt::ShiftModifier, b.toPoint());
    QVERIFY(t.doc.isRunExcluded(0) && t.doc.isRunExcluded(1));
    QVERIFY(!t.doc.isRunExcluded(2));
    QCOMPARE(t.doc.undoStack()->index(), steps + 1);
    // Ctrl+Shift+drag over the same box includes them again.
    QTest::mousePress(t.view.viewport(), Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier, a.toPoint());
    QTest::mouseMove(t.view.viewport(), b.toPoint());
    QTest::mouseRelease(t.view.viewport(), Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier, b.toPoint());
    QVERIFY(!t.doc.isRunExcluded(0) && !t.doc.isRunExcluded(1));
}

void TestLogLogChartView::smoothingAndSeedBands()
{
    core::Sweep s;
    s.layout = "curves";
    auto run = [](const std::string& name, double seed, double scale) {
        core::Run r;
        r.id = r.name = name;
        r.N = 1e8;
        r.attributes["seed"] = seed;
        core::Curve c;
        for (int i = 1; i <= 20; ++i)
            c.append(i, 1e7 * i, 6e15 * i, scale * (3.0 + (i % 2 == 0 ? 0.1 : -0.1)));
        r.curves.push_back(c);
        return r;
    };
    s.runs.push_back(run("s0", 0, 1.0));
    s.runs.push_back(run("s1", 1, 1.2));
    Shown t(std::move(s));
    t.doc.setXQuantity(core::XQuantity::D);
    QCOMPARE(t.view.curveCount(), 2);
    t.doc.setSmoothing(0.5);
    QCOMPARE(t.view.curveCount(), 4); // each raw curve faint behind its smoothed one
    t.view.flushPendingUpdate();
    // The smoothed curve of s0: EMA with f = 0.5 of 2.9, 3.1, 2.9, ... by hand.
    const core::PlotPoints& smooth = t.view.shownPoints(1);
    QCOMPARE(t.view.curveLayer()->curve(0).faint, true);
    double ema = 2.9;
    QCOMPARE(smooth.y[0], ema);
    ema = 0.5 * ema + 0.5 * 3.1;
    QCOMPARE(smooth.y[1], ema);
    // Averaging by seed: one mean curve with a band from the lower seed to the higher.
    t.doc.setSeedColumn(QStringLiteral("seed"));
    QCOMPARE(t.view.curveCount(), 1);
    t.view.flushPendingUpdate();
    QVERIFY(t.view.curveLayer()->curve(0).name.contains(QStringLiteral("mean of 2 seeds")));
    QVERIFY(t.view.curveLayer()->curve(0).bandLower.size() >= 2);
    t.doc.setSmoothing(0.0);
    t.view.flushPendingUpdate();
    const core::PlotPoints& mean = t.view.shownPoints(0);
    QVERIFY(std::abs(mean.y[0] - 1.1 * 2.9) < 1e-12);
    t.doc.undoStack()->undo(); // smoothing back to 0.5
    QCOMPARE(t.doc.smoothing(), 0.5);
}

void TestLogLogChartView::hoverShowsRunNameAndValues()
{
    Shown t(testsweeps::smallFinalLossSweep());
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    QXYSeries* gamma = t.view.series(1); // the 3e20 group holds only "gamma" (N 5e9, loss 2.4)
    QSignalSpy hovered(gamma, &QXYSeries::hovered);
    const QPointF scenePos = t.view.chart()->mapToScene(t.view.chart()->mapToPosition(gamma->at(0), gamma));
    const QPoint pos = t.view.mapFromScene(scenePos);
    for (const QPoint& p : {pos - QPoint(30, 30), pos}) {
        QMouseEvent move(QEvent::MouseMove, p, t.view.viewport()->mapToGlobal(p), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(t.view.viewport(), &move);
    }
    QTRY_VERIFY_WITH_TIMEOUT(hovered.count() > 0, 2000);
    QCOMPARE(hovered.at(0).at(1).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(), QStringLiteral("gamma\nN = 5B\nloss = 2.4"), 2000);
}

void TestLogLogChartView::hoverOnACurveShowsItsNearestPoint()
{
    // One curve of three points against D; hover at the pixel of the middle one.
    core::Sweep s;
    s.layout = "curves";
    core::Run r;
    r.id = r.name = "small-run";
    r.N = 1e8;
    core::Curve c;
    c.metric = "loss";
    c.append(1, 1e9, 6e17, 4.0);
    c.append(2, 1e10, 6e18, 3.0);
    c.append(3, 1e11, 6e19, 2.5);
    r.curves.push_back(c);
    s.runs.push_back(r);
    Shown t(s);
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    QSignalSpy hovered(t.view.curveLayer(), &ui::CurveLayer::hovered);
    const QRectF area = t.view.plotAreaInView();
    const auto [x0, x1] = t.view.visibleXRange();
    const auto [y0, y1] = t.view.visibleYRange();
    const double fxMid = (10.0 - std::log10(x0)) / (std::log10(x1) - std::log10(x0)); // log10(1e10)
    const double fyMid = (std::log10(3.0) - std::log10(y0)) / (std::log10(y1) - std::log10(y0));
    const QPoint pos = QPointF(area.left() + fxMid * area.width() + 2, area.bottom() - fyMid * area.height()).toPoint();
    for (const QPoint& p : {pos - QPoint(40, 40), pos}) {
        QMouseEvent move(QEvent::MouseMove, p, t.view.viewport()->mapToGlobal(p), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(t.view.viewport(), &move);
    }
    QTRY_VERIFY_WITH_TIMEOUT(hovered.count() > 0, 2000);
    QCOMPARE(hovered.last().at(0).toString(), QStringLiteral("small-run"));
    QCOMPARE(hovered.last().at(2).toBool(), true);
    // The tooltip shows the data point itself, not a position interpolated along the line.
    QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(), QStringLiteral("small-run\nD = 10B\nloss = 3"), 2000);
}

QTEST_MAIN(TestLogLogChartView)
#include "tst_LogLogChartView.moc"
