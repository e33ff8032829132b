import CALSA

/// One PCM the ALSA configuration offers for capture, as `arecord -L` lists it.
public struct CaptureDevice: Sendable, Equatable, Codable {
    /// The name to pass to `--device` (`default`, `hw:CARD=Device,DEV=0`, …).
    public var name: String
    /// ALSA's description, lines joined with " · ".
    public var description: String
    /// The card the PCM belongs to (`CARD=` in the name), if any.
    public var card: String?
}

/// Lists capture PCMs through `snd_device_name_hint`, the same source `arecord -L` reads.
public enum ALSADeviceList {
    public static func captureDevices() throws -> [CaptureDevice] {
        ALSALibrary.silenceDiagnostics()
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let status = snd_device_name_hint(-1, "pcm", &hints)
        guard status == 0, let hints else {
            throw AudioSourceError.alsa(device: "(all)", operation: "device_name_hint", code: status, message: String(cString: snd_strerror(status)))
        }
        defer { snd_device_name_free_hint(hints) }
        var devices: [CaptureDevice] = []
        var index = 0
        while let hint = hints[index] {
            index += 1
            guard let name = take(snd_device_name_get_hint(hint, "NAME")) else { continue }
            let direction = take(snd_device_name_get_hint(hint, "IOID"))  // nil means both directions
            guard direction == nil || direction == "Input" else { continue }
            let description = take(snd_device_name_get_hint(hint, "DESC")) ?? ""
            devices.append(CaptureDevice(
                name: name,
                description: description.split(separator: "\n").joined(separator: " · "),
                card: card(in: name)))
        }
        return devices
    }

    /// `snd_device_name_get_hint` returns malloc'd strings the caller frees.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func card(in name: String) -> String? {
        guard let range = name.range(of: "CARD=") else { return nil }
        return String(name[range.upperBound...].prefix { $0 != "," })
    }

    /// The libasound version string (`snd_asoundlib_version`).
    public static var libraryVersion: String { String(cString: snd_asoundlib_version()) }
}

/// Process-wide libasound settings.
enum ALSALibrary {
    /// Attune reports ALSA failures itself (typed, one line); the library's own stderr lines are dropped.
    static let silenced: Void = { _ = attune_alsa_silence_library_errors() }()
    static func silenceDiagnostics() { _ = silenced }
}
