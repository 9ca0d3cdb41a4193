// Umbrella header for the parts of libhdf5 (1.10 or later, C API) that darkz calls.
//
// Many HDF5 "constants" are macros that expand to library globals behind H5open()
// (H5T_NATIVE_DOUBLE, H5P_DEFAULT casts, H5F_ACC_* with H5CHECK), which Swift cannot import.
// The static inline functions below hand them to Swift unchanged.
#ifndef DARKZ_CHDF5_SHIM_H
#define DARKZ_CHDF5_SHIM_H
#include <hdf5.h>
#include <fcntl.h>

static inline hid_t darkz_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t darkz_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t darkz_H5E_DEFAULT(void) { return H5E_DEFAULT; }
static inline hsize_t darkz_H5S_UNLIMITED(void) { return H5S_UNLIMITED; }
static inline size_t darkz_H5T_VARIABLE(void) { return H5T_VARIABLE; }

static inline unsigned darkz_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned darkz_H5F_ACC_RDWR(void) { return H5F_ACC_RDWR; }
static inline unsigned darkz_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }

static inline hid_t darkz_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t darkz_H5P_LINK_CREATE(void) { return H5P_LINK_CREATE; }
static inline hid_t darkz_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }

static inline hid_t darkz_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t darkz_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t darkz_H5T_NATIVE_UINT64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t darkz_H5T_NATIVE_SCHAR(void) { return H5T_NATIVE_SCHAR; }
static inline hid_t darkz_H5T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
static inline hid_t darkz_H5T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t darkz_H5T_STD_U64LE(void) { return H5T_STD_U64LE; }
static inline hid_t darkz_H5T_C_S1(void) { return H5T_C_S1; }

// Turns off HDF5's advisory file locking (flock) in a file access property list. darkz uses it
// for the private partial files it writes before renaming them: nobody else opens those, and a
// lock inherited by a child process spawned meanwhile would make the read-back check fail.
// H5Pset_file_locking exists from HDF5 1.10.7 and 1.12.1; earlier versions keep locking.
static inline herr_t darkz_disable_file_locking(hid_t fapl) {
#if (H5_VERS_MAJOR > 1) || (H5_VERS_MINOR > 12) || (H5_VERS_MINOR == 12 && H5_VERS_RELEASE >= 1) || \
    (H5_VERS_MINOR == 10 && H5_VERS_RELEASE >= 7)
    return H5Pset_file_locking(fapl, 0, 1);
#else
    (void)fapl;
    return 0;
#endif
}

// Marks the POSIX descriptor of an open file close-on-exec (sec2 driver, the default), so that
// processes darkz spawns do not inherit chain files and their locks. Returns 0 for other drivers.
static inline int darkz_set_close_on_exec(hid_t file) {
    hid_t fapl = H5Fget_access_plist(file);
    if (fapl < 0) return -1;
    int isSec2 = H5Pget_driver(fapl) == H5FD_SEC2;
    H5Pclose(fapl);
    if (!isSec2) return 0;
    void *handle = NULL;
    if (H5Fget_vfd_handle(file, H5P_DEFAULT, &handle) < 0 || handle == NULL) return -1;
    int fd = *(int *)handle;
    int flags = fcntl(fd, F_GETFD);
    return flags < 0 ? -1 : fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}
#endif
