// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace core {

/// An error as a value: where it happened and what was expected there.
/// `line` and `column` are 1-based; 0 means "not applicable" (e.g. a whole-file or parameter error).
/// `parameter` names the option or fit parameter at fault when the error is not about a file position.
struct Error {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string message;
    std::string parameter;

    /// An error at a position in a file (line and column 1-based; 0 = not applicable).
    [[nodiscard]] static Error at(std::string file, std::size_t line, std::size_t column, std::string message);

    /// An error about an option or fit parameter (named as on the command line, e.g. "--fix").
    [[nodiscard]] static Error forParameter(std::string parameter, std::string message);

    /// "file:line:column: message" (omitting the parts that are empty or 0).
    [[nodiscard]] std::string toString() const;
};

} // namespace core
