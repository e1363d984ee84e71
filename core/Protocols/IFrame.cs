namespace Devtools.Core.Protocols;

/// <summary>
/// A parsed protocol message (a frame). Frames are structs that own pooled
/// buffers; whoever drops a frame calls <see cref="Release"/>.
/// </summary>
public interface IFrame
{
    /// <summary>Kernel monotonic ns of the event carrying the frame's first byte (set by the driver).</summary>
    long StartNs { get; set; }

    /// <summary>Kernel monotonic ns of the event carrying the frame's last byte (set by the driver).</summary>
    long EndNs { get; set; }

    /// <summary>Returns pooled memory; the frame must not be used afterwards.</summary>
    void Release();
}
