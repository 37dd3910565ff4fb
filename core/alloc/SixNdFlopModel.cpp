// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/SixNdFlopModel.h"

namespace core {

double SixNdFlopModel::perToken(double N, const ArchitectureColumns& /*columns*/) const
{
    return 6.0 * N;
}

} // namespace core
