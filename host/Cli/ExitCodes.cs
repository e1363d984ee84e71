namespace Devtools.Host.Cli;

/// <summary>What `devtools` exit codes mean (also listed in README.md).</summary>
public static class ExitCodes
{
    /// <summary>Done; for live views also when stopped with Ctrl-C, the normal way to end them.</summary>
    public const int Ok = 0;

    /// <summary>Capture or output failed while running.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (unknown option, bad value).</summary>
    public const int Usage = 2;

    /// <summary>This machine or user cannot capture (not root, no BTF, toolchain or libbpf missing).</summary>
    public const int Environment = 3;

    /// <summary>The capture ran but lost data (kernel drops); only with --strict.</summary>
    public const int DataLost = 4;
}
