import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Every public Vorlage and Bericht needs its Leichte-Sprache twin: an error under
/// `leichte_sprache.pflicht: true`, a warning otherwise.
enum TwinCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        let severity: Severity = project.site.leichteSprache.pflicht ? .error : .warning
        var missing: [(String, SourceLocation)] = []
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices where vorlagen[i].status == .oeffentlich && vorlagen[i].leicht == nil {
            missing.append((vorlagen[i].pfad, vorlagen[i].location))
        }
        for bericht in project.berichte where bericht.status == .oeffentlich && bericht.leicht == nil {
            missing.append((bericht.pfad, bericht.location))
        }
        // A twin that exists but did not load was reported at its own place.
        for (path, location) in missing where !project.filesWithErrors.contains(path + ".leicht.md") {
            log.report(Diagnostic(severity, "LS-FEHLT",
                                  .noEasyVersion(path),
                                  at: location))
        }
    }
}
