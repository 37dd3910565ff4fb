// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace core {

/// Lower-case extension of the file name in `path`, without the dot; "" when it has none.
[[nodiscard]] std::string lowerExtension(std::string_view path);

} // namespace core
