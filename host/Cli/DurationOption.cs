using System.CommandLine;
using System.CommandLine.Parsing;

namespace Devtools.Host.Cli;

/// <summary>A --duration-like option that takes 500ms, 10s, 2m, 1h30m.</summary>
public static class DurationOption
{
    public static Option<TimeSpan?> Create(string name, string description, TimeSpan? defaultValue = null)
    {
        var option = new Option<TimeSpan?>(name)
        {
            Description = description,
            HelpName = "DURATION",
            CustomParser = Parse,
        };
        if (defaultValue is { } d)
            option.DefaultValueFactory = _ => d;
        return option;
    }

    private static TimeSpan? Parse(ArgumentResult result)
    {
        string? text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (DurationParser.TryParse(text, out TimeSpan value) && value > TimeSpan.Zero)
            return value;
        result.AddError($"'{text}' is not a duration: use a number with a unit, e.g. 500ms, 10s, 2m or 1h.");
        return null;
    }
}
