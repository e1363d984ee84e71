using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>The runtime providers a profiling session enables, and why each keyword is there.</summary>
internal static class ClrProviders
{
    /// <summary>
    /// Microsoft-Windows-DotNETRuntime at Verbose (MethodLoadVerbose carries names) with
    /// Loader (ModuleLoad: assembly paths and PDB ids), Jit (MethodLoadVerbose for code
    /// jitted while we watch, tier-ups included) and JittedMethodILToNativeMap (native
    /// offset → IL offset, the bridge to source lines).
    /// </summary>
    public static EventPipeProvider MethodEvents { get; } = new(
        ClrTraceEventParser.ProviderName,
        EventLevel.Verbose,
        (long)(ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.JittedMethodILToNativeMap));

    /// <summary>The runtime's sampler: every managed thread's stack, once per millisecond.</summary>
    public static EventPipeProvider SampleProfiler { get; } = new(SampleProfilerTraceEventParser.ProviderName, EventLevel.Informational);

    /// <summary>
    /// A provider that is enabled but emits nothing (Loader events are Informational, the
    /// level asks for Critical): the rundown session needs some provider to exist, and
    /// the rundown itself is what we want from it.
    /// </summary>
    public static EventPipeProvider Quiet { get; } = new(
        ClrTraceEventParser.ProviderName,
        EventLevel.Critical,
        (long)ClrTraceEventParser.Keywords.Loader);

    /// <summary>The sampler's period unless DOTNET_EventPipeThreadSamplingRate says otherwise.</summary>
    public const double SamplesPerThreadPerSecond = 1000;
}
