// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RunPlotContent.h"

#include "core/plot/SeedBands.h"
#include "ui/ColorScale.h"
#include "ui/Document.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ui::LogLogChartView", text);
}

QPointF logOf(const core::PlotPoints& p, std::size_t j)
{
    return {std::log10(p.x[j]), std::log10(p.y[j])};
}
} // namespace

RunPlotContent::RunPlotContent()
    : xLo(std::numeric_limits<double>::infinity()), xHi(-xLo), yLo(xLo), yHi(-xLo)
{
}

RunPlotContent RunPlotContent::build(const Document& document, const std::function<bool(int)>& hollow)
{
    RunPlotContent content;
    content.addMarkers(document, hollow);
    content.addCurves(document, hollow);
    return content;
}

void RunPlotContent::widen(const core::PlotPoints& p)
{
    if (p.size() == 0)
        return;
    xLo = std::min(xLo, p.x.front());
    xHi = std::max(xHi, p.x.back());
    yLo = std::min(yLo, *std::min_element(p.y.begin(), p.y.end()));
    yHi = std::max(yHi, *std::max_element(p.y.begin(), p.y.end()));
}

void RunPlotContent::addMarkers(const Document& document, const std::function<bool(int)>& hollow)
{
    const core::Sweep& sweep = document.sweep();
    const ColorScale& scale = document.colorScale();
    perRun = scale.entries().isEmpty();

    std::vector<std::size_t> groupOfEntry(static_cast<std::size_t>(scale.entries().size()));
    for (qsizetype e = 0; e < scale.entries().size(); ++e) {
        groupOfEntry[static_cast<std::size_t>(e)] = markers.size();
        MarkerGroup g;
        g.name = scale.entries()[e].label;
        g.color = scale.entries()[e].color;
        markers.push_back(std::move(g));
    }
    std::map<int, std::size_t> hollowOfEntry; // colour entry -> its excluded (hollow) group
    for (std::size_t i = 0; i < sweep.runs.size(); ++i) {
        const core::Run& run = sweep.runs[i];
        const int r = static_cast<int>(i);
        if (!document.isRunVisible(r) || run.curves.empty() || run.curves.front().size() > 1)
            continue; // several points: a curve
        const core::PlotPoints pts = core::logPlotPoints(run, run.curves.front(), document.xQuantity());
        if (pts.size() == 0)
            continue;
        widen(pts);
        const bool excluded = hollow(r);
        std::size_t group = 0;
        if (perRun) {
            MarkerGroup g;
            g.name = QString::fromStdString(run.name);
            g.color = document.runColor(r);
            g.excluded = excluded;
            group = markers.size();
            markers.push_back(std::move(g));
        } else if (const int entry = scale.entryOf(i); excluded) {
            auto it = hollowOfEntry.find(entry);
            if (it == hollowOfEntry.end()) {
                MarkerGroup g;
                g.name = scale.entries()[entry].label + tr(" (excluded)");
                g.color = scale.entries()[entry].color;
                g.excluded = true;
                g.legendHidden = true;
                it = hollowOfEntry.emplace(entry, markers.size()).first;
                markers.push_back(std::move(g));
            }
            group = it->second;
        } else {
            group = groupOfEntry[static_cast<std::size_t>(entry)];
        }
        markers[group].shown.x.push_back(pts.x.front());
        markers[group].shown.y.push_back(pts.y.front());
        markers[group].runs.push_back(r);
    }
}

void RunPlotContent::addCurves(const Document& document, const std::function<bool(int)>& hollow)
{
    const core::Sweep& sweep = document.sweep();
    const core::XQuantity q = document.xQuantity();
    const double smoothing = document.smoothing();
    auto colorOf = [&](int run, int alpha) {
        QColor c = document.runColor(run);
        c.setAlpha(hollow(run) ? std::min(alpha, 60) : alpha); // excluded: faint
        return c;
    };
    std::vector<std::size_t> curveRuns;
    for (std::size_t i = 0; i < sweep.runs.size(); ++i)
        if (document.isRunVisible(static_cast<int>(i)) && !sweep.runs[i].curves.empty()
            && sweep.runs[i].curves.front().size() > 1)
            curveRuns.push_back(i);
    std::vector<char> inBand(sweep.runs.size(), 0);
    for (core::SeedBand& b : core::seedBands(sweep, curveRuns, document.seedColumn().toStdString(), q, smoothing)) {
        Curve c;
        c.run = static_cast<int>(b.runs.front());
        c.name = tr("%1 (mean of %2 seeds)").arg(QString::fromStdString(sweep.runs[b.runs.front()].name)).arg(b.runs.size());
        c.color = colorOf(c.run, 255);
        c.bandLower = core::PlotPoints{b.mean.x, b.lower};
        c.bandUpper = core::PlotPoints{b.mean.x, b.upper};
        widen(c.bandLower);
        widen(c.bandUpper);
        c.full = std::move(b.mean);
        for (std::size_t r : b.runs)
            inBand[r] = 1;
        curves.push_back(std::move(c));
    }
    for (std::size_t i : curveRuns) {
        if (inBand[i])
            continue;
        core::PlotPoints pts = core::logPlotPoints(sweep.runs[i], sweep.runs[i].curves.front(), q);
        if (pts.size() == 0)
            continue;
        widen(pts);
        Curve c;
        c.run = static_cast<int>(i);
        c.name = QString::fromStdString(sweep.runs[i].name);
        if (smoothing > 0) { // the raw curve faint behind the smoothed one
            Curve raw = c;
            raw.color = colorOf(c.run, 60);
            raw.faint = true;
            raw.full = pts;
            curves.push_back(std::move(raw));
            c.full = core::smoothPlotPoints(pts, smoothing);
        } else {
            c.full = std::move(pts);
        }
        c.color = colorOf(c.run, 255);
        curves.push_back(std::move(c));
    }
}

int RunPlotContent::runNear(QPointF viewPos, double radius, const std::function<QPointF(QPointF)>& toView) const
{
    double best = radius * radius;
    int run = -1;
    auto consider = [&](QPointF logPoint, int r) {
        const QPointF d = toView(logPoint) - viewPos;
        const double d2 = QPointF::dotProduct(d, d);
        if (d2 <= best) {
            best = d2;
            run = r;
        }
    };
    for (const MarkerGroup& m : markers)
        for (std::size_t j = 0; j < m.shown.size(); ++j)
            consider(logOf(m.shown, j), m.runs[j]);
    for (const Curve& c : curves)
        for (std::size_t j = 0; j < c.shown.size(); ++j)
            consider(logOf(c.shown, j), c.run);
    return run;
}

std::vector<std::size_t> RunPlotContent::runsWhere(const std::function<bool(QPointF)>& inside) const
{
    std::vector<std::size_t> runs;
    for (const MarkerGroup& m : markers)
        for (std::size_t j = 0; j < m.shown.size(); ++j)
            if (inside(logOf(m.shown, j)))
                runs.push_back(static_cast<std::size_t>(m.runs[j]));
    for (const Curve& c : curves)
        for (std::size_t j = 0; j < c.shown.size(); ++j)
            if (inside(logOf(c.shown, j))) {
                runs.push_back(static_cast<std::size_t>(c.run));
                break;
            }
    std::sort(runs.begin(), runs.end());
    runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
    return runs;
}

} // namespace ui
