// SPDX-License-Identifier: GPL-3.0-or-later
// Curves of a fitted law for the GUI (core/plot/LawCurves, CurveBand): values against the law
// written out by hand, the iso-FLOP minimum against the closed form, the frontier against
// computeOptimal and the closed form, exact log-uniform spacing, nothing <= 0 or NaN ever emitted,
// percentile bands against hand-computed percentiles, thread-count independence, log residuals.
#include "core/alloc/ComputeOptimal.h"
#include "core/fit/FormulaLaw.h"
#include "core/fit/Laws.h"
#include "core/plot/CurveBand.h"
#include "core/plot/LawCurves.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

namespace {

// Epoch AI's replication of Chinchilla approach 3: E, A, B, alpha, beta.
const std::vector<double> kEpoch{1.8172181, 477.826, 2143.417, 0.3473105, 0.3671724};
constexpr double kE = 1.8172181, kA = 477.826, kB = 2143.417, kAlpha = 0.3473105, kBeta = 0.3671724;

const core::Law& law(const char* id)
{
    return *core::lawById(id);
}

double chinchillaByHand(double N, double D)
{
    return kE + kA / std::pow(N, kAlpha) + kB / std::pow(D, kBeta);
}

double relErr(double value, double expected)
{
    return std::abs(value - expected) / std::abs(expected);
}

#define VERIFY_REL(value, expected, tol)                                                                     \
    QVERIFY2(relErr((value), (expected)) <= (tol),                                                           \
             qPrintable(QStringLiteral("%1 vs %2").arg((value), 0, 'g', 17).arg((expected), 0, 'g', 17)))

bool allLogValid(const core::PlotPoints& p)
{
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!(std::isfinite(p.x[i]) && p.x[i] > 0.0 && std::isfinite(p.y[i]) && p.y[i] > 0.0))
            return false;
    return p.x.size() == p.y.size();
}

/// A bootstrap draw as BootstrapResult::draws holds it: parameters, then derived values (ignored).
std::vector<double> drawOf(std::vector<double> params)
{
    params.insert(params.end(), {-1.0, std::nan(""), 1e300});
    return params;
}

std::vector<core::CurveSpec> chinchillaSpecs()
{
    using F = core::CurveFamily;
    return {{F::IsoFlop, 5.76e23, 1e9, 1e13, 101, {}},
            {F::AlongD, 1e9, 1e9, 1e12, 57, {}},
            {F::AlongNFixedD, 1e11, 1e7, 1e11, 33, {}}};
}

} // namespace

class TestLawCurves : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logUniformSpacingIsExact()
    {
        const auto x = core::logUniformSamples(1e3, 1e9, 7);
        QCOMPARE(x.size(), std::size_t(7));
        QCOMPARE(x.front(), 1e3);
        QCOMPARE(x.back(), 1e9);
        for (std::size_t i = 0; i < x.size(); ++i)
            VERIFY_REL(x[i], std::pow(10.0, 3.0 + static_cast<double>(i)), 1e-14);
        const auto curve = core::lawAlongN(law("chinchilla"), kEpoch, 5.76e23, 2e8, 3e13, 500);
        QVERIFY(curve.has_value());
        QCOMPARE(curve->size(), std::size_t(500));
        QCOMPARE(curve->x.front(), 2e8);
        QCOMPARE(curve->x.back(), 3e13);
        const double step = std::log(3e13 / 2e8) / 499.0;
        for (std::size_t i = 0; i + 1 < curve->size(); ++i)
            QVERIFY(std::abs(std::log(curve->x[i + 1] / curve->x[i]) - step) < 1e-12);
        QVERIFY(core::logUniformSamples(1e3, 1e3, 7).empty());
        QVERIFY(core::logUniformSamples(0.0, 1e3, 7).empty());
        QVERIFY(core::logUniformSamples(1.0, 1e3, 1).empty());
    }

    void isoFlopValuesEqualTheLawByHand()
    {
        const double C = 5.76e23;
        const auto curve = core::lawAlongN(law("chinchilla"), kEpoch, C, 1e9, 1e13, 201);
        QVERIFY(curve.has_value());
        QCOMPARE(curve->size(), std::size_t(201));
        for (std::size_t i : {0u, 37u, 100u, 163u, 200u}) {
            const double N = std::exp(std::log(1e9) + static_cast<double>(i) * std::log(1e4) / 200.0);
            VERIFY_REL(curve->x[i], N, 1e-14);
            VERIFY_REL(curve->y[i], chinchillaByHand(N, C / (6.0 * N)), 1e-12);
        }
    }

    void isoFlopMinimumIsTheClosedFormOptimum()
    {
        // Hoffmann et al. eq. 4: N_opt = G (C/6)^(beta/(alpha+beta)), G = (alpha A / (beta
        // B))^(1/(alpha+beta)).
        const double G = std::pow(kAlpha * kA / (kBeta * kB), 1.0 / (kAlpha + kBeta));
        for (double C : {1e20, 5.76e23, 1e26}) {
            const double nOpt = G * std::pow(C / 6.0, kBeta / (kAlpha + kBeta));
            const double lo = nOpt / 300.0, hi = nOpt * 70.0;
            const std::size_t samples = 4001;
            const auto curve = core::lawAlongN(law("chinchilla"), kEpoch, C, lo, hi, samples);
            QVERIFY(curve.has_value());
            const auto best = std::min_element(curve->y.begin(), curve->y.end()) - curve->y.begin();
            const double step = std::log(hi / lo) / static_cast<double>(samples - 1);
            QVERIFY2(std::abs(std::log(curve->x[static_cast<std::size_t>(best)] / nOpt)) <= step,
                     qPrintable(QString::number(curve->x[static_cast<std::size_t>(best)], 'g', 10)));
        }
    }

    void otherFamiliesEqualTheLawByHand()
    {
        const auto alongD = core::lawAlongD(law("chinchilla"), kEpoch, 3e9, 1e9, 1e12, 50);
        QVERIFY(alongD.has_value());
        QCOMPARE(alongD->size(), std::size_t(50));
        for (std::size_t i : {0u, 24u, 49u})
            VERIFY_REL(alongD->y[i], chinchillaByHand(3e9, alongD->x[i]), 1e-12);
        const auto alongN = core::lawAlongNFixedD(law("chinchilla"), kEpoch, 2e11, 1e7, 1e11, 50);
        QVERIFY(alongN.has_value());
        QCOMPARE(alongN->size(), std::size_t(50));
        for (std::size_t i : {0u, 24u, 49u})
            VERIFY_REL(alongN->y[i], chinchillaByHand(alongN->x[i], 2e11), 1e-12);
        const std::vector<double> power{1.5, 400.0, 0.3}; // E + A x^-alpha
        const auto alongX = core::lawAlongX(law("power"), power, 1e6, 1e10, 9);
        QVERIFY(alongX.has_value());
        for (std::size_t i = 0; i < 9; ++i)
            VERIFY_REL(alongX->y[i], 1.5 + 400.0 * std::pow(alongX->x[i], -0.3), 1e-12);
    }

    void lawPointsAreConsistent()
    {
        using F = core::CurveFamily;
        const core::LawPoint iso = core::curvePoint({F::IsoFlop, 6e21, 1, 2, 2, {}}, 1e9);
        QCOMPARE(iso.N, 1e9);
        QCOMPARE(iso.x, 1e9);
        QCOMPARE(iso.C, 6e21);
        VERIFY_REL(iso.D, 1e12, 1e-15);
        const core::LawPoint d = core::curvePoint({F::AlongD, 2e9, 1, 2, 2, {}}, 5e10);
        QCOMPARE(d.N, 2e9);
        QCOMPARE(d.D, 5e10);
        QCOMPARE(d.x, 5e10);
        QCOMPARE(d.C, 6e20);
        const core::LawPoint n = core::curvePoint({F::AlongNFixedD, 5e10, 1, 2, 2, {}}, 2e9);
        QCOMPARE(n.N, 2e9);
        QCOMPARE(n.D, 5e10);
        QCOMPARE(n.x, 2e9);
        QCOMPARE(n.C, 6e20);
        const core::LawPoint x = core::curvePoint({F::AlongX, 0, 1, 2, 2, core::XQuantity::D}, 7.0);
        QCOMPARE(x.x, 7.0);
        QCOMPARE(x.D, 7.0);
        QCOMPARE(x.N, 0.0);
        QCOMPARE(x.C, 0.0);
    }

    void frontierMatchesComputeOptimalAndTheClosedForm()
    {
        const auto f = core::frontier(law("chinchilla"), kEpoch, 5.76e23, 5.76e25, 3);
        QVERIFY(f.has_value());
        QCOMPARE(f->failed, std::size_t(0));
        QVERIFY(f->warnings.empty());
        for (const auto* curve : {&f->loss, &f->N, &f->D}) {
            QCOMPARE(curve->size(), std::size_t(3));
            QCOMPARE(curve->x.front(), 5.76e23);
            QCOMPARE(curve->x.back(), 5.76e25);
        }
        const auto a = core::computeOptimal(law("chinchilla"), kEpoch, 5.76e23);
        QVERIFY(a.has_value());
        QCOMPARE(f->loss.y[0], a->loss);
        QCOMPARE(f->N.y[0], a->N);
        QCOMPARE(f->D.y[0], a->D);
        // Closed form computed independently (Python mpmath, 40 digits).
        VERIFY_REL(f->N.y[0], 73190397757.899798936, 1e-9);
        VERIFY_REL(f->D.y[0], 1311647469351.7873213, 1e-9);
        VERIFY_REL(f->loss.y[0], 1.973912184008731482, 1e-12);
        QVERIFY(f->loss.y[1] < f->loss.y[0] && f->N.y[1] > f->N.y[0] && f->D.y[1] > f->D.y[0]);
    }

    void nothingNonPositiveIsEmitted()
    {
        // E = -1: the iso-FLOP curve is positive at both ends and negative around the optimum.
        std::vector<double> p = kEpoch;
        p[0] = -1.0;
        const double C = 5.76e23;
        const auto curve = core::lawAlongN(law("chinchilla"), p, C, 1e3, 1e17, 300);
        QVERIFY(curve.has_value());
        QVERIFY(allLogValid(*curve));
        std::size_t positive = 0;
        for (double N : core::logUniformSamples(1e3, 1e17, 300))
            positive += chinchillaByHand(N, C / (6.0 * N)) - kE - 1.0 > 0.0 ? 1 : 0;
        QVERIFY(positive > 0 && positive < 300);
        QCOMPARE(curve->size(), positive);
        // A power law with a negative coefficient: 1 - 5/sqrt(x) <= 0 for x <= 25.
        const auto power =
            core::lawAlongX(law("power"), std::vector<double>{1.0, -5.0, 0.5}, 1.0, 100.0, 100);
        QVERIFY(power.has_value());
        QVERIFY(allLogValid(*power) && !power->x.empty());
        QVERIFY(power->x.front() > 25.0);
        // A formula that is NaN for x < 2.
        const auto formula = core::FormulaLaw::create("sqrt(x - b)", {{"b", 2.0}});
        QVERIFY(formula.has_value());
        const auto root = core::lawAlongX(**formula, std::vector<double>{2.0}, 0.5, 10.0, 64);
        QVERIFY(root.has_value());
        QVERIFY(allLogValid(*root) && !root->x.empty() && root->x.front() > 2.0);
        // E = -10: L_opt < 0 at every budget, while N_opt and D_opt stay positive.
        p[0] = -10.0;
        const auto f = core::frontier(law("chinchilla"), p, 1e20, 1e24, 20);
        QVERIFY(f.has_value());
        QVERIFY(f->loss.x.empty());
        QCOMPARE(f->N.size(), std::size_t(20));
        QVERIFY(allLogValid(f->N) && allLogValid(f->D));
    }

    void badInputIsAnError()
    {
        QVERIFY(!core::lawAlongX(law("chinchilla"), kEpoch, 1, 10, 5).has_value());
        QVERIFY(!core::lawAlongN(law("power"), std::vector<double>{1, 1, 1}, 1e20, 1, 10, 5).has_value());
        QVERIFY(!core::lawAlongN(law("chinchilla"), std::vector<double>{1, 2}, 1e20, 1, 10, 5).has_value());
        QVERIFY(!core::lawAlongN(law("chinchilla"), kEpoch, 1e20, 10, 1, 5).has_value());
        QVERIFY(!core::lawAlongN(law("chinchilla"), kEpoch, 1e20, 1, 10, 1).has_value());
        QVERIFY(!core::lawAlongN(law("chinchilla"), kEpoch, std::nan(""), 1, 10, 5).has_value());
        std::vector<double> p = kEpoch;
        p[2] = INFINITY;
        const auto nonFinite = core::lawAlongD(law("chinchilla"), p, 1e9, 1, 10, 5);
        QVERIFY(!nonFinite.has_value());
        QCOMPARE(nonFinite.error().parameter, std::string("B"));
        QVERIFY(!core::frontier(law("chinchilla"), kEpoch, 1.0, 1e20, 5).has_value());
        QVERIFY(!core::frontier(law("power"), std::vector<double>{1, 1, 1}, 1e18, 1e20, 5).has_value());
    }

    void residualsByHand()
    {
        core::FitData data;
        data.N = Eigen::Vector<double, 5>{1e8, 4e9, 7e10, 1e9, 1e9};
        data.D = Eigen::Vector<double, 5>{2e9, 8e10, 1.4e12, 2e10, 2e10};
        data.C = 6.0 * data.N.cwiseProduct(data.D);
        data.y = Eigen::Vector<double, 5>{3.1, 2.3, 1.95, 0.0, std::nan("")};
        const auto r = core::logResiduals(law("chinchilla"), kEpoch, data);
        QVERIFY(r.has_value());
        QCOMPARE(r->size(), std::size_t(5));
        // ln(E + A/N^alpha + B/D^beta) - ln y, Python mpmath: predicted 3.4371706996021137,
        // 2.2509210285225431, 1.9733668634537284 (over-prediction is positive).
        QVERIFY(std::abs((*r)[0] - 0.1032465504334282329) < 1e-13);
        QVERIFY(std::abs((*r)[1] - -0.021569644467977138171) < 1e-13);
        QVERIFY(std::abs((*r)[2] - 0.011911779122858409135) < 1e-13);
        QVERIFY(std::isnan((*r)[3]) && std::isnan((*r)[4]));
        std::vector<double> negative = kEpoch;
        negative[0] = -100.0;
        const auto n = core::logResiduals(law("chinchilla"), negative, data);
        QVERIFY(n.has_value() && std::isnan((*n)[0]));
        QVERIFY(!core::logResiduals(law("chinchilla"), std::vector<double>{1.0}, data).has_value());
    }

    void bandOfIdenticalDrawsIsTheCurve()
    {
        const std::vector<std::vector<double>> draws(30, drawOf(kEpoch));
        for (const auto& spec : chinchillaSpecs()) {
            const auto curve = core::lawCurve(law("chinchilla"), kEpoch, spec);
            const auto band = core::curveBand(law("chinchilla"), draws, spec);
            QVERIFY(curve.has_value() && band.has_value());
            QCOMPARE(band->draws, std::size_t(30));
            QCOMPARE(band->x, curve->x);
            QCOMPARE(band->lower, curve->y);
            QCOMPARE(band->upper, curve->y);
        }
        const auto f = core::frontier(law("chinchilla"), kEpoch, 1e19, 1e25, 13);
        const auto fb = core::frontierBands(law("chinchilla"), draws, 1e19, 1e25, 13);
        QVERIFY(f.has_value() && fb.has_value());
        for (const auto& [band, curve] : {std::pair{&fb->loss, &f->loss}, {&fb->N, &f->N}, {&fb->D, &f->D}}) {
            QCOMPARE(band->x, curve->x);
            QCOMPARE(band->lower, curve->y);
            QCOMPARE(band->upper, curve->y);
        }
    }

    void bandOfShiftedEIsHandPercentiles()
    {
        // Draws E + k 0.001: numpy.percentile(k * 0.001, [2.5, 97.5]) (linear method) is
        // -/+0.019 for k = -20..20 (index 0.025 * 40 = 1, an order statistic) and -/+0.0095 for
        // k = -10..10 (index 0.025 * 20 = 0.5, halfway between -0.010 and -0.009).
        for (const auto& [K, half] : {std::pair{20, 0.019}, {10, 0.0095}}) {
            std::vector<std::vector<double>> draws;
            for (int k = K; k >= -K; --k) { // out of order on purpose
                std::vector<double> p = kEpoch;
                p[0] += k * 0.001;
                draws.push_back(drawOf(p));
            }
            for (const auto& spec : chinchillaSpecs()) {
                const auto curve = core::lawCurve(law("chinchilla"), kEpoch, spec);
                const auto band = core::curveBand(law("chinchilla"), draws, spec, 0.95, 2);
                QVERIFY(curve.has_value() && band.has_value());
                QCOMPARE(band->x, curve->x);
                for (std::size_t i = 0; i < band->x.size(); ++i) {
                    QVERIFY(std::abs(band->lower[i] - (curve->y[i] - half)) < 1e-12);
                    QVERIFY(std::abs(band->upper[i] - (curve->y[i] + half)) < 1e-12);
                }
            }
            // E moves the optimal loss, not N_opt or D_opt.
            const auto f = core::frontier(law("chinchilla"), kEpoch, 1e20, 1e24, 5);
            const auto fb = core::frontierBands(law("chinchilla"), draws, 1e20, 1e24, 5);
            QVERIFY(f.has_value() && fb.has_value());
            for (std::size_t i = 0; i < 5; ++i) {
                QVERIFY(std::abs(fb->loss.lower[i] - (f->loss.y[i] - half)) < 1e-12);
                QVERIFY(std::abs(fb->loss.upper[i] - (f->loss.y[i] + half)) < 1e-12);
                QCOMPARE(fb->N.lower[i], f->N.y[i]);
                QCOMPARE(fb->N.upper[i], f->N.y[i]);
                QCOMPARE(fb->D.upper[i], f->D.y[i]);
            }
        }
    }

    void bandNeedsHalfTheDrawsPositive()
    {
        // power with A = 0 is the constant E. Quantiles over the positive draws only (numpy):
        // [1, 2, 3] -> 1.05, 2.95; [1, 2] -> 1.025, 1.975; one positive draw of three -> no band.
        const core::CurveSpec spec{core::CurveFamily::AlongX, 0.0, 1.0, 10.0, 4, {}};
        auto band = [&](const std::vector<double>& Es) {
            std::vector<std::vector<double>> draws;
            for (double E : Es)
                draws.push_back({E, 0.0, 0.5});
            return core::curveBand(law("power"), draws, spec);
        };
        const auto three = band({1, -1, 2, -2, 3});
        QVERIFY(three.has_value());
        QCOMPARE(three->x.size(), std::size_t(4));
        QVERIFY(std::abs(three->lower[2] - 1.05) < 1e-14 && std::abs(three->upper[2] - 2.95) < 1e-14);
        const auto half = band({1, 2, -1, -2});
        QVERIFY(half.has_value());
        QCOMPARE(half->x.size(), std::size_t(4));
        QVERIFY(std::abs(half->lower[0] - 1.025) < 1e-14 && std::abs(half->upper[0] - 1.975) < 1e-14);
        const auto few = band({1, -1, -2});
        QVERIFY(few.has_value());
        QVERIFY(few->x.empty() && few->lower.empty() && few->upper.empty());
    }

    void bandsDoNotDependOnTheThreadCount()
    {
        std::mt19937_64 rng(42);
        std::normal_distribution<double> noise(0.0, 0.05);
        std::vector<std::vector<double>> draws;
        for (int k = 0; k < 120; ++k) {
            std::vector<double> p = kEpoch;
            for (double& v : p)
                v *= 1.0 + noise(rng);
            draws.push_back(drawOf(p));
        }
        for (const auto& spec : chinchillaSpecs()) {
            const auto one = core::curveBand(law("chinchilla"), draws, spec, 0.9, 1);
            const auto two = core::curveBand(law("chinchilla"), draws, spec, 0.9, 2);
            QVERIFY(one.has_value() && two.has_value());
            QVERIFY(!one->x.empty());
            QCOMPARE(one->x, two->x);
            QCOMPARE(one->lower, two->lower);
            QCOMPARE(one->upper, two->upper);
            QCOMPARE(one->level, 0.9);
        }
        core::AllocationOptions numeric;
        numeric.method = core::AllocationMethod::Numeric;
        const auto one = core::frontierBands(law("chinchilla"), draws, 1e19, 1e24, 6, numeric, 0.95, 1);
        const auto two = core::frontierBands(law("chinchilla"), draws, 1e19, 1e24, 6, numeric, 0.95, 2);
        QVERIFY(one.has_value() && two.has_value());
        for (const auto& [a, b] :
             {std::pair{&one->loss, &two->loss}, {&one->N, &two->N}, {&one->D, &two->D}}) {
            QCOMPARE(a->x.size(), std::size_t(6));
            QCOMPARE(a->lower, b->lower);
            QCOMPARE(a->upper, b->upper);
            for (std::size_t i = 0; i < 6; ++i)
                QVERIFY(a->lower[i] < a->upper[i]);
        }
    }

    void badBandInputIsAnError()
    {
        const auto spec = chinchillaSpecs().front();
        QVERIFY(!core::curveBand(law("chinchilla"), {}, spec).has_value());
        QVERIFY(!core::curveBand(law("chinchilla"), {{1.0, 2.0}}, spec).has_value());
        QVERIFY(!core::curveBand(law("chinchilla"), {kEpoch}, spec, 1.0).has_value());
        QVERIFY(!core::frontierBands(law("chinchilla"), {kEpoch}, 1e20, 1e19, 5).has_value());
        QVERIFY(!core::frontierBands(law("power"), {{1.0, 1.0, 1.0}}, 1e19, 1e20, 5).has_value());
    }
};

QTEST_APPLESS_MAIN(TestLawCurves)
#include "tst_LawCurves.moc"
