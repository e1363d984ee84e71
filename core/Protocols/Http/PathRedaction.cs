using System.Buffers;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Redacts the values of secret query parameters in a request-target:
/// <c>/login?user=a&amp;password=hunter2</c> becomes <c>/login?user=a&amp;password=&lt;redacted&gt;</c>.
/// Which names are secret is <see cref="SecretNames.IsSecretParameter"/>; names are
/// compared as sent (not percent-decoded). Parameters are separated by '&amp;'; the
/// query ends at '#' should a fragment have been sent.
/// </summary>
public static class PathRedaction
{
    /// <summary>True when <paramref name="target"/> has a parameter whose value would be redacted.</summary>
    public static bool NeedsRedaction(ReadOnlySpan<byte> target)
    {
        ReadOnlySpan<byte> query = Query(target, out _);
        while (true)
        {
            int amp = query.IndexOf((byte)'&');
            if (IsSecret(amp < 0 ? query : query[..amp], out _))
                return true;
            if (amp < 0)
                return false;
            query = query[(amp + 1)..];
        }
    }

    /// <summary>Writes <paramref name="target"/> with secret parameter values redacted; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> target, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ReadOnlySpan<byte> query = Query(target, out int queryStart);
        int queryEnd = queryStart + query.Length;
        // Each parameter can grow by at most the marker's length.
        int bound = target.Length + ((query.Count((byte)'&') + 1) * SecretNames.Redacted.Length);
        Span<byte> destination = output.GetSpan(bound);
        target[..queryStart].CopyTo(destination);
        int written = queryStart;
        while (!query.IsEmpty)
        {
            int amp = query.IndexOf((byte)'&');
            ReadOnlySpan<byte> parameter = amp < 0 ? query : query[..(amp + 1)];
            if (IsSecret(parameter, out int valueStart))
            {
                parameter[..valueStart].CopyTo(destination[written..]);
                written += valueStart;
                SecretNames.Redacted.CopyTo(destination[written..]);
                written += SecretNames.Redacted.Length;
                if (amp >= 0)
                    destination[written++] = (byte)'&';
            }
            else
            {
                parameter.CopyTo(destination[written..]);
                written += parameter.Length;
            }
            query = amp < 0 ? default : query[(amp + 1)..];
        }
        // A fragment, should one have been sent, is copied as it came.
        target[queryEnd..].CopyTo(destination[written..]);
        written += target.Length - queryEnd;
        output.Advance(written);
        return written;
    }

    /// <summary>
    /// Whether a "name=value" parameter (possibly followed by its '&amp;') holds a secret;
    /// <paramref name="valueStart"/> is where its value begins.
    /// </summary>
    private static bool IsSecret(ReadOnlySpan<byte> parameter, out int valueStart)
    {
        int equals = parameter.IndexOf((byte)'=');
        valueStart = equals + 1;
        return equals > 0 && SecretNames.IsSecretParameter(parameter[..equals]);
    }

    /// <summary>The query (after '?', before '#'); <paramref name="queryStart"/> is where it begins.</summary>
    private static ReadOnlySpan<byte> Query(ReadOnlySpan<byte> target, out int queryStart)
    {
        int question = target.IndexOf((byte)'?');
        if (question < 0)
        {
            queryStart = target.Length;
            return default;
        }
        queryStart = question + 1;
        ReadOnlySpan<byte> query = target[queryStart..];
        int fragment = query.IndexOf((byte)'#');
        return fragment < 0 ? query : query[..fragment];
    }
}
