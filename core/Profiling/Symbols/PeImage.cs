using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// The section table of a PE file (.NET assemblies, ReadyToRun framework code).
/// The runtime maps each section on its own, so a sampled address gives a file
/// offset; the sections turn it into the RVA that tools such as R2RDump and
/// ILSpy show; a ReadyToRun image's own tables then name the method there
/// (<see cref="ReadyToRunMethods"/>), else the frame is "System.Private.CoreLib.dll+0xRVA".
/// </summary>
public sealed class PeImage : IDisposable
{
    private readonly Section[] _sections;
    private readonly string _path;
    private ReadyToRunMethods? _methods;
    private bool _methodsRead;

    private PeImage(Section[] sections, string path)
    {
        _sections = sections;
        _path = path;
    }

    /// <summary>The precompiled methods, read on first use; null for IL-only or composite images.</summary>
    public ReadyToRunMethods? Methods
    {
        get
        {
            if (!_methodsRead)
            {
                _methodsRead = true;
                _methods = ReadyToRunMethods.TryRead(_path);
            }
            return _methods;
        }
    }

    public void Dispose()
    {
        _methods?.Dispose();
        _methods = null;
    }

    /// <summary>Null when the file is not a PE image.</summary>
    public static PeImage? TryRead(string path)
    {
        try
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> dos = stackalloc byte[64];
            if (RandomAccess.Read(file, dos, 0) < 64 || dos[0] != (byte)'M' || dos[1] != (byte)'Z')
                return null;
            int peOffset = BinaryPrimitives.ReadInt32LittleEndian(dos[0x3c..]);
            Span<byte> coff = stackalloc byte[24];
            if (peOffset <= 0 || RandomAccess.Read(file, coff, peOffset) < 24 || !coff[..4].SequenceEqual("PE\0\0"u8))
                return null;
            int count = BinaryPrimitives.ReadUInt16LittleEndian(coff[6..]);
            int optionalSize = BinaryPrimitives.ReadUInt16LittleEndian(coff[20..]);
            if (count is 0 or > 96)
                return null;
            var table = new byte[count * 40];
            if (RandomAccess.Read(file, table, peOffset + 24 + optionalSize) < table.Length)
                return null;
            var sections = new Section[count];
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> s = table.AsSpan(i * 40, 40);
                sections[i] = new Section(
                    VirtualAddress: BinaryPrimitives.ReadUInt32LittleEndian(s[12..]),
                    RawSize: BinaryPrimitives.ReadUInt32LittleEndian(s[16..]),
                    RawPointer: BinaryPrimitives.ReadUInt32LittleEndian(s[20..]));
            }
            return new PeImage(sections, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The RVA of the byte at <paramref name="fileOffset"/>; false when no section holds it.</summary>
    public bool TryFileOffsetToRva(ulong fileOffset, out ulong rva)
    {
        foreach (Section s in _sections)
        {
            if (fileOffset >= s.RawPointer && fileOffset < (ulong)s.RawPointer + s.RawSize)
            {
                rva = s.VirtualAddress + (fileOffset - s.RawPointer);
                return true;
            }
        }
        rva = 0;
        return false;
    }

    private readonly record struct Section(uint VirtualAddress, uint RawSize, uint RawPointer);
}
