// SPDX-License-Identifier: GPL-3.0-or-later
// What the loss chart draws for a fit: the law per group split into solid (over the runs) and
// dashed (extrapolated) parts, the budget's optimum, the envelope against C, a faded stale fit;
// and the default fit the Document picks for training curves.
#include "core/alloc/ComputeOptimal.h"
#include "core/fit/FitJob.h"
#include "core/plot/FitViews.h"
#include "ui/Document.h"
#include "ui/FitOverlayBuilder.h"

#include <QTest>

#include <cmath>

namespace {

const std::vector<double> kP{1.8172, 482.01, 2085.43, 0.3478, 0.3658};

double law(double N, double D)
{
    return kP[0] + kP[1] / std::pow(N, kP[3]) + kP[2] / std::pow(D, kP[4]);
}

/// Two training curves on the law (N = 1e8 and 4e8, D from 1e9 to 1.6e10).
core::Sweep curves()
{
    core::Sweep s;
    s.layout = "curves";
    for (double N : {1e8, 4e8}) {
        core::Run r;
        r.N = N;
        r.id = r.name = "n" + std::to_string(s.runs.size());
        core::Curve c;
        for (double D = 1e9; D <= 1.6e10; D *= 2)
            c.append(D, D, 6 * N * D, law(N, D));
        r.D = c.tokens.back();
        r.C = c.flops.back();
        r.curves.push_back(c);
        s.runs.push_back(r);
    }
    return s;
}

struct Fitted {
    core::Sweep sweep = curves();
    core::FitJobResult result;
    core::FitViews views;
    Fitted()
    {
        core::FitJobSpec spec = ui::Document::defaultFitSpec(sweep);
        result.law = spec.request()->law;
        result.data = *core::fitJobData(sweep, spec);
        result.fit.result.params = kP;
        views = core::fitViews(sweep, result, core::XQuantity::D);
    }
    ui::FitOverlayBuilder::Inputs inputs(core::XQuantity x) const
    {
        ui::FitOverlayBuilder::Inputs in;
        in.views = &views;
        in.result = &result;
        in.x = x;
        in.runColor = [](std::size_t) { return QColor(0x12, 0x34, 0x56); };
        return in;
    }
};

} // namespace

class TestFitOverlayBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trainingCurvesAreFittedOnEveryPointByDefault()
    {
        const core::Sweep s = curves();
        const core::FitJobSpec spec = ui::Document::defaultFitSpec(s);
        QCOMPARE(spec.lawId, std::string("chinchilla"));
        QCOMPARE(spec.selection.points, core::FitSelection::Points::All);
        // 25,000 points are too many for an interactive refit: final points.
        core::Sweep big = s;
        for (int i = 0; i < 25000; ++i)
            big.runs.front().curves.front().append(100 + i, 2e10, 1e20, 2.0);
        big.runs.front().D = 2e10; // the other run ends at 1.6e10
        QCOMPARE(ui::Document::defaultFitSpec(big).selection.points, core::FitSelection::Points::Final);
        QCOMPARE(ui::Document::defaultFitSpec(big).lawId, std::string("chinchilla")); // its runs end at several D
        // Final points that all share one D cannot separate the D term: the power law in N.
        for (core::Run& r : big.runs)
            r.D = 3e11;
        const core::FitJobSpec oneD = ui::Document::defaultFitSpec(big);
        QCOMPARE(oneD.lawId, std::string("power"));
        QCOMPARE(oneD.selection.x, core::XQuantity::N);
    }

    void groupCurvesAreSolidOverTheRunsAndDashedBeyond()
    {
        const Fitted f;
        const auto content = ui::FitOverlayBuilder::lossView(f.inputs(core::XQuantity::D));
        int solid = 0, dashed = 0;
        const double lo = std::log10(1e9), hi = std::log10(1.6e10);
        for (const auto& line : content.lines) {
            if (line.pen.color() != QColor(0x12, 0x34, 0x56))
                continue; // the frontier
            if (line.pen.style() == Qt::SolidLine) {
                ++solid;
                for (const QPointF& p : line.points)
                    QVERIFY(p.x() >= lo - 1e-12 && p.x() <= hi + 1e-12);
            } else {
                ++dashed;
                QCOMPARE(line.pen.style(), Qt::DashLine);
                // Continues from the solid part: its first point is at most at the runs' last D.
                QVERIFY(line.points.front().x() <= hi + 1e-12);
                QVERIFY(line.points.back().x() > hi);
            }
        }
        QCOMPARE(solid, 2);  // one per model size
        QCOMPARE(dashed, 2); // widened by 2 above the runs (none below: the curves start at their first D)
    }

    void budgetStarAndEnvelope()
    {
        const Fitted f;
        auto in = f.inputs(core::XQuantity::C);
        in.optimum = *core::computeOptimal(*f.result.law, kP, 1e21);
        const auto content = ui::FitOverlayBuilder::lossView(in);
        bool star = false;
        for (const auto& m : content.markers)
            star = star || (m.shape == ui::OverlayLayer::Shape::Star && m.point.x() == std::log10(1e21)
                            && m.point.y() == std::log10(in.optimum->loss));
        QVERIFY(star);
        QCOMPARE(content.vlines.size(), std::size_t{1});
        QCOMPARE(content.vlines.front().x, std::log10(1e21));
        // The envelope of the two curves is drawn against C, point for point.
        bool envelope = false;
        for (const auto& line : content.lines)
            if (line.points.size() == static_cast<qsizetype>(f.views.envelopeLoss.size()) && line.pen.widthF() == 3.0) {
                envelope = true;
                QCOMPARE(line.points.front().y(), std::log10(f.views.envelopeLoss.y.front()));
            }
        QVERIFY(envelope);
        // Against D there is no envelope line (it is a curve in C).
        in.x = core::XQuantity::D;
        for (const auto& line : ui::FitOverlayBuilder::lossView(in).lines)
            QVERIFY(line.pen.widthF() != 3.0);
    }

    void aStaleFitIsFaded()
    {
        const Fitted f;
        auto in = f.inputs(core::XQuantity::D);
        in.stale = true;
        const auto content = ui::FitOverlayBuilder::lossView(in);
        QVERIFY(!content.lines.empty());
        for (const auto& line : content.lines)
            QVERIFY(line.pen.color().alpha() <= 70);
        QVERIFY(content.bands.empty());
    }
};

QTEST_MAIN(TestFitOverlayBuilder)
#include "tst_FitOverlayBuilder.moc"
