// SPDX-License-Identifier: GPL-3.0-or-later
// Chinchilla approach 1: the envelope of training curves, warmup skipping, EMA and seed averaging.
#include "core/alloc/Envelope.h"
#include "core/alloc/EnvelopeCurve.h"
#include "core/alloc/ExponentialMovingAverage.h"
#include "core/alloc/SeedAveraging.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

namespace {

// Hoffmann et al.'s published approach-3 law (domain.md section B).
constexpr double kE = 1.69, kA = 406.4, kB = 410.7, kAlpha = 0.34, kBeta = 0.28;

double chinchillaLoss(double N, double D)
{
    return kE + kA / std::pow(N, kAlpha) + kB / std::pow(D, kBeta);
}

double closedFormNOpt(double C)
{
    const double G = std::pow(kAlpha * kA / (kBeta * kB), 1.0 / (kAlpha + kBeta));
    return G * std::pow(C / 6.0, kBeta / (kAlpha + kBeta));
}

/// A run of N parameters with a curve at the given tokens and losses; flops left NaN (C = 6 N tokens).
core::Run curveRun(double N, const std::vector<double>& tokens, const std::vector<double>& loss)
{
    core::Run r;
    r.N = N;
    r.name = r.id = "N=" + std::to_string(N);
    core::Curve c;
    c.metric = "loss";
    for (std::size_t i = 0; i < tokens.size(); ++i)
        c.append(double(i + 1), tokens[i], NAN, loss[i]);
    r.curves.push_back(c);
    return r;
}

} // namespace

class TestEnvelope : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emaByHand()
    {
        // f = 0.5: 1; 0.5*1 + 0.5*2 = 1.5; 0.5*1.5 + 0.5*3 = 2.25; 0.5*2.25 + 0.5*4 = 3.125.
        QCOMPARE(core::exponentialMovingAverage(std::vector<double>{1, 2, 3, 4}, 0.5),
                 (std::vector<double>{1.0, 1.5, 2.25, 3.125}));
        QCOMPARE(core::exponentialMovingAverage(std::vector<double>{1, 2, 3}, 0.0),
                 (std::vector<double>{1, 2, 3}));
        // Through a run: losses 4, 3, 2, 1 in step order with f = 0.5 -> 4, 3.5, 2.75, 1.875.
        core::EnvelopeOptions o;
        o.emaFactor = 0.5;
        const auto c = core::EnvelopeCurve::fromRun(curveRun(1e8, {1e6, 2e6, 3e6, 4e6}, {4, 3, 2, 1}), 0, o);
        QVERIFY(c.has_value());
        const std::vector<double> expected{4.0, 3.5, 2.75, 1.875};
        for (std::size_t i = 0; i < 4; ++i) {
            QVERIFY(std::abs(std::exp(c->lnLoss[i]) - expected[i]) < 1e-14);
            QVERIFY(std::abs(c->lnC[i] - std::log(6.0 * 1e8 * 1e6 * double(i + 1))) < 1e-14);
        }
    }

    void warmupSkippingDropsTheFirstPoints()
    {
        std::vector<double> tokens, loss;
        for (int s = 1; s <= 10; ++s) {
            tokens.push_back(1e6 * s);
            loss.push_back(5.0 - 0.1 * s);
        }
        const core::Run run = curveRun(1e7, tokens, loss);
        core::EnvelopeOptions bySteps;
        bySteps.skipSteps = 3; // steps 1-3 go
        const auto a = core::EnvelopeCurve::fromRun(run, 0, bySteps);
        QVERIFY(a.has_value());
        QCOMPARE(a->lnC.size(), std::size_t{7});
        QVERIFY(std::abs(a->lnC.front() - std::log(6.0 * 1e7 * 4e6)) < 1e-14);
        QVERIFY(std::abs(std::exp(a->lnLoss.front()) - 4.6) < 1e-14);
        core::EnvelopeOptions byTokens;
        byTokens.skipTokens = 5e6; // tokens <= 5e6 go
        const auto b = core::EnvelopeCurve::fromRun(run, 0, byTokens);
        QVERIFY(b.has_value());
        QCOMPARE(b->lnC.size(), std::size_t{5});
        QVERIFY(std::abs(b->lnTokens.front() - std::log(6e6)) < 1e-14);
        // Warmup over the whole curve leaves nothing: the run is skipped.
        byTokens.skipTokens = 9.5e6;
        QVERIFY(!core::EnvelopeCurve::fromRun(run, 0, byTokens).has_value());
    }

    void interpolatesInLogLog()
    {
        // Loss 4 at C0 and 1 at 4 C0: at 2 C0 (halfway in ln C) the log-log value is sqrt(4 * 1) = 2.
        const auto c = core::EnvelopeCurve::fromRun(curveRun(1e8, {1e9, 4e9}, {4.0, 1.0}), 0, {});
        QVERIFY(c.has_value());
        QVERIFY(std::abs(c->lossAt(std::log(6.0 * 1e8 * 2e9)) - 2.0) < 1e-13);
        QVERIFY(std::isnan(c->lossAt(std::log(6.0 * 1e8 * 5e9))));
    }

    void seedMatesAreAveraged()
    {
        core::Sweep s;
        const std::vector<double> tokens{1e9, 2e9, 4e9};
        auto add = [&](double N, double seed, double lr, double shift) {
            core::Run r = curveRun(N, tokens, {3.0 + shift, 2.8 + shift, 2.7 + shift});
            r.attributes["seed"] = seed;
            r.attributes["lr"] = lr;
            s.runs.push_back(r);
        };
        add(1e8, 1, 1e-3, 0.0);
        add(1e8, 2, 1e-3, 0.2); // seed-mate of run 0
        add(1e8, 3, 2e-3, 0.5); // another learning rate: not a mate
        std::vector<core::EnvelopeCurve> curves;
        for (std::size_t i = 0; i < s.runs.size(); ++i)
            curves.push_back(*core::EnvelopeCurve::fromRun(s.runs[i], i, {}));
        const core::SeedAveraging stats = core::averageSeedMates(curves, s, "seed");
        QCOMPARE(stats.groups, std::size_t{1});
        QCOMPARE(stats.runsMerged, std::size_t{2});
        QCOMPARE(curves.size(), std::size_t{2});
        QCOMPARE(curves[0].runs, (std::vector<std::size_t>{0, 1}));
        QCOMPARE(curves[0].lnC.size(), std::size_t{3});
        QVERIFY(std::abs(std::exp(curves[0].lnLoss[1]) - 2.9) < 1e-13); // mean of 2.8 and 3.0
        QCOMPARE(curves[1].run, std::size_t{2});
        // Through envelope(): an unknown seed column is an error naming the option.
        core::EnvelopeOptions o;
        o.seedColumn = "no_such_column";
        const auto e = core::envelope(s, o);
        QVERIFY(!e.has_value());
        QCOMPARE(e.error().parameter, std::string("--seed-column"));
        o.seedColumn = "seed";
        const auto r = core::envelope(s, o);
        QVERIFY(r.has_value());
        QCOMPARE(r->seedGroups, std::size_t{1});
        QCOMPARE(r->curves, std::size_t{2});
    }

    void badInputIsAnError()
    {
        core::Sweep finalOnly;
        finalOnly.runs.push_back(curveRun(1e8, {1e9}, {3.0}));
        QVERIFY(!core::envelope(finalOnly, {}).has_value());
        core::EnvelopeOptions o;
        o.emaFactor = 1.0;
        const auto e = core::envelope(finalOnly, o);
        QVERIFY(!e.has_value());
        QCOMPARE(e.error().parameter, std::string("--ema"));
    }

    void chinchillaLawEnvelope()
    {
        // Curves from Hoffmann's law with D = tokens seen, for 20 sizes per decade from 1e7 to 3e10,
        // each from 1e6 tokens to 2e21 / (6N), 40 points per decade of tokens. Along an IsoFLOP line
        // the loss is unimodal in ln N, so the lowest sampled size is one of the two that bracket
        // the continuous optimum: |ln N_env - ln N_opt| < h = ln 10 / 20 (the size spacing). Over
        // C in [1e18, 1e21] N_opt runs from 8e7 to 1.8e9, well inside the sizes.
        core::Sweep s;
        const double h = std::log(10.0) / 20.0;
        for (int k = 0; k <= 69; ++k) {
            const double N = 1e7 * std::exp(h * k);
            std::vector<double> tokens, loss;
            for (double lt = 6.0; lt <= std::log10(2e21 / (6.0 * N)) + 0.025; lt += 0.025) {
                tokens.push_back(std::pow(10.0, lt));
                loss.push_back(chinchillaLoss(N, tokens.back()));
            }
            s.runs.push_back(curveRun(N, tokens, loss));
        }
        core::EnvelopeOptions o;
        o.minC = 1e18;
        o.maxC = 1e21;
        const auto r = core::envelope(s, o);
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QCOMPARE(r->points.size(), std::size_t{61}); // 3 decades at 20 per decade, both ends
        QVERIFY(std::abs(r->points.front().C / 1e18 - 1.0) < 1e-12);
        double meanU = 0.0;
        for (const core::EnvelopePoint& p : r->points)
            meanU += std::log(p.C) / double(r->points.size());
        double sumAbs = 0.0, sumSq = 0.0, worst = 0.0;
        for (const core::EnvelopePoint& p : r->points) {
            const double e = std::log(p.N) - std::log(closedFormNOpt(p.C));
            worst = std::max(worst, std::abs(e));
            QVERIFY2(std::abs(e) < h, qPrintable(QStringLiteral("C %1: ln N error %2").arg(p.C).arg(e)));
            // D is the tokens seen at C: C / (6 N).
            QVERIFY(std::abs(p.D / (p.C / (6.0 * p.N)) - 1.0) < 1e-9);
            QVERIFY(p.candidates > 10);
            sumAbs += std::abs(std::log(p.C) - meanU);
            sumSq += std::pow(std::log(p.C) - meanU, 2);
        }
        // With ln N_env = ln N_opt + e, |e| < h, the least-squares slope moves by
        // sum (u - mean u) e / sum (u - mean u)^2, at most h sum |u - mean u| / sum (u - mean u)^2.
        const double bound = h * sumAbs / sumSq; // about 0.05
        const double a = kBeta / (kAlpha + kBeta);
        QVERIFY(r->nFit.has_value());
        QVERIFY2(std::abs(r->a() - a) < bound,
                 qPrintable(QStringLiteral("a %1, closed form %2, bound %3, worst ln N error %4")
                                .arg(r->a())
                                .arg(a)
                                .arg(bound)
                                .arg(worst)));
        QVERIFY(std::abs(r->a() + r->b() - 1.0) < 1e-9); // D = C / (6N) on every point
        QVERIFY(r->distinctN > 20);
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_Envelope.moc"
