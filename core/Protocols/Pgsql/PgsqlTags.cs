namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Message type bytes of PostgreSQL's frontend/backend protocol 3 (protocol.html,
/// "Message Formats"). The same byte means different messages in the two
/// directions ('D' is Describe from the client, DataRow from the server).
/// </summary>
internal static class PgsqlTags
{
    // Frontend (client → server).
    public const byte Query = (byte)'Q';
    public const byte Parse = (byte)'P';
    public const byte Bind = (byte)'B';
    public const byte Execute = (byte)'E';
    public const byte Describe = (byte)'D';
    public const byte Close = (byte)'C';
    public const byte Sync = (byte)'S';
    public const byte Flush = (byte)'H';
    public const byte FunctionCall = (byte)'F';
    public const byte Terminate = (byte)'X';
    public const byte CopyData = (byte)'d';
    public const byte CopyDone = (byte)'c';
    public const byte CopyFail = (byte)'f';

    /// <summary>PasswordMessage, SASLInitialResponse, SASLResponse, GSSResponse.</summary>
    public const byte Password = (byte)'p';

    // Backend (server → client).
    public const byte Authentication = (byte)'R';
    public const byte ParameterStatus = (byte)'S';
    public const byte BackendKeyData = (byte)'K';
    public const byte ReadyForQuery = (byte)'Z';
    public const byte RowDescription = (byte)'T';
    public const byte DataRow = (byte)'D';
    public const byte CommandComplete = (byte)'C';
    public const byte ErrorResponse = (byte)'E';
    public const byte NoticeResponse = (byte)'N';
    public const byte ParseComplete = (byte)'1';
    public const byte BindComplete = (byte)'2';
    public const byte CloseComplete = (byte)'3';
    public const byte NoData = (byte)'n';
    public const byte ParameterDescription = (byte)'t';
    public const byte PortalSuspended = (byte)'s';
    public const byte EmptyQueryResponse = (byte)'I';
    public const byte CopyInResponse = (byte)'G';
    public const byte CopyOutResponse = (byte)'H';
    public const byte CopyBothResponse = (byte)'W';
    public const byte NotificationResponse = (byte)'A';
    public const byte FunctionCallResponse = (byte)'V';
    public const byte NegotiateProtocolVersion = (byte)'v';

    /// <summary>Byte 0 of a length-prefixed packet without a type byte (StartupMessage, SSLRequest, ...).</summary>
    public const byte Untyped = 0;
}

/// <summary>Request codes of the untyped packets a client may open a connection with.</summary>
internal static class PgsqlStartupCodes
{
    /// <summary>Protocol 3.0 (major 3 in the high 16 bits, minor in the low).</summary>
    public const int Protocol30 = 3 << 16;

    /// <summary>Highest protocol 3 minor version accepted (3.2 exists; leave room).</summary>
    public const int MaxProtocol3 = Protocol30 + 0xff;

    public const int CancelRequest = 80877102;
    public const int SslRequest = 80877103;
    public const int GssEncRequest = 80877104;

    /// <summary>PostgreSQL's MAX_STARTUP_PACKET_LENGTH.</summary>
    public const int MaxStartupPacketLength = 10000;
}
