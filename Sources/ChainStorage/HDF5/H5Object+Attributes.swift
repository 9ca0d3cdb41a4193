import CHDF5

// Scalar attributes of groups and datasets, written with the types h5py gives Python values
// (int -> int64, bool -> enum FALSE/TRUE, str -> variable-length UTF-8), read back from any
// compatible type. Only used inside `HDF5Library.run`.

extension H5Object {
    func hasAttribute(_ name: String) -> Bool {
        H5Aexists(id, name) > 0
    }

    func writeAttribute(_ name: String, int64 value: Int64) throws {
        var v = value
        try writeScalarAttribute(name, fileType: darkz_H5T_STD_I64LE(), memoryType: darkz_H5T_NATIVE_INT64(), &v)
    }

    func writeAttribute(_ name: String, uint64 value: UInt64) throws {
        var v = value
        try writeScalarAttribute(name, fileType: darkz_H5T_STD_U64LE(), memoryType: darkz_H5T_NATIVE_UINT64(), &v)
    }

    func writeAttribute(_ name: String, bool value: Bool) throws {
        let type = try H5Types.boolean()
        var v: Int8 = value ? 1 : 0
        try writeScalarAttribute(name, fileType: type.id, memoryType: type.id, &v)
    }

    func writeAttribute(_ name: String, string value: String) throws {
        let type = try H5Types.variableString()
        try value.withCString { text in
            var pointer: UnsafePointer<CChar>? = text
            try writeScalarAttribute(name, fileType: type.id, memoryType: type.id, &pointer)
        }
    }

    /// Replaces attribute `name` by a scalar of `fileType` holding `value` (in `memoryType`).
    private func writeScalarAttribute<T>(_ name: String, fileType: hid_t, memoryType: hid_t, _ value: inout T) throws {
        if hasAttribute(name) {
            try HDF5Library.check(H5Adelete(id, name), "H5Adelete(\(name))")
        }
        let space = try H5Object(H5Screate(H5S_SCALAR), "H5Screate(scalar)", close: H5Sclose)
        let attribute = try H5Object(
            H5Acreate2(id, name, fileType, space.id, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT()),
            "H5Acreate(\(name))", close: H5Aclose)
        try withUnsafeMutablePointer(to: &value) { pointer in
            try HDF5Library.check(H5Awrite(attribute.id, memoryType, pointer), "H5Awrite(\(name))")
        }
    }

    private func openAttribute(_ name: String) throws -> H5Object {
        try H5Object(H5Aopen(id, name, darkz_H5P_DEFAULT()), "H5Aopen(\(name))", close: H5Aclose)
    }

    /// An integer attribute of any integer type (or a float holding an integer), as Int64.
    func readInt64Attribute(_ name: String) throws -> Int64 {
        let attribute = try openAttribute(name)
        var value: Int64 = 0
        try HDF5Library.check(H5Aread(attribute.id, darkz_H5T_NATIVE_INT64(), &value), "H5Aread(\(name))")
        return value
    }

    func readUInt64Attribute(_ name: String) throws -> UInt64 {
        let attribute = try openAttribute(name)
        var value: UInt64 = 0
        try HDF5Library.check(H5Aread(attribute.id, darkz_H5T_NATIVE_UINT64(), &value), "H5Aread(\(name))")
        return value
    }

    /// A boolean written by h5py (enum FALSE/TRUE) or an integer (non-zero = true).
    func readBoolAttribute(_ name: String) throws -> Bool {
        let attribute = try openAttribute(name)
        let fileType = try H5Object(H5Aget_type(attribute.id), "H5Aget_type(\(name))", close: H5Tclose)
        if H5Tget_class(fileType.id) == H5T_ENUM {
            let memoryType = try H5Types.boolean()
            var value: Int8 = 0
            try HDF5Library.check(H5Aread(attribute.id, memoryType.id, &value), "H5Aread(\(name))")
            return value != 0
        }
        var value: Int64 = 0
        try HDF5Library.check(H5Aread(attribute.id, darkz_H5T_NATIVE_INT64(), &value), "H5Aread(\(name))")
        return value != 0
    }

    /// A string attribute, variable-length (h5py's `str`) or fixed-length (numpy's `S` dtype).
    func readStringAttribute(_ name: String) throws -> String {
        let attribute = try openAttribute(name)
        let fileType = try H5Object(H5Aget_type(attribute.id), "H5Aget_type(\(name))", close: H5Tclose)
        guard H5Tget_class(fileType.id) == H5T_STRING else {
            throw HDF5Failure(operation: "reading attribute \(name)", detail: "it is not a string")
        }
        if H5Tis_variable_str(fileType.id) > 0 {
            let memoryType = try H5Types.variableString()
            var pointer: UnsafeMutablePointer<CChar>?
            try HDF5Library.check(H5Aread(attribute.id, memoryType.id, &pointer), "H5Aread(\(name))")
            defer { if let pointer { H5free_memory(pointer) } }
            return pointer.map { String(cString: $0) } ?? ""
        }
        let size = H5Tget_size(fileType.id)
        let memoryType = try H5Object(H5Tcopy(darkz_H5T_C_S1()), "H5Tcopy(C_S1)", close: H5Tclose)
        try HDF5Library.check(H5Tset_size(memoryType.id, size), "H5Tset_size")
        var buffer = [UInt8](repeating: 0, count: size + 1)
        try HDF5Library.check(H5Aread(attribute.id, memoryType.id, &buffer), "H5Aread(\(name))")
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
}
