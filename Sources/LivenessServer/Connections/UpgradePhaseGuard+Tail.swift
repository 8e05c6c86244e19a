import NIOCore
import NIOHTTP1

extension UpgradePhaseGuard {
    /// Sits after the upgrade handler while the first head is parsed: answers the HTTP parser's errors through
    /// its ``UpgradePhaseGuard``, and ends the phase (removing both) on the first request part the upgrade
    /// handler passes on (not upgraded: the HTTP handlers follow this one) or on a completed upgrade.
    final class Tail: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias InboundOut = HTTPServerRequestPart
        let owner: UpgradePhaseGuard

        init(owner: UpgradePhaseGuard) { self.owner = owner }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.fireChannelRead(data)
            endPhase(context)
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            context.fireUserInboundEventTriggered(event)
            if event is HTTPServerUpgradeEvents { endPhase(context) }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            guard let parserError = error as? HTTPParserError else {
                context.fireErrorCaught(error)
                return
            }
            owner.refuse(ConnectionGuard.refusal(parserError))
        }

        /// Removes both handlers; called after passing the event on (a removed handler's context drops it).
        private func endPhase(_ context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            pipeline.removeHandler(owner, promise: nil)
            pipeline.removeHandler(self, promise: nil)
        }
    }
}
