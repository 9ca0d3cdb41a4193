import ArgumentParser
import Foundation

/// The command words of a command line, checked before parsing: an unknown subcommand (also after
/// `darkz help`) is an error that names it and suggests the nearest ones, where swift-argument-parser
/// would say "Unexpected argument" or print the main help and exit 0.
enum CommandWords {
    /// Throws for the first word that is not a subcommand of the command it follows.
    static func check(_ arguments: [String], root: ParsableCommand.Type) throws {
        var words = arguments
        let isHelp = words.first == "help"
        if isHelp { words.removeFirst() }
        var command = root, path = [name(of: root)]
        while let word = words.first, !word.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty {
                // Arguments of a command are its own business, except after help.
                guard isHelp else { return }
                throw ValidationError("\(path.joined(separator: " ")) has no subcommands; 'darkz help \(path.dropFirst().joined(separator: " "))' describes it")
            }
            guard let next = subcommands.first(where: { name(of: $0) == word }) else {
                throw ValidationError(unknown(word, among: subcommands.map(name(of:)), in: path.joined(separator: " ")))
            }
            command = next
            path.append(word)
            words.removeFirst()
        }
    }

    static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// "unknown command 'sampel' (did you mean 'sample'?)", or the list of commands when none is near.
    static func unknown(_ word: String, among names: [String], in path: String) -> String {
        let near = suggestions(for: word, among: names)
        let what = path == "darkz" ? "command" : "subcommand of \(path)"
        if near.isEmpty {
            return "unknown \(what) '\(word)'; the commands are " + names.joined(separator: ", ")
        }
        return "unknown \(what) '\(word)'; did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// The names nearest to `word` by edit distance (a swap of neighbours counts one), within 1 edit
    /// for short words and 2 for longer ones; else the names it begins.
    static func suggestions(for word: String, among names: [String]) -> [String] {
        let typed = word.lowercased()
        let distances = names.map { (name: $0, distance: editDistance(typed, $0)) }
        let limit = typed.count <= 4 ? 1 : 2
        if let best = distances.map(\.distance).min(), best <= limit {
            return distances.filter { $0.distance == best }.map(\.name)
        }
        return typed.count >= 2 ? names.filter { $0.hasPrefix(typed) } : []
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
    /// of adjacent characters, each one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

/// A hint for "Missing value for '--range <range>'" when the value was a negative number, which the
/// parser takes for a flag: how to attach it with '='.
enum NegativeValueHint {
    static func hint(for message: String, arguments: [String]) -> String? {
        guard message.hasPrefix("Missing value for '--"),
              let flag = message.dropFirst("Missing value for '".count).split(separator: " ").first.map(String.init)?
                .trimmingCharacters(in: CharacterSet(charactersIn: "'")),
              let at = arguments.firstIndex(of: flag) else { return nil }
        let values = arguments[(at + 1)...].prefix { isNumber($0) }
        guard let first = values.first, first.hasPrefix("-") else { return nil }
        return "\(flag): '\(first)' is taken for a flag, not a value; attach negative values with '=': \(flag)=" + values.joined(separator: ",")
    }

    /// A number, possibly signed and with a unit (-0.5, 1e-3, -30MeV), not a flag name.
    static func isNumber(_ text: String) -> Bool {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard let first = body.first, first.isNumber || first == "." else { return false }
        return true
    }
}
