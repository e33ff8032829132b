import Foundation

/// Finds every time expression in an utterance and resolves it against the utterance's own time, in one
/// local time zone.
///
/// Dates are local calendar dates in `timeZone` ("Thursday" is that zone's Thursday, midnight to
/// midnight); every interval comes out as instants (UTC). Local times the clocks skip or repeat follow
/// `TimeLocalCalendar`'s DST rule. Written by hand: no Swift date-language library runs on Linux, and
/// Foundation's NSDataDetector is missing from swift-corelibs-foundation. The grammar, its rules for
/// ambiguous phrases and its tests: docs/MEMORY.md, "Times".
public struct TimeExpressionResolver: Sendable {
    public let timeZone: TimeZone
    public let numericDateOrder: NumericDateOrder
    private let calendar: TimeLocalCalendar

    /// A resolver for `timeZone` (UTC when not given); "3/6" is read as `numericDateOrder` (day first when
    /// not given).
    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!, numericDateOrder: NumericDateOrder = .dayMonth) {
        self.timeZone = timeZone
        self.numericDateOrder = numericDateOrder
        calendar = TimeLocalCalendar(timeZone: timeZone)
    }

    /// A resolver for an IANA time zone name ("Europe/London"), as given to `--timezone` or the config.
    public init(timeZoneIdentifier: String, numericDateOrder: NumericDateOrder = .dayMonth) throws(TimeResolverError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else { throw .unknownTimeZone(timeZoneIdentifier) }
        self.init(timeZone: zone, numericDateOrder: numericDateOrder)
    }

    /// Every time expression in `text`, in order, resolved against `reference` (the utterance's time).
    /// `orientation` decides bare mentions ("Thursday", "the 3rd", "in March"): from the utterance's tense
    /// by default, or as the caller says (a recall query asked after the fact).
    public func mentions(
        in text: String, at reference: Date, orientation preference: TimeOrientationPreference = .inferFromTense
    ) -> [TimeMention] {
        let tokens = TimeTokenizer.tokens(of: text)
        guard tokens.contains(where: { $0.kind == .number || $0.word != .other }) else { return [] }
        let referenceSeconds = reference.timeIntervalSince1970
        let referenceWhole = Int64(referenceSeconds.rounded(.down))
        let local = calendar.localSeconds(ofInstant: referenceWhole)
        let today = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        var parser = TimeExpressionParser(
            tokens: tokens, today: today, nowMinute: Int((local - Int64(today) * 86_400) / 60),
            referenceSeconds: referenceSeconds, numericDateOrder: numericDateOrder)
        let cues: TimeTenseCues? = preference == .inferFromTense ? TimeTenseCues(tokens: tokens) : nil
        var mentions: [TimeMention] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .number || token.word != .other else {
                index += 1
                continue
            }
            switch preference {
            case .always(let orientation): (parser.orientation, parser.reason) = (orientation, .requested)
            case .inferFromTense:
                if let cue = cues?.cue(forMentionAt: index, tokens: tokens) {
                    (parser.orientation, parser.reason) = (cue.orientation, .tenseCue(cue.word))
                } else {
                    (parser.orientation, parser.reason) = (.future, .noCue)
                }
            }
            guard let parsed = parser.parseMention(index) else {
                index += 1
                continue
            }
            mentions.append(mention(parsed, tokens: tokens, text: text))
            index = parsed.endToken
        }
        return mentions
    }

    private func mention(_ parsed: TimeExpressionParser.ParsedMention, tokens: [TimeToken], text: String) -> TimeMention {
        let startOffset = tokens[parsed.firstToken].start
        let endOffset = tokens[parsed.endToken - 1].end
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: startOffset)
        let upper = utf8.index(lower, offsetBy: endOffset - startOffset)
        let start = parsed.isInstant ? parsed.startSeconds : calendar.instant(ofLocalSeconds: parsed.startSeconds)
        var end = parsed.isInstant ? parsed.endSeconds : calendar.instant(ofLocalSeconds: parsed.endSeconds)
        // A clock time inside the hour the clocks skip would come out empty ("1am" on the night they go
        // forward): it keeps its length instead.
        if end <= start { end = start + (parsed.endSeconds - parsed.startSeconds) }
        return TimeMention(
            phrase: String(text[lower..<upper]), range: lower..<upper, utf8Offsets: startOffset..<endOffset,
            interval: InstantInterval(
                start: Date(timeIntervalSince1970: Double(start)), end: Date(timeIntervalSince1970: Double(end))),
            granularity: parsed.granularity, hasClockTime: parsed.hasClockTime, orientation: parsed.orientation,
            orientationReason: parsed.reason)
    }
}
