using System.Runtime.InteropServices;

namespace Devtools.Core.Capture.SocketTrace;

// Mirrors of the structs in bpf/socket_trace.h. Change both together;
// SocketTraceLayoutTests pins the sizes and offsets.

internal enum EventKind : uint
{
    Open = 1,
    Close = 2,
    Data = 3,
    ProcessExit = 4,
    Datagram = 5,
}

/// <summary>Syscall that produced a data event (dt_syscall).</summary>
public enum TracedSyscall : byte
{
    Read = 1,
    Write = 2,
    Readv = 3,
    Writev = 4,
    Sendto = 5,
    Recvfrom = 6,
    Sendmsg = 7,
    Recvmsg = 8,
    Sendfile = 9,
    Sendmmsg = 11,
    Recvmmsg = 12,
}

[Flags]
internal enum DataFlags : byte
{
    None = 0,
    Filler = 1,
    Truncated = 2,
}

/// <summary>Indexes of the kernel-side drop counters (dt_drop_reason).</summary>
public enum KernelDropReason
{
    RingBufferFullData = 0,
    RingBufferFullDataBytes = 1,
    RingBufferFullControl = 2,
    TruncatedCalls = 3,
    TruncatedBytes = 4,
    UserReadFailed = 5,
    IovecLimit = 6,
    InflightMapFull = 7,
    ConnectionMapFull = 8,
}

[StructLayout(LayoutKind.Sequential)]
internal struct ConfigStruct
{
    public uint TargetTgid;
    public uint SelfTgid;
    public uint MaxBytesPerCall;
    public uint WakeupBytes;
}

[StructLayout(LayoutKind.Sequential)]
internal struct EventHeader
{
    public EventKind Kind;
    public uint Cpu;
    public ulong TimestampNs;
    public uint Pid;
    public int Fd;
    public ulong Generation;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpenEvent
{
    public EventHeader Header;
    public ushort Family;
    public ushort Role;
    public ushort Protocol;
    public ushort LocalPort;
    public ushort RemotePort;
    public ushort Pad0;
    public uint Pad1;
    public fixed byte LocalAddr[16];
    public fixed byte RemoteAddr[16];
}

/// <summary>Byte offsets inside <see cref="OpenEvent"/> of its address arrays.</summary>
internal static class OpenEventLayout
{
    public const int LocalAddrOffset = 48;
    public const int RemoteAddrOffset = 64;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CloseEvent
{
    public EventHeader Header;
    public ulong BytesSent;
    public ulong BytesRecv;
}

[StructLayout(LayoutKind.Sequential)]
internal struct DataEvent
{
    public EventHeader Header;
    public ulong StreamOffset;
    public uint SyscallBytes;
    public uint Length;
    public uint Captured;
    public byte Direction;
    public byte Syscall;
    public DataFlags Flags;
    public byte Pad0;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DatagramEvent
{
    public DataEvent Data;
    public ushort Family;
    public ushort Port;
    public uint Pad0;
    public fixed byte Addr[16];
}

/// <summary>Byte offsets inside <see cref="DatagramEvent"/>.</summary>
internal static class DatagramEventLayout
{
    public const int AddrOffset = 64;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ConnKey
{
    public uint Pid;
    public int Fd;
}
