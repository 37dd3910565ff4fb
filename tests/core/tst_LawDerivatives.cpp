// SPDX-License-Identifier: GPL-3.0-or-later
// Every law in the registry: analytic gradient() against Richardson-extrapolated central
// differences at several points and parameter vectors (laws added later are covered as they come);
// the data-constrained and broken laws against closed forms they reduce to and hand-computed values;
// unique tokens read from a file into FitData::U.
#include "core/fit/FitSelection.h"
#include "core/fit/Laws.h"
#include "core/io/Importers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kRelTol = 1e-6;

core::LawPoint pointAt(double N, double D, double U, double x)
{
    core::LawPoint p;
    p.N = N;
    p.D = D;
    p.C = 6 * N * D;
    p.U = U;
    p.x = x;
    return p;
}

/// Points for every law: small and large N, D; unknown, repeated and heavily repeated unique
/// tokens; x taken as N, D, C or a small value in turn.
std::vector<core::LawPoint> commonPoints()
{
    return {pointAt(5.7e7, 2.45e8, 0.0, 5.7e7),
            pointAt(1e9, 2e10, 5e9, 2e10),
            pointAt(7e10, 1.4e12, 1e11, 6 * 7e10 * 1.4e12),
            pointAt(6.34e9, 242e9, 25e9, 1e4),
            pointAt(3e8, 1e11, 1e9, 3e7)};
}

/// Parameter vectors inside the bounds: the defaults and two deterministic perturbations of them
/// (each parameter scaled by a factor in [0.7, 1.3]; a value that would leave the bounds keeps its start).
std::vector<std::vector<double>> commonParameters(const core::Law& law)
{
    const auto specs = law.parameters();
    std::vector<std::vector<double>> out(3);
    for (std::size_t j = 0; j < specs.size(); ++j) {
        const core::ParameterSpec& s = specs[j];
        const double factors[2] = {1.0 + 0.3 * std::sin(1.7 * double(j) + 1.0), 1.0 - 0.25 * std::cos(2.3 * double(j))};
        out[0].push_back(s.start);
        for (int k = 0; k < 2; ++k) {
            double v = s.start != 0.0 ? s.start * factors[k] : factors[k] - 1.0;
            if (!(v > s.lower && v < s.upper))
                v = s.start;
            out[static_cast<std::size_t>(k) + 1].push_back(v);
        }
    }
    return out;
}

struct Case {
    std::string law;
    std::vector<double> params;
    core::LawPoint point;
};

/// Cases that reach branches the common vectors may miss: datacon with alpha != beta in both
/// branches of U_N = min(N, N_opt); breaks with negative slope changes, sharp and smooth breaks,
/// x far below and far above them (where softplus works in its asymptotic forms).
std::vector<Case> extraCases()
{
    return {
        {"datacon", {1.8, 480.0, 2100.0, 0.34, 0.37, 10.0, 3.0}, pointAt(4e9, 1e11, 1e9, 0)},   // N > N_opt
        {"datacon", {1.8, 480.0, 2100.0, 0.34, 0.37, 10.0, 3.0}, pointAt(1e8, 1e11, 1e10, 0)},  // N < N_opt
        {"datacon", {1.5, 300.0, 900.0, 0.5, 0.25, 2.0, 40.0}, pointAt(2e10, 5e11, 2e9, 0)},
        {"bnsl", {0.5, 20.0, 0.3, 0.4, 1e4, 0.7}, pointAt(0, 0, 0, 3e5)},
        {"bnsl", {1.2, 3e3, 0.05, 0.6, 1e9, 0.05}, pointAt(0, 0, 0, 1e7)},   // z = -92: far below
        {"bnsl", {1.2, 3e3, 0.05, 0.6, 1e9, 0.05}, pointAt(0, 0, 0, 1e11)},  // z = +92: far above
        {"bnsl", {0.0, 50.0, -0.2, 0.9, 1e3, 3.0}, pointAt(0, 0, 0, 2e4)},   // rise, then fall
        {"bnsl2", {0.5, 20.0, 0.3, 0.4, 1e4, 0.7, -0.2, 1e6, 0.3}, pointAt(0, 0, 0, 3e7)},
        {"bnsl3", {1.7, 400.0, 0.3, 0.2, 1e8, 0.5, -0.25, 1e10, 1.5, 0.4, 1e12, 0.1}, pointAt(0, 0, 0, 3e11)},
    };
}

/// Richardson-extrapolated central difference of law.eval in parameter i (error O(h^4)), with
/// h proportional to the parameter. `noise` receives the rounding error it can carry.
double numericDerivative(const core::Law& law, std::vector<double> p, const core::LawPoint& at, std::size_t i,
                         double& noise)
{
    const double h = 1e-3 * std::max(std::abs(p[i]), 1e-3);
    auto central = [&](double step) {
        std::vector<double> up = p, down = p;
        up[i] += step;
        down[i] -= step;
        return (law.eval(up, at) - law.eval(down, at)) / (2 * step);
    };
    noise = 50 * kEps * std::max(std::abs(law.eval(p, at)), 1.0) / h;
    return (4 * central(h / 2) - central(h)) / 3;
}

/// Empty when gradient() agrees with finite differences to kRelTol (or to their rounding noise
/// for a derivative that is ~0); else which parameter differs and by how much.
QString gradientMismatch(const core::Law& law, const std::vector<double>& p, const core::LawPoint& at,
                         const std::vector<double>& grad)
{
    for (std::size_t i = 0; i < p.size(); ++i) {
        double noise = 0;
        const double numeric = numericDerivative(law, p, at, i, noise);
        const bool ok = std::isfinite(grad[i])
                        && std::abs(grad[i] - numeric) <= kRelTol * std::max(std::abs(numeric), std::abs(grad[i])) + noise;
        if (!ok)
            return QStringLiteral("%1 %2: analytic %3, numeric %4")
                .arg(QString::fromUtf8(law.id().data(), qsizetype(law.id().size())),
                     QString::fromStdString(law.parameters()[i].name))
                .arg(grad[i], 0, 'g', 17)
                .arg(numeric, 0, 'g', 17);
    }
    return {};
}

std::vector<Case> allCases()
{
    std::vector<Case> cases;
    for (const core::Law* law : core::laws())
        for (const auto& params : commonParameters(*law))
            for (const core::LawPoint& at : commonPoints())
                cases.push_back({std::string(law->id()), params, at});
    for (const Case& c : extraCases())
        cases.push_back(c);
    return cases;
}

} // namespace

class TestLawDerivatives : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("index");
        const std::vector<Case> cases = allCases();
        for (std::size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(QStringLiteral("%1 #%2").arg(QString::fromStdString(cases[i].law)).arg(i)))
                << int(i);
    }

    void gradientMatchesFiniteDifferences()
    {
        QFETCH(int, index);
        const Case c = allCases()[static_cast<std::size_t>(index)];
        const core::Law* law = core::lawById(c.law);
        QVERIFY(law != nullptr);
        QCOMPARE(c.params.size(), law->parameters().size());
        for (std::size_t j = 0; j < c.params.size(); ++j)
            QVERIFY(law->parameters()[j].lower <= c.params[j] && c.params[j] <= law->parameters()[j].upper);
        QVERIFY(std::isfinite(law->eval(c.params, c.point)));
        std::vector<double> grad(c.params.size(), std::numeric_limits<double>::quiet_NaN());
        law->gradient(c.params, c.point, grad);
        const QString mismatch = gradientMismatch(*law, c.params, c.point, grad);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void checkRejectsAWrongGradient()
    {
        // The comparison above must be able to fail: a gradient off by 1e-5 relative in any one
        // component, for any law, is caught.
        const core::LawPoint at = commonPoints()[1];
        for (const core::Law* law : core::laws()) {
            const std::vector<double> p = commonParameters(*law)[1];
            std::vector<double> grad(p.size());
            law->gradient(p, at, grad);
            QVERIFY(gradientMismatch(*law, p, at, grad).isEmpty());
            for (std::size_t i = 0; i < p.size(); ++i) {
                if (std::abs(grad[i]) < 1e-9)
                    continue; // too small to tell from rounding noise
                std::vector<double> wrong = grad;
                wrong[i] *= 1 + 1e-5;
                QVERIFY2(!gradientMismatch(*law, p, at, wrong).isEmpty(), law->parameters()[i].name.c_str());
            }
        }
    }

    void dataconIsChinchillaWithoutRepeats()
    {
        // With U_D = D (U unknown, <= 0, NaN or >= D) and N <= N_opt(D) nothing is repeated:
        // D' = D, N' = N and L = E + A N^-alpha + B D^-beta exactly, whatever R_D*, R_N*.
        const core::Law* datacon = core::lawById("datacon");
        const core::Law* chinchilla = core::lawById("chinchilla");
        const std::vector<std::vector<double>> vectors{
            {1.8691436784054858, 520.8249516599187, 1487.716093782861, 0.3526596, 0.3526596, 15.387756, 5.309743},
            {1.69, 406.4, 410.7, 0.34, 0.28, 1.0, 0.5},
            {1.8172, 482.01, 2085.43, 0.3478, 0.3658, 30.0, 80.0}};
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (const auto& p : vectors) {
            for (const double D : {3e8, 2e10, 1.4e12}) {
                const double Nopt = std::pow(p[3] * p[1] / (p[4] * p[2]), 1 / p[3]) * std::pow(D, p[4] / p[3]);
                const double N = Nopt / 10;
                for (const double U : {0.0, -5.0, nan, D, 3 * D}) {
                    const core::LawPoint at = pointAt(N, D, U, 0);
                    const double closed = p[0] + p[1] * std::pow(N, -p[3]) + p[2] * std::pow(D, -p[4]);
                    const double value = datacon->eval(p, at);
                    QVERIFY2(value == closed, qPrintable(QStringLiteral("%1 vs %2").arg(value, 0, 'g', 17).arg(closed, 0, 'g', 17)));
                    QVERIFY(value == chinchilla->eval(std::vector<double>(p.begin(), p.begin() + 5), at));
                }
                // Repeating the data (fewer unique tokens than D) must cost loss.
                QVERIFY(datacon->eval(p, pointAt(N, D, D / 10, 0)) > datacon->eval(p, pointAt(N, D, 0, 0)));
            }
        }
    }

    void bnslWithoutBreaksIsPowerLaw()
    {
        // With every c_i = 0 the break factors are 1: L = a + b x^-c0, the power law with E = a,
        // A = b, alpha = c0, whatever d_i and f_i.
        const core::Law* power = core::lawById("power");
        for (const char* id : {"bnsl", "bnsl2", "bnsl3"}) {
            const core::Law* law = core::lawById(id);
            QVERIFY(law != nullptr);
            std::vector<double> p{1.7, 406.4, 0.34};
            for (std::size_t i = 3; i < law->parameters().size(); i += 3)
                p.insert(p.end(), {0.0, 1e9 * double(i), 0.5 + 0.1 * double(i)});
            for (const double x : {1e3, 5.7e7, 2e10, 3.3e23}) {
                const core::LawPoint at = pointAt(0, 0, 0, x);
                const double closed = 1.7 + 406.4 * std::pow(x, -0.34);
                QVERIFY(std::abs(law->eval(p, at) - closed) <= 1e-14 * closed);
                QVERIFY(std::abs(law->eval(p, at) - power->eval(std::vector<double>{1.7, 406.4, 0.34}, at)) <= 1e-14 * closed);
            }
        }
    }

    void handComputedValues()
    {
        // datacon at the published fit (A = e^6.255414, B = e^7.3049974, E = e^0.6254804,
        // alpha = beta = 0.3526596, R_D* = 15.387756, R_N* = 5.309743) for the two models of the
        // paper's Figure 1 (right), unique tokens U = 25e9. First, N = 6.34e9, D = 242e9:
        //   N_opt(U) = (alpha A/(beta B))^(1/alpha) U^(beta/alpha) = (A/B)^(1/0.3526596) * 25e9
        //            = 1.274662941341457e9 < N, so U_N = N_opt, R_N = N/U_N - 1 = 3.973863908938763,
        //   N' = U_N (1 + R_N* (1 - e^(-R_N/R_N*))) = 4.840668243939846e9,
        //   R_D = 242e9/25e9 - 1 = 8.68, D' = U (1 + R_D* (1 - e^(-R_D/R_D*))) = 1.9084903377454218e11,
        //   L = E + A/N'^alpha + B/D'^beta = 2.2256440889984477
        // (Python, written from the formula; the datablations README prints the same number).
        // Second, N = 8.67e9, D = 178e9: R_N = 5.801798121529822, R_D = 6.12, L = 2.2269634075087867.
        const core::Law* datacon = core::lawById("datacon");
        std::vector<double> published;
        for (const core::ParameterSpec& s : datacon->parameters())
            published.push_back(s.start);
        QVERIFY(std::abs(published[0] - std::exp(0.6254804)) <= 4 * kEps * published[0]);
        QVERIFY(std::abs(published[1] - std::exp(6.255414)) <= 4 * kEps * published[1]);
        QVERIFY(std::abs(published[2] - std::exp(7.3049974)) <= 4 * kEps * published[2]);
        QVERIFY(std::abs(datacon->eval(published, pointAt(6.34e9, 242e9, 25e9, 0)) - 2.2256440889984477) < 1e-14);
        QVERIFY(std::abs(datacon->eval(published, pointAt(8.67e9, 178e9, 25e9, 0)) - 2.2269634075087867) < 1e-14);

        // bnsl (a 0.5, b 20, c0 0.3, c1 0.4, d1 1e4, f1 0.7) at x = 3e5, by the plain formula:
        //   x^-0.3 = 0.022730..., (x/d1)^(1/f1) = 30^(1/0.7) = 128.9..., (1 + 128.9...)^(-0.28) = 0.25599...,
        //   L = 0.5 + 20 * 0.022730... * 0.25599... = 0.6164408052401327 (Python).
        const core::Law* bnsl = core::lawById("bnsl");
        QVERIFY(std::abs(bnsl->eval(std::vector<double>{0.5, 20.0, 0.3, 0.4, 1e4, 0.7}, pointAt(0, 0, 0, 3e5))
                         - 0.6164408052401327) < 1e-14);
        // bnsl2 adds (c2 -0.2, d2 1e6, f2 0.3) and is taken at x = 3e7:
        //   0.5 + 20 x^-0.3 (1 + (x/1e4)^(1/0.7))^(-0.28) (1 + (x/1e6)^(1/0.3))^(0.06) = 0.5091720912734228.
        const core::Law* bnsl2 = core::lawById("bnsl2");
        QVERIFY(std::abs(bnsl2->eval(std::vector<double>{0.5, 20.0, 0.3, 0.4, 1e4, 0.7, -0.2, 1e6, 0.3}, pointAt(0, 0, 0, 3e7))
                         - 0.5091720912734228) < 1e-14);
    }

    void uniqueTokensReachFitData()
    {
        // A unique_tokens column becomes Run::U and then FitData::U (0 where it is empty).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("repeats.csv")).toStdString();
        {
            std::ofstream out(path);
            out << "run,params,tokens,Unique_Tokens,loss\n"
                << "a,1e9,2e10,5e9,2.9\n"
                << "b,2e9,4e10,,2.7\n";
        }
        auto sweep = core::importFile(path);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().message.c_str());
        QCOMPARE(sweep->roleColumns.at(core::Role::UniqueTokens), std::string("Unique_Tokens"));
        QCOMPARE(sweep->runs.size(), std::size_t(2));
        QCOMPARE(sweep->runs[0].U, 5e9);
        QVERIFY(std::isnan(sweep->runs[1].U));
        QVERIFY(sweep->runs[0].attributes.count("Unique_Tokens") == 0);
        auto data = core::FitSelection{}.select(*sweep);
        QVERIFY(data.has_value());
        QCOMPARE(data->point(0).U, 5e9);
        QCOMPARE(data->point(1).U, 0.0);
        QVERIFY(core::roleFromName("Unique_Tokens") == core::Role::UniqueTokens);
    }
};

QTEST_APPLESS_MAIN(TestLawDerivatives)
#include "tst_LawDerivatives.moc"
