using System.Text;
using System.Text.Json;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Columns;
using Devtools.Core.Storage.Export;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Storage;

public sealed class JsonLinesExporterTests
{
    [Fact]
    public void AKnownRowHasAnExactLine()
    {
        var table = HttpRows.NewTable();
        HttpEventsBuilder b = table.Builder;
        b.Time.Append(1_700_000_000_123_456_789);
        b.Upid.Append(new Upid(1, 4321, 99887766));
        b.RemoteAddr.Append("10.1.2.3");
        b.RemotePort.Append(51234);
        b.LocalAddr.Append("10.1.2.4");
        b.LocalPort.Append(8080);
        b.TraceRole.Append(TraceRoles.Server);
        b.Encrypted.Append(true);
        b.MajorVersion.Append(1);
        b.MinorVersion.Append(1);
        b.ContentType.Append(1);
        b.ReqHeaders.Append("{\"Host\":\"shop\",\"Accept\":\"*/*\"}");
        b.ReqMethod.Append("POST");
        b.ReqPath.Append("/cart?item=ü&n=1");
        b.ReqBody.Append("line1\nline2 \"quoted\" <tag> +1");
        b.ReqBodySize.Append(28);
        b.RespHeaders.Append("{}");
        b.RespStatus.Append(201);
        b.RespMessage.Append("Created");
        b.RespBody.Append((string?)null);
        b.RespBodySize.AppendNull();
        b.Latency.Append(1_500_000);
        table.CommitRow();
        table.Seal();
        using var text = new StringWriter();

        JsonLinesExporter.Write(table, text);

        const string Expected =
            """{"time_":1700000000123456789,"upid":"1:4321:99887766","remote_addr":"10.1.2.3","remote_port":51234,"local_addr":"10.1.2.4","local_port":8080,"trace_role":2,"encrypted":true,"major_version":1,"minor_version":1,"content_type":1,"req_headers":"{\"Host\":\"shop\",\"Accept\":\"*/*\"}","req_method":"POST","req_path":"/cart?item=ü&n=1","req_body":"line1\nline2 \"quoted\" <tag> +1","req_body_size":28,"resp_headers":"{}","resp_status":201,"resp_message":"Created","resp_body":null,"resp_body_size":null,"latency":1500000}"""
            + "\n";
        Assert.Equal(Expected, text.ToString());
    }

    [Fact]
    public void EveryRowIsOneParsableLineInRowOrder()
    {
        var table = HttpRows.NewTable(maxBatchRows: 100);
        HttpRows.AppendMany(table, 1000);
        table.Seal();
        using var stream = new MemoryStream();

        JsonLinesExporter.Write(table, stream);

        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(1001, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        for (int i = 0; i < 1000; i++)
        {
            using JsonDocument row = JsonDocument.Parse(lines[i]);
            Assert.Equal(1_000 + (i * 10), row.RootElement.GetProperty("time_").GetInt64());
            Assert.Equal($"/orders/{i}", row.RootElement.GetProperty("req_path").GetString());
            Assert.Equal("0:42:7", row.RootElement.GetProperty("upid").GetString());
        }
    }

    [Fact]
    public void TextAndStreamOutputsAgree()
    {
        var table = HttpRows.NewTable();
        new HttpRow(5, new Upid(0, 1, 2), Path: "/ünïcødé/🙂").AppendTo(table);
        table.Seal();
        using var text = new StringWriter();
        using var stream = new MemoryStream();

        JsonLinesExporter.Write(table, text);
        JsonLinesExporter.Write(table, stream);

        Assert.Equal(text.ToString(), Encoding.UTF8.GetString(stream.ToArray()));

        // BMP text stays readable; characters outside it are escaped as surrogate pairs (System.Text.Json
        // always does that), which any JSON reader turns back into the same string.
        Assert.Contains("/ünïcødé/\\uD83D\\uDE42", text.ToString(), StringComparison.Ordinal);
        using JsonDocument row = JsonDocument.Parse(text.ToString());
        Assert.Equal("/ünïcødé/🙂", row.RootElement.GetProperty("req_path").GetString());
    }

    [Fact]
    public void ScannedRowsCanBeExported()
    {
        var table = HttpRows.NewTable();
        HttpRows.AppendMany(table, 10, start: 0, step: 1);
        table.Seal();
        using var text = new StringWriter();

        JsonLinesExporter.Write(table.Schema, table.Scan(3, 5), text);

        string[] lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"time_\":3,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"time_\":4,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BooleanColumnsAndEmptyTablesExport()
    {
        var table = new Table<ConnStatsBuilder>(new ConnStatsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
        using var empty = new StringWriter();
        JsonLinesExporter.Write(table, empty);
        Assert.Equal(string.Empty, empty.ToString());

        ConnStatsBuilder b = table.Builder;
        foreach (ColumnBuilder column in b.Columns)
        {
            column.AppendNull();
        }

        table.CommitRow();
        b.Time.Append(1);
        b.Upid.Append(new Upid(0, 2, 3));
        b.RemoteAddr.Append("::1");
        b.RemotePort.Append(443);
        b.TraceRole.Append(TraceRoles.Client);
        b.AddrFamily.Append(10);
        b.Protocol.Append(1);
        b.Ssl.Append(false);
        b.ConnOpen.Append(1);
        b.ConnClose.Append(0);
        b.ConnActive.Append(1);
        b.BytesSent.Append(100);
        b.BytesRecv.Append(200);
        table.CommitRow();
        table.Seal();
        using var text = new StringWriter();

        JsonLinesExporter.Write(table, text);

        Assert.Equal(
            """
            {"time_":null,"upid":null,"remote_addr":null,"remote_port":null,"trace_role":null,"addr_family":null,"protocol":null,"ssl":null,"conn_open":null,"conn_close":null,"conn_active":null,"bytes_sent":null,"bytes_recv":null}
            {"time_":1,"upid":"0:2:3","remote_addr":"::1","remote_port":443,"trace_role":1,"addr_family":10,"protocol":1,"ssl":false,"conn_open":1,"conn_close":0,"conn_active":1,"bytes_sent":100,"bytes_recv":200}

            """.ReplaceLineEndings("\n"),
            text.ToString());
    }
}
