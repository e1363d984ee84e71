using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Devtools.Core.Capture.Bpf;

/// <summary>
/// Collects libbpf's log output. libbpf prints verifier rejections and attach
/// failures through a process-wide callback; we keep the most recent lines so a
/// failed load can say why, instead of spilling them onto the user's terminal.
/// </summary>
public static unsafe class BpfLog
{
    private const int MaxLines = 400;
    private static readonly Queue<string> Lines = new();
    private static readonly Lock Gate = new();
    private static int _installed;

    /// <summary>Also echo every line to stderr (DEVTOOLS_BPF_DEBUG=1).</summary>
    public static bool Echo { get; set; } = Environment.GetEnvironmentVariable("DEVTOOLS_BPF_DEBUG") == "1";

    internal static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
            LibBpf.SetPrint(&OnPrint);
    }

    /// <summary>The last <paramref name="count"/> lines libbpf logged.</summary>
    public static string Tail(int count = 40)
    {
        lock (Gate)
            return string.Join('\n', Lines.Skip(Math.Max(0, Lines.Count - count)));
    }

    internal static void Clear()
    {
        lock (Gate)
            Lines.Clear();
    }

    // A verifier rejection arrives as one message holding the whole verifier log,
    // its reason at the very end: format into a buffer large enough to keep it.
    private const int BufferSize = 4 << 20;
    private static readonly byte* Buffer = (byte*)NativeMemory.Alloc(BufferSize);

    [UnmanagedCallersOnly]
    private static int OnPrint(int level, byte* format, nint args)
    {
        const int size = BufferSize;
        byte* buffer = Buffer;
        int n;
        lock (Gate)
            n = LibBpf.VsnPrintf(buffer, size, format, args);
        if (n <= 0)
            return 0;
        string text;
        lock (Gate)
            text = Encoding.UTF8.GetString(buffer, Math.Min(n, size - 1)).TrimEnd('\n');
        lock (Gate)
        {
            foreach (string line in text.Split('\n'))
            {
                Lines.Enqueue(line);
                if (Lines.Count > MaxLines)
                    Lines.Dequeue();
            }
        }
        if (Echo)
            Console.Error.WriteLine("libbpf: " + text);
        return n;
    }
}
