/// Finds indicators broken down into themselves, directly or through others.
struct BreakdownCycles {
    let indicators: [Indicator]
    /// The slugs of the indicators that exist (breakdowns into others are errors elsewhere).
    let known: Set<String>
    var diagnostics = Diagnostics()

    /// An indicator broken down into itself, directly (`a → a`) or through others
    /// (`a → b → a`). Each circle found is reported once, in the file of its first indicator by
    /// slug; every tangle of breakdowns gives at least one.
    static func check(_ indicators: [Indicator], known: Set<String>) -> Diagnostics {
        var cycles = BreakdownCycles(indicators: indicators, known: known)
        cycles.run()
        return cycles.diagnostics
    }

    mutating func run() {
        var breakdowns: [String: [Reference]] = [:]
        for indicator in indicators where breakdowns[indicator.slug] == nil {
            breakdowns[indicator.slug] = indicator.breakdowns.map(\.indicator).filter { known.contains($0.slug) }
        }
        var reported: Set<[String]> = []
        var finished: Set<String> = []
        for start in breakdowns.keys.sorted() where !finished.contains(start) {
            // Depth first, without recursion: the path so far, with the next breakdown to follow.
            var path: [(slug: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let (slug, next) = path.last {
                let references = breakdowns[slug] ?? []
                guard next < references.count else {
                    finished.insert(slug)
                    onPath.remove(slug)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let target = references[next].slug
                if onPath.contains(target) {
                    let slugs = path.map(\.slug)
                    let circle = Array(slugs[slugs.firstIndex(of: target)!...])
                    reportCircle(circle, breakdowns: breakdowns, reported: &reported)
                } else if !finished.contains(target) {
                    path.append((target, 0))
                    onPath.insert(target)
                }
            }
        }
    }

    /// Reports `circle` (each indicator broken down into the next, the last into the first),
    /// turned to start at its smallest slug, unless it was reported already.
    mutating func reportCircle(_ circle: [String], breakdowns: [String: [Reference]], reported: inout Set<[String]>) {
        let first = circle.indices.min { circle[$0] < circle[$1] }!
        let turned = Array(circle[first...] + circle[..<first])
        guard reported.insert(turned).inserted else { return }
        let second = turned.count > 1 ? turned[1] : turned[0]
        guard let reference = breakdowns[turned[0]]?.first(where: { $0.slug == second }) else { return }
        if turned.count == 1 {
            diagnostics.error(
                "the indicator is broken down into itself", at: reference.location, field: "breakdowns",
                hint: "a breakdown names another indicator, such as the figure for women or men")
        } else {
            diagnostics.error(
                "the breakdowns go round in a circle: \((turned + [turned[0]]).joined(separator: " → "))", at: reference.location,
                field: "breakdowns", hint: "an indicator cannot be broken down into itself through others; remove one of these breakdowns")
        }
    }
}
