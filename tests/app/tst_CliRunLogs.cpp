// SPDX-License-Identifier: GPL-3.0-or-later
// scalelab-cli on run logs and folders (issue 6, item 9): info lists the runs with N, tokens and
// joined attributes; tokens per step from --tokens-per-step or --batch-size × --seq-len; usage and
// input errors exit 2 naming the option; and fit on a folder of per-run JSON files recovers the
// Chinchilla law that generated their losses.
#include "CliProcess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdio>

namespace {

const QString kSeeds = QStringLiteral(SCALELAB_TEST_DATA_DIR "/logs/folder-seeds");

QJsonObject runNamed(const QJsonArray& runs, const QString& name)
{
    for (const QJsonValue& v : runs)
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliRunLogs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void infoOnAFolderWithJoinAndTokensPerStep()
    {
        const CliProcess r = CliProcess::run({QStringLiteral("info"), kSeeds, QStringLiteral("--tokens-per-step"),
                                              QStringLiteral("2097152"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("folder"));
        QCOMPARE(j.value(QStringLiteral("runs")).toInt(), 3);
        QCOMPARE(j.value(QStringLiteral("points")).toInt(), 12);
        const QJsonArray runs = j.value(QStringLiteral("run_list")).toArray();
        const QJsonObject b = runNamed(runs, QStringLiteral("14m-seed2"));
        QCOMPARE(b.value(QStringLiteral("N")).toDouble(), 1.4e7);
        QCOMPARE(b.value(QStringLiteral("D")).toDouble(), 4 * 2097152.0);
        QCOMPARE(b.value(QStringLiteral("C")).toDouble(), 6 * 1.4e7 * 4 * 2097152.0);
        QCOMPARE(b.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("seed")).toDouble(), 2.0);
        QCOMPARE(j.value(QStringLiteral("roles")).toObject().value(QStringLiteral("loss")).toString(),
                 QStringLiteral("train/lm_loss"));
        // The same tokens from batch × sequence length.
        const CliProcess bs = CliProcess::run({QStringLiteral("info"), kSeeds, QStringLiteral("--batch-size"),
                                               QStringLiteral("1024"), QStringLiteral("--seq-len"), QStringLiteral("2048"),
                                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(bs.exitCode, 0);
        const QJsonArray runs2 = QJsonDocument::fromJson(bs.out).object().value(QStringLiteral("run_list")).toArray();
        QCOMPARE(runNamed(runs2, QStringLiteral("14m-seed2")).value(QStringLiteral("D")).toDouble(), 4 * 2097152.0);
        // Text output lists the runs.
        const CliProcess text = CliProcess::run({QStringLiteral("info"), kSeeds});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("70m-seed1: N 70M"), text.out.constData());
    }

    void usageAndInputErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("batch without seq len") << QStringList{QStringLiteral("--batch-size"), QStringLiteral("8")}
                                               << QStringLiteral("--batch-size needs --seq-len");
        QTest::newRow("both token options")
            << QStringList{QStringLiteral("--batch-size"), QStringLiteral("8"), QStringLiteral("--seq-len"),
                           QStringLiteral("4"), QStringLiteral("--tokens-per-step"), QStringLiteral("32")}
            << QStringLiteral("either --tokens-per-step");
        QTest::newRow("negative tokens") << QStringList{QStringLiteral("--tokens-per-step"), QStringLiteral("-1")}
                                         << QStringLiteral("--tokens-per-step: expected a positive number");
        QTest::newRow("key role") << QStringList{QStringLiteral("--key"), QStringLiteral("loss=x")}
                                  << QStringLiteral("--key: the role must be N, D, C, budget or unique_tokens");
        QTest::newRow("key form") << QStringList{QStringLiteral("--key"), QStringLiteral("model_size")}
                                  << QStringLiteral("--key: expected ROLE=KEY");
        QTest::newRow("unknown metric") << QStringList{QStringLiteral("--metric"), QStringLiteral("val/loss")}
                                        << QStringLiteral("no run logs a metric named 'val/loss'; metrics logged: train/lm_loss");
        QTest::newRow("unknown key") << QStringList{QStringLiteral("--key"), QStringLiteral("N=n_layers")}
                                     << QStringLiteral("no run has a parameter 'n_layers' (for N)");
        QTest::newRow("bad pattern") << QStringList{QStringLiteral("--name-pattern"), QStringLiteral("(?<N>[0-9")}
                                     << QStringLiteral("--name-pattern");
    }

    void usageAndInputErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QByteArray err;
        QVERIFY2(CliProcess::failsWith(QStringList{QStringLiteral("info"), kSeeds} + args, message, &err), err.constData());
    }

    void fitOnAFolderOfPerRunJsonRecoversTheLaw()
    {
        // 30 runs in per-run JSON files (hyperparameters.params, hyperparameters.tokens and a
        // c4_val result), their losses from the Chinchilla law with Epoch's parameters.
        const double E = 1.8172, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658;
        QTemporaryDir dir;
        const double Ns[] = {4e7, 1e8, 2.5e8, 6e8, 1.5e9, 4e9};
        const double Ds[] = {1e9, 4e9, 1.6e10, 6.4e10, 2.56e11};
        int k = 0;
        for (double N : Ns)
            for (double D : Ds) {
                const double loss = E + A / std::pow(N, alpha) + B / std::pow(D, beta);
                char json[512];
                std::snprintf(json, sizeof json,
                              R"({"name": "run-%d", "hyperparameters": {"params": %.17g, "tokens": %.17g},)"
                              R"( "results": [{"loss": 9.0, "val_data": ["data/openlm/s.tar"]},)"
                              R"( {"loss": %.17g, "val_data": ["data/c4_val/s.tar"]}]})",
                              k, N, D, loss);
                QFile f(dir.filePath(QStringLiteral("run-%1.json").arg(k++)));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(json);
            }
        const CliProcess r = CliProcess::run({QStringLiteral("fit"), dir.path(), QStringLiteral("--law"),
                                              QStringLiteral("chinchilla"), QStringLiteral("--metric"),
                                              QStringLiteral("results[c4_val].loss"), QStringLiteral("--format"),
                                              QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value(QStringLiteral("n_points")).toInt(), 30);
        const QJsonObject p = j.value(QStringLiteral("params")).toObject();
        const std::pair<const char*, double> truth[] = {{"E", E}, {"A", A}, {"B", B}, {"alpha", alpha}, {"beta", beta}};
        for (const auto& [name, value] : truth)
            QVERIFY2(qAbs(p.value(QLatin1String(name)).toDouble() - value) <= 1e-6 * value, name);
        QCOMPARE(j.value(QStringLiteral("conventions")).toObject().value(QStringLiteral("parameter_count")).toString(),
                 QStringLiteral("as given in 'hyperparameters.params'"));
    }
};

QTEST_GUILESS_MAIN(TestCliRunLogs)
#include "tst_CliRunLogs.moc"
