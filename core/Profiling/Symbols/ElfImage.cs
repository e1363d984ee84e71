using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// What symbolization needs from one ELF64 little-endian file: its loadable
/// segments (file offset → virtual address, which handles PIE and non-PIE alike),
/// its GNU build id, and its function symbols (.symtab, else .dynsym). Read with
/// positioned reads: only headers and symbol tables are touched, never code.
/// </summary>
public sealed class ElfImage
{
    private const int PtLoad = 1;
    private const int PtNote = 4;
    private const int ShtSymtab = 2;
    private const int ShtDynsym = 11;
    private const int NtGnuBuildId = 3;

    private readonly LoadSegment[] _segments;

    private ElfImage(LoadSegment[] segments, string? buildId, ElfSymbolTable symbols)
    {
        _segments = segments;
        BuildId = buildId;
        Symbols = symbols;
    }

    /// <summary>NT_GNU_BUILD_ID in hex, when the file has one.</summary>
    public string? BuildId { get; }

    public ElfSymbolTable Symbols { get; }

    /// <summary>Reads the image; null when the file is not ELF64 little-endian (or unreadable).</summary>
    public static ElfImage? TryRead(string path)
    {
        try
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Read(file, RandomAccess.GetLength(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The build id alone (cheap: headers and notes only); null when none.</summary>
    public static string? TryReadBuildId(string path)
    {
        try
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long length = RandomAccess.GetLength(file);
            Header? header = ReadHeader(file, length);
            return header is null ? null : ReadBuildId(file, length, ReadProgramHeaders(file, length, header.Value));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Where a byte at <paramref name="fileOffset"/> of the file is in the image's own address space.</summary>
    public bool TryFileOffsetToAddress(ulong fileOffset, out ulong address)
    {
        foreach (LoadSegment segment in _segments)
        {
            if (fileOffset >= segment.Offset && fileOffset < segment.Offset + segment.FileSize)
            {
                address = segment.VirtualAddress + (fileOffset - segment.Offset);
                return true;
            }
        }
        address = 0;
        return false;
    }

    private static ElfImage? Read(SafeFileHandle file, long length)
    {
        if (ReadHeader(file, length) is not { } header)
            return null;
        LoadSegment[] loads = ReadProgramHeaders(file, length, header);
        string? buildId = ReadBuildId(file, length, loads);
        ElfSymbolTable symbols = ReadSymbols(file, length, header);
        return new ElfImage([.. loads.Where(s => s.Type == PtLoad)], buildId, symbols);
    }

    private static Header? ReadHeader(SafeFileHandle file, long length)
    {
        Span<byte> ehdr = stackalloc byte[64];
        if (length < 64 || RandomAccess.Read(file, ehdr, 0) < 64)
            return null;
        // \x7fELF, ELFCLASS64, ELFDATA2LSB
        if (ehdr[0] != 0x7f || ehdr[1] != (byte)'E' || ehdr[2] != (byte)'L' || ehdr[3] != (byte)'F' || ehdr[4] != 2 || ehdr[5] != 1)
            return null;
        return new Header(
            PhOff: BinaryPrimitives.ReadUInt64LittleEndian(ehdr[32..]),
            ShOff: BinaryPrimitives.ReadUInt64LittleEndian(ehdr[40..]),
            PhEntSize: BinaryPrimitives.ReadUInt16LittleEndian(ehdr[54..]),
            PhNum: BinaryPrimitives.ReadUInt16LittleEndian(ehdr[56..]),
            ShEntSize: BinaryPrimitives.ReadUInt16LittleEndian(ehdr[58..]),
            ShNum: BinaryPrimitives.ReadUInt16LittleEndian(ehdr[60..]));
    }

    private static LoadSegment[] ReadProgramHeaders(SafeFileHandle file, long length, Header h)
    {
        if (h.PhEntSize < 56 || h.PhNum == 0 || h.PhOff + ((ulong)h.PhNum * (ulong)h.PhEntSize) > (ulong)length)
            return [];
        byte[] table = ReadBytes(file, (long)h.PhOff, h.PhNum * h.PhEntSize);
        var segments = new List<LoadSegment>(h.PhNum);
        for (int i = 0; i < h.PhNum; i++)
        {
            ReadOnlySpan<byte> p = table.AsSpan(i * h.PhEntSize, 56);
            int type = BinaryPrimitives.ReadInt32LittleEndian(p);
            if (type is not (PtLoad or PtNote))
                continue;
            segments.Add(new LoadSegment(
                type,
                Offset: BinaryPrimitives.ReadUInt64LittleEndian(p[8..]),
                VirtualAddress: BinaryPrimitives.ReadUInt64LittleEndian(p[16..]),
                FileSize: BinaryPrimitives.ReadUInt64LittleEndian(p[32..])));
        }
        return [.. segments];
    }

    private static string? ReadBuildId(SafeFileHandle file, long length, LoadSegment[] segments)
    {
        foreach (LoadSegment note in segments)
        {
            if (note.Type != PtNote || note.FileSize > 1 << 16 || note.Offset + note.FileSize > (ulong)length)
                continue;
            byte[] bytes = ReadBytes(file, (long)note.Offset, (int)note.FileSize);
            int pos = 0;
            while (pos + 12 <= bytes.Length)
            {
                int nameSize = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos));
                int descSize = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
                int type = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 8));
                if (nameSize < 0 || descSize < 0)
                    break;
                int nameStart = pos + 12;
                int descStart = nameStart + Align4(nameSize);
                if (descStart + descSize > bytes.Length)
                    break;
                if (type == NtGnuBuildId && nameSize == 4 && bytes.AsSpan(nameStart, 4).SequenceEqual("GNU\0"u8))
                    return Convert.ToHexStringLower(bytes, descStart, descSize);
                pos = descStart + Align4(descSize);
            }
        }
        return null;
    }

    private static ElfSymbolTable ReadSymbols(SafeFileHandle file, long length, Header h)
    {
        if (h.ShEntSize < 64 || h.ShNum == 0 || h.ShOff + ((ulong)h.ShNum * (ulong)h.ShEntSize) > (ulong)length)
            return ElfSymbolTable.Empty;
        byte[] table = ReadBytes(file, (long)h.ShOff, h.ShNum * h.ShEntSize);
        var sections = new Section[h.ShNum];
        for (int i = 0; i < h.ShNum; i++)
        {
            ReadOnlySpan<byte> s = table.AsSpan(i * h.ShEntSize, 64);
            sections[i] = new Section(
                Type: BinaryPrimitives.ReadInt32LittleEndian(s[4..]),
                Offset: BinaryPrimitives.ReadUInt64LittleEndian(s[24..]),
                Size: BinaryPrimitives.ReadUInt64LittleEndian(s[32..]),
                Link: BinaryPrimitives.ReadInt32LittleEndian(s[40..]),
                EntSize: BinaryPrimitives.ReadUInt64LittleEndian(s[56..]));
        }
        var builder = new ElfSymbolTable.Builder();
        // .symtab has everything (static functions too); .dynsym only exports. Stripped files have only .dynsym.
        foreach (int wanted in (int[])[ShtSymtab, ShtDynsym])
        {
            for (int i = 0; i < sections.Length; i++)
            {
                Section s = sections[i];
                if (s.Type != wanted || s.EntSize < 24 || s.Link <= 0 || s.Link >= sections.Length)
                    continue;
                Section strings = sections[s.Link];
                if (s.Offset + s.Size > (ulong)length || strings.Offset + strings.Size > (ulong)length || s.Size > int.MaxValue || strings.Size > int.MaxValue)
                    continue;
                byte[] symbols = ReadBytes(file, (long)s.Offset, (int)s.Size);
                byte[] names = ReadBytes(file, (long)strings.Offset, (int)strings.Size);
                builder.AddTable(symbols, (int)s.EntSize, names);
            }
            if (builder.Count > 0)
                break;
        }
        return builder.Build();
    }

    private static byte[] ReadBytes(SafeFileHandle file, long offset, int count)
    {
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = RandomAccess.Read(file, buffer.AsSpan(read), offset + read);
            if (n <= 0)
                throw new InvalidDataException("The ELF file is shorter than its headers say.");
            read += n;
        }
        return buffer;
    }

    private static int Align4(int n) => (n + 3) & ~3;

    private readonly record struct Header(ulong PhOff, ulong ShOff, int PhEntSize, int PhNum, int ShEntSize, int ShNum);

    private readonly record struct LoadSegment(int Type, ulong Offset, ulong VirtualAddress, ulong FileSize);

    private readonly record struct Section(int Type, ulong Offset, ulong Size, int Link, ulong EntSize);
}
