// The decoder's second guard: a default cv::Mat allocator that refuses any single buffer over a limit.
//
// The header guard in Swift refuses oversized images before decoding. If it ever disagreed with a decoder
// again (as a JPEG parsing desync once did), the decoder would allocate what the file declares. OpenCV's own
// limits (OPENCV_IO_MAX_IMAGE_PIXELS and friends) are read when libopencv_imgcodecs loads, before any code of
// ours runs, so they cannot be set from inside the process; this allocator can.
#include "Guard.hpp"

#include <atomic>

#include <malloc.h>

namespace {

class CappedAllocator final : public cv::MatAllocator {
public:
    std::atomic<size_t> limit{0};

    cv::UMatData *allocate(int dims, const int *sizes, int type, void *data, size_t *step, cv::AccessFlag flags,
                           cv::UMatUsageFlags usage) const override {
        const size_t cap = limit.load(std::memory_order_relaxed);
        if (data == nullptr && cap > 0) {
            size_t total = CV_ELEM_SIZE(type);
            for (int index = 0; index < dims; ++index) {
                const size_t extent = static_cast<size_t>(sizes[index]);
                if (extent != 0 && total > cap / extent) CV_Error(cv::Error::StsNoMem, "image buffer over the decoder limit");
                total *= extent;
            }
            if (total > cap) CV_Error(cv::Error::StsNoMem, "image buffer over the decoder limit");
        }
        return cv::Mat::getStdAllocator()->allocate(dims, sizes, type, data, step, flags, usage);
    }

    bool allocate(cv::UMatData *data, cv::AccessFlag flags, cv::UMatUsageFlags usage) const override {
        return cv::Mat::getStdAllocator()->allocate(data, flags, usage);
    }

    void deallocate(cv::UMatData *data) const override { cv::Mat::getStdAllocator()->deallocate(data); }
};

CappedAllocator &cappedAllocator() {
    // Never destroyed: Mats may outlive static destruction at exit.
    static CappedAllocator *allocator = new CappedAllocator();
    return *allocator;
}

}  // namespace

extern "C" void lcv_set_max_buffer_bytes(size_t max_bytes) {
    try {
        lcv::configureOnce();
        CappedAllocator &allocator = cappedAllocator();
        allocator.limit.store(max_bytes, std::memory_order_relaxed);
        cv::Mat::setDefaultAllocator(&allocator);
    } catch (...) {
        // Leaves OpenCV's own allocator in place; the header guard still applies.
    }
}

extern "C" void lcv_release_free_memory(void) { (void)malloc_trim(0); }
