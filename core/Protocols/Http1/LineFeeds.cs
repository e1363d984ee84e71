using System.Runtime.Intrinsics;
using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Http1;

/// <summary>Where the lines of a head end: <see cref="ByteScanner{TSet}"/> finds every LF.</summary>
internal readonly struct LineFeeds : IByteSet
{
    public static Vector256<byte> Match(Vector256<byte> bytes) => Vector256.Equals(bytes, Vector256.Create((byte)'\n'));

    public static Vector128<byte> Match(Vector128<byte> bytes) => Vector128.Equals(bytes, Vector128.Create((byte)'\n'));

    public static bool Contains(byte b) => b == (byte)'\n';
}
