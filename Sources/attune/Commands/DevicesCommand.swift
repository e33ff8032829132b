import ArgumentParser
import AttuneAudio

struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List ALSA capture devices, as `arecord -L` does.",
        discussion: """
            Names in the first column go to `--device`. `default` follows the system's ALSA configuration; \
            `plughw:CARD=…` is a card through ALSA's plug layer, `hw:CARD=…` the card itself.

            Examples:
              attune devices
              attune devices --json | jq -r '.devices[].name'
            """)

    @Flag(help: "Print JSON for machines: {\"devices\":[{\"name\",\"description\",\"card\"}]}.")
    var json = false

    func run() async throws {
        let devices = try ALSADeviceList.captureDevices()
        if json {
            struct Listing: Encodable { var devices: [CaptureDevice] }
            try JSONOutput.print(Listing(devices: devices))
            return
        }
        var table = TextTable("NAME", "CARD", "DESCRIPTION")
        for device in devices { table.add(device.name, device.card ?? "-", device.description) }
        print(table.render())
        if !devices.contains(where: { $0.name != "null" }) {
            print("\nNo capture device besides ALSA's null device: plug in a microphone and check `arecord -l`.")
        }
    }
}
