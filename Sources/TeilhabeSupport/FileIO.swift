import Foundation

/// File access as a struct of closures, so that loading can be tested without a disk.
public struct FileIO: Sendable {
    /// Bytes of a file, by path.
    public var read: @Sendable (String) throws -> Data
    /// Every regular file below a folder, as paths relative to it, sorted; empty when the folder is absent.
    public var listFiles: @Sendable (String) -> [String]
    public var fileExists: @Sendable (String) -> Bool
    public var isDirectory: @Sendable (String) -> Bool
    /// The fingerprint of a file's bytes (a cache may answer it without reading the file), with the
    /// bytes where they had to be read for it, so that a caller need not read them again.
    public var fingerprintWithData: @Sendable (String) throws -> (Fingerprint, Data?)
    /// A file's size in bytes.
    public var byteSize: @Sendable (String) -> Int?

    public init(read: @escaping @Sendable (String) throws -> Data,
                listFiles: @escaping @Sendable (String) -> [String],
                fileExists: @escaping @Sendable (String) -> Bool,
                isDirectory: @escaping @Sendable (String) -> Bool) {
        self.read = read
        self.listFiles = listFiles
        self.fileExists = fileExists
        self.isDirectory = isDirectory
        fingerprintWithData = { let payload = try read($0); return (.of(payload), payload) }
        byteSize = { (try? read($0))?.count }
    }

    /// The fingerprint of a file's bytes (a cache may answer it without reading the file).
    public func inputFingerprint(_ filePath: String) throws -> Fingerprint { try fingerprintWithData(filePath).0 }

    /// Access to one file, which reads as `daten`; every other access goes to `sonst` and calls `foreign`.
    package static func single(_ filePath: String, _ payload: Data, otherwise: FileIO, foreign: @escaping @Sendable () -> Void) -> FileIO {
        FileIO(read: { if $0 == filePath { return payload }; foreign(); return try otherwise.read($0) },
               listFiles: { foreign(); return otherwise.listFiles($0) },
               fileExists: { if $0 == filePath { return true }; foreign(); return otherwise.fileExists($0) },
               isDirectory: { if $0 == filePath { return false }; foreign(); return otherwise.isDirectory($0) })
    }

    public static let disk: FileIO = {
        var io = FileIO(
            read: { path in try PosixFile.readFile(path) },
            listFiles: { folder in PosixFile.allFiles(folder) },
            fileExists: { FileManager.default.fileExists(atPath: $0) },
            isDirectory: { path in
                var isDir: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
            }
        )
        io.byteSize = { path in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        }
        return io
    }()

    /// An in-memory tree: paths to bytes.
    public static func memory(_ files: [String: Data]) -> FileIO {
        FileIO(
            read: { path in
                guard let data = files[Paths.normalize(path)] else { throw CocoaError(.fileNoSuchFile) }
                return data
            },
            listFiles: { folder in
                let prefix = Paths.normalize(folder) + "/"
                return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            },
            fileExists: { files[Paths.normalize($0)] != nil },
            isDirectory: { path in
                let prefix = Paths.normalize(path) + "/"
                return files.keys.contains { $0.hasPrefix(prefix) }
            }
        )
    }
}

package enum Paths {
    /// Joins path parts with single slashes; "." as a first part is dropped.
    package static func join(_ parts: String...) -> String {
        var result = ""
        for part in parts where !part.isEmpty && part != "." {
            if result.isEmpty { result = part; continue }
            result = (result.hasSuffix("/") ? String(result.dropLast()) : result) + "/"
                + (part.hasPrefix("/") ? String(part.dropFirst()) : part)
        }
        return result.isEmpty ? "." : result
    }

    /// The folder a path lies in ("" for a bare name, "/" for one in the root), as NSString's
    /// deletingLastPathComponent – which traps on a one-character path ("x", ".") in this toolchain's
    /// Foundation (swift-corelibs-foundation, Swift 6.3.1; a file "x" in the output folder crashed a build).
    package static func parent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// The last part of a path, as NSString's lastPathComponent (which traps on one character here, too).
    package static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard p != "/", let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    /// Removes "./", doubled and trailing slashes.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/").filter { $0 != "." }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// Whether `resolve` would give the path back unchanged (and it is not empty): no empty, "." or
    /// ".." part. Checked on bytes, as for every output file.
    package static func isResolved(_ path: String) -> Bool {
        var segment = 0, points = 0, empty = true
        for byte in path.utf8 {
            if byte == 0x2F {
                if segment == 0 || segment == points && points <= 2 { return false }
                segment = 0; points = 0
            } else {
                segment += 1; empty = false
                if byte == 0x2E { points += 1 }
            }
        }
        return !empty && segment > 0 && !(segment == points && points <= 2)
    }

    /// Resolves "." and ".." in a relative path; nil when it climbs above its root.
    package static func resolve(_ path: String) -> String? {
        var stack: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if stack.isEmpty { return nil }
                stack.removeLast()
            } else {
                stack.append(part)
            }
        }
        return stack.joined(separator: "/")
    }
}
