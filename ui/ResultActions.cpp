// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ResultActions.h"

#include "ui/BudgetPanel.h"
#include "ui/ChartExporter.h"
#include "ui/ChartViews.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/Settings.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>

namespace ui {

ResultActions::ResultActions(Document* document, FitController* fits, BudgetPanel* budget, ChartViews* views,
                             QWidget* window)
    : QObject(window), m_document(document), m_fits(fits), m_budget(budget), m_views(views), m_window(window)
{
}

void ResultActions::addTo(QMenu* menu)
{
    QMenu* exportMenu = menu->addMenu(tr("&Export Chart"));
    for (int dpi : ChartExporter::pngDpiChoices())
        exportMenu->addAction(tr("PNG at %1 DPI\u2026").arg(dpi), this, [this, dpi] { chooseAndExport(QStringLiteral("png"), dpi); });
    exportMenu->addAction(tr("SVG (vector)\u2026"), this, [this] { chooseAndExport(QStringLiteral("svg"), 96); });
    exportMenu->addAction(tr("PDF (vector)\u2026"), this, [this] { chooseAndExport(QStringLiteral("pdf"), 96); });
    QMenu* copyMenu = menu->addMenu(tr("&Copy Fit and Allocation"));
    copyMenu->addAction(tr("as &Markdown"), this, [this] { copyResults(core::TableFormat::Markdown); });
    copyMenu->addAction(tr("as &LaTeX"), this, [this] { copyResults(core::TableFormat::Latex); });
    copyMenu->addAction(tr("as &CSV"), this, [this] { copyResults(core::TableFormat::Csv); });
}

void ResultActions::chooseAndExport(const QString& format, int dpi)
{
    const QString base = QFileInfo(m_document->sourcePath()).completeBaseName();
    const QString suggested = QDir(Settings::lastDirectory().value())
                                  .filePath((base.isEmpty() ? QStringLiteral("chart") : base) + QLatin1Char('.') + format);
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Chart"), suggested,
                                                      tr("%1 file (*.%2)").arg(format.toUpper(), format));
    if (path.isEmpty())
        return;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    QString error;
    if (!exportChart(path, dpi, &error))
        QMessageBox::critical(m_window, tr("Export failed"), tr("Could not write %1:\n%2").arg(path, error));
    else
        Q_EMIT message(tr("Exported %1").arg(QFileInfo(path).fileName()));
}

bool ResultActions::exportChart(const QString& path, int dpi, QString* error) const
{
    return ChartExporter::save(m_views->current(), path, dpi, QFileInfo(m_document->sourcePath()).fileName(), error);
}

QString ResultActions::resultsText(core::TableFormat format) const
{
    const auto& result = m_fits->result();
    if (result == nullptr)
        return {};
    core::ResultTableInput in = core::resultTableInput(result->fit.result, m_fits->resultSpec().objective,
                                                       result->bootstrap ? &*result->bootstrap : nullptr);
    in.law = m_fits->resultSpec().lawId;
    in.points = result->data.size();
    in.allocation = m_budget->allocation();
    in.allocationIntervals = m_budget->intervals();
    return QString::fromStdString(core::formatResultTables(in, format));
}

void ResultActions::copyResults(core::TableFormat format)
{
    const QString text = resultsText(format);
    if (text.isEmpty()) {
        Q_EMIT message(tr("No fit to copy yet."));
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT message(tr("Copied the fit and the allocation."));
}

} // namespace ui
