// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): one move of the budget slider in the main window (issue 5, item 4:
// "moving the slider updates everything with no refit"; target under 16 ms per move).
//
// A ui::MainWindow (1400 x 860, shown, offscreen) opens the bundled sample and then Epoch's
// Chinchilla replication data, waits for the fit and its bootstrap (the default 200 resamples,
// then 4,000 through Document::setFitSpec), and in the Loss, IsoFLOP and Allocation views times
// MOVES slider moves across the slider's range. One move is
//   BudgetPanel::slider()->setValue(tick)    (panel readouts, Document::setBudget, overlay rebuild)
//   QCoreApplication::processEvents()        (queued scene updates; the window's dirty widgets,
//                                             the chart included, are painted here)
//   ChartViews::current()->viewport()->repaint()   (a forced synchronous repaint of the chart)
// timed with std::chrono::steady_clock. "total" is all three; "frame" is the first two, i.e. the
// move up to the frame the window paints by itself (the bench counts the chart's paint events to
// show that processEvents() painted it; the forced repaint is then a second paint). Per case:
// median, p90 and max, the median of each part, and a check that nothing was refitted
// (FitController::isBusy() false after every move, no busyChanged/resultChanged, the same result
// object before and after, the same fit spec). To split the set-value part it also times
// BudgetPanel::setBudget on a separate hidden panel with the same law, parameters and draws (its
// readouts: core::computeOptimal + core::allocationIntervals), the window's panel recomputing
// (setModel with the same model), Document::setBudget in the window (everything after the
// slider's own recompute) and ChartViews::refresh() alone (the overlay rebuild of the view).
//
// Run: build/<dir>/tests/bench/bench_budget_slider [MOVES=200]   (QT_QPA_PLATFORM=offscreen if unset)
#include "core/fit/FitJobResult.h"
#include "core/fit/FitJobSpec.h"
#include "ui/BudgetPanel.h"
#include "ui/ChartViews.h"
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/MainWindow.h"
#include "ui/ProjectController.h"

#include <QApplication>
#include <QEvent>
#include <QChartView>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0, Clock::time_point t1)
{
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

struct Stats {
    double median = 0, p90 = 0, max = 0;
};

/// Linear interpolation between closest ranks.
double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Stats stats(const std::vector<double>& v)
{
    return {quantile(v, 0.5), quantile(v, 0.9), v.empty() ? std::nan("") : *std::max_element(v.begin(), v.end())};
}

/// Processes events until `done()` or `timeoutMs` passes; false on timeout.
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    const auto t0 = Clock::now();
    while (!done()) {
        if (msSince(t0, Clock::now()) > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

/// The fit for the document's current spec has landed with its bootstrap, and nothing runs.
bool fitSettled(const ui::MainWindow& w)
{
    const ui::FitController* fits = w.fitController();
    const auto& r = fits->result();
    return !w.document()->isLoading() && !fits->isBusy() && r != nullptr && r->bootstrap.has_value()
           && fits->resultSpec() == w.document()->fitSpec();
}

/// The slider ticks of one sweep across the slider's range: MOVES distinct ticks (plus the start,
/// set untimed), upwards or downwards.
std::vector<int> sweepTicks(const QSlider* slider, int moves, bool up)
{
    const int lo = slider->minimum(), hi = slider->maximum();
    std::vector<int> ticks;
    ticks.reserve(static_cast<std::size_t>(moves) + 1);
    for (int i = 0; i <= moves; ++i) {
        const int off = static_cast<int>(std::lround(static_cast<double>(hi - lo) * i / moves));
        ticks.push_back(up ? lo + off : hi - off);
    }
    return ticks;
}

const char* viewName(ui::Document::View v)
{
    switch (v) {
    case ui::Document::View::Data:
        return "Loss";
    case ui::Document::View::IsoFlop:
        return "IsoFLOP";
    case ui::Document::View::Allocation:
        return "Allocation";
    case ui::Document::View::Residuals:
        return "Residuals";
    }
    return "?";
}

struct MoveTimes {
    std::vector<double> total, frame, setValue, events, repaint;
};

/// Counts paint events of a widget (the chart's viewport).
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // recent files and settings stay out of the user's
    const int moves = argc > 1 ? std::max(2, std::atoi(argv[1])) : 200;
    QTemporaryDir recoveryDir;

    ui::MainWindow w;
    w.setInteractive(false);
    w.projects()->setRecoveryDirectory(recoveryDir.path()); // autosaves (if any) go here
    w.resize(1400, 860);
    w.show();
    QCoreApplication::processEvents();

    ui::Document* doc = w.document();
    ui::FitController* fits = w.fitController();
    ui::BudgetPanel* panel = w.budgetPanel();
    QSlider* slider = panel->slider();

    std::printf("bench_budget_slider: %d moves per case, window %dx%d, chart %dx%d, platform %s, Qt %s\n", moves,
                w.width(), w.height(), w.views()->width(), w.views()->height(),
                qPrintable(QGuiApplication::platformName()), qVersion());
    std::printf("move = slider()->setValue(tick) + processEvents() + views()->current()->viewport()->repaint()\n\n");

    struct DataSet {
        const char* name;
        std::function<bool()> open;
    };
    const QString epoch = QStringLiteral(SCALELAB_SHARED_DATA_DIR) + QStringLiteral(
                                                                         "/epoch-chinchilla-replication/svg_extracted_data.csv");
    const std::vector<DataSet> sets = {
        {"sample", [&w] { return w.openSample(); }},
        {"epoch", [&w, &epoch] { return w.openFile(epoch); }},
    };
    const std::vector<ui::Document::View> views = {ui::Document::View::Data, ui::Document::View::IsoFlop,
                                                   ui::Document::View::Allocation};
    struct Row {
        std::string data;
        std::size_t draws;
        std::string view;
        Stats total, frame;
        double setValue, events, repaint, panel, windowPanel, docSet, refresh;
        bool noRefit;
    };
    std::vector<Row> rows;
    bool allNoRefit = true;
    int status = 0;

    for (const DataSet& set : sets) {
        const auto tOpen = Clock::now();
        if (!set.open()) {
            std::fprintf(stderr, "%s: could not open\n", set.name);
            status = 1;
            continue;
        }
        if (!waitUntil([&] { return fitSettled(w); }, 600'000)) {
            std::fprintf(stderr, "%s: load/fit/bootstrap did not finish (%s)\n", set.name,
                         qPrintable(fits->errorText()));
            status = 1;
            continue;
        }
        std::printf("%s: %d runs, law %s, loaded, fitted and bootstrapped (%zu resamples) in %.1f s\n", set.name,
                    doc->runCount(), fits->resultSpec().lawId.c_str(), fits->resultSpec().bootstrap,
                    msSince(tOpen, Clock::now()) / 1000.0);

        for (const std::size_t resamples : {std::size_t{200}, std::size_t{4000}}) {
            if (doc->fitSpec().bootstrap != resamples) {
                core::FitJobSpec spec = doc->fitSpec();
                spec.bootstrap = resamples;
                const auto t0 = Clock::now();
                doc->setFitSpec(spec, QStringLiteral("Bootstrap %1").arg(resamples));
                if (!waitUntil([&] { return fitSettled(w); }, 600'000)) {
                    std::fprintf(stderr, "%s: bootstrap %zu did not finish\n", set.name, resamples);
                    status = 1;
                    continue;
                }
                std::printf("%s: refitted with %zu resamples in %.1f s\n", set.name, resamples,
                            msSince(t0, Clock::now()) / 1000.0);
            }
            const auto result = fits->result(); // shared: keeps the law's parameters and draws alive
            const std::size_t draws = result->bootstrap->draws.size();
            std::printf("%s, %zu resamples: %zu draws (%zu failed), slider ticks [%d, %d], allocation %s, "
                        "intervals over %zu draws\n",
                        set.name, resamples, draws, result->bootstrap->failed, slider->minimum(), slider->maximum(),
                        panel->allocation() ? "yes" : "no",
                        panel->intervals() ? static_cast<std::size_t>(panel->intervals()->draws) : std::size_t{0});

            // BudgetPanel::setBudget alone (readouts: computeOptimal + allocationIntervals), outside
            // the window, over the same budgets.
            std::vector<double> panelMs;
            {
                ui::BudgetPanel alone;
                alone.setModel(result->law, result->fit.result.params, result->bootstrap->draws);
                for (const int tick : sweepTicks(slider, moves, true)) {
                    const double C = std::pow(10.0, static_cast<double>(tick) / ui::BudgetPanel::kTicksPerDecade);
                    const auto t0 = Clock::now();
                    alone.setBudget(C);
                    panelMs.push_back(msSince(t0, Clock::now()));
                }
                panelMs.erase(panelMs.begin()); // the first (start) call
            }
            // The window's own (visible) panel recomputing its readouts at the current budget:
            // setModel() with the same law, parameters and draws recomputes once and emits nothing.
            std::vector<double> windowPanelMs;
            {
                std::vector<std::vector<std::vector<double>>> copies(20, result->bootstrap->draws);
                for (auto& copy : copies) {
                    const auto t0 = Clock::now();
                    panel->setModel(result->law, result->fit.result.params, std::move(copy));
                    windowPanelMs.push_back(msSince(t0, Clock::now()));
                }
                QCoreApplication::processEvents();
            }

            bool up = true;
            for (const ui::Document::View view : views) {
                doc->setView(view);
                QCoreApplication::processEvents();
                w.views()->current()->viewport()->repaint();

                // ChartViews::refresh() alone (the current view's overlay rebuild), untimed setup.
                std::vector<double> refreshMs;
                for (int i = 0; i < std::min(moves, 50); ++i) {
                    const auto t0 = Clock::now();
                    w.views()->refresh();
                    refreshMs.push_back(msSince(t0, Clock::now()));
                }
                QCoreApplication::processEvents();

                // Document::setBudget alone: the window's chain after the panel's first recompute
                // (undo step, MainWindow::onDocumentChanged: the panel again, overlay rebuild).
                std::vector<double> docMs;
                for (const int tick : sweepTicks(slider, std::min(moves, 50), !up)) {
                    const double C = std::pow(10.0, static_cast<double>(tick) / ui::BudgetPanel::kTicksPerDecade);
                    const auto t0 = Clock::now();
                    doc->setBudget(C);
                    docMs.push_back(msSince(t0, Clock::now()));
                    QCoreApplication::processEvents();
                    w.views()->current()->viewport()->repaint();
                }
                docMs.erase(docMs.begin());

                const std::vector<int> ticks = sweepTicks(slider, moves, up);
                up = !up;
                slider->setValue(ticks.front()); // the start, untimed
                QCoreApplication::processEvents();
                w.views()->current()->viewport()->repaint();

                const core::FitJobResult* before = fits->result().get();
                const core::FitJobSpec specBefore = doc->fitSpec();
                int busySignals = 0, resultSignals = 0, busyAfterMove = 0, budgetMismatch = 0;
                const auto c1 = QObject::connect(fits, &ui::FitController::busyChanged, [&](bool) { ++busySignals; });
                const auto c2 = QObject::connect(fits, &ui::FitController::resultChanged, [&] { ++resultSignals; });
                PaintCounter counter;
                QWidget* viewport = w.views()->current()->viewport();
                viewport->installEventFilter(&counter);
                int paintedInEvents = 0, paintedByRepaint = 0;
                MoveTimes t;
                for (std::size_t i = 1; i < ticks.size(); ++i) {
                    const int p0 = counter.paints;
                    const auto t0 = Clock::now();
                    slider->setValue(ticks[i]);
                    const auto t1 = Clock::now();
                    QCoreApplication::processEvents();
                    const auto t2 = Clock::now();
                    const int p1 = counter.paints;
                    viewport->repaint();
                    const auto t3 = Clock::now();
                    paintedInEvents += p1 > p0 ? 1 : 0;
                    paintedByRepaint += counter.paints > p1 ? 1 : 0;
                    t.setValue.push_back(msSince(t0, t1));
                    t.events.push_back(msSince(t1, t2));
                    t.repaint.push_back(msSince(t2, t3));
                    t.frame.push_back(msSince(t0, t2));
                    t.total.push_back(msSince(t0, t3));
                    if (fits->isBusy())
                        ++busyAfterMove;
                    const double C = std::pow(10.0, static_cast<double>(ticks[i]) / ui::BudgetPanel::kTicksPerDecade);
                    if (doc->budget() != C || panel->budget() != C)
                        ++budgetMismatch;
                }
                // Let anything the moves scheduled (a debounced refit would be one) come due.
                waitUntil([] { return false; }, std::max(300, 2 * ui::FitController::kDefaultDebounceMs));
                viewport->removeEventFilter(&counter);
                QObject::disconnect(c1);
                QObject::disconnect(c2);
                const bool noRefit = busyAfterMove == 0 && busySignals == 0 && resultSignals == 0
                                     && fits->result().get() == before && !fits->isBusy()
                                     && doc->fitSpec() == specBefore;
                allNoRefit = allNoRefit && noRefit && budgetMismatch == 0;
                std::printf("  %-10s no refit: %s (busy after %d of %zu moves, %d busyChanged, %d resultChanged, "
                            "result object %s); budget followed the slider on %zu of %zu moves\n",
                            viewName(view), noRefit ? "yes" : "NO", busyAfterMove, t.total.size(), busySignals,
                            resultSignals, fits->result().get() == before ? "unchanged" : "CHANGED",
                            t.total.size() - static_cast<std::size_t>(budgetMismatch), t.total.size());
                std::printf("  %-10s chart painted during processEvents() on %d of %zu moves, by the forced repaint "
                            "on %d\n",
                            viewName(view), paintedInEvents, t.total.size(), paintedByRepaint);
                rows.push_back({set.name, draws, viewName(view), stats(t.total), stats(t.frame),
                                stats(t.setValue).median, stats(t.events).median, stats(t.repaint).median,
                                stats(panelMs).median, stats(windowPanelMs).median, stats(docMs).median,
                                stats(refreshMs).median, noRefit});
            }
        }
        std::printf("\n");
    }

    std::printf("per move, ms: total = setValue + processEvents + forced repaint; frame = setValue + processEvents\n"
                "(median, p90, max of %d moves; the other columns are medians)\n",
                moves);
    std::printf("%-7s %5s %-10s | %21s | %21s | %6s %6s %6s | %6s %6s %6s %6s | %s\n", "data", "draws", "view",
                "total med/p90/max", "frame med/p90/max", "setVal", "events", "repnt", "panel", "winpnl", "docset",
                "refrsh", "refit");
    for (const Row& r : rows)
        std::printf("%-7s %5zu %-10s | %6.2f %6.2f %7.2f | %6.2f %6.2f %7.2f | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f "
                    "%6.2f | %s\n",
                    r.data.c_str(), r.draws, r.view.c_str(), r.total.median, r.total.p90, r.total.max, r.frame.median,
                    r.frame.p90, r.frame.max, r.setValue, r.events, r.repaint, r.panel, r.windowPanel, r.docSet,
                    r.refresh, r.noRefit ? "none" : "REFIT");
    std::printf("panel = BudgetPanel::setBudget on a separate hidden panel (readouts + intervals); winpnl = the "
                "window's panel recomputing (setModel);\ndocset = Document::setBudget in the window (all but the "
                "slider's own recompute); refrsh = ChartViews::refresh() alone\n");
    std::printf("no refit during any move: %s\n", allNoRefit ? "yes" : "NO");
    return status != 0 ? status : (allNoRefit ? 0 : 2);
}
