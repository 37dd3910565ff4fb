// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/alloc/AllocationIntervals.h"
#include "core/fit/Law.h"
#include "ui/WrappedLabel.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QSlider;

namespace ui {

/// The budget panel (issue 5, item 4): a logarithmic slider over the training budget C (FLOPs)
/// beside a numeric field (5.76e23, 1e24, 2.5e+21, 7B), and readouts of the compute-optimal
/// allocation for C under a fitted law in N and D: N_opt, D_opt, tokens per parameter and the
/// predicted loss, each with its 95% percentile interval when bootstrap draws are given, plus the
/// GPU-hours to train at a given throughput and utilisation. Every number but the GPU-hours comes
/// from core::computeOptimal and core::allocationIntervals. Both run synchronously on the GUI
/// thread (intervals on one thread, deterministic): with 4,000 chinchilla draws an update takes
/// about 3.4 ms in a RelWithDebInfo build and 26 ms in Debug (tst_BudgetPanel prints it); slower
/// laws or many more draws would need QtConcurrent. Does not own the law. GUI thread only.
class BudgetPanel : public QWidget {
    Q_OBJECT
public:
    /// Slider ticks per decade of C: tick t stands for C = 10^(t / kTicksPerDecade).
    static constexpr int kTicksPerDecade = 100;
    /// Default throughput per GPU (FLOP/s): NVIDIA H100 SXM, dense BF16.
    static constexpr double kDefaultFlopsPerGpu = 989e12;
    /// Default model-FLOP utilisation (fraction of peak actually used).
    static constexpr double kDefaultUtilisation = 0.4;

    explicit BudgetPanel(QWidget* parent = nullptr);

    /// The fitted law (not owned; must outlive the panel or be replaced; nullptr clears), its
    /// parameters in law->parameters() order, and bootstrap draws (rows as BootstrapResult::draws;
    /// may be empty, then no intervals are shown). Recomputes the readouts.
    void setModel(const core::Law* law, std::vector<double> params, std::vector<std::vector<double>> bootstrapDraws);

    /// The data's compute range (FLOPs, both > 0): the slider spans one decade below cMin to three
    /// decades above cMax. The current budget is kept; the slider is clamped to the new range.
    void setDataRange(double cMin, double cMax);

    /// Sets the budget C (FLOPs, finite and > 0; otherwise ignored), the field text and the slider
    /// (clamped to its range), recomputes the readouts and emits budgetChanged(). Does nothing
    /// when C is the current budget.
    void setBudget(double C);
    [[nodiscard]] double budget() const { return m_budget; }

    /// The allocation at the current budget, or nullopt (no law, or an allocation error).
    [[nodiscard]] const std::optional<core::Allocation>& allocation() const { return m_allocation; }
    /// Its 95% percentile intervals over the bootstrap draws, or nullopt (no draws, or an error).
    [[nodiscard]] const std::optional<core::AllocationIntervals>& intervals() const { return m_intervals; }

    /// "value" or "value [lower – upper]" with `format` applied to each number (readout text).
    [[nodiscard]] static QString readoutText(double value, const core::PercentileInterval* interval,
                                             QString (*format)(double));
    /// Tokens per parameter with 3 significant digits (18.4).
    [[nodiscard]] static QString ratioText(double v);
    /// A budget for the field: 3 significant digits in scientific form (5.76e23).
    [[nodiscard]] static QString budgetText(double C);

    [[nodiscard]] QSlider* slider() const { return m_slider; }
    [[nodiscard]] QLineEdit* budgetEdit() const { return m_budgetEdit; }
    [[nodiscard]] QLabel* budgetError() const { return m_budgetError; }
    [[nodiscard]] QLabel* nLabel() const { return m_n; }
    [[nodiscard]] QLabel* dLabel() const { return m_d; }
    [[nodiscard]] QLabel* ratioLabel() const { return m_ratio; }
    [[nodiscard]] QLabel* lossLabel() const { return m_loss; }
    [[nodiscard]] QLabel* messageLabel() const { return m_message; }
    [[nodiscard]] QLineEdit* throughputEdit() const { return m_throughputEdit; }
    [[nodiscard]] QLineEdit* utilisationEdit() const { return m_utilisationEdit; }
    [[nodiscard]] QLabel* gpuHoursLabel() const { return m_gpuHours; }

Q_SIGNALS:
    /// The budget changed to C (FLOPs), from the slider, the field or setBudget().
    void budgetChanged(double C);

private:
    void onSliderMoved(int tick);
    void onBudgetEdited();
    void placeSlider();
    void recompute();
    void updateGpuHours();
    void showMessage(const QString& text);

    const core::Law* m_law = nullptr;
    std::vector<double> m_params;
    std::vector<std::vector<double>> m_draws;
    double m_budget = 5.76e23;
    std::optional<core::Allocation> m_allocation;
    std::optional<core::AllocationIntervals> m_intervals;

    QSlider* m_slider;
    QLineEdit* m_budgetEdit;
    QLabel* m_budgetError;
    QLabel* m_n;
    QLabel* m_d;
    QLabel* m_ratio;
    QLabel* m_loss;
    WrappedLabel* m_message; ///< allocation errors, wrapped; its height follows its text
    QLineEdit* m_throughputEdit;
    QLineEdit* m_utilisationEdit;
    QLabel* m_gpuHours;
};

} // namespace ui
