// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FitOverlayBuilder.h"

#include "ui/NumberFormat.h"
#include "ui/OverlayPalette.h"

#include <cmath>

namespace ui {

namespace {

const QColor kFrontier = OverlayPalette::frontier();
const QColor kBand = OverlayPalette::band();
const QColor kBudget = OverlayPalette::budget();
const QColor kEnvelope = OverlayPalette::envelope();
constexpr int kStaleAlpha = 70;

QColor faded(QColor c, bool stale)
{
    if (stale)
        c.setAlpha(std::min(c.alpha(), kStaleAlpha));
    return c;
}

QPen pen(QColor color, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen p(color);
    p.setWidthF(width);
    p.setStyle(style);
    p.setCapStyle(Qt::RoundCap);
    p.setJoinStyle(Qt::RoundJoin);
    p.setCosmetic(true);
    return p;
}

/// Splits a curve at [lo, hi] (data units) into the part inside (solid) and the parts outside
/// (dashed), each continuing where the other stops.
void addSplit(OverlayLayer::Content& out, const core::PlotPoints& curve, double lo, double hi, QColor color, double width)
{
    QPolygonF inside, below, above;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const QPointF p(std::log10(curve.x[i]), std::log10(curve.y[i]));
        if (curve.x[i] < lo)
            below << p;
        else if (curve.x[i] > hi)
            above << p;
        else
            inside << p;
    }
    // Join the pieces so the line has no gap.
    if (!below.isEmpty() && !inside.isEmpty())
        below << inside.front();
    if (!above.isEmpty() && !inside.isEmpty())
        above.prepend(inside.back());
    if (inside.size() >= 2)
        out.lines.push_back({inside, pen(color, width)});
    for (const QPolygonF& part : {below, above})
        if (part.size() >= 2)
            out.lines.push_back({part, pen(color, width, Qt::DashLine)});
}

void addBudget(OverlayLayer::Content& out, const FitOverlayBuilder::Inputs& in)
{
    if (!in.optimum)
        return;
    const core::Allocation& a = *in.optimum;
    double x = a.C;
    QString label;
    switch (in.x) {
    case core::XQuantity::N:
        x = a.N;
        label = QStringLiteral("N_opt = %1 at C = %2").arg(NumberFormat::count(a.N), NumberFormat::budget(a.C));
        break;
    case core::XQuantity::D:
        x = a.D;
        label = QStringLiteral("D_opt = %1 at C = %2").arg(NumberFormat::count(a.D), NumberFormat::budget(a.C));
        break;
    case core::XQuantity::C:
        label = QStringLiteral("C = %1: L = %2").arg(NumberFormat::budget(a.C), NumberFormat::loss(a.loss));
        break;
    }
    if (!(x > 0) || !(a.loss > 0))
        return;
    out.vlines.push_back({std::log10(x), pen(kBudget, 1.2, Qt::DashDotLine), label});
    OverlayLayer::Marker star;
    star.point = QPointF(std::log10(x), std::log10(a.loss));
    star.color = kBudget;
    star.shape = OverlayLayer::Shape::Star;
    star.size = 14;
    out.markers.push_back(star);
}

double xOfPoint(const core::FitData& d, std::size_t i, core::XQuantity q)
{
    const auto k = static_cast<Eigen::Index>(i);
    return q == core::XQuantity::N ? d.N[k] : (q == core::XQuantity::D ? d.D[k] : d.C[k]);
}

void addBacktest(OverlayLayer::Content& out, const FitOverlayBuilder::Inputs& in)
{
    if (in.result == nullptr || !in.result->backtest)
        return;
    const core::HoldoutResult& h = *in.result->backtest;
    const core::FitData& d = in.result->data;
    std::size_t j = 0;
    for (std::size_t i = 0; i < d.size() && j < h.predicted.size(); ++i) {
        const auto k = static_cast<Eigen::Index>(i);
        const double v = h.split.quantity == 'C' ? d.C[k] : d.N[k];
        if (!(v > h.split.threshold))
            continue;
        const double x = xOfPoint(d, i, in.x);
        const double pred = h.predicted[j], obs = h.observed[j];
        ++j;
        if (!(x > 0 && pred > 0 && obs > 0))
            continue;
        const double lx = std::log10(x);
        out.lines.push_back({QPolygonF({QPointF(lx, std::log10(obs)), QPointF(lx, std::log10(pred))}),
                             pen(QColor(0x55, 0x55, 0x55), 1.0, Qt::DotLine)});
        OverlayLayer::Marker m;
        m.point = QPointF(lx, std::log10(pred));
        m.color = QColor(0x20, 0x20, 0x20);
        m.shape = OverlayLayer::Shape::Diamond;
        m.filled = false;
        m.size = 11;
        m.label = QStringLiteral("%1%2%").arg(pred >= obs ? QStringLiteral("+") : QString())
                      .arg(QString::number(100.0 * (pred - obs) / obs, 'f', 1));
        out.markers.push_back(m);
    }
    // The cutoff itself, when it is on this axis.
    const bool onAxis = (h.split.quantity == 'N' && in.x == core::XQuantity::N)
                        || (h.split.quantity == 'C' && in.x == core::XQuantity::C);
    if (onAxis && h.split.threshold > 0)
        out.vlines.push_back({std::log10(h.split.threshold), pen(QColor(0x55, 0x55, 0x55), 1.0, Qt::DotLine),
                              QStringLiteral("backtest cutoff")});
}

} // namespace

QPolygonF FitOverlayBuilder::logPolygon(const core::PlotPoints& points)
{
    QPolygonF out;
    out.reserve(static_cast<qsizetype>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i)
        out << QPointF(std::log10(points.x[i]), std::log10(points.y[i]));
    return out;
}

OverlayLayer::Content FitOverlayBuilder::lossView(const Inputs& in)
{
    OverlayLayer::Content out;
    if (in.views == nullptr)
        return out;
    const core::ViewCurves& v = in.views->byX[static_cast<int>(in.x)];
    if (v.locusBand && !in.stale && v.locusBand->x.size() >= 2) {
        OverlayLayer::Band band;
        for (std::size_t i = 0; i < v.locusBand->x.size(); ++i) {
            band.lower << QPointF(std::log10(v.locusBand->x[i]), std::log10(v.locusBand->lower[i]));
            band.upper << QPointF(std::log10(v.locusBand->x[i]), std::log10(v.locusBand->upper[i]));
        }
        band.fill = kBand;
        out.bands.push_back(std::move(band));
    }
    for (const core::ViewGroupCurve& g : v.groups) {
        const QColor color = g.runs.empty() || !in.runColor ? QColor(0x44, 0x44, 0x44) : in.runColor(g.runs.front());
        addSplit(out, g.curve, g.dataLo, g.dataHi, faded(color, in.stale), 2.0);
    }
    // Approach 1 against C: the lowest loss any run reached at each compute, over the curves.
    const bool envelope = in.x == core::XQuantity::C && in.views->envelopeLoss.size() >= 2;
    if (envelope)
        out.lines.push_back({logPolygon(in.views->envelopeLoss), pen(faded(kEnvelope, in.stale), 3.0)});
    if (!v.groups.empty())
        out.legend.push_back({QStringLiteral("fitted law (dashed: extrapolated)"), pen(QColor(0x55, 0x55, 0x55), 2.0),
                              {}, {}, {}});
    if (v.locus.size() >= 2) {
        if (in.x == core::XQuantity::C)
            addSplit(out, v.locus, v.dataLo, v.dataHi, faded(kFrontier, in.stale), 2.2);
        else
            out.lines.push_back({logPolygon(v.locus), pen(faded(kFrontier, in.stale), 1.6, Qt::DotLine)});
        out.legend.push_back({in.x == core::XQuantity::C ? QStringLiteral("compute-optimal loss (fit), 95% band")
                                                         : QStringLiteral("compute-optimal points (fit)"),
                              pen(kFrontier, 1.6, in.x == core::XQuantity::C ? Qt::SolidLine : Qt::DotLine),
                              in.x == core::XQuantity::C && v.locusBand ? kBand : QColor(), {}, {}});
    }
    if (envelope)
        out.legend.push_back({QStringLiteral("envelope of the curves (approach 1)"), pen(kEnvelope, 3.0), {}, {}, {}});
    out.legendCorner = Qt::BottomLeftCorner; // loss falls to the right: the lower left is free
    addBacktest(out, in);
    if (in.range && in.range->quantity == in.x) {
        const QPen p = pen(QColor(0x66, 0x66, 0x66), 1.0, Qt::DashLine);
        if (in.range->lower > 0)
            out.vlines.push_back({std::log10(in.range->lower), p, QStringLiteral("fit from")});
        if (std::isfinite(in.range->upper))
            out.vlines.push_back({std::log10(in.range->upper), p, QStringLiteral("fit to")});
    }
    addBudget(out, in);
    return out;
}

OverlayLayer::Content FitOverlayBuilder::isoFlopView(const Inputs& in)
{
    OverlayLayer::Content out;
    if (in.views == nullptr)
        return out;
    Inputs inN = in;
    inN.x = core::XQuantity::N;
    // The law's IsoFLOP curves, faint, behind the parabolas.
    for (const core::ViewGroupCurve& g : in.views->byX[static_cast<int>(core::XQuantity::N)].groups) {
        QColor c = g.runs.empty() || !in.runColor ? QColor(0x88, 0x88, 0x88) : in.runColor(g.runs.front());
        c.setAlpha(90); // faint and solid: a dashed antialiased pen costs several ms per repaint
        out.lines.push_back({logPolygon(g.curve), pen(c, 1.0)});
    }
    if (in.views->isoFlop) {
        const auto& profiles = in.views->isoFlop->profiles;
        for (std::size_t i = 0; i < profiles.size(); ++i) {
            const core::IsoFlopProfile& p = profiles[i];
            const QColor color = p.members.empty() || !in.runColor || in.result == nullptr
                                     ? QColor(0x44, 0x44, 0x44)
                                     : in.runColor(in.result->data.run[p.members.front()]);
            if (i < in.views->parabolas.size() && in.views->parabolas[i].size() >= 2)
                out.lines.push_back({logPolygon(in.views->parabolas[i]), pen(faded(color, in.stale), 2.0)});
            if (!(p.nOpt > 0 && p.lossOpt > 0))
                continue;
            const double ly = std::log10(p.lossOpt);
            if (p.trusted() && p.nOptInterval[0] > 0 && p.nOptInterval[1] > 0) // doubtful: no bar (see allocation view)
                out.lines.push_back({QPolygonF({QPointF(std::log10(p.nOptInterval[0]), ly),
                                                QPointF(std::log10(p.nOptInterval[1]), ly)}),
                                     pen(color.darker(130), 1.4)});
            OverlayLayer::Marker m;
            m.point = QPointF(std::log10(p.nOpt), ly);
            m.color = color.darker(115);
            m.shape = OverlayLayer::Shape::Diamond;
            m.size = 12;
            m.filled = p.trusted();
            m.label = p.trusted() ? QString() : QStringLiteral("?");
            out.markers.push_back(m);
        }
    }
    addBudget(out, inN);
    return out;
}

} // namespace ui
