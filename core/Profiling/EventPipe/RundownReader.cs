using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Learns every method that already had code when we attached. A method jitted before
/// the session started produces no MethodLoad event in it, so a second, short session
/// asks for the runtime's rundown (MethodDCStopVerbose, MethodILToNativeMapDCStop and
/// ModuleDCStop for everything loaded), which the runtime writes when that session
/// stops. The main session is started first, so nothing jitted in between is missed.
/// </summary>
/// <remarks>
/// Chosen over a rundown at the end of the main session because the editor asks for
/// hotspots while attached: names must resolve from the first snapshot, not at stop.
/// TraceLog's own rundown option does the same but keeps the events to itself, and
/// we need the IL maps for source lines.
/// </remarks>
internal static class RundownReader
{
    /// <summary>Runs the rundown session to its end, feeding <paramref name="methods"/> under <paramref name="gate"/>.</summary>
    public static async Task<(int Methods, TimeSpan Duration)> ReadAsync(DiagnosticsClient client, MethodTable methods, Lock gate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int count = 0;
        using EventPipeSession session = await client.StartEventPipeSessionAsync([ClrProviders.Quiet], requestRundown: true, circularBufferMB: 64, ct).ConfigureAwait(false);
        using var source = new EventPipeEventSource(session.EventStream);
        var rundown = new ClrRundownTraceEventParser(source);
        rundown.MethodDCStopVerbose += data =>
        {
            lock (gate)
                methods.AddMethod(data.MethodStartAddress, (uint)data.MethodSize, data.MethodID, data.MethodToken, data.ModuleID, data.MethodNamespace, data.MethodName, fromRundown: true);
            count++;
        };
        rundown.MethodILToNativeMapDCStop += data =>
        {
            (int[] native, int[] il) = ClrMethodListener.ReadMap(data);
            lock (gate)
                methods.AddILMap(data.MethodID, native, il);
        };
        rundown.LoaderModuleDCStop += data =>
        {
            lock (gate)
                methods.AddModule(data.ModuleID, data.ModuleILPath, data.ManagedPdbSignature);
        };

        // The rundown is written when the session stops; reading runs until the stream ends.
        Task reading = Task.Factory.StartNew(() => source.Process(), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await session.StopAsync(ct).ConfigureAwait(false);
        await reading.WaitAsync(ct).ConfigureAwait(false);
        return (count, clock.Elapsed);
    }
}
