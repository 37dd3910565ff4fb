// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/EnvelopeOptions.h"
#include "core/alloc/IsoFlopOptions.h"

#include <tl/expected.hpp>

#include <functional>
#include <string>

/// The options of `scalelab-cli isoflop` (approach 2) and `envelope` (approach 1), as core option
/// values. Parsing never exits or prints.
struct ProfileCliOptions {
    core::IsoFlopOptions isoflop;
    core::EnvelopeOptions envelope;
    bool isoflopGiven = false;  ///< an isoflop-only option appeared
    bool envelopeGiven = false; ///< an envelope-only option appeared

    /// Consumes `flag` if it is one of these options; false for other flags; an error for bad values.
    [[nodiscard]] tl::expected<bool, std::string>
    consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value);
};
