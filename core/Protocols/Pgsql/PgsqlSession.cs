namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// What both directions of one PostgreSQL connection share: whether the client asked
/// for encryption and whether the server agreed. After SSLRequest the server answers
/// one byte, 'S' (TLS follows) or 'N' (plaintext goes on); after GSSENCRequest, 'G' or
/// 'N'. Once encrypted, neither direction is parsed.
/// </summary>
internal sealed class PgsqlSession(PgsqlCounters counters)
{
    /// <summary>An SSLRequest or GSSENCRequest waits for its one-byte answer.</summary>
    public bool AwaitingEncryptionAnswer { get; private set; }

    /// <summary>The connection is encrypted from here on: its bytes are skipped and counted.</summary>
    public bool Encrypted { get; private set; }

    public void EncryptionRequested() => AwaitingEncryptionAnswer = true;

    public void EncryptionRefused() => AwaitingEncryptionAnswer = false;

    public void StartEncryption()
    {
        AwaitingEncryptionAnswer = false;
        if (Encrypted)
            return;
        Encrypted = true;
        counters.EncryptedConnections.Value++;
    }

    /// <summary>What a parser does with bytes of an encrypted connection: skip and count them.</summary>
    public ParseResult SkipEncrypted(int length)
    {
        counters.EncryptedBytes.Value += length;
        return ParseResult.Skipped(length);
    }
}
