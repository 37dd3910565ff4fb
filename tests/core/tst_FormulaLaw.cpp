// SPDX-License-Identifier: GPL-3.0-or-later
// User formula laws: values against hand computation, Ridders derivatives against closed forms,
// parse errors as values naming the problem and its position, the N, D, C inputs and threads.
#include "core/fit/FormulaLaw.h"
#include "core/fit/Laws.h"

#include <QtTest>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

namespace {

std::unique_ptr<core::FormulaLaw> make(const std::string& expression,
                                       std::vector<std::pair<std::string, double>> params)
{
    auto law = core::FormulaLaw::create(expression, std::move(params));
    if (!law)
        qFatal("%s", law.error().message.c_str());
    return std::move(*law);
}

core::LawPoint atX(double x)
{
    core::LawPoint p;
    p.x = x;
    return p;
}

void compareRelative(double got, double want, double tol)
{
    QVERIFY2(std::abs(got - want) <= tol * std::abs(want),
             qPrintable(QStringLiteral("%1 vs %2").arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
}

} // namespace

class TestFormulaLaw : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void contract()
    {
        const auto law = make("b1*(1-exp(-b2*x))", {{"b1", 250.0}, {"b2", 5e-4}});
        QCOMPARE(law->id(), std::string_view("formula"));
        QCOMPARE(law->formula(), std::string_view("b1*(1-exp(-b2*x))"));
        QVERIFY(law->usesX());
        QVERIFY(!law->needsPositiveInputs());
        QCOMPARE(law->parameters().size(), std::size_t(2));
        QCOMPARE(law->parameters()[1].name, std::string("b2"));
        QCOMPARE(law->parameters()[1].start, 5e-4);
        QVERIFY(std::isinf(law->parameters()[0].lower) && law->parameters()[0].lower < 0);
        QVERIFY(std::isinf(law->parameters()[0].upper) && law->parameters()[0].upper > 0);
    }

    void evaluatesHandValues()
    {
        const auto misra = make("b1*(1-exp(-b2*x))", {{"b1", 0.0}, {"b2", 0.0}});
        compareRelative(misra->eval(std::vector<double>{238.94, 5.5e-4}, atX(77.6)),
                        238.94 * (1 - std::exp(-5.5e-4 * 77.6)), 1e-15);
        const auto poly = make("(a + b*x + c*x^2)/(1 + d*x)", {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}});
        compareRelative(poly->eval(std::vector<double>{1, 2, 3, 4}, atX(-2.5)), (1 - 5 + 18.75) / (1 - 10), 1e-15);
        const auto roszman = make("b1 - b2*x - arctan(b3/(x-b4))/pi", {{"b1", 0}, {"b2", 0}, {"b3", 0}, {"b4", 0}});
        compareRelative(roszman->eval(std::vector<double>{0.2, -5e-6, 1200, -180}, atX(-4868.68)),
                        0.2 + 5e-6 * -4868.68 - std::atan(1200 / (-4868.68 + 180)) / std::numbers::pi, 1e-14);
    }

    void usesNDC()
    {
        // Chinchilla's form as a formula equals the built-in law; C is read too.
        const auto law = make("E + A/N^alpha + B/D^beta + 0*C", {{"E", 0}, {"A", 0}, {"B", 0}, {"alpha", 0}, {"beta", 0}});
        const std::vector<double> p{1.69, 406.4, 410.7, 0.34, 0.28};
        core::LawPoint at;
        at.N = 7e10;
        at.D = 1.4e12;
        at.C = 6 * at.N * at.D;
        compareRelative(law->eval(p, at), core::lawById("chinchilla")->eval(p, at), 1e-14);
        const auto ratio = make("k*C/(N*D)", {{"k", 1.0}});
        compareRelative(ratio->eval(std::vector<double>{0.5}, at), 3.0, 1e-15);
    }

    void gradientMatchesClosedForm()
    {
        const auto law = make("b1*(1-exp(-b2*x))", {{"b1", 0}, {"b2", 0}});
        const std::vector<double> p{238.94212918, 5.5015643181e-4};
        for (double x : {77.6, 378.4, 790.0, 5000.0}) {
            std::vector<double> g(2);
            law->gradient(p, atX(x), g);
            compareRelative(g[0], 1 - std::exp(-p[1] * x), 1e-9);
            compareRelative(g[1], p[0] * x * std::exp(-p[1] * x), 1e-9);
        }
        // Rat43: b1 / (1 + exp(b2 - b3 x))^(1/b4), all four partials.
        const auto rat = make("b1/((1+exp(b2-b3*x))^(1/b4))", {{"b1", 0}, {"b2", 0}, {"b3", 0}, {"b4", 0}});
        const std::vector<double> q{699.6415127, 5.2771253025, 0.75962938329, 1.2792483859};
        for (double x : {1.0, 5.0, 9.0, 15.0}) {
            const double e = std::exp(q[1] - q[2] * x), u = 1 + e, v = std::pow(u, -1 / q[3]);
            const std::vector<double> want{v, -q[0] * v * e / (q[3] * u), q[0] * v * e * x / (q[3] * u),
                                           q[0] * v * std::log(u) / (q[3] * q[3])};
            std::vector<double> g(4);
            rat->gradient(q, atX(x), g);
            for (std::size_t i = 0; i < 4; ++i)
                compareRelative(g[i], want[i], 1e-9);
        }
    }

    void gradientOfZeroParameter()
    {
        const auto law = make("a + b*x^2", {{"a", 0}, {"b", 0}});
        std::vector<double> g(2);
        law->gradient(std::vector<double>{0.0, 0.0}, atX(3.0), g);
        compareRelative(g[0], 1.0, 1e-12);
        compareRelative(g[1], 9.0, 1e-12);
    }

    void syntaxError()
    {
        const auto law = core::FormulaLaw::create("b1*(1-exp(-b2*x)", {{"b1", 1}, {"b2", 1}});
        QVERIFY(!law.has_value());
        QCOMPARE(law.error().parameter, std::string("--formula"));
        qInfo("%s", law.error().message.c_str());
        QVERIFY(law.error().message.find("syntax error at character") == 0);
        QVERIFY(law.error().message.find("b1*(1-exp(-b2*x)") != std::string::npos);
        const auto dangling = core::FormulaLaw::create("b1*x +", {{"b1", 1}});
        QVERIFY(!dangling.has_value());
        qInfo("%s", dangling.error().message.c_str());
        QVERIFY(dangling.error().message.find("at character") != std::string::npos);
    }

    void unknownVariable()
    {
        const auto law = core::FormulaLaw::create("b1*exp(-b3*x)", {{"b1", 1}, {"b2", 1}});
        QVERIFY(!law.has_value());
        QCOMPARE(law.error().parameter, std::string("--formula"));
        qInfo("%s", law.error().message.c_str());
        QVERIFY(law.error().message.find("unknown variable or function 'b3' at character 9") == 0);
    }

    void badParameterNames()
    {
        QVERIFY(!core::FormulaLaw::create("x", {{"2b", 1}}).has_value());
        QVERIFY(!core::FormulaLaw::create("x", {{"N", 1}}).has_value());
        QVERIFY(!core::FormulaLaw::create("x", {{"pi", 1}}).has_value());
        const auto twice = core::FormulaLaw::create("a*x", {{"a", 1}, {"a", 2}});
        QVERIFY(!twice.has_value());
        QCOMPARE(twice.error().message, std::string("parameter 'a' is given twice"));
    }

    void concurrentEvaluation()
    {
        const auto law = make("b1*(1-exp(-b2*x))", {{"b1", 0}, {"b2", 0}});
        std::vector<int> bad(4, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 1; i <= 2000; ++i) {
                    const double b1 = t + 1.0, x = i;
                    const double want = b1 * (1 - std::exp(-1e-3 * x));
                    if (std::abs(law->eval(std::vector<double>{b1, 1e-3}, atX(x)) - want) > 1e-12 * want)
                        ++bad[static_cast<std::size_t>(t)];
                }
            });
        for (auto& th : threads)
            th.join();
        QCOMPARE(bad, std::vector<int>(4, 0));
    }
};

QTEST_GUILESS_MAIN(TestFormulaLaw)
#include "tst_FormulaLaw.moc"
