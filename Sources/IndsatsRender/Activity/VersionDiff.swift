import IndsatsFormat
import IndsatsModel

/// What changed between two versions of an activity, in words a reader understands.
///
/// Only what the newer version's source states is compared: a field it does not restate (an
/// overview row has no goals) is not "removed", it still holds as the older version says, and
/// is named by `notRestated` instead.
enum VersionDiff {
    /// The fields a version's source does not state itself, which a reader could otherwise
    /// take for removed.
    static func notRestated(in version: ActivityVersion) -> [VersionField] {
        [.economy, .goals, .partners, .contact, .budget, .body].filter { !version.stated.contains($0) }
    }

    static func changes(from old: ActivityVersion, to new: ActivityVersion, unit: MoneyUnit) -> [String] {
        var old = old
        // What the newer source does not state is taken as the older one says: no change.
        for field in notRestated(in: new) {
            switch field {
            case .economy: (old.total, old.financing, old.costPer) = (new.total, new.financing, new.costPer)
            case .goals: old.goals = new.goals
            case .partners: old.partners = new.partners
            case .budget: old.budget = new.budget
            case .body: old.body = new.body
            default: break
            }
        }
        return compared(old, new, unit: unit)
    }

    static func compared(_ old: ActivityVersion, _ new: ActivityVersion, unit: MoneyUnit) -> [String] {
        var changes: [String] = []
        if old.total?.value != new.total?.value {
            changes.append("Samlet økonomi: \(old.total.map { DanishFormat.money($0.value) } ?? "ingen") → \(new.total.map { DanishFormat.money($0.value) } ?? "ingen")")
        }
        if old.budget != new.budget {
            func text(_ cells: YearCells) -> String {
                // Blank cells say nothing; list the years with something printed.
                let printed = cells.years.filter { !DanishFormat.cell(cells[$0]!).isEmpty }
                return printed.isEmpty ? "intet" : printed.map { "\($0): \(DanishFormat.cell(cells[$0]!))" }.joined(separator: ", ")
            }
            changes.append("Budget (\(unit.rawValue)): \(text(old.budget)) → \(text(new.budget))")
        }
        // A version that leaves a list out shares it with the next newer one: comparing equal
        // lists first costs nothing then, however long the list and however many versions.
        if old.partners != new.partners {
            let oldPartners = Set(old.partners), newPartners = Set(new.partners)
            let added = new.partners.filter { !oldPartners.contains($0) }
            let removed = old.partners.filter { !newPartners.contains($0) }
            if !added.isEmpty { changes.append("Nye partnere: \(added.joined(separator: ", "))") }
            if !removed.isEmpty { changes.append("Ikke længere nævnt som partnere: \(removed.joined(separator: ", "))") }
        }
        if old.goals != new.goals {
            changes.append("Mål og succeskriterier ændret (\(old.goals.count) → \(new.goals.count) mål)")
        }
        if old.costPerUnit != new.costPerUnit, let a = old.costPerUnit, let b = new.costPerUnit {
            changes.append("Udgift pr. \(new.costPer?.label ?? "enhed"): \(DanishFormat.money(Money(a, .kroner), decimals: 0)) → \(DanishFormat.money(Money(b, .kroner), decimals: 0))")
        }
        // The same body has no changed sections (and is not cut into them again).
        if old.body != new.body {
            let oldParts = old.body.sections, newParts = new.body.sections
            let oldSections = Dictionary(oldParts.map { ($0.title.lowercased(), $0.markdown) }, uniquingKeysWith: { a, _ in a })
            let newSections = Dictionary(newParts.map { ($0.title.lowercased(), $0.markdown) }, uniquingKeysWith: { a, _ in a })
            let changedSections = newParts.filter { section in oldSections[section.title.lowercased()].map { $0 != section.markdown } ?? false }.map(\.title)
            let newOnes = newParts.filter { oldSections[$0.title.lowercased()] == nil }.map(\.title)
            let dropped = oldParts.filter { newSections[$0.title.lowercased()] == nil }.map(\.title)
            if !changedSections.isEmpty { changes.append("Afsnit ændret: \(changedSections.joined(separator: ", "))") }
            if !newOnes.isEmpty { changes.append("Nye afsnit: \(newOnes.joined(separator: ", "))") }
            if !dropped.isEmpty { changes.append("Afsnit ikke med i denne version: \(dropped.joined(separator: ", "))") }
        }
        return changes
    }
}
