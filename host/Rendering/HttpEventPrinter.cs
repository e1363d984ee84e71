using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Metadata;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Host.Rendering;

/// <summary>One line per captured HTTP request, for `devtools trace http --format table`.</summary>
public sealed class HttpEventPrinter(TextWriter output, ProcessRegistry processes)
{
    private bool _headerWritten;

    public void Write(RowSelection rows)
    {
        var c = new Columns(rows.RecordBatch);
        foreach (int row in rows)
        {
            if (!_headerWritten)
            {
                output.WriteLine($"{"TIME",-12} {"PROCESS",-22} {"ROLE",-6} {"METHOD",-7} {"PATH",-40} {"STATUS",6} {"LATENCY",10} {"REQ",9} {"RESP",9}  REMOTE");
                _headerWritten = true;
            }
            long time = c.Time.GetValue(row) ?? 0;
            uint pid = Upid.ReadBigEndian(c.Upid.GetBytes(row)).Pid;
            string role = c.Role.GetValue(row) switch { 1 => "client", 2 => "server", _ => "?" };
            string path = c.Path.GetString(row) ?? string.Empty;
            if (path.Length > 40)
                path = path[..39] + "…";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.FromUnixTimeMilliseconds(time / 1_000_000).ToLocalTime():HH:mm:ss.fff} " +
                $"{Truncate($"{pid} {processes.GetName(pid)}", 22),-22} {role,-6} {c.Method.GetString(row),-7} {path,-40} " +
                $"{c.Status.GetValue(row),6} {EndpointTable.Ms((c.Latency.GetValue(row) ?? 0) / 1e6),10} " +
                $"{SummaryPrinter.Bytes(c.ReqBodySize.GetValue(row) ?? 0),9} {SummaryPrinter.Bytes(c.RespBodySize.GetValue(row) ?? 0),9}  " +
                $"{c.RemoteAddr.GetString(row)}:{c.RemotePort.GetValue(row)}"));
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private sealed class Columns(RecordBatch batch)
    {
        public TimestampArray Time { get; } = (TimestampArray)batch.Column("time_");
        public FixedSizeBinaryArray Upid { get; } = (FixedSizeBinaryArray)batch.Column("upid");
        public Int64Array Role { get; } = (Int64Array)batch.Column("trace_role");
        public StringArray Method { get; } = (StringArray)batch.Column("req_method");
        public StringArray Path { get; } = (StringArray)batch.Column("req_path");
        public Int64Array Status { get; } = (Int64Array)batch.Column("resp_status");
        public Int64Array Latency { get; } = (Int64Array)batch.Column("latency");
        public Int64Array ReqBodySize { get; } = (Int64Array)batch.Column("req_body_size");
        public Int64Array RespBodySize { get; } = (Int64Array)batch.Column("resp_body_size");
        public StringArray RemoteAddr { get; } = (StringArray)batch.Column("remote_addr");
        public Int64Array RemotePort { get; } = (Int64Array)batch.Column("remote_port");
    }
}
