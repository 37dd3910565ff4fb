// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace core {

/// One cell of a table row as a reader hands it to TableBuilder: the text (a view into the
/// reader's buffer, valid only until the reader moves on) and where it starts in the file,
/// 1-based line and byte column, for error messages. An empty text means "missing".
struct TableCell {
    std::string_view text;
    std::size_t line = 0;
    std::size_t column = 0;
};

} // namespace core
