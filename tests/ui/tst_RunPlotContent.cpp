// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"
#include "ui/RunPlotContent.h"
#include "ui/TestSweeps.h"

#include <QTest>

#include <cmath>

/// RunPlotContent on hand-built sweeps: grouping of markers by legend entry, hollow groups for
/// excluded runs, curves, the data extent and hit-testing, all against values written out here.
class TestRunPlotContent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markersAreGroupedByLegendEntry();
    void excludedRunsGetAHollowGroupPerEntry();
    void curvesAndTheirExtent();
    void emptyDocumentPlotsNothing();
    void hitTesting();
};

namespace {
bool none(int)
{
    return false;
}

/// Two curve runs against tokens: "small" at 1e6, 1e7, 1e8 tokens, "large" with a NaN point.
core::Sweep twoCurveSweep()
{
    core::Sweep s;
    s.layout = "curves";
    const double ys[2][3] = {{4.0, 3.0, 2.5}, {3.5, std::nan(""), 2.0}};
    for (int k = 0; k < 2; ++k) {
        core::Run r;
        r.id = r.name = k == 0 ? "small" : "large";
        r.N = k == 0 ? 1e7 : 1e8;
        core::Curve c;
        c.metric = "loss";
        for (int i = 0; i < 3; ++i) {
            const double tokens = std::pow(10.0, 6 + i);
            c.append(i, tokens, 6 * r.N * tokens, ys[k][i]);
        }
        r.curves.push_back(std::move(c));
        s.runs.push_back(std::move(r));
    }
    return s;
}
} // namespace

void TestRunPlotContent::markersAreGroupedByLegendEntry()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep()); // coloured by budget: 1e20 and 3e20
    const ui::RunPlotContent c = ui::RunPlotContent::build(doc, none);
    QVERIFY(!c.perRun);
    QVERIFY(c.curves.empty());
    QCOMPARE(c.markers.size(), std::size_t(2));
    QCOMPARE(c.markers[0].name, QStringLiteral("1e20 FLOPs"));
    QCOMPARE(c.markers[0].runs, (std::vector<int>{0, 1}));
    QCOMPARE(c.markers[0].shown.x, (std::vector<double>{1e9, 3e8}));
    QCOMPARE(c.markers[0].shown.y, (std::vector<double>{2.554, 2.8}));
    QCOMPARE(c.markers[1].runs, (std::vector<int>{2})); // "nan" (3) and "neg" (4) are not plotted
    QVERIFY(!c.markers[0].excluded && !c.markers[1].legendHidden);
    QCOMPARE(c.xLo, 3e8);
    QCOMPARE(c.xHi, 5e9);
    QCOMPARE(c.yLo, 2.4);
    QCOMPARE(c.yHi, 2.8);
}

void TestRunPlotContent::excludedRunsGetAHollowGroupPerEntry()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    const ui::RunPlotContent c = ui::RunPlotContent::build(doc, [](int run) { return run == 1; });
    QCOMPARE(c.markers.size(), std::size_t(3));
    QCOMPARE(c.markers[0].runs, (std::vector<int>{0}));
    QCOMPARE(c.markers[2].name, QStringLiteral("1e20 FLOPs (excluded)"));
    QCOMPARE(c.markers[2].runs, (std::vector<int>{1}));
    QVERIFY(c.markers[2].excluded);
    QVERIFY(c.markers[2].legendHidden);
    QCOMPARE(c.markers[2].color, c.markers[0].color);
    QCOMPARE(c.xLo, 3e8); // excluded runs still count for the extent
}

void TestRunPlotContent::curvesAndTheirExtent()
{
    ui::Document doc;
    doc.setSweep(twoCurveSweep());
    doc.setXQuantity(core::XQuantity::D);
    const ui::RunPlotContent c = ui::RunPlotContent::build(doc, [](int run) { return run == 1; });
    for (const ui::RunPlotContent::MarkerGroup& m : c.markers) // legend entries only, no points
        QCOMPARE(m.shown.size(), std::size_t(0));
    QCOMPARE(c.curves.size(), std::size_t(2));
    QCOMPARE(c.curves[0].name, QStringLiteral("small"));
    QCOMPARE(c.curves[0].full.x, (std::vector<double>{1e6, 1e7, 1e8}));
    QCOMPARE(c.curves[0].full.y, (std::vector<double>{4.0, 3.0, 2.5}));
    QCOMPARE(c.curves[1].full.x, (std::vector<double>{1e6, 1e8})); // the NaN point is left out
    QCOMPARE(c.curves[0].color.alpha(), 255);
    QCOMPARE(c.curves[1].color.alpha(), 60); // hollow: faint
    QVERIFY(!c.curves[0].faint);
    QCOMPARE(c.xLo, 1e6);
    QCOMPARE(c.xHi, 1e8);
    QCOMPARE(c.yLo, 2.0);
    QCOMPARE(c.yHi, 4.0);
}

void TestRunPlotContent::emptyDocumentPlotsNothing()
{
    ui::Document doc;
    const ui::RunPlotContent c = ui::RunPlotContent::build(doc, none);
    QVERIFY(c.curves.empty() && c.markers.empty());
    QVERIFY(!(c.xLo <= c.xHi));
    QCOMPARE(c.runNear(QPointF(0, 0), 1e9, [](QPointF p) { return p; }), -1);
}

void TestRunPlotContent::hitTesting()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    ui::RunPlotContent c = ui::RunPlotContent::build(doc, none);
    // A "view" 100 pixels per decade in x and 1000 per decade in y.
    auto toView = [](QPointF p) { return QPointF(100 * p.x(), 1000 * p.y()); };
    const QPointF beta = toView(QPointF(std::log10(3e8), std::log10(2.8)));
    QCOMPARE(c.runNear(beta + QPointF(3, 3.9), 5.0, toView), 1); // 4.92 px away: within the radius
    QCOMPARE(c.runNear(beta + QPointF(3, 4.1), 5.0, toView), -1);
    const auto inUpperLoss = [](QPointF p) { return p.y() > std::log10(2.5); };
    QCOMPARE(c.runsWhere(inUpperLoss), (std::vector<std::size_t>{0, 1}));
    // A curve counts once however many of its points are inside.
    c.curves.push_back({});
    c.curves.back().run = 7;
    c.curves.back().shown = core::PlotPoints{{1e6, 1e7}, {3.0, 3.0}};
    QCOMPARE(c.runsWhere(inUpperLoss), (std::vector<std::size_t>{0, 1, 7}));
}

QTEST_MAIN(TestRunPlotContent)
#include "tst_RunPlotContent.moc"
