using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Devtools.Core.Storage;

namespace Devtools.Core.Profiling;

/// <summary>
/// Aggregated CPU samples: how many times each distinct stack (root first) of
/// each process was seen. The one model both profilers fill (eBPF perf-event
/// sampling and .NET EventPipe) and every output reads (folded text, speedscope,
/// HTML flame graph, the stack_traces.beta table, top functions and lines).
/// </summary>
public sealed class Profile
{
    private readonly Dictionary<StackKey, long> _counts = [];

    public Profile(TimeSpan duration, double samplesPerSecond, string source)
    {
        Duration = duration;
        SamplesPerSecond = samplesPerSecond;
        Source = source;
    }

    public TimeSpan Duration { get; set; }

    /// <summary>Sampling rate per CPU (eBPF) or per thread (EventPipe).</summary>
    public double SamplesPerSecond { get; }

    /// <summary>"ebpf" or "eventpipe".</summary>
    public string Source { get; }

    /// <summary>Process names by pid, for display.</summary>
    public Dictionary<uint, string> ProcessNames { get; } = [];

    /// <summary>
    /// What a reader must know to interpret the numbers, one sentence each, for outputs to
    /// print with the profile: which samples were kept ("CPU view: ..."), what ended the run
    /// early, what could not be symbolized.
    /// </summary>
    public List<string> Notes { get; } = [];

    public long TotalSamples { get; private set; }

    /// <summary>
    /// Most distinct stacks kept (bounded memory); samples of further new stacks
    /// are counted in <see cref="DroppedSamples"/> instead.
    /// </summary>
    public int MaxStacks { get; init; } = int.MaxValue;

    /// <summary>Samples not kept because <see cref="MaxStacks"/> was reached.</summary>
    public long DroppedSamples { get; private set; }

    /// <summary>Distinct stacks kept.</summary>
    public int StackCount => _counts.Count;

    public IEnumerable<ProfileStack> Stacks => _counts.Select(kv => new ProfileStack(kv.Key.Upid, kv.Key.Frames, kv.Value));

    /// <summary>Adds <paramref name="count"/> samples of one stack, frames root first.</summary>
    public void Add(Upid upid, IReadOnlyList<StackFrame> rootFirst, long count)
    {
        ArgumentNullException.ThrowIfNull(rootFirst);
        if (count > 0)
            AddOwned(upid, [.. rootFirst], count);
    }

    /// <summary>
    /// <see cref="Add"/> for a caller that hands <paramref name="rootFirst"/> over: the
    /// array is kept as is when the stack is new (no copy) and must not change afterwards.
    /// </summary>
    internal void AddOwned(Upid upid, StackFrame[] rootFirst, long count)
    {
        if (count <= 0)
            return;
        var key = new StackKey(upid, rootFirst);
        ref long existing = ref CollectionsMarshal.GetValueRefOrNullRef(_counts, key);
        if (!Unsafe.IsNullRef(ref existing))
            existing += count;
        else if (_counts.Count < MaxStacks)
            _counts[key] = count;
        else
        {
            DroppedSamples += count;
            return;
        }
        TotalSamples += count;
    }

    /// <summary>A stack of one process; a struct, so a lookup of a stack already counted allocates nothing.</summary>
    private readonly struct StackKey(Upid upid, StackFrame[] frames) : IEquatable<StackKey>
    {
        private readonly int _hash = ComputeHash(upid, frames);

        public Upid Upid { get; } = upid;

        public StackFrame[] Frames { get; } = frames;

        public bool Equals(StackKey other) =>
            other._hash == _hash && other.Upid == Upid && other.Frames.AsSpan().SequenceEqual(Frames);

        public override bool Equals(object? obj) => obj is StackKey other && Equals(other);

        public override int GetHashCode() => _hash;

        private static int ComputeHash(Upid upid, StackFrame[] frames)
        {
            var hash = new HashCode();
            hash.Add(upid);
            foreach (StackFrame frame in frames)
                hash.Add(frame);
            return hash.ToHashCode();
        }
    }
}

/// <summary>One distinct stack of one process and how often it was sampled.</summary>
public readonly record struct ProfileStack(Upid Upid, IReadOnlyList<StackFrame> Frames, long Count)
{
    /// <summary>Pixie's folded form: root first, ';'-separated, kernel frames prefixed "[k] ".</summary>
    public string Folded => string.Join(';', Frames.Select(f => f.FoldedName));
}
