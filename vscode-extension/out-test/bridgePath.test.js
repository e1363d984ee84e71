"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// test/bridgePath.test.ts
var import_strict = __toESM(require("node:assert/strict"));
var import_node_test = require("node:test");

// src/bridgePath.ts
var path = __toESM(require("path"));
function commandFor(file, origin) {
  return file.toLowerCase().endsWith(".dll") ? { command: "dotnet", args: [file, "lsp"], origin } : { command: file, args: ["lsp"], origin };
}
function resolveBridge(input) {
  const configured = input.configured.trim();
  if (configured) {
    return commandFor(expandHome(configured, input.home), "setting");
  }
  const bundled = path.join(input.extensionPath, "server", "devtools.dll");
  if (input.isFile(bundled)) return commandFor(bundled, "bundled");
  for (const dir of input.envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "devtools");
    if (input.isFile(candidate)) return commandFor(candidate, "path");
  }
  for (const folder of input.workspaceFolders) {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, "devtools");
      if (input.isFile(candidate)) return commandFor(candidate, "workspace");
      if (path.dirname(dir) === dir) break;
    }
  }
  return void 0;
}
function expandHome(p, home) {
  if (p === "~") return home;
  if (p.startsWith("~/")) return path.join(home, p.slice(2));
  return p;
}
function expandSourceRoots(raw, folders, home) {
  if (!Array.isArray(raw)) return [];
  const first = folders[0]?.path;
  const expand = (s) => {
    let unresolved = false;
    let out = s.replace(/\$\{workspaceFolder(?::([^}]+))?\}/g, (_m, name) => {
      const f = name ? folders.find((x) => x.name === name)?.path : first;
      if (f === void 0) unresolved = true;
      return f ?? "";
    });
    if (unresolved) return void 0;
    out = expandHome(out, home);
    if (!path.isAbsolute(out)) {
      if (!first) return void 0;
      out = path.join(first, out);
    }
    return path.normalize(out);
  };
  const result = [];
  for (const entry of raw) {
    if (typeof entry === "string") {
      const e = expand(entry);
      if (e) result.push(e);
    } else if (entry && typeof entry === "object") {
      const { from, to } = entry;
      if (typeof from !== "string" || typeof to !== "string" || !from) continue;
      const t = expand(to);
      if (t) result.push({ from, to: t });
    }
  }
  return result;
}

// test/bridgePath.test.ts
var base = {
  configured: "",
  extensionPath: "/ext",
  workspaceFolders: ["/repo/samples/Shop"],
  envPath: "/usr/bin:/opt/bin",
  home: "/home/u",
  isFile: () => false
};
(0, import_node_test.test)("the setting wins; a .dll runs under dotnet", () => {
  import_strict.default.deepEqual(
    resolveBridge({ ...base, configured: "/opt/dt/devtools.dll", isFile: () => true }),
    { command: "dotnet", args: ["/opt/dt/devtools.dll", "lsp"], origin: "setting" }
  );
  import_strict.default.deepEqual(
    resolveBridge({ ...base, configured: " ~/bin/devtools " }),
    { command: "/home/u/bin/devtools", args: ["lsp"], origin: "setting" }
  );
});
(0, import_node_test.test)("then the bundled bridge, then PATH, then the repository script", () => {
  import_strict.default.deepEqual(
    resolveBridge({ ...base, isFile: (p) => p === "/ext/server/devtools.dll" || p === "/opt/bin/devtools" }),
    { command: "dotnet", args: ["/ext/server/devtools.dll", "lsp"], origin: "bundled" }
  );
  import_strict.default.deepEqual(
    resolveBridge({ ...base, isFile: (p) => p === "/opt/bin/devtools" || p === "/repo/devtools" }),
    { command: "/opt/bin/devtools", args: ["lsp"], origin: "path" }
  );
  import_strict.default.deepEqual(
    resolveBridge({ ...base, isFile: (p) => p === "/repo/devtools" }),
    { command: "/repo/devtools", args: ["lsp"], origin: "workspace" }
  );
  import_strict.default.equal(resolveBridge(base), void 0);
});
(0, import_node_test.test)("source roots: variables, relative paths, mappings, junk dropped", () => {
  const folders = [{ name: "shop", path: "/w/shop" }, { name: "lib", path: "/w/lib" }];
  import_strict.default.deepEqual(expandSourceRoots([
    "${workspaceFolder}/src",
    "${workspaceFolder:lib}",
    "rel/dir",
    "~/code",
    "${workspaceFolder:nope}/x",
    { from: "/src", to: "${workspaceFolder}" },
    { from: "", to: "/x" },
    { from: "/a" },
    42,
    null
  ], folders, "/home/u"), ["/w/shop/src", "/w/lib", "/w/shop/rel/dir", "/home/u/code", { from: "/src", to: "/w/shop" }]);
  import_strict.default.deepEqual(expandSourceRoots("nope", folders, "/h"), []);
  import_strict.default.deepEqual(expandSourceRoots(["rel"], [], "/h"), []);
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vdGVzdC9icmlkZ2VQYXRoLnRlc3QudHMiLCAiLi4vc3JjL2JyaWRnZVBhdGgudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCBhc3NlcnQgZnJvbSAnbm9kZTphc3NlcnQvc3RyaWN0JztcbmltcG9ydCB7IHRlc3QgfSBmcm9tICdub2RlOnRlc3QnO1xuaW1wb3J0IHsgZXhwYW5kU291cmNlUm9vdHMsIHJlc29sdmVCcmlkZ2UsIFJlc29sdmVJbnB1dCB9IGZyb20gJy4uL3NyYy9icmlkZ2VQYXRoJztcblxuY29uc3QgYmFzZTogUmVzb2x2ZUlucHV0ID0ge1xuICBjb25maWd1cmVkOiAnJywgZXh0ZW5zaW9uUGF0aDogJy9leHQnLCB3b3Jrc3BhY2VGb2xkZXJzOiBbJy9yZXBvL3NhbXBsZXMvU2hvcCddLCBlbnZQYXRoOiAnL3Vzci9iaW46L29wdC9iaW4nLCBob21lOiAnL2hvbWUvdScsXG4gIGlzRmlsZTogKCkgPT4gZmFsc2UsXG59O1xuXG50ZXN0KCd0aGUgc2V0dGluZyB3aW5zOyBhIC5kbGwgcnVucyB1bmRlciBkb3RuZXQnLCAoKSA9PiB7XG4gIGFzc2VydC5kZWVwRXF1YWwocmVzb2x2ZUJyaWRnZSh7IC4uLmJhc2UsIGNvbmZpZ3VyZWQ6ICcvb3B0L2R0L2RldnRvb2xzLmRsbCcsIGlzRmlsZTogKCkgPT4gdHJ1ZSB9KSxcbiAgICB7IGNvbW1hbmQ6ICdkb3RuZXQnLCBhcmdzOiBbJy9vcHQvZHQvZGV2dG9vbHMuZGxsJywgJ2xzcCddLCBvcmlnaW46ICdzZXR0aW5nJyB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZXNvbHZlQnJpZGdlKHsgLi4uYmFzZSwgY29uZmlndXJlZDogJyB+L2Jpbi9kZXZ0b29scyAnIH0pLFxuICAgIHsgY29tbWFuZDogJy9ob21lL3UvYmluL2RldnRvb2xzJywgYXJnczogWydsc3AnXSwgb3JpZ2luOiAnc2V0dGluZycgfSk7XG59KTtcblxudGVzdCgndGhlbiB0aGUgYnVuZGxlZCBicmlkZ2UsIHRoZW4gUEFUSCwgdGhlbiB0aGUgcmVwb3NpdG9yeSBzY3JpcHQnLCAoKSA9PiB7XG4gIGFzc2VydC5kZWVwRXF1YWwocmVzb2x2ZUJyaWRnZSh7IC4uLmJhc2UsIGlzRmlsZTogcCA9PiBwID09PSAnL2V4dC9zZXJ2ZXIvZGV2dG9vbHMuZGxsJyB8fCBwID09PSAnL29wdC9iaW4vZGV2dG9vbHMnIH0pLFxuICAgIHsgY29tbWFuZDogJ2RvdG5ldCcsIGFyZ3M6IFsnL2V4dC9zZXJ2ZXIvZGV2dG9vbHMuZGxsJywgJ2xzcCddLCBvcmlnaW46ICdidW5kbGVkJyB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZXNvbHZlQnJpZGdlKHsgLi4uYmFzZSwgaXNGaWxlOiBwID0+IHAgPT09ICcvb3B0L2Jpbi9kZXZ0b29scycgfHwgcCA9PT0gJy9yZXBvL2RldnRvb2xzJyB9KSxcbiAgICB7IGNvbW1hbmQ6ICcvb3B0L2Jpbi9kZXZ0b29scycsIGFyZ3M6IFsnbHNwJ10sIG9yaWdpbjogJ3BhdGgnIH0pO1xuICBhc3NlcnQuZGVlcEVxdWFsKHJlc29sdmVCcmlkZ2UoeyAuLi5iYXNlLCBpc0ZpbGU6IHAgPT4gcCA9PT0gJy9yZXBvL2RldnRvb2xzJyB9KSxcbiAgICB7IGNvbW1hbmQ6ICcvcmVwby9kZXZ0b29scycsIGFyZ3M6IFsnbHNwJ10sIG9yaWdpbjogJ3dvcmtzcGFjZScgfSk7XG4gIGFzc2VydC5lcXVhbChyZXNvbHZlQnJpZGdlKGJhc2UpLCB1bmRlZmluZWQpO1xufSk7XG5cbnRlc3QoJ3NvdXJjZSByb290czogdmFyaWFibGVzLCByZWxhdGl2ZSBwYXRocywgbWFwcGluZ3MsIGp1bmsgZHJvcHBlZCcsICgpID0+IHtcbiAgY29uc3QgZm9sZGVycyA9IFt7IG5hbWU6ICdzaG9wJywgcGF0aDogJy93L3Nob3AnIH0sIHsgbmFtZTogJ2xpYicsIHBhdGg6ICcvdy9saWInIH1dO1xuICBhc3NlcnQuZGVlcEVxdWFsKGV4cGFuZFNvdXJjZVJvb3RzKFtcbiAgICAnJHt3b3Jrc3BhY2VGb2xkZXJ9L3NyYycsICcke3dvcmtzcGFjZUZvbGRlcjpsaWJ9JywgJ3JlbC9kaXInLCAnfi9jb2RlJywgJyR7d29ya3NwYWNlRm9sZGVyOm5vcGV9L3gnLFxuICAgIHsgZnJvbTogJy9zcmMnLCB0bzogJyR7d29ya3NwYWNlRm9sZGVyfScgfSwgeyBmcm9tOiAnJywgdG86ICcveCcgfSwgeyBmcm9tOiAnL2EnIH0sIDQyLCBudWxsLFxuICBdLCBmb2xkZXJzLCAnL2hvbWUvdScpLCBbJy93L3Nob3Avc3JjJywgJy93L2xpYicsICcvdy9zaG9wL3JlbC9kaXInLCAnL2hvbWUvdS9jb2RlJywgeyBmcm9tOiAnL3NyYycsIHRvOiAnL3cvc2hvcCcgfV0pO1xuICBhc3NlcnQuZGVlcEVxdWFsKGV4cGFuZFNvdXJjZVJvb3RzKCdub3BlJywgZm9sZGVycywgJy9oJyksIFtdKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChleHBhbmRTb3VyY2VSb290cyhbJ3JlbCddLCBbXSwgJy9oJyksIFtdKTtcbn0pO1xuIiwgIi8vIFdoZXJlIHRoZSBicmlkZ2UgaXMgYW5kIGhvdyB0byBzdGFydCBpdC4gUHVyZSAodGhlIGZpbGUgc3lzdGVtIGlzIHBhc3NlZCBpbiksXG4vLyBzbyB0aGUgdW5pdCB0ZXN0cyBjb3ZlciBldmVyeSBicmFuY2guXG5pbXBvcnQgKiBhcyBwYXRoIGZyb20gJ3BhdGgnO1xuaW1wb3J0IHR5cGUgeyBTb3VyY2VSb290IH0gZnJvbSAnLi9wcm90b2NvbCc7XG5cbmV4cG9ydCBpbnRlcmZhY2UgQnJpZGdlQ29tbWFuZCB7XG4gIGNvbW1hbmQ6IHN0cmluZztcbiAgYXJnczogc3RyaW5nW107XG4gIC8qKiBXaGVyZSBpdCBjYW1lIGZyb20sIGZvciB0aGUgb3V0cHV0IGNoYW5uZWwgYW5kIGVycm9yIG1lc3NhZ2VzLiAqL1xuICBvcmlnaW46ICdzZXR0aW5nJyB8ICdidW5kbGVkJyB8ICdwYXRoJyB8ICd3b3Jrc3BhY2UnO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIFJlc29sdmVJbnB1dCB7XG4gIC8qKiBgZGV2dG9vbHMuYnJpZGdlUGF0aGAgKG1heSBiZSBlbXB0eSkuICovXG4gIGNvbmZpZ3VyZWQ6IHN0cmluZztcbiAgZXh0ZW5zaW9uUGF0aDogc3RyaW5nO1xuICB3b3Jrc3BhY2VGb2xkZXJzOiByZWFkb25seSBzdHJpbmdbXTtcbiAgLyoqIFRoZSBQQVRIIGVudmlyb25tZW50IHZhcmlhYmxlLiAqL1xuICBlbnZQYXRoOiBzdHJpbmc7XG4gIGhvbWU6IHN0cmluZztcbiAgaXNGaWxlOiAocDogc3RyaW5nKSA9PiBib29sZWFuO1xufVxuXG4vKiogYGRvdG5ldCB4LmRsbCBsc3BgIGZvciBhbiBhc3NlbWJseSwgYHggbHNwYCBmb3IgYW55dGhpbmcgZWxzZS4gKi9cbmZ1bmN0aW9uIGNvbW1hbmRGb3IoZmlsZTogc3RyaW5nLCBvcmlnaW46IEJyaWRnZUNvbW1hbmRbJ29yaWdpbiddKTogQnJpZGdlQ29tbWFuZCB7XG4gIHJldHVybiBmaWxlLnRvTG93ZXJDYXNlKCkuZW5kc1dpdGgoJy5kbGwnKVxuICAgID8geyBjb21tYW5kOiAnZG90bmV0JywgYXJnczogW2ZpbGUsICdsc3AnXSwgb3JpZ2luIH1cbiAgICA6IHsgY29tbWFuZDogZmlsZSwgYXJnczogWydsc3AnXSwgb3JpZ2luIH07XG59XG5cbi8qKlxuICogVGhlIGJyaWRnZSB0byBydW4sIGluIG9yZGVyOiB0aGUgYGRldnRvb2xzLmJyaWRnZVBhdGhgIHNldHRpbmc7IHRoZSBicmlkZ2VcbiAqIGJ1bmRsZWQgaW4gdGhlIGV4dGVuc2lvbiAoc2VydmVyL2RldnRvb2xzLmRsbCk7IGBkZXZ0b29sc2Agb24gUEFUSDsgYVxuICogYGRldnRvb2xzYCBzY3JpcHQgYXQgdGhlIHJvb3Qgb2YgYSB3b3Jrc3BhY2UgZm9sZGVyIG9yIG9uZSBvZiBpdHMgcGFyZW50c1xuICogKHRoZSByZXBvc2l0b3J5J3MgLi9kZXZ0b29scykuIHVuZGVmaW5lZCB3aGVuIHRoZXJlIGlzIG5vbmUuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiByZXNvbHZlQnJpZGdlKGlucHV0OiBSZXNvbHZlSW5wdXQpOiBCcmlkZ2VDb21tYW5kIHwgdW5kZWZpbmVkIHtcbiAgY29uc3QgY29uZmlndXJlZCA9IGlucHV0LmNvbmZpZ3VyZWQudHJpbSgpO1xuICBpZiAoY29uZmlndXJlZCkge1xuICAgIHJldHVybiBjb21tYW5kRm9yKGV4cGFuZEhvbWUoY29uZmlndXJlZCwgaW5wdXQuaG9tZSksICdzZXR0aW5nJyk7XG4gIH1cbiAgY29uc3QgYnVuZGxlZCA9IHBhdGguam9pbihpbnB1dC5leHRlbnNpb25QYXRoLCAnc2VydmVyJywgJ2RldnRvb2xzLmRsbCcpO1xuICBpZiAoaW5wdXQuaXNGaWxlKGJ1bmRsZWQpKSByZXR1cm4gY29tbWFuZEZvcihidW5kbGVkLCAnYnVuZGxlZCcpO1xuXG4gIGZvciAoY29uc3QgZGlyIG9mIGlucHV0LmVudlBhdGguc3BsaXQocGF0aC5kZWxpbWl0ZXIpKSB7XG4gICAgaWYgKCFkaXIpIGNvbnRpbnVlO1xuICAgIGNvbnN0IGNhbmRpZGF0ZSA9IHBhdGguam9pbihkaXIsICdkZXZ0b29scycpO1xuICAgIGlmIChpbnB1dC5pc0ZpbGUoY2FuZGlkYXRlKSkgcmV0dXJuIGNvbW1hbmRGb3IoY2FuZGlkYXRlLCAncGF0aCcpO1xuICB9XG4gIGZvciAoY29uc3QgZm9sZGVyIG9mIGlucHV0LndvcmtzcGFjZUZvbGRlcnMpIHtcbiAgICBmb3IgKGxldCBkaXIgPSBmb2xkZXI7IDsgZGlyID0gcGF0aC5kaXJuYW1lKGRpcikpIHtcbiAgICAgIGNvbnN0IGNhbmRpZGF0ZSA9IHBhdGguam9pbihkaXIsICdkZXZ0b29scycpO1xuICAgICAgaWYgKGlucHV0LmlzRmlsZShjYW5kaWRhdGUpKSByZXR1cm4gY29tbWFuZEZvcihjYW5kaWRhdGUsICd3b3Jrc3BhY2UnKTtcbiAgICAgIGlmIChwYXRoLmRpcm5hbWUoZGlyKSA9PT0gZGlyKSBicmVhaztcbiAgICB9XG4gIH1cbiAgcmV0dXJuIHVuZGVmaW5lZDtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGV4cGFuZEhvbWUocDogc3RyaW5nLCBob21lOiBzdHJpbmcpOiBzdHJpbmcge1xuICBpZiAocCA9PT0gJ34nKSByZXR1cm4gaG9tZTtcbiAgaWYgKHAuc3RhcnRzV2l0aCgnfi8nKSkgcmV0dXJuIHBhdGguam9pbihob21lLCBwLnNsaWNlKDIpKTtcbiAgcmV0dXJuIHA7XG59XG5cbi8qKlxuICogRXhwYW5kcyBgJHt3b3Jrc3BhY2VGb2xkZXJ9YCAodGhlIGZpcnN0IGZvbGRlciksIGAke3dvcmtzcGFjZUZvbGRlcjpuYW1lfWAgYW5kIGB+YFxuICogaW4gdGhlIGBkZXZ0b29scy5zb3VyY2VSb290c2AgZW50cmllcywgZHJvcHMgbWFsZm9ybWVkIG9uZXMgYW5kIG1ha2VzIHJlbGF0aXZlXG4gKiBwYXRocyBhYnNvbHV0ZSBhZ2FpbnN0IHRoZSBmaXJzdCB3b3Jrc3BhY2UgZm9sZGVyLlxuICovXG5leHBvcnQgZnVuY3Rpb24gZXhwYW5kU291cmNlUm9vdHMoXG4gIHJhdzogdW5rbm93bixcbiAgZm9sZGVyczogcmVhZG9ubHkgeyBuYW1lOiBzdHJpbmc7IHBhdGg6IHN0cmluZyB9W10sXG4gIGhvbWU6IHN0cmluZyxcbik6IFNvdXJjZVJvb3RbXSB7XG4gIGlmICghQXJyYXkuaXNBcnJheShyYXcpKSByZXR1cm4gW107XG4gIGNvbnN0IGZpcnN0ID0gZm9sZGVyc1swXT8ucGF0aDtcbiAgY29uc3QgZXhwYW5kID0gKHM6IHN0cmluZyk6IHN0cmluZyB8IHVuZGVmaW5lZCA9PiB7XG4gICAgbGV0IHVucmVzb2x2ZWQgPSBmYWxzZTtcbiAgICBsZXQgb3V0ID0gcy5yZXBsYWNlKC9cXCRcXHt3b3Jrc3BhY2VGb2xkZXIoPzo6KFtefV0rKSk/XFx9L2csIChfbSwgbmFtZTogc3RyaW5nIHwgdW5kZWZpbmVkKSA9PiB7XG4gICAgICBjb25zdCBmID0gbmFtZSA/IGZvbGRlcnMuZmluZCh4ID0+IHgubmFtZSA9PT0gbmFtZSk/LnBhdGggOiBmaXJzdDtcbiAgICAgIGlmIChmID09PSB1bmRlZmluZWQpIHVucmVzb2x2ZWQgPSB0cnVlO1xuICAgICAgcmV0dXJuIGYgPz8gJyc7XG4gICAgfSk7XG4gICAgaWYgKHVucmVzb2x2ZWQpIHJldHVybiB1bmRlZmluZWQ7XG4gICAgb3V0ID0gZXhwYW5kSG9tZShvdXQsIGhvbWUpO1xuICAgIGlmICghcGF0aC5pc0Fic29sdXRlKG91dCkpIHtcbiAgICAgIGlmICghZmlyc3QpIHJldHVybiB1bmRlZmluZWQ7XG4gICAgICBvdXQgPSBwYXRoLmpvaW4oZmlyc3QsIG91dCk7XG4gICAgfVxuICAgIHJldHVybiBwYXRoLm5vcm1hbGl6ZShvdXQpO1xuICB9O1xuICBjb25zdCByZXN1bHQ6IFNvdXJjZVJvb3RbXSA9IFtdO1xuICBmb3IgKGNvbnN0IGVudHJ5IG9mIHJhdykge1xuICAgIGlmICh0eXBlb2YgZW50cnkgPT09ICdzdHJpbmcnKSB7XG4gICAgICBjb25zdCBlID0gZXhwYW5kKGVudHJ5KTtcbiAgICAgIGlmIChlKSByZXN1bHQucHVzaChlKTtcbiAgICB9IGVsc2UgaWYgKGVudHJ5ICYmIHR5cGVvZiBlbnRyeSA9PT0gJ29iamVjdCcpIHtcbiAgICAgIGNvbnN0IHsgZnJvbSwgdG8gfSA9IGVudHJ5IGFzIHsgZnJvbT86IHVua25vd247IHRvPzogdW5rbm93biB9O1xuICAgICAgaWYgKHR5cGVvZiBmcm9tICE9PSAnc3RyaW5nJyB8fCB0eXBlb2YgdG8gIT09ICdzdHJpbmcnIHx8ICFmcm9tKSBjb250aW51ZTtcbiAgICAgIGNvbnN0IHQgPSBleHBhbmQodG8pO1xuICAgICAgaWYgKHQpIHJlc3VsdC5wdXNoKHsgZnJvbSwgdG86IHQgfSk7XG4gICAgfVxuICB9XG4gIHJldHVybiByZXN1bHQ7XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUEsb0JBQW1CO0FBQ25CLHVCQUFxQjs7O0FDQ3JCLFdBQXNCO0FBc0J0QixTQUFTLFdBQVcsTUFBYyxRQUFnRDtBQUNoRixTQUFPLEtBQUssWUFBWSxFQUFFLFNBQVMsTUFBTSxJQUNyQyxFQUFFLFNBQVMsVUFBVSxNQUFNLENBQUMsTUFBTSxLQUFLLEdBQUcsT0FBTyxJQUNqRCxFQUFFLFNBQVMsTUFBTSxNQUFNLENBQUMsS0FBSyxHQUFHLE9BQU87QUFDN0M7QUFRTyxTQUFTLGNBQWMsT0FBZ0Q7QUFDNUUsUUFBTSxhQUFhLE1BQU0sV0FBVyxLQUFLO0FBQ3pDLE1BQUksWUFBWTtBQUNkLFdBQU8sV0FBVyxXQUFXLFlBQVksTUFBTSxJQUFJLEdBQUcsU0FBUztBQUFBLEVBQ2pFO0FBQ0EsUUFBTSxVQUFlLFVBQUssTUFBTSxlQUFlLFVBQVUsY0FBYztBQUN2RSxNQUFJLE1BQU0sT0FBTyxPQUFPLEVBQUcsUUFBTyxXQUFXLFNBQVMsU0FBUztBQUUvRCxhQUFXLE9BQU8sTUFBTSxRQUFRLE1BQVcsY0FBUyxHQUFHO0FBQ3JELFFBQUksQ0FBQyxJQUFLO0FBQ1YsVUFBTSxZQUFpQixVQUFLLEtBQUssVUFBVTtBQUMzQyxRQUFJLE1BQU0sT0FBTyxTQUFTLEVBQUcsUUFBTyxXQUFXLFdBQVcsTUFBTTtBQUFBLEVBQ2xFO0FBQ0EsYUFBVyxVQUFVLE1BQU0sa0JBQWtCO0FBQzNDLGFBQVMsTUFBTSxVQUFVLE1BQVcsYUFBUSxHQUFHLEdBQUc7QUFDaEQsWUFBTSxZQUFpQixVQUFLLEtBQUssVUFBVTtBQUMzQyxVQUFJLE1BQU0sT0FBTyxTQUFTLEVBQUcsUUFBTyxXQUFXLFdBQVcsV0FBVztBQUNyRSxVQUFTLGFBQVEsR0FBRyxNQUFNLElBQUs7QUFBQSxJQUNqQztBQUFBLEVBQ0Y7QUFDQSxTQUFPO0FBQ1Q7QUFFTyxTQUFTLFdBQVcsR0FBVyxNQUFzQjtBQUMxRCxNQUFJLE1BQU0sSUFBSyxRQUFPO0FBQ3RCLE1BQUksRUFBRSxXQUFXLElBQUksRUFBRyxRQUFZLFVBQUssTUFBTSxFQUFFLE1BQU0sQ0FBQyxDQUFDO0FBQ3pELFNBQU87QUFDVDtBQU9PLFNBQVMsa0JBQ2QsS0FDQSxTQUNBLE1BQ2M7QUFDZCxNQUFJLENBQUMsTUFBTSxRQUFRLEdBQUcsRUFBRyxRQUFPLENBQUM7QUFDakMsUUFBTSxRQUFRLFFBQVEsQ0FBQyxHQUFHO0FBQzFCLFFBQU0sU0FBUyxDQUFDLE1BQWtDO0FBQ2hELFFBQUksYUFBYTtBQUNqQixRQUFJLE1BQU0sRUFBRSxRQUFRLHVDQUF1QyxDQUFDLElBQUksU0FBNkI7QUFDM0YsWUFBTSxJQUFJLE9BQU8sUUFBUSxLQUFLLE9BQUssRUFBRSxTQUFTLElBQUksR0FBRyxPQUFPO0FBQzVELFVBQUksTUFBTSxPQUFXLGNBQWE7QUFDbEMsYUFBTyxLQUFLO0FBQUEsSUFDZCxDQUFDO0FBQ0QsUUFBSSxXQUFZLFFBQU87QUFDdkIsVUFBTSxXQUFXLEtBQUssSUFBSTtBQUMxQixRQUFJLENBQU0sZ0JBQVcsR0FBRyxHQUFHO0FBQ3pCLFVBQUksQ0FBQyxNQUFPLFFBQU87QUFDbkIsWUFBVyxVQUFLLE9BQU8sR0FBRztBQUFBLElBQzVCO0FBQ0EsV0FBWSxlQUFVLEdBQUc7QUFBQSxFQUMzQjtBQUNBLFFBQU0sU0FBdUIsQ0FBQztBQUM5QixhQUFXLFNBQVMsS0FBSztBQUN2QixRQUFJLE9BQU8sVUFBVSxVQUFVO0FBQzdCLFlBQU0sSUFBSSxPQUFPLEtBQUs7QUFDdEIsVUFBSSxFQUFHLFFBQU8sS0FBSyxDQUFDO0FBQUEsSUFDdEIsV0FBVyxTQUFTLE9BQU8sVUFBVSxVQUFVO0FBQzdDLFlBQU0sRUFBRSxNQUFNLEdBQUcsSUFBSTtBQUNyQixVQUFJLE9BQU8sU0FBUyxZQUFZLE9BQU8sT0FBTyxZQUFZLENBQUMsS0FBTTtBQUNqRSxZQUFNLElBQUksT0FBTyxFQUFFO0FBQ25CLFVBQUksRUFBRyxRQUFPLEtBQUssRUFBRSxNQUFNLElBQUksRUFBRSxDQUFDO0FBQUEsSUFDcEM7QUFBQSxFQUNGO0FBQ0EsU0FBTztBQUNUOzs7QURyR0EsSUFBTSxPQUFxQjtBQUFBLEVBQ3pCLFlBQVk7QUFBQSxFQUFJLGVBQWU7QUFBQSxFQUFRLGtCQUFrQixDQUFDLG9CQUFvQjtBQUFBLEVBQUcsU0FBUztBQUFBLEVBQXFCLE1BQU07QUFBQSxFQUNySCxRQUFRLE1BQU07QUFDaEI7QUFBQSxJQUVBLHVCQUFLLDhDQUE4QyxNQUFNO0FBQ3ZELGdCQUFBQSxRQUFPO0FBQUEsSUFBVSxjQUFjLEVBQUUsR0FBRyxNQUFNLFlBQVksd0JBQXdCLFFBQVEsTUFBTSxLQUFLLENBQUM7QUFBQSxJQUNoRyxFQUFFLFNBQVMsVUFBVSxNQUFNLENBQUMsd0JBQXdCLEtBQUssR0FBRyxRQUFRLFVBQVU7QUFBQSxFQUFDO0FBQ2pGLGdCQUFBQSxRQUFPO0FBQUEsSUFBVSxjQUFjLEVBQUUsR0FBRyxNQUFNLFlBQVksbUJBQW1CLENBQUM7QUFBQSxJQUN4RSxFQUFFLFNBQVMsd0JBQXdCLE1BQU0sQ0FBQyxLQUFLLEdBQUcsUUFBUSxVQUFVO0FBQUEsRUFBQztBQUN6RSxDQUFDO0FBQUEsSUFFRCx1QkFBSyxrRUFBa0UsTUFBTTtBQUMzRSxnQkFBQUEsUUFBTztBQUFBLElBQVUsY0FBYyxFQUFFLEdBQUcsTUFBTSxRQUFRLE9BQUssTUFBTSw4QkFBOEIsTUFBTSxvQkFBb0IsQ0FBQztBQUFBLElBQ3BILEVBQUUsU0FBUyxVQUFVLE1BQU0sQ0FBQyw0QkFBNEIsS0FBSyxHQUFHLFFBQVEsVUFBVTtBQUFBLEVBQUM7QUFDckYsZ0JBQUFBLFFBQU87QUFBQSxJQUFVLGNBQWMsRUFBRSxHQUFHLE1BQU0sUUFBUSxPQUFLLE1BQU0sdUJBQXVCLE1BQU0saUJBQWlCLENBQUM7QUFBQSxJQUMxRyxFQUFFLFNBQVMscUJBQXFCLE1BQU0sQ0FBQyxLQUFLLEdBQUcsUUFBUSxPQUFPO0FBQUEsRUFBQztBQUNqRSxnQkFBQUEsUUFBTztBQUFBLElBQVUsY0FBYyxFQUFFLEdBQUcsTUFBTSxRQUFRLE9BQUssTUFBTSxpQkFBaUIsQ0FBQztBQUFBLElBQzdFLEVBQUUsU0FBUyxrQkFBa0IsTUFBTSxDQUFDLEtBQUssR0FBRyxRQUFRLFlBQVk7QUFBQSxFQUFDO0FBQ25FLGdCQUFBQSxRQUFPLE1BQU0sY0FBYyxJQUFJLEdBQUcsTUFBUztBQUM3QyxDQUFDO0FBQUEsSUFFRCx1QkFBSyxtRUFBbUUsTUFBTTtBQUM1RSxRQUFNLFVBQVUsQ0FBQyxFQUFFLE1BQU0sUUFBUSxNQUFNLFVBQVUsR0FBRyxFQUFFLE1BQU0sT0FBTyxNQUFNLFNBQVMsQ0FBQztBQUNuRixnQkFBQUEsUUFBTyxVQUFVLGtCQUFrQjtBQUFBLElBQ2pDO0FBQUEsSUFBMEI7QUFBQSxJQUEwQjtBQUFBLElBQVc7QUFBQSxJQUFVO0FBQUEsSUFDekUsRUFBRSxNQUFNLFFBQVEsSUFBSSxxQkFBcUI7QUFBQSxJQUFHLEVBQUUsTUFBTSxJQUFJLElBQUksS0FBSztBQUFBLElBQUcsRUFBRSxNQUFNLEtBQUs7QUFBQSxJQUFHO0FBQUEsSUFBSTtBQUFBLEVBQzFGLEdBQUcsU0FBUyxTQUFTLEdBQUcsQ0FBQyxlQUFlLFVBQVUsbUJBQW1CLGdCQUFnQixFQUFFLE1BQU0sUUFBUSxJQUFJLFVBQVUsQ0FBQyxDQUFDO0FBQ3JILGdCQUFBQSxRQUFPLFVBQVUsa0JBQWtCLFFBQVEsU0FBUyxJQUFJLEdBQUcsQ0FBQyxDQUFDO0FBQzdELGdCQUFBQSxRQUFPLFVBQVUsa0JBQWtCLENBQUMsS0FBSyxHQUFHLENBQUMsR0FBRyxJQUFJLEdBQUcsQ0FBQyxDQUFDO0FBQzNELENBQUM7IiwKICAibmFtZXMiOiBbImFzc2VydCJdCn0K
