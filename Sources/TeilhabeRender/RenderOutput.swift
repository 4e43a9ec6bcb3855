import TeilhabeSupport

/// Where the render streams its files as they are made: the build's output folder writer. The
/// render only knows this much of it, so that writing stays a stage of its own.
package protocol PageSink: AnyObject, Sendable {
    func schreiben(_ datei: OutputFile)
    /// Keeps a file the last build wrote, unchanged.
    func behalten(_ pfad: String)
    /// Keeps the last build's group of files without a page's body as a whole.
    func gruppeBehalten(dateien: Int, seiten: Int)
}

/// Which output file the last build made from which inputs (the build's output manifest): what the
/// render may skip.
package protocol OutputPlan: AnyObject, Sendable {
    func unveraendert(_ pfad: String, _ schluessel: Fingerprint?) -> Bool
    func mitglied(_ pfad: String, gruppe: Fingerprint)
    func gruppe(_ schluessel: Fingerprint) -> (dateien: Int, seiten: Int)?
    func groesse(_ pfad: String) -> Int?
}
