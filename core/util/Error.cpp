// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Error.h"

#include <utility>

namespace core {

Error Error::at(std::string file, std::size_t line, std::size_t column, std::string message)
{
    Error e;
    e.file = std::move(file);
    e.line = line;
    e.column = column;
    e.message = std::move(message);
    return e;
}

Error Error::forParameter(std::string parameter, std::string message)
{
    Error e;
    e.parameter = std::move(parameter);
    e.message = std::move(message);
    return e;
}

std::string Error::toString() const
{
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0)
                out += ':' + std::to_string(column);
        }
        out += ": ";
    }
    if (!parameter.empty())
        out += parameter + ": ";
    out += message;
    return out;
}

} // namespace core
