// Umbrella header for the parts of Open MPI (the MPI C API, Debian libopenmpi-dev) that darkz calls.
//
// MPI's handles and constants are macros over library globals (MPI_COMM_WORLD is
// ((MPI_Comm)&ompi_mpi_comm_world), MPI_DOUBLE likewise), which Swift cannot import; the static
// inline functions below hand them to Swift unchanged.
#ifndef DARKZ_CMPI_SHIM_H
#define DARKZ_CMPI_SHIM_H
#include <mpi.h>

static inline MPI_Comm darkz_MPI_COMM_WORLD(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype darkz_MPI_DOUBLE(void) { return MPI_DOUBLE; }
static inline MPI_Datatype darkz_MPI_INT64_T(void) { return MPI_INT64_T; }
static inline MPI_Datatype darkz_MPI_BYTE(void) { return MPI_BYTE; }
static inline MPI_Op darkz_MPI_SUM(void) { return MPI_SUM; }
static inline MPI_Op darkz_MPI_MAX(void) { return MPI_MAX; }
static inline int darkz_MPI_SUCCESS(void) { return MPI_SUCCESS; }
static inline int darkz_MPI_THREAD_FUNNELED(void) { return MPI_THREAD_FUNNELED; }
static inline MPI_Errhandler darkz_MPI_ERRORS_RETURN(void) { return MPI_ERRORS_RETURN; }
static inline MPI_Status *darkz_MPI_STATUS_IGNORE(void) { return MPI_STATUS_IGNORE; }
static inline void *darkz_MPI_IN_PLACE(void) { return MPI_IN_PLACE; }

#endif
