// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the run-log importer tests: byte-exact fixture files, exact comparisons of logged
// values (NaN equal to NaN, no tolerance), parameters by key and expected read errors.

#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"

#include <QDir>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace logtest {

/// `dir`/`name` as a path (the file need not exist).
inline std::string path(const QTemporaryDir& dir, const std::string& name)
{
    return dir.path().toStdString() + "/" + name;
}

/// Writes `text` to `path`, creating its parent directories.
inline void write(const std::string& path, const std::string& text)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

/// The whole file at `path` ("" when unreadable).
inline std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline bool contains(const std::string& s, const char* part)
{
    return s.find(part) != std::string::npos;
}

/// The error's text when `result` holds one, else "" (QVERIFY2 evaluates its message always).
template <typename T>
std::string why(const T& result)
{
    return result.has_value() ? std::string() : result.error().toString();
}

/// A parameter's text; "<number>" when it is a number.
inline std::string text(const core::AttributeValue& v)
{
    return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string("<number>");
}

/// A parameter's number; -12345 when it is text.
inline double number(const core::AttributeValue& v)
{
    return std::holds_alternative<double>(v) ? std::get<double>(v) : -12345.0;
}

/// The run's parameter `key` as a number; NaN when it is missing or text.
inline double number(const core::LoggedRun& run, const std::string& key)
{
    const auto it = run.params.find(key);
    if (it == run.params.end() || !std::holds_alternative<double>(it->second))
        return std::numeric_limits<double>::quiet_NaN();
    return std::get<double>(it->second);
}

/// The run's parameter `key` as text; "<none>" when it is missing or a number.
inline std::string text(const core::LoggedRun& run, const std::string& key)
{
    const auto it = run.params.find(key);
    if (it == run.params.end() || !std::holds_alternative<std::string>(it->second))
        return "<none>";
    return std::get<std::string>(it->second);
}

/// Writes `content` to `file` and reads it with `importer`, which must fail with an error naming
/// `file` (a failed check otherwise). Returns the error.
template <typename Importer>
core::Error readFailure(const Importer& importer, const std::string& file, const std::string& content)
{
    write(file, content);
    auto logs = importer.readLogs(file, {});
    if (logs) {
        QTest::qFail(("no error for " + file).c_str(), __FILE__, __LINE__);
        return {};
    }
    if (logs.error().file != file)
        QTest::qFail(("error names " + logs.error().file).c_str(), __FILE__, __LINE__);
    return logs.error();
}

/// Writes `bytes` to `dir`/`name` (creating parent directories) and returns the path.
inline std::string writeFile(const QTemporaryDir& dir, const QString& name, std::string_view bytes)
{
    const QString path = dir.filePath(name);
    const std::string p = path.toStdString();
    const std::size_t slash = p.find_last_of('/');
    QDir().mkpath(QString::fromStdString(p.substr(0, slash)));
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
}

/// True when `got` equals `want` exactly (NaN matches NaN).
inline bool sameValues(const std::vector<double>& got, std::initializer_list<double> want)
{
    if (got.size() != want.size())
        return false;
    std::size_t i = 0;
    for (double w : want) {
        const double g = got[i++];
        if (!(g == w || (std::isnan(g) && std::isnan(w))))
            return false;
    }
    return true;
}

/// "[a, b, c]" with 17 significant digits, for failure messages.
inline QString show(const std::vector<double>& values)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'g', 17);
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

} // namespace logtest

#define VERIFY_VALUES(got, ...)                                                                              \
    QVERIFY2(logtest::sameValues((got), {__VA_ARGS__}), qPrintable(logtest::show(got)))
