#!/usr/bin/env python3
"""The networks' own cost per image on one core: the physical bound of docs/performance.md.

Times the detector (at image_T1's input, 166x221) and the two anti-spoof classifiers (80x80) one after the
other, as one check runs them, with OpenVINO's CPU plugin compiled as the service compiles them (one stream,
one thread, no pinning, f32), and with onnxruntime on one thread (the Python peer's runtime), and prints each
network's kernel time from OpenVINO's per-layer counters. OpenVINO is timed twice: interleaved, as a check runs
the networks, and each network alone in a loop of its own; the difference is what the three networks cost each
other in the caches. Random inputs: the cost of these networks does not
depend on the pixels.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install openvino==2026.4.1 onnxruntime numpy
    .venv-bench/bin/python benchmarks/network-cost.py models [--batch]

`--batch` also times each network on 2 and 4 inputs per inference; `--bf16` also times OpenVINO computing in bf16
(OPENVINO_INFERENCE_PRECISION=bf16; the plugin falls back to f32 on CPUs without bfloat16 instructions).
`--arithmetic` also counts each network's floating-point operations (2 per multiply-add of its convolutions and
matrix products, from the compiled graph's shapes) and prints the rate each network and its fastest layer reach
on one core: how close the kernels are to what the core can do, and so what a faster kernel could still gain.
"""

import sys
import time

import numpy as np

NETWORKS = [
    ("Widerface-RetinaFace.onnx", [1, 3, 221, 166]),
    ("2.7_80x80_MiniFASNetV2.onnx", [1, 3, 80, 80]),
    ("4_0_0_80x80_MiniFASNetV1SE.onnx", [1, 3, 80, 80]),
]
ROUNDS = 600


def inputs():
    generator = np.random.default_rng(7)
    return [(generator.random(shape, dtype=np.float32) * 255, name) for name, shape in NETWORKS]


def openvino_runners(folder, counters=False, batch=1, precision="f32"):
    import openvino as ov

    core = ov.Core()
    runners = []
    for (name, shape), (tensor, _) in zip(NETWORKS, inputs()):
        shape = [batch] + shape[1:]
        tensor = np.repeat(tensor, batch, axis=0)
        model = core.read_model(f"{folder}/{name}")
        model.reshape(shape)
        config = {"NUM_STREAMS": "1", "INFERENCE_NUM_THREADS": "1", "ENABLE_CPU_PINNING": "NO",
                  "INFERENCE_PRECISION_HINT": precision, "PERF_COUNT": "YES" if counters else "NO"}
        request = core.compile_model(model, "CPU", config).create_infer_request()
        runners.append((name, request, lambda request=request, tensor=tensor: request.infer({0: tensor})))
    return runners


def onnxruntime_runners(folder):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    runners = []
    for (name, _), (tensor, _) in zip(NETWORKS, inputs()):
        session = onnxruntime.InferenceSession(f"{folder}/{name}", options, providers=["CPUExecutionProvider"])
        feed = {session.get_inputs()[0].name: tensor}
        runners.append((name, session, lambda session=session, feed=feed: session.run(None, feed)))
    return runners


def timed(run, times):
    start = time.perf_counter()
    run()
    times.append(time.perf_counter() - start)


def measure(label, runners, alone=False):
    """Interleaved (as a check runs them: each network evicts the others' weights from the caches), or each
    network `alone` in a loop of its own (its weights and code stay cached: what a single-network test sees)."""
    for _ in range(30):
        for _, _, run in runners:
            run()
    each = {name: [] for name, _, _ in runners}
    if alone:
        for name, _, run in runners:
            for _ in range(ROUNDS):
                timed(run, each[name])
    else:
        for _ in range(ROUNDS):
            for name, _, run in runners:
                timed(run, each[name])
    medians = {name: sorted(values)[len(values) // 2] * 1e3 for name, values in each.items()}
    line = ", ".join(f"{name.split('.onnx')[0]} {value:.2f} ms" for name, value in medians.items())
    order = "each alone" if alone else "interleaved"
    print(f"{label} ({order}): {line}; one image {sum(medians.values()):.2f} ms (p50 per network, one thread)")


def kernels(runners):
    parts = []
    for name, request, run in runners:
        total = 0.0
        for _ in range(100):
            run()
            total += sum(item.real_time.total_seconds() for item in request.get_profiling_info())
        parts.append(f"{name.split('.onnx')[0]} {total / 100 * 1e3:.2f} ms")
    print("openvino kernels only: " + ", ".join(parts))


def layer_flops(op):
    """Floating-point operations of one layer of OpenVINO's compiled (runtime) graph: 2 per multiply-add."""
    kind = op.get_rt_info()["layerType"].astype(str)
    shapes = [list(op.input(i).get_partial_shape().to_shape()) for i in range(min(op.get_input_size(), 2))]
    if kind == "Convolution" and len(shapes) == 2 and op.get_output_size() == 1:
        output = list(op.output(0).get_partial_shape().to_shape())
        weights = shapes[1]
        # [out, in, kh, kw], or grouped [groups, out / groups, in / groups, kh, kw]
        per_output = int(np.prod(weights[2:])) if len(weights) == 5 else int(np.prod(weights[1:]))
        return 2 * int(np.prod(output)) * per_output
    if kind == "Deconvolution" and len(shapes) == 2:
        return 2 * int(np.prod(shapes[0])) * int(np.prod(shapes[1][1:]))
    if kind in ("MatMul", "FullyConnected") and len(shapes) == 2:
        return 2 * int(np.prod(shapes[0])) * shapes[1][0 if kind == "FullyConnected" else -1]
    return 0


def arithmetic(folder):
    """Each network's operations and the rates its kernels reach on one thread (f32, OpenVINO's per-layer
    counters averaged over 300 inferences); the fastest layer of 5 MFLOP or more stands for what the core can do."""
    total_flops, total_seconds, fastest = 0, 0.0, (0.0, "")
    for name, request, run in openvino_runners(folder, counters=True):
        compiled = request.get_compiled_model()
        flops = {op.get_friendly_name(): layer_flops(op) for op in compiled.get_runtime_model().get_ordered_ops()}
        for _ in range(50):
            run()
        seconds = {}
        for _ in range(300):
            run()
            for item in request.get_profiling_info():
                seconds[item.node_name] = seconds.get(item.node_name, 0.0) + item.real_time.total_seconds() / 300
        network_flops, network_seconds = sum(flops.values()), sum(seconds.values())
        for layer, count in flops.items():
            if count >= 5e6 and seconds.get(layer, 0) > 0 and count / seconds[layer] > fastest[0]:
                fastest = (count / seconds[layer], f"{name.split('.onnx')[0]} {layer}")
        total_flops, total_seconds = total_flops + network_flops, total_seconds + network_seconds
        print(f"arithmetic {name.split('.onnx')[0]}: {network_flops / 1e6:.1f} MFLOP in {network_seconds * 1e3:.2f} ms "
              f"of kernels: {network_flops / network_seconds / 1e9:.1f} GFLOP/s")
    print(f"arithmetic, one image: {total_flops / 1e6:.1f} MFLOP in {total_seconds * 1e3:.2f} ms: "
          f"{total_flops / total_seconds / 1e9:.1f} GFLOP/s; the fastest layer {fastest[0] / 1e9:.1f} GFLOP/s "
          f"({fastest[1]}); at that rate throughout, {total_flops / fastest[0] * 1e3:.2f} ms")


def main():
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    folder = arguments[0] if arguments else "models"
    measure("openvino", openvino_runners(folder))
    measure("openvino", openvino_runners(folder), alone=True)
    if "--batch" in sys.argv:
        for batch in (2, 4):
            measure(f"openvino, {batch} images per inference (divide by {batch})", openvino_runners(folder, batch=batch))
    if "--bf16" in sys.argv:
        measure("openvino bf16", openvino_runners(folder, precision="bf16"))
    kernels(openvino_runners(folder, counters=True))
    if "--arithmetic" in sys.argv:
        arithmetic(folder)
    try:
        measure("onnxruntime", onnxruntime_runners(folder))
    except ImportError:
        print("onnxruntime: not installed")


if __name__ == "__main__":
    main()
