using System.Globalization;
using Devtools.Core.Storage;

namespace Devtools.Core.Metadata;

/// <summary>
/// Per-process facts read from /proc once and cached: the upid (pid + start
/// time, so a reused pid is another process) and the command name.
/// </summary>
public sealed class ProcessRegistry
{
    private readonly Dictionary<uint, ProcessEntry> _processes = [];
    // Names outlive their processes: a row is often printed after its process exited.
    private readonly Dictionary<Upid, string> _names = [];
    private readonly Lock _gate = new();
    private readonly string _procRoot;

    public ProcessRegistry(uint asid = 0, string procRoot = "/proc")
    {
        Asid = asid;
        _procRoot = procRoot;
    }

    /// <summary>This agent's id, the high half of every upid.</summary>
    public uint Asid { get; }

    public Upid GetUpid(uint pid) => Get(pid).Upid;

    /// <summary>The process's command name (/proc/PID/comm), or "pid N" if it was never seen alive.</summary>
    public string GetName(uint pid) => Get(pid).Name;

    /// <summary>The command name of that process, even after it exited (if it was seen alive).</summary>
    public string GetName(Upid upid)
    {
        lock (_gate)
        {
            if (_names.TryGetValue(upid, out string? name))
                return name;
        }
        ProcessEntry entry = Get(upid.Pid);
        return entry.Upid == upid ? entry.Name : $"pid {upid.Pid}";
    }

    /// <summary>Forgets a process that exited (its pid may be reused).</summary>
    public void Forget(uint pid)
    {
        lock (_gate)
            _processes.Remove(pid);
    }

    private ProcessEntry Get(uint pid)
    {
        lock (_gate)
        {
            if (_processes.TryGetValue(pid, out ProcessEntry? entry))
                return entry;
            entry = Read(pid);
            if (_processes.Count > 65536)
                _processes.Clear();
            _processes[pid] = entry;
            if (entry.Upid.StartTimeTicks != 0)
            {
                if (_names.Count > 65536)
                    _names.Clear();
                _names[entry.Upid] = entry.Name;
            }
            return entry;
        }
    }

    private ProcessEntry Read(uint pid)
    {
        ulong start = 0;
        string name = $"pid {pid}";
        try
        {
            string stat = File.ReadAllText($"{_procRoot}/{pid}/stat");
            // comm is in parentheses and may itself contain spaces and ')': fields follow the last ')'.
            int close = stat.LastIndexOf(')');
            int open = stat.IndexOf('(', StringComparison.Ordinal);
            if (open >= 0 && close > open)
                name = stat[(open + 1)..close];
            string[] fields = stat[(close + 2)..].Split(' ');
            // Field 22 (starttime) is the 20th after comm: state is field 3.
            if (fields.Length > 19)
                start = ulong.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            // The process is already gone: keep what we know.
        }
        return new ProcessEntry(new Upid(Asid, pid, start), name);
    }

    private sealed record ProcessEntry(Upid Upid, string Name);
}
