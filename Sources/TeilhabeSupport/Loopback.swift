import Foundation

/// A TCP connection to 127.0.0.1 – the only host the preview, the audit and their tests talk to.
package enum Loopback {
    /// A connected socket, or nil; `zeitlimit` seconds for each read and write; `receiveBuffer` sets the
    /// receive buffer before connecting (tests use a tiny one to stand for a client that does not read).
    package static func openConnection(port: UInt16, timeout: Int? = nil, receiveBuffer: Int32? = nil) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        if var byteSize = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &byteSize, socklen_t(MemoryLayout<Int32>.size))
        }
        if let timeout {
            var deadline = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &deadline, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &deadline, socklen_t(MemoryLayout<timeval>.size))
        }
        var adresse = sockaddr_in()
        adresse.sin_family = sa_family_t(AF_INET)
        adresse.sin_port = port.bigEndian
        adresse.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        return fd
    }
}
