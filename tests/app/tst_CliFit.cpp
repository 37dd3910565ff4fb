// SPDX-License-Identifier: GPL-3.0-or-later
// `scalelab-cli fit` options of the issue-3 contract: user formulas (NIST certified values),
// ties, bounds, Latin-hypercube starts, bootstrap intervals, the holdout check, weights, and
// usage errors.
#include "CliProcess.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

QJsonObject json(const CliProcess& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

double param(const QJsonObject& j, const char* key, const char* name)
{
    return j.value(QLatin1String(key)).toObject().value(QLatin1String(name)).toDouble();
}

const QString kFit = QStringLiteral("fit");
const QString kLaw = QStringLiteral("--law");
const QString kJson = QStringLiteral("--format=json");

} // namespace

class TestCliFit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formulaReproducesNistCertifiedValues()
    {
        // NIST StRD Misra1a from start 1 (b1 = 500, b2 = 1e-4): certified b1 = 2.3894212918E+02
        // (sd 2.7070075241E+00), b2 = 5.5015643181E-04 (sd 7.2668688436E-06).
        const CliProcess r = CliProcess::run({kFit, CliProcess::fixture("misra1a.csv"), kLaw, QStringLiteral("formula"),
                                              QStringLiteral("--formula"), QStringLiteral("b1*(1-exp(-b2*x))"),
                                              QStringLiteral("--start"), QStringLiteral("b1=500,b2=0.0001"),
                                              QStringLiteral("--grid"), QStringLiteral("none"), kJson});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = json(r);
        QCOMPARE(j.value(QStringLiteral("n_points")).toInt(), 14);
        QVERIFY(std::abs(param(j, "params", "b1") / 2.3894212918E+02 - 1.0) <= 1e-8);
        QVERIFY(std::abs(param(j, "params", "b2") / 5.5015643181E-04 - 1.0) <= 1e-8);
        QVERIFY(std::abs(param(j, "stderr", "b1") / 2.7070075241E+00 - 1.0) <= 1e-6);
        QVERIFY(std::abs(param(j, "stderr", "b2") / 7.2668688436E-06 - 1.0) <= 1e-6);
        QVERIFY(j.value(QStringLiteral("settings")).toObject().value(QStringLiteral("objective")).toString()
                    .startsWith(QLatin1String("lsq,")));
        // The same problem from 20 Latin-hypercube starts: every start reaches the certified optimum.
        const CliProcess l = CliProcess::run({kFit, CliProcess::fixture("misra1a.csv"), kLaw, QStringLiteral("formula"),
                                              QStringLiteral("--formula"), QStringLiteral("b1*(1-exp(-b2*x))"),
                                              QStringLiteral("--start"), QStringLiteral("b1=500,b2=0.0001"),
                                              QStringLiteral("--grid"), QStringLiteral("lhs:20"), kJson});
        QCOMPARE(l.exitCode, 0);
        const QJsonObject lj = json(l);
        QCOMPARE(lj.value(QStringLiteral("starts")).toInt(), 21);
        QVERIFY(lj.value(QStringLiteral("best_hits")).toInt() >= 1);
        QVERIFY(std::abs(param(lj, "params", "b1") / 2.3894212918E+02 - 1.0) <= 1e-8);
    }

    void tiesBoundsAndFixesAreHonoured()
    {
        const QString grid = CliProcess::fixture("chinchilla_grid.csv");
        CliProcess r = CliProcess::run({kFit, grid, kLaw, QStringLiteral("chinchilla"), QStringLiteral("--tie"),
                                        QStringLiteral("beta=alpha"), kJson});
        QVERIFY(r.exitCode == 0 || r.exitCode == 1);
        QJsonObject j = json(r);
        QCOMPARE(param(j, "params", "alpha"), param(j, "params", "beta"));
        r = CliProcess::run({kFit, grid, kLaw, QStringLiteral("chinchilla"), QStringLiteral("--bounds"),
                             QStringLiteral("alpha=0.5:1"), QStringLiteral("--fix"), QStringLiteral("E=1.9"), kJson});
        j = json(r);
        QVERIFY(param(j, "params", "alpha") >= 0.5);
        QCOMPARE(param(j, "params", "E"), 1.9);
        bool warned = false;
        for (const auto& w : j.value(QStringLiteral("warnings")).toArray())
            warned = warned || w.toString().contains(QLatin1String("alpha is at its lower bound 0.5"));
        QVERIFY(warned);
    }

    void weightsComeFromAColumn()
    {
        // weighted.csv: losses 1, 2, 4, 8 with weights 1, 1, 1, 5 in column w. The power law held
        // at a constant (A = 0) fitted by least squares on log loss is the weighted mean of log y:
        // E = exp((0 + ln 2 + ln 4 + 5 ln 8) / 8) = 2^(18/8).
        const CliProcess r = CliProcess::run({kFit, CliProcess::fixture("weighted.csv"), kLaw, QStringLiteral("power"),
                                              QStringLiteral("--fix"), QStringLiteral("A=0,alpha=0.5"), QStringLiteral("--weights"),
                                              QStringLiteral("w"), QStringLiteral("--grid"), QStringLiteral("none"), kJson});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = json(r);
        QVERIFY(std::abs(param(j, "params", "E") / std::pow(2.0, 18.0 / 8.0) - 1.0) <= 1e-9);
        QCOMPARE(j.value(QStringLiteral("settings")).toObject().value(QStringLiteral("weights")).toString(), QStringLiteral("w"));
    }

    void bootstrapAndHoldoutReport()
    {
        // chinchilla_grid.csv holds exact Chinchilla losses (E 1.8172, A 482.01, B 2085.43,
        // alpha 0.3478, beta 0.3658) for N from 1e8 to 1e10: resampled fits all land on them, and a
        // fit to the runs with N <= 1e9 predicts the rest exactly.
        const CliProcess r = CliProcess::run({kFit, CliProcess::fixture("chinchilla_grid.csv"), kLaw,
                                              QStringLiteral("chinchilla"), QStringLiteral("--bootstrap"), QStringLiteral("30"),
                                              QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--holdout-above"),
                                              QStringLiteral("N=1e9"), kJson});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = json(r);
        const QJsonObject ci = j.value(QStringLiteral("ci95")).toObject();
        for (const char* name : {"E", "A", "B", "alpha", "beta", "a", "b", "G"})
            QVERIFY2(ci.value(QLatin1String(name)).toArray().size() == 2, name);
        const QJsonObject boot = j.value(QStringLiteral("bootstrap")).toObject();
        QCOMPARE(boot.value(QStringLiteral("names")).toArray().size(), 8);
        const QJsonArray samples = boot.value(QStringLiteral("samples")).toArray();
        QCOMPARE(samples.size(), 30 - boot.value(QStringLiteral("failed")).toInt());
        QCOMPARE(samples.at(0).toArray().size(), 8);
        const QJsonArray alpha = ci.value(QStringLiteral("alpha")).toArray();
        QVERIFY(std::abs(alpha.at(0).toDouble() - 0.3478) <= 1e-6 && std::abs(alpha.at(1).toDouble() - 0.3478) <= 1e-6);
        // a = beta / (alpha + beta) = 0.3658 / 0.7136
        QVERIFY(std::abs(param(j, "derived", "a") - 0.3658 / 0.7136) <= 1e-6);
        const QJsonObject h = j.value(QStringLiteral("holdout")).toObject();
        QVERIFY(h.value(QStringLiteral("held_out")).toInt() > 0);
        QVERIFY(h.value(QStringLiteral("max_abs_rel_error")).toDouble() <= 1e-6);
        // Without --bootstrap there is no ci95.
        const CliProcess plain = CliProcess::run({kFit, CliProcess::fixture("chinchilla_grid.csv"), kLaw,
                                                  QStringLiteral("power"), kJson});
        QVERIFY(!json(plain).contains(QStringLiteral("ci95")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString f = CliProcess::fixture("chinchilla_grid.csv");
        const QString chin = QStringLiteral("chinchilla");
        QTest::newRow("bounds") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--bounds"), QStringLiteral("alpha=1:0.5")}
                                << QStringLiteral("--bounds: alpha=1:0.5: the low end must be below the high end");
        QTest::newRow("tie") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--tie"), QStringLiteral("beta")}
                             << QStringLiteral("--tie: expected follower=leader");
        QTest::newRow("tie name") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--tie"), QStringLiteral("beta=gamma")}
                                  << QStringLiteral("law chinchilla has no parameter 'gamma'");
        QTest::newRow("lhs") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--grid"), QStringLiteral("lhs:0")}
                             << QStringLiteral("--grid lhs:K: K must be a whole number");
        QTest::newRow("grid law") << QStringList{kFit, f, kLaw, QStringLiteral("power"), QStringLiteral("--grid"), chin}
                                  << QStringLiteral("the chinchilla grid is for --law chinchilla only");
        QTest::newRow("delta") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--delta"), QStringLiteral("-1")}
                               << QStringLiteral("--delta: expected a number > 0");
        QTest::newRow("penalty") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--overestimate-penalty"), QStringLiteral("0.5")}
                                 << QStringLiteral("--overestimate-penalty: expected a number >= 1");
        QTest::newRow("weights column") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--weights"), QStringLiteral("nope")}
                                        << QStringLiteral("has no column 'nope'");
        QTest::newRow("formula without law") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--formula"), QStringLiteral("a*x")}
                                             << QStringLiteral("--formula needs --law formula");
        QTest::newRow("formula without expression") << QStringList{kFit, f, kLaw, QStringLiteral("formula")}
                                                    << QStringLiteral("--law formula needs --formula EXPR");
        QTest::newRow("formula columns") << QStringList{kFit, f, kLaw, QStringLiteral("formula"), QStringLiteral("--formula"),
                                                        QStringLiteral("a*x"), QStringLiteral("--start"), QStringLiteral("a=1")}
                                         << QStringLiteral("no column called 'x'");
        QTest::newRow("holdout") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--holdout-above"), QStringLiteral("N=1")}
                                 << QStringLiteral("leaves 0 points to fit");
        QTest::newRow("bootstrap") << QStringList{kFit, f, kLaw, chin, QStringLiteral("--bootstrap"), QStringLiteral("x")}
                                   << QStringLiteral("--bootstrap: expected a whole number");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QByteArray err;
        QVERIFY2(CliProcess::failsWith(args, message, &err), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliFit)
#include "tst_CliFit.moc"
