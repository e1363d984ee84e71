namespace Devtools.Core.Protocols.Http2.Frames;

/// <summary>The client connection preface of RFC 9113 §3.4.</summary>
internal static class Http2Preface
{
    public static ReadOnlySpan<byte> Bytes => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public static int Length => Bytes.Length;

    /// <summary>Yes when <paramref name="data"/> starts with the whole preface, Maybe while it is a prefix of it.</summary>
    public static PrefaceVerdict Check(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> preface = Bytes;
        if (data.Length >= preface.Length)
            return data.StartsWith(preface) ? PrefaceVerdict.Yes : PrefaceVerdict.No;
        return preface.StartsWith(data) ? PrefaceVerdict.Maybe : PrefaceVerdict.No;
    }
}

internal enum PrefaceVerdict : byte
{
    No,
    Maybe,
    Yes,
}
