// Loads dlib's face-recognition ResNet v1 (dlib_face_recognition_resnet_model_v1.dat) with Debian's
// libdlib and writes it with dlib::net_to_xml, the input of dlib_xml_to_onnx.py. Used only at setup
// by scripts/convert-dlib-face-model; the service runs the converted ONNX model.
//
// With a third argument (a 150x150 face chip as PNG), it also prints dlib's own 128-D embedding of that
// chip, one number per line: the reference the converted model is checked against.
//
// Usage: net-to-xml MODEL.dat OUT.xml [CHIP.png]
#include <dlib/dnn.h>
#include <dlib/image_io.h>
#include <cstdio>
#include <exception>

namespace face_net {
using namespace dlib;

// The network type the model was serialized with (dlib's ResNet v1 for face recognition): a 7x7
// stem, four levels of residual blocks (32, 64, 128, 256 filters; each level but the first starts with
// a stride-2 block whose shortcut is a 2x2 average pool) and a 128-D linear embedding.
template <int filters, template <typename> class norm, int stride, typename input>
using block = norm<con<filters, 3, 3, 1, 1, relu<norm<con<filters, 3, 3, stride, stride, input>>>>>;

template <int filters, typename input>
using unit = relu<add_prev1<block<filters, affine, 1, tag1<input>>>>;

template <int filters, typename input>
using unit_down = relu<add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<block<filters, affine, 2, tag1<input>>>>>>>;

template <typename input> using level0 = unit_down<256, input>;
template <typename input> using level1 = unit<256, unit<256, unit_down<256, input>>>;
template <typename input> using level2 = unit<128, unit<128, unit_down<128, input>>>;
template <typename input> using level3 = unit<64, unit<64, unit<64, unit_down<64, input>>>>;
template <typename input> using level4 = unit<32, unit<32, unit<32, input>>>;

using network = loss_metric<fc_no_bias<128, avg_pool_everything<level0<level1<level2<level3<level4<
    max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;
}  // namespace face_net

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: %s MODEL.dat OUT.xml [CHIP.png]\n", argv[0]);
        return 2;
    }
    try {
        face_net::network net;
        dlib::deserialize(argv[1]) >> net;
        dlib::net_to_xml(net, argv[2]);
        if (argc == 4) {
            dlib::matrix<dlib::rgb_pixel> chip;
            dlib::load_png(chip, argv[3]);
            dlib::matrix<float, 0, 1> embedding = net(chip);
            for (long i = 0; i < embedding.size(); i++) std::printf("%.9g\n", embedding(i));
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return 1;
    }
    return 0;
}
