namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>Receives the fields of a header block as <see cref="HpackDecoder"/> decodes them.</summary>
internal interface IHpackFieldSink
{
    /// <summary>
    /// One field: <paramref name="field"/> holds its name (the first
    /// <paramref name="nameLength"/> bytes) and then its value, so it can be kept with one
    /// copy. <paramref name="known"/> says which of the names the sink acts on it is. The
    /// span is valid only during the call.
    /// </summary>
    void OnField(KnownField known, ReadOnlySpan<byte> field, int nameLength);

    /// <summary>A field that refers to a dynamic table entry we never saw: it exists, but cannot be named.</summary>
    void OnUnknownField();
}
