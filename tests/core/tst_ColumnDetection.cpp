// SPDX-License-Identifier: GPL-3.0-or-later
// Role detection: alias order, case-insensitivity, explicit columns, unsure cases and notes.
#include "core/io/ColumnDetector.h"

#include <QtTest>

#include <string>
#include <vector>

class TestColumnDetection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aliasesCaseInsensitive()
    {
        const std::vector<std::string> cols{"Run_ID", "NUM_PARAMS", "Tokens", "Training FLOP",
                                            "Val_Loss", "Step", "Budget"};
        const auto d = core::detectColumns(cols, {}, "f.csv");
        QVERIFY(d.has_value());
        QCOMPARE(d->roles.at(core::Role::Run), std::string("Run_ID"));
        QCOMPARE(d->roles.at(core::Role::N), std::string("NUM_PARAMS"));
        QCOMPARE(d->roles.at(core::Role::D), std::string("Tokens"));
        QCOMPARE(d->roles.at(core::Role::C), std::string("Training FLOP"));
        QCOMPARE(d->roles.at(core::Role::Loss), std::string("Val_Loss"));
        QCOMPARE(d->roles.at(core::Role::Step), std::string("Step"));
        QCOMPARE(d->roles.at(core::Role::Budget), std::string("Budget"));
        QVERIFY(!d->unsure);
        QVERIFY(d->notes.empty());
    }

    void firstAliasWinsAndSeveralMatchesAreUnsure()
    {
        // "loss" comes before "train/loss" in the alias list, whatever the column order.
        const std::vector<std::string> cols{"train/loss", "params", "loss"};
        const auto d = core::detectColumns(cols, {}, "f.csv");
        QVERIFY(d.has_value());
        QCOMPARE(d->roles.at(core::Role::Loss), std::string("loss"));
        QVERIFY(d->unsure);
        QCOMPARE(d->notes.size(), std::size_t(1));
        QCOMPARE(d->notes[0], std::string("several columns could be loss (loss, train/loss); using 'loss'"));
    }

    void missingRolesAreUnsure()
    {
        const auto d = core::detectColumns({"run", "accuracy"}, {}, "f.csv");
        QVERIFY(d.has_value());
        QVERIFY(d->unsure);
        QCOMPARE(d->notes.size(), std::size_t(2)); // no loss; no N/D/C
        QCOMPARE(d->roles.count(core::Role::Loss), std::size_t(0));
    }

    void explicitColumnsWinAndAreNotReused()
    {
        core::ImportOptions o;
        o.columns = {{core::Role::Loss, "tokens"}}; // odd, but the user said so
        const auto d = core::detectColumns({"tokens", "params", "n_tokens"}, o, "f.csv");
        QVERIFY(d.has_value());
        QCOMPARE(d->roles.at(core::Role::Loss), std::string("tokens"));
        QCOMPARE(d->roles.at(core::Role::D), std::string("n_tokens"));
        QVERIFY(!d->unsure);
    }

    void explicitMissingColumnIsAnError()
    {
        core::ImportOptions o;
        o.columns = {{core::Role::N, "size"}};
        const auto d = core::detectColumns({"a", "b"}, o, "f.csv");
        QVERIFY(!d.has_value());
        QCOMPARE(d.error().file, std::string("f.csv"));
        QCOMPARE(d.error().parameter, std::string("--columns"));
        QCOMPARE(d.error().message,
                 std::string("column 'size' given for role N does not exist; available columns: a, b"));
    }
};

QTEST_APPLESS_MAIN(TestColumnDetection)
#include "tst_ColumnDetection.moc"
