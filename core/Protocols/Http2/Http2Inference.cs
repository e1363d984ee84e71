using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http2.Frames;

namespace Devtools.Core.Protocols.Http2;

/// <summary>
/// Recognises HTTP/2 from a connection's first bytes: the client preface; a server's
/// SETTINGS (its preface); or, on a connection opened before capture, frame headers
/// that chain (<see cref="Http2FrameRules.CheckSequence"/>). Never throws, and claims
/// nothing that starts with text (HTTP/1, Redis) or a length that is not a frame's.
/// </summary>
internal static class Http2Inference
{
    public static InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role)
    {
        if (data.IsEmpty)
            return InferenceResult.NeedMoreData;
        // Frames of at most 16 KiB start with a zero length byte; the preface with 'P'.
        if (data[0] == (byte)'P')
        {
            return Http2Preface.Check(data) switch
            {
                PrefaceVerdict.Yes => Consistent(InferenceResult.Request, direction, role),
                PrefaceVerdict.Maybe => InferenceResult.NeedMoreData,
                _ => InferenceResult.NoMatch,
            };
        }
        if (data[0] != 0)
            return InferenceResult.NoMatch;

        switch (Http2FrameRules.CheckSequence(data, Http2FrameHeader.DefaultMaxFrameSize))
        {
            case SequenceVerdict.Implausible:
                return InferenceResult.NoMatch;
            case SequenceVerdict.NeedMoreData:
                return InferenceResult.NeedMoreData;
        }
        if (role != ConnectionRole.Unknown)
            return direction == role.RequestDirection() ? InferenceResult.Request : InferenceResult.Response;
        var first = Http2FrameHeader.Read(data);
        if (first.Type == Http2FrameType.Settings && !first.Has(Http2FrameFlags.EndStream))
            return InferenceResult.Response; // the server preface: its SETTINGS come first
        return KindFromFrames(data);
    }

    /// <summary>A match only if the message goes the way the connection's known role says such messages go.</summary>
    private static InferenceResult Consistent(InferenceResult result, Direction direction, ConnectionRole role)
    {
        if (role == ConnectionRole.Unknown)
            return result;
        bool requestDirection = direction == role.RequestDirection();
        return requestDirection == (result.Kind == MessageKind.Request) ? result : InferenceResult.NoMatch;
    }

    /// <summary>
    /// Without a known role, which side sent these frames: the server if it pushes; else
    /// what the first header block starts with (encoders put pseudo-headers first, and
    /// :method, :path, :scheme, :authority are requests' while :status is responses').
    /// </summary>
    private static InferenceResult KindFromFrames(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        while (data.Length - pos >= Http2FrameHeader.Size)
        {
            var header = Http2FrameHeader.Read(data[pos..]);
            int payloadStart = pos + Http2FrameHeader.Size;
            if (header.Type == Http2FrameType.PushPromise)
                return InferenceResult.Response;
            if (header.Type == Http2FrameType.Headers)
            {
                int offset = payloadStart + (header.Has(Http2FrameFlags.Padded) ? 1 : 0) + (header.Has(Http2FrameFlags.Priority) ? 5 : 0);
                if (offset < data.Length && offset < payloadStart + header.Length)
                {
                    int index = StaticIndexOf(data[offset]);
                    if (index is >= 1 and <= 7)
                        return InferenceResult.Request;
                    if (index is >= 8 and <= 14)
                        return InferenceResult.Response;
                }
                return InferenceResult.NoMatch;
            }
            pos = payloadStart + header.Length;
        }
        return InferenceResult.NoMatch;
    }

    /// <summary>The static table index a field representation's first byte names, or 0.</summary>
    private static int StaticIndexOf(byte first) => first switch
    {
        >= 0x80 => first & 0x7F,        // indexed field
        >= 0x40 => first & 0x3F,        // literal with incremental indexing, indexed name
        < 0x20 => first & 0x0F,         // literal without indexing / never indexed, indexed name
        _ => 0,                         // table size update
    };
}
