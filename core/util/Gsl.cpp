// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Gsl.h"

#include <gsl/gsl_errno.h>

#include <mutex>

namespace core::gsl {

void disableAbortOnError()
{
    static std::once_flag once;
    std::call_once(once, [] { gsl_set_error_handler_off(); });
}

} // namespace core::gsl
