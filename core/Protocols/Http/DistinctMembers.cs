using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Writes header fields as JSON members, one per field, and notices a name that may repeat
/// an earlier one (by <see cref="HeaderNameKey"/>): then it stops, since the two would have
/// to be joined into one member.
/// </summary>
internal struct DistinctMembers
{
    /// <summary>Names remembered to notice a repeat; messages with more fields take the general path.</summary>
    private const int MaxFields = 32;

    private readonly bool _plain;
    private readonly bool _redactSecrets;
    private int _count;

    // One bit per key's low six bits: most new names hit a clear bit and need no search.
    private ulong _seen;

    private KeyBuffer _keys;

    /// <param name="plain">No name or value needs escaping (see <see cref="JsonEscaping"/>).</param>
    public DistinctMembers(bool plain, bool redactSecrets)
    {
        // The keys are written before they are read: clearing their 256 bytes would cost
        // more than a short message's whole member loop (callers skip locals init too).
        Unsafe.SkipInit(out this);
        _count = 0;
        _seen = 0;
        _plain = plain;
        _redactSecrets = redactSecrets;
    }

    /// <summary>False when the member was not written: a possible repeat, too many fields, or no room.</summary>
    public bool TryWrite(scoped ref BoundedJsonWriter json, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        ulong key = HeaderNameKey.Of(name);
        ulong bit = 1UL << (int)(key & 63);
        if ((_seen & bit) != 0 && ((ReadOnlySpan<ulong>)_keys)[.._count].Contains(key))
            return false;
        if (_count == MaxFields)
            return false;
        _seen |= bit;
        _keys[_count++] = key;

        bool comma = _count > 1;
        SecretHeader secret = _redactSecrets ? SecretNames.Classify(name) : SecretHeader.None;
        if (_plain && secret == SecretHeader.None)
            return json.TryWritePlainMember(comma, name, value);
        if (comma)
            json.WriteRaw((byte)',');
        json.WriteRaw((byte)'"');
        json.WriteText(name, _plain);
        json.WriteRaw("\":\""u8);
        if (secret == SecretHeader.None)
            json.WriteText(value, _plain);
        else
            HttpHeadersJson.WriteRedacted(ref json, value, secret, _plain);
        json.WriteRaw((byte)'"');
        return !json.Overflowed;
    }

    [InlineArray(MaxFields)]
    private struct KeyBuffer
    {
        private ulong _element;
    }
}
