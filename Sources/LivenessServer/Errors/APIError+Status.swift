import HTTPTypes
import LivenessWire

extension APIError.Code {
    /// The status each spec code is answered with. The switch covers the generated enum, so a code added to
    /// `openapi.yaml` without a status here does not compile.
    var status: HTTPResponse.Status {
        switch self {
        case .invalidRequest, .invalidBase64: .badRequest
        case .unauthorized: .unauthorized
        case .challengeForbidden: .forbidden
        case .challengeNotFound, .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .challengeUsed, .challengeMode: .conflict
        case .challengeExpired: .gone
        case .payloadTooLarge, .imageTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .invalidImage, .imageTooComplex, .noFace, .invalidVideo, .videoTooLong, .unsupportedVideo:
            .unprocessableContent
        case .rateLimited: .tooManyRequests
        case .overloaded, .notReady, .storageUnavailable, .blinkUnavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }
}
