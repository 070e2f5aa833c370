/// Warns about dates after the build day.
enum FutureDates {
    /// Dates that record something that has happened (a measurement, a result, a document's
    /// date, a publication) and lie after the build day. A warning: the date is shown as
    /// written (a measurement also gets its barometer edition), so the output does not depend
    /// on the day of the build.
    static func check(_ content: SiteContent, after today: Day) -> Diagnostics {
        var diagnostics = Diagnostics()
        func warn(
            _ date: Day?, at location: SourceLocation, field: String, what: String,
            hint: String = "check the year; it is used as written"
        ) {
            guard let date, date > today else { return }
            diagnostics.warning("\(what) \(date.iso), in the future", at: location, field: field, hint: hint)
        }
        for indicator in content.indicators {
            warn(indicator.baseline.date, at: indicator.source, field: "baseline.date", what: "the baseline is dated")
            for (offset, measurement) in indicator.measurements.enumerated() {
                warn(
                    measurement.date, at: indicator.source, field: "measurements.\(offset + 1).date", what: "the measurement is dated",
                    hint: "check the year; it is shown as written, and the barometer gets an edition for that day")
            }
        }
        for activity in content.activities {
            warn(activity.current.date, at: activity.current.location, field: "date", what: "the activity is dated")
            for (offset, version) in activity.versions.enumerated() {
                warn(version.date, at: version.location, field: "versions.\(offset + 1).date", what: "the version is dated")
            }
            for (goal, item) in activity.current.goals.enumerated() {
                for (offset, result) in item.results.enumerated() {
                    warn(result.date, at: activity.current.location, field: "goals.\(goal + 1).results.\(offset + 1).date", what: "the result is dated")
                }
            }
        }
        for annex in content.annexes {
            warn(annex.date, at: annex.source, field: "date", what: "the annex is dated")
        }
        for report in content.reports {
            warn(report.date, at: report.source, field: "date", what: "the report is dated")
            warn(report.published, at: report.source, field: "published", what: "the publication is dated")
        }
        return diagnostics
    }
}
