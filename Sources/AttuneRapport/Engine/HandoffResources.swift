/// The people a crisis hand-off points to, for one locale: an emergency number and a crisis line
/// (more may be added). Defaults for a few countries; a host sets its own through
/// `RapportConfiguration.handoff` (or `[rapport.handoff]` in the configuration file).
public struct HandoffResources: Sendable, Equatable {
    /// ISO 3166 code of the country the numbers serve ("GB", "US", "IE").
    public var locale: String
    public var resources: [HandoffResource]

    public init(locale: String, resources: [HandoffResource]) {
        self.locale = locale
        self.resources = resources
    }

    public static let unitedKingdom = HandoffResources(locale: "GB", resources: [
        HandoffResource(kind: "emergency", name: "Emergency services", contact: "999"),
        HandoffResource(kind: "crisis_line", name: "Samaritans", contact: "116 123"),
    ])
    public static let unitedStates = HandoffResources(locale: "US", resources: [
        HandoffResource(kind: "emergency", name: "Emergency services", contact: "911"),
        HandoffResource(kind: "crisis_line", name: "988 Suicide & Crisis Lifeline", contact: "988"),
    ])
    public static let ireland = HandoffResources(locale: "IE", resources: [
        HandoffResource(kind: "emergency", name: "Emergency services", contact: "112 or 999"),
        HandoffResource(kind: "crisis_line", name: "Samaritans", contact: "116 123"),
    ])
    public static let canada = HandoffResources(locale: "CA", resources: [
        HandoffResource(kind: "emergency", name: "Emergency services", contact: "911"),
        HandoffResource(kind: "crisis_line", name: "9-8-8 Suicide Crisis Helpline", contact: "988"),
    ])
    public static let australia = HandoffResources(locale: "AU", resources: [
        HandoffResource(kind: "emergency", name: "Emergency services", contact: "000"),
        HandoffResource(kind: "crisis_line", name: "Lifeline", contact: "13 11 14"),
    ])

    /// The built-in resources, by locale code.
    public static let builtIn: [String: HandoffResources] = [
        "GB": .unitedKingdom, "UK": .unitedKingdom, "US": .unitedStates, "IE": .ireland, "CA": .canada, "AU": .australia,
    ]

    /// The built-in resources for `locale` (case-insensitive), or nil when Attune has none for it.
    public static func forLocale(_ locale: String) -> HandoffResources? {
        builtIn[locale.uppercased()]
    }
}

extension HandoffResources {
    /// Replaces the emergency number, the crisis line's number or its name (`[rapport.handoff]`).
    public mutating func override(emergency: String?, crisisLine: String?, crisisLineName: String?) {
        func set(kind: String, name: String?, contact: String?, defaultName: String) {
            guard name != nil || contact != nil else { return }
            if let index = resources.firstIndex(where: { $0.kind == kind }) {
                if let name { resources[index].name = name }
                if let contact { resources[index].contact = contact }
            } else if let contact {
                resources.append(HandoffResource(kind: kind, name: name ?? defaultName, contact: contact))
            }
        }
        set(kind: "emergency", name: nil, contact: emergency, defaultName: "Emergency services")
        set(kind: "crisis_line", name: crisisLineName, contact: crisisLine, defaultName: "Crisis line")
    }
}
