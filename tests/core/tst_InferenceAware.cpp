// SPDX-License-Identifier: GPL-3.0-or-later
// Inference-aware allocation (issue 4, item 6; Sardana and Frankle 2024): with no inference it is
// the Chinchilla optimum; with inference it trains a smaller model longer, costs less in total than
// the Chinchilla-optimal model serving the same tokens, and matches an independent solution of the
// Lagrange condition; the budget form is the dual of the loss form.
#include "core/alloc/ComputeOptimal.h"
#include "core/alloc/InferenceAware.h"
#include "core/fit/Laws.h"
#include "EpochParams.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

namespace {

const core::Law& chinchilla()
{
    return *core::lawById("chinchilla");
}

} // namespace

class TestInferenceAware : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noInferenceIsChinchillaOptimal()
    {
        for (double target : {2.3, 2.0, 1.9}) {
            const auto chin = core::computeOptimalForLoss(chinchilla(), kEpoch, target);
            const auto inf = core::inferenceAwareForLoss(chinchilla(), kEpoch, target, 0.0);
            QVERIFY(chin.has_value() && inf.has_value());
            VERIFY_REL(inf->N, chin->N, 1e-6);
            VERIFY_REL(inf->D, chin->D, 1e-6);
            VERIFY_REL(inf->C, chin->C, 1e-9);
            VERIFY_REL(inf->loss, target, 1e-12);
            QCOMPARE(inf->inferenceFlops, 0.0);
        }
        for (double C : {1e20, 5.76e23}) {
            const auto chin = core::computeOptimal(chinchilla(), kEpoch, C);
            const auto inf = core::inferenceAwareForBudget(chinchilla(), kEpoch, C, 0.0);
            QVERIFY(chin.has_value() && inf.has_value());
            VERIFY_REL(inf->N, chin->N, 1e-6);
            VERIFY_REL(inf->D, chin->D, 1e-6);
            VERIFY_REL(inf->loss, chin->loss, 1e-12);
        }
    }

    void lagrangeSolution()
    {
        // Independent solution (Python mpmath, 50 digits) of the Lagrange condition in domain.md,
        // (6D + 2 D_inf) beta B D^(-beta-1) = 6 alpha A N^-alpha with D = (B/(L - E - A N^-alpha))^(1/beta),
        // by findroot in ln N, for Epoch's parameters and L = 2:
        //   D_inf = 2e12: N = 29560807294.923143, D = 1528324299768.2679, total 3.8931422983728129e23
        //   D_inf = 1e14: N = 12686515493.340585, D = 11155192429265.825, total 3.3864262281785759e24
        // The Chinchilla-optimal model for L = 2 (N = 46855645385.787941, D = 880293230732.97808)
        // serving the same tokens costs 4.3490282627155591e23 and 9.6186093218859924e24.
        const double cases[2][5] = {
            {2e12, 29560807294.923143, 1528324299768.2679, 3.8931422983728129e23, 4.3490282627155591e23},
            {1e14, 12686515493.340585, 11155192429265.825, 3.3864262281785759e24, 9.6186093218859924e24}};
        for (const auto& [Dinf, N, D, total, chinchillaTotal] : cases) {
            const auto a = core::inferenceAwareForLoss(chinchilla(), kEpoch, 2.0, Dinf);
            QVERIFY(a.has_value());
            VERIFY_REL(a->N, N, 1e-7);
            VERIFY_REL(a->D, D, 1e-7);
            VERIFY_REL(a->totalFlops, total, 1e-9);
            VERIFY_REL(a->inferenceFlops, 2.0 * a->N * Dinf, 1e-15);
            VERIFY_REL(a->loss, 2.0, 1e-12);
            QCOMPARE(a->inferenceTokens, Dinf);
            QVERIFY(a->flopFormula.find("2N D_inf") != std::string::npos);
            VERIFY_REL(chinchillaTotal, 6.0 * 46855645385.787941 * 880293230732.97808 + 2.0 * 46855645385.787941 * Dinf, 1e-15);
        }
    }

    void smallerModelAndLessComputeWithInference()
    {
        // Properties that must hold for any D_inf > 0: the same loss from a smaller model trained
        // on more tokens, at less total compute than the Chinchilla-optimal model serving D_inf.
        for (double target : {2.2, 2.0, 1.95}) {
            const auto chin = core::computeOptimalForLoss(chinchilla(), kEpoch, target);
            QVERIFY(chin.has_value());
            for (double Dinf : {1e11, 1e12, 1e13, 1e14}) {
                const auto inf = core::inferenceAwareForLoss(chinchilla(), kEpoch, target, Dinf);
                QVERIFY(inf.has_value());
                QVERIFY(inf->N < chin->N);
                QVERIFY(inf->D > chin->D);
                QVERIFY(inf->totalFlops < chin->C + 2.0 * chin->N * Dinf);
                QVERIFY(inf->C > chin->C); // more training than Chinchilla-optimal, repaid by inference
            }
        }
    }

    void budgetFormIsTheDual()
    {
        // The total budget that the loss form spends reaches, in the budget form, the same loss
        // with the same model: each is the other's optimum.
        for (double Dinf : {2e12, 1e14}) {
            const auto byLoss = core::inferenceAwareForLoss(chinchilla(), kEpoch, 2.0, Dinf);
            QVERIFY(byLoss.has_value());
            const auto byBudget = core::inferenceAwareForBudget(chinchilla(), kEpoch, byLoss->totalFlops, Dinf);
            QVERIFY(byBudget.has_value());
            VERIFY_REL(byBudget->N, byLoss->N, 1e-6);
            VERIFY_REL(byBudget->D, byLoss->D, 1e-6);
            VERIFY_REL(byBudget->loss, 2.0, 1e-12);
            VERIFY_REL(byBudget->totalFlops, byLoss->totalFlops, 1e-12);
        }
    }

    void otherLawsNumerically()
    {
        // Kaplan's law has no D root in closed form; the root in ln D must still give L = target.
        const std::vector<double> table2{6.4e13, 1.8e13, 0.076, 0.103};
        const core::Law& kaplan = *core::lawById("kaplan");
        const auto chin = core::computeOptimalForLoss(kaplan, table2, 2.5);
        const auto inf = core::inferenceAwareForLoss(kaplan, table2, 2.5, 1e12);
        QVERIFY(chin.has_value() && inf.has_value());
        VERIFY_REL(inf->loss, 2.5, 1e-10);
        QVERIFY(inf->N < chin->N);
        QVERIFY(inf->totalFlops < chin->C + 2.0 * chin->N * 1e12);
    }

    void errors()
    {
        QVERIFY(!core::inferenceAwareForLoss(chinchilla(), kEpoch, 2.0, -1.0).has_value());
        QCOMPARE(core::inferenceAwareForLoss(chinchilla(), kEpoch, 2.0, -1.0).error().parameter,
                 std::string("--inference-tokens"));
        QVERIFY(!core::inferenceAwareForLoss(chinchilla(), kEpoch, 1.8, 1e12).has_value()); // below E
        QVERIFY(!core::inferenceAwareForBudget(chinchilla(), kEpoch, 1e3, 1e12).has_value()); // budget < 2 N D_inf
        core::AllocationOptions closed;
        closed.method = core::AllocationMethod::ClosedForm;
        QVERIFY(!core::inferenceAwareForBudget(chinchilla(), kEpoch, 1e22, 1e12, closed).has_value());
        QVERIFY(core::inferenceAwareForBudget(chinchilla(), kEpoch, 1e22, 0.0, closed).has_value());
        QVERIFY(!core::inferenceAwareForLoss(chinchilla(), kEpoch, 2.0, 1e12, closed).has_value());
        QVERIFY(core::inferenceAwareForLoss(chinchilla(), kEpoch, 2.0, 0.0, closed).has_value());
    }
};

QTEST_APPLESS_MAIN(TestInferenceAware)
#include "tst_InferenceAware.moc"
