using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols;

/// <summary>What protocols share: counters, options and where records go.</summary>
public sealed class ProtocolServices(CaptureCounters counters, ProtocolOptions options, IRecordSinks sinks)
{
    public CaptureCounters Counters { get; } = counters;

    public ProtocolOptions Options { get; } = options;

    public IRecordSinks Sinks { get; } = sinks;
}

/// <summary>Limits and privacy settings shared by every protocol.</summary>
public sealed record ProtocolOptions
{
    /// <summary>Bytes of a body kept in a record (Pixie's default: 512); true sizes are kept separately.</summary>
    public int MaxBodyBytes { get; init; } = 512;

    /// <summary>Bytes of a message head (request line + headers) kept; larger heads are a parse error.</summary>
    public int MaxHeadBytes { get; init; } = 64 * 1024;

    /// <summary>Bytes of headers JSON kept in a record (Pixie: 8 KiB).</summary>
    public int MaxHeadersJsonBytes { get; init; } = 8 * 1024;

    /// <summary>Frames queued per direction waiting for their peer; older ones are dropped and counted.</summary>
    public int MaxQueuedFrames { get; init; } = 1024;

    /// <summary>Replace values of secret-bearing headers and parameters with "&lt;redacted&gt;".</summary>
    public bool RedactSecrets { get; init; } = true;
}

/// <summary>
/// Where stitched records go, one sink per record type. The capture pipeline
/// wires these to the Arrow tables; tests and benchmarks plug in their own.
/// </summary>
public interface IRecordSinks
{
    /// <summary>The sink of type <typeparamref name="TSink"/>, or null when nobody wants those records.</summary>
    TSink? Find<TSink>()
        where TSink : class;
}
