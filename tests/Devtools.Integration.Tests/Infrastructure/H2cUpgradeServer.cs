using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// A minimal h2c server that answers "Upgrade: h2c" (nghttpd only speaks prior knowledge
/// without TLS): 101, SETTINGS, then 200 with a body of <see cref="BodySize"/> bytes on
/// stream 1 and on every later stream, until the client closes. Python, no libraries.
/// </summary>
public sealed class H2cUpgradeServer : HttpServer
{
    public const int BodySize = 1234;

    private const string Script = """
        import socket, struct, sys, threading
        def frame(t, f, s, p): return struct.pack(">I", len(p))[1:] + bytes([t, f]) + struct.pack(">I", s) + p
        def lit(n, v): return b"\x00" + bytes([len(n)]) + n + bytes([len(v)]) + v
        BODY = b"b" * SIZE
        def respond(c, stream):
            block = b"\x88" + lit(b"content-type", b"text/plain") + lit(b"content-length", str(len(BODY)).encode())
            c.sendall(frame(1, 4, stream, block) + frame(0, 1, stream, BODY))
        def recv_exact(c, buf, n):
            while len(buf) < n:
                more = c.recv(65536)
                if not more: return None
                buf += more
            return buf
        def handle(c):
            buf = b""
            while b"\r\n\r\n" not in buf:
                more = c.recv(65536)
                if not more: return
                buf += more
            buf = buf.split(b"\r\n\r\n", 1)[1]
            c.sendall(b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n" + frame(4, 0, 0, b""))
            buf = recv_exact(c, buf, 24)
            if buf is None: return
            buf = buf[24:]
            respond(c, 1)
            while True:
                buf = recv_exact(c, buf, 9)
                if buf is None: return
                length = int.from_bytes(buf[0:3], "big"); t = buf[3]; f = buf[4]; s = int.from_bytes(buf[5:9], "big") & 0x7fffffff
                buf = recv_exact(c, buf, 9 + length)
                if buf is None: return
                buf = buf[9 + length:]
                if t == 4 and not f & 1: c.sendall(frame(4, 1, 0, b""))
                elif t == 1 and f & 1: respond(c, s)
                elif t == 7: return
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", PORT)); s.listen(16)
        while True:
            c, _ = s.accept()
            def run(c=c):
                try: handle(c)
                finally: c.close()
            threading.Thread(target=run, daemon=True).start()
        """;

    private H2cUpgradeServer(ManagedProcess process, int port, string directory)
        : base(process, port, directory)
    {
    }

    public static H2cUpgradeServer Start()
    {
        string dir = NewScratchDirectory("h2c-upgrade");
        int port = FreePort.Next();
        string script = Script.Replace("SIZE", BodySize.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("PORT", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var process = ManagedProcess.Start("python3", ["-c", script]);
        process.WaitForPort(port, TimeSpan.FromSeconds(10));
        return new H2cUpgradeServer(process, port, dir);
    }
}
