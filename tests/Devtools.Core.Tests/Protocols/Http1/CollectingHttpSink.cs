using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>An HTTP record turned into managed objects, for assertions.</summary>
public sealed class HttpRecord
{
    public required ConnectionInfo Connection { get; init; }
    public long RequestStartNs { get; init; }
    public long ResponseEndNs { get; init; }
    public long LatencyNs { get; init; }
    public int MajorVersion { get; init; }
    public int MinorVersion { get; init; }
    public required string Method { get; init; }
    public required string Target { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; }
    public required byte[] RequestBody { get; init; }
    public long RequestBodySize { get; init; }
    public int Status { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; }
    public required byte[] ResponseBody { get; init; }
    public long ResponseBodySize { get; init; }
    public HttpContentType ContentType { get; init; }

    public string RequestBodyText => Encoding.Latin1.GetString(RequestBody);

    public string ResponseBodyText => Encoding.Latin1.GetString(ResponseBody);

    public string? RequestHeader(string name) => RequestHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ResponseHeader(string name) => ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Everything but timestamps, as one comparable string.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"{Method} {Target} HTTP/{MajorVersion}.{MinorVersion} -> {Status} {Reason} [{ContentType}]\n");
        foreach (KeyValuePair<string, string> h in RequestHeaders)
            text.Append($"  > {h.Key}: {h.Value}\n");
        text.Append($"  > body {RequestBodySize}: {RequestBodyText}\n");
        foreach (KeyValuePair<string, string> h in ResponseHeaders)
            text.Append($"  < {h.Key}: {h.Value}\n");
        text.Append($"  < body {ResponseBodySize}: {ResponseBodyText}\n");
        return text.ToString();
    }

    public override string ToString() => Describe();
}

/// <summary>Materialises every transaction it is given (the test stand-in for the Arrow sink).</summary>
public sealed class CollectingHttpSink : IHttpTransactionSink
{
    public List<HttpRecord> Records { get; } = [];

    public void Write(in HttpTransaction transaction)
    {
        Records.Add(new HttpRecord
        {
            Connection = transaction.Connection,
            RequestStartNs = transaction.RequestStartNs,
            ResponseEndNs = transaction.ResponseEndNs,
            LatencyNs = transaction.LatencyNs,
            MajorVersion = transaction.MajorVersion,
            MinorVersion = transaction.MinorVersion,
            Method = Encoding.Latin1.GetString(transaction.Method),
            Target = Encoding.Latin1.GetString(transaction.Target),
            RequestHeaders = Materialise(transaction.RequestHeaders),
            RequestBody = transaction.RequestBody.ToArray(),
            RequestBodySize = transaction.RequestBodySize,
            Status = transaction.Status,
            Reason = Encoding.Latin1.GetString(transaction.Reason),
            ResponseHeaders = Materialise(transaction.ResponseHeaders),
            ResponseBody = transaction.ResponseBody.ToArray(),
            ResponseBodySize = transaction.ResponseBodySize,
            ContentType = transaction.ContentType,
        });
    }

    public static List<KeyValuePair<string, string>> Materialise(HttpHeaders headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (HttpHeader header in headers)
            list.Add(new(Encoding.Latin1.GetString(header.Name), Encoding.Latin1.GetString(header.Value)));
        return list;
    }
}
