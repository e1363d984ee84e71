namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// Where paired DNS queries and answers go (the dns_events table). Obtained with
/// <c>services.Sinks.Find&lt;IDnsTransactionSink&gt;()</c>.
/// </summary>
public interface IDnsTransactionSink
{
    /// <summary>
    /// Takes one pair. The messages' bytes are pooled buffers returned as soon as this call
    /// ends: copy what you keep.
    /// </summary>
    void Write(in DnsTransaction transaction);
}
