// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ui {

/// The first problem found while reading a JSON document: the dotted key at fault (e.g.
/// "fit.bounds.A[1]") and what is wrong with its value.
struct JsonProblem {
    QString key;
    QString message;
};

/// One spelling of an enum value in JSON, for tables read by JsonNode::choice.
template <typename E> struct JsonName {
    E value;
    const char* text;
};

/// The spelling of `value` in `table` ("" if absent).
template <typename E, std::size_t K> QString jsonNameOf(const JsonName<E> (&table)[K], E value)
{
    for (const auto& n : table)
        if (n.value == value)
            return QString::fromLatin1(n.text);
    return {};
}

/// A JSON value and its dotted key ("fit.bounds.A[1]"): typed reads return the fallback for an
/// absent key and report a value of the wrong type under its key (first problem only). A cheap
/// value (a QJsonValue is implicitly shared); usable on any thread with its own JsonProblem.
class JsonNode {
public:
    /// Largest integer a JSON number (an IEEE double) holds exactly; larger counts are strings.
    static constexpr std::uint64_t kExactIntegers = std::uint64_t{1} << 53;

    /// `value` at `key` ("" for the root); problems are recorded in `problem` (the first one wins),
    /// which must outlive the node and the nodes made from it.
    JsonNode(std::optional<JsonProblem>& problem, QJsonValue value, QString key = {})
        : m_problem(&problem), m_value(std::move(value)), m_key(std::move(key))
    {
    }
    JsonNode operator[](const QString& key) const
    {
        if (!m_value.isUndefined() && !m_value.isNull() && !m_value.isObject())
            fail(QStringLiteral("expected an object"));
        return {*m_problem, m_value.toObject().value(key),
                m_key.isEmpty() ? key : m_key + QLatin1Char('.') + key};
    }
    JsonNode at(qsizetype i) const
    {
        return {*m_problem, m_value.toArray().at(i), QStringLiteral("%1[%2]").arg(m_key).arg(i)};
    }
    /// Records `message` against this key unless a problem was recorded already.
    void fail(const QString& message) const
    {
        if (!*m_problem)
            *m_problem = JsonProblem{m_key, message};
    }
    [[nodiscard]] bool absent() const { return m_value.isUndefined(); }
    /// The members of an object (null and absent: none).
    [[nodiscard]] QStringList keys() const
    {
        if (!absent() && !m_value.isNull() && !m_value.isObject())
            fail(QStringLiteral("expected an object"));
        return m_value.toObject().keys();
    }
    /// The size of an array (absent: 0).
    [[nodiscard]] qsizetype size() const
    {
        if (!absent() && !m_value.isArray())
            fail(QStringLiteral("expected an array"));
        return m_value.toArray().size();
    }
    /// A number, or "inf", "-inf", "nan", "-0".
    [[nodiscard]] double number(double fallback) const
    {
        if (absent())
            return fallback;
        if (m_value.isDouble())
            return m_value.toDouble();
        const QString s = m_value.toString();
        if (s == QLatin1String("inf") || s == QLatin1String("-inf"))
            return s.startsWith(QLatin1Char('-')) ? -std::numeric_limits<double>::infinity()
                                                  : std::numeric_limits<double>::infinity();
        if (s == QLatin1String("nan"))
            return std::numeric_limits<double>::quiet_NaN();
        if (s == QLatin1String("-0"))
            return -0.0;
        fail(QStringLiteral("expected a number"));
        return fallback;
    }
    /// A whole number from 0 to `max`: a JSON number, or a decimal string beyond 2^53.
    [[nodiscard]] std::uint64_t count(std::uint64_t fallback, std::uint64_t max = kExactIntegers) const
    {
        if (absent())
            return fallback;
        const double d = m_value.toDouble(-1.0);
        bool ok = false;
        const qulonglong n = m_value.toString().toULongLong(&ok);
        if (m_value.isDouble() && d >= 0 && d <= static_cast<double>(std::min(max, kExactIntegers)) &&
            d == std::floor(d))
            return static_cast<std::uint64_t>(d);
        if (m_value.isString() && ok && n <= max)
            return n;
        fail(QStringLiteral("expected a whole number from 0 to %1").arg(max));
        return fallback;
    }
    [[nodiscard]] QString string(const QString& fallback = {}) const
    {
        if (!absent() && !m_value.isString())
            fail(QStringLiteral("expected a string"));
        return m_value.toString(fallback);
    }
    [[nodiscard]] std::string text(const std::string& fallback = {}) const
    {
        return string(QString::fromStdString(fallback)).toStdString();
    }
    [[nodiscard]] bool boolean(bool fallback) const
    {
        if (!absent() && !m_value.isBool())
            fail(QStringLiteral("expected true or false"));
        return m_value.toBool(fallback);
    }
    [[nodiscard]] std::vector<std::string> strings() const
    {
        std::vector<std::string> out;
        for (qsizetype i = 0; i < size(); ++i)
            out.push_back(at(i).text());
        return out;
    }
    [[nodiscard]] std::map<std::string, double> numbers() const
    {
        std::map<std::string, double> out;
        for (const QString& k : keys())
            out[k.toStdString()] = (*this)[k].number(0.0);
        return out;
    }
    template <typename E, std::size_t K>
    [[nodiscard]] E choice(const JsonName<E> (&table)[K], E fallback) const
    {
        if (absent())
            return fallback;
        const QString s = string();
        QStringList names;
        for (const auto& n : table) {
            if (s == QLatin1String(n.text))
                return n.value;
            names << QStringLiteral("\"%1\"").arg(QLatin1String(n.text));
        }
        fail(QStringLiteral("unknown value \"%1\" (expected %2)").arg(s, names.join(QStringLiteral(", "))));
        return fallback;
    }

private:
    std::optional<JsonProblem>* m_problem;
    QJsonValue m_value;
    QString m_key;
};

} // namespace ui
