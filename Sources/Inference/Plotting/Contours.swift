import Foundation

/// Contour lines of a gridded function by marching squares (saddles resolved by the cell's mean),
/// joined into closed loops.
public enum Contours {
    /// Closed loops of `values` (indexed [x][y] at nodes xs, ys) at `level`. The grid is first
    /// padded with one ring of nodes just outside (at 1e-6 of the range) holding -infinity-like
    /// values, and the edge values are repeated on the range's edges, so every loop closes: a region
    /// above the level that touches the edge of the grid is closed along that edge. Filling the loops
    /// with the even-odd rule gives the superlevel set (holes included).
    public static func closedLoops(xs: [Double], ys: [Double], values: [[Double]], level: Double,
                                   xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) -> [[(Double, Double)]] {
        let ex = (xRange.upperBound - xRange.lowerBound) * 1e-6, ey = (yRange.upperBound - yRange.lowerBound) * 1e-6
        let px = [xRange.lowerBound - ex, xRange.lowerBound] + xs + [xRange.upperBound, xRange.upperBound + ex]
        let py = [yRange.lowerBound - ey, yRange.lowerBound] + ys + [yRange.upperBound, yRange.upperBound + ey]
        let floor = min(level, values.flatMap { $0 }.min() ?? level) - 1
        func column(_ v: [Double]) -> [Double] { [floor, v.first!] + v + [v.last!, floor] }
        var grid = [[Double]]()
        grid.append([Double](repeating: floor, count: py.count))
        grid.append(column(values.first!))
        grid += values.map(column)
        grid.append(column(values.last!))
        grid.append([Double](repeating: floor, count: py.count))
        return loops(xs: px, ys: py, values: grid, level: level)
    }

    /// Loops (closed where the grid lets them close, otherwise open polylines) of `values` at `level`.
    public static func loops(xs: [Double], ys: [Double], values: [[Double]], level: Double) -> [[(Double, Double)]] {
        let nx = xs.count, ny = ys.count
        // Edge ids: horizontal edge from node (i, j) to (i+1, j) -> 2(i ny + j); vertical (i, j)-(i, j+1) -> +1.
        func hEdge(_ i: Int, _ j: Int) -> Int { 2 * (i * ny + j) }
        func vEdge(_ i: Int, _ j: Int) -> Int { 2 * (i * ny + j) + 1 }
        var points: [Int: (Double, Double)] = [:]
        var links: [Int: [Int]] = [:]
        func crossing(_ id: Int) -> (Double, Double) {
            if let p = points[id] { return p }
            let node = id / 2, i = node / ny, j = node % ny
            let (i2, j2) = id % 2 == 0 ? (i + 1, j) : (i, j + 1)
            let a = values[i][j], b = values[i2][j2]
            let f = (level - a) / (b - a)
            let p = (xs[i] + f * (xs[i2] - xs[i]), ys[j] + f * (ys[j2] - ys[j]))
            points[id] = p
            return p
        }
        func link(_ a: Int, _ b: Int) {
            _ = crossing(a); _ = crossing(b)
            links[a, default: []].append(b)
            links[b, default: []].append(a)
        }
        for i in 0..<(nx - 1) {
            for j in 0..<(ny - 1) {
                let v00 = values[i][j], v10 = values[i + 1][j], v11 = values[i + 1][j + 1], v01 = values[i][j + 1]
                let code = (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0)
                let bottom = hEdge(i, j), top = hEdge(i, j + 1), left = vEdge(i, j), right = vEdge(i + 1, j)
                let centreAbove = (v00 + v10 + v11 + v01) / 4 >= level
                switch code {
                case 0, 15: break
                case 1, 14: link(bottom, left)
                case 2, 13: link(bottom, right)
                case 4, 11: link(right, top)
                case 8, 7: link(left, top)
                case 3, 12: link(left, right)
                case 6, 9: link(bottom, top)
                case 5:  // 00 and 11 above
                    if centreAbove { link(bottom, right); link(left, top) } else { link(bottom, left); link(right, top) }
                case 10:  // 10 and 01 above
                    if centreAbove { link(bottom, left); link(right, top) } else { link(bottom, right); link(left, top) }
                default: break
                }
            }
        }
        var visited = Set<Int>()
        var result: [[(Double, Double)]] = []
        // open chains first (ends with one link), then closed loops
        let starts = links.keys.sorted { (links[$0]!.count, $0) < (links[$1]!.count, $1) }
        for start in starts where !visited.contains(start) {
            var line = [points[start]!]
            visited.insert(start)
            var current = start
            while let next = links[current]!.first(where: { !visited.contains($0) }) {
                visited.insert(next)
                line.append(points[next]!)
                current = next
            }
            result.append(line)
        }
        return result
    }
}
