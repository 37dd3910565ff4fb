// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

#include <memory>

namespace core::gsl {

/// Turns GSL's default error handler (which aborts the process) off, once per process; GSL status
/// codes are then returned and turned into core::Error values or fit warnings. Thread-safe.
void disableAbortOnError();

/// Owning handles: every GSL object is freed by its own free function.
struct VectorFree {
    void operator()(gsl_vector* v) const { gsl_vector_free(v); }
};
struct MatrixFree {
    void operator()(gsl_matrix* m) const { gsl_matrix_free(m); }
};
struct NlinearFree {
    void operator()(gsl_multifit_nlinear_workspace* w) const { gsl_multifit_nlinear_free(w); }
};
using Vector = std::unique_ptr<gsl_vector, VectorFree>;
using Matrix = std::unique_ptr<gsl_matrix, MatrixFree>;
using NlinearWorkspace = std::unique_ptr<gsl_multifit_nlinear_workspace, NlinearFree>;

} // namespace core::gsl
