// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder: the registry lands with the table importers.
#include "core/io/Importers.h"
