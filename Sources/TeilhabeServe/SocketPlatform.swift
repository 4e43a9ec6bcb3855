import Foundation

// The Linux spellings of the constants the preview server's sockets and limits use, in one place.
// Teilhabe builds on Linux only (Teilhabe.swift stops the build elsewhere): the other branch is where
// a port would start and is not compiled here.
#if os(Linux)
/// A stream socket that is close-on-exec and non-blocking from its first moment, so that a browser
/// the audit starts at the same time cannot inherit it.
let listeningSocketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
/// send() that never raises SIGPIPE and never waits.
let sendNowFlags = Int32(MSG_NOSIGNAL | MSG_DONTWAIT)
let fileLimitResource = Int32(RLIMIT_NOFILE.rawValue)
#else
let listeningSocketType = SOCK_STREAM   // close-on-exec and non-blocking follow by fcntl
let sendNowFlags = MSG_DONTWAIT         // SIGPIPE is ignored for the whole process (Server.starten)
let fileLimitResource = RLIMIT_NOFILE
#endif

/// send() under a name of its own: inside a type that has a `send` method the plain name means that.
func socketSend(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ flags: Int32) -> Int {
    #if os(Linux)
    Glibc.send(fd, bytes.baseAddress, bytes.count, flags)
    #else
    Darwin.send(fd, bytes.baseAddress, bytes.count, flags)
    #endif
}
