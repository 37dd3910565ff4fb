// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Error.h"

namespace core {

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
