extension LiveSession {
    /// Starts the light code after the neutral start (`neutral`: its frames), or says the face is too brightly lit
    /// for it and schedules the first cue.
    mutating func startLight(_ neutral: [LiveFrame], now: Double) -> [LiveEvent] {
        let light = policy.light
        let lumas = neutral.compactMap(\.colour?.face.luma).sorted()
        guard let luma = lumas.dropFirst(lumas.count / 2).first, luma <= light.brightLimit else {
            lightStatus = .tooBright
            schedule(now: now)
            return [.light(.tooBright)]
        }
        let count = light.lengths[Int(generator.next(upperBound: UInt64(light.lengths.count)))]
        var colours: [LightColour] = []
        var seconds: [Double] = []
        for _ in 0..<count {
            let allowed = LightColour.allCases.filter { $0 != colours.last }
            colours.append(allowed[Int(generator.next(upperBound: UInt64(allowed.count)))])
            seconds.append(light.durations[Int(generator.next(upperBound: UInt64(light.durations.count)))])
        }
        let samples = neutral.compactMap { frame in frame.colour.map { LightCheck.Sample(arrival: frame.arrivalTime, colour: $0) } }
        lightRun = LightRun(colours: colours, seconds: seconds, samples: samples, nextAt: now + light.lead)
        return []
    }

    /// A frame during the light code: its sample is kept; the code's clock runs; once the frames that could show
    /// the last colour have arrived, the code is judged: `light_mismatch`, or on to the first cue.
    mutating func lightFrame(_ frame: LiveFrame, judged: Double) -> [LiveEvent] {
        guard var run = lightRun else { return [] }
        if let colour = frame.colour { run.samples.append(LightCheck.Sample(arrival: frame.arrivalTime, colour: colour)) }
        lightRun = run
        var events = lightClock(now: judged)
        guard let ended = lightRun?.endedAt, frame.arrivalTime >= ended + policy.light.maxLag + 0.05, let done = lightRun else {
            return events
        }
        lightRun = nil
        let verdict = LightCheck(policy: policy.light).judge(done.samples, flashes: done.shown)
        lightVerdict = verdict
        guard verdict.passed else { return events + [finish(.lightMismatch)] }
        lightStatus = .passed
        schedule(now: judged)
        events.append(.light(.passed))
        return events
    }

    /// Sends the colour that is due at `now` (each one only when the one before has shown its time), or takes
    /// the last one off the screen.
    mutating func lightClock(now: Double) -> [LiveEvent] {
        guard var run = lightRun, run.endedAt == nil, now >= run.nextAt else { return [] }
        if !run.shown.isEmpty { run.shown[run.shown.count - 1].end = now }
        let index = run.shown.count
        let event: LiveEvent
        if index < run.colours.count {
            let (colour, seconds) = (run.colours[index], run.seconds[index])
            run.shown.append(LightFlash(colour: colour, start: now, end: now + seconds))
            run.nextAt = now + seconds
            event = .flash(index: index, of: run.colours.count, colour: colour, milliseconds: Int((seconds * 1000).rounded()))
        } else {
            run.endedAt = now
            event = .flashEnd
        }
        lightRun = run
        return [event]
    }
}
