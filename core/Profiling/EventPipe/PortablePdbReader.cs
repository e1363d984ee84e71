using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>A method's source position: the PDB's document path and 1-based line.</summary>
internal readonly record struct SourceLine(string File, int Line);

/// <summary>
/// Source lines of one assembly from its portable PDB (embedded, or a .pdb file next
/// to the assembly or at the path recorded in it), checked against the PDB id the
/// runtime reported for the loaded module so that a rebuilt file is not trusted.
/// </summary>
internal sealed class PortablePdbReader : IDisposable
{
    private readonly MetadataReaderProvider _provider;
    private readonly MetadataReader _pdb;
    private readonly Dictionary<int, SequencePointEntry[]> _byToken = [];
    private readonly Dictionary<DocumentHandle, string> _documents = [];

    private PortablePdbReader(MetadataReaderProvider provider)
    {
        _provider = provider;
        _pdb = provider.GetMetadataReader();
    }

    /// <summary>Opens the PDB of the assembly at <paramref name="assemblyPath"/>; null when there is none or it does not match.</summary>
    public static PortablePdbReader? TryOpen(string assemblyPath, Guid expectedPdbId, out string? problem)
    {
        problem = null;
        try
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.TryOpenAssociatedPortablePdb(assemblyPath, OpenIfExists, out MetadataReaderProvider? provider, out _) || provider is null)
            {
                problem = "no portable PDB";
                return null;
            }
            var reader = new PortablePdbReader(provider);
            if (expectedPdbId != Guid.Empty && reader.PdbGuid != expectedPdbId)
            {
                reader.Dispose();
                problem = "the PDB does not match the running module (rebuilt since the process started?)";
                return null;
            }
            return reader;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The GUID half of the PDB id: what the assembly's CodeView entry and the runtime's events carry.</summary>
    public Guid PdbGuid => _pdb.DebugMetadataHeader is { } header ? new Guid(header.Id.AsSpan(0, 16)) : Guid.Empty;

    /// <summary>The statement containing <paramref name="ilOffset"/> of method <paramref name="token"/>.</summary>
    public SourceLine? Find(int token, int ilOffset)
    {
        if (ilOffset < 0 || (token >>> 24) != 0x06)
            return null;
        if (!_byToken.TryGetValue(token, out SequencePointEntry[]? points))
        {
            points = Read(token);
            _byToken[token] = points;
        }
        // Sequence points are in IL order: the last one at or before the offset holds it.
        SequencePointEntry? best = points.Length > 0 ? points[0] : null;
        foreach (SequencePointEntry point in points)
        {
            if (point.ILOffset > ilOffset)
                break;
            best = point;
        }
        return best is { } found ? new SourceLine(DocumentName(found.Document), found.Line) : null;
    }

    private SequencePointEntry[] Read(int token)
    {
        var handle = MetadataTokens.MethodDebugInformationHandle(token & 0xFFFFFF);
        try
        {
            MethodDebugInformation info = _pdb.GetMethodDebugInformation(handle);
            var points = new List<SequencePointEntry>();
            foreach (SequencePoint point in info.GetSequencePoints())
            {
                if (!point.IsHidden)
                    points.Add(new SequencePointEntry(point.Offset, point.StartLine, point.Document));
            }
            return [.. points];
        }
        catch (BadImageFormatException)
        {
            return [];
        }
    }

    private string DocumentName(DocumentHandle handle)
    {
        if (!_documents.TryGetValue(handle, out string? name))
        {
            name = _pdb.GetString(_pdb.GetDocument(handle).Name);
            _documents[handle] = name;
        }
        return name;
    }

    private static FileStream? OpenIfExists(string path) => File.Exists(path) ? File.OpenRead(path) : null;

    public void Dispose() => _provider.Dispose();

    private readonly record struct SequencePointEntry(int ILOffset, int Line, DocumentHandle Document);
}
