import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The small Python program that runs WeasyPrint for Teilhabe. WeasyPrint's own command line
/// fetches whatever a document names (`file:` anywhere on the disk, `http:` anywhere on the
/// network); through its Python API it takes a URL fetcher, and this one serves only the files
/// Teilhabe lists (published attachments, checked on the Swift side) and `data:` URLs. Everything
/// else – other schemes, unlisted or changed files, paths that leave the content folder – raises
/// inside the fetcher, so WeasyPrint leaves it out, and is reported on stderr as `refused`.
enum PrintDriver {
    /// Prefix of the lines on stderr that name a refused URL.
    static let refusedPrefix = "teilhabe-pdf: refused: "

    /// `python driver.py --version` prints WeasyPrint's version; otherwise
    /// `python driver.py HTML MANIFEST IDENTIFIER TARGET` writes the PDF (target last).
    static let script = #"""
    """Teilhabe: WeasyPrint with a URL fetcher that serves only the files Teilhabe lists."""
    import hashlib
    import json
    import mimetypes
    import os
    import stat
    import sys
    from datetime import datetime, timezone
    from urllib.request import DataHandler, Request

    REFUSED = 'teilhabe-pdf: refused: '


    def refuse(url, why):
        sys.stderr.write(REFUSED + url[:300].replace('\n', ' ') + ' (' + why + ')\n')
        sys.stderr.flush()
        raise ValueError('refused by Teilhabe: ' + why)


    def read_listed(path, root):
        """The bytes of a regular file inside root, reached without symbolic links."""
        if not root or os.path.realpath(path) != path or not path.startswith(root + os.sep):
            return None, 'outside the content folder'
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, 'rb') as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None, 'not a regular file'
            return f.read(), None


    def make_fetcher(root, files):
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        class ListedFilesFetcher(URLFetcher):
            def __init__(self):
                super().__init__(allowed_protocols=(), allow_redirects=False)

            def fetch(self, url, headers=None):
                if url.startswith('data:'):
                    response = DataHandler().data_open(Request(url))
                    return URLFetcherResponse(url, body=response.read(),
                                              headers={'Content-Type': response.headers.get_content_type()})
                entry = files.get(url)
                if entry is None:
                    refuse(url, 'not a listed file')
                try:
                    data, why = read_listed(entry['path'], root)
                except OSError as error:
                    data, why = None, type(error).__name__
                if data is None:
                    refuse(url, why)
                if hashlib.sha256(data).hexdigest() != entry['sha256']:
                    refuse(url, 'changed since it was listed')
                kind = mimetypes.guess_type(entry['path'])[0] or 'application/octet-stream'
                return URLFetcherResponse(url, body=data, headers={'Content-Type': kind})

        return ListedFilesFetcher()


    def main(html_path, manifest_path, identifier, target):
        from weasyprint import HTML
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
        with open(html_path, encoding='utf-8') as f:
            html = f.read()
        options = {'pdf_variant': 'pdf/ua-1', 'pdf_identifier': identifier, 'presentational_hints': True}
        document = HTML(string=html, url_fetcher=make_fetcher(manifest['root'], manifest['files'])).render(**options)
        # The paper's date, not the time of the build: the same content gives the same bytes.
        epoch = int(os.environ['SOURCE_DATE_EPOCH'])
        stamp = datetime.fromtimestamp(epoch, timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
        document.metadata.created = document.metadata.created or stamp
        document.metadata.modified = document.metadata.modified or stamp
        document.write_pdf(target, **options)


    if __name__ == '__main__':
        if sys.argv[1:] == ['--version']:
            import weasyprint
            print(weasyprint.__version__)
        elif len(sys.argv) == 5:
            main(*sys.argv[1:])
        else:
            sys.exit('usage: driver.py HTML MANIFEST IDENTIFIER TARGET')

    """#

    /// A short digest of the script: part of the tool's version (and so of every PDF's cache key).
    static let revision = String(SHA256.hex(Array(script.utf8)).prefix(12))

    /// The Python interpreter of a `weasyprint` command: its shebang, read through symbolic links
    /// (`#!/venv/bin/python3`, or `#!/usr/bin/env python3` looked up on `path`). nil: not a Python
    /// script (then no PDF is made, rather than run something else with the wrong fetcher).
    static func interpreter(of command: String, path: [String]) -> String? {
        let real = URL(fileURLWithPath: command).resolvingSymlinksInPath().path
        guard let handle = FileHandle(forReadingAtPath: real) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        guard head.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: head.dropFirst(2).prefix { $0 != 0x0A }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let first = words.first else { return nil }
        var program = first
        if Paths.lastComponent(first) == "env" {
            guard words.count == 2, !words[1].contains("/") else { return nil }
            guard let found = path.map({ Paths.join($0, words[1]) }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else { return nil }
            program = found
        }
        guard program.hasPrefix("/"), Paths.lastComponent(program).hasPrefix("python"),
              FileManager.default.isExecutableFile(atPath: program) else { return nil }
        return program
    }

    /// The environment of the tool: this process's, without variables that change how Python runs
    /// (`PYTHONPATH` could load other code), with a fixed hash seed and the given date, so that
    /// two runs on the same input give the same bytes.
    static func environment(sourceDateEpoch: Int, base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var env = base.filter { !$0.key.hasPrefix("PYTHON") }
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["SOURCE_DATE_EPOCH"] = String(sourceDateEpoch)
        return env
    }

    /// Writes the script into `folder` once per revision; returns its path.
    static func install(in folder: String) -> String? {
        let path = Paths.join(folder, "teilhabe-pdf-\(revision).py")
        if FileManager.default.contents(atPath: path) == Data(script.utf8) { return path }
        let temp = path + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        guard FileManager.default.createFile(atPath: temp, contents: Data(script.utf8)) else { return nil }
        guard rename(temp, path) == 0 else { try? FileManager.default.removeItem(atPath: temp); return nil }
        return path
    }
}
