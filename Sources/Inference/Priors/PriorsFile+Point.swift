import Flavor

extension PriorsFile {
    /// A parameter point from this file and values given by the user (`DarkBosonParameters.names`
    /// keys): a given value is used as it is; a parameter the file fixes takes the file's value; a
    /// free parameter must be given. The result says which values came from the file.
    public func point(given: [String: Double]) throws -> (parameters: DarkBosonParameters, fromFile: [(name: String, value: Double)]) {
        var values: [String: Double] = [:], fromFile: [(name: String, value: Double)] = []
        var missing: [String] = []
        for prior in parameters {
            if let v = given[prior.name] {
                values[prior.name] = v
            } else if case .fixed(let v) = prior.distribution {
                values[prior.name] = v
                fromFile.append((prior.name, v))
            } else {
                missing.append(prior.name)
            }
        }
        guard missing.isEmpty else {
            throw PriorsError(file: source, key: "parameters",
                              message: "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") free in this file: give \(missing.count == 1 ? "its value" : "their values")")
        }
        let p = DarkBosonParameters(modelCase: modelCase, mZD: values["mZD"]!, epsilon: values["epsilon"]!,
                                    epsilonZ: values["epsilonZ"]!, gMu: values["gMu"]!,
                                    invisibleFraction: values["invisibleFraction"]!)
        return (p, fromFile)
    }
}
