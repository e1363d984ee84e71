using Devtools.Core.Storage;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Counts thread samples per distinct stack of code addresses, split by what the thread
/// was doing (running managed code, or outside it: blocked, in native code). Stacks are
/// copied out of TraceLog once per TraceLog stack, so counting a sample is two array
/// lookups; symbolization waits for <see cref="BuildProfile"/>, when every method event
/// so far has arrived. Not thread-safe: the session serialises access.
/// </summary>
internal sealed class SampleAggregator(int maxStacks, int maxDepth)
{
    private readonly Dictionary<AddressStack, int> _ids = [];
    private readonly List<AddressStack> _stacks = [];
    private readonly List<long> _managed = [];
    private readonly List<long> _external = [];
    private readonly List<ulong> _scratch = [];

    // TraceLog interns stacks per thread; many of its indices map to one of ours. Entry = our id + 1.
    private int[] _idByTraceLogIndex = new int[1024];

    /// <summary>Samples whose stack did not fit in <c>maxStacks</c>; counted, not kept.</summary>
    public long DroppedSamples { get; private set; }

    public int StackCount => _stacks.Count;

    public void Add(TraceLog log, CallStackIndex index, bool runningManagedCode)
    {
        int id = Intern(log, index);
        if (id < 0)
        {
            DroppedSamples++;
            return;
        }
        List<long> counts = runningManagedCode ? _managed : _external;
        counts[id]++;
    }

    /// <summary>Forgets the counts (not the stacks): the next profile starts from zero.</summary>
    public void Reset()
    {
        for (int i = 0; i < _stacks.Count; i++)
        {
            _managed[i] = 0;
            _external[i] = 0;
        }
        DroppedSamples = 0;
    }

    /// <summary>Adds the counted stacks, root first, to <paramref name="profile"/>; returns (managed, external) totals.</summary>
    public (long Managed, long External) BuildProfile(Profile profile, Upid upid, FrameResolver frames, bool includeExternal)
    {
        long managed = 0, external = 0;
        var rootFirst = new List<StackFrame>();
        for (int id = 0; id < _stacks.Count; id++)
        {
            managed += _managed[id];
            external += _external[id];
            long count = _managed[id] + (includeExternal ? _external[id] : 0);
            if (count == 0)
                continue;
            ulong[] leafFirst = _stacks[id].Addresses;
            rootFirst.Clear();
            for (int i = leafFirst.Length - 1; i >= 0; i--)
                rootFirst.Add(frames.Resolve(leafFirst[i], isLeaf: i == 0));
            profile.Add(upid, rootFirst, count);
        }
        return (managed, external);
    }

    private int Intern(TraceLog log, CallStackIndex index)
    {
        int traceLogIndex = (int)index;
        if (traceLogIndex >= _idByTraceLogIndex.Length)
            Array.Resize(ref _idByTraceLogIndex, Math.Max(traceLogIndex + 1, _idByTraceLogIndex.Length * 2));
        int known = _idByTraceLogIndex[traceLogIndex];
        if (known != 0)
            return known - 1;

        TraceCallStacks stacks = log.CallStacks;
        TraceCodeAddresses addresses = stacks.CodeAddresses;
        _scratch.Clear();
        for (CallStackIndex i = index; i != CallStackIndex.Invalid && _scratch.Count < maxDepth; i = stacks.Caller(i))
            _scratch.Add(addresses.Address(stacks.CodeAddressIndex(i)));
        var key = new AddressStack([.. _scratch]);
        if (!_ids.TryGetValue(key, out int id))
        {
            if (_stacks.Count >= maxStacks)
                return -1;
            id = _stacks.Count;
            _ids.Add(key, id);
            _stacks.Add(key);
            _managed.Add(0);
            _external.Add(0);
        }
        _idByTraceLogIndex[traceLogIndex] = id + 1;
        return id;
    }

    /// <summary>Code addresses of one stack, leaf first, compared by content.</summary>
    private sealed class AddressStack : IEquatable<AddressStack>
    {
        private readonly int _hash;

        public AddressStack(ulong[] addresses)
        {
            Addresses = addresses;
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(addresses.AsSpan()));
            _hash = hash.ToHashCode();
        }

        public ulong[] Addresses { get; }

        public bool Equals(AddressStack? other) => other is not null && other._hash == _hash && other.Addresses.AsSpan().SequenceEqual(Addresses);

        public override bool Equals(object? obj) => Equals(obj as AddressStack);

        public override int GetHashCode() => _hash;
    }
}
