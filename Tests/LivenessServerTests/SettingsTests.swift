import Configuration
import Foundation
import LivenessCore
@testable import LivenessServer
import Testing
import TestSupport

/// The settings table (``Setting/all``): well formed, every typed row read and checked by the readers, the docs
/// generated from it (``ErrorCodeTests/generatedDocs()``).
@Suite("Settings")
struct SettingsTests {
    static func read(_ variables: [String: String]) throws(ConfigurationError) -> ServerConfiguration {
        try ServerConfiguration(settings: SettingsReader(flags: [:], environment: variables))
    }

    @Test("Keys, variables and flags are unique; secrets have no flag; the Python service's names are rows")
    func wellFormed() {
        let all = Setting.all
        #expect(Set(all.map(\.key)).count == all.count)
        #expect(Set(all.map(\.variable)).count == all.count)
        let flags = all.compactMap(\.flag)
        #expect(Set(flags).count == flags.count)
        #expect(all.filter(\.secret).allSatisfy { $0.flag == nil })
        #expect(Set(Setting.secretVariables) == ["API_KEY", "API_KEYS", "ADMIN_API_KEY", "DATABASE_URL"])
        let python = ["MODEL_PATH", "API_KEY", "CONFIDENCE_THRESHOLD", "ENABLE_FALLBACK", "MAX_WORKERS", "ENABLE_METRICS", "ENABLE_TRACING"]
        #expect(Set(python).isSubset(of: Set(all.map(\.variable))))
    }

    @Test("Every setting read at startup is a row of Setting.all, and every row is read, text and lists included")
    func everyRowIsRead() throws {
        let reader = SettingsReader(flags: [:], environment: [:])
        _ = try ServerConfiguration(settings: reader)
        let rows = Set(Setting.all.map(\.key))
        #expect(reader.keysRead.subtracting(rows).isEmpty, "read but not a row: \(reader.keysRead.subtracting(rows).sorted())")
        #expect(rows.subtracting(reader.keysRead).isEmpty, "a row never read: \(rows.subtracting(reader.keysRead).sorted())")
    }

    @Test("Every typed setting is read: a value it cannot take stops the configuration with its variable named")
    func everyTypedSettingIsRead() throws {
        for setting in Setting.all {
            let bad: String
            switch setting.kind {
            case .number, .integer, .limit: bad = "lots"
            case .flag: bad = "maybe"
            case .choice: bad = "neither"
            case .text, .list: continue
            }
            do {
                _ = try Self.read([setting.variable: bad])
                Issue.record("\(setting.variable)=\(bad) was accepted")
            } catch {
                #expect(error.variable == setting.variable)
            }
        }
    }

    @Test("A secret set but blank, or a key list of only commas, is refused with its variable named (issue 22)")
    func blankSecrets() throws {
        let blank: [(String, String)] = [
            ("API_KEY", "   "), ("API_KEY", "\t"), ("API_KEYS", ","), ("API_KEYS", " , ,"), ("ADMIN_API_KEY", "  "), ("DATABASE_URL", " "),
        ]
        for (variable, value) in blank {
            #expect(throws: ConfigurationError.self, "\(variable)='\(value)'") { _ = try Self.read([variable: value]) }
            do {
                _ = try Self.read([variable: value])
            } catch {
                #expect(error.variable == variable)
            }
        }
        // Every secret row is covered by the check, not only the ones listed above.
        for setting in Setting.all where setting.secret {
            #expect(throws: ConfigurationError.self, "\(setting.variable)") { _ = try Self.read([setting.variable: "  "]) }
        }
        #expect(try Self.read(["API_KEYS": "a-key, another-key,"]).apiKeys.count == 2)
        #expect(try Self.read([:]).apiKeys.isEmpty)
        let shared = #expect(throws: ConfigurationError.self) {
            _ = try Self.read(["API_KEYS": "client-key,other", "ADMIN_API_KEY": "client-key"])
        }
        #expect(shared?.variable == "ADMIN_API_KEY")
        #expect(try Self.read(["API_KEY": "client-key", "ADMIN_API_KEY": "audit-key"]).storage.adminKeys.count == 1)
    }

    @Test("Ranges are enforced at both ends; whole numbers stay whole; 0 is refused for limits")
    func ranges() throws {
        for setting in Setting.all {
            switch setting.kind {
            case .number(let range):
                #expect(throws: ConfigurationError.self, "\(setting.variable)") {
                    try Self.read([setting.variable: String(range.upperBound + 1)])
                }
                #expect(throws: ConfigurationError.self, "\(setting.variable)") {
                    try Self.read([setting.variable: String(range.lowerBound - 1)])
                }
            case .integer(let range):
                #expect(throws: ConfigurationError.self, "\(setting.variable)") {
                    try Self.read([setting.variable: String(range.upperBound + 1)])
                }
                if range.upperBound > range.lowerBound {
                    #expect(throws: ConfigurationError.self, "\(setting.variable)") {
                        try Self.read([setting.variable: "\(range.lowerBound).5"])
                    }
                }
            case .limit:
                #expect(throws: ConfigurationError.self, "\(setting.variable)") { try Self.read([setting.variable: "0"]) }
            default: continue
            }
        }
    }

    @Test("Values are read into the configuration: engine, flags in every spelling, quality thresholds, limits")
    func values() throws {
        #expect(try Self.read(["INFERENCE_ENGINE": "OpenVINO"]).passive.inferenceEngine == .openvino)
        #expect(try Self.read(["INFERENCE_ENGINE": "opencv"]).passive.inferenceEngine == .opencv)
        #expect(try Self.read([:]).passive.inferenceEngine == .openvino)
        for (text, expected) in [("false", false), ("0", false), ("OFF", false), ("true", true), ("yes", true)] {
            #expect(try Self.read(["SMALL_FACE_RECOVERY": text]).passive.smallFaceRecovery == expected)
        }
        #expect(try Self.read([:]).passive.smallFaceRecovery)
        let quality = try Self.read(["QUALITY_MIN_SHARPNESS": "100000", "QUALITY_MAX_CLIPPED": "0.5"]).passive.quality
        #expect(quality.minSharpness == 100_000 && quality.maxClipped == 0.5)
        #expect(try Self.read(["RATE_LIMIT_PER_MINUTE": "60"]).rateLimitPerMinute == 60)
        #expect(try Self.read(["RATE_LIMIT_PER_MINUTE": " "]).rateLimitPerMinute == nil)
        #expect(try Self.read(["MAX_WORKERS": "3", "MAX_QUEUE": "7"]).passive.workers == 3)
        #expect(try Self.read(["LOG_LEVEL": "DEBUG"]).logLevel == .debug)
        for (text, expected) in [("on", true as Bool?), ("OFF", false), ("auto", nil)] {
            #expect(try Self.read(["OPENVINO_CPU_PINNING": text]).passive.openvino.cpuPinning == expected)
        }
        #expect(try Self.read(["OPENVINO_THREADS_PER_STREAM": "1"]).passive.openvino.threadsPerStream == 1)
        // Defaults: one thread per stream, no pinning (each worker's check on one core).
        let defaults = try Self.read([:]).passive
        #expect(defaults.openvino.cpuPinning == false && defaults.openvino.threadsPerStream == 1 && defaults.openvino.precision == .f32)
        #expect(defaults.opencvThreads == 1 && defaults.openvinoPerWorker)
        #expect(try Self.read(["OPENVINO_PER_WORKER": "false"]).passive.openvinoPerWorker == false)
        #expect(!defaults.openvinoKeepLiveNetworks)
        #expect(try Self.read(["OPENVINO_KEEP_LIVE_NETWORKS": "true"]).passive.openvinoKeepLiveNetworks)
        #expect(try Self.read(["OPENCV_THREADS": "0"]).passive.opencvThreads == 0)
        #expect(throws: (any Error).self) { try Self.read(["OPENCV_THREADS": "-1"]) }
        #expect(try Self.read(["OPENVINO_THREADS_PER_STREAM": "0"]).passive.openvino.threadsPerStream == 0)
        #expect(try Self.read(["OPENVINO_INFERENCE_PRECISION": "bf16"]).passive.openvino.precision == .bf16)
        #expect(throws: (any Error).self) { try Self.read(["OPENVINO_INFERENCE_PRECISION": "fp16"]) }
        #expect(try Self.read(["ACTIVE_CHALLENGE": "Blink"]).activeChallenge == .blink)
        #expect(try Self.read([:]).activeChallenge == .actions)
        let actions = try Self.read(["ACTION_TURN_DEGREES": "20", "ACTION_HOLD_MS": "200"]).passive.actions
        #expect(actions.turnDegrees == 20 && actions.holdSeconds == 0.2)
    }

    @Test("The defaults the table shows are the ones read from an empty environment")
    func shownDefaults() throws {
        let defaults = try Self.read([:])
        let shown: [(Setting, String)] = [
            (.confidenceThreshold, "\(defaults.passive.confidenceThreshold)"), (.maxQueue, "\(defaults.passive.maxQueue)"),
            (.port, "\(defaults.port)"), (.host, defaults.host), (.maxBodyBytes, "\(defaults.maxBodyBytes)"),
            (.challengeTTLSeconds, "\(Int(defaults.challengeTTL))"), (.logLevel, defaults.logLevel.rawValue),
            (.auditRetentionDays, "\(defaults.storage.auditRetentionDays)"), (.resultTokenIssuer, defaults.tokens.issuer),
            (.maxConnections, "\(defaults.connections.maxConnections)"),
        ]
        for (setting, value) in shown { #expect(setting.shownDefault == value, "\(setting.variable)") }
        #expect(defaults.storage.location == .sqlite(path: "\(Setting.dataDirectory.shownDefault!)/liveness.sqlite"))
    }
}
