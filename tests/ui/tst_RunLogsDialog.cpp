// SPDX-License-Identifier: GPL-3.0-or-later
// The run-log dialog (issue 6, items 6 and 9): what a folder holds before loading (runs per
// format, each file, the join table found), the loss metric and the other choices, a live summary
// that refuses bad input, and the options it hands back; the folder scanner's cancel.
#include "ui/FolderScanner.h"
#include "ui/RunLogsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <filesystem>

namespace {

const QString kFixture = QStringLiteral(SCALELAB_TEST_DATA_DIR "/logs/folder-seeds");
const QString kPolyPythia = QStringLiteral(SCALELAB_SHARED_DATA_DIR "/polypythia-seeds");

bool loadEnabled(const ui::RunLogsDialog& d)
{
    return d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

QString summary(const ui::RunLogsDialog& d)
{
    return d.findChild<QLabel*>(QStringLiteral("summary"))->text();
}

} // namespace

class TestRunLogsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsWhatTheFolderHolds()
    {
        ui::RunLogsDialog dialog(kFixture, {});
        QSignalSpy scanned(&dialog, &ui::RunLogsDialog::scanned);
        QVERIFY(scanned.wait(20000));
        QVERIFY2(dialog.contents().has_value(), qPrintable(dialog.scanError()));
        QCOMPARE(dialog.contents()->logs.runs.size(), std::size_t{3});
        const QString found = dialog.findChild<QLabel*>(QStringLiteral("found"))->text();
        QVERIFY2(found.contains(QStringLiteral("<b>3 runs</b> (3 run-history) with 12 points in 3 files")), qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("metadata.tsv")), qPrintable(found));
        const auto* sources = dialog.findChild<QTableWidget*>(QStringLiteral("sources"));
        QCOMPARE(sources->rowCount(), 3);
        QCOMPARE(sources->item(2, 0)->text(), QStringLiteral("70m-seed1.tsv"));
        QCOMPARE(sources->item(2, 3)->text(), QStringLiteral("4"));
        const auto* metric = dialog.findChild<QComboBox*>(QStringLiteral("metric"));
        QCOMPARE(metric->currentText(), QStringLiteral("train/lm_loss"));
        QVERIFY(loadEnabled(dialog));
        QVERIFY2(summary(dialog).contains(QStringLiteral("N from &#x27;model_size&#x27; (detected) for 3 of 3 runs"))
                     || summary(dialog).contains(QStringLiteral("N from 'model_size' (detected) for 3 of 3 runs")),
                 qPrintable(summary(dialog)));
        QVERIFY(summary(dialog).contains(QStringLiteral("no token counts")));
    }

    void choicesBecomeOptionsAndBadInputIsRefused()
    {
        core::ImportOptions current;
        current.filters.push_back({"x", "1", true}); // kept as is: not the dialog's business
        ui::RunLogsDialog dialog(kFixture, current);
        QSignalSpy scanned(&dialog, &ui::RunLogsDialog::scanned);
        QVERIFY(scanned.wait(20000));
        auto* tokens = dialog.findChild<QLineEdit*>(QStringLiteral("tokensPerStep"));
        tokens->setText(QStringLiteral("lots"));
        QVERIFY(!loadEnabled(dialog));
        QVERIFY(summary(dialog).contains(QStringLiteral("positive number")));
        tokens->setText(QStringLiteral("1024 \u00d7 2048")); // batch × sequence length
        QVERIFY(loadEnabled(dialog));
        QCOMPARE(dialog.options().logs.tokensPerStep, 2097152.0);
        tokens->setText(QStringLiteral("1024*"));
        QVERIFY(!loadEnabled(dialog));
        tokens->setText(QStringLiteral("2097152"));
        QVERIFY(loadEnabled(dialog));
        QVERIFY(summary(dialog).contains(QStringLiteral("step × 2097152")));
        auto* pattern = dialog.findChild<QLineEdit*>(QStringLiteral("namePattern"));
        pattern->setText(QStringLiteral("(?<N>\\d+m"));
        QVERIFY(!loadEnabled(dialog));
        QVERIFY(summary(dialog).contains(QStringLiteral("--name-pattern")));
        pattern->setText(QStringLiteral("-seed(?<seed>\\d+)"));
        QVERIFY(loadEnabled(dialog));
        auto* nKey = dialog.findChild<QComboBox*>(QStringLiteral("nKey"));
        QVERIFY(nKey->findText(QStringLiteral("model_size")) >= 0); // a join column offered as a key
        nKey->setCurrentText(QStringLiteral("no_such_key"));
        QVERIFY(!loadEnabled(dialog));
        QVERIFY(summary(dialog).contains(QStringLiteral("no_such_key")));
        nKey->setCurrentText(QStringLiteral("model_size"));
        QVERIFY(loadEnabled(dialog));
        const core::ImportOptions o = dialog.options();
        QCOMPARE(o.logs.tokensPerStep, 2097152.0);
        QCOMPARE(o.logs.metric, std::string("train/lm_loss"));
        QCOMPARE(o.logs.keys.at(core::Role::N), std::string("model_size"));
        QVERIFY(o.logs.keys.count(core::Role::D) == 0); // "(detect)"
        QCOMPARE(o.logs.namePattern, std::string("-seed(?<seed>\\d+)"));
        QCOMPARE(o.filters.size(), std::size_t{1});
    }

    void unreadableFolderSaysWhy()
    {
        QTemporaryDir dir;
        ui::RunLogsDialog dialog(dir.path(), {});
        QSignalSpy scanned(&dialog, &ui::RunLogsDialog::scanned);
        QVERIFY(scanned.wait(20000));
        QVERIFY(!dialog.contents().has_value());
        QVERIFY(dialog.scanError().contains(QStringLiteral("no runs found")));
        QVERIFY(!loadEnabled(dialog));
    }

    void scannerCancels()
    {
        if (!std::filesystem::exists(kPolyPythia.toStdString()))
            QSKIP("../shared/data/polypythia-seeds is not present");
        ui::FolderScanner scanner;
        QSignalSpy finished(&scanner, &ui::FolderScanner::finished);
        scanner.start(kPolyPythia, {});
        scanner.cancel(); // 1,287,000 rows take far longer than this call
        QVERIFY(finished.wait(60000));
        const auto result = finished.at(0).at(0).value<std::shared_ptr<ui::FolderScanner::Result>>();
        QVERIFY(result != nullptr);
        QVERIFY(!result->has_value());
        QCOMPARE(result->error().message, std::string("cancelled"));
        QVERIFY(!scanner.isRunning());
    }
};

QTEST_MAIN(TestRunLogsDialog)
#include "tst_RunLogsDialog.moc"
