/// What kind of thing an entity mention names.
public enum EntityKind: String, Codable, Sendable {
    case person
    case pet
    case place
    case organisation
}
