import Foundation

/// How far an indicator has come from its baseline towards its target, and whether that is
/// enough. The rules (also in the README and on the barometer page):
/// - distance = the target's `change` if given, else target value − baseline;
/// - progress = (latest − baseline) ÷ distance;
/// - achieved when progress ≥ 100 %; on track when progress ≥ the share of the time from the
///   baseline to the target's date that has passed at the latest measurement; else not on track;
/// - without a numeric target: only whether it moved in the wanted direction.
public struct IndicatorProgress: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case achieved, onTrack, notOnTrack, noNumericTarget, noMeasurement
    }

    public var change: Amount?
    public var distance: Amount?
    public var progress: Decimal?
    public var timeElapsed: Decimal?
    public var status: Status
    /// For indicators without a numeric target: did it move the wanted way?
    public var movedAsWanted: Bool?

    public init(_ indicator: Indicator) {
        guard let latest = indicator.latest else {
            status = .noMeasurement
            return
        }
        let change = latest.value - indicator.baseline.value
        self.change = change
        let wanted: Bool? = switch indicator.direction {
        case .increase: change.value > 0
        case .decrease: change.value < 0
        case .maintain: change.value == 0
        }
        guard let target = indicator.target, target.value != nil || target.change != nil else {
            movedAsWanted = wanted
            status = .noNumericTarget
            return
        }
        let distance = target.change.map { indicator.direction == .decrease && $0.value > 0 ? Amount(-$0.value, scale: $0.scale) : $0 }
            ?? (target.value! - indicator.baseline.value)
        self.distance = distance
        guard distance.value != 0 else {
            status = .achieved
            return
        }
        let progress = change.value / distance.value
        self.progress = progress
        if let start = indicator.baseline.date, let end = target.date, let now = latest.date, end > start {
            timeElapsed = min(1, Decimal(now.ordinal - start.ordinal) / Decimal(end.ordinal - start.ordinal))
        }
        if progress >= 1 {
            status = .achieved
        } else if let timeElapsed {
            status = progress >= timeElapsed ? .onTrack : .notOnTrack
        } else {
            status = progress > 0 ? .onTrack : .notOnTrack
        }
    }
}
