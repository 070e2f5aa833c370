/// A template's tags as a tree, each with its position: what a template looks up and which
/// templates it includes, for checking it without rendering it (text is left out).
public indirect enum TemplateTag: Sendable {
    /// `{{name}}`, `{{{name}}}`, `{{&name}}`.
    case variable(Name)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(Name, inverted: Bool, content: [TemplateTag])
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides (sorted by name).
    case partial(TemplateReference, overrides: [TemplateOverride]?)
    /// `{{$name}}default{{/name}}`.
    case block(name: String, content: [TemplateTag], position: TagPosition)

    static func tags(of nodes: [Node]) -> [TemplateTag] {
        nodes.compactMap { node in
            switch node {
            case .text, .contentType:
                return nil
            case .variable(let name, _):
                return .variable(name.object)
            case .section(let name, let list, let inverted):
                return .section(name.object, inverted: inverted, content: tags(of: list.object.nodes))
            case .partial(let call):
                let call = call.object
                let reference = TemplateReference(name: call.name, dynamic: call.dynamic, isParent: call.overrides != nil, position: call.position)
                return .partial(reference, overrides: call.overrides.map { overrides in
                    overrides.keys.sorted().map {
                        TemplateOverride(name: $0, content: tags(of: overrides[$0]!), position: call.overridePositions[$0] ?? call.position)
                    }
                })
            case .block(let block):
                return .block(name: block.object.name, content: tags(of: block.object.defaultContent), position: block.object.position)
            }
        }
    }
}

/// A tag that names another template: `{{>name}}` (a partial) or `{{<name}}` (a parent).
public struct TemplateReference: Sendable, Hashable {
    public let name: String
    /// `{{>*field}}`: the name is looked up in the context; `name` is the field.
    public let dynamic: Bool
    /// `{{<name}}`: a layout this template fills in.
    public let isParent: Bool
    public let position: TagPosition
}

/// A block's content as a `{{<parent}}` tag replaces it.
public struct TemplateOverride: Sendable {
    public let name: String
    public let content: [TemplateTag]
    /// Where its `{{$name}}` tag is.
    public let position: TagPosition
}

/// Templates that include each other in a circle: `a` includes `b`, which includes `a`.
public struct TemplateCycle: Sendable, Hashable {
    /// Around the circle, the first name repeated at the end: `["partials/a", "partials/b", "partials/a"]`.
    public let names: [String]
    /// The tag in the first template that starts the circle.
    public let position: TagPosition
    /// Whether each step is a parent (`{{<name}}`): a layout that inherits itself.
    public let inherits: Bool
}

/// A page that could not be rendered: partials, parents and blocks were nested deeper than
/// `MustacheLibrary.maximumDepth`.
public struct MustacheRenderError: Error, Sendable, CustomStringConvertible {
    /// The templates being rendered, outermost first: the page's template, then each
    /// partial or parent inside it. The last one holds the tag that went too deep.
    public var chain: [String]
    /// The template (or `$block`) that was not rendered any deeper.
    public var refused: String
    /// Where that tag is, in the last template of `chain`.
    public var position: TagPosition

    public var description: String {
        "partials, parents and blocks are nested more than \(MustacheLibrary.maximumDepth) deep: "
            + (chain + [refused]).joined(separator: " → ")
    }
}
