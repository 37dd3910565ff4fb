// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/PinnedAllocation.h"
#include "core/fit/Law.h"
#include "ui/WrappedLabel.h"

#include <QString>
#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ui {

/// Pin a model size N or a token count D at the budget C (issue 5, item 4): a choice (no pin,
/// model size, token count), a field for the pinned value (7B, 70e9, 1.4T, 2e12: core::parseNumber,
/// suffixes K, M, B or G, T), and readouts of the other quantity (C = 6ND), tokens per parameter,
/// the predicted loss, the loss above the optimum at this budget, the budget C* at which the
/// compute-optimal allocation reaches the same loss (with its N* and D*) and the extra compute
/// C - C* ("+94.4% FLOPs (2.8e23 more)"). Every number comes from core::pinnedAllocation; the
/// panel only formats (ui::NumberFormat). Each pin remembers its own value. Text that is not a
/// positive number shows a message and keeps the previous value and result; an empty field clears
/// the pin's value. Does not own the law. GUI thread only.
class PinnedModelPanel : public QWidget {
    Q_OBJECT
public:
    /// What is pinned; the order of the combo's items.
    enum class Pin { None = 0, ModelSize = 1, Tokens = 2 };

    /// |extraFraction| and |lossPenalty| / optimal loss below this print as 0 (the optimum): the
    /// root finder behind C* is good to about 1e-13 relative, so smaller values are rounding.
    static constexpr double kAtOptimum = 1e-9;

    explicit PinnedModelPanel(QWidget* parent = nullptr);

    /// The fitted law (not owned; must outlive the panel or be replaced; nullptr clears) and its
    /// parameters in law->parameters() order. Recomputes.
    void setModel(const core::Law* law, std::vector<double> params);
    /// The training budget C (FLOPs; any value, core reports one it cannot use). Recomputes.
    void setBudget(double C);
    [[nodiscard]] double budget() const { return m_budget; }

    /// Selects what is pinned (as choosing it in the combo), restores that pin's value and recomputes.
    void setPin(Pin pin);
    [[nodiscard]] Pin pin() const;
    /// The pinned value for `pin` (parameters or tokens), or nullopt (none entered; always for None).
    [[nodiscard]] std::optional<double> pinnedValue(Pin pin) const;

    /// core::pinnedAllocation at the current law, budget and pin, or nullopt (no pin, no law, no
    /// value, or an error, which messageLabel() shows).
    [[nodiscard]] const std::optional<core::PinnedAllocation>& result() const { return m_result; }

    /// "+0.01978 (optimum 1.974)": the loss above the optimum at equal compute, with NumberFormat::loss.
    [[nodiscard]] static QString penaltyText(double lossPenalty, double optimalLoss);
    /// "+94.4% FLOPs (2.8e23 more)": the extra compute for the same loss, with NumberFormat::flops.
    [[nodiscard]] static QString extraText(double extraFraction, double extraFlops);
    /// "51.4B parameters, 961B tokens" with NumberFormat::count.
    [[nodiscard]] static QString allocationText(double N, double D);
    /// Tokens per parameter with 3 significant digits (1.15).
    [[nodiscard]] static QString ratioText(double v);

    [[nodiscard]] QComboBox* pinCombo() const { return m_combo; }
    [[nodiscard]] QLineEdit* valueEdit() const { return m_edit; }
    /// Shown when the field's text is not a positive number.
    [[nodiscard]] QLabel* valueError() const { return m_valueError; }
    /// Shown for no law, no value yet, or core's error.
    [[nodiscard]] QLabel* messageLabel() const { return m_message; }
    /// The readouts' container, hidden when nothing is pinned.
    [[nodiscard]] QWidget* readouts() const { return m_readouts; }
    /// "D (tokens)" when N is pinned, "N (parameters)" when D is.
    [[nodiscard]] QLabel* otherCaption() const { return m_otherCaption; }
    [[nodiscard]] QLabel* otherLabel() const { return m_other; }
    [[nodiscard]] QLabel* ratioLabel() const { return m_ratio; }
    [[nodiscard]] QLabel* lossLabel() const { return m_loss; }
    [[nodiscard]] QLabel* penaltyLabel() const { return m_penalty; }
    [[nodiscard]] QLabel* sameLossFlopsLabel() const { return m_sameLossFlops; }
    [[nodiscard]] QLabel* sameLossAllocationLabel() const { return m_sameLossAllocation; }
    [[nodiscard]] QLabel* extraLabel() const { return m_extra; }

Q_SIGNALS:
    /// result() was recomputed (it may be unchanged).
    void resultChanged();

private:
    void onPinChosen(int index);
    void onValueEdited();
    void recompute();
    void showMessage(const QString& text);
    [[nodiscard]] static std::size_t slot(Pin pin);

    const core::Law* m_law = nullptr;
    std::vector<double> m_params;
    double m_budget = 5.76e23;
    /// Per pin (ModelSize, Tokens): the last accepted value and the text it was typed as.
    std::array<std::optional<double>, 2> m_values;
    std::array<QString, 2> m_texts;
    std::optional<core::PinnedAllocation> m_result;

    QComboBox* m_combo;
    QLineEdit* m_edit;
    WrappedLabel* m_valueError;
    WrappedLabel* m_message;
    QWidget* m_readouts;
    QLabel* m_otherCaption;
    QLabel* m_other;
    QLabel* m_ratio;
    QLabel* m_loss;
    QLabel* m_penalty;
    QLabel* m_sameLossFlops;
    QLabel* m_sameLossAllocation;
    QLabel* m_extra;
};

} // namespace ui
