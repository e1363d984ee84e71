using System.Text;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Metadata;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http1;

public class Http1InferenceTests
{
    private static readonly Http1Protocol Protocol = new();

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n")]
    [InlineData("GET / HTTP/1.0\n")]
    [InlineData("POST /api/orders?x=1 HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("PUT /a HTTP/1.1\r\n")]
    [InlineData("DELETE /a HTTP/1.1\r\n")]
    [InlineData("HEAD /a HTTP/1.1\r\n")]
    [InlineData("OPTIONS * HTTP/1.1\r\n")]
    [InlineData("PATCH /a HTTP/1.1\r\n")]
    [InlineData("TRACE /a HTTP/1.1\r\n")]
    [InlineData("CONNECT api.example:443 HTTP/1.1\r\n")]
    [InlineData("CONNECT [::1]:443 HTTP/1.1\r\n")]
    [InlineData("GET http://example.com/a HTTP/1.1\r\n")]
    [InlineData("GET HTTPS://example.com/a HTTP/1.1\r\n")]
    [InlineData("PROPFIND /dav HTTP/1.1\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\n")]
    public void RecognisesRequests(string text) =>
        Assert.Equal(InferenceResult.Request, Infer(text));

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.0 404 Not Found\r\n")]
    [InlineData("HTTP/1.1 204\r\n")]
    [InlineData("HTTP/1.1 101")]
    public void RecognisesResponses(string text) =>
        Assert.Equal(InferenceResult.Response, Infer(text));

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("GET")]
    [InlineData("GET ")]
    [InlineData("GET /")]
    [InlineData("GET /some/long/path?q=1")]
    [InlineData("GET /a ")]
    [InlineData("GET /a HTTP/1.")]
    [InlineData("GET /a HTTP/1.1")]
    [InlineData("GET /a HTTP/1.1\r")]
    [InlineData("GET h")]
    [InlineData("GET http:/")]
    [InlineData("PROPFIND /dav")]
    [InlineData("H")]
    [InlineData("HTTP/1")]
    [InlineData("HTTP/1.1 2")]
    public void WaitsForMoreWhenStillPlausible(string text) =>
        Assert.Equal(InferenceResult.NeedMoreData, Infer(text));

    [Theory]
    [InlineData("get / HTTP/1.1\r\n")]
    [InlineData("GET / HTTP/2.0\r\n")]
    [InlineData("GET / HTTP/1.1 \r\n")]
    [InlineData("GET /a b HTTP/1.1\r\n")]
    [InlineData("GET  / HTTP/1.1\r\n")]
    [InlineData("GET x HTTP/1.1\r\n")]
    [InlineData("OPTIONS2 * HTTP/1.1\r\n")]
    [InlineData("GET * HTTP/1.1\r\n")]
    [InlineData("CONNECT /a HTTP/1.1\r\n")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("HTTP/2 200\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n")]
    [InlineData("HTTP/1.1 2000\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n")]
    [InlineData("*3\r\n$3\r\nSET\r\n")]
    [InlineData("GET /a HTTP/1.1x")]
    [InlineData("Hello world\r\n")]
    public void RejectsOtherBytes(string text) =>
        Assert.Equal(InferenceResult.NoMatch, Infer(text));

    [Fact]
    public void RejectsEndlessRequestLines()
    {
        string line = "GET /" + new string('a', Http1Inference.MaxRequestLineBytes);
        Assert.Equal(InferenceResult.NoMatch, Infer(line));
    }

    [Fact]
    public void RejectsMessagesGoingTheWrongWayForAKnownRole()
    {
        byte[] request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n");
        byte[] response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n");
        Assert.Equal(InferenceResult.Request, Protocol.Infer(request, Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.NoMatch, Protocol.Infer(request, Direction.Egress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.Request, Protocol.Infer(request, Direction.Egress, ConnectionRole.Client));
        Assert.Equal(InferenceResult.NoMatch, Protocol.Infer(response, Direction.Egress, ConnectionRole.Client));
        Assert.Equal(InferenceResult.Response, Protocol.Infer(response, Direction.Ingress, ConnectionRole.Unknown));
    }

    [Fact]
    public void NeverThrowsOnRandomBytes()
    {
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (bytes.Length > 4 && random.Next(3) == 0)
                "GET /"u8.CopyTo(bytes);
            if (bytes.Length > 10 && random.Next(3) == 0)
                "HTTP/1.1 2"u8.CopyTo(bytes);
            _ = Protocol.Infer(bytes, Direction.Ingress, ConnectionRole.Unknown);
        }
    }

    [Theory]
    [InlineData(Direction.Egress, ConnectionRole.Client)]
    [InlineData(Direction.Ingress, ConnectionRole.Server)]
    public void TrackerInfersHttpAndTheRoleFromTheFirstRequest(Direction requestDirection, ConnectionRole expectedRole)
    {
        var counters = new CaptureCounters();
        var sink = new CollectingHttpSink();
        var services = new ProtocolServices(counters, new ProtocolOptions(), new SingleSink(sink));
        using var tracker = new ConnectionTracker(new ProtocolRegistry([Protocol]), services, new ProcessRegistry(procRoot: "/nonexistent"));
        var id = new ConnectionId(1234, 5, 1);
        long offsetOut = 0, offsetIn = 0;
        void Send(Direction direction, string text, long ts)
        {
            byte[] payload = Encoding.ASCII.GetBytes(text);
            ref long offset = ref direction == Direction.Egress ? ref offsetOut : ref offsetIn;
            tracker.OnData(new SocketData(id, ts, direction, offset, payload.Length, TracedSyscall.Write, false, false), payload);
            offset += payload.Length;
        }

        Send(requestDirection, "GET /a HT", 100);
        Send(requestDirection, "TP/1.1\r\nHost: x\r\n\r\n", 200);
        Send(requestDirection.Opposite(), "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 900);
        tracker.OnClose(new SocketClose(id, 1000, offsetOut, offsetIn));

        HttpRecord record = Assert.Single(sink.Records);
        Assert.Equal("/a", record.Target);
        Assert.Equal(expectedRole, record.Connection.Role);
        Assert.True(record.Connection.RoleInferred);
        Assert.Equal(800, record.LatencyNs);
        Assert.Equal(1, counters.Protocol("http").Connections);
    }

    private static InferenceResult Infer(string text) =>
        Protocol.Infer(Encoding.Latin1.GetBytes(text), Direction.Ingress, ConnectionRole.Unknown);

    private sealed class SingleSink(IHttpTransactionSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
