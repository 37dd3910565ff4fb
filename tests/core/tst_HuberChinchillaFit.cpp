// SPDX-License-Identifier: GPL-3.0-or-later
// Chinchilla approach-3 Huber fit: matches the scipy reference run on Epoch's 240 points (domain.md
// section C), recovers known parameters from noise-free data, has a correct analytic gradient,
// evaluates the same through every kernel (vector kernels bit-identical to each other, within
// rounding of the scalar reference, which takes over outside their range), does not depend on the
// thread count, and turns bad input and cancellation into errors. Also: a preconditioned L-BFGS run
// is the plain run in the implied variables.
#include "EpochData.h"

#include "core/fit/HuberChinchillaFit.h"
#include "core/fit/HuberChinchillaObjective.h"
#include "core/fit/Lbfgs.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <string>

namespace {

const std::string kEpochCsv =
    std::string(SCALELAB_SHARED_DATA_DIR) + "/epoch-chinchilla-replication/svg_extracted_data.csv";

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

using Kernel = core::HuberChinchillaObjective::Kernel;

/// Synthetic data with residuals spread over both Huber branches (delta 1e-3), 36 points.
core::FitData noisyData()
{
    core::FitData d = syntheticData({1.8, 480.0, 2100.0, 0.35, 0.37});
    for (Eigen::Index i = 0; i < d.y.size(); ++i)
        d.y[i] *= std::exp(0.004 * std::sin(3.0 * static_cast<double>(i)));
    return d;
}

core::HuberChinchillaObjective objectiveOf(const core::FitData& d, double delta = 1e-3)
{
    return {{d.N.data(), d.size()}, {d.D.data(), d.size()}, {d.y.data(), d.size()}, delta};
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
        const core::FitData data = epochFitData();
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
        // The optimum of the first implementation (plain L-BFGS, libm objective): the same point.
        const double first[5] = {1.8172180988872977, 477.82586754049925, 2143.4173631536737, 0.34731049879703185,
                                 0.36717243262162541};
        for (std::size_t i = 0; i < 5; ++i)
            QVERIFY2(std::abs(p[i] - first[i]) <= 1e-6 * first[i], qPrintable(got));
        QVERIFY2(std::abs(fit->result.objective - 0.001018274017800595) <= 1e-9 * 0.001018274017800595, qPrintable(got));
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
                const double f0 = f(x, g);
                for (std::size_t k = 0; k < 5; ++k) {
                    const double h = 1e-6;
                    std::vector<double> xp = x, xm = x;
                    xp[k] += h;
                    xm[k] -= h;
                    const double fd = (f.value(xp) - f.value(xm)) / (2 * h);
                    // plus the difference quotient's own rounding error, ~eps |f| / h (f is about 29
                    // at the second point with delta 0.1, which makes it ~1e-8 there)
                    const double roundoff = 8 * std::numeric_limits<double>::epsilon() * std::abs(f0) / h;
                    QVERIFY2(std::abs(fd - g[k]) <= 1e-6 * std::max(1e-3, std::abs(g[k])) + roundoff,
                             qPrintable(QStringLiteral("delta %1 param %2: analytic %3 vs fd %4")
                                            .arg(delta).arg(k).arg(g[k], 0, 'g', 12).arg(fd, 0, 'g', 12)));
                }
            }
        }
    }

    void kernelsAgreeWithReference()
    {
        // Epoch's points when available (240: several vector steps plus padding), else synthetic.
        core::FitData d = QFileInfo::exists(QString::fromStdString(kEpochCsv)) ? epochFitData() : noisyData();
        if (d.size() == 0)
            d = noisyData();
        const core::HuberChinchillaObjective f = objectiveOf(d);
        qInfo("automatic kernel: %s", core::HuberChinchillaObjective::kernelName(core::HuberChinchillaObjective::autoKernel()));
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> ab(-5.0, 30.0), e(-3.0, 3.0), exponent(-0.5, 2.5);
        for (int trial = 0; trial < 2000; ++trial) {
            const std::array<double, 5> x{ab(rng), ab(rng), e(rng), exponent(rng), exponent(rng)};
            std::array<double, 5> gRef{}, gAuto{};
            const double fRef = f.evaluate(x, gRef, Kernel::Reference);
            const double fAuto = f.evaluate(x, gAuto, Kernel::Auto);
            QVERIFY2(std::abs(fAuto - fRef) <= 1e-13 * std::abs(fRef),
                     qPrintable(QStringLiteral("f %1 vs reference %2").arg(fAuto, 0, 'g', 17).arg(fRef, 0, 'g', 17)));
            double scale = 1e-6;
            for (double g : gRef)
                scale = std::max(scale, std::abs(g));
            for (std::size_t k = 0; k < 5; ++k)
                QVERIFY2(std::abs(gAuto[k] - gRef[k]) <= 1e-10 * scale,
                         qPrintable(QStringLiteral("gradient %1: %2 vs reference %3")
                                        .arg(k).arg(gAuto[k], 0, 'g', 17).arg(gRef[k], 0, 'g', 17)));
        }
    }

    void vectorKernelsAreBitIdentical()
    {
        core::FitData d = epochFitData(); // 240 points when the shared data is there
        if (d.size() == 0)
            d = noisyData();
        const core::HuberChinchillaObjective f = objectiveOf(d);
        // Kernels the CPU lacks fall back to narrower ones, so this compares what is there.
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<double> ab(-5.0, 30.0), e(-3.0, 3.0), exponent(-0.5, 2.5);
        for (int trial = 0; trial < 500; ++trial) {
            const std::array<double, 5> x{ab(rng), ab(rng), e(rng), exponent(rng), exponent(rng)};
            std::array<double, 5> g0{}, g1{}, g2{};
            const double f0 = f.evaluate(x, g0, Kernel::Portable);
            const double f1 = f.evaluate(x, g1, Kernel::Avx2);
            const double f2 = f.evaluate(x, g2, Kernel::Avx512);
            QVERIFY(std::memcmp(&f0, &f1, sizeof f0) == 0 && std::memcmp(&f0, &f2, sizeof f0) == 0);
            QVERIFY(std::memcmp(g0.data(), g1.data(), sizeof g0) == 0 && std::memcmp(g0.data(), g2.data(), sizeof g0) == 0);
        }
    }

    void extremeParametersUseTheReference()
    {
        const core::FitData d = noisyData();
        const core::HuberChinchillaObjective f = objectiveOf(d);
        // Exponents above the kernel's range, E out of its range, huge negative terms (clamped in
        // the kernel), infinite and NaN parameters.
        const std::vector<std::array<double, 5>> xs{
            {800, 5, 0, 0.3, 0.3},  {5, 800, 0, 0.3, 0.3},    {720, 5, 0, 1.0, 0.3},     {5, 5, 710, 0.3, 0.3},
            {5, 5, -650, 0.3, 0.3}, {-800, 5, 0, 0.3, 0.3},   {5, -800, 0, 0.3, 0.3},    {-800, -800, 0, 0.3, 0.3},
            {-600, -600, -590, 0.3, 0.3}, {1, 1, 1, INFINITY, 1}, {1, 1, 1, -3, 1}};
        for (const auto& x : xs) {
            std::array<double, 5> gRef{}, gAuto{};
            const double fRef = f.evaluate(x, gRef, Kernel::Reference);
            const double fAuto = f.evaluate(x, gAuto, Kernel::Auto);
            QVERIFY2(std::isfinite(fAuto) && std::abs(fAuto - fRef) <= 1e-13 * std::abs(fRef),
                     qPrintable(QStringLiteral("x %1 %2 %3: f %4 vs reference %5")
                                    .arg(x[0]).arg(x[1]).arg(x[2]).arg(fAuto, 0, 'g', 17).arg(fRef, 0, 'g', 17)));
            double scale = 1e-300;
            for (double g : gRef)
                scale = std::max(scale, std::abs(g));
            for (std::size_t k = 0; k < 5; ++k)
                QVERIFY(std::abs(gAuto[k] - gRef[k]) <= 1e-12 * scale);
        }
        std::array<double, 5> g{};
        QVERIFY(std::isnan(f.evaluate(std::array<double, 5>{NAN, 1, 1, 1, 1}, g, Kernel::Auto)));
    }

    void preconditionedLbfgsIsAChangeOfVariables()
    {
        // An ill-conditioned smooth function of x; with x = T y, L-BFGS on y (no preconditioner)
        // and L-BFGS on x with M = T T' take the same steps, up to rounding.
        const auto fx = [](std::span<const double> x, std::span<double> g) {
            const double u = x[0] - 20.0 * x[1], v = x[1] - 0.5, w = x[2] + x[0] - 1.0;
            g[0] = 2 * u + 4 * w * w * w;
            g[1] = -40 * u + 200 * v;
            g[2] = 4 * w * w * w;
            return u * u + 100 * v * v + w * w * w * w;
        };
        const double T[3][3] = {{1, 20, 0}, {0, 1, 0}, {0.3, 0, 2}}; // x = T y
        std::vector<double> M(9, 0.0);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                for (int k = 0; k < 3; ++k)
                    M[static_cast<std::size_t>(3 * i + j)] += T[i][k] * T[j][k];
        const auto toX = [&](std::span<const double> y, double* x) {
            for (int i = 0; i < 3; ++i)
                x[i] = T[i][0] * y[0] + T[i][1] * y[1] + T[i][2] * y[2];
        };
        const core::SmoothObjective fy = [&](std::span<const double> y, std::span<double> gy) {
            double x[3], gx[3];
            toX(y, x);
            const double v = fx(x, gx);
            for (int j = 0; j < 3; ++j)
                gy[static_cast<std::size_t>(j)] = T[0][j] * gx[0] + T[1][j] * gx[1] + T[2][j] * gx[2];
            return v;
        };
        core::LbfgsOptions plain; // a fixed number of iterations: the gradient tests differ (x vs y)
        plain.gradientTolerance = 0.0;
        plain.maxIterations = 12;
        std::vector<double> y{0.0, 0.0, 0.0}; // x = 0
        const core::LbfgsResult ry = core::minimiseLbfgs(fy, y, plain);
        core::LbfgsOptions pre = plain;
        pre.preconditioner = M;
        std::vector<double> x{0.0, 0.0, 0.0};
        std::size_t evaluations = 0;
        const core::SmoothObjective f = [&](std::span<const double> p, std::span<double> g) {
            ++evaluations;
            return fx(p, g);
        };
        const core::LbfgsResult rx = core::minimiseLbfgs(f, x, pre);
        double xy[3];
        toX(y, xy);
        QCOMPARE(rx.iterations, std::size_t(12));
        QCOMPARE(rx.iterations, ry.iterations);
        QCOMPARE(rx.evaluations, ry.evaluations);
        QCOMPARE(evaluations, rx.evaluations);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(std::abs(x[static_cast<std::size_t>(i)] - xy[i]) <= 1e-9 * (1 + std::abs(xy[i])),
                     qPrintable(QStringLiteral("x[%1] %2 vs %3").arg(i).arg(x[static_cast<std::size_t>(i)], 0, 'g', 15).arg(xy[i], 0, 'g', 15)));
        std::vector<double> origin(3, 0.0), g0(3);
        QVERIFY2(rx.f < 0.1 * fx(origin, g0),
                 qPrintable(QStringLiteral("f %1").arg(rx.f)));
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

    void resultDoesNotDependOnKernel()
    {
        // The portable kernel against the one this machine picks (AVX2 or AVX-512 on x86-64):
        // bit-identical evaluations give identical fits, start by start.
        core::FitData d = noisyData();
        core::HuberChinchillaOptions o = smallGrid();
        o.kernel = Kernel::Portable;
        const auto portable = core::fitChinchillaHuber(d, o);
        o.kernel = Kernel::Auto;
        const auto automatic = core::fitChinchillaHuber(d, o);
        QVERIFY(portable && automatic);
        QCOMPARE(portable->result.params, automatic->result.params);
        QCOMPARE(portable->result.objective, automatic->result.objective);
        QCOMPARE(portable->stats.evaluations, automatic->stats.evaluations);
        QCOMPARE(portable->stats.reachedBest, automatic->stats.reachedBest);
        QCOMPARE(portable->stats.converged, automatic->stats.converged);
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
