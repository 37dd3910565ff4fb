// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace ui {

/// A status-bar strip for long work: what runs ("Fitting", "Bootstrap"), a progress bar and a
/// Cancel button. Hidden while idle. Emits cancelRequested() when Cancel is pressed (the owner
/// cancels the work). GUI thread only.
class TaskProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskProgressWidget(QWidget* parent = nullptr);

    /// Shows the strip with `stage` and `fraction` in [0, 1] (a negative fraction shows a busy bar).
    void showProgress(const QString& stage, double fraction);
    /// Updates the fraction of the stage shown.
    void setFraction(double fraction);
    void finish();

    [[nodiscard]] QLabel* stageLabel() const { return m_stage; }
    [[nodiscard]] QProgressBar* bar() const { return m_bar; }
    [[nodiscard]] QToolButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_stage;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

} // namespace ui
