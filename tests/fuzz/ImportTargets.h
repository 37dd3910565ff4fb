// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"
#include "core/io/Importer.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fuzz {

/// What a directory target does with files named like TensorBoard event files (*tfevents*).
enum class EventFiles {
    Raw,    ///< written as the input gives them (the CRCs are almost never right)
    Framed, ///< passed through frameEvents, so their Event messages are decoded
};

/// The body of a file target: writes the input to the scratch file `name` (its name may decide
/// how the importer reads it), calls importer.read() directly (no sniffing) with a checked
/// Progress, and applies the oracles of SweepInvariants. Aborts on a broken contract.
void readFileInput(const core::Importer& importer, std::string_view name, const std::uint8_t* data,
                   std::size_t size, const core::ImportOptions& options);

/// The body of a directory target: builds a FuzzTree from the input in the scratch directory
/// `dirName` (e.g. "mlruns"), calls importer.read() on it and applies the oracles.
void readTreeInput(const core::Importer& importer, std::string_view dirName, const std::uint8_t* data,
                   std::size_t size, const core::ImportOptions& options, EventFiles events);

} // namespace fuzz
