namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Where stitched HTTP request/response pairs go (the http_events table), whatever the
/// HTTP version. Obtained with <c>services.Sinks.Find&lt;IHttpTransactionSink&gt;()</c>.
/// </summary>
public interface IHttpTransactionSink
{
    /// <summary>
    /// Takes one pair. Every span in <paramref name="transaction"/> points into pooled
    /// frame buffers that are returned as soon as this call ends: copy what you keep.
    /// </summary>
    void Write(in HttpTransaction transaction);
}
