using System.Globalization;

namespace Devtools.Core.Common;

/// <summary>Byte counts as people read them, the same in every front end (CLI summaries, editor hovers).</summary>
public static class ByteSize
{
    /// <summary>512 B, 4.0 KiB, 1.5 MiB, 2.00 GiB.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1 << 20 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1L << 30 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1073741824.0).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };
}
