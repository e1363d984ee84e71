using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Devtools.Core.Query.Dns;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Dns;

/// <summary>One lookup as a client saw it, or as a row or tshark describes it, in one comparable form.</summary>
/// <param name="Answers">Answer records as "TYPE data", e.g. "A 10.0.0.5", "SRV 10 20 8080 host.example.test".</param>
/// <param name="LatencyBoundNs">What the client measured: the row's latency must not exceed it.</param>
public sealed record DnsLookup(int Id, string Name, string Type, string Status, string[] Answers, long LatencyBoundNs = long.MaxValue)
{
    private static readonly string[] OtherSections = ["authority", "additional"];

    public string Key => $"{Id} {Name} {Type} -> {Status} [{string.Join("; ", Answers)}]";

    /// <summary>A dns_events row in this form (latency in <see cref="LatencyBoundNs"/>).</summary>
    /// <param name="row">The row.</param>
    /// <param name="allSections">Records of the authority and additional sections too, after the answers (as tshark's fields list them).</param>
    public static DnsLookup FromRow(DnsEvent row, bool allSections)
    {
        DnsLookup lookup = FromRow(row);
        if (!allSections)
            return lookup;
        using var respBody = JsonDocument.Parse(row.RespBody);
        string[] more = [.. OtherSections
            .Where(section => respBody.RootElement.TryGetProperty(section, out _))
            .SelectMany(section => respBody.RootElement.GetProperty(section).EnumerateArray().Select(DescribeRecord))];
        return lookup with { Answers = [.. lookup.Answers, .. more] };
    }

    /// <summary>A dns_events row in this form (latency in <see cref="LatencyBoundNs"/>).</summary>
    public static DnsLookup FromRow(DnsEvent row)
    {
        using var reqHeader = JsonDocument.Parse(row.ReqHeader);
        using var reqBody = JsonDocument.Parse(row.ReqBody);
        using var respHeader = JsonDocument.Parse(row.RespHeader);
        using var respBody = JsonDocument.Parse(row.RespBody);
        JsonElement query = reqBody.RootElement.GetProperty("queries")[0];
        return new DnsLookup(
            reqHeader.RootElement.GetProperty("txid").GetInt32(),
            query.GetProperty("name").GetString()!,
            query.GetProperty("type").GetString()!,
            respHeader.RootElement.GetProperty("rcode_name").GetString()!,
            [.. respBody.RootElement.GetProperty("answers").EnumerateArray().Select(DescribeRecord)],
            row.LatencyNs);
    }

    private static string DescribeRecord(JsonElement record)
    {
        string type = record.GetProperty("type").GetString()!;
        string data = type switch
        {
            "A" or "AAAA" => record.GetProperty("addr").GetString()!,
            "CNAME" => record.GetProperty("cname").GetString()!,
            "PTR" => record.GetProperty("ptr").GetString()!,
            "NS" => record.GetProperty("ns").GetString()!,
            "MX" => $"{record.GetProperty("preference")} {record.GetProperty("exchange").GetString()}",
            "SRV" => $"{record.GetProperty("priority")} {record.GetProperty("weight")} {record.GetProperty("port")} {record.GetProperty("target").GetString()}",
            "TXT" => string.Join("|", record.GetProperty("text").EnumerateArray().Select(t => t.GetString())),
            _ => record.GetProperty("rdlength").ToString(),
        };
        return $"{type} {data}";
    }
}

/// <summary>Runs dig and reads what it printed for each of its queries.</summary>
public static partial class Dig
{
    /// <summary>
    /// Runs dig with <paramref name="arguments"/> (server, options, then name/type pairs) and
    /// returns each answer it got, its latency bound being the "Query time" dig printed (in
    /// microseconds: -u, which also makes dig read a precise clock rather than the coarse one
    /// whose ticks are milliseconds apart).
    /// </summary>
    public static (int Pid, List<DnsLookup> Lookups) Run(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using ManagedProcess dig = ManagedProcess.Start("dig", ["-u", "+nocmd", "+noall", "+comments", "+question", "+answer", "+stats", .. arguments]);
        bool exited = dig.WaitForExit(TimeSpan.FromSeconds(30));
        long elapsedNs = (long)clock.Elapsed.TotalNanoseconds;
        Assert.True(exited, $"dig did not finish:\n{dig.Output}");
        List<DnsLookup> lookups = Parse(dig.Output, elapsedNs);
        Assert.True(lookups.Count > 0, $"dig printed no answer:\n{dig.Output}");
        return (dig.Pid, lookups);
    }

    public static List<DnsLookup> Parse(string output, long elapsedNs)
    {
        var lookups = new List<DnsLookup>();
        foreach (string block in output.Split(";; Got answer:").Skip(1))
        {
            Match header = HeaderLine().Match(block);
            Match question = QuestionLine().Match(block);
            Match time = QueryTime().Match(block);
            Assert.True(header.Success && question.Success && time.Success, $"Cannot read dig's answer:\n{block}");
            string[] answers = [.. block.Split('\n')
                .SkipWhile(line => !line.StartsWith(";; ANSWER SECTION:", StringComparison.Ordinal))
                .Skip(1)
                .TakeWhile(line => line.Trim().Length > 0)
                .Select(DescribeAnswerLine)];
            long bound = Math.Min(elapsedNs, (long.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture) + 1) * 1_000);
            lookups.Add(new DnsLookup(
                int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture),
                question.Groups[1].Value.TrimEnd('.'),
                question.Groups[2].Value,
                header.Groups[1].Value,
                answers,
                bound));
        }
        return lookups;
    }

    /// <summary>"alias.example.test.	0	IN	CNAME	host.example.test." → "CNAME host.example.test".</summary>
    private static string DescribeAnswerLine(string line)
    {
        string[] parts = line.Split(['\t', ' '], 5, StringSplitOptions.RemoveEmptyEntries);
        string type = parts[3];
        string data = parts[4].Trim();
        data = type switch
        {
            "TXT" => string.Join("|", QuotedString().Matches(data).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal))),
            "CNAME" or "PTR" or "NS" or "MX" or "SRV" => data.Replace(". ", " ", StringComparison.Ordinal).TrimEnd('.'),
            // RFC 3597 form: \# <length> <hex>.
            _ when data.StartsWith("\\#", StringComparison.Ordinal) => data.Split(' ')[1],
            _ => data,
        };
        return $"{type} {data}";
    }

    [GeneratedRegex(@"status: (\w+), id: (\d+)")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\n;(\S+)\s+IN\s+(\S+)")]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"Query time: (\d+) usec")]
    private static partial Regex QueryTime();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedString();
}

/// <summary>Comparisons of what clients and tshark saw with what was captured.</summary>
public static class DnsAssert
{
    /// <summary>
    /// Every lookup appears exactly once among <paramref name="rows"/> (same id, name, type,
    /// status and answers), with 0 &lt; latency ≤ what the client measured; no other row.
    /// </summary>
    public static void EachCapturedOnce(IReadOnlyList<DnsLookup> expected, IEnumerable<DnsEvent> rows, string side) =>
        EachCapturedOnce(expected, rows.Select(DnsLookup.FromRow), side);

    /// <summary>As above, with the rows already in <see cref="DnsLookup"/> form (latency in LatencyBoundNs).</summary>
    public static void EachCapturedOnce(IReadOnlyList<DnsLookup> expected, IEnumerable<DnsLookup> rows, string side)
    {
        List<DnsLookup> captured = [.. rows];
        string Describe() => string.Join("\n", captured.Select(c => $"  {c.Key} latency {c.LatencyBoundNs / 1e6:0.000} ms"));
        Assert.True(expected.Count == captured.Count, $"{side}: expected {expected.Count} lookups, captured {captured.Count}:\n{Describe()}");
        foreach (DnsLookup lookup in expected)
        {
            DnsLookup[] matches = [.. captured.Where(c => c.Key == lookup.Key)];
            Assert.True(matches.Length == 1, $"{side}: {lookup.Key} captured {matches.Length} times; captured:\n{Describe()}");
            long latency = matches[0].LatencyBoundNs;
            Assert.True(latency > 0, $"{side}: {lookup.Key} has latency {latency} ns");
            Assert.True(
                latency <= lookup.LatencyBoundNs,
                $"{side}: {lookup.Key} latency {latency / 1e6:0.000} ms exceeds what the client measured, {lookup.LatencyBoundNs / 1e6:0.000} ms");
        }
    }
}
