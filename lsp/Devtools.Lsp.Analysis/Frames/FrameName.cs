namespace Devtools.Lsp.Analysis.Frames;

/// <summary>
/// A profiler frame name taken apart into the source member it runs: <c>Type.Method</c> as the
/// managed profiler writes it (TraceEvent's <c>MethodNamespace</c> + "." + <c>MethodName</c>),
/// optionally with an argument list, generic instantiations in brackets, and the compiler's
/// generated names folded back to their owner:
/// <list type="bullet">
/// <item><c>Ns.T+&lt;GetAsync&gt;d__3.MoveNext</c> (async/iterator state machine) → <c>Ns.T</c>, <c>GetAsync</c></item>
/// <item><c>Ns.T+&lt;&gt;c.&lt;Get&gt;b__0_0</c> (lambda, also in a display class) → <c>Ns.T</c>, <c>Get</c></item>
/// <item><c>Ns.T.&lt;Get&gt;g__Local|0_0</c> (local function) → <c>Ns.T</c>, <c>Get</c>, local <c>Local</c></item>
/// <item><c>Program.&lt;Main&gt;$</c> (top-level statements) → <c>Program</c>, <c>&lt;Main&gt;$</c></item>
/// </list>
/// </summary>
/// <param name="TypeName">The declaring type in metadata form without generated nested types: <c>Ns.Outer+Inner`1</c>.</param>
/// <param name="MemberName">The member's metadata name: <c>GetAsync</c>, <c>.ctor</c>, <c>get_Total</c>, <c>&lt;Main&gt;$</c>.</param>
/// <param name="LocalFunction">The local function's name when the frame runs one.</param>
/// <param name="IsLambda">The frame runs a lambda declared in the member.</param>
/// <param name="ArgumentCount">The number of arguments when the frame lists them, else null.</param>
internal sealed record FrameName(string TypeName, string MemberName, string? LocalFunction, bool IsLambda, int? ArgumentCount)
{
    public static FrameName? Parse(string frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        string text = frame.Trim();
        int? arguments = null;
        if (text.EndsWith(')') && FindArgumentList(text) is int open and > 0)
        {
            string list = text[(open + 1)..^1];
            arguments = list.Trim().Length == 0 ? 0 : CountTopLevelCommas(list) + 1;
            text = text[..open];
        }
        text = StripBrackets(text);
        int dot = LastTopLevelDot(text);
        if (dot <= 0)
            return null;
        string type = text[..dot];
        string member = text[(dot + 1)..];
        // ".ctor" and ".cctor": the member's own dot follows the type's.
        if (type.EndsWith('.'))
        {
            type = type[..^1];
            member = "." + member;
        }

        string? local = null;
        bool lambda = false;
        // The state machine of an async/iterator method (or local function) is a nested type named after it.
        string[] nested = SplitTopLevel(type, '+');
        if (nested.Length > 1 && nested[^1].StartsWith('<'))
        {
            string generated = nested[^1];
            type = string.Join('+', nested[..^1]);
            if (generated.StartsWith("<>c", StringComparison.Ordinal))
            {
                // Closure class: the method name says whose lambda or local function it is.
            }
            else if (OwnerOf(generated) is { } stateMachineOwner && generated[(MatchingAngle(generated) + 1)..].StartsWith('d'))
            {
                (member, local) = SplitLocal(stateMachineOwner);
                return new FrameName(type, member, local, false, arguments);
            }
        }
        if (member.StartsWith('<') && OwnerOf(member) is { } owner)
        {
            string kind = member[(MatchingAngle(member) + 1)..];
            if (kind.StartsWith("g__", StringComparison.Ordinal))
            {
                // A local function nested in another is still named after the member: <Get>g__Inner|0_1.
                local = LocalName(kind);
                member = SplitLocal(owner).Member;
            }
            else if (kind.StartsWith("b__", StringComparison.Ordinal))
            {
                (member, local) = SplitLocal(owner);
                lambda = true;
            }
            // Anything else (<Main>$ itself) is the member's real name.
        }
        return new FrameName(type, member, local, lambda, arguments);
    }

    /// <summary><c>&lt;Get&gt;b__0_0</c> → <c>Get</c>; <c>&lt;&lt;Main&gt;$&gt;g__Local|0_0</c> → <c>&lt;Main&gt;$</c>.</summary>
    private static string? OwnerOf(string generated)
    {
        int close = MatchingAngle(generated);
        return close > 1 ? generated[1..close] : null;
    }

    /// <summary>An owner that is itself a local function (<c>&lt;Get&gt;g__Inner|0_1</c>) splits into its member and name.</summary>
    private static (string Member, string? Local) SplitLocal(string owner)
    {
        if (owner.StartsWith('<') && OwnerOf(owner) is { } member)
        {
            string kind = owner[(MatchingAngle(owner) + 1)..];
            if (kind.StartsWith("g__", StringComparison.Ordinal))
                return (member, LocalName(kind));
        }
        return (owner, null);
    }

    /// <summary><c>g__Local|0_0</c> → <c>Local</c>.</summary>
    private static string LocalName(string kind)
    {
        string name = kind[3..];
        int bar = name.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? name : name[..bar];
    }

    private static int MatchingAngle(string text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
                depth++;
            else if (text[i] == '>' && --depth == 0)
                return i;
        }
        return -1;
    }

    private static int? FindArgumentList(string text)
    {
        int depth = 0;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')')
                depth++;
            else if (text[i] == '(' && --depth == 0)
                return i;
        }
        return null;
    }

    private static int CountTopLevelCommas(string list)
    {
        int depth = 0;
        int commas = 0;
        foreach (char c in list)
        {
            if (c is '[' or '<' or '(')
                depth++;
            else if (c is ']' or '>' or ')')
                depth--;
            else if (c == ',' && depth == 0)
                commas++;
        }
        return commas;
    }

    /// <summary>Drops generic instantiations: <c>Repo`1[System.__Canon]</c> → <c>Repo`1</c>.</summary>
    private static string StripBrackets(string text)
    {
        if (!text.Contains('[', StringComparison.Ordinal))
            return text;
        var result = new System.Text.StringBuilder(text.Length);
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '[')
                depth++;
            else if (c == ']')
                depth = Math.Max(0, depth - 1);
            else if (depth == 0)
                result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>The last '.' outside angle brackets (generated names hold dots: <c>&lt;.ctor&gt;b__0_0</c>).</summary>
    private static int LastTopLevelDot(string text)
    {
        int depth = 0;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            char c = text[i];
            if (c == '>')
                depth++;
            else if (c == '<')
                depth--;
            else if (c == '.' && depth == 0)
                return i;
        }
        return -1;
    }

    private static string[] SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '<')
                depth++;
            else if (c == '>')
                depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return [.. parts];
    }
}
