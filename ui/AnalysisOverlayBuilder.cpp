// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AnalysisOverlayBuilder.h"

#include "ui/NumberFormat.h"
#include "ui/OverlayPalette.h"

#include <cmath>

namespace ui {

namespace {

const QColor kN = OverlayPalette::nOpt();
const QColor kD = OverlayPalette::dOpt();
const QColor kBudget = OverlayPalette::budget();

QPen pen(QColor color, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen p(color);
    p.setWidthF(width);
    p.setStyle(style);
    p.setCosmetic(true);
    p.setCapStyle(Qt::RoundCap);
    return p;
}

QColor alpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

void addBand(OverlayLayer::Content& out, const core::CurveBand& band, QColor fill)
{
    if (band.x.size() < 2)
        return;
    OverlayLayer::Band b;
    for (std::size_t i = 0; i < band.x.size(); ++i) {
        b.lower << QPointF(std::log10(band.x[i]), std::log10(band.lower[i]));
        b.upper << QPointF(std::log10(band.x[i]), std::log10(band.upper[i]));
    }
    b.fill = fill;
    out.bands.push_back(std::move(b));
}

void addLine(OverlayLayer::Content& out, const core::PlotPoints& pts, const QPen& p)
{
    if (pts.size() >= 2)
        out.lines.push_back({FitOverlayBuilder::logPolygon(pts), p});
}

} // namespace

OverlayLayer::Content AnalysisOverlayBuilder::allocationView(const FitOverlayBuilder::Inputs& in)
{
    OverlayLayer::Content out;
    if (in.views == nullptr)
        return out;
    const core::FitViews& v = *in.views;
    const int fade = in.stale ? 80 : 255;
    out.legendCorner = Qt::BottomRightCorner; // the lines rise to the top right
    if (v.frontierBands && !in.stale) {
        addBand(out, v.frontierBands->N, alpha(kN, 50));
        addBand(out, v.frontierBands->D, alpha(kD, 50));
    }
    if (v.frontier) {
        addLine(out, v.frontier->N, pen(alpha(kN, fade), 2.4));
        addLine(out, v.frontier->D, pen(alpha(kD, fade), 2.4));
        out.legend.push_back({QStringLiteral("N_opt, fitted law (approach 3)"), pen(kN, 2.4), {}, {}, {}});
        out.legend.push_back({QStringLiteral("D_opt, fitted law (approach 3)"), pen(kD, 2.4), {}, {}, {}});
        if (v.frontierBands)
            out.legend.push_back({QStringLiteral("95% bootstrap band"), QPen(Qt::NoPen), alpha(kN, 50), {}, {}});
    }
    if (!v.approach2N.x.empty()) {
        if (!in.stale) {
            addBand(out, v.approach2NBand, alpha(kN, 28));
            addBand(out, v.approach2DBand, alpha(kD, 28));
        }
        addLine(out, v.approach2N, pen(alpha(kN, fade), 1.6, Qt::DashLine));
        addLine(out, v.approach2D, pen(alpha(kD, fade), 1.6, Qt::DashLine));
        out.legend.push_back({QStringLiteral("IsoFLOP power laws (approach 2), 95% band"), pen(QColor(0x40, 0x40, 0x40), 1.6, Qt::DashLine), {}, {}, {}});
    }
    if (v.isoFlop) {
        bool any = false;
        for (const core::IsoFlopProfile& p : v.isoFlop->profiles) {
            if (!(p.C > 0 && p.nOpt > 0 && p.dOpt > 0))
                continue;
            any = true;
            for (const auto& [y, color] : {std::pair{p.nOpt, kN}, std::pair{p.dOpt, kD}}) {
                OverlayLayer::Marker m;
                m.point = QPointF(std::log10(p.C), std::log10(y));
                m.color = color;
                m.shape = OverlayLayer::Shape::Diamond;
                m.size = 11;
                m.filled = p.trusted();
                out.markers.push_back(m);
            }
            // Intervals of doubtful vertices (outside or at the edge of the sampled N) are not drawn:
            // their delta-method width is meaningless and would swamp the chart.
            if (p.trusted() && p.nOptInterval[0] > 0 && p.nOptInterval[1] > 0)
                out.lines.push_back({QPolygonF({QPointF(std::log10(p.C), std::log10(p.nOptInterval[0])),
                                                QPointF(std::log10(p.C), std::log10(p.nOptInterval[1]))}),
                                     pen(kN, 1.4)});
        }
        if (any)
            out.legend.push_back({QStringLiteral("IsoFLOP vertices, 95% interval (hollow: doubtful)"), QPen(Qt::NoPen), {},
                                  OverlayLayer::Shape::Diamond, QColor(0x40, 0x40, 0x40)});
    }
    if (!v.approach1N.x.empty()) {
        if (!in.stale) {
            addBand(out, v.approach1NBand, alpha(kN, 20));
            addBand(out, v.approach1DBand, alpha(kD, 20));
        }
        addLine(out, v.approach1N, pen(alpha(kN, fade), 1.6, Qt::DotLine));
        addLine(out, v.approach1D, pen(alpha(kD, fade), 1.6, Qt::DotLine));
        out.legend.push_back({QStringLiteral("envelope power laws (approach 1), 95% band"), pen(QColor(0x40, 0x40, 0x40), 1.6, Qt::DotLine), {}, {}, {}});
    }
    if (in.optimum && in.optimum->C > 0) {
        const core::Allocation& a = *in.optimum;
        out.vlines.push_back({std::log10(a.C), pen(kBudget, 1.2, Qt::DashDotLine),
                              QStringLiteral("C = %1: N_opt %2, D_opt %3").arg(NumberFormat::budget(a.C), NumberFormat::count(a.N),
                                                                              NumberFormat::count(a.D))});
        for (const auto& [y, color] : {std::pair{a.N, kN}, std::pair{a.D, kD}})
            if (y > 0) {
                OverlayLayer::Marker m;
                m.point = QPointF(std::log10(a.C), std::log10(y));
                m.color = color;
                m.shape = OverlayLayer::Shape::Star;
                m.size = 14;
                out.markers.push_back(m);
            }
    }
    return out;
}

OverlayLayer::Content AnalysisOverlayBuilder::residualView(const FitOverlayBuilder::Inputs& in)
{
    OverlayLayer::Content out;
    if (in.views == nullptr || in.result == nullptr)
        return out;
    const core::FitData& d = in.result->data;
    const auto& r = in.views->residuals;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < d.size() && i < r.size(); ++i) {
        const auto k = static_cast<Eigen::Index>(i);
        const double x = in.x == core::XQuantity::N ? d.N[k] : (in.x == core::XQuantity::D ? d.D[k] : d.C[k]);
        if (!(x > 0) || !std::isfinite(r[i]))
            continue;
        OverlayLayer::Marker m;
        m.point = QPointF(std::log10(x), r[i]);
        m.color = in.runColor ? in.runColor(d.run[i]) : QColor(0x44, 0x44, 0x44);
        m.size = 8;
        out.markers.push_back(m);
        lo = std::min(lo, m.point.x());
        hi = std::max(hi, m.point.x());
    }
    if (lo <= hi)
        out.lines.push_back({QPolygonF({QPointF(lo, 0.0), QPointF(hi, 0.0)}), pen(QColor(0x30, 0x30, 0x30), 1.2)});
    out.legend.push_back({QStringLiteral("ln(predicted / observed) of each fitted point"), QPen(Qt::NoPen), {},
                          OverlayLayer::Shape::Circle, QColor(0x66, 0x66, 0x66)});
    return out;
}

} // namespace ui
