/// Finds overrides of one `{{<parent}}` that would render each other without end.
enum OverrideCycle {
    /// Overrides of one `{{<parent}}` that contain each other (`{{$a}}…{{$a}}…{{/a}}…{{/a}}`):
    /// rendering one would render the other without end. The names around the cycle, and
    /// where its first inner block is.
    static func find(in overrides: [String: [Node]]) -> (names: [String], position: TagPosition)? {
        func blocks(in nodes: [Node], into found: inout [(name: String, position: TagPosition)]) {
            for node in nodes {
                switch node {
                case .section(_, let list, _): blocks(in: list.object.nodes, into: &found)
                case .block(let block):
                    found.append((block.object.name, block.object.position))
                    blocks(in: block.object.defaultContent, into: &found)
                case .text, .variable, .partial, .contentType: break
                }
            }
        }
        var edges: [String: [(name: String, position: TagPosition)]] = [:]
        for (name, content) in overrides {
            var found: [(name: String, position: TagPosition)] = []
            blocks(in: content, into: &found)
            edges[name] = found.filter { overrides[$0.name] != nil }
        }
        var finished = Set<String>()
        func visit(_ name: String, _ path: [(name: String, position: TagPosition)]) -> (names: [String], position: TagPosition)? {
            if let start = path.firstIndex(where: { $0.name == name }) {
                return (path[start...].map(\.name) + [name], path[start].position)
            }
            guard !finished.contains(name) else { return nil }
            for edge in edges[name] ?? [] {
                if let cycle = visit(edge.name, path + [(name, edge.position)]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in overrides.keys.sorted() {
            if let cycle = visit(name, []) { return cycle }
        }
        return nil
    }
}
