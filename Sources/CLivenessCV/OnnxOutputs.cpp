#include "OnnxOutputs.hpp"

#include <algorithm>
#include <cstdint>

namespace lcv::onnx {
namespace {

// ModelProto.graph, GraphProto.output, ValueInfoProto.name (onnx.proto).
constexpr uint64_t modelGraph = 7;
constexpr uint64_t graphOutput = 12;
constexpr uint64_t valueInfoName = 1;
constexpr int lengthDelimited = 2;

/// One top-level field of a protobuf message: its number and wire type, the bytes it spans, and for a
/// length-delimited field where its payload starts.
struct Field {
    uint64_t number = 0;
    int wire = 0;
    const uint8_t *begin = nullptr;
    const uint8_t *payload = nullptr;
    const uint8_t *end = nullptr;
};

bool varint(const uint8_t *&at, const uint8_t *end, uint64_t &value) {
    value = 0;
    for (int shift = 0; shift < 64 && at < end; shift += 7) {
        const uint8_t byte = *at++;
        value |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return true;
    }
    return false;
}

void appendVarint(std::string &out, uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

/// The fields of the message in [at, end); false when the bytes are not a well-formed message.
bool fields(const uint8_t *at, const uint8_t *end, std::vector<Field> &out) {
    while (at < end) {
        Field field;
        field.begin = at;
        uint64_t key = 0;
        if (!varint(at, end, key)) return false;
        field.number = key >> 3;
        field.wire = static_cast<int>(key & 7);
        uint64_t value = 0;
        switch (field.wire) {
        case 0:
            if (!varint(at, end, value)) return false;
            break;
        case 1:
            if (end - at < 8) return false;
            at += 8;
            break;
        case lengthDelimited:
            if (!varint(at, end, value) || value > static_cast<uint64_t>(end - at)) return false;
            field.payload = at;
            at += value;
            break;
        case 5:
            if (end - at < 4) return false;
            at += 4;
            break;
        default:
            return false;
        }
        field.end = at;
        out.push_back(field);
    }
    return true;
}

void append(std::string &out, const uint8_t *from, const uint8_t *to) {
    out.append(reinterpret_cast<const char *>(from), static_cast<size_t>(to - from));
}

}  // namespace

std::string keepingOutputs(const std::string &model, const std::vector<std::string> &keep) {
    const auto *begin = reinterpret_cast<const uint8_t *>(model.data());
    const auto *end = begin + model.size();
    std::vector<Field> top;
    if (keep.empty() || !fields(begin, end, top)) return {};
    const auto isGraph = [](const Field &field) { return field.number == modelGraph && field.wire == lengthDelimited; };
    const auto graph = std::find_if(top.begin(), top.end(), isGraph);
    if (graph == top.end() || std::count_if(top.begin(), top.end(), isGraph) != 1) return {};
    std::vector<Field> parts;
    if (!fields(graph->payload, graph->end, parts)) return {};
    std::string pruned;
    std::vector<std::string> kept;
    bool dropped = false;
    for (const Field &part : parts) {
        if (part.number == graphOutput && part.wire == lengthDelimited) {
            std::vector<Field> info;
            if (!fields(part.payload, part.end, info)) return {};
            const auto name = std::find_if(info.begin(), info.end(), [](const Field &field) {
                return field.number == valueInfoName && field.wire == lengthDelimited;
            });
            if (name == info.end()) return {};
            const std::string text(reinterpret_cast<const char *>(name->payload), static_cast<size_t>(name->end - name->payload));
            if (std::find(keep.begin(), keep.end(), text) == keep.end()) {
                dropped = true;
                continue;
            }
            kept.push_back(text);
        }
        append(pruned, part.begin, part.end);
    }
    for (const std::string &name : keep) {
        if (std::find(kept.begin(), kept.end(), name) == kept.end()) return {};
    }
    if (!dropped) return {};
    std::string out;
    append(out, begin, graph->begin);
    appendVarint(out, (modelGraph << 3) | lengthDelimited);
    appendVarint(out, pruned.size());
    out += pruned;
    append(out, graph->end, end);
    return out;
}

}  // namespace lcv::onnx
