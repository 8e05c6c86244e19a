"""Writes every layer's weights of a Caffe net, as OpenCV loads them, to an .npz (keys LAYER/INDEX).

Runs on Debian's python3 with python3-opencv (OpenCV 4.6's Caffe reader), so the project needs no Caffe
protobuf code. caffe_to_onnx.py then builds the ONNX graph from the .npz in a pinned virtualenv.

Usage: /usr/bin/python3 caffe_weights.py deploy.prototxt weights.caffemodel out.npz
"""
import sys

import cv2
import numpy as np

prototxt, weights, output = sys.argv[1:4]
net = cv2.dnn.readNetFromCaffe(prototxt, weights)
arrays = {}
for name in net.getLayerNames():
    layer_id = net.getLayerId(name)
    for index in range(len(net.getLayer(layer_id).blobs)):
        arrays[f"{name}/{index}"] = np.asarray(net.getParam(layer_id, index), dtype=np.float32)
np.savez(output, **arrays)
