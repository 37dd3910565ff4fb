// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartExporter.h"
#include "ui/ChartAnnotation.h"
#include "ui/ChartStyle.h"
#include "ui/Document.h"
#include "ui/LogLogChartView.h"
#include "ui/LogTickAxis.h"
#include "ui/TestSweeps.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

class TestChartStyle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presentationScalesAndNormalRestoresExactly();
    void seriesAddedLaterAreStyledOnReapply();
    void worksOnTheLogLogChart();
    void annotationShowsTextAndStaysInThePlotArea();
};

namespace {
struct Snapshot {
    QFont title, legend, xLabels, xTitle, yLabels;
    QPen xLine, xGrid, linePen, scatterPen;
    qreal markerSize = 0;
};

struct Chart {
    QChartView view;
    QChart* chart = new QChart;
    QLineSeries* line = new QLineSeries;
    QScatterSeries* scatter = new QScatterSeries;
    QValueAxis* x = new QValueAxis;
    QValueAxis* y = new QValueAxis;
    Chart()
    {
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setTitle(QStringLiteral("Loss"));
        for (int i = 1; i <= 5; ++i) {
            line->append(i, 1.0 / i);
            scatter->append(i, 1.2 / i);
        }
        QPen pen(QColor(0xd6, 0x27, 0x28));
        pen.setWidthF(3);
        line->setPen(pen);
        scatter->setMarkerSize(9);
        chart->addSeries(line);
        chart->addSeries(scatter);
        x->setTitleText(QStringLiteral("N"));
        QFont pixelFont = x->labelsFont();
        pixelFont.setPixelSize(10); // a pixel-sized font scales too
        x->setLabelsFont(pixelFont);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries* s : chart->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        QChart* initial = view.chart();
        view.setChart(chart); // the view owns `chart` now and gives its initial chart back to us
        delete initial;
        view.resize(600, 400);
    }
    [[nodiscard]] Snapshot snapshot() const
    {
        return {chart->titleFont(), chart->legend()->font(),
                x->labelsFont(),    x->titleFont(),
                y->labelsFont(),    x->linePen(),
                x->gridLinePen(),   line->pen(),
                scatter->pen(),     scatter->markerSize()};
    }
};

void compareExactly(const Snapshot& a, const Snapshot& b)
{
    QCOMPARE(a.title, b.title);
    QCOMPARE(a.legend, b.legend);
    QCOMPARE(a.xLabels, b.xLabels);
    QCOMPARE(a.xTitle, b.xTitle);
    QCOMPARE(a.yLabels, b.yLabels);
    QCOMPARE(a.xLine, b.xLine);
    QCOMPARE(a.xGrid, b.xGrid);
    QCOMPARE(a.linePen, b.linePen);
    QCOMPARE(a.scatterPen, b.scatterPen);
    QCOMPARE(a.markerSize, b.markerSize);
}

/// A font's size in whatever unit it is specified in (points, or pixels when pixel-sized).
double sizeOf(const QFont& f)
{
    return f.pointSizeF() > 0 ? f.pointSizeF() : f.pixelSize();
}

bool inside(const QRectF& inner, const QRectF& outer)
{
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner);
}
} // namespace

void TestChartStyle::presentationScalesAndNormalRestoresExactly()
{
    using ui::ChartStyle;
    Chart c;
    const Snapshot before = c.snapshot();
    QCOMPARE(ChartStyle::kind(c.chart), ChartStyle::Kind::Normal);
    QCOMPARE(ChartStyle::lineWidthScale(c.chart), 1.0);

    ChartStyle::apply(c.chart, ChartStyle::Kind::Presentation);
    const ChartStyle::Scales k = ChartStyle::scales(ChartStyle::Kind::Presentation);
    QVERIFY(k.font >= 1.5 && k.line >= 1.5 && k.marker > 1.0 && k.grid > 1.0);
    QCOMPARE(ChartStyle::kind(c.chart), ChartStyle::Kind::Presentation);
    QCOMPARE(ChartStyle::lineWidthScale(c.chart), k.line);
    QCOMPARE(ChartStyle::fontScale(c.chart), k.font);
    // Pixel sizes are rounded to whole pixels.
    QVERIFY(std::abs(sizeOf(c.y->labelsFont()) - sizeOf(before.yLabels) * k.font) <= 0.5);
    QVERIFY(std::abs(sizeOf(c.x->titleFont()) - sizeOf(before.xTitle) * k.font) <= 0.5);
    QCOMPARE(c.x->labelsFont().pixelSize(), qRound(10 * k.font));
    QVERIFY(std::abs(sizeOf(c.chart->titleFont()) - sizeOf(before.title) * k.font) <= 0.5);
    QVERIFY(std::abs(sizeOf(c.chart->legend()->font()) - sizeOf(before.legend) * k.font) <= 0.5);
    QVERIFY(sizeOf(before.title) > 0 && sizeOf(before.legend) > 0 && sizeOf(before.xTitle) > 0);
    QCOMPARE(c.line->pen().widthF(), 3.0 * k.line);
    QCOMPARE(c.line->pen().color(), before.linePen.color());
    QCOMPARE(c.scatter->markerSize(), 9.0 * k.marker);
    QCOMPARE(c.x->gridLinePen().widthF(), std::max(before.xGrid.widthF(), 1.0) * k.grid);
    QCOMPARE(c.x->linePen().widthF(), std::max(before.xLine.widthF(), 1.0) * k.line);

    // Applying it again does not compound.
    const Snapshot presented = c.snapshot();
    ChartStyle::apply(c.chart, ChartStyle::Kind::Presentation);
    compareExactly(c.snapshot(), presented);

    ChartStyle::apply(c.chart, ChartStyle::Kind::Normal);
    QCOMPARE(ChartStyle::kind(c.chart), ChartStyle::Kind::Normal);
    QCOMPARE(ChartStyle::lineWidthScale(c.chart), 1.0);
    compareExactly(c.snapshot(), before);
    // Normal on a chart that is already normal changes nothing either.
    ChartStyle::apply(c.chart, ChartStyle::Kind::Normal);
    compareExactly(c.snapshot(), before);
    QCOMPARE(ChartStyle::displayName(ChartStyle::Kind::Presentation), QStringLiteral("Presentation"));
}

void TestChartStyle::seriesAddedLaterAreStyledOnReapply()
{
    using ui::ChartStyle;
    Chart c;
    ChartStyle::apply(c.chart, ChartStyle::Kind::Presentation);
    auto* later = new QScatterSeries;
    later->setMarkerSize(7);
    later->append(2, 0.4);
    c.chart->addSeries(later);
    QCOMPARE(later->markerSize(), 7.0);
    ChartStyle::apply(c.chart, ChartStyle::kind(c.chart));
    QCOMPARE(later->markerSize(), 7.0 * ChartStyle::scales(ChartStyle::Kind::Presentation).marker);
    QCOMPARE(c.scatter->markerSize(), 9.0 * ChartStyle::scales(ChartStyle::Kind::Presentation).marker);
    ChartStyle::apply(c.chart, ChartStyle::Kind::Normal);
    QCOMPARE(later->markerSize(), 7.0);
    QCOMPARE(c.scatter->markerSize(), 9.0);
}

void TestChartStyle::worksOnTheLogLogChart()
{
    using ui::ChartStyle;
    ui::Document doc;
    ui::LogLogChartView view(&doc);
    doc.setSweep(testsweeps::smallFinalLossSweep());
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.markerSeriesCount() > 0);
    const QFont xLabels = view.axisX()->labelsFont();
    const qreal marker = static_cast<QScatterSeries*>(view.series(0))->markerSize();
    const double widthBefore = view.plotAreaInView().width();

    ChartStyle::apply(view.chart(), ChartStyle::Kind::Presentation);
    const ChartStyle::Scales k = ChartStyle::scales(ChartStyle::Kind::Presentation);
    QVERIFY(std::abs(sizeOf(view.axisX()->labelsFont()) - sizeOf(xLabels) * k.font) <= 0.5);
    QVERIFY(sizeOf(xLabels) > 0);
    QCOMPARE(static_cast<QScatterSeries*>(view.series(0))->markerSize(), marker * k.marker);
    QCOMPARE(ChartStyle::lineWidthScale(view.chart()), k.line); // what CurveLayer multiplies by
    QCoreApplication::sendPostedEvents();
    // Bigger labels take room from the plot area: the layout really changed.
    QVERIFY2(view.plotAreaInView().width() < widthBefore,
             qPrintable(QStringLiteral("%1 vs %2").arg(view.plotAreaInView().width()).arg(widthBefore)));

    ChartStyle::apply(view.chart(), ChartStyle::Kind::Normal);
    QCOMPARE(view.axisX()->labelsFont(), xLabels);
    QCOMPARE(static_cast<QScatterSeries*>(view.series(0))->markerSize(), marker);
}

void TestChartStyle::annotationShowsTextAndStaysInThePlotArea()
{
    using ui::ChartStyle;
    Chart c;
    c.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&c.view));
    QCOMPARE(ChartStyle::annotation(c.chart), nullptr);
    const QString text =
        QStringLiteral("C = 5.76e23 FLOP\nN_opt = 72.2B\nD_opt = 1.33T\nL = 1.94 [1.93 \u2013 1.95]");
    ui::ChartAnnotation* box = ChartStyle::setAnnotation(c.chart, text);
    QVERIFY(box != nullptr);
    QCOMPARE(ChartStyle::annotation(c.chart), box);
    QCOMPARE(box->text(), text);
    QVERIFY(box->isVisible());

    auto check = [&c, box](const char* when) {
        QCoreApplication::sendPostedEvents();
        const QRectF area = c.chart->mapRectToScene(c.chart->plotArea());
        const QRectF rect = box->sceneBoundingRect();
        if (!inside(rect, area))
            return QStringLiteral("%1: box (%2,%3 %4x%5) outside plot area (%6,%7 %8x%9)")
                .arg(QLatin1String(when))
                .arg(rect.x())
                .arg(rect.y())
                .arg(rect.width())
                .arg(rect.height())
                .arg(area.x())
                .arg(area.y())
                .arg(area.width())
                .arg(area.height());
        // Anchored at the top-right corner.
        if (std::abs(rect.right() - (area.right() - ui::ChartAnnotation::kMargin)) > 1 ||
            std::abs(rect.top() - (area.top() + ui::ChartAnnotation::kMargin)) > 1)
            return QStringLiteral("%1: box not at the top-right corner").arg(QLatin1String(when));
        return QString();
    };
    QString problem = check("initial");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QSizeF normalSize = box->boundingRect().size();
    QVERIFY(normalSize.width() > 50 && normalSize.height() > 40);

    c.view.resize(900, 650);
    QTRY_VERIFY_WITH_TIMEOUT(c.view.viewport()->width() > 850, 2000);
    problem = check("after growing");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    c.view.resize(450, 330);
    QTRY_VERIFY_WITH_TIMEOUT(c.view.viewport()->width() < 460, 2000);
    problem = check("after shrinking");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Presentation enlarges the box with its font, still anchored and inside.
    c.view.resize(900, 650);
    ChartStyle::apply(c.chart, ChartStyle::Kind::Presentation);
    QVERIFY(box->boundingRect().width() > normalSize.width() * 1.4);
    problem = check("presentation");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // In a 192-DPI raster the text is inside its box: the dark (text) pixels around the box all lie
    // within it (text measured at one DPI and drawn at another would spill out).
    const QImage image = ui::ChartExporter::renderImage(&c.view, 192);
    const QRect boxPx = QRect(c.view.mapFromScene(box->sceneBoundingRect()).boundingRect().topLeft() * 2,
                              (box->boundingRect().size() * 2).toSize());
    const QRect around = boxPx.adjusted(-40, -10, 40, 40).intersected(image.rect());
    QRect dark;
    int darkCount = 0;
    for (int y = around.top(); y <= around.bottom(); ++y)
        for (int x = around.left(); x <= around.right(); ++x) {
            const QColor px = image.pixelColor(x, y);
            if (px.red() < 90 && px.green() < 90 && px.blue() < 90) {
                dark |= QRect(x, y, 1, 1);
                ++darkCount;
            }
        }
    QVERIFY2(darkCount > 500, qPrintable(QString::number(darkCount)));
    QVERIFY2(boxPx.contains(dark), qPrintable(QStringLiteral("text at %1,%2 %3x%4, box at %5,%6 %7x%8")
                                                  .arg(dark.x())
                                                  .arg(dark.y())
                                                  .arg(dark.width())
                                                  .arg(dark.height())
                                                  .arg(boxPx.x())
                                                  .arg(boxPx.y())
                                                  .arg(boxPx.width())
                                                  .arg(boxPx.height())));

    // It is drawn: a vector export has the text; and a second set reuses the one box.
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("a.svg"));
    QVERIFY(ui::ChartExporter::saveSvg(&c.view, svg));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(f.readAll());
    QVERIFY(written.contains(QStringLiteral("N_opt = 72.2B")));
    QVERIFY(written.contains(QStringLiteral("L = 1.94 [1.93 \u2013 1.95]")));
    QCOMPARE(ChartStyle::setAnnotation(c.chart, QStringLiteral("one line")), box);
    QCOMPARE(box->text(), QStringLiteral("one line"));
    QCOMPARE(ChartStyle::setAnnotation(c.chart, QString()), nullptr);
    QCOMPARE(ChartStyle::annotation(c.chart), nullptr);
}

QTEST_MAIN(TestChartStyle)
#include "tst_ChartStyle.moc"
