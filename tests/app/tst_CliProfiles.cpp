// SPDX-License-Identifier: GPL-3.0-or-later
// `scalelab-cli isoflop` (approach 2) and `envelope` (approach 1) as scripts use them: the
// acceptance data's vertices against numpy's, the envelope of exact curves against the closed
// form, FLOP models, usage errors.
#include "CliProcess.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

class TestCliProfiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isoflopMatchesNumpyVertices()
    {
        // tests/data/alloc/isoflop_expected.csv: numpy.polyfit(ln N, loss, 2) per budget on the same
        // rows (script beside it), experiment ml_scalefit__massivetext__chinchilla, outlier False.
        const QString data = CliProcess::shared("openathena-isoflops/transform/isoflops.csv");
        if (data.isEmpty())
            QSKIP("../shared/data/openathena-isoflops is absent");
        const CliProcess r = CliProcess::run({QStringLiteral("isoflop"), data, QStringLiteral("--where"),
                                              QStringLiteral("experiment=ml_scalefit__massivetext__chinchilla"),
                                              QStringLiteral("--where"), QStringLiteral("outlier=False"),
                                              QStringLiteral("--format=json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        const QJsonArray budgets = j.value(QStringLiteral("budgets")).toArray();
        QFile expected(QStringLiteral(SCALELAB_TEST_DATA_DIR "/alloc/isoflop_expected.csv"));
        QVERIFY(expected.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(expected.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(budgets.size(), lines.size() - 1);
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList f = lines[i].split(QLatin1Char(','));
            const QJsonObject b = budgets.at(i - 1).toObject();
            QCOMPARE(b.value(QStringLiteral("C")).toDouble(), f[0].toDouble());
            QCOMPARE(b.value(QStringLiteral("points")).toInt(), f[1].toInt());
            QVERIFY(std::abs(b.value(QStringLiteral("N_opt")).toDouble() / f[6].toDouble() - 1.0) <= 1e-9);
            QVERIFY(std::abs(b.value(QStringLiteral("loss")).toDouble() / f[8].toDouble() - 1.0) <= 1e-9);
        }
        // b = 1 - a, since D_opt = C / (6 N_opt).
        QVERIFY(std::abs(j.value(QStringLiteral("a")).toDouble() + j.value(QStringLiteral("b")).toDouble() - 1.0) <= 1e-12);
    }

    void optimalComparesTheApproaches()
    {
        // optimal FILE puts approach 3 (the fit) beside approach 2 (the same numbers as the
        // isoflop command) and says why approach 1 is unavailable (final losses only).
        const QString data = CliProcess::shared("openathena-isoflops/transform/isoflops.csv");
        if (data.isEmpty())
            QSKIP("../shared/data/openathena-isoflops is absent");
        const QStringList where{QStringLiteral("--where"), QStringLiteral("experiment=ml_scalefit__massivetext__chinchilla"),
                                QStringLiteral("--where"), QStringLiteral("outlier=False")};
        const CliProcess opt = CliProcess::run(QStringList{QStringLiteral("optimal"), data} + where
                                               + QStringList{QStringLiteral("--law"), QStringLiteral("chinchilla"),
                                                             QStringLiteral("--budget"), QStringLiteral("1e21"),
                                                             QStringLiteral("--format=json")});
        QCOMPARE(opt.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(opt.out).object();
        const QJsonArray approaches = j.value(QStringLiteral("approaches")).toArray();
        QCOMPARE(approaches.size(), 3);
        const CliProcess iso = CliProcess::run(QStringList{QStringLiteral("isoflop"), data} + where
                                               + QStringList{QStringLiteral("--format=json")});
        const double isoA = QJsonDocument::fromJson(iso.out).object().value(QStringLiteral("a")).toDouble();
        QCOMPARE(approaches.at(1).toObject().value(QStringLiteral("a")).toDouble(), isoA);
        // Approach 3's a is the fit's derived a = beta / (alpha + beta).
        const QJsonObject p = j.value(QStringLiteral("params")).toObject();
        const double a3 = p.value(QStringLiteral("beta")).toDouble()
                          / (p.value(QStringLiteral("alpha")).toDouble() + p.value(QStringLiteral("beta")).toDouble());
        QVERIFY(std::abs(approaches.at(0).toObject().value(QStringLiteral("a")).toDouble() - a3) <= 1e-12);
        QVERIFY(approaches.at(2).toObject().value(QStringLiteral("unavailable")).toString().contains(QLatin1String("no training curves")));
        QVERIFY(j.value(QStringLiteral("N_opt_spread")).toArray().at(0).toDouble() >= 1.0);
    }

    void envelopeFollowsTheClosedForm()
    {
        // curves_chinchilla.csv: 8 sizes from 1e7 to 1e9, 30 log-spaced points each from 0.1 to
        // 316 tokens per parameter, exact losses of L = 1.8172 + 482.01/N^0.3478 + 2085.43/D^0.3658.
        // Between C = 1.5e17 and 1.3e19 the closed-form N_opt runs from 3e7 to 3e8, inside the sizes
        // trained, so the envelope's exponent approaches a = beta/(alpha+beta) = 0.51261; with sizes
        // a factor 1.93 apart the envelope is a staircase, so allow 0.03.
        const CliProcess r = CliProcess::run({QStringLiteral("envelope"), CliProcess::fixture("curves_chinchilla.csv"),
                                              QStringLiteral("--min-c"), QStringLiteral("1.5e17"), QStringLiteral("--max-c"),
                                              QStringLiteral("1.3e19"), QStringLiteral("--format=json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(std::abs(j.value(QStringLiteral("a")).toDouble() - 0.3658 / (0.3478 + 0.3658)) <= 0.03,
                 qPrintable(QString::number(j.value(QStringLiteral("a")).toDouble())));
        const QJsonArray points = j.value(QStringLiteral("budgets")).toArray();
        QVERIFY(points.size() >= 30);
        for (const auto& p : points) {
            const QJsonObject o = p.toObject();
            // D = C / (6N) at every point.
            QVERIFY(std::abs(6.0 * o.value(QStringLiteral("N_opt")).toDouble() * o.value(QStringLiteral("D_opt")).toDouble()
                             / o.value(QStringLiteral("C")).toDouble() - 1.0) <= 1e-9);
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString curves = CliProcess::fixture("curves_chinchilla.csv");
        QTest::newRow("flops columns") << QStringList{QStringLiteral("isoflop"), CliProcess::fixture("chinchilla_grid.csv"),
                                                      QStringLiteral("--flops"), QStringLiteral("kaplan")}
                                       << QStringLiteral("d_model");
        QTest::newRow("unknown flops") << QStringList{QStringLiteral("envelope"), curves, QStringLiteral("--flops"), QStringLiteral("9nd")}
                                       << QStringLiteral("--flops: expected 6nd, kaplan or chinchilla");
        QTest::newRow("vertex on envelope") << QStringList{QStringLiteral("envelope"), curves, QStringLiteral("--vertex"), QStringLiteral("spline")}
                                            << QStringLiteral("belong to the isoflop command");
        QTest::newRow("ema on isoflop") << QStringList{QStringLiteral("isoflop"), curves, QStringLiteral("--ema"), QStringLiteral("0.5")}
                                        << QStringLiteral("belong to the envelope command");
        QTest::newRow("budget") << QStringList{QStringLiteral("isoflop"), curves, QStringLiteral("--budget"), QStringLiteral("1e20")}
                                << QStringLiteral("only --flops applies");
        QTest::newRow("bad ema") << QStringList{QStringLiteral("envelope"), curves, QStringLiteral("--ema"), QStringLiteral("1.5")}
                                 << QStringLiteral("--ema");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QByteArray err;
        QVERIFY2(CliProcess::failsWith(args, message, &err), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_CliProfiles.moc"
