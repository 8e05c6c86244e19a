"""Converts the RetinaFace Caffe detector to ONNX, up to its two head outputs.

The graph comes from deploy.prototxt (a small reader for Caffe's text format below); the weights come from
OpenCV's loaded net, dumped by caffe_weights.py (Debian's python3-opencv), so no Caffe protobuf code is
needed. Outputs:
  mbox_loc   [1, priors*4]  box offsets, as Caffe's mbox_loc
  mbox_conf  [1, priors*2]  softmaxed (background, face) scores, as Caffe's mbox_conf_flatten
PriorBox and DetectionOutput are not in the graph: the service computes them (CLivenessCV/Detection.cpp).
Input `data` is [1, 3, H, W] with H and W free.

Usage: python caffe_to_onnx.py deploy.prototxt weights.npz out.onnx
"""
import re
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def parse_prototxt(text):
    """Caffe's protobuf text format as nested dicts; every field maps to a list of values."""
    tokens = re.findall(r'"[^"]*"|[{}]|[^\s:{}]+', re.sub(r"#[^\n]*", "", text))
    position = 0

    def block():
        nonlocal position
        fields = {}
        while position < len(tokens) and tokens[position] != "}":
            key = tokens[position]
            position += 1
            if tokens[position] == "{":
                position += 1
                value = block()
                position += 1
            else:
                value = tokens[position].strip('"')
                position += 1
            fields.setdefault(key, []).append(value)
        return fields

    return block()


def one(fields, key, default=None, kind=str):
    values = fields.get(key)
    return kind(values[0]) if values else default


def convert(prototxt, weights, output):
    definition = parse_prototxt(open(prototxt).read())
    stored = np.load(weights)
    nodes, initializers = [], []
    # Caffe layers write in place (top == bottom); ONNX values are written once, so each top is renamed.
    current = {"data": "data"}
    counter = [0]

    def fresh(name):
        counter[0] += 1
        return f"{name}__{counter[0]}"

    def constant(name, array):
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def blobs(layer, top):
        # OpenCV names some layers after their top blob (conv1 is conv_blob1).
        for key in (layer, top):
            count = sum(1 for stored_key in stored.files if stored_key.rsplit("/", 1)[0] == key)
            if count:
                return [stored[f"{key}/{i}"] for i in range(count)]
        raise SystemExit(f"no weights for layer {layer}")

    stop = {"PriorBox", "DetectionOutput"}
    for layer in definition["layer"]:
        kind, name = one(layer, "type"), one(layer, "name")
        if kind in stop or any(b not in current for b in layer.get("bottom", [])):
            continue  # the priors and what consumes them (mbox_priorbox)
        bottoms = [current[b] for b in layer.get("bottom", [])]
        top_name = one(layer, "top")
        top = fresh(top_name)
        if kind in ("Convolution", "Deconvolution"):
            p = layer["convolution_param"][0]
            k, s = one(p, "kernel_size", 1, int), one(p, "stride", 1, int)
            pad, group, dilation = one(p, "pad", 0, int), one(p, "group", 1, int), one(p, "dilation", 1, int)
            params = blobs(name, top_name)
            inputs = bottoms + [constant(f"{name}.weight", params[0])]
            if one(p, "bias_term", "true") == "true":
                inputs.append(constant(f"{name}.bias", params[1].reshape(-1)))
            op = "Conv" if kind == "Convolution" else "ConvTranspose"
            nodes.append(helper.make_node(
                op, inputs, [top], name=name, kernel_shape=[k, k], strides=[s, s], pads=[pad] * 4, group=group,
                dilations=[dilation, dilation]))
        elif kind == "BatchNorm":
            # Caffe keeps running sums with a scale factor; the following Scale layer holds gamma and beta.
            mean, variance, factor = blobs(name, top_name)
            factor = factor.reshape(-1)[0]
            factor = 0.0 if factor == 0 else 1.0 / factor
            eps = one(layer["batch_norm_param"][0], "eps", 1e-5, float)
            channels = mean.size
            nodes.append(helper.make_node(
                "BatchNormalization",
                bottoms + [constant(f"{name}.scale", np.ones(channels, np.float32)),
                           constant(f"{name}.shift", np.zeros(channels, np.float32)),
                           constant(f"{name}.mean", (mean.reshape(-1) * factor).astype(np.float32)),
                           constant(f"{name}.var", (variance.reshape(-1) * factor).astype(np.float32))],
                [top], name=name, epsilon=eps))
        elif kind == "Scale":
            gamma, beta = blobs(name, top_name)
            shape = (1, -1, 1, 1)
            scaled = fresh(top_name)
            nodes.append(helper.make_node(
                "Mul", bottoms + [constant(f"{name}.gamma", gamma.reshape(shape))], [scaled], name=f"{name}.mul"))
            nodes.append(helper.make_node(
                "Add", [scaled, constant(f"{name}.beta", beta.reshape(shape))], [top], name=name))
        elif kind == "ReLU":
            slope = one(layer.get("relu_param", [{}])[0], "negative_slope", 0.0, float)
            if slope == 0.0:
                nodes.append(helper.make_node("Relu", bottoms, [top], name=name))
            else:
                nodes.append(helper.make_node("LeakyRelu", bottoms, [top], name=name, alpha=slope))
        elif kind == "Crop":
            # Crop bottom[0] to bottom[1]'s spatial size (axis 2, offset 0, the defaults this model uses).
            assert "crop_param" not in layer, "only the default Crop is supported"
            ends = fresh("ends")
            nodes.append(helper.make_node("Shape", [bottoms[1]], [ends], name=f"{name}.shape", start=2, end=4))
            nodes.append(helper.make_node(
                "Slice", [bottoms[0], constant(f"{name}.starts", np.array([0, 0], np.int64)), ends,
                          constant(f"{name}.axes", np.array([2, 3], np.int64))], [top], name=name))
        elif kind == "Eltwise":
            assert one(layer["eltwise_param"][0], "operation", "SUM") == "SUM"
            nodes.append(helper.make_node("Sum", bottoms, [top], name=name))
        elif kind == "Concat":
            axis = one(layer.get("concat_param", [{}])[0], "axis", 1, int)
            nodes.append(helper.make_node("Concat", bottoms, [top], name=name, axis=axis))
        elif kind == "Permute":
            order = [int(v) for v in layer["permute_param"][0]["order"]]
            nodes.append(helper.make_node("Transpose", bottoms, [top], name=name, perm=order))
        elif kind == "Flatten":
            axis = one(layer.get("flatten_param", [{}])[0], "axis", 1, int)
            nodes.append(helper.make_node("Flatten", bottoms, [top], name=name, axis=axis))
        elif kind == "Reshape":
            dims = [int(v) for v in layer["reshape_param"][0]["shape"][0]["dim"]]
            nodes.append(helper.make_node(
                "Reshape", bottoms + [constant(f"{name}.shape", np.array(dims, np.int64))], [top], name=name))
        elif kind == "Softmax":
            axis = one(layer.get("softmax_param", [{}])[0], "axis", 1, int)
            nodes.append(helper.make_node("Softmax", bottoms, [top], name=name, axis=axis))
        else:
            raise SystemExit(f"unsupported layer {name} of type {kind}")
        current[top_name] = top

    outputs = {"mbox_loc": current["mbox_loc"], "mbox_conf": current["mbox_conf_flatten"]}
    for public, internal in outputs.items():
        nodes.append(helper.make_node("Identity", [internal], [public], name=f"{public}.out"))
    graph = helper.make_graph(
        nodes, "retinaface",
        [helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, "height", "width"])],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, None]) for name in outputs],
        initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)], producer_name="liveness")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, output)


if __name__ == "__main__":
    convert(*sys.argv[1:4])
