import FlyingFox
import Foundation

/// Answers requests from the built site only: a path is looked up among the built files (never
/// on disk), `/` and `/x/` give `index.html`, anything else the 404 page. HTML pages get the
/// reload script and the overlay before `</body>`.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState
    static let eventsPath = "/__indsats/events"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == Self.eventsPath { return try await events(request) }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("only GET\n".utf8))
        }
        var snapshot = state.snapshot
        // The first build is still running.
        while snapshot.generation == 0 {
            try await Task.sleep(nanoseconds: 10_000_000)
            snapshot = state.snapshot
        }
        // The path as sent (FlyingFox's `path` drops a folder's final slash).
        switch Self.resolve(request.target.path(percentEncoded: true), in: snapshot.files) {
        case .file(let path, let data):
            return response(.ok, path: path, data: data, snapshot)
        case .redirect(let location):
            var headers = HTTPHeaders()
            headers[.location] = location
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .missing:
            let page = snapshot.files["404.html"] ?? Data(Self.notFound.utf8)
            return response(.notFound, path: "404.html", data: page, snapshot)
        }
    }

    enum Resolution: Equatable {
        case file(String, Data)
        case redirect(String)
        case missing
    }

    /// The built file a request path names. Only names of built files match, so no path can
    /// reach outside the site; a folder's path without its slash is redirected to it.
    static func resolve(_ requestPath: String, in files: [String: Data]) -> Resolution {
        guard requestPath.hasPrefix("/"), let decoded = requestPath.removingPercentEncoding else { return .missing }
        var path = String(decoded.dropFirst())
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) || path.contains("//") || path.contains("\0") { return .missing }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let data = files[path] { return .file(path, data) }
        if files[path + "/index.html"] != nil { return .redirect(requestPath + "/") }
        return .missing
    }

    func response(_ status: HTTPStatusCode, path: String, data: Data, _ snapshot: PreviewState.Snapshot) -> HTTPResponse {
        let type = Self.contentType(of: path)
        var body = data
        if type.hasPrefix("text/html") {
            let version = status == .ok ? snapshot.versions[path] ?? 0 : -1
            body = Self.inject(into: data, overlay: snapshot.overlay, script: Self.script(generation: snapshot.generation, version: version))
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: body)
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "csv": "text/csv; charset=utf-8", "xml": "application/xml", "svg": "image/svg+xml",
        "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "ico": "image/x-icon",
        "txt": "text/plain; charset=utf-8", "woff2": "font/woff2", "webp": "image/webp",
    ]

    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// The page with the overlay and the reload script before its last `</body>`.
    static func inject(into page: Data, overlay: String, script: String) -> Data {
        let addition = Data((overlay + script).utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + addition }
        var result = page
        result.insert(contentsOf: addition, at: end.lowerBound)
        return result
    }

    /// Listens for news about this page: when its version moved (its bytes changed, or it
    /// appeared), the page reloads, keeping the scroll position; otherwise only the overlay is
    /// replaced (shown on a failed build, gone on a good one). The overlay's close button or
    /// Escape hides it until the next build that has one.
    static func script(generation: Int, version: Int) -> String {
        """
        <script id="indsats-reload">(function(){var key="indsats-scroll:"+location.pathname,y=sessionStorage.getItem(key);\
        if(y!==null){sessionStorage.removeItem(key);window.scrollTo(0,+y);}\
        function hide(){var o=document.getElementById("\(Overlay.id)");if(o){o.hidden=true;}}\
        document.addEventListener("click",function(e){if(e.target.closest&&e.target.closest("[data-indsats-close]")){hide();}});\
        document.addEventListener("keydown",function(e){if(e.key==="Escape"){hide();}});\
        if(!window.EventSource)return;var version=\(version),source=new EventSource("\(eventsPath)?since=\(generation)&page="+encodeURIComponent(location.pathname));\
        source.onmessage=function(e){var d=JSON.parse(e.data);if(d.version!==version){source.close();\
        sessionStorage.setItem(key,String(window.scrollY));location.reload();return;}\
        var o=document.getElementById("\(Overlay.id)");if(o){o.outerHTML=d.overlay;}else{document.body.insertAdjacentHTML("beforeend",d.overlay);}};})();</script>
        """
    }

    /// Server-sent events, one per request: waits (up to 10 s) for a publication newer than
    /// the one the page has (`Last-Event-ID`, else `since`), sends the version of the page
    /// (`page`, its path) and the overlay, and closes; the browser asks again after `retry`
    /// ms. The request also tells which pages are open (see `PreviewState.openPages`).
    func events(_ request: HTTPRequest) async throws -> HTTPResponse {
        let since = request.headers[.init("Last-Event-ID")].flatMap(Int.init)
            ?? request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? 0
        let page = request.query.first { $0.name == "page" }?.value ?? "/"
        state.open(page)
        let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
        var body = "retry: 150\n"
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let snapshot = state.snapshot
            if snapshot.generation > since {
                let payload = try JSONSerialization.data(withJSONObject: ["version": snapshot.version(of: page), "overlay": snapshot.overlay] as [String: Any])
                body += "id: \(snapshot.generation)\ndata: \(String(decoding: payload, as: UTF8.self))\n\n"
                break
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        if !body.contains("data:") { body += ": nothing new\n\n" }
        return HTTPResponse(
            statusCode: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .init("Cache-Control"): "no-store"], body: Data(body.utf8))
    }

    static let notFound = """
        <!doctype html><html lang="da"><head><meta charset="utf-8"><title>Siden findes ikke</title></head>\
        <body><h1>Siden findes ikke</h1><p><a href="/">Til forsiden</a></p></body></html>
        """
}
