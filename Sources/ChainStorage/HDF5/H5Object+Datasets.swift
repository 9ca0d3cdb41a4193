import CHDF5
import Foundation

// Datasets of doubles laid out in rows along the first axis (one row per sampler step), and
// small string datasets. Only used inside `HDF5Library.run`.

/// What a dataset of numbers holds: its dataspace extents and the doubles per element
/// (1 for a plain number type, the array length for an array type such as emcee's blobs).
struct H5NumericShape: Equatable {
    var dimensions: [Int]
    var elementCount: Int
    /// The array type's dimensions, empty for a plain number type.
    var elementDimensions: [Int]
}

extension H5Object {
    /// Creates a chunked, little-endian float64 dataset of shape `[rows] + rowShape` whose first
    /// axis can grow without limit (emcee's `maxshape=(None, ...)`), or is fixed at `rows` with
    /// `growable: false`. With `elementCount` > 1 each element is an array of that many doubles.
    /// `compressed` adds the deflate filter (gzip in h5py's words, which every h5py reads) when
    /// the library has it.
    @discardableResult
    func createRowDataset(_ name: String, rows: Int, rowShape: [Int], elementCount: Int, chunkRows: Int,
                          compressed: Bool = true, growable: Bool = true) throws -> H5Object {
        var current = ([rows] + rowShape).map { hsize_t($0) }
        var maximum = [growable ? darkz_H5S_UNLIMITED() : hsize_t(rows)] + rowShape.map { hsize_t($0) }
        var chunk = ([max(chunkRows, 1)] + rowShape.map { max($0, 1) }).map { hsize_t($0) }
        let space = try H5Object(H5Screate_simple(Int32(current.count), &current, &maximum),
                                 "H5Screate_simple(\(name))", close: H5Sclose)
        let creation = try H5Object(H5Pcreate(darkz_H5P_DATASET_CREATE()), "H5Pcreate(dataset)", close: H5Pclose)
        try HDF5Library.check(H5Pset_chunk(creation.id, Int32(chunk.count), &chunk), "H5Pset_chunk(\(name))")
        if compressed && H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0 {
            try HDF5Library.check(H5Pset_deflate(creation.id, H5Types.deflateLevel), "H5Pset_deflate(\(name))")
        }
        let type = try H5Types.doubles(count: elementCount, file: true)
        return try H5Object(
            H5Dcreate2(id, name, type.id, space.id, darkz_H5P_DEFAULT(), creation.id, darkz_H5P_DEFAULT()),
            "H5Dcreate(\(name))", close: H5Dclose)
    }

    /// Creates a fixed-size, compressed row dataset of a segment file: chunks of about 128 KiB,
    /// or the whole segment when it is smaller.
    @discardableResult
    func createSegmentDataset(_ name: String, rows: Int, rowShape: [Int], elementCount: Int) throws -> H5Object {
        let chunkRows = min(rows, EmceeLayout.chunkRows(valuesPerRow: rowShape.reduce(1, *) * elementCount))
        return try createRowDataset(name, rows: rows, rowShape: rowShape, elementCount: elementCount, chunkRows: chunkRows,
                                    growable: false)
    }

    /// Creates a contiguous one-dimensional float64 dataset holding `values` (emcee's
    /// "accepted").
    func createDoubleVector(_ name: String, _ values: [Double]) throws {
        var extent = [hsize_t(values.count)]
        let space = try H5Object(H5Screate_simple(1, &extent, nil), "H5Screate_simple(\(name))", close: H5Sclose)
        let dataset = try H5Object(
            H5Dcreate2(id, name, darkz_H5T_IEEE_F64LE(), space.id, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT(),
                       darkz_H5P_DEFAULT()),
            "H5Dcreate(\(name))", close: H5Dclose)
        try dataset.writeAll(values)
    }

    /// Overwrites the whole dataset with `values` (native doubles).
    func writeAll(_ values: [Double]) throws {
        try HDF5Library.check(
            H5Dwrite(id, darkz_H5T_NATIVE_DOUBLE(), darkz_H5S_ALL(), darkz_H5S_ALL(), darkz_H5P_DEFAULT(), values),
            "H5Dwrite")
    }

    /// The extents of this dataset and the doubles per element; throws if the elements are not
    /// numbers or arrays of numbers.
    func numericShape() throws -> H5NumericShape {
        let space = try H5Object(H5Dget_space(id), "H5Dget_space", close: H5Sclose)
        let rank = H5Sget_simple_extent_ndims(space.id)
        guard rank >= 0 else { throw HDF5Failure(operation: "H5Sget_simple_extent_ndims", detail: HDF5Library.errorStack()) }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        _ = H5Sget_simple_extent_dims(space.id, &dims, nil)
        let type = try H5Object(H5Dget_type(id), "H5Dget_type", close: H5Tclose)
        switch H5Tget_class(type.id) {
        case H5T_FLOAT, H5T_INTEGER:
            return H5NumericShape(dimensions: dims.map { Int($0) }, elementCount: 1, elementDimensions: [])
        case H5T_ARRAY:
            let base = try H5Object(H5Tget_super(type.id), "H5Tget_super", close: H5Tclose)
            let baseClass = H5Tget_class(base.id)
            guard baseClass == H5T_FLOAT || baseClass == H5T_INTEGER else {
                throw HDF5Failure(operation: "reading a dataset", detail: "its array elements are not numbers")
            }
            let arrayRank = H5Tget_array_ndims(type.id)
            var arrayDims = [hsize_t](repeating: 0, count: Int(max(arrayRank, 0)))
            _ = H5Tget_array_dims2(type.id, &arrayDims)
            let elementDims = arrayDims.map { Int($0) }
            return H5NumericShape(dimensions: dims.map { Int($0) }, elementCount: elementDims.reduce(1, *),
                                  elementDimensions: elementDims)
        default:
            throw HDF5Failure(operation: "reading a dataset", detail: "its elements are not numbers")
        }
    }

    /// Sets the extents (for a chunked dataset within its maximum extents).
    func setExtent(_ dimensions: [Int]) throws {
        var dims = dimensions.map { hsize_t($0) }
        try HDF5Library.check(H5Dset_extent(id, &dims), "H5Dset_extent")
    }

    /// Writes `rows` rows starting at row `start` from `values` (rows x the rest of the extents
    /// x elementCount doubles, row-major).
    func writeRows(start: Int, rows: Int, _ values: [Double]) throws {
        guard rows > 0 else { return }
        let shape = try numericShape()
        let (file, memory, memoryType) = try rowSelection(shape, start: start, rows: rows)
        precondition(values.count == rows * shape.dimensions.dropFirst().reduce(1, *) * shape.elementCount,
                     "writeRows: wrong number of values")
        try HDF5Library.check(H5Dwrite(id, memoryType.id, memory.id, file.id, darkz_H5P_DEFAULT(), values), "H5Dwrite(rows)")
    }

    /// Reads the first `rows` rows (all rows of a chunked dataset may include unused capacity,
    /// as emcee grows its datasets before it samples).
    func readRows(_ rows: Int) throws -> (shape: H5NumericShape, values: [Double]) {
        let shape = try numericShape()
        let count = rows * shape.dimensions.dropFirst().reduce(1, *) * shape.elementCount
        guard rows > 0 else { return (shape, []) }
        let (file, memory, memoryType) = try rowSelection(shape, start: 0, rows: rows)
        var values = [Double](repeating: 0, count: count)
        try HDF5Library.check(H5Dread(id, memoryType.id, memory.id, file.id, darkz_H5P_DEFAULT(), &values), "H5Dread(rows)")
        return (shape, values)
    }

    /// Reads the whole dataset as doubles.
    func readAll() throws -> (shape: H5NumericShape, values: [Double]) {
        let shape = try numericShape()
        if shape.dimensions.isEmpty {  // scalar dataspace
            var value = [Double](repeating: 0, count: shape.elementCount)
            let memoryType = try memoryType(for: shape)
            try HDF5Library.check(H5Dread(id, memoryType.id, darkz_H5S_ALL(), darkz_H5S_ALL(), darkz_H5P_DEFAULT(), &value),
                                  "H5Dread")
            return (shape, value)
        }
        return try readRows(shape.dimensions[0])
    }

    private func memoryType(for shape: H5NumericShape) throws -> H5TypeReference {
        guard !shape.elementDimensions.isEmpty else { return H5TypeReference(id: darkz_H5T_NATIVE_DOUBLE(), owner: nil) }
        var dims = shape.elementDimensions.map { hsize_t($0) }
        let type = try H5Object(H5Tarray_create2(darkz_H5T_NATIVE_DOUBLE(), UInt32(dims.count), &dims),
                                "H5Tarray_create2", close: H5Tclose)
        return H5TypeReference(id: type.id, owner: type)
    }

    func rowSelection(_ shape: H5NumericShape, start: Int, rows: Int) throws
        -> (file: H5Object, memory: H5Object, memoryType: H5TypeReference)
    {
        guard !shape.dimensions.isEmpty, start >= 0, start + rows <= shape.dimensions[0] else {
            throw HDF5Failure(operation: "selecting rows \(start)..<\(start + rows)",
                              detail: "the dataset has extents \(shape.dimensions)")
        }
        let file = try H5Object(H5Dget_space(id), "H5Dget_space", close: H5Sclose)
        var offset = [hsize_t](repeating: 0, count: shape.dimensions.count)
        offset[0] = hsize_t(start)
        var count = shape.dimensions.map { hsize_t($0) }
        count[0] = hsize_t(rows)
        try HDF5Library.check(H5Sselect_hyperslab(file.id, H5S_SELECT_SET, &offset, nil, &count, nil),
                              "H5Sselect_hyperslab")
        let memory = try H5Object(H5Screate_simple(Int32(count.count), &count, nil), "H5Screate_simple", close: H5Sclose)
        return (file, memory, try memoryType(for: shape))
    }

    // MARK: Strings

    /// Creates a one-dimensional dataset of variable-length UTF-8 strings (h5py reads it as an
    /// array of `bytes`, or `str` with `.asstr()`).
    func createStringList(_ name: String, _ strings: [String]) throws {
        var extent = [hsize_t(strings.count)]
        let space = try H5Object(H5Screate_simple(1, &extent, nil), "H5Screate_simple(\(name))", close: H5Sclose)
        let type = try H5Types.variableString()
        let dataset = try H5Object(
            H5Dcreate2(id, name, type.id, space.id, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT()),
            "H5Dcreate(\(name))", close: H5Dclose)
        guard !strings.isEmpty else { return }
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers = copies.map { UnsafePointer<CChar>($0) }
        try HDF5Library.check(
            H5Dwrite(dataset.id, type.id, darkz_H5S_ALL(), darkz_H5S_ALL(), darkz_H5P_DEFAULT(), &pointers),
            "H5Dwrite(\(name))")
    }

    /// Creates a scalar dataset holding one variable-length UTF-8 string.
    func createString(_ name: String, _ string: String) throws {
        let space = try H5Object(H5Screate(H5S_SCALAR), "H5Screate(scalar)", close: H5Sclose)
        let type = try H5Types.variableString()
        let dataset = try H5Object(
            H5Dcreate2(id, name, type.id, space.id, darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT(), darkz_H5P_DEFAULT()),
            "H5Dcreate(\(name))", close: H5Dclose)
        try string.withCString { text in
            var pointer: UnsafePointer<CChar>? = text
            try HDF5Library.check(
                H5Dwrite(dataset.id, type.id, darkz_H5S_ALL(), darkz_H5S_ALL(), darkz_H5P_DEFAULT(), &pointer),
                "H5Dwrite(\(name))")
        }
    }

    /// The strings of a string dataset (scalar or one-dimensional; variable or fixed length).
    func readStrings() throws -> [String] {
        let space = try H5Object(H5Dget_space(id), "H5Dget_space", close: H5Sclose)
        let count = Int(H5Sget_simple_extent_npoints(space.id))
        let fileType = try H5Object(H5Dget_type(id), "H5Dget_type", close: H5Tclose)
        guard H5Tget_class(fileType.id) == H5T_STRING else {
            throw HDF5Failure(operation: "reading strings", detail: "the dataset does not hold strings")
        }
        guard count > 0 else { return [] }
        if H5Tis_variable_str(fileType.id) > 0 {
            let memoryType = try H5Types.variableString()
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            try HDF5Library.check(
                H5Dread(id, memoryType.id, darkz_H5S_ALL(), darkz_H5S_ALL(), darkz_H5P_DEFAULT(), &pointers),
                "H5Dread(strings)")
            defer { pointers.forEach { if let p = $0 { H5free_memory(p) } } }
            return pointers.map { $0.map { String(cString: $0) } ?? "" }
        }
        let size = H5Tget_size(fileType.id)
        let memoryType = try H5Object(H5Tcopy(darkz_H5T_C_S1()), "H5Tcopy(C_S1)", close: H5Tclose)
        try HDF5Library.check(H5Tset_size(memoryType.id, size), "H5Tset_size")
        var buffer = [UInt8](repeating: 0, count: size * count)
        try HDF5Library.check(
            H5Dread(id, memoryType.id, darkz_H5S_ALL(), darkz_H5S_ALL(), darkz_H5P_DEFAULT(), &buffer),
            "H5Dread(strings)")
        return (0..<count).map { i in
            String(decoding: buffer[(i * size)..<((i + 1) * size)].prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
