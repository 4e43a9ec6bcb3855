#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A mutex that spins a little before it sleeps (glibc's adaptive kind), for the short critical
/// sections that the loader's and renderer's threads take per file. With NSLock (a plain mutex) two
/// threads meeting on one went to sleep in the kernel and were woken again each time: futex waits,
/// wakes and task switches were about 4 % of an edit build's CPU.
package final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    package init() {
        var art = pthread_mutexattr_t()
        pthread_mutexattr_init(&art)
        #if os(Linux)
        pthread_mutexattr_settype(&art, 3)  // PTHREAD_MUTEX_ADAPTIVE_NP (a GNU extension Swift does not import)
        #endif
        pthread_mutex_init(mutex, &art)
        pthread_mutexattr_destroy(&art)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }
    package func unlock() { pthread_mutex_unlock(mutex) }
}
