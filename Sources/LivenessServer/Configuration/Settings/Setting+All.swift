extension Setting {
    /// Every setting: the one list that the readers are checked against (`SettingsTests`: every setting read at
    /// startup is in it, and every row is read), and that `serve`'s flags and `docs/configuration.md` come from,
    /// in the docs' order (by ``SettingGroup``, then as listed).
    public static let all: [Setting] = {
        let rows: [Setting] = [
            modelDirectory, modelPath, extraModels, modelCropScale, confidenceThreshold, activeCheckPolicy, smallFaceRecovery,
            qualityMinFaceSize, qualityMinBrightness, qualityMaxBrightness, qualityMaxClipped, qualityMinSharpness,
            inferenceEngine, openvinoThreadsPerStream, openvinoCPUPinning, openvinoInferencePrecision, openvinoPerWorker, openvinoKeepLiveNetworks,
            opencvThreads, maxWorkers,
            maxQueue, faceMatchThreshold,
            actionTurnDegrees,
            actionNodDegrees, actionMouthOpening,
            actionHoldMs, actionTimeToleranceSeconds,
            host, port, apiKey, apiKeys, maxBodyBytes, maxVideoBytes, rateLimitPerMinute, rateLimitBurst, demoEnabled, liveSessions, lightChallenge,
            publicBaseURL, enableFallback, activeChallenge, replayWindowHours, challengeTTLSeconds, challengeMaxAttempts, requireChallenge,
            allowUnboundChallenges, maxFailedChallengesPerHour, liveSessionsPerKey, liveIdleSeconds, liveMaxSessionSeconds,
            liveMaxFramesPerSecond, liveFrameMaxBytes, enableMetrics, enableTracing, logLevel, logFormat, shutdownDrainSeconds,
            headerTimeoutSeconds, idleTimeoutSeconds, bodyMinBytesPerSecond, maxConnections, maxBodyBytesInFlight, trustedProxies,
            databaseURL, dataDirectory, databaseTimeoutSeconds, databaseStartupTimeoutSeconds, auditEnabled,
            auditRetentionDays, adminAPIKey,
            resultSigningKeyFile, resultSigningPreviousKeyFiles, resultTokenTTLSeconds, resultTokenIssuer,
        ]
        return SettingGroup.allCases.flatMap { group in rows.filter { $0.group == group } }
    }()

    /// The environment variables that hold secrets.
    public static var secretVariables: [String] { all.filter(\.secret).map(\.variable) }
}
