// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace core {

/// Progress callback for long work. Called with a fraction in [0, 1] from the thread doing the work;
/// return false to cancel (the work then stops soon and returns an Error saying it was cancelled).
/// An empty function means "no progress reporting, never cancel".
using Progress = std::function<bool(double fraction)>;

} // namespace core
