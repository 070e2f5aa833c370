import IndsatsModel
import IndsatsMustache

/// Checks templates against what their pages' contexts provide (`TemplateContexts`).
enum TemplateVariableCheck {
    /// Warnings for the names in templates that their pages never provide (`{{titel}}`
    /// renders nothing, silently). Each page template is read with its context, through
    /// its parent and partials: a partial is checked inside the section it is included in,
    /// once for each page kind that includes it. A name is looked up as Mustache does: in the
    /// innermost section that has it, then outwards. Names are resolved before any function
    /// (`empty(list)`, `count(list)`), and `a.b` needs `a` to have the field `b`. An override
    /// of a block its layout does not have (`{{$mian}}`) is a warning too.
    static func check(_ library: MustacheLibrary) -> [Diagnostic] {
        var problems: [Problem: (pages: [String], suggestion: String?)] = [:]
        var unusedOverrides: [Tag: (parent: String, block: String, suggestion: String?)] = [:]
        // How many kinds of page show each tag.
        var shownBy: [Tag: Int] = [:]
        for page in TemplateContexts.pages {
            guard let template = library.template(named: page.template) else { continue }
            var walker = Walker(library: library)
            walker.scopes = [page.schema]
            walker.walk(template.tags, in: page.template)
            for (problem, suggestion) in walker.unresolved {
                problems[problem, default: ([], suggestion)].pages.append(page.name)
            }
            for tag in walker.visited { shownBy[tag, default: 0] += 1 }
            unusedOverrides.merge(walker.unusedOverrides) { first, _ in first }
        }
        let overrideWarnings = unusedOverrides.keys.sorted { ($0.template, $0.position) < ($1.template, $1.position) }.map { tag in
            let unused = unusedOverrides[tag]!
            return Diagnostic(
                .warning, at: TemplateSet.location(of: tag.template, tag.position),
                "the layout \"\(unused.parent)\" has no block \"\(unused.block)\", so what {{$\(unused.block)}} holds is not shown",
                hint: unused.suggestion.map { "did you mean \"\($0)\"?" })
        }
        return overrideWarnings + problems.keys.sorted().map { problem in
            let (pages, suggestion) = problems[problem]!
            let names: String
            if pages.count == 1 {
                names = pages[0]
            } else if pages.count > 3, pages.count == shownBy[Tag(template: problem.template, position: problem.position)] {
                // A template that many kinds of page show (the layout), and none has the name.
                names = "any page"
            } else {
                names = pages.dropLast().joined(separator: ", ") + " or " + pages.last!
            }
            return Diagnostic(
                .warning, at: TemplateSet.location(of: problem.template, problem.position),
                "\"\(problem.name)\" is not a variable of \(names)", hint: suggestion.map { "did you mean \"\($0)\"?" })
        }
    }

    /// A tag in a template.
    struct Tag: Hashable {
        var template: String
        var position: TagPosition
    }

    /// A name that does not resolve, at its tag.
    struct Problem: Hashable, Comparable {
        var template: String
        var position: TagPosition
        var name: String

        static func < (a: Problem, b: Problem) -> Bool {
            (a.template, a.position.line, a.position.column, a.name) < (b.template, b.position.line, b.position.column, b.name)
        }
    }

    /// Walks a page's tags as rendering would, with the schemas of the sections it is in.
    struct Walker {
        let library: MustacheLibrary
        /// The schemas of the enclosing sections, outermost first; nil for a section whose
        /// name did not resolve (anything inside it is taken to resolve, so that one
        /// misspelt section is one warning).
        var scopes: [ContextSchema?] = []
        /// A parent's blocks as its caller replaces them, and the template they are written in.
        var overrides: [String: (tags: [TemplateTag], template: String)] = [:]
        /// Partials, parents and blocks being walked (a guard; cycles are reported before).
        var depth = 0
        var unresolved: [Problem: String?] = [:]
        /// Every tag that names a value.
        var visited: Set<Tag> = []
        /// The blocks walked so far (`{{$main}}`).
        var blocks: Set<String> = []
        /// Overrides that their parent has no block for: its tag, the parent, the block's name
        /// and the name it probably meant.
        var unusedOverrides: [Tag: (parent: String, block: String, suggestion: String?)] = [:]

        init(library: MustacheLibrary) {
            self.library = library
        }

        mutating func walk(_ tags: [TemplateTag], in template: String) {
            for tag in tags {
                switch tag {
                case .variable(let name):
                    _ = resolve(name, in: template)
                case .section(let name, let inverted, let content):
                    let schema = resolve(name, in: template)
                    if inverted {
                        walk(content, in: template)
                    } else {
                        scopes.append(schema)
                        walk(content, in: template)
                        scopes.removeLast()
                    }
                case .partial(let reference, let callOverrides):
                    if reference.dynamic {
                        _ = resolve(path: reference.name.split(separator: ".").map(String.init), at: reference.position, in: template)
                        continue
                    }
                    guard let partial = library.template(named: reference.name), depth < MustacheLibrary.maximumDepth else { continue }
                    let saved = overrides
                    for override in callOverrides ?? [] where overrides[override.name] == nil {
                        // The outermost caller's override wins, as in rendering.
                        overrides[override.name] = (override.content, template)
                    }
                    depth += 1
                    let blocksBefore = blocks
                    blocks = []
                    walk(partial.tags, in: reference.name)
                    for override in callOverrides ?? [] where !blocks.contains(override.name) {
                        unusedOverrides[Tag(template: template, position: override.position)] =
                            (reference.name, override.name, TemplateSet.closest(to: override.name, among: blocks))
                    }
                    blocks.formUnion(blocksBefore)
                    depth -= 1
                    overrides = saved
                case .block(let name, let content, _):
                    blocks.insert(name)
                    guard depth < MustacheLibrary.maximumDepth else { continue }
                    depth += 1
                    if let override = overrides[name] {
                        walk(override.tags, in: override.template)
                    } else {
                        walk(content, in: template)
                    }
                    depth -= 1
                }
            }
        }

        /// What a tag's value provides (nil: unknown), noting a name that does not resolve.
        mutating func resolve(_ name: Name, in template: String) -> ContextSchema? {
            visited.insert(Tag(template: template, position: name.position))
            var schema: ContextSchema?
            switch name.kind {
            case .dot:
                schema = scopes.last ?? nil
            case .loop:
                schema = []
            case .path(let parts):
                schema = resolve(path: parts, at: name.position, in: template)
            case .local(let parts):
                guard let innermost = scopes.last, let innermost else { return nil }
                schema = descend(innermost, parts[...], shown: ".", at: name.position, in: template)
            }
            for function in name.functions {
                switch function {
                case .first, .last, .reversed: break
                case .empty, .count, .uppercased, .lowercased, .capitalized: schema = []
                }
            }
            return schema
        }

        /// `a.b.c`: `a` from the innermost section that has it, then its fields.
        mutating func resolve(path parts: [String], at position: TagPosition, in template: String) -> ContextSchema? {
            for scope in scopes.reversed() {
                guard let scope else { return nil }
                if let found = scope.fields[parts[0]] {
                    return descend(found, parts.dropFirst(), shown: parts[0] + ".", at: position, in: template)
                }
            }
            let visible = Set(scopes.compactMap { $0?.fields.keys }.joined())
            note(parts.joined(separator: "."), suggestion: TemplateSet.closest(to: parts[0], among: visible).map {
                ([$0] + parts.dropFirst()).joined(separator: ".")
            }, at: position, in: template)
            return nil
        }

        /// The fields `parts` below `schema`; `shown` is the name up to `schema`, for messages.
        mutating func descend(_ schema: ContextSchema, _ parts: ArraySlice<String>, shown: String, at position: TagPosition, in template: String) -> ContextSchema? {
            var schema = schema, shown = shown
            for (index, part) in zip(parts.indices, parts) {
                guard let child = schema.fields[part] else {
                    let rest = parts[(index + 1)...]
                    note(shown + parts[index...].joined(separator: "."), suggestion: TemplateSet.closest(to: part, among: schema.fields.keys).map {
                        shown + ([$0] + rest).joined(separator: ".")
                    }, at: position, in: template)
                    return nil
                }
                schema = child
                shown += part + "."
            }
            return schema
        }

        mutating func note(_ name: String, suggestion: String?, at position: TagPosition, in template: String) {
            unresolved[Problem(template: template, position: position, name: name)] = suggestion
        }
    }
}
