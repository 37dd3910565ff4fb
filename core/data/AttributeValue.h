// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <variant>

namespace core {

/// A run attribute (hyperparameter or metadata): a number when the cell parsed as one, else text.
using AttributeValue = std::variant<double, std::string>;

/// Text form of an attribute: numbers with up to 17 significant digits (round-trippable), text as is.
std::string attributeToString(const AttributeValue& v);

} // namespace core
