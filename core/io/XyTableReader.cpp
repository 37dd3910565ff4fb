// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/XyTableReader.h"

#include "core/io/NumberParser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace core {

namespace {

constexpr std::size_t kMaxBytes = std::size_t{256} << 20;

/// One field of a row and the 1-based column where it starts.
struct Field {
    std::string text;
    std::size_t column = 0;
};

std::vector<Field> split(const std::string& line, char delimiter)
{
    std::vector<Field> out;
    if (delimiter == ' ') {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
                ++i;
            if (i >= line.size())
                break;
            const std::size_t start = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
                ++i;
            out.push_back({line.substr(start, i - start), start + 1});
        }
        return out;
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = std::min(line.find(delimiter, start), line.size());
        std::string text(trimSpaces(std::string_view(line).substr(start, end - start)));
        if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
            text = text.substr(1, text.size() - 2);
        out.push_back({text, start + 1});
        if (end >= line.size())
            break;
        start = end + 1;
    }
    return out;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

tl::expected<FitData, Error> readXyTable(const std::string& path, const std::string& xColumn, const std::string& yColumn)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return tl::make_unexpected(Error::at(path, 0, 0, "cannot open the file"));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string content = buffer.str();
    if (content.size() > kMaxBytes)
        return tl::make_unexpected(Error::at(path, 0, 0, "the file is over 256 MiB; a formula table should be small"));
    if (content.find('\0') != std::string::npos)
        return tl::make_unexpected(Error::at(path, 0, 0, "the file is binary, not a text table"));

    std::vector<std::string> lines;
    {
        std::istringstream s(content);
        for (std::string line; std::getline(s, line);) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            lines.push_back(std::move(line));
        }
    }
    std::size_t headerLine = 0;
    while (headerLine < lines.size()
           && (trimSpaces(lines[headerLine]).empty() || trimSpaces(lines[headerLine]).front() == '#'))
        ++headerLine;
    if (headerLine >= lines.size())
        return tl::make_unexpected(Error::at(path, 0, 0, "the file has no header row"));
    const std::string& header = lines[headerLine];
    const char delimiter = header.find('\t') != std::string::npos ? '\t' : (header.find(',') != std::string::npos ? ',' : ' ');
    const std::vector<Field> names = split(header, delimiter);
    auto find = [&](const std::string& wanted, const char* role) -> tl::expected<std::size_t, Error> {
        std::vector<std::size_t> hits;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (lower(names[i].text) == lower(wanted))
                hits.push_back(i);
        if (hits.size() == 1)
            return hits.front();
        return tl::make_unexpected(Error::at(path, headerLine + 1, 1, std::string(hits.empty() ? "no" : "more than one")
            + " column called '" + wanted + "' for " + role + " (use --columns x=NAME,y=NAME)"));
    };
    std::size_t xi = 0, yi = 1;
    if (xColumn.empty() && yColumn.empty() && names.size() == 2 && !find("x", "x") && !find("y", "y")) {
        xi = 0;
        yi = 1;
    } else {
        auto x = find(xColumn.empty() ? "x" : xColumn, "x");
        if (!x)
            return tl::make_unexpected(x.error());
        auto y = find(yColumn.empty() ? "y" : yColumn, "y");
        if (!y)
            return tl::make_unexpected(y.error());
        xi = *x;
        yi = *y;
    }
    std::vector<double> xs, ys;
    for (std::size_t l = headerLine + 1; l < lines.size(); ++l) {
        const std::string_view trimmed = trimSpaces(lines[l]);
        if (trimmed.empty() || trimmed.front() == '#')
            continue;
        const std::vector<Field> fields = split(lines[l], delimiter);
        const std::size_t need = std::max(xi, yi) + 1;
        if (fields.size() < need)
            return tl::make_unexpected(Error::at(path, l + 1, lines[l].size() + 1, "the row has " + std::to_string(fields.size())
                                                 + " fields; the " + (fields.size() <= xi ? "x" : "y") + " column is missing"));
        double values[2] = {0.0, 0.0};
        const std::size_t which[2] = {xi, yi};
        for (int k = 0; k < 2; ++k) {
            const Field& f = fields[which[k]];
            const auto v = parseNumber(f.text);
            if (!v || !std::isfinite(*v))
                return tl::make_unexpected(Error::at(path, l + 1, f.column, std::string(k == 0 ? "x" : "y") + " is '" + f.text
                                                     + "'; a formula fit needs a finite number"));
            values[k] = *v;
        }
        xs.push_back(values[0]);
        ys.push_back(values[1]);
    }
    if (xs.empty())
        return tl::make_unexpected(Error::at(path, headerLine + 1, 1, "the table has a header but no data rows"));
    FitData d;
    d.x = Eigen::Map<const Eigen::VectorXd>(xs.data(), static_cast<Eigen::Index>(xs.size()));
    d.y = Eigen::Map<const Eigen::VectorXd>(ys.data(), static_cast<Eigen::Index>(ys.size()));
    for (std::size_t i = 0; i < xs.size(); ++i)
        d.run.push_back(i);
    return d;
}

} // namespace core
