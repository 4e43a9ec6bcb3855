import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Runs every content check over a loaded project. Checks only read the model and report;
/// they never change it, and all of them run so that one run lists every problem.
public enum Checker {
    public static func check(_ projekt: Projekt, vorrat: BuildCache = .keiner, log: DiagnosticLog) {
        let g = Outlines(projekt, vorrat: vorrat)
        // The checks only read the project; the log is shared and sorts its findings, so they run side by side.
        let pruefungen: [@Sendable () -> Void] = [
            { Timing.messen("check: identity") { IdentityCheck.run(projekt, log: log) } },
            { Timing.messen("check: references") { ReferenceCheck.run(projekt, log: log) } },
            { Timing.messen("check: papers") { VorlageCheck.run(projekt, g, log: log) } },
            { Timing.messen("check: twins") { TwinCheck.run(projekt, log: log) } },
            { Timing.messen("check: attachments") { AnlagenCheck.run(projekt, log: log) } },
            { Timing.messen("check: links") { BodyLinkCheck.run(projekt, g, log: log) } },
            { Timing.messen("check: indicators") { IndikatorCheck.run(projekt, g, log: log) } },
            { Timing.messen("check: plan") { InklusionsplanCheck.run(projekt, log: log) } },
            { Timing.messen("check: content") { ContentCheck.run(projekt, g, log: log) } },
            { Timing.messen("check: OParl ids") { OParlIdCheck.run(projekt, log: log) } },
            { Timing.messen("check: agendas") { ConsultationCheck.run(projekt, log: log) } },
            { Timing.messen("check: drafts") { DraftCheck.run(projekt, g, vorrat: vorrat, log: log) } },
        ]
        _ = Parallel.map(pruefungen.count) { pruefungen[$0]() }
        // A site.yaml with errors was reported; its stand-in has no basis_url to miss.
        if projekt.site.basisURL == nil, !projekt.filesWithErrors.contains("site.yaml") {
            log.warning("BASIS-URL", .noBasisURL,
                        at: projekt.site.location)
        }
    }
}

extension MarkdownQuelle {
    /// A body line (1-based within the body) as a location in its file.
    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + max(line, 1) - 1, column: column)
    }
}
