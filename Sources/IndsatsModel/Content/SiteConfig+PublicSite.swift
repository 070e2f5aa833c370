/// What a Danish public authority's site must tell its readers, from `indsats.yml`: whom to
/// contact, under which licence the open data may be reused, and the accessibility statement
/// (tilgængelighedserklæring) with the fields of the Danish model statement.
extension SiteConfig {
    /// The site's contact: shown in every footer and in the accessibility statement.
    public struct Contact: Hashable, Sendable {
        public var name: String?
        public var email: String?
        public var phone: String?
        public var address: String?
        /// A web page with more ways to get in touch.
        public var url: String?

        public init(name: String? = nil, email: String? = nil, phone: String? = nil, address: String? = nil, url: String? = nil) {
            self.name = name
            self.email = email
            self.phone = phone
            self.address = address
            self.url = url
        }
    }

    /// The licence the open data (CSV, JSON, feed) is published under.
    public struct Licence: Hashable, Sendable {
        public var name: String
        public var url: String?

        public init(name: String, url: String? = nil) {
            self.name = name
            self.url = url
        }
    }

    /// The accessibility statement: the fields of Digitaliseringsstyrelsen's model statement
    /// (the EU's model statement, decision 2018/1523).
    public struct AccessibilityStatement: Hashable, Sendable {
        /// How far the site meets the standard (EN 301 549, WCAG 2.1 AA).
        public enum Compliance: String, Hashable, Sendable, CaseIterable {
            case full, partial, none
        }

        /// How the site was assessed.
        public enum Evaluation: String, Hashable, Sendable, CaseIterable {
            case selfEvaluation = "self", external, other
        }

        /// Why a piece of content is not accessible.
        public enum Basis: String, Hashable, Sendable, CaseIterable {
            /// It fails the requirements (manglende overholdelse).
            case noncompliance
            /// Making it accessible would be a disproportionate burden (uforholdsmæssig stor byrde).
            case disproportionateBurden = "disproportionate_burden"
            /// The law does not cover it (uden for lovens anvendelsesområde).
            case outOfScope = "out_of_scope"
        }

        /// Content that is not accessible, why, and what a reader can use instead.
        public struct Problem: Hashable, Sendable {
            public var content: String
            public var basis: Basis
            public var reason: String?
            public var alternative: String?

            public init(content: String, basis: Basis, reason: String? = nil, alternative: String? = nil) {
                self.content = content
                self.basis = basis
                self.reason = reason
                self.alternative = alternative
            }
        }

        public var compliance: Compliance
        public var evaluation: Evaluation
        /// How the assessment was made, in words (tools, manual tests).
        public var method: String?
        /// The day the statement was prepared, and the day it was last reviewed.
        public var prepared: Day
        public var reviewed: Day?
        public var problems: [Problem]
        /// The statement as published in Digitaliseringsstyrelsen's WAS-Tool, if it is.
        public var officialURL: String?

        public init(
            compliance: Compliance, evaluation: Evaluation, method: String? = nil, prepared: Day, reviewed: Day? = nil,
            problems: [Problem] = [], officialURL: String? = nil
        ) {
            self.compliance = compliance
            self.evaluation = evaluation
            self.method = method
            self.prepared = prepared
            self.reviewed = reviewed
            self.problems = problems
            self.officialURL = officialURL
        }
    }
}
