import CHDF5

// Virtual datasets (HDF5 1.10's VDS) whose rows along the first axis come from datasets in other
// files, one block of consecutive rows per source. Only used inside `HDF5Library.run`.

/// One mapping of a virtual row dataset: its rows `firstRow ..< firstRow + rows` are all rows of
/// `dataset` in `file`, a path relative to the directory of the virtual dataset's file (libhdf5
/// and h5py look relative paths up there first, whatever the working directory).
struct VirtualRows: Equatable, Sendable {
    var file: String
    var dataset: String
    var firstRow: Int
    var rows: Int
}

extension H5Object {
    /// Whether this dataset is virtual.
    func isVirtualDataset() throws -> Bool {
        let creation = try H5Object(H5Dget_create_plist(id), "H5Dget_create_plist", close: H5Pclose)
        return H5Pget_layout(creation.id) == H5D_VIRTUAL
    }

    /// The mappings of a virtual dataset, in the order they were made; empty for other layouts.
    func virtualRows() throws -> [VirtualRows] {
        let creation = try H5Object(H5Dget_create_plist(id), "H5Dget_create_plist", close: H5Pclose)
        guard H5Pget_layout(creation.id) == H5D_VIRTUAL else { return [] }
        var count = 0
        try HDF5Library.check(H5Pget_virtual_count(creation.id, &count), "H5Pget_virtual_count")
        return try (0..<count).map { index in
            let space = try H5Object(H5Pget_virtual_vspace(creation.id, index), "H5Pget_virtual_vspace", close: H5Sclose)
            let rank = Int(H5Sget_simple_extent_ndims(space.id))
            var start = [hsize_t](repeating: 0, count: max(rank, 1)), end = start
            try HDF5Library.check(H5Sget_select_bounds(space.id, &start, &end), "H5Sget_select_bounds")
            let file = try Self.virtualString { H5Pget_virtual_filename(creation.id, index, $0, $1) }
            let dataset = try Self.virtualString { H5Pget_virtual_dsetname(creation.id, index, $0, $1) }
            return VirtualRows(file: file, dataset: dataset, firstRow: Int(start[0]), rows: Int(end[0] - start[0]) + 1)
        }
    }

    /// A string that a libhdf5 getter copies into a buffer (it returns the length without one).
    private static func virtualString(_ get: (UnsafeMutablePointer<CChar>?, Int) -> Int) throws -> String {
        let length = get(nil, 0)
        guard length >= 0 else { throw HDF5Failure(operation: "reading a virtual mapping", detail: HDF5Library.errorStack()) }
        var buffer = [CChar](repeating: 0, count: length + 1)
        guard get(&buffer, buffer.count) >= 0 else {
            throw HDF5Failure(operation: "reading a virtual mapping", detail: HDF5Library.errorStack())
        }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates a virtual float64 dataset of fixed shape `[rows] + rowShape` whose rows are the
    /// mappings' sources, in increasing order. Rows no mapping covers, or whose source cannot be
    /// opened, read as NaN (libhdf5 fills them silently, hence the fill value).
    @discardableResult
    func createVirtualRowDataset(_ name: String, rows: Int, rowShape: [Int], elementCount: Int, mappings: [VirtualRows]) throws -> H5Object {
        var extent = ([rows] + rowShape).map { hsize_t($0) }
        let rank = Int32(extent.count)
        let space = try H5Object(H5Screate_simple(rank, &extent, nil), "H5Screate_simple(\(name))", close: H5Sclose)
        let creation = try H5Object(H5Pcreate(darkz_H5P_DATASET_CREATE()), "H5Pcreate(dataset)", close: H5Pclose)
        let memoryType = try H5Types.doubles(count: elementCount, file: false)
        let fill = [Double](repeating: .nan, count: elementCount)
        try HDF5Library.check(H5Pset_fill_value(creation.id, memoryType.id, fill), "H5Pset_fill_value(\(name))")
        var next = 0
        for mapping in mappings {
            guard mapping.firstRow >= next, mapping.rows > 0, mapping.firstRow + mapping.rows <= rows else {
                throw HDF5Failure(operation: "mapping \(mapping.file)",
                                  detail: "its rows \(mapping.firstRow)..<\(mapping.firstRow + mapping.rows) overlap others or exceed \(rows)")
            }
            next = mapping.firstRow + mapping.rows
            let selection = try H5Object(H5Scopy(space.id), "H5Scopy", close: H5Sclose)
            var start = [hsize_t](repeating: 0, count: extent.count)
            start[0] = hsize_t(mapping.firstRow)
            var count = extent
            count[0] = hsize_t(mapping.rows)
            try HDF5Library.check(H5Sselect_hyperslab(selection.id, H5S_SELECT_SET, &start, nil, &count, nil), "H5Sselect_hyperslab")
            let source = try H5Object(H5Screate_simple(rank, &count, nil), "H5Screate_simple(source)", close: H5Sclose)
            try HDF5Library.check(H5Pset_virtual(creation.id, selection.id, mapping.file, mapping.dataset, source.id),
                                  "H5Pset_virtual(\(mapping.file))")
        }
        let fileType = try H5Types.doubles(count: elementCount, file: true)
        return try H5Object(
            H5Dcreate2(id, name, fileType.id, space.id, darkz_H5P_DEFAULT(), creation.id, darkz_H5P_DEFAULT()),
            "H5Dcreate(\(name), virtual)", close: H5Dclose)
    }

    /// Reads rows `start ..< start + rows` (as `readRows`, from any offset).
    func readRows(start: Int, rows: Int) throws -> [Double] {
        let shape = try numericShape()
        let count = rows * shape.dimensions.dropFirst().reduce(1, *) * shape.elementCount
        guard rows > 0 else { return [] }
        let (file, memory, memoryType) = try rowSelection(shape, start: start, rows: rows)
        var values = [Double](repeating: 0, count: count)
        try HDF5Library.check(H5Dread(id, memoryType.id, memory.id, file.id, darkz_H5P_DEFAULT(), &values), "H5Dread(rows)")
        return values
    }
}
