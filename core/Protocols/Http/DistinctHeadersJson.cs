using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// The common case of <see cref="HttpHeadersJson"/> in one pass: each field becomes a member
/// as it is found. It gives up (returns false) as soon as the output could differ from
/// <see cref="MergedHeadersJson"/>'s: when a name may repeat an earlier one (its values would
/// have to be joined into that earlier member), when there are more fields than it keeps
/// track of or a block longer than it indexes, or when a member does not fit (which members
/// fit depends on the joins).
/// </summary>
// The masks and keys on the stack are written before they are read: no need to clear them.
[SkipLocalsInit]
internal static class DistinctHeadersJson
{
    public static bool TryWrite(scoped in HttpHeaders headers, ref BoundedJsonWriter json, bool redactSecrets)
    {
        var names = new DistinctNames();
        if (headers.IsFieldList)
        {
            bool plain = JsonEscaping.IsPlain(headers.Store);
            foreach (HttpHeader header in headers)
            {
                if (!TryWriteMember(ref names, ref json, header.Name, header.Value, plain, redactSecrets))
                    return false;
            }
            return true;
        }
        return TryWriteLines(ref names, ref json, headers.Lines, redactSecrets)
            && TryWriteLines(ref names, ref json, headers.TrailerLines, redactSecrets);
    }

    /// <summary>
    /// HTTP/1 field lines, split as <see cref="HttpHeaders"/> enumerates them (lines without a
    /// name before a ':' are skipped; a line's CR and the value's outer whitespace are not
    /// part of it), found through one <see cref="FieldLineIndex"/> pass over the block.
    /// </summary>
    private static bool TryWriteLines(ref DistinctNames names, ref BoundedJsonWriter json, ReadOnlySpan<byte> block, bool redactSecrets)
    {
        if (block.IsEmpty)
            return true;
        if (block.Length > FieldLineIndex.MaxBlockBytes)
            return false;
        int chunks = FieldLineIndex.ChunkCount(block.Length);
        var index = new FieldLineIndex(block, stackalloc uint[chunks], stackalloc uint[chunks]);
        bool plain = index.IsPlain;
        int lineStart = 0;
        while (true)
        {
            int lineFeed = index.NextLineFeed(lineStart);
            int end = lineFeed < 0 ? block.Length : lineFeed;
            if (end > lineStart && block[end - 1] == (byte)'\r')
                end--;
            // The first ':' from the line's start; one past its end means a line without any.
            int colon = index.NextColon(lineStart);
            if (colon > lineStart && colon < end)
            {
                int valueStart = colon + 1;
                int valueEnd = end;
                while (valueStart < valueEnd && HttpSyntax.IsWhitespace(block[valueStart]))
                    valueStart++;
                while (valueEnd > valueStart && HttpSyntax.IsWhitespace(block[valueEnd - 1]))
                    valueEnd--;
                ReadOnlySpan<byte> name = block[lineStart..colon];
                var folded = FoldedName.Of(name);
                if (!names.TryAdd(folded))
                    return false;
                SecretHeader secret = redactSecrets ? SecretNames.Classify(name, folded) : SecretHeader.None;
                if (plain && secret == SecretHeader.None)
                {
                    if (!json.TryWritePlainMember(names.Count > 1, block, lineStart, colon - lineStart, valueStart, valueEnd - valueStart))
                        return false;
                }
                else if (!TryWriteMember(ref json, names.Count > 1, name, block[valueStart..valueEnd], secret, plain))
                {
                    return false;
                }
            }
            if (lineFeed < 0)
                return true;
            lineStart = lineFeed + 1;
        }
    }

    private static bool TryWriteMember(ref DistinctNames names, ref BoundedJsonWriter json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool plain, bool redactSecrets)
    {
        var folded = FoldedName.Of(name);
        if (!names.TryAdd(folded))
            return false;
        SecretHeader secret = redactSecrets ? SecretNames.Classify(name, folded) : SecretHeader.None;
        return TryWriteMember(ref json, names.Count > 1, name, value, secret, plain);
    }

    /// <summary>One member, escaped unless <paramref name="plain"/>, its value redacted if <paramref name="secret"/>.</summary>
    private static bool TryWriteMember(ref BoundedJsonWriter json, bool comma, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, SecretHeader secret, bool plain)
    {
        if (comma)
            json.WriteRaw((byte)',');
        json.WriteRaw((byte)'"');
        json.WriteText(name, plain);
        json.WriteRaw("\":\""u8);
        if (secret == SecretHeader.None)
            json.WriteText(value, plain);
        else
            HttpHeadersJson.WriteRedacted(ref json, value, secret, plain);
        json.WriteRaw((byte)'"');
        return !json.Overflowed;
    }
}
