import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// The actor network: every tie names a known actor other than itself.
enum NetzwerkCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        let ids = project.akteure.map(\.id), known = Set(ids)
        for a in project.akteure {
            for tie in a.verbindungen {
                if tie.mit == a.id {
                    log.error("NETZWERK", .tieToItself, at: tie.location)
                } else if !known.contains(tie.mit) {
                    let suggestion = Suggest.closest(to: tie.mit, in: ids.filter { $0 != a.id })
                    log.error("NETZWERK", .unknownTie(tie.mit, suggestion: suggestion), at: tie.location, suggestion: suggestion)
                }
            }
        }
    }
}
