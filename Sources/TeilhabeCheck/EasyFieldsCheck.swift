import TeilhabeSupport
import TeilhabeModel
/// Easy pages name indicators and committees in Leichte Sprache. Where `titel_leicht` or `name_leicht`
/// is missing, the page shows a plain stand-in, never the standard text; this check says so. A missing
/// indicator title is an error where `leichte_sprache.pflicht` asks for easy versions ("Zahlen" says too
/// little), else a warning. A missing committee name is always a warning: committees come from the council
/// information system, which has no easy names, and the stand-in ("Ein Ausschuss") is easy and true.
enum EasyFieldsCheck {
    static let rule = "LEICHT-FEHLT"

    static func run(_ project: Projekt, log: DiagnosticLog) {
        let severity: Severity = project.site.leichteSprache.pflicht ? .error : .warning
        for i in project.indikatoren where !i.easyTitleGiven {
            log.report(Diagnostic(severity, rule, .indicatorEasyTitleMissing(i.titel, shown: Indikator.easyTitleFallback), at: i.location))
        }
        for g in project.gremien where g.nameLeicht == nil {
            log.report(Diagnostic(.warning, rule, .gremiumEasyNameMissing(g.name, shown: g.easyName), at: g.location))
        }
    }
}
