// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/AttributeValue.h"

#include "core/util/NumberText.h"

namespace core {

std::string attributeToString(const AttributeValue& v)
{
    if (const auto* s = std::get_if<std::string>(&v))
        return *s;
    return shortestText(std::get<double>(v));
}

} // namespace core
