using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Names the precompiled methods of a ReadyToRun image (the .NET framework
/// assemblies): the R2R header's MethodDefEntryPoints table maps each method
/// definition to its RUNTIME_FUNCTION, whose address range is what a sample hits;
/// the assembly's own metadata gives the name, formatted like the runtime's perf
/// map ("System.DateTime::get_UtcNow()") so a method's R2R and re-jitted code
/// read the same. Generic instantiations compiled into the image
/// (InstanceEntryPoints) are not mapped: they stay module+RVA.
/// </summary>
public sealed class ReadyToRunMethods : IDisposable
{
    private const uint R2RSignature = 0x00525452; // "RTR"
    private const int SectionRuntimeFunctions = 102;
    private const int SectionMethodDefEntryPoints = 103;
    private const int MaxNames = 1 << 14;

    private readonly PEReader _pe;
    private readonly MetadataReader _metadata;
    private readonly uint[] _begins;   // sorted RUNTIME_FUNCTION starts (RVA)
    private readonly uint[] _ends;     // their ends (exclusive)
    private readonly int[] _owners;    // method definition row of each function
    private readonly Dictionary<int, string> _names = [];

    private ReadyToRunMethods(PEReader pe, MetadataReader metadata, uint[] begins, uint[] ends, int[] owners)
    {
        _pe = pe;
        _metadata = metadata;
        _begins = begins;
        _ends = ends;
        _owners = owners;
    }

    /// <summary>Start RVAs of every mapped code block (for tests).</summary>
    internal IReadOnlyList<uint> Starts => _begins;

    /// <summary>Methods with precompiled code.</summary>
    public int Count => _owners.Length == 0 ? 0 : _owners.Distinct().Count();

    /// <summary>Reads the tables of the image at <paramref name="path"/>; null when it is not a (single-assembly) ReadyToRun image.</summary>
    public static ReadyToRunMethods? TryRead(string path)
    {
        PEReader? pe = null;
        try
        {
            pe = new PEReader(File.OpenRead(path));
            ReadyToRunMethods? methods = Read(pe);
            if (methods is not null)
                pe = null; // owned by methods now
            return methods;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
        finally
        {
            pe?.Dispose();
        }
    }

    /// <summary>The method whose code holds <paramref name="rva"/>.</summary>
    public bool TryFind(uint rva, out string name)
    {
        name = string.Empty;
        int index = Array.BinarySearch(_begins, rva);
        if (index < 0)
            index = ~index - 1;
        if (index < 0 || rva >= _ends[index])
            return false;
        int row = _owners[index];
        if (!_names.TryGetValue(row, out string? known))
        {
            known = MethodName(row);
            if (_names.Count >= MaxNames)
                _names.Clear();
            _names[row] = known;
        }
        name = known;
        return true;
    }

    private static ReadyToRunMethods? Read(PEReader pe)
    {
        PEHeaders headers = pe.PEHeaders;
        if (headers.CorHeader is not { } cor || cor.ManagedNativeHeaderDirectory.Size < 16 || !pe.HasMetadata)
            return null;
        ReadOnlySpan<byte> header = Block(pe, cor.ManagedNativeHeaderDirectory.RelativeVirtualAddress, cor.ManagedNativeHeaderDirectory.Size);
        if (header.Length < 16 || BinaryPrimitives.ReadUInt32LittleEndian(header) != R2RSignature)
            return null;
        int sections = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        (int Rva, int Size) functions = default, entryPoints = default;
        for (int i = 0; i < sections && 16 + ((i + 1) * 12) <= header.Length; i++)
        {
            ReadOnlySpan<byte> s = header[(16 + (i * 12))..];
            int type = BinaryPrimitives.ReadInt32LittleEndian(s);
            var directory = (BinaryPrimitives.ReadInt32LittleEndian(s[4..]), BinaryPrimitives.ReadInt32LittleEndian(s[8..]));
            if (type == SectionRuntimeFunctions)
                functions = directory;
            else if (type == SectionMethodDefEntryPoints)
                entryPoints = directory;
        }
        if (functions.Size == 0 || entryPoints.Size == 0)
            return null; // a component of a composite image: its code lives in the composite file

        // RUNTIME_FUNCTION: x64 {Begin, End, Unwind}; arm64 {Begin, Unwind} (the end is the next begin).
        bool hasEnd = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;
        int entrySize = hasEnd ? 12 : 8;
        ReadOnlySpan<byte> table = Block(pe, functions.Rva, functions.Size);
        int count = table.Length / entrySize;
        var begins = new uint[count];
        var ends = new uint[count];
        for (int i = 0; i < count; i++)
        {
            begins[i] = BinaryPrimitives.ReadUInt32LittleEndian(table[(i * entrySize)..]);
            ends[i] = hasEnd ? BinaryPrimitives.ReadUInt32LittleEndian(table[((i * entrySize) + 4)..]) : 0;
        }
        if (!hasEnd)
        {
            for (int i = 0; i < count; i++)
                ends[i] = i + 1 < count ? begins[i + 1] : begins[i] + 4096;
        }

        // MethodDefEntryPoints: a native array indexed by method row - 1, each element the index of the method's main function.
        MetadataReader metadata = pe.GetMetadataReader();
        ReadOnlySpan<byte> entries = Block(pe, entryPoints.Rva, int.MaxValue);
        var owners = new int[count];
        if (!NativeFormat.TryReadArrayHeader(entries, 0, out uint elements, out int indexSize, out int baseOffset))
            return null;
        int methods = metadata.GetTableRowCount(TableIndex.MethodDef);
        for (uint row = 1; row <= methods && row <= elements; row++)
        {
            if (!NativeFormat.TryGetArrayElement(entries, elements, indexSize, baseOffset, row - 1, out int at))
                continue;
            if (NativeFormat.DecodeUnsigned(entries, at, out uint id) < 0)
                continue;
            id = (id & 1) != 0 ? id >> 2 : id >> 1; // low bits flag fixups that precede the code
            if (id < count)
                owners[id] = (int)row;
        }
        // Functions that no MethodDef entry point names are either funclets of the method before
        // them (exception handlers) or whole methods of their own: generic instantiations, listed
        // in InstanceEntryPoints, which is not read here. Telling the two apart needs that table,
        // and giving an instantiation the name of whatever method precedes it put wrong names on
        // whole subtrees (async state machines "called" ThrowHelpers::ThrowClassAccessException),
        // so they stay unnamed: the frame shows the module and offset.

        int[] order = [.. Enumerable.Range(0, count).Where(i => owners[i] != 0).OrderBy(i => begins[i])];
        return new ReadyToRunMethods(
            pe,
            metadata,
            [.. order.Select(i => begins[i])],
            [.. order.Select(i => ends[i])],
            [.. order.Select(i => owners[i])]);
    }

    /// <summary>The bytes from <paramref name="rva"/> to at most <paramref name="size"/> or the end of its section.</summary>
    private static ReadOnlySpan<byte> Block(PEReader pe, int rva, int size)
    {
        PEMemoryBlock block = pe.GetSectionData(rva);
        ImmutableArray<byte> bytes = block.GetContent(0, Math.Min(size, block.Length));
        return bytes.AsSpan();
    }

    private string MethodName(int row)
    {
        try
        {
            MethodDefinition method = _metadata.GetMethodDefinition(MetadataTokens.MethodDefinitionHandle(row));
            string type = TypeName(_metadata, method.GetDeclaringType());
            MethodSignature<string> signature = method.DecodeSignature(SignatureFormatter.Instance, null);
            return $"{type}::{_metadata.GetString(method.Name)}({string.Join(',', signature.ParameterTypes)})";
        }
        catch (BadImageFormatException)
        {
            return $"method 0x{0x06000000 | row:x8}";
        }
    }

    internal static string TypeName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        TypeDefinition type = metadata.GetTypeDefinition(handle);
        string name = metadata.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
            return TypeName(metadata, declaring) + "+" + name;
        string ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public void Dispose() => _pe.Dispose();

    /// <summary>Formats signature types the way the runtime's perf map does ("int32", "class System.String[]", "valuetype X&amp;").</summary>
    private sealed class SignatureFormatter : ISignatureTypeProvider<string, object?>
    {
        public static readonly SignatureFormatter Instance = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.SByte => "int8",
            PrimitiveTypeCode.Byte => "uint8",
            PrimitiveTypeCode.Int16 => "int16",
            PrimitiveTypeCode.UInt16 => "uint16",
            PrimitiveTypeCode.Int32 => "int32",
            PrimitiveTypeCode.UInt32 => "uint32",
            PrimitiveTypeCode.Int64 => "int64",
            PrimitiveTypeCode.UInt64 => "uint64",
            PrimitiveTypeCode.Single => "float32",
            PrimitiveTypeCode.Double => "float64",
            PrimitiveTypeCode.IntPtr => "native int",
            PrimitiveTypeCode.UIntPtr => "native uint",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.TypedReference => "typedref",
            _ => "void",
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            Kind(rawTypeKind) + TypeName(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            Kind(rawTypeKind) + ReferenceName(reader, handle);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', Math.Max(0, shape.Rank - 1)) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(',', typeArguments) + ">";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method";

        private static string Kind(byte rawTypeKind) => rawTypeKind == (byte)SignatureTypeKind.ValueType ? "valuetype " : "class ";

        private static string ReferenceName(MetadataReader reader, TypeReferenceHandle handle)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
                return ReferenceName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
