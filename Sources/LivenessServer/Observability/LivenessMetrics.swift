import Prometheus
import Synchronization

/// The Prometheus metrics, under the Python service's names.
///
/// - `liveness_requests_total{method,endpoint,status}`
/// - `liveness_requests_success{endpoint}` and `liveness_requests_error{endpoint}` (status ≥ 400)
/// - `liveness_request_latency_seconds{endpoint}`: whole request, histogram
/// - `liveness_inference_latency_seconds{endpoint}`: time in the model pipeline, histogram
/// - `liveness_worker_queue_depth`, `liveness_workers_busy`: gauges, read at scrape time
/// - `liveness_internal_errors_total{endpoint}`: requests answered 500 `internal_error` (a failure of ours or of
///   OpenCV or OpenVINO, never bad input; each is logged with its request id)
/// - `liveness_native_messages_total`: lines C libraries printed (``NativeMessages``)
/// - `liveness_live_frame_latency_seconds`: a live-session frame from its arrival to its judgement, histogram
/// - `liveness_live_frames_dropped_total`: live-session frames dropped because the server fell behind
///
/// Configuration key: `ENABLE_METRICS` (read by ``ServerConfiguration``).
public final class LivenessMetrics: Sendable {
    /// prometheus_client's default buckets, as the Python service used.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]

    let registry = PrometheusCollectorRegistry()
    /// ``NativeMessages/count`` as last added to the counter.
    private let nativeCounted = Mutex(0)

    static var requests: MetricNameDescriptor { descriptor("liveness_requests_total", "Requests by method, endpoint and status.") }
    static var successes: MetricNameDescriptor { descriptor("liveness_requests_success", "Requests answered with a status below 400.") }
    static var errors: MetricNameDescriptor { descriptor("liveness_requests_error", "Requests answered with a status of 400 or more.") }
    static var requestLatency: MetricNameDescriptor { descriptor("liveness_request_latency_seconds", "Time to answer a request.") }
    static var inferenceLatency: MetricNameDescriptor { descriptor("liveness_inference_latency_seconds", "Time spent in the model pipeline.") }
    static var queueDepth: MetricNameDescriptor { descriptor("liveness_worker_queue_depth", "Checks waiting for a worker.") }
    static var internalErrors: MetricNameDescriptor {
        descriptor("liveness_internal_errors_total", "Requests answered with 500 internal_error; each is logged.")
    }
    static var busyWorkers: MetricNameDescriptor { descriptor("liveness_workers_busy", "Workers running a check.") }
    static var nativeMessages: MetricNameDescriptor {
        descriptor("liveness_native_messages_total", "Lines C libraries (libjpeg, libpng, FFmpeg) printed, logged as warnings.")
    }

    static var liveFrameLatency: MetricNameDescriptor {
        descriptor("liveness_live_frame_latency_seconds", "Time from a live frame's arrival to its judgement.")
    }
    static var liveFramesDropped: MetricNameDescriptor {
        descriptor("liveness_live_frames_dropped_total", "Live frames dropped because the server fell behind.")
    }
    /// Finer buckets for live frames, whose budget is a frame interval (67 ms at 15 fps).
    static let liveBuckets: [Double] = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.125, 0.15, 0.2, 0.3, 0.5, 1]

    /// A descriptor whose name is exactly `name` (no unit suffix is appended).
    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    public init() {}

    /// Counts a finished request and its latency. `endpoint` is the path template of the operation the router
    /// matched, or `other`, so clients cannot create label values.
    func recordRequest(method: String, endpoint: String, status: Int, seconds: Double) {
        registry.makeCounter(
            descriptor: Self.requests,
            labels: [("method", method), ("endpoint", endpoint), ("status", String(status))]
        ).increment()
        registry.makeCounter(descriptor: status < 400 ? Self.successes : Self.errors, labels: [("endpoint", endpoint)])
            .increment()
        if status == 500 { registry.makeCounter(descriptor: Self.internalErrors, labels: [("endpoint", endpoint)]).increment() }
        registry.makeValueHistogram(
            descriptor: Self.requestLatency, labels: [("endpoint", endpoint)], buckets: Self.buckets
        ).record(seconds)
    }

    /// Records the time one request spent in the model pipeline.
    func recordInference(endpoint: String, seconds: Double) {
        registry.makeValueHistogram(
            descriptor: Self.inferenceLatency, labels: [("endpoint", endpoint)], buckets: Self.buckets
        ).record(seconds)
    }

    /// Records one live frame's time from arrival to judgement.
    func recordLiveFrame(seconds: Double) {
        registry.makeValueHistogram(descriptor: Self.liveFrameLatency, buckets: Self.liveBuckets).record(seconds)
    }

    /// Counts live frames dropped because the server fell behind.
    func recordLiveFramesDropped(_ count: Int = 1) {
        registry.makeCounter(descriptor: Self.liveFramesDropped).increment(by: Int64(count))
    }

    /// The exposition text, with the queue gauges set from `load` first.
    func render(load: (queued: Int, busy: Int)?) -> String {
        if let load {
            registry.makeGauge(descriptor: Self.queueDepth).set(Double(load.queued))
            registry.makeGauge(descriptor: Self.busyWorkers).set(Double(load.busy))
        }
        let total = NativeMessages.count
        let delta = nativeCounted.withLock { counted in
            defer { counted = max(counted, total) }
            return max(0, total - counted)
        }
        registry.makeCounter(descriptor: Self.nativeMessages).increment(by: Int64(delta))
        return registry.emitToString()
    }
}
