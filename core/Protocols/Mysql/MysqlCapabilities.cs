namespace Devtools.Core.Protocols.Mysql;

/// <summary>Capability flags exchanged in the handshake (the ones capture cares about).</summary>
[Flags]
public enum MysqlCapabilities : uint
{
    None = 0,
    ConnectWithDb = 0x8,
    Compress = 0x20,
    LocalFiles = 0x80,
    Protocol41 = 0x200,
    Ssl = 0x800,
    SecureConnection = 0x8000,
    MultiStatements = 0x10000,
    MultiResults = 0x20000,
    PluginAuth = 0x80000,
    SessionTrack = 0x800000,
    DeprecateEof = 0x1000000,
    /// <summary>MySQL 8: a result set's column count packet says first whether column definitions follow.</summary>
    OptionalResultsetMetadata = 0x2000000,

    ZstdCompression = 0x4000000,
    QueryAttributes = 0x8000000,
}

/// <summary>Server status flags carried by OK and EOF packets.</summary>
[Flags]
public enum MysqlServerStatus : ushort
{
    None = 0,
    InTransaction = 0x1,
    AutoCommit = 0x2,

    /// <summary>Another result (OK, ERR or result set) follows in the same response.</summary>
    MoreResultsExist = 0x8,

    /// <summary>COM_STMT_EXECUTE opened a cursor: rows come later, with COM_STMT_FETCH.</summary>
    CursorExists = 0x40,

    LastRowSent = 0x80,
}
