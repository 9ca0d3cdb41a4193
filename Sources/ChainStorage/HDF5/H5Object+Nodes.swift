import CHDF5

// Files, groups, links and datatypes, as the chain files need them. Only used inside
// `HDF5Library.run`.

extension H5Object {
    /// Creates a new file at `path`, failing if it exists. Objects still open when the file is
    /// closed are closed with it (H5F_CLOSE_STRONG), so a file is never kept open by a stray
    /// handle. `locking: false` skips HDF5's flock (for private partial files).
    static func createFile(_ path: String, locking: Bool = true) throws -> H5Object {
        let access = try fileAccess(locking: locking)
        let file = try H5Object(H5Fcreate(path, darkz_H5F_ACC_EXCL(), darkz_H5P_DEFAULT(), access.id),
                                "H5Fcreate(\(path))", close: H5Fclose)
        _ = darkz_set_close_on_exec(file.id)
        return file
    }

    /// Opens an existing file, read-only unless `writable`.
    static func openFile(_ path: String, writable: Bool = false, locking: Bool = true) throws -> H5Object {
        let access = try fileAccess(locking: locking)
        let flags = writable ? darkz_H5F_ACC_RDWR() : darkz_H5F_ACC_RDONLY()
        let file = try H5Object(H5Fopen(path, flags, access.id), "H5Fopen(\(path))", close: H5Fclose)
        _ = darkz_set_close_on_exec(file.id)
        return file
    }

    private static func fileAccess(locking: Bool) throws -> H5Object {
        let list = try H5Object(H5Pcreate(darkz_H5P_FILE_ACCESS()), "H5Pcreate(file access)", close: H5Pclose)
        try HDF5Library.check(H5Pset_fclose_degree(list.id, H5F_CLOSE_STRONG), "H5Pset_fclose_degree")
        if !locking {
            try HDF5Library.check(darkz_disable_file_locking(list.id), "H5Pset_file_locking")
        }
        return list
    }

    /// Whether this group has a link called `name` (one path component).
    func hasLink(_ name: String) -> Bool {
        H5Lexists(id, name, darkz_H5P_DEFAULT()) > 0
    }

    func openGroup(_ name: String) throws -> H5Object {
        try H5Object(H5Gopen2(id, name, darkz_H5P_DEFAULT()), "H5Gopen(\(name))", close: H5Gclose)
    }

    func createGroup(_ name: String) throws -> H5Object {
        try H5Object(H5Gcreate2(id, name, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT()),
                     "H5Gcreate(\(name))", close: H5Gclose)
    }

    func openDataset(_ name: String) throws -> H5Object {
        try H5Object(H5Dopen2(id, name, darkz_H5P_DEFAULT()), "H5Dopen(\(name))", close: H5Dclose)
    }

    func deleteLink(_ name: String) throws {
        try HDF5Library.check(H5Ldelete(id, name, darkz_H5P_DEFAULT()), "H5Ldelete(\(name))")
    }

    /// Renames link `name` of this group to `newName`.
    func moveLink(_ name: String, to newName: String) throws {
        try HDF5Library.check(H5Lmove(id, name, id, newName, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT()), "H5Lmove(\(name))")
    }

    /// Names of the links of this group, in name order.
    func linkNames() throws -> [String] {
        var info = H5G_info_t()
        try HDF5Library.check(H5Gget_info(id, &info), "H5Gget_info")
        return try (0..<info.nlinks).map { index in
            let length = H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, darkz_H5P_DEFAULT())
            guard length >= 0 else {
                throw HDF5Failure(operation: "H5Lget_name_by_idx", detail: HDF5Library.errorStack())
            }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            try HDF5Library.check(
                herr_t(truncatingIfNeeded: H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index,
                                                               &buffer, buffer.count, darkz_H5P_DEFAULT())),
                "H5Lget_name_by_idx")
            return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Copies every object linked from this group (recursively, with attributes, datatypes,
    /// chunk layout and filters) into `destination` under the same names. H5Ocopy writes each
    /// object afresh, so space left unused by earlier rewrites is not carried over.
    func copyLinks(to destination: H5Object) throws {
        for name in try linkNames() {
            try HDF5Library.check(
                H5Ocopy(id, name, destination.id, name, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT()),
                "H5Ocopy(\(name))")
        }
    }
}

/// Datatypes written the way h5py writes them, so that h5py reads back the same Python types.
enum H5Types {
    /// zlib level of the deflate filter on row datasets: on case C's chains levels 1 to 9 store
    /// within 3% of one another and take about the same time; 4 is the smallest of the fast ones.
    static let deflateLevel: UInt32 = 4

    /// Variable-length UTF-8 string: h5py's type for `str` attributes and string datasets.
    static func variableString() throws -> H5Object {
        let type = try H5Object(H5Tcopy(darkz_H5T_C_S1()), "H5Tcopy(C_S1)", close: H5Tclose)
        try HDF5Library.check(H5Tset_size(type.id, darkz_H5T_VARIABLE()), "H5Tset_size(variable)")
        try HDF5Library.check(H5Tset_cset(type.id, H5T_CSET_UTF8), "H5Tset_cset(UTF-8)")
        return type
    }

    /// h5py's boolean: an enum over a signed byte with members FALSE = 0 and TRUE = 1.
    static func boolean() throws -> H5Object {
        let type = try H5Object(H5Tenum_create(darkz_H5T_NATIVE_SCHAR()), "H5Tenum_create", close: H5Tclose)
        var no: Int8 = 0
        var yes: Int8 = 1
        try HDF5Library.check(H5Tenum_insert(type.id, "FALSE", &no), "H5Tenum_insert(FALSE)")
        try HDF5Library.check(H5Tenum_insert(type.id, "TRUE", &yes), "H5Tenum_insert(TRUE)")
        return type
    }

    /// A fixed-size array of `count` values of `base`: numpy's subarray dtype `(base, (count,))`,
    /// which emcee uses as the element type of its blobs dataset when each walker has several
    /// blobs.
    static func array(of base: hid_t, count: Int) throws -> H5Object {
        var dims: [hsize_t] = [hsize_t(count)]
        return try H5Object(H5Tarray_create2(base, 1, &dims), "H5Tarray_create2", close: H5Tclose)
    }

    /// The element type for `count` doubles per element: plain float64 for one, an array type
    /// for more; `file` = little-endian IEEE as numpy's '<f8', otherwise the native memory type.
    static func doubles(count: Int, file: Bool) throws -> H5TypeReference {
        let base = file ? darkz_H5T_IEEE_F64LE() : darkz_H5T_NATIVE_DOUBLE()
        if count == 1 { return H5TypeReference(id: base, owner: nil) }
        let type = try array(of: base, count: count)
        return H5TypeReference(id: type.id, owner: type)
    }
}

/// A datatype identifier: a predefined one, or one owned by `owner` (closed with it).
struct H5TypeReference {
    let id: hid_t
    let owner: H5Object?
}
