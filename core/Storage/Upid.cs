using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Devtools.Core.Storage;

/// <summary>
/// Unique process id, as Pixie defines it: a pid alone is reused by the kernel, so a process is
/// identified by (agent id, pid, process start time). Stored in Arrow as UINT128 with
/// <see cref="High"/> = asid &lt;&lt; 32 | pid and <see cref="Low"/> = start time.
/// </summary>
/// <param name="Asid">Agent (node) id; 0 on a single machine.</param>
/// <param name="Pid">Process id in the root pid namespace.</param>
/// <param name="StartTimeTicks">Process start time in clock ticks since boot (/proc/PID/stat field 22).</param>
public readonly record struct Upid(uint Asid, uint Pid, ulong StartTimeTicks)
    : ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<Upid>
{
    /// <summary>Size of the big-endian binary form.</summary>
    public const int ByteCount = 16;

    /// <summary>Longest text form: three ulong-sized numbers and two colons.</summary>
    public const int MaxTextLength = 10 + 1 + 10 + 1 + 20;

    /// <summary>The upper 64 bits of the UINT128: asid then pid.</summary>
    public ulong High => ((ulong)Asid << 32) | Pid;

    /// <summary>The lower 64 bits of the UINT128: the start time.</summary>
    public ulong Low => StartTimeTicks;

    /// <summary>Rebuilds a upid from its two UINT128 halves.</summary>
    public static Upid FromHighLow(ulong high, ulong low) => new((uint)(high >> 32), (uint)high, low);

    /// <summary>Writes the Arrow FixedSizeBinary(16) form: high 64 bits then low 64 bits, both big-endian.</summary>
    public void WriteBigEndian(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    /// <summary>Reads the form written by <see cref="WriteBigEndian"/>.</summary>
    public static Upid ReadBigEndian(ReadOnlySpan<byte> source) =>
        FromHighLow(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source[8..]));

    /// <summary>Pixie's text form, "asid:pid:start".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Asid}:{Pid}:{StartTimeTicks}");

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Asid}:{Pid}:{StartTimeTicks}", out charsWritten);

    /// <inheritdoc/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        System.Text.Unicode.Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{Asid}:{Pid}:{StartTimeTicks}", out bytesWritten);

    /// <summary>Parses "asid:pid:start".</summary>
    public static Upid Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static Upid Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static Upid Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out Upid upid) ? upid : throw new FormatException($"'{s}' is not a upid of the form asid:pid:start.");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Upid result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses "asid:pid:start".</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Upid result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Upid result)
    {
        result = default;
        int first = s.IndexOf(':');
        if (first < 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = s[(first + 1)..];
        int second = rest.IndexOf(':');
        if (second < 0)
        {
            return false;
        }

        const NumberStyles Digits = NumberStyles.None;
        if (!uint.TryParse(s[..first], Digits, CultureInfo.InvariantCulture, out uint asid)
            || !uint.TryParse(rest[..second], Digits, CultureInfo.InvariantCulture, out uint pid)
            || !ulong.TryParse(rest[(second + 1)..], Digits, CultureInfo.InvariantCulture, out ulong start))
        {
            return false;
        }

        result = new Upid(asid, pid, start);
        return true;
    }
}
