// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"

#include <QDialog>

class QTableWidget;

namespace ui {

/// Lists the rows of a sweep that are kept but left out of log plots and fits: source line, run
/// and reason, so no dropped row goes unseen. Copies what it shows; GUI thread only.
class LeftOutRowsDialog : public QDialog {
    Q_OBJECT
public:
    explicit LeftOutRowsDialog(const core::Sweep& sweep, QWidget* parent = nullptr);

    [[nodiscard]] QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace ui
