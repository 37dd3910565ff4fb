// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LoadController.h"

#include "core/io/Importers.h"
#include "core/io/logs/RunLogImporter.h"
#include "ui/ColumnMappingDialog.h"
#include "ui/Document.h"
#include "ui/RunLogsDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>

namespace ui {

namespace {
constexpr std::size_t kPreviewRows = 20;
}

LoadController::LoadController(Document* document, QWidget* dialogParent)
    : QObject(dialogParent), m_document(document), m_dialogParent(dialogParent)
{
    connect(m_document, &Document::loadFailed, this, &LoadController::showError);
}

QStringList LoadController::fileDialogFilters()
{
    QStringList all;
    QStringList filters;
    for (const core::Importer* imp : core::importers()) {
        QStringList patterns;
        for (const std::string& pattern : imp->fileNamePatterns())
            patterns << QString::fromStdString(pattern);
        if (patterns.isEmpty())
            continue; // directories only (a folder, an mlruns/ store): File > Open Folder
        all << patterns;
        filters << QStringLiteral("%1 (%2)")
                       .arg(QString::fromUtf8(imp->label().data(), static_cast<qsizetype>(imp->label().size())),
                            patterns.join(QLatin1Char(' ')));
    }
    all.removeDuplicates();
    filters.prepend(tr("All supported files (%1)").arg(all.join(QLatin1Char(' '))));
    filters << tr("All files (*)");
    return filters;
}

bool LoadController::isRunLogSource(const core::Importer& importer)
{
    return importer.id() == "folder" || dynamic_cast<const core::RunLogImporter*>(&importer) != nullptr;
}

bool LoadController::open(const QString& path, const core::ImportOptions& options)
{
    const std::string file = path.toStdString();
    core::ImportOptions chosen = options;
    const auto importer = core::importerFor(file);
    if (!importer) {
        showError(path, QString::fromStdString(importer.error().toString()));
        return false;
    }
    if (isRunLogSource(**importer)) {
        // Folders and run logs: what was found, and the loss metric, N and tokens, before loading.
        if (m_interactive) {
            RunLogsDialog dialog(path, options, m_dialogParent);
            if (dialog.exec() != QDialog::Accepted)
                return false;
            chosen = dialog.options();
        }
        m_document->load(path, chosen);
        return true;
    }
    const auto preview = (*importer)->preview(file, options, kPreviewRows);
    if (!preview) {
        showError(path, QString::fromStdString(preview.error().toString()));
        return false;
    }
    if (preview->detection.unsure) {
        if (m_interactive) {
            ColumnMappingDialog dialog(QFileInfo(path).fileName(), *preview, options, m_dialogParent);
            if (dialog.exec() != QDialog::Accepted)
                return false;
            chosen = dialog.options();
        } else {
            for (const std::string& note : preview->detection.notes)
                std::fprintf(stderr, "%s: %s\n", file.c_str(), note.c_str());
        }
    }
    m_document->load(path, chosen); // progress and cancel: the window's status bar

    return true;
}

void LoadController::showError(const QString& path, const QString& message)
{
    if (m_interactive) {
        QMessageBox box(QMessageBox::Critical, tr("Could not open file"),
                        tr("ScaleLab could not read %1.").arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, m_dialogParent);
        box.setInformativeText(message);
        box.exec();
    } else {
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    }
    Q_EMIT failed(path, message);
}

} // namespace ui
