// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace ui {

class Document;

/// The window's Data menu: re-read the source with other row filters and run key
/// (ImportSettingsDialog, for run tables) or with another loss metric, N parameter, tokens per
/// step or join (RunLogsDialog, for run logs and folders); each re-read is one undoable
/// Document::setImportOptions. Which action is enabled follows the source's importer, checked
/// when the sweep changes. Does not own the Document; GUI thread only.
class DataMenu : public QMenu {
    Q_OBJECT
public:
    DataMenu(Document* document, QWidget* window);

private:
    void updateActions();

    Document* m_document;
    QWidget* m_window;
    QAction* m_filterRows;
    QAction* m_runLogs;
};

} // namespace ui
