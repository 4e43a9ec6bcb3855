import Foundation

/// Plain POSIX file writing. Foundation's writers sync every file to disk, which makes a build
/// of thousands of files slow and is not needed for files that the next build can make again.
package enum PosixFile {
    /// Writes `bytes` to `pfad` in place; returns errno on failure, 0 on success. `neu`: only if no
    /// file is there yet (EEXIST otherwise, and nothing is written).
    package static func direct<Bytes: ContiguousBytes>(_ path: String, _ bytes: Bytes, new: Bool = false) -> Int32 {
        // Never through a link: a link planted where a file goes must not redirect the write.
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (new ? O_EXCL : O_TRUNC), 0o644)
        guard fd >= 0 else { return errno }
        var code: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { code = n < 0 ? errno : EIO; break }
                offset += n
            }
        }
        close(fd)
        if code != 0 { unlink(path) }
        return code
    }

    /// Makes a folder and the folders it lies in (`mkdir -p`); true when it exists afterwards,
    /// also when another thread made it first.
    @discardableResult
    package static func createFolder(_ path: String) -> Bool {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        let parents = Paths.parent(path)
        guard !parents.isEmpty, parents != path, createFolder(parents) else { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    /// Writes through `<pfad>.teilhabe-tmp` and a rename, so the file is never seen half-written.
    @discardableResult
    package static func writeFile<Bytes: ContiguousBytes>(_ path: String, _ bytes: Bytes) -> Int32 {
        let temp = path + ".teilhabe-tmp"
        let code = direct(temp, bytes)
        guard code == 0 else { return code }
        guard rename(temp, path) == 0 else { let e = errno; unlink(temp); return e }
        return 0
    }

    /// A whole file as bytes, with one open, fstat and read straight into the array (Foundation's
    /// Data(contentsOf:) costs several times more per file, which counts when a build reads thousands,
    /// and the cache's tables are megabytes). Nil when it is missing, no regular file or unreadable.
    package static func bytes(_ path: String) -> [UInt8]? { bytes(path, follow: true) }

    /// `folgen` false: a link is not followed (nil), as for the old files of the output folder.
    package static func bytes(_ path: String, follow: Bool) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let byteSize = Int(info.st_size)
        var errors = false
        let bytes = [UInt8](unsafeUninitializedCapacity: byteSize) { chunk, count in
            while count < byteSize {
                let n = read(fd, chunk.baseAddress! + count, byteSize - count)
                if n <= 0 { errors = n < 0; break }   // 0: the file shrank while we read it
                count += n
            }
        }
        return errors ? nil : bytes
    }

    /// The same as `Data`, for the file access of the loaders.
    package static func readFile(_ path: String) throws -> Data {
        guard let bytes = bytes(path) else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        return Data(bytes)
    }

    package enum Art { case filePath, folderPath, reference, other }

    /// A folder's entries (without `.` and `..`) and their kind, from readdir alone: the kind comes
    /// with the name, so no entry needs a stat (only on file systems that do not say). Nil when
    /// the folder cannot be opened.
    package static func entries(_ folderPath: String) -> [(name: String, art: Art)]? {
        guard let dir = opendir(folderPath) else { return nil }
        defer { closedir(dir) }
        var resultValue: [(name: String, art: Art)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(folderPath + "/" + name, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFREG: type = UInt8(DT_REG)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    default: break
                    }
                }
            }
            let art: Art = type == UInt8(DT_DIR) ? .folderPath : type == UInt8(DT_REG) ? .filePath : type == UInt8(DT_LNK) ? .reference : .other
            resultValue.append((name, art))
        }
        return resultValue
    }

    /// Every regular file below a folder (relative paths, sorted). A symbolic link counts when it
    /// points to a file; linked folders are not entered.
    package static func allFiles(_ folderPath: String) -> [String] {
        var fileList: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? folderPath : folderPath + "/" + relative
            for (name, art) in entries(full) ?? [] {
                let kind = relative.isEmpty ? name : relative + "/" + name
                switch art {
                case .filePath: fileList.append(kind)
                case .folderPath: walk(kind)
                case .reference:
                    var info = stat()
                    if stat(folderPath + "/" + kind, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { fileList.append(kind) }
                case .other: break
                }
            }
        }
        walk("")
        return fileList.sorted()
    }
}
