using Devtools.Core.Query.Http;
using Devtools.Core.Query.Http2;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Query.Http2;

public sealed class GrpcMethodStatsTests
{
    private static readonly Upid Greeter = new(0, 300, 7000);
    private static readonly Upid Other = new(0, 400, 8000);

    [Fact]
    public void GroupsGrpcCallsByMethodAndCountsGrpcStatusErrors()
    {
        var table = HttpRows.NewTable();
        Call(1_000, Greeter, "/greet.Greeter/SayHello", 0, 2_000_000);
        Call(2_000, Greeter, "/greet.Greeter/SayHello", 5, 4_000_000);
        Call(3_000, Greeter, "/greet.Greeter/SayHello", 13, 6_000_000);
        Call(4_000, Greeter, "/greet.Greeter/SayHellos", 0, 8_000_000);
        Call(5_000, Other, "/greet.Greeter/SayHello", 0, 1_000_000);
        // Not gRPC: plain HTTP/2 and HTTP/1 rows are left to HttpEndpointStats.
        new HttpRow(6_000, Greeter, "GET", "/index.html", MajorVersion: 2, ContentType: 0).AppendTo(table);
        new HttpRow(7_000, Greeter, "POST", "/greet.Greeter/SayHello", ContentType: 2).AppendTo(table);
        table.Seal();

        LatencyAggregation<GrpcMethodKey> result = GrpcMethodStats.Compute(table, new GrpcMethodQuery { FromUnixNs = 0, ToUnixNs = 1_000_000_000 });

        Assert.Equal(5, result.TotalCount);
        LatencyGroup<GrpcMethodKey> top = result.Groups[0];
        Assert.Equal(new GrpcMethodKey(Greeter, "greet.Greeter", "SayHello"), top.Key);
        Assert.Equal("/greet.Greeter/SayHello", top.Key.Path);
        Assert.Equal(3, top.Stats.Count);
        Assert.Equal(1, top.Stats.ServerErrors);
        Assert.Equal(1, top.Stats.ClientErrors);
        Assert.Equal(6.0, top.Stats.MaxLatencyNs / 1e6);
        Assert.Equal(
            ["greet.Greeter/SayHello 300", "greet.Greeter/SayHellos 300", "greet.Greeter/SayHello 400"],
            result.Groups.Select(g => $"{g.Key.Service}/{g.Key.Method} {g.Key.Upid.Pid}"));

        void Call(long time, Upid upid, string path, int grpcStatus, long latency) =>
            new HttpRow(time, upid, "POST", path, 200, latency, MajorVersion: 2, ContentType: 2,
                RespHeaders: $"{{\":status\":\"200\",\"content-type\":\"application/grpc\",\"grpc-status\":\"{grpcStatus}\"}}").AppendTo(table);
    }

    [Fact]
    public void FiltersByPidAndWindowAndTreatsMissingStatusAsAFailure()
    {
        var table = HttpRows.NewTable(maxBatchRows: 2);
        for (int i = 0; i < 10; i++)
        {
            new HttpRow(i * 1_000_000_000L, i % 2 == 0 ? Greeter : Other, "POST", "/greet.Greeter/Chat", 200, MajorVersion: 2, ContentType: 2,
                RespHeaders: i == 4 ? "{\":status\":\"200\",\"devtools.rst_stream\":\"CANCEL by client\"}" : "{\"grpc-status\":\"0\"}").AppendTo(table);
        }
        table.Seal();
        LatencyAggregation<GrpcMethodKey> result = GrpcMethodStats.Compute(
            table, new GrpcMethodQuery { Pid = 300, FromUnixNs = 2_000_000_000, ToUnixNs = 7_000_000_000 });
        LatencyGroup<GrpcMethodKey> chat = Assert.Single(result.Groups);
        Assert.Equal(3, chat.Stats.Count); // rows 2, 4, 6
        Assert.Equal(1, chat.Stats.ServerErrors);
        Assert.Equal(5.0, result.WindowSeconds);
    }

    [Theory]
    [InlineData(0, GrpcOutcome.Ok)]
    [InlineData(1, GrpcOutcome.ClientError)]
    [InlineData(3, GrpcOutcome.ClientError)]
    [InlineData(16, GrpcOutcome.ClientError)]
    [InlineData(2, GrpcOutcome.ServerError)]
    [InlineData(14, GrpcOutcome.ServerError)]
    [InlineData(99, GrpcOutcome.ServerError)]
    public void StatusCodesSayWhoFailed(int code, GrpcOutcome outcome) => Assert.Equal(outcome, GrpcMethodStats.Classify(code));

    [Fact]
    public void HttpEndpointStatsKeepsGrpcPathsAndFiltersByVersion()
    {
        var table = HttpRows.NewTable();
        // A method name that would look like an opaque token to the path templater.
        new HttpRow(1_000, Greeter, "POST", "/shop.v2.Catalog/ListItems2WithPagination", MajorVersion: 2, ContentType: 2).AppendTo(table);
        new HttpRow(2_000, Greeter, "GET", "/orders/17", MajorVersion: 2, ContentType: 1).AppendTo(table);
        new HttpRow(3_000, Greeter, "GET", "/orders/18", MajorVersion: 1).AppendTo(table);
        table.Seal();
        HttpEndpointReport all = HttpEndpointStats.Compute(table, new HttpEndpointQuery());
        Assert.Contains(all.Endpoints, e => e.PathTemplate == "/shop.v2.Catalog/ListItems2WithPagination");
        HttpEndpointReport http2 = HttpEndpointStats.Compute(table, new HttpEndpointQuery { MajorVersion = 2 });
        Assert.Equal(2, http2.TotalRequests);
        Assert.Equal(["/orders/{id}", "/shop.v2.Catalog/ListItems2WithPagination"], http2.Endpoints.Select(e => e.PathTemplate).Order());
    }
}
