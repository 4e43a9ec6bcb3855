import TeilhabeSupport

/// A small line over the years for a profile's table: an image whose name says every value, so the
/// trend is there without seeing it.
enum TrendChart {
    static let width = 120.0, height = 36.0

    static func svg(_ series: [(column: String, value: Double)], format: (Double) -> String, titel: String) -> String? {
        guard series.count >= 2, let low = series.map(\.value).min(), let high = series.map(\.value).max() else { return nil }
        let span = high - low
        func x(_ n: Int) -> Double { 4 + Double(n) / Double(series.count - 1) * (width - 8) }
        func y(_ v: Double) -> Double { span == 0 ? height / 2 : 4 + (high - v) / span * (height - 8) }
        let points = series.indices.map { "\(f(x($0))),\(f(y(series[$0].value)))" }.joined(separator: " ")
        let first = series.first!, last = series.last!
        let direction = last.value > first.value ? "gestiegen" : last.value < first.value ? "gesunken" : "gleich geblieben"
        let label = "Verlauf \(first.column) bis \(last.column): \(direction); "
            + series.map { "\($0.column): \(format($0.value))" }.joined(separator: ", ")
        return "<svg class=\"verlauf\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"120\" height=\"36\" "
            + "role=\"img\" aria-label=\"\(XML.escape(label))\"><title>\(XML.escape(titel + ": " + label))</title>"
            + "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#0a4a82\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>"
            + "<circle cx=\"\(f(x(series.count - 1)))\" cy=\"\(f(y(last.value)))\" r=\"3.5\" fill=\"#0a4a82\"/></svg>"
    }

    /// One decimal, '.' as separator: the same values give the same bytes.
    static func f(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
