# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries warnings, sanitizers and strict Qt defines for every project target.
add_library(scalelab_options INTERFACE)
target_compile_options(scalelab_options INTERFACE -Wall -Wextra -Wpedantic)
if(SCALELAB_WARNINGS_AS_ERRORS)
    target_compile_options(scalelab_options INTERFACE -Werror)
endif()
if(SCALELAB_ENABLE_SANITIZERS)
    target_compile_options(scalelab_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(scalelab_options INTERFACE -fsanitize=address,undefined)
    # Lets statistical tests use smaller counts under the (10x slower) sanitizers.
    target_compile_definitions(scalelab_options INTERFACE SCALELAB_SANITIZED=1)
endif()
# Only meaningful for Qt targets; harmless elsewhere.
target_compile_definitions(scalelab_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS QT_NO_FOREACH QT_NO_URL_CAST_FROM_STRING)
