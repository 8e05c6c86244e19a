// Keeping some of an ONNX model's graph outputs, by editing the file's protobuf bytes (OpenVINO's C API cannot
// remove a read model's output; the layers that only fed the dropped outputs then fall out of the read model).
#pragma once
#include <string>
#include <vector>

namespace lcv::onnx {

/// `model` (an ONNX file's bytes) with only the graph outputs named in `keep`, every other field as it was. Empty
/// when nothing would be dropped, when a name in `keep` is not a graph output, or when the bytes are not a
/// well-formed ModelProto with one graph: the caller then reads the file as it is.
std::string keepingOutputs(const std::string &model, const std::vector<std::string> &keep);

}  // namespace lcv::onnx
