// SPDX-License-Identifier: GPL-3.0-or-later
// The curves the GUI's views draw for a fit: IsoFLOP curves per budget (in N and in D), one curve
// per model size for training curves, the compute-optimal locus in each x, bands, residuals and
// approach 2's profiles, checked against the closed form of the Chinchilla law.
#include "core/alloc/ComputeOptimal.h"
#include "core/fit/FitJob.h"
#include "core/fit/Laws.h"
#include "core/plot/FitViews.h"

#include <QtTest>

#include <cmath>

namespace {

// Epoch's published fit (domain.md): E, A, B, alpha, beta.
const std::vector<double> kP{1.82, 482.01, 2085.43, 0.3478, 0.3658};

double law(double N, double D)
{
    return kP[0] + kP[1] / std::pow(N, kP[3]) + kP[2] / std::pow(D, kP[4]);
}

/// Closed-form N_opt(C) under C = 6ND: G (C/6)^(beta/(alpha+beta)), G = (alpha A / (beta B))^(1/(alpha+beta)).
double nOpt(double C)
{
    const double a = kP[3], b = kP[4];
    return std::pow(a * kP[1] / (b * kP[2]), 1.0 / (a + b)) * std::pow(C / 6.0, b / (a + b));
}

/// IsoFLOP sweep on the law exactly: budgets 1e18, 1e19, 1e20; 7 sizes each, from N_opt/8 to 8 N_opt.
core::Sweep isoFlopSweep()
{
    core::Sweep s;
    s.layout = "final-loss";
    for (double C : {1e18, 1e19, 1e20})
        for (int k = -3; k <= 3; ++k) {
            core::Run r;
            r.N = nOpt(C) * std::pow(2.0, k);
            r.D = C / (6 * r.N);
            r.C = C;
            r.budget = C;
            r.id = r.name = "r" + std::to_string(s.runs.size());
            core::Curve c;
            c.append(1, r.D, r.C, law(r.N, r.D));
            r.curves.push_back(c);
            s.runs.push_back(r);
        }
    return s;
}

/// The fit result as if fitted exactly: the law's parameters on every point of the sweep.
core::FitJobResult exactResult(const core::Sweep& sweep)
{
    core::FitJobSpec spec;
    core::FitJobResult r;
    r.law = core::lawById("chinchilla");
    r.data = *core::fitJobData(sweep, spec);
    r.fit.result.params = kP;
    return r;
}

constexpr int kN = static_cast<int>(core::XQuantity::N);
constexpr int kD = static_cast<int>(core::XQuantity::D);
constexpr int kC = static_cast<int>(core::XQuantity::C);

} // namespace

class TestFitViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isoFlopCurvesPerBudget()
    {
        const core::Sweep sweep = isoFlopSweep();
        const auto views = core::fitViews(sweep, exactResult(sweep), core::XQuantity::N);
        const auto& groups = views.byX[kN].groups;
        QCOMPARE(groups.size(), std::size_t{3});
        QCOMPARE(views.byX[kD].groups.size(), std::size_t{3});
        QVERIFY(views.byX[kC].groups.empty()); // a budget is a vertical line in C: nothing to draw
        for (const auto& g : groups) {
            QCOMPARE(g.runs.size(), std::size_t{7});
            QVERIFY(std::abs(g.dataHi / g.dataLo - 64.0) < 1e-9); // 2^-3 .. 2^3 of N_opt
            // Every sample lies on the law at D = C/(6N); the lowest sample is at the closed-form N_opt.
            std::size_t best = 0;
            for (std::size_t i = 0; i < g.curve.size(); ++i) {
                QVERIFY(std::abs(g.curve.y[i] / law(g.curve.x[i], g.fixed / (6 * g.curve.x[i])) - 1) < 1e-13);
                if (g.curve.y[i] < g.curve.y[best])
                    best = i;
            }
            const double step = std::log(g.curve.x[1] / g.curve.x[0]);
            QVERIFY(std::abs(std::log(g.curve.x[best] / nOpt(g.fixed))) <= step);
            // Widened by 2 each way beyond the runs.
            QVERIFY(std::abs(g.curve.x.front() / (g.dataLo / 2) - 1) < 1e-12);
        }
        // The same curve against D: x = C/(6N), same losses, ascending.
        const auto& inD = views.byX[kD].groups.front();
        for (std::size_t i = 0; i < inD.curve.size(); ++i) {
            const double N = inD.fixed / (6 * inD.curve.x[i]);
            QVERIFY(std::abs(inD.curve.y[i] / law(N, inD.curve.x[i]) - 1) < 1e-13);
            if (i > 0)
                QVERIFY(inD.curve.x[i] > inD.curve.x[i - 1]);
        }
    }

    void locusIsTheComputeOptimum()
    {
        const core::Sweep sweep = isoFlopSweep();
        const auto views = core::fitViews(sweep, exactResult(sweep), core::XQuantity::N);
        QVERIFY(views.frontier.has_value());
        QCOMPARE(views.cLo, 1e17); // a decade below the data ...
        QCOMPARE(views.cHi, 1e23); // ... three above
        const auto& locusN = views.byX[kN].locus;
        QVERIFY(locusN.size() > 100);
        for (std::size_t i = 0; i < locusN.size(); i += 37) {
            // N_opt on the locus: C from the closed form inverse, loss = the law at (N_opt, C/(6 N_opt)).
            const double N = locusN.x[i];
            const double a = kP[3], b = kP[4];
            const double G = std::pow(a * kP[1] / (b * kP[2]), 1.0 / (a + b));
            const double C = 6.0 * std::pow(N / G, (a + b) / b);
            QVERIFY(std::abs(locusN.y[i] / law(N, C / (6 * N)) - 1) < 1e-10);
        }
        const auto& locusC = views.byX[kC].locus;
        const auto alloc = core::computeOptimal(*core::lawById("chinchilla"), kP, locusC.x[50]);
        QCOMPARE(locusC.y[50], alloc->loss);
        QVERIFY(!views.byX[kC].locusBand.has_value()); // no bootstrap
        QVERIFY(views.isoFlop.has_value());
        QCOMPARE(views.isoFlop->profiles.size(), std::size_t{3});
        QCOMPARE(views.residuals.size(), std::size_t{21});
        for (double r : views.residuals)
            QVERIFY(std::abs(r) < 1e-14);
    }

    void bandsWithDraws()
    {
        const core::Sweep sweep = isoFlopSweep();
        core::FitJobResult r = exactResult(sweep);
        r.bootstrap.emplace();
        for (int k = -10; k <= 10; ++k) { // E shifted by k * 0.001: the band is the frontier +- 0.0095
            std::vector<double> p = kP;
            p[0] += 0.001 * k;
            r.bootstrap->draws.push_back(p);
        }
        const auto views = core::fitViews(sweep, r, core::XQuantity::N);
        QVERIFY(views.byX[kC].locusBand.has_value());
        const auto& band = *views.byX[kC].locusBand;
        const auto& loss = views.byX[kC].locus;
        QCOMPARE(band.x.size(), loss.size());
        for (std::size_t i = 0; i < band.x.size(); ++i) {
            QCOMPARE(band.x[i], loss.x[i]);
            QVERIFY(std::abs(band.lower[i] - (loss.y[i] - 0.0095)) < 1e-12);
            QVERIFY(std::abs(band.upper[i] - (loss.y[i] + 0.0095)) < 1e-12);
        }
    }

    void trainingCurvesGetOneCurvePerSize()
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
        core::FitJobResult r;
        r.law = core::lawById("chinchilla");
        core::FitJobSpec spec;
        spec.selection.points = core::FitSelection::Points::All;
        r.data = *core::fitJobData(s, spec);
        r.fit.result.params = kP;
        const auto views = core::fitViews(s, r, core::XQuantity::N);
        QCOMPARE(views.byX[kD].groups.size(), std::size_t{2});
        QCOMPARE(views.byX[kC].groups.size(), std::size_t{2});
        QVERIFY(views.byX[kN].groups.empty());
        const auto& g = views.byX[kD].groups[1];
        QCOMPARE(g.fixed, 4e8);
        QCOMPARE(g.dataLo, 1e9);
        QCOMPARE(g.dataHi, 1.6e10);
        QCOMPARE(g.curve.x.front(), 1e9);
        for (std::size_t i = 0; i < g.curve.size(); ++i)
            QVERIFY(std::abs(g.curve.y[i] / law(4e8, g.curve.x[i]) - 1) < 1e-13);
        const auto& inC = views.byX[kC].groups[1];
        QCOMPARE(inC.curve.x.front(), 6 * 4e8 * 1e9);
        // Approach 1 on the two curves: the envelope is the lower of the two at each C.
        QVERIFY(views.envelope.has_value());
        QCOMPARE(views.envelopeLoss.size(), views.envelope->points.size());
        QVERIFY(views.envelopeLoss.size() > 5);
        for (std::size_t i = 0; i < views.envelopeLoss.size(); ++i) {
            const double C = views.envelopeLoss.x[i];
            double best = 1e300;
            for (double N : {1e8, 4e8}) {
                const double D = C / (6 * N);
                if (D >= 1e9 && D <= 1.6e10)
                    best = std::min(best, law(N, D));
            }
            // The envelope interpolates each curve linearly between its points, so it is at or above the law.
            QVERIFY(views.envelopeLoss.y[i] >= best - 1e-12);
            QVERIFY(views.envelopeLoss.y[i] < best * 1.01);
        }
    }

    void oneVariableLawDrawsOnlyInItsX()
    {
        const core::Sweep sweep = isoFlopSweep();
        core::FitJobSpec spec;
        spec.lawId = "power";
        spec.selection.x = core::XQuantity::C;
        core::FitJobResult r;
        r.law = core::lawById("power");
        r.data = *core::fitJobData(sweep, spec);
        r.fit.result.params = {1.7, 100.0, 0.1};
        const auto views = core::fitViews(sweep, r, core::XQuantity::C);
        QCOMPARE(views.byX[kC].groups.size(), std::size_t{1});
        QVERIFY(views.byX[kN].groups.empty());
        QVERIFY(!views.frontier.has_value());
        const auto& g = views.byX[kC].groups.front();
        QCOMPARE(g.dataLo, 1e18);
        QCOMPARE(g.dataHi, 1e20);
        QVERIFY(std::abs(g.curve.y.front() - (1.7 + 100.0 * std::pow(1e17, -0.1))) < 1e-12);
    }

    void parabolaCurve()
    {
        const core::Sweep sweep = isoFlopSweep();
        const auto views = core::fitViews(sweep, exactResult(sweep), core::XQuantity::N);
        const auto& profile = views.isoFlop->profiles.front();
        const auto pts = core::isoFlopParabolaCurve(profile, 1e6, 1e9, 11);
        QCOMPARE(pts.size(), std::size_t{11});
        QCOMPARE(pts.y[5], profile.parabola->value(std::log(pts.x[5])));
        // One parabola per profile; approach 2's N_opt line is k C^a over the budget range.
        QCOMPARE(views.parabolas.size(), views.isoFlop->profiles.size());
        QVERIFY(views.isoFlop->nFit.has_value());
        QCOMPARE(views.approach2N.x.front(), views.cLo);
        QCOMPARE(views.approach2N.y.back(), views.isoFlop->nFit->k * std::pow(views.cHi, views.isoFlop->nFit->exponent));
        // Its 95% band is the power law's own interval at each budget, around the line.
        QCOMPARE(views.approach2NBand.x.size(), views.approach2N.x.size());
        const auto ci = views.isoFlop->nFit->interval(views.approach2NBand.x[7], 0.95);
        QCOMPARE(views.approach2NBand.lower[7], ci[0]);
        QCOMPARE(views.approach2NBand.upper[7], ci[1]);
        QVERIFY(views.approach2NBand.lower[7] < views.approach2N.y[7] && views.approach2N.y[7] < views.approach2NBand.upper[7]);
    }
};

QTEST_APPLESS_MAIN(TestFitViews)
#include "tst_FitViews.moc"
