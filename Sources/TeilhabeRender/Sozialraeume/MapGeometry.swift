import Foundation
import TeilhabeSupport
import TeilhabeModel

/// Boundaries → SVG paths in a fixed viewBox: projected, fitted, snapped to a grid of tenths and
/// simplified arc by arc, so that a border two areas share is simplified once and stays closed.
struct MapGeometry {
    /// A grid point in tenths of a viewBox unit: shared vertices compare exactly.
    struct GridPoint: Hashable, Comparable {
        var x: Int
        var y: Int
        static func < (a: GridPoint, b: GridPoint) -> Bool { (a.x, a.y) < (b.x, b.y) }
    }

    /// The drawing fits a square of this side; the viewBox is as wide and high as the drawing needs.
    static let side = 800.0
    static let padding = 10.0
    /// Points closer than this (viewBox units) to the simplified line are dropped.
    static let tolerance = 0.8

    /// The viewBox size, fixed by the boundaries.
    let width: Int
    let height: Int
    /// SVG path data per key (area id or Kommune), in the order given.
    let paths: [(key: String, d: String)]

    /// `shapes`: per key, its boundaries (a Kommune has the shapes of all its areas).
    init(_ shapes: [(key: String, shapes: [AreaShape])]) {
        let projected = shapes.map { entry in (entry.key, entry.shapes.flatMap(MapGeometry.project)) }
        let all = projected.flatMap { $0.1.joined().joined() }
        guard let minX = all.map(\.x).min(), let maxX = all.map(\.x).max(),
              let minY = all.map(\.y).min(), let maxY = all.map(\.y).max() else {
            width = 100; height = 100; paths = shapes.map { ($0.key, "") }; return
        }
        let scale = (MapGeometry.side - 2 * MapGeometry.padding) / max(maxX - minX, maxY - minY, 1e-9)
        width = Int(((maxX - minX) * scale + 2 * MapGeometry.padding).rounded(.up))
        height = Int(((maxY - minY) * scale + 2 * MapGeometry.padding).rounded(.up))
        func grid(_ p: AreaShape.Point) -> GridPoint {
            GridPoint(x: Int((((p.x - minX) * scale + MapGeometry.padding) * 10).rounded()),
                      y: Int((((p.y - minY) * scale + MapGeometry.padding) * 10).rounded()))
        }
        let rings = projected.map { entry in entry.1.map { polygon in polygon.map { ring in MapGeometry.open(ring.map(grid)) } } }
        var simplifier = TopologySimplifier(rings.flatMap { $0.joined() }, tolerance: MapGeometry.tolerance * 10)
        paths = zip(projected, rings).map { entry, polygons in
            (entry.0, polygons.joined().map { MapGeometry.pathData(simplifier.simplify($0)) }.joined(separator: " "))
        }
    }

    /// Planar coordinates with y growing downwards: UTM metres as they are; degrees scaled by the cosine
    /// of the latitude (an equirectangular projection, true enough for a district).
    static func project(_ shape: AreaShape) -> [[[AreaShape.Point]]] {
        let points = shape.polygons.flatMap { $0.rings.joined() }
        let factor: Double
        switch shape.crs {
        case .utm32: factor = 1
        case .wgs84:
            let lat = points.isEmpty ? 0 : points.map(\.y).reduce(0, +) / Double(points.count)
            factor = cos(lat * .pi / 180)
        }
        return shape.polygons.map { polygon in
            polygon.rings.map { ring in ring.map { AreaShape.Point(x: $0.x * factor, y: -$0.y) } }
        }
    }

    /// A ring without its closing point and without repeated points.
    static func open(_ ring: [GridPoint]) -> [GridPoint] {
        var out: [GridPoint] = []
        for p in ring where out.last != p { out.append(p) }
        if out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }

    /// "M x y L … Z", one decimal, '.' as separator: the same points give the same bytes.
    static func pathData(_ ring: [GridPoint]) -> String {
        guard let first = ring.first else { return "" }
        return "M" + coordinate(first) + ring.dropFirst().map { "L" + coordinate($0) }.joined() + "Z"
    }

    static func coordinate(_ p: GridPoint) -> String { "\(tenths(p.x)) \(tenths(p.y))" }

    static func tenths(_ v: Int) -> String {
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}

/// Douglas–Peucker on arcs between junctions (points where more than two boundary lines meet or where
/// a shared border begins), each arc simplified once in a canonical direction: both areas beside a
/// border get the very same points, so no gaps or overlaps open between them.
struct TopologySimplifier {
    typealias P = MapGeometry.GridPoint
    private var junctions = Set<P>()
    private var done: [[P]: [P]] = [:]
    private let tolerance: Double

    init(_ rings: [[P]], tolerance: Double) {
        self.tolerance = tolerance
        var neighbours: [P: Set<P>] = [:]
        for ring in rings where ring.count >= 3 {
            for (i, p) in ring.enumerated() {
                neighbours[p, default: []].insert(ring[(i + ring.count - 1) % ring.count])
                neighbours[p, default: []].insert(ring[(i + 1) % ring.count])
            }
        }
        junctions = Set(neighbours.filter { $0.value.count > 2 }.keys)
    }

    mutating func simplify(_ ring: [P]) -> [P] {
        guard ring.count > 3 else { return ring }
        var cuts = ring.indices.filter { junctions.contains(ring[$0]) }
        if cuts.isEmpty {
            // A ring touching no other: cut at its smallest point and the point farthest from it, so
            // that the same ring (an island and the hole around it) is cut the same way.
            let start = ring.indices.min { ring[$0] < ring[$1] }!
            let far = ring.indices.max { (d2(ring[$0], ring[start]), ring[$1]) < (d2(ring[$1], ring[start]), ring[$0]) }!
            cuts = [start, far].sorted()
        }
        var result: [P] = []
        for (n, cut) in cuts.enumerated() {
            let next = n + 1 < cuts.count ? cuts[n + 1] : cuts[0] + ring.count
            let arc = (cut...next).map { ring[$0 % ring.count] }
            result += simplifiedArc(arc).dropLast()
        }
        return result.count >= 3 ? result : ring
    }

    /// An arc simplified in its canonical direction (the smaller end first), given back in its own.
    private mutating func simplifiedArc(_ arc: [P]) -> [P] {
        let reversed = Array(arc.reversed())
        let forward = arc.lexicographicallyPrecedes(reversed) || arc == reversed
        let key = forward ? arc : reversed
        let simplified = done[key] ?? { let s = douglasPeucker(key); done[key] = s; return s }()
        return forward ? simplified : simplified.reversed()
    }

    private func douglasPeucker(_ points: [P]) -> [P] {
        guard points.count > 2 else { return points }
        var keep = Array(repeating: false, count: points.count)
        keep[0] = true; keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            var best = a, bestDistance = -1.0
            for i in (a + 1)..<b {
                let d = distance(points[i], points[a], points[b])
                if d > bestDistance { best = i; bestDistance = d }
            }
            if bestDistance > tolerance {
                keep[best] = true
                stack.append((a, best)); stack.append((best, b))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    private func d2(_ a: P, _ b: P) -> Int { (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) }

    /// Distance of p from the segment a–b.
    private func distance(_ p: P, _ a: P, _ b: P) -> Double {
        let (px, py, ax, ay, bx, by) = (Double(p.x), Double(p.y), Double(a.x), Double(a.y), Double(b.x), Double(b.y))
        let dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy
        let t = length2 == 0 ? 0 : max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / length2))
        let (cx, cy) = (ax + t * dx - px, ay + t * dy - py)
        return (cx * cx + cy * cy).squareRoot()
    }
}
