// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/Importers.h"
#include "ui/ColumnMappingDialog.h"
#include "ui/Document.h"

#include <QComboBox>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

class TestColumnMappingDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unsureFileNeedsMapping();
    void keepsFiltersAndPreselectsDetection();
};

namespace {
const std::string kUnsure = SCALELAB_TEST_DATA_DIR "/ui/unsure.csv";
}

void TestColumnMappingDialog::unsureFileNeedsMapping()
{
    const auto importer = core::importerFor(kUnsure);
    QVERIFY(importer.has_value());
    const auto preview = (*importer)->preview(kUnsure, {}, 20);
    QVERIFY(preview.has_value());
    QVERIFY(preview->detection.unsure);
    ui::ColumnMappingDialog dialog(QStringLiteral("unsure.csv"), *preview, {});
    QComboBox* loss = dialog.comboFor(core::Role::Loss);
    QVERIFY(loss != nullptr);
    QCOMPARE(loss->count(), 4); // (none), alpha, beta, gamma
    QCOMPARE(loss->itemText(3), QStringLiteral("gamma"));
    loss->setCurrentIndex(loss->findText(QStringLiteral("gamma")));
    dialog.comboFor(core::Role::N)->setCurrentIndex(dialog.comboFor(core::Role::N)->findText(QStringLiteral("alpha")));
    dialog.comboFor(core::Role::D)->setCurrentIndex(dialog.comboFor(core::Role::D)->findText(QStringLiteral("beta")));
    dialog.runKeyList()->item(0)->setCheckState(Qt::Checked); // alpha identifies a run
    const core::ImportOptions options = dialog.options();
    QCOMPARE(options.columns.at(core::Role::Loss), std::string("gamma"));
    QCOMPARE(options.columns.at(core::Role::N), std::string("alpha"));
    QCOMPARE(options.columns.at(core::Role::D), std::string("beta"));
    QCOMPARE(options.runKey, (std::vector<std::string>{"alpha"}));

    // The mapping makes the file loadable.
    ui::Document doc;
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    doc.load(QString::fromStdString(kUnsure), options);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(doc.runCount(), 3);
    QCOMPARE(doc.sweep().runs[2].N, 4e9);
    QCOMPARE(doc.sweep().runs[2].finalValue(), 2.3);
}

void TestColumnMappingDialog::keepsFiltersAndPreselectsDetection()
{
    core::TablePreview preview;
    preview.columns = {"params", "tokens", "loss", "lr"};
    preview.rows = {{"1e9", "2e10", "2.5", "1e-3"}};
    preview.detection.roles = {{core::Role::N, "params"}, {core::Role::Loss, "loss"}};
    preview.detection.unsure = true;
    core::ImportOptions current;
    current.filters.push_back({"lr", "1e-3", true});
    current.columns[core::Role::D] = "tokens";
    ui::ColumnMappingDialog dialog(QStringLiteral("x.csv"), preview, current);
    QCOMPARE(dialog.comboFor(core::Role::N)->currentText(), QStringLiteral("params"));
    QCOMPARE(dialog.comboFor(core::Role::D)->currentText(), QStringLiteral("tokens"));
    QCOMPARE(dialog.comboFor(core::Role::C)->currentIndex(), 0);
    const core::ImportOptions out = dialog.options();
    QCOMPARE(out.filters.size(), std::size_t(1));
    QCOMPARE(out.filters[0].column, std::string("lr"));
    QCOMPARE(out.columns.size(), std::size_t(3));
    QVERIFY(out.columns.find(core::Role::C) == out.columns.end());
    QVERIFY(out.runKey.empty());
}

QTEST_MAIN(TestColumnMappingDialog)
#include "tst_ColumnMappingDialog.moc"
