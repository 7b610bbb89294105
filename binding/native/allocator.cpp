// CPU tensor memory that is kept for reuse instead of being given back on every free.
//
// libtorch's own CPU allocator takes each tensor's memory from malloc and returns it on free. glibc
// serves large blocks with fresh pages (mmap, or heap it trims back to the system), so every training
// step faults its activations' pages in anew, and the kernel zeroes each page first. On a virtual
// machine that cost more than the arithmetic: chapter 03's model A spent two thirds of a step on it.
// A training loop allocates the same sizes step after step, so blocks freed by one step are kept,
// by size, for the next; small blocks (glibc reuses those well) go straight to malloc.
#include "shim.h"
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace {

// Each block starts with a header that records its size, so the deleter needs only the data pointer:
// oneDNN frees through raw_deleter(), which gets nothing else.
class CachingCpuAllocator final : public c10::Allocator {
public:
    explicit CachingCpuAllocator(size_t limit) : limit_(limit) {}

    c10::DataPtr allocate(size_t bytes) const override {
        const size_t size = bytes < kSmallest ? bytes + kHeader : (bytes + kHeader + kPage - 1) / kPage * kPage;
        char* block = size < kSmallest ? nullptr : static_cast<char*>(take(size));
        if (block == nullptr) block = static_cast<char*>(c10::alloc_cpu(size));
        *reinterpret_cast<size_t*>(block) = size;
        void* data = block + kHeader;
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

    c10::DeleterFnPtr raw_deleter() const override { return &release; }

    // Gives every kept block back to the system.
    void clear() const {
        std::vector<void*> blocks;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (auto& [size, list] : free_) blocks.insert(blocks.end(), list.begin(), list.end());
            free_.clear();
            kept_ = 0;
        }
        for (void* block : blocks) c10::free_cpu(block);
    }

    size_t kept() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return kept_;
    }

    static void release(void* data);

private:
    static constexpr size_t kSmallest = 64 * 1024;
    static constexpr size_t kPage = 4096;
    static constexpr size_t kHeader = 64;   // keeps the data at c10's 64-byte alignment

    void* take(size_t size) const {
        std::lock_guard<std::mutex> lock(mutex_);
        auto found = free_.find(size);
        if (found == free_.end() || found->second.empty()) return nullptr;
        void* block = found->second.back();
        found->second.pop_back();
        kept_ -= size;
        return block;
    }

    void give_back(void* block, size_t size) const {
        if (size >= kSmallest) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (kept_ + size <= limit_) {
                free_[size].push_back(block);
                kept_ += size;
                return;
            }
        }
        c10::free_cpu(block);
    }

    const size_t limit_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<size_t, std::vector<void*>> free_;
    mutable size_t kept_ = 0;
};

// Never destroyed: tensors freed while the process exits still find it.
CachingCpuAllocator* installed = nullptr;

void CachingCpuAllocator::release(void* data) {
    if (data == nullptr) return;
    char* block = static_cast<char*>(data) - kHeader;
    installed->give_back(block, *reinterpret_cast<size_t*>(block));
}

}  // namespace

// Makes CPU tensors created from now on take their memory from a cache that keeps up to `limit_bytes`
// of freed blocks. Tensors created before keep libtorch's allocator. Called once, when the binding loads.
TS_EXPORT int32_t ts_keep_freed_memory(int64_t limit_bytes) {
    try {
        TORCH_CHECK(limit_bytes >= 0, "keep_freed_memory: limit_bytes must be at least 0, got ", limit_bytes);
        TORCH_CHECK(installed == nullptr, "keep_freed_memory: already installed");
        installed = new CachingCpuAllocator(static_cast<size_t>(limit_bytes));
        c10::SetCPUAllocator(installed, /*priority=*/1);
        return 0;
    }
    TS_CATCH(-1)
}

// Bytes of freed CPU memory kept for reuse (0 when the cache is not installed).
TS_EXPORT int64_t ts_kept_memory() {
    return installed == nullptr ? 0 : static_cast<int64_t>(installed->kept());
}

// Gives the kept memory back to the system.
TS_EXPORT int32_t ts_release_kept_memory() {
    try {
        if (installed != nullptr) installed->clear();
        return 0;
    }
    TS_CATCH(-1)
}
