import Foundation
import Testing

/// Command names and help: unknown commands named with suggestions, plain `chi2`, one default per flag.
@Suite("darkz command words", .serialized)
struct CommandWordTests {
    /// `darkz help foo` fails naming foo (it printed the main help with exit 0 before issue #16).
    @Test func helpOfAnUnknownCommand() throws {
        let out = try DarkzRunner.run(["help", "foo"])
        #expect(out.status == 2 && out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("darkz: error: unknown command 'foo'") && out.stderr.contains("sample"), "\(out.stderr)")
        let extra = try DarkzRunner.run(["help", "sample", "foo"])
        #expect(extra.status == 2 && extra.stderr.contains("darkz sample has no subcommands"), "\(extra.stderr)")
        let known = try DarkzRunner.run(["help", "sample"])
        #expect(known.status == 0 && known.stdout.contains("USAGE: darkz sample"))
    }

    /// A misspelt command gets the nearest ones ("Unexpected argument 'sampel'" before).
    @Test(arguments: [("sampel", "'sample'"), ("diagnos", "'diagnose'"), ("credibel", "'credible'"), ("diag", "'diagnose'"),
                      ("comp", "'compact' or 'compare'"), ("predcit", "'predict'")])
    func didYouMean(typed: String, suggestion: String) throws {
        let out = try DarkzRunner.run([typed])
        #expect(out.status == 2 && out.stdout.isEmpty)
        #expect(out.stderr == "darkz: error: unknown command '\(typed)'; did you mean \(suggestion)?\n", "\(out.stderr)")
    }

    @Test func farFromEveryCommand() throws {
        let out = try DarkzRunner.run(["xyzzy"])
        #expect(out.status == 2 && out.stderr.contains("the commands are chi2, predict"), "\(out.stderr)")
    }

    /// Plain `chi2` is the SM chi^2 (it needed --sm before); --sm still works and gives the same.
    @Test func plainChi2IsTheStandardModel() throws {
        let plain = try DarkzRunner.run(["chi2", "--json"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let json = try #require(plain.json)
        #expect(abs((json["chi2_all"] as? Double ?? 0) - 90.912) < 5e-4)
        let sm = try #require(try DarkzRunner.run(["chi2", "--sm", "--json"]).json)
        #expect(sm["chi2_all"] as? Double == json["chi2_all"] as? Double)
        let text = try DarkzRunner.run(["chi2"])
        #expect(text.status == 0 && text.stdout.contains("chi2_SM (all rows)"))
    }

    /// Every command with --threads shows one default (it showed "(default: all cores). (default: 2)").
    @Test(arguments: ["sample", "resume", "regions", "scan"])
    func threadsHelpShowsOneDefault(command: String) throws {
        let out = try DarkzRunner.run([command, "--help"])
        #expect(out.status == 0)
        let line = try #require(out.stdout.split(separator: "\n").first { $0.contains("--threads <threads>") && $0.contains("Threads") })
        #expect(line.components(separatedBy: "default").count - 1 == 1, "\(line)")
        #expect(line.contains("(default: all cores)"))
    }

    @Test func threadsMustBePositive() throws {
        let out = try DarkzRunner.run(["sample", "--case", "C", "--threads", "0", "--out", "/nonexistent/x.h5"])
        #expect(out.status == 2 && out.stderr.contains("--threads must be at least 1"), "\(out.stderr)")
    }
}
