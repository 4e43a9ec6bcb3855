import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Runs every content check over a loaded project. Checks only read the model and report;
/// they never change it, and all of them run so that one run lists every problem.
public enum Checker {
    public static func check(_ project: Projekt, buildCache: BuildCache = .disabled, log: DiagnosticLog) {
        let g = Outlines(project, buildCache: buildCache)
        // The checks only read the project; the log is shared and sorts its findings, so they run side by side.
        let checks: [@Sendable () -> Void] = [
            { Timing.measure("check: identity") { IdentityCheck.run(project, log: log) } },
            { Timing.measure("check: references") { ReferenceCheck.run(project, log: log) } },
            { Timing.measure("check: papers") { VorlageCheck.run(project, g, log: log) } },
            { Timing.measure("check: twins") { TwinCheck.run(project, log: log) } },
            { Timing.measure("check: attachments") { AnlagenCheck.run(project, log: log) } },
            { Timing.measure("check: links") { BodyLinkCheck.run(project, g, log: log) } },
            { Timing.measure("check: indicators") { IndikatorCheck.run(project, g, log: log) } },
            { Timing.measure("check: plan") { InklusionsplanCheck.run(project, log: log) } },
            { Timing.measure("check: content") { ContentCheck.run(project, g, log: log) } },
            { Timing.measure("check: OParl ids") { OParlIdCheck.run(project, log: log) } },
            { Timing.measure("check: agendas") { ConsultationCheck.run(project, log: log) } },
            { Timing.measure("check: drafts") { DraftCheck.run(project, g, buildCache: buildCache, log: log) } },
            { EasyFieldsCheck.run(project, log: log) },
            { Timing.measure("check: areas") { SozialraumCheck.run(project, log: log) } },
            { Timing.measure("check: offers, network, surveys") { NetzwerkCheck.run(project, log: log); AngebotCheck.run(project, log: log) } },
        ]
        _ = Parallel.map(checks.count) { checks[$0]() }
        // A site.yaml with errors was reported; its stand-in has no basis_url to miss.
        if project.site.basisURL == nil, !project.filesWithErrors.contains("site.yaml") {
            log.warning("BASIS-URL", .noBasisURL,
                        at: project.site.location)
        }
    }
}

extension MarkdownSource {
    /// A body line (1-based within the body) as a location in its file.
    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + max(line, 1) - 1, column: column)
    }
}
