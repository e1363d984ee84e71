using System.Buffers;
using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Writes header fields as one JSON object (the req_headers / resp_headers columns):
/// <c>{"Host":"example.com","Accept":"*/*"}</c>.
/// </summary>
/// <remarks>
/// <para>Names keep the spelling of their first occurrence. A name that repeats gets one
/// member whose values are joined with ", " in arrival order (the combination RFC 9110
/// §5.3 allows; Set-Cookie is the known exception, and it is redacted by default).</para>
/// <para>The output never exceeds the byte bound: members are written whole, in order,
/// until the next one would not fit; then the object is closed, so the text is always
/// valid JSON.</para>
/// <para>With redaction on, secret values (see <see cref="SecretNames"/>) become
/// "&lt;redacted&gt;"; Authorization and Proxy-Authorization keep their scheme word
/// ("Bearer &lt;redacted&gt;").</para>
/// </remarks>
public static class HttpHeadersJson
{
    private const int StackHashes = 64;

    /// <summary>Writes with the bound and redaction of <paramref name="options"/>. False when members were left out.</summary>
    public static bool Write(HttpHeaders headers, IBufferWriter<byte> output, ProtocolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Write(headers, output, options.MaxHeadersJsonBytes, options.RedactSecrets);
    }

    /// <summary>
    /// Writes at most <paramref name="maxBytes"/> bytes (at least "{}") to <paramref name="output"/>.
    /// Returns false when members were left out to respect the bound.
    /// </summary>
    public static bool Write(HttpHeaders headers, IBufferWriter<byte> output, int maxBytes, bool redactSecrets)
    {
        ArgumentNullException.ThrowIfNull(output);
        maxBytes = Math.Max(2, maxBytes);
        Span<byte> destination = output.GetSpan(maxBytes)[..maxBytes];
        // The last byte is kept for the closing brace whatever happens.
        var json = new BoundedJsonWriter(destination[..^1]);
        json.WriteRaw((byte)'{');

        int count = headers.Count;
        int[]? rented = null;
        Span<int> hashes = count <= StackHashes ? stackalloc int[StackHashes] : (rented = ArrayPool<int>.Shared.Rent(count));
        try
        {
            int i = 0;
            foreach (HttpHeader header in headers)
                hashes[i++] = NameHash(header.Name);
            hashes = hashes[..count];

            bool complete = true;
            bool first = true;
            int index = -1;
            foreach (HttpHeader header in headers)
            {
                index++;
                if (RepeatsEarlierName(headers, hashes, index, header.Name))
                    continue;
                int mark = json.Position;
                if (!first)
                    json.WriteRaw((byte)',');
                json.WriteString(header.Name);
                json.WriteRaw(":\""u8);
                WriteValue(ref json, header.Name, header.Value, redactSecrets);
                WriteLaterValues(ref json, headers, hashes, index, header.Name, redactSecrets);
                json.WriteRaw((byte)'"');
                if (json.Overflowed)
                {
                    json.Rewind(mark);
                    complete = false;
                    break;
                }
                first = false;
            }
            destination[json.Position] = (byte)'}';
            output.Advance(json.Position + 1);
            return complete;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void WriteValue(ref BoundedJsonWriter json, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value, bool redactSecrets)
    {
        if (!redactSecrets || !SecretNames.IsSecretHeader(name))
        {
            json.WriteEscaped(value);
            return;
        }
        if (SecretNames.KeepsScheme(name))
        {
            int space = value.IndexOf((byte)' ');
            if (space > 0)
            {
                json.WriteEscaped(value[..(space + 1)]);
            }
        }
        json.WriteRaw(SecretNames.Redacted);
    }

    private static void WriteLaterValues(ref BoundedJsonWriter json, scoped HttpHeaders headers, scoped ReadOnlySpan<int> hashes, int index, scoped ReadOnlySpan<byte> name, bool redactSecrets)
    {
        if (!hashes[(index + 1)..].Contains(hashes[index]))
            return;
        int j = -1;
        foreach (HttpHeader other in headers)
        {
            if (++j <= index || hashes[j] != hashes[index] || !Ascii.EqualsIgnoreCase(other.Name, name))
                continue;
            json.WriteRaw(", "u8);
            WriteValue(ref json, other.Name, other.Value, redactSecrets);
        }
    }

    private static bool RepeatsEarlierName(HttpHeaders headers, ReadOnlySpan<int> hashes, int index, ReadOnlySpan<byte> name)
    {
        if (!hashes[..index].Contains(hashes[index]))
            return false;
        int j = -1;
        foreach (HttpHeader other in headers)
        {
            if (++j >= index)
                break;
            if (hashes[j] == hashes[index] && Ascii.EqualsIgnoreCase(other.Name, name))
                return true;
        }
        return false;
    }

    /// <summary>Case-insensitive FNV-1a, so that equal names (in any case) always collide.</summary>
    private static int NameHash(ReadOnlySpan<byte> name)
    {
        uint hash = 2166136261;
        foreach (byte b in name)
        {
            byte lower = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
            hash = (hash ^ lower) * 16777619;
        }
        return (int)hash;
    }
}
