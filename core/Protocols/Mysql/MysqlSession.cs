namespace Devtools.Core.Protocols.Mysql;

/// <summary>Where a MySQL connection is in its life.</summary>
public enum MysqlPhase : byte
{
    /// <summary>Commands and their responses (also where a connection joined late starts).</summary>
    Command,

    /// <summary>After the server greeting, until the authentication result.</summary>
    Handshake,

    /// <summary>The client asked for TLS: every later byte is encrypted.</summary>
    Encrypted,

    /// <summary>The compressed protocol was negotiated: packets are wrapped and deflated.</summary>
    Compressed,
}

/// <summary>
/// What both directions of one MySQL connection share: the phase, the capabilities
/// learnt from the handshake (or from the packets, when the handshake was not seen),
/// and the prepared statements whose executes the request parser decodes.
/// </summary>
internal sealed class MysqlSession
{
    private readonly MysqlCounters _counters;
    private MysqlCapabilities _serverCapabilities;
    private MysqlCapabilities _clientCapabilities;
    private bool _sawGreeting;
    private bool _sawLogin;

    public MysqlSession(MysqlCounters counters, MysqlLimits limits)
    {
        _counters = counters;
        Limits = limits;
        Statements = new MysqlPreparedStatements(counters, limits.MaxPreparedStatements, limits.MaxPreparedQueryBytes);
    }

    public MysqlLimits Limits { get; }

    public MysqlPhase Phase { get; private set; }

    public MysqlPreparedStatements Statements { get; }

    /// <summary>
    /// Whether result sets omit the EOF packet after their column definitions
    /// (CLIENT_DEPRECATE_EOF): from the handshake, or learnt from the first result set;
    /// null while unknown.
    /// </summary>
    public bool? DeprecateEof { get; private set; }

    /// <summary>Both sides agreed on MySQL 8's optional result set metadata: the flag comes before the column count.</summary>
    public bool OptionalMetadataFirst { get; private set; }

    /// <summary>Both sides agreed on query attributes (MySQL 8.0.23+): COM_QUERY and COM_STMT_EXECUTE carry them first.</summary>
    public bool? QueryAttributes { get; private set; }

    /// <summary>The id of the statement prepared last (MariaDB executes statement id -1 as "the last prepared").</summary>
    public uint LastPreparedId { get; set; } = uint.MaxValue;

    public bool IsOpaque => Phase is MysqlPhase.Encrypted or MysqlPhase.Compressed;

    /// <summary>
    /// The server asked the client for data outside any command: a LOCAL INFILE's contents or
    /// COM_CHANGE_USER's authentication. Until its response ends, client packets with a
    /// sequence id other than 0 are that data; otherwise they are not MySQL at that position.
    /// </summary>
    public bool ClientDataExpected { get; set; }

    /// <summary>The server greeting: a new connection, whose handshake comes next.</summary>
    public void OnGreeting(MysqlCapabilities serverCapabilities)
    {
        _counters.Handshakes.Value++;
        _sawGreeting = true;
        _serverCapabilities = serverCapabilities;
        Phase = MysqlPhase.Handshake;
        Statements.Clear();
    }

    /// <summary>The client's HandshakeResponse41, or its SSLRequest (the same first 32 bytes, nothing after).</summary>
    public void OnClientLogin(MysqlCapabilities clientCapabilities, bool sslRequest)
    {
        _sawLogin = true;
        _clientCapabilities = clientCapabilities;
        if (Phase == MysqlPhase.Command)
            Phase = MysqlPhase.Handshake;
        if (sslRequest)
        {
            Phase = MysqlPhase.Encrypted;
            _counters.TlsConnections.Value++;
            return;
        }
        if (_sawGreeting)
        {
            MysqlCapabilities agreed = _serverCapabilities & _clientCapabilities;
            DeprecateEof = (agreed & MysqlCapabilities.DeprecateEof) != 0;
            QueryAttributes = (agreed & MysqlCapabilities.QueryAttributes) != 0;
            OptionalMetadataFirst = (agreed & MysqlCapabilities.OptionalResultsetMetadata) != 0;
        }
        else
        {
            // Without the greeting only a flag the client lacks is certain.
            if ((clientCapabilities & MysqlCapabilities.DeprecateEof) == 0)
                DeprecateEof = false;
            if ((clientCapabilities & MysqlCapabilities.QueryAttributes) == 0)
                QueryAttributes = false;
        }
    }

    /// <summary>The authentication result (OK or ERR) ended the handshake.</summary>
    public void OnAuthenticated()
    {
        if (Phase != MysqlPhase.Handshake)
            return;
        bool compressed = _sawLogin && (_clientCapabilities & (MysqlCapabilities.Compress | MysqlCapabilities.ZstdCompression)) != 0
            && (!_sawGreeting || (_serverCapabilities & (MysqlCapabilities.Compress | MysqlCapabilities.ZstdCompression)) != 0);
        if (compressed)
        {
            Phase = MysqlPhase.Compressed;
            _counters.CompressedConnections.Value++;
            return;
        }
        Phase = MysqlPhase.Command;
    }

    /// <summary>The server answered with TLS bytes during the handshake (the SSL request was not seen).</summary>
    public void OnTlsSeen()
    {
        if (Phase == MysqlPhase.Encrypted)
            return;
        Phase = MysqlPhase.Encrypted;
        _counters.TlsConnections.Value++;
    }

    /// <summary>A result set showed whether EOF follows column definitions.</summary>
    public void LearnDeprecateEof(bool deprecated) => DeprecateEof ??= deprecated;

    /// <summary>A COM_QUERY showed whether it carries query attributes.</summary>
    public void LearnQueryAttributes(bool present) => QueryAttributes ??= present;

    /// <summary>Steps over bytes that cannot be parsed (TLS, compression), counting them.</summary>
    public ParseResult SkipOpaque(ReadOnlySpan<byte> data)
    {
        _counters.OpaqueBytes.Value += data.Length;
        return data.IsEmpty ? ParseResult.NeedMoreData() : ParseResult.Skipped(data.Length);
    }
}

/// <summary>Bounds of what a MySQL connection keeps.</summary>
internal sealed record MysqlLimits
{
    /// <summary>Bytes of query text kept in a request (and in a prepared statement).</summary>
    public int MaxQueryBytes { get; init; } = 4096;

    /// <summary>Bytes of a COM_STMT_EXECUTE payload decoded for its parameters.</summary>
    public int MaxExecuteBytes { get; init; } = 4096;

    /// <summary>Bytes of req_body for an execute: the query with its parameters written in.</summary>
    public int MaxExecuteTextBytes { get; init; } = 6144;

    /// <summary>Bytes of a string parameter shown in an execute's text.</summary>
    public int MaxParameterBytes { get; init; } = 128;

    /// <summary>Bytes of a response summary (error messages included).</summary>
    public int MaxResponseTextBytes { get; init; } = 1024;

    /// <summary>Prepared statements remembered per connection.</summary>
    public int MaxPreparedStatements { get; init; } = 256;

    /// <summary>Query bytes of prepared statements remembered per connection.</summary>
    public int MaxPreparedQueryBytes { get; init; } = 128 * 1024;
}
