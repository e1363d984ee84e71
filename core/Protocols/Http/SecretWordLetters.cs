namespace Devtools.Core.Protocols.Http;

/// <summary>
/// A one-pass filter in front of the secret-word searches: a name can only contain
/// "token" if it has the letters t, o, k, e and n somewhere, and so on for each word.
/// Common names (Accept-Encoding, User-Agent, Content-Type, X-Request-Id) lack a letter
/// of every word, which settles them without six substring searches.
/// </summary>
/// <remarks>
/// A byte counts as the letter its low five bits name ('a' and 'A' are 1, 'z' is 26), so
/// some punctuation passes for a letter: the filter can only say yes too often, never no.
/// </remarks>
internal static class SecretWordLetters
{
    private static readonly uint Token = Letters("token");
    private static readonly uint Secret = Letters("secret");
    private static readonly uint Password = Letters("password");

    // api-key, apikey and api_key: the separator is not needed to rule them out.
    private static readonly uint ApiKey = Letters("apikey");

    /// <summary>False when <paramref name="name"/> cannot contain any secret word.</summary>
    public static bool MayContainOne(ReadOnlySpan<byte> name)
    {
        // "token", the shortest word, has five letters.
        if (name.Length < 5)
            return false;
        uint present = 0;
        foreach (byte b in name)
            present |= 1u << (b & 31);
        return (present & Token) == Token
            || (present & Secret) == Secret
            || (present & Password) == Password
            || (present & ApiKey) == ApiKey;
    }

    private static uint Letters(string word)
    {
        uint letters = 0;
        foreach (char c in word)
            letters |= 1u << (c & 31);
        return letters;
    }
}
