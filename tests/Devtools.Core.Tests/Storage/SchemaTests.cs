using Apache.Arrow;
using Apache.Arrow.Types;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Columns;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Storage;

public sealed class SchemaTests
{
    private const string Shared = "time_:TIME64NS upid:UINT128 remote_addr:STRING remote_port:INT64 local_addr:STRING local_port:INT64 trace_role:INT64 encrypted:BOOLEAN";

    public static TheoryData<string, string> ExpectedSchemas => new()
    {
        {
            TableNames.HttpEvents,
            Shared + " major_version:INT64 minor_version:INT64 content_type:INT64 req_headers:STRING req_method:STRING req_path:STRING req_body:STRING req_body_size:INT64 resp_headers:STRING resp_status:INT64 resp_message:STRING resp_body:STRING resp_body_size:INT64 latency:INT64"
        },
        { TableNames.PgsqlEvents, Shared + " req_cmd:STRING req:STRING resp:STRING latency:INT64" },
        { TableNames.MysqlEvents, Shared + " req_cmd:INT64 req_body:STRING resp_status:INT64 resp_body:STRING latency:INT64" },
        { TableNames.RedisEvents, Shared + " req_cmd:STRING req_args:STRING resp:STRING latency:INT64" },
        { TableNames.DnsEvents, Shared + " req_header:STRING req_body:STRING resp_header:STRING resp_body:STRING latency:INT64" },
        {
            TableNames.ConnStats,
            "time_:TIME64NS upid:UINT128 remote_addr:STRING remote_port:INT64 trace_role:INT64 addr_family:INT64 protocol:INT64 ssl:BOOLEAN conn_open:INT64 conn_close:INT64 conn_active:INT64 bytes_sent:INT64 bytes_recv:INT64"
        },
        {
            TableNames.ProcessStats,
            "time_:TIME64NS upid:UINT128 major_faults:INT64 minor_faults:INT64 cpu_utime_ns:INT64 cpu_ktime_ns:INT64 num_threads:INT64 vsize_bytes:INT64 rss_bytes:INT64 rchar_bytes:INT64 wchar_bytes:INT64 read_bytes:INT64 write_bytes:INT64"
        },
        { TableNames.StackTraces, "time_:TIME64NS upid:UINT128 stack_trace_id:INT64 stack_trace:STRING count:INT64" },
    };

    [Theory]
    [MemberData(nameof(ExpectedSchemas))]
    public void SchemasMatchPixie(string table, string expected)
    {
        Schema schema = TableSchemas.Get(table);

        Assert.Equal(expected, string.Join(' ', schema.FieldsList.Select(f => $"{f.Name}:{PixieType(f)}")));
        Assert.Equal(table, TableSchemas.CreateBuilder(table).TableName);
    }

    [Fact]
    public void EveryTableIsListed()
    {
        Assert.Equal(ExpectedSchemas.Select(row => (string)row[0]).Order(), TableSchemas.Names.Order());
    }

    [Fact]
    public void UnknownTableIsAnError()
    {
        Assert.Throws<KeyNotFoundException>(() => TableSchemas.Get("nope"));
        Assert.False(TableSchemas.TryGet("nope", out _));
    }

    [Fact]
    public void BuilderPropertiesAreTheSchemaColumnsInOrder()
    {
        var b = new HttpEventsBuilder();

        ColumnBuilder[] expected =
        [
            b.Time, b.Upid, b.RemoteAddr, b.RemotePort, b.LocalAddr, b.LocalPort, b.TraceRole, b.Encrypted,
            b.MajorVersion, b.MinorVersion, b.ContentType, b.ReqHeaders, b.ReqMethod, b.ReqPath, b.ReqBody,
            b.ReqBodySize, b.RespHeaders, b.RespStatus, b.RespMessage, b.RespBody, b.RespBodySize, b.Latency,
        ];
        Assert.Equal(expected, b.Columns);
    }

    [Fact]
    public void BuildProducesABatchAndResetsTheBuilder()
    {
        var b = new HttpEventsBuilder();
        new HttpRow(10, new Upid(0, 1, 2)).AppendTo(b);
        b.EndRow();
        new HttpRow(20, new Upid(0, 1, 2)).AppendTo(b);
        b.EndRow();

        RecordBatch batch = b.Build();

        Assert.Equal(2, batch.Length);
        Assert.Equal(22, batch.ColumnCount);
        Assert.Same(b.Schema, batch.Schema);
        Assert.Equal(0, b.RowCount);

        // Only the leading 0 offset of each string column remains.
        Assert.Equal(b.Columns.OfType<Utf8Column>().Count() * sizeof(int), b.EstimatedBytes);
    }

    [Fact]
    public void BuildRefusesAHalfWrittenRowAndCancelRowDropsIt()
    {
        var b = new HttpEventsBuilder();
        new HttpRow(10, new Upid(0, 1, 2)).AppendTo(b);
        b.EndRow();
        b.Time.Append(20);
        b.Upid.Append(new Upid(0, 1, 2));
        b.RemoteAddr.Append("x");

        Assert.Throws<InvalidOperationException>(() => b.Build());

        b.CancelRow();
        RecordBatch batch = b.Build();
        Assert.Equal(1, batch.Length);
        Assert.All(batch.Arrays, array => Assert.Equal(1, array.Length));
    }

    private static string PixieType(Field field) => field.DataType switch
    {
        TimestampType { Unit: TimeUnit.Nanosecond, Timezone: "UTC" } => "TIME64NS",
        FixedSizeBinaryType when DevtoolsArrowTypes.IsUint128(field) => "UINT128",
        StringType => "STRING",
        Int64Type => "INT64",
        BooleanType => "BOOLEAN",
        _ => field.DataType.Name,
    };
}
