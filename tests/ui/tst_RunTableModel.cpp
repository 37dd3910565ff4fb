// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"
#include "ui/RunListWidget.h"
#include "ui/RunTableModel.h"
#include "ui/TestSweeps.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

class TestRunTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelTester();
    void displayAndSortRoles_data();
    void displayAndSortRoles();
    void sortByN();
    void filterHidesNonMatching();
    void checkboxGoesThroughUndo();
};

void TestRunTableModel::modelTester()
{
    ui::Document doc;
    ui::RunTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    doc.setSweep(testsweeps::smallFinalLossSweep());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), 5);
    doc.setRunVisible(1, false);
    doc.undoStack()->undo();
    doc.setColorBy(QStringLiteral("N"));
    doc.setSweep(core::Sweep{});
    QCOMPARE(model.rowCount(), 0);
}

void TestRunTableModel::displayAndSortRoles_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("sort");
    QTest::newRow("alpha name") << 0 << int(ui::RunTableModel::Name) << "alpha" << QVariant(QStringLiteral("alpha"));
    QTest::newRow("alpha N") << 0 << int(ui::RunTableModel::N) << "1B" << QVariant(1e9);
    QTest::newRow("alpha D") << 0 << int(ui::RunTableModel::D) << "20B" << QVariant(2e10);
    QTest::newRow("alpha C") << 0 << int(ui::RunTableModel::C) << "1.2e20" << QVariant(1.2e20);
    QTest::newRow("alpha loss") << 0 << int(ui::RunTableModel::FinalLoss) << "2.554" << QVariant(2.554);
    QTest::newRow("beta N") << 1 << int(ui::RunTableModel::N) << "300M" << QVariant(3e8);
    QTest::newRow("beta C") << 1 << int(ui::RunTableModel::C) << "9e19" << QVariant(9e19);
    QTest::newRow("nan loss") << 3 << int(ui::RunTableModel::FinalLoss) << QStringLiteral("\u2013") << QVariant();
    QTest::newRow("neg loss") << 4 << int(ui::RunTableModel::FinalLoss) << "-1" << QVariant(-1.0);
}

void TestRunTableModel::displayAndSortRoles()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QVariant, sort);
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    ui::RunTableModel model(&doc);
    const QModelIndex idx = model.index(row, column);
    QCOMPARE(model.data(idx, Qt::DisplayRole).toString(), display);
    QCOMPARE(model.data(idx, ui::RunTableModel::kSortRole), sort);
}

void TestRunTableModel::sortByN()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    ui::RunListWidget list(&doc);
    list.view()->sortByColumn(ui::RunTableModel::N, Qt::AscendingOrder);
    QSortFilterProxyModel* proxy = list.proxy();
    QStringList order;
    for (int r = 0; r < proxy->rowCount(); ++r)
        order << proxy->index(r, ui::RunTableModel::Name).data().toString();
    QCOMPARE(order, (QStringList{QStringLiteral("beta"), QStringLiteral("neg"), QStringLiteral("alpha"),
                                 QStringLiteral("nan"), QStringLiteral("gamma")}));
    list.view()->sortByColumn(ui::RunTableModel::FinalLoss, Qt::AscendingOrder);
    order.clear();
    for (int r = 0; r < proxy->rowCount(); ++r)
        order << proxy->index(r, ui::RunTableModel::Name).data().toString();
    // The unknown (NaN) loss sorts last.
    QCOMPARE(order, (QStringList{QStringLiteral("neg"), QStringLiteral("gamma"), QStringLiteral("alpha"),
                                 QStringLiteral("beta"), QStringLiteral("nan")}));
}

void TestRunTableModel::filterHidesNonMatching()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    ui::RunListWidget list(&doc);
    QCOMPARE(list.proxy()->rowCount(), 5);
    QTest::keyClicks(list.filterEdit(), QStringLiteral("AL"));
    QCOMPARE(list.proxy()->rowCount(), 1);
    QCOMPARE(list.proxy()->index(0, 0).data().toString(), QStringLiteral("alpha"));
    list.filterEdit()->setText(QStringLiteral("a"));
    QCOMPARE(list.proxy()->rowCount(), 4); // alpha, beta, gamma, nan
    list.filterEdit()->setText(QStringLiteral("zzz"));
    QCOMPARE(list.proxy()->rowCount(), 0);
    list.filterEdit()->clear();
    QCOMPARE(list.proxy()->rowCount(), 5);
}

void TestRunTableModel::checkboxGoesThroughUndo()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    ui::RunTableModel model(&doc);
    const QModelIndex idx = model.index(2, ui::RunTableModel::Name);
    QCOMPARE(model.data(idx, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.flags(idx).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(model.setData(idx, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.data(idx, Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(doc.isRunVisible(2), false);
    doc.undoStack()->undo();
    QCOMPARE(model.data(idx, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.data(idx, Qt::DecorationRole).value<QColor>(), doc.runColor(2));
}

QTEST_MAIN(TestRunTableModel)
#include "tst_RunTableModel.moc"
