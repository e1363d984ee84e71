using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Devtools.Core.Profiling.Output;

/// <summary>
/// A self-contained HTML page: the call tree as JSON plus a small script that
/// draws it as an SVG flame graph (click to zoom, hover for counts, search),
/// and the top functions table. No CDN, no network: it opens from disk anywhere.
/// </summary>
public static class FlameGraphHtmlWriter
{
    public static void Write(Profile profile, TextWriter writer, string title, int topCount = 25)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(writer);
        string data = TreeJson(profile);
        var top = new StringBuilder();
        foreach (FunctionCost f in TopFunctions.ByFunction(profile, topCount))
        {
            top.Append(CultureInfo.InvariantCulture, $"<tr><td class=n>{f.SelfPercent(profile.TotalSamples):0.0}%</td><td class=n>{f.TotalPercent(profile.TotalSamples):0.0}%</td><td>{WebUtility.HtmlEncode(f.Name)}</td><td>{WebUtility.HtmlEncode(f.Module ?? string.Empty)}</td></tr>\n");
        }
        string notes = string.Concat(profile.Notes.Select(n => $"<p class=note>{WebUtility.HtmlEncode(n)}</p>"));
        string summary = string.Create(CultureInfo.InvariantCulture, $"{profile.TotalSamples:N0} samples · {profile.Duration.TotalSeconds:0.#} s · {profile.SamplesPerSecond:0.#} Hz · {profile.Source}");
        writer.Write(Template
            .Replace("{{TITLE}}", WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace("{{SUMMARY}}", WebUtility.HtmlEncode(summary), StringComparison.Ordinal)
            .Replace("{{NOTES}}", notes, StringComparison.Ordinal)
            .Replace("{{TOP}}", top.ToString(), StringComparison.Ordinal)
            .Replace("{{DATA}}", data, StringComparison.Ordinal));
    }

    /// <summary>
    /// {"names":[...],"kinds":[...],"root":[nameIndex,value,[children...]]}. The
    /// default encoder escapes &lt; &gt; &amp;, so no name can close the script element.
    /// </summary>
    internal static string TreeJson(Profile profile)
    {
        var root = new Node(0);
        var names = new List<string> { "all" };
        var kinds = new List<int> { (int)FrameKind.Unknown };
        var nameIndex = new Dictionary<string, int>(StringComparer.Ordinal) { ["all"] = 0 };
        foreach ((StackFrame[] frames, long count) in FlameStacks.Of(profile))
        {
            Node node = root;
            node.Value += count;
            for (int i = 0; i < frames.Length; i++)
            {
                string name = frames[i].FoldedName;
                if (!nameIndex.TryGetValue(name, out int index))
                {
                    index = names.Count;
                    nameIndex[name] = index;
                    names.Add(name);
                    kinds.Add(i == 0 ? -1 : (int)frames[i].Kind);
                }
                node.Children ??= [];
                if (!node.Children.TryGetValue(index, out Node? child))
                {
                    child = new Node(index);
                    node.Children[index] = child;
                }
                child.Value += count;
                node = child;
            }
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("names");
            foreach (string name in names)
                json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("kinds");
            foreach (int kind in kinds)
                json.WriteNumberValue(kind);
            json.WriteEndArray();
            json.WritePropertyName("root");
            WriteNode(json, root);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter json, Node node)
    {
        json.WriteStartArray();
        json.WriteNumberValue(node.Name);
        json.WriteNumberValue(node.Value);
        json.WriteStartArray();
        if (node.Children is not null)
        {
            foreach (Node child in node.Children.Values.OrderByDescending(c => c.Value))
                WriteNode(json, child);
        }
        json.WriteEndArray();
        json.WriteEndArray();
    }

    private sealed class Node(int name)
    {
        public int Name { get; } = name;

        public long Value { get; set; }

        public Dictionary<int, Node>? Children { get; set; }
    }

    private const string Template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{TITLE}}</title>
        <style>
        body { font: 13px/1.4 system-ui, sans-serif; margin: 16px; color: #222; }
        h1 { font-size: 18px; margin: 0 0 4px; }
        .sub { color: #666; margin-bottom: 8px; }
        .note { background: #fff4d6; padding: 4px 8px; margin: 4px 0; }
        #bar { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
        #search { width: 280px; padding: 2px 4px; }
        #status { color: #444; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 1; font-family: ui-monospace, monospace; }
        #chart { width: 100%; border: 1px solid #ddd; }
        #chart rect { stroke: #fff; stroke-width: 0.5; cursor: pointer; }
        #chart text { font: 11px ui-monospace, monospace; pointer-events: none; fill: #111; }
        #chart .match rect { fill: #e040fb !important; }
        table { border-collapse: collapse; margin-top: 16px; }
        td, th { padding: 2px 8px; text-align: left; font-family: ui-monospace, monospace; }
        th { border-bottom: 1px solid #ccc; font-family: system-ui, sans-serif; }
        td.n { text-align: right; }
        </style>
        </head>
        <body>
        <h1>{{TITLE}}</h1>
        <div class="sub">{{SUMMARY}} · root at the top; click a frame to zoom, click the top row to reset</div>
        {{NOTES}}
        <div id="bar"><input id="search" placeholder="search (regex)"> <button id="reset">reset zoom</button> <span id="status"></span></div>
        <svg id="chart" xmlns="http://www.w3.org/2000/svg"></svg>
        <table><tr><th>self</th><th>total</th><th>function</th><th>module</th></tr>
        {{TOP}}</table>
        <script type="application/json" id="profile-data">{{DATA}}</script>
        <script>
        (function () {
          "use strict";
          const data = JSON.parse(document.getElementById("profile-data").textContent);
          const names = data.names, kinds = data.kinds;
          const svg = document.getElementById("chart");
          const status = document.getElementById("status");
          const search = document.getElementById("search");
          const rowHeight = 17, minWidth = 0.5;
          const ns = "http://www.w3.org/2000/svg";
          let zoom = data.root, zoomPath = [data.root], pattern = null;

          function color(node) {
            const kind = kinds[node[0]];
            let h = 0;
            const name = names[node[0]];
            for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
            const v = Math.abs(h % 40);
            switch (kind) {
              case 1: return "hsl(30," + (60 + v / 2) + "%," + (55 + v / 4) + "%)";   // kernel: orange
              case 3: return "hsl(140," + (40 + v / 2) + "%," + (55 + v / 4) + "%)";  // JIT: green
              case 4: return "hsl(200," + (50 + v / 2) + "%," + (60 + v / 4) + "%)";  // managed: blue
              case 2: return "hsl(0," + (55 + v / 2) + "%," + (60 + v / 4) + "%)";    // native: red
              case -1: return "hsl(260,30%,80%)";                                     // process
              default: return "hsl(0,0%," + (70 + v / 4) + "%)";                       // unknown
            }
          }

          function depth(node) {
            let d = 0;
            for (const child of node[2]) d = Math.max(d, depth(child));
            return d + 1;
          }

          function draw() {
            while (svg.firstChild) svg.removeChild(svg.firstChild);
            const width = svg.clientWidth || 1200;
            const rows = zoomPath.length - 1 + depth(zoom);
            svg.setAttribute("height", rows * rowHeight);
            let y = 0;
            for (let i = 0; i < zoomPath.length - 1; i++, y += rowHeight) box(zoomPath[i], 0, y, width, true);
            layout(zoom, 0, y, width, width / zoom[1]);
          }

          function layout(node, x, y, w, scale) {
            box(node, x, y, w, false);
            let cx = x;
            for (const child of node[2]) {
              const cw = child[1] * scale;
              if (cw >= minWidth) layout(child, cx, y + rowHeight, cw, scale);
              cx += cw;
            }
          }

          function box(node, x, y, w, ancestor) {
            const g = document.createElementNS(ns, "g");
            const name = names[node[0]];
            if (pattern && pattern.test(name)) g.setAttribute("class", "match");
            const r = document.createElementNS(ns, "rect");
            r.setAttribute("x", x); r.setAttribute("y", y);
            r.setAttribute("width", Math.max(w - 0.5, 0.5)); r.setAttribute("height", rowHeight - 1);
            r.setAttribute("fill", color(node));
            if (ancestor) r.setAttribute("opacity", "0.6");
            g.appendChild(r);
            if (w > 30) {
              const t = document.createElementNS(ns, "text");
              t.setAttribute("x", x + 3); t.setAttribute("y", y + rowHeight - 5);
              const chars = Math.floor((w - 6) / 6.6);
              t.textContent = name.length <= chars ? name : name.slice(0, Math.max(chars - 1, 0)) + "…";
              g.appendChild(t);
            }
            g.addEventListener("mouseover", () => {
              const total = data.root[1];
              status.textContent = name + " — " + node[1].toLocaleString() + " samples, " + (100 * node[1] / total).toFixed(2) + "%";
            });
            g.addEventListener("click", () => {
              const at = zoomPath.indexOf(node);
              if (at >= 0) { zoomPath = zoomPath.slice(0, at + 1); zoom = node; }
              else { zoomPath = pathTo(data.root, node) || [data.root]; zoom = zoomPath[zoomPath.length - 1]; }
              draw();
            });
            svg.appendChild(g);
          }

          function pathTo(from, target) {
            if (from === target) return [from];
            for (const child of from[2]) {
              const p = pathTo(child, target);
              if (p) return [from].concat(p);
            }
            return null;
          }

          function matched(node) {
            if (pattern.test(names[node[0]])) return node[1];
            let sum = 0;
            for (const child of node[2]) sum += matched(child);
            return sum;
          }

          search.addEventListener("input", () => {
            try { pattern = search.value ? new RegExp(search.value) : null; } catch (e) { pattern = null; }
            draw();
            if (pattern) status.textContent = "matched: " + (100 * matched(data.root) / data.root[1]).toFixed(2) + "% of samples";
          });
          document.getElementById("reset").addEventListener("click", () => { zoom = data.root; zoomPath = [data.root]; draw(); });
          window.addEventListener("resize", draw);
          draw();
        })();
        </script>
        </body>
        </html>

        """;
}
