// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ColorScale.h"

#include "ui/NumberFormat.h"

#include "core/plot/ValueBins.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace ui {

namespace {

// Tableau 10: distinguishable qualitative colours.
constexpr std::array<QRgb, 10> kQualitative{0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                            0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
// Viridis sampled at kBins points (dark purple to yellow).
constexpr std::array<QRgb, 9> kSequential{0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d,
                                          0x27ad81, 0x5cc863, 0xaadc32, 0xfde725};
const QColor kUnknownColor(0x9e, 0x9e, 0x9e);

/// One run's value of the attribute: a number, a text, or nothing.
struct Value {
    std::optional<double> number;
    std::optional<std::string> text;
};

Value valueOf(const core::Run& run, const QString& attribute)
{
    auto num = [](double v) { return std::isfinite(v) ? Value{v, {}} : Value{}; };
    if (attribute == QStringLiteral("budget"))
        return num(run.budget);
    if (attribute == QStringLiteral("N"))
        return num(run.N);
    if (attribute == QStringLiteral("D"))
        return num(run.D);
    if (attribute == QStringLiteral("C"))
        return num(run.C);
    const auto it = run.attributes.find(attribute.toStdString());
    if (it == run.attributes.end())
        return {};
    if (const double* d = std::get_if<double>(&it->second))
        return num(*d);
    const auto& s = std::get<std::string>(it->second);
    return s.empty() ? Value{} : Value{{}, s};
}

QString valueText(const QString& attribute, double v)
{
    if (attribute == QStringLiteral("budget") || attribute == QStringLiteral("C"))
        return NumberFormat::flops(v);
    if (attribute == QStringLiteral("N") || attribute == QStringLiteral("D"))
        return NumberFormat::count(v);
    return QString::fromStdString(core::attributeToString(v));
}

QString unitSuffix(const QString& attribute)
{
    if (attribute == QStringLiteral("budget") || attribute == QStringLiteral("C"))
        return QStringLiteral(" FLOPs");
    if (attribute == QStringLiteral("N"))
        return QStringLiteral(" params");
    if (attribute == QStringLiteral("D"))
        return QStringLiteral(" tokens");
    return {};
}

QString labelFor(const QString& attribute, double v)
{
    return valueText(attribute, v) + unitSuffix(attribute);
}

} // namespace

QStringList ColorScale::attributesOf(const core::Sweep& sweep)
{
    QStringList out{QStringLiteral("run")};
    auto any = [&](auto get) {
        return std::any_of(sweep.runs.begin(), sweep.runs.end(),
                           [&](const core::Run& r) { return std::isfinite(get(r)); });
    };
    if (any([](const core::Run& r) { return r.budget; }))
        out << QStringLiteral("budget");
    if (any([](const core::Run& r) { return r.N; }))
        out << QStringLiteral("N");
    if (any([](const core::Run& r) { return r.D; }))
        out << QStringLiteral("D");
    if (any([](const core::Run& r) { return r.C; }))
        out << QStringLiteral("C");
    std::set<std::string> names;
    for (const core::Run& r : sweep.runs)
        for (const auto& [name, value] : r.attributes)
            names.insert(name);
    for (const std::string& n : names)
        if (!out.contains(QString::fromStdString(n)))
            out << QString::fromStdString(n);
    return out;
}

QString ColorScale::defaultAttribute(const core::Sweep& sweep)
{
    const QStringList all = attributesOf(sweep);
    if (all.contains(QStringLiteral("budget")))
        return QStringLiteral("budget");
    // Final losses are plotted against N: colour by compute, which shows IsoFLOP-like structure,
    // rather than repeat the x axis.
    if (sweep.layout == "final-loss" && all.contains(QStringLiteral("C")))
        return QStringLiteral("C");
    if (all.contains(QStringLiteral("N")))
        return QStringLiteral("N");
    return QStringLiteral("run");
}

ColorScale::ColorScale(const core::Sweep& sweep, const QString& attribute) : m_attribute(attribute)
{
    const std::size_t n = sweep.runs.size();
    if (attribute == QStringLiteral("run") || attribute.isEmpty()) {
        m_attribute = QStringLiteral("run");
        buildPerRun(n);
        return;
    }
    std::vector<Value> values;
    values.reserve(n);
    bool anyText = false;
    for (const core::Run& r : sweep.runs) {
        values.push_back(valueOf(r, attribute));
        anyText = anyText || values.back().text.has_value();
    }
    if (anyText) // mixed columns are compared as text
        for (Value& v : values)
            if (v.number) {
                v.text = core::attributeToString(*v.number);
                v.number.reset();
            }

    std::set<double> numbers;
    std::set<std::string> texts;
    for (const Value& v : values) {
        if (v.number)
            numbers.insert(*v.number);
        else if (v.text)
            texts.insert(*v.text);
    }
    const std::size_t distinct = numbers.size() + texts.size();
    const bool anyUnknown = std::any_of(values.begin(), values.end(),
                                        [](const Value& v) { return !v.number && !v.text; });

    m_entryOfRun.assign(n, -1);
    if (distinct <= static_cast<std::size_t>(kMaxCategories)) {
        std::map<double, int> numberEntry;
        std::map<std::string, int> textEntry;
        for (double d : numbers) {
            numberEntry[d] = static_cast<int>(m_entries.size());
            m_entries.append({labelFor(attribute, d), QColor(kQualitative[m_entries.size()])});
        }
        for (const std::string& t : texts) {
            textEntry[t] = static_cast<int>(m_entries.size());
            m_entries.append({QString::fromStdString(t), QColor(kQualitative[m_entries.size()])});
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (values[i].number)
                m_entryOfRun[i] = numberEntry[*values[i].number];
            else if (values[i].text)
                m_entryOfRun[i] = textEntry[*values[i].text];
        }
    } else if (texts.empty()) {
        // Sequential bins (core::valueBins): real clusters, such as nominal budgets read off a figure
        // with noise, keep one colour each; continuous values get bins of equal counts.
        m_binned = true;
        const std::vector<double> sorted(numbers.begin(), numbers.end());
        const std::vector<std::size_t> starts = core::valueBins(sorted, kBins);
        std::map<double, int> entryOfValue;
        for (std::size_t b = 0; b < starts.size(); ++b) {
            const std::size_t lo = starts[b];
            const std::size_t hi = b + 1 < starts.size() ? starts[b + 1] : sorted.size();
            // Spread the palette over however many bins there are.
            const std::size_t colour = starts.size() == 1 ? 0 : b * (kSequential.size() - 1) / (starts.size() - 1);
            const int entry = static_cast<int>(m_entries.size());
            for (std::size_t k = lo; k < hi; ++k)
                entryOfValue[sorted[k]] = entry;
            const QString label = hi - lo == 1 ? labelFor(attribute, sorted[lo])
                                               : valueText(attribute, sorted[lo]) + QStringLiteral(" \u2013 ")
                                                     + labelFor(attribute, sorted[hi - 1]);
            m_entries.append({label, QColor(kSequential[colour])});
        }
        for (std::size_t i = 0; i < n; ++i)
            if (values[i].number)
                m_entryOfRun[i] = entryOfValue[*values[i].number];
    } else {
        buildPerRun(n);
        return;
    }
    if (anyUnknown) {
        const int unknown = static_cast<int>(m_entries.size());
        m_entries.append({QStringLiteral("unknown"), kUnknownColor});
        for (int& e : m_entryOfRun)
            if (e < 0)
                e = unknown;
    }
    m_colorOfRun.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_colorOfRun[i] = m_entries[m_entryOfRun[i]].color;
}

void ColorScale::buildPerRun(std::size_t runCount)
{
    m_entries.clear();
    m_entryOfRun.assign(runCount, -1);
    m_colorOfRun.resize(runCount);
    for (std::size_t i = 0; i < runCount; ++i)
        m_colorOfRun[i] = QColor(kQualitative[i % kQualitative.size()]);
}

int ColorScale::entryOf(std::size_t run) const
{
    return run < m_entryOfRun.size() ? m_entryOfRun[run] : -1;
}

QColor ColorScale::colorOf(std::size_t run) const
{
    return run < m_colorOfRun.size() ? m_colorOfRun[run] : kUnknownColor;
}

} // namespace ui
