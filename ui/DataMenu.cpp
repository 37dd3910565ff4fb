// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DataMenu.h"

#include "core/io/Importers.h"
#include "ui/Document.h"
#include "ui/ImportSettingsDialog.h"
#include "ui/LoadController.h"
#include "ui/RunLogsDialog.h"

namespace ui {

DataMenu::DataMenu(Document* document, QWidget* window)
    : QMenu(tr("&Data"), window), m_document(document), m_window(window)
{
    m_filterRows = addAction(tr("&Filter Rows and Run Key\u2026"), this, [this] {
        if (m_document->sourcePath().isEmpty() || m_document->isLoading())
            return;
        ImportSettingsDialog dialog(m_document->sourcePath(), m_document->importOptions(), m_window);
        if (dialog.exec() == QDialog::Accepted)
            m_document->setImportOptions(dialog.options(), tr("Change row filters and run key"));
    });
    m_filterRows->setToolTip(tr("Read the file again keeping only some rows, or with other run key columns"));
    m_runLogs = addAction(tr("Run &Logs: Metric, N and Tokens\u2026"), this, [this] {
        if (m_document->sourcePath().isEmpty() || m_document->isLoading())
            return;
        RunLogsDialog dialog(m_document->sourcePath(), m_document->importOptions(), m_window);
        if (dialog.exec() == QDialog::Accepted)
            m_document->setImportOptions(dialog.options(), tr("Change loss metric, N or tokens of run logs"));
    });
    m_runLogs->setToolTip(tr("Read the run logs again with another loss metric, N parameter, tokens per step or join"));
    updateActions();
    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what.testFlag(Document::Change::Sweep)) // a new sweep (or source); not every slider move
            updateActions();
    });
}

void DataMenu::updateActions()
{
    const QString path = m_document->sourcePath();
    bool logs = false;
    if (!path.isEmpty())
        if (auto importer = core::importerFor(path.toStdString()))
            logs = LoadController::isRunLogSource(**importer);
    m_filterRows->setEnabled(!path.isEmpty() && !logs);
    m_runLogs->setEnabled(logs);
}

} // namespace ui
