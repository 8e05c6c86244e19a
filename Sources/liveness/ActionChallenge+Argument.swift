import ArgumentParser
import LivenessCore

extension ActionChallenge: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}
