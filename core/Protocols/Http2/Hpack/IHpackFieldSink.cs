namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>Receives the fields of a header block as <see cref="HpackDecoder"/> decodes them.</summary>
internal interface IHpackFieldSink
{
    /// <summary>One field; the spans are valid only during the call.</summary>
    void OnField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);

    /// <summary>A field that refers to a dynamic table entry we never saw: it exists, but cannot be named.</summary>
    void OnUnknownField();
}
