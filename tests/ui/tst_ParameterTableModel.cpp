// SPDX-License-Identifier: GPL-3.0-or-later
// The fit panel's parameter table: a well-behaved model (QAbstractItemModelTester) that shows the
// fitted values and intervals, and whose edits (fix, bounds, start) become undoable spec changes.
#include "core/LawSweep.h"
#include "core/util/NumberText.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/ParameterTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <cmath>

namespace {

using Model = ui::ParameterTableModel;

struct Fixture {
    ui::Document doc;
    ui::FitController fits{&doc};
    Model model{&doc, &fits};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};

    Fixture()
    {
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        core::FitJobSpec spec;
        spec.lawId = "power";
        spec.excludedRuns = {10};
        doc.setFitSpec(spec, QStringLiteral("power"));
    }
    bool idle() { return QTest::qWaitFor([&] { return !fits.isBusy(); }, 60000); }
    QString text(int row, int column) const { return model.data(model.index(row, column)).toString(); }
};

} // namespace

class TestParameterTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheFit()
    {
        Fixture f;
        QVERIFY(f.idle());
        QCOMPARE(f.model.rowCount(), 3); // E, A, alpha
        QCOMPARE(f.text(0, Model::Name), QStringLiteral("E"));
        QCOMPARE(f.text(2, Model::Name), QStringLiteral("alpha"));
        const auto& r = f.fits.result()->fit.result;
        for (int row = 0; row < 3; ++row) {
            const auto k = static_cast<std::size_t>(row);
            QCOMPARE(f.text(row, Model::Value), QString::fromStdString(core::significantText(r.params[k], 6)));
            // The tooltip carries the full value: it reads back as exactly the fitted double.
            QCOMPARE(f.model.data(f.model.index(row, Model::Value), Qt::ToolTipRole).toString().toDouble(), r.params[k]);
        }
        // The law is exact: alpha shows as 0.34 to 6 digits.
        QCOMPARE(f.text(2, Model::Value), QStringLiteral("0.34"));
        // Wald interval without a bootstrap: value +- 1.96 SE.
        QVERIFY(f.model.data(f.model.index(2, Model::Interval), Qt::ToolTipRole).toString().startsWith(QStringLiteral("Wald")));
    }

    void fixingHoldsTheValueAndUndoFreesIt()
    {
        Fixture f;
        QVERIFY(f.idle());
        const double alpha = f.fits.result()->fit.result.params[2];
        QVERIFY(f.model.flags(f.model.index(2, Model::Fixed)) & Qt::ItemIsUserCheckable);
        QVERIFY(!(f.model.flags(f.model.index(2, Model::Value)) & Qt::ItemIsEditable));
        QVERIFY(f.model.setData(f.model.index(2, Model::Fixed), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(f.doc.fitSpec().fixed.at("alpha"), alpha);
        QCOMPARE(f.model.data(f.model.index(2, Model::Fixed), Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(f.model.flags(f.model.index(2, Model::Value)) & Qt::ItemIsEditable);
        // A new fixed value by editing the value cell; the refit keeps it.
        QVERIFY(f.model.setData(f.model.index(2, Model::Value), QStringLiteral("0.3")));
        QCOMPARE(f.doc.fitSpec().fixed.at("alpha"), 0.3);
        QVERIFY(f.idle());
        QCOMPARE(f.fits.result()->fit.result.params[2], 0.3);
        QCOMPARE(f.text(2, Model::StdErr), QStringLiteral("fixed"));
        f.doc.undoStack()->undo();
        f.doc.undoStack()->undo();
        QCOMPARE(f.doc.fitSpec().fixed.count("alpha"), std::size_t{0});
    }

    void boundsAndStartsAreEditedAsText()
    {
        Fixture f;
        QVERIFY(f.idle());
        QVERIFY(!f.model.setData(f.model.index(0, Model::Lower), QStringLiteral("abc"))); // refused
        QVERIFY(f.doc.fitSpec().bounds.empty());
        QVERIFY(f.model.setData(f.model.index(0, Model::Lower), QStringLiteral("1.5")));
        QCOMPARE(f.doc.fitSpec().bounds.at("E").lower, 1.5);
        QVERIFY(std::isinf(f.doc.fitSpec().bounds.at("E").upper)); // the law's default upper bound
        QVERIFY(!f.model.setData(f.model.index(0, Model::Upper), QStringLiteral("1"))); // below the lower bound
        QVERIFY(f.model.setData(f.model.index(0, Model::Lower), QString())); // back to the default
        QVERIFY(f.doc.fitSpec().bounds.empty());
        QVERIFY(f.model.setData(f.model.index(1, Model::Start), QStringLiteral("2e2")));
        QCOMPARE(f.doc.fitSpec().starts.at("A"), 200.0);
        QCOMPARE(f.model.data(f.model.index(1, Model::Start), Qt::EditRole).toString(), QStringLiteral("200"));
        QVERIFY(f.idle());
        QVERIFY(std::abs(f.fits.result()->fit.result.params[2] - testsweeps::kLawAlpha) < 1e-7);
    }

    void changingTheLawResetsTheRows()
    {
        Fixture f;
        QVERIFY(f.idle());
        core::FitJobSpec spec = f.doc.fitSpec();
        spec.lawId = "chinchilla";
        f.doc.setFitSpec(spec, QStringLiteral("chinchilla"));
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(f.text(4, Model::Name), QStringLiteral("beta"));
        // Until the chinchilla fit lands, values from the power fit are not shown as its values.
        QCOMPARE(f.text(4, Model::Value), QStringLiteral("\u2013"));
        QVERIFY(f.idle());
    }
};

QTEST_MAIN(TestParameterTableModel)
#include "tst_ParameterTableModel.moc"
