using System.Buffers;
using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// The general case of <see cref="HttpHeadersJson"/>: names that repeat (ASCII
/// case-insensitively) are joined into the member of their first occurrence, and members
/// are written whole until the bound is reached. Rare enough that clarity comes first:
/// a key per field, then a pass that writes each first occurrence with its later values.
/// </summary>
internal static class MergedHeadersJson
{
    private const int StackKeys = 64;

    /// <summary>Writes the members after the opening brace. False when members were left out.</summary>
    public static bool Write(scoped HttpHeaders headers, ref BoundedJsonWriter json, bool redactSecrets)
    {
        int count = headers.Count;
        ulong[]? rented = null;
        Span<ulong> keys = count <= StackKeys ? stackalloc ulong[StackKeys] : (rented = ArrayPool<ulong>.Shared.Rent(count));
        try
        {
            int i = 0;
            foreach (HttpHeader header in headers)
                keys[i++] = FoldedName.Of(header.Name).Key;
            keys = keys[..count];

            bool first = true;
            int index = -1;
            foreach (HttpHeader header in headers)
            {
                index++;
                if (RepeatsEarlierName(headers, keys, index, header.Name))
                    continue;
                int mark = json.Position;
                if (!first)
                    json.WriteRaw((byte)',');
                json.WriteString(header.Name);
                json.WriteRaw(":\""u8);
                HttpHeadersJson.WriteValue(ref json, header.Name, header.Value, redactSecrets, plain: false);
                WriteLaterValues(ref json, headers, keys, index, header.Name, redactSecrets);
                json.WriteRaw((byte)'"');
                if (json.Overflowed)
                {
                    json.Rewind(mark);
                    return false;
                }
                first = false;
            }
            return true;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    private static void WriteLaterValues(ref BoundedJsonWriter json, scoped HttpHeaders headers, scoped ReadOnlySpan<ulong> keys, int index, scoped ReadOnlySpan<byte> name, bool redactSecrets)
    {
        if (!keys[(index + 1)..].Contains(keys[index]))
            return;
        int j = -1;
        foreach (HttpHeader other in headers)
        {
            if (++j <= index || keys[j] != keys[index] || !Ascii.EqualsIgnoreCase(other.Name, name))
                continue;
            json.WriteRaw(", "u8);
            HttpHeadersJson.WriteValue(ref json, other.Name, other.Value, redactSecrets, plain: false);
        }
    }

    private static bool RepeatsEarlierName(scoped HttpHeaders headers, scoped ReadOnlySpan<ulong> keys, int index, scoped ReadOnlySpan<byte> name)
    {
        if (!keys[..index].Contains(keys[index]))
            return false;
        int j = -1;
        foreach (HttpHeader other in headers)
        {
            if (++j >= index)
                break;
            if (keys[j] == keys[index] && Ascii.EqualsIgnoreCase(other.Name, name))
                return true;
        }
        return false;
    }
}
