// SPDX-License-Identifier: GPL-3.0-or-later
// Variable projection: exact recovery on the grid, Epoch's Huber optimum within a grid step, true
// local minima of the full grid, fixed values, ties, bounds, closed forms and direct sums, thread
// count independence, errors and cancellation.
#include "EpochData.h"

#include "core/fit/Laws.h"
#include "core/fit/VariableProjection.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace {

/// L = E + A x^-alpha at 24 log-spaced x in [1e6, 1e10], times (1 + noise sin(i)).
core::FitData powerData(double E, double A, double alpha, double noise = 0.0)
{
    core::FitData d;
    d.x.resize(24);
    d.y.resize(24);
    for (Eigen::Index i = 0; i < 24; ++i) {
        d.x[i] = std::pow(10.0, 6.0 + 4.0 * static_cast<double>(i) / 23.0);
        d.y[i] = (E + A * std::pow(d.x[i], -alpha)) * (1.0 + noise * std::sin(static_cast<double>(i)));
    }
    return d;
}

/// L = E + A N^-alpha + B D^-beta on a 6 x 6 (N, D) design (`copies` times), times
/// (1 + noise sin(i)) for point i.
core::FitData chinchillaData(const std::vector<double>& t, double noise = 0.0, int copies = 1)
{
    core::FitData d;
    for (Eigen::VectorXd* v : {&d.N, &d.D, &d.y})
        v->resize(36 * copies);
    Eigen::Index i = 0;
    for (int k = 0; k < copies; ++k)
        for (double N : {5e7, 1.5e8, 5e8, 1.5e9, 5e9, 1.6e10})
            for (double D : {8e8, 3e9, 1.2e10, 5e10, 2e11, 8e11}) {
                d.N[i] = N;
                d.D[i] = D;
                d.y[i] = (t[0] + t[1] * std::pow(N, -t[3]) + t[2] * std::pow(D, -t[4])) *
                         (1.0 + noise * std::sin(static_cast<double>(i)));
                ++i;
            }
    return d;
}

core::FitRequest requestFor(const char* law, core::Objective objective)
{
    core::FitRequest r;
    std::tie(r.law, r.objective) = std::tuple{core::lawById(law), objective};
    return r;
}

/// The request's objective at `p`, summed directly (independent of the library's evaluation).
double directObjective(const core::FitData& d, const core::FitRequest& r, const std::vector<double>& p)
{
    const bool power = r.law->id() == "power";
    double sum = 0.0;
    for (Eigen::Index i = 0; i < d.y.size(); ++i) {
        const double pred = power ? p[0] + p[1] * std::pow(d.x[i], -p[2])
                                  : p[0] + p[1] * std::pow(d.N[i], -p[3]) + p[2] * std::pow(d.D[i], -p[4]);
        const double res = r.objective == core::Objective::Lsq ? pred - d.y[i] : std::log(pred / d.y[i]);
        double term = res * res;
        if (r.objective == core::Objective::HuberLog)
            term = std::abs(res) <= r.delta ? 0.5 * res * res : r.delta * (std::abs(res) - 0.5 * r.delta);
        const double w = d.weight.size() ? d.weight[i] : 1.0;
        sum += (res > 0 ? r.overestimatePenalty : 1.0) * w * term;
    }
    return sum;
}

QString describe(const std::vector<core::VarProCandidate>& cs)
{
    QString s;
    for (const auto& c : cs) {
        for (double v : c.params)
            s += QString::number(v, 'g', 12) + QLatin1Char(' ');
        s += QStringLiteral("f=%1; ").arg(c.objective, 0, 'g', 12);
    }
    return s;
}

/// Lattice value j of the grid's axis, computed as the library does.
double gridValue(const core::VarProGrid& g, long j) { return g.lower + static_cast<double>(j) * g.step; }

/// Whether no small relative move of one of the first k parameters lowers the direct objective.
bool coefficientsOptimal(const core::FitData& d, const core::FitRequest& r, const std::vector<double>& p,
                         std::size_t k)
{
    const double f0 = directObjective(d, r, p);
    for (std::size_t j = 0; j < k; ++j)
        for (double h : {-1e-5, 1e-5}) {
            std::vector<double> q = p;
            q[j] *= 1.0 + h;
            if (directObjective(d, r, q) < f0 * (1 - 1e-12))
                return false;
        }
    return true;
}

/// Each parameter within `tol` relative (absolute for a zero truth).
bool near(const std::vector<double>& p, const std::vector<double>& truth, double tol)
{
    for (std::size_t k = 0; k < truth.size(); ++k)
        if (!(std::abs(p[k] - truth[k]) <= tol * (truth[k] == 0.0 ? 1.0 : std::abs(truth[k]))))
            return false;
    return true;
}

bool same(const std::vector<core::VarProCandidate>& a, const std::vector<core::VarProCandidate>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto& x, const auto& y) { return x.params == y.params && x.objective == y.objective; });
}

} // namespace

class TestVariableProjection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recoversNoiseFreeParameters_data()
    {
        QTest::addColumn<int>("objective");
        for (core::Objective o : {core::Objective::Lsq, core::Objective::LsqLog, core::Objective::HuberLog})
            QTest::newRow(core::objectiveName(o)) << int(o);
    }

    void recoversNoiseFreeParameters()
    {
        QFETCH(int, objective);
        const auto o = static_cast<core::Objective>(objective);
        const std::vector<double> power{1.7, 300.0, 0.34}, chinchilla{1.8, 480.0, 2100.0, 0.34, 0.36}; // on the grid
        for (const auto& [law, data, truth] : {std::tuple{"power", powerData(1.7, 300.0, 0.34), power},
                                               std::tuple{"chinchilla", chinchillaData(chinchilla), chinchilla}}) {
            const auto got = core::variableProjection(data, requestFor(law, o));
            QVERIFY2(got.has_value() && !got->empty(), got ? "" : got.error().toString().c_str());
            QVERIFY2(got->front().objective < 1e-20 && near(got->front().params, truth, 1e-8),
                     qPrintable(describe(*got)));
        }
    }

    void epochHuberNearKnownOptimum()
    {
        if (epochFitData().size() == 0)
            QSKIP("../shared/data/epoch-chinchilla-replication not found");
        const core::FitData data = epochFitData();
        QCOMPARE(data.size(), std::size_t(240));
        const core::FitRequest req = requestFor("chinchilla", core::Objective::HuberLog); // delta 1e-3
        const core::VarProGrid grid;
        const auto got = core::variableProjection(data, req, grid);
        QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
        qInfo("%s", qPrintable(describe(*got)));
        const auto& best = got->front();
        QVERIFY2(std::abs(best.params[3] - 0.3473105) <= grid.step &&
                     std::abs(best.params[4] - 0.36717243) <= grid.step, qPrintable(describe(*got)));
        QVERIFY2(best.objective >= 1.018274e-3 * (1 - 1e-6) && best.objective <= 1.05 * 1.018274e-3,
                 qPrintable(describe(*got)));
        QVERIFY(std::abs(best.objective - directObjective(data, req, best.params)) <= 1e-12 * best.objective);
        QVERIFY(std::is_sorted(got->begin(), got->end(), [](auto& a, auto& b) { return a.objective < b.objective; }));

        // Each candidate is a local minimum of the full 100 x 100 grid: no neighbour, evaluated on
        // its own (both exponents fixed there), is better.
        for (const auto& c : *got) {
            const long ja = std::lround((c.params[3] - grid.lower) / grid.step);
            const long jb = std::lround((c.params[4] - grid.lower) / grid.step);
            QVERIFY(gridValue(grid, ja) == c.params[3] && gridValue(grid, jb) == c.params[4]);
            for (long a = std::max(0L, ja - 1); a <= std::min(99L, ja + 1); ++a)
                for (long b = std::max(0L, jb - 1); b <= std::min(99L, jb + 1); ++b) {
                    core::FitRequest at = req;
                    at.fixed = {{"alpha", gridValue(grid, a)}, {"beta", gridValue(grid, b)}};
                    const auto n = core::variableProjection(data, at, grid);
                    QVERIFY2(n && n->size() == 1 && n->front().objective >= c.objective * (1 - 1e-12),
                             qPrintable(describe(*n) + QStringLiteral(" beats ") + describe({c})));
                }
        }

        // The coefficients minimise the objective at the best grid point.
        QVERIFY(coefficientsOptimal(data, req, best.params, 3));
    }

    void epochLeastSquaresMatchesPublishedVarPro()
    {
        // domain.md E: VarPro with MSE on L gives alpha = 0.355, beta = 0.43 on these data.
        if (epochFitData().size() == 0)
            QSKIP("../shared/data/epoch-chinchilla-replication not found");
        const auto got = core::variableProjection(epochFitData(), requestFor("chinchilla", core::Objective::Lsq));
        QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
        QVERIFY2(std::abs(got->front().params[3] - 0.355) <= 0.02, qPrintable(describe(*got)));
        QVERIFY2(std::abs(got->front().params[4] - 0.43) <= 0.02, qPrintable(describe(*got)));
    }

    void independentOfThreadCount()
    {
        // 4 x 36 points, so that the grid is split between threads.
        const core::FitData data = chinchillaData({1.8, 480.0, 2100.0, 0.35, 0.37}, 0.01, 4);
        core::FitRequest req = requestFor("chinchilla", core::Objective::HuberLog);
        req.threads = 1;
        const auto one = core::variableProjection(data, req);
        QVERIFY(one.has_value());
        for (unsigned t : {2u, 3u, 0u}) {
            req.threads = t;
            const auto many = core::variableProjection(data, req);
            QVERIFY(many.has_value() && same(*many, *one));
        }
    }

    void fixedCoefficients()
    {
        // E = 0 held fixed on data without an asymptote: exact recovery, E stays 0.
        core::FitRequest req = requestFor("power", core::Objective::LsqLog);
        req.fixed = {{"E", 0.0}};
        auto got = core::variableProjection(powerData(0.0, 250.0, 0.5), req);
        QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
        QVERIFY2(got->front().params[0] == 0.0 && near(got->front().params, {0.0, 250.0, 0.5}, 1e-8),
                 qPrintable(describe(*got)));
        // E = 0 on data with E = 1.7: every candidate keeps E = 0.
        got = core::variableProjection(powerData(1.7, 300.0, 0.34, 0.002), req);
        QVERIFY(got && std::all_of(got->begin(), got->end(), [](const auto& c) { return c.params[0] == 0.0; }));
        // A non-zero fixed E moves to the right-hand side.
        req.fixed = {{"E", 1.7}};
        got = core::variableProjection(powerData(1.7, 300.0, 0.34), req);
        QVERIFY(got.has_value());
        QVERIFY2(got->front().params[0] == 1.7 && near(got->front().params, {1.7, 300.0, 0.34}, 1e-8),
                 qPrintable(describe(*got)));
    }

    void tiedExponentsSearchTheDiagonal()
    {
        const core::FitData data = chinchillaData({1.8, 480.0, 2100.0, 0.33, 0.38}, 0.01);
        core::FitRequest req = requestFor("chinchilla", core::Objective::HuberLog);
        req.ties = {{"beta", "alpha"}};
        core::VarProGrid grid;
        grid.maxCandidates = 100;
        const auto got = core::variableProjection(data, req, grid);
        QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
        for (const auto& c : *got)
            QCOMPARE(c.params[4], c.params[3]);

        // Brute force along the diagonal: each point on its own (alpha = beta fixed), then the
        // 1-D local minima, best first.
        std::vector<core::VarProCandidate> at, expected;
        for (long j = 0; j < 100; ++j) {
            core::FitRequest one = requestFor("chinchilla", core::Objective::HuberLog);
            one.fixed = {{"alpha", gridValue(grid, j)}, {"beta", gridValue(grid, j)}};
            const auto r = core::variableProjection(data, one, grid);
            QVERIFY(r.has_value() && r->size() == 1);
            at.push_back(r->front());
        }
        for (std::size_t j = 0; j < at.size(); ++j)
            if ((j == 0 || at[j - 1].objective >= at[j].objective) &&
                (j + 1 == at.size() || at[j + 1].objective >= at[j].objective))
                expected.push_back(at[j]);
        std::stable_sort(expected.begin(), expected.end(),
                         [](const auto& a, const auto& b) { return a.objective < b.objective; });
        QVERIFY2(same(*got, expected), qPrintable(describe(*got) + QStringLiteral(" vs ") + describe(expected)));
    }

    void coefficientTiesAndBounds()
    {
        core::FitRequest req = requestFor("chinchilla", core::Objective::LsqLog);
        req.ties = {{"B", "A"}}; // one unknown for both
        auto got = core::variableProjection(chinchillaData({1.8, 700.0, 700.0, 0.34, 0.36}), req);
        QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
        QCOMPARE(got->front().params[2], got->front().params[1]);
        QVERIFY2(near(got->front().params, {1.8, 700.0, 700.0, 0.34, 0.36}, 1e-8), qPrintable(describe(*got)));

        req = requestFor("chinchilla", core::Objective::LsqLog);
        req.bounds = {{"alpha", {0.5, 0.9}}, {"E", {0.0, 1.0}}};
        core::VarProGrid small; // bootstrap-sized: 9 x 15, evaluated in full
        small.lower = 0.25;
        small.upper = 0.95;
        small.step = 0.05;
        got = core::variableProjection(chinchillaData({1.8, 480.0, 2100.0, 0.34, 0.36}, 0.01), req, small);
        QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
        for (const auto& c : *got)
            QVERIFY2(c.params[3] >= 0.5 - 1e-12 && c.params[3] <= 0.9 + 1e-12 && c.params[0] >= 0.0 &&
                         c.params[0] <= 1.0 && c.params[4] >= 0.25 - 1e-12 && c.params[4] <= 0.95 + 1e-12,
                     qPrintable(describe(*got)));
    }

    void closedFormAtOneGridPoint()
    {
        // Least squares on L at fixed alpha is linear regression of y on x^-alpha: compare with
        // its closed form (both coefficients come out positive here).
        const core::FitData data = powerData(1.7, 300.0, 0.3, 0.01);
        core::FitRequest req = requestFor("power", core::Objective::Lsq);
        req.fixed = {{"alpha", 0.3}};
        const auto got = core::variableProjection(data, req);
        QVERIFY2(got.has_value() && got->size() == 1, got ? "" : got.error().toString().c_str());
        const Eigen::ArrayXd u = data.x.array().pow(-0.3), y = data.y.array();
        const Eigen::ArrayXd du = u - u.mean();
        const double A = (du * (y - y.mean())).sum() / du.square().sum(), E = y.mean() - A * u.mean();
        const double f = (E + A * u - y).square().sum();
        QVERIFY2(E > 0 && A > 0, "closed form not in the interior");
        QVERIFY2(near(got->front().params, {E, A, 0.3}, 1e-9), qPrintable(describe(*got)));
        QVERIFY2(std::abs(got->front().objective - f) <= 1e-9 * f, qPrintable(describe(*got) + QString::number(f)));
    }

    void weightsAndPenaltyInTheObjective()
    {
        core::FitData data = chinchillaData({1.8, 480.0, 2100.0, 0.34, 0.36}, 0.01);
        data.weight = Eigen::VectorXd::LinSpaced(data.y.size(), 0.5, 1.5);
        for (core::Objective o : {core::Objective::Lsq, core::Objective::LsqLog, core::Objective::HuberLog}) {
            core::FitRequest req = requestFor("chinchilla", o);
            req.overestimatePenalty = 3.0;
            req.delta = 5e-3;
            const auto got = core::variableProjection(data, req);
            QVERIFY2(got.has_value(), got ? "" : got.error().toString().c_str());
            for (const auto& c : *got)
                QVERIFY2(std::abs(c.objective - directObjective(data, req, c.params)) <= 1e-11 * c.objective,
                         qPrintable(describe(*got)));
            QVERIFY2(coefficientsOptimal(data, req, got->front().params, 3), core::objectiveName(o));
        }
    }

    void progressAndCancel()
    {
        const core::FitData data = chinchillaData({1.8, 480.0, 2100.0, 0.34, 0.36}, 0.01);
        const core::FitRequest req = requestFor("chinchilla", core::Objective::HuberLog);
        std::vector<double> seen;
        const auto got = core::variableProjection(data, req, {}, [&](double f) {
            seen.push_back(f);
            return true;
        });
        QVERIFY(got && !seen.empty() && seen.front() >= 0.0 && seen.back() == 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));

        int calls = 0;
        const auto stopped = core::variableProjection(data, req, {}, [&](double) { return ++calls < 3; });
        QVERIFY(!stopped.has_value() && stopped.error().message == "cancelled");
    }

    void errors()
    {
        using core::Objective;
        const core::FitData ok = chinchillaData({1.8, 480.0, 2100.0, 0.34, 0.36});
        core::FitData few = ok, negative = ok, zeroN = ok;
        for (Eigen::VectorXd* v : {&few.N, &few.D, &few.y})
            v->conservativeResize(4);
        negative.y[3] = -1.0;
        zeroN.N[0] = 0.0;
        core::FitRequest fix = requestFor("chinchilla", Objective::LsqLog), tie = fix, bounds = fix, none = fix;
        core::FitRequest huber = requestFor("chinchilla", Objective::HuberLog);
        fix.fixed = {{"gamma", 1.0}};
        tie.ties = {{"beta", "A"}};
        bounds.bounds = {{"alpha", {3.0, 4.0}}}; // no grid value in [3, 4]
        huber.delta = 0.0;
        none.law = nullptr;
        core::VarProGrid noStep;
        noStep.step = 0.0;
        auto check = [](const tl::expected<std::vector<core::VarProCandidate>, core::Error>& r, const char* parameter) {
            QVERIFY2(!r.has_value() && r.error().parameter == parameter && !r.error().message.empty(), parameter);
        };
        check(core::variableProjection(ok, requestFor("kaplan", Objective::LsqLog)), "--grid");
        check(core::variableProjection(few, requestFor("chinchilla", Objective::LsqLog)), "--law");
        check(core::variableProjection(negative, requestFor("chinchilla", Objective::LsqLog)), "loss");
        check(core::variableProjection(zeroN, requestFor("chinchilla", Objective::Lsq)), "N, D");
        check(core::variableProjection(ok, fix), "--fix");
        check(core::variableProjection(ok, tie), "--tie");
        check(core::variableProjection(ok, bounds), "--grid");
        check(core::variableProjection(ok, requestFor("chinchilla", Objective::LsqLog), noStep), "--grid");
        check(core::variableProjection(ok, huber), "--delta");
        check(core::variableProjection(ok, none), "--law");
    }
};

QTEST_APPLESS_MAIN(TestVariableProjection)
#include "tst_VariableProjection.moc"
