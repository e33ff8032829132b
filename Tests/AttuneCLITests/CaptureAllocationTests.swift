import Foundation
import Testing

/// The capture thread allocates nothing per ALSA period: counted by `tools/bench/alloc-count.c`
/// (an LD_PRELOAD wrapper around malloc and friends) on the thread named `attune-capture`, for a short
/// and a four-times-longer recording. Equal counts mean no allocation grows with the number of periods.
@Suite struct CaptureAllocationTests {
    static func buildProbe(into directory: URL) throws -> String {
        let source = CLITestPaths.repositoryRoot.appendingPathComponent("tools/bench/alloc-count.c").path
        let library = directory.appendingPathComponent("alloc-count.so").path
        for compiler in ["cc", "clang", "gcc"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [compiler, "-O2", "-shared", "-fPIC", "-o", library, source]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus == 0 { return library }
        }
        throw ProbeError(message: "no C compiler (cc, clang or gcc) could build \(source)")
    }

    struct ProbeError: Error, CustomStringConvertible { let message: String; var description: String { message } }

    static func count(thread: String, device: String, seconds: String, devices: RecordCommandTests.Devices, probe: String) throws -> Int {
        let out = devices.directory.appendingPathComponent("alloc-\(device)-\(seconds).wav").path
        let environment = devices.environment.merging(["LD_PRELOAD": probe, "ALLOC_COUNT_THREAD": thread]) { $1 }
        let result = try AttuneBinary.run(["record", "--device", device, "--seconds", seconds, "--ring-seconds", "0.1", "--quiet", out], environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        guard let line = result.standardError.split(separator: "\n").last(where: { $0.hasPrefix("alloc-count: ") }),
              let number = Int(line.split(separator: " ").last ?? "") else {
            throw ProbeError(message: "the probe printed no count: \(result.standardError)")
        }
        return number
    }

    @Test(arguments: ["cli_s16", "cli_float48"])
    func capturePathAllocatesNothingPerPeriod(device: String) throws {
        let devices = try RecordCommandTests.makeDevices()
        let probe = try Self.buildProbe(into: devices.directory)
        // The probe works: the main thread does allocate.
        #expect(try Self.count(thread: "attune", device: device, seconds: "0.5", devices: devices, probe: probe) > 0)
        let short = try Self.count(thread: "attune-capture", device: device, seconds: "0.5", devices: devices, probe: probe)
        let long = try Self.count(thread: "attune-capture", device: device, seconds: "2", devices: devices, probe: probe)
        #expect(long <= short + 3, "capture thread: \(short) allocations for 50 periods, \(long) for 200")
        #expect(long < 30)
    }
}
