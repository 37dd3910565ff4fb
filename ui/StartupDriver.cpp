// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/StartupDriver.h"

#include "ui/ChartExporter.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/LoadController.h"
#include "ui/LogLogChartView.h"
#include "ui/MainWindow.h"
#include "ui/PresentationMode.h"
#include "ui/ProjectController.h"
#include "ui/ProjectFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

namespace ui {

StartupDriver::StartupDriver(MainWindow* window, StartupOptions options)
    : QObject(window), m_window(window), m_options(std::move(options))
{
}

bool StartupDriver::start()
{
    if (!m_options.screenshot.isEmpty())
        screenshotOnLoad();
    applyOnLoad();
    // A crashed session's unsaved edits are offered when no file is named (it would replace them).
    const bool recovering = m_options.path.isEmpty() && m_options.screenshot.isEmpty() && offerRecovery();
    return recovering || (m_options.path.isEmpty() ? m_window->openSample(m_options.options)
                                                   : m_window->openFile(m_options.path, m_options.options));
}

bool StartupDriver::offerRecovery()
{
    ProjectController* projects = m_window->projects();
    const QStringList files = projects->orphanedRecoveryFiles();
    if (files.isEmpty())
        return false;
    const auto state = readProjectFile(files.front());
    QString what = QFileInfo(files.front()).fileName();
    if (state)
        what = QFileInfo(state->originalProjectPath.isEmpty() ? state->dataPath : state->originalProjectPath).fileName();
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved changes?"),
                    tr("ScaleLab did not close normally. Recover the unsaved changes to %1?").arg(what),
                    QMessageBox::NoButton, m_window);
    QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == discard)
        projects->discardRecovery();
    return box.clickedButton() == recover && projects->recover();
}

void StartupDriver::applyOnLoad()
{
    Document* doc = m_window->document();
    connect(doc, &Document::loaded, this, [this, doc] {
        core::FitJobSpec spec = doc->fitSpec();
        if (!m_options.law.isEmpty())
            spec.lawId = m_options.law.toStdString();
        if (m_options.objective == QStringLiteral("lsq"))
            spec.objective = core::Objective::Lsq;
        else if (m_options.objective == QStringLiteral("huber-log"))
            spec.objective = core::Objective::HuberLog;
        else if (m_options.objective == QStringLiteral("lsq-log"))
            spec.objective = core::Objective::LsqLog;
        spec.selection.excludeTopLoss = static_cast<std::size_t>(m_options.dropTop);
        doc->setFitSpec(spec, tr("Fit settings from the command line"));
        if (!m_options.x.isEmpty())
            doc->setXQuantity(*core::xQuantityFromName(m_options.x.toStdString()));
        if (m_options.budget)
            doc->setBudget(*m_options.budget);
        const QStringList views{QStringLiteral("loss"), QStringLiteral("isoflop"), QStringLiteral("allocation"),
                                QStringLiteral("residuals")};
        if (!m_options.view.isEmpty())
            doc->setView(static_cast<Document::View>(views.indexOf(m_options.view)));
        doc->undoStack()->clear(); // the starting state, not edits
        if (m_options.presentation)
            m_window->presentation()->setEnabled(true);
    }, Qt::SingleShotConnection);
}

void StartupDriver::screenshotOnLoad()
{
    m_window->setInteractive(false);
    auto finish = [this](bool ok) {
        // Wait for the fit (and its bootstrap) to land, so the picture shows it.
        QTimer::singleShot(300, this, [this, ok] {
            FitController* fits = m_window->fitController();
            if (fits->isBusy()) {
                connect(fits, &FitController::busyChanged, this, [this, ok](bool busy) {
                    if (!busy)
                        QTimer::singleShot(100, this, [this, ok] { grabAndExit(ok); });
                });
                return;
            }
            grabAndExit(ok);
        });
    };
    connect(m_window->document(), &Document::loaded, this, [finish] { finish(true); }, Qt::SingleShotConnection);
    connect(m_window->loader(), &LoadController::failed, this, [finish] { finish(false); }, Qt::SingleShotConnection);
}

void StartupDriver::grabAndExit(bool ok)
{
    m_window->chartView()->flushPendingUpdate();
    const bool saved = ChartExporter::savePng(m_window, m_options.screenshot);
    if (!saved)
        std::fprintf(stderr, "could not write %s\n", m_options.screenshot.toLocal8Bit().constData());
    QCoreApplication::exit(ok && saved ? 0 : 1);
}

} // namespace ui
