// The library as one import for the command line and the tests: every stage's module.
@_exported import TeilhabeAudit
@_exported import TeilhabeBuild
@_exported import TeilhabeCheck
@_exported import TeilhabeImport
@_exported import TeilhabeLoad
@_exported import TeilhabeMarkdown
@_exported import TeilhabeModel
@_exported import TeilhabeRender
@_exported import TeilhabeServe
@_exported import TeilhabeSupport
