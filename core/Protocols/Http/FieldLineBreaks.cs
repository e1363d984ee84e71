using System.Runtime.Intrinsics;
using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// What splits HTTP/1 field lines into names and values: <see cref="ByteScanner{TSet}"/>
/// finds every ':' and LF, so a line's name ends at the first ':' found after its start.
/// </summary>
internal readonly struct FieldLineBreaks : IByteSet
{
    public static Vector256<byte> Match(Vector256<byte> bytes) =>
        Vector256.Equals(bytes, Vector256.Create((byte)':')) | Vector256.Equals(bytes, Vector256.Create((byte)'\n'));

    public static Vector128<byte> Match(Vector128<byte> bytes) =>
        Vector128.Equals(bytes, Vector128.Create((byte)':')) | Vector128.Equals(bytes, Vector128.Create((byte)'\n'));

    public static bool Contains(byte b) => b is (byte)':' or (byte)'\n';
}
