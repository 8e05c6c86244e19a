import NIOCore

/// A connection handler that closes its connection once one of its limits has passed (``overdue(now:)``),
/// checked once a second on the connection's event loop: ``ConnectionGuard`` and ``UpgradePhaseGuard``.
protocol ConnectionDeadline: AnyObject {
    /// The next check; cancelled when the handler leaves the pipeline.
    var ticker: Scheduled<Void>? { get set }
    /// Which limit the connection has passed at `now`, if any.
    func overdue(now: NIODeadline) -> String?
}

extension ConnectionDeadline {
    /// Checks the limits once a second until the connection closes or the handler cancels ``ticker``.
    func scheduleCheck(_ context: ChannelHandlerContext) {
        ticker = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .seconds(1)) { [self] in
            if overdue(now: .now()) != nil {
                ticker = nil
                context.channel.close(promise: nil)
            } else {
                scheduleCheck(context)
            }
        }
    }
}
