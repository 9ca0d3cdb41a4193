/* darkz's C ABI (libDarkzC): the posterior of a priors file, evaluated in batches.
 * Points are row-major: n rows of darkz_dimension() sampled variables (log10 of a log-uniform
 * parameter). Strings returned are owned by the handle (or static) and stay valid until it is freed.
 * Values are bit-identical to the darkz command line's: the same library code computes them. */
#ifndef DARKZ_H
#define DARKZ_H
#include <stddef.h>
#include <stdint.h>

typedef void darkz_likelihood;

const char *darkz_version(void);

/* priors_path, or NULL and case_name ("A", "A-invisible", "B", "C"); constraints as
 * `darkz sample --constraints` ("all", "none", "g-2,apv"; NULL: the priors file's list).
 * NULL on failure, with a one-line message in error. */
darkz_likelihood *darkz_likelihood_create(const char *priors_path, const char *case_name,
                                          const char *constraints, char *error, ptrdiff_t error_capacity);
void darkz_likelihood_free(darkz_likelihood *);

ptrdiff_t darkz_dimension(darkz_likelihood *);
const char *darkz_parameter_name(darkz_likelihood *, ptrdiff_t i);
void darkz_bounds(darkz_likelihood *, double *low, double *high);
const char *darkz_priors_text(darkz_likelihood *);

void darkz_chi2(darkz_likelihood *, const double *x, ptrdiff_t n, double *total, double *binned, double *constraints);
void darkz_log_likelihood(darkz_likelihood *, const double *x, ptrdiff_t n, double *out);
void darkz_log_prior(darkz_likelihood *, const double *x, ptrdiff_t n, double *out);
void darkz_log_posterior(darkz_likelihood *, const double *x, ptrdiff_t n, double *out);
void darkz_prior_transform(darkz_likelihood *, const double *u, ptrdiff_t n, double *x);
/* n rows of 5: mZD [GeV], epsilon, epsilonZ, gMu, invisibleFraction. */
void darkz_physical(darkz_likelihood *, const double *x, ptrdiff_t n, double *out);

ptrdiff_t darkz_prediction_count(darkz_likelihood *);
const char *darkz_prediction_name(darkz_likelihood *, ptrdiff_t i);
int32_t darkz_prediction_in_fit(darkz_likelihood *, ptrdiff_t i);
void darkz_predictions(darkz_likelihood *, const double *x, ptrdiff_t n, double *out);

/* n x count x 7: prediction, bound, chi2, pull, cl, applies, excluded. */
ptrdiff_t darkz_constraint_count(darkz_likelihood *);
const char *darkz_constraint_name(darkz_likelihood *, ptrdiff_t i);
void darkz_constraints(darkz_likelihood *, const double *x, ptrdiff_t n, double *out);

#endif
