import ArgumentParser

/// `teilhabe import oparl URL` — placeholder until the OParl importer lands (issue 22).
struct ImportOParlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "oparl",
        abstract: "Übernimmt Gremien, Sitzungen und Vorlagen von einem OParl-Server (System- oder Body-URL).")
    @Argument(help: "System- oder Body-URL des OParl-Servers") var url: String
    func run() throws { throw ExitCode.failure }
}
