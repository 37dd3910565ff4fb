// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): cost of one zoom step in the chart with 400 curves x 20,000 points
// (8M points; other sizes: bench_chart CURVES POINTS), offscreen: zoomAt + re-decimation + series update, then a full repaint via grab().
// Run: QT_QPA_PLATFORM=offscreen build/bench/tests/bench/bench_chart
#include "ui/Document.h"
#include "ui/LogLogChartView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <cmath>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 400;
    const int points = argc > 2 ? std::atoi(argv[2]) : 20000;
    std::printf("%d curves x %d points\n", runs, points);
    core::Sweep sweep;
    sweep.layout = "curves";
    for (int r = 0; r < runs; ++r) {
        core::Run run;
        run.id = run.name = "run " + std::to_string(r);
        run.N = std::pow(10.0, 7.0 + 3.0 * r / runs);
        core::Curve c;
        c.metric = "loss";
        c.reserve(static_cast<std::size_t>(points));
        for (int s = 1; s <= points; ++s) {
            const double d = 524288.0 * s;
            c.append(s, d, 6 * run.N * d, 1.69 + 406.4 / std::pow(run.N, 0.34) + 410.7 / std::pow(d, 0.28));
        }
        run.curves.push_back(std::move(c));
        sweep.runs.push_back(std::move(run));
    }
    ui::Document doc;
    QElapsedTimer t;
    t.start();
    doc.setSweep(std::move(sweep));
    ui::LogLogChartView view(&doc);
    view.resize(1000, 700);
    view.show();
    QCoreApplication::processEvents();
    view.flushPendingUpdate();
    (void)view.grab();
    std::printf("first show (series built, decimated, painted): %lld ms\n", static_cast<long long>(t.elapsed()));

    const QPointF centre = view.plotAreaInView().center();
    for (int step = 0; step < 10; ++step) {
        t.restart();
        view.zoomAt(centre, step < 5 ? 0.8 : 1.25);
        const qint64 zoomed = t.elapsed();
        view.flushPendingUpdate();
        const qint64 decimated = t.elapsed();
        std::printf("  axis range change alone: %lld ms\n", static_cast<long long>(zoomed));
        (void)view.grab();
        int points = 0;
        for (int i = 0; i < view.curveCount(); ++i)
            points += view.pointCount(i);
        std::printf("zoom step %d: %lld ms to re-decimate and update, %lld ms with repaint, %d points shown\n",
                    step, static_cast<long long>(decimated), static_cast<long long>(t.elapsed()), points);
    }
    return 0;
}
