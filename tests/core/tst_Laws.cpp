// SPDX-License-Identifier: GPL-3.0-or-later
// Scaling-law forms: values at published parameters, analytic derivatives against finite
// differences, and the registry's contract (ids, parameter names, bounds).
#include "core/fit/Laws.h"

#include <QtTest>

#include <cmath>
#include <vector>

namespace {

/// Richardson-extrapolated central difference of law.eval in parameter i (error O(h^4)).
double numericDerivative(const core::Law& law, std::vector<double> p, const core::LawPoint& at, std::size_t i)
{
    const double h = 1e-3 * std::max(std::abs(p[i]), 1e-3);
    auto central = [&](double step) {
        std::vector<double> up = p, down = p;
        up[i] += step;
        down[i] -= step;
        return (law.eval(up, at) - law.eval(down, at)) / (2 * step);
    };
    return (4 * central(h / 2) - central(h)) / 3;
}

struct Case {
    const char* law;
    std::vector<double> params;
    core::LawPoint point;
};

} // namespace

class TestLaws : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registryContract()
    {
        QCOMPARE(core::laws().size(), std::size_t(7));
        const std::vector<std::pair<const char*, std::vector<const char*>>> expected{
            {"power", {"E", "A", "alpha"}},
            {"chinchilla", {"E", "A", "B", "alpha", "beta"}},
            {"kaplan", {"Nc", "Dc", "alphaN", "alphaD"}}};
        for (const auto& [id, names] : expected) {
            const core::Law* law = core::lawById(id);
            QVERIFY2(law != nullptr, id);
            QCOMPARE(law->id(), std::string_view(id));
            QCOMPARE(law->parameters().size(), names.size());
            for (std::size_t i = 0; i < names.size(); ++i) {
                const core::ParameterSpec& spec = law->parameters()[i];
                QCOMPARE(spec.name, std::string(names[i]));
                QVERIFY(spec.lower <= spec.start && spec.start <= spec.upper);
            }
        }
        QVERIFY(core::lawById("nope") == nullptr);
        QVERIFY(core::lawById("power")->usesX());
        QVERIFY(!core::lawById("chinchilla")->usesX());
    }

    void valuesAtPublishedParameters()
    {
        // Chinchilla (Hoffmann et al. 2022) at its published parameters, for Chinchilla itself
        // (70B parameters, 1.4T tokens): 1.69 + 406.4/70e9^0.34 + 410.7/1.4e12^0.28, evaluated
        // independently in Python: 1.9366454705587173.
        const core::Law* chinchilla = core::lawById("chinchilla");
        const std::vector<double> hoffmann{1.69, 406.4, 410.7, 0.34, 0.28};
        core::LawPoint at;
        at.N = 70e9;
        at.D = 1.4e12;
        QVERIFY(qAbs(chinchilla->eval(hoffmann, at) - 1.9366454705587173) < 1e-14);

        // Kaplan eq. 1.5 with Table 2 (alphaN 0.076, alphaD 0.103, Nc 6.4e13, Dc 1.8e13) at
        // N = 1e9, D = 2e10: 2.373882448217487 (Python).
        const core::Law* kaplan = core::lawById("kaplan");
        at.N = 1e9;
        at.D = 2e10;
        QVERIFY(qAbs(kaplan->eval(std::vector<double>{6.4e13, 1.8e13, 0.076, 0.103}, at) - 2.373882448217487) < 1e-14);

        // The power law with E = 0 and A = Nc^alphaN is Kaplan's L(N) = (Nc/N)^alphaN (eq. 1.1:
        // Nc 8.8e13, alphaN 0.076): at N = 1e9, (8.8e4)^0.076 = 2.3756402951345246 (Python).
        const core::Law* power = core::lawById("power");
        at.x = 1e9;
        const double a = std::pow(8.8e13, 0.076);
        QVERIFY(qAbs(power->eval(std::vector<double>{0.0, a, 0.076}, at) - 2.3756402951345246) < 1e-13);
    }

    void gradientsMatchFiniteDifferences_data()
    {
        QTest::addColumn<int>("index");
        const std::vector<Case>& cases = allCases();
        for (std::size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(QStringLiteral("%1 #%2").arg(QLatin1String(cases[i].law)).arg(i))) << int(i);
    }

    void gradientsMatchFiniteDifferences()
    {
        QFETCH(int, index);
        const Case& c = allCases()[static_cast<std::size_t>(index)];
        const core::Law* law = core::lawById(c.law);
        std::vector<double> grad(c.params.size());
        law->gradient(c.params, c.point, grad);
        for (std::size_t i = 0; i < c.params.size(); ++i) {
            const double numeric = numericDerivative(*law, c.params, c.point, i);
            const double scale = std::max(std::abs(numeric), 1e-12);
            QVERIFY2(std::abs(grad[i] - numeric) <= 1e-7 * scale,
                     qPrintable(QStringLiteral("%1: analytic %2, numeric %3")
                                    .arg(QString::fromStdString(law->parameters()[i].name))
                                    .arg(grad[i], 0, 'g', 17)
                                    .arg(numeric, 0, 'g', 17)));
        }
    }

private:
    static const std::vector<Case>& allCases()
    {
        auto point = [](double N, double D, double x) {
            core::LawPoint p;
            p.N = N;
            p.D = D;
            p.C = 6 * N * D;
            p.x = x;
            return p;
        };
        static const std::vector<Case> cases{
            {"power", {1.69, 406.4, 0.34}, point(0, 0, 1e8)},
            {"power", {0.5, 2.0e3, 0.076}, point(0, 0, 3.7e21)},
            {"power", {2.1, 12.5, 1.3}, point(0, 0, 42.0)},
            {"chinchilla", {1.69, 406.4, 410.7, 0.34, 0.28}, point(70e9, 1.4e12, 0)},
            {"chinchilla", {1.8172, 482.01, 2085.43, 0.3478, 0.3658}, point(5.7e7, 2.45e8, 0)},
            {"chinchilla", {1.0, 10.0, 20.0, 0.5, 0.05}, point(3e10, 9e12, 0)},
            {"kaplan", {6.4e13, 1.8e13, 0.076, 0.103}, point(1e9, 2e10, 0)},
            {"kaplan", {6.4e13, 1.8e13, 0.076, 0.103}, point(1e6, 1e12, 0)},
            {"kaplan", {1e12, 5e11, 0.3, 0.5}, point(3e9, 1e9, 0)},
        };
        return cases;
    }
};

QTEST_APPLESS_MAIN(TestLaws)
#include "tst_Laws.moc"
