// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ParameterTableModel.h"

#include "core/fit/Laws.h"
#include "core/io/NumberParser.h"
#include "core/util/NumberText.h"
#include "ui/Document.h"
#include "ui/FitController.h"

#include <QBrush>
#include <QPalette>

#include <cmath>
#include <limits>

namespace ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kZ95 = 1.959963984540054; // the 97.5th percentile of the standard normal

QString shown(double v)
{
    return std::isfinite(v) ? QString::fromStdString(core::significantText(v, 6))
                            : (std::isnan(v) ? QStringLiteral("\u2013")
                                             : (v > 0 ? QStringLiteral("\u221e") : QStringLiteral("\u2212\u221e")));
}

/// The shortest of 15..17 significant digits that reads back as exactly v (200, 0.34, 1e-05).
QString full(double v)
{
    if (!std::isfinite(v))
        return shown(v);
    for (int digits = 15; digits < 17; ++digits) {
        const QString text = QString::number(v, 'g', digits);
        if (text.toDouble() == v)
            return text;
    }
    return QString::number(v, 'g', 17);
}

/// A number from a cell: empty -> nullopt with ok; unparsable -> ok false.
std::optional<double> parseCell(const QString& text, bool& ok)
{
    const QByteArray bytes = text.trimmed().toUtf8();
    ok = true;
    if (bytes.isEmpty())
        return std::nullopt;
    double v = 0.0;
    ok = core::parseNumber(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), v)
         && std::isfinite(v);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

ParameterTableModel::ParameterTableModel(Document* document, FitController* fits, QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_fits(fits)
{
    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what & (Document::Change::FitSettings | Document::Change::Sweep))
            refresh();
    });
    connect(m_fits, &FitController::resultChanged, this, &ParameterTableModel::refresh);
    refresh();
}

const core::Law* ParameterTableModel::law() const
{
    return core::lawById(m_document->fitSpec().lawId);
}

void ParameterTableModel::refresh()
{
    const core::Law* l = law();
    const int rows = l != nullptr ? static_cast<int>(l->parameters().size()) : 0;
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (m_rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    }
}

int ParameterTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ParameterTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double ParameterTableModel::fitted(int row) const
{
    const auto& r = m_fits->result();
    if (r == nullptr || r->law != law() || row >= static_cast<int>(r->fit.result.params.size()))
        return kNaN;
    return r->fit.result.params[static_cast<std::size_t>(row)];
}

QVariant ParameterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const kTitles[] = {"Parameter", "Value", "\u00b1 SE", "95% CI", "Fixed", "Lower", "Upper", "Start"};
    return section >= 0 && section < ColumnCount ? tr(kTitles[section]) : QVariant();
}

Qt::ItemFlags ParameterTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const std::string name(law()->parameters()[static_cast<std::size_t>(index.row())].name);
    const bool isFixed = m_document->fitSpec().fixed.count(name) > 0;
    switch (index.column()) {
    case Fixed:
        return f | Qt::ItemIsUserCheckable;
    case Value:
        return isFixed ? f | Qt::ItemIsEditable : f;
    case Lower:
    case Upper:
    case Start:
        return f | Qt::ItemIsEditable;
    default:
        return f;
    }
}

QVariant ParameterTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const int row = index.row();
    const core::ParameterSpec& spec = law()->parameters()[static_cast<std::size_t>(row)];
    const core::FitJobSpec& fs = m_document->fitSpec();
    const auto fixedIt = fs.fixed.find(spec.name);
    const bool isFixed = fixedIt != fs.fixed.end();
    const auto boundIt = fs.bounds.find(spec.name);
    const double lower = boundIt != fs.bounds.end() ? boundIt->second.lower : spec.lower;
    const double upper = boundIt != fs.bounds.end() ? boundIt->second.upper : spec.upper;
    const auto startIt = fs.starts.find(spec.name);
    const double start = startIt != fs.starts.end() ? startIt->second : spec.start;
    const auto& result = m_fits->result();
    const bool ours = result != nullptr && result->law == law();
    const double value = isFixed ? fixedIt->second : fitted(row);
    const double se = ours ? result->fit.result.stderrs[static_cast<std::size_t>(row)] : kNaN;
    double lo = kNaN, hi = kNaN;
    const bool boot = ours && result->bootstrap.has_value() && !isFixed;
    if (boot) {
        lo = result->bootstrap->lower[static_cast<std::size_t>(row)];
        hi = result->bootstrap->upper[static_cast<std::size_t>(row)];
    } else if (ours && !isFixed && std::isfinite(se)) {
        lo = value - kZ95 * se;
        hi = value + kZ95 * se;
    }

    if (role == Qt::CheckStateRole && index.column() == Fixed)
        return isFixed ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(spec.name);
        case Value:
            return role == Qt::EditRole ? full(value) : shown(value);
        case StdErr:
            return isFixed ? QStringLiteral("fixed") : shown(se);
        case Interval:
            return std::isfinite(lo) ? QStringLiteral("[%1, %2]").arg(shown(lo), shown(hi)) : QStringLiteral("\u2013");
        case Lower:
            return role == Qt::EditRole ? full(lower) : shown(lower);
        case Upper:
            return role == Qt::EditRole ? full(upper) : shown(upper);
        case Start:
            return role == Qt::EditRole ? full(start) : shown(start);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Value:
            return full(value);
        case StdErr:
            return full(se);
        case Interval:
            return boot ? tr("Bootstrap percentile interval over %1 resamples (2.5th to 97.5th)")
                              .arg(result->bootstrap->draws.size())
                        : tr("Wald interval: value \u00b1 1.96 SE (run a bootstrap for percentile intervals)");
        case Fixed:
            return tr("Hold this parameter at its value during the fit");
        case Lower:
        case Upper:
            return tr("Bound kept by the fit; clear the cell for the law's default");
        case Start:
            return tr("Start value for the local solver; clear the cell for the law's default");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && (index.column() == Lower || index.column() == Upper || index.column() == Start)) {
        const bool custom = index.column() == Start ? startIt != fs.starts.end() : boundIt != fs.bounds.end();
        if (!custom)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool ParameterTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_rows)
        return false;
    const core::ParameterSpec& p = law()->parameters()[static_cast<std::size_t>(index.row())];
    core::FitJobSpec spec = m_document->fitSpec();
    const QString name = QString::fromStdString(p.name);
    if (index.column() == Fixed && role == Qt::CheckStateRole) {
        if (value.toInt() == Qt::Checked) {
            double v = fitted(index.row());
            if (!std::isfinite(v))
                v = spec.starts.count(p.name) ? spec.starts.at(p.name) : p.start;
            spec.fixed[p.name] = v;
            m_document->setFitSpec(spec, tr("Fix %1").arg(name));
        } else {
            spec.fixed.erase(p.name);
            m_document->setFitSpec(spec, tr("Free %1").arg(name));
        }
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    bool ok = false;
    const std::optional<double> v = parseCell(value.toString(), ok);
    if (!ok)
        return false;
    switch (index.column()) {
    case Value:
        if (!v || !spec.fixed.count(p.name))
            return false;
        spec.fixed[p.name] = *v;
        m_document->setFitSpec(spec, tr("Fix %1 at %2").arg(name, full(*v)));
        return true;
    case Lower:
    case Upper: {
        const auto it = spec.bounds.find(p.name);
        core::ParameterBounds b = it != spec.bounds.end() ? it->second : core::ParameterBounds{p.lower, p.upper};
        (index.column() == Lower ? b.lower : b.upper) = v ? *v : (index.column() == Lower ? p.lower : p.upper);
        if (b.lower > b.upper)
            return false;
        if (b.lower == p.lower && b.upper == p.upper)
            spec.bounds.erase(p.name);
        else
            spec.bounds[p.name] = b;
        m_document->setFitSpec(spec, tr("Bound %1").arg(name));
        return true;
    }
    case Start:
        if (v)
            spec.starts[p.name] = *v;
        else
            spec.starts.erase(p.name);
        m_document->setFitSpec(spec, tr("Start %1").arg(name));
        return true;
    default:
        return false;
    }
}

} // namespace ui
