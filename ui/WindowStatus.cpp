// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WindowStatus.h"

#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/LeftOutRowsDialog.h"
#include "ui/TaskProgressWidget.h"

#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>

namespace ui {

namespace {
constexpr std::size_t kLeftOutTooltipRows = 12;
}

WindowStatus::WindowStatus(Document* document, FitController* fits, QStatusBar* bar, QWidget* dialogParent)
    : QObject(bar), m_document(document), m_fits(fits), m_dialogParent(dialogParent), m_task(new TaskProgressWidget(bar)),
      m_status(new QLabel(bar)), m_notes(new QLabel(bar))
{
    bar->addWidget(m_task);
    m_status->setTextFormat(Qt::RichText);
    connect(m_status, &QLabel::linkActivated, this, &WindowStatus::showLeftOutRows);
    m_notes->setVisible(false);
    bar->addPermanentWidget(m_notes);
    bar->addPermanentWidget(m_status);

    connect(m_task, &TaskProgressWidget::cancelRequested, this, [this] {
        if (m_document->isLoading())
            m_document->cancelLoad();
        else
            m_fits->cancel();
    });
    connect(m_document, &Document::loadStarted, this,
            [this](const QString& path) { m_task->showProgress(tr("Loading %1").arg(QFileInfo(path).fileName()), 0.0); });
    connect(m_document, &Document::loadProgress, this, [this](double fraction) {
        if (m_document->isLoading())
            m_task->setFraction(fraction);
    });
    auto loadEnded = [this] {
        if (!m_fits->isBusy())
            m_task->finish();
    };
    connect(m_document, &Document::loaded, this, loadEnded);
    connect(m_document, &Document::loadCanceled, this, loadEnded);
    connect(m_document, &Document::loadFailed, this, loadEnded);
    connect(m_fits, &FitController::progress, this,
            [this](double fraction, const QString& stage) { m_task->showProgress(stage, fraction); });
    connect(m_fits, &FitController::busyChanged, this, [this](bool busy) {
        if (busy)
            m_task->showProgress(tr("Fitting"), -1);
        else if (!m_document->isLoading())
            m_task->finish();
    });
    connect(m_document, &Document::changed, this, &WindowStatus::update);
    update();
}

QString WindowStatus::statusText() const
{
    const core::Sweep& s = m_document->sweep();
    return tr("%1 runs, %2 points, %3 rows left out").arg(s.runs.size()).arg(s.pointCount()).arg(s.leftOut.size());
}

QString WindowStatus::notesText() const
{
    return m_notes->isHidden() ? QString() : m_notes->toolTip();
}

void WindowStatus::update()
{
    const core::Sweep& s = m_document->sweep();
    const QString leftOut = tr("%1 rows left out").arg(s.leftOut.size());
    const QString head = tr("%1 runs, %2 points, ").arg(s.runs.size()).arg(s.pointCount());
    m_status->setText(s.leftOut.empty() ? head + leftOut
                                        : head + QStringLiteral("<a href=\"leftout\">%1</a>").arg(leftOut));
    QStringList tip;
    for (std::size_t i = 0; i < s.leftOut.size() && i < kLeftOutTooltipRows; ++i)
        tip << tr("line %1: %2").arg(s.leftOut[i].line).arg(QString::fromStdString(s.leftOut[i].reason));
    if (s.leftOut.size() > kLeftOutTooltipRows)
        tip << tr("\u2026 click for all %1").arg(s.leftOut.size());
    m_status->setToolTip(tip.isEmpty() ? tr("No rows were left out") : tip.join(QLatin1Char('\n')));

    // How the file was read where a choice was made (e.g. two columns could be D).
    QStringList notes;
    for (const std::string& note : s.notes)
        notes << QString::fromStdString(note);
    m_notes->setVisible(!notes.isEmpty());
    m_notes->setText((notes.size() == 1 ? tr("1 import note") : tr("%1 import notes").arg(notes.size()))
                     + QStringLiteral(" \u2014 "));
    m_notes->setToolTip(notes.join(QLatin1Char('\n')));
}

void WindowStatus::showLeftOutRows()
{
    LeftOutRowsDialog dialog(m_document->sweep(), m_dialogParent);
    dialog.exec();
}

} // namespace ui
