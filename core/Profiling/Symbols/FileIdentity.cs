using System.Runtime.InteropServices;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>A file's inode, which .NET does not expose: tells whether a path names the very file a process mapped.</summary>
internal static unsafe partial class FileIdentity
{
    /// <summary>The inode of <paramref name="path"/>, or 0 when it cannot be read.</summary>
    public static ulong Inode(string path)
    {
        // struct stat: st_dev then st_ino, both 64-bit, on x86-64 and arm64 alike; the buffer covers the whole struct.
        byte* buffer = stackalloc byte[256];
        try
        {
            return Stat(path, buffer) == 0 ? *(ulong*)(buffer + 8) : 0;
        }
        catch (EntryPointNotFoundException)
        {
            return 0;
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte* buffer);
}
