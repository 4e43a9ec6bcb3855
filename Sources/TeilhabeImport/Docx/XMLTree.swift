import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TeilhabeSupport

/// A small element tree of one XML part, built with Foundation's XMLParser. Names and attribute
/// names are kept without their prefix (`w:p` → `p`): Word and LibreOffice use the same prefixes,
/// but nothing here depends on them. External entities are never resolved and a DTD is refused.
package final class XMLElement {
    package let name: String
    package let attributes: [String: String]
    package private(set) var children: [XMLElement] = []
    package private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    package subscript(_ attribute: String) -> String? { attributes[attribute] }

    package func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    package func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The first element of that name anywhere below (depth first).
    package func descendant(_ name: String) -> XMLElement? {
        for c in children {
            if c.name == name { return c }
            if let found = c.descendant(name) { return found }
        }
        return nil
    }

    fileprivate func append(_ element: XMLElement) { children.append(element) }
    fileprivate func appendText(_ piece: String) { text += piece }

    /// Parses one part; `part` names it in errors.
    package static func parse(_ data: Data, part: String) throws(DocxError) -> XMLElement {
        // Word writes no DTD; one here can only be an entity trick (external or exponential entities).
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw DocxError(.docxCorrupt(.docxDoctype(part)))
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root, builder.stack.isEmpty else {
            let reason = parser.parserError.map { Message.docxLibraryReason(($0 as NSError).localizedDescription) } ?? .docxIncompleteXML
            throw DocxError(.docxCorrupt(.docxBadXML(part, reason)))
        }
        return root
    }
}

/// Only text inside these elements is kept: indentation between elements is not content.
private let textElements: Set<String> = ["t", "instrText", "delText", "title", "subject", "creator", "language"]

private final class TreeBuilder: NSObject, XMLParserDelegate {
    /// Word nests a few dozen levels at most; deeper is an attack on the recursive walks.
    static let maxDepth = 256
    var root: XMLElement?
    var stack: [XMLElement] = []

    static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[Self.local(key)] = value }
        let element = XMLElement(name: Self.local(elementName), attributes: attributes)
        if let parent = stack.last { parent.append(element) } else { root = element }
        stack.append(element)
        if stack.count > Self.maxDepth { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = stack.last, textElements.contains(current.name) { current.appendText(string) }
    }
}
