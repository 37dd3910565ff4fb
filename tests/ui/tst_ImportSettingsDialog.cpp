// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ImportSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestImportSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initialisedFromCurrentOptions();
    void editsRoundTripThroughWidgets();
    void previewFailureShowsError();
};

namespace {
QString writeFixture(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("sweep.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("run,N,D,loss,lr,seed\n"
            "a1,1e8,2e9,3.1,0.001,1\n"
            "b1,1e8,2e9,3.2,0.003,1\n");
    return path;
}

core::ImportOptions someOptions()
{
    core::ImportOptions o;
    o.columns[core::Role::Loss] = "loss";
    o.delimiter = ',';
    o.filters.push_back({"lr", "0.001", true});
    o.filters.push_back({"seed", "2", false});
    o.runKey = {"seed", "N"}; // not in file order: kept as is
    return o;
}
} // namespace

void TestImportSettingsDialog::initialisedFromCurrentOptions()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::ImportSettingsDialog dialog(path, someOptions());
    QVERIFY(dialog.errorText().isEmpty());
    QCOMPARE(dialog.columns(),
             (QStringList{QStringLiteral("run"), QStringLiteral("N"), QStringLiteral("D"),
                          QStringLiteral("loss"), QStringLiteral("lr"), QStringLiteral("seed")}));
    QCOMPARE(dialog.filterCount(), 2);
    QCOMPARE(dialog.filterColumn(0)->currentText(), QStringLiteral("lr"));
    QCOMPARE(dialog.filterColumn(0)->count(), 6);
    QCOMPARE(dialog.filterOperator(0)->currentText(), QStringLiteral("="));
    QCOMPARE(dialog.filterValue(0)->text(), QStringLiteral("0.001"));
    QCOMPARE(dialog.filterColumn(1)->currentText(), QStringLiteral("seed"));
    QCOMPARE(dialog.filterOperator(1)->currentText(), QStringLiteral("\u2260"));
    QCOMPARE(dialog.runKeyList()->count(), 6);
    QCOMPARE(dialog.runKeyList()->item(1)->text(), QStringLiteral("N"));
    QCOMPARE(dialog.runKeyList()->item(1)->checkState(), Qt::Checked);
    QCOMPARE(dialog.runKeyList()->item(5)->checkState(), Qt::Checked);
    QCOMPARE(dialog.runKeyList()->item(0)->checkState(), Qt::Unchecked);

    // Unchanged widgets give back exactly the options they were opened with.
    const core::ImportOptions out = dialog.options();
    const core::ImportOptions in = someOptions();
    QCOMPARE(out.filters.size(), in.filters.size());
    for (std::size_t i = 0; i < in.filters.size(); ++i) {
        QCOMPARE(out.filters[i].column, in.filters[i].column);
        QCOMPARE(out.filters[i].value, in.filters[i].value);
        QCOMPARE(out.filters[i].equals, in.filters[i].equals);
    }
    QCOMPARE(out.runKey, in.runKey);
    QCOMPARE(out.columns, in.columns);
    QCOMPARE(out.delimiter, ',');
}

void TestImportSettingsDialog::editsRoundTripThroughWidgets()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::ImportSettingsDialog dialog(path, someOptions());

    // Remove the first filter, edit the remaining one, add a third.
    dialog.removeFilterButton(0)->click();
    QCOMPARE(dialog.filterCount(), 1);
    dialog.filterOperator(0)->setCurrentIndex(0); // seed = ...
    dialog.filterValue(0)->setText(QStringLiteral(" 1 "));
    dialog.addFilterButton()->click();
    QCOMPARE(dialog.filterCount(), 2);
    QCOMPARE(dialog.filterColumn(1)->currentText(), QStringLiteral("run")); // first column by default
    dialog.filterColumn(1)->setCurrentIndex(dialog.filterColumn(1)->findText(QStringLiteral("lr")));
    dialog.filterOperator(1)->setCurrentIndex(1);
    dialog.filterValue(1)->setText(QStringLiteral("3e-3"));

    // Run key: drop seed, add lr (N stays first, lr follows in file order).
    dialog.runKeyList()->item(5)->setCheckState(Qt::Unchecked);
    dialog.runKeyList()->item(4)->setCheckState(Qt::Checked);
    dialog.runKeyList()->item(0)->setCheckState(Qt::Checked);

    const core::ImportOptions out = dialog.options();
    QCOMPARE(out.filters.size(), std::size_t(2));
    QCOMPARE(out.filters[0].column, std::string("seed"));
    QCOMPARE(out.filters[0].value, std::string("1"));
    QVERIFY(out.filters[0].equals);
    QCOMPARE(out.filters[1].column, std::string("lr"));
    QCOMPARE(out.filters[1].value, std::string("3e-3"));
    QVERIFY(!out.filters[1].equals);
    QCOMPARE(out.runKey, (std::vector<std::string>{"N", "run", "lr"}));
    QCOMPARE(out.columns, someOptions().columns); // other fields unchanged
    QCOMPARE(out.delimiter, ',');

    // Nothing checked: back to the importer's detection; no filters: every row.
    for (int i = 0; i < dialog.runKeyList()->count(); ++i)
        dialog.runKeyList()->item(i)->setCheckState(Qt::Unchecked);
    while (dialog.filterCount() > 0)
        dialog.removeFilterButton(0)->click();
    QVERIFY(dialog.options().runKey.empty());
    QVERIFY(dialog.options().filters.empty());
}

void TestImportSettingsDialog::previewFailureShowsError()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("gone.csv"));
    ui::ImportSettingsDialog dialog(missing, someOptions());
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("gone.csv")), qPrintable(dialog.errorText()));
    QVERIFY(dialog.columns().isEmpty());
    const auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons != nullptr);
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(dialog.options().filters.size(), someOptions().filters.size()); // unchanged
    QCOMPARE(dialog.options().runKey, someOptions().runKey);
}

QTEST_MAIN(TestImportSettingsDialog)
#include "tst_ImportSettingsDialog.moc"
