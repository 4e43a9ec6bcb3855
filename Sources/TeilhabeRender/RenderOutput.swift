import TeilhabeSupport

/// Where the render streams its files as they are made: the build's output folder writer. The
/// render only knows this much of it, so that writing stays a stage of its own.
package protocol PageSink: AnyObject, Sendable {
    func writeFile(_ filePath: OutputFile)
    /// Keeps a file the last build wrote, unchanged.
    func keep(_ path: String)
    /// Keeps the last build's group of files without a page's body as a whole.
    func keepGroup(fileList: Int, auditedPages: Int)
}

/// Which output file the last build made from which inputs (the build's output manifest): what the
/// render may skip.
package protocol OutputPlan: AnyObject, Sendable {
    func unchanged(_ path: String, _ cacheKey: Fingerprint?) -> Bool
    func addMember(_ path: String, groupName: Fingerprint)
    func groupName(_ cacheKey: Fingerprint) -> (fileList: Int, auditedPages: Int)?
    func byteSize(_ path: String) -> Int?
}
