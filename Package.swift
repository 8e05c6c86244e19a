// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "liveness",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liveness", targets: ["liveness"]),
        .library(name: "LivenessCore", targets: ["LivenessCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // OpenCV 4.6 from Debian, through the project's trimmed pkg-config file (see scripts/setup).
        .systemLibrary(
            name: "COpenCV",
            pkgConfig: "liveness-opencv4",
            providers: [.apt(["libopencv-dev"])]
        ),
        // C++17 bridge with a plain C header; no C++ exception crosses it.
        .target(
            name: "CLivenessCV",
            dependencies: ["COpenCV"]
        ),
        // The liveness domain: image input, detection, anti-spoofing, workers. No HTTP.
        .target(
            name: "LivenessCore",
            dependencies: [
                "CLivenessCV",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "liveness",
            dependencies: [
                "LivenessCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .testTarget(
            name: "LivenessCoreTests",
            dependencies: ["LivenessCore"]
        ),
        .testTarget(
            name: "livenessTests",
            dependencies: ["liveness", "LivenessCore"]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
