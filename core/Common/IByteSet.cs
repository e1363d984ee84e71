using System.Runtime.Intrinsics;

namespace Devtools.Core.Common;

/// <summary>
/// A small set of bytes that <see cref="ByteScanner{TSet}"/> looks for, as vector compares
/// (implemented by structs, so each scanner is compiled for its set and nothing is called
/// through an interface).
/// </summary>
internal interface IByteSet
{
    /// <summary>Lanes holding a byte of the set are all ones, the others zero.</summary>
    static abstract Vector256<byte> Match(Vector256<byte> bytes);

    /// <summary>Lanes holding a byte of the set are all ones, the others zero.</summary>
    static abstract Vector128<byte> Match(Vector128<byte> bytes);

    static abstract bool Contains(byte b);
}
