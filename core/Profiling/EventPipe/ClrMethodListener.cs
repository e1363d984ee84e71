using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>Feeds the method table from the live session's JIT and loader events.</summary>
internal static class ClrMethodListener
{
    /// <summary>Subscribes to <paramref name="clr"/>; every update happens under <paramref name="gate"/>.</summary>
    public static void Subscribe(ClrTraceEventParser clr, MethodTable methods, Lock gate, Action onMethodLoad)
    {
        clr.MethodLoadVerbose += data =>
        {
            lock (gate)
                methods.AddMethod(data.MethodStartAddress, (uint)data.MethodSize, data.MethodID, data.MethodToken, data.ModuleID, data.MethodNamespace, data.MethodName, fromRundown: false);
            onMethodLoad();
        };
        clr.MethodILToNativeMap += data =>
        {
            (int[] native, int[] il) = ReadMap(data);
            lock (gate)
                methods.AddILMap(data.MethodID, native, il);
        };
        clr.LoaderModuleLoad += data =>
        {
            lock (gate)
                methods.AddModule(data.ModuleID, data.ModuleILPath, data.ManagedPdbSignature);
        };
    }

    public static (int[] Native, int[] IL) ReadMap(MethodILToNativeMapTraceData data)
    {
        int count = Math.Max(0, data.CountOfMapEntries);
        int[] native = new int[count];
        int[] il = new int[count];
        for (int i = 0; i < count; i++)
        {
            native[i] = data.NativeOffset(i);
            il[i] = data.ILOffset(i);
        }
        return (native, il);
    }
}
