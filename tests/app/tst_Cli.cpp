// SPDX-License-Identifier: GPL-3.0-or-later
// scalelab-cli as a script would use it: exit codes, messages, and the JSON of `info`.
#include "CliProcess.h"

#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

class TestCli : public QObject {
    Q_OBJECT

    using Result = CliProcess;

    static Result run(const QStringList& args) { return CliProcess::run(args); }
    static QString fixture(const char* name) { return CliProcess::fixture(name); }
    static QString shared(const char* path) { return CliProcess::shared(path); }

    static QJsonObject infoJson(const QStringList& args)
    {
        const Result r = run(QStringList{QStringLiteral("info")} + args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        if (r.exitCode != 0)
            qWarning("stderr: %s", r.err.constData());
        QJsonParseError e;
        const auto doc = QJsonDocument::fromJson(r.out, &e);
        return doc.object();
    }

    static void compareRange(const QJsonObject& ranges, const char* role, double lo, double hi)
    {
        const QJsonArray a = ranges.value(QLatin1String(role)).toArray();
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).toDouble(), lo);
        QCOMPARE(a.at(1).toDouble(), hi);
    }

private Q_SLOTS:
    void helpAndVersion()
    {
        Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: scalelab-cli"));
        QVERIFY(r.out.contains("--run-key"));
        r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("scalelab-cli " SCALELAB_VERSION));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("no file") << QStringList{QStringLiteral("info")} << QStringLiteral("missing FILE");
        QTest::newRow("bad format") << QStringList{QStringLiteral("info"), fixture("final_loss.csv"), QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QStringLiteral("expected text or json");
        QTest::newRow("bad role") << QStringList{QStringLiteral("info"), fixture("final_loss.csv"), QStringLiteral("--columns"), QStringLiteral("X=params")}
                                  << QStringLiteral("unknown role 'X'");
        QTest::newRow("bad where") << QStringList{QStringLiteral("info"), fixture("final_loss.csv"), QStringLiteral("--where"), QStringLiteral("novalue")}
                                   << QStringLiteral("COLUMN=VALUE");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--frobnicate")} << QStringLiteral("unknown option");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void badInputNamesFileLineColumn()
    {
        Result r = run({QStringLiteral("info"), fixture("text_in_number.csv")});
        QCOMPARE(r.exitCode, 2);
        // Line 3, column 7 is where "oops" starts in "b,1e9,oops,3.1".
        QVERIFY2(r.err.contains("text_in_number.csv:3:7:"), r.err.constData());
        QVERIFY(r.err.contains("oops"));
        r = run({QStringLiteral("info"), QStringLiteral("/nonexistent/runs.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("/nonexistent/runs.csv"), r.err.constData());
    }

    void infoJsonOnFinalLossTable()
    {
        const QJsonObject j = infoJson({fixture("final_loss.csv")});
        QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
        QCOMPARE(j.value(QStringLiteral("runs")).toInt(), 5);
        QCOMPARE(j.value(QStringLiteral("points")).toInt(), 5);
        QCOMPARE(j.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("loss")).toInt(), 5);
        const QJsonObject roles = j.value(QStringLiteral("roles")).toObject();
        QCOMPARE(roles.value(QStringLiteral("N")).toString(), QStringLiteral("params"));
        QCOMPARE(roles.value(QStringLiteral("D")).toString(), QStringLiteral("tokens"));
        QCOMPARE(roles.value(QStringLiteral("loss")).toString(), QStringLiteral("loss"));
        QCOMPARE(roles.value(QStringLiteral("run")).toString(), QStringLiteral("run"));
        QCOMPARE(j.value(QStringLiteral("derived")).toObject().value(QStringLiteral("C")).toString(), QStringLiteral("6ND"));
        const QJsonObject ranges = j.value(QStringLiteral("ranges")).toObject();
        compareRange(ranges, "N", 1e8, 2e9);          // N = 0 of run d is not a valid log value
        compareRange(ranges, "D", 1e9, 4e10);
        compareRange(ranges, "C", 6 * 1e8 * 2e9, 6 * 2e9 * 4e10);
        compareRange(ranges, "loss", 2.8, 4.0);
        const QJsonObject left = j.value(QStringLiteral("left_out")).toObject();
        QCOMPARE(left.value(QStringLiteral("count")).toInt(), 2);
        const QJsonArray rows = left.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("line")).toInt(), 5);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("run")).toString(), QStringLiteral("d"));
        QVERIFY(rows.at(0).toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("N")));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("line")).toInt(), 6);
        QVERIFY(rows.at(1).toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("NaN")));
    }

    void infoTextMentionsLeftOutRows()
    {
        const Result r = run({QStringLiteral("info"), fixture("final_loss.csv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("runs:     5"));
        QVERIFY(r.out.contains("left out: 2 rows"));
        QVERIFY(r.out.contains("line 6 (run e)"));
    }

    void explicitColumnsRepeatAndComma()
    {
        // The two spellings of --columns give the same mapping.
        const QJsonObject a = infoJson({fixture("final_loss.csv"), QStringLiteral("--columns"), QStringLiteral("N=params,D=tokens")});
        const QJsonObject b = infoJson({fixture("final_loss.csv"), QStringLiteral("--columns"), QStringLiteral("N=params"),
                                        QStringLiteral("--columns"), QStringLiteral("D=tokens")});
        QCOMPARE(a.value(QStringLiteral("roles")), b.value(QStringLiteral("roles")));
        QCOMPARE(a.value(QStringLiteral("roles")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("params"));
    }

    void fitRecoversTheLawThatMadeTheData()
    {
        // 30 final losses computed from Epoch's parameters with Python (17 digits): the fit from
        // Hoffmann's published start recovers them.
        const Result r = run({QStringLiteral("fit"), fixture("chinchilla_grid.csv"), QStringLiteral("--law"),
                              QStringLiteral("chinchilla"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value(QStringLiteral("law")).toString(), QStringLiteral("chinchilla"));
        QCOMPARE(j.value(QStringLiteral("converged")).toBool(), true);
        QCOMPARE(j.value(QStringLiteral("n_points")).toInt(), 30);
        const QJsonObject p = j.value(QStringLiteral("params")).toObject();
        const std::pair<const char*, double> truth[] = {
            {"E", 1.8172}, {"A", 482.01}, {"B", 2085.43}, {"alpha", 0.3478}, {"beta", 0.3658}};
        for (const auto& [name, value] : truth)
            QVERIFY2(qAbs(p.value(QLatin1String(name)).toDouble() - value) <= 1e-6 * value, name);
        QVERIFY(j.value(QStringLiteral("settings")).toObject().value(QStringLiteral("objective")).toString()
                    .startsWith(QLatin1String("lsq-log")));
        QCOMPARE(j.value(QStringLiteral("conventions")).toObject().value(QStringLiteral("derived_C")).toString(),
                 QStringLiteral("6ND"));
        QVERIFY(j.value(QStringLiteral("r2_log")).toDouble() > 0.999999);
    }

    void huberFitOnHoffmannsGrid()
    {
        // The same 30 exact losses, Chinchilla's own method: summed Huber (delta 1e-3) on log loss
        // from Hoffmann's 4,500 starts; the best start sits on the generating parameters.
        const Result r = run({QStringLiteral("fit"), fixture("chinchilla_grid.csv"), QStringLiteral("--law"),
                              QStringLiteral("chinchilla"), QStringLiteral("--objective"), QStringLiteral("huber-log"),
                              QStringLiteral("--grid"), QStringLiteral("chinchilla"), QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value(QStringLiteral("starts")).toInt(), 4500);
        QVERIFY(j.value(QStringLiteral("best_hits")).toInt() >= 1);
        QVERIFY(!j.value(QStringLiteral("optima")).toArray().isEmpty());
        const QJsonObject p = j.value(QStringLiteral("params")).toObject();
        const std::pair<const char*, double> truth[] = {
            {"E", 1.8172}, {"A", 482.01}, {"B", 2085.43}, {"alpha", 0.3478}, {"beta", 0.3658}};
        for (const auto& [name, value] : truth)
            QVERIFY2(qAbs(p.value(QLatin1String(name)).toDouble() - value) <= 1e-5 * value,
                     qPrintable(QStringLiteral("%1 = %2").arg(QLatin1String(name)).arg(p.value(QLatin1String(name)).toDouble(), 0, 'g', 12)));
        QVERIFY(j.value(QStringLiteral("settings")).toObject().value(QStringLiteral("objective")).toString()
                    .startsWith(QLatin1String("huber-log")));
        // Goodness of fit is reported for Huber fits too (in log loss); AIC/BIC are least-squares only.
        QVERIFY(j.value(QStringLiteral("r2_log")).toDouble() > 0.999999);
        QVERIFY(j.value(QStringLiteral("aic")).isNull());
        // Variable projection (the default grid) lands on the same parameters.
        const Result vp = run({QStringLiteral("fit"), fixture("chinchilla_grid.csv"), QStringLiteral("--law"),
                               QStringLiteral("chinchilla"), QStringLiteral("--objective"), QStringLiteral("huber-log"),
                               QStringLiteral("--grid"), QStringLiteral("default"), QStringLiteral("--format"),
                               QStringLiteral("json")});
        QCOMPARE(vp.exitCode, 0);
        const QJsonObject pv = QJsonDocument::fromJson(vp.out).object().value(QStringLiteral("params")).toObject();
        for (const auto& [name, value] : truth)
            QVERIFY2(qAbs(pv.value(QLatin1String(name)).toDouble() - value) <= 1e-5 * value, name);
    }

    void predictFromParametersAndFromAFit()
    {
        // Hoffmann's published parameters at Chinchilla's own size (70B, 1.4T tokens):
        // 1.69 + 406.4/70e9^0.34 + 410.7/1.4e12^0.28 = 1.9366454705587173 (Python).
        Result r = run({QStringLiteral("predict"), QStringLiteral("--law"), QStringLiteral("chinchilla"),
                        QStringLiteral("--params"), QStringLiteral("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28"),
                        QStringLiteral("--at"), QStringLiteral("N=70e9,D=1.4e12"), QStringLiteral("--at"),
                        QStringLiteral("N=1e9,D=2e10"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QJsonArray preds = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("predictions")).toArray();
        QCOMPARE(preds.size(), 2);
        QVERIFY(qAbs(preds.at(0).toObject().value(QStringLiteral("loss")).toDouble() - 1.9366454705587173) < 1e-13);
        // 1.69 + 406.4/1e9^0.34 + 410.7/2e10^0.28 = 2.5800478722379934 (Python)
        QVERIFY(qAbs(preds.at(1).toObject().value(QStringLiteral("loss")).toDouble() - 2.5800478722379934) < 1e-12);

        // Round trip: fit the power law in D, save its JSON, predict from the file; the power law
        // takes its x quantity (D) from the fit's settings.
        QTemporaryDir dir;
        const QString fitJson = dir.filePath(QStringLiteral("fit.json"));
        r = run({QStringLiteral("fit"), fixture("chinchilla_grid.csv"), QStringLiteral("--law"), QStringLiteral("power"),
                 QStringLiteral("--x"), QStringLiteral("D"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(r.exitCode == 0 || r.exitCode == 1);
        QFile f(fitJson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out);
        f.close();
        const QJsonObject fitted = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(fitted.value(QStringLiteral("settings")).toObject().value(QStringLiteral("x")).toString(), QStringLiteral("D"));
        const QJsonObject p = fitted.value(QStringLiteral("params")).toObject();
        const double expected = p.value(QStringLiteral("E")).toDouble()
                                + p.value(QStringLiteral("A")).toDouble() * std::pow(3e11, -p.value(QStringLiteral("alpha")).toDouble());
        r = run({QStringLiteral("predict"), QStringLiteral("--fit"), fitJson, QStringLiteral("--at"), QStringLiteral("D=3e11"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        preds = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("predictions")).toArray();
        QVERIFY(qAbs(preds.at(0).toObject().value(QStringLiteral("loss")).toDouble() - expected) <= 1e-14 * expected);
    }

    void predictErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString law = QStringLiteral("--law"), params = QStringLiteral("--params"), at = QStringLiteral("--at");
        QTest::newRow("no at") << QStringList{QStringLiteral("predict"), law, QStringLiteral("power"), params, QStringLiteral("E=1,A=2,alpha=0.3")}
                               << QStringLiteral("missing --at");
        QTest::newRow("missing param") << QStringList{QStringLiteral("predict"), law, QStringLiteral("power"), params,
                                                      QStringLiteral("E=1,A=2"), at, QStringLiteral("N=1e9")}
                                       << QStringLiteral("missing parameter 'alpha' of law power");
        QTest::newRow("missing input") << QStringList{QStringLiteral("predict"), law, QStringLiteral("chinchilla"), params,
                                                      QStringLiteral("E=1,A=2,B=3,alpha=0.3,beta=0.3"), at, QStringLiteral("N=1e9")}
                                       << QStringLiteral("--at #1: missing D");
        QTest::newRow("bad fit file") << QStringList{QStringLiteral("predict"), QStringLiteral("--fit"), fixture("final_loss.csv"),
                                                     at, QStringLiteral("N=1e9")}
                                      << QStringLiteral("not a fit result");
        QTest::newRow("both") << QStringList{QStringLiteral("predict"), QStringLiteral("--fit"), QStringLiteral("x.json"), law,
                                             QStringLiteral("power"), params, QStringLiteral("E=1"), at, QStringLiteral("N=1")}
                              << QStringLiteral("either --fit FIT.json or both --law and --params");
    }

    void predictErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void fitUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString f = fixture("chinchilla_grid.csv");
        QTest::newRow("no law") << QStringList{QStringLiteral("fit"), f} << QStringLiteral("fit: missing --law");
        QTest::newRow("unknown law") << QStringList{QStringLiteral("fit"), f, QStringLiteral("--law"), QStringLiteral("zipf")}
                                     << QStringLiteral("unknown law 'zipf' (laws: power, chinchilla, kaplan, datacon, bnsl, bnsl2, bnsl3, formula)");
        QTest::newRow("fit option on info") << QStringList{QStringLiteral("info"), f, QStringLiteral("--law"), QStringLiteral("power")}
                                            << QStringLiteral("belong to the fit command");
        QTest::newRow("bad fix") << QStringList{QStringLiteral("fit"), f, QStringLiteral("--law"), QStringLiteral("chinchilla"),
                                                QStringLiteral("--fix"), QStringLiteral("E")}
                                 << QStringLiteral("--fix: expected name=number");
        QTest::newRow("unknown parameter") << QStringList{QStringLiteral("fit"), f, QStringLiteral("--law"), QStringLiteral("power"),
                                                          QStringLiteral("--fix"), QStringLiteral("beta=0.3")}
                                           << QStringLiteral("law power has no parameter 'beta'");
        QTest::newRow("too few points") << QStringList{QStringLiteral("fit"), fixture("final_loss.csv"), QStringLiteral("--law"),
                                                       QStringLiteral("chinchilla")}
                                        << QStringLiteral("5 free parameters but the fit has 3 points");
    }

    void fitUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void epochChinchillaFile()
    {
        const QString f = shared("epoch-chinchilla-replication/svg_extracted_data.csv");
        if (f.isEmpty())
            QSKIP("../shared/data is absent: skipping the test on Epoch's Chinchilla points");
        const QJsonObject j = infoJson({f});
        QCOMPARE(j.value(QStringLiteral("runs")).toInt(), 245);
        QCOMPARE(j.value(QStringLiteral("points")).toInt(), 245);
        const QJsonObject roles = j.value(QStringLiteral("roles")).toObject();
        QCOMPARE(roles.value(QStringLiteral("N")).toString(), QStringLiteral("Model Size"));
        QCOMPARE(roles.value(QStringLiteral("C")).toString(), QStringLiteral("Training FLOP"));
        QCOMPARE(j.value(QStringLiteral("derived")).toObject().value(QStringLiteral("D")).toString(), QStringLiteral("C/(6N)"));
        // N range straight from the file (checked with Python's csv module).
        compareRange(j.value(QStringLiteral("ranges")).toObject(), "N", 57334197.40687078, 16183346310.730501);
        QCOMPARE(j.value(QStringLiteral("left_out")).toObject().value(QStringLiteral("count")).toInt(), 0);
        QCOMPARE(j.value(QStringLiteral("notes")).toArray().size(), 0);
    }

    void openAthenaFilteredExperiment()
    {
        const QString f = shared("openathena-isoflops/transform/isoflops.csv");
        if (f.isEmpty())
            QSKIP("../shared/data is absent: skipping the test on the Open-Athena IsoFLOP file");
        const QJsonObject j = infoJson({f, QStringLiteral("--where"), QStringLiteral("experiment=marin_202603__dclm__llama_2")});
        QCOMPARE(j.value(QStringLiteral("runs")).toInt(), 85);
        QCOMPARE(j.value(QStringLiteral("roles")).toObject().value(QStringLiteral("budget")).toString(), QStringLiteral("budget"));
        compareRange(j.value(QStringLiteral("ranges")).toObject(), "budget", 3e18, 3e20);
        const QJsonObject neq = infoJson({f, QStringLiteral("--where"), QStringLiteral("experiment!=marin_202603__dclm__llama_2")});
        QCOMPARE(neq.value(QStringLiteral("runs")).toInt(), 947 - 85);
    }

    void misfittingCompositeRunKey()
    {
        const QString f = shared("misfitting-li2025/scaling_results.csv");
        if (f.isEmpty())
            QSKIP("../shared/data is absent: skipping the test on the (Mis)Fitting curves");
        const QJsonObject j = infoJson({f, QStringLiteral("--run-key"), QStringLiteral("model+total_steps+peak_lr")});
        // 4852 checkpoints of 240 distinct (model, total_steps, peak_lr) runs (counted with Python).
        QCOMPARE(j.value(QStringLiteral("runs")).toInt(), 240);
        QCOMPARE(j.value(QStringLiteral("points")).toInt(), 4852);
        QCOMPARE(j.value(QStringLiteral("layout")).toString(), QStringLiteral("curves"));
        QCOMPARE(j.value(QStringLiteral("run_key")).toArray().size(), 3);
        // Both D and train_tokens name tokens: the choice is reported, not made silently.
        const QJsonArray notes = j.value(QStringLiteral("notes")).toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.at(0).toString(), QStringLiteral("several columns could be D (D, train_tokens); using 'D'"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
