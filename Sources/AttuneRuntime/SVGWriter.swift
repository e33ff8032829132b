/// Writes SVG markup element by element: names are given once, attribute values and text are
/// escaped here (never by a caller), and every opened element is closed, so what comes out is
/// well-formed XML whatever a label holds.
public struct SVGWriter {
    private var output = ""
    private var open: [String] = []

    /// Starts the document with the `<svg>` root of `width` × `height` user units.
    public init(width: Double, height: Double, attributes: [(String, String)] = []) {
        output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        begin("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", Self.number(width)), ("height", Self.number(height)),
                      ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))")] + attributes)
    }

    /// Opens a container element (`g`, …); `end()` closes it.
    public mutating func begin(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<\(name)\(Self.attributeText(attributes))>\n"
        open.append(name)
    }

    public mutating func end() {
        guard let name = open.popLast() else { return }
        output += "</\(name)>\n"
    }

    /// An element with no children, or with `text` as its only content.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        if let text {
            output += "<\(name)\(Self.attributeText(attributes))>\(Self.escape(text))</\(name)>\n"
        } else {
            output += "<\(name)\(Self.attributeText(attributes))/>\n"
        }
    }

    /// The document, every element still open closed.
    public mutating func finish() -> String {
        while !open.isEmpty { end() }
        return output
    }

    /// A coordinate or length: at most two decimals, no exponent.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `x1,y1 x2,y2 …` for a polyline's `points`.
    public static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// XML's five special characters as entities.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
