using System.Globalization;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Redis;

/// <summary>What tshark's RESP dissector decodes from a <see cref="TsharkCapture"/> of a Redis port.</summary>
internal static class RedisTshark
{
    /// <summary>
    /// Every RESP message tshark decodes, in capture order: which client connection it
    /// belongs to (the client's port), which way it went, and its fields (bulk values
    /// decoded from hex). A message spread over several segments shows in each; the last
    /// one has it whole.
    /// </summary>
    public static List<TsharkRespMessage> Read(TsharkCapture tshark, int serverPort)
    {
        tshark.Stop();
        var messages = new List<TsharkRespMessage>();
        foreach ((int source, string[] f) in tshark.ReadPackets(
            "resp", "tcp.dstport", "resp.array.length", "resp.bulk_string.length", "resp.bulk_string.value", "resp.string", "resp.error", "resp.integer"))
        {
            if (f.Skip(1).All(string.IsNullOrEmpty))
                continue;
            bool request = source != serverPort;
            messages.Add(new TsharkRespMessage(
                request ? source : int.Parse(f[0], CultureInfo.InvariantCulture),
                request,
                f[1] == string.Empty ? null : long.Parse(f[1].Split('|')[0], CultureInfo.InvariantCulture),
                [.. Split(f[2]).Select(v => long.Parse(v, CultureInfo.InvariantCulture))],
                [.. Split(f[3]).Select(Convert.FromHexString)],
                f[4] == string.Empty ? null : f[4],
                f[5] == string.Empty ? null : f[5],
                f[6] == string.Empty ? null : long.Parse(f[6].Split('|')[0], CultureInfo.InvariantCulture)));
        }
        return messages;
    }

    private static string[] Split(string field) => field.Length == 0 ? [] : field.Split('|');
}

/// <summary>One RESP message as tshark decodes it.</summary>
internal sealed record TsharkRespMessage(
    int ClientPort,
    bool IsRequest,
    long? ArrayLength,
    List<long> BulkLengths,
    List<byte[]> BulkValues,
    string? SimpleString,
    string? Error,
    long? Integer);
