// SPDX-License-Identifier: GPL-3.0-or-later
// A pinned model size or token count (issue 5, item 4): the other quantity from C = 6ND, the loss
// written out by hand, the budget C* at which the optimum reaches that loss from Chinchilla's
// closed form inverted by hand (L_opt(C) = E + K (C/6)^(-alpha beta/(alpha+beta)),
// K = A G^-alpha + B G^beta), the extra FLOPs, and errors.
#include "core/alloc/ComputeOptimal.h"
#include "core/alloc/PinnedAllocation.h"
#include "core/fit/Laws.h"
#include "EpochParams.h"

#include <QElapsedTimer>
#include <QtTest>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

constexpr double kC = 5.76e23;

const core::Law& chinchilla()
{
    return *core::lawById("chinchilla");
}

/// Chinchilla's closed form written out here, independent of core (Hoffmann et al. eq. 4).
struct ClosedForm {
    double E = kEpoch[0], A = kEpoch[1], B = kEpoch[2], alpha = kEpoch[3], beta = kEpoch[4];
    double G = std::pow(alpha * A / (beta * B), 1.0 / (alpha + beta));

    [[nodiscard]] double loss(double N, double D) const { return E + A / std::pow(N, alpha) + B / std::pow(D, beta); }
    [[nodiscard]] double nOpt(double C) const { return G * std::pow(C / 6.0, beta / (alpha + beta)); }
    [[nodiscard]] double dOpt(double C) const { return C / (6.0 * nOpt(C)); }
    [[nodiscard]] double lossOpt(double C) const { return loss(nOpt(C), dOpt(C)); }
    /// The budget whose optimal loss is L: L_opt(C) = E + K (C/6)^(-alpha beta/(alpha+beta)).
    [[nodiscard]] double budgetFor(double L) const
    {
        const double K = A * std::pow(G, -alpha) + B * std::pow(G, beta);
        return 6.0 * std::pow((L - E) / K, -(alpha + beta) / (alpha * beta));
    }
};

} // namespace

class TestPinnedAllocation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pinAtTheOptimumCostsNothing()
    {
        const ClosedForm cf;
        for (double C : {1e20, kC, 1e26}) {
            const auto p = core::pinnedAllocation(chinchilla(), kEpoch, C, 'N', cf.nOpt(C));
            QVERIFY(p.has_value());
            QCOMPARE(p->pinned, 'N');
            QCOMPARE(p->C, C);
            QCOMPARE(p->N, cf.nOpt(C));
            VERIFY_REL(p->D, cf.dOpt(C), 1e-12);
            VERIFY_REL(p->loss, cf.lossOpt(C), 1e-12);
            VERIFY_REL(p->loss, p->optimalLoss, 1e-12);
            QVERIFY(std::abs(p->lossPenalty) <= 1e-12);
            VERIFY_REL(p->cForSameLoss, C, 1e-9);
            VERIFY_REL(p->nForSameLoss, cf.nOpt(C), 1e-9);
            VERIFY_REL(p->dForSameLoss, cf.dOpt(C), 1e-9);
            QVERIFY2(std::abs(p->extraFlops) <= 1e-9 * C, qPrintable(QString::number(p->extraFlops)));
            QVERIFY(std::abs(p->extraFraction) <= 1e-9);
        }
    }

    void fourTimesTheOptimalSize()
    {
        // N = 4 N_opt(5.76e23). Python (mpmath, 40 digits) from the same closed form:
        //   N = 288994810001.52886, D = 332185896347.03867, L = 1.9942238115295904,
        //   L - L_opt = 0.019782703132178193, C* = 2.9631563093352173e23,
        //   N* = 51387250391.454052, D* = 961054310411.85673, C/C* - 1 = 0.94387315372244171
        // (pinning 4x the optimal size costs 94% more FLOPs than the optimum needs for that loss).
        const ClosedForm cf;
        const double N = 4.0 * cf.nOpt(kC);
        const double D = kC / (6.0 * N);
        const auto p = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', N);
        QVERIFY(p.has_value());
        QCOMPARE(p->N, N);
        VERIFY_REL(p->D, D, 1e-15);
        VERIFY_REL(p->tokensPerParam, D / N, 1e-15);
        VERIFY_REL(p->loss, cf.loss(N, D), 1e-14);
        VERIFY_REL(p->optimalLoss, cf.lossOpt(kC), 1e-14);
        VERIFY_REL(p->lossPenalty, cf.loss(N, D) - cf.lossOpt(kC), 1e-9);
        QVERIFY(p->lossPenalty > 0.0);
        // C* reaches the same loss on the optimum, and is the hand-inverted closed form.
        VERIFY_REL(cf.lossOpt(p->cForSameLoss), p->loss, 1e-13);
        VERIFY_REL(p->cForSameLoss, cf.budgetFor(cf.loss(N, D)), 1e-9);
        VERIFY_REL(p->nForSameLoss, cf.nOpt(p->cForSameLoss), 1e-12);
        VERIFY_REL(p->dForSameLoss, cf.dOpt(p->cForSameLoss), 1e-12);
        VERIFY_REL(p->extraFlops, kC - cf.budgetFor(cf.loss(N, D)), 1e-9);
        VERIFY_REL(p->extraFraction, kC / cf.budgetFor(cf.loss(N, D)) - 1.0, 1e-9);
        QVERIFY(p->extraFraction > 0.0);
        // The mpmath figures.
        VERIFY_REL(p->N, 288994810001.52886, 1e-12);
        VERIFY_REL(p->D, 332185896347.03867, 1e-12);
        VERIFY_REL(p->loss, 1.9942238115295904, 1e-13);
        VERIFY_REL(p->lossPenalty, 0.019782703132178193, 1e-9);
        VERIFY_REL(p->cForSameLoss, 2.9631563093352173e23, 1e-9);
        VERIFY_REL(p->nForSameLoss, 51387250391.454052, 1e-9);
        VERIFY_REL(p->dForSameLoss, 961054310411.85673, 1e-9);
        VERIFY_REL(p->extraFraction, 0.94387315372244171, 1e-9);
    }

    void pinningTokensIsSymmetric()
    {
        const ClosedForm cf;
        // D = D_opt / 4 is the same point as N = 4 N_opt.
        const double N = 4.0 * cf.nOpt(kC);
        const auto byN = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', N);
        const auto byD = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'D', kC / (6.0 * N));
        QVERIFY(byN.has_value() && byD.has_value());
        QCOMPARE(byD->pinned, 'D');
        QCOMPARE(byD->D, kC / (6.0 * N));
        VERIFY_REL(byD->N, byN->N, 1e-15);
        VERIFY_REL(byD->loss, byN->loss, 1e-14);
        VERIFY_REL(byD->cForSameLoss, byN->cForSameLoss, 1e-9);
        VERIFY_REL(byD->extraFraction, byN->extraFraction, 1e-9);

        // D = 4 D_opt (a small model trained long). mpmath: N = 18062175625.095554,
        // D = 5314974341552.6188, L = 1.9938961297389467, C* = 2.9941103667592157e23,
        // N* = 51661727399.859617, D* = 965934395877.79886, C/C* - 1 = 0.92377677989023019.
        const double D = 4.0 * cf.dOpt(kC);
        const auto p = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'D', D);
        QVERIFY(p.has_value());
        QCOMPARE(p->D, D);
        VERIFY_REL(p->N, kC / (6.0 * D), 1e-15);
        VERIFY_REL(p->loss, cf.loss(kC / (6.0 * D), D), 1e-14);
        VERIFY_REL(cf.lossOpt(p->cForSameLoss), p->loss, 1e-13);
        VERIFY_REL(p->cForSameLoss, cf.budgetFor(p->loss), 1e-9);
        VERIFY_REL(p->extraFlops, kC - cf.budgetFor(p->loss), 1e-9);
        QVERIFY(p->extraFraction > 0.0);
        VERIFY_REL(p->N, 18062175625.095554, 1e-12);
        VERIFY_REL(p->loss, 1.9938961297389467, 1e-13);
        VERIFY_REL(p->cForSameLoss, 2.9941103667592157e23, 1e-9);
        VERIFY_REL(p->nForSameLoss, 51661727399.859617, 1e-9);
        VERIFY_REL(p->dForSameLoss, 965934395877.79886, 1e-9);
        VERIFY_REL(p->extraFraction, 0.92377677989023019, 1e-9);
    }

    void costGrowsAwayFromTheOptimum()
    {
        const ClosedForm cf;
        double previous = -1.0;
        for (double factor : {1.5, 3.0, 10.0, 30.0}) {
            const auto p = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', factor * cf.nOpt(kC));
            QVERIFY(p.has_value());
            QVERIFY(p->extraFraction > previous);
            QVERIFY(p->cForSameLoss < kC);
            previous = p->extraFraction;
        }
    }

    void numericMethodAgrees()
    {
        const ClosedForm cf;
        core::AllocationOptions numeric;
        numeric.method = core::AllocationMethod::Numeric;
        const auto closed = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', 4.0 * cf.nOpt(kC));
        const auto search = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', 4.0 * cf.nOpt(kC), numeric);
        QVERIFY(closed.has_value() && search.has_value());
        VERIFY_REL(search->cForSameLoss, closed->cForSameLoss, 1e-8);
        VERIFY_REL(search->nForSameLoss, closed->nForSameLoss, 1e-6);
        VERIFY_REL(search->extraFraction, closed->extraFraction, 1e-7);
    }

    void numericLaws()
    {
        // Kaplan eq. 1.5 (table 2) has no closed form: the optimum and C* are numeric. At the optimum
        // the pin costs nothing; at 4 N_opt the optimum reaches the same loss at C* < C.
        const core::Law& kaplan = *core::lawById("kaplan");
        const std::vector<double> table2{6.4e13, 1.8e13, 0.076, 0.103};
        const double C = 1e21;
        const auto optimum = core::computeOptimal(kaplan, table2, C);
        QVERIFY(optimum.has_value());
        QElapsedTimer timer;
        timer.start();
        const auto at = core::pinnedAllocation(kaplan, table2, C, 'N', optimum->N);
        qDebug("kaplan pinned allocation (numeric optimum and C*): %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(at.has_value());
        QVERIFY(std::abs(at->extraFraction) <= 1e-9);
        VERIFY_REL(at->optimalLoss, optimum->loss, 1e-15);
        const auto off = core::pinnedAllocation(kaplan, table2, C, 'N', 4.0 * optimum->N);
        QVERIFY(off.has_value());
        QVERIFY(off->extraFraction > 0.0 && off->lossPenalty > 0.0);
        const auto same = core::computeOptimal(kaplan, table2, off->cForSameLoss);
        QVERIFY(same.has_value());
        VERIFY_REL(same->loss, off->loss, 1e-12);
        VERIFY_REL(same->N, off->nForSameLoss, 1e-12);

        // Data-constrained: a unique-token cap reaches the pinned loss and the optimum alike.
        const core::Law& datacon = *core::lawById("datacon");
        std::vector<double> p;
        for (const auto& spec : datacon.parameters())
            p.push_back(spec.start);
        core::AllocationOptions capped;
        capped.uniqueTokens = 1e11;
        const auto cappedOptimum = core::computeOptimal(datacon, p, 1e23, capped);
        QVERIFY(cappedOptimum.has_value());
        const auto d = core::pinnedAllocation(datacon, p, 1e23, 'D', 2.0 * cappedOptimum->D, capped);
        QVERIFY(d.has_value());
        VERIFY_REL(d->optimalLoss, cappedOptimum->loss, 1e-15);
        QVERIFY(d->extraFraction > 0.0 && d->lossPenalty > 0.0);
        const auto dSame = core::computeOptimal(datacon, p, d->cForSameLoss, capped);
        QVERIFY(dSame.has_value());
        VERIFY_REL(dSame->loss, d->loss, 1e-12);
    }

    void errors()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        for (double bad : {0.0, -7e9, nan, inf}) {
            const auto n = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', bad);
            QVERIFY(!n.has_value());
            QCOMPARE(n.error().parameter, std::string("--pin-n"));
            const auto d = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'D', bad);
            QVERIFY(!d.has_value());
            QCOMPARE(d.error().parameter, std::string("--pin-d"));
        }
        // The implied token count underflows to 0.
        const auto tiny = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'N', 1e307);
        QVERIFY(!tiny.has_value());
        QCOMPARE(tiny.error().parameter, std::string("--pin-n"));
        for (double C : {6.0, 0.0, nan}) {
            const auto b = core::pinnedAllocation(chinchilla(), kEpoch, C, 'N', 7e9);
            QVERIFY(!b.has_value());
            QCOMPARE(b.error().parameter, std::string("--budget"));
        }
        const auto which = core::pinnedAllocation(chinchilla(), kEpoch, kC, 'C', 7e9);
        QVERIFY(!which.has_value());
        QCOMPARE(which.error().parameter, std::string("pin"));
        const auto power = core::pinnedAllocation(*core::lawById("power"), std::vector<double>{1.0, 10.0, 0.3}, kC,
                                                  'N', 7e9);
        QVERIFY(!power.has_value());
        QCOMPARE(power.error().parameter, std::string("--law"));
        const auto count = core::pinnedAllocation(chinchilla(), std::vector<double>{1.0, 2.0}, kC, 'N', 7e9);
        QVERIFY(!count.has_value());
        QCOMPARE(count.error().parameter, std::string("--params"));
    }

    void lossAtTheFloorIsUnreachable()
    {
        // With B = 0 and a huge N the loss rounds to E exactly: the optimum never reaches it.
        // (A = 1e-300 keeps the closed form finite; L = E + 1e-300 / N^alpha == E in doubles.)
        const std::vector<double> floorLaw{2.0, 1e-300, 1e-300, 0.5, 0.5};
        const auto p = core::pinnedAllocation(chinchilla(), floorLaw, 1e24, 'N', 1e10);
        QVERIFY(!p.has_value());
        QCOMPARE(p.error().parameter, std::string("--pin-n"));
        QVERIFY2(p.error().message.find("irreducible loss E = 2;") != std::string::npos, p.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestPinnedAllocation)
#include "tst_PinnedAllocation.moc"
