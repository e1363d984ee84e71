namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Finds the source line of a method body's IL offset through each module's portable
/// PDB, opened once per module (through the target's filesystem) and kept for the
/// session; source paths are rewritten by the user's <see cref="SourcePathMap"/>.
/// </summary>
internal sealed class SourceLineResolver(TargetFileSystem files, SourcePathMap sourcePaths) : IDisposable
{
    private readonly Dictionary<ManagedModule, PortablePdbReader?> _readers = [];
    private readonly Dictionary<string, string> _mappedPaths = new(StringComparer.Ordinal);

    /// <summary>Modules whose PDB was found but not usable, with the reason (a stale PDB, say).</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public SourceLine? Find(ManagedModule module, int token, int ilOffset)
    {
        if (ilOffset < 0)
            return null;
        if (!_readers.TryGetValue(module, out PortablePdbReader? reader))
        {
            reader = PortablePdbReader.TryOpen(files.Map(module.ILPath), module.PdbSignature, out string? problem);
            _readers[module] = reader;
            // A missing PDB is the norm for framework assemblies; only a PDB that exists and is wrong is news.
            if (reader is null && problem is not null && problem.StartsWith("the PDB", StringComparison.Ordinal))
                Problems[module.FileName] = problem;
        }
        if (reader?.Find(token, ilOffset) is not { } line)
            return null;
        if (!_mappedPaths.TryGetValue(line.File, out string? mapped))
        {
            mapped = sourcePaths.Map(line.File);
            _mappedPaths[line.File] = mapped;
        }
        return line with { File = mapped };
    }

    public void Dispose()
    {
        foreach (PortablePdbReader? reader in _readers.Values)
            reader?.Dispose();
        _readers.Clear();
    }
}
