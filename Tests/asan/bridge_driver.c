// Exercises every CLivenessCV entry point under AddressSanitizer and LeakSanitizer:
// the fixtures, mutated copies of them, and invalid arguments. Built and run by scripts/asan-bridge.
#include "CLivenessCV.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 42;
static unsigned next_random(void) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(state >> 33);
}

static unsigned char *read_file(const char *path, size_t *count) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    *count = fread(bytes, 1, (size_t)size, file);
    fclose(file);
    return bytes;
}

static int images = 0, decoded = 0, videos = 0, frames = 0;

static void check_image(lcv_net *detector, lcv_net *classifier, lcv_net *mesh, const unsigned char *bytes, size_t count) {
    lcv_error error;
    lcv_image *image = NULL;
    images++;
    // TurboJPEG's path with every orientation: the transposing ones move pixels 4 bytes at a time.
    for (int32_t orientation = 1; orientation <= 8; ++orientation) {
        lcv_image *oriented = NULL;
        if (lcv_image_decode_jpeg(bytes, count, orientation, &oriented, &error) == LCV_OK) lcv_image_free(oriented);
    }
    if (lcv_image_decode(bytes, count, &image, &error) != LCV_OK) return;
    decoded++;
    int width = lcv_image_width(image), height = lcv_image_height(image);
    float rows[200 * 7];
    int32_t row_count = 0;
    lcv_detect(detector, image, width > 200 ? 166 : width, height > 200 ? 221 : height, rows, 200, &row_count, &error);
    float logits[3];
    int32_t logit_count = 0;
    lcv_classifier_input input = {0, 0, width, height, LCV_BORDER_NONE, LCV_RESIZE_STRETCH, 80, 80, 0, 1.0f,
                                  {0, 0, 0}, {1, 1, 1}};
    lcv_classify(classifier, image, &input, logits, 3, &logit_count, &error);
    input.x = -5;
    input.width = width + 10;
    lcv_classify(classifier, image, &input, logits, 3, &logit_count, &error);  // refused: outside, no border
    input.border = LCV_BORDER_REFLECT_101;
    input.resize = LCV_RESIZE_LETTERBOX;
    input.swap_rb = 1;
    input.scale = 1.0f / 255;
    input.y = -height;
    input.height = 3 * height;  // a tall padded crop, letterboxed
    lcv_classify(classifier, image, &input, logits, 3, &logit_count, &error);
    double transform[6] = {1.0, 0.0, width / 4.0, 0.0, 1.0, height / 4.0};
    int32_t flips[1] = {1};
    float out[1405];
    int32_t counts[2];
    lcv_roi_batch batch = {1, transform, flips, 192, 1, "conv2d_21,conv2d_31"};
    lcv_outputs outputs = {out, 1405, counts, 2};
    lcv_run_roi(mesh, image, &batch, &outputs, &error);
    uint8_t *jpeg = NULL;
    size_t jpeg_count = 0;
    if (lcv_image_annotate_jpeg(image, 10, 10, 50, 50, "real 0.99", 0x22AA44, &jpeg, &jpeg_count, &error) == LCV_OK) {
        lcv_buffer_free(jpeg);
    }
    lcv_image_free(image);
}

/* Each video at three longest sides: 640 (the service's; the test clips are not scaled), 320 (a whole factor of
   640x480: scaled before it is turned) and 300 (any other factor: turned, then scaled). */
static void check_video(const unsigned char *bytes, size_t count) {
    static const int32_t sides[] = {640, 320, 300};
    videos++;
    for (size_t s = 0; s < sizeof sides / sizeof sides[0]; s++) {
        lcv_error error;
        lcv_video *video = NULL;
        if (lcv_video_open(bytes, count, sides[s], &video, &error) != LCV_OK) return;
        for (int i = 0; i < 400; i++) {
            lcv_image *frame = NULL;
            if (lcv_video_next(video, &frame, &error) != LCV_OK || frame == NULL) break;
            frames++;
            lcv_image_free(frame);
        }
        lcv_video_free(video);
    }
}

static void mutate(unsigned char *bytes, size_t count) {
    int flips = 1 + next_random() % 8;
    for (int i = 0; i < flips && count > 0; i++) bytes[next_random() % (count < 4096 ? count : 4096)] ^= 1u << (next_random() % 8);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s MODELS IMAGES VIDEOS [ROUNDS]\n", argv[0]);
        return 2;
    }
    const char *models = argv[1];
    int rounds = argc > 4 ? atoi(argv[4]) : 20;
    char path[4096], path2[4096];
    lcv_error error;
    lcv_net *detector = NULL, *classifier = NULL, *mesh = NULL;
    // cv::dnn only: OpenVINO's TBB dlopens libtbbbind with RTLD_DEEPBIND, which AddressSanitizer refuses.
    const lcv_engine engine = LCV_ENGINE_OPENCV;
    lcv_model *models_used[3] = {NULL, NULL, NULL};
    snprintf(path, sizeof path, "%s/deploy.prototxt", models);
    snprintf(path2, sizeof path2, "%s/Widerface-RetinaFace.caffemodel", models);
    if (lcv_model_load(engine, path, path2, 1, LCV_SHARING_STREAMS, 0, NULL, &models_used[0], &error) != LCV_OK) return fprintf(stderr, "%s\n", error.message), 1;
    snprintf(path, sizeof path, "%s/2.7_80x80_MiniFASNetV2.onnx", models);
    if (lcv_model_load(engine, path, NULL, 1, LCV_SHARING_STREAMS, 0, NULL, &models_used[1], &error) != LCV_OK) return fprintf(stderr, "%s\n", error.message), 1;
    snprintf(path, sizeof path, "%s/mediapipe_face_landmark_nchw.onnx", models);
    if (lcv_model_load(engine, path, NULL, 1, LCV_SHARING_STREAMS, 0, NULL, &models_used[2], &error) != LCV_OK) return fprintf(stderr, "%s\n", error.message), 1;
    lcv_net **nets[3] = {&detector, &classifier, &mesh};
    for (int i = 0; i < 3; i++) {
        if (lcv_net_create(models_used[i], nets[i], &error) != LCV_OK) return fprintf(stderr, "%s\n", error.message), 1;
    }

    // Invalid arguments and broken models must fail cleanly.
    lcv_model *broken = NULL;
    lcv_model_load(engine, "/nonexistent.onnx", NULL, 1, LCV_SHARING_STREAMS, 0, NULL, &broken, &error);
    lcv_model_load(engine, path, path, 1, LCV_SHARING_STREAMS, 0, NULL, &broken, &error);
    lcv_model_load((lcv_engine)7, path, NULL, 1, LCV_SHARING_STREAMS, 0, NULL, &broken, &error);
    lcv_net_create(NULL, NULL, &error);
    lcv_image *none = NULL;
    lcv_image_decode(NULL, 0, &none, &error);
    lcv_image_blank(-1, 5, 0, &none, &error);
    lcv_detect(NULL, NULL, 0, 0, NULL, 0, NULL, &error);
    lcv_video *no_video = NULL;
    lcv_video_open((const uint8_t *)"garbage", 7, 640, &no_video, &error);

    for (int pass = 0; pass < 2; pass++) {
        const char *folder = argv[2 + pass];
        DIR *dir = opendir(folder);
        if (!dir) return fprintf(stderr, "cannot open %s\n", folder), 1;
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            if (entry->d_name[0] == '.' || entry->d_type == DT_DIR) continue;
            snprintf(path, sizeof path, "%s/%s", folder, entry->d_name);
            size_t count = 0;
            unsigned char *bytes = read_file(path, &count);
            if (!bytes) continue;
            int is_huge = strstr(entry->d_name, "huge") != NULL;  // the header guard refuses it before decoding
            for (int round = 0; round <= (pass == 0 ? rounds : rounds / 4); round++) {
                unsigned char *copy = malloc(count ? count : 1);
                memcpy(copy, bytes, count);
                size_t length = count;
                if (round > 0) {
                    mutate(copy, count);
                    if (round % 3 == 0) length = next_random() % (count + 1);
                }
                if (pass == 0 && !is_huge) check_image(detector, classifier, mesh, copy, length);
                if (pass == 1) check_video(copy, length);
                free(copy);
            }
            free(bytes);
        }
        closedir(dir);
    }
    lcv_net_free(detector);
    lcv_net_free(classifier);
    lcv_net_free(mesh);
    for (int i = 0; i < 3; i++) lcv_model_free(models_used[i]);
    printf("asan driver: %d images (%d decoded), %d videos (%d frames)\n", images, decoded, videos, frames);
    return 0;
}
