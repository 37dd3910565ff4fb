// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer as a researcher uses it, on the bundled sample: the fit lands by itself, the
// budget field sets the readouts to core's allocation, clicking a point refits and undo restores
// the fit exactly, every view exports to PNG/SVG/PDF with its lines in it, the fit and allocation
// copy as tables, and presentation mode hides the docks and shows the key numbers.
#include "core/alloc/ComputeOptimal.h"
#include "ui/BudgetPanel.h"
#include "ui/ChartAnnotation.h"
#include "ui/ChartStyle.h"
#include "ui/ChartViews.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/LogLogChartView.h"
#include "ui/MainWindow.h"
#include "ui/NumberFormat.h"
#include "ui/OverlayChartView.h"
#include "ui/OverlayPalette.h"
#include "ui/PresentationMode.h"

#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

/// Pixels of `image` within `tolerance` (per channel) of `color`.
int countColor(const QImage& image, QColor color, int tolerance = 40)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) <= tolerance && std::abs(c.green() - color.green()) <= tolerance
                && std::abs(c.blue() - color.blue()) <= tolerance)
                ++n;
        }
    return n;
}

struct Opened {
    ui::MainWindow w;
    Opened()
    {
        w.setInteractive(false);
        w.resize(1400, 860);
        w.show();
    }
    bool load()
    {
        QSignalSpy loaded(w.document(), &ui::Document::loaded);
        if (!w.openSample() || !loaded.wait(20000))
            return false;
        return idle();
    }
    bool idle()
    {
        return QTest::qWaitFor([&] { return !w.fitController()->isBusy(); }, 120000)
               && w.fitController()->result() != nullptr;
    }
};

} // namespace

class TestExplorer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void budgetFieldShowsCoresAllocation()
    {
        Opened o;
        QVERIFY(o.load());
        const auto& fit = o.w.fitController()->result();
        QCOMPARE(o.w.fitController()->resultSpec().lawId, std::string("chinchilla"));
        ui::BudgetPanel* panel = o.w.budgetPanel();
        panel->budgetEdit()->clear();
        QTest::keyClicks(panel->budgetEdit(), QStringLiteral("5.76e23"));
        QTest::keyClick(panel->budgetEdit(), Qt::Key_Return);
        QCOMPARE(o.w.document()->budget(), 5.76e23);
        const auto core = core::computeOptimal(*fit->law, fit->fit.result.params, 5.76e23);
        QVERIFY(core.has_value());
        QCOMPARE(panel->allocation()->N, core->N);
        QCOMPARE(panel->allocation()->loss, core->loss);
        QVERIFY(panel->nLabel()->text().startsWith(ui::NumberFormat::count(core->N)));
        QVERIFY(panel->lossLabel()->text().startsWith(ui::NumberFormat::loss(core->loss)));
        // The loss chart marks the optimum at (N_opt, L_opt) with a star.
        bool star = false;
        for (const auto& m : o.w.chartView()->overlay()->content().markers)
            star = star || (m.shape == ui::OverlayLayer::Shape::Star && std::abs(m.point.x() - std::log10(core->N)) < 1e-12
                            && std::abs(m.point.y() - std::log10(core->loss)) < 1e-12);
        QVERIFY(star);
        // The budget is undoable like any edit.
        o.w.document()->undoStack()->undo();
        QVERIFY(o.w.document()->budget() != 5.76e23);
    }

    void clickingAPointRefitsAndUndoRestoresTheFit()
    {
        Opened o;
        QVERIFY(o.load());
        QVERIFY(QTest::qWaitForWindowExposed(&o.w));
        const auto before = o.w.fitController()->result();
        const std::vector<double> params = before->fit.result.params;
        // Click the first run's marker.
        const core::Run& run = o.w.document()->sweep().runs.front();
        const QPoint at = o.w.chartView()
                              ->logToView(QPointF(std::log10(run.N), std::log10(run.curves.front().value.back())))
                              .toPoint();
        QCOMPARE(o.w.chartView()->runAt(at), 0);
        QTest::mouseClick(o.w.chartView()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QVERIFY(o.w.document()->isRunExcluded(0));
        QVERIFY(o.idle());
        QCOMPARE(o.w.fitController()->result()->data.size(), std::size_t{84});
        QVERIFY(o.w.fitController()->result()->fit.result.params != params);
        o.w.document()->undoStack()->undo();
        QVERIFY(o.idle());
        QCOMPARE(o.w.fitController()->result()->fit.result.params, params);
        QCOMPARE(o.w.fitController()->result()->data.size(), std::size_t{85});
    }

    void everyViewExportsWithItsLines()
    {
        Opened o;
        QVERIFY(o.load());
        QVERIFY(QTest::qWaitForWindowExposed(&o.w));
        QTemporaryDir dir;
        struct Case {
            ui::Document::View view;
            QColor line;   ///< a colour only the view's fit drawing has
            int minPixels; ///< at 96 DPI in a 1400 x 860 window
        } cases[] = {{ui::Document::View::Data, ui::OverlayPalette::budget(), 150},
                     {ui::Document::View::IsoFlop, ui::OverlayPalette::budget(), 150},
                     {ui::Document::View::Allocation, ui::OverlayPalette::nOpt(), 400},
                     {ui::Document::View::Residuals, QColor(0x30, 0x30, 0x30), 150}};
        for (const Case& c : cases) {
            o.w.document()->setView(c.view);
            QCOMPARE(o.w.currentChart(), o.w.views()->chartOf(c.view));
            const QString base = dir.filePath(QStringLiteral("view%1").arg(static_cast<int>(c.view)));
            QString error;
            QVERIFY2(o.w.exportChart(base + QStringLiteral(".png"), 96, &error), qPrintable(error));
            QVERIFY2(o.w.exportChart(base + QStringLiteral(".svg"), 96, &error), qPrintable(error));
            QVERIFY2(o.w.exportChart(base + QStringLiteral(".pdf"), 96, &error), qPrintable(error));
            const QImage png(base + QStringLiteral(".png"));
            QVERIFY(!png.isNull());
            const int pixels = countColor(png, c.line, 24);
            QVERIFY2(pixels >= c.minPixels, qPrintable(QStringLiteral("view %1: %2 pixels").arg(int(c.view)).arg(pixels)));
            // A blank chart would have none of the line's colour: export the same view with no fit.
            QFile svg(base + QStringLiteral(".svg"));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY(svg.size() > 2000);
            QVERIFY(svg.readAll().contains(c.line.name().toLatin1()));
            QFile pdf(base + QStringLiteral(".pdf"));
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(5) == "%PDF-");
            QVERIFY(pdf.size() > 2000);
        }
        // At 192 DPI the PNG is twice as wide.
        o.w.document()->setView(ui::Document::View::Data);
        QVERIFY(o.w.exportChart(dir.filePath(QStringLiteral("hi.png")), 192));
        QCOMPARE(QImage(dir.filePath(QStringLiteral("hi.png"))).width(), 2 * QImage(dir.filePath(QStringLiteral("view0.png"))).width());
    }

    void copiesTheFitAndTheAllocation()
    {
        Opened o;
        QVERIFY(o.load());
        const QString md = o.w.resultsText(core::TableFormat::Markdown);
        QVERIFY(md.contains(QStringLiteral("| alpha")));
        QVERIFY(md.contains(QStringLiteral("chinchilla")));
        const QString csv = o.w.resultsText(core::TableFormat::Csv);
        // The CSV carries alpha exactly (round-trip text).
        const double alpha = o.w.fitController()->result()->fit.result.params[3];
        bool found = false;
        for (const QString& line : csv.split(QLatin1Char('\n')))
            if (line.contains(QStringLiteral(",alpha,"))) {
                const QStringList f = line.split(QLatin1Char(','));
                found = f.size() > 2 && f[2].toDouble() == alpha;
            }
        QVERIFY2(found, qPrintable(csv));
        QVERIFY(o.w.resultsText(core::TableFormat::Latex).contains(QStringLiteral("\\alpha")));
    }

    void presentationModeHidesDocksAndShowsTheNumbers()
    {
        Opened o;
        QVERIFY(o.load());
        QVERIFY(QTest::qWaitForWindowExposed(&o.w));
        auto* fitDock = o.w.findChild<QDockWidget*>(QStringLiteral("fitDock"));
        QVERIFY(fitDock != nullptr && fitDock->isVisible());
        o.w.presentation()->setEnabled(true);
        QVERIFY(!fitDock->isVisible());
        QCOMPARE(ui::ChartStyle::kind(o.w.chartView()->chart()), ui::ChartStyle::Kind::Presentation);
        auto* box = ui::ChartStyle::annotation(o.w.chartView()->chart());
        QVERIFY(box != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("N_opt = ") + o.w.budgetPanel()->nLabel()->text()));
        o.w.presentation()->setEnabled(false);
        QTRY_VERIFY(fitDock->isVisible());
        QCOMPARE(ui::ChartStyle::kind(o.w.chartView()->chart()), ui::ChartStyle::Kind::Normal);
        QVERIFY(ui::ChartStyle::annotation(o.w.chartView()->chart()) == nullptr);
    }
};

QTEST_MAIN(TestExplorer)
#include "tst_Explorer.moc"
