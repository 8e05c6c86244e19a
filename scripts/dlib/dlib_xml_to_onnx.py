"""Converts dlib's face-recognition ResNet v1, written by net-to-xml as dlib XML, to ONNX.

dlib lists layers from the output (idx 0) to the input. Each layer reads the layer after it, except:
- `tag N` passes its input through and names it;
- `skip N` outputs the nearest `tag N` below it, ignoring its input;
- `add_prev tag=N` adds its input and the nearest `tag N`. When the shapes differ, dlib sums over the
  overlap and zero-fills the rest (the output takes the larger size on every axis): here a stride-2
  block (more channels, one row and column fewer) meets its 2x2 average-pooled shortcut.

Every `affine_con` (a frozen batch norm, y = gamma * x + beta per channel) follows a convolution and is
folded into it. The input layer subtracts the per-channel mean and divides by 256; the ONNX model takes
that preprocessed NCHW blob (RGB planes), as cv::dnn::blobFromImage makes it.

Usage: python dlib_xml_to_onnx.py NET.xml OUT.onnx
"""
import sys
import xml.etree.ElementTree as ElementTree

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


class Graph:
    def __init__(self):
        self.nodes, self.initializers, self.count = [], [], 0

    def name(self, prefix):
        self.count += 1
        return f"{prefix}_{self.count}"

    def constant(self, prefix, array):
        name = self.name(prefix)
        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def node(self, op, inputs, **attributes):
        output = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attributes))
        return output


def floats(element):
    return np.array((element.text or "").split(), dtype=np.float32)


def convert(xml_path, onnx_path):
    layers = ElementTree.parse(xml_path).getroot().findall("layer")
    layers.sort(key=lambda layer: int(layer.get("idx")))
    graph = Graph()
    tensor, shape = "input", None  # shape: [channels, rows, columns]
    tags = {}
    pending_conv = None  # (node, weights, bias) of the last convolution, for folding an affine layer
    for layer in reversed(layers):
        kind = layer.get("type")
        if kind == "input":
            spec = layer[0]
            assert spec.tag == "input_rgb_image_sized", spec.tag
            shape = [3, int(spec.get("nr")), int(spec.get("nc"))]
            continue
        if kind == "tag":
            tags[layer.get("id")] = (tensor, list(shape))
            continue
        if kind == "skip":
            tensor, shape = tags[layer.get("id")]
            shape = list(shape)
            continue
        if kind == "loss":
            assert layer[0].tag == "loss_metric", layer[0].tag
            continue
        spec = layer[0]
        if spec.tag == "con":
            if pending_conv is not None:
                emit_conv(graph, pending_conv)
                pending_conv = None
            filters, rows, cols = int(spec.get("num_filters")), int(spec.get("nr")), int(spec.get("nc"))
            stride = (int(spec.get("stride_y")), int(spec.get("stride_x")))
            pad = (int(spec.get("padding_y")), int(spec.get("padding_x")))
            values = floats(spec)
            count = filters * shape[0] * rows * cols
            assert values.size == count + filters, (values.size, count)
            weights = values[:count].reshape(filters, shape[0], rows, cols)
            bias = values[count:].copy()
            conv_input = tensor
            tensor = graph.name("conv")
            pending_conv = (conv_input, tensor, weights, bias, stride, pad)
            shape = [filters, (shape[1] + 2 * pad[0] - rows) // stride[0] + 1, (shape[2] + 2 * pad[1] - cols) // stride[1] + 1]
            continue
        # Anything but an affine layer first emits the pending convolution.
        if spec.tag == "affine_con":
            values = floats(spec)
            assert pending_conv is not None and pending_conv[1] == tensor, "affine layer not after a convolution"
            gamma, beta = values[: shape[0]], values[shape[0]:]
            assert beta.size == shape[0]
            conv_input, output, weights, bias, stride, pad = pending_conv
            pending_conv = (conv_input, output, weights * gamma[:, None, None, None], bias * gamma + beta, stride, pad)
            continue
        if pending_conv is not None:
            emit_conv(graph, pending_conv)
            pending_conv = None
        if spec.tag == "relu":
            tensor = graph.node("Relu", [tensor])
        elif spec.tag in ("max_pool", "avg_pool"):
            rows, cols = int(spec.get("nr")), int(spec.get("nc"))
            if rows == 0 and cols == 0:
                tensor = graph.node("GlobalAveragePool", [tensor])
                shape = [shape[0], 1, 1]
            else:
                stride = [int(spec.get("stride_y")), int(spec.get("stride_x"))]
                pad = [int(spec.get("padding_y")), int(spec.get("padding_x"))]
                op = "MaxPool" if spec.tag == "max_pool" else "AveragePool"
                tensor = graph.node(op, [tensor], kernel_shape=[rows, cols], strides=stride, pads=pad * 2)
                shape = [shape[0], (shape[1] + 2 * pad[0] - rows) // stride[0] + 1, (shape[2] + 2 * pad[1] - cols) // stride[1] + 1]
        elif spec.tag == "add_prev":
            other, other_shape = tags[spec.get("tag")]
            target = [max(a, b) for a, b in zip(shape, other_shape)]
            tensor = graph.node("Add", [pad_to(graph, tensor, shape, target), pad_to(graph, other, other_shape, target)])
            shape = target
        elif spec.tag == "fc_no_bias":
            outputs = int(spec.get("num_outputs"))
            inputs = shape[0] * shape[1] * shape[2]
            weights = floats(spec).reshape(inputs, outputs)
            flat = graph.node("Flatten", [tensor], axis=1)
            tensor = graph.node("MatMul", [flat, graph.constant("fc_weights", weights)])
            shape = [outputs]
        else:
            raise SystemExit(f"unsupported dlib layer: {spec.tag}")
    assert shape == [128], shape
    model = helper.make_model(
        helper.make_graph(
            graph.nodes, "dlib_face_recognition_resnet_model_v1",
            [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 150, 150])],
            [helper.make_tensor_value_info(tensor, TensorProto.FLOAT, [1, 128])],
            graph.initializers),
        opset_imports=[helper.make_opsetid("", 11)], producer_name="liveness scripts/convert-dlib-face-model")
    model.ir_version = 6
    onnx.checker.check_model(model)
    onnx.save(model, onnx_path)


def emit_conv(graph, conv):
    conv_input, output, weights, bias, stride, pad = conv
    graph.nodes.append(helper.make_node(
        "Conv", [conv_input, graph.constant("conv_weights", weights), graph.constant("conv_bias", bias.astype(np.float32))],
        [output], name=output, kernel_shape=list(weights.shape[2:]), strides=list(stride), pads=list(pad) * 2))


def pad_to(graph, tensor, shape, target):
    """Zero-pads `tensor` (C, H, W) at the end of each axis up to `target`, as dlib's add does."""
    if shape == target:
        return tensor
    pads = [0, 0, 0, 0, 0] + [t - s for s, t in zip(shape, target)]  # begins of N, C, H, W; then ends
    return graph.node("Pad", [tensor, graph.constant("pads", np.array(pads, dtype=np.int64))], mode="constant")


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
