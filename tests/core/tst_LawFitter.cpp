// SPDX-License-Identifier: GPL-3.0-or-later
// The fitting engine's entry point (core::fitLaw): Epoch's Chinchilla acceptance numbers from both
// the variable-projection default and Hoffmann's grid; fixed, bounded and tied parameters; the
// over-estimate penalty, weights and Huber objective against closed forms; Latin-hypercube starts;
// warnings; and errors.
#include "EpochData.h"

#include "core/fit/FormulaLaw.h"
#include "core/fit/LawFitter.h"
#include "core/fit/Laws.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>

namespace {

/// Noise-free chinchilla losses on a 6 x 5 grid of N and tokens-per-parameter.
core::FitData chinchillaGrid(const std::vector<double>& p)
{
    core::FitData d;
    std::vector<double> N, D, y;
    for (double n : {1e7, 4e7, 1.6e8, 6.4e8, 2.56e9, 1e10})
        for (double ratio : {2.0, 8.0, 20.0, 60.0, 200.0}) {
            N.push_back(n);
            D.push_back(ratio * n);
            y.push_back(p[0] + p[1] * std::pow(n, -p[3]) + p[2] * std::pow(ratio * n, -p[4]));
        }
    d.N = Eigen::Map<Eigen::VectorXd>(N.data(), static_cast<Eigen::Index>(N.size()));
    d.D = Eigen::Map<Eigen::VectorXd>(D.data(), static_cast<Eigen::Index>(D.size()));
    d.y = Eigen::Map<Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
    for (std::size_t i = 0; i < N.size(); ++i)
        d.run.push_back(i);
    return d;
}

/// A one-variable table: x and y as given.
core::FitData xy(const std::vector<double>& x, const std::vector<double>& y)
{
    core::FitData d;
    d.x = Eigen::Map<const Eigen::VectorXd>(x.data(), static_cast<Eigen::Index>(x.size()));
    d.y = Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
    for (std::size_t i = 0; i < x.size(); ++i)
        d.run.push_back(i);
    return d;
}

/// The power law reduced to a constant L = E (A = 0 and alpha fixed), so objectives have closed forms.
core::FitRequest constantLaw(core::Objective objective)
{
    core::FitRequest r;
    r.law = core::lawById("power");
    r.objective = objective;
    r.fixed = {{"A", 0.0}, {"alpha", 0.5}};
    r.grid = core::StartGrid::None;
    r.start = {1.0, 0.0, 0.5};
    return r;
}

double param(const core::FitResult& r, const char* name)
{
    const auto it = std::find(r.names.begin(), r.names.end(), name);
    return it == r.names.end() ? std::nan("") : r.params[static_cast<std::size_t>(it - r.names.begin())];
}

bool hasWarning(const core::FitResult& r, const char* text)
{
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

} // namespace

class TestLawFitter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void epochAcceptance_data()
    {
        QTest::addColumn<int>("grid");
        QTest::newRow("default (variable projection)") << static_cast<int>(core::StartGrid::Default);
        QTest::newRow("chinchilla (4,500 starts)") << static_cast<int>(core::StartGrid::Chinchilla);
    }

    void epochAcceptance()
    {
        // Issue 3's acceptance numbers (domain.md section C, Epoch's summed Huber refit).
        QFETCH(int, grid);
        const core::FitData data = epochFitData();
        QCOMPARE(data.size(), std::size_t{240});
        core::FitRequest req;
        req.law = core::lawById("chinchilla");
        req.objective = core::Objective::HuberLog;
        req.delta = 1e-3;
        req.grid = static_cast<core::StartGrid>(grid);
        const auto fit = core::fitLaw(data, req);
        QVERIFY2(fit.has_value(), fit ? "" : fit.error().toString().c_str());
        const core::FitResult& r = fit->result;
        QVERIFY(r.converged);
        QVERIFY(std::abs(param(r, "E") - 1.8172) <= 1e-3);
        QVERIFY(std::abs(param(r, "alpha") - 0.3473) <= 1e-3);
        QVERIFY(std::abs(param(r, "beta") - 0.3672) <= 1e-3);
        QVERIFY(std::abs(param(r, "A") / 477.7 - 1.0) <= 0.02);
        QVERIFY(std::abs(param(r, "B") / 2143.7 - 1.0) <= 0.02);
        QVERIFY2(r.objective <= 1.0183e-3, qPrintable(QString::number(r.objective, 'g', 12)));
        QVERIFY(fit->stats.starts >= 1 && fit->stats.reachedBest >= 1);
        QVERIFY(!fit->stats.optima.empty());
        // Huber fits get sandwich standard errors, finite and positive.
        for (double se : r.stderrs)
            QVERIFY(std::isfinite(se) && se > 0.0);
    }

    void noiseFreeDataAreRecoveredWithTiesAndFixes()
    {
        // beta tied to alpha: the fit keeps them equal and recovers the generating values.
        const std::vector<double> truth{1.7, 400.0, 1500.0, 0.33, 0.33};
        core::FitRequest req;
        req.law = core::lawById("chinchilla");
        req.ties = {{"beta", "alpha"}};
        auto fit = core::fitLaw(chinchillaGrid(truth), req);
        QVERIFY(fit.has_value());
        QCOMPARE(param(fit->result, "alpha"), param(fit->result, "beta"));
        for (std::size_t i = 0; i < truth.size(); ++i)
            QVERIFY2(std::abs(fit->result.params[i] / truth[i] - 1.0) <= 1e-6, fit->result.names[i].c_str());
        QCOMPARE(fit->result.stderrs[4], fit->result.stderrs[3]);

        // Kaplan's form of the power law: E fixed at 0, L = A x^-alpha.
        std::vector<double> x, y;
        for (double v = 1e6; v < 1e11; v *= 3.0) {
            x.push_back(v);
            y.push_back(25.0 * std::pow(v, -0.076));
        }
        core::FitRequest kap;
        kap.law = core::lawById("power");
        kap.fixed = {{"E", 0.0}};
        fit = core::fitLaw(xy(x, y), kap);
        QVERIFY(fit.has_value());
        QCOMPARE(param(fit->result, "E"), 0.0);
        QVERIFY(std::abs(param(fit->result, "A") / 25.0 - 1.0) <= 1e-8);
        QVERIFY(std::abs(param(fit->result, "alpha") / 0.076 - 1.0) <= 1e-8);
    }

    void boundsHoldAndAreWarned()
    {
        const std::vector<double> truth{1.7, 400.0, 1500.0, 0.30, 0.36};
        core::FitRequest req;
        req.law = core::lawById("chinchilla");
        req.bounds = {{"alpha", {0.4, 1.0}}};
        const auto fit = core::fitLaw(chinchillaGrid(truth), req);
        QVERIFY(fit.has_value());
        QVERIFY(param(fit->result, "alpha") >= 0.4);
        QVERIFY(param(fit->result, "alpha") <= 0.4 * (1.0 + 1e-6));
        QVERIFY(hasWarning(fit->result, "alpha is at its lower bound 0.4"));
    }

    void penaltyWeightsAndHuberMatchClosedForms()
    {
        const std::vector<double> x{1.0, 2.0, 3.0, 4.0}, y{1.0, 2.0, 3.0, 4.0};
        // Least squares of a constant: the mean 2.5.
        auto fit = core::fitLaw(xy(x, y), constantLaw(core::Objective::Lsq));
        QVERIFY(fit.has_value());
        QVERIFY(std::abs(param(fit->result, "E") - 2.5) <= 1e-10);
        // Over-predictions weighted 2x: sum_{y<E} 2(E - y) + sum_{y>E} (E - y) = 0 with 2 < E < 3
        // gives 2(2E - 3) + (2E - 7) = 0, E = 13/6.
        core::FitRequest pen = constantLaw(core::Objective::Lsq);
        pen.overestimatePenalty = 2.0;
        fit = core::fitLaw(xy(x, y), pen);
        QVERIFY(fit.has_value());
        QVERIFY2(std::abs(param(fit->result, "E") - 13.0 / 6.0) <= 1e-8, qPrintable(QString::number(param(fit->result, "E"), 'g', 17) + QString::fromStdString(" " + fit->result.termination)));
        // Weights 1, 1, 1, 5: the weighted mean 26/8.
        core::FitData weighted = xy(x, y);
        weighted.weight = Eigen::Vector4d(1.0, 1.0, 1.0, 5.0);
        fit = core::fitLaw(weighted, constantLaw(core::Objective::Lsq));
        QVERIFY(fit.has_value());
        QVERIFY(std::abs(param(fit->result, "E") - 3.25) <= 1e-8);
        // Huber on log loss with a delta wider than every residual: the geometric mean of
        // 1, 2, 4, 8 = 2^1.5.
        core::FitRequest hub = constantLaw(core::Objective::HuberLog);
        hub.delta = 10.0;
        fit = core::fitLaw(xy(x, {1.0, 2.0, 4.0, 8.0}), hub);
        QVERIFY(fit.has_value());
        QVERIFY(std::abs(param(fit->result, "E") - std::pow(2.0, 1.5)) <= 1e-7);
        // ... and with a tiny delta, the median of the logs: any E in [2, 4] minimises it; the
        // objective there is sum delta (|log E - log y_i| - delta/2) = delta (log 16 - 2 delta).
        hub.delta = 1e-6;
        fit = core::fitLaw(xy(x, {1.0, 2.0, 4.0, 8.0}), hub);
        QVERIFY(fit.has_value());
        QVERIFY(param(fit->result, "E") >= 2.0 - 1e-6 && param(fit->result, "E") <= 4.0 + 1e-6);
        QVERIFY(std::abs(fit->result.objective - 1e-6 * (std::log(16.0) - 2e-6)) <= 1e-12);
    }

    void latinHypercubeStartsAreDeterministic()
    {
        // Kaplan's law from noise-free data, 16 Latin-hypercube starts around the defaults.
        std::vector<double> N, D, y;
        const double nc = 8.8e13, dc = 5.4e13, an = 0.076, ad = 0.095;
        for (double n : {1e7, 1e8, 1e9, 1e10})
            for (double d : {1e9, 1e10, 1e11}) {
                N.push_back(n);
                D.push_back(d);
                y.push_back(std::pow(std::pow(nc / n, an / ad) + dc / d, ad));
            }
        core::FitData data;
        data.N = Eigen::Map<Eigen::VectorXd>(N.data(), 12);
        data.D = Eigen::Map<Eigen::VectorXd>(D.data(), 12);
        data.y = Eigen::Map<Eigen::VectorXd>(y.data(), 12);
        core::FitRequest req;
        req.law = core::lawById("kaplan");
        req.grid = core::StartGrid::Lhs;
        req.lhsStarts = 16;
        req.seed = 7;
        const auto a = core::fitLaw(data, req);
        QVERIFY(a.has_value());
        QCOMPARE(a->stats.starts, std::size_t{17});
        QVERIFY(a->result.converged);
        QVERIFY(std::abs(param(a->result, "alphaN") / an - 1.0) <= 1e-6);
        QVERIFY(std::abs(param(a->result, "Dc") / dc - 1.0) <= 1e-5);
        req.threads = 1;
        const auto b = core::fitLaw(data, req);
        QVERIFY(b.has_value());
        QCOMPARE(b->result.params, a->result.params);
        QCOMPARE(b->stats.reachedBest, a->stats.reachedBest);
    }

    void warningsNameTheProblem()
    {
        // Every run at D = 20 N: alpha and beta cannot be told apart.
        core::FitData d;
        std::vector<double> N, D, y;
        for (double n = 1e7; n < 1e11; n *= 2.0) {
            N.push_back(n);
            D.push_back(20.0 * n);
            y.push_back(1.7 + 400.0 * std::pow(n, -0.34) + 1500.0 * std::pow(20.0 * n, -0.28));
        }
        d.N = Eigen::Map<Eigen::VectorXd>(N.data(), static_cast<Eigen::Index>(N.size()));
        d.D = Eigen::Map<Eigen::VectorXd>(D.data(), static_cast<Eigen::Index>(D.size()));
        d.y = Eigen::Map<Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
        core::FitRequest req;
        req.law = core::lawById("chinchilla");
        req.grid = core::StartGrid::None;
        const auto fit = core::fitLaw(d, req);
        QVERIFY(fit.has_value());
        QVERIFY(hasWarning(fit->result, "D/N spans only a factor of 1"));

        // A power law whose exponent is 0.01: the alpha -> 0, A -> infinity ridge.
        std::vector<double> x, ly;
        for (double v = 1e6; v < 1e11; v *= 3.0) {
            x.push_back(v);
            ly.push_back(1.0 + 5.0 * std::pow(v, -0.01));
        }
        core::FitRequest pw;
        pw.law = core::lawById("power");
        const auto ridge = core::fitLaw(xy(x, ly), pw);
        QVERIFY(ridge.has_value());
        QVERIFY(hasWarning(ridge->result, "ridge"));
    }

    void disagreeingStartsAreWarned()
    {
        // y = a b x cannot separate a from b: every start converges to its own (a, b) with
        // a b = 6 and the same objective.
        auto law = core::FormulaLaw::create("a*b*x", {{"a", 2.0}, {"b", 3.0}});
        QVERIFY(law.has_value());
        core::FitRequest req;
        req.law = law->get();
        req.objective = core::Objective::Lsq;
        req.grid = core::StartGrid::Lhs;
        req.lhsStarts = 12;
        req.seed = 1;
        const auto fit = core::fitLaw(xy({1.0, 2.0, 3.0, 4.0}, {6.1, 11.9, 18.2, 23.9}), req);
        QVERIFY(fit.has_value());
        QVERIFY(fit->stats.disagreeing >= 1);
        QVERIFY(hasWarning(fit->result, "starts disagree"));
        QVERIFY(std::abs(param(fit->result, "a") * param(fit->result, "b")
                         - (6.1 + 2 * 11.9 + 3 * 18.2 + 4 * 23.9) / 30.0) <= 1e-8);
        // A well-posed fit from the same starts does not warn.
        req.law = core::lawById("power");
        req.objective = core::Objective::LsqLog;
        req.start.clear();
        std::vector<double> x, y;
        for (double v = 1e6; v < 1e11; v *= 3.0) {
            x.push_back(v);
            y.push_back(1.5 + 40.0 * std::pow(v, -0.25));
        }
        const auto good = core::fitLaw(xy(x, y), req);
        QVERIFY(good.has_value());
        QVERIFY(!hasWarning(good->result, "starts disagree"));
    }

    void badRequestsAreErrors()
    {
        const core::FitData grid = chinchillaGrid({1.7, 400.0, 1500.0, 0.33, 0.30});
        core::FitRequest req;
        req.law = core::lawById("chinchilla");
        req.ties = {{"gamma", "alpha"}};
        auto fit = core::fitLaw(grid, req);
        QVERIFY(!fit);
        QCOMPARE(fit.error().parameter, std::string("--tie"));
        req.ties.clear();
        req.bounds = {{"alpha", {1.0, 0.5}}};
        fit = core::fitLaw(grid, req);
        QVERIFY(!fit);
        QCOMPARE(fit.error().parameter, std::string("--bounds"));
        req.bounds.clear();
        req.fixed = {{"alpha", -1.0}};
        fit = core::fitLaw(grid, req);
        QVERIFY(!fit);
        QVERIFY(fit.error().message.find("outside its bounds") != std::string::npos);
        req.fixed.clear();
        // Hoffmann's grid is for the chinchilla law only.
        core::FitRequest pw;
        pw.law = core::lawById("power");
        pw.grid = core::StartGrid::Chinchilla;
        core::FitData line = xy({1.0, 2.0, 3.0}, {3.0, 2.0, 1.5});
        fit = core::fitLaw(line, pw);
        QVERIFY(!fit);
        QCOMPARE(fit.error().parameter, std::string("--grid"));
        // All runs at one N.
        core::FitData oneN = grid;
        oneN.N.setConstant(1e9);
        fit = core::fitLaw(oneN, req);
        QVERIFY(!fit);
        QCOMPARE(fit.error().parameter, std::string("N"));
        // A non-finite loss names the point.
        core::FitData nan = grid;
        nan.y[3] = std::nan("");
        fit = core::fitLaw(nan, req);
        QVERIFY(!fit);
        QVERIFY(fit.error().message.find("point 4") != std::string::npos);
        // Cancelling stops the fit.
        req.grid = core::StartGrid::Lhs;
        req.lhsStarts = 50;
        fit = core::fitLaw(grid, req, [](double) { return false; });
        QVERIFY(!fit);
        QCOMPARE(fit.error().message, std::string("cancelled"));
    }
};

QTEST_APPLESS_MAIN(TestLawFitter)
#include "tst_LawFitter.moc"
