# The liveness service as a container image.
#
#   docker build -t liveness .
#   docker run -p 8000:8000 -e API_KEY=change-me -v liveness-data:/var/lib/liveness liveness
#
# Stages: the models (fetched and sha256-verified at build time), OpenVINO's C SDK (the pinned PyPI wheel,
# sha256-checked; only libopenvino, its C API, the CPU plugin and the ONNX frontend), the release binary
# (built from source, or prebuilt by the same script; the Swift runtime linked in statically; OpenCV trimmed
# to the five modules it uses: core, imgproc, imgcodecs, dnn, videoio), the shared libraries that binary
# loads, and a bookworm-slim runtime with only those.
#
# Build arguments:
#   OPTIONAL_MODELS  non-empty: also put the optional classifiers into /opt/liveness/models/optional
#                  (still off until EXTRA_MODELS names them; licence caveats in docs/models.md)
#   MODEL_MIRROR   fetch the models from this base URL (serving them by name) instead of their public
#                  upstream; the sha256 checks are the same.
#   OPENVINO_MIRROR  fetch the pinned OpenVINO wheel from this base URL (serving it by name) instead of
#                  PyPI; the sha256 check is the same.
#   BINARY         source (default): compile the service in the Swift image (stage 3a);
#                  prebuilt: ship prebuilt/liveness from the build context (stage 3b), made by
#                  scripts/build-release on Debian 12 after scripts/setup (CI does this: the image it tests
#                  holds the binary its tests ran). Skipping the Swift image needs BuildKit; the classic
#                  builder builds every stage.
#   SWIFT_IMAGE    the builder image of stage 3a (default: the official Swift image for bookworm).
#   RUNTIME_IMAGE  the runtime base (default: debian:bookworm-slim).
ARG SWIFT_IMAGE=swift:6.3.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim
ARG BINARY=source

# 1. Models. Without a mirror the MediaPipe blink models are converted from the mediapipe wheel on PyPI
#    (scripts/convert-mediapipe-models), hence python3-venv, and dlib's face-recognition model is converted
#    from PyPI's face_recognition_models (scripts/convert-dlib-face-model), hence g++ and libdlib-dev, and the
#    detector is converted to ONNX for OpenVINO (scripts/convert-retinaface), hence python3-opencv.
FROM ${RUNTIME_IMAGE} AS models
ARG MODEL_MIRROR=
ARG OPTIONAL_MODELS=
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl python3 python3-venv \
      $([ -n "${MODEL_MIRROR}" ] || echo g++ libdlib-dev python3-opencv) \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY scripts/fetch-models scripts/convert-mediapipe-models scripts/convert-dlib-face-model scripts/convert-retinaface scripts/
COPY scripts/dlib/ scripts/dlib/
COPY scripts/retinaface/ scripts/retinaface/
COPY model-manifests/ model-manifests/
RUN MODEL_MIRROR="${MODEL_MIRROR}" SHARED_MODELS_DIR=/nonexistent MODEL_DIR=/models scripts/fetch-models \
 && if [ -n "${OPTIONAL_MODELS}" ]; then \
      MODEL_MIRROR="${MODEL_MIRROR}" SHARED_MODELS_DIR=/nonexistent MODEL_DIR=/models scripts/fetch-models --optional; fi

# 2. OpenVINO's C SDK from the pinned wheel on PyPI (scripts/fetch-openvino), unpacked into /opt/openvino.
FROM ${RUNTIME_IMAGE} AS openvino
ARG OPENVINO_MIRROR=
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl python3 python3-pip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pkgconfig/liveness-openvino.pc pkgconfig/
COPY scripts/fetch-openvino scripts/
RUN OPENVINO_MIRROR="${OPENVINO_MIRROR}" OPENVINO_DIR=/opt/openvino scripts/fetch-openvino

# 3a. From source: the release build (scripts/build-release) against Debian's OpenCV 4.6, through the
#     project's trimmed pkg-config file, and OpenVINO (OPENVINO_DIR sets the binary's rpath to /opt/openvino/lib).
FROM ${SWIFT_IMAGE} AS source
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends pkg-config \
      libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libopencv-dnn-dev libopencv-videoio-dev libopencv-calib3d-dev \
      libturbojpeg0-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pkgconfig/ pkgconfig/
COPY scripts/install-pkgconfig scripts/build-release scripts/
RUN scripts/install-pkgconfig
COPY --from=openvino /opt/openvino /opt/openvino
RUN install -D -m 644 /opt/openvino/liveness-openvino.pc /usr/local/lib/pkgconfig/liveness-openvino.pc
ENV OPENVINO_DIR=/opt/openvino
COPY Package.swift ./
COPY Plugins/ Plugins/
# Sources/ includes Swagger UI's files, which scripts/setup (scripts/fetch-swagger-ui) put into
# Sources/LivenessServer/SwaggerUI/ from the pinned PyPI wheel; without them the build names that script.
COPY Sources/ Sources/
COPY Tests/ Tests/
RUN scripts/build-release /out/liveness

# 3b. Prebuilt: prebuilt/liveness from the build context, as scripts/build-release made it.
FROM ${RUNTIME_IMAGE} AS prebuilt
COPY prebuilt/ /out/

# 3. The binary the image ships: stage 3a or 3b, as BINARY says.
FROM ${BINARY} AS binary
RUN test -x /out/liveness \
 || { echo "BINARY=prebuilt needs prebuilt/liveness: run scripts/build-release first" >&2; exit 1; }

# 4. The shared libraries the binary loads: Debian's OpenCV runtime packages and TurboJPEG are installed here, and
#    only the ldd closure of the binary (less what the base image already has, and OpenVINO's, which stay in
#    /opt/openvino/lib) is kept. The packages' other files (data, docs, Mesa/LLVM pulled in by recommends of
#    recommends) never reach the image. OpenVINO's CPU plugin shares Debian's libtbb12 with OpenCV.
FROM ${RUNTIME_IMAGE} AS libraries
RUN find /usr/lib -type f -name '*.so*' | sort > /base-libraries.txt \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libopencv-core406 libopencv-imgproc406 libopencv-imgcodecs406 libopencv-dnn406 libopencv-videoio406 libopencv-calib3d406 \
      libturbojpeg0
COPY --from=binary /out/liveness /usr/local/bin/liveness
COPY --from=openvino /opt/openvino/lib /opt/openvino/lib
RUN mkdir -p /out/usr/local/lib/liveness \
 && ldd /usr/local/bin/liveness /opt/openvino/lib/libopenvino_intel_cpu_plugin.so \
      | awk '/=> \// && $3 !~ /^\/opt\/openvino\// { print $1, $3 }' | sort -u | while read -r soname path; do \
      grep -qxF "$(readlink -f "$path")" /base-libraries.txt || cp -L "$path" "/out/usr/local/lib/liveness/$soname"; \
    done \
 && mkdir -p /out/etc/ld.so.conf.d && echo /usr/local/lib/liveness > /out/etc/ld.so.conf.d/liveness.conf \
 && ! ldd /usr/local/bin/liveness | grep 'not found'

# 5. Runtime: non-root, data in a volume, health from the binary itself (no curl in the image).
FROM ${RUNTIME_IMAGE}
COPY --from=libraries /out/ /
COPY --from=openvino /opt/openvino/lib /opt/openvino/lib
COPY --from=openvino /opt/openvino/licenses /usr/share/doc/openvino
COPY --from=models /models /opt/liveness/models
COPY --from=binary /out/liveness /usr/local/bin/liveness
RUN ldconfig \
 && ! ldd /usr/local/bin/liveness | grep 'not found' \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/liveness --create-home --shell /usr/sbin/nologin liveness
ENV HOST=0.0.0.0 \
    PORT=8000 \
    MODEL_DIR=/opt/liveness/models \
    DATA_DIR=/var/lib/liveness \
    OPENCV_IO_MAX_IMAGE_PIXELS=40000000 \
    OPENCV_IO_MAX_IMAGE_WIDTH=10000 \
    OPENCV_IO_MAX_IMAGE_HEIGHT=10000
USER liveness
WORKDIR /var/lib/liveness
VOLUME ["/var/lib/liveness"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["liveness", "healthcheck"]
ENTRYPOINT ["liveness"]
CMD ["serve"]
