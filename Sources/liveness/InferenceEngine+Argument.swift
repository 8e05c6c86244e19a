import ArgumentParser
import LivenessCore

extension InferenceEngine: ExpressibleByArgument {}
