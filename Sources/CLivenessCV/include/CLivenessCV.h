// Plain C interface over the parts of OpenCV 4.6 the liveness service uses.
//
// Rules every function follows:
// - No C++ exception crosses this boundary. Each entry point catches everything
//   (cv::Exception, std::bad_alloc, ...) and reports it through `lcv_error`.
// - Functions that can fail return an `lcv_status`; on failure `error` (if not
//   NULL) holds the same status and a NUL-terminated message.
// - Handles (`lcv_image`, `lcv_model`, `lcv_net`) are owned by the caller and
//   released with their `_free` function. An `lcv_model` may be shared by
//   threads; an `lcv_net` must only be used by one thread at a time
//   (cv::dnn::Net and OpenVINO infer requests are not thread-safe).
#ifndef CLIVENESSCV_H
#define CLIVENESSCV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum lcv_status {
    LCV_OK = 0,
    LCV_DECODE_FAILED = 1,
    LCV_MODEL_LOAD_FAILED = 2,
    LCV_INVALID_ARGUMENT = 3,
    LCV_INFERENCE_FAILED = 4,
    LCV_ENCODE_FAILED = 5,
    LCV_OUT_OF_MEMORY = 6,
    /// A fast path declined the input (nothing was decoded): use the general function.
    LCV_NOT_HANDLED = 7,
    LCV_INTERNAL = 99
} lcv_status;

typedef struct lcv_error {
    int32_t status;
    char message[512];
} lcv_error;

typedef struct lcv_image lcv_image;
typedef struct lcv_model lcv_model;
typedef struct lcv_net lcv_net;

/// The inference engines: OpenCV 4.6's cv::dnn (the parity reference) and OpenVINO's CPU plugin.
typedef enum lcv_engine { LCV_ENGINE_OPENCV = 0, LCV_ENGINE_OPENVINO = 1 } lcv_engine;

/// Applies the process-wide settings once: OpenCV's silent error handler and quiet logging, and FFmpeg's
/// environment (quiet logs; only local files of the accepted containers and codecs). Call it at startup,
/// before any thread uses the bridge (it sets environment variables); later calls do nothing. Every entry
/// point also calls it, as a fallback for programs that do not.
void lcv_configure_process(void);

/// OpenCV's version string, e.g. "4.6.0".
const char *lcv_opencv_version(void);
/// The OpenVINO runtime's build number, e.g. "2026.4.1-22982-...".
const char *lcv_openvino_version(void);

/// The precision OpenVINO's CPU plugin computes in (its INFERENCE_PRECISION_HINT). f32 is the reference
/// models' own; bf16 runs faster on CPUs with bfloat16 instructions (AVX512_BF16, AMX) and moves the outputs
/// (docs/performance.md). On AVX-512 CPUs without them the plugin emulates bf16, slower than f32; on others it
/// computes in f32 whatever is asked.
typedef enum lcv_precision { LCV_PRECISION_F32 = 0, LCV_PRECISION_BF16 = 1 } lcv_precision;

/// How OpenVINO compiles every copy of one model (lcv_model_load; the OpenCV engine ignores it).
typedef struct lcv_openvino_options {
    /// Threads for each stream (INFERENCE_NUM_THREADS = streams x it); 0: the plugin's choice.
    int32_t threads_per_stream;
    /// CPU pinning: 0 off, 1 on, -1 the plugin's choice.
    int32_t cpu_pinning;
    lcv_precision precision;
} lcv_openvino_options;

/// 1 when OpenVINO's CPU plugin computes in `precision` on this CPU (its OPTIMIZATION_CAPABILITIES), else 0. It
/// lists bf16 on every AVX-512 CPU, emulated (slower than f32) where the CPU lacks bfloat16 instructions.
int32_t lcv_openvino_supports(lcv_precision precision);

/// 1 when the CPU has bfloat16 instructions (AVX512_BF16 or AMX-BF16), else 0.
int32_t lcv_cpu_has_bf16(void);

/// Sets the number of threads OpenCV's own parallel loops may use (process-wide).
void lcv_set_num_threads(int32_t threads);

/// Makes every new cv::Mat buffer over `max_bytes` fail with LCV_DECODE_FAILED (0: no limit). Process-wide;
/// call once at startup, before any worker thread decodes. The decoder's second guard behind the header check.
void lcv_set_max_buffer_bytes(size_t max_bytes);

/// Gives the C heap's free pages back to the system (glibc's malloc_trim): loading the networks parses each
/// ONNX file into temporary copies of its weights, freed inside the heap but still resident until trimmed.
/// Call once the models are loaded.
void lcv_release_free_memory(void);

// MARK: Images

/// Decodes JPEG/PNG/WebP/BMP bytes like cv::imdecode(IMREAD_COLOR): 8-bit BGR, EXIF orientation applied.
lcv_status lcv_image_decode(const uint8_t *bytes, size_t count, lcv_image **out, lcv_error *error);
/// Decodes a JPEG with TurboJPEG straight into 8-bit BGR, then applies the TIFF `orientation` (1-8; other
/// values: none) as cv::imdecode does. Pixels equal lcv_image_decode's for the same orientation. Returns
/// LCV_NOT_HANDLED for a CMYK/YCCK JPEG and for any data libjpeg warns about or refuses (truncated or corrupt:
/// OpenCV's source manager ends such data differently): decode those with lcv_image_decode.
lcv_status lcv_image_decode_jpeg(const uint8_t *bytes, size_t count, int32_t orientation, lcv_image **out,
                                 lcv_error *error);
/// Creates a `width` x `height` BGR image filled with one grey level (used to probe networks at startup).
lcv_status lcv_image_blank(int32_t width, int32_t height, uint8_t grey, lcv_image **out, lcv_error *error);
void lcv_image_free(lcv_image *image);
int32_t lcv_image_width(const lcv_image *image);
int32_t lcv_image_height(const lcv_image *image);
/// Copies the BGR pixels, row by row without padding, into `out` (`capacity` >= width*height*3).
lcv_status lcv_image_copy_pixels(const lcv_image *image, uint8_t *out, size_t capacity, lcv_error *error);

/// Image-quality measurements of a face region (see lcv_face_quality).
typedef struct lcv_face_quality {
    /// Mean luma (BT.601 grey, 0-255) of the region.
    double brightness;
    /// Fraction of the region's pixels at luma 250 or above (blown highlights), 0-1.
    double clipped;
    /// Variance of the 3x3 Laplacian of the region's grey, resized to 128x128 and stretched to a standard
    /// deviation of 50 (higher is sharper; independent of exposure and contrast).
    double sharpness;
} lcv_face_quality;

/// Measures the rectangle (x, y, width, height), which must lie inside the image.
lcv_status lcv_face_quality_measure(const lcv_image *image, int32_t x, int32_t y, int32_t width, int32_t height,
                                    lcv_face_quality *out, lcv_error *error);

/// Draws an anti-aliased line from (x1, y1) to (x2, y2) on the image itself, in 0xRRGGBB.
lcv_status lcv_image_draw_line(lcv_image *image, double x1, double y1, double x2, double y2, uint32_t rgb,
                               int32_t thickness, lcv_error *error);
/// Draws `text` (ASCII, Hershey simplex) with its baseline starting at (x, y) on the image itself.
lcv_status lcv_image_draw_text(lcv_image *image, double x, double y, const char *text, double scale, uint32_t rgb,
                               lcv_error *error);

/// Draws a box and a caption on a copy of the image and encodes it as JPEG into a malloc'd buffer
/// that the caller releases with lcv_buffer_free. `rgb` is 0xRRGGBB.
lcv_status lcv_image_annotate_jpeg(const lcv_image *image, int32_t x, int32_t y, int32_t width, int32_t height,
                                   const char *caption, uint32_t rgb, uint8_t **out, size_t *out_count,
                                   lcv_error *error);
void lcv_buffer_free(uint8_t *buffer);

/// Encodes the image with OpenCV's encoder for `extension` (".png", ".jpg", ".webp", ".bmp") into a
/// malloc'd buffer that the caller releases with lcv_buffer_free.
lcv_status lcv_image_encode(const lcv_image *image, const char *extension, uint8_t **out, size_t *out_count,
                            lcv_error *error);
/// Encodes the image as a progressive JPEG (libjpeg's default scan script), like lcv_image_encode.
lcv_status lcv_image_encode_progressive_jpeg(const lcv_image *image, uint8_t **out, size_t *out_count, lcv_error *error);

// MARK: Networks

/// How the workers share an OpenVINO network (on the OpenCV engine each worker always reads its own net).
typedef enum lcv_sharing {
    /// One compiled model with a stream per worker: one compiled copy, but the plugin's stream threads run each
    /// inference while the worker waits for them.
    LCV_SHARING_STREAMS = 0,
    /// One compiled model of one stream per worker: inference runs on the worker's own thread, and each worker
    /// holds its own compiled copy (the first worker's compiled at load, the others' when their nets are made).
    LCV_SHARING_PER_WORKER = 1,
    /// As LCV_SHARING_PER_WORKER, but the other workers' copies compile on their first inference (startup stays
    /// short and memory low until the network is used; that first inference takes a compile longer).
    LCV_SHARING_PER_WORKER_ON_USE = 2,
} lcv_sharing;

/// Loads a network once for the process. `weights_path` is the Caffe weights (OpenCV engine only; NULL for
/// ONNX). OpenCV: reads one net now, so that a broken file fails here; the first lcv_net_create gets it,
/// later ones read their own.
/// OpenVINO: reads the ONNX file and compiles it for the CPU plugin for `workers` workers, shared as `sharing`
/// says, with `options` (NULL: the plugin's threading, f32): here for a static input shape, on first use for any other shape (the 8 most recent are
/// kept). Every lcv_net made from it holds its own infer requests on those compiled models. With `deferred`
/// (non-zero) nothing is compiled here, for a network most processes seldom or never run: the file is still read
/// and parsed, and every copy compiles on its first inference (OpenCV: ignored).
lcv_status lcv_model_load(lcv_engine engine, const char *path, const char *weights_path, int32_t workers,
                          lcv_sharing sharing, int32_t deferred, const lcv_openvino_options *options, lcv_model **out,
                          lcv_error *error);
void lcv_model_free(lcv_model *model);
/// One worker's network on `model`.
lcv_status lcv_net_create(lcv_model *model, lcv_net **out, lcv_error *error);
void lcv_net_free(lcv_net *net);

/// Runs the RetinaFace detector: the Caffe net on OpenCV, its ONNX conversion on OpenVINO (whose PriorBox and
/// DetectionOutput layers then run in the bridge, with the same settings).
/// The image is resized to `input_width` x `input_height` with INTER_LINEAR unless it already has that size,
/// turned into a blob with scale 1, mean (104, 117, 123) and no channel swap, and fed to input `data`.
/// Output `detection_out` rows (7 floats each) are copied into `rows` (room for `max_rows` rows).
lcv_status lcv_detect(lcv_net *net, const lcv_image *image, int32_t input_width, int32_t input_height,
                      float *rows, int32_t max_rows, int32_t *row_count, lcv_error *error);

/// How the parts of a classifier's crop that lie outside the image are filled.
typedef enum lcv_border {
    /// The crop must lie inside the image (SFAS's windows are shifted inside it beforehand).
    LCV_BORDER_NONE = 0,
    /// cv::BORDER_REFLECT_101 (gfedcb|abcdefgh|gfedcba).
    LCV_BORDER_REFLECT_101 = 1,
    /// cv::BORDER_REPLICATE (aaaaaa|abcdefgh|hhhhhhh).
    LCV_BORDER_REPLICATE = 2,
    /// cv::BORDER_CONSTANT with black.
    LCV_BORDER_CONSTANT = 3
} lcv_border;

/// How a crop becomes the network's input size.
typedef enum lcv_resize {
    /// Stretch to the input size with INTER_LINEAR (SFAS).
    LCV_RESIZE_STRETCH = 0,
    /// Keep the aspect ratio: scale by min(input/crop) with INTER_LANCZOS4 when enlarging and INTER_AREA
    /// otherwise, then pad to the input size with the crop's border mode (REFLECT_101 when it is NONE),
    /// half of the padding (rounded down) on the top and left.
    LCV_RESIZE_LETTERBOX = 1
} lcv_resize;

/// What a classifier sees and how its input tensor is made.
typedef struct lcv_classifier_input {
    /// The crop in image pixels; it may extend outside the image unless `border` is LCV_BORDER_NONE.
    int32_t x, y, width, height;
    lcv_border border;
    lcv_resize resize;
    int32_t input_width, input_height;
    /// Non-zero: feed RGB instead of the decoded BGR.
    int32_t swap_rb;
    /// Each channel value (in the fed order) becomes (pixel * scale - mean[c]) / std[c].
    float scale;
    float mean[3];
    float std[3];
} lcv_classifier_input;

/// Runs an anti-spoof classifier on one crop described by `input`, as a float32 NCHW tensor, and copies
/// its outputs (raw logits) into `logits`. SFAS's MiniFASNets use an inside crop, STRETCH, BGR, scale 1,
/// mean 0 and std 1: raw 0..255 BGR values, as upstream's to_tensor (whose /255 is commented out).
lcv_status lcv_classify(lcv_net *net, const lcv_image *image, const lcv_classifier_input *input, float *logits,
                        int32_t max_logits, int32_t *logit_count, lcv_error *error);

/// Reads an ONNX file's first input shape with OpenVINO's reader (any engine); dynamic dimensions are -1.
lcv_status lcv_onnx_input_shape(const char *path, int64_t *dims, int32_t max_dims, int32_t *rank, lcv_error *error);

// MARK: Video

typedef struct lcv_video lcv_video;

/// Opens a video held in memory (MP4/MOV H.264, WebM VP8/VP9) through FFmpeg.
/// The bytes go to an anonymous memory file (memfd): nothing is written to disk.
/// Container rotation is not applied by OpenCV (its auto-rotation turns phone videos the wrong
/// way in 4.6); each frame is rotated by the container's rotation tag here instead.
/// Frames whose longer side exceeds `max_side` are scaled down (INTER_AREA) to it.
lcv_status lcv_video_open(const uint8_t *bytes, size_t count, int32_t max_side, lcv_video **out, lcv_error *error);
void lcv_video_free(lcv_video *video);
/// Frames per second from the container (0 when unknown).
/// The pixels of the last frame lcv_video_next decoded, at its source size (before rotation and scaling).
int64_t lcv_video_last_frame_pixels(const lcv_video *video);
double lcv_video_fps(const lcv_video *video);
/// The presentation time of the last frame lcv_video_next decoded, in milliseconds from the stream's start
/// (FFmpeg's timestamp of the frame), or a negative value when unknown.
double lcv_video_last_frame_ms(const lcv_video *video);
/// The frame count the container declares (an estimate for WebM; 0 or less when unknown).
double lcv_video_declared_frames(const lcv_video *video);
/// The container's rotation tag in degrees (0, 90, 180, 270).
int32_t lcv_video_rotation(const lcv_video *video);
/// Decodes the next frame. At the end of the stream it returns LCV_OK with `*out` NULL; a frame that was read
/// but cannot be decoded or converted is LCV_DECODE_FAILED, never the end of the stream.
lcv_status lcv_video_next(lcv_video *video, lcv_image **out, lcv_error *error);

// MARK: Landmark models

/// A batch of square regions for a landmark network.
typedef struct lcv_roi_batch {
    /// The number of regions, 1...16.
    int32_t regions;
    /// One 2x3 affine map (row-major) per region, from crop pixels to image pixels.
    const double *transforms;
    /// One per region: non-zero mirrors the crop left-right before inference.
    const int32_t *flips;
    /// Each crop is `size` x `size`, sampled with INTER_LINEAR.
    int32_t size;
    /// Non-zero: BORDER_REPLICATE outside the image; zero: black.
    int32_t replicate;
    /// The outputs to copy, comma-separated.
    const char *output_names;
} lcv_roi_batch;

/// Where a network's outputs go: one after the other into `values`; `counts[i]` receives output i's size.
typedef struct lcv_outputs {
    float *values;
    int32_t capacity;
    int32_t *counts;
    int32_t max_outputs;
} lcv_outputs;

/// Runs a landmark network on the regions of `batch`, as one batch (the blob is RGB in [0,1]). Each output
/// holds all regions' values.
lcv_status lcv_run_roi(lcv_net *net, const lcv_image *image, const lcv_roi_batch *batch, lcv_outputs *outputs,
                       lcv_error *error);

// MARK: Face embedding

/// Cuts a `size` x `size` face chip: chip pixel (x, y) samples the image at `chip_to_image` (a 2x3
/// affine map, row-major) applied to (x, y), with INTER_LINEAR and a black border.
lcv_status lcv_face_chip(const lcv_image *image, const double *chip_to_image, int32_t size, lcv_image **out,
                         lcv_error *error);
/// Runs dlib's face-recognition ResNet (converted to ONNX) on a 150x150 chip: RGB planes,
/// (pixel - (122.782, 117.001, 104.298)) / 256, as dlib's input layer does. Copies the embedding
/// (128 floats) into `out` (room for `capacity`) and its length into `count`.
lcv_status lcv_face_embed(lcv_net *net, const lcv_image *chip, float *out, int32_t capacity, int32_t *count,
                          lcv_error *error);

/// Head pose by cv::solvePnP (iterative, from the guess in `rvec`/`tvec`, which it overwrites): `count` 3-D
/// `model` points (x, y, z triples) seen at `image` points (x, y pairs) by a pinhole camera of focal length
/// `focal` and centre (cx, cy), no distortion. `error_pixels` (may be NULL) gets the mean reprojection error.
lcv_status lcv_solve_pose(const double *model, const double *image, int32_t count, double focal, double cx, double cy,
                          double *rvec, double *tvec, double *error_pixels, lcv_error *error);

/// Delaunay triangles (index triples into `points`, x, y pairs inside width x height) into `triangles`
/// (room for `capacity` indices); their number into `triangle_count`. For the test-clip renderer.
lcv_status lcv_triangulate(const double *points, int32_t count, int32_t width, int32_t height, int32_t *triangles,
                           int32_t capacity, int32_t *triangle_count, lcv_error *error);
/// A copy of `source` with each triangle (in the given order, later ones on top) texture-warped from its
/// `from` points to its `to` points (x, y pairs).
lcv_status lcv_warp_triangles(const lcv_image *source, const double *from, const double *to, int32_t point_count,
                              const int32_t *triangles, int32_t triangle_count, lcv_image **out, lcv_error *error);
/// Fills the polygon (x, y pairs) with the colour 0xRRGGBB, anti-aliased.
lcv_status lcv_image_fill_polygon(lcv_image *image, const double *points, int32_t count, uint32_t rgb,
                                  lcv_error *error);
/// Blends the colour 0xRRGGBB into the polygon (x, y pairs; the whole image when `count` is 0) with weight
/// `alpha` (0-1): a screen's coloured light on a face, for the light check's tests.
lcv_status lcv_image_tint(lcv_image *image, const double *points, int32_t count, uint32_t rgb, double alpha,
                          lcv_error *error);
/// The mean blue, green and red levels of the rectangle, clamped to the image (`bgr`: 3 values); an empty
/// rectangle is an error.
lcv_status lcv_image_region_mean(const lcv_image *image, int32_t x, int32_t y, int32_t width, int32_t height,
                                 double *bgr, lcv_error *error);
/// Adds Gaussian noise of `sigma` levels, from OpenCV's generator seeded with `seed` (deterministic).
lcv_status lcv_image_add_noise(lcv_image *image, uint64_t seed, double sigma, lcv_error *error);
/// A 64-bit difference hash: the image in grey, shrunk to 9x8 by area, one bit per horizontal neighbour pair
/// (left darker than right). Survives re-encoding and rescaling; a replayed clip's fingerprint.
lcv_status lcv_image_dhash(const lcv_image *image, uint64_t *hash, lcv_error *error);
/// The image as I420 planes (Y, then U and V at half size): width x height x 3/2 bytes; even sides only.
lcv_status lcv_image_i420(const lcv_image *image, uint8_t *out, size_t capacity, lcv_error *error);

#ifdef __cplusplus
}
#endif

#endif
