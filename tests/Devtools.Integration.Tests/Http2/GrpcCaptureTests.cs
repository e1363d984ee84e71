using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Devtools.Core.Capture;
using Devtools.Core.Query.Http;
using Devtools.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using GrpcGreeter;

namespace Devtools.Integration.Tests.Http2;

/// <summary>
/// Real eBPF capture of gRPC: Grpc.Net.Client (this process) calling the GrpcGreeter sample
/// (Kestrel, h2c) — unary, server streaming, client streaming, bidirectional, and errors.
/// Each call must be one row on each side: the method as :path, :status 200, grpc-status and
/// grpc-message in the response headers (and resp_message), the count and sizes of the
/// length-prefixed messages each way, and a latency no larger than the client measured.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class GrpcCaptureTests
{
    [Fact]
    public async Task Grpc_dotnet_calls_of_every_shape_each_captured_once_on_both_sides()
    {
        using GrpcGreeterServer server = GrpcGreeterServer.Start();
        using GrpcChannel channel = GrpcChannel.ForAddress(server.BaseUrl);
        var client = new Greeter.GreeterClient(channel);
        var calls = new List<Call>();

        using CaptureSession session = Capture.Start();
        var clock = Stopwatch.StartNew();
        var ada = new HelloRequest { Name = "Ada" };
        HelloReply hello = await client.SayHelloAsync(ada);
        calls.Add(new Call("SayHello", 0, [ada.CalculateSize()], [hello.CalculateSize()], Elapsed(clock)));

        clock.Restart();
        var many = new HelloRequest { Name = "Grace", Count = 5 };
        var replies = new List<int>();
        using (AsyncServerStreamingCall<HelloReply> stream = client.SayHellos(many))
        {
            await foreach (HelloReply reply in stream.ResponseStream.ReadAllAsync())
                replies.Add(reply.CalculateSize());
        }
        calls.Add(new Call("SayHellos", 0, [many.CalculateSize()], replies, Elapsed(clock)));

        clock.Restart();
        var sent = new List<int>();
        using (AsyncClientStreamingCall<HelloRequest, HelloReply> upload = client.CollectHellos())
        {
            foreach (string name in (string[])["Alan", "Barbara", "Edsger"])
            {
                var request = new HelloRequest { Name = name };
                sent.Add(request.CalculateSize());
                await upload.RequestStream.WriteAsync(request);
            }
            await upload.RequestStream.CompleteAsync();
            HelloReply all = await upload;
            calls.Add(new Call("CollectHellos", 0, sent, [all.CalculateSize()], Elapsed(clock)));
        }

        clock.Restart();
        sent = [];
        replies = [];
        using (AsyncDuplexStreamingCall<HelloRequest, HelloReply> chat = client.Chat())
        {
            foreach (string name in (string[])["Ken", "Dennis", "Bjarne", "Niklaus"])
            {
                var request = new HelloRequest { Name = name };
                sent.Add(request.CalculateSize());
                await chat.RequestStream.WriteAsync(request);
                Assert.True(await chat.ResponseStream.MoveNext());
                replies.Add(chat.ResponseStream.Current.CalculateSize());
            }
            await chat.RequestStream.CompleteAsync();
            Assert.False(await chat.ResponseStream.MoveNext());
        }
        calls.Add(new Call("Chat", 0, sent, replies, Elapsed(clock)));

        foreach ((string name, StatusCode code) in new[] { ("", StatusCode.InvalidArgument), ("nobody", StatusCode.NotFound) })
        {
            clock.Restart();
            var request = new HelloRequest { Name = name };
            RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await client.SayHelloAsync(request));
            Assert.Equal(code, error.StatusCode);
            calls.Add(new Call("SayHello", (int)code, [request.CalculateSize()], [], Elapsed(clock), error.Status.Detail));
        }
        List<HttpEvent> rows = Capture.StopAndRead(session);

        AssertEachCallOnce(calls, [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == server.Port)], "server side (Kestrel)");
        AssertEachCallOnce(calls, [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == server.Port && r.Upid.Pid == (uint)Environment.ProcessId)], "client side (Grpc.Net.Client)");
        Assert.Equal(0, session.Counters.Protocol("http2").ParseErrors);
        Assert.Equal(0, session.Counters.Protocol("http2").Specific("records_with_lost_headers").Value);
    }

    private static void AssertEachCallOnce(List<Call> calls, List<HttpEvent> rows, string side)
    {
        rows = [.. rows.OrderBy(r => r.TimeUnixNs)];
        string Describe() => string.Join("\n", rows.Select(r => $"  {r.ReqPath} {r.RespStatus} {r.RespMessage} {r.RespHeaders}"));
        Assert.True(calls.Count == rows.Count, $"{side}: {calls.Count} calls, {rows.Count} rows:\n{Describe()}");
        for (int i = 0; i < calls.Count; i++)
        {
            Call call = calls[i];
            HttpEvent row = rows[i];
            string what = $"{side}: call {i} ({call.Method})";
            Assert.Equal($"/greet.Greeter/{call.Method}", row.ReqPath);
            Assert.Equal("POST", row.ReqMethod);
            Assert.Equal(2, row.MajorVersion);
            Assert.Equal(2, row.ContentType);
            Assert.Equal(200, row.RespStatus);
            Dictionary<string, string> request = Headers(row.ReqHeaders);
            Dictionary<string, string> response = Headers(row.RespHeaders);
            Assert.True(response.TryGetValue("grpc-status", out string? status), $"{what}: no grpc-status in {row.RespHeaders}");
            Assert.Equal(call.Status.ToString(CultureInfo.InvariantCulture), status);
            string expectedMessage = call.Status == 0 ? "OK" : $"{(call.Status == 3 ? "INVALID_ARGUMENT" : "NOT_FOUND")}: {call.Detail}";
            Assert.Equal(expectedMessage, row.RespMessage);
            Assert.Equal(call.RequestSizes.Count.ToString(CultureInfo.InvariantCulture), request["devtools.grpc.messages"]);
            Assert.Equal(string.Join(",", call.RequestSizes), request["devtools.grpc.message_sizes"]);
            Assert.Equal(call.RequestSizes.Sum(s => s + 5), row.ReqBodySize);
            Assert.Equal(call.ResponseSizes.Count.ToString(CultureInfo.InvariantCulture), response.GetValueOrDefault("devtools.grpc.messages", "0"));
            if (call.ResponseSizes.Count > 0)
                Assert.Equal(string.Join(",", call.ResponseSizes), response["devtools.grpc.message_sizes"]);
            Assert.Equal(call.ResponseSizes.Sum(s => s + 5), row.RespBodySize);
            Assert.True(row.LatencyNs > 0 && row.LatencyNs <= call.ClientLatencyNs, $"{what}: latency {row.LatencyNs} ns, client measured {call.ClientLatencyNs} ns");
        }
    }

    private static Dictionary<string, string> Headers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static long Elapsed(Stopwatch clock) => (long)clock.Elapsed.TotalNanoseconds;

    private sealed record Call(string Method, int Status, List<int> RequestSizes, List<int> ResponseSizes, long ClientLatencyNs, string Detail = "");
}
