using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Appends each HTTP transaction, whatever its version, as one http_events row.
/// Runs on the capture thread; writes straight into the Arrow column builders
/// (header JSON and redacted paths included), so a row costs no allocation.
/// </summary>
/// <remarks>
/// time_ is when the response completed (rows are appended then, so batches stay
/// in time order); latency runs from the request's first byte to the response's
/// last, as the traced process saw them.
/// </remarks>
public sealed class HttpEventsTableSink(Table<HttpEventsBuilder> table, ProtocolOptions options) : IHttpTransactionSink
{
    public void Write(in HttpTransaction transaction)
    {
        HttpEventsBuilder b = table.Builder;
        // By reference: a copy of the transaction's spans costs more than some of the appends.
        ref readonly HttpTransaction t = ref transaction;
        ConnectionInfo c = t.Connection;
        b.Time.Append(MonotonicClock.ToUnixNs(t.ResponseEndNs));
        b.Upid.Append(c.Upid);
        b.RemoteAddr.AppendValidUtf8(c.RemoteAddressUtf8);
        b.RemotePort.Append(c.RemotePort);
        b.LocalAddr.AppendValidUtf8(c.LocalAddressUtf8);
        b.LocalPort.Append(c.LocalPort);
        b.TraceRole.Append((long)c.Role);
        b.Encrypted.Append(c.Encrypted);
        b.MajorVersion.Append(t.MajorVersion);
        b.MinorVersion.Append(t.MinorVersion);
        b.ContentType.Append((long)t.ContentType);
        // The JSON is valid UTF-8 by construction: nothing to check again.
        HttpHeadersJson.Write(t.RequestHeaders, b.ReqHeaders, options);
        b.ReqHeaders.CommitValidUtf8();
        b.ReqMethod.Append(t.Method);
        if (options.RedactSecrets && PathRedaction.NeedsRedaction(t.Target))
        {
            PathRedaction.Write(t.Target, b.ReqPath);
            b.ReqPath.Commit();
        }
        else
        {
            b.ReqPath.Append(t.Target);
        }
        b.ReqBody.Append(t.RequestBody);
        b.ReqBodySize.Append(t.RequestBodySize);
        HttpHeadersJson.Write(t.ResponseHeaders, b.RespHeaders, options);
        b.RespHeaders.CommitValidUtf8();
        b.RespStatus.Append(t.Status);
        b.RespMessage.Append(t.Reason);
        b.RespBody.Append(t.ResponseBody);
        b.RespBodySize.Append(t.ResponseBodySize);
        b.Latency.Append(Math.Max(0, t.LatencyNs));
        table.CommitRow();
    }
}
