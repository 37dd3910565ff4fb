// SPDX-License-Identifier: GPL-3.0-or-later
// The IsoFLOP parabola (loss against ln N), its delta-method vertex interval, and spline minima.
#include "core/alloc/IsoFlopParabola.h"
#include "core/alloc/SplineMinimum.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

namespace {

struct Profile {
    std::vector<double> x, y;
};

/// loss = L0 + c (x - v)^2 at x = from, from + step, ..., `count` points.
Profile parabola(double v, double L0, double c, double from, double step, int count)
{
    Profile p;
    for (int i = 0; i < count; ++i) {
        const double x = from + step * i;
        p.x.push_back(x);
        p.y.push_back(L0 + c * (x - v) * (x - v));
    }
    return p;
}

} // namespace

class TestIsoFlopParabola : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactPointsGiveTheExactVertex()
    {
        const Profile p = parabola(20.3, 2.0, 0.05, 17.0, 0.5, 13);
        const auto f = core::IsoFlopParabola::fit(p.x, p.y);
        QVERIFY(f.has_value());
        QVERIFY(f->hasMinimum());
        QVERIFY(std::abs(f->vertex() - 20.3) < 1e-12);
        QVERIFY(std::abs(f->vertexLoss() - 2.0) < 1e-13);
        QVERIFY(f->vertexStdError() < 1e-9);
        // In x itself: 0.05 x^2 - 2.03 x + (2 + 0.05 * 20.3^2).
        const auto raw = f->rawCoefficients();
        QVERIFY(std::abs(raw[2] - 0.05) < 1e-13);
        QVERIFY(std::abs(raw[1] + 2.03) < 1e-11);
        QVERIFY(std::abs(raw[0] - (2.0 + 0.05 * 20.3 * 20.3)) < 1e-10);
        // Weights do not move the vertex of exact data.
        std::vector<double> w;
        for (std::size_t i = 0; i < p.x.size(); ++i)
            w.push_back(1.0 + static_cast<double>(i % 3));
        const auto fw = core::IsoFlopParabola::fit(p.x, p.y, w);
        QVERIFY(fw.has_value());
        QVERIFY(std::abs(fw->vertex() - 20.3) < 1e-12);
    }

    void threePointsAreExactWithoutInterval()
    {
        const Profile p = parabola(20.0, 3.0, 0.1, 19.0, 1.0, 3);
        const auto f = core::IsoFlopParabola::fit(p.x, p.y);
        QVERIFY(f.has_value());
        QVERIFY(std::abs(f->vertex() - 20.0) < 1e-12);
        QVERIFY(std::isnan(f->vertexStdError()));
        QVERIFY(std::isnan(f->vertexInterval(0.95)[0]));
    }

    void concaveHasNoMinimum()
    {
        const Profile p = parabola(20.0, 3.0, -0.1, 18.0, 0.5, 9);
        const auto f = core::IsoFlopParabola::fit(p.x, p.y);
        QVERIFY(f.has_value());
        QVERIFY(!f->hasMinimum());
        QVERIFY(std::isnan(f->vertex()));
        QVERIFY(std::isnan(f->vertexLoss()));
    }

    void tooFewOrRepeatedPointsAreErrors()
    {
        QVERIFY(!core::IsoFlopParabola::fit(std::vector<double>{1.0, 2.0}, std::vector<double>{3.0, 2.0})
                     .has_value());
        const auto e = core::IsoFlopParabola::fit(std::vector<double>{1.0, 1.0, 2.0},
                                                  std::vector<double>{3.0, 2.9, 2.0});
        QVERIFY(!e.has_value());
        QCOMPARE(e.error().parameter, std::string("parabola"));
        QVERIFY(!core::IsoFlopParabola::fit(std::vector<double>{1.0, 2.0, 3.0},
                                            std::vector<double>{3.0, NAN, 2.0})
                     .has_value());
    }

    void deltaMethodIntervalCoversAtItsLevel()
    {
        // 2,000 noisy copies of a 9-point profile (curvature 0.05, noise sd 0.003 in loss): the 95%
        // delta-method interval should cover the true vertex 95% of the time. With 2,000 draws the
        // binomial sd of the coverage is 0.5%; the delta method is first order, so allow 93-97%.
        const Profile truth = parabola(20.2, 2.5, 0.05, 18.0, 0.5, 9);
        std::mt19937_64 rng(20240601);
        std::normal_distribution<double> noise(0.0, 0.003);
        int covered = 0;
        const int draws = 2000;
        for (int k = 0; k < draws; ++k) {
            std::vector<double> y = truth.y;
            for (double& v : y)
                v += noise(rng);
            const auto f = core::IsoFlopParabola::fit(truth.x, y);
            QVERIFY(f.has_value());
            const auto ci = f->vertexInterval(0.95);
            covered += (ci[0] <= 20.2 && 20.2 <= ci[1]) ? 1 : 0;
        }
        const double coverage = covered / double(draws);
        QVERIFY2(coverage > 0.93 && coverage < 0.97, qPrintable(QString::number(coverage)));
    }

    void akimaMinimumOfAParabola()
    {
        // On equally spaced points of a quadratic, Akima's node slopes (mean of the two adjacent
        // secants, the weights being equal) are the exact derivatives, so the interpolant is the
        // parabola itself; what is left is how flat the minimum is: a loss resolution of ~4e-16
        // moves the argmin by sqrt(4e-16 / c) ~ 1e-7 for c = 0.05. Allow 1e-6.
        const Profile p = parabola(20.37, 2.0, 0.05, 18.0, 0.5, 9);
        const auto m = core::SplineMinimum::find(p.x, p.y, core::SplineKind::Akima);
        QVERIFY(m.has_value());
        QVERIFY(m->kind == core::SplineKind::Akima);
        QVERIFY(!m->fellBack);
        QVERIFY(!m->atEdge);
        QVERIFY2(std::abs(m->x - 20.37) < 1e-6, qPrintable(QString::number(m->x, 'g', 17)));
        QVERIFY(std::abs(m->y - 2.0) < 1e-12);
        // A natural cubic spline forces zero curvature at the ends, so it is not the parabola; its
        // interior minimum is still close (here within 0.01 in ln N).
        const auto c = core::SplineMinimum::find(p.x, p.y, core::SplineKind::Cubic);
        QVERIFY(c.has_value());
        QVERIFY2(std::abs(c->x - 20.37) < 1e-2, qPrintable(QString::number(c->x, 'g', 17)));
    }

    void akimaFallsBackAndNeverExtrapolates()
    {
        const Profile four = parabola(20.0, 2.0, 0.05, 19.0, 0.6, 4);
        const auto m = core::SplineMinimum::find(four.x, four.y, core::SplineKind::Akima);
        QVERIFY(m.has_value());
        QVERIFY(m->fellBack);
        QVERIFY(m->kind == core::SplineKind::Cubic);
        // Minimum beyond the sampled range: the spline's minimum is the last point, flagged.
        const Profile off = parabola(25.0, 2.0, 0.05, 18.0, 0.5, 9);
        const auto e = core::SplineMinimum::find(off.x, off.y, core::SplineKind::Akima);
        QVERIFY(e.has_value());
        QVERIFY(e->atEdge);
        QCOMPARE(e->x, 22.0);
        // Repeated x are merged (mean loss).
        const auto r =
            core::SplineMinimum::find(std::vector<double>{1.0, 2.0, 2.0, 3.0},
                                      std::vector<double>{3.0, 1.0, 2.0, 3.0}, core::SplineKind::Cubic);
        QVERIFY(r.has_value());
        QCOMPARE(r->points, std::size_t{3});
        QVERIFY(std::abs(r->x - 2.0) < 1e-6);
        QVERIFY(std::abs(r->y - 1.5) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestIsoFlopParabola)
#include "tst_IsoFlopParabola.moc"
