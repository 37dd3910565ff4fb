// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/report/ResultTableInput.h"

#include <string>
#include <string_view>

namespace core {

/// Text formats for copying results to the clipboard.
enum class TableFormat { Markdown, Latex, Csv };

/// The parameter table, the fit statistics and (with input.allocation) the allocation table as text:
///  - Markdown: GitHub pipe tables separated by a blank line; `|` in text is escaped.
///  - LaTeX: booktabs `tabular`s (\toprule, \midrule, \bottomrule; needs \usepackage{booktabs}),
///    separated by a blank line. Text escapes \ _ % & # $ { } ~ ^; Greek parameter names (alpha,
///    beta, ...) become $\alpha$, $\beta$, a Greek name with a short suffix $\alpha_{N}$ (alphaN,
///    alpha_N), a one-letter name $E$; numbers are in math mode, exponents as $7.2 \times 10^{10}$.
///  - CSV: one table `section,name,value,standard_error,level,lower,upper` with sections
///    parameter, statistic, allocation; fields with a comma, quote, CR or LF are quoted and quotes
///    doubled (RFC 4180); numbers are exact (the shortest text that reads back to the same double,
///    written out in full below 1e6: "400", "0.34731052", "7.2248702500382e+10"), lines end with LF.
/// Markdown and LaTeX round numbers to input.digits significant digits (significantText). Absent
/// values (NaN, missing entries) are empty cells; interval columns appear only when some interval
/// is present. Each line ends with '\n'. Pure function; any thread; never fails.
[[nodiscard]] std::string formatResultTables(const ResultTableInput& input, TableFormat format);

/// `text` for LaTeX text mode: \ _ % & # $ { } ~ ^ escaped. Pure function.
[[nodiscard]] std::string latexEscape(std::string_view text);

/// One CSV field: quoted (quotes doubled) when it holds a comma, quote, CR or LF (RFC 4180),
/// else as is. Pure function.
[[nodiscard]] std::string csvField(std::string_view text);

} // namespace core
