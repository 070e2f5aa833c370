import IndsatsModel

/// One field a reader knows: its key, the shape of its value, whether it is required, and a
/// one-line description. The readers' unknown-field check and `indsats schema` both use these
/// tables (`FieldTable`), so the schema cannot name a field the reader does not read.
public struct Field: Sendable {
    /// The shape of a field's value, as the reader parses it from the YAML text.
    public indirect enum Shape: Sendable {
        /// Any single value, read as its text.
        case text
        /// A whole number (`number: 1`, `year: 2009`).
        case integer
        /// A number as written (`"3,3"`, `1242`, `"-0,5"`), without a unit.
        case amount
        /// An amount of money, optionally with a unit (`"117.590 kr."`).
        case money
        /// A budget cell: an amount, an amount with a mark (`"46,4*"`), a text, or empty.
        case cell
        /// An ISO date, `YYYY-MM-DD`.
        case date
        /// A year (`2011`) or an ISO date.
        case yearOrDate
        /// true or false (also yes/no, ja/nej).
        case bool
        /// One of the given words.
        case oneOf([String])
        /// A list (a single value counts as a list of one, unless the items are mappings).
        case list(Shape)
        /// A mapping with the given fields.
        case mapping([Field])
        /// A mapping from a year to a value of the shape (`budget: {2018: "1,5"}`).
        case years(Shape)
    }

    public let name: String
    public let shape: Shape
    public let required: Bool
    public let description: String

    public init(_ name: String, _ shape: Shape, required: Bool = false, _ description: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.description = description
    }

    /// The fields of the mapping this field holds (directly or as the items of a list).
    public var subfields: [Field]? {
        switch shape {
        case .mapping(let fields), .list(.mapping(let fields)): fields
        default: nil
        }
    }
}

extension [Field] {
    /// The field named `name`.
    func named(_ name: String) -> Field? { first { $0.name == name } }
}
