// SPDX-License-Identifier: GPL-3.0-or-later
// NIST StRD nonlinear regression acceptance: every problem's model, fitted through FormulaLaw
// with the least-squares fitter from the NIST starts, reproduces each certified parameter and
// the certified residual sum of squares to at least 6 significant digits (LRE >= 6).
// Set SCALELAB_NIST_ALL=1 to also run the higher-difficulty problems from start 1 (known
// failures listed in docs/NIST.md); every row prints its LRE line ("NIST|...").
#include "NistStrdFile.h"

#include "core/fit/FormulaLaw.h"
#include "core/fit/LawFitter.h"
#include "core/fit/LeastSquaresFitter.h"

#include <QtTest>

#include <map>
#include <string>

namespace {

/// The 27 models in muparser syntax (NIST's file Models), y as a function of x; Nelson fits
/// log y with x1 as x and x2 as N.
const std::map<std::string, const char*>& models()
{
    static const std::map<std::string, const char*> table{
        {"Misra1a", "b1*(1-exp(-b2*x))"},
        {"Chwirut2", "exp(-b1*x)/(b2+b3*x)"},
        {"Chwirut1", "exp(-b1*x)/(b2+b3*x)"},
        {"Lanczos3", "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)"},
        {"Gauss1", "b1*exp(-b2*x) + b3*exp(-1*(x-b4)^2/b5^2) + b6*exp(-1*(x-b7)^2/b8^2)"},
        {"Gauss2", "b1*exp(-b2*x) + b3*exp(-1*(x-b4)^2/b5^2) + b6*exp(-1*(x-b7)^2/b8^2)"},
        {"DanWood", "b1*x^b2"},
        {"Misra1b", "b1*(1-(1+b2*x/2)^(-2))"},
        {"Kirby2", "(b1 + b2*x + b3*x^2)/(1 + b4*x + b5*x^2)"},
        {"Hahn1", "(b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + b7*x^3)"},
        {"Nelson", "b1 - b2*x*exp(-b3*N)"},
        {"MGH17", "b1 + b2*exp(-x*b4) + b3*exp(-x*b5)"},
        {"Lanczos1", "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)"},
        {"Lanczos2", "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)"},
        {"Gauss3", "b1*exp(-b2*x) + b3*exp(-1*(x-b4)^2/b5^2) + b6*exp(-1*(x-b7)^2/b8^2)"},
        {"Misra1c", "b1*(1-(1+2*b2*x)^(-0.5))"},
        {"Misra1d", "b1*b2*x*((1+b2*x)^(-1))"},
        {"Roszman1", "b1 - b2*x - arctan(b3/(x-b4))/pi"},
        {"ENSO", "b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/12) + b5*cos(2*pi*x/b4) + b6*sin(2*pi*x/b4)"
                 " + b8*cos(2*pi*x/b7) + b9*sin(2*pi*x/b7)"},
        {"MGH09", "b1*(x^2 + x*b2)/(x^2 + x*b3 + b4)"},
        {"Thurber", "(b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + b7*x^3)"},
        {"BoxBOD", "b1*(1-exp(-b2*x))"},
        {"Rat42", "b1/(1+exp(b2-b3*x))"},
        {"MGH10", "b1*exp(b2/(x+b3))"},
        {"Eckerle4", "(b1/b2)*exp(-0.5*((x-b3)/b2)^2)"},
        {"Rat43", "b1/((1+exp(b2-b3*x))^(1/b4))"},
        {"Bennett5", "b1*(b2+x)^(-1/b3)"},
    };
    return table;
}

/// Higher-difficulty problems not tested from start 1, with the reason (see docs/NIST.md).
const std::map<std::string, const char*>& knownStart1Failures()
{
    static const std::map<std::string, const char*> table{
        {"MGH10", "diverges (b1 -> 0, b2 and b3 grow) until the iteration limit"},
        {"Rat43", "stops at b1 = 423.3 (RSS 2.3x the certified one) where no step decreases the objective"},
    };
    return table;
}

/// Certified RSS below this is rounding noise of the data (Lanczos1: 1.4e-25); then only
/// objective <= kNoiseRss is asserted, as 6 digits of it are not representable in the residuals.
constexpr double kNoiseRss = 1e-20;

QString dataPath(const QString& name)
{
    return QStringLiteral(SCALELAB_TEST_DATA_DIR "/nist/") + name + QStringLiteral(".dat");
}

} // namespace

class TestNistStrd : public QObject {
    Q_OBJECT

    /// The problem's model as a formula law with b1, b2, ... starting at start 1 or 2.
    static tl::expected<std::unique_ptr<core::FormulaLaw>, core::Error> makeLaw(const QString& problem,
                                                                              const nist::Problem& p, int start)
    {
        std::vector<std::pair<std::string, double>> params;
        for (std::size_t i = 0; i < p.certified.size(); ++i) {
            std::string name("b"); // not "b" + to_string(): GCC 12 -O3 warns falsely (-Wrestrict)
            name += std::to_string(i + 1);
            params.emplace_back(std::move(name), start == 1 ? p.start1[i] : p.start2[i]);
        }
        return core::FormulaLaw::create(models().at(problem.toStdString()), params);
    }

    /// The problem's data: y and x (Nelson: log y, x1 as x, x2 as N).
    static core::FitData makeData(const nist::Problem& p, bool nelson)
    {
        core::FitData data;
        const auto n = static_cast<Eigen::Index>(p.rows.size());
        data.x.resize(n);
        data.y.resize(n);
        if (nelson)
            data.N.resize(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto& row = p.rows[static_cast<std::size_t>(i)];
            data.y[i] = nelson ? std::log(row[0]) : row[0];
            data.x[i] = row[1];
            if (nelson)
                data.N[i] = row[2];
        }
        return data;
    }

private Q_SLOTS:
    void certifiedValues_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("start");
        const bool all = qEnvironmentVariableIntValue("SCALELAB_NIST_ALL") == 1;
        for (const auto& [key, formula] : models()) {
            const QString name = QString::fromStdString(key);
            const auto p = nist::readProblem(dataPath(name));
            QVERIFY2(p.has_value(), qPrintable(dataPath(name)));
            QTest::addRow("%s start 2", qPrintable(name)) << name << 2;
            const bool higher = p->difficulty == QLatin1String("Higher");
            if (all || !higher || !knownStart1Failures().count(key))
                QTest::addRow("%s start 1", qPrintable(name)) << name << 1;
        }
    }

    void certifiedValues()
    {
        QFETCH(QString, problem);
        QFETCH(int, start);
        const auto p = nist::readProblem(dataPath(problem));
        QVERIFY(p.has_value());
        const bool nelson = problem == QLatin1String("Nelson");

        auto law = makeLaw(problem, *p, start);
        QVERIFY2(law.has_value(), law ? "" : law.error().message.c_str());
        const core::FitData data = makeData(*p, nelson);
        core::FitRequest req;
        req.law = law->get();
        req.objective = core::Objective::Lsq;
        req.maxIterations = 1000;
        const auto r = core::fitLeastSquares(data, req);
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());

        double minLre = 15.0;
        QStringList perParam;
        for (std::size_t i = 0; i < p->certified.size(); ++i) {
            const double l = nist::lre(r->params[i], p->certified[i]);
            minLre = std::min(minLre, l);
            perParam << QString::number(l, 'f', 1);
        }
        const bool noiseRss = p->certifiedRss < kNoiseRss;
        const double rssLre = nist::lre(r->objective, p->certifiedRss);
        qInfo().noquote() << QStringLiteral("NIST|%1|%2|%3|start %4|min LRE %5|RSS LRE %6|%7 iterations|%8|LRE per parameter %9")
                                 .arg(problem, p->difficulty).arg(p->certified.size()).arg(start)
                                 .arg(minLre, 0, 'f', 1).arg(rssLre, 0, 'f', 1).arg(r->iterations)
                                 .arg(QString::fromStdString(r->termination), perParam.join(QLatin1Char(' ')));
        for (std::size_t i = 0; i < p->certified.size(); ++i)
            QVERIFY2(nist::lre(r->params[i], p->certified[i]) >= 6.0,
                     qPrintable(QStringLiteral("b%1 = %2, certified %3 (%4)").arg(i + 1)
                                    .arg(r->params[i], 0, 'g', 12).arg(p->certified[i], 0, 'g', 12)
                                    .arg(QString::fromStdString(r->termination))));
        if (noiseRss)
            QVERIFY2(r->objective <= kNoiseRss, qPrintable(QString::number(r->objective, 'g', 12)));
        else
            QVERIFY2(rssLre >= 6.0, qPrintable(QStringLiteral("RSS %1, certified %2")
                                                   .arg(r->objective, 0, 'g', 12).arg(p->certifiedRss, 0, 'g', 12)));
    }

    void multiStartRescuesStart1Failures_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("MGH10") << QStringLiteral("MGH10");
        QTest::newRow("Rat43") << QStringLiteral("Rat43");
    }

    void multiStartRescuesStart1Failures()
    {
        // The two higher-difficulty problems a single start 1 cannot solve (docs/NIST.md): start 1
        // plus 64 Latin-hypercube starts around it (core::fitLaw, --grid lhs:64) reach the
        // certified values and standard deviations.
        QFETCH(QString, problem);
        const auto p = nist::readProblem(dataPath(problem));
        QVERIFY(p.has_value());
        auto law = makeLaw(problem, *p, 1);
        QVERIFY(law.has_value());
        core::FitRequest req;
        req.law = law->get();
        req.objective = core::Objective::Lsq;
        req.maxIterations = 1000;
        req.grid = core::StartGrid::Lhs;
        req.lhsStarts = 64;
        const auto fit = core::fitLaw(makeData(*p, false), req);
        QVERIFY2(fit.has_value(), fit ? "" : fit.error().toString().c_str());
        qInfo("%s from start 1 + 64 LHS starts: %zu of %zu starts reached the best", qPrintable(problem),
              fit->stats.reachedBest, fit->stats.starts);
        for (std::size_t i = 0; i < p->certified.size(); ++i) {
            QVERIFY2(nist::lre(fit->result.params[i], p->certified[i]) >= 6.0, qPrintable(QString::number(i + 1)));
            QVERIFY2(nist::lre(fit->result.stderrs[i], p->certifiedSd[i]) >= 4.0, qPrintable(QString::number(i + 1)));
        }
        QVERIFY(nist::lre(fit->result.objective, p->certifiedRss) >= 6.0);
    }
};

QTEST_GUILESS_MAIN(TestNistStrd)
#include "tst_NistStrd.moc"
