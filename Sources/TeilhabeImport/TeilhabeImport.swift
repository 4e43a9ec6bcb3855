// Import and export beside the pipeline (contract section 11):
// - OParl/: `teilhabe import oparl` — a council information system's OParl API → gremien.yaml,
//   sitzungen.yaml, vorlagen/ and anlagen/, with `quelle` keys and content/.teilhabe-import.yaml.
// - Docx/: `teilhabe import docx` and `teilhabe export docx` — Word files ↔ a Vorlage's Markdown.
// Both write only inside the content folder (or the named output file), each file by temp file + rename.
