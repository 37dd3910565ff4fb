// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitRequest.h"

namespace core {

const char* objectiveName(Objective objective)
{
    switch (objective) {
    case Objective::LsqLog: return "lsq-log";
    case Objective::Lsq: return "lsq";
    case Objective::HuberLog: return "huber-log";
    }
    return "lsq-log";
}

} // namespace core
