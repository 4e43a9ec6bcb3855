import CSystem

/// Memory a finished build stage freed goes back to the system before the next one starts. glibc
/// keeps freed blocks in per-thread arenas; at 20,000 pages that was tens of MB of peak RSS that
/// no data held any more. Small (incremental) builds free little and skip the walk over the arenas.
package enum MemoryRelease {
    package static func handBack() {
        _ = teilhabe_release_memory(16 << 20)
    }
}
