using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Header names that most messages carry and that are never secret, recognised by their
/// <see cref="FoldedName"/> words (and, past 16 bytes, the words between): it spares them
/// the secret-word search (a pass over the name per message) on the capture path, the way
/// servers keep a table of known headers.
/// </summary>
/// <remarks>
/// Every listed name is lowercase letters and '-'. A name whose folded bytes equal one of
/// them is that name up to case, except that a CR may stand where it has '-' (folding maps
/// the one onto the other): such a name holds no secret word the listed one lacks, so it is
/// not secret either. A test checks that no listed name is secret.
/// </remarks>
internal static class KnownHeaderNames
{
    /// <summary>Common request and response names (and trailers) that hold no secret.</summary>
    internal static readonly string[] Names =
    [
        "host", "user-agent", "accept", "accept-encoding", "accept-language", "accept-charset", "accept-ranges",
        "connection", "keep-alive", "content-type", "content-length", "content-encoding", "content-language",
        "content-range", "content-location", "content-disposition", "content-security-policy", "transfer-encoding",
        "date", "server", "cache-control", "pragma", "expires", "etag", "last-modified", "location", "vary",
        "origin", "referer", "upgrade", "if-none-match", "if-match", "if-modified-since", "if-unmodified-since",
        "range", "via", "age", "allow", "expect", "trailer", "te", "dnt", "link", "priority", "retry-after",
        "strict-transport-security", "x-content-type-options", "x-frame-options", "x-xss-protection",
        "x-request-id", "x-correlation-id", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
        "x-real-ip", "x-powered-by", "x-amzn-trace-id", "traceparent", "tracestate", "upgrade-insecure-requests",
        "sec-fetch-mode", "sec-fetch-site", "sec-fetch-dest", "sec-fetch-user",
        "access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers",
        "access-control-allow-credentials", "access-control-expose-headers", "access-control-max-age",
        "access-control-request-method", "access-control-request-headers",
    ];

    private const int Slots = 256;
    private const ulong Fold = 0x2020202020202020;

    private static readonly Entry[] Table = Build();

    /// <summary>True when <paramref name="name"/> (read as <paramref name="folded"/>) is one of <see cref="Names"/>, up to case (see remarks).</summary>
    public static bool Contains(ReadOnlySpan<byte> name, in FoldedName folded)
    {
        Entry[] table = Table;
        for (int slot = (int)(folded.Key % Slots); table[slot].Bytes is not null; slot = (slot + 1) % Slots)
        {
            ref readonly Entry entry = ref table[slot];
            if (entry.Folded.SameWords(folded) && (name.Length <= FoldedName.MaxWholeLength || MiddleMatches(name, entry.Bytes)))
                return true;
        }
        return false;
    }

    /// <summary>The bytes between the first and the last eight, which the folded words do not cover.</summary>
    private static bool MiddleMatches(ReadOnlySpan<byte> name, byte[] lowercase)
    {
        if (name.Length != lowercase.Length)
            return false;
        ref byte n = ref MemoryMarshal.GetReference(name);
        ref byte l = ref MemoryMarshal.GetArrayDataReference(lowercase);
        // The last word may run into the tail word's bytes, which matched already.
        for (int i = sizeof(ulong); i < name.Length - sizeof(ulong); i += sizeof(ulong))
        {
            if ((Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref n, i)) | Fold) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref l, i)))
                return false;
        }
        return true;
    }

    private static Entry[] Build()
    {
        var table = new Entry[Slots];
        foreach (string name in Names)
        {
            if (name.Any(c => c is not ((>= 'a' and <= 'z') or '-')))
                throw new InvalidOperationException($"'{name}' cannot be recognised by folding alone.");
            byte[] bytes = Encoding.ASCII.GetBytes(name);
            var folded = FoldedName.Of(bytes);
            int slot = (int)(folded.Key % Slots);
            while (table[slot].Bytes is not null)
                slot = (slot + 1) % Slots;
            table[slot] = new Entry(folded, bytes);
        }
        return table;
    }

    private readonly record struct Entry(FoldedName Folded, byte[] Bytes);
}
