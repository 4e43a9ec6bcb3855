import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The names a template can look up, those of the partials it includes among them.
///
/// swift-mustache asks a context only for the names written in the tags, part by part (`site.titel`
/// asks for `site`, then `titel`). A key outside that set can never change what the template
/// renders, so it is left out of the context's shape: the layout, whose context carries the whole
/// page's data, then has one shape for most pages instead of one per page.
enum TemplateNames {
    /// By template name; nil where a tag could not be read (then every key counts).
    static func jeVorlage(_ vorlagen: [String: String]) -> [String: Set<String>] {
        var eigene: [String: (namen: Set<String>, partials: Set<String>)] = [:]
        for (name, text) in vorlagen { eigene[name] = lesen(text) }
        var ergebnis: [String: Set<String>] = [:]
        for name in vorlagen.keys {
            var namen = Set<String>(), besucht: Set<String> = [name], offen = [name]
            while let naechste = offen.popLast() {
                guard let e = eigene[naechste] else { continue }
                namen.formUnion(e.namen)
                for p in e.partials where besucht.insert(p).inserted { offen.append(p) }
            }
            ergebnis[name] = namen
        }
        return ergebnis
    }

    /// The names of one template's tags and the partials it includes.
    static func lesen(_ text: String) -> (namen: Set<String>, partials: Set<String>) {
        var namen = Set<String>(), partials = Set<String>()
        for teil in text.split(separator: "{{", omittingEmptySubsequences: false).dropFirst() {
            var tag = teil.prefix { $0 != "}" }
            if tag.first == "{" { tag = tag.dropFirst() }   // {{{name}}}
            tag = tag.drop { $0 == " " }
            switch tag.first {
            case "!", "%": continue   // comments and pragmas name nothing
            case ">":
                partials.insert(String(tag.dropFirst()).getrimmt())
                continue
            case "#", "^", "/", "&": tag = tag.dropFirst()
            default: break
            }
            for teilname in String(tag).getrimmt().split(separator: ".") { namen.insert(String(teilname)) }
        }
        return (namen, partials)
    }
}
