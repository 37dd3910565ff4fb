// SPDX-License-Identifier: GPL-3.0-or-later
// The pinned-model panel (issue 5, item 4): a pinned model size or token count shows exactly
// core::pinnedAllocation's numbers formatted with ui::NumberFormat; bad text shows a message and
// keeps the previous value; each pin keeps its own value; "No pin" hides the readouts; budget and
// law changes recompute; core's errors are shown.
#include "core/alloc/ComputeOptimal.h"
#include "core/alloc/PinnedAllocation.h"
#include "core/fit/Laws.h"
#include "ui/NumberFormat.h"
#include "ui/PinnedModelPanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <vector>

class TestPinnedModelPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noPinHidesReadouts();
    void pinnedSizeShowsCoresNumbers();
    void pinAtTheOptimumShowsNoExtraCompute();
    void suffixesAreAccepted();
    void badTextShowsMessageAndKeepsValue();
    void switchingToTokensPinsTokens();
    void budgetAndLawChangesRecompute();
    void coreErrorsAreShown();
};

namespace {

const std::vector<double> kEpoch{1.8172, 482.01, 2085.43, 0.3478, 0.3658}; // E, A, B, alpha, beta
constexpr double kC = 5.76e23;

const core::Law& chinchilla()
{
    return *core::lawById("chinchilla");
}

/// Types `text` into the value field and presses Return.
void typeValue(ui::PinnedModelPanel& panel, const QString& text)
{
    panel.valueEdit()->clear();
    QTest::keyClicks(panel.valueEdit(), text);
    QTest::keyClick(panel.valueEdit(), Qt::Key_Return);
}

double nOpt(double C)
{
    const auto a = core::computeOptimal(chinchilla(), kEpoch, C);
    return a ? a->N : 0.0;
}

/// The readouts are core's result for (pin, value) at the panel's budget, formatted.
void checkReadouts(const ui::PinnedModelPanel& panel, char pinned, double value)
{
    const auto p = core::pinnedAllocation(chinchilla(), kEpoch, panel.budget(), pinned, value);
    QVERIFY(p.has_value());
    QVERIFY(panel.result().has_value());
    const core::PinnedAllocation& r = *panel.result();
    QCOMPARE(r.pinned, pinned);
    QCOMPARE(r.N, p->N);
    QCOMPARE(r.D, p->D);
    QCOMPARE(r.loss, p->loss);
    QCOMPARE(r.cForSameLoss, p->cForSameLoss);
    QCOMPARE(r.extraFlops, p->extraFlops);
    QVERIFY(!panel.readouts()->isHidden());
    QVERIFY(panel.messageLabel()->isHidden());
    QVERIFY(panel.valueError()->isHidden());
    QCOMPARE(panel.otherLabel()->text(), ui::NumberFormat::count(pinned == 'N' ? p->D : p->N));
    QCOMPARE(panel.ratioLabel()->text(), ui::PinnedModelPanel::ratioText(p->tokensPerParam));
    QCOMPARE(panel.lossLabel()->text(), ui::NumberFormat::loss(p->loss));
    QCOMPARE(panel.penaltyLabel()->text(), ui::PinnedModelPanel::penaltyText(p->lossPenalty, p->optimalLoss));
    QCOMPARE(panel.sameLossFlopsLabel()->text(), ui::NumberFormat::flops(p->cForSameLoss));
    QCOMPARE(panel.sameLossAllocationLabel()->text(),
             ui::PinnedModelPanel::allocationText(p->nForSameLoss, p->dForSameLoss));
    QCOMPARE(panel.extraLabel()->text(), ui::PinnedModelPanel::extraText(p->extraFraction, p->extraFlops));
}

} // namespace

void TestPinnedModelPanel::noPinHidesReadouts()
{
    ui::PinnedModelPanel panel;
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    QCOMPARE(panel.pin(), ui::PinnedModelPanel::Pin::None);
    QCOMPARE(panel.pinCombo()->count(), 3);
    QVERIFY(panel.readouts()->isHidden());
    QVERIFY(!panel.valueEdit()->isEnabled());
    QVERIFY(panel.messageLabel()->isHidden());
    QVERIFY(!panel.result().has_value());

    panel.pinCombo()->setCurrentIndex(1);
    typeValue(panel, QStringLiteral("70B"));
    QVERIFY(panel.result().has_value());
    QVERIFY(!panel.readouts()->isHidden());
    panel.pinCombo()->setCurrentIndex(0);
    QVERIFY(panel.readouts()->isHidden());
    QVERIFY(!panel.result().has_value());
    QVERIFY(panel.valueEdit()->text().isEmpty());
    QVERIFY(panel.messageLabel()->isHidden());
}

void TestPinnedModelPanel::pinnedSizeShowsCoresNumbers()
{
    ui::PinnedModelPanel panel;
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    panel.pinCombo()->setCurrentIndex(1);
    QCOMPARE(panel.pin(), ui::PinnedModelPanel::Pin::ModelSize);
    QVERIFY(!panel.messageLabel()->isHidden()); // "Enter a model size..."
    QVERIFY(!panel.result().has_value());
    // 4 N_opt(5.76e23), typed with 17 significant digits (reads back to the same double).
    const double N = 4.0 * nOpt(kC);
    QSignalSpy spy(&panel, &ui::PinnedModelPanel::resultChanged);
    typeValue(panel, QString::number(N, 'g', 17));
    QVERIFY(spy.count() >= 1);
    QCOMPARE(panel.result()->N, N);
    checkReadouts(panel, 'N', N);
    QCOMPARE(panel.otherCaption()->text(), QStringLiteral("D (tokens)"));
    // The figures of tests/core/tst_PinnedAllocation.cpp (mpmath): D = 332.19B, L = 1.99422,
    // L - L_opt = 0.0197827, C* = 2.9632e23 (N* 51.39B, D* 961.05B), C/C* - 1 = 0.94387.
    QCOMPARE(panel.otherLabel()->text(), QStringLiteral("332B"));
    QCOMPARE(panel.ratioLabel()->text(), QStringLiteral("1.15"));
    QCOMPARE(panel.lossLabel()->text(), QStringLiteral("1.994"));
    QCOMPARE(panel.penaltyLabel()->text(), QStringLiteral("+0.01978 (optimum 1.974)"));
    QCOMPARE(panel.sameLossFlopsLabel()->text(), QStringLiteral("3e23"));
    QCOMPARE(panel.sameLossAllocationLabel()->text(), QStringLiteral("51.4B parameters, 961B tokens"));
    QCOMPARE(panel.extraLabel()->text(), QStringLiteral("+94.4% FLOPs (2.8e23 more)"));
}

void TestPinnedModelPanel::pinAtTheOptimumShowsNoExtraCompute()
{
    ui::PinnedModelPanel panel;
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    panel.setPin(ui::PinnedModelPanel::Pin::ModelSize);
    const double N = nOpt(kC);
    typeValue(panel, QString::number(N, 'g', 17));
    checkReadouts(panel, 'N', N);
    QCOMPARE(panel.otherLabel()->text(), QStringLiteral("1.33T"));
    QCOMPARE(panel.ratioLabel()->text(), QStringLiteral("18.4"));
    QCOMPARE(panel.penaltyLabel()->text(), QStringLiteral("+0 (the optimum, 1.974)"));
    QCOMPARE(panel.sameLossFlopsLabel()->text(), QStringLiteral("5.8e23"));
    QCOMPARE(panel.extraLabel()->text(), QStringLiteral("+0% FLOPs (this is the compute-optimal allocation)"));
}

void TestPinnedModelPanel::suffixesAreAccepted()
{
    ui::PinnedModelPanel panel;
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    panel.setPin(ui::PinnedModelPanel::Pin::ModelSize);
    const std::pair<const char*, double> cases[] = {{"7B", 7e9}, {"70e9", 70e9}, {"350M", 350e6}, {" 1.5G ", 1.5e9}};
    for (const auto& [text, value] : cases) {
        typeValue(panel, QString::fromLatin1(text));
        QVERIFY2(panel.valueError()->isHidden(), text);
        QVERIFY2(panel.result().has_value(), text);
        QCOMPARE(panel.result()->N, value);
        QCOMPARE(panel.pinnedValue(ui::PinnedModelPanel::Pin::ModelSize), std::optional<double>(value));
        checkReadouts(panel, 'N', value);
    }
}

void TestPinnedModelPanel::badTextShowsMessageAndKeepsValue()
{
    ui::PinnedModelPanel panel;
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    panel.setPin(ui::PinnedModelPanel::Pin::ModelSize);
    // Before any value: a message, nothing kept.
    typeValue(panel, QStringLiteral("big"));
    QVERIFY(!panel.valueError()->isHidden());
    QVERIFY(panel.valueError()->text().contains(QStringLiteral("nothing pinned yet")));
    QVERIFY(!panel.result().has_value());

    typeValue(panel, QStringLiteral("70B"));
    QVERIFY(panel.valueError()->isHidden());
    const QString loss = panel.lossLabel()->text();
    for (const char* text : {"lots", "-7e9", "0", "7Bx", "nan", "inf"}) {
        typeValue(panel, QString::fromLatin1(text));
        QVERIFY2(!panel.valueError()->isHidden(), text);
        QVERIFY(panel.valueError()->text().startsWith(QStringLiteral("Not a model size")));
        QVERIFY(panel.valueError()->text().contains(QStringLiteral("keeping 70B")));
        QVERIFY2(panel.result().has_value(), text);
        QCOMPARE(panel.result()->N, 70e9);
        QCOMPARE(panel.lossLabel()->text(), loss);
    }
    // A later budget change still uses the kept value.
    panel.setBudget(1e24);
    QCOMPARE(panel.result()->N, 70e9);
    QCOMPARE(panel.result()->C, 1e24);
    // An empty field clears the pin's value.
    typeValue(panel, QString());
    QVERIFY(panel.valueError()->isHidden());
    QVERIFY(!panel.result().has_value());
    QVERIFY(!panel.messageLabel()->isHidden());
    QCOMPARE(panel.lossLabel()->text(), QStringLiteral("\u2013"));
}

void TestPinnedModelPanel::switchingToTokensPinsTokens()
{
    ui::PinnedModelPanel panel;
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    panel.pinCombo()->setCurrentIndex(1);
    typeValue(panel, QStringLiteral("7B"));
    panel.pinCombo()->setCurrentIndex(2);
    QCOMPARE(panel.pin(), ui::PinnedModelPanel::Pin::Tokens);
    QVERIFY(panel.valueEdit()->text().isEmpty()); // tokens have no value yet
    QVERIFY(!panel.result().has_value());
    typeValue(panel, QStringLiteral("1.4T"));
    QCOMPARE(panel.result()->pinned, 'D');
    QCOMPARE(panel.result()->D, 1.4e12);
    QCOMPARE(panel.otherCaption()->text(), QStringLiteral("N (parameters)"));
    checkReadouts(panel, 'D', 1.4e12);
    typeValue(panel, QStringLiteral("2e12"));
    checkReadouts(panel, 'D', 2e12);
    // Back to N: its own value and text return.
    panel.pinCombo()->setCurrentIndex(1);
    QCOMPARE(panel.valueEdit()->text(), QStringLiteral("7B"));
    checkReadouts(panel, 'N', 7e9);
    panel.setPin(ui::PinnedModelPanel::Pin::Tokens);
    QCOMPARE(panel.valueEdit()->text(), QStringLiteral("2e12"));
    checkReadouts(panel, 'D', 2e12);
}

void TestPinnedModelPanel::budgetAndLawChangesRecompute()
{
    ui::PinnedModelPanel panel;
    panel.setPin(ui::PinnedModelPanel::Pin::ModelSize);
    typeValue(panel, QStringLiteral("70B"));
    QVERIFY(!panel.result().has_value());
    QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("No fitted law")));
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(kC);
    checkReadouts(panel, 'N', 70e9);
    panel.setBudget(1e22);
    QCOMPARE(panel.result()->C, 1e22);
    checkReadouts(panel, 'N', 70e9);
    panel.setModel(nullptr, {});
    QVERIFY(!panel.result().has_value());
    QVERIFY(!panel.messageLabel()->isHidden());
    QVERIFY(!panel.readouts()->isHidden()); // a pin is chosen: the readouts stay, as dashes
    QCOMPARE(panel.extraLabel()->text(), QStringLiteral("\u2013"));
}

void TestPinnedModelPanel::coreErrorsAreShown()
{
    ui::PinnedModelPanel panel;
    panel.setModel(core::lawById("power"), {1.0, 10.0, 0.3});
    panel.setBudget(kC);
    panel.setPin(ui::PinnedModelPanel::Pin::ModelSize);
    typeValue(panel, QStringLiteral("7B"));
    QVERIFY(!panel.result().has_value());
    QVERIFY(!panel.messageLabel()->isHidden());
    QVERIFY(panel.messageLabel()->text().startsWith(QStringLiteral("--law: ")));
    // A budget core rejects.
    panel.setModel(&chinchilla(), kEpoch);
    panel.setBudget(5.0);
    QVERIFY(!panel.result().has_value());
    QVERIFY(panel.messageLabel()->text().startsWith(QStringLiteral("--budget: ")));
    // A model so large the implied token count underflows.
    panel.setBudget(kC);
    typeValue(panel, QStringLiteral("1e307"));
    QVERIFY(!panel.result().has_value());
    QVERIFY(panel.messageLabel()->text().startsWith(QStringLiteral("--pin-n: ")));
    QCOMPARE(panel.extraLabel()->text(), QStringLiteral("\u2013"));
}

QTEST_MAIN(TestPinnedModelPanel)
#include "tst_PinnedModelPanel.moc"
