// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/io/ImportOptions.h"
#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <string>

namespace fuzz {

/// The oracles the fuzz targets apply besides the sanitizers. Each aborts the process (a finding
/// libFuzzer records as a crash) with a message on stderr when the importers' documented
/// contract is broken:
/// - a Sweep: every Curve's four columns have one length; every LeftOutRow indexes an existing
///   run, curve and point;
/// - RunLogs: every LoggedSeries' step, value and tokens have one length;
/// - an Error: a non-empty message;
/// - a Progress fraction: in [0, 1] (never NaN).
/// With SCALELAB_FUZZ_VERBOSE=1 in the environment each result is printed on stderr.

/// Checks a successful import or the error of a failed one.
void check(const tl::expected<core::Sweep, core::Error>& result);
void check(const tl::expected<core::RunLogs, core::Error>& result);
void check(const core::Error& error);

/// A Progress that checks each fraction and never cancels.
[[nodiscard]] core::Progress checkedProgress();

/// Import options for run logs that exercise the derivations: tokens = step x 1024.
[[nodiscard]] core::ImportOptions logOptions();

/// Empty when `a` and `b` hold the same result bit for bit (NaN equal to NaN; errors by their
/// text), else what differs first. For differential checks between two paths of one importer.
[[nodiscard]] std::string difference(const tl::expected<core::Sweep, core::Error>& a,
                                     const tl::expected<core::Sweep, core::Error>& b);

/// Aborts with `what` on stderr.
[[noreturn]] void fail(const std::string& what);

} // namespace fuzz
