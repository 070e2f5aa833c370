import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// An activity's versions as a reader meets them: each dated by its source, each with a page
/// of its own (`projektbank/<slug>/version/<date>/`), and the current page showing every
/// field's latest known value with the version it comes from.
struct ActivityVersions: PageKindBuilder {
    let inputs: RenderInputs

    var sources: VersionSources { VersionSources(site: site) }
    func date(of version: ActivityVersion, in activity: Activity) -> Day? { sources.date(of: version, in: activity) }
    func source(of version: ActivityVersion, in activity: Activity) -> Annex? { sources.source(of: version, in: activity) }
    func key(of version: ActivityVersion, in activity: Activity) -> String { sources.key(of: version, in: activity) }

    /// Whether an activity's versions get pages of their own (an activity with one version is
    /// its own page).
    static func hasVersionPages(_ activity: Activity) -> Bool { !activity.versions.isEmpty }

    /// "versionen af 7. april 2011", or "den udaterede version" where the source has no date.
    func label(of version: ActivityVersion, in activity: Activity) -> String {
        date(of: version, in: activity).map { "versionen af \(DanishFormat.date($0))" } ?? "den udaterede version"
    }

    /// Where a field shown on the current page comes from, when an older version states it
    /// and the current one does not: the version's label and page.
    func origin(of field: VersionField, in activity: Activity) -> (version: ActivityVersion, from: TemplateObject?) {
        guard let version = activity.latest(stating: field), version != activity.current else { return (activity.current, nil) }
        return (version, ["label": label(of: version, in: activity), "url": SitePaths.activityVersion(activity.slug, key(of: version, in: activity))])
    }

    /// The fields the current version leaves to older ones, grouped by the version they come
    /// from: "Fra versionen af 7. april 2011: mål og resultater, økonomi i tal, kontakt".
    func inherited(in activity: Activity) -> [TemplateObject] {
        var order: [ActivityVersion] = []
        var fields: [ActivityVersion: [VersionField]] = [:]
        for field in VersionField.allCases where !activity.current.stated.contains(field) {
            guard let version = activity.latest(stating: field) else { continue }
            if fields[version] == nil { order.append(version) }
            fields[version, default: []].append(field)
        }
        return order.map { version in
            TemplateObject([
                "label": label(of: version, in: activity), "url": SitePaths.activityVersion(activity.slug, key(of: version, in: activity)),
                "fields": fields[version]!.map(Self.name).joined(separator: ", "),
            ])
        }
    }

    /// What a reader calls a field, in a sentence.
    static func name(_ field: VersionField) -> String {
        switch field {
        case .summary: "kort beskrivelse"
        case .targetGroup: "målgruppe"
        case .targetGroupCharacteristics: "karakteristika for målgruppen"
        case .expectedEffect: "forventet effekt"
        case .funding: "afsæt"
        case .contact: "kontakt"
        case .budget: "budget"
        case .economy: "økonomi i tal"
        case .partners: "samarbejdspartnere"
        case .goals: "mål og resultater"
        case .footnotes: "fodnoter"
        case .body: "beskrivelse"
        }
    }

    /// The versions, newest first, each with its date, source, page and what changed since
    /// the one before it. `shown` is the version whose page this is (nil: the activity page).
    func list(_ activity: Activity, shown: ActivityVersion?) -> [TemplateObject] {
        let all = activity.allVersions
        return all.enumerated().map { index, version in
            let older = index + 1 < all.count ? all[index + 1] : nil
            let source = self.source(of: version, in: activity)
            var item = TemplateObject(capacity: 12)
            item.add("date", date(of: version, in: activity).map(DanishFormat.date))
            item.add("title", version.title)
            item.add("note", version.note)
            item.add("current", index == 0)
            item.add("here", version == shown)
            item.add("url", SitePaths.activityVersion(activity.slug, key(of: version, in: activity)))
            item.add("source", source.map { TemplateObject(["title": "Bilag \($0.number): \($0.title)", "url": SitePaths.annex($0.slug)]) })
            item.add("caseNumber", version.caseNumber)
            item.add("documentNumber", version.documentNumber)
            item.add("changes", older.map { VersionDiff.changes(from: $0, to: version, unit: config.budgetUnit) } ?? [])
            item.add("notRestated", index > 0 || older == nil ? nil : VersionDiff.notRestated(in: version).map(Self.name).joined(separator: ", "))
            return item
        }
    }

    /// A version's own page: the activity as that version's source states it.
    func context(_ activity: Activity, key wanted: String) -> (TemplateObject, title: String)? {
        guard let version = activity.allVersions.first(where: { key(of: $0, in: activity) == wanted }) else { return nil }
        let isCurrent = version == activity.current
        var shown = activity
        shown.current = version
        var page = ActivityPage(inputs: inputs).context(shown, versionPage: true)
        let label = label(of: version, in: activity)
        page["title"] = version.title ?? activity.title
        page["versions"] = list(activity, shown: version)
        page["version"] = TemplateObject([
            "label": label, "isCurrent": isCurrent, "url": SitePaths.activity(activity.slug),
            "notRestated": isCurrent ? VersionDiff.notRestated(in: version).map(Self.name).joined(separator: ", ") : nil,
        ])
        return (page, "\(version.title ?? activity.title) (\(label))")
    }
}

/// Where and when each version of an activity was published (the site's indexes only, so
/// that the list of pages can use it before any page is built).
struct VersionSources {
    let site: SiteIndex

    /// The day a version's source is dated: its own `date`; for the current version without
    /// one (an overview row), the date of the newest dated overview annex that lists it.
    func date(of version: ActivityVersion, in activity: Activity) -> Day? {
        if let date = version.date { return date }
        guard version == activity.current else { return nil }
        return overviewAnnexes(listing: activity).compactMap(\.date).max()
    }

    /// The document a version was taken from: the annex that describes that version, or, for
    /// the current version, the first overview annex that lists the activity.
    func source(of version: ActivityVersion, in activity: Activity) -> Annex? {
        let citing = site.annexesCiting[activity.slug] ?? []
        let isCurrent = version == activity.current
        if let described = citing.first(where: { annex in
            annex.kind != .overview && (annex.version.map { $0.value == version.date } ?? isCurrent)
        }) {
            return described
        }
        return isCurrent ? overviewAnnexes(listing: activity).first : nil
    }

    func overviewAnnexes(listing activity: Activity) -> [Annex] {
        (site.annexesCiting[activity.slug] ?? []).filter { $0.kind == .overview }
    }

    /// The last part of a version page's address: its source's date, or `udateret`.
    func key(of version: ActivityVersion, in activity: Activity) -> String {
        date(of: version, in: activity)?.iso ?? "udateret"
    }
}
