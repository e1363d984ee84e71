using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Dns;

/// <summary>A query and its answer, as the stitcher pairs them: views of the two frames, valid during the sink call.</summary>
public readonly ref struct DnsTransaction
{
    private readonly ref readonly DnsMessage _query;
    private readonly ref readonly DnsMessage _response;

    public DnsTransaction(ConnectionInfo connection, ref readonly DnsMessage query, ref readonly DnsMessage response)
    {
        Connection = connection;
        _query = ref query;
        _response = ref response;
    }

    public ConnectionInfo Connection { get; }

    public ref readonly DnsMessage Query => ref _query;

    public ref readonly DnsMessage Response => ref _response;

    /// <summary>From the query's first byte to the answer's last, as the traced process saw them.</summary>
    public long LatencyNs => _response.EndNs - _query.StartNs;
}
