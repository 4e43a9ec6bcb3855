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
    static func perVorlage(_ vorlagen: [String: String]) -> [String: Set<String>] {
        var own: [String: (names: Set<String>, partials: Set<String>)] = [:]
        for (name, text) in vorlagen { own[name] = parse(text) }
        var resultValue: [String: Set<String>] = [:]
        for name in vorlagen.keys {
            var names = Set<String>(), visited: Set<String> = [name], isOpen = [name]
            while let next = isOpen.popLast() {
                guard let e = own[next] else { continue }
                names.formUnion(e.names)
                for p in e.partials where visited.insert(p).inserted { isOpen.append(p) }
            }
            resultValue[name] = names
        }
        return resultValue
    }

    /// The names of one template's tags and the partials it includes.
    static func parse(_ text: String) -> (names: Set<String>, partials: Set<String>) {
        var names = Set<String>(), partials = Set<String>()
        for part in text.split(separator: "{{", omittingEmptySubsequences: false).dropFirst() {
            var day = part.prefix { $0 != "}" }
            if day.first == "{" { day = day.dropFirst() }   // {{{name}}}
            day = day.drop { $0 == " " }
            switch day.first {
            case "!", "%": continue   // comments and pragmas name nothing
            case ">":
                partials.insert(String(day.dropFirst()).trimmed())
                continue
            case "#", "^", "/", "&": day = day.dropFirst()
            default: break
            }
            for partName in String(day).trimmed().split(separator: ".") { names.insert(String(partName)) }
        }
        return (names, partials)
    }
}
