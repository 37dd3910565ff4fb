// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/MlflowMetricFile.h"

#include "core/io/logs/TextLineReader.h"

#include <fast_float/fast_float.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <system_error>
#include <utility>

namespace core {

namespace {

bool isSeparator(char c)
{
    return c == ' ' || c == '\t';
}

bool parseInteger(std::string_view field, double& out)
{
    if (!field.empty() && field.front() == '+')
        field.remove_prefix(1);
    std::int64_t v = 0;
    const char* const last = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), last, v);
    if (ec != std::errc() || ptr != last || field.empty())
        return false;
    out = static_cast<double>(v);
    return true;
}

bool parseFloat(std::string_view field, double& out)
{
    if (!field.empty() && field.front() == '+')
        field.remove_prefix(1);
    if (field.empty() || field.front() == '+')
        return false;
    const char* const last = field.data() + field.size();
    const auto [ptr, ec] = fast_float::from_chars(field.data(), last, out);
    return ec == std::errc() && ptr == last;
}

std::string quoted(std::string_view field)
{
    constexpr std::size_t kShown = 40;
    std::string out(1, '\''); // not "'" + std::string: GCC 12's -Wrestrict misfires on it at -O3
    out += field.substr(0, kShown);
    if (field.size() > kShown)
        out += "...";
    return out + "'";
}

} // namespace

bool parseMlflowMetricLine(std::string_view line, double& step, double& value,
                           std::size_t& column, std::string& message)
{
    std::array<std::string_view, 3> fields;
    std::array<std::size_t, 3> columns{};
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSeparator(line[i]))
            ++i;
        if (i == line.size())
            break;
        const std::size_t start = i;
        while (i < line.size() && !isSeparator(line[i]))
            ++i;
        if (count == fields.size()) {
            column = start + 1;
            message = "expected 'timestamp value step' (2 or 3 fields), found more";
            return false;
        }
        fields[count] = line.substr(start, i - start);
        columns[count] = start + 1;
        ++count;
    }
    if (count < 2) {
        column = count == 0 ? 1 : columns[0];
        message = "expected 'timestamp value step' (2 or 3 fields), found " + std::to_string(count);
        return false;
    }
    double timestamp = 0;
    if (!parseInteger(fields[0], timestamp)) {
        column = columns[0];
        message = "timestamp is not an integer: " + quoted(fields[0]);
        return false;
    }
    if (!parseFloat(fields[1], value)) {
        column = columns[1];
        message = "value is not a number: " + quoted(fields[1]);
        return false;
    }
    step = 0; // legacy two-field lines
    if (count == 3 && !parseInteger(fields[2], step)) {
        column = columns[2];
        message = "step is not an integer: " + quoted(fields[2]);
        return false;
    }
    return true;
}

tl::expected<void, Error> readMlflowMetricFile(const std::string& path, LoggedSeries& series)
{
    TextLineOptions options;
    options.nulMessage = "binary data (a NUL byte) in an MLflow metric file";
    options.skipByteOrderMark = false; // MLflow writes none; a BOM is an error in the first field
    std::string message;
    return TextLineReader::forEachLine(
        path, std::move(options),
        [&](std::string_view line, const TextLineReader& reader) -> tl::expected<bool, Error> {
            double step = 0;
            double value = 0;
            std::size_t column = 0;
            if (!parseMlflowMetricLine(line, step, value, column, message))
                return tl::unexpected(Error::at(path, reader.lineNumber(), column, message));
            series.append(step, value);
            return true;
        });
}

} // namespace core
