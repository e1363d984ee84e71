using System.Buffers;

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
/// <para>Every request and response of a capture comes through here, so the usual message
/// (no repeated name, nothing to escape, everything fits) takes a single pass
/// (<see cref="DistinctHeadersJson"/>); anything else is redone by
/// <see cref="MergedHeadersJson"/>, which defines the output.</para>
/// </remarks>
public static class HttpHeadersJson
{
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
        int membersStart = json.Position;
        bool complete = true;
        if (!DistinctHeadersJson.TryWrite(in headers, ref json, redactSecrets))
        {
            json.Rewind(membersStart);
            complete = MergedHeadersJson.Write(headers, ref json, redactSecrets);
        }
        destination[json.Position] = (byte)'}';
        output.Advance(json.Position + 1);
        return complete;
    }

    /// <summary>
    /// One value (or a repeated name's next value), redacted if its name is secret;
    /// <paramref name="plain"/> says it is known to need no escaping.
    /// </summary>
    internal static void WriteValue(ref BoundedJsonWriter json, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value, bool redactSecrets, bool plain)
    {
        SecretHeader secret = redactSecrets ? SecretNames.Classify(name) : SecretHeader.None;
        if (secret == SecretHeader.None)
            json.WriteText(value, plain);
        else
            WriteRedacted(ref json, value, secret, plain);
    }

    /// <summary>The marker that replaces a secret value, after the scheme word of credentials that have one.</summary>
    internal static void WriteRedacted(ref BoundedJsonWriter json, scoped ReadOnlySpan<byte> value, SecretHeader secret, bool plain)
    {
        if (secret == SecretHeader.Credentials)
        {
            int space = value.IndexOf((byte)' ');
            if (space > 0)
                json.WriteText(value[..(space + 1)], plain);
        }
        json.WriteRaw(SecretNames.Redacted);
    }
}
