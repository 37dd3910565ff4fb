// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QStatusBar;
class QWidget;

namespace ui {

class Document;
class FitController;
class TaskProgressWidget;

/// The window's status bar: on the left the running work (a file load or a fit and its
/// bootstrap) with progress and Cancel (TaskProgressWidget), on the right "R runs, P points,
/// K rows left out" (the count opens the list of left-out rows) and the importer's notes. Follows
/// the Document and the FitController; Cancel stops the load if one runs, else the fit. Owns its
/// widgets (children of the status bar); does not own the Document or FitController. GUI thread only.
class WindowStatus : public QObject {
    Q_OBJECT
public:
    WindowStatus(Document* document, FitController* fits, QStatusBar* bar, QWidget* dialogParent);

    /// The status text without markup, e.g. "85 runs, 85 points, 0 rows left out".
    [[nodiscard]] QString statusText() const;
    /// The importer's notes on the current sweep, one per line ("" if none).
    [[nodiscard]] QString notesText() const;
    [[nodiscard]] TaskProgressWidget* task() const { return m_task; }
    /// Refreshes the counts and notes (after a Document change).
    void update();

private:
    void showLeftOutRows();

    Document* m_document;
    FitController* m_fits;
    QWidget* m_dialogParent;
    TaskProgressWidget* m_task;
    QLabel* m_status;
    QLabel* m_notes; ///< "1 import note" with the notes as tooltip; hidden when none
};

} // namespace ui
