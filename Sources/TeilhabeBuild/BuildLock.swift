import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// One build at a time per cache and output folder. Two builds writing one folder at once (say a
/// committee build and a public one) mixed their files and their plans, and a later public build
/// kept non-public pages it believed unchanged. The lock is an exclusive `flock` on
/// `.teilhabe-cache/build.lock` and on the output folder itself (when it exists): the kernel lets
/// go of it when the process ends in any way, so a killed build never leaves a stale lock.
final class BuildLock {
    private var descriptors: [Int32] = []

    /// Takes the locks, waiting for a build that holds them; `waiting` is told once when it must wait.
    init(cache: String, output: String, waiting: (String) -> Void) throws {
        _ = PosixFile.createFolder(cache)
        var info = stat()
        let outputIsFolder = stat(output, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        let targets = [(Paths.join(cache, "build.lock"), O_RDWR | O_CREAT)] + (outputIsFolder ? [(output, O_RDONLY | O_DIRECTORY)] : [])
        for (path, flags) in targets {
            let fd = open(path, flags | O_CLOEXEC, 0o644)
            guard fd >= 0 else { release(); throw OutputFolder.Failure.writeFile(path, errno) }
            descriptors.append(fd)
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                waiting(output)
                while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            }
        }
    }

    func release() {
        for fd in descriptors { flock(fd, LOCK_UN); close(fd) }
        descriptors = []
    }

    deinit { release() }
}
