using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// Recognises HTTP/1 from a connection's first bytes: a whole request line ending in
/// " HTTP/1.0" or " HTTP/1.1", or a status line start. Never throws.
/// </summary>
internal static class Http1Inference
{
    /// <summary>Longest request line we wait for before saying no (long URLs exist; endless ones do not).</summary>
    public const int MaxRequestLineBytes = 8192;

    public static InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role)
    {
        InferenceResult result = InferResponse(data);
        if (result.Verdict == InferenceVerdict.NoMatch)
            result = InferRequest(data);
        if (result.Verdict != InferenceVerdict.Match || role == ConnectionRole.Unknown)
            return result;
        // A known role says which way requests travel: a message going the wrong way is not ours.
        bool requestDirection = direction == role.RequestDirection();
        return requestDirection == (result.Kind == MessageKind.Request) ? result : InferenceResult.NoMatch;
    }

    private static InferenceResult InferResponse(ReadOnlySpan<byte> data) => Http1MessageStart.IsResponseStart(data) switch
    {
        StartVerdict.Yes => data.Length == 12 || data[12] is (byte)' ' or (byte)'\r' or (byte)'\n'
            ? InferenceResult.Response
            : InferenceResult.NoMatch,
        StartVerdict.Maybe => InferenceResult.NeedMoreData,
        _ => InferenceResult.NoMatch,
    };

    private static InferenceResult InferRequest(ReadOnlySpan<byte> data)
    {
        int newline = data[..Math.Min(data.Length, MaxRequestLineBytes)].IndexOf((byte)'\n');
        bool complete = newline >= 0;
        ReadOnlySpan<byte> line = complete ? data[..newline] : data;
        if (complete && !line.IsEmpty && line[^1] == (byte)'\r')
            line = line[..^1];

        int methodEnd = line.IndexOfAnyExcept(HttpSyntax.TokenChars);
        if (methodEnd < 0)
        {
            // Only a method so far.
            bool plausible = !complete && (HttpMethods.IsKnownPrefix(line) || HttpMethods.HasExtensionShape(line));
            return plausible ? InferenceResult.NeedMoreData : InferenceResult.NoMatch;
        }
        ReadOnlySpan<byte> method = line[..methodEnd];
        if (line[methodEnd] != (byte)' ' || !(HttpMethods.IsKnown(method) || HttpMethods.HasExtensionShape(method)))
            return InferenceResult.NoMatch;

        ReadOnlySpan<byte> rest = line[(methodEnd + 1)..];
        if (rest.IsEmpty)
            return complete ? InferenceResult.NoMatch : InferenceResult.NeedMoreData;
        if (HttpMethods.IsKnown(method) && Http1MessageStart.IsRequestStart(line) == StartVerdict.No)
            return InferenceResult.NoMatch;

        int targetEnd = rest.IndexOfAny(HttpSyntax.NotTargetChars);
        if (targetEnd < 0)
            return complete || data.Length >= MaxRequestLineBytes ? InferenceResult.NoMatch : InferenceResult.NeedMoreData;
        if (targetEnd == 0 || rest[targetEnd] != (byte)' ')
            return InferenceResult.NoMatch;

        ReadOnlySpan<byte> version = rest[(targetEnd + 1)..];
        if (complete)
            return version.SequenceEqual("HTTP/1.1"u8) || version.SequenceEqual("HTTP/1.0"u8) ? InferenceResult.Request : InferenceResult.NoMatch;
        // The line goes on: wait while what we have can still end as " HTTP/1.x\r".
        bool versionSoFar = version.Length <= 8
            ? "HTTP/1.1"u8.StartsWith(version) || "HTTP/1.0"u8.StartsWith(version)
            : version.Length == 9 && version[8] == (byte)'\r' && (version.StartsWith("HTTP/1.1"u8) || version.StartsWith("HTTP/1.0"u8));
        return versionSoFar ? InferenceResult.NeedMoreData : InferenceResult.NoMatch;
    }
}
