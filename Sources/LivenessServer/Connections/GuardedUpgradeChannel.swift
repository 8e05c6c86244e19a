import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// The WebSocket-upgradable HTTP/1.1 channel (`LIVE_SESSIONS`) with ``UpgradePhaseGuard`` around the upgrade
/// handler, so a connection's first request head meets the same limits as every later one.
struct GuardedUpgradeChannel: ServerChildChannel {
    let inner: HTTP1WebSocketUpgradeChannel
    let connections: ConnectionConfiguration

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1WebSocketUpgradeChannel.Value> {
        let phase = UpgradePhaseGuard(configuration: connections)
        do {
            try channel.pipeline.syncOperations.addHandler(phase, position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            try channel.pipeline.syncOperations.addHandler(UpgradePhaseGuard.Tail(owner: phase), position: .last)
            return value
        }
    }

    func handle(value: HTTP1WebSocketUpgradeChannel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
