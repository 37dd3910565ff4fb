// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/ResultTables.h"

#include "core/util/NumberText.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace core {

namespace {

/// A row label in each format.
struct Label {
    std::string markdown, latex, csv;
};

/// One value cell: a number (NaN = absent) or, when `text` is set, text.
struct Value {
    double number = ResultTableInput::kAbsent;
    std::optional<std::string> text;
};

/// One row of any table: label, value, standard error and interval ends (NaN = absent).
struct Row {
    Label label;
    Value value;
    double stderr_ = ResultTableInput::kAbsent;
    double lower = ResultTableInput::kAbsent;
    double upper = ResultTableInput::kAbsent;
    double level = ResultTableInput::kAbsent; ///< CSV only: the interval's coverage
};

/// A table: its rows and whether it shows standard errors and interval columns.
struct Table {
    Table(std::string section, std::string first, std::string value)
        : csvSection(std::move(section)), firstHeader(std::move(first)), valueHeader(std::move(value))
    {
    }
    std::string csvSection;
    std::string firstHeader;
    std::string valueHeader;
    bool hasStderr = false;
    bool hasInterval = false;
    double level = 0.95;
    std::vector<Row> rows;
};

double at(const std::vector<double>& v, std::size_t i)
{
    return i < v.size() ? v[i] : ResultTableInput::kAbsent;
}

bool present(double v)
{
    return !std::isnan(v);
}

std::string markdownEscape(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += '\\';
        out += c;
    }
    return out;
}

std::string markdownNumber(double v, int digits)
{
    return present(v) ? significantText(v, digits) : std::string();
}

/// "$1.5$", "$-2 \times 10^{-5}$", "$\infty$"; empty for NaN.
std::string latexNumber(double v, int digits)
{
    if (!present(v))
        return {};
    if (std::isinf(v))
        return v > 0 ? "$\\infty$" : "$-\\infty$";
    const std::string text = significantText(v, digits);
    const auto e = text.find('e');
    if (e == std::string::npos)
        return "$" + text + "$";
    const int exponent = std::stoi(text.substr(e + 1));
    return "$" + text.substr(0, e) + " \\times 10^{" + std::to_string(exponent) + "}$";
}

/// The shortest text that reads back to exactly v, written out in full below 1e6 ("400", not "4e+02").
std::string csvNumber(double v)
{
    if (!present(v))
        return {};
    const std::string text = shortestText(v);
    const auto e = text.find('e');
    if (e == std::string::npos || !std::isfinite(v))
        return text;
    const int exponent = std::stoi(text.substr(e + 1));
    return exponent >= 0 && exponent < 6 ? significantText(v, exponent + 1) : text;
}

/// $\alpha$ for "alpha", $\alpha_{N}$ for "alphaN" or "alpha_N", $E$ for "E", else escaped text.
std::string latexName(const std::string& name)
{
    static constexpr std::array<std::string_view, 24> kGreek{
        "alpha", "beta",  "gamma",  "delta",   "epsilon", "zeta", "eta",     "theta",
        "iota",  "kappa", "lambda", "mu",      "nu",      "xi",   "omicron", "pi",
        "rho",   "sigma", "tau",    "upsilon", "phi",     "chi",  "psi",     "omega"};
    if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])))
        return "$" + name + "$";
    for (std::string_view greek : kGreek) {
        if (greek == "omicron" || name.compare(0, greek.size(), greek) != 0)
            continue; // LaTeX has no \omicron
        std::string_view rest = std::string_view(name).substr(greek.size());
        if (rest.empty())
            return "$\\" + std::string(greek) + "$";
        if (rest.front() == '_')
            rest.remove_prefix(1);
        bool shortSuffix = !rest.empty() && rest.size() <= 3;
        for (char c : rest)
            shortSuffix = shortSuffix && std::isalnum(static_cast<unsigned char>(c));
        if (shortSuffix)
            return "$\\" + std::string(greek) + "_{" + std::string(rest) + "}$";
    }
    return latexEscape(name);
}

std::string levelPercent(double level)
{
    return significantText(level * 100.0, 6) + "%";
}

Table parameterTable(const ResultTableInput& in)
{
    Table t{"parameter", "Parameter", "Estimate"};
    t.hasStderr = true;
    t.level = in.intervalLevel;
    for (std::size_t i = 0; i < in.names.size(); ++i) {
        Row r;
        r.label = {markdownEscape(in.names[i]), latexName(in.names[i]), in.names[i]};
        r.value.number = at(in.values, i);
        r.stderr_ = at(in.stderrs, i);
        r.lower = at(in.lower, i);
        r.upper = at(in.upper, i);
        if (present(r.lower) || present(r.upper)) {
            r.level = in.intervalLevel;
            t.hasInterval = true;
        }
        t.rows.push_back(std::move(r));
    }
    return t;
}

Table statisticsTable(const ResultTableInput& in)
{
    Table t{"statistic", "Statistic", "Value"};
    auto add = [&t](Label label, Value value) {
        Row r;
        r.label = std::move(label);
        r.value = std::move(value);
        t.rows.push_back(std::move(r));
    };
    if (!in.law.empty())
        add({"Law", "Law", "law"}, {ResultTableInput::kAbsent, in.law});
    if (!in.objectiveName.empty())
        add({"Objective", "Objective", "objective"}, {ResultTableInput::kAbsent, in.objectiveName});
    add({"Objective value", "Objective value", "objective_value"}, {in.objective, std::nullopt});
    add({"Points", "Points", "points"}, {ResultTableInput::kAbsent, std::to_string(in.points)});
    add({"RMSE of log loss", "RMSE of log loss", "rmse_log"}, {in.rmseLog, std::nullopt});
    add({"R^2 of log loss", "$R^2$ of log loss", "r2_log"}, {in.r2Log, std::nullopt});
    return t;
}

Table allocationTable(const Allocation& a, const std::optional<AllocationIntervals>& ci)
{
    Table t{"allocation", "Quantity", "Value"};
    t.hasInterval = ci.has_value();
    t.level = ci ? ci->level : t.level;
    auto add = [&](Label label, double value, const PercentileInterval* interval) {
        Row r;
        r.label = std::move(label);
        r.value.number = value;
        if (ci && interval) {
            r.lower = interval->lower;
            r.upper = interval->upper;
            r.level = ci->level;
        }
        t.rows.push_back(std::move(r));
    };
    const bool intervals = ci.has_value();
    add({"C (FLOPs)", "$C$ (FLOPs)", "C"}, a.C, intervals ? &ci->C : nullptr);
    add({"N_opt (parameters)", "$N_\\mathrm{opt}$ (parameters)", "N_opt"}, a.N, intervals ? &ci->N : nullptr);
    add({"D_opt (tokens)", "$D_\\mathrm{opt}$ (tokens)", "D_opt"}, a.D, intervals ? &ci->D : nullptr);
    add({"D/N (tokens per parameter)", "$D/N$ (tokens per parameter)", "tokens_per_param"}, a.tokensPerParam,
        intervals ? &ci->tokensPerParam : nullptr);
    add({"Loss (nats/token)", "Loss (nats/token)", "loss"}, a.loss, intervals ? &ci->loss : nullptr);
    if (a.uniqueTokens > 0.0)
        add({"Unique tokens", "Unique tokens", "unique_tokens"}, a.uniqueTokens, nullptr);
    if (a.inferenceTokens > 0.0) {
        add({"Inference tokens", "Inference tokens", "inference_tokens"}, a.inferenceTokens, nullptr);
        add({"Total FLOPs", "Total FLOPs", "total_flops"}, a.totalFlops,
            intervals ? &ci->totalFlops : nullptr);
    }
    return t;
}

/// The header and value cells of `t` for Markdown (latex = false) or LaTeX.
std::vector<std::vector<std::string>> cells(const Table& t, bool latex, int digits)
{
    const std::string percent = latex ? latexEscape(levelPercent(t.level)) : levelPercent(t.level);
    std::vector<std::string> header{t.firstHeader, t.valueHeader};
    if (t.hasStderr)
        header.push_back(latex ? "Std.\\ error" : "Std. error");
    if (t.hasInterval) {
        header.push_back(percent + " CI lower");
        header.push_back(percent + " CI upper");
    }
    std::vector<std::vector<std::string>> out{header};
    auto number = [&](double v) { return latex ? latexNumber(v, digits) : markdownNumber(v, digits); };
    for (const Row& r : t.rows) {
        std::vector<std::string> row{latex ? r.label.latex : r.label.markdown};
        if (r.value.text)
            row.push_back(latex ? latexEscape(*r.value.text) : markdownEscape(*r.value.text));
        else
            row.push_back(number(r.value.number));
        if (t.hasStderr)
            row.push_back(number(r.stderr_));
        if (t.hasInterval) {
            row.push_back(number(r.lower));
            row.push_back(number(r.upper));
        }
        out.push_back(std::move(row));
    }
    return out;
}

std::string markdownTable(const Table& t, int digits)
{
    const auto rows = cells(t, false, digits);
    std::string out;
    auto line = [&out](const std::vector<std::string>& row) {
        out += '|';
        for (const std::string& c : row)
            out += ' ' + c + " |";
        out += '\n';
    };
    line(rows.front());
    out += "|:---|";
    for (std::size_t i = 1; i < rows.front().size(); ++i)
        out += "---:|";
    out += '\n';
    for (std::size_t i = 1; i < rows.size(); ++i)
        line(rows[i]);
    return out;
}

std::string latexTable(const Table& t, int digits)
{
    const auto rows = cells(t, true, digits);
    std::string out = "\\begin{tabular}{l" + std::string(rows.front().size() - 1, 'r') + "}\n\\toprule\n";
    auto line = [&out](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i ? " & " : "") + row[i];
        out += " \\\\\n";
    };
    line(rows.front());
    out += "\\midrule\n";
    for (std::size_t i = 1; i < rows.size(); ++i)
        line(rows[i]);
    out += "\\bottomrule\n\\end{tabular}\n";
    return out;
}

void appendCsv(std::string& out, const Table& t)
{
    for (const Row& r : t.rows) {
        const std::string value = r.value.text ? csvField(*r.value.text) : csvNumber(r.value.number);
        out += t.csvSection + ',' + csvField(r.label.csv) + ',' + value + ',' + csvNumber(r.stderr_) + ',' +
               csvNumber(r.level) + ',' + csvNumber(r.lower) + ',' + csvNumber(r.upper) + '\n';
    }
}

} // namespace

std::string latexEscape(std::string_view text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '\\':
            out += "\\textbackslash{}";
            break;
        case '~':
            out += "\\textasciitilde{}";
            break;
        case '^':
            out += "\\textasciicircum{}";
            break;
        case '_':
        case '%':
        case '&':
        case '#':
        case '$':
        case '{':
        case '}':
            out += '\\';
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string formatResultTables(const ResultTableInput& input, TableFormat format)
{
    std::vector<Table> tables;
    if (!input.names.empty())
        tables.push_back(parameterTable(input));
    tables.push_back(statisticsTable(input));
    if (input.allocation)
        tables.push_back(allocationTable(*input.allocation, input.allocationIntervals));

    std::string out;
    if (format == TableFormat::Csv) {
        out = "section,name,value,standard_error,level,lower,upper\n";
        for (const Table& t : tables)
            appendCsv(out, t);
        return out;
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i > 0)
            out += '\n';
        out += format == TableFormat::Latex ? latexTable(tables[i], input.digits)
                                            : markdownTable(tables[i], input.digits);
    }
    return out;
}

} // namespace core
