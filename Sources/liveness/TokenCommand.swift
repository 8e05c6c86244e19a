import ArgumentParser

/// `liveness token`: tools for operators around signed results.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Work with result tokens (the signed result_token of each answer).",
        subcommands: [TokenVerifyCommand.self]
    )
}
