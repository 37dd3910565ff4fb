// SPDX-License-Identifier: GPL-3.0-or-later
// The budget panel (issue 5, item 4): the field and the logarithmic slider stay in sync, the
// readouts are exactly core's allocation (and its bootstrap intervals) formatted, bad input keeps
// the previous budget, GPU-hours follow the throughput fields, and budgetChanged carries C.
#include "core/alloc/AllocationIntervals.h"
#include "core/alloc/ComputeOptimal.h"
#include "core/fit/Laws.h"
#include "ui/BudgetPanel.h"
#include "ui/NumberFormat.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <cmath>
#include <span>
#include <vector>

class TestBudgetPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fieldSetsReadoutsToCoresAllocation();
    void sliderTickSetsFieldAndReadouts();
    void sliderRangeFollowsData();
    void invalidTextKeepsPreviousBudget();
    void intervalsMatchCore();
    void gpuHours();
    void budgetChangedCarriesC();
    void allocationErrorShowsMessage();
    void thousandsOfDrawsGiveIntervalsOnEveryMove();
    void longMessageIsNotClipped();
};

namespace {

const std::vector<double> kEpoch{1.8172, 482.01, 2085.43, 0.3478, 0.3658}; // E, A, B, alpha, beta

const core::Law& chinchilla()
{
    return *core::lawById("chinchilla");
}

/// Types `text` into the budget field and presses Return.
void typeBudget(ui::BudgetPanel& panel, const QString& text)
{
    panel.budgetEdit()->clear();
    QTest::keyClicks(panel.budgetEdit(), text);
    QTest::keyClick(panel.budgetEdit(), Qt::Key_Return);
}

/// `n` draws around kEpoch (each parameter scaled by 1 +- up to 2%, deterministic), with one
/// trailing derived value that allocationIntervals ignores.
std::vector<std::vector<double>> draws(int n)
{
    std::vector<std::vector<double>> out;
    for (int i = 0; i < n; ++i) {
        std::vector<double> p = kEpoch;
        for (std::size_t k = 0; k < p.size(); ++k)
            p[k] *= 1.0 + 0.02 * std::sin(1.7 * i + 0.9 * static_cast<double>(k));
        p.push_back(123.0);
        out.push_back(std::move(p));
    }
    return out;
}

void checkReadouts(const ui::BudgetPanel& panel, double C)
{
    const auto a = core::computeOptimal(chinchilla(), kEpoch, C);
    QVERIFY(a.has_value());
    QCOMPARE(panel.nLabel()->text(), ui::NumberFormat::count(a->N));
    QCOMPARE(panel.dLabel()->text(), ui::NumberFormat::count(a->D));
    QCOMPARE(panel.ratioLabel()->text(), ui::BudgetPanel::ratioText(a->tokensPerParam));
    QCOMPARE(panel.lossLabel()->text(), ui::NumberFormat::loss(a->loss));
}

} // namespace

void TestBudgetPanel::fieldSetsReadoutsToCoresAllocation()
{
    ui::BudgetPanel panel;
    panel.setModel(&chinchilla(), kEpoch, {});
    typeBudget(panel, QStringLiteral("5.76e23"));
    QCOMPARE(panel.budget(), 5.76e23);
    QVERIFY(panel.budgetError()->isHidden());
    QVERIFY(panel.messageLabel()->isHidden());
    checkReadouts(panel, 5.76e23);
    // Independently (tests/core/tst_ComputeOptimal.cpp, mpmath): N = 72,248,702,500, D = 1.33T.
    QVERIFY(panel.allocation().has_value());
    QVERIFY(std::abs(panel.allocation()->N / 72248702500.382214 - 1.0) < 1e-9);
    QCOMPARE(panel.nLabel()->text(), QStringLiteral("72.2B"));
    QCOMPARE(panel.dLabel()->text(), QStringLiteral("1.33T"));
    QCOMPARE(panel.ratioLabel()->text(), QStringLiteral("18.4"));
    QCOMPARE(panel.lossLabel()->text(), QStringLiteral("1.974"));
    // The slider sits on the tick nearest log10 C.
    QCOMPARE(panel.slider()->value(), static_cast<int>(std::round(std::log10(5.76e23) * 100)));

    for (const char* text : {"1e24", "2.5e+21", "7B"}) {
        typeBudget(panel, QString::fromLatin1(text));
        QVERIFY2(panel.budgetError()->isHidden(), text);
        checkReadouts(panel, panel.budget());
    }
    QCOMPARE(panel.budget(), 7e9);
}

void TestBudgetPanel::sliderTickSetsFieldAndReadouts()
{
    ui::BudgetPanel panel;
    panel.setModel(&chinchilla(), kEpoch, {});
    panel.setDataRange(1e18, 1e22);
    panel.slider()->setValue(2350);
    const double C = std::pow(10.0, 23.5);
    QCOMPARE(panel.budget(), C);
    QCOMPARE(panel.budgetEdit()->text(), ui::BudgetPanel::budgetText(C));
    QCOMPARE(panel.budgetEdit()->text(), QStringLiteral("3.16e23"));
    checkReadouts(panel, C);
    // Keyboard steps move one tick.
    QTest::keyClick(panel.slider(), Qt::Key_Right);
    QCOMPARE(panel.slider()->value(), 2351);
    QCOMPARE(panel.budget(), std::pow(10.0, 23.51));
    checkReadouts(panel, panel.budget());
}

void TestBudgetPanel::sliderRangeFollowsData()
{
    ui::BudgetPanel panel;
    panel.setDataRange(2e18, 3e21);
    QCOMPARE(panel.slider()->minimum(), static_cast<int>(std::floor((std::log10(2e18) - 1) * 100)));
    QCOMPARE(panel.slider()->maximum(), static_cast<int>(std::ceil((std::log10(3e21) + 3) * 100)));
    // A budget beyond the range keeps its value; the slider is clamped to the end.
    panel.setBudget(1e30);
    QCOMPARE(panel.budget(), 1e30);
    QCOMPARE(panel.slider()->value(), panel.slider()->maximum());
    QCOMPARE(panel.budgetEdit()->text(), QStringLiteral("1e30"));
}

void TestBudgetPanel::invalidTextKeepsPreviousBudget()
{
    ui::BudgetPanel panel;
    panel.setModel(&chinchilla(), kEpoch, {});
    typeBudget(panel, QStringLiteral("5.76e23"));
    const QString n = panel.nLabel()->text();
    const int tick = panel.slider()->value();
    QSignalSpy spy(&panel, &ui::BudgetPanel::budgetChanged);
    for (const char* text : {"lots", "-1e20", "0", "1e24x", ""}) {
        typeBudget(panel, QString::fromLatin1(text));
        QVERIFY2(!panel.budgetError()->isHidden(), text);
        QVERIFY(!panel.budgetError()->text().isEmpty());
        QCOMPARE(panel.budget(), 5.76e23);
        QCOMPARE(panel.nLabel()->text(), n);
        QCOMPARE(panel.slider()->value(), tick);
    }
    QCOMPARE(spy.count(), 0);
    typeBudget(panel, QStringLiteral("1e24"));
    QVERIFY(panel.budgetError()->isHidden());
    QCOMPARE(panel.budget(), 1e24);
}

void TestBudgetPanel::intervalsMatchCore()
{
    const auto d = draws(40);
    ui::BudgetPanel panel;
    panel.setModel(&chinchilla(), kEpoch, d);
    panel.setBudget(1e22);
    const double C = 1e22;
    const auto a = core::computeOptimal(chinchilla(), kEpoch, C);
    const auto ci = core::allocationIntervals(
        chinchilla(), d, [C](std::span<const double> p) { return core::computeOptimal(chinchilla(), p, C); });
    QVERIFY(a.has_value());
    QVERIFY(ci.has_value());
    QCOMPARE(ci->draws, std::size_t{40});
    QVERIFY(ci->N.lower < a->N && a->N < ci->N.upper);
    QCOMPARE(panel.nLabel()->text(), ui::BudgetPanel::readoutText(a->N, &ci->N, &ui::NumberFormat::count));
    QCOMPARE(panel.dLabel()->text(), ui::BudgetPanel::readoutText(a->D, &ci->D, &ui::NumberFormat::count));
    QCOMPARE(panel.ratioLabel()->text(),
             ui::BudgetPanel::readoutText(a->tokensPerParam, &ci->tokensPerParam, &ui::BudgetPanel::ratioText));
    QCOMPARE(panel.lossLabel()->text(), ui::BudgetPanel::readoutText(a->loss, &ci->loss, &ui::NumberFormat::loss));
    QCOMPARE(panel.nLabel()->text(), QStringLiteral("%1 [%2 \u2013 %3]")
                                         .arg(ui::NumberFormat::count(a->N), ui::NumberFormat::count(ci->N.lower),
                                              ui::NumberFormat::count(ci->N.upper)));
    QVERIFY(panel.messageLabel()->isHidden());
}

void TestBudgetPanel::gpuHours()
{
    ui::BudgetPanel panel;
    panel.setBudget(5.76e23);
    QCOMPARE(panel.throughputEdit()->text(), QStringLiteral("9.89e14"));
    QCOMPARE(panel.utilisationEdit()->text(), QStringLiteral("0.4"));
    QCOMPARE(panel.gpuHoursLabel()->text(), ui::NumberFormat::count(5.76e23 / (989e12 * 0.4) / 3600.0));
    QVERIFY(panel.throughputEdit()->toolTip().contains(QStringLiteral("H100")));
    panel.throughputEdit()->setText(QStringLiteral("312e12"));
    panel.utilisationEdit()->setText(QStringLiteral("0.5"));
    QTest::keyClick(panel.utilisationEdit(), Qt::Key_Return);
    QCOMPARE(panel.gpuHoursLabel()->text(), ui::NumberFormat::count(5.76e23 / (312e12 * 0.5) / 3600.0));
    QCOMPARE(panel.gpuHoursLabel()->text(), QStringLiteral("1.03M"));
    panel.setBudget(1e24);
    QCOMPARE(panel.gpuHoursLabel()->text(), ui::NumberFormat::count(1e24 / (312e12 * 0.5) / 3600.0));
    panel.utilisationEdit()->setText(QStringLiteral("1.5"));
    QTest::keyClick(panel.utilisationEdit(), Qt::Key_Return);
    QVERIFY(panel.gpuHoursLabel()->text().contains(QStringLiteral("utilisation")));
}

void TestBudgetPanel::budgetChangedCarriesC()
{
    ui::BudgetPanel panel;
    panel.setDataRange(1e18, 1e22);
    panel.setBudget(1e21);
    QSignalSpy spy(&panel, &ui::BudgetPanel::budgetChanged);
    typeBudget(panel, QStringLiteral("5.76e23"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 5.76e23);
    typeBudget(panel, QStringLiteral("5.76e23")); // unchanged: no signal
    QCOMPARE(spy.count(), 1);
    panel.slider()->setValue(2200);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toDouble(), 1e22);
    panel.setBudget(2.5e21);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toDouble(), 2.5e21);
}

void TestBudgetPanel::allocationErrorShowsMessage()
{
    ui::BudgetPanel panel;
    QVERIFY(!panel.messageLabel()->isHidden()); // no law yet
    QCOMPARE(panel.nLabel()->text(), QStringLiteral("\u2013"));
    panel.setModel(&chinchilla(), {1.8, 482.0}, {}); // wrong parameter count
    QVERIFY(!panel.messageLabel()->isHidden());
    QVERIFY(!panel.messageLabel()->text().isEmpty());
    QCOMPARE(panel.nLabel()->text(), QStringLiteral("\u2013"));
    QVERIFY(!panel.allocation().has_value());
    panel.setModel(&chinchilla(), kEpoch, {});
    QVERIFY(panel.messageLabel()->isHidden());
    QVERIFY(panel.allocation().has_value());
}

void TestBudgetPanel::thousandsOfDrawsGiveIntervalsOnEveryMove()
{
    // 4,000 draws are recomputed synchronously on every budget change (its speed is measured by
    // bench_budget_slider, docs/PERFORMANCE.md).
    ui::BudgetPanel panel;
    panel.setModel(&chinchilla(), kEpoch, draws(4000));
    for (int i = 0; i < 20; ++i) {
        panel.slider()->setValue(2200 + i);
        QVERIFY2(panel.nLabel()->text().contains(QStringLiteral("[")), qPrintable(panel.nLabel()->text()));
    }
}

void TestBudgetPanel::longMessageIsNotClipped()
{
    // A dock does not pass a wrapped label's height-for-width on to the main window, which then
    // squeezes the label and clips its lines; the label's minimum height must hold every line.
    ui::BudgetPanel panel;
    panel.resize(300, 200);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setModel(&chinchilla(), {1.8, 482.0}, {}); // wrong parameter count: a long message
    QLabel* label = panel.messageLabel();
    QVERIFY(!label->isHidden());
    const int lineHeight = label->fontMetrics().lineSpacing();
    QTRY_VERIFY2(label->heightForWidth(label->width()) > lineHeight, qPrintable(label->text())); // it wraps
    QCOMPARE(label->minimumHeight(), label->heightForWidth(label->width()));
    panel.resize(600, 200); // wider: fewer lines, a lower minimum
    QTRY_COMPARE(label->minimumHeight(), label->heightForWidth(label->width()));
}

QTEST_MAIN(TestBudgetPanel)
#include "tst_BudgetPanel.moc"
