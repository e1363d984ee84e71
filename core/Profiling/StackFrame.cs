namespace Devtools.Core.Profiling;

/// <summary>Where a frame's code lives, which decides how it was symbolized.</summary>
public enum FrameKind : byte
{
    /// <summary>Could not be resolved: shown as module+offset (or the raw address).</summary>
    Unknown,

    /// <summary>Kernel code, from /proc/kallsyms; folded as "[k] name".</summary>
    Kernel,

    /// <summary>Native code in an ELF file (symtab/dynsym).</summary>
    Native,

    /// <summary>JIT-compiled code found in a perf map (/tmp/perf-PID.map), or ReadyToRun code named from its image.</summary>
    Jit,

    /// <summary>A .NET managed frame resolved through EventPipe (method, and file:line from the PDB).</summary>
    Managed,
}

/// <summary>
/// One resolved frame of a stack. <see cref="Function"/> is never empty: an
/// unresolved frame names its module and offset ("libfoo.so+0x1a2b").
/// </summary>
public readonly record struct StackFrame(string Function, FrameKind Kind, string? Module = null, string? File = null, int Line = 0)
{
    /// <summary>The frame as it appears in a folded stack (kernel frames prefixed "[k] ", as Pixie does).</summary>
    public string FoldedName => Kind == FrameKind.Kernel ? "[k] " + Function : Function;

    /// <summary>"File.cs:42" when the source line is known.</summary>
    public string? SourceLocation => File is null || Line <= 0 ? null : $"{Path.GetFileName(File)}:{Line}";
}
