using System.Runtime.CompilerServices;
using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// The common case of <see cref="HttpHeadersJson"/> in one pass: each field becomes a member
/// as it is found. It gives up (returns false) as soon as the output could differ from
/// <see cref="MergedHeadersJson"/>'s: when a name may repeat an earlier one (its values would
/// have to be joined into that earlier member), when there are more fields than it keeps
/// track of, or when a member does not fit (which members fit depends on the joins).
/// </summary>
// DistinctMembers' keys are written before they are read: no need to clear them.
[SkipLocalsInit]
internal static class DistinctHeadersJson
{
    public static bool TryWrite(scoped in HttpHeaders headers, ref BoundedJsonWriter json, bool redactSecrets)
    {
        if (headers.IsFieldList)
        {
            var fields = new DistinctMembers(JsonEscaping.IsPlain(headers.Store), redactSecrets);
            foreach (HttpHeader header in headers)
            {
                if (!fields.TryWrite(ref json, header.Name, header.Value))
                    return false;
            }
            return true;
        }
        // One check of all the bytes instead of a search per name and per value.
        bool plain = JsonEscaping.IsPlainLines(headers.Lines) && JsonEscaping.IsPlainLines(headers.TrailerLines);
        var members = new DistinctMembers(plain, redactSecrets);
        return TryWriteLines(ref members, ref json, headers.Lines) && TryWriteLines(ref members, ref json, headers.TrailerLines);
    }

    /// <summary>
    /// HTTP/1 field lines, split as <see cref="HttpHeaders"/> enumerates them (lines without
    /// a name before a ':' are skipped), but with one vector pass over the block rather than
    /// two searches per line.
    /// </summary>
    private static bool TryWriteLines(scoped ref DistinctMembers members, scoped ref BoundedJsonWriter json, ReadOnlySpan<byte> block)
    {
        var breaks = new ByteScanner<FieldLineBreaks>(block, 0);
        int lineStart = 0;
        int colon = -1;
        while (true)
        {
            int next = breaks.Next();
            if (next >= 0 && block[next] == (byte)':')
            {
                if (colon < 0)
                    colon = next;
                continue;
            }
            int end = next < 0 ? block.Length : next;
            if (end == lineStart && next < 0)
                return true;
            // A line's CR is not part of it (nor is a ':' ever a CR, so the colon stays inside).
            if (end > lineStart && block[end - 1] == (byte)'\r')
                end--;
            if (colon > lineStart && colon < end
                && !members.TryWrite(ref json, block[lineStart..colon], HttpSyntax.TrimWhitespace(block[(colon + 1)..end])))
            {
                return false;
            }
            if (next < 0)
                return true;
            lineStart = next + 1;
            colon = -1;
        }
    }
}
