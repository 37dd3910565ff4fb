// SPDX-License-Identifier: GPL-3.0-or-later
// `scalelab-cli optimal`: approach 3 from given parameters, from a fit's JSON with bootstrap
// samples, and from a file fitted on the spot; inference-aware budgets; usage errors.
#include "CliProcess.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>

namespace {

const QString kOptimal = QStringLiteral("optimal");
const QString kEpochParams = QStringLiteral("E=1.8172,A=482.01,B=2085.43,alpha=0.3478,beta=0.3658");

QJsonObject firstBudget(const CliProcess& r)
{
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("budgets")).toArray().at(0).toObject();
}

double rel(double a, double b)
{
    return std::abs(a / b - 1.0);
}

} // namespace

class TestCliOptimal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void epochParametersAtChinchillasBudget()
    {
        // Closed form with Epoch's parameters at C = 5.76e23 (computed independently with mpmath,
        // see tests/core/tst_ComputeOptimal.cpp): N = 72248702500.382214, D/N = 18.391244955314253,
        // loss 1.9744411083974122.
        const CliProcess r = CliProcess::run({kOptimal, QStringLiteral("--law"), QStringLiteral("chinchilla"),
                                              QStringLiteral("--params"), kEpochParams, QStringLiteral("--budget"),
                                              QStringLiteral("5.76e23"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value(QStringLiteral("flops_model")).toString(), QStringLiteral("6nd"));
        const QJsonObject b = firstBudget(r);
        QVERIFY(rel(b.value(QStringLiteral("N_opt")).toDouble(), 72248702500.382214) <= 1e-9);
        QVERIFY(rel(b.value(QStringLiteral("tokens_per_param")).toDouble(), 18.391244955314253) <= 1e-9);
        QVERIFY(rel(b.value(QStringLiteral("loss")).toDouble(), 1.9744411083974122) <= 1e-12);
        QVERIFY(!b.contains(QStringLiteral("ci95")));
        // The inverse: the smallest budget reaching loss 2 is 2.4748024472840414e23 (same source).
        const CliProcess t = CliProcess::run({kOptimal, QStringLiteral("--law"), QStringLiteral("chinchilla"),
                                              QStringLiteral("--params"), kEpochParams, QStringLiteral("--target-loss"),
                                              QStringLiteral("2"), QStringLiteral("--format=json")});
        QCOMPARE(t.exitCode, 0);
        QVERIFY(rel(firstBudget(t).value(QStringLiteral("C")).toDouble(), 2.4748024472840414e23) <= 1e-9);
    }

    void inferenceTokensShrinkTheModel()
    {
        const QStringList base{kOptimal, QStringLiteral("--law"), QStringLiteral("chinchilla"), QStringLiteral("--params"),
                               kEpochParams, QStringLiteral("--budget"), QStringLiteral("1e24"), QStringLiteral("--format=json")};
        const QJsonObject plain = firstBudget(CliProcess::run(base));
        const QJsonObject zero = firstBudget(CliProcess::run(base + QStringList{QStringLiteral("--inference-tokens"), QStringLiteral("0")}));
        QCOMPARE(zero.value(QStringLiteral("N_opt")).toDouble(), plain.value(QStringLiteral("N_opt")).toDouble());
        const QJsonObject served = firstBudget(CliProcess::run(base + QStringList{QStringLiteral("--inference-tokens"), QStringLiteral("5e12")}));
        QVERIFY(served.value(QStringLiteral("N_opt")).toDouble() < plain.value(QStringLiteral("N_opt")).toDouble());
        // The budget is training plus inference: C = 6 N D + 2 N D_inf.
        const double n = served.value(QStringLiteral("N_opt")).toDouble(), d = served.value(QStringLiteral("D_opt")).toDouble();
        QVERIFY(rel(6.0 * n * d + 2.0 * n * 5e12, 1e24) <= 1e-9);
        QVERIFY(rel(served.value(QStringLiteral("C")).toDouble(), 1e24) <= 1e-9);
    }

    void intervalsFromTheFitsBootstrap()
    {
        // Fit the exact losses of chinchilla_grid.csv with a bootstrap, save the JSON, allocate
        // from it: the intervals exist, bracket the estimate, and the file-fitted path agrees.
        QTemporaryDir dir;
        const QString fitJson = dir.filePath(QStringLiteral("fit.json"));
        const CliProcess f = CliProcess::run({QStringLiteral("fit"), CliProcess::fixture("chinchilla_grid.csv"),
                                              QStringLiteral("--law"), QStringLiteral("chinchilla"), QStringLiteral("--bootstrap"),
                                              QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("3"),
                                              QStringLiteral("--format=json")});
        QCOMPARE(f.exitCode, 0);
        QFile file(fitJson);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(f.out);
        file.close();
        const CliProcess r = CliProcess::run({kOptimal, QStringLiteral("--fit"), fitJson, QStringLiteral("--budget"),
                                              QStringLiteral("1e22"), QStringLiteral("--format=json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject b = firstBudget(r);
        const QJsonObject ci = b.value(QStringLiteral("ci95")).toObject();
        QCOMPARE(ci.value(QStringLiteral("draws")).toInt(), 40);
        const QJsonArray n = ci.value(QStringLiteral("N_opt")).toArray();
        const double nOpt = b.value(QStringLiteral("N_opt")).toDouble();
        QVERIFY(n.at(0).toDouble() <= nOpt * (1 + 1e-9) && nOpt <= n.at(1).toDouble() * (1 + 1e-9));
        // The data are exact, so every resample gives the generating law: a collapsed interval.
        QVERIFY(rel(n.at(0).toDouble(), nOpt) <= 1e-6 && rel(n.at(1).toDouble(), nOpt) <= 1e-6);
        const CliProcess direct = CliProcess::run({kOptimal, CliProcess::fixture("chinchilla_grid.csv"), QStringLiteral("--law"),
                                                   QStringLiteral("chinchilla"), QStringLiteral("--budget"), QStringLiteral("1e22"),
                                                   QStringLiteral("--format=json")});
        QCOMPARE(direct.exitCode, 0);
        QVERIFY(rel(firstBudget(direct).value(QStringLiteral("N_opt")).toDouble(), nOpt) <= 1e-6);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString law = QStringLiteral("--law"), params = QStringLiteral("--params");
        QTest::newRow("no budget") << QStringList{kOptimal, law, QStringLiteral("chinchilla"), params, kEpochParams}
                                   << QStringLiteral("give --budget C");
        QTest::newRow("two sources") << QStringList{kOptimal, CliProcess::fixture("chinchilla_grid.csv"), law, QStringLiteral("chinchilla"),
                                                    params, kEpochParams, QStringLiteral("--budget"), QStringLiteral("1e22")}
                                     << QStringLiteral("exactly one of FILE");
        QTest::newRow("bad budget") << QStringList{kOptimal, law, QStringLiteral("chinchilla"), params, kEpochParams,
                                                   QStringLiteral("--budget"), QStringLiteral("-1")}
                                    << QStringLiteral("--budget: expected a number > 0");
        QTest::newRow("flops") << QStringList{kOptimal, law, QStringLiteral("chinchilla"), params, kEpochParams,
                                              QStringLiteral("--budget"), QStringLiteral("1e22"), QStringLiteral("--flops"), QStringLiteral("kaplan")}
                               << QStringLiteral("approach 3 allocates along C = 6ND");
        QTest::newRow("one-variable law") << QStringList{kOptimal, law, QStringLiteral("power"), params, QStringLiteral("E=1,A=2,alpha=0.3"),
                                                         QStringLiteral("--budget"), QStringLiteral("1e22")}
                                          << QStringLiteral("--law");
        QTest::newRow("unreachable loss") << QStringList{kOptimal, law, QStringLiteral("chinchilla"), params, kEpochParams,
                                                         QStringLiteral("--target-loss"), QStringLiteral("1.5")}
                                          << QStringLiteral("--target-loss");
        QTest::newRow("budget on fit") << QStringList{QStringLiteral("fit"), CliProcess::fixture("chinchilla_grid.csv"), law,
                                                      QStringLiteral("chinchilla"), QStringLiteral("--budget"), QStringLiteral("1e22")}
                                       << QStringLiteral("belong to the optimal command");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QByteArray err;
        QVERIFY2(CliProcess::failsWith(args, message, &err), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliOptimal)
#include "tst_CliOptimal.moc"
