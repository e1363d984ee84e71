using System.Text.Json;

namespace Devtools.Core.Profiling.Output;

/// <summary>
/// speedscope's own JSON format (https://www.speedscope.app/file-format-schema.json):
/// one "sampled" profile, frames shared in a table, each distinct stack a sample
/// (frame indexes root first) weighted by its count. Opens offline in speedscope.
/// </summary>
public static class SpeedscopeWriter
{
    public const string Schema = "https://www.speedscope.app/file-format-schema.json";

    public static void Write(Profile profile, Stream output, string name)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var frameIndex = new Dictionary<(string Name, string? File, int Line), int>();
        var frames = new List<(string Name, string? File, int Line)>();
        var samples = new List<int[]>();
        var weights = new List<long>();
        foreach ((StackFrame[] stack, long count) in FlameStacks.Of(profile))
        {
            var indexes = new int[stack.Length];
            for (int i = 0; i < stack.Length; i++)
            {
                var key = (stack[i].FoldedName, stack[i].File, stack[i].Line);
                if (!frameIndex.TryGetValue(key, out int index))
                {
                    index = frames.Count;
                    frameIndex[key] = index;
                    frames.Add(key);
                }
                indexes[i] = index;
            }
            samples.Add(indexes);
            weights.Add(count);
        }

        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("exporter", "devtools");
        json.WriteString("name", name);
        json.WriteNumber("activeProfileIndex", 0);
        json.WriteStartObject("shared");
        json.WriteStartArray("frames");
        foreach ((string frameName, string? file, int line) in frames)
        {
            json.WriteStartObject();
            json.WriteString("name", frameName);
            if (file is not null)
                json.WriteString("file", file);
            if (line > 0)
                json.WriteNumber("line", line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("profiles");
        json.WriteStartObject();
        json.WriteString("type", "sampled");
        json.WriteString("name", name);
        json.WriteString("unit", "none");
        json.WriteNumber("startValue", 0);
        json.WriteNumber("endValue", weights.Sum());
        json.WriteStartArray("samples");
        foreach (int[] sample in samples)
        {
            json.WriteStartArray();
            foreach (int index in sample)
                json.WriteNumberValue(index);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartArray("weights");
        foreach (long weight in weights)
            json.WriteNumberValue(weight);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
