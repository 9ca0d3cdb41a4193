/// How a sampled variable is named and labelled outside darkz.
///
/// One name per parameter: the sampled variable's ``ParameterPrior/sampledName`` — `log10(mZD)` for
/// a log-uniform prior, `gMu` for a uniform one — is the name in chain files
/// (`mcmc/darkz/parameter_names`), in every command's text and JSON, and in corner.json and the CSV
/// files. getdist's parameter names cannot hold parentheses (it parses them in expressions such
/// as `samples.getParams().log10_mZD` and in derived-parameter formulas), so its name is a fixed
/// transform of that one: ``ParameterPrior/getdistName(_:)``.
extension ParameterPrior {
    /// The getdist name of a sampled name: every character other than an ASCII letter, digit or
    /// `_` becomes `_`, and trailing `_` are dropped. `log10(mZD)` → `log10_mZD`; `gMu` → `gMu`.
    /// Distinct for distinct darkz parameters (their names are letters, with `log10(...)` around them).
    public static func getdistName(_ sampledName: String) -> String {
        var name = String(sampledName.unicodeScalars.map { s -> Character in
            s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_")
                ? Character(s) : "_"
        })
        while name.hasSuffix("_") { name.removeLast() }
        return name
    }

    /// The getdist name of this parameter's sampled variable (``getdistName(_:)``).
    public var getdistName: String { Self.getdistName(sampledName) }

    /// The LaTeX label of the sampled variable, without `$` (getdist's `.paramnames` convention):
    /// `\log_{10}(M_{Z_D}/\mathrm{GeV})`, `g_\mu`, `\log_{10} \epsilon_Z`, ...
    public var latexLabel: String {
        let logarithmic: Bool
        if case .logUniform = distribution { logarithmic = true } else { logarithmic = false }
        let symbol: String
        switch name {
        case "mZD": return logarithmic ? "\\log_{10}(M_{Z_D}/\\mathrm{GeV})" : "M_{Z_D}\\;[\\mathrm{GeV}]"
        case "epsilon": symbol = "\\epsilon"
        case "epsilonZ": symbol = "\\epsilon_Z"
        case "gMu": symbol = "g_\\mu"
        case "invisibleFraction": symbol = "f_\\mathrm{inv}"
        default: symbol = "\\mathrm{\(name)}"
        }
        return logarithmic ? "\\log_{10} " + symbol : symbol
    }
}
