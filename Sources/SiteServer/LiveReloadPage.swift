import Foundation

/// What `serve` adds to HTML as it sends it (never to the files in the output folder): a small script that listens
/// for rebuilds and reloads the page, and, after a failed build, a notice with the errors at the top of the page.
enum LiveReloadPage {
    static let scriptPath = "/__build-site/live-reload.js"
    static let eventsPath = "/__build-site/events"
    static let statusPath = "/__build-site/status"
    static let noticeID = "build-site-errors"

    static func inject(into html: String, status: LiveReload.Status) -> String {
        var page = html
        if !status.ok, let bodyStart = page.range(of: "<body"), let tagEnd = page[bodyStart.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: notice(status.messages), at: page.index(after: tagEnd))
        }
        let script = "<script src=\"\(scriptPath)\" data-generation=\"\(status.generation)\"></script>\n"
        if let bodyEnd = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            page.insert(contentsOf: script, at: bodyEnd.lowerBound)
        } else {
            page += script
        }
        return page
    }

    /// The errors as a page shows them: an alert, the messages escaped, and what to do next.
    static func notice(_ messages: [String]) -> String {
        let items = messages.map(escape).joined(separator: "\n")
        return """

        <div id="\(noticeID)" role="alert" style="\(noticeStyle)">
        <h2 style="margin:0 0 .5em;font-size:1.25em">The site did not build</h2>
        <p style="margin:0 0 .5em">This page is the last version that built. Fix the problem below and save the file: the page reloads by itself.</p>
        <pre style="white-space:pre-wrap;margin:0;font-size:.9em">\(items)</pre>
        </div>

        """
    }

    static let noticeStyle = "position:relative;z-index:1000;margin:0;padding:1em;background:#fff;color:#0b0c0c;border:5px solid #d4351c;font-family:sans-serif"

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A page for an address the site does not have, so a browser left there still reloads when the site changes.
    static func notFoundPage(path: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Page not found</title></head>
        <body>
        <main style="font-family:sans-serif;padding:1em">
        <h1>Page not found</h1>
        <p>The site has no page at \(escape(path)). <a href="/">Go to the home page</a>.</p>
        </main>
        </body>
        </html>
        """
    }

    /// Listens for build results. It builds the error notice with text nodes only, so no message can become markup.
    static let script = """
    (function () {
      "use strict";
      var me = document.currentScript;
      var generation = me ? me.getAttribute("data-generation") : null;
      var source = new EventSource("\(eventsPath)");
      function showErrors(messages) {
        var notice = document.getElementById("\(noticeID)");
        if (!notice) {
          notice = document.createElement("div");
          notice.id = "\(noticeID)";
          notice.setAttribute("role", "alert");
          notice.setAttribute("style", "\(noticeStyle)");
          document.body.insertBefore(notice, document.body.firstChild);
        }
        notice.textContent = "";
        var heading = document.createElement("h2");
        heading.textContent = "The site did not build";
        heading.style.margin = "0 0 .5em";
        var advice = document.createElement("p");
        advice.textContent = "This page is the last version that built. Fix the problem below and save the file: the page reloads by itself.";
        var list = document.createElement("pre");
        list.style.whiteSpace = "pre-wrap";
        list.textContent = messages.join("\\n");
        notice.appendChild(heading);
        notice.appendChild(advice);
        notice.appendChild(list);
      }
      source.addEventListener("status", function (event) {
        var status = JSON.parse(event.data);
        if (!status.ok) {
          showErrors(status.messages);
        } else if (String(status.generation) !== generation) {
          source.close();
          location.reload();
        } else {
          var notice = document.getElementById("\(noticeID)");
          if (notice) { notice.remove(); }
        }
      });
    })();

    """
}
