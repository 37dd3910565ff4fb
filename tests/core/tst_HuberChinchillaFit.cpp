// SPDX-License-Identifier: GPL-3.0-or-later
// Chinchilla approach-3 Huber fit: matches the scipy reference run on Epoch's 240 points (domain.md
// section C), recovers known parameters from noise-free data, has a correct analytic gradient,
// does not depend on the thread count, and turns bad input and cancellation into errors.
#include "core/fit/HuberChinchillaFit.h"
#include "core/fit/HuberChinchillaObjective.h"
#include "core/io/Importers.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace {

const std::string kEpochCsv =
    std::string(SCALELAB_SHARED_DATA_DIR) + "/epoch-chinchilla-replication/svg_extracted_data.csv";

/// Epoch's points as FitData (N, D = C/(6N) as derived by the importer, loss), without the 5
/// highest losses, as Epoch does. Empty when the file cannot be read.
core::FitData epochData()
{
    const auto sweep = core::importFile(kEpochCsv);
    core::FitData d;
    if (!sweep)
        return d;
    std::vector<const core::Run*> runs;
    for (const core::Run& r : sweep->runs)
        runs.push_back(&r);
    std::stable_sort(runs.begin(), runs.end(),
                     [](const core::Run* x, const core::Run* y) { return x->finalValue() > y->finalValue(); });
    runs.erase(runs.begin(), runs.begin() + std::min<std::ptrdiff_t>(5, static_cast<std::ptrdiff_t>(runs.size())));
    const auto n = static_cast<Eigen::Index>(runs.size());
    d.N.resize(n);
    d.D.resize(n);
    d.y.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const core::Run& r = *runs[static_cast<std::size_t>(i)];
        d.N[i] = r.N;
        d.D[i] = r.D;
        d.y[i] = r.finalValue();
    }
    return d;
}

/// Noise-free data on a 6 x 6 (N, D) grid from E + A/N^alpha + B/D^beta.
core::FitData syntheticData(const std::vector<double>& t) // E, A, B, alpha, beta
{
    core::FitData d;
    d.N.resize(36);
    d.D.resize(36);
    d.y.resize(36);
    Eigen::Index i = 0;
    for (double N : {7e7, 2e8, 6e8, 2e9, 6e9, 2e10})
        for (double D : {1e9, 4e9, 1.5e10, 6e10, 2.5e11, 1e12}) {
            d.N[i] = N;
            d.D[i] = D;
            d.y[i] = t[0] + t[1] / std::pow(N, t[3]) + t[2] / std::pow(D, t[4]);
            ++i;
        }
    return d;
}

QString describe(const core::HuberChinchillaFit& f)
{
    const auto& p = f.result.params;
    return QStringLiteral("E %1 A %2 B %3 alpha %4 beta %5 objective %6 |g| %7 %8; reached best %9/%10, "
                          "converged %11, optima %12")
        .arg(p[0], 0, 'g', 8).arg(p[1], 0, 'g', 8).arg(p[2], 0, 'g', 8).arg(p[3], 0, 'g', 8).arg(p[4], 0, 'g', 8)
        .arg(f.result.objective, 0, 'g', 10).arg(f.result.gradientNorm, 0, 'g', 3)
        .arg(QString::fromStdString(f.result.termination))
        .arg(f.stats.reachedBest).arg(f.stats.starts).arg(f.stats.converged).arg(f.stats.distinctOptima);
}

core::HuberChinchillaOptions smallGrid()
{
    core::HuberChinchillaOptions o;
    o.alpha = {0.0, 1.0};
    o.beta = {0.0, 1.0};
    o.e = {-1.0, 1.0};
    o.a = {0.0, 10.0};
    o.b = {0.0, 10.0};
    return o;
}

} // namespace

class TestHuberChinchillaFit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void epochReferenceRun()
    {
        if (!QFileInfo::exists(QString::fromStdString(kEpochCsv)))
            QSKIP(qPrintable(QStringLiteral("shared data not found: %1").arg(QString::fromStdString(kEpochCsv))));
        const core::FitData data = epochData();
        QCOMPARE(data.size(), std::size_t(240));
        const auto fit = core::fitChinchillaHuber(data); // delta 1e-3, Hoffmann's 4,500 starts
        QVERIFY2(fit.has_value(), fit ? "" : fit.error().toString().c_str());
        const QString got = describe(*fit);
        qInfo("%s", qPrintable(got));
        const auto& p = fit->result.params;
        QCOMPARE(fit->stats.starts, std::size_t(4500));
        QVERIFY2(fit->result.converged, qPrintable(got));
        QVERIFY2(std::abs(p[0] - 1.8172) <= 1e-3, qPrintable(got));
        QVERIFY2(std::abs(p[1] - 477.7) <= 0.02 * 477.7, qPrintable(got));
        QVERIFY2(std::abs(p[2] - 2143.7) <= 0.02 * 2143.7, qPrintable(got));
        QVERIFY2(std::abs(p[3] - 0.3473) <= 1e-3, qPrintable(got));
        QVERIFY2(std::abs(p[4] - 0.3672) <= 1e-3, qPrintable(got));
        QVERIFY2(fit->result.objective <= 1.0183e-3, qPrintable(got));
        QVERIFY(fit->stats.reachedBest >= 1 && fit->stats.reachedBest <= fit->stats.starts);
        QCOMPARE(fit->result.residuals.size(), std::size_t(240));
        QVERIFY(!fit->stats.optima.empty());
        QCOMPARE(fit->stats.optima.front().objective, fit->result.objective);
    }

    void recoversSyntheticParameters()
    {
        const std::vector<double> truth{1.8172, 477.7, 2143.7, 0.3473, 0.3672};
        const auto fit = core::fitChinchillaHuber(syntheticData(truth), smallGrid());
        QVERIFY2(fit.has_value(), fit ? "" : fit.error().toString().c_str());
        const QString got = describe(*fit);
        QCOMPARE(fit->stats.starts, std::size_t(32));
        QVERIFY2(fit->result.objective < 1e-16, qPrintable(got));
        for (std::size_t i = 0; i < truth.size(); ++i)
            QVERIFY2(std::abs(fit->result.params[i] - truth[i]) <= 1e-4 * truth[i], qPrintable(got));
        QCOMPARE(fit->result.names, (std::vector<std::string>{"E", "A", "B", "alpha", "beta"}));
    }

    void gradientMatchesFiniteDifferences()
    {
        const core::FitData d = syntheticData({1.8, 480.0, 2100.0, 0.35, 0.37});
        Eigen::VectorXd y = d.y;
        for (Eigen::Index i = 0; i < y.size(); ++i) // spread residuals over both Huber branches
            y[i] *= std::exp(0.004 * std::sin(3.0 * static_cast<double>(i)));
        for (double delta : {1e-3, 1e-1}) {
            const core::HuberChinchillaObjective f({d.N.data(), d.size()}, {d.D.data(), d.size()},
                                                   {y.data(), d.size()}, delta);
            for (const std::vector<double>& x : {std::vector<double>{6.0, 7.5, 0.6, 0.33, 0.36},
                                                 std::vector<double>{3.0, 12.0, -0.5, 1.2, 0.1}}) {
                double g[5];
                f(x, g);
                for (std::size_t k = 0; k < 5; ++k) {
                    const double h = 1e-6;
                    std::vector<double> xp = x, xm = x;
                    xp[k] += h;
                    xm[k] -= h;
                    const double fd = (f.value(xp) - f.value(xm)) / (2 * h);
                    QVERIFY2(std::abs(fd - g[k]) <= 1e-6 * std::max(1e-3, std::abs(g[k])),
                             qPrintable(QStringLiteral("delta %1 param %2: analytic %3 vs fd %4")
                                            .arg(delta).arg(k).arg(g[k], 0, 'g', 12).arg(fd, 0, 'g', 12)));
                }
            }
        }
    }

    void resultDoesNotDependOnThreads()
    {
        const std::vector<double> truth{1.8172, 477.7, 2143.7, 0.3473, 0.3672};
        core::FitData d = syntheticData(truth);
        for (Eigen::Index i = 0; i < d.y.size(); ++i)
            d.y[i] *= std::exp(0.01 * std::cos(5.0 * static_cast<double>(i)));
        core::HuberChinchillaOptions o = smallGrid();
        o.threads = 1;
        const auto one = core::fitChinchillaHuber(d, o);
        o.threads = 3;
        const auto three = core::fitChinchillaHuber(d, o);
        QVERIFY(one && three);
        QCOMPARE(one->result.params, three->result.params);
        QCOMPARE(one->result.objective, three->result.objective);
        QCOMPARE(one->stats.bestStart, three->stats.bestStart);
        QCOMPARE(one->stats.reachedBest, three->stats.reachedBest);
        QCOMPARE(one->stats.distinctOptima, three->stats.distinctOptima);
    }

    void badInputIsAnError()
    {
        const core::FitData good = syntheticData({1.8, 480.0, 2100.0, 0.35, 0.37});
        core::FitData few = good;
        few.N.conservativeResize(4);
        few.D.conservativeResize(4);
        few.y.conservativeResize(4);
        auto r = core::fitChinchillaHuber(few, smallGrid());
        QVERIFY(!r);
        QCOMPARE(r.error().message, std::string("the chinchilla Huber fit needs at least 5 points but has 4"));

        core::FitData bad = good;
        bad.N[2] = 0.0;
        r = core::fitChinchillaHuber(bad, smallGrid());
        QVERIFY(!r);
        QCOMPARE(r.error().parameter, std::string("N"));
        QVERIFY(r.error().message.rfind("point 3 has N 0", 0) == 0);

        bad = good;
        bad.D[0] = -1.0;
        r = core::fitChinchillaHuber(bad, smallGrid());
        QVERIFY(!r);
        QCOMPARE(r.error().parameter, std::string("D"));

        bad = good;
        bad.y[7] = std::nan("");
        r = core::fitChinchillaHuber(bad, smallGrid());
        QVERIFY(!r);
        QCOMPARE(r.error().parameter, std::string("loss"));
        QCOMPARE(r.error().message, std::string("point 8 has a non-finite loss"));

        r = core::fitChinchillaHuber(good, smallGrid(), [](double) { return false; });
        QVERIFY(!r);
        QCOMPARE(r.error().message, std::string("cancelled"));
    }
};

QTEST_APPLESS_MAIN(TestHuberChinchillaFit)
#include "tst_HuberChinchillaFit.moc"
