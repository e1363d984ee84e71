namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Every native code range the runtime reported (rundown for code that existed when we
/// attached, MethodLoad events for code jitted since), searchable by address, plus the
/// modules those methods belong to. Not thread-safe: the session serialises access.
/// </summary>
/// <remarks>
/// Methods arrive in bursts (thousands in a rundown, a trickle afterwards) and lookups
/// come in bursts too (when a snapshot resolves new stacks), so additions are appended
/// and the array is re-sorted only before the next lookup that follows them.
/// </remarks>
internal sealed class MethodTable
{
    private readonly List<JittedMethod> _methods = [];
    private const int MaxPendingMaps = 16_384;

    private readonly Dictionary<long, ILToNativeMap> _pendingMaps = [];
    private readonly Dictionary<long, ManagedModule> _modules = [];
    private JittedMethod? _lastAdded;
    private bool _sorted = true;
    private long _sequence;

    public int Count => _methods.Count;

    internal IEnumerable<JittedMethod> All => _methods;

    public int ModuleCount => _modules.Count;

    /// <summary>Records one method body; its IL map, if it comes, follows it.</summary>
    public void AddMethod(ulong start, uint size, long methodId, int token, long moduleId, string typeName, string methodName, bool fromRundown)
    {
        if (start == 0 || size == 0)
            return;
        string name = typeName.Length == 0 ? methodName : string.Concat(typeName, ".", methodName);
        var method = new JittedMethod(start, size, methodId, token, moduleId, name, _sequence++) { FromRundown = fromRundown };
        if (_pendingMaps.Remove(methodId, out ILToNativeMap? map))
            method.ILMap = map;
        _methods.Add(method);
        _lastAdded = method;
        _sorted = false;
    }

    /// <summary>
    /// Attaches an IL-to-native map to its method body. The map names the method, not the
    /// body, and arrives next to the body's event: before it in a rundown, so it waits for
    /// the next body of that method; right after it otherwise, so it goes to the body
    /// just added when that body is this method's and has no map yet.
    /// </summary>
    public void AddILMap(long methodId, int[] nativeOffsets, int[] ilOffsets)
    {
        var map = new ILToNativeMap(nativeOffsets, ilOffsets);
        if (_lastAdded is { } last && last.MethodId == methodId && last.ILMap is null)
        {
            last.ILMap = map;
            return;
        }
        // Maps whose body never comes (code we were not told about) must not pile up.
        if (_pendingMaps.Count >= MaxPendingMaps)
            _pendingMaps.Clear();
        _pendingMaps[methodId] = map;
    }

    public void AddModule(long moduleId, string ilPath, Guid pdbSignature)
    {
        if (!string.IsNullOrEmpty(ilPath))
            _modules[moduleId] = new ManagedModule(ilPath, pdbSignature);
    }

    public ManagedModule? Module(long moduleId) => _modules.GetValueOrDefault(moduleId);

    /// <summary>The method body containing <paramref name="address"/>, or null.</summary>
    public JittedMethod? Find(ulong address)
    {
        if (!_sorted)
            Sort();
        int lo = 0, hi = _methods.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (_methods[mid].Start <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (found < 0)
            return null;
        JittedMethod candidate = _methods[found];
        return address < candidate.End ? candidate : null;
    }

    private void Sort()
    {
        _methods.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Sequence.CompareTo(b.Sequence));
        // A reused code address keeps only its latest body.
        int kept = 0;
        for (int i = 0; i < _methods.Count; i++)
        {
            if (kept > 0 && _methods[kept - 1].Start == _methods[i].Start)
                _methods[kept - 1] = _methods[i];
            else
                _methods[kept++] = _methods[i];
        }
        _methods.RemoveRange(kept, _methods.Count - kept);
        _sorted = true;
    }
}

/// <summary>A loaded assembly: its path in the target and the id of the PDB it was built with.</summary>
internal sealed record ManagedModule(string ILPath, Guid PdbSignature)
{
    public string FileName { get; } = Path.GetFileName(ILPath);
}
