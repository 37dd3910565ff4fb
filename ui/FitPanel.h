// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace ui {

class Document;
class FitController;
class ParameterTableModel;

/// The fit dock: law, x (one-variable laws), objective, start grid, which points of each run,
/// bootstrap resamples, a fit range on N, D or C, and a backtest cutoff (fit runs with N or C at or below it, show the larger
/// runs' prediction errors); the parameter table (ParameterTableModel); the fit statistics, the
/// distinct optima and the fit's warnings (bound hits, the alpha -> 0 ridge, narrow D/N, competing
/// basins) in a highlighted box; the fit's error when it failed. Every control edits the
/// Document's FitJobSpec (undoable; the FitController refits). Reads results from the
/// FitController. Does not own either. GUI thread only.
class FitPanel : public QWidget {
    Q_OBJECT
public:
    FitPanel(Document* document, FitController* fits, QWidget* parent = nullptr);

    [[nodiscard]] QComboBox* lawCombo() const { return m_law; }
    [[nodiscard]] QComboBox* xCombo() const { return m_x; }
    [[nodiscard]] QComboBox* objectiveCombo() const { return m_objective; }
    [[nodiscard]] QComboBox* gridCombo() const { return m_grid; }
    [[nodiscard]] QComboBox* pointsCombo() const { return m_points; }
    [[nodiscard]] QSpinBox* bootstrapSpin() const { return m_bootstrap; }
    /// How many of the highest losses are left out (FitSelection::excludeTopLoss).
    [[nodiscard]] QSpinBox* dropTopSpin() const { return m_dropTop; }
    [[nodiscard]] QCheckBox* backtestCheck() const { return m_backtest; }
    [[nodiscard]] QComboBox* backtestQuantity() const { return m_backtestQuantity; }
    [[nodiscard]] QLineEdit* backtestCutoff() const { return m_backtestCutoff; }
    [[nodiscard]] QComboBox* rangeQuantity() const { return m_rangeQuantity; }
    [[nodiscard]] QLineEdit* rangeLower() const { return m_rangeLo; }
    [[nodiscard]] QLineEdit* rangeUpper() const { return m_rangeHi; }
    [[nodiscard]] QTableView* parameterView() const { return m_table; }
    [[nodiscard]] ParameterTableModel* parameterModel() const { return m_model; }
    [[nodiscard]] QLabel* statisticsLabel() const { return m_stats; }
    [[nodiscard]] QLabel* warningsLabel() const { return m_warnings; }
    [[nodiscard]] QLabel* errorLabel() const { return m_error; }
    [[nodiscard]] QLabel* optimaLabel() const { return m_optima; }

private:
    void syncFromSpec();
    void showResult();
    void applyBacktest();
    void applyRange();

    Document* m_document;
    FitController* m_fits;
    QComboBox* m_law;
    QLabel* m_formula;
    QComboBox* m_x;
    QComboBox* m_objective;
    QComboBox* m_grid;
    QComboBox* m_points;
    QSpinBox* m_bootstrap;
    QSpinBox* m_dropTop;
    QCheckBox* m_backtest;
    QComboBox* m_backtestQuantity;
    QLineEdit* m_backtestCutoff;
    QComboBox* m_rangeQuantity;
    QLineEdit* m_rangeLo;
    QLineEdit* m_rangeHi;
    ParameterTableModel* m_model;
    QTableView* m_table;
    QLabel* m_stats;
    QLabel* m_optima;
    QLabel* m_warnings;
    QLabel* m_error;
};

} // namespace ui
