// swift-tools-version: 6.1
import PackageDescription

/// Where scripts/fetch-openvino unpacked OpenVINO's libraries (OPENVINO_DIR, default .openvino/).
let openVINOLibraries = (Context.environment["OPENVINO_DIR"] ?? "\(Context.packageDirectory)/.openvino") + "/lib"

// Linux only (Debian 12 and the container): the bridge keeps uploaded videos in memfd_create memory files and
// links Debian's OpenCV and the manylinux OpenVINO wheel. SwiftPM cannot declare Linux, so no `platforms`
// entry claims another system; Sources/CLivenessCV/Video.cpp stops a non-Linux build with an #error.
let package = Package(
    name: "liveness",
    products: [
        .executable(name: "liveness", targets: ["liveness"]),
        .library(name: "LivenessCore", targets: ["LivenessCore"]),
        .library(name: "LivenessWire", targets: ["LivenessWire"]),
        .library(name: "LivenessServer", targets: ["LivenessServer"]),
    ],
    traits: [
        .trait(
            name: "OTLPTracing",
            description: "Export ENABLE_TRACING spans over OTLP/HTTP with swift-otel (adds about 7 minutes to a clean build)"
        ),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.0.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.10.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/jpsim/Yams", "5.0.0"..<"7.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.30.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.14.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.25.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "4.1.0"..<"6.0.0"),
    ],
    targets: [
        // OpenCV 4.6 from Debian, through the project's trimmed pkg-config file (see scripts/setup).
        .systemLibrary(
            name: "COpenCV",
            pkgConfig: "liveness-opencv4",
            providers: [.apt(["libopencv-dev"])]
        ),
        // OpenVINO's C API from the pinned PyPI wheel, unpacked into .openvino/ by scripts/fetch-openvino.
        .systemLibrary(
            name: "COpenVINO",
            pkgConfig: "liveness-openvino"
        ),
        // C++17 bridge with a plain C header; no C++ exception crosses it.
        .target(
            name: "CLivenessCV",
            dependencies: ["COpenCV", "COpenVINO"],
            // SwiftPM drops pkg-config's -Wl flags, so the rpath to the unpacked wheel is set here.
            linkerSettings: [.unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", openVINOLibraries])]
        ),
        // The liveness domain: image input, detection, anti-spoofing, workers. No HTTP.
        .target(
            name: "LivenessCore",
            dependencies: [
                "CLivenessCV",
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // The wire format: the types generated from Sources/LivenessWire/openapi.yaml, and each domain result
        // mapped onto its type once. The server and the CLI both write their JSON through it.
        .target(
            name: "LivenessWire",
            dependencies: [
                "LivenessCore",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // HTTP: Hummingbird 2; the handlers generated from the same spec (openapi.yaml links to LivenessWire's).
        .target(
            name: "LivenessServer",
            dependencies: [
                "LivenessCore",
                "LivenessWire",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Demo", "SwaggerUI"],
            plugins: [
                .plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator"),
                "EmbedResources",
            ]
        ),
        // Resource bombs and bypasses found by hostile-input probes, generated (never stored): for the tests,
        // `liveness fuzz` and benchmarks/bombs.sh.
        // Tools around the service, not in its request path: `liveness evaluate` (APCER, BPCER, DET curves) and the
        // corpus of resource bombs (`liveness bombs`, the fuzz run and the tests).
        .target(
            name: "LivenessTools",
            dependencies: ["LivenessCore", "CLivenessCV"]
        ),
        .executableTarget(
            name: "embed-resources",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["embed-resources"]
        ),
        .executableTarget(
            name: "liveness",
            dependencies: [
                "LivenessCore",
                "LivenessTools",
                "LivenessServer",
                "LivenessWire",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OTel", package: "swift-otel", condition: .when(traits: ["OTLPTracing"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        // Fixture paths, golden files and helpers shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: ["LivenessCore", "LivenessTools"],
            path: "Tests/TestSupport"
        ),
        // The HTTP application on a scripted engine, test databases and challenge clients, for the server suites.
        .target(
            name: "ServerTestSupport",
            dependencies: [
                "LivenessServer", "LivenessCore", "LivenessWire", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/ServerTestSupport"
        ),
        // Model-free suites (scripts/test --fast): no model is loaded and no `liveness` process is started.
        .testTarget(
            name: "LivenessCoreTests",
            dependencies: ["LivenessCore", "LivenessTools", "TestSupport"]
        ),
        .testTarget(
            name: "LivenessServerTests",
            dependencies: [
                "LivenessServer", "LivenessCore", "LivenessWire", "TestSupport", "ServerTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // Suites that load the models: parity, videos, bombs, workers on real networks, and HTTP end to end.
        .testTarget(
            name: "LivenessModelTests",
            dependencies: [
                "LivenessServer", "LivenessCore", "LivenessWire", "LivenessTools", "TestSupport", "ServerTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            ]
        ),
        // Suites that run the `liveness` executable as a process (CLI, replicas, wire identity).
        .testTarget(
            name: "livenessTests",
            dependencies: ["liveness", "LivenessCore", "LivenessWire", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
