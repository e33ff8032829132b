import Foundation
import Testing
@testable import AttuneAudio

/// Real libasound, real `snd_pcm_readi`, through the `file` plugin.
@Suite struct ALSACaptureTests {
    let fixture: ALSATestDevices.Fixture

    init() throws { fixture = try ALSATestDevices.fixture() }

    func capture(_ device: String, samples: Int, fault: ALSACaptureSource.InjectedFault? = nil) throws -> (samples: [Float], source: ALSACaptureSource) {
        var configuration = ALSACaptureSource.Configuration(device: device)
        configuration.ringSeconds = 0.5
        let source = try ALSACaptureSource(configuration: configuration, injectedFault: fault)
        var captured: [Float] = []
        var chunk = [Float](repeating: 0, count: 1000)
        while captured.count < samples {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            if n == 0 { break }
            captured += chunk[0..<n]
        }
        source.stop()
        return (Array(captured.prefix(samples)), source)
    }

    @Test func sixteenKilohertzMonoIsSampleExact() throws {
        let expected = try Data(contentsOf: fixture.s16Raw).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        let (samples, source) = try capture("attune_s16", samples: expected.count)
        #expect(source.format.sampleRateHz == 16_000)
        #expect(source.format.channelCount == 1)
        #expect(source.format.encoding == .signed16)
        #expect(samples.map(pcm16(fromFloat:)) == expected)
        #expect(source.statistics.overruns == 0)
        #expect(source.statistics.periods > 0)
    }

    /// The device offers only 44.1 kHz stereo S32; Attune opens it natively and converts in Swift.
    @Test func nativeFormatIsConvertedLikeSox() throws {
        let reference = try WAVFile.readMono16k(path: fixture.wideReferenceWAV.path)
        let (samples, source) = try capture("attune_wide", samples: reference.count - 2000)
        #expect(source.format == .init(encoding: .signed32, channelCount: 2, sampleRateHz: 44_100,
                                       periodFrames: source.format.periodFrames, bufferFrames: source.format.bufferFrames))
        // ~10 ms periods at 44.1 kHz.
        #expect((400...480).contains(source.format.periodFrames))
        let n = samples.count
        let error = zip(samples, reference[0..<n]).map { $0 - $1 }
        let snr = decibels(rms(reference[0..<n]) / rms(error[...]))
        #expect(snr > 60, "conversion agrees with sox to only \(snr) dB")
    }

    /// Every native format Attune decodes, at rates from 8 to 48 kHz and 1 to 8 channels, against sox.
    @Test(arguments: ALSATestDevices.formatMatrix.map { "attune_\($0.alsa.lowercased())_\($0.rateHz)_\($0.channels)" })
    func everyNativeFormatConvertsLikeSox(device: String) throws {
        let reference = try WAVFile.readMono16k(path: fixture.formatReferences[device]!.path)
        let (samples, source) = try capture(device, samples: reference.count - 2000)
        let entry = ALSATestDevices.formatMatrix.first { device.hasPrefix("attune_\($0.alsa.lowercased())_\($0.rateHz)_") }!
        let encodings: [String: SampleEncoding] = ["S24_3LE": .signed24Packed, "U8": .unsigned8, "FLOAT_LE": .float32,
                                                   "S16_LE": .signed16, "FLOAT64_LE": .float64]
        #expect(source.format.encoding == encodings[entry.alsa])
        #expect(source.format.sampleRateHz == entry.rateHz)
        #expect(source.format.channelCount == entry.channels)
        let n = samples.count
        let error = zip(samples, reference[0..<n]).map { $0 - $1 }
        let snr = decibels(rms(reference[0..<n]) / rms(error[...]))
        // 8-bit audio is only ~48 dB above its own quantisation noise, which both conversions see differently.
        let required = device.contains("u8") ? 35.0 : 55.0
        #expect(snr > required, "\(device): conversion agrees with sox to only \(snr) dB")
    }

    @Test func missingDeviceIsNamed() {
        _ = fixture
        #expect(throws: AudioSourceError.self) {
            _ = try ALSACaptureSource(configuration: .init(device: "attune_no_such_device"))
        }
        do {
            _ = try ALSACaptureSource(configuration: .init(device: "attune_no_such_device"))
        } catch let error as AudioSourceError {
            guard case .deviceNotFound(let device, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(device == "attune_no_such_device")
            #expect(error.description.contains("attune devices"))
        } catch { Issue.record("untyped error \(error)") }
    }

    @Test func unusableFormatIsExplained() {
        _ = fixture
        #expect(throws: AudioSourceError.unsupportedDeviceFormat(
            device: "attune_mulaw", reason: "none of S16_LE, S32_LE, S24_LE, S24_3LE, FLOAT_LE, FLOAT64_LE, U8")) {
            _ = try ALSACaptureSource(configuration: .init(device: "attune_mulaw"))
        }
    }

    @Test func overrunIsRecoveredAndCounted() throws {
        let (samples, source) = try capture("attune_s16", samples: 16_000, fault: .init(afterPeriods: 5, error: -EPIPE))
        #expect(samples.count == 16_000)
        #expect(source.statistics.overruns == 1)
    }

    @Test func suspendIsRecoveredAndCounted() throws {
        let (samples, source) = try capture("attune_s16", samples: 16_000, fault: .init(afterPeriods: 5, error: -ESTRPIPE))
        #expect(samples.count == 16_000)
        #expect(source.statistics.suspends == 1)
    }

    /// An unplugged device: the samples captured before it went are delivered, then a typed error, no hang.
    @Test func disappearingDeviceEndsTheStreamWithATypedError() throws {
        var configuration = ALSACaptureSource.Configuration(device: "attune_s16")
        configuration.ringSeconds = 1
        let source = try ALSACaptureSource(configuration: configuration, injectedFault: .init(afterPeriods: 20, error: -ENODEV))
        var total = 0
        var chunk = [Float](repeating: 0, count: 512)
        do {
            while true {
                let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
                #expect(n > 0)
                total += n
            }
        } catch let error as AudioSourceError {
            #expect(error == .deviceDisappeared(device: "attune_s16"))
        }
        #expect(total == 20 * source.format.periodFrames)
    }

    @Test func deviceListIncludesConfiguredPCMs() throws {
        _ = fixture
        let devices = try ALSADeviceList.captureDevices()
        let test = devices.first { $0.name == "attune_s16" }
        #expect(test?.description == "Attune test input · ARCTIC a0007, 16 kHz mono")
        // `null` carries a hint in alsa.conf on every Debian system, sound card or not (as `arecord -L` shows).
        #expect(devices.contains { $0.name == "null" })
        #expect(ALSADeviceList.card(in: "hw:CARD=Device,DEV=0") == "Device")
        #expect(!ALSADeviceList.libraryVersion.isEmpty)
    }
}

@Suite struct ALSAOpenErrorTests {
    /// A busy device cannot be made on a build machine (no `hw` cards); the mapping of the code alsa-lib returns is checked.
    @Test func openErrorsMapToActionableMessages() {
        let busy = ALSACaptureSource.openError(device: "hw:1,0", code: -EBUSY)
        #expect(busy == .deviceBusy(device: "hw:1,0"))
        #expect(busy.description.contains("busy") && busy.description.contains("attune devices"))
        guard case .deviceNotFound = ALSACaptureSource.openError(device: "hw:9", code: -ENOENT) else {
            Issue.record("ENOENT should mean no such device"); return
        }
    }
}
